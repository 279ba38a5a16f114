//! Reading level of plain-language text: the Flesch-Kincaid grade, computed in Rust
//! with spelling rules instead of a dictionary, so the same text always gets the
//! same number, with no word list to ship or keep in step.

use crate::markup::shown_text;
use crate::validate::sentences;

/// Abbreviations up to this many letters are read letter by letter (PT, SMN, aPTT).
const SPELLED_OUT_MAX_LETTERS: usize = 5;

/// Counts for the Flesch-Kincaid grade, summed over any number of texts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Readability {
    pub sentences: usize,
    pub words: usize,
    pub syllables: usize,
}

impl Readability {
    /// Adds the counts of one text (may hold several sentences).
    pub fn add(&mut self, text: &str) {
        let shown = shown_text(text);
        for sentence in sentences(&shown) {
            let words_before = self.words;
            for word in sentence.split_whitespace().map(trim_punctuation) {
                if !word.is_empty() {
                    self.words += 1;
                    self.syllables += syllables(word);
                }
            }
            // A "sentence" of only punctuation ("...") is not one the reader reads.
            if self.words > words_before {
                self.sentences += 1;
            }
        }
    }

    /// 0.39 * words/sentences + 11.8 * syllables/words - 15.59; None when there are no words.
    pub fn grade(&self) -> Option<f64> {
        if self.words == 0 || self.sentences == 0 {
            return None;
        }
        let words = self.words as f64;
        Some(0.39 * words / self.sentences as f64 + 11.8 * self.syllables as f64 / words - 15.59)
    }
}

/// Syllables in one word by English spelling rules; a rule of thumb, so some
/// words are off by one. The parts of a hyphenated word are counted and summed.
pub fn syllables(word: &str) -> usize {
    word.split('-')
        .filter(|part| part.chars().any(char::is_alphanumeric))
        .map(part_syllables)
        .sum::<usize>()
        .max(1)
}

fn part_syllables(part: &str) -> usize {
    // Digits beside letters (SMN2, 25°C) are left out of the count.
    let letters: Vec<char> = part.chars().filter(|c| c.is_alphabetic()).collect();
    // A number counts as one syllable: "10,000" is no harder to read than a short word.
    if letters.is_empty() {
        return 1;
    }
    if is_spelled_out(&letters) {
        return letters.len();
    }
    let lowercase: Vec<char> = letters.iter().flat_map(|c| c.to_lowercase()).collect();
    spoken_syllables(&lowercase)
}

/// Short abbreviations with no vowel (mg) or a capital after the first letter
/// (PT, SMN, mL, aPTT) are said letter by letter.
fn is_spelled_out(letters: &[char]) -> bool {
    let no_vowel = !letters.iter().any(|c| is_vowel(c.to_ascii_lowercase()));
    let inner_capital = letters.iter().skip(1).any(|c| c.is_uppercase());
    letters.len() <= SPELLED_OUT_MAX_LETTERS && (no_vowel || inner_capital)
}

/// Groups of vowels, less a silent ending; at least one.
fn spoken_syllables(word: &[char]) -> usize {
    let mut vowel_groups = 0;
    let mut after_vowel = false;
    for &letter in word {
        let vowel = is_vowel(letter);
        if vowel && !after_vowel {
            vowel_groups += 1;
        }
        after_vowel = vowel;
    }
    if has_silent_ending(word) && vowel_groups > 1 {
        vowel_groups - 1
    } else {
        vowel_groups.max(1)
    }
}

/// A final "e", "es" or "ed" that adds no syllable: make, makes, used; but
/// table, tables, doses, washes, needed and agree keep theirs.
fn has_silent_ending(word: &[char]) -> bool {
    match word {
        [.., before, 'l', 'e'] | [.., before, 'l', 'e', 's' | 'd'] if is_consonant(*before) => false,
        [.., 's' | 'x' | 'z' | 'c' | 'g', 'e', 's'] | [.., 'c' | 's', 'h', 'e', 's'] => false,
        [.., 't' | 'd', 'e', 'd'] => false,
        [.., before, 'e'] | [.., before, 'e', 's' | 'd'] => is_consonant(*before),
        _ => false,
    }
}

fn is_vowel(letter: char) -> bool {
    matches!(letter, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

fn is_consonant(letter: char) -> bool {
    letter.is_ascii_alphabetic() && !is_vowel(letter)
}

/// Strips quotes, brackets, commas and the like; empty when nothing readable is left.
fn trim_punctuation(token: &str) -> &str {
    token.trim_matches(|c: char| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(text: &str) -> Readability {
        let mut readability = Readability::default();
        readability.add(text);
        readability
    }

    #[test]
    fn counts_syllables_by_spelling() {
        let expected = [
            ("cat", 1),
            ("the", 1),
            ("make", 1),
            ("makes", 1),
            ("used", 1),
            ("table", 2),
            ("water", 2),
            ("people", 2),
            ("headache", 2),
            ("doses", 2),
            ("needed", 2),
            ("every", 3),
            ("medicine", 3),
            ("injection", 3),
            ("nusinersen", 4),
            ("hydrocephalus", 5),
        ];
        for (word, count) in expected {
            assert_eq!(syllables(word), count, "{word}");
        }
    }

    #[test]
    fn spells_out_short_abbreviations() {
        for (word, count) in [
            ("PT", 2),
            ("aPTT", 4),
            ("SMN2", 3),
            ("mL", 2),
            ("mg", 2),
            ("A", 1),
        ] {
            assert_eq!(syllables(word), count, "{word}");
        }
    }

    #[test]
    fn counts_numbers_and_hyphenated_words() {
        assert_eq!(syllables("10,000"), 1);
        assert_eq!(syllables("0.2"), 1);
        assert_eq!(syllables("later-onset"), 4);
    }

    #[test]
    fn counts_words_without_punctuation_or_link_terms() {
        assert_eq!(
            counts("Take 10,000 units (one [[dose|Dose]]) \u{2014} later-onset SMA."),
            Readability {
                sentences: 1,
                words: 7,
                syllables: 13
            }
        );
        assert_eq!(
            counts("[[platelets|Platelets]]"),
            Readability {
                sentences: 1,
                words: 1,
                syllables: syllables("platelets")
            }
        );
        assert_eq!(counts("Tests: [[PT and aPTT]].").words, 4);
    }

    #[test]
    fn skips_sentences_without_words() {
        assert_eq!(counts("Rest. ... Sleep.").sentences, 2);
    }

    #[test]
    fn sums_texts() {
        let mut readability = counts("Your medicine is a liquid.");
        readability.add("Keep it in the fridge.");
        assert_eq!(
            readability,
            counts("Your medicine is a liquid. Keep it in the fridge.")
        );
    }

    #[test]
    fn grades_by_the_flesch_kincaid_formula() {
        // 2 sentences, 10 words, 13 syllables (your 1, medicine 3, is 1, a 1, liquid 2,
        // keep 1, it 1, in 1, the 1, fridge 1):
        // 0.39 * 10/2 + 11.8 * 13/10 - 15.59 = 1.95 + 15.34 - 15.59 = 1.70
        let readability = counts("Your medicine is a liquid. Keep it in the fridge.");
        assert_eq!(
            readability,
            Readability {
                sentences: 2,
                words: 10,
                syllables: 13
            }
        );
        let grade = readability.grade().expect("the text has words");
        assert!((grade - 1.70).abs() < 1e-9, "{grade}");
    }

    #[test]
    fn has_no_grade_without_words() {
        assert_eq!(Readability::default().grade(), None);
        assert_eq!(counts("").grade(), None);
        assert_eq!(counts(" -- ").grade(), None);
    }

    #[test]
    fn grades_simple_text_low_and_dense_text_high() {
        let simple = counts("The cat sat on the mat. It was warm.")
            .grade()
            .expect("the text has words");
        assert!(simple < 2.0, "{simple}");
        let dense = counts(
            "Thrombocytopenia and coagulation abnormalities, including acute severe \
             thrombocytopenia, have been observed after administration of some antisense \
             oligonucleotides.",
        )
        .grade()
        .expect("the text has words");
        assert!(dense > 12.0, "{dense}");
    }
}
