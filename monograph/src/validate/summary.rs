//! The rules for `[[summary]]`: its blocks, one urgent box always in view, at
//! most one key facts block.

use super::blocks::{BlockChecker, Place};
use super::report::Report;
use crate::model::Block;

pub(super) fn check_summary(report: &mut Report, checker: &mut BlockChecker, summary: &[Block]) {
    checker.blocks(report, "summary", summary, Place::Summary);
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
}
