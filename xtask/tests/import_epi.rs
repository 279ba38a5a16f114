//! `cargo xtask import-epi` on the synthetic ePI bundles in `tests/epi/`: each
//! imports into a fresh folder, the file passes the same loader and rules as a
//! bundled monograph, and a malformed bundle writes nothing and names the place.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use monograph::loader;
use monograph::model::{Block, Monograph};
use xtask::epi::{import, ImportOptions, ImportReport, SOURCE_ID};

mod support;
use support::{citations_and_texts, TempDir};

// What the browser tests expect of the same bundles, written once.
#[allow(dead_code)]
#[path = "../../tests/fixtures/mod.rs"]
mod fixtures;

use fixtures::epi::{ENGLISH_SECTIONS, ENGLISH_SUBHEADINGS, ENGLISH_URGENT};

fn fixture(name: &str) -> PathBuf {
    xtask::project_root().join("tests/epi").join(name)
}

/// Imports a fixture and loads the written file as the build would.
fn imported(name: &str, urgent: &str, dir: &TempDir) -> (Monograph, ImportReport) {
    let options = ImportOptions {
        urgent: Some(urgent.to_owned()),
        ..options_for_eu()
    };
    let (report, written) = import(&fixture(name), &dir.0, &options).expect("the bundle is read");
    let file = written.unwrap_or_else(|| panic!("nothing written:\n{}", report.text()));
    let loaded = loader::load(&file).expect("the written file parses");
    assert_eq!(
        loaded.report.errors,
        Vec::new(),
        "the imported monograph breaks a rule"
    );
    (loaded.monograph, report)
}

/// The section codes of a bundle, at any depth.
fn section_codes(bundle: &Path) -> HashSet<String> {
    fn walk(sections: &serde_json::Value, codes: &mut HashSet<String>) {
        for section in sections.as_array().into_iter().flatten() {
            if let Some(code) = section["code"]["coding"][0]["code"].as_str() {
                codes.insert(code.to_owned());
            }
            walk(&section["section"], codes);
        }
    }
    let value: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(bundle).expect("bundle")).expect("JSON");
    let mut codes = HashSet::new();
    walk(&value["entry"][0]["resource"]["section"], &mut codes);
    codes
}

fn section_ids(monograph: &Monograph) -> Vec<String> {
    monograph.sections.iter().map(|s| s.id.to_string()).collect()
}

fn subheadings(monograph: &Monograph, section: usize) -> Vec<String> {
    monograph.sections[section]
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Subheading { heading } => Some(heading.to_string()),
            _ => None,
        })
        .collect()
}

#[test]
fn nested_sections_and_tables_import_as_subheadings_and_lists() {
    let dir = TempDir::new("english");
    let (monograph, report) = imported("examplamab-en.json", ENGLISH_URGENT, &dir);
    assert_eq!(dir.files(), ["examplamab.toml"]);
    assert_eq!(monograph.meta.language.as_str(), "en");
    assert_eq!(monograph.meta.brand_name.as_str(), "Examplamab");
    assert_eq!(monograph.meta.last_updated.as_str(), "2026-10-01");
    // The "Package leaflet" wrapper's six sections are the leaflet's.
    assert_eq!(
        section_ids(&monograph),
        ENGLISH_SECTIONS[..6],
        "the leaflet's sections, before the generated sources"
    );
    assert_eq!(subheadings(&monograph, 1), ENGLISH_SUBHEADINGS);
    assert_eq!(
        subheadings(&monograph, 3),
        ["Serious side effects", "Other side effects"]
    );
    // The narrative's own heading line wins over the title, and says so.
    assert_eq!(
        monograph.sections[1].heading.as_str(),
        "2. Before you use Examplamab"
    );
    assert_eq!(
        report.headings_from_narrative,
        ["section[0].section[1].text.div: \"2. Before you use Examplamab\" (title: \"2. What you need to know before you use Examplamab\")"]
    );
    // The table with a header row: one "header: cell" item a row, its caption the lead.
    let how_to_use = &monograph.sections[2].blocks;
    let table = how_to_use
        .iter()
        .find_map(|b| match b {
            Block::List { lead, items, .. } if lead.as_deref() == Some("Example doses") => Some(items),
            _ => None,
        })
        .expect("the dose table as a list");
    let rows: Vec<&str> = table.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(
        rows,
        [
            "Who: Adults; Dose: 10 mg; How often: every 4 weeks",
            "Who: Children aged 12 years and over; Dose: 5 mg/m²; How often: every 4 weeks",
        ]
    );
    assert!(report.converted_by_rule.contains(
        &"section[0].section[2].text.div: <table> at line 4 -> a list of 2 \"header: cell\" rows".to_owned()
    ));
    // The urgent box is the chosen section's list, under its heading.
    let Block::Urgent {
        heading, lead, items, ..
    } = &monograph.summary[0]
    else {
        panic!("the urgent box");
    };
    assert_eq!(heading.as_str(), "Serious side effects");
    assert_eq!(
        lead.as_deref(),
        Some("Stop using Examplamab and get medical help at once if you notice:")
    );
    assert_eq!(items.len(), 2);

    // Every text cites the ePI at one of the bundle's section codes; none is HTML.
    let codes = section_codes(&fixture("examplamab-en.json"));
    let (sources, texts) = citations_and_texts(&monograph);
    for source in &sources {
        let source = source.as_ref().expect("every imported text cites its section");
        assert_eq!(source.doc.as_str(), SOURCE_ID);
        let code = source.section.as_deref().unwrap_or_default();
        assert!(codes.contains(code), "{code} is not a section code of the bundle");
    }
    let cited: HashSet<&str> = sources
        .iter()
        .filter_map(|s| s.as_ref()?.section.as_deref())
        .collect();
    assert!(cited.contains("PL-2.1") && cited.contains("PL-4.2"), "{cited:?}");
    for text in &texts {
        assert!(
            !text.contains('<') && !text.contains('>'),
            "markup passed through: {text}"
        );
    }
    assert_eq!(monograph.sources.len(), 1, "the ePI is the only source");
    assert_eq!(monograph.meta.based_on.as_str(), SOURCE_ID);
}

#[test]
fn a_leaflet_in_another_language_than_the_drugs_file_is_written_beside_it() {
    let dir = TempDir::new("beside");
    let (english, _) = imported("examplamab-en.json", ENGLISH_URGENT, &dir);
    let (spanish, _) = imported("examplamab-es.json", "section[3]", &dir);
    assert_eq!(english.meta.id, spanish.meta.id);
    let mut names: Vec<String> = fs::read_dir(&dir.0)
        .expect("the folder")
        .map(|entry| {
            entry
                .expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    assert_eq!(names, ["examplamab.es.toml", "examplamab.toml"]);
    // Imported again, each language replaces its own file.
    imported("examplamab-en.json", ENGLISH_URGENT, &dir);
    assert_eq!(fs::read_dir(&dir.0).expect("the folder").count(), 2);
}

#[test]
fn a_spanish_leaflet_keeps_its_language_and_words() {
    let dir = TempDir::new("spanish");
    let (monograph, report) = imported("examplamab-es.json", "section[3]", &dir);
    assert_eq!(monograph.meta.language.as_str(), "es");
    assert_eq!(monograph.meta.dosage_form.as_str(), "solución inyectable");
    let headings: Vec<&str> = monograph.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(
        headings,
        [
            "1. Qué es Examplamab y para qué se utiliza",
            "2. Qué necesita saber antes de empezar a usar Examplamab",
            "3. Cómo usar Examplamab",
            "4. Posibles efectos adversos",
            "5. Conservación de Examplamab",
        ]
    );
    // The English title of section 3 gave way to the narrative's Spanish heading.
    assert_eq!(
        report.headings_from_narrative,
        ["section[2].text.div: \"3. Cómo usar Examplamab\" (title: \"3. How to use Examplamab\")"]
    );
    assert_eq!(
        section_ids(&monograph)[0],
        "1-que-es-examplamab-y-para-que-se-utiliza",
        "accents folded, words kept whole"
    );
    let Block::Urgent { heading, items, .. } = &monograph.summary[0] else {
        panic!("the urgent box");
    };
    assert_eq!(heading.as_str(), "4. Posibles efectos adversos");
    assert_eq!(
        items[0].text.as_str(),
        "hinchazón de la cara, los labios o la lengua"
    );
    let (sources, _) = citations_and_texts(&monograph);
    assert!(sources
        .iter()
        .all(|s| s.as_ref().is_some_and(|s| s.section.is_some())));
}

/// The command itself: a bundle with an image and a script exits non-zero,
/// prints each error with its place, and writes nothing.
#[test]
fn a_malformed_bundle_fails_with_its_paths_and_writes_nothing() {
    let dir = TempDir::new("malformed");
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .arg("import-epi")
        .arg(fixture("malformed-img-script.json"))
        .args(["--urgent", "section[0]", "--out"])
        .arg(&dir.0)
        .output()
        .expect("run xtask");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{stdout}");
    assert!(
        stdout.contains(
            "  section[2].section[0].text.div: <img> at line 5 is not supported here: write it with the elements of docs/importers.md's table, or remove it\n"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "  section[1].text.div: <script> at line 3 is not supported: write it with the elements of docs/importers.md's table, or remove it\n"
        ),
        "{stdout}"
    );
    assert!(stderr.contains("nothing written"), "{stderr}");
    assert_eq!(dir.files(), Vec::<String>::new());
}

#[test]
fn a_bundle_without_a_composition_is_refused() {
    let dir = TempDir::new("no-composition");
    let (report, written) = import(
        &fixture("malformed-no-composition.json"),
        &dir.0,
        &options_for_eu(),
    )
    .expect("the bundle is read");
    assert!(written.is_none());
    assert_eq!(
        report.errors,
        ["entry[0].resource: the first entry of a document Bundle is its Composition, found \"MedicinalProductDefinition\": put the Composition first"]
    );
    assert_eq!(dir.files(), Vec::<String>::new());
}

/// An ePI has no "get medical help" field: without `--urgent` nothing is
/// written, and the error lists the sections that could give the box.
#[test]
fn the_urgent_box_is_chosen_never_guessed() {
    let dir = TempDir::new("no-urgent");
    let (report, written) =
        import(&fixture("examplamab-es.json"), &dir.0, &options_for_eu()).expect("the bundle is read");
    assert!(written.is_none());
    assert_eq!(report.errors.len(), 1, "{:?}", report.errors);
    assert!(report.errors[0].starts_with("--urgent: "), "{}", report.errors[0]);
    assert!(
        report.errors[0].contains("section[3] (\"4. Posibles efectos adversos\", a list)"),
        "{}",
        report.errors[0]
    );
    let wrong = ImportOptions {
        id: Some("examplamab".into()),
        urgent: Some("section[9]".into()),
        ..options_for_eu()
    };
    let (report, written) = import(&fixture("examplamab-es.json"), &dir.0, &wrong).expect("read");
    assert!(written.is_none());
    assert!(
        report.errors[0].starts_with("--urgent: \"section[9]\" is not a section with a list or paragraphs; pass one of the candidates: "),
        "{:?}",
        report.errors
    );
    assert_eq!(dir.files(), Vec::<String>::new());
}

/// The header's review line names who approved the leaflet (the attester),
/// never its author: a company that publishes a leaflet has not reviewed it.
/// Without an attester the import asks who reviewed it.
#[test]
fn the_review_line_is_the_approval_never_the_author() {
    let dir = TempDir::new("review-line");
    let (monograph, _) = imported("examplamab-en.json", ENGLISH_URGENT, &dir);
    assert_eq!(
        monograph.meta.reviewed_by.as_str(),
        "Example Medicines Agency (fictional regulator), which approved this package leaflet"
    );
    let both = ImportOptions {
        urgent: Some(ENGLISH_URGENT.to_owned()),
        reviewed_by: Some("A. Pharmacist".into()),
        ..options_for_eu()
    };
    let (report, written) = import(&fixture("examplamab-en.json"), &dir.0.join("both"), &both).expect("read");
    assert!(written.is_none());
    assert_eq!(
        report.errors,
        ["--reviewed-by: the ePI names who approved it (Example Medicines Agency (fictional regulator)), which the review line shows; leave the option out"]
    );

    let unattested = edited_fixture("examplamab-en.json", &dir, "unattested.json", |bundle| {
        bundle["entry"][0]["resource"]
            .as_object_mut()
            .expect("the Composition")
            .remove("attester");
    });
    let out = dir.0.join("out");
    fs::create_dir_all(&out).expect("out dir");
    let options = ImportOptions {
        urgent: Some(ENGLISH_URGENT.to_owned()),
        ..options_for_eu()
    };
    let (report, written) = import(&unattested, &out, &options).expect("read");
    assert!(written.is_none());
    assert_eq!(report.errors.len(), 1, "{:?}", report.errors);
    assert!(
        report.errors[0].starts_with("entry[0].resource.attester: names no one who approved this leaflet")
            && report.errors[0].contains("Example Pharma (fictional company), the author"),
        "{}",
        report.errors[0]
    );

    let options = ImportOptions {
        reviewed_by: Some("A. Pharmacist, clinical pharmacist".into()),
        ..options
    };
    assert_eq!(
        imported_from(&unattested, &out, &options)
            .meta
            .reviewed_by
            .as_str(),
        "A. Pharmacist, clinical pharmacist"
    );
}

/// The demo's example drug, `monographs/examplamab.toml`, is exactly what the
/// importer makes of the English bundle today: a change to either shows here.
#[test]
fn the_example_drug_in_monographs_is_the_english_bundle_imported() {
    let dir = TempDir::new("committed");
    let options = ImportOptions {
        urgent: Some(ENGLISH_URGENT.to_owned()),
        example: true,
        ..options_for_eu()
    };
    let (report, written) = import(&fixture(fixtures::epi::ENGLISH), &dir.0, &options).expect("read");
    let file = written.unwrap_or_else(|| panic!("nothing written:\n{}", report.text()));
    let committed = xtask::project_root().join("monographs/examplamab.toml");
    assert_eq!(
        fs::read_to_string(&file).expect("imported"),
        fs::read_to_string(&committed).expect("monographs/examplamab.toml"),
        "monographs/examplamab.toml differs from a fresh import: run `cargo xtask import-epi tests/epi/{} --urgent '{}' --jurisdiction EU --example`",
        fixtures::epi::ENGLISH,
        ENGLISH_URGENT
    );
}

/// The fixtures' leaflets are for the EU (a centrally authorised medicine),
/// which their bundles do not state.
fn options_for_eu() -> ImportOptions {
    ImportOptions {
        jurisdiction: Some("EU".to_owned()),
        ..ImportOptions::default()
    }
}
/// The words of a first error that tell the user what to do.
const WHAT_TO_DO: [&str; 8] = [
    "pass ",
    "add ",
    "fix ",
    "import ",
    "put ",
    "leave the option out",
    "split them",
    "remove it",
];

/// Imports `name` with `options` and expects a refusal: nothing written, and
/// the first message says what to pass or fix. Returns the errors.
fn refused(name: &str, options: &ImportOptions, dir: &TempDir) -> Vec<String> {
    let (report, written) = import(&fixture(name), &dir.0, options).expect("the bundle is read");
    assert!(written.is_none(), "written although refused:\n{}", report.text());
    let first = report.errors.first().expect("a refusal says why");
    assert!(
        WHAT_TO_DO.iter().any(|words| first.contains(words)),
        "the first message does not say what to pass or fix: {first}"
    );
    assert_eq!(dir.files(), Vec::<String>::new());
    report.errors
}

/// Imports `name` (the leaflet sections of the synthetic "real bundle"
/// fixtures sit in one "Package leaflet" wrapper) and loads what was written.
fn imported_with(name: &str, options: &ImportOptions, dir: &TempDir) -> Monograph {
    imported_from(&fixture(name), &dir.0, options)
}

/// Imports the bundle at `bundle` into `out` and loads what was written.
fn imported_from(bundle: &Path, out: &Path, options: &ImportOptions) -> Monograph {
    let (report, written) = import(bundle, out, options).expect("the bundle is read");
    let file = written.unwrap_or_else(|| panic!("nothing written:\n{}", report.text()));
    let loaded = loader::load(&file).expect("the written file parses");
    assert_eq!(
        loaded.report.errors,
        Vec::new(),
        "the imported monograph breaks a rule"
    );
    loaded.monograph
}

/// The fixture `name` with `edit` made to its JSON, written as `dir/file`
/// (for the variations of a bundle a test needs).
fn edited_fixture(
    name: &str,
    dir: &TempDir,
    file: &str,
    edit: impl FnOnce(&mut serde_json::Value),
) -> PathBuf {
    let mut bundle: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(fixture(name)).expect("fixture")).expect("JSON");
    edit(&mut bundle);
    let path = dir.0.join(file);
    fs::write(&path, bundle.to_string()).expect("write");
    path
}

/// The side-effects section of the "real bundle" fixtures, which has a list.
const REAL_URGENT: &str = "section[0].section[3]";

fn urgent_at(section: &str) -> ImportOptions {
    ImportOptions {
        urgent: Some(section.to_owned()),
        ..options_for_eu()
    }
}

/// `--urgent`, `--generic-name` and `--dosage-form` for the fixtures whose
/// bundle lacks the two names.
fn with_names_passed() -> ImportOptions {
    ImportOptions {
        generic_name: Some("samplorin".into()),
        dosage_form: Some("film-coated tablets".into()),
        ..urgent_at(REAL_URGENT)
    }
}

#[test]
fn a_subject_that_is_only_a_display_gives_the_product_name() {
    let dir = TempDir::new("subject-display");
    let errors = refused("real-subject-display-only.json", &urgent_at(REAL_URGENT), &dir);
    assert_eq!(
        errors,
        [
            "entry[0].resource.subject[0]: the ePI has no scientific name part or active Ingredient (the generic name): pass --generic-name \"<name>\"",
            "entry[0].resource.subject[0]: the ePI has no dose form part or combinedPharmaceuticalDoseForm (the dosage form): pass --dosage-form \"<form>\"",
        ]
    );
    let options = with_names_passed();
    let monograph = imported_with("real-subject-display-only.json", &options, &dir);
    assert_eq!(
        monograph.meta.brand_name.as_str(),
        "Samplorin 5 mg film-coated tablets"
    );
    assert_eq!(monograph.meta.id.as_str(), "samplorin-5-mg-film-coated-tablets");
    assert_eq!(monograph.meta.generic_name.as_str(), "samplorin");
    assert_eq!(monograph.meta.dosage_form.as_str(), "film-coated tablets");
}

/// A bundle without a scientific name part names its active substances in
/// `Ingredient` resources (role active by SPOR code or by words; excipients
/// are not the generic name).
#[test]
fn the_generic_name_comes_from_the_active_ingredients_when_the_name_has_none() {
    let dir = TempDir::new("ingredients");
    let ingredient = |role: serde_json::Value, name: &str| {
        serde_json::json!({ "resource": {
            "resourceType": "Ingredient",
            "role": role,
            "substance": { "code": { "concept": { "coding": [{ "display": name }] } } }
        } })
    };
    let with_ingredients = edited_fixture(
        "real-subject-display-only.json",
        &dir,
        "ingredients.json",
        |bundle| {
            let entries = bundle["entry"].as_array_mut().expect("entries");
            entries.push(ingredient(
            serde_json::json!({ "coding": [{ "system": "https://spor.ema.europa.eu/v1/lists/100000072050", "code": "100000072072" }] }),
            "samplorin",
        ));
            entries.push(ingredient(serde_json::json!({ "text": "Excipient" }), "lactose"));
            entries.push(ingredient(
                serde_json::json!({ "text": "Active" }),
                "samplorin sodium",
            ));
        },
    );
    let options = ImportOptions {
        dosage_form: Some("film-coated tablets".into()),
        ..urgent_at(REAL_URGENT)
    };
    let monograph = imported_from(&with_ingredients, &dir.0.join("out"), &options);
    assert_eq!(
        monograph.meta.generic_name.as_str(),
        "samplorin, samplorin sodium"
    );
}

#[test]
fn name_parts_are_matched_by_code_whatever_the_list_url_or_by_their_text() {
    let dir = TempDir::new("spor-parts");
    // This bundle states its jurisdiction (see the test below), so no --jurisdiction.
    let options = ImportOptions {
        jurisdiction: None,
        ..urgent_at(REAL_URGENT)
    };
    let monograph = imported_with("real-spor-name-parts.json", &options, &dir);
    assert_eq!(monograph.meta.brand_name.as_str(), "Samplorin");
    assert_eq!(monograph.meta.generic_name.as_str(), "samplorin (fictional)");
    assert_eq!(monograph.meta.dosage_form.as_str(), "film-coated tablets");
    assert_eq!(
        monograph.meta.drug_class.as_deref(),
        Some("Example agents (fictional class)")
    );
}

/// The jurisdiction comes from the product name's `usage` (its
/// `jurisdiction`, else its `country`) where the bundle states one the
/// leaflet can take, else from `--jurisdiction`; never both.
#[test]
fn the_jurisdiction_comes_from_the_name_usage_else_the_option() {
    let dir = TempDir::new("jurisdiction");
    let stated = ImportOptions {
        jurisdiction: None,
        ..urgent_at(REAL_URGENT)
    };
    let monograph = imported_with("real-spor-name-parts.json", &stated, &dir);
    assert_eq!(
        monograph.meta.jurisdiction.as_deref(),
        Some("EU"),
        "\"eu\", the European Union"
    );
    assert_eq!(
        monograph.sources[0].rights,
        Some(monograph::model::Rights::ReuseWithAcknowledgement)
    );

    let both = refused(
        "real-spor-name-parts.json",
        &urgent_at(REAL_URGENT),
        &TempDir::new("jurisdiction-both"),
    );
    assert_eq!(
        both,
        ["--jurisdiction: the ePI gives it (\"EU\", at entry[1].resource.name[0].usage); leave the option out"]
    );

    let with_usage = |usage: serde_json::Value, file: &str| {
        edited_fixture("real-spor-name-parts.json", &dir, file, |bundle| {
            bundle["entry"][1]["resource"]["name"][0]["usage"] = usage;
        })
    };
    let country_only = with_usage(
        serde_json::json!([{ "country": { "coding": [{ "code": "ie" }] } }]),
        "country.json",
    );
    let monograph = imported_from(&country_only, &dir.0.join("country"), &stated);
    assert_eq!(monograph.meta.jurisdiction.as_deref(), Some("IE"));

    let alpha3 = with_usage(
        serde_json::json!([{ "country": { "coding": [{ "code": "IRL" }] } }]),
        "alpha3.json",
    );
    let (report, written) = import(&alpha3, &dir.0.join("alpha3"), &stated).expect("read");
    assert!(written.is_none());
    assert_eq!(
        report.errors,
        ["entry[1].resource.name[0].usage: names the code \"IRL\", not one two-letter country code or EU; pass --jurisdiction <code> for the leaflet"]
    );
    let passed = ImportOptions {
        jurisdiction: Some("IE".into()),
        ..stated.clone()
    };
    let monograph = imported_from(&alpha3, &dir.0.join("alpha3-passed"), &passed);
    assert_eq!(monograph.meta.jurisdiction.as_deref(), Some("IE"));

    let several = with_usage(
        serde_json::json!([
            { "country": { "coding": [{ "code": "IE" }] } },
            { "country": { "coding": [{ "code": "FR" }] } }
        ]),
        "several.json",
    );
    let (report, _) = import(&several, &dir.0.join("several"), &stated).expect("read");
    assert_eq!(
        report.errors,
        ["entry[1].resource.name[0].usage: names several places (IE, FR), not one two-letter country code or EU; pass --jurisdiction <code> for the leaflet"]
    );
}

#[test]
fn untyped_name_parts_leave_the_brand_name_to_the_product_name() {
    let dir = TempDir::new("untyped-parts");
    let errors = refused("real-untyped-name-parts.json", &urgent_at(REAL_URGENT), &dir);
    assert!(
        errors[0].starts_with(
            "entry[1].resource.name[0]: the ePI has no scientific name part or active Ingredient"
        ),
        "{errors:?}"
    );
    let options = with_names_passed();
    let monograph = imported_with("real-untyped-name-parts.json", &options, &dir);
    assert_eq!(
        monograph.meta.brand_name.as_str(),
        "Samplorin 5 mg film-coated tablets"
    );
}

#[test]
fn a_leaflet_without_a_classification_has_no_drug_class_line() {
    let dir = TempDir::new("no-class");
    let options = urgent_at(REAL_URGENT);
    let (_, written) = import(&fixture("real-no-classification.json"), &dir.0, &options).expect("read");
    let file = written.expect("written");
    let toml = fs::read_to_string(&file).expect("the written file");
    assert!(!toml.contains("drug_class"), "{toml}");
    let loaded = loader::load(&file).expect("parses");
    assert_eq!(loaded.report.errors, Vec::new());
    assert_eq!(loaded.monograph.meta.drug_class, None);
}

#[test]
fn the_language_comes_from_the_composition_else_the_bundle_else_the_option() {
    let dir = TempDir::new("language");
    let from_bundle = imported_with("real-bundle-language.json", &urgent_at(REAL_URGENT), &dir);
    assert_eq!(from_bundle.meta.language.as_str(), "en");

    let unstated = edited_fixture("real-bundle-language.json", &dir, "unstated.json", |bundle| {
        bundle.as_object_mut().expect("the Bundle").remove("language");
    });
    let out = dir.0.join("out");
    let (report, written) = import(&unstated, &out, &urgent_at(REAL_URGENT)).expect("read");
    assert!(written.is_none());
    assert_eq!(
        report.errors,
        ["entry[0].resource.language: the ePI has no language in the Composition or the Bundle: pass --language <tag>"]
    );
    let passed = ImportOptions {
        language: Some("en-GB".into()),
        ..urgent_at(REAL_URGENT)
    };
    assert_eq!(
        imported_from(&unstated, &out, &passed).meta.language.as_str(),
        "en-GB"
    );

    let both = ImportOptions {
        language: Some("fr".into()),
        ..urgent_at(REAL_URGENT)
    };
    let errors = refused("real-bundle-language.json", &both, &TempDir::new("language-both"));
    assert_eq!(
        errors,
        ["--language: the ePI gives it (\"en\", at entry[0].resource.language); leave the option out"]
    );
}

/// A leaflet written in paragraphs has no list: the named section's
/// paragraphs are the box's items, one each, and cite their section.
#[test]
fn a_leaflet_of_paragraphs_gets_its_urgent_box_from_the_named_sections_paragraphs() {
    let dir = TempDir::new("paragraphs");
    let errors = refused("real-paragraphs-only.json", &options_for_eu(), &dir);
    assert!(
        errors[0].contains("section[0].section[2] (\"4. Possible side effects\", 2 paragraphs)"),
        "{errors:?}"
    );
    let monograph = imported_with(
        "real-paragraphs-only.json",
        &urgent_at("section[0].section[2]"),
        &dir,
    );
    let Block::Urgent {
        heading, lead, items, ..
    } = &monograph.summary[0]
    else {
        panic!("the urgent box");
    };
    assert_eq!(heading.as_str(), "4. Possible side effects");
    assert_eq!(*lead, None);
    let texts: Vec<&str> = items.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Stop taking Samplorin and get medical help at once if your face or throat swells.",
            "Get medical help at once if you have a rash with blisters.",
        ]
    );
    assert!(items
        .iter()
        .all(|i| i.source.as_ref().and_then(|s| s.section.as_deref()) == Some("PL-4")));
}

/// (date, section ids) of each revision.
fn revisions(monograph: &Monograph) -> Vec<(String, Vec<String>)> {
    monograph
        .revisions
        .iter()
        .map(|r| {
            (
                r.date.to_string(),
                r.sections.iter().map(|s| s.to_string()).collect(),
            )
        })
        .collect()
}

/// `examplamab-en-previous.json` is the English bundle a month earlier: the
/// serious side effects lack one sign, storage lacks "Do not freeze.", and the
/// first section's text is the same but for its white space.
#[test]
fn previous_gives_the_sections_whose_words_changed_as_a_revision_dated_by_the_new_leaflet() {
    let dir = TempDir::new("previous");
    let options = ImportOptions {
        previous: Some(fixture("examplamab-en-previous.json")),
        ..urgent_at(ENGLISH_URGENT)
    };
    let (report, written) = import(&fixture("examplamab-en.json"), &dir.0, &options).expect("read");
    let file = written.unwrap_or_else(|| panic!("nothing written:\n{}", report.text()));
    let monograph = loader::load(&file).expect("parses").monograph;
    let ids = section_ids(&monograph);
    let (side_effects, storage) = (ids[3].clone(), ids[4].clone());
    assert_eq!(
        revisions(&monograph),
        [(
            "2026-10-01".to_owned(),
            vec![side_effects.clone(), storage.clone()]
        )]
    );
    assert_eq!(
        monograph.revisions[0].summary.as_str(),
        format!(
            "New version of the leaflet: changed text in {}, {}.",
            monograph.sections[3].heading, monograph.sections[4].heading
        )
    );
    assert!(
        report.converted_by_rule.contains(&format!(
            "--previous: revision 2026-10-01: {side_effects}, {storage}"
        )),
        "{}",
        report.text()
    );

    // The previous import's file instead: its revisions are kept, the new one follows.
    let old_dir = TempDir::new("previous-toml");
    let old = imported_from(
        &fixture("examplamab-en-previous.json"),
        &old_dir.0,
        &urgent_at(ENGLISH_URGENT),
    );
    let old_file = old_dir.0.join("examplamab.toml");
    add_revision(&old_file, "2026-08-01", "First import.", &old.sections[0].id);
    let options = ImportOptions {
        previous: Some(old_file.clone()),
        ..urgent_at(ENGLISH_URGENT)
    };
    let monograph = imported_from(&fixture("examplamab-en.json"), &dir.0, &options);
    assert_eq!(
        revisions(&monograph),
        [
            ("2026-08-01".to_owned(), vec![ids[0].clone()]),
            ("2026-10-01".to_owned(), vec![side_effects, storage]),
        ]
    );

    // The same version again: nothing changed, no revision.
    let options = ImportOptions {
        previous: Some(fixture("examplamab-en.json")),
        ..urgent_at(ENGLISH_URGENT)
    };
    let (report, _) = import(&fixture("examplamab-en.json"), &dir.0, &options).expect("read");
    assert!(report
        .converted_by_rule
        .contains(&"--previous: no section changed; no revision recorded".to_owned()));

    // A "previous" version that is not older: refused, nothing written.
    let newer = edited_fixture("examplamab-en-previous.json", &dir, "newer.json", |bundle| {
        bundle["entry"][0]["resource"]["date"] = "2026-10-01T09:00:00Z".into();
    });
    let same_day = TempDir::new("previous-same-day");
    let newer_monograph = imported_from(&newer, &same_day.0, &urgent_at(ENGLISH_URGENT));
    let newer_file = same_day.0.join("examplamab.toml");
    add_revision(
        &newer_file,
        "2026-10-01",
        "Imported.",
        &newer_monograph.sections[0].id,
    );
    let out = TempDir::new("previous-refused");
    let options = ImportOptions {
        previous: Some(newer_file),
        ..urgent_at(ENGLISH_URGENT)
    };
    let (report, written) = import(&fixture("examplamab-en.json"), &out.0, &options).expect("read");
    assert!(written.is_none());
    assert_eq!(
        report.errors,
        ["--previous: the new version is dated 2026-10-01, not after the previous one's last revision (2026-10-01); pass an older version"]
    );
    assert_eq!(out.files(), Vec::<String>::new());
}

/// Appends a revision of `section` on `date` to the monograph file `file`.
fn add_revision(file: &Path, date: &str, summary: &str, section: &str) {
    let text = fs::read_to_string(file).expect("read");
    let revision =
        format!("\n[[revisions]]\ndate = \"{date}\"\nsummary = \"{summary}\"\nsections = [\"{section}\"]\n");
    fs::write(file, text + &revision).expect("write");
}
