//! The rules a monograph must meet before it is shown to a patient. The same code
//! runs in `build.rs` (bundled files), in `cargo xtask check-content` and on a
//! monograph a host page passes in at run time.

use std::collections::HashSet;
use std::fmt;

use super::date::IsoDate;
use super::model::{Block, Monograph, SourceRef};

/// Added sentences longer than this are reported for plain-language review.
pub const LONG_SENTENCE_WORDS: usize = 25;

/// One thing wrong with a monograph: where (`sections[2].blocks[0].text`) and what.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

#[derive(Debug, Default)]
pub struct Report {
    /// Problems that stop the monograph from being used.
    pub errors: Vec<Problem>,
    /// Style findings (long added sentences) for the editor; never fatal.
    pub warnings: Vec<Problem>,
}

impl Report {
    /// `file: error: path: message` lines, then the warnings: the form compilers
    /// use, so editors can jump to the file.
    pub fn lines(&self, file: &str) -> Vec<String> {
        let errors = self.errors.iter().map(|p| format!("{file}: error: {p}"));
        let warnings = self.warnings.iter().map(|p| format!("{file}: warning: {p}"));
        errors.chain(warnings).collect()
    }

    fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.errors.push(Problem {
            path: path.into(),
            message: message.into(),
        });
    }
}

pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text.split('-').all(|part| {
            !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

pub fn validate(monograph: &Monograph) -> Report {
    let mut report = Report::default();
    let meta = &monograph.meta;
    if !is_slug(&meta.id) {
        report.error(
            "meta.id",
            format!(
                "{:?} is not a slug (lowercase letters, digits and single hyphens)",
                meta.id.as_str()
            ),
        );
    }
    for (field, value) in [
        ("title", &meta.title),
        ("language", &meta.language),
        ("generic_name", &meta.generic_name),
        ("brand_name", &meta.brand_name),
        ("dosage_form", &meta.dosage_form),
        ("drug_class", &meta.drug_class),
        ("reviewed_by", &meta.reviewed_by),
    ] {
        if value.trim().is_empty() {
            report.error(format!("meta.{field}"), "must not be empty");
        }
    }
    if IsoDate::parse(&meta.last_updated).is_none_or(|d| d.day.is_none()) {
        report.error(
            "meta.last_updated",
            format!(
                "{:?} is not an ISO 8601 date (YYYY-MM-DD)",
                meta.last_updated.as_str()
            ),
        );
    }

    let mut source_ids = HashSet::new();
    if monograph.sources.is_empty() {
        report.error("sources", "declare at least one source document");
    }
    for (i, source) in monograph.sources.iter().enumerate() {
        let path = format!("sources[{i}]");
        let id_ok =
            !source.id.is_empty() && source.id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if !id_ok {
            report.error(
                format!("{path}.id"),
                format!("{:?} must be letters, digits and hyphens", source.id.as_str()),
            );
        } else if !source_ids.insert(source.id.as_str()) {
            report.error(
                format!("{path}.id"),
                format!("duplicate source id {:?}", source.id.as_str()),
            );
        }
        if source.title.trim().is_empty() {
            report.error(format!("{path}.title"), "must not be empty");
        }
        if let Some(revised) = &source.revised {
            if IsoDate::parse(revised).is_none() {
                report.error(
                    format!("{path}.revised"),
                    format!(
                        "{:?} is not an ISO 8601 date (YYYY-MM-DD or YYYY-MM)",
                        revised.as_str()
                    ),
                );
            }
        }
    }
    if !source_ids.contains(meta.based_on.as_str()) {
        report.error(
            "meta.based_on",
            format!("{:?} is not a declared source id", meta.based_on.as_str()),
        );
    }

    let checker = RefChecker {
        declared: &source_ids,
        based_on: &meta.based_on,
    };
    let mut section_ids = HashSet::new();
    if monograph.sections.is_empty() {
        report.error("sections", "a monograph needs at least one section");
    }
    for (s, section) in monograph.sections.iter().enumerate() {
        let path = format!("sections[{s}]");
        if !is_slug(&section.id) {
            report.error(
                format!("{path}.id"),
                format!(
                    "{:?} is not a slug (lowercase letters, digits and single hyphens)",
                    section.id.as_str()
                ),
            );
        } else if !section_ids.insert(section.id.as_str()) {
            report.error(
                format!("{path}.id"),
                format!("duplicate section id {:?}", section.id.as_str()),
            );
        }
        if section.heading.trim().is_empty() {
            report.error(format!("{path}.heading"), "must not be empty");
        }
        if section.blocks.is_empty() {
            report.error(
                format!("{path}.blocks"),
                format!("section {:?} is empty", section.heading.as_str()),
            );
        }
        let blocks: &[Block] = &section.blocks;
        for (b, block) in blocks.iter().enumerate() {
            let path = format!("{path}.blocks[{b}]");
            let followed_by_list = matches!(blocks.get(b + 1), Some(Block::List { .. }));
            match block {
                Block::Paragraph { text, source } | Block::Note { text, source } => {
                    checker.text(&mut report, &format!("{path}.text"), text, source.as_ref());
                    checker.source(&mut report, &path, source.as_ref());
                    if text.trim_end().ends_with(':') && !followed_by_list {
                        report.error(format!("{path}.text"), "ends with a colon but no list follows it");
                    }
                }
                Block::List { lead, source, items } => {
                    if let Some(lead) = lead {
                        checker.text(&mut report, &format!("{path}.lead"), lead, source.as_ref());
                    }
                    checker.source(&mut report, &path, source.as_ref());
                    if items.is_empty() {
                        report.error(format!("{path}.items"), "list is empty");
                    }
                    for (i, item) in items.iter().enumerate() {
                        let path = format!("{path}.items[{i}]");
                        checker.text(
                            &mut report,
                            &format!("{path}.text"),
                            &item.text,
                            item.source.as_ref(),
                        );
                        checker.fact_source(&mut report, &path, item.source.as_ref());
                    }
                }
                Block::Definitions { items } => {
                    if items.is_empty() {
                        report.error(format!("{path}.items"), "list of definitions is empty");
                    }
                    for (i, item) in items.iter().enumerate() {
                        let path = format!("{path}.items[{i}]");
                        if item.term.trim().is_empty() {
                            report.error(format!("{path}.term"), "must not be empty");
                        }
                        checker.text(
                            &mut report,
                            &format!("{path}.definition"),
                            &item.definition,
                            item.source.as_ref(),
                        );
                        checker.fact_source(&mut report, &path, item.source.as_ref());
                    }
                }
            }
        }
    }
    report
}

struct RefChecker<'a> {
    declared: &'a HashSet<&'a str>,
    based_on: &'a str,
}

impl RefChecker<'_> {
    /// Non-empty text; added text (from another source than `based_on`) is
    /// checked for sentence length.
    fn text(&self, report: &mut Report, path: &str, text: &str, source: Option<&SourceRef>) {
        if text.trim().is_empty() {
            report.error(path, "must not be empty");
            return;
        }
        let added = source.is_some_and(|s| s.doc != self.based_on);
        if added {
            for sentence in sentences(text) {
                let words = sentence.split_whitespace().count();
                if words > LONG_SENTENCE_WORDS {
                    report.warnings.push(Problem {
                        path: path.to_owned(),
                        message: format!(
                            "added sentence has {words} words (over {LONG_SENTENCE_WORDS}): {sentence:?}"
                        ),
                    });
                }
            }
        }
    }

    fn source(&self, report: &mut Report, path: &str, source: Option<&SourceRef>) {
        if let Some(source) = source {
            if !self.declared.contains(source.doc.as_str()) {
                report.error(
                    format!("{path}.source.doc"),
                    format!("{:?} is not a declared source id", source.doc.as_str()),
                );
            }
        }
    }

    /// List items and definitions are facts: each must say where it comes from.
    fn fact_source(&self, report: &mut Report, path: &str, source: Option<&SourceRef>) {
        match source {
            None => report.error(
                format!("{path}.source"),
                "an added fact needs a source (source = { doc = \"...\" })",
            ),
            Some(_) => self.source(report, path, source),
        }
    }
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
