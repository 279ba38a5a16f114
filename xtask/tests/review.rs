//! `cargo xtask review`: the sheet a pharmacist reads, the sign-off it leads
//! to, voided text by text by an edit, the move of the old whole-monograph
//! review, and `dist --require-review`'s refusal until all is signed and cleared.

use std::fs;
use std::path::{Path, PathBuf};

use monograph::loader;
use monograph::review::{text_states, ReviewFile};
use xtask::content::report_text;
use xtask::dist::publishing_problems;
use xtask::review::{migrate, sheet_id, sign, write_sheet, Chosen, Reviewed, Signer};

/// A fresh folder holding a copy of the bundled nusinersen monograph and its
/// base document, and no sign-off record.
fn monographs_copy(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("xtask-review-{name}-{}", std::process::id()));
    if dir.exists() {
        fs::remove_dir_all(&dir).expect("clear the temp folder");
    }
    fs::create_dir_all(&dir).expect("temp folder");
    let monographs = xtask::project_root().join("monographs");
    for file in ["nusinersen.toml", "nusinersen.base.txt"] {
        fs::copy(monographs.join(file), dir.join(file)).expect("copy the monograph");
    }
    dir
}

fn pharmacist() -> Signer {
    Signer {
        name: "A. Pharmacist".into(),
        role: "Clinical pharmacist".into(),
        registration: Some("GPhC 2012345".into()),
        date: "2026-12-07".into(),
    }
}

/// Replaces `from` once in the monograph file, which must hold it.
/// The sign-off of everything the review sheet of `file` lists, as written now.
fn whole_sheet(file: &Path) -> Chosen {
    Chosen::Sheet(sheet_id(&Reviewed::open(file).expect("reviewed").states))
}

fn edit(file: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(file).expect("monograph");
    assert!(text.contains(from), "the fixture changed: no {from:?}");
    fs::write(file, text.replacen(from, to, 1)).expect("write");
}

/// `check-content`'s report of a valid file that says "`signed` of `total`
/// added texts signed off".
fn report_counting(file: &Path, signed: usize, total: usize) -> String {
    let (report, ok) = report_text(file);
    assert!(ok, "{report}");
    let count = format!("note: {signed} of {total} added texts signed off\n");
    assert!(report.contains(&count), "{count} in {report}");
    report
}

/// Where the added text `shown` is in the monograph file.
fn place_of(file: &Path, shown: &str) -> String {
    let reviewed = xtask::review::Reviewed::open(file).expect("opens");
    let text = reviewed.states.into_iter().find(|t| t.text == shown);
    text.unwrap_or_else(|| panic!("the fixture changed: no {shown:?}"))
        .place
}

/// The hashes of every added text, by place, from a monograph's TOML text.
fn hashes(toml_text: &str) -> Vec<(String, String)> {
    let loaded = loader::parse(toml_text).expect("a monograph");
    text_states(&loaded.monograph, &ReviewFile::default())
        .into_iter()
        .map(|t| (t.place, t.hash))
        .collect()
}

#[test]
fn hashes_do_not_change_when_the_toml_is_laid_out_differently() {
    let original =
        fs::read_to_string(xtask::project_root().join("monographs/nusinersen.toml")).expect("monograph");
    // The same data written back by the toml crate: no comments, tables
    // instead of inline tables, other line breaks and quoting.
    let value: toml::Table = toml::from_str(&original).expect("TOML");
    let rewritten = toml::to_string(&value).expect("TOML again");
    assert_ne!(rewritten, original);
    assert!(!rewritten.contains("items = [\n  { text"), "{rewritten}");
    // A text broken over lines, with runs of spaces: white space is not an edit.
    let sentence = "Vomiting that does not go away.";
    let rewrapped = original.replacen(sentence, "Vomiting  that does\\nnot go away.", 1);
    assert_ne!(rewrapped, original, "the fixture changed");

    let expected = hashes(&original);
    assert!(!expected.is_empty());
    assert_eq!(hashes(&rewritten), expected);
    assert_eq!(hashes(&rewrapped), expected);
    let reworded = original.replacen(sentence, "Vomiting that will not stop.", 1);
    assert_ne!(hashes(&reworded), expected, "a changed word is a new text");
}

#[test]
fn signing_all_but_one_text_then_the_rest_counts_each_step() {
    let dir = monographs_copy("partial");
    let file = dir.join("nusinersen.toml");
    let states = xtask::review::Reviewed::open(&file).expect("opens").states;
    let total = states.len();
    let (left, rest) = states.split_last().expect("added texts");
    let all_but_one: Vec<String> = rest.iter().map(|t| t.hash.clone()).collect();

    let first = sign(&file, &pharmacist(), &Chosen::Only(all_but_one.clone())).expect("signed");
    assert_eq!(first.texts, total - 1);
    assert_eq!(
        first.counts.to_string(),
        format!("{} of {total} added texts signed off", total - 1)
    );
    let report = report_counting(&file, total - 1, total);
    assert!(
        report.contains("note: not signed off by a pharmacist: 1 text(s)"),
        "{report}"
    );
    assert!(report.contains(&format!("  {} (", left.place)), "{report}");

    let record = fs::read_to_string(dir.join("nusinersen.review.toml")).expect("the record");
    assert!(
        record.starts_with("# Pharmacists' sign-offs of this monograph's added texts"),
        "{record}"
    );
    assert!(record.contains("[[signoff]]\nname = \"A. Pharmacist\"\nrole = \"Clinical pharmacist\"\nregistration = \"GPhC 2012345\"\ndate = \"2026-12-07\""), "{record}");

    // The sheet as a whole: whatever is not signed off yet, here the one left.
    let second = sign(&file, &pharmacist(), &whole_sheet(&file)).expect("signed");
    assert_eq!(second.texts, 1);
    assert_eq!(
        second.counts.to_string(),
        format!("{total} of {total} added texts signed off")
    );
    let nothing = sign(&file, &pharmacist(), &whole_sheet(&file))
        .err()
        .expect("nothing left to sign");
    assert!(nothing.to_string().contains("nothing to sign off"), "{nothing}");

    let unknown = sign(
        &file,
        &pharmacist(),
        &Chosen::Only(vec!["0123456789ab".to_owned(), all_but_one[0].clone()]),
    )
    .err()
    .expect("an unknown hash is refused");
    assert!(
        unknown.to_string().contains("no added text of")
            && unknown.to_string().contains("has the hash 0123456789ab "),
        "{unknown}"
    );
    fs::remove_dir_all(&dir).expect("clean up");
}

#[test]
fn an_edit_after_sign_off_brings_the_text_back_with_the_date_of_its_sign_off() {
    let dir = monographs_copy("edited");
    let file = dir.join("nusinersen.toml");
    let total = sign(&file, &pharmacist(), &whole_sheet(&file))
        .expect("signed")
        .counts
        .total;
    let place = place_of(&file, "Vomiting that does not go away.");
    edit(
        &file,
        "Vomiting that does not go away.",
        "Vomiting that will not stop.",
    );

    let report = report_counting(&file, total - 1, total);
    assert!(
        report.contains(&format!(
            "  {place} (MHRA) changed since the sign-off of 2026-12-07: Vomiting that will not stop.\n"
        )),
        "{report}"
    );
    let problems = publishing_problems(&dir);
    assert!(
        problems
            .iter()
            .any(|p| p.contains(&format!("{place} (MHRA, hash "))
                && p.contains(") is changed since the sign-off of 2026-12-07: Vomiting that will not stop.")),
        "{problems:#?}"
    );
    let sheet = dir.join("sheet.html");
    write_sheet(&file, &sheet).expect("the sheet");
    let html = fs::read_to_string(&sheet).expect("the sheet");
    assert!(
        html.contains("Changed since the sign-off of 2026-12-07: not reviewed as it is now"),
        "{html}"
    );
    assert!(
        html.contains("Signed off by A. Pharmacist, Clinical pharmacist (GPhC 2012345), on 2026-12-07"),
        "{html}"
    );
    assert!(html.contains(&format!("{} of {total} added texts reviewed by A. Pharmacist, Clinical pharmacist, on 2026-12-07; the rest not yet reviewed", total - 1)), "{html}");
    fs::remove_dir_all(&dir).expect("clean up");
}

#[test]
fn migration_turns_the_old_review_into_a_sign_off_of_every_text() {
    let dir = monographs_copy("migrate");
    let file = dir.join("nusinersen.toml");
    let before = fs::read_to_string(&file).expect("monograph");
    let compiled = before
        .lines()
        .find(|l| l.starts_with("compiled = "))
        .expect("[meta.additions] compiled")
        .to_owned();
    edit(
        &file,
        &format!("{compiled}\n"),
        &format!("{compiled}\n\n[meta.additions.review]\nname = \"B. Reviewer\"\nrole = \"Lead pharmacist\"\ndate = \"2026-12-08\"\n"),
    );
    let refused = loader::load(&file).expect_err("the old table is refused");
    assert!(
        refused
            .to_string()
            .contains("cargo xtask review nusinersen --migrate"),
        "{refused}"
    );

    // A review older than the compiled additions did not cover today's texts.
    let with_review = fs::read_to_string(&file).expect("monograph");
    edit(&file, "date = \"2026-12-08\"", "date = \"2026-11-01\"");
    let stale = migrate(&file)
        .err()
        .expect("an out-of-date review is not migrated");
    assert!(
        stale.to_string().contains("did not cover today's texts"),
        "{stale}"
    );
    fs::write(&file, &with_review).expect("restore");

    let migrated = migrate(&file).expect("migrated");
    assert_eq!(
        fs::read_to_string(&file).expect("monograph"),
        before,
        "only the table's lines go"
    );
    assert_eq!(migrated.texts, migrated.counts.total);
    assert_eq!(
        migrated.counts.to_string(),
        format!("{0} of {0} added texts signed off", migrated.counts.total)
    );
    let loaded = loader::load(&file).expect("loads again");
    let reviews = loaded.monograph.meta.additions.expect("additions").reviews;
    assert_eq!(reviews.len(), 1);
    assert_eq!(
        (
            reviews[0].name.as_str(),
            reviews[0].role.as_str(),
            reviews[0].date.as_str()
        ),
        ("B. Reviewer", "Lead pharmacist", "2026-12-08")
    );
    assert_eq!(reviews[0].texts.len(), migrated.texts);
    let again = migrate(&file).err().expect("nothing left to migrate");
    assert!(
        again.to_string().contains("has no [meta.additions.review] table"),
        "{again}"
    );
    fs::remove_dir_all(&dir).expect("clean up");
}

#[test]
fn the_sheet_lists_texts_for_review_apart_from_the_original_and_escapes_them() {
    let dir = monographs_copy("sheet");
    let file = dir.join("nusinersen.toml");
    edit(
        &file,
        "Vomiting that does not go away.",
        "Vomiting <script>alert(1)</script> & \\\"more\\\".",
    );
    let out = dir.join("out/nusinersen.html");
    let sheet = write_sheet(&file, &out).expect("the sheet");
    let html = fs::read_to_string(&out).expect("the sheet");

    assert!(
        html.contains("Vomiting &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;."),
        "{html}"
    );
    assert!(
        !html.contains("<script"),
        "no script, the monograph's or the sheet's"
    );
    assert!(
        !html.contains("<link") && !html.contains(" src="),
        "self-contained"
    );
    assert!(html.contains(&format!(
        "<h2 id=\"added\">Added texts for review ({})</h2>",
        sheet.counts.total
    )));
    assert!(html.contains(&format!(
        "<h2 id=\"original\">From the original page ({})</h2>",
        sheet.original
    )));
    assert!(sheet.original > 0 && sheet.counts.total > 0);
    assert_eq!(html.matches("<li class=\"text\">").count(), sheet.counts.total);
    assert_eq!(
        html.matches("<p class=\"change\">Change to:</p>").count(),
        sheet.counts.total
    );
    for expected in [
        "<div><dt>Review status</dt><dd>Not yet reviewed by a pharmacist</dd></div>",
        "<h3>Get medical help › lead-in</h3>",
        "<h3>Get medical help › item 1</h3>",
        "<h3>Words used in this leaflet › definition of “Platelets”</h3>",
        "<dd>MHRA: Nusinersen (Spinraza): reports of communicating hydrocephalus",
        "<dd>Open Government Licence v3.0. Acknowledge: Contains public sector information licensed under the Open Government Licence v3.0.</dd>",
        "<dd>needs the publisher&#39;s written permission.</dd>",
        "<dd>Not reviewed</dd>",
        "<dt>Registration number</dt>",
        "<dt>Signature</dt>",
        "@page { margin:",
    ] {
        assert!(html.contains(expected), "{expected} in {html}");
    }
    fs::remove_dir_all(&dir).expect("clean up");
}

#[test]
fn require_review_fails_until_every_text_is_signed_and_every_source_cleared() {
    let dir = monographs_copy("require");
    let file = dir.join("nusinersen.toml");
    let place = place_of(&file, "Vomiting that does not go away.");
    let problems = publishing_problems(&dir);
    let total = text_states(
        &loader::load(&file).expect("loads").monograph,
        &ReviewFile::default(),
    )
    .len();
    let name = file.display().to_string();
    let unsigned = problems
        .iter()
        .filter(|p| p.contains(") is not signed off: "))
        .count();
    assert_eq!(unsigned, total, "{problems:#?}");
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with(&format!("{name}: {place} (MHRA, hash "))
                && p.ends_with(") is not signed off: Vomiting that does not go away.")),
        "{problems:#?}"
    );
    let seed = format!("{name}: source seed (the original page): needs the publisher's written permission: ");
    assert!(problems.iter().any(|p| p.starts_with(&seed)), "{problems:#?}");

    sign(&file, &pharmacist(), &whole_sheet(&file)).expect("signed");
    let problems = publishing_problems(&dir);
    let sources: Vec<&str> = problems
        .iter()
        .filter_map(|p| p.strip_prefix(&format!("{name}: source "))?.split(' ').next())
        .collect();
    assert_eq!(
        problems.len(),
        sources.len(),
        "only sources are left: {problems:#?}"
    );
    assert!(
        sources.contains(&"seed") && sources.contains(&"CRUK"),
        "{sources:?}"
    );

    let record_path = dir.join("nusinersen.review.toml");
    let mut record = fs::read_to_string(&record_path).expect("the record");
    for source in sources {
        record.push_str(&format!(
            "\n[[permission]]\nsource = \"{source}\"\nnote = \"Written permission, 2026-12-01, filed as MI/2026/{source}\"\n"
        ));
    }
    fs::write(&record_path, record).expect("write the record");
    assert_eq!(publishing_problems(&dir), Vec::<String>::new());
    fs::remove_dir_all(&dir).expect("clean up");
}

/// A sheet signs off only the texts it showed: an edit after it was written
/// makes its id stale, and signing by it is refused.
#[test]
fn a_sheet_written_before_an_edit_cannot_sign_the_edited_text() {
    let dir = monographs_copy("stale-sheet");
    let file = dir.join("nusinersen.toml");
    let sheet = whole_sheet(&file);
    edit(
        &file,
        "Vomiting that does not go away.",
        "Vomiting that will not stop.",
    );
    let refused = sign(&file, &pharmacist(), &sheet)
        .err()
        .expect("a stale sheet is refused");
    assert!(
        refused.to_string().contains("changed since review sheet"),
        "{refused}"
    );
    assert!(!dir.join("nusinersen.review.toml").exists(), "nothing recorded");
    fs::remove_dir_all(&dir).expect("clean up");
}
