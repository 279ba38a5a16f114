//! The rules a monograph must meet before it is shown to a patient. The same code
//! runs in `build.rs` (bundled files), in `cargo xtask check-content` and on a
//! monograph a host page passes in at run time.

use std::collections::{HashMap, HashSet};
use std::ops::RangeInclusive;

use crate::date::IsoDate;
use crate::markup::{preview, quoted, runs, shown_text, slug, Run};
use crate::model::{Block, Item, Monograph, Review, Section, SourceKind, SourceRef, RESERVED_SECTION_IDS};
pub use crate::problem::{Problem, MESSAGE_CHARS};

/// Added sentences longer than this are reported for plain-language review.
pub const LONG_SENTENCE_WORDS: usize = 25;

/// How many one-line facts a key facts block holds.
pub const KEY_FACTS: RangeInclusive<usize> = 4..=6;

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

    /// `text` as a full ISO 8601 day, or an error at `path`.
    fn day(&mut self, path: &str, text: &str) -> Option<IsoDate> {
        let day = IsoDate::parse_day(text);
        if day.is_none() {
            self.not_a_date(path, text, "YYYY-MM-DD");
        }
        day
    }

    fn not_a_date(&mut self, path: impl Into<String>, text: &str, forms: &str) {
        self.error(
            path,
            format!("{} is not an ISO 8601 date ({forms})", quoted(text)),
        );
    }

    /// Messages echo the host's text (ids, headings, terms): cut to a length
    /// a reader can take in, whatever the host sent.
    pub(crate) fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.errors.push(Problem {
            path: path.into(),
            message: preview(&message.into(), MESSAGE_CHARS),
        });
    }
}

pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text.split('-').all(|part| {
            !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// An ISO 3166-1 alpha-2 country code (`US`, `GB`) or `EU`.
pub fn is_jurisdiction(code: &str) -> bool {
    code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// A BCP 47 tag's form: a language of 2 to 8 letters, then subtags of 1 to 8
/// letters or digits, joined by hyphens.
pub fn is_language_tag(text: &str) -> bool {
    let mut subtags = text.split('-');
    let language = subtags.next().unwrap_or_default();
    (2..=8).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_alphabetic())
        && subtags.all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
}

pub fn validate(monograph: &Monograph) -> Report {
    let mut report = Report::default();
    let meta = &monograph.meta;
    if !is_slug(&meta.id) {
        report.error(
            "meta.id",
            format!(
                "{} is not a slug (lowercase letters, digits and single hyphens)",
                quoted(&meta.id)
            ),
        );
    }
    for (field, value) in [
        ("title", &meta.title),
        ("language", &meta.language),
        ("generic_name", &meta.generic_name),
        ("brand_name", &meta.brand_name),
        ("dosage_form", &meta.dosage_form),
        ("reviewed_by", &meta.reviewed_by),
    ] {
        if value.trim().is_empty() {
            report.error(format!("meta.{field}"), "must not be empty");
        }
    }
    if meta
        .drug_class
        .as_deref()
        .is_some_and(|class| class.trim().is_empty())
    {
        report.error(
            "meta.drug_class",
            "must not be empty (leave it out when the class is unknown)",
        );
    }
    if !meta.language.trim().is_empty() && !is_language_tag(&meta.language) {
        // It becomes the content's `lang` attribute.
        report.error(
            "meta.language",
            format!(
                "{} is not a language tag (letters, digits and hyphens, such as en or es-419)",
                quoted(&meta.language)
            ),
        );
    }
    report.day("meta.last_updated", &meta.last_updated);
    // Required of files by the loader; a host's own monograph may leave it out.
    if let Some(code) = meta.jurisdiction.as_deref().filter(|code| !is_jurisdiction(code)) {
        report.error(
            "meta.jurisdiction",
            format!(
                "{} is not a country or region code: use two capital letters (ISO 3166-1, such as US or GB) or EU",
                quoted(code)
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
                format!("{} must be letters, digits and hyphens", quoted(&source.id)),
            );
        } else if !source_ids.insert(source.id.as_str()) {
            report.error(
                format!("{path}.id"),
                format!("duplicate source id {}", quoted(&source.id)),
            );
        }
        if source.title.trim().is_empty() {
            report.error(format!("{path}.title"), "must not be empty");
        }
        for (field, value) in [
            ("short_name", &source.short_name),
            ("attribution", &source.attribution),
        ] {
            if value.as_ref().is_some_and(|v| v.trim().is_empty()) {
                report.error(
                    format!("{path}.{field}"),
                    "must not be empty; leave it out instead",
                );
            }
        }
        if let Some(revised) = &source.revised {
            if IsoDate::parse(revised).is_none() {
                report.not_a_date(format!("{path}.revised"), revised, "YYYY-MM-DD, YYYY-MM or YYYY");
            }
        }
    }
    if !source_ids.contains(meta.based_on.as_str()) {
        report.error(
            "meta.based_on",
            format!("{} is not a declared source id", quoted(&meta.based_on)),
        );
    }

    // Terms by their slug: the id a `[[...]]` link points to, so two terms with
    // one slug would send a link to the wrong definition.
    let mut terms: HashSet<String> = HashSet::new();
    for (path, block) in all_blocks(monograph) {
        let Block::Definitions { items } = block else {
            continue;
        };
        for (i, definition) in items.iter().enumerate() {
            let term = slug(&definition.term);
            if definition.term.trim().is_empty() {
                // Reported as empty with the definition's other checks.
            } else if term.is_empty() {
                report.error(
                    format!("{path}.items[{i}].term"),
                    "needs a letter or digit (A-Z, 0-9): links name a term by them",
                );
            } else if !terms.insert(term) {
                report.error(
                    format!("{path}.items[{i}].term"),
                    format!(
                        "{} is defined twice (or looks like another term to a link)",
                        quoted(&definition.term)
                    ),
                );
            }
        }
    }
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
                    "{} is not a slug (lowercase letters, digits and single hyphens)",
                    quoted(&section.id)
                ),
            );
        } else if RESERVED_SECTION_IDS.contains(&section.id.as_str()) {
            report.error(
                format!("{path}.id"),
                format!(
                    "{} is the leaflet's own id (reserved: {}); choose another",
                    quoted(&section.id),
                    RESERVED_SECTION_IDS.join(", ")
                ),
            );
        } else if !section_ids.insert(section.id.as_str()) {
            report.error(
                format!("{path}.id"),
                format!("duplicate section id {}", quoted(&section.id)),
            );
        }
        if section.heading.trim().is_empty() {
            report.error(format!("{path}.heading"), "must not be empty");
        }
        if section.blocks.is_empty() {
            report.error(
                format!("{path}.blocks"),
                format!("section {} is empty", quoted(&section.heading)),
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
                "the leaflet adds {} text(s) beyond {}: say when they were compiled ([meta.additions] compiled = \"YYYY-MM-DD\")",
                checker.added,
                quoted(&meta.based_on)
            ),
        ),
        None => {}
        Some(additions) => {
            report.day("meta.additions.compiled", &additions.compiled);
            check_reviews(&mut report, monograph, &additions.reviews);
        }
    }
    report
}

/// Each sign-off names its reviewer, a day, and added texts by their place,
/// none signed off twice: the header counts them.
fn check_reviews(report: &mut Report, monograph: &Monograph, reviews: &[Review]) {
    let added: Vec<String> = added_texts(monograph).into_iter().map(|t| t.path).collect();
    let mut signed: HashSet<&str> = HashSet::new();
    for (r, review) in reviews.iter().enumerate() {
        let path = format!("meta.additions.reviews[{r}]");
        for (field, value) in [("name", &review.name), ("role", &review.role)] {
            if value.trim().is_empty() {
                report.error(format!("{path}.{field}"), "must not be empty");
            }
        }
        report.day(&format!("{path}.date"), &review.date);
        for (t, place) in review.texts.iter().enumerate() {
            if !added.iter().any(|a| a == place.as_str()) {
                report.error(
                    format!("{path}.texts[{t}]"),
                    format!("{} is not the place of an added text", quoted(place)),
                );
            } else if !signed.insert(place.as_str()) {
                report.error(
                    format!("{path}.texts[{t}]"),
                    format!("{} is signed off twice", quoted(place)),
                );
            }
        }
    }
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

/// A text of the monograph with the source it cites, if any.
pub struct SourcedText<'a> {
    /// Where it is, e.g. `sections[1].blocks[0].items[2].text`.
    pub path: String,
    pub source: Option<&'a SourceRef>,
    /// As written, with any `[[...]]` markup.
    pub text: &'a str,
}

/// A text that comes from another source than the base document.
pub struct AddedText<'a> {
    /// Where it is, e.g. `sections[1].blocks[0].items[2].text`.
    pub path: String,
    pub source: &'a SourceRef,
    /// As written, with any `[[...]]` markup.
    pub text: &'a str,
}

/// Every text that can cite a source (lead-ins, paragraphs, notes, items,
/// definitions), in order, with the source it cites; headings cite none.
pub fn sourced_texts<'a>(monograph: &'a Monograph) -> Vec<SourcedText<'a>> {
    let mut texts = Vec::new();
    for (path, block) in all_blocks(monograph) {
        for_each_text(block, &mut |field, source, text| {
            let field = match field {
                Field::Text => "text".to_owned(),
                Field::Lead => "lead".to_owned(),
                Field::Item(i) => format!("items[{i}].text"),
                Field::Definition(i) => format!("items[{i}].definition"),
            };
            texts.push(SourcedText {
                path: format!("{path}.{field}"),
                source,
                text,
            })
        });
    }
    texts
}

/// Which text of a block: its place in the block's fields.
#[derive(Clone, Copy)]
pub enum Field {
    Text,
    Lead,
    Item(usize),
    Definition(usize),
}

/// Calls `visit(field, source, text)` for each text of `block` that can cite a
/// source (one copy of the walk for every caller: a `dyn` visitor).
pub fn for_each_text<'a>(block: &'a Block, visit: &mut dyn FnMut(Field, Option<&'a SourceRef>, &'a str)) {
    let items: &[Item] = match block {
        Block::Paragraph { text, source } | Block::Note { text, source } | Block::Figure { text, source } => {
            visit(Field::Text, source.as_ref(), text.as_str());
            return;
        }
        Block::Definitions { items } => {
            for (i, item) in items.as_slice().iter().enumerate() {
                visit(
                    Field::Definition(i),
                    item.source.as_ref(),
                    item.definition.as_str(),
                );
            }
            return;
        }
        Block::List { lead, source, items }
        | Block::Urgent {
            lead, source, items, ..
        } => {
            if let Some(lead) = lead {
                visit(Field::Lead, source.as_ref(), lead.as_str());
            }
            items
        }
        Block::KeyFacts { items, .. } => items,
        Block::Subheading { .. } => return,
    };
    for (i, item) in items.iter().enumerate() {
        visit(Field::Item(i), item.source.as_ref(), item.text.as_str());
    }
}

/// Every added text, in order: what a pharmacist reviews and what the reading
/// level is measured on.
pub fn added_texts(monograph: &Monograph) -> Vec<AddedText<'_>> {
    let based_on = monograph.meta.based_on.as_str();
    sourced_texts(monograph)
        .into_iter()
        .filter_map(|SourcedText { path, source, text }| {
            let source = source.filter(|s| s.doc != based_on)?;
            Some(AddedText { path, source, text })
        })
        .collect()
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
    /// Definition terms as slugs (ASCII, so no Unicode case tables in the WASM):
    /// what `[[...]]` links may name, in any case.
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
                Block::Figure { text, source } => {
                    self.text(report, &format!("{path}.text"), text, source.as_ref());
                    self.source(report, &path, source.as_ref());
                }
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
                Block::Subheading { heading } => {
                    if place == Place::Summary {
                        report.error(format!("{path}.kind"), "a subheading belongs in a section");
                    }
                    self.heading(report, &path, heading);
                    if place == Place::Section && b + 1 == blocks.len() {
                        report.error(
                            format!("{path}.heading"),
                            "a subheading ends the section: nothing follows it",
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
                format!("the {kind} block belongs in the summary: a closed section would hide it"),
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

    /// Non-empty text whose glossary links name a defined term; counts the
    /// added text (from another source than `based_on`).
    fn text(&mut self, report: &mut Report, path: &str, text: &str, source: Option<&SourceRef>) {
        if text.trim().is_empty() {
            report.error(path, "must not be empty");
            return;
        }
        for run in runs(text) {
            if let Run::Term { term, .. } = run {
                if !self.terms.contains(&slug(term)) {
                    report.error(
                        path,
                        format!("[[{term}]] links to a term that no definition list defines"),
                    );
                }
            }
        }
        if source.is_some_and(|s| s.doc != self.based_on) {
            self.added += 1;
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
                format!("{} is not a declared source id", quoted(doc)),
            );
        } else if let Some(&id) = self.announcements.get(doc) {
            if let Some(first) = self.announcement_cited.get(id) {
                report.error(
                    format!("{path}.source.doc"),
                    format!("{} is a company announcement: it may back one fact only, and {first} cites it already", quoted(id)),
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

#[cfg(test)]
pub(crate) mod tests;
