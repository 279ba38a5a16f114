//! The bundled monograph, checked and rendered on the host: what a pharmacist
//! relies on when editing `monographs/*.toml`. The rules themselves are tested
//! beside them, in `monograph/src/validate.rs`.
#![cfg(not(target_arch = "wasm32"))]

use drug_leaflet::bundled;
use drug_leaflet::components::{Leaflet, LeafletProps};
use drug_leaflet::monograph::markup::shown_text;
use drug_leaflet::monograph::model::{Block, Monograph, SourceRef};
use drug_leaflet::monograph::validate::{added_texts, sentences, sourced_texts, validate, SourcedText};
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
    let facts: Vec<SourcedText> = sourced_texts(&monograph)
        .into_iter()
        .filter(|t| t.path.starts_with("sections") && t.path.contains(".items["))
        .collect();
    for fact in &facts {
        let source = fact
            .source
            .unwrap_or_else(|| panic!("{} has no source: {:?}", fact.path, fact.text));
        assert!(
            declared.contains(&source.doc.as_str()),
            "{}: {:?} is not declared",
            fact.path,
            source.doc
        );
    }
    assert!(facts.len() > 40, "only {} sourced facts", facts.len());
}

#[test]
fn added_content_is_marked_with_its_source_and_the_sources_are_listed() {
    let text = rendered_text(nusinersen());
    for expected in [
        "(Source: PI 6.1)",
        "(Source: PI 5.1)",
        "(Source: PI 2.1)",
        "(Source: PI 16)",
        "PI: Prescribing information (label). SPINRAZA (nusinersen) injection, US prescribing information, Biogen. Revised March 2026.",
        "seed (main source): Consumer drug information. Nusinersen: consumer drug monograph. Revised May 20, 2025.",
        "BIOGEN-2026: Company announcement.",
    ] {
        assert!(text.contains(expected), "missing {expected:?}");
    }
    // Text from the main source carries no marker.
    assert!(!text.contains("(Source: seed"));
}

#[test]
fn every_added_sentence_is_under_20_words() {
    let monograph = nusinersen();
    let texts: Vec<String> = added_texts(&monograph)
        .iter()
        .map(|added| shown_text(added.text))
        .collect();
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
    // The higher-dose schedule's details and any bleeding or kidney "signs".
    for unverified in [
        "50 mg",
        "28 mg",
        "higher-dose",
        "bruising",
        "blood in the urine",
        "blood in urine",
    ] {
        assert!(
            !text.contains(unverified),
            "{unverified:?} is UNVERIFIED and must stay out"
        );
    }
    // Round 2 allows one note that a higher dose exists, citing the announcement once.
    assert_eq!(text.matches("higher dose").count(), 1, "one higher-dose note");
}

/// Round 2 of the clinical review: each correction's new wording is in the
/// leaflet and the wording it replaces is gone.
#[test]
fn the_clinical_review_corrections_are_applied() {
    let text = rendered_text(nusinersen());
    for corrected in [
        "people who had a pretend (sham) procedure",
        "children whose SMA started later",
        "your care team may repeat the test and check further",
        "some medicines of the same kind (antisense oligonucleotides)",
        "especially in younger patients and people with a curved spine (scoliosis)",
        "below 50,000",
    ] {
        assert!(text.contains(corrected), "missing the correction {corrected:?}");
    }
    for replaced in [
        "people who did not get nusinersen",
        "children and adults whose SMA starts later",
        "Kidney damage (renal toxicity)",
        "Damage to the kidneys.",
        "the test is repeated and checked further",
        "Medicines of the same kind as nusinersen",
        "especially in younger patients.",
        "In one person they fell to 10,000",
    ] {
        assert!(!text.contains(replaced), "still says {replaced:?}");
    }
}

#[test]
fn the_header_says_who_reviewed_which_text() {
    let text = rendered_text(nusinersen());
    // The seed's review line, verbatim, labelled as the original text's.
    assert!(
        text.contains(
            "Original text: Medically reviewed by Carmen Pope, BPharm. Last updated on May 20, 2025."
        ),
        "{text}"
    );
    let added = "Added text: compiled on November 27, 2026 from PI (March 2026), EU-PL (2022), MHRA (September 2018), DHPC (July 31, 2018), BIOGEN-2026 (January 12, 2026) (see Sources). Not yet reviewed by a pharmacist.";
    assert!(text.contains(added), "{text}");

    let additions = "[meta.additions]\ncompiled = \"2026-11-27\"\n";
    assert!(
        NUSINERSEN_FILE.contains(additions),
        "the monograph's additions changed"
    );
    let reviewed = rendered_text(parse(&NUSINERSEN_FILE.replacen(
        additions,
        "[meta.additions]\ncompiled = \"2026-11-27\"\n\n[meta.additions.review]\nname = \"A. Pharmacist\"\nrole = \"Clinical pharmacist\"\ndate = \"2026-12-01\"\n",
        1,
    )));
    assert!(
        reviewed.contains("Reviewed by A. Pharmacist, Clinical pharmacist, on December 1, 2026."),
        "{reviewed}"
    );
    assert!(!reviewed.contains("Not yet reviewed"), "{reviewed}");
}

/// The key facts summarise the sections: each names the same source (document
/// and part) as something in the sections, where the reader finds the detail.
#[test]
fn every_key_fact_is_backed_by_the_same_source_in_the_sections() {
    let monograph = nusinersen();
    let in_sections: Vec<&SourceRef> = sourced_texts(&monograph)
        .into_iter()
        .filter(|t| t.path.starts_with("sections"))
        .filter_map(|t| t.source)
        .collect();
    let key_facts: Vec<_> = monograph
        .summary
        .iter()
        .filter_map(|block| match block {
            Block::KeyFacts { items, .. } => Some(items.clone()),
            _ => None,
        })
        .flat_map(|items| items.iter().cloned().collect::<Vec<_>>())
        .collect();
    assert!(
        (4..=6).contains(&key_facts.len()),
        "{} key facts",
        key_facts.len()
    );
    for fact in key_facts {
        let source = fact.source.clone().expect("a key fact names its source");
        assert!(
            in_sections.contains(&&source),
            "key fact {:?} cites {source:?}, which no section cites",
            fact.text
        );
    }
}

/// The box a carer needs is complete: each sign Round 2 lists, with its source.
#[test]
fn the_urgent_box_holds_the_signs_that_need_help() {
    let monograph = nusinersen();
    let urgent: Vec<_> = monograph
        .summary
        .iter()
        .filter_map(|block| match block {
            Block::Urgent { heading, items, .. } => Some((heading.clone(), items.clone())),
            _ => None,
        })
        .collect();
    let [(heading, items)] = urgent.as_slice() else {
        panic!("one urgent block, found {}", urgent.len());
    };
    assert_eq!(heading.as_str(), "Get medical help");
    let text = items
        .iter()
        .map(|i| i.text.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ");
    for sign in [
        "vomiting",
        "headache",
        "does not go away",
        "alert",
        "a head that grows",
        "stiff neck",
        "fever",
        "infection",
        "swelling of the face, lips or tongue",
        "worry you",
    ] {
        assert!(text.contains(sign), "the urgent box lacks {sign:?}: {text}");
    }
    let cited: Vec<&str> = items
        .iter()
        .filter_map(|i| i.source.as_ref().map(|s| s.doc.as_str()))
        .collect();
    for source in ["MHRA", "EU-PL"] {
        assert!(cited.contains(&source), "nothing in the box cites {source}");
    }
}

/// The prerendered fallback (no JavaScript) carries the summary too.
#[test]
fn the_fallback_html_shows_the_urgent_box_and_key_facts() {
    use drug_leaflet::components::{App, AppProps};
    use drug_leaflet::content::Content;
    use drug_leaflet::options::Options;
    let html = futures::executor::block_on(
        LocalServerRenderer::<App>::with_props(yew::props!(AppProps {
            content: Content::Monograph(nusinersen()),
            options: Options::fallback("nusinersen"),
        }))
        .hydratable(false)
        .render(),
    );
    // The opening tag that carries `class="{class}"`, and where it starts.
    let tag_with_class = |class: &str| {
        let at = html.find(&format!("class=\"{class}\"")).expect(class);
        let start = html[..at].rfind('<').expect("a tag");
        let end = at + html[at..].find('>').expect("the tag's end");
        (start, &html[start..=end])
    };
    let (urgent, tag) = tag_with_class("urgent");
    assert!(tag.starts_with("<section"), "{tag}");
    assert!(
        tag.contains(
            "aria-labelledby=\"drug-leaflet-nusinersen-urgent-heading drug-leaflet-nusinersen-title\""
        ),
        "{tag}"
    );
    let (key_facts, tag) = tag_with_class("key-facts");
    assert!(tag.starts_with("<section"), "{tag}");
    let first_section = html.find("data-section-id=").expect("the sections");
    assert!(
        key_facts < urgent && urgent < first_section,
        "key facts, the box, then the sections"
    );
    // Glossary links work without JavaScript: they point at the prefixed ids.
    let (_, link) = tag_with_class("term-link");
    assert!(link.contains("href=\"#drug-leaflet-nusinersen-term-"), "{link}");
    assert!(html.contains("id=\"drug-leaflet-nusinersen-term-platelets\""));
    assert!(
        html.contains("id=\"drug-leaflet-nusinersen-title\""),
        "the title names the box too"
    );
}

/// The small monograph the host-door property tests and the fuzzer start
/// from passes the door, so what they change is what breaks it.
#[test]
fn the_small_fixture_monograph_passes_the_host_door() {
    let text = include_str!("fixtures/small-monograph.json");
    let value: serde_json::Value = serde_json::from_str(text).expect("JSON");
    if let Err(problems) = drug_leaflet::monograph::json::parse(&value) {
        let lines: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        panic!("{}", lines.join("\n"));
    }
}

/// A subheading (an imported leaflet's nested section) is a heading one level
/// below its section's, in the interactive leaflet and the prerendered fallback alike.
#[test]
fn a_subheading_renders_one_level_below_its_section() {
    use drug_leaflet::components::{App, AppProps};
    use drug_leaflet::content::Content;
    use drug_leaflet::options::Options;
    use implicit_clone::unsync::IArray;
    let mut monograph = nusinersen();
    let mut sections = monograph.sections.to_vec();
    let mut blocks = sections[0].blocks.to_vec();
    blocks.insert(
        0,
        Block::Subheading {
            heading: "A nested section".into(),
        },
    );
    sections[0].blocks = IArray::from(blocks);
    monograph.sections = IArray::from(sections);
    assert_eq!(validate(&monograph).errors, Vec::new());
    let html = futures::executor::block_on(
        LocalServerRenderer::<App>::with_props(yew::props!(AppProps {
            content: Content::Monograph(monograph),
            options: Options::fallback("nusinersen"),
        }))
        .hydratable(false)
        .render(),
    );
    let section_heading = html.find("class=\"section-heading").expect("a section heading");
    let tag_start = html[..section_heading].rfind('<').expect("its tag");
    assert!(html[tag_start..].starts_with("<h3 "), "sections are h3");
    assert!(
        html.contains("<h4 class=\"subheading\">A nested section</h4>"),
        "{html}"
    );
}
