//! The rules for `[meta]`: what the leaflet is, in what language, and when it
//! was last updated.

use super::forms::{is_jurisdiction, is_language_tag, is_slug};
use super::report::Report;
use crate::markup::quoted;
use crate::model::Meta;

pub(super) fn check_meta(report: &mut Report, meta: &Meta) {
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
}
