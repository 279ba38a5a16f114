//! `cargo xtask check-content [FILE...]`: validates monographs with the same
//! loader and rules as `build.rs` and reports what a pharmacist signing a
//! leaflet off wants to know without failing the build: long added sentences,
//! the reading grade of the added text and the additions nobody has reviewed yet.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use monograph::loader::{self, Loaded};
use monograph::model::Monograph;
use monograph::readability::Readability;
use monograph::validate::{added_texts, Problem, Report};

/// Added text above this Flesch-Kincaid grade is reported: patient leaflets aim
/// for a reading age of 9 to 11 (US grades 4 to 6), grade 8 at most.
pub const MAX_READING_GRADE: f64 = 8.0;

/// Adds a warning to the report when the added text reads above grade 8, and
/// returns the editor's notes (reading grade, unreviewed additions) as lines.
fn check_monograph(monograph: &Monograph, report: &mut Report) -> Vec<String> {
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
    let review = monograph.meta.additions.as_ref().and_then(|a| a.review.as_ref());
    match review {
        Some(review) => notes.push(format!(
            "additions reviewed by {}, {}, on {}",
            review.name.as_str(),
            review.role.as_str(),
            review.date.as_str()
        )),
        None if !added.is_empty() => {
            notes.push(format!(
                "unreviewed additions: {} text(s), not yet reviewed by a pharmacist ([meta.additions.review] records a review):",
                added.len()
            ));
            for text in &added {
                let section = text
                    .source
                    .section
                    .as_deref()
                    .map(|s| format!(" {s}"))
                    .unwrap_or_default();
                let shown = monograph::markup::shown_text(text.text);
                let preview = monograph::markup::preview(&shown, 72);
                notes.push(format!(
                    "  {} ({}{section}): {preview}",
                    text.path,
                    text.source.doc.as_str()
                ));
            }
        }
        None => {}
    }
    notes
}

/// The project's `monographs/*.toml`, sorted: what `build.rs` bundles.
pub fn monograph_files(root: &Path) -> Result<Vec<PathBuf>> {
    let dir = root.join("monographs");
    loader::monograph_files(&dir).with_context(|| format!("cannot read {}", dir.display()))
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
            let notes = check_monograph(&monograph, &mut report);
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
