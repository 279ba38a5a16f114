//! The rules a monograph must meet before it is shown to a patient. The same code
//! runs in `build.rs` (bundled files), in `cargo xtask check-content` and on a
//! monograph a host page passes in at run time.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::ops::RangeInclusive;

use crate::date::IsoDate;
use crate::markup::{runs, shown_text, Run};
use crate::model::{Block, Item, Monograph, Section, SourceKind, SourceRef};

/// Added sentences longer than this are reported for plain-language review.
pub const LONG_SENTENCE_WORDS: usize = 25;

/// How many one-line facts a key facts block holds.
pub const KEY_FACTS: RangeInclusive<usize> = 4..=6;

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
    if IsoDate::parse_day(&meta.last_updated).is_none() {
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
                        "{:?} is not an ISO 8601 date (YYYY-MM-DD, YYYY-MM or YYYY)",
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

    let terms: HashSet<String> = all_blocks(monograph)
        .filter_map(|(_, block)| match block {
            Block::Definitions { items } => Some(items),
            _ => None,
        })
        .flat_map(|items| items.iter().map(|d| d.term.to_lowercase()).collect::<Vec<_>>())
        .collect();
    let announcements: HashSet<&str> = monograph
        .sources
        .iter()
        .filter(|s| s.kind == Some(SourceKind::Announcement))
        .map(|s| s.id.as_str())
        .collect();
    let mut checker = RefChecker {
        declared: &source_ids,
        based_on: &meta.based_on,
        terms: &terms,
        announcements: &announcements,
        announcement_cited: HashMap::new(),
        added: 0,
    };

    let summary: &[Block] = &monograph.summary;
    checker.blocks(&mut report, "summary", summary, Place::Summary);
    let urgent = summary
        .iter()
        .filter(|b| matches!(b, Block::Urgent { .. }))
        .count();
    let key_facts = summary
        .iter()
        .filter(|b| matches!(b, Block::KeyFacts { .. }))
        .count();
    if urgent != 1 {
        report.error(
            "summary",
            format!(
                "a leaflet needs exactly one urgent block (kind = \"urgent\"): the signs that need medical help, always in view; found {urgent}"
            ),
        );
    }
    if key_facts > 1 {
        report.error(
            "summary",
            format!("at most one key_facts block; found {key_facts}"),
        );
    }

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
        checker.blocks(
            &mut report,
            &format!("{path}.blocks"),
            &section.blocks,
            Place::Section,
        );
    }

    match &meta.additions {
        None if checker.added > 0 => report.error(
            "meta.additions",
            format!(
                "the leaflet adds {} text(s) beyond {:?}: say when they were compiled ([meta.additions] compiled = \"YYYY-MM-DD\")",
                checker.added,
                meta.based_on.as_str()
            ),
        ),
        None => {}
        Some(additions) => {
            let compiled = IsoDate::parse_day(&additions.compiled);
            if compiled.is_none() {
                report.error(
                    "meta.additions.compiled",
                    format!("{:?} is not an ISO 8601 date (YYYY-MM-DD)", additions.compiled.as_str()),
                );
            }
            if let Some(review) = &additions.review {
                for (field, value) in [("name", &review.name), ("role", &review.role)] {
                    if value.trim().is_empty() {
                        report.error(format!("meta.additions.review.{field}"), "must not be empty");
                    }
                }
                match IsoDate::parse_day(&review.date) {
                    None => report.error(
                        "meta.additions.review.date",
                        format!("{:?} is not an ISO 8601 date (YYYY-MM-DD)", review.date.as_str()),
                    ),
                    Some(date) if compiled.is_some_and(|c| date < c) => report.error(
                        "meta.additions.review.date",
                        format!(
                            "the review ({}) is older than the additions it covers (compiled {}): review them again, or remove the review",
                            review.date.as_str(),
                            additions.compiled.as_str()
                        ),
                    ),
                    Some(_) => {}
                }
            }
        }
    }
    report
}

/// Every block with its path: the summary's, then each section's.
pub fn all_blocks(monograph: &Monograph) -> impl Iterator<Item = (String, &Block)> {
    let summary: &[Block] = &monograph.summary;
    let sections: &[Section] = &monograph.sections;
    let summary = summary
        .iter()
        .enumerate()
        .map(|(b, block)| (format!("summary[{b}]"), block));
    let sections = sections.iter().enumerate().flat_map(|(s, section)| {
        let blocks: &[Block] = &section.blocks;
        blocks
            .iter()
            .enumerate()
            .map(move |(b, block)| (format!("sections[{s}].blocks[{b}]"), block))
    });
    summary.chain(sections)
}

/// A text that comes from another source than the base document.
pub struct AddedText<'a> {
    /// Where it is, e.g. `sections[1].blocks[0].items[2].text`.
    pub path: String,
    pub source: &'a SourceRef,
    /// As written, with any `[[...]]` markup.
    pub text: &'a str,
}

/// Every added text (lead-ins, paragraphs, notes, items, definitions), in order:
/// what a pharmacist reviews and what the reading level is measured on.
pub fn added_texts<'a>(monograph: &'a Monograph) -> Vec<AddedText<'a>> {
    let based_on = monograph.meta.based_on.as_str();
    let mut texts = Vec::new();
    let mut push = |path: String, source: Option<&'a SourceRef>, text: &'a str| {
        if let Some(source) = source.filter(|s| s.doc != based_on) {
            texts.push(AddedText { path, source, text });
        }
    };
    for (path, block) in all_blocks(monograph) {
        let items: &[Item] = match block {
            Block::Paragraph { text, source } | Block::Note { text, source } => {
                push(format!("{path}.text"), source.as_ref(), text.as_str());
                continue;
            }
            Block::Definitions { items } => {
                for (i, item) in items.as_slice().iter().enumerate() {
                    push(
                        format!("{path}.items[{i}].definition"),
                        item.source.as_ref(),
                        item.definition.as_str(),
                    );
                }
                continue;
            }
            Block::List { lead, source, items }
            | Block::Urgent {
                lead, source, items, ..
            } => {
                if let Some(lead) = lead {
                    push(format!("{path}.lead"), source.as_ref(), lead.as_str());
                }
                items
            }
            Block::KeyFacts { items, .. } => items,
        };
        for (i, item) in items.iter().enumerate() {
            push(
                format!("{path}.items[{i}].text"),
                item.source.as_ref(),
                item.text.as_str(),
            );
        }
    }
    texts
}

/// Where a block sits: key facts and the urgent box belong in the summary only.
#[derive(Clone, Copy, PartialEq)]
enum Place {
    Summary,
    Section,
}

struct RefChecker<'a> {
    declared: &'a HashSet<&'a str>,
    based_on: &'a str,
    /// Definition terms, lowercase: what `[[...]]` links may name.
    terms: &'a HashSet<String>,
    /// Sources of kind `announcement`: each may back one fact only.
    announcements: &'a HashSet<&'a str>,
    /// Announcement id to the path of the fact that cites it.
    announcement_cited: HashMap<&'a str, String>,
    /// How many texts come from another source than `based_on`.
    added: usize,
}

impl RefChecker<'_> {
    fn blocks(&mut self, report: &mut Report, path: &str, blocks: &[Block], place: Place) {
        for (b, block) in blocks.iter().enumerate() {
            let path = format!("{path}[{b}]");
            let followed_by_list = matches!(blocks.get(b + 1), Some(Block::List { .. }));
            match block {
                Block::Paragraph { text, source } | Block::Note { text, source } => {
                    self.text(report, &format!("{path}.text"), text, source.as_ref());
                    self.source(report, &path, source.as_ref());
                    if text.trim_end().ends_with(':') && !followed_by_list {
                        report.error(format!("{path}.text"), "ends with a colon but no list follows it");
                    }
                }
                Block::List { lead, source, items } => {
                    if let Some(lead) = lead {
                        self.text(report, &format!("{path}.lead"), lead, source.as_ref());
                    }
                    self.source(report, &path, source.as_ref());
                    self.items(report, &path, items);
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
                        self.text(
                            report,
                            &format!("{path}.definition"),
                            &item.definition,
                            item.source.as_ref(),
                        );
                        self.fact_source(report, &path, item.source.as_ref());
                    }
                }
                Block::KeyFacts { heading, items } => {
                    self.summary_only(report, &path, place, "key_facts");
                    self.heading(report, &path, heading);
                    self.items(report, &path, items);
                    if !(KEY_FACTS.contains(&items.len())) {
                        report.error(
                            format!("{path}.items"),
                            format!(
                                "key facts are {} to {} one-line facts; found {}",
                                KEY_FACTS.start(),
                                KEY_FACTS.end(),
                                items.len()
                            ),
                        );
                    }
                }
                Block::Urgent {
                    heading,
                    lead,
                    source,
                    items,
                } => {
                    self.summary_only(report, &path, place, "urgent");
                    self.heading(report, &path, heading);
                    if let Some(lead) = lead {
                        self.text(report, &format!("{path}.lead"), lead, source.as_ref());
                    }
                    self.source(report, &path, source.as_ref());
                    self.items(report, &path, items);
                }
            }
        }
    }

    fn summary_only(&self, report: &mut Report, path: &str, place: Place, kind: &str) {
        if place != Place::Summary {
            report.error(
                format!("{path}.kind"),
                format!("a {kind} block belongs in the summary: a closed section would hide it"),
            );
        }
    }

    fn heading(&self, report: &mut Report, path: &str, heading: &str) {
        if heading.trim().is_empty() {
            report.error(format!("{path}.heading"), "must not be empty");
        }
    }

    /// List items are facts: each names its source.
    fn items(&mut self, report: &mut Report, path: &str, items: &[Item]) {
        if items.is_empty() {
            report.error(format!("{path}.items"), "list is empty");
        }
        for (i, item) in items.iter().enumerate() {
            let path = format!("{path}.items[{i}]");
            self.text(report, &format!("{path}.text"), &item.text, item.source.as_ref());
            self.fact_source(report, &path, item.source.as_ref());
        }
    }

    /// Non-empty text whose glossary links name a defined term; added text (from
    /// another source than `based_on`) is checked for sentence length.
    fn text(&mut self, report: &mut Report, path: &str, text: &str, source: Option<&SourceRef>) {
        if text.trim().is_empty() {
            report.error(path, "must not be empty");
            return;
        }
        for run in runs(text) {
            if let Run::Term { term, .. } = run {
                if !self.terms.contains(&term.to_lowercase()) {
                    report.error(
                        path,
                        format!("[[{term}]] links to a term that no definition list defines"),
                    );
                }
            }
        }
        let added = source.is_some_and(|s| s.doc != self.based_on);
        if added {
            self.added += 1;
            for sentence in sentences(&shown_text(text)) {
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

    fn source(&mut self, report: &mut Report, path: &str, source: Option<&SourceRef>) {
        let Some(source) = source else {
            return;
        };
        let doc = source.doc.as_str();
        if !self.declared.contains(doc) {
            report.error(
                format!("{path}.source.doc"),
                format!("{doc:?} is not a declared source id"),
            );
        } else if let Some(&id) = self.announcements.get(doc) {
            if let Some(first) = self.announcement_cited.get(id) {
                report.error(
                    format!("{path}.source.doc"),
                    format!("{id:?} is a company announcement: it may back one fact only, and {first} cites it already"),
                );
            } else {
                self.announcement_cited.insert(id, path.to_owned());
            }
        }
    }

    /// List items and definitions are facts: each must say where it comes from.
    fn fact_source(&mut self, report: &mut Report, path: &str, source: Option<&SourceRef>) {
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
