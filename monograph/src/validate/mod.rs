//! The rules a monograph must meet before it is shown to a patient. The same code
//! runs in `build.rs` (bundled files), in `cargo xtask check-content` and on a
//! monograph a host page passes in at run time.
//!
//! One file per area, in the order `validate` reports them; the shared parts
//! (`report`, `forms`, `texts`) depend on no rule, and no rule on this driver.

mod additions;
mod blocks;
mod forms;
mod meta;
mod report;
mod revisions;
mod sections;
mod sources;
mod style;
mod summary;
mod terms;
mod texts;

#[cfg(test)]
pub(crate) mod tests;

pub use blocks::KEY_FACTS;
pub use forms::{is_jurisdiction, is_language_tag, is_slug};
pub use report::Report;
pub use style::{long_sentences, sentences, LONG_SENTENCE_WORDS};
pub use texts::{
    added_sources, added_texts, all_blocks, for_each_text, sourced_texts, AddedText, Field, SourcedText,
};

pub use crate::problem::{Problem, MESSAGE_CHARS};

use crate::model::Monograph;
use additions::check_additions;
use blocks::BlockChecker;
use meta::check_meta;
use revisions::check_revisions;
use sections::check_sections;
use sources::{announcement_ids, check_sources};
use summary::check_summary;
use terms::check_terms;

/// Every rule broken by `monograph`, area by area: meta, sources, terms, the
/// summary, the sections, the additions, the revisions (the order messages
/// are shown in).
pub fn validate(monograph: &Monograph) -> Report {
    let mut report = Report::default();
    check_meta(&mut report, &monograph.meta);
    let declared = check_sources(&mut report, monograph);
    let terms = check_terms(&mut report, monograph);
    let announcements = announcement_ids(&monograph.sources);
    let mut checker = BlockChecker::new(&declared, &monograph.meta.based_on, &terms, &announcements);
    check_summary(&mut report, &mut checker, &monograph.summary);
    check_sections(&mut report, &mut checker, &monograph.sections);
    check_additions(&mut report, monograph, checker.added);
    check_revisions(&mut report, &monograph.revisions, &monograph.sections);
    report
}
