//! The prerendered fallback (`<id>.fallback.html`), read as a hospital pastes
//! it: what it says without script or style of ours.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use drug_leaflet::bundled;
use drug_leaflet::components::{App, AppProps};
use drug_leaflet::content::Content;
use drug_leaflet::monograph::loader;
use drug_leaflet::monograph::model::Monograph;
use drug_leaflet::options::Options;
use yew::LocalServerRenderer;

fn fallback(monograph: Monograph) -> String {
    let id = monograph.meta.id.to_string();
    futures::executor::block_on(
        LocalServerRenderer::<App>::with_props(yew::props!(AppProps {
            content: Content::Monograph(monograph),
            options: Options::fallback(&id),
        }))
        .hydratable(false)
        .render(),
    )
}

fn nusinersen() -> Monograph {
    bundled::by_id("nusinersen").expect("bundled")
}

/// The text of every element whose opening tag carries `class="{class}"`.
fn texts_of(html: &str, class: &str) -> Vec<String> {
    let marker = format!("class=\"{class}\"");
    html.match_indices(&marker)
        .map(|(at, _)| {
            let open_end = at + html[at..].find('>').expect("the tag's end") + 1;
            let close = open_end + html[open_end..].find("</").expect("a closing tag");
            html[open_end..close].to_owned()
        })
        .collect()
}

#[test]
fn each_section_and_box_ends_with_one_source_line_and_no_line_has_a_marker() {
    let monograph = nusinersen();
    let html = fallback(monograph.clone());
    let lines = texts_of(&html, "source-line");
    // Every section, the key facts and the urgent box (Sources cites nothing).
    assert_eq!(lines.len(), monograph.sections.len() + 2, "{lines:#?}");
    assert!(
        lines.iter().all(|l| l.starts_with("Where this comes from: ")),
        "{lines:#?}"
    );
    let side_effects = &lines[3];
    assert!(
        side_effects.starts_with(
            "Where this comes from: US prescribing information, section 6.1; EU package leaflet (2022)"
        ),
        "{side_effects}"
    );
    assert!(side_effects.ends_with("; the original page."), "{side_effects}");
    assert!(
        !html.contains("source-marker"),
        "no per-line markers without our style"
    );
}

#[test]
fn the_urgent_box_ends_with_the_general_line_the_hospital_may_replace() {
    let html = fallback(nusinersen());
    let urgent = html.find("class=\"urgent\"").expect("the urgent box");
    let general = html
        .find("<p class=\"urgent-default\" lang=\"en\">Get help right away: call your care team, or 911 in an emergency.</p>")
        .expect("the general line, as the README quotes it");
    let key_facts_or_sections = html.find("data-section-id=").expect("the sections");
    assert!(urgent < general && general < key_facts_or_sections);
    // The slot is the element's: the fallback has none of its own.
    assert!(!html.contains("<slot"), "no slot in the fallback");
}

#[test]
fn the_header_says_the_country_and_opens_about_this_leaflet() {
    let html = fallback(nusinersen());
    assert!(
        html.contains("Written for patients in the United States. It follows the"),
        "{html}"
    );
    assert!(
        html.contains("<details class=\"about\" part=\"about\" open=\"\">"),
        "open without script"
    );
}

#[test]
fn example_data_says_so_in_the_header_and_in_its_urgent_box() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("monographs/examplamab.toml");
    let loaded = loader::load(&file).expect("examplamab");
    assert!(loaded.monograph.meta.example, "examplamab is example data");
    let html = fallback(loaded.monograph);
    let banners: Vec<usize> = html
        .match_indices("TEST DATA: NOT A REAL MEDICINE")
        .map(|(at, _)| at)
        .collect();
    let urgent = html.find("class=\"urgent\"").expect("the urgent box");
    let title = html.find("class=\"title\"").expect("the title");
    assert_eq!(banners.len(), 2, "header and urgent box");
    assert!(banners[0] < title && banners[1] > urgent, "{banners:?}");
    assert!(!fallback(nusinersen()).contains("TEST DATA"));
}

#[test]
fn each_section_is_a_native_disclosure_with_the_first_open() {
    let monograph = nusinersen();
    let html = fallback(monograph.clone());
    let opening_tags: Vec<&str> = html
        .match_indices("<details class=\"section\"")
        .map(|(at, _)| &html[at..at + html[at..].find('>').expect("the tag's end") + 1])
        .collect();
    // Every section, then Sources.
    assert_eq!(
        opening_tags.len(),
        monograph.sections.len() + 1,
        "{opening_tags:#?}"
    );
    assert_eq!(
        opening_tags[0], "<details class=\"section\" data-section-id=\"what-is-nusinersen\" open=\"\">",
        "the first open, as the element starts"
    );
    assert!(
        opening_tags[1..].iter().all(|tag| !tag.contains("open")),
        "{opening_tags:#?}"
    );
    // The summary holds the section's heading, so headings still outline the page.
    assert!(
        html.contains(
            "<summary class=\"section-heading\"><h3 id=\"drug-leaflet-nusinersen-what-is-nusinersen-heading\">What is nusinersen?</h3></summary>"
        ),
        "{html}"
    );
    assert!(!html.contains("<button"), "nothing needs a script");
}
