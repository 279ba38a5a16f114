//! Reading monograph files (feature `loader`): the one loader that `build.rs`
//! and `cargo xtask check-content` share, so they accept and reject the same files.

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::markup::{quoted, shown_text};
use crate::model::{Monograph, SourceKind};
use crate::review::{self, review_file_path, text_states, ReviewFile};
use crate::validate::{long_sentences, sourced_texts, validate, Report};

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
    /// A form the project no longer reads, with what to do instead.
    Outdated(String),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Read(error) => write!(f, "cannot read: {error}"),
            // Names the line, the column and the field.
            LoadError::Parse(error) => write!(f, "{error}"),
            LoadError::Outdated(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for LoadError {}

/// Reads, parses and checks one monograph file, which must be named
/// `<meta.id>.toml`, or `<meta.id>.<meta.language>.toml` for the drug's
/// leaflet in another language (see `translation_name`).
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    let text = fs::read_to_string(path).map_err(LoadError::Read)?;
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    if text.lines().any(|line| line.trim() == "[meta.additions.review]") {
        return Err(LoadError::Outdated(format!(
            "[meta.additions.review] signed off the whole monograph, so an edit after it still showed as reviewed; \
             sign-off is now per text: run `cargo xtask review {stem} --migrate`, which records it for each added text \
             in {stem}.review.toml and removes the table"
        )));
    }
    let Loaded {
        mut monograph,
        mut report,
    } = parse(&text)?;
    // The bundle and hosts know a monograph by its id, editors by its file name.
    let id = monograph.meta.id.as_str();
    let translation = translation_name(id, &monograph.meta.language);
    if stem != id && stem != translation {
        report.error(
            "meta.id",
            format!(
                "{} in {} but the file is named {stem}.toml (name it {id}.toml, or {translation}.toml for the drug's leaflet in that language)",
                quoted(id),
                quoted(&monograph.meta.language)
            ),
        );
    }
    // A host's monograph may leave the country out (the header then names
    // none); a file that is built or published may not.
    if monograph.meta.jurisdiction.is_none() {
        report.error(
            "meta.jurisdiction",
            "is missing: name the country or region the leaflet is written for (jurisdiction = \"US\", an ISO 3166-1 code such as GB, or EU); schedules and reporting lines differ between them",
        );
    }
    check_base_document(&base_document_path(path), &monograph, &mut report);
    add_sign_offs(path, &mut monograph, &mut report);
    Ok(Loaded { monograph, report })
}

/// The file name, without `.toml`, of the drug's leaflet in another language
/// than its main file `<id>.toml`, and of that leaflet's data files in dist/:
/// the id and the language's primary subtag, lowercase, which is what an
/// element's `lang` asks for (`es-ES` and `es` both name `examplamab.es`).
pub fn translation_name(id: &str, language: &str) -> String {
    let primary = language.split('-').next().unwrap_or_default();
    [id, ".", &primary.to_ascii_lowercase()].concat()
}

/// Fills `meta.additions.reviews` from the record beside the file, which is
/// the only place sign-offs are kept (`cargo xtask review --sign` writes it).
fn add_sign_offs(path: &Path, monograph: &mut Monograph, report: &mut Report) {
    let Some(additions) = &monograph.meta.additions else {
        return;
    };
    if !additions.reviews.is_empty() {
        report.error(
            "meta.additions.reviews",
            "sign-offs are recorded beside the file by `cargo xtask review --sign`, not written in it",
        );
        return;
    }
    let record_path = review_file_path(path);
    let Ok(text) = fs::read_to_string(&record_path) else {
        return;
    };
    let name = record_path.file_name().unwrap_or_default().to_string_lossy();
    let record: ReviewFile = match toml::from_str(&text) {
        Ok(record) => record,
        Err(error) => {
            report.error(name.to_string(), format!("is not a sign-off record: {error}"));
            return;
        }
    };
    let reviews = review::reviews(&text_states(monograph, &record), &record);
    if let Some(additions) = &mut monograph.meta.additions {
        additions.reviews = reviews;
    }
}

/// Where the base document (`meta.based_on`) of the monograph file `path`
/// is kept as plain text: beside it, as `<id>.base.txt`.
pub fn base_document_path(path: &Path) -> PathBuf {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    path.with_file_name(format!("{stem}.base.txt"))
}

/// Every text that claims the base document (no source, or `based_on`)
/// must occur in it word for word, white space aside: otherwise the
/// compilers' words would pass as the original's and share its review line.
/// A consumer monograph as the base must be kept beside the file to compare.
pub fn check_base_document(base: &Path, monograph: &Monograph, report: &mut Report) {
    let based_on = monograph.meta.based_on.as_str();
    let base_kind = monograph
        .sources
        .iter()
        .find(|s| s.id == based_on)
        .and_then(|s| s.kind);
    let text = match fs::read_to_string(base) {
        Ok(text) => normalized(&text),
        Err(_) if base_kind == Some(SourceKind::ConsumerMonograph) => {
            let name = base.file_name().unwrap_or_default().to_string_lossy();
            report.error(
                "meta.based_on",
                format!(
                    "{} is a consumer monograph: keep its text beside this file as {name}, so the texts that cite it can be checked against it",
                    quoted(based_on)
                ),
            );
            return;
        }
        Err(_) => return,
    };
    for claimed in sourced_texts(monograph)
        .into_iter()
        .filter(|t| t.source.is_none_or(|s| s.doc == based_on))
    {
        if !contains_words(&text, &normalized(&shown_text(claimed.text))) {
            report.error(
                claimed.path,
                format!(
                    "cites {} but is not in it word for word: cite the source it comes from, or \"editors\" for the compilers' own words",
                    quoted(based_on)
                ),
            );
        }
    }
}

/// Whether `words` stand in `text` as whole words: "This is rare" is not in
/// "This is rarely seen", nor "rare" in "rarely".
fn contains_words(text: &str, words: &str) -> bool {
    let word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(words).any(|(at, found)| {
        !word_char(text[..at].chars().next_back()) && !word_char(text[at + found.len()..].chars().next())
    })
}

fn normalized(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Parses and checks a monograph's TOML text (no file name to compare).
pub fn parse(text: &str) -> Result<Loaded, LoadError> {
    let monograph: Monograph = toml::from_str(text).map_err(LoadError::Parse)?;
    let mut report = validate(&monograph);
    report.warnings.extend(long_sentences(&monograph));
    Ok(Loaded { monograph, report })
}

/// The monographs' `*.toml` files in `dir` (not their `*.review.toml`
/// sign-off records), sorted by name: the order of the bundle.
pub fn monograph_files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|ext| ext == "toml") && !review::is_review_file(&path) {
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
            ["meta.id: \"example\" in \"en\" but the file is named other.toml (name it example.toml, or example.en.toml for the drug's leaflet in that language)"]
        );
    }

    #[test]
    fn a_leaflet_in_another_language_is_named_after_its_id_and_language() {
        let dir = TempDir::new("translation");
        let spanish = MINIMAL.replacen("language = \"en\"", "language = \"es\"", 1);
        let loaded = load(&dir.write("example.es.toml", &spanish)).expect("a monograph");
        assert!(error_lines(&loaded).is_empty(), "{:?}", error_lines(&loaded));
        let spain = MINIMAL.replacen("language = \"en\"", "language = \"es-ES\"", 1);
        let loaded = load(&dir.write("example.es.toml", &spain)).expect("a monograph");
        assert!(
            error_lines(&loaded).is_empty(),
            "named by its primary subtag, as an element's lang asks: {:?}",
            error_lines(&loaded)
        );
        let loaded = load(&dir.write("example.fr.toml", &spanish)).expect("a monograph");
        assert_eq!(
            error_lines(&loaded).len(),
            1,
            "the language in the name is the file's own"
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
                "meta.id: \"example\" in \"en\" but the file is named other.toml (name it example.toml, or example.en.toml for the drug's leaflet in that language)",
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
    fn lists_the_monograph_files_sorted_by_name_without_sign_off_records() {
        let dir = TempDir::new("list");
        for name in [
            "nusinersen.review.toml",
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

    #[test]
    fn a_claimed_text_must_stand_in_the_base_document_as_whole_words() {
        let base = "This is rarely seen. Ask your doctor.";
        assert!(contains_words(base, "This is rarely seen."));
        assert!(contains_words(base, "Ask your doctor."));
        assert!(
            !contains_words(base, "This is rare"),
            "a cut word is not the original's"
        );
        assert!(!contains_words(base, "is rarely seen. Ask your doc"));
    }
}
