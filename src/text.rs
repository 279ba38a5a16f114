//! Inline text handling: finds US phone numbers written like `1-800-FDA-1088`
//! so the view can make them `tel:` links a phone can dial.

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment<'a> {
    Plain(&'a str),
    Phone { shown: &'a str, tel: String },
}

/// Splits `text` into plain runs and phone numbers (`1-NNN-NNN-NNNN`, letters allowed
/// as on a keypad). A number is a whole word (a run of ASCII letters, digits
/// and hyphens), so only words that start with `1-` are looked at: the text is
/// searched, not walked a character at a time, which matters while the WASM
/// still runs in the browser's baseline compiler (the first render).
pub fn segments(text: &str) -> Vec<Segment<'_>> {
    let bytes = text.as_bytes();
    let in_word = |byte: u8| byte.is_ascii_alphanumeric() || byte == b'-';
    let mut out = Vec::new();
    let mut plain_start = 0;
    let mut search_from = 0;
    while let Some(found) = text[search_from..].find("1-") {
        let start = search_from + found;
        let end = bytes[start..]
            .iter()
            .position(|&byte| !in_word(byte))
            .map_or(bytes.len(), |length| start + length);
        search_from = end;
        if start > 0 && in_word(bytes[start - 1]) {
            // Inside a word: skip it, but `1-` may start a word after it.
            search_from = start + 2;
            continue;
        }
        if let Some(tel) = tel_uri(&text[start..end]) {
            if start > plain_start {
                out.push(Segment::Plain(&text[plain_start..start]));
            }
            out.push(Segment::Phone {
                shown: &text[start..end],
                tel,
            });
            plain_start = end;
        }
    }
    if plain_start < text.len() {
        out.push(Segment::Plain(&text[plain_start..]));
    }
    out
}

fn tel_uri(word: &str) -> Option<String> {
    // `1-NNN-NNN-NNNN` is 14 bytes: every other word is turned away before
    // any allocation (a leaflet's text is some 6,000 words, read at each render).
    if word.len() != 14 {
        return None;
    }
    let groups: Vec<&str> = word.split('-').collect();
    let shape_ok = groups.len() == 4
        && groups[0] == "1"
        && groups[1].len() == 3
        && groups[2].len() == 3
        && groups[3].len() == 4
        && groups[1].bytes().all(|b| b.is_ascii_digit());
    if !shape_ok {
        return None;
    }
    let mut tel = String::from("tel:+1");
    for ch in groups[2..].concat().chars() {
        tel.push(keypad_digit(ch)?);
    }
    tel.insert_str(6, groups[1]);
    Some(tel)
}

fn keypad_digit(ch: char) -> Option<char> {
    let digit = match ch.to_ascii_uppercase() {
        d @ '0'..='9' => d,
        'A'..='C' => '2',
        'D'..='F' => '3',
        'G'..='I' => '4',
        'J'..='L' => '5',
        'M'..='O' => '6',
        'P'..='S' => '7',
        'T'..='V' => '8',
        'W'..='Z' => '9',
        _ => return None,
    };
    Some(digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_the_medwatch_number() {
        let text = "You may report side effects to the FDA at 1-800-FDA-1088.";
        assert_eq!(
            segments(text),
            vec![
                Segment::Plain("You may report side effects to the FDA at "),
                Segment::Phone {
                    shown: "1-800-FDA-1088",
                    tel: "tel:+18003321088".into()
                },
                Segment::Plain("."),
            ]
        );
    }

    /// The character-by-character reading `segments` replaced: every word
    /// checked in turn.
    fn segments_word_by_word(text: &str) -> Vec<Segment<'_>> {
        let mut out = Vec::new();
        let mut plain_start = 0;
        let mut word_start = None;
        for (i, ch) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            match (word_start, ch.is_ascii_alphanumeric() || ch == '-') {
                (None, true) => word_start = Some(i),
                (Some(start), false) => {
                    word_start = None;
                    if let Some(tel) = tel_uri(&text[start..i]) {
                        if start > plain_start {
                            out.push(Segment::Plain(&text[plain_start..start]));
                        }
                        out.push(Segment::Phone {
                            shown: &text[start..i],
                            tel,
                        });
                        plain_start = i;
                    }
                }
                _ => {}
            }
        }
        if plain_start < text.len() {
            out.push(Segment::Plain(&text[plain_start..]));
        }
        out
    }

    #[test]
    fn finds_the_same_numbers_as_a_word_by_word_reading() {
        let pieces = [
            "1-800-FDA-1088",
            "1-",
            "x",
            " ",
            "-",
            "é",
            "21",
            "1",
            "1-866-SPINRAZ",
        ];
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = texts
                .iter()
                .flat_map(|text| pieces.iter().map(move |piece| format!("{text}{piece}")))
                .collect();
            texts.extend(longer);
        }
        assert!(texts.len() > 7_000);
        for text in &texts {
            assert_eq!(segments(text), segments_word_by_word(text), "{text:?}");
        }
    }

    #[test]
    fn leaves_other_numbers_and_words_alone() {
        for text in [
            "12 mg/5 mL (2.4 mg/mL)",
            "over-the-counter",
            "2025-05-20",
            "1-80-FDA-1088",
        ] {
            assert_eq!(segments(text), vec![Segment::Plain(text)], "{text}");
        }
    }
}
