//! The bench's host pages, written into `target/bench/pages/` from the
//! templates in `bench/pages/` with the probe (`bench/probe.js`) inlined:
//!
//! - `widget.html`: the README snippet, nothing else;
//! - `widget-fallback.html`: the recommended snippet, `dist/embed/nusinersen.html`
//!   (the pinned loader and print stylesheet, the fallback pasted inside);
//! - `baseline.html`: the same monograph as static `<details>`/`<summary>`:
//!   that fallback HTML, with the leaflet's stylesheet inline;
//! - `lab.html`: the loader and an empty container for the scale experiments.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

/// A page the bench loads, as the tables name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Widget,
    WidgetWithFallback,
    Baseline,
    Lab,
}

impl Page {
    /// The pages whose loads are compared, in a balanced cycle (`measure::page_at`).
    pub const LOADS: [Page; 3] = [Page::Widget, Page::WidgetWithFallback, Page::Baseline];

    pub fn file(self) -> &'static str {
        match self {
            Page::Widget => "widget.html",
            Page::WidgetWithFallback => "widget-fallback.html",
            Page::Baseline => "baseline.html",
            Page::Lab => "lab.html",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Page::Widget => "widget",
            Page::WidgetWithFallback => "widget + fallback",
            Page::Baseline => "baseline",
            Page::Lab => "lab",
        }
    }
}

const FALLBACK: &str = "nusinersen.fallback.html";
const SNIPPET: &str = "embed/nusinersen.html";
/// Where the templates load dist/ from; the bench serves it there.
pub const WIDGET_PATH: &str = "/drug-leaflet/";

/// Writes every page into `target/bench/pages/` and returns that folder.
pub fn write(root: &Path, dist: &Path) -> Result<PathBuf> {
    let out = root.join("target/bench/pages");
    fs::create_dir_all(&out).with_context(|| format!("creating {}", out.display()))?;
    let read =
        |path: PathBuf| fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()));
    let probe = read(root.join("bench/probe.js"))?;
    let fallback = read(dist.join(FALLBACK))?;
    let snippet = read(dist.join(SNIPPET))?;
    let stylesheet = read(root.join("styles/leaflet.css"))?;
    let baseline = sections_as_details(&fallback)?;
    for page in [Page::Widget, Page::WidgetWithFallback, Page::Baseline, Page::Lab] {
        let template = read(root.join("bench/pages").join(page.file()))?;
        let html = template
            .replace("{{PROBE}}", &probe)
            .replace("{{SNIPPET}}", &snippet)
            .replace("{{LEAFLET_CSS}}", &host_rules_on_wrapper(&stylesheet))
            .replace("{{MONOGRAPH_DETAILS}}", baseline);
        fs::write(out.join(page.file()), html)?;
    }
    Ok(out)
}

/// The leaflet's stylesheet for a page without a shadow root: its `:host`
/// rules apply to the `.leaflet-host` wrapper instead.
pub fn host_rules_on_wrapper(stylesheet: &str) -> String {
    let mut out = String::with_capacity(stylesheet.len());
    let mut rest = stylesheet;
    while let Some(at) = rest.find(":host") {
        out.push_str(&rest[..at]);
        out.push_str(".leaflet-host");
        rest = &rest[at + ":host".len()..];
        // `:host(<selector>)` is the host matching <selector>.
        if let Some(inner) = rest.strip_prefix('(') {
            if let Some(close) = inner.find(')') {
                out.push_str(&inner[..close]);
                rest = &inner[close + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The fallback HTML as the baseline's body: it already writes each section
/// as a native `<details data-section-id>` (the first one open) whose
/// `<summary>` holds the heading, which is the static page to beat.
pub fn sections_as_details(fallback: &str) -> Result<&str> {
    let sections = fallback
        .matches("<details class=\"section\" data-section-id=")
        .count();
    if sections < 3 {
        bail!(
            "the fallback HTML has {sections} <details data-section-id>, not the 3 or more the bench opens"
        );
    }
    Ok(fallback)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fallback_is_the_baseline_when_it_has_sections_to_toggle() {
        let section = |id: &str| {
            format!("<details class=\"section\" data-section-id=\"{id}\"><summary>{id}</summary></details>")
        };
        let three = format!(
            "<article>{}{}{}</article>",
            section("a"),
            section("b"),
            section("c")
        );
        assert_eq!(sections_as_details(&three).unwrap(), three);
        assert!(sections_as_details("<article><section data-section-id=\"a\"></section></article>").is_err());
    }

    #[test]
    fn host_rules_apply_to_the_wrapper() {
        let css = ":host { all: initial; }\n:host([hidden]) { display: none; }\n.panel { color: red; }";
        assert_eq!(
            host_rules_on_wrapper(css),
            ".leaflet-host { all: initial; }\n.leaflet-host[hidden] { display: none; }\n.panel { color: red; }"
        );
    }
}
