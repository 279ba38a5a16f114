//! The bundled monograph, checked and rendered on the host: what a pharmacist
//! relies on when editing `monographs/*.toml`. The rules themselves are tested
//! beside them, in `monograph/src/validate/`.
#![cfg(not(target_arch = "wasm32"))]

use drug_leaflet::bundled;
use drug_leaflet::components::{Leaflet, LeafletProps};
use drug_leaflet::monograph::markup::shown_text;
use drug_leaflet::monograph::model::{Block, Monograph, SourceRef};
use drug_leaflet::monograph::validate::{added_texts, sentences, sourced_texts, validate, SourcedText};
use yew::LocalServerRenderer;

const NUSINERSEN_FILE: &str = include_str!("../monographs/nusinersen.toml");
const SEED: &str = include_str!("../monographs/nusinersen.base.txt");

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
    let long = drug_leaflet::monograph::validate::long_sentences(&nusinersen());
    assert!(long.is_empty(), "{long:#?}");
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
        // Round 3: the animal findings and a normal platelet range no stored copy gives.
        "in mice",
        "150,000 to 450,000",
        "450,000",
        // Round 3: found in no stored label copy.
        "no interaction studies",
        "back surgery",
    ] {
        assert!(
            !text.contains(unverified),
            "{unverified:?} is UNVERIFIED and must stay out"
        );
    }
    // Round 2 allows one note that a higher dose exists, citing the announcement once;
    // Round 3 lets it name the EU approval (January 2026), and nothing about the US.
    assert_eq!(text.matches("higher dose").count(), 1, "one higher-dose note");
    assert!(text.contains("in the european union, a higher dose was also approved in january 2026."));
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

/// Round 3 of the label facts (the review checked against stored label
/// copies): each correction's new wording is in the leaflet, citing what the
/// facts verified, and the wording it replaces is gone.
#[test]
fn the_round_3_corrections_are_applied() {
    let monograph = nusinersen();
    let text = rendered_text(monograph.clone());
    for corrected in [
        // Hydrocephalus: how rare, as the MHRA says it.
        "This has been reported rarely, most often after the 2nd, 3rd or 4th loading dose.",
        // Pregnancy: the labels' own words after the original sentences.
        "There is not enough information about nusinersen in pregnancy.",
        "In Europe, the advice is to avoid it in pregnancy and breastfeeding if possible.",
        // Platelets: the normal level, as far as the facts allow.
        "A normal count is usually 150,000 or more per microliter. The exact range differs between labs.",
        // Trial side effects: the newly verified ones, and who each number is about.
        "Wind or gas (flatulence): 5 in 100 treated babies, compared with 2 in 100 in the control group.",
        "Weight loss: 5 in 100 treated babies, compared with 2 in 100 in the control group.",
        "Seasonal allergies: 5 in 100 treated children, compared with 2 in 100 in the control group.",
        "Headache: 29 in 100 treated children, compared with 7 in 100 in the control group.",
        "These problems were reported after approval:",
        // The reporting line of the other jurisdiction the facts give (after the FDA's, below).
        "In the UK, report side effects through the Yellow Card scheme (www.mhra.gov.uk/yellowcard) or the Yellow Card app.",
        // Normal after-effects of the injection, told apart from warning signs.
        "Most of them start within 3 days (72 hours).",
        "But vomiting or headache that does not go away is a warning sign. Get medical help right away",
        // The schedule is the US one; the EU's is named as the EU's.
        "This leaflet follows the US schedule. In other countries, the schedule may be different.",
        "in the European Union the 4 loading doses are given on days 0, 14, 28 and 63.",
        "The 4th loading dose is given 30 days after the 3rd.",
        // The urgent box: how fast, and a sign a parent can judge.
        "Get medical help right away if you or your child has any of these:",
        "Being much sleepier or harder to wake than usual (reduced consciousness).",
    ] {
        assert!(text.contains(corrected), "missing the correction {corrected:?}");
    }
    let fda = text
        .find("You may report side effects to the FDA at 1-800-FDA-1088.")
        .expect("the seed's FDA line");
    let uk = text.find("In the UK, report side effects").expect("the UK line");
    assert!(fda < uk, "the UK line follows the seed's FDA line");
    for replaced in [
        "This is rare",
        "rarely been reported",
        "In studies in mice",
        "harmed the young",
        "Source: PI 6.2",
        "with no other cause",
        "Being less alert",
        "150,000 to 450,000",
        "Headache: 29 in 100, compared with 7 in 100.",
        "Vomiting: 29 in 100, compared with 12 in 100.",
        "Back pain: 25 in 100, compared with none",
        "In some countries, a higher dose",
    ] {
        assert!(!text.contains(replaced), "still says {replaced:?}");
    }

    // The citations Round 3 fixed, in the data (markers may be shown or not).
    let texts = sourced_texts(&monograph);
    let cited = |words: &str| -> Vec<Option<SourceRef>> {
        let found: Vec<_> = texts
            .iter()
            .filter(|t| shown_text(t.text).contains(words))
            .map(|t| t.source.cloned())
            .collect();
        assert!(!found.is_empty(), "no text says {words:?}");
        found
    };
    let all_cite = |words: &str, doc: &str, section: Option<&str>| {
        for source in cited(words) {
            assert!(
                cites(&source, doc, section),
                "{words:?} cites {source:?}, not {doc} {section:?}"
            );
        }
    };
    all_cite(
        "reported rarely, most often after the 2nd, 3rd or 4th",
        "MHRA",
        None,
    );
    all_cite(
        "Check your blood and urine test results",
        "PI",
        Some("2.3 (label before 03/2026)"),
    );
    all_cite("people with a curved spine (scoliosis)", "EU-PL", Some("2"));
    all_cite(
        "There is not enough information about nusinersen in pregnancy.",
        "PI",
        Some("8.1"),
    );
    all_cite("In Europe, the advice is to avoid it", "EU-PL", Some("2"));
    all_cite("A normal count is usually 150,000 or more", "CRUK", None);
    all_cite("(flatulence): 5 in 100", "PI", Some("6.1"));
    all_cite("Weight loss: 5 in 100", "PI", Some("6.1"));
    all_cite("Seasonal allergies: 5 in 100", "PI", Some("6.1"));
    all_cite("These problems were reported after approval:", "PI", None);
    all_cite("Yellow Card scheme", "EU-PL", Some("4"));
    all_cite("Most of them start within 3 days (72 hours).", "EU-PL", Some("4"));
    all_cite("But vomiting or headache that does not go away", "MHRA", None);
    all_cite("days 0, 14, 28 and 63", "EU-SmPC", Some("4.2"));
    all_cite("This leaflet follows the US schedule.", "editors", None);
    // No postmarketing subsection number: 6.2 or 6.3 is unverified.
    assert!(
        texts
            .iter()
            .all(|t| t.source.is_none_or(|s| s.section.as_deref() != Some("6.2"))),
        "a text still cites PI 6.2"
    );
    // The PI's 2026 changes, listed as openFDA lists them.
    let pi = monograph
        .sources
        .iter()
        .find(|s| s.id == "PI")
        .expect("the PI source");
    let note = pi.note.as_deref().unwrap_or_default();
    assert!(note.contains("2.1, 2.2, 2.3 and 2.5"), "{note}");
    assert!(!note.contains("2.1-2.5"), "{note}");

    // Pregnancy: the original sentences verbatim first, then the labels' words.
    let pregnancy: Vec<String> = section_texts(&monograph, "pregnancy")
        .into_iter()
        .map(|(text, _)| text)
        .collect();
    assert_eq!(
        pregnancy,
        [
            "Nusinersen may harm an unborn baby. You should not become pregnant while receiving nusinersen. Tell your doctor immediately if you become pregnant while receiving nusinersen.",
            "There is not enough information about nusinersen in pregnancy.",
            "In Europe, the advice is to avoid it in pregnancy and breastfeeding if possible.",
        ]
    );

    // Every trial number says who it is about: the list's lead names the group,
    // and so does the item.
    let side_effects = &monograph
        .sections
        .iter()
        .find(|s| s.id == "side-effects")
        .expect("the side effects section")
        .blocks;
    let mut groups = Vec::new();
    for block in side_effects.iter() {
        let Block::List {
            lead: Some(lead),
            items,
            ..
        } = block
        else {
            continue;
        };
        for item in items.iter() {
            if !item.text.contains(" in 100") {
                continue;
            }
            let group = ["Babies", "Children"]
                .into_iter()
                .find(|group| lead.starts_with(group))
                .unwrap_or_else(|| panic!("{:?} is under {lead:?}, which names no group", item.text));
            let treated = format!("in 100 treated {}", group.to_lowercase());
            assert!(
                item.text.contains(&treated),
                "{:?} does not say {treated:?}",
                item.text
            );
            groups.push(group);
        }
    }
    assert_eq!(
        groups,
        [
            "Babies", "Babies", "Babies", "Babies", "Children", "Children", "Children", "Children",
            "Children"
        ]
    );

    // One name for the team in the added text: "care team".
    for added in added_texts(&monograph) {
        let shown = shown_text(added.text).to_lowercase();
        for other in ["healthcare provider", "health care provider", "doctor"] {
            assert!(
                !shown.contains(other),
                "{}: added text says {other:?}, not \"care team\": {shown:?}",
                added.path
            );
        }
    }
    // Jargon the review found unexplained is in the glossary.
    let terms: Vec<String> = monograph
        .sections
        .iter()
        .filter(|s| s.id == "glossary")
        .flat_map(|s| s.blocks.iter().cloned().collect::<Vec<_>>())
        .filter_map(|block| match block {
            Block::Definitions { items } => Some(items),
            _ => None,
        })
        .flat_map(|items| items.iter().map(|d| d.term.to_string()).collect::<Vec<_>>())
        .collect();
    for term in ["Motor neurons", "Mutation", "Flatulence"] {
        assert!(
            terms.iter().any(|t| t == term),
            "no glossary entry {term:?}: {terms:?}"
        );
    }
}

/// A text that claims the original page (no source, or `seed`) occurs in it
/// verbatim (whitespace-normalised); the compilers' restatements cite `editors`.
#[test]
fn every_text_claiming_the_original_page_is_in_it_verbatim() {
    let monograph = nusinersen();
    let seed = normalize(SEED);
    let based_on = monograph.meta.based_on.as_str();
    let claimed: Vec<SourcedText> = sourced_texts(&monograph)
        .into_iter()
        .filter(|t| t.source.is_none_or(|s| s.doc == based_on))
        .collect();
    assert!(
        claimed.len() > 15,
        "only {} texts from the original page",
        claimed.len()
    );
    let not_in_it: Vec<String> = claimed
        .iter()
        .filter(|t| !seed.contains(&normalize(t.text)))
        .map(|t| format!("{}: {:?}", t.path, t.text))
        .collect();
    assert!(not_in_it.is_empty(), "not in the original page: {not_in_it:#?}");
    // The five the review found now cite the editors.
    let glossary = sourced_texts(&monograph)
        .into_iter()
        .filter(|t| {
            [
                "Nusinersen treats spinal muscular atrophy",
                "A group of medicines (a drug class)",
                "A critical part of the SMN2",
                "The gene that normally makes",
                "A backup gene that makes",
            ]
            .iter()
            .any(|start| t.text.starts_with(start))
        })
        .map(|t| t.source.map(|s| s.doc.to_string()))
        .collect::<Vec<_>>();
    assert_eq!(glossary, vec![Some("editors".to_string()); 5]);
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
    let added = "Added text: compiled on December 6, 2026 from PI (March 2026), EU-PL (2022), EU-SmPC, MHRA (September 2018), DHPC (July 31, 2018), BIOGEN-2026 (January 12, 2026), CRUK (see Sources). Not yet reviewed by a pharmacist.";
    assert!(text.contains(added), "{text}");

    let additions = "[meta.additions]\ncompiled = \"2026-12-06\"\n";
    assert!(
        NUSINERSEN_FILE.contains(additions),
        "the monograph's additions changed"
    );

    // A pharmacist's sign-off of every added text changes the review status.
    use drug_leaflet::monograph::model::Review;
    use implicit_clone::unsync::{IArray, IString};
    let mut monograph = nusinersen();
    let texts: Vec<IString> = added_texts(&monograph)
        .iter()
        .map(|added| IString::from(added.path.clone()))
        .collect();
    let mut signed = monograph.meta.additions.clone().expect("the additions");
    signed.reviews = IArray::from(vec![Review {
        name: "A. Pharmacist".into(),
        role: "Clinical pharmacist".into(),
        registration: None,
        date: "2026-12-07".into(),
        texts: IArray::from(texts),
    }]);
    monograph.meta.additions = Some(signed);
    let reviewed = rendered_text(monograph);
    assert!(
        reviewed
            .contains("All added text reviewed by A. Pharmacist, Clinical pharmacist, on December 7, 2026."),
        "{reviewed}"
    );
    assert!(!reviewed.contains("Not yet reviewed"), "{reviewed}");
}

/// A monograph whose source gives no drug class (an imported label) has no
/// class line, where nusinersen has one.
#[test]
fn the_drug_class_line_is_left_out_when_there_is_none() {
    assert!(rendered_text(nusinersen()).contains("Drug class: Miscellaneous uncategorized agents"));
    let mut monograph = nusinersen();
    monograph.meta.drug_class = None;
    assert_eq!(validate(&monograph).errors, Vec::new());
    let text = rendered_text(monograph);
    assert!(!text.contains("Drug class"), "{text}");
    assert!(text.contains("Dosage form:"), "{text}");
}

/// A figure is its text alternative after the leaflet's own "Picture:"
/// label, as text: no image, no markup of the source's.
#[test]
fn a_figure_shows_as_a_picture_line() {
    use implicit_clone::unsync::IArray;
    let mut monograph = nusinersen();
    let mut sections = monograph.sections.to_vec();
    let mut blocks = sections[0].blocks.to_vec();
    blocks.push(Block::Figure {
        text: "A <b>nurse</b> holding the vial".into(),
        source: None,
    });
    sections[0].blocks = IArray::from(blocks);
    monograph.sections = IArray::from(sections);
    assert_eq!(validate(&monograph).errors, Vec::new());
    let html = futures::executor::block_on(
        LocalServerRenderer::<Leaflet>::with_props(yew::props!(LeafletProps { monograph }))
            .hydratable(false)
            .render(),
    );
    assert!(
        html.contains("<p class=\"figure\"><span class=\"figure-label\" lang=\"en\">Picture:</span> A &lt;b&gt;nurse&lt;/b&gt; holding the vial</p>"),
        "{html}"
    );
    assert!(!html.contains("<img"), "{html}");
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

/// A text as shown, with the source it cites.
type ShownText = (String, Option<SourceRef>);

/// The one "Get medical help" box: its heading, lead and items.
fn urgent_box(monograph: &Monograph) -> (String, Option<String>, Vec<ShownText>) {
    let urgent: Vec<_> = monograph
        .summary
        .iter()
        .filter_map(|block| match block {
            Block::Urgent {
                heading, lead, items, ..
            } => Some((
                heading.to_string(),
                lead.as_ref().map(|lead| shown_text(lead)),
                items
                    .iter()
                    .map(|item| (shown_text(&item.text), item.source.clone()))
                    .collect::<Vec<_>>(),
            )),
            _ => None,
        })
        .collect();
    let [box_] = urgent.as_slice() else {
        panic!("one urgent block, found {}", urgent.len());
    };
    box_.clone()
}

/// The texts of one section (lead-ins, paragraphs, notes, items, definitions),
/// as shown, with their sources, in order.
fn section_texts(monograph: &Monograph, id: &str) -> Vec<ShownText> {
    let index = monograph
        .sections
        .iter()
        .position(|section| section.id == id)
        .unwrap_or_else(|| panic!("no section {id:?}"));
    let prefix = format!("sections[{index}].");
    sourced_texts(monograph)
        .into_iter()
        .filter(|t| t.path.starts_with(&prefix))
        .map(|t| (shown_text(t.text), t.source.cloned()))
        .collect()
}

fn cites(source: &Option<SourceRef>, doc: &str, section: Option<&str>) -> bool {
    source
        .as_ref()
        .is_some_and(|s| s.doc == doc && s.section.as_deref() == section)
}

/// The box a carer needs is complete: each sign Rounds 2 and 3 list, with its source.
#[test]
fn the_urgent_box_holds_the_signs_that_need_help() {
    let monograph = nusinersen();
    let (heading, lead, items) = urgent_box(&monograph);
    assert_eq!(heading.as_str(), "Get medical help");
    // How fast to act (MHRA: "seek urgent medical attention").
    assert_eq!(
        lead.as_deref(),
        Some("Get medical help right away if you or your child has any of these:")
    );
    let text = items
        .iter()
        .map(|(text, _)| text.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ");
    for sign in [
        "vomiting that does not go away",
        "headache that does not go away",
        "(nausea) that does not go away",
        "much sleepier or harder to wake than usual",
        "in a child, a head that grows bigger quickly",
        "stiff neck with fever or headache",
        "swelling of the face, lips or tongue, a rash or itching",
        "any other symptoms that worry you",
    ] {
        assert!(text.contains(sign), "the urgent box lacks {sign:?}: {text}");
    }
    let cited: Vec<&str> = items
        .iter()
        .filter_map(|(_, source)| source.as_ref().map(|s| s.doc.as_str()))
        .collect();
    for source in ["MHRA", "EU-PL"] {
        assert!(cited.contains(&source), "nothing in the box cites {source}");
    }
}

/// A frightened parent scans the box: one sign a line, in few words. What a
/// sign means, how rare it is and when it happens are in "Serious side effects
/// and warnings", which the box's signs stand for.
#[test]
fn the_urgent_box_has_one_sign_per_item() {
    let monograph = nusinersen();
    let (_, _, items) = urgent_box(&monograph);
    assert!((6..=8).contains(&items.len()), "{} items in the box", items.len());
    for (text, source) in &items {
        let words = text.split_whitespace().count();
        assert!(words <= 12, "{words} words, one sign a line: {text:?}");
        assert_eq!(sentences(text).count(), 1, "one sentence an item: {text:?}");
        assert!(source.is_some(), "{text:?} names no source");
        for explanation in [
            "sign of fluid",
            "rare",
            "loading dose",
            "this can",
            "with no other cause",
            "signs can be",
            "an example is",
        ] {
            assert!(
                !text.to_lowercase().contains(explanation),
                "{text:?} explains ({explanation:?}); that belongs in the serious side effects section"
            );
        }
    }
    // The explanations moved, with their sources, to the section.
    let serious = section_texts(&monograph, "serious-side-effects");
    let has = |words: &str, doc: &str, section: Option<&str>| {
        serious
            .iter()
            .any(|(text, source)| text.contains(words) && cites(source, doc, section))
    };
    assert!(has(
        "(nausea) that does not go away can also be a sign of this fluid",
        "EU-PL",
        Some("2")
    ));
    assert!(has(
        "Signs of fluid around the brain include vomiting or headache that does not go away",
        "DHPC",
        None
    ));
    assert!(has(
        "much sleepier or harder to wake than usual (reduced consciousness)",
        "DHPC",
        None
    ));
    assert!(has(
        "reported rarely, most often after the 2nd, 3rd or 4th loading dose",
        "MHRA",
        None
    ));
    assert!(has(
        "Signs can be a stiff neck, headache, fever, nausea and vomiting",
        "EU-PL",
        Some("4")
    ));
    assert!(has(
        "A serious infection linked to the spinal injection (lumbar puncture) can also happen",
        "EU-PL",
        Some("4")
    ));
    assert!(has("An allergic reaction can happen", "EU-PL", Some("4")));
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
    // The signs first: on a phone the box's heading is on the first screen.
    assert!(
        urgent < key_facts && key_facts < first_section,
        "the box, the key facts, then the sections"
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
    assert!(
        html.contains("<summary class=\"section-heading\"><h3 id="),
        "sections are h3, in their disclosure's summary"
    );
    assert!(
        html.contains("<h4 class=\"subheading\">A nested section</h4>"),
        "{html}"
    );
}
