//! `cargo xtask import-spl` on the synthetic SPL documents in `tests/spl/`
//! (fictional products, written from the SPL standard): each patient section
//! imports into a fresh folder and passes the loader and the rules; a document
//! without one is skipped; a malformed one names its places and writes nothing.

use std::process::Command;

use monograph::loader;
use monograph::model::{Block, Monograph, Rights, SourceKind};
use xtask::spl::{import, Outcome, SplOptions, SOURCE_ID};

mod support;
use support::{citations_and_texts, TempDir};

fn fixture(name: &str) -> std::path::PathBuf {
    xtask::project_root().join("tests/spl").join(name)
}

/// Imports a fixture with `options` and loads the written file as the build would.
fn imported(name: &str, options: &SplOptions, dir: &TempDir) -> Monograph {
    let import = import(&fixture(name), &dir.0, options).expect("the file is read");
    let Outcome::Written(file) = &import.outcome else {
        panic!("{name}: {:?}\n{}", import.outcome, import.report.text());
    };
    let loaded = loader::load(file).expect("the written file parses");
    assert_eq!(
        loaded.report.errors,
        Vec::new(),
        "the imported monograph breaks a rule"
    );
    loaded.monograph
}

fn headings(monograph: &Monograph) -> Vec<String> {
    monograph.sections.iter().map(|s| s.heading.to_string()).collect()
}

/// The urgent box's heading, lead and items.
fn urgent(monograph: &Monograph) -> (String, Option<String>, Vec<String>) {
    let Some(Block::Urgent {
        heading, lead, items, ..
    }) = monograph.summary.first()
    else {
        panic!("no urgent box");
    };
    (
        heading.to_string(),
        lead.as_deref().map(str::to_owned),
        items.iter().map(|i| i.text.to_string()).collect(),
    )
}

/// The texts of a section's paragraphs, notes and list items, in order.
fn section_texts(monograph: &Monograph, index: usize) -> Vec<String> {
    let mut texts = Vec::new();
    for block in monograph.sections[index].blocks.iter() {
        match block {
            Block::Paragraph { text, .. } => texts.push(format!("p {text}")),
            Block::Note { text, .. } => texts.push(format!("note {text}")),
            Block::Figure { text, .. } => texts.push(format!("figure {text}")),
            Block::Subheading { heading } => texts.push(format!("h {heading}")),
            Block::List { lead, items, .. } => {
                if let Some(lead) = lead {
                    texts.push(format!("lead {lead}"));
                }
                texts.extend(items.iter().map(|i| format!("- {}", i.text)));
            }
            other => texts.push(format!("{other:?}")),
        }
    }
    texts
}

/// Every text cites the SPL at its patient section ("code title"), and no
/// text carries a bullet or markup.
fn assert_cited_plain_text(monograph: &Monograph, citation: &str) {
    let (sources, texts) = citations_and_texts(monograph);
    for source in &sources {
        let source = source.as_ref().expect("every imported text cites its section");
        assert_eq!(source.doc.as_str(), SOURCE_ID);
        assert_eq!(source.section.as_deref(), Some(citation));
    }
    for text in &texts {
        assert!(
            !text.contains(['<', '>', '•']),
            "markup or a bullet passed through: {text}"
        );
    }
    assert_eq!(monograph.sources.len(), 1, "the SPL is the only source");
    assert_eq!(monograph.sources[0].kind, Some(SourceKind::Label));
    assert_eq!(monograph.sources[0].rights, Some(Rights::PublicDomain));
    assert_eq!(monograph.meta.jurisdiction.as_deref(), Some("US"));
    assert_eq!(
        monograph.sources[0].publisher.as_deref(),
        Some("Example Labeler Inc. (fictional)")
    );
    assert_eq!(monograph.meta.based_on.as_str(), SOURCE_ID);
    assert_eq!(monograph.meta.language.as_str(), "en");
    assert_eq!(monograph.meta.last_updated.as_str(), "2026-10-15");
}

#[test]
fn a_medication_guide_is_split_on_its_bold_questions() {
    let dir = TempDir::new("spl-medguide");
    let monograph = imported("medguide-questions.xml", &SplOptions::default(), &dir);
    assert_eq!(dir.files(), ["examplol.toml"]);
    assert_eq!(monograph.meta.brand_name.as_str(), "Examplol");
    assert_eq!(monograph.meta.generic_name.as_str(), "examplol");
    assert_eq!(monograph.meta.dosage_form.as_str(), "TABLET");
    assert_eq!(monograph.meta.drug_class, None);
    assert_eq!(
        headings(&monograph),
        [
            "MEDICATION GUIDE",
            "What is the most important information I should know about EXAMPLOL?",
            "What is EXAMPLOL?",
            "What are the possible side effects of EXAMPLOL?",
        ]
    );
    // The label's own approval sentence, never the labeler.
    assert_eq!(
        monograph.meta.reviewed_by.as_str(),
        "This Medication Guide has been approved by the U.S. Food and Drug Administration."
    );
    assert!(monograph.sources[0]
        .note
        .as_deref()
        .is_some_and(|note| note.contains("set id 00000000-0000-0000-0000-000000000066, version 3")));
    // The default urgent box: the list under "most important information",
    // its "•" captions dropped and the text after a bold part kept.
    assert_eq!(
        urgent(&monograph),
        (
            "What is the most important information I should know about EXAMPLOL?".to_owned(),
            Some("EXAMPLOL can cause serious side effects, including:".to_owned()),
            vec![
                "swelling of your face, lips or tongue".to_owned(),
                "a fast heartbeat that does not slow down when you rest".to_owned(),
            ]
        )
    );
    // The two-column "• …" table is read row by row into one list; the
    // link keeps its https: target as text; the footnote ends the text.
    assert_eq!(
        section_texts(&monograph, 3),
        [
            "lead The most common side effects of EXAMPLOL include:",
            "- headache",
            "- feeling sick",
            "- tiredness",
            "- dizziness",
            "p Call your doctor for medical advice about side effects. You may report side effects to FDA at 1-800-FDA-1088 or www.fda.gov/medwatch (https://www.fda.gov/medwatch).",
            "p This Medication Guide has been approved by the U.S. Food and Drug Administration. Revised: 10/2026",
            "note Example data only.",
        ]
    );
    assert_eq!(
        section_texts(&monograph, 2),
        ["p EXAMPLOL is a made-up prescription medicine used in examples. Take it with 250 mL of water (H₂O)."]
    );
    assert_cited_plain_text(&monograph, "42231-1 MEDICATION GUIDE");
}

#[test]
fn a_patient_package_insert_without_a_title_is_headed_by_its_bold_line() {
    let dir = TempDir::new("spl-ppi");
    let monograph = imported("ppi-untitled.xml", &SplOptions::default(), &dir);
    assert_eq!(
        headings(&monograph),
        [
            "PATIENT INFORMATION",
            "What is SAMPLEX?",
            "What are the possible side effects of SAMPLEX?",
        ]
    );
    // The product line under the heading line, with nothing else, stays as text.
    assert_eq!(section_texts(&monograph, 0), ["p SAMPLEX (SAM-plex) cream"]);
    // No approval sentence: the version and date of the FDA-approved labeling.
    assert_eq!(
        monograph.meta.reviewed_by.as_str(),
        "FDA-approved labeling, version 4, effective 2026-10-15"
    );
    // The default urgent box when there is no "most important information": a
    // list led by "Call your healthcare provider right away".
    let (heading, lead, items) = urgent(&monograph);
    assert_eq!(heading, "What are the possible side effects of SAMPLEX?");
    assert_eq!(
        lead.as_deref(),
        Some("Call your healthcare provider right away if you have:")
    );
    assert_eq!(items, ["blisters where you put the cream", "a rash that spreads"]);
    assert_cited_plain_text(&monograph, "42230-3 PATIENT INFORMATION");
}

/// An IFU has no urgent list: the import asks for `--urgent`, then takes the
/// named section's paragraphs. Each figure is a figure block (its text
/// alternative) after the text that shows it; one without one says so.
#[test]
fn instructions_for_use_keep_their_figures_as_text_alternatives() {
    let dir = TempDir::new("spl-ifu");
    let undecided = import(&fixture("ifu-figures.xml"), &dir.0, &SplOptions::default()).expect("read");
    assert_eq!(undecided.outcome, Outcome::NeedsDecision);
    assert_eq!(
        undecided.report.errors,
        ["--urgent: no list under a \"most important information\" heading, nor one led by \"Call your healthcare provider right away\" or \"Get emergency help\"; pass --urgent <heading> with one of the candidates: \"INSTRUCTIONS FOR USE\" (a list), \"If you inject too much\" (2 paragraphs)"]
    );
    assert_eq!(dir.files(), Vec::<String>::new());

    let options = SplOptions {
        urgent: Some("if you inject too much".into()),
        ..SplOptions::default()
    };
    let monograph = imported("ifu-figures.xml", &options, &dir);
    assert_eq!(
        section_texts(&monograph, 0),
        [
            "p Read these instructions before you use the DEMOPEN pen. Example data, not a real medicine.",
            "p Step 1. Wash your hands with soap and water.",
            "figure Hands being washed under running water",
            "p Step 2. Take the pen out of its box.",
            "figure The pen lifted out of its box",
            "- Pull off the grey cap.",
            "- Press the pen on your thigh for 10 seconds.",
            "figure The grey cap pulled straight off the pen",
            "figure [missing alt]",
        ]
    );
    let (heading, lead, items) = urgent(&monograph);
    assert_eq!(heading, "If you inject too much");
    assert_eq!(lead, None);
    assert_eq!(items.len(), 2);
    assert_cited_plain_text(&monograph, "59845-8 INSTRUCTIONS FOR USE");

    let report = import(&fixture("ifu-figures.xml"), &dir.0, &options)
        .expect("read")
        .report;
    assert!(
        report.converted_by_rule.iter().any(|line| line
            .ends_with("<renderMultiMedia> at line 66 has no text alternative -> \"[missing alt]\"")),
        "{:?}",
        report.converted_by_rule
    );
}

#[test]
fn a_medication_guide_laid_out_in_one_table_reads_as_its_blocks() {
    let dir = TempDir::new("spl-in-table");
    let monograph = imported("medguide-in-table.xml", &SplOptions::default(), &dir);
    assert_eq!(
        headings(&monograph),
        [
            "MEDICATION GUIDE",
            "What is the most important information I should know about TABLEMAB?",
            "How should I store TABLEMAB?",
        ]
    );
    let (_, lead, items) = urgent(&monograph);
    assert_eq!(
        lead.as_deref(),
        Some("TABLEMAB can cause serious allergic reactions. Get emergency help right away if you have:")
    );
    assert_eq!(items, ["trouble breathing", "swelling of your throat"]);
    assert_cited_plain_text(&monograph, "42231-1 MEDICATION GUIDE");
}

#[test]
fn a_document_without_a_patient_section_is_skipped() {
    let dir = TempDir::new("spl-no-patient");
    let import = import(&fixture("no-patient-section.xml"), &dir.0, &SplOptions::default()).expect("read");
    assert_eq!(import.outcome, Outcome::Skipped);
    assert_eq!(import.report.errors, Vec::<String>::new());
    assert_eq!(dir.files(), Vec::<String>::new());
}

#[test]
fn a_script_or_an_unknown_element_fails_with_its_path_and_line() {
    let dir = TempDir::new("spl-malformed");
    let import = import(&fixture("malformed.xml"), &dir.0, &SplOptions::default()).expect("read");
    assert_eq!(import.outcome, Outcome::Failed);
    let text = "/document/component/structuredBody/component[3]/section/text";
    assert_eq!(
        import.report.errors,
        [
            format!("{text}: <script> at line 62 is not supported: write it with the elements of docs/importers.md's table, or remove it"),
            format!("{text}: <blink> at line 63 is not supported here: write it with the elements of docs/importers.md's table, or remove it"),
        ]
    );
    assert_eq!(dir.files(), Vec::<String>::new());
}

/// The command on the folder: a report per file, the skipped one said, the
/// good ones written, and a non-zero exit for the failed and the undecided.
#[test]
fn the_command_imports_a_folder_and_fails_if_any_file_did() {
    let dir = TempDir::new("spl-folder");
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .arg("import-spl")
        .arg(fixture(""))
        .arg("--out")
        .arg(&dir.0)
        .output()
        .expect("run xtask");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(!output.status.success(), "{stdout}");
    assert_eq!(dir.files(), ["examplol.toml", "samplex.toml", "tablemab.toml"]);
    assert_eq!(
        stdout.matches("\n== ").count() + usize::from(stdout.starts_with("== ")),
        6,
        "{stdout}"
    );
    assert!(stdout.contains("skipped: no patient section"), "{stdout}");
    assert!(
        stdout.contains("needs a decision: pass --urgent <heading>; nothing written"),
        "{stdout}"
    );
    assert!(
        stdout.contains("6 file(s): 1 failed, 1 need an --urgent decision"),
        "{stdout}"
    );

    let twice = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .arg("import-spl")
        .arg(fixture("ppi-untitled.xml"))
        .arg(fixture("ppi-untitled.xml"))
        .arg("--out")
        .arg(&dir.0)
        .output()
        .expect("run xtask");
    let stdout = String::from_utf8_lossy(&twice.stdout);
    assert!(!twice.status.success(), "{stdout}");
    assert!(
        stdout.contains("samplex.toml already came from ") && stdout.contains("2 file(s): 1 failed"),
        "{stdout}"
    );

    let media = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .arg("import-spl")
        .arg(fixture("ifu-figures.xml"))
        .args(["--media", "images", "--out"])
        .arg(&dir.0)
        .output()
        .expect("run xtask");
    assert!(!media.status.success());
    assert!(
        String::from_utf8_lossy(&media.stderr).contains("--media is not supported yet"),
        "{}",
        String::from_utf8_lossy(&media.stderr)
    );
}

/// `--previous`: an earlier version of the label, in which "What is EXAMPLOL?"
/// said less, gives one revision naming that section, dated by the new label.
#[test]
fn previous_gives_the_sections_whose_words_changed_as_a_revision() {
    let dir = TempDir::new("spl-previous");
    let xml = std::fs::read_to_string(fixture("medguide-questions.xml")).expect("fixture");
    let changed = "EXAMPLOL is a made-up prescription medicine used in examples.";
    assert!(xml.contains(changed));
    let old = xml
        .replace("20261015", "20260901")
        .replace(changed, "EXAMPLOL is a made-up prescription medicine.");
    let previous = dir.0.join("previous.xml");
    std::fs::write(&previous, old).expect("write");
    let out = TempDir::new("spl-previous-out");
    let options = SplOptions {
        previous: Some(previous),
        ..SplOptions::default()
    };
    let monograph = imported("medguide-questions.xml", &options, &out);
    let what_is = monograph
        .sections
        .iter()
        .find(|s| s.heading.contains("What is EXAMPLOL?"))
        .expect("the section")
        .id
        .to_string();
    let revisions: Vec<(String, Vec<String>)> = monograph
        .revisions
        .iter()
        .map(|r| {
            (
                r.date.to_string(),
                r.sections.iter().map(|s| s.to_string()).collect(),
            )
        })
        .collect();
    assert_eq!(
        revisions,
        [(monograph.meta.last_updated.to_string(), vec![what_is])]
    );
    assert_eq!(monograph.meta.last_updated.as_str(), "2026-10-15");
}
