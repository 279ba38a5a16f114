//! Inline markup in added text: `[[shown words|Glossary term]]` or `[[Term]]`
//! links words to a term's definition, so jargon is explained where it appears.

/// A run of text: plain, or words linked to a glossary term.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Run<'a> {
    Plain(&'a str),
    Term { shown: &'a str, term: &'a str },
}

/// Splits text at `[[...]]` links. An unclosed `[[` stays plain text.
pub fn runs(text: &str) -> impl Iterator<Item = Run<'_>> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let link = rest
            .find("[[")
            .and_then(|start| Some((start, start + 2 + rest[start + 2..].find("]]")?)));
        match link {
            Some((0, end)) => {
                let inner = &rest[2..end];
                rest = &rest[end + 2..];
                let (shown, term) = inner.split_once('|').unwrap_or((inner, inner));
                Some(Run::Term { shown, term })
            }
            Some((start, _)) => {
                let (plain, tail) = rest.split_at(start);
                rest = tail;
                Some(Run::Plain(plain))
            }
            None => Some(Run::Plain(std::mem::take(&mut rest))),
        }
    })
}

/// The text as a reader sees it, without the link brackets.
pub fn shown_text(text: &str) -> String {
    runs(text)
        .map(|run| match run {
            Run::Plain(text) | Run::Term { shown: text, .. } => text,
        })
        .collect()
}

/// At most `max_chars` characters of `text`, with "..." where it was cut: host
/// text echoed in a message (an id of a megabyte) stays readable.
pub fn preview(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((cut, _)) => [&text[..cut], "..."].concat(),
        None => text.to_owned(),
    }
}

/// `text` in double quotes, as a message quotes a host's value: `"`, `\\`,
/// line breaks, tabs, other control characters and the invisible format
/// characters (bidi overrides, zero-width spaces) escaped the way Rust's
/// `{:?}` escapes them, so the quoted value stays one visible line. Messages
/// use this instead of `{:?}`, which the shipped WASM is built without
/// (`-Zfmt-debug=none`): there `{:?}` prints nothing. Unlike `{:?}` it keeps
/// combining marks (a decomposed "é") as they are.
pub fn quoted(text: &str) -> Quoted<'_> {
    Quoted(text)
}

/// Displays as [`quoted`] describes.
pub struct Quoted<'a>(&'a str);

impl std::fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use std::fmt::Write as _;
        f.write_char('"')?;
        for c in self.0.chars() {
            match c {
                '"' => f.write_str("\\\"")?,
                '\\' => f.write_str("\\\\")?,
                '\n' => f.write_str("\\n")?,
                '\r' => f.write_str("\\r")?,
                '\t' => f.write_str("\\t")?,
                '\0' => f.write_str("\\0")?,
                c if c.is_control() || is_invisible_format(c) => write!(f, "\\u{{{:x}}}", u32::from(c))?,
                c => f.write_char(c)?,
            }
        }
        f.write_char('"')
    }
}

/// Characters that change or hide text without showing themselves: soft
/// hyphen, bidi marks and overrides, zero-width characters, line and
/// paragraph separators, the byte order mark and interlinear annotations.
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{61c}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{2028}'..='\u{202e}'
            | '\u{2060}'..='\u{206f}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}'
    )
}

/// Text as a slug for an element id: its ASCII words, lowercase, joined by hyphens.
pub fn slug(text: &str) -> String {
    let words: Vec<String> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    words.join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_text_at_links() {
        let found: Vec<Run> = runs("Your [[platelets|Platelets]] and [[PT and aPTT]].").collect();
        assert_eq!(
            found,
            [
                Run::Plain("Your "),
                Run::Term {
                    shown: "platelets",
                    term: "Platelets"
                },
                Run::Plain(" and "),
                Run::Term {
                    shown: "PT and aPTT",
                    term: "PT and aPTT"
                },
                Run::Plain("."),
            ]
        );
        assert_eq!(shown_text("Your [[platelets|Platelets]]."), "Your platelets.");
        assert_eq!(runs("an [[unclosed link").count(), 1);
        assert_eq!(shown_text("an [[unclosed link"), "an [[unclosed link");
    }

    #[test]
    fn previews_cut_long_text_at_a_character() {
        assert_eq!(preview("short", 10), "short");
        assert_eq!(preview("ééééé", 3), "ééé...");
        assert_eq!(preview(&"x".repeat(1_000_000), 5), "xxxxx...");
    }

    #[test]
    fn quoted_text_reads_as_rust_debug_quotes_it() {
        let mut texts = vec![
            "May 20, 2025".to_owned(),
            "Fecha de revisión: «mayo»".to_owned(),
            "say \"hi\"\nC:\\dir\tend\r\0".to_owned(),
            "right-to-left \u{202e}txt.exe".to_owned(),
        ];
        let escaped = (0..=0x2070u32)
            .chain(0xfeff..=0xfffb)
            .filter_map(char::from_u32)
            .filter(|c| c.is_control() || is_invisible_format(*c));
        texts.extend(escaped.map(|c| format!("a{c}b")));
        for text in texts {
            assert_eq!(quoted(&text).to_string(), format!("{text:?}"));
        }
    }

    #[test]
    fn quoted_text_keeps_combining_marks() {
        assert_eq!(quoted("e\u{301}").to_string(), "\"e\u{301}\"");
    }

    #[test]
    fn slugs_keep_ascii_words() {
        assert_eq!(slug("Lumbar puncture (spinal tap)"), "lumbar-puncture-spinal-tap");
        assert_eq!(slug("PT and aPTT"), "pt-and-aptt");
    }
}
