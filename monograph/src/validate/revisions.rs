//! The rules for `[[revisions]]`: each a full ISO 8601 date later than the one
//! before (oldest first, one entry a day), a summary, and the ids of sections
//! the monograph has, each once.

use std::collections::HashSet;

use super::report::Report;
use crate::date::IsoDate;
use crate::markup::quoted;
use crate::model::{Revision, Section};

pub(super) fn check_revisions(report: &mut Report, revisions: &[Revision], sections: &[Section]) {
    let mut previous: Option<IsoDate> = None;
    for (r, revision) in revisions.iter().enumerate() {
        let path = format!("revisions[{r}]");
        let date = report.day(&format!("{path}.date"), &revision.date);
        if let (Some(date), Some(before)) = (date, previous) {
            if date <= before {
                report.error(
                    format!("{path}.date"),
                    format!(
                        "{} is not after the revision before it ({}): list revisions oldest first, one a day",
                        quoted(&revision.date),
                        quoted(&revisions[r - 1].date)
                    ),
                );
            }
        }
        previous = date.or(previous);
        if revision.summary.trim().is_empty() {
            report.error(format!("{path}.summary"), "must not be empty");
        }
        if revision.sections.is_empty() {
            report.error(
                format!("{path}.sections"),
                "name the ids of the sections it changed",
            );
        }
        let mut named = HashSet::new();
        for (s, id) in revision.sections.iter().enumerate() {
            let place = format!("{path}.sections[{s}]");
            if !sections.iter().any(|section| section.id == *id) {
                report.error(place, format!("{} is not the id of a section", quoted(id)));
            } else if !named.insert(id.as_str()) {
                report.error(place, format!("{} is named twice", quoted(id)));
            }
        }
    }
}
