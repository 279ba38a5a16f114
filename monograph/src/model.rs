//! The shape of a monograph: what a pharmacist writes in `monographs/<drug>.toml`,
//! what `build.rs` turns into constants and what a host may pass as a JS object.
//!
//! Text and lists are `IString`/`IArray`, so the bundled monographs are plain
//! `&'static` data (no parsing at run time) while a host's monograph is
//! reference counted; both clone in O(1) into yew props.

use implicit_clone::unsync::{IArray, IString};
use implicit_clone::ImplicitClone;
use serde::{Deserialize, Serialize};

use crate::shape;

/// Id of the "Sources" section the leaflet adds after the monograph's own.
pub const SOURCES_SECTION_ID: &str = "sources";

/// Ids the leaflet uses itself: a section may not take them (the Sources
/// section; the summary boxes' headings are `<kind>-heading`, as a section's
/// heading is `<id>-heading`).
pub const RESERVED_SECTION_IDS: [&str; 3] = [SOURCES_SECTION_ID, "urgent", "key-facts"];

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
    /// What changed when, oldest first: the leaflet marks the sections changed
    /// since a reader's last visit (`last-read`).
    #[serde(default, skip_serializing_if = "IArray::is_empty")]
    pub revisions: IArray<Revision>,
}

/// One dated change to the leaflet's content.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Revision {
    /// ISO 8601 date (`YYYY-MM-DD`) of the change.
    pub date: IString,
    /// What changed, in the editors' plain words.
    pub summary: IString,
    /// The ids of the sections it changed.
    pub sections: IArray<IString>,
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
    /// Absent when the source does not say (an imported leaflet without a
    /// classification): the header then leaves the line out.
    pub drug_class: Option<IString>,
    /// Who reviewed the base document (`based_on`): its review covers only its own text.
    pub reviewed_by: IString,
    /// ISO 8601 date (`YYYY-MM-DD`) of the base document.
    pub last_updated: IString,
    /// Id of the source that prose without a `source` comes from.
    pub based_on: IString,
    /// The country or region the leaflet is written for: an ISO 3166-1 code
    /// (`US`, `GB`) or `EU`. Schedules and reporting lines differ between them.
    /// Required by the rules; optional here so a leaflet without it gets that
    /// message rather than serde's.
    pub jurisdiction: Option<IString>,
    /// Made-up data for tests and demos: shown with a "not a real medicine" banner.
    #[serde(default, skip_serializing_if = "is_false")]
    pub example: bool,
    /// The content added beyond the base document: required when there is any.
    pub additions: Option<Additions>,
}

/// When the added content was compiled from its sources, and who signed off
/// which of its texts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Additions {
    /// ISO 8601 date (`YYYY-MM-DD`) of the last change to the added content.
    pub compiled: IString,
    /// Pharmacists' sign-offs, each naming the added texts it covers by place
    /// (`summary[1].items[0].text`). A file's come from `<id>.review.toml`
    /// (`cargo xtask review --sign`), which keeps them by content hash, so a
    /// text edited after its sign-off is unreviewed again.
    #[serde(default)]
    pub reviews: IArray<Review>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub name: IString,
    /// e.g. "Clinical pharmacist".
    pub role: IString,
    /// A professional registration number, where the reviewer gives one.
    pub registration: Option<IString>,
    /// ISO 8601 date (`YYYY-MM-DD`) of the sign-off.
    pub date: IString,
    /// The places of the added texts signed off.
    pub texts: IArray<IString>,
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
    /// The plain name a reader sees in "Where this comes from" lines, e.g.
    /// "US prescribing information"; the id when absent.
    pub short_name: Option<IString>,
    /// What a publisher of the leaflet may do with this source's text;
    /// unknown when absent.
    pub rights: Option<Rights>,
    /// The acknowledgement the rights ask for, e.g. "© European Medicines Agency".
    pub attribution: Option<IString>,
}

/// Reuse rights of a source's text, for whoever publishes the leaflet. Read
/// and written by its name in `shape::RIGHTS`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "IString", into = "&'static str")]
pub enum Rights {
    /// A US government work (FDA labels).
    PublicDomain,
    /// May be reused if the source is acknowledged (EMA documents).
    ReuseWithAcknowledgement,
    /// The UK Open Government Licence v3.0 (MHRA).
    Ogl3,
    /// The publisher's written permission is needed (commercial text).
    PermissionRequired,
    /// The leaflet's own editors wrote it.
    Own,
    Unknown,
}

impl Rights {
    /// In the order of `shape::RIGHTS`.
    pub(crate) const ALL: [Rights; 6] = [
        Rights::PublicDomain,
        Rights::ReuseWithAcknowledgement,
        Rights::Ogl3,
        Rights::PermissionRequired,
        Rights::Own,
        Rights::Unknown,
    ];

    /// Whether a hospital must clear this source before publishing text from it.
    pub fn needs_clearance(rights: Option<Rights>) -> bool {
        matches!(rights, None | Some(Rights::PermissionRequired | Rights::Unknown))
    }
}

impl SourceKind {
    /// In the order of `shape::SOURCE_KINDS`.
    pub(crate) const ALL: [SourceKind; 8] = [
        SourceKind::ConsumerMonograph,
        SourceKind::Label,
        SourceKind::PackageLeaflet,
        SourceKind::SafetyUpdate,
        SourceKind::ProfessionalLetter,
        SourceKind::Announcement,
        SourceKind::Editorial,
        SourceKind::PatientInformation,
    ];
}

/// A value of a fieldless enum from its name in `names` (the shape's table, in
/// the enum's order), with serde's wording for an unknown one.
fn by_name<T: Copy>(name: &str, names: &[&str], all: &[T]) -> Result<T, String> {
    match names.iter().position(|n| *n == name) {
        Some(at) => Ok(all[at]),
        None => Err(format!(
            "unknown variant `{name}`, expected one of {}",
            names.join(", ")
        )),
    }
}

/// Reading and writing a fieldless enum by its name in a shape table.
macro_rules! named_by {
    ($kind:ident, $names:path) => {
        impl TryFrom<IString> for $kind {
            type Error = String;

            fn try_from(name: IString) -> Result<$kind, String> {
                by_name(&name, $names, &$kind::ALL)
            }
        }

        impl From<$kind> for &'static str {
            fn from(value: $kind) -> &'static str {
                $names[value as usize]
            }
        }
    };
}

named_by!(Rights, shape::RIGHTS);
named_by!(SourceKind, shape::SOURCE_KINDS);

/// What kind of document a source is, shown in the sources list so a reader can
/// weigh it. A company announcement may back at most one fact. Read and written
/// by its name in `shape::SOURCE_KINDS` (a derived enum visitor costs the WASM
/// about 2 KB).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "IString", into = "&'static str")]
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
    /// A health charity's or health service's page for patients.
    PatientInformation,
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
#[serde(tag = "kind", rename_all = "snake_case", try_from = "BlockFields")]
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
    /// An image of the source, as its text alternative (`text`): an imported
    /// label's figure, shown as a "Picture: …" line so that a step that points
    /// to it never points to nothing.
    Figure {
        text: IString,
        source: Option<SourceRef>,
    },
    /// Term and definition pairs: ingredients, a glossary. Added text links to
    /// a term with `[[shown words|Term]]` or `[[Term]]`.
    Definitions { items: IArray<Definition> },
    /// A heading inside a section, one level below the section's: the nested
    /// sections of an imported leaflet. Only in sections, never last.
    Subheading { heading: IString },
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

fn is_false(value: &bool) -> bool {
    !value
}

/// Every field of every block kind, read in one pass and then checked against
/// the kind. Deserialising `Block` as an internally tagged enum would buffer each
/// block in serde's `Content` first, which costs the WASM bytes and time.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BlockFields {
    kind: BlockKind,
    text: Option<IString>,
    lead: Option<IString>,
    heading: Option<IString>,
    source: Option<SourceRef>,
    items: Option<Vec<ItemFields>>,
}

#[derive(Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
enum BlockKind {
    Paragraph,
    List,
    Note,
    Figure,
    Definitions,
    KeyFacts,
    Urgent,
    Subheading,
}

/// A list item or a definition, before the block's kind says which.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ItemFields {
    text: Option<IString>,
    term: Option<IString>,
    definition: Option<IString>,
    source: Option<SourceRef>,
}

impl Block {
    /// The block's `kind`, as a file or a host page names it.
    pub fn kind(&self) -> &'static str {
        match self {
            Block::Paragraph { .. } => BlockKind::Paragraph,
            Block::List { .. } => BlockKind::List,
            Block::Note { .. } => BlockKind::Note,
            Block::Figure { .. } => BlockKind::Figure,
            Block::Definitions { .. } => BlockKind::Definitions,
            Block::KeyFacts { .. } => BlockKind::KeyFacts,
            Block::Urgent { .. } => BlockKind::Urgent,
            Block::Subheading { .. } => BlockKind::Subheading,
        }
        .name()
    }
}

impl BlockKind {
    fn name(self) -> &'static str {
        match self {
            BlockKind::Paragraph => "paragraph",
            BlockKind::List => "list",
            BlockKind::Note => "note",
            BlockKind::Figure => "figure",
            BlockKind::Definitions => "definitions",
            BlockKind::KeyFacts => "key_facts",
            BlockKind::Urgent => "urgent",
            BlockKind::Subheading => "subheading",
        }
    }

    /// The fields a block of this kind takes besides `kind`.
    fn fields(self) -> &'static [&'static str] {
        match self {
            BlockKind::Paragraph | BlockKind::Note | BlockKind::Figure => &["text", "source"],
            BlockKind::List => &["lead", "source", "items"],
            BlockKind::Definitions => &["items"],
            BlockKind::KeyFacts => &["heading", "items"],
            BlockKind::Urgent => &["heading", "lead", "source", "items"],
            BlockKind::Subheading => &["heading"],
        }
    }
}

/// The error for a block of kind `name` without `field`.
fn missing_field(field: &str, name: &str) -> String {
    format!("missing field `{field}` (the {name} block needs it)")
}

/// The items of the block of kind `name` as facts: each a `text` with its source.
fn facts(items: Option<Vec<ItemFields>>, name: &str) -> Result<IArray<Item>, String> {
    let items = items.ok_or_else(|| missing_field("items", name))?;
    let facts = items.into_iter().map(|item| match item {
        ItemFields {
            text: Some(text),
            term: None,
            definition: None,
            source,
        } => Ok(Item { text, source }),
        ItemFields { text: None, .. } => Err(format!("missing field `text` in an item of the {name} block")),
        _ => Err(format!("the {name} block's items have only `text` and `source`")),
    });
    facts.collect::<Result<Vec<_>, _>>().map(IArray::from)
}

/// The items of a definitions block: each a `term` and its `definition`.
fn definitions(items: Option<Vec<ItemFields>>) -> Result<IArray<Definition>, String> {
    let items = items.ok_or_else(|| missing_field("items", "definitions"))?;
    let definitions = items.into_iter().map(|item| match item {
        ItemFields {
            text: None,
            term: Some(term),
            definition: Some(definition),
            source,
        } => Ok(Definition {
            term,
            definition,
            source,
        }),
        ItemFields { text: Some(_), .. } => {
            Err("a definition has `term` and `definition`, not `text`".to_owned())
        }
        ItemFields { term: None, .. } => Err("missing field `term` in a definition".to_owned()),
        _ => Err("missing field `definition` in a definition".to_owned()),
    });
    definitions.collect::<Result<Vec<_>, _>>().map(IArray::from)
}

impl TryFrom<BlockFields> for Block {
    type Error = String;

    fn try_from(fields: BlockFields) -> Result<Block, String> {
        let BlockFields {
            kind,
            text,
            lead,
            heading,
            source,
            items,
        } = fields;
        let name = kind.name();
        let allowed = kind.fields();
        let present = [
            ("text", text.is_some()),
            ("lead", lead.is_some()),
            ("heading", heading.is_some()),
            ("source", source.is_some()),
            ("items", items.is_some()),
        ];
        if let Some((field, _)) = present.iter().find(|(f, there)| *there && !allowed.contains(f)) {
            return Err(format!("unknown field `{field}` (the {name} block has none)"));
        }
        let missing = |field: &str| missing_field(field, name);
        Ok(match kind {
            BlockKind::Paragraph => Block::Paragraph {
                text: text.ok_or_else(|| missing("text"))?,
                source,
            },
            BlockKind::Note => Block::Note {
                text: text.ok_or_else(|| missing("text"))?,
                source,
            },
            BlockKind::Figure => Block::Figure {
                text: text.ok_or_else(|| missing("text"))?,
                source,
            },
            BlockKind::List => Block::List {
                lead,
                source,
                items: facts(items, name)?,
            },
            BlockKind::KeyFacts => Block::KeyFacts {
                heading: heading.ok_or_else(|| missing("heading"))?,
                items: facts(items, name)?,
            },
            BlockKind::Urgent => Block::Urgent {
                heading: heading.ok_or_else(|| missing("heading"))?,
                lead,
                source,
                items: facts(items, name)?,
            },
            BlockKind::Subheading => Block::Subheading {
                heading: heading.ok_or_else(|| missing("heading"))?,
            },
            BlockKind::Definitions => Block::Definitions {
                items: definitions(items)?,
            },
        })
    }
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
impl ImplicitClone for Rights {}
impl ImplicitClone for Source {}
impl ImplicitClone for SourceRef {}
impl ImplicitClone for Section {}
impl ImplicitClone for Revision {}
impl ImplicitClone for Block {}
impl ImplicitClone for Item {}
impl ImplicitClone for Definition {}

/// Calls `$write!` with every model type and its fields, each listed once:
/// build.rs writes the bundled monographs as Rust constants from it, and
/// `bytes` the host door's answer. The writers destructure every field with
/// no `..` and match every variant, so a field or block kind added to the
/// model fails to build until it is listed here.
#[macro_export]
macro_rules! model_types {
    ($write:ident) => {
        $write! {
            struct Monograph { meta, sources, summary, sections, revisions }
            struct Revision { date, summary, sections }
            struct Meta {
                id, title, language, pronunciation, generic_name, brand_name, dosage_form, drug_class,
                reviewed_by, last_updated, based_on, jurisdiction, example, additions,
            }
            struct Additions { compiled, reviews }
            struct Review { name, role, registration, date, texts }
            struct Source { id, title, publisher, revised, kind, note, short_name, rights, attribution }
            struct SourceRef { doc, section }
            struct Section { id, heading, blocks }
            struct Item { text, source }
            struct Definition { term, definition, source }
            enum Block {
                Paragraph { text, source },
                Note { text, source },
                Figure { text, source },
                List { lead, source, items },
                Definitions { items },
                Subheading { heading },
                KeyFacts { heading, items },
                Urgent { heading, lead, source, items },
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The block `fields` (TOML inline table contents) as read, or serde's message.
    fn block(fields: &str) -> Result<Block, String> {
        #[derive(Deserialize)]
        struct Holder {
            block: Block,
        }
        toml::from_str::<Holder>(&format!("block = {{ {fields} }}"))
            .map(|h| h.block)
            .map_err(|e| e.message().to_owned())
    }

    #[test]
    fn each_kind_reads_its_own_fields() {
        assert_eq!(
            block(r#"kind = "paragraph", text = "Hi.""#),
            Ok(Block::Paragraph {
                text: IString::from("Hi."),
                source: None
            })
        );
        let urgent = block(r#"kind = "urgent", heading = "Get help", items = [{ text = "Fever." }]"#);
        assert!(
            matches!(urgent, Ok(Block::Urgent { ref items, .. }) if items.len() == 1),
            "{urgent:?}"
        );
        assert_eq!(
            block(r#"kind = "subheading", heading = "Pregnancy""#),
            Ok(Block::Subheading {
                heading: IString::from("Pregnancy")
            })
        );
        assert_eq!(
            block(r#"kind = "figure", text = "The pen's cap pulled off""#),
            Ok(Block::Figure {
                text: IString::from("The pen's cap pulled off"),
                source: None
            })
        );
        assert_eq!(
            block(r#"kind = "figure", heading = "Step 1""#),
            Err("unknown field `heading` (the figure block has none)".to_owned())
        );
        let glossary = block(r#"kind = "definitions", items = [{ term = "A", definition = "B." }]"#);
        assert!(
            matches!(glossary, Ok(Block::Definitions { ref items }) if items[0].term == "A"),
            "{glossary:?}"
        );
    }

    #[test]
    fn a_field_of_another_kind_or_a_missing_one_is_named() {
        assert_eq!(
            block(r#"kind = "paragraph", text = "Hi.", items = []"#),
            Err("unknown field `items` (the paragraph block has none)".to_owned())
        );
        assert_eq!(
            block(r#"kind = "urgent", items = []"#),
            Err("missing field `heading` (the urgent block needs it)".to_owned())
        );
        assert_eq!(
            block(r#"kind = "list", items = [{ term = "A", definition = "B." }]"#),
            Err("missing field `text` in an item of the list block".to_owned())
        );
        assert_eq!(
            block(r#"kind = "definitions", items = [{ text = "A." }]"#),
            Err("a definition has `term` and `definition`, not `text`".to_owned())
        );
        let unknown = block(r#"kind = "paragraf", text = "Hi.""#).expect_err("unknown kind");
        assert!(unknown.contains("unknown variant `paragraf`"), "{unknown}");
        let typo = block(r#"kind = "paragraph", txt = "Hi.""#).expect_err("unknown field");
        assert!(typo.contains("unknown field `txt`"), "{typo}");
    }
}
