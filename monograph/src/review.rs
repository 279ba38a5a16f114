//! A pharmacist's sign-off, text by text (feature `loader`): the record kept
//! beside a monograph file as `<id>.review.toml`, each signed text named by
//! its place and a hash of its content. It is a file of its own, not a table
//! in the monograph, so a sign-off never rewrites the pharmacist-edited file
//! and an edit to the monograph never touches the record: a text whose hash
//! no longer matches is simply unreviewed again.

use std::path::{Path, PathBuf};

use implicit_clone::unsync::IArray;
use serde::{Deserialize, Serialize};

use crate::markup::shown_text;
use crate::model::{Monograph, Review, SourceRef};
use crate::validate::added_texts;

/// The record in `<id>.review.toml`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewFile {
    /// Sign-offs, oldest first, as `cargo xtask review --sign` appends them.
    #[serde(default, rename = "signoff", skip_serializing_if = "Vec::is_empty")]
    pub signoffs: Vec<SignOff>,
    /// Sources whose reuse needs clearing (`permission-required`, `unknown`)
    /// and the hospital's record that it has it.
    #[serde(default, rename = "permission", skip_serializing_if = "Vec::is_empty")]
    pub permissions: Vec<Permission>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignOff {
    pub name: String,
    pub role: String,
    pub registration: Option<String>,
    /// ISO 8601 day.
    pub date: String,
    pub texts: Vec<SignedText>,
}

/// A text as it was when signed off.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignedText {
    /// Where it was, e.g. `summary[1].items[0].text`.
    pub place: String,
    /// `text_hash` of it then.
    pub hash: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Permission {
    /// The source's id.
    pub source: String,
    /// Who granted what, when: the hospital's own words.
    pub note: String,
}

/// Where the record of the monograph file `path` is kept: `<id>.review.toml` beside it.
pub fn review_file_path(path: &Path) -> PathBuf {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    path.with_file_name(format!("{stem}.review.toml"))
}

/// Whether `path` is a sign-off record (`<id>.review.toml`) rather than a
/// monograph: both end in `.toml` in the monographs folder.
pub fn is_review_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|name| name.to_str())
        .is_some_and(|name| name.ends_with(".review.toml"))
}

/// A short hash of what a reader is told: the text as shown (white space
/// folded, glossary markup as its shown words) and the source it cites. Any
/// edit to either changes it; reflowing the TOML does not. 64-bit FNV-1a,
/// the first 12 hex digits: enough to tell a leaflet's texts apart.
pub fn text_hash(text: &str, source: &SourceRef) -> String {
    let shown = shown_text(text);
    let words: Vec<&str> = shown.split_whitespace().collect();
    let parts = [
        words.join(" ").as_str(),
        "\u{1f}",
        source.doc.as_str(),
        "\u{1f}",
        source.section.as_deref().unwrap_or_default(),
    ]
    .concat();
    short_hash(&parts)
}

/// 64-bit FNV-1a of `text`, as its first 12 hex digits.
pub fn short_hash(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")[..12].to_owned()
}

/// One added text and where its sign-off stands.
#[derive(Clone, Debug, PartialEq)]
pub struct TextState {
    pub place: String,
    pub text: String,
    pub source: SourceRef,
    pub hash: String,
    pub state: SignOffState,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SignOffState {
    /// Index of the sign-off (in `ReviewFile::signoffs`) that covers the text as it is.
    Signed(usize),
    /// Never signed off.
    Unreviewed,
    /// Signed off on this date at this place, but edited since.
    ChangedSince(String),
}

/// Every added text of `monograph`, in reading order, with its sign-off: the
/// latest sign-off of the same content (wherever the text has moved), else
/// the date of a sign-off of what stood at its place before.
pub fn text_states(monograph: &Monograph, record: &ReviewFile) -> Vec<TextState> {
    added_texts(monograph)
        .into_iter()
        .map(|added| {
            let hash = text_hash(added.text, added.source);
            let signed = record
                .signoffs
                .iter()
                .rposition(|s| s.texts.iter().any(|t| t.hash == hash));
            let state = match signed {
                Some(at) => SignOffState::Signed(at),
                None => record
                    .signoffs
                    .iter()
                    .rev()
                    .find(|s| s.texts.iter().any(|t| t.place == added.path))
                    .map_or(SignOffState::Unreviewed, |s| {
                        SignOffState::ChangedSince(s.date.clone())
                    }),
            };
            TextState {
                place: added.path,
                text: added.text.to_owned(),
                source: added.source.clone(),
                hash,
                state,
            }
        })
        .collect()
}

/// The sign-offs as the leaflet shows them (`meta.additions.reviews`): newest
/// first, each with the places of the texts it covers as they are now;
/// sign-offs that cover nothing current are left out.
pub fn reviews(states: &[TextState], record: &ReviewFile) -> IArray<Review> {
    let mut reviews = Vec::new();
    for (at, signoff) in record.signoffs.iter().enumerate().rev() {
        let texts: Vec<_> = states
            .iter()
            .filter(|t| t.state == SignOffState::Signed(at))
            .map(|t| t.place.clone().into())
            .collect();
        if texts.is_empty() {
            continue;
        }
        reviews.push(Review {
            name: signoff.name.clone().into(),
            role: signoff.role.clone().into(),
            registration: signoff.registration.clone().map(Into::into),
            date: signoff.date.clone().into(),
            texts: IArray::from(texts),
        });
    }
    IArray::from(reviews)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::tests::MINIMAL;

    fn minimal() -> Monograph {
        toml::from_str(MINIMAL).expect("valid")
    }

    fn signed(date: &str, monograph: &Monograph, places: &[&str]) -> SignOff {
        let states = text_states(monograph, &ReviewFile::default());
        SignOff {
            name: "A. Pharmacist".into(),
            role: "Clinical pharmacist".into(),
            registration: None,
            date: date.into(),
            texts: states
                .iter()
                .filter(|t| places.contains(&t.place.as_str()))
                .map(|t| SignedText {
                    place: t.place.clone(),
                    hash: t.hash.clone(),
                })
                .collect(),
        }
    }

    #[test]
    fn the_hash_folds_white_space_and_markup_but_not_words_or_sources() {
        let pi = SourceRef {
            doc: "PI".into(),
            section: Some("6.1".into()),
        };
        let hash = text_hash("A [[low platelet count|Platelets]] is  rare.", &pi);
        assert_eq!(hash.len(), 12);
        assert_eq!(hash, text_hash("A low platelet count\n is rare.", &pi));
        assert_ne!(hash, text_hash("A low platelet count is common.", &pi));
        let other_part = SourceRef {
            section: Some("5.1".into()),
            ..pi.clone()
        };
        assert_ne!(hash, text_hash("A low platelet count is rare.", &other_part));
    }

    #[test]
    fn an_edit_voids_the_sign_off_of_that_text_only() {
        let monograph = minimal();
        let places = ["summary[0].items[0].text", "sections[0].blocks[0].items[0].text"];
        let record = ReviewFile {
            signoffs: vec![signed("2026-12-01", &monograph, &places)],
            permissions: vec![],
        };
        let states = text_states(&monograph, &record);
        assert!(states.iter().all(|t| t.state == SignOffState::Signed(0)));
        assert_eq!(reviews(&states, &record)[0].texts.len(), 2);

        let edited: Monograph = toml::from_str(&MINIMAL.replace(
            "A headache that does not go away.",
            "A headache that will not go away.",
        ))
        .expect("valid");
        let states = text_states(&edited, &record);
        assert_eq!(states[0].state, SignOffState::ChangedSince("2026-12-01".into()));
        assert_eq!(states[1].state, SignOffState::Signed(0));
        let shown = reviews(&states, &record);
        assert_eq!(shown.len(), 1);
        assert_eq!(shown[0].texts.to_vec(), [places[1]]);
    }
}
