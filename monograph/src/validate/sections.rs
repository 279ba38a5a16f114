//! The rules for `[[sections]]`: at least one, each with its own id, a
//! heading and blocks.

use std::collections::HashSet;

use super::blocks::{BlockChecker, Place};
use super::forms::is_slug;
use super::report::Report;
use crate::markup::quoted;
use crate::model::{Section, RESERVED_SECTION_IDS};

pub(super) fn check_sections(report: &mut Report, checker: &mut BlockChecker, sections: &[Section]) {
    let mut section_ids = HashSet::new();
    if sections.is_empty() {
        report.error("sections", "a monograph needs at least one section");
    }
    for (s, section) in sections.iter().enumerate() {
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
        checker.blocks(report, &format!("{path}.blocks"), &section.blocks, Place::Section);
    }
}
