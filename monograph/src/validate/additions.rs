//! The rules for `[meta.additions]`: texts beyond the base document say when
//! they were compiled, and each sign-off names who, when and which texts.

use std::collections::HashSet;

use super::report::Report;
use super::texts::added_texts;
use crate::markup::quoted;
use crate::model::{Monograph, Review};

/// `added`: how many texts cite another source than the base document.
pub(super) fn check_additions(report: &mut Report, monograph: &Monograph, added: usize) {
    let meta = &monograph.meta;
    match &meta.additions {
        None if added > 0 => report.error(
            "meta.additions",
            format!(
                "the leaflet adds {} text(s) beyond {}: say when they were compiled ([meta.additions] compiled = \"YYYY-MM-DD\")",
                added,
                quoted(&meta.based_on)
            ),
        ),
        None => {}
        Some(additions) => {
            report.day("meta.additions.compiled", &additions.compiled);
            check_reviews(report, monograph, &additions.reviews);
        }
    }
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
