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
    pub reviewed_by: IString,
    /// ISO 8601 date (`YYYY-MM-DD`).
    pub last_updated: IString,
    /// Id of the source that prose without a `source` comes from.
    pub based_on: IString,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Short id used in `source = { doc = "..." }` and shown in markers, e.g. `PI`.
    pub id: IString,
    pub title: IString,
    pub publisher: Option<IString>,
    /// ISO 8601 date of the document's revision (`YYYY-MM-DD` or `YYYY-MM`).
    pub revised: Option<IString>,
    pub note: Option<IString>,
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
    /// Term and definition pairs: ingredients, a glossary.
    Definitions { items: IArray<Definition> },
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
impl ImplicitClone for Source {}
impl ImplicitClone for SourceRef {}
impl ImplicitClone for Section {}
impl ImplicitClone for Block {}
impl ImplicitClone for Item {}
impl ImplicitClone for Definition {}
