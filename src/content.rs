//! What a `<drug-leaflet>` shows: a monograph, the problems that stop it from
//! showing one, a drug's data file or the host door on its way, or nothing (an app parked after
//! its element left the page). Chosen here, apart from the element, so host
//! tests can check it.

use std::rc::Rc;

use yew::AttrValue;

use crate::bundled;
use crate::monograph::markup::preview;
use crate::monograph::model::Monograph;
use crate::monograph::validate::{is_slug, Problem, MESSAGE_CHARS};
use crate::options::QUOTED_CHARS;

/// The path of problems with the `drug` attribute or the drug's data file:
/// the leaflet says it could not be loaded rather than that its data is wrong.
pub const DRUG_PATH: &str = "drug";
/// The longest drug id: a file name, not a way to send a long URL.
const MAX_DRUG_ID: usize = 100;

// One value per mounted element, moved rarely: boxing would only add allocations.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug)]
pub enum Content {
    Monograph(Monograph),
    Invalid(Rc<[Problem]>),
    /// A drug that is not bundled, while its data file loads (`element`
    /// fetches `monographs/<id>.json`, pinned by the `integrity` attribute if
    /// set): whether the host pasted a fallback, which stays readable meanwhile.
    Loading {
        drug: AttrValue,
        integrity: Option<AttrValue>,
        pasted: bool,
    },
    /// A host's monograph while the door that reads it loads (its first use
    /// on the page: see `door`).
    Reading,
    /// A parked app's, between two elements (see `element::PooledApp`).
    Nothing,
}

impl PartialEq for Content {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Content::Monograph(a), Content::Monograph(b)) => a == b,
            (Content::Invalid(a), Content::Invalid(b)) => Rc::ptr_eq(a, b),
            (Content::Loading { .. }, Content::Loading { .. }) => self.loading() == other.loading(),
            (Content::Reading, Content::Reading) => true,
            _ => false,
        }
    }
}

impl Content {
    /// A host's monograph once parsed and validated, or its problems.
    pub fn from_host(parsed: Result<Monograph, Vec<Problem>>) -> Content {
        match parsed {
            Ok(monograph) => Content::Monograph(monograph),
            Err(problems) => Content::Invalid(problems.into()),
        }
    }

    /// What the `drug` attribute names (the default drug without one): a
    /// bundled monograph at once, else its data file to load, pinned by the
    /// `integrity` attribute. The id is checked as a slug before any URL is
    /// built from it, and the integrity value as a hash: a browser ignores one
    /// it cannot parse, which would leave the file unpinned.
    pub fn for_drug(drug: Option<&str>, integrity: Option<&str>, pasted: bool) -> Content {
        let id = drug.map_or(bundled::DEFAULT_ID, str::trim);
        if let Some(monograph) = bundled::by_id(id) {
            return Content::Monograph(monograph);
        }
        if id.len() > MAX_DRUG_ID || !is_slug(id) {
            return Content::drug_problem(
                [
                    "drug=\"",
                    &preview(id, QUOTED_CHARS),
                    "\" is not a drug id (at most 100 lowercase letters, digits and single hyphens, such as ",
                    bundled::DEFAULT_ID,
                    ")",
                ]
                .concat(),
            );
        }
        let integrity = integrity.map(str::trim).filter(|value| !value.is_empty());
        if let Some(value) = integrity.filter(|value| !is_integrity(value)) {
            return Content::drug_problem(
                [
                    "integrity=\"",
                    &preview(value, QUOTED_CHARS),
                    "\" is not a Subresource Integrity hash (sha384- and 64 base64 characters, as dist/integrity.txt lists); ",
                    id,
                    " is not loaded",
                ]
                .concat(),
            );
        }
        Content::Loading {
            drug: AttrValue::from(id.to_owned()),
            integrity: integrity.map(|value| AttrValue::from(value.to_owned())),
            pasted,
        }
    }

    /// The drug and integrity being loaded, if any.
    pub fn loading(&self) -> Option<(&str, Option<&str>)> {
        match self {
            Content::Loading { drug, integrity, .. } => Some((drug, integrity.as_deref())),
            _ => None,
        }
    }

    /// Drug `id`'s data file, read through the same door as the `monograph`
    /// property: shown if it passes and is that drug's; its problems are
    /// placed in the file.
    pub fn from_drug_file(id: &str, parsed: Result<Monograph, Vec<Problem>>) -> Content {
        match parsed {
            Ok(monograph) if monograph.meta.id == id => Content::Monograph(monograph),
            Ok(monograph) => Content::drug_problem(
                [
                    "monographs/",
                    id,
                    ".json holds the monograph \"",
                    &preview(&monograph.meta.id, QUOTED_CHARS),
                    "\", not \"",
                    id,
                    "\"",
                ]
                .concat(),
            ),
            Err(problems) => Content::Invalid(
                problems
                    .into_iter()
                    .map(|problem| Problem {
                        path: ["monographs/", id, ".json ", &problem.path].concat(),
                        message: problem.message,
                    })
                    .collect(),
            ),
        }
    }

    /// A problem with the drug asked for, or its data file; at most
    /// `MESSAGE_CHARS`, as every problem, whatever the host sent.
    pub fn drug_problem(message: String) -> Content {
        Content::Invalid(Rc::new([Problem {
            path: DRUG_PATH.into(),
            message: preview(&message, MESSAGE_CHARS),
        }]))
    }
}

/// Whether `value` is one or more SHA-256, -384 or -512 hashes in base64, as
/// the `integrity` of a script (options after `?` are not supported).
fn is_integrity(value: &str) -> bool {
    value.split_ascii_whitespace().all(|hash| {
        let Some((algorithm, digest)) = hash.split_once('-') else {
            return false;
        };
        let length = match algorithm {
            "sha256" => 44,
            "sha384" => 64,
            "sha512" => 88,
            _ => return false,
        };
        let padding = digest.bytes().rev().take_while(|&b| b == b'=').count();
        digest.len() == length
            && padding <= 2
            && digest
                .bytes()
                .rev()
                .skip(padding)
                .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown_id(content: &Content) -> Option<&str> {
        match content {
            Content::Monograph(monograph) => Some(monograph.meta.id.as_str()),
            Content::Invalid(_) | Content::Loading { .. } | Content::Reading | Content::Nothing => None,
        }
    }

    fn problem_lines(content: &Content) -> Vec<String> {
        let Content::Invalid(problems) = content else {
            panic!("expected problems, got {content:?}");
        };
        problems.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn the_drug_attribute_names_the_bundled_monograph() {
        assert_eq!(
            shown_id(&Content::for_drug(None, None, false)),
            Some(bundled::DEFAULT_ID)
        );
        assert_eq!(
            shown_id(&Content::for_drug(Some(" nusinersen "), None, false)),
            Some("nusinersen")
        );
    }

    #[test]
    fn a_drug_not_bundled_loads_its_data_file() {
        let content = Content::for_drug(Some(" examplamab "), Some(" "), true);
        assert_eq!(content.loading(), Some(("examplamab", None)));
        assert!(matches!(content, Content::Loading { pasted: true, .. }));
        let hash = format!("sha384-{}", "A".repeat(64));
        let content = Content::for_drug(Some("examplamab"), Some(&hash), false);
        assert_eq!(content.loading(), Some(("examplamab", Some(hash.as_str()))));
    }

    #[test]
    fn an_integrity_value_a_browser_would_ignore_is_refused() {
        let sha256 = format!("sha256-{}=", "a".repeat(43));
        let sha512 = format!("sha512-{}==", "+/".repeat(43));
        assert!(is_integrity(&sha256) && is_integrity(&sha512));
        assert!(is_integrity(&format!("{sha256} {sha512}")));
        for bad in [
            "sha384".to_owned(),
            "md5-abc".to_owned(),
            format!("sha384-{}", "A".repeat(63)),
            format!("sha384-{}!", "A".repeat(63)),
            format!("sha256-{}===", "a".repeat(41)),
            format!("{sha256} garbage"),
        ] {
            let lines = problem_lines(&Content::for_drug(Some("examplamab"), Some(&bad), false));
            assert!(
                lines[0].contains("is not a Subresource Integrity hash"),
                "{bad}: {lines:?}"
            );
        }
    }

    #[test]
    fn a_drug_that_is_not_a_slug_is_refused_before_any_url_is_built() {
        for drug in [
            "../secrets",
            "Examplamab",
            "a/b",
            "https://evil.example/x",
            "x?y",
            "",
        ] {
            let lines = problem_lines(&Content::for_drug(Some(drug), None, false));
            assert!(
                lines[0].starts_with("drug: drug=\"") && lines[0].contains("is not a drug id"),
                "{drug}: {lines:?}"
            );
        }
    }

    #[test]
    fn a_drug_file_shows_only_the_drug_it_was_asked_for() {
        let monograph = bundled::by_id(bundled::DEFAULT_ID).expect("bundled");
        assert_eq!(
            shown_id(&Content::from_drug_file("nusinersen", Ok(monograph.clone()))),
            Some("nusinersen")
        );
        assert_eq!(
            problem_lines(&Content::from_drug_file("examplamab", Ok(monograph))),
            ["drug: monographs/examplamab.json holds the monograph \"nusinersen\", not \"examplamab\""]
        );
    }

    #[test]
    fn a_drug_problem_is_cut_like_every_problem() {
        let lines = problem_lines(&Content::drug_problem("x".repeat(10_000)));
        assert!(lines[0].len() < MESSAGE_CHARS + 20, "{} bytes", lines[0].len());
    }

    #[test]
    fn a_drug_file_with_problems_places_them_in_the_file() {
        let problem = Problem {
            path: "sections".into(),
            message: "a monograph needs at least one section".into(),
        };
        assert_eq!(
            problem_lines(&Content::from_drug_file("examplamab", Err(vec![problem]))),
            ["monographs/examplamab.json sections: a monograph needs at least one section"]
        );
    }

    #[test]
    fn a_host_monograph_with_problems_shows_them() {
        let problem = Problem {
            path: "sections".into(),
            message: "a monograph needs at least one section".into(),
        };
        let Content::Invalid(problems) = Content::from_host(Err(vec![problem.clone()])) else {
            panic!("problems are shown");
        };
        assert_eq!(&*problems, [problem]);
    }
}
