//! The rules' tests: each breaks a small valid monograph in one place and
//! reads the messages.

use implicit_clone::unsync::IArray;

use super::*;
use crate::model::{SourceRef, RESERVED_SECTION_IDS};

/// A small valid monograph; each test breaks it in one place. Its summary
/// item and list item cite `PI`, so it adds 2 texts beyond `seed`.
pub(crate) const MINIMAL: &str = r#"
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
jurisdiction = "US"

[meta.additions]
compiled = "2026-11-27"

[[sources]]
id = "seed"
title = "Seed"

[[sources]]
id = "PI"
title = "Prescribing information"
revised = "2026-03"

[[sources]]
id = "NEWS"
title = "Company news"
kind = "announcement"

[[summary]]
kind = "urgent"
heading = "Get medical help"
lead = "Get medical help quickly for:"
items = [{ text = "A headache that does not go away.", source = { doc = "PI", section = "5.1" } }]

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

const URGENT_BLOCK: &str = r#"[[summary]]
kind = "urgent"
heading = "Get medical help"
lead = "Get medical help quickly for:"
items = [{ text = "A headache that does not go away.", source = { doc = "PI", section = "5.1" } }]
"#;

const SIDE_EFFECT_ITEMS: &str =
    r#"items = [{ text = "Headache.", source = { doc = "PI", section = "6.1" } }]"#;

const ADDITIONS: &str = "[meta.additions]\ncompiled = \"2026-11-27\"\n";

/// A glossary block, appended to the fixture's only section.
const GLOSSARY: &str = "\n[[sections.blocks]]\nkind = \"definitions\"\nitems = [{ term = \"Platelets\", definition = \"Blood cells that help blood clot.\", source = { doc = \"PI\", section = \"5.1\" } }]\n";

fn parse(text: &str) -> Monograph {
    toml::from_str(text).unwrap_or_else(|error| panic!("not a monograph: {error}\n{text}"))
}

fn lines(problems: &[Problem]) -> Vec<String> {
    problems.iter().map(ToString::to_string).collect()
}

/// The errors of a TOML monograph, as `path: message` lines.
fn errors_of(text: &str) -> Vec<String> {
    lines(&validate(&parse(text)).errors)
}

/// The errors of `MINIMAL` with `from` replaced by `to`.
fn errors_after(from: &str, to: &str) -> Vec<String> {
    assert!(MINIMAL.contains(from), "{from:?} is not in the fixture");
    assert_ne!(from, to, "the test changes nothing");
    errors_of(&MINIMAL.replacen(from, to, 1))
}

/// The errors of `MINIMAL` after `edit`, for changes TOML cannot express in one replacement.
fn errors_with(edit: impl FnOnce(&mut Monograph)) -> Vec<String> {
    let mut monograph = parse(MINIMAL);
    edit(&mut monograph);
    lines(&validate(&monograph).errors)
}

/// `[meta.additions]` with one sign-off on `date` of the texts at `places`.
fn reviewed(date: &str, places: &[&str]) -> String {
    let texts: Vec<String> = places.iter().map(|p| format!("{p:?}")).collect();
    format!(
        "{ADDITIONS}\n[[meta.additions.reviews]]\nname = \"A. Pharmacist\"\nrole = \"Clinical pharmacist\"\ndate = \"{date}\"\ntexts = [{}]\n",
        texts.join(", ")
    )
}

/// MINIMAL's two added texts.
const ADDED: [&str; 2] = ["summary[0].items[0].text", "sections[0].blocks[0].items[0].text"];

/// A key facts block of `count` sourced facts, then the urgent block.
fn key_facts_then_urgent(count: usize) -> String {
    let items: Vec<String> = (0..count)
        .map(|i| format!("{{ text = \"Fact {i}.\", source = {{ doc = \"PI\", section = \"2.1\" }} }}"))
        .collect();
    format!(
        "[[summary]]\nkind = \"key_facts\"\nheading = \"Key facts\"\nitems = [{}]\n\n{URGENT_BLOCK}",
        items.join(", ")
    )
}

#[test]
fn the_minimal_fixture_is_valid_and_plain() {
    let report = validate(&parse(MINIMAL));
    assert_eq!(lines(&report.errors), Vec::<String>::new());
    assert_eq!(lines(&report.warnings), Vec::<String>::new());
}

#[test]
fn a_figure_has_its_text_alternative() {
    let figure =
        |text: &str| format!("{MINIMAL}\n[[sections.blocks]]\nkind = \"figure\"\ntext = \"{text}\"\n");
    assert_eq!(errors_of(&figure("A pen on a thigh")), Vec::<String>::new());
    assert_eq!(
        errors_of(&figure(" ")),
        ["sections[0].blocks[2].text: must not be empty"]
    );
}

#[test]
fn the_drug_class_may_be_left_out_but_not_left_empty() {
    assert_eq!(
        errors_after("drug_class = \"examples\"\n", ""),
        Vec::<String>::new()
    );
    assert_eq!(
        errors_after("drug_class = \"examples\"", "drug_class = \" \""),
        ["meta.drug_class: must not be empty (leave it out when the class is unknown)"]
    );
}

#[test]
fn slugs_are_lowercase_words_and_digits_joined_by_single_hyphens() {
    for slug in ["side-effects", "dose-2", "a"] {
        assert!(is_slug(slug), "{slug:?}");
    }
    for not_slug in [
        "",
        "Side-effects",
        "side effects",
        "side--effects",
        "-side",
        "side-",
        "dosé",
    ] {
        assert!(!is_slug(not_slug), "{not_slug:?}");
    }
}

#[test]
fn the_monograph_and_section_ids_must_be_slugs() {
    assert_eq!(
        errors_after("id = \"example\"", "id = \"Example\""),
        ["meta.id: \"Example\" is not a slug (lowercase letters, digits and single hyphens)"]
    );
    assert_eq!(
        errors_after("id = \"side-effects\"", "id = \"Side Effects\""),
        ["sections[0].id: \"Side Effects\" is not a slug (lowercase letters, digits and single hyphens)"]
    );
}

#[test]
fn source_ids_are_letters_digits_and_hyphens() {
    assert_eq!(
        errors_after("id = \"NEWS\"", "id = \"NEWS!\""),
        ["sources[2].id: \"NEWS!\" must be letters, digits and hyphens"]
    );
    assert_eq!(
        errors_after("id = \"NEWS\"", "id = \"NEWS-2026\""),
        Vec::<String>::new()
    );
}

#[test]
fn section_and_source_ids_are_unique() {
    let twice = MINIMAL.to_owned()
        + "\n[[sections]]\nid = \"side-effects\"\nheading = \"Again\"\nblocks = [{ kind = \"paragraph\", text = \"More.\" }]\n";
    assert_eq!(
        errors_of(&twice),
        ["sections[1].id: duplicate section id \"side-effects\""]
    );
    assert_eq!(
        errors_after(
            "id = \"NEWS\"\ntitle = \"Company news\"\nkind = \"announcement\"",
            "id = \"PI\"\ntitle = \"Prescribing information, again\""
        ),
        ["sources[2].id: duplicate source id \"PI\""]
    );
}

#[test]
fn every_cited_document_is_a_declared_source() {
    assert_eq!(
        errors_after(
            r#"source = { doc = "PI", section = "6.1" }"#,
            r#"source = { doc = "EMA", section = "4.8" }"#
        ),
        ["sections[0].blocks[0].items[0].source.doc: \"EMA\" is not a declared source id"]
    );
    assert_eq!(
        errors_after(
            "text = \"Ask your doctor about other side effects.\"",
            "text = \"Ask your doctor about other side effects.\"\nsource = { doc = \"EMA\" }"
        ),
        ["sections[0].blocks[1].source.doc: \"EMA\" is not a declared source id"]
    );
    assert_eq!(
        errors_after("based_on = \"seed\"", "based_on = \"base\""),
        ["meta.based_on: \"base\" is not a declared source id"]
    );
}

#[test]
fn a_monograph_declares_its_sources() {
    assert_eq!(
        errors_with(|monograph| monograph.sources = IArray::default()),
        [
            "sources: declare at least one source document",
            "meta.based_on: \"seed\" is not a declared source id",
            "summary[0].items[0].source.doc: \"PI\" is not a declared source id",
            "sections[0].blocks[0].items[0].source.doc: \"PI\" is not a declared source id",
        ]
    );
}

#[test]
fn every_list_item_and_definition_names_its_source() {
    assert_eq!(
        errors_after(
            r#"{ text = "Headache.", source = { doc = "PI", section = "6.1" } }"#,
            r#"{ text = "Headache." }"#
        ),
        ["sections[0].blocks[0].items[0].source: an added fact needs a source (source = { doc = \"...\" })"]
    );
    let unsourced_definition =
        MINIMAL.to_owned() + &GLOSSARY.replace(", source = { doc = \"PI\", section = \"5.1\" }", "");
    assert_eq!(
        errors_of(&unsourced_definition),
        ["sections[0].blocks[2].items[0].source: an added fact needs a source (source = { doc = \"...\" })"]
    );
}

#[test]
fn a_lead_in_ending_in_a_colon_is_followed_by_a_list() {
    assert_eq!(
        errors_after(
            "Ask your doctor about other side effects.",
            "Ask your doctor about:"
        ),
        ["sections[0].blocks[1].text: ends with a colon but no list follows it"]
    );
    let note = "kind = \"paragraph\"\ntext = \"Ask your doctor about other side effects.\"";
    assert_eq!(
        errors_after(note, "kind = \"note\"\ntext = \"Call your doctor if you have:\""),
        ["sections[0].blocks[1].text: ends with a colon but no list follows it"]
    );
    let paragraph_then_list = MINIMAL.replacen(
        "[[sections.blocks]]\nkind = \"list\"\nlead = \"Common side effects are:\"\n",
        "[[sections.blocks]]\nkind = \"paragraph\"\ntext = \"Common side effects are:\"\n\n[[sections.blocks]]\nkind = \"list\"\n",
        1,
    );
    assert_ne!(paragraph_then_list, MINIMAL);
    assert_eq!(errors_of(&paragraph_then_list), Vec::<String>::new());
}

#[test]
fn dates_are_iso_8601() {
    assert_eq!(
        errors_after("last_updated = \"2025-05-20\"", "last_updated = \"May 20, 2025\""),
        ["meta.last_updated: \"May 20, 2025\" is not an ISO 8601 date (YYYY-MM-DD)"]
    );
    // The base text's date is a day; a source's revision may be a month or a year.
    assert_eq!(
        errors_after("last_updated = \"2025-05-20\"", "last_updated = \"2025-05\""),
        ["meta.last_updated: \"2025-05\" is not an ISO 8601 date (YYYY-MM-DD)"]
    );
    assert_eq!(
        errors_after("revised = \"2026-03\"", "revised = \"03/2026\""),
        ["sources[1].revised: \"03/2026\" is not an ISO 8601 date (YYYY-MM-DD, YYYY-MM or YYYY)"]
    );
    assert_eq!(
        errors_after("revised = \"2026-03\"", "revised = \"2026\""),
        Vec::<String>::new()
    );
    assert_eq!(
        errors_after("compiled = \"2026-11-27\"", "compiled = \"27.11.2026\""),
        ["meta.additions.compiled: \"27.11.2026\" is not an ISO 8601 date (YYYY-MM-DD)"]
    );
    assert_eq!(
        errors_after(ADDITIONS, &reviewed("1 Dec 2026", &ADDED)),
        ["meta.additions.reviews[0].date: \"1 Dec 2026\" is not an ISO 8601 date (YYYY-MM-DD)"]
    );
}

#[test]
fn the_summary_holds_exactly_one_urgent_block() {
    let expected = |found: usize| {
        format!("summary: a leaflet needs exactly one urgent block (kind = \"urgent\"): the signs that need medical help, always in view; found {found}")
    };
    assert_eq!(errors_after(URGENT_BLOCK, ""), [expected(0)]);
    assert_eq!(
        errors_after(URGENT_BLOCK, &format!("{URGENT_BLOCK}\n{URGENT_BLOCK}")),
        [expected(2)]
    );
}

#[test]
fn urgent_and_key_facts_blocks_belong_in_the_summary_only() {
    let urgent_in_section =
        MINIMAL.replacen(URGENT_BLOCK, "", 1) + &URGENT_BLOCK.replace("[[summary]]", "[[sections.blocks]]");
    assert_eq!(
        errors_of(&urgent_in_section),
        [
            "summary: a leaflet needs exactly one urgent block (kind = \"urgent\"): the signs that need medical help, always in view; found 0",
            "sections[0].blocks[2].kind: the urgent block belongs in the summary: a closed section would hide it",
        ]
    );
    let key_facts = key_facts_then_urgent(4);
    let (key_facts, _) = key_facts.split_once(URGENT_BLOCK).expect("the key facts block");
    let key_facts_in_section = MINIMAL.to_owned() + &key_facts.replace("[[summary]]", "[[sections.blocks]]");
    assert_eq!(
        errors_of(&key_facts_in_section),
        ["sections[0].blocks[2].kind: the key_facts block belongs in the summary: a closed section would hide it"]
    );
}

#[test]
fn a_subheading_heads_blocks_in_a_section() {
    let subheading = "\n[[sections.blocks]]\nkind = \"subheading\"\nheading = \"Rare side effects\"\n";
    let paragraph = "\n[[sections.blocks]]\nkind = \"paragraph\"\ntext = \"Tell your doctor.\"\n";
    assert_eq!(
        errors_of(&format!("{MINIMAL}{subheading}{paragraph}")),
        Vec::<String>::new()
    );
    assert_eq!(
        errors_of(&format!("{MINIMAL}{subheading}")),
        ["sections[0].blocks[2].heading: a subheading ends the section: nothing follows it"]
    );
    assert_eq!(
        errors_of(&format!(
            "{MINIMAL}{}{paragraph}",
            subheading.replace("Rare side effects", " ")
        )),
        ["sections[0].blocks[2].heading: must not be empty"]
    );
    let in_summary = MINIMAL.replacen(
        URGENT_BLOCK,
        &format!("{URGENT_BLOCK}\n[[summary]]\nkind = \"subheading\"\nheading = \"More\"\n"),
        1,
    );
    assert_eq!(
        errors_of(&in_summary),
        ["summary[1].kind: a subheading belongs in a section"]
    );
}

#[test]
fn key_facts_are_four_to_six_lines_in_one_block() {
    for count in KEY_FACTS {
        assert_eq!(
            errors_after(URGENT_BLOCK, &key_facts_then_urgent(count)),
            Vec::<String>::new(),
            "{count} key facts"
        );
    }
    for count in [3, 7] {
        assert_eq!(
            errors_after(URGENT_BLOCK, &key_facts_then_urgent(count)),
            [format!(
                "summary[0].items: key facts are 4 to 6 one-line facts; found {count}"
            )]
        );
    }
    let two_blocks = key_facts_then_urgent(4).replacen(URGENT_BLOCK, "", 1) + &key_facts_then_urgent(4);
    assert_eq!(
        errors_after(URGENT_BLOCK, &two_blocks),
        ["summary: at most one key_facts block; found 2"]
    );
}

#[test]
fn an_announcement_backs_one_fact_only() {
    let cites_news = r#"{ text = "Headache.", source = { doc = "NEWS" } }"#;
    assert_eq!(
        errors_after(SIDE_EFFECT_ITEMS, &format!("items = [{cites_news}]")),
        Vec::<String>::new()
    );
    let twice = format!(
        "items = [{cites_news}, {}]",
        cites_news.replace("Headache", "Fever")
    );
    assert_eq!(
        errors_after(SIDE_EFFECT_ITEMS, &twice),
        ["sections[0].blocks[0].items[1].source.doc: \"NEWS\" is a company announcement: it may back one fact only, and sections[0].blocks[0].items[0] cites it already"]
    );
}

#[test]
fn glossary_links_name_a_defined_term_in_any_case() {
    let linked =
        MINIMAL.replacen("Headache.", "Few [[platelets|Platelets]] and [[platelets]].", 1) + GLOSSARY;
    assert_eq!(errors_of(&linked), Vec::<String>::new());
    let unknown = MINIMAL.replacen("Headache.", "Few [[platelet cells]].", 1) + GLOSSARY;
    assert_eq!(
        errors_of(&unknown),
        ["sections[0].blocks[0].items[0].text: [[platelet cells]] links to a term that no definition list defines"]
    );
}

#[test]
fn two_terms_a_link_cannot_tell_apart_are_an_error() {
    let twice = GLOSSARY.replace(
        "items = [{ term = \"Platelets\"",
        "items = [{ term = \"PLATELETS!\", definition = \"Again.\", source = { doc = \"PI\" } }, { term = \"Platelets\"",
    );
    assert_eq!(
        errors_of(&(MINIMAL.to_owned() + &twice)),
        ["sections[0].blocks[2].items[1].term: \"Platelets\" is defined twice (or looks like another term to a link)"]
    );
    let no_ascii = GLOSSARY.replace("term = \"Platelets\"", "term = \"血小板\"");
    assert_eq!(
        errors_of(&(MINIMAL.to_owned() + &no_ascii)),
        ["sections[0].blocks[2].items[0].term: needs a letter or digit (A-Z, 0-9): links name a term by them"]
    );
}

#[test]
fn a_megabyte_of_host_text_is_cut_in_the_message() {
    let huge = "A".repeat(1_000_000);
    let errors = errors_after("id = \"example\"", &format!("id = \"{huge}\""));
    assert_eq!(errors.len(), 1);
    assert!(errors[0].starts_with("meta.id: \"AAAA"), "{}", &errors[0][..40]);
    assert!(errors[0].len() < MESSAGE_CHARS + 20, "{} bytes", errors[0].len());
}

#[test]
fn the_leaflets_own_ids_are_reserved() {
    for reserved in RESERVED_SECTION_IDS {
        assert_eq!(
            errors_after("id = \"side-effects\"", &format!("id = \"{reserved}\"")),
            [format!(
                "sections[0].id: \"{reserved}\" is the leaflet's own id (reserved: sources, urgent, key-facts); choose another"
            )]
        );
    }
}

#[test]
fn added_text_says_when_it_was_compiled() {
    assert_eq!(
        errors_after(ADDITIONS, ""),
        ["meta.additions: the leaflet adds 2 text(s) beyond \"seed\": say when they were compiled ([meta.additions] compiled = \"YYYY-MM-DD\")"]
    );
    // Without added text there is nothing to date.
    let only_the_base_text = MINIMAL
        .replacen(ADDITIONS, "", 1)
        .replace("doc = \"PI\"", "doc = \"seed\"");
    assert_eq!(errors_of(&only_the_base_text), Vec::<String>::new());
}

#[test]
fn a_sign_off_names_added_texts_by_place_each_once() {
    // Any day: a sign-off of a text stays good while the text is unchanged.
    for date in ["2026-11-01", "2026-12-01"] {
        assert_eq!(
            errors_after(ADDITIONS, &reviewed(date, &ADDED)),
            Vec::<String>::new(),
            "{date}"
        );
    }
    let twice = format!(
        "{}{}",
        reviewed("2026-12-01", &ADDED[..1]),
        reviewed("2026-12-02", &ADDED[..1]).replacen(ADDITIONS, "", 1)
    );
    assert_eq!(
        errors_after(ADDITIONS, &twice),
        ["meta.additions.reviews[1].texts[0]: \"summary[0].items[0].text\" is signed off twice"]
    );
    // The base text's own paragraph is not an added text; a made-up place is none.
    assert_eq!(
        errors_after(
            ADDITIONS,
            &reviewed("2026-12-01", &["sections[0].blocks[1].text", "sections[9].lead"])
        ),
        [
            "meta.additions.reviews[0].texts[0]: \"sections[0].blocks[1].text\" is not the place of an added text",
            "meta.additions.reviews[0].texts[1]: \"sections[9].lead\" is not the place of an added text",
        ]
    );
}

#[test]
fn a_jurisdiction_is_a_country_or_region_code_and_a_hosts_may_be_left_out() {
    assert_eq!(errors_after("jurisdiction = \"US\"\n", ""), Vec::<String>::new());
    assert_eq!(
        errors_after("jurisdiction = \"US\"", "jurisdiction = \"USA\""),
        ["meta.jurisdiction: \"USA\" is not a country or region code: use two capital letters (ISO 3166-1, such as US or GB) or EU"]
    );
}

#[test]
fn a_review_names_who_reviewed_and_their_role() {
    let unnamed = reviewed("2026-12-01", &ADDED)
        .replace("\"A. Pharmacist\"", "\" \"")
        .replace("\"Clinical pharmacist\"", "\"\"");
    assert_eq!(
        errors_after(ADDITIONS, &unnamed),
        [
            "meta.additions.reviews[0].name: must not be empty",
            "meta.additions.reviews[0].role: must not be empty",
        ]
    );
}

#[test]
fn names_headings_and_texts_are_not_empty() {
    assert_eq!(
        errors_after("title = \"Example\"", "title = \" \""),
        ["meta.title: must not be empty"]
    );
    assert_eq!(
        errors_after("title = \"Seed\"", "title = \"\""),
        ["sources[0].title: must not be empty"]
    );
    assert_eq!(
        errors_after("heading = \"Side effects\"", "heading = \"\""),
        ["sections[0].heading: must not be empty"]
    );
    assert_eq!(
        errors_after("heading = \"Get medical help\"", "heading = \"\""),
        ["summary[0].heading: must not be empty"]
    );
    assert_eq!(
        errors_after("text = \"Headache.\"", "text = \"  \""),
        ["sections[0].blocks[0].items[0].text: must not be empty"]
    );
    assert_eq!(
        errors_of(&(MINIMAL.to_owned() + &GLOSSARY.replace("term = \"Platelets\"", "term = \"\""))),
        ["sections[0].blocks[2].items[0].term: must not be empty"]
    );
}

#[test]
fn sections_lists_and_definitions_are_not_empty() {
    assert_eq!(
        errors_with(|monograph| monograph.sections = IArray::default()),
        ["sections: a monograph needs at least one section"]
    );
    let (head, _) = MINIMAL
        .split_once("[[sections.blocks]]")
        .expect("the fixture's blocks");
    assert_eq!(
        errors_of(&format!("{head}blocks = []\n")),
        ["sections[0].blocks: section \"Side effects\" is empty"]
    );
    assert_eq!(
        errors_after(SIDE_EFFECT_ITEMS, "items = []"),
        ["sections[0].blocks[0].items: list is empty"]
    );
    assert_eq!(
        errors_of(&(MINIMAL.to_owned() + "\n[[sections.blocks]]\nkind = \"definitions\"\nitems = []\n")),
        ["sections[0].blocks[2].items: list of definitions is empty"]
    );
}

#[test]
fn the_language_is_a_language_tag() {
    assert!(errors_after("language = \"en\"", "language = \"es-419\"").is_empty());
    assert_eq!(
        errors_after("language = \"en\"", "language = \"en\\\" onload=\\\"x\""),
        ["meta.language: \"en\\\" onload=\\\"x\" is not a language tag (letters, digits and hyphens, such as en or es-419)"]
    );
}

#[test]
fn a_url_is_no_field_of_a_monograph_so_no_link_can_come_from_one() {
    // Links are made by the leaflet only (tel: from phone numbers, # to
    // glossary terms): a `url` in a file is refused by name.
    let text = MINIMAL.replacen(
        "based_on = \"seed\"",
        "based_on = \"seed\"\nurl = \"javascript:alert(1)\"",
        1,
    );
    let error = toml::from_str::<Monograph>(&text).expect_err("an unknown field");
    assert!(error.to_string().contains("unknown field `url`"), "{error}");
}

#[test]
fn unknown_fields_are_errors_by_name() {
    // model.rs denies unknown fields: a typo does not pass silently.
    let error = toml::from_str::<Monograph>(&MINIMAL.replacen("heading =", "headline =", 1))
        .expect_err("an unknown field");
    assert!(error.to_string().contains("unknown field `headline`"), "{error}");
}

#[test]
fn long_added_sentences_are_warnings_not_errors() {
    let long = "Headache happened in many of the people who took part in the studies of this medicine, more often than in the people who did not take it at all.";
    let monograph = parse(&MINIMAL.replacen("Headache.", long, 1));
    assert_eq!(lines(&validate(&monograph).errors), Vec::<String>::new());
    assert_eq!(
        lines(&long_sentences(&monograph)),
        [format!(
            "sections[0].blocks[0].items[0].text: added sentence has 29 words (over 25): {long:?}"
        )]
    );
    // Text from the base document is the reviewed original: not measured.
    let long_base_text = MINIMAL.replacen("Ask your doctor about other side effects.", long, 1);
    assert_eq!(
        lines(&long_sentences(&parse(&long_base_text))),
        Vec::<String>::new()
    );
}

#[test]
fn report_lines_name_the_file_then_errors_then_warnings() {
    let report = Report {
        errors: vec![Problem {
            path: "meta.id".into(),
            message: "wrong".into(),
        }],
        warnings: vec![Problem {
            path: "sections[0].heading".into(),
            message: "long".into(),
        }],
    };
    assert_eq!(
        report.lines("monographs/x.toml"),
        [
            "monographs/x.toml: error: meta.id: wrong",
            "monographs/x.toml: warning: sections[0].heading: long",
        ]
    );
}

#[test]
fn sentences_end_at_a_stop_followed_by_a_space_or_the_end() {
    let found: Vec<&str> = sentences(" Take 0.5 mL. Is it cold? Yes!Keep it ").collect();
    assert_eq!(found, ["Take 0.5 mL.", "Is it cold?", "Yes!Keep it"]);
}

/// MINIMAL with `[[revisions]]` of these (date, sections) pairs.
fn with_revisions(revisions: &[(&str, &str)]) -> String {
    let mut text = MINIMAL.to_owned();
    for (date, sections) in revisions {
        text.push_str(&format!(
            "\n[[revisions]]\ndate = \"{date}\"\nsummary = \"Reworded.\"\nsections = [{sections}]\n"
        ));
    }
    text
}

#[test]
fn revisions_are_dated_oldest_first_and_name_sections_the_leaflet_has() {
    let valid = with_revisions(&[
        ("2026-11-27", "\"side-effects\""),
        ("2026-12-06", "\"side-effects\""),
    ]);
    assert_eq!(errors_of(&valid), Vec::<String>::new());
    assert_eq!(
        errors_of(&with_revisions(&[
            ("2026-12-06", "\"side-effects\""),
            ("2026-11-27", "\"side-effects\""),
            ("2026-11-27", "\"side-effects\""),
        ])),
        [
            "revisions[1].date: \"2026-11-27\" is not after the revision before it (\"2026-12-06\"): list revisions oldest first, one a day",
            "revisions[2].date: \"2026-11-27\" is not after the revision before it (\"2026-11-27\"): list revisions oldest first, one a day",
        ]
    );
    assert_eq!(
        errors_of(&with_revisions(&[
            ("2026-02-30", "\"side-effects\""),
            ("2026-12", "\"side-effects\"")
        ])),
        [
            "revisions[0].date: \"2026-02-30\" is not an ISO 8601 date (YYYY-MM-DD)",
            "revisions[1].date: \"2026-12\" is not an ISO 8601 date (YYYY-MM-DD)",
        ]
    );
    assert_eq!(
        errors_of(&with_revisions(&[(
            "2026-12-06",
            "\"side-effects\", \"dosing\", \"sources\", \"side-effects\""
        )])),
        [
            "revisions[0].sections[1]: \"dosing\" is not the id of a section",
            "revisions[0].sections[2]: \"sources\" is not the id of a section",
            "revisions[0].sections[3]: \"side-effects\" is named twice",
        ]
    );
    assert_eq!(
        errors_of(&with_revisions(&[("2026-12-06", "")]).replace("Reworded.", " ")),
        [
            "revisions[0].summary: must not be empty",
            "revisions[0].sections: name the ids of the sections it changed",
        ]
    );
}

#[test]
fn added_sources_are_the_added_texts_sources() {
    for text in [
        MINIMAL,
        include_str!("../../../monographs/nusinersen.toml"),
        include_str!("../../../monographs/examplamab.toml"),
    ] {
        let monograph = parse(text);
        let sources: Vec<&SourceRef> = added_texts(&monograph).iter().map(|t| t.source).collect();
        assert_eq!(added_sources(&monograph), sources);
    }
}
