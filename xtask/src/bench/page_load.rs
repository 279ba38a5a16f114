//! What the probe (`bench/probe.js`) reports about one page load, and the
//! request waterfall depth derived from its Resource Timing entries.

use serde::Deserialize;

use super::pages::WIDGET_PATH;

/// `window.__bench.result()`: ms since navigation start.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PageLoad {
    pub done: bool,
    pub first_contentful_paint: Option<f64>,
    /// When the leaflet fired `drug-leaflet-ready` (widget pages only).
    pub shown: Option<f64>,
    /// When the first section toggle took effect (not on `?settled` loads):
    /// the widget's button on the widget page, a `<details>` of the fallback
    /// or the baseline as soon as the document is parsed on the others.
    pub interactive: Option<f64>,
    /// When the widget's own first section toggle took effect (widget pages,
    /// not on `?settled` loads).
    pub upgraded: Option<f64>,
    /// Cumulative layout shift of a `?settled` load; `None` on the others and
    /// where the browser has no Layout Instability API (Firefox).
    pub layout_shift: Option<f64>,
    /// Of a `?settled&open-two` load: the layout shift from the moment two
    /// sections opened in the fallback were painted (the WASM held back until
    /// then) to the leaflet settled.
    pub upgrade_shift: Option<f64>,
    /// When the document's response ended.
    pub document_end: f64,
    pub resources: Vec<Fetch>,
}

/// One Resource Timing entry.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Fetch {
    pub name: String,
    pub start: f64,
    pub end: f64,
}

impl PageLoad {
    /// The depth of the widget's own files (the browser may fetch others, a favicon).
    pub fn waterfall_depth(&self) -> usize {
        let widget: Vec<Fetch> = self
            .resources
            .iter()
            .filter(|fetch| fetch.name.contains(WIDGET_PATH))
            .cloned()
            .collect();
        waterfall_depth(self.document_end, &widget)
    }
}

/// The number of sequential round trips after the document: a fetch that
/// starts only after another one (or the document) has ended sits one level
/// below the deepest such one. The loader, then the core module it adds, then
/// the WASM that module fetches is 3; fetches found in the document alone are 1.
pub fn waterfall_depth(document_end: f64, fetches: &[Fetch]) -> usize {
    let mut ordered: Vec<&Fetch> = fetches.iter().collect();
    ordered.sort_by(|a, b| a.start.total_cmp(&b.start));
    let mut depths: Vec<(f64, usize)> = vec![(document_end, 0)];
    for fetch in ordered {
        let after = depths
            .iter()
            .filter(|(end, _)| *end <= fetch.start)
            .map(|(_, depth)| *depth)
            .max()
            .unwrap_or(0);
        depths.push((fetch.end, after + 1));
    }
    depths.iter().map(|(_, depth)| *depth).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fetch(name: &str, start: f64, end: f64) -> Fetch {
        Fetch {
            name: name.into(),
            start,
            end,
        }
    }

    #[test]
    fn a_chain_of_fetches_is_as_deep_as_it_is_long() {
        let chain = [
            fetch("core.wasm", 40.0, 90.0),
            fetch("loader.js", 5.0, 20.0),
            fetch("core.js", 21.0, 35.0),
        ];
        assert_eq!(waterfall_depth(10.0, &chain), 3);
    }

    #[test]
    fn parallel_fetches_share_a_level() {
        let parallel = [
            fetch("a.js", 12.0, 30.0),
            fetch("b.css", 12.5, 25.0),
            fetch("c.js", 31.0, 40.0),
        ];
        assert_eq!(waterfall_depth(10.0, &parallel), 2);
        // Found by the preload scanner before the document ended: still one trip.
        assert_eq!(waterfall_depth(10.0, &[fetch("early.js", 3.0, 15.0)]), 1);
        assert_eq!(waterfall_depth(10.0, &[]), 0);
    }

    #[test]
    fn only_the_widget_files_count() {
        let load = PageLoad {
            done: true,
            first_contentful_paint: None,
            shown: None,
            interactive: None,
            upgraded: None,
            layout_shift: None,
            upgrade_shift: None,
            document_end: 10.0,
            resources: vec![
                fetch("http://127.0.0.1/favicon.ico", 10.5, 11.0),
                fetch("http://127.0.0.1/drug-leaflet/drug-leaflet.js", 12.0, 15.0),
                fetch("http://127.0.0.1/drug-leaflet/drug-leaflet-core.js", 16.0, 18.0),
            ],
        };
        assert_eq!(load.waterfall_depth(), 2);
    }
}
