//! The rule for glossary terms: each names one definition a link can reach.

use std::collections::HashSet;

use super::report::Report;
use super::texts::all_blocks;
use crate::markup::{quoted, slug};
use crate::model::{Block, Monograph};

/// Checks the definition lists' terms and returns them by their slug: the id a
/// `[[...]]` link points to, so two terms with one slug would send a link to
/// the wrong definition.
pub(super) fn check_terms(report: &mut Report, monograph: &Monograph) -> HashSet<String> {
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
    terms
}
