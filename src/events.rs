//! The events `<drug-leaflet>` dispatches and their `detail` payloads, which
//! mirror the `Drug*Detail` types in `src/drug-leaflet.d.ts` (the contract test
//! holds the two together).

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

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

/// When reading aloud starts or stops: `{ sectionId, reading }` (`sectionId`
/// is `urgent` or `key-facts` for the summary's boxes). Fired by the shell
/// (`element.js`), which reads aloud.
pub const LISTEN: &str = "drug-leaflet-listen";

pub const ALL: [&str; 5] = [READY, TOGGLE, ERROR, SOURCES, LISTEN];

pub struct SourcesDetail {
    pub inline: bool,
}

pub struct ReadyDetail<'a> {
    pub drug: &'a str,
}

pub struct ToggleDetail<'a> {
    pub section_id: &'a str,
    pub expanded: bool,
}

pub struct ErrorDetail<'a> {
    pub problems: Problems<'a>,
    pub fatal: bool,
}

/// The problems of an error event, each `{ path, message }`.
pub struct Problems<'a>(pub &'a [Problem]);

/// A detail as a map of its fields, which serde-wasm-bindgen writes as a
/// plain object (`serialize_maps_as_objects`), as it would a struct; a
/// struct's field names go through a cache of JS strings that costs the
/// module about 0.4 KB brotli for these few objects.
macro_rules! serialize_as_map {
    ($($name:ty { $($field:ident: $key:literal),* })*) => {$(
        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(Some([$($key),*].len()))?;
                $(map.serialize_entry($key, &self.$field)?;)*
                map.end()
            }
        }
    )*};
}

serialize_as_map! {
    SourcesDetail { inline: "inline" }
    ReadyDetail<'_> { drug: "drug" }
    ToggleDetail<'_> { section_id: "sectionId", expanded: "expanded" }
    ErrorDetail<'_> { problems: "problems", fatal: "fatal" }
}

impl Serialize for Problems<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut list = serializer.serialize_seq(Some(self.0.len()))?;
        for problem in self.0 {
            list.serialize_element(&ProblemFields(problem))?;
        }
        list.end()
    }
}

struct ProblemFields<'a>(&'a Problem);

impl Serialize for ProblemFields<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("path", &self.0.path)?;
        map.serialize_entry("message", &self.0.message)?;
        map.end()
    }
}
