//! The bundled monograph and the rules that guard it, on the host: what a
//! pharmacist relies on when editing `monographs/*.toml`.
#![cfg(not(target_arch = "wasm32"))]

use drug_leaflet::bundled;
use drug_leaflet::components::{Leaflet, LeafletProps};
use drug_leaflet::monograph::model::{Block, Monograph, SourceRef};
use drug_leaflet::monograph::validate::{sentences, validate};
use yew::LocalServerRenderer;

const NUSINERSEN_FILE: &str = include_str!("../monographs/nusinersen.toml");
const SEED: &str = include_str!("fixtures/nusinersen-monograph.txt");

fn parse(text: &str) -> Monograph {
    toml::from_str(text).expect("valid TOML monograph")
}

fn nusinersen() -> Monograph {
    bundled::by_id("nusinersen").expect("nusinersen is bundled")
}

/// The leaflet as server-rendered HTML, reduced to its text (like `textContent`).
fn rendered_text(monograph: Monograph) -> String {
    let html = futures::executor::block_on(
        LocalServerRenderer::<Leaflet>::with_props(yew::props!(LeafletProps { monograph }))
            .hydratable(false)
            .render(),
    );
    let mut text = String::new();
    let mut in_tag = false;
    for ch in html.chars() {
        match ch {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => text.push(ch),
            _ => {}
        }
    }
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&");
    normalize(&text)
}

fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_bundled_constant_is_exactly_the_toml_file() {
    // Compared as data: IArray's derived equality tells a static slice from an equal counted one.
    let as_data = |m: &Monograph| serde_json::to_value(m).expect("serializable");
    assert_eq!(as_data(&nusinersen()), as_data(&parse(NUSINERSEN_FILE)));
    assert_eq!(bundled::IDS, ["nusinersen"]);
    assert!(bundled::by_id(bundled::DEFAULT_ID).is_some());
}

#[test]
fn nusinersen_meets_every_rule_without_warnings() {
    let report = validate(&nusinersen());
    assert!(report.errors.is_empty(), "{:#?}", report.errors);
    assert!(report.warnings.is_empty(), "{:#?}", report.warnings);
}

#[test]
fn every_sentence_of_the_seed_is_rendered_verbatim() {
    let text = rendered_text(nusinersen());
    // The seed's first line ("Skip to main content") was its web page's chrome.
    let missing: Vec<String> = SEED
        .lines()
        .skip(1)
        .map(normalize)
        .filter(|line| !line.is_empty() && !text.contains(line.as_str()))
        .collect();
    assert!(missing.is_empty(), "seed text not in the leaflet: {missing:#?}");
}

#[test]
fn every_lead_in_that_ends_in_a_colon_now_has_a_list() {
    let monograph = nusinersen();
    let leads: Vec<(String, usize)> = monograph
        .sections
        .iter()
        .flat_map(|section| section.blocks.iter().cloned().collect::<Vec<_>>())
        .filter_map(|block| match block {
            Block::List {
                lead: Some(lead),
                items,
                ..
            } => Some((lead.to_string(), items.len())),
            _ => None,
        })
        .collect();
    for seed_lead in SEED.lines().filter(|line| line.trim_end().ends_with(':')) {
        let found = leads.iter().find(|(lead, _)| lead == seed_lead);
        assert!(
            found.is_some_and(|(_, items)| *items > 0),
            "{seed_lead:?} has no list under it"
        );
    }
    let administering = monograph
        .sections
        .iter()
        .find(|s| s.heading == "Before administering")
        .expect("the seed's 'Before administering' section");
    assert!(!administering.blocks.is_empty());
}

#[test]
fn every_added_fact_names_a_declared_source() {
    let monograph = nusinersen();
    let declared: Vec<&str> = monograph.sources.iter().map(|s| s.id.as_str()).collect();
    let mut facts = 0;
    for section in monograph.sections.iter() {
        for block in section.blocks.iter() {
            let sources: Vec<_> = match block {
                Block::List { items, .. } => items.iter().map(|i| i.source.clone()).collect(),
                Block::Definitions { items } => items.iter().map(|i| i.source.clone()).collect(),
                _ => continue,
            };
            for source in sources {
                let source = source.unwrap_or_else(|| panic!("a fact in {:?} has no source", section.id));
                assert!(
                    declared.contains(&source.doc.as_str()),
                    "{:?} is not declared",
                    source.doc
                );
                facts += 1;
            }
        }
    }
    assert!(facts > 40, "only {facts} sourced facts");
}

#[test]
fn added_content_is_marked_with_its_source_and_the_sources_are_listed() {
    let text = rendered_text(nusinersen());
    for expected in [
        "(Source: PI 6.1)",
        "(Source: PI 5.1)",
        "(Source: PI 2.1)",
        "(Source: PI 16)",
        "PI: SPINRAZA (nusinersen) injection, US prescribing information, Biogen. Revised March 2026.",
        "seed (main source): Nusinersen: consumer drug monograph. Revised May 20, 2025.",
    ] {
        assert!(text.contains(expected), "missing {expected:?}");
    }
    // Text from the main source carries no marker.
    assert!(!text.contains("(Source: seed"));
}

#[test]
fn every_added_sentence_is_under_20_words() {
    let monograph = nusinersen();
    let based_on = monograph.meta.based_on.clone();
    let added = |source: &Option<SourceRef>| source.as_ref().is_some_and(|s| s.doc != based_on);
    let mut texts = Vec::new();
    for section in monograph.sections.iter() {
        for block in section.blocks.iter() {
            match block {
                Block::Paragraph { text, source } | Block::Note { text, source } if added(source) => {
                    texts.push(text.to_string())
                }
                Block::List { lead, source, items } => {
                    texts.extend(lead.iter().filter(|_| added(source)).map(|l| l.to_string()));
                    texts.extend(
                        items
                            .iter()
                            .filter(|i| added(&i.source))
                            .map(|i| i.text.to_string()),
                    );
                }
                Block::Definitions { items } => texts.extend(
                    items
                        .iter()
                        .filter(|i| added(&i.source))
                        .map(|i| i.definition.to_string()),
                ),
                _ => {}
            }
        }
    }
    assert!(texts.len() > 60, "only {} added texts", texts.len());
    let long: Vec<&str> = texts
        .iter()
        .flat_map(|t| sentences(t))
        .filter(|s| s.split_whitespace().count() >= 20)
        .collect();
    assert!(
        long.is_empty(),
        "plain language: sentences under 20 words: {long:#?}"
    );
}

#[test]
fn nothing_marked_unverified_in_the_label_facts_is_in_the_leaflet() {
    let text = rendered_text(nusinersen()).to_lowercase();
    for unverified in ["50 mg", "28 mg", "higher-dose", "higher dose"] {
        assert!(
            !text.contains(unverified),
            "{unverified:?} is UNVERIFIED and must stay out"
        );
    }
}

/// A small valid monograph; each rule test breaks it in one place.
const MINIMAL: &str = r#"
[meta]
id = "example"
title = "Example"
language = "en"
generic_name = "example"
brand_name = "Examplex"
dosage_form = "tablet"
drug_class = "examples"
reviewed_by = "A. Pharmacist"
last_updated = "2025-05-20"
based_on = "seed"

[[sources]]
id = "seed"
title = "Seed"

[[sources]]
id = "PI"
title = "Prescribing information"
revised = "2026-03"

[[sections]]
id = "side-effects"
heading = "Side effects"

[[sections.blocks]]
kind = "list"
lead = "Common side effects are:"
items = [{ text = "Headache.", source = { doc = "PI", section = "6.1" } }]

[[sections.blocks]]
kind = "paragraph"
text = "Ask your doctor about other side effects."
"#;

/// The validation errors of a TOML monograph, as `path: message` lines.
fn errors_of(text: &str) -> Vec<String> {
    validate(&parse(text))
        .errors
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// The errors of `MINIMAL` with `from` replaced by `to`.
fn errors_after(from: &str, to: &str) -> Vec<String> {
    assert!(MINIMAL.contains(from), "{from:?} is not in the fixture");
    errors_of(&MINIMAL.replacen(from, to, 1))
}

fn assert_rejected(from: &str, to: &str, expected: &str) {
    let errors = errors_after(from, to);
    assert!(
        errors.iter().any(|e| e.contains(expected)),
        "expected {expected:?} in {errors:#?}"
    );
}

#[test]
fn the_minimal_fixture_is_valid() {
    assert_eq!(errors_after("Headache.", "Headache."), Vec::<String>::new());
}

#[test]
fn rejects_a_colon_with_no_list_after_it() {
    assert_rejected(
        "Ask your doctor about other side effects.",
        "Ask your doctor about:",
        "sections[0].blocks[1].text: ends with a colon but no list follows it",
    );
}

#[test]
fn rejects_an_empty_section_and_an_empty_list() {
    let without_blocks = MINIMAL
        .split("[[sections.blocks]]")
        .next()
        .expect("head")
        .to_owned()
        + "blocks = []\n";
    let errors = errors_of(&without_blocks);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("sections[0].blocks: section \"Side effects\" is empty")),
        "{errors:#?}"
    );
    assert_rejected(
        r#"items = [{ text = "Headache.", source = { doc = "PI", section = "6.1" } }]"#,
        "items = []",
        "sections[0].blocks[0].items: list is empty",
    );
}

#[test]
fn rejects_duplicate_and_non_slug_ids() {
    assert_rejected(
        "id = \"side-effects\"",
        "id = \"Side Effects\"",
        "sections[0].id: \"Side Effects\" is not a slug",
    );
    let twice = MINIMAL.to_owned() + "\n[[sections]]\nid = \"side-effects\"\nheading = \"Again\"\nblocks = [{ kind = \"paragraph\", text = \"More.\" }]\n";
    let errors = errors_of(&twice);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("sections[1].id: duplicate section id \"side-effects\"")),
        "{errors:#?}"
    );
}

#[test]
fn rejects_a_fact_without_a_source_and_an_undeclared_source() {
    assert_rejected(
        r#"{ text = "Headache.", source = { doc = "PI", section = "6.1" } }"#,
        r#"{ text = "Headache." }"#,
        "sections[0].blocks[0].items[0].source: an added fact needs a source",
    );
    assert_rejected(
        r#"source = { doc = "PI", section = "6.1" }"#,
        r#"source = { doc = "EMA", section = "4.8" }"#,
        "sections[0].blocks[0].items[0].source.doc: \"EMA\" is not a declared source id",
    );
}

#[test]
fn rejects_dates_that_are_not_iso_8601() {
    assert_rejected(
        "last_updated = \"2025-05-20\"",
        "last_updated = \"May 20, 2025\"",
        "meta.last_updated: \"May 20, 2025\" is not an ISO 8601 date",
    );
    assert_rejected(
        "revised = \"2026-03\"",
        "revised = \"03/2026\"",
        "sources[1].revised: \"03/2026\" is not an ISO 8601 date",
    );
}

#[test]
fn reports_long_added_sentences_without_failing() {
    let long = "Headache happened in many of the people who took part in the studies of this medicine, more often than in the people who did not take it at all.";
    let report = validate(&parse(&MINIMAL.replacen("Headache.", long, 1)));
    assert!(report.errors.is_empty(), "{:#?}", report.errors);
    assert_eq!(report.warnings.len(), 1);
    assert!(report.warnings[0]
        .to_string()
        .contains("added sentence has 29 words (over 25)"));
}

#[test]
fn rejects_unknown_fields_by_name() {
    let error = toml::from_str::<Monograph>(&MINIMAL.replacen("heading =", "headline =", 1))
        .expect_err("unknown field");
    assert!(error.to_string().contains("unknown field `headline`"), "{error}");
}
