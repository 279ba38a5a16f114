//! `cargo xtask check-content [FILE...]`: validates monographs with the same
//! loader and rules as `build.rs` and reports what a pharmacist signing a
//! leaflet off wants to know without failing the build: long added sentences,
//! the reading grade of the added text, the added texts not signed off as they
//! are now, and the sources whose reuse the hospital has not cleared.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{bail, Result};

use monograph::loader::{self, Loaded};
use monograph::model::Monograph;
use monograph::readability::Readability;
use monograph::review::{text_states, ReviewFile, TextState};
use monograph::validate::{added_texts, Problem, Report};

use crate::review::{
    citation, monograph_files_in, pending, read_record, record_name, text_preview, uncleared_sources,
    SignOffCounts,
};

/// Added text above this Flesch-Kincaid grade is reported: patient leaflets aim
/// for a reading age of 9 to 11 (US grades 4 to 6), grade 8 at most.
pub const MAX_READING_GRADE: f64 = 8.0;

/// Adds a warning to the report when the added text reads above grade 8 and
/// for each source whose reuse is not cleared, and returns the editor's notes
/// (reading grade, sign-offs, the texts resting on each such source) as lines.
fn check_monograph(
    monograph: &Monograph,
    record: &ReviewFile,
    record_name: &str,
    report: &mut Report,
) -> Vec<String> {
    let added = added_texts(monograph);
    let mut readability = Readability::default();
    for text in &added {
        readability.add(text.text);
    }
    let mut notes = Vec::new();
    if let Some(grade) = readability.grade() {
        notes.push(format!(
            "reading grade of the added text (Flesch-Kincaid): {grade:.1}, target {MAX_READING_GRADE:.0} or below ({} sentences, {} words, {} syllables)",
            readability.sentences, readability.words, readability.syllables
        ));
        if grade > MAX_READING_GRADE {
            report.warnings.push(Problem {
                path: "(added text)".to_owned(),
                message: format!(
                    "reads at grade {grade:.1}, above {MAX_READING_GRADE:.0}: use shorter words and sentences"
                ),
            });
        }
    }
    let states = text_states(monograph, record);
    notes.push(SignOffCounts::of(&states).to_string());
    let pending: Vec<(&TextState, String)> = states.iter().filter_map(|t| Some((t, pending(t)?))).collect();
    if !pending.is_empty() {
        notes.push(format!(
            "not signed off by a pharmacist: {} text(s) (`cargo xtask review {}` writes the sheet, `--sign` records a sign-off):",
            pending.len(),
            monograph.meta.id.as_str()
        ));
        for (text, reason) in pending {
            notes.push(format!(
                "  {} ({}) {reason}: {}",
                text.place,
                citation(&text.source),
                text_preview(&text.text)
            ));
        }
    }
    for clearance in uncleared_sources(monograph, record) {
        report.warnings.push(Problem {
            path: format!("sources[{}]", clearance.index),
            message: clearance.message(record_name),
        });
        notes.push(format!(
            "texts resting on {} ({}):",
            clearance.source.id.as_str(),
            clearance.places.len()
        ));
        notes.extend(clearance.places.iter().map(|place| format!("  {place}")));
    }
    notes
}

/// The project's `monographs/*.toml`, sorted: what `build.rs` bundles.
pub fn monograph_files(root: &Path) -> Result<Vec<PathBuf>> {
    monograph_files_in(&root.join("monographs"))
}

/// Prints a report for each file and fails if any file has errors.
pub fn check(files: &[PathBuf]) -> Result<()> {
    let mut failed = 0;
    for path in files {
        let (text, ok) = report_text(path);
        print!("{text}");
        if !ok {
            failed += 1;
        }
    }
    if failed > 0 {
        bail!("{failed} of {} monograph(s) are not valid", files.len());
    }
    Ok(())
}

/// The report for one file as printed, and whether the file is valid.
pub fn report_text(path: &Path) -> (String, bool) {
    let name = path.display().to_string();
    match loader::load(path) {
        Err(error) => (format!("{name}: error: {error}\n"), false),
        Ok(Loaded {
            monograph,
            mut report,
        }) => {
            // A record that cannot be read is already an error in the report.
            let record = read_record(path).unwrap_or_default();
            let notes = check_monograph(&monograph, &record, &record_name(path), &mut report);
            let mut out = String::new();
            for line in report.lines(&name) {
                let _ = writeln!(out, "{line}");
            }
            for note in notes {
                // List entries (indented) continue the note above them.
                match note.starts_with(' ') {
                    true => writeln!(out, "{note}"),
                    false => writeln!(out, "{name}: note: {note}"),
                }
                .ok();
            }
            let _ = writeln!(
                out,
                "{name}: {} error(s), {} warning(s)",
                report.errors.len(),
                report.warnings.len()
            );
            (out, report.errors.is_empty())
        }
    }
}
