//! The rules for blocks, in the summary and in sections: texts not empty,
//! glossary links to defined terms, facts citing declared sources, each block
//! kind in its place.

use std::collections::{HashMap, HashSet};
use std::ops::RangeInclusive;

use super::report::Report;
use crate::markup::{quoted, runs, slug, Run};
use crate::model::{Block, Definition, Item, SourceRef};

/// How many one-line facts a key facts block holds.
pub const KEY_FACTS: RangeInclusive<usize> = 4..=6;

/// Where a block sits: key facts and the urgent box belong in the summary only.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Place {
    Summary,
    Section,
}

/// Checks blocks against what the rest of the monograph declares, and counts
/// the added texts as it goes (one walk for the summary and every section).
pub(super) struct BlockChecker<'a> {
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
    pub(super) added: usize,
}

impl<'a> BlockChecker<'a> {
    pub(super) fn new(
        declared: &'a HashSet<&'a str>,
        based_on: &'a str,
        terms: &'a HashSet<String>,
        announcements: &'a HashSet<&'a str>,
    ) -> Self {
        BlockChecker {
            declared,
            based_on,
            terms,
            announcements,
            announcement_cited: HashMap::new(),
            added: 0,
        }
    }

    pub(super) fn blocks(&mut self, report: &mut Report, path: &str, blocks: &[Block], place: Place) {
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
                Block::Definitions { items } => self.definitions(report, &path, items),
                Block::KeyFacts { heading, items } => self.key_facts(report, &path, place, heading, items),
                Block::Subheading { heading } => {
                    self.subheading(report, &path, place, heading, b + 1 == blocks.len());
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

    fn definitions(&mut self, report: &mut Report, path: &str, items: &[Definition]) {
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

    fn key_facts(&mut self, report: &mut Report, path: &str, place: Place, heading: &str, items: &[Item]) {
        self.summary_only(report, path, place, "key_facts");
        self.heading(report, path, heading);
        self.items(report, path, items);
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

    /// A subheading heads the blocks after it, within a section.
    fn subheading(&self, report: &mut Report, path: &str, place: Place, heading: &str, is_last: bool) {
        if place == Place::Summary {
            report.error(format!("{path}.kind"), "a subheading belongs in a section");
        }
        self.heading(report, path, heading);
        if place == Place::Section && is_last {
            report.error(
                format!("{path}.heading"),
                "a subheading ends the section: nothing follows it",
            );
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
