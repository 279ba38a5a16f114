//! Reading monograph files (feature `loader`): the one loader that `build.rs`
//! and `cargo xtask check-content` share, so they accept and reject the same files.

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::markup::quoted;
use crate::model::Monograph;
use crate::validate::{validate, Report};

/// A file that is a monograph, and what the rules found in it.
#[derive(Debug)]
pub struct Loaded {
    pub monograph: Monograph,
    /// The rules' report, with an error when `meta.id` is not the file's name.
    pub report: Report,
}

/// Why a file gave no monograph to check.
#[derive(Debug)]
pub enum LoadError {
    Read(io::Error),
    /// Not TOML, or not a monograph's shape: a missing, unknown or mistyped field.
    Parse(toml::de::Error),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Read(error) => write!(f, "cannot read: {error}"),
            // Names the line, the column and the field.
            LoadError::Parse(error) => write!(f, "{error}"),
        }
    }
}

impl std::error::Error for LoadError {}

/// Reads, parses and checks one monograph file, which must be named `<meta.id>.toml`.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    let text = fs::read_to_string(path).map_err(LoadError::Read)?;
    let Loaded {
        monograph,
        mut report,
    } = parse(&text)?;
    // The bundle and hosts know a monograph by its id, editors by its file name.
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let id = monograph.meta.id.as_str();
    if stem != id {
        report.error(
            "meta.id",
            format!("{} but the file is named {stem}.toml", quoted(id)),
        );
    }
    Ok(Loaded { monograph, report })
}

/// Parses and checks a monograph's TOML text (no file name to compare).
pub fn parse(text: &str) -> Result<Loaded, LoadError> {
    let monograph: Monograph = toml::from_str(text).map_err(LoadError::Parse)?;
    let report = validate(&monograph);
    Ok(Loaded { monograph, report })
}

/// The `*.toml` files in `dir`, sorted by name: the order of the bundle.
pub fn monograph_files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|ext| ext == "toml") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::tests::MINIMAL;

    /// A fresh empty folder for one test, removed when dropped.
    struct TempDir(PathBuf);

    impl TempDir {
        fn new(test: &str) -> Self {
            let dir = std::env::temp_dir().join(format!("monograph-loader-{test}-{}", std::process::id()));
            // Left over from an interrupted run, if anything.
            let _ = fs::remove_dir_all(&dir);
            fs::create_dir_all(&dir).expect("create a temp dir");
            TempDir(dir)
        }

        fn write(&self, name: &str, text: &str) -> PathBuf {
            let path = self.0.join(name);
            fs::write(&path, text).expect("write a temp file");
            path
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    fn error_lines(loaded: &Loaded) -> Vec<String> {
        loaded.report.errors.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn loads_a_valid_file_named_after_its_id() {
        let dir = TempDir::new("valid");
        let loaded = load(&dir.write("example.toml", MINIMAL)).expect("a monograph");
        assert_eq!(loaded.monograph.meta.id.as_str(), "example");
        assert_eq!(error_lines(&loaded), Vec::<String>::new());
    }

    #[test]
    fn a_file_not_named_after_its_id_is_an_error() {
        let dir = TempDir::new("misnamed");
        let loaded = load(&dir.write("other.toml", MINIMAL)).expect("a monograph");
        assert_eq!(
            error_lines(&loaded),
            ["meta.id: \"example\" but the file is named other.toml"]
        );
    }

    #[test]
    fn reports_the_rules_and_the_file_name_together() {
        let dir = TempDir::new("both");
        let broken = MINIMAL.replacen("last_updated = \"2025-05-20\"", "last_updated = \"2025\"", 1);
        let loaded = load(&dir.write("other.toml", &broken)).expect("a monograph");
        assert_eq!(
            error_lines(&loaded),
            [
                "meta.last_updated: \"2025\" is not an ISO 8601 date (YYYY-MM-DD)",
                "meta.id: \"example\" but the file is named other.toml",
            ]
        );
    }

    #[test]
    fn a_file_that_is_not_a_monograph_is_a_parse_error() {
        let dir = TempDir::new("parse");
        let typo = MINIMAL.replacen("heading =", "headline =", 1);
        let error = load(&dir.write("example.toml", &typo)).expect_err("an unknown field");
        assert!(matches!(error, LoadError::Parse(_)), "{error:?}");
        assert!(error.to_string().contains("unknown field `headline`"), "{error}");
    }

    #[test]
    fn a_missing_file_is_a_read_error() {
        let dir = TempDir::new("missing");
        let error = load(&dir.0.join("example.toml")).expect_err("no such file");
        assert!(
            matches!(&error, LoadError::Read(e) if e.kind() == io::ErrorKind::NotFound),
            "{error:?}"
        );
        assert!(error.to_string().starts_with("cannot read: "), "{error}");
    }

    #[test]
    fn lists_the_toml_files_sorted_by_name() {
        let dir = TempDir::new("list");
        for name in [
            "zolgensma.toml",
            "notes.md",
            "nusinersen.toml",
            "risdiplam.toml.bak",
        ] {
            dir.write(name, "");
        }
        fs::create_dir(dir.0.join("drafts")).expect("a subfolder");
        let names: Vec<String> = monograph_files(&dir.0)
            .expect("the folder")
            .iter()
            .map(|path| {
                path.strip_prefix(&dir.0)
                    .expect("in the folder")
                    .display()
                    .to_string()
            })
            .collect();
        assert_eq!(names, ["nusinersen.toml", "zolgensma.toml"]);
        assert!(monograph_files(&dir.0.join("absent")).is_err());
    }
}
