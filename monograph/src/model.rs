//! The shape of a monograph: what a pharmacist writes in `monographs/<drug>.toml`,
//! what `build.rs` turns into constants and what a host may pass as a JS object.
//!
//! Text and lists are `IString`/`IArray`, so the bundled monographs are plain
//! `&'static` data (no parsing at run time) while a host's monograph is
//! reference counted; both clone in O(1) into yew props.

use implicit_clone::unsync::{IArray, IString};
use implicit_clone::ImplicitClone;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Monograph {
    pub meta: Meta,
    /// Documents the content comes from; `meta.based_on` names one of them.
    pub sources: IArray<Source>,
    /// Blocks shown under the header and never collapsed: the key facts and the
    /// "get medical help" box (`urgent`), which a closed section would hide.
    #[serde(default)]
    pub summary: IArray<Block>,
    pub sections: IArray<Section>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// Slug that names the monograph, e.g. `nusinersen`.
    pub id: IString,
    pub title: IString,
    /// BCP 47 language tag of the content, e.g. `en`.
    pub language: IString,
    pub pronunciation: Option<IString>,
    pub generic_name: IString,
    pub brand_name: IString,
    pub dosage_form: IString,
    pub drug_class: IString,
    /// Who reviewed the base document (`based_on`): its review covers only its own text.
    pub reviewed_by: IString,
    /// ISO 8601 date (`YYYY-MM-DD`) of the base document.
    pub last_updated: IString,
    /// Id of the source that prose without a `source` comes from.
    pub based_on: IString,
    /// The content added beyond the base document: required when there is any.
    pub additions: Option<Additions>,
}

/// When the added content was compiled from its sources, and its review.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Additions {
    /// ISO 8601 date (`YYYY-MM-DD`) of the last change to the added content.
    pub compiled: IString,
    /// None until a pharmacist has reviewed the additions as compiled.
    pub review: Option<Review>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub name: IString,
    /// e.g. "Clinical pharmacist".
    pub role: IString,
    /// ISO 8601 date (`YYYY-MM-DD`), on or after `compiled`.
    pub date: IString,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Short id used in `source = { doc = "..." }` and shown in markers, e.g. `PI`.
    pub id: IString,
    pub title: IString,
    pub publisher: Option<IString>,
    /// ISO 8601 date of the document's revision (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub revised: Option<IString>,
    pub kind: Option<SourceKind>,
    pub note: Option<IString>,
}

/// What kind of document a source is, shown in the sources list so a reader can
/// weigh it. A company announcement may back at most one fact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// The base consumer text.
    ConsumerMonograph,
    /// Prescribing information (a regulator-approved label).
    Label,
    /// A regulator-approved package leaflet.
    PackageLeaflet,
    /// A regulator's safety communication.
    SafetyUpdate,
    /// A letter to healthcare professionals agreed with a regulator.
    ProfessionalLetter,
    /// A company announcement.
    Announcement,
    /// A note from the leaflet's editors, not a medical fact.
    Editorial,
}

/// Where an added fact comes from: a declared source and the part of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    pub doc: IString,
    pub section: Option<IString>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Slug, unique in the monograph; hosts link to it.
    pub id: IString,
    pub heading: IString,
    pub blocks: IArray<Block>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Block {
    Paragraph {
        text: IString,
        source: Option<SourceRef>,
    },
    /// A bulleted list, optionally introduced by a lead-in sentence.
    List {
        lead: Option<IString>,
        /// Source of the lead-in sentence, when it is not from `meta.based_on`.
        source: Option<SourceRef>,
        items: IArray<Item>,
    },
    /// Text set apart as a warning or caution.
    Note {
        text: IString,
        source: Option<SourceRef>,
    },
    /// Term and definition pairs: ingredients, a glossary. Added text links to
    /// a term with `[[shown words|Term]]` or `[[Term]]`.
    Definitions { items: IArray<Definition> },
    /// The few facts a patient needs first; only in `summary`.
    KeyFacts { heading: IString, items: IArray<Item> },
    /// The signs that need medical help now; only in `summary`, always visible.
    Urgent {
        heading: IString,
        lead: Option<IString>,
        source: Option<SourceRef>,
        items: IArray<Item>,
    },
}

/// A list item: a fact, so it always names its source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub text: IString,
    pub source: Option<SourceRef>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Definition {
    pub term: IString,
    pub definition: IString,
    pub source: Option<SourceRef>,
}

impl ImplicitClone for Monograph {}
impl ImplicitClone for Additions {}
impl ImplicitClone for Review {}
impl ImplicitClone for SourceKind {}
impl ImplicitClone for Source {}
impl ImplicitClone for SourceRef {}
impl ImplicitClone for Section {}
impl ImplicitClone for Block {}
impl ImplicitClone for Item {}
impl ImplicitClone for Definition {}
