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
pub(crate) mod tests {
    use implicit_clone::unsync::IArray;

    use super::*;

    /// A small valid monograph; each test breaks it in one place. Its summary
    /// item and list item cite `PI`, so it adds 2 texts beyond `seed`.
    pub(crate) const MINIMAL: &str = r#"
[meta]
id = "example"
title = "Example"
language = "en"
generic_name = "example"
brand_name = "Examplex"
dosage_form = "tablet"
drug_class = "examples"
reviewed_by = "A. Pharmacist"
last_updated = "2025-05-20"
based_on = "seed"
jurisdiction = "US"

[meta.additions]
compiled = "2026-11-27"

[[sources]]
id = "seed"
title = "Seed"

[[sources]]
id = "PI"
title = "Prescribing information"
revised = "2026-03"

[[sources]]
id = "NEWS"
title = "Company news"
kind = "announcement"

[[summary]]
kind = "urgent"
heading = "Get medical help"
lead = "Get medical help quickly for:"
items = [{ text = "A headache that does not go away.", source = { doc = "PI", section = "5.1" } }]

[[sections]]
id = "side-effects"
heading = "Side effects"

[[sections.blocks]]
kind = "list"
lead = "Common side effects are:"
items = [{ text = "Headache.", source = { doc = "PI", section = "6.1" } }]

[[sections.blocks]]
kind = "paragraph"
text = "Ask your doctor about other side effects."
"#;

    const URGENT_BLOCK: &str = r#"[[summary]]
kind = "urgent"
heading = "Get medical help"
lead = "Get medical help quickly for:"
items = [{ text = "A headache that does not go away.", source = { doc = "PI", section = "5.1" } }]
"#;

    const SIDE_EFFECT_ITEMS: &str =
        r#"items = [{ text = "Headache.", source = { doc = "PI", section = "6.1" } }]"#;

    const ADDITIONS: &str = "[meta.additions]\ncompiled = \"2026-11-27\"\n";

    /// A glossary block, appended to the fixture's only section.
    const GLOSSARY: &str = "\n[[sections.blocks]]\nkind = \"definitions\"\nitems = [{ term = \"Platelets\", definition = \"Blood cells that help blood clot.\", source = { doc = \"PI\", section = \"5.1\" } }]\n";

    fn parse(text: &str) -> Monograph {
        toml::from_str(text).unwrap_or_else(|error| panic!("not a monograph: {error}\n{text}"))
    }

    fn lines(problems: &[Problem]) -> Vec<String> {
        problems.iter().map(ToString::to_string).collect()
    }

    /// The errors of a TOML monograph, as `path: message` lines.
    fn errors_of(text: &str) -> Vec<String> {
        lines(&validate(&parse(text)).errors)
    }

    /// The errors of `MINIMAL` with `from` replaced by `to`.
    fn errors_after(from: &str, to: &str) -> Vec<String> {
        assert!(MINIMAL.contains(from), "{from:?} is not in the fixture");
        assert_ne!(from, to, "the test changes nothing");
        errors_of(&MINIMAL.replacen(from, to, 1))
    }

    /// The errors of `MINIMAL` after `edit`, for changes TOML cannot express in one replacement.
    fn errors_with(edit: impl FnOnce(&mut Monograph)) -> Vec<String> {
        let mut monograph = parse(MINIMAL);
        edit(&mut monograph);
        lines(&validate(&monograph).errors)
    }

    /// `[meta.additions]` with one sign-off on `date` of the texts at `places`.
    fn reviewed(date: &str, places: &[&str]) -> String {
        let texts: Vec<String> = places.iter().map(|p| format!("{p:?}")).collect();
        format!(
            "{ADDITIONS}\n[[meta.additions.reviews]]\nname = \"A. Pharmacist\"\nrole = \"Clinical pharmacist\"\ndate = \"{date}\"\ntexts = [{}]\n",
            texts.join(", ")
        )
    }

    /// MINIMAL's two added texts.
    const ADDED: [&str; 2] = ["summary[0].items[0].text", "sections[0].blocks[0].items[0].text"];

    /// A key facts block of `count` sourced facts, then the urgent block.
    fn key_facts_then_urgent(count: usize) -> String {
        let items: Vec<String> = (0..count)
            .map(|i| format!("{{ text = \"Fact {i}.\", source = {{ doc = \"PI\", section = \"2.1\" }} }}"))
            .collect();
        format!(
            "[[summary]]\nkind = \"key_facts\"\nheading = \"Key facts\"\nitems = [{}]\n\n{URGENT_BLOCK}",
            items.join(", ")
        )
    }

    #[test]
    fn the_minimal_fixture_is_valid_and_plain() {
        let report = validate(&parse(MINIMAL));
        assert_eq!(lines(&report.errors), Vec::<String>::new());
        assert_eq!(lines(&report.warnings), Vec::<String>::new());
    }

    #[test]
    fn a_figure_has_its_text_alternative() {
        let figure =
            |text: &str| format!("{MINIMAL}\n[[sections.blocks]]\nkind = \"figure\"\ntext = \"{text}\"\n");
        assert_eq!(errors_of(&figure("A pen on a thigh")), Vec::<String>::new());
        assert_eq!(
            errors_of(&figure(" ")),
            ["sections[0].blocks[2].text: must not be empty"]
        );
    }

    #[test]
    fn the_drug_class_may_be_left_out_but_not_left_empty() {
        assert_eq!(
            errors_after("drug_class = \"examples\"\n", ""),
            Vec::<String>::new()
        );
        assert_eq!(
            errors_after("drug_class = \"examples\"", "drug_class = \" \""),
            ["meta.drug_class: must not be empty (leave it out when the class is unknown)"]
        );
    }

    #[test]
    fn slugs_are_lowercase_words_and_digits_joined_by_single_hyphens() {
        for slug in ["side-effects", "dose-2", "a"] {
            assert!(is_slug(slug), "{slug:?}");
        }
        for not_slug in [
            "",
            "Side-effects",
            "side effects",
            "side--effects",
            "-side",
            "side-",
            "dosé",
        ] {
            assert!(!is_slug(not_slug), "{not_slug:?}");
        }
    }

    #[test]
    fn the_monograph_and_section_ids_must_be_slugs() {
        assert_eq!(
            errors_after("id = \"example\"", "id = \"Example\""),
            ["meta.id: \"Example\" is not a slug (lowercase letters, digits and single hyphens)"]
        );
        assert_eq!(
            errors_after("id = \"side-effects\"", "id = \"Side Effects\""),
            ["sections[0].id: \"Side Effects\" is not a slug (lowercase letters, digits and single hyphens)"]
        );
    }

    #[test]
    fn source_ids_are_letters_digits_and_hyphens() {
        assert_eq!(
            errors_after("id = \"NEWS\"", "id = \"NEWS!\""),
            ["sources[2].id: \"NEWS!\" must be letters, digits and hyphens"]
        );
        assert_eq!(
            errors_after("id = \"NEWS\"", "id = \"NEWS-2026\""),
            Vec::<String>::new()
        );
    }

    #[test]
    fn section_and_source_ids_are_unique() {
        let twice = MINIMAL.to_owned()
            + "\n[[sections]]\nid = \"side-effects\"\nheading = \"Again\"\nblocks = [{ kind = \"paragraph\", text = \"More.\" }]\n";
        assert_eq!(
            errors_of(&twice),
            ["sections[1].id: duplicate section id \"side-effects\""]
        );
        assert_eq!(
            errors_after(
                "id = \"NEWS\"\ntitle = \"Company news\"\nkind = \"announcement\"",
                "id = \"PI\"\ntitle = \"Prescribing information, again\""
            ),
            ["sources[2].id: duplicate source id \"PI\""]
        );
    }

    #[test]
    fn every_cited_document_is_a_declared_source() {
        assert_eq!(
            errors_after(
                r#"source = { doc = "PI", section = "6.1" }"#,
                r#"source = { doc = "EMA", section = "4.8" }"#
            ),
            ["sections[0].blocks[0].items[0].source.doc: \"EMA\" is not a declared source id"]
        );
        assert_eq!(
            errors_after(
                "text = \"Ask your doctor about other side effects.\"",
                "text = \"Ask your doctor about other side effects.\"\nsource = { doc = \"EMA\" }"
            ),
            ["sections[0].blocks[1].source.doc: \"EMA\" is not a declared source id"]
        );
        assert_eq!(
            errors_after("based_on = \"seed\"", "based_on = \"base\""),
            ["meta.based_on: \"base\" is not a declared source id"]
        );
    }

    #[test]
    fn a_monograph_declares_its_sources() {
        assert_eq!(
            errors_with(|monograph| monograph.sources = IArray::default()),
            [
                "sources: declare at least one source document",
                "meta.based_on: \"seed\" is not a declared source id",
                "summary[0].items[0].source.doc: \"PI\" is not a declared source id",
                "sections[0].blocks[0].items[0].source.doc: \"PI\" is not a declared source id",
            ]
        );
    }

    #[test]
    fn every_list_item_and_definition_names_its_source() {
        assert_eq!(
            errors_after(
                r#"{ text = "Headache.", source = { doc = "PI", section = "6.1" } }"#,
                r#"{ text = "Headache." }"#
            ),
            ["sections[0].blocks[0].items[0].source: an added fact needs a source (source = { doc = \"...\" })"]
        );
        let unsourced_definition =
            MINIMAL.to_owned() + &GLOSSARY.replace(", source = { doc = \"PI\", section = \"5.1\" }", "");
        assert_eq!(
            errors_of(&unsourced_definition),
            ["sections[0].blocks[2].items[0].source: an added fact needs a source (source = { doc = \"...\" })"]
        );
    }

    #[test]
    fn a_lead_in_ending_in_a_colon_is_followed_by_a_list() {
        assert_eq!(
            errors_after(
                "Ask your doctor about other side effects.",
                "Ask your doctor about:"
            ),
            ["sections[0].blocks[1].text: ends with a colon but no list follows it"]
        );
        let note = "kind = \"paragraph\"\ntext = \"Ask your doctor about other side effects.\"";
        assert_eq!(
            errors_after(note, "kind = \"note\"\ntext = \"Call your doctor if you have:\""),
            ["sections[0].blocks[1].text: ends with a colon but no list follows it"]
        );
        let paragraph_then_list = MINIMAL.replacen(
            "[[sections.blocks]]\nkind = \"list\"\nlead = \"Common side effects are:\"\n",
            "[[sections.blocks]]\nkind = \"paragraph\"\ntext = \"Common side effects are:\"\n\n[[sections.blocks]]\nkind = \"list\"\n",
            1,
        );
        assert_ne!(paragraph_then_list, MINIMAL);
        assert_eq!(errors_of(&paragraph_then_list), Vec::<String>::new());
    }

    #[test]
    fn dates_are_iso_8601() {
        assert_eq!(
            errors_after("last_updated = \"2025-05-20\"", "last_updated = \"May 20, 2025\""),
            ["meta.last_updated: \"May 20, 2025\" is not an ISO 8601 date (YYYY-MM-DD)"]
        );
        // The base text's date is a day; a source's revision may be a month or a year.
        assert_eq!(
            errors_after("last_updated = \"2025-05-20\"", "last_updated = \"2025-05\""),
            ["meta.last_updated: \"2025-05\" is not an ISO 8601 date (YYYY-MM-DD)"]
        );
        assert_eq!(
            errors_after("revised = \"2026-03\"", "revised = \"03/2026\""),
            ["sources[1].revised: \"03/2026\" is not an ISO 8601 date (YYYY-MM-DD, YYYY-MM or YYYY)"]
        );
        assert_eq!(
            errors_after("revised = \"2026-03\"", "revised = \"2026\""),
            Vec::<String>::new()
        );
        assert_eq!(
            errors_after("compiled = \"2026-11-27\"", "compiled = \"27.11.2026\""),
            ["meta.additions.compiled: \"27.11.2026\" is not an ISO 8601 date (YYYY-MM-DD)"]
        );
        assert_eq!(
            errors_after(ADDITIONS, &reviewed("1 Dec 2026", &ADDED)),
            ["meta.additions.reviews[0].date: \"1 Dec 2026\" is not an ISO 8601 date (YYYY-MM-DD)"]
        );
    }

    #[test]
    fn the_summary_holds_exactly_one_urgent_block() {
        let expected = |found: usize| {
            format!("summary: a leaflet needs exactly one urgent block (kind = \"urgent\"): the signs that need medical help, always in view; found {found}")
        };
        assert_eq!(errors_after(URGENT_BLOCK, ""), [expected(0)]);
        assert_eq!(
            errors_after(URGENT_BLOCK, &format!("{URGENT_BLOCK}\n{URGENT_BLOCK}")),
            [expected(2)]
        );
    }

    #[test]
    fn urgent_and_key_facts_blocks_belong_in_the_summary_only() {
        let urgent_in_section = MINIMAL.replacen(URGENT_BLOCK, "", 1)
            + &URGENT_BLOCK.replace("[[summary]]", "[[sections.blocks]]");
        assert_eq!(
            errors_of(&urgent_in_section),
            [
                "summary: a leaflet needs exactly one urgent block (kind = \"urgent\"): the signs that need medical help, always in view; found 0",
                "sections[0].blocks[2].kind: the urgent block belongs in the summary: a closed section would hide it",
            ]
        );
        let key_facts = key_facts_then_urgent(4);
        let (key_facts, _) = key_facts.split_once(URGENT_BLOCK).expect("the key facts block");
        let key_facts_in_section =
            MINIMAL.to_owned() + &key_facts.replace("[[summary]]", "[[sections.blocks]]");
        assert_eq!(
            errors_of(&key_facts_in_section),
            ["sections[0].blocks[2].kind: the key_facts block belongs in the summary: a closed section would hide it"]
        );
    }

    #[test]
    fn a_subheading_heads_blocks_in_a_section() {
        let subheading = "\n[[sections.blocks]]\nkind = \"subheading\"\nheading = \"Rare side effects\"\n";
        let paragraph = "\n[[sections.blocks]]\nkind = \"paragraph\"\ntext = \"Tell your doctor.\"\n";
        assert_eq!(
            errors_of(&format!("{MINIMAL}{subheading}{paragraph}")),
            Vec::<String>::new()
        );
        assert_eq!(
            errors_of(&format!("{MINIMAL}{subheading}")),
            ["sections[0].blocks[2].heading: a subheading ends the section: nothing follows it"]
        );
        assert_eq!(
            errors_of(&format!(
                "{MINIMAL}{}{paragraph}",
                subheading.replace("Rare side effects", " ")
            )),
            ["sections[0].blocks[2].heading: must not be empty"]
        );
        let in_summary = MINIMAL.replacen(
            URGENT_BLOCK,
            &format!("{URGENT_BLOCK}\n[[summary]]\nkind = \"subheading\"\nheading = \"More\"\n"),
            1,
        );
        assert_eq!(
            errors_of(&in_summary),
            ["summary[1].kind: a subheading belongs in a section"]
        );
    }

    #[test]
    fn key_facts_are_four_to_six_lines_in_one_block() {
        for count in KEY_FACTS {
            assert_eq!(
                errors_after(URGENT_BLOCK, &key_facts_then_urgent(count)),
                Vec::<String>::new(),
                "{count} key facts"
            );
        }
        for count in [3, 7] {
            assert_eq!(
                errors_after(URGENT_BLOCK, &key_facts_then_urgent(count)),
                [format!(
                    "summary[0].items: key facts are 4 to 6 one-line facts; found {count}"
                )]
            );
        }
        let two_blocks = key_facts_then_urgent(4).replacen(URGENT_BLOCK, "", 1) + &key_facts_then_urgent(4);
        assert_eq!(
            errors_after(URGENT_BLOCK, &two_blocks),
            ["summary: at most one key_facts block; found 2"]
        );
    }

    #[test]
    fn an_announcement_backs_one_fact_only() {
        let cites_news = r#"{ text = "Headache.", source = { doc = "NEWS" } }"#;
        assert_eq!(
            errors_after(SIDE_EFFECT_ITEMS, &format!("items = [{cites_news}]")),
            Vec::<String>::new()
        );
        let twice = format!(
            "items = [{cites_news}, {}]",
            cites_news.replace("Headache", "Fever")
        );
        assert_eq!(
            errors_after(SIDE_EFFECT_ITEMS, &twice),
            ["sections[0].blocks[0].items[1].source.doc: \"NEWS\" is a company announcement: it may back one fact only, and sections[0].blocks[0].items[0] cites it already"]
        );
    }

    #[test]
    fn glossary_links_name_a_defined_term_in_any_case() {
        let linked =
            MINIMAL.replacen("Headache.", "Few [[platelets|Platelets]] and [[platelets]].", 1) + GLOSSARY;
        assert_eq!(errors_of(&linked), Vec::<String>::new());
        let unknown = MINIMAL.replacen("Headache.", "Few [[platelet cells]].", 1) + GLOSSARY;
        assert_eq!(
            errors_of(&unknown),
            ["sections[0].blocks[0].items[0].text: [[platelet cells]] links to a term that no definition list defines"]
        );
    }

    #[test]
    fn two_terms_a_link_cannot_tell_apart_are_an_error() {
        let twice = GLOSSARY.replace(
            "items = [{ term = \"Platelets\"",
            "items = [{ term = \"PLATELETS!\", definition = \"Again.\", source = { doc = \"PI\" } }, { term = \"Platelets\"",
        );
        assert_eq!(
            errors_of(&(MINIMAL.to_owned() + &twice)),
            ["sections[0].blocks[2].items[1].term: \"Platelets\" is defined twice (or looks like another term to a link)"]
        );
        let no_ascii = GLOSSARY.replace("term = \"Platelets\"", "term = \"血小板\"");
        assert_eq!(
            errors_of(&(MINIMAL.to_owned() + &no_ascii)),
            ["sections[0].blocks[2].items[0].term: needs a letter or digit (A-Z, 0-9): links name a term by them"]
        );
    }

    #[test]
    fn a_megabyte_of_host_text_is_cut_in_the_message() {
        let huge = "A".repeat(1_000_000);
        let errors = errors_after("id = \"example\"", &format!("id = \"{huge}\""));
        assert_eq!(errors.len(), 1);
        assert!(errors[0].starts_with("meta.id: \"AAAA"), "{}", &errors[0][..40]);
        assert!(errors[0].len() < MESSAGE_CHARS + 20, "{} bytes", errors[0].len());
    }

    #[test]
    fn the_leaflets_own_ids_are_reserved() {
        for reserved in RESERVED_SECTION_IDS {
            assert_eq!(
                errors_after("id = \"side-effects\"", &format!("id = \"{reserved}\"")),
                [format!(
                    "sections[0].id: \"{reserved}\" is the leaflet's own id (reserved: sources, urgent, key-facts); choose another"
                )]
            );
        }
    }

    #[test]
    fn added_text_says_when_it_was_compiled() {
        assert_eq!(
            errors_after(ADDITIONS, ""),
            ["meta.additions: the leaflet adds 2 text(s) beyond \"seed\": say when they were compiled ([meta.additions] compiled = \"YYYY-MM-DD\")"]
        );
        // Without added text there is nothing to date.
        let only_the_base_text = MINIMAL
            .replacen(ADDITIONS, "", 1)
            .replace("doc = \"PI\"", "doc = \"seed\"");
        assert_eq!(errors_of(&only_the_base_text), Vec::<String>::new());
    }

    #[test]
    fn a_sign_off_names_added_texts_by_place_each_once() {
        // Any day: a sign-off of a text stays good while the text is unchanged.
        for date in ["2026-11-01", "2026-12-01"] {
            assert_eq!(
                errors_after(ADDITIONS, &reviewed(date, &ADDED)),
                Vec::<String>::new(),
                "{date}"
            );
        }
        let twice = format!(
            "{}{}",
            reviewed("2026-12-01", &ADDED[..1]),
            reviewed("2026-12-02", &ADDED[..1]).replacen(ADDITIONS, "", 1)
        );
        assert_eq!(
            errors_after(ADDITIONS, &twice),
            ["meta.additions.reviews[1].texts[0]: \"summary[0].items[0].text\" is signed off twice"]
        );
        // The base text's own paragraph is not an added text; a made-up place is none.
        assert_eq!(
            errors_after(
                ADDITIONS,
                &reviewed("2026-12-01", &["sections[0].blocks[1].text", "sections[9].lead"])
            ),
            [
                "meta.additions.reviews[0].texts[0]: \"sections[0].blocks[1].text\" is not the place of an added text",
                "meta.additions.reviews[0].texts[1]: \"sections[9].lead\" is not the place of an added text",
            ]
        );
    }

    #[test]
    fn a_jurisdiction_is_a_country_or_region_code_and_a_hosts_may_be_left_out() {
        assert_eq!(errors_after("jurisdiction = \"US\"\n", ""), Vec::<String>::new());
        assert_eq!(
            errors_after("jurisdiction = \"US\"", "jurisdiction = \"USA\""),
            ["meta.jurisdiction: \"USA\" is not a country or region code: use two capital letters (ISO 3166-1, such as US or GB) or EU"]
        );
    }

    #[test]
    fn a_review_names_who_reviewed_and_their_role() {
        let unnamed = reviewed("2026-12-01", &ADDED)
            .replace("\"A. Pharmacist\"", "\" \"")
            .replace("\"Clinical pharmacist\"", "\"\"");
        assert_eq!(
            errors_after(ADDITIONS, &unnamed),
            [
                "meta.additions.reviews[0].name: must not be empty",
                "meta.additions.reviews[0].role: must not be empty",
            ]
        );
    }

    #[test]
    fn names_headings_and_texts_are_not_empty() {
        assert_eq!(
            errors_after("title = \"Example\"", "title = \" \""),
            ["meta.title: must not be empty"]
        );
        assert_eq!(
            errors_after("title = \"Seed\"", "title = \"\""),
            ["sources[0].title: must not be empty"]
        );
        assert_eq!(
            errors_after("heading = \"Side effects\"", "heading = \"\""),
            ["sections[0].heading: must not be empty"]
        );
        assert_eq!(
            errors_after("heading = \"Get medical help\"", "heading = \"\""),
            ["summary[0].heading: must not be empty"]
        );
        assert_eq!(
            errors_after("text = \"Headache.\"", "text = \"  \""),
            ["sections[0].blocks[0].items[0].text: must not be empty"]
        );
        assert_eq!(
            errors_of(&(MINIMAL.to_owned() + &GLOSSARY.replace("term = \"Platelets\"", "term = \"\""))),
            ["sections[0].blocks[2].items[0].term: must not be empty"]
        );
    }

    #[test]
    fn sections_lists_and_definitions_are_not_empty() {
        assert_eq!(
            errors_with(|monograph| monograph.sections = IArray::default()),
            ["sections: a monograph needs at least one section"]
        );
        let (head, _) = MINIMAL
            .split_once("[[sections.blocks]]")
            .expect("the fixture's blocks");
        assert_eq!(
            errors_of(&format!("{head}blocks = []\n")),
            ["sections[0].blocks: section \"Side effects\" is empty"]
        );
        assert_eq!(
            errors_after(SIDE_EFFECT_ITEMS, "items = []"),
            ["sections[0].blocks[0].items: list is empty"]
        );
        assert_eq!(
            errors_of(&(MINIMAL.to_owned() + "\n[[sections.blocks]]\nkind = \"definitions\"\nitems = []\n")),
            ["sections[0].blocks[2].items: list of definitions is empty"]
        );
    }

    #[test]
    fn the_language_is_a_language_tag() {
        assert!(errors_after("language = \"en\"", "language = \"es-419\"").is_empty());
        assert_eq!(
            errors_after("language = \"en\"", "language = \"en\\\" onload=\\\"x\""),
            ["meta.language: \"en\\\" onload=\\\"x\" is not a language tag (letters, digits and hyphens, such as en or es-419)"]
        );
    }

    #[test]
    fn a_url_is_no_field_of_a_monograph_so_no_link_can_come_from_one() {
        // Links are made by the leaflet only (tel: from phone numbers, # to
        // glossary terms): a `url` in a file is refused by name.
        let text = MINIMAL.replacen(
            "based_on = \"seed\"",
            "based_on = \"seed\"\nurl = \"javascript:alert(1)\"",
            1,
        );
        let error = toml::from_str::<Monograph>(&text).expect_err("an unknown field");
        assert!(error.to_string().contains("unknown field `url`"), "{error}");
    }

    #[test]
    fn unknown_fields_are_errors_by_name() {
        // model.rs denies unknown fields: a typo does not pass silently.
        let error = toml::from_str::<Monograph>(&MINIMAL.replacen("heading =", "headline =", 1))
            .expect_err("an unknown field");
        assert!(error.to_string().contains("unknown field `headline`"), "{error}");
    }

    #[test]
    fn long_added_sentences_are_warnings_not_errors() {
        let long = "Headache happened in many of the people who took part in the studies of this medicine, more often than in the people who did not take it at all.";
        let monograph = parse(&MINIMAL.replacen("Headache.", long, 1));
        assert_eq!(lines(&validate(&monograph).errors), Vec::<String>::new());
        assert_eq!(
            lines(&long_sentences(&monograph)),
            [format!(
                "sections[0].blocks[0].items[0].text: added sentence has 29 words (over 25): {long:?}"
            )]
        );
        // Text from the base document is the reviewed original: not measured.
        let long_base_text = MINIMAL.replacen("Ask your doctor about other side effects.", long, 1);
        assert_eq!(
            lines(&long_sentences(&parse(&long_base_text))),
            Vec::<String>::new()
        );
    }

    #[test]
    fn report_lines_name_the_file_then_errors_then_warnings() {
        let report = Report {
            errors: vec![Problem {
                path: "meta.id".into(),
                message: "wrong".into(),
            }],
            warnings: vec![Problem {
                path: "sections[0].heading".into(),
                message: "long".into(),
            }],
        };
        assert_eq!(
            report.lines("monographs/x.toml"),
            [
                "monographs/x.toml: error: meta.id: wrong",
                "monographs/x.toml: warning: sections[0].heading: long",
            ]
        );
    }

    #[test]
    fn sentences_end_at_a_stop_followed_by_a_space_or_the_end() {
        let found: Vec<&str> = sentences(" Take 0.5 mL. Is it cold? Yes!Keep it ").collect();
        assert_eq!(found, ["Take 0.5 mL.", "Is it cold?", "Yes!Keep it"]);
    }
}
