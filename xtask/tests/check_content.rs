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
    let file = dir.join("nusinersen.toml");
    fs::write(&file, broken).expect("write");

    let (text, ok) = report_text(&file);
    fs::remove_dir_all(&dir).expect("clean up");
    assert!(!ok);
    let expected = format!(
        "{}: error: meta.last_updated: \"20/05/2025\" is not an ISO 8601 date (YYYY-MM-DD)",
        file.display()
    );
    assert!(text.contains(&expected), "{text}");
    assert!(text.contains("1 error(s), 0 warning(s)"), "{text}");
}

#[test]
fn a_file_not_named_after_its_id_is_an_error() {
    let dir = std::env::temp_dir().join(format!("check-content-misnamed-{}", std::process::id()));
    fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("other.toml");
    fs::write(&file, nusinersen_toml()).expect("write");

    let (text, ok) = report_text(&file);
    fs::remove_dir_all(&dir).expect("clean up");
    assert!(!ok, "{text}");
    let expected = format!(
        "{}: error: meta.id: \"nusinersen\" but the file is named other.toml\n",
        file.display()
    );
    assert!(text.contains(&expected), "{text}");
    assert!(text.contains("1 error(s), 0 warning(s)"), "{text}");
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
    let file = dir.join("nusinersen.toml");
    fs::write(&file, text).expect("write");
    let report = report_text(&file);
    fs::remove_dir_all(&dir).expect("clean up");
    report
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
    assert!(
        text.contains("note: unreviewed additions: ") && text.contains("not yet reviewed by a pharmacist"),
        "{text}"
    );
    assert!(
        text.contains("  summary[1].items[0].text (MHRA): Signs of fluid around the brain (hydrocephalus)"),
        "{text}"
    );
}

#[test]
fn a_recorded_review_replaces_the_unreviewed_list() {
    let reviewed = nusinersen_toml().replacen(
        "[meta.additions]\ncompiled = \"2026-11-27\"\n",
        "[meta.additions]\ncompiled = \"2026-11-27\"\n\n[meta.additions.review]\nname = \"A. Pharmacist\"\nrole = \"Clinical pharmacist\"\ndate = \"2026-12-01\"\n",
        1,
    );
    assert_ne!(reviewed, nusinersen_toml(), "the fixture changed");
    let (text, ok) = report_for(&reviewed, "reviewed");
    assert!(ok, "{text}");
    assert!(
        text.contains("note: additions reviewed by A. Pharmacist, Clinical pharmacist, on 2026-12-01"),
        "{text}"
    );
    assert!(!text.contains("unreviewed additions"), "{text}");
}

#[test]
fn added_text_above_grade_8_is_a_warning() {
    let dense = r#"
[meta]
id = "nusinersen"
title = "Nusinersen"
language = "en"
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
