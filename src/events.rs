//! The events `<drug-leaflet>` dispatches and their `detail` payloads, which
//! mirror the `Drug*Detail` types in `src/drug-leaflet.d.ts` (the contract test
//! holds the two together).

use serde::Serialize;

use crate::monograph::validate::Problem;

/// After a monograph is first shown: `{ drug }`.
pub const READY: &str = "drug-leaflet-ready";
/// Whenever a section opens or closes: `{ sectionId, expanded }`.
pub const TOGGLE: &str = "drug-leaflet-toggle";
/// When the element shows problems instead of a leaflet: `{ problems, fatal }`.
/// `fatal` is true when the WASM crashed (the JS shell, `src/element.js`, fires
/// those): every leaflet on the page then shows its fallback for good.
pub const ERROR: &str = "drug-leaflet-error";

/// When the reader shows or hides each line's source marker (the Sources
/// section's checkbox): `{ inline }`.
pub const SOURCES: &str = "drug-leaflet-sources";

pub const ALL: [&str; 4] = [READY, TOGGLE, ERROR, SOURCES];

#[derive(Serialize)]
pub struct SourcesDetail {
    pub inline: bool,
}

#[derive(Serialize)]
pub struct ReadyDetail<'a> {
    pub drug: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ToggleDetail<'a> {
    pub section_id: &'a str,
    pub expanded: bool,
}

#[derive(Serialize)]
pub struct ErrorDetail<'a> {
    pub problems: &'a [Problem],
    pub fatal: bool,
}
