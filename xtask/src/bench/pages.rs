//! The bench's host pages, written into `target/bench/pages/` from the
//! templates in `bench/pages/` with the probe (`bench/probe.js`) inlined:
//!
//! - `widget.html`: the README snippet, nothing else;
//! - `widget-fallback.html`: the same with `dist/nusinersen.fallback.html` pasted inside;
//! - `baseline.html`: the same monograph as static `<details>`/`<summary>`,
//!   made from that fallback HTML, with the leaflet's stylesheet inline;
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
    /// The pages whose loads are compared, alternated in every run.
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
    let stylesheet = read(root.join("styles/leaflet.css"))?;
    let baseline = details_from_fallback(&fallback)?;
    for page in [Page::Widget, Page::WidgetWithFallback, Page::Baseline, Page::Lab] {
        let template = read(root.join("bench/pages").join(page.file()))?;
        let html = template
            .replace("{{PROBE}}", &probe)
            .replace("{{FALLBACK}}", &fallback)
            .replace("{{LEAFLET_CSS}}", &host_rules_on_wrapper(&stylesheet))
            .replace("{{MONOGRAPH_DETAILS}}", &baseline);
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

/// The fallback HTML with each accordion section (`<section data-section-id>`)
/// as a `<details>` whose `<summary>` holds the section's heading; the first
/// one open, as the widget opens it.
pub fn details_from_fallback(fallback: &str) -> Result<String> {
    let mut out = String::with_capacity(fallback.len() + 1024);
    let mut rest = fallback;
    let mut count = 0;
    while let Some(start) = find_section_start(rest) {
        out.push_str(&rest[..start]);
        let section = &rest[start..];
        let open_end = section.find('>').context("an unclosed <section tag")? + 1;
        let close =
            matching_section_close(section).context("a <section data-section-id> without its </section>")?;
        let attributes = &section["<section".len()..open_end - 1];
        let body = &section[open_end..close];
        let (heading_start, heading_end) = first_heading(body)
            .with_context(|| format!("a section without a heading: {}", &section[..open_end]))?;
        let open = if count == 0 { " open" } else { "" };
        out.push_str(&format!(
            "<details{attributes}{open}>{}<summary>{}</summary>{}</details>",
            &body[..heading_start],
            &body[heading_start..heading_end],
            &body[heading_end..]
        ));
        rest = &section[close + "</section>".len()..];
        count += 1;
    }
    out.push_str(rest);
    if count == 0 {
        bail!("the fallback HTML has no <section data-section-id> to turn into <details>");
    }
    Ok(out)
}

fn find_section_start(html: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = html[from..].find("<section") {
        let start = from + at;
        let tag_end = start + html[start..].find('>')?;
        if html[start..tag_end].contains(" data-section-id=") {
            return Some(start);
        }
        from = tag_end;
    }
    None
}

/// Byte offset of the `</section>` closing the `<section` `html` starts with.
fn matching_section_close(html: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut at = 0;
    loop {
        let next_open = html[at..].find("<section").map(|i| at + i);
        let next_close = html[at..].find("</section>").map(|i| at + i)?;
        match next_open {
            Some(open) if open < next_close => {
                depth += 1;
                at = open + "<section".len();
            }
            _ => {
                depth -= 1;
                if depth == 0 {
                    return Some(next_close);
                }
                at = next_close + "</section>".len();
            }
        }
    }
}

/// Start and end (after its closing tag) of the first `<h1>`..`<h6>` element.
fn first_heading(html: &str) -> Option<(usize, usize)> {
    let start = (1..=6)
        .filter_map(|level| html.find(&format!("<h{level}")))
        .min()?;
    let level = &html[start + 2..start + 3];
    let close = format!("</h{level}>");
    let end = start + html[start..].find(&close)? + close.len();
    Some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FALLBACK_SAMPLE: &str = concat!(
        "<article class=\"leaflet\"><section class=\"urgent\"><h3>Get help</h3><p>Call</p></section>",
        "<div class=\"content\">",
        "<section data-section-id=\"side-effects\" class=\"section\"><h3 id=\"a\" class=\"section-heading\">Side effects</h3>",
        "<div class=\"panel\"><p>Headache.</p></div></section>",
        "<section data-section-id=\"storage\" class=\"section\"><h3 class=\"section-heading\">Storage</h3>",
        "<div class=\"panel\"><section class=\"nested\"><p>Cold.</p></section></div></section>",
        "</div></article>"
    );

    #[test]
    fn each_section_becomes_details_with_its_heading_as_summary() {
        let html = details_from_fallback(FALLBACK_SAMPLE).unwrap();
        assert_eq!(
            html,
            concat!(
                "<article class=\"leaflet\"><section class=\"urgent\"><h3>Get help</h3><p>Call</p></section>",
                "<div class=\"content\">",
                "<details data-section-id=\"side-effects\" class=\"section\" open><summary><h3 id=\"a\" class=\"section-heading\">Side effects</h3></summary>",
                "<div class=\"panel\"><p>Headache.</p></div></details>",
                "<details data-section-id=\"storage\" class=\"section\"><summary><h3 class=\"section-heading\">Storage</h3></summary>",
                "<div class=\"panel\"><section class=\"nested\"><p>Cold.</p></section></div></details>",
                "</div></article>"
            )
        );
    }

    #[test]
    fn html_without_sections_is_refused() {
        assert!(details_from_fallback("<article><p>Nothing</p></article>").is_err());
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
