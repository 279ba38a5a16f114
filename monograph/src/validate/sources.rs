//! The rules for `[[sources]]`: each declared once, with a title and a date,
//! and the base document among them.

use std::collections::HashSet;

use super::report::Report;
use crate::date::IsoDate;
use crate::markup::quoted;
use crate::model::{Monograph, Source, SourceKind};

/// Checks the sources and returns their declared ids, which citations must name.
pub(super) fn check_sources<'a>(report: &mut Report, monograph: &'a Monograph) -> HashSet<&'a str> {
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
    let based_on = &monograph.meta.based_on;
    if !source_ids.contains(based_on.as_str()) {
        report.error(
            "meta.based_on",
            format!("{} is not a declared source id", quoted(based_on)),
        );
    }
    source_ids
}

/// The ids of the sources of kind `announcement`.
pub(super) fn announcement_ids(sources: &[Source]) -> HashSet<&str> {
    sources
        .iter()
        .filter(|s| s.kind == Some(SourceKind::Announcement))
        .map(|s| s.id.as_str())
        .collect()
}
