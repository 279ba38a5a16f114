//! `cargo xtask check-content` names the file, the field and what is wrong.

use std::fs;

use xtask::content::report_text;

#[test]
fn a_broken_monograph_is_reported_with_file_field_and_problem() {
    let root = xtask::project_root();
    let good = fs::read_to_string(root.join("monographs/nusinersen.toml")).expect("monograph");
    let broken = good.replacen(
        "last_updated = \"2025-05-20\"",
        "last_updated = \"20/05/2025\"",
        1,
    );
    assert_ne!(good, broken);
    let dir = std::env::temp_dir().join(format!("check-content-{}", std::process::id()));
    fs::create_dir_all(&dir).expect("temp dir");
    let file = write_with_base(&dir, "nusinersen", &broken);

    let (text, ok) = report_text(&file);
    fs::remove_dir_all(&dir).expect("clean up");
    assert!(!ok);
    let expected = format!(
        "{}: error: meta.last_updated: \"20/05/2025\" is not an ISO 8601 date (YYYY-MM-DD)",
        file.display()
    );
    assert!(text.contains(&expected), "{text}");
    // Its warnings are the sources still to clear, tested below.
    assert!(text.contains(": 1 error(s), "), "{text}");
}

#[test]
fn a_file_not_named_after_its_id_is_an_error() {
    let dir = std::env::temp_dir().join(format!("check-content-misnamed-{}", std::process::id()));
    fs::create_dir_all(&dir).expect("temp dir");
    let file = write_with_base(&dir, "other", &nusinersen_toml());

    let (text, ok) = report_text(&file);
    fs::remove_dir_all(&dir).expect("clean up");
    assert!(!ok, "{text}");
    let expected = format!(
        "{}: error: meta.id: \"nusinersen\" in \"en\" but the file is named other.toml (name it nusinersen.toml, or nusinersen.en.toml for the drug's leaflet in that language)\n",
        file.display()
    );
    assert!(text.contains(&expected), "{text}");
    // Its warnings are the sources still to clear, tested below.
    assert!(text.contains(": 1 error(s), "), "{text}");
}

#[test]
fn the_bundled_monographs_pass() {
    let files = xtask::content::monograph_files(&xtask::project_root()).expect("monographs/");
    assert!(!files.is_empty());
    for file in files {
        let (text, ok) = report_text(&file);
        assert!(ok, "{text}");
    }
}

/// Writes `text` as `nusinersen.toml` in a fresh folder and returns its report.
fn report_for(text: &str, name: &str) -> (String, bool) {
    let dir = std::env::temp_dir().join(format!("check-content-{name}-{}", std::process::id()));
    fs::create_dir_all(&dir).expect("temp dir");
    let file = write_with_base(&dir, "nusinersen", text);
    let report = report_text(&file);
    fs::remove_dir_all(&dir).expect("clean up");
    report
}

/// Writes `text` as `<stem>.toml` in `dir`, beside a copy of nusinersen's base document.
fn write_with_base(dir: &std::path::Path, stem: &str, text: &str) -> std::path::PathBuf {
    let file = dir.join(format!("{stem}.toml"));
    fs::write(&file, text).expect("write");
    let base = xtask::project_root().join("monographs/nusinersen.base.txt");
    fs::copy(base, dir.join(format!("{stem}.base.txt"))).expect("copy the base document");
    file
}

fn nusinersen_toml() -> String {
    fs::read_to_string(xtask::project_root().join("monographs/nusinersen.toml")).expect("monograph")
}

#[test]
fn the_reading_grade_and_the_unreviewed_additions_are_reported() {
    let (text, ok) = report_for(&nusinersen_toml(), "grade");
    assert!(ok, "{text}");
    let grade_line = text
        .lines()
        .find(|l| l.contains("note: reading grade of the added text (Flesch-Kincaid): "))
        .unwrap_or_else(|| panic!("no reading grade in {text}"));
    let grade: f64 = grade_line
        .split("(Flesch-Kincaid): ")
        .nth(1)
        .and_then(|rest| rest.split(',').next())
        .and_then(|g| g.parse().ok())
        .unwrap_or_else(|| panic!("no grade in {grade_line}"));
    assert!(grade <= 8.0, "the added text reads at grade {grade}");
    let total = added_text_count(&text);
    assert!(
        text.contains(&format!("note: 0 of {total} added texts signed off\n")),
        "{text}"
    );
    assert!(
        text.contains(&format!("note: not signed off by a pharmacist: {total} text(s) (`cargo xtask review nusinersen` writes the sheet")),
        "{text}"
    );
    assert!(
        text.contains(" (MHRA) not signed off: Vomiting that does not go away.\n"),
        "{text}"
    );
}

/// `m` of the "n of m added texts signed off" line.
fn added_text_count(report: &str) -> usize {
    report
        .lines()
        .find_map(|l| {
            l.split(" of ")
                .nth(1)?
                .strip_suffix(" added texts signed off")?
                .parse()
                .ok()
        })
        .unwrap_or_else(|| panic!("no sign-off count in {report}"))
}

#[test]
fn a_recorded_sign_off_replaces_the_unreviewed_list() {
    let dir = std::env::temp_dir().join(format!("check-content-signed-{}", std::process::id()));
    fs::create_dir_all(&dir).expect("temp dir");
    let file = write_with_base(&dir, "nusinersen", &nusinersen_toml());
    let signer = xtask::review::Signer {
        name: "A. Pharmacist".into(),
        role: "Clinical pharmacist".into(),
        registration: None,
        date: "2026-12-07".into(),
    };
    let sheet = xtask::review::sheet_id(&xtask::review::Reviewed::open(&file).expect("reviewed").states);
    let signed = xtask::review::sign(&file, &signer, &xtask::review::Chosen::Sheet(sheet)).expect("signed");
    let (text, ok) = report_text(&file);
    fs::remove_dir_all(&dir).expect("clean up");
    assert!(ok, "{text}");
    let total = signed.counts.total;
    assert!(
        text.contains(&format!("note: {total} of {total} added texts signed off\n")),
        "{text}"
    );
    assert!(!text.contains("not signed off"), "{text}");
}

#[test]
fn the_old_whole_monograph_review_is_refused_with_the_way_to_migrate_it() {
    let good = nusinersen_toml();
    let compiled = good
        .lines()
        .find(|l| l.starts_with("compiled = "))
        .expect("[meta.additions] compiled");
    let reviewed = good.replacen(
        &format!("{compiled}\n"),
        &format!("{compiled}\n\n[meta.additions.review]\nname = \"A. Pharmacist\"\nrole = \"Clinical pharmacist\"\ndate = \"2026-12-07\"\n"),
        1,
    );
    assert_ne!(reviewed, nusinersen_toml(), "the fixture changed");
    let (text, ok) = report_for(&reviewed, "old-review");
    assert!(!ok, "{text}");
    assert!(
        text.contains("run `cargo xtask review nusinersen --migrate`"),
        "{text}"
    );
}

/// Each source whose reuse needs clearing warns, naming its texts, until
/// the record holds a permission for it; sources with open rights never do.
#[test]
fn sources_that_need_a_permission_warn_until_one_is_recorded() {
    let dir = std::env::temp_dir().join(format!("check-content-rights-{}", std::process::id()));
    fs::create_dir_all(&dir).expect("temp dir");
    let file = write_with_base(&dir, "nusinersen", &nusinersen_toml());
    let (before, ok) = report_text(&file);
    assert!(ok, "{before}");
    let name = file.display();
    assert!(
        before.contains(&format!("{name}: warning: sources[0]: seed (the original page): needs the publisher's written permission: ")),
        "{before}"
    );
    assert!(
        before.contains(
            "rest on it and nusinersen.review.toml records no permission ([[permission]] source = \"seed\")"
        ),
        "{before}"
    );
    for unknown in [
        "DHPC (letter to health professionals (2018)): rights not known; ask the publisher: ",
        "CRUK (Cancer Research UK): needs the publisher's written permission: 1 text(s) rest on it",
    ] {
        assert!(before.contains(unknown), "{unknown} in {before}");
    }
    assert!(
        before.contains("note: texts resting on CRUK (1):\n  sections["),
        "{before}"
    );
    for open in ["PI", "EU-PL", "EU-SmPC", "MHRA", "editors"] {
        let warned = before
            .lines()
            .any(|l| l.contains(": warning: sources[") && l.contains(&format!("]: {open} (")));
        assert!(!warned, "{open} in {before}");
    }

    fs::write(
        dir.join("nusinersen.review.toml"),
        "[[permission]]\nsource = \"seed\"\nnote = \"Licence from the publisher, 2026-12-01, filed as MI/2026/14\"\n\n\
         [[permission]]\nsource = \"CRUK\"\nnote = \"Email from Cancer Research UK, 2026-12-02\"\n",
    )
    .expect("write the record");
    let (after, ok) = report_text(&file);
    fs::remove_dir_all(&dir).expect("clean up");
    assert!(ok, "{after}");
    assert!(!after.contains("seed (the original page): needs"), "{after}");
    assert!(!after.contains("CRUK (Cancer Research UK): needs"), "{after}");
    assert!(
        after.contains("DHPC (letter to health professionals (2018)): rights not known"),
        "{after}"
    );
}

#[test]
fn added_text_above_grade_8_is_a_warning() {
    let dense = r#"
[meta]
id = "nusinersen"
title = "Nusinersen"
language = "en"
jurisdiction = "US"
generic_name = "nusinersen"
brand_name = "Spinraza"
dosage_form = "injection"
drug_class = "antisense oligonucleotides"
reviewed_by = "A. Pharmacist"
last_updated = "2025-05-20"
based_on = "seed"

[meta.additions]
compiled = "2026-11-27"

[[sources]]
id = "seed"
title = "Seed"

[[sources]]
id = "PI"
title = "Prescribing information"

[[summary]]
kind = "urgent"
heading = "Get medical help"
items = [{ text = "Thrombocytopenia and coagulation abnormalities necessitate immediate hematological evaluation.", source = { doc = "PI", section = "5.1" } }]

[[sections]]
id = "warnings"
heading = "Warnings"
blocks = [{ kind = "paragraph", text = "Renal toxicity, including potentially fatal glomerulonephritis, has been observed.", source = { doc = "PI", section = "5.2" } }]
"#;
    let (text, ok) = report_for(dense, "dense");
    assert!(ok, "a reading grade never fails the build: {text}");
    assert!(
        text.contains("warning: (added text): reads at grade") && text.contains("above 8"),
        "{text}"
    );
}

#[test]
fn a_text_that_claims_the_original_page_must_be_in_it_word_for_word() {
    let good = nusinersen_toml();
    let seed_sentence =
        "Nusinersen is administered by a qualified healthcare professional in a treatment center.";
    assert!(good.contains(seed_sentence), "the fixture changed");
    let edited = good.replacen(
        seed_sentence,
        "Nusinersen is given by a qualified healthcare professional in a treatment center.",
        1,
    );
    let (text, ok) = report_for(&edited, "claims-seed");
    assert!(!ok, "{text}");
    assert!(
        text.contains(
            "cites \"seed\" but is not in it word for word: cite the source it comes from, or \"editors\""
        ),
        "{text}"
    );
    assert!(text.contains("1 error(s)"), "{text}");
    // Line breaks and runs of spaces are not edits.
    let rewrapped = good.replacen(
        seed_sentence,
        "Nusinersen is administered by a qualified\\nhealthcare professional in a  treatment center.",
        1,
    );
    assert_ne!(rewrapped, good);
    let (text, ok) = report_for(&rewrapped, "rewrapped");
    assert!(ok, "{text}");
}

#[test]
fn a_monograph_file_names_its_jurisdiction_and_keeps_its_base_document() {
    let good = nusinersen_toml();
    let without = good.replacen("jurisdiction = \"US\"\n", "", 1);
    assert_ne!(without, good, "the fixture changed");
    let (text, ok) = report_for(&without, "no-jurisdiction");
    assert!(!ok);
    assert!(text.contains("error: meta.jurisdiction: is missing"), "{text}");

    let wrong = good.replacen("jurisdiction = \"US\"", "jurisdiction = \"usa\"", 1);
    let (text, ok) = report_for(&wrong, "bad-jurisdiction");
    assert!(!ok);
    assert!(text.contains("\"usa\" is not a country or region code"), "{text}");

    let dir = std::env::temp_dir().join(format!("check-content-no-base-{}", std::process::id()));
    fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("nusinersen.toml");
    fs::write(&file, &good).expect("write");
    let (text, ok) = report_text(&file);
    fs::remove_dir_all(&dir).expect("clean up");
    assert!(!ok);
    assert!(
        text.contains("is a consumer monograph: keep its text beside this file as nusinersen.base.txt"),
        "{text}"
    );
}
