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
        Some((cut, _)) => format!("{}...", &text[..cut]),
        None => text.to_owned(),
    }
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
    fn slugs_keep_ascii_words() {
        assert_eq!(slug("Lumbar puncture (spinal tap)"), "lumbar-puncture-spinal-tap");
        assert_eq!(slug("PT and aPTT"), "pt-and-aptt");
    }
}
