//! Style findings for the editor, never errors.

use super::texts::added_texts;
use crate::markup::{quoted, shown_text};
use crate::model::Monograph;
use crate::problem::Problem;

/// Added sentences longer than this are reported for plain-language review.
pub const LONG_SENTENCE_WORDS: usize = 25;

/// Added sentences over `LONG_SENTENCE_WORDS` words, for the editor: style,
/// never an error. Apart from `validate` (the loader adds them to a file's
/// report) so the WASM, which shows a host's monograph or its errors, does
/// not carry the sentence splitting.
pub fn long_sentences(monograph: &Monograph) -> Vec<Problem> {
    let mut warnings = Vec::new();
    for added in added_texts(monograph) {
        for sentence in sentences(&shown_text(added.text)) {
            let words = sentence.split_whitespace().count();
            if words > LONG_SENTENCE_WORDS {
                warnings.push(Problem {
                    path: added.path.clone(),
                    message: format!(
                        "added sentence has {words} words (over {LONG_SENTENCE_WORDS}): {}",
                        quoted(sentence)
                    ),
                });
            }
        }
    }
    warnings
}

/// Splits prose at sentence ends (., ?, ! followed by a space or the end).
pub fn sentences(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text.trim();
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let bytes = rest.as_bytes();
        let end = (0..bytes.len())
            .find(|&i| matches!(bytes[i], b'.' | b'?' | b'!') && bytes.get(i + 1).is_none_or(|b| *b == b' '))
            .map_or(rest.len(), |i| i + 1);
        let (sentence, tail) = rest.split_at(end);
        rest = tail.trim_start();
        Some(sentence)
    })
}
