//! `cargo xtask check-content [FILE...]`: validates monographs with the same
//! rules as `build.rs` and reports plain-language findings (long added sentences)
//! that do not fail the build.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{bail, Result};

#[path = "../../src/monograph/mod.rs"]
pub mod monograph;

use monograph::model::Monograph;
use monograph::validate::{validate, Report};

/// The report for one file: its errors and warnings, or why it could not be read.
pub fn check_file(path: &Path) -> Result<Report, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("cannot read: {e}"))?;
    let monograph: Monograph = toml::from_str(&text).map_err(|e| e.to_string())?;
    Ok(validate(&monograph))
}

pub fn monograph_files(root: &Path) -> Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = fs::read_dir(root.join("monographs"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    Ok(files)
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
    match check_file(path) {
        Err(error) => (format!("{name}: error: {error}\n"), false),
        Ok(report) => {
            let mut out = String::new();
            for line in report.lines(&name) {
                let _ = writeln!(out, "{line}");
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
