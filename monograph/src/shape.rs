//! The shape a host's monograph must have, as data, and a walk that says where
//! a value breaks it and how, in plain words: `sections[2].heading: expected
//! text, found a number`. It runs before serde reads a host's object: serde's
//! errors carry no path (a path-tracking deserializer costs the WASM several
//! KB), and serde-wasm-bindgen ignores fields a struct does not have, so
//! unknown fields are caught here.

use crate::markup::{preview, quoted};
use crate::problem::{Problem, MESSAGE_CHARS};

/// What a value is, as a reader of the error would name it.
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    /// The field is absent (`undefined`).
    Nothing,
    Null,
    Bool,
    Number,
    Text(String),
    /// Text with an unpaired UTF-16 surrogate at this index (JS strings can
    /// hold one; Rust text cannot, so it would turn into U+FFFD unseen).
    BrokenText {
        index: usize,
        unit: u16,
    },
    /// A list of this many elements.
    List(usize),
    Object,
    /// A function, a symbol or anything else that is not data.
    Other,
    /// Reading the value threw (a getter or a Proxy trap).
    Unreadable,
}

impl Found {
    fn describe(&self) -> String {
        match self {
            Found::Nothing => "nothing".into(),
            Found::Null => "null".into(),
            Found::Bool => "true or false".into(),
            Found::Number => "a number".into(),
            Found::Text(text) => format!("the text {}", quoted(&preview(text, 40))),
            Found::BrokenText { .. } => "text with a broken character".into(),
            Found::List(_) => "a list".into(),
            Found::Object => "an object".into(),
            Found::Other => "a function or another value that is not data".into(),
            Found::Unreadable => "a value that cannot be read".into(),
        }
    }
}

/// A value to walk: a JS value in the browser, JSON in tests.
pub trait Node: Sized {
    fn found(&self) -> Found;
    /// The field `name` of an object; `None` when it is absent.
    fn field(&self, name: &str) -> Option<Self>;
    /// The names of an object's own fields.
    fn keys(&self) -> Vec<String>;
    /// The elements of a list (`locate` asks only when there are at most
    /// `MAX_LIST` of them).
    fn items(&self) -> Vec<Self>;
}

pub enum Shape {
    Text,
    Bool,
    /// Text that is one of these names.
    OneOf(&'static [&'static str]),
    List(&'static Shape),
    Object(&'static [Field]),
}

pub struct Field {
    pub name: &'static str,
    pub shape: &'static Shape,
    pub presence: Presence,
}

/// Whether a field may be left out, and whether `null` counts as left out.
#[derive(Clone, Copy, PartialEq)]
pub enum Presence {
    Required,
    /// An `Option`: absent or `null` is none.
    Optional,
    /// A `#[serde(default)]` value: it may be absent, but `null` is not one.
    Defaulted,
}

const fn required(name: &'static str, shape: &'static Shape) -> Field {
    Field {
        name,
        shape,
        presence: Presence::Required,
    }
}

const fn optional(name: &'static str, shape: &'static Shape) -> Field {
    Field {
        name,
        shape,
        presence: Presence::Optional,
    }
}

const fn defaulted(name: &'static str, shape: &'static Shape) -> Field {
    Field {
        name,
        shape,
        presence: Presence::Defaulted,
    }
}

/// `model::SourceKind` as written.
pub const SOURCE_KINDS: &[&str] = &[
    "consumer-monograph",
    "label",
    "package-leaflet",
    "safety-update",
    "professional-letter",
    "announcement",
    "editorial",
    "patient-information",
];
/// `model::Rights` as written.
pub const RIGHTS: &[&str] = &[
    "public-domain",
    "reuse-with-acknowledgement",
    "ogl-3",
    "permission-required",
    "own",
    "unknown",
];
/// `model::Block`'s kinds as written.
pub const BLOCK_KINDS: &[&str] = &[
    "paragraph",
    "list",
    "note",
    "figure",
    "definitions",
    "key_facts",
    "urgent",
    "subheading",
];

/// The most elements a list may have (sections, blocks, items, sources): a
/// leaflet with more could not be read by anyone, and would take seconds to
/// render, so a host gets a message instead.
pub const MAX_LIST: usize = 1_000;

const TEXT: Shape = Shape::Text;
const SOURCE_REF: Shape = Shape::Object(&[required("doc", &TEXT), optional("section", &TEXT)]);
/// A list item or a definition: which fields a block kind takes is serde's to say.
const ITEM: Shape = Shape::Object(&[
    optional("text", &TEXT),
    optional("term", &TEXT),
    optional("definition", &TEXT),
    optional("source", &SOURCE_REF),
]);
const BLOCK: Shape = Shape::Object(&[
    required("kind", &Shape::OneOf(BLOCK_KINDS)),
    optional("text", &TEXT),
    optional("lead", &TEXT),
    optional("heading", &TEXT),
    optional("source", &SOURCE_REF),
    optional("items", &Shape::List(&ITEM)),
]);
const SECTION: Shape = Shape::Object(&[
    required("id", &TEXT),
    required("heading", &TEXT),
    required("blocks", &Shape::List(&BLOCK)),
]);
const SOURCE: Shape = Shape::Object(&[
    required("id", &TEXT),
    required("title", &TEXT),
    optional("publisher", &TEXT),
    optional("revised", &TEXT),
    optional("kind", &Shape::OneOf(SOURCE_KINDS)),
    optional("note", &TEXT),
    optional("short_name", &TEXT),
    optional("rights", &Shape::OneOf(RIGHTS)),
    optional("attribution", &TEXT),
]);
const REVIEW: Shape = Shape::Object(&[
    required("name", &TEXT),
    required("role", &TEXT),
    optional("registration", &TEXT),
    required("date", &TEXT),
    required("texts", &Shape::List(&TEXT)),
]);
const ADDITIONS: Shape = Shape::Object(&[
    required("compiled", &TEXT),
    defaulted("reviews", &Shape::List(&REVIEW)),
]);
const META: Shape = Shape::Object(&[
    required("id", &TEXT),
    required("title", &TEXT),
    required("language", &TEXT),
    optional("pronunciation", &TEXT),
    required("generic_name", &TEXT),
    required("brand_name", &TEXT),
    required("dosage_form", &TEXT),
    optional("drug_class", &TEXT),
    required("reviewed_by", &TEXT),
    required("last_updated", &TEXT),
    required("based_on", &TEXT),
    optional("jurisdiction", &TEXT),
    defaulted("example", &Shape::Bool),
    optional("additions", &ADDITIONS),
]);
const REVISION: Shape = Shape::Object(&[
    required("date", &TEXT),
    required("summary", &TEXT),
    required("sections", &Shape::List(&TEXT)),
]);
/// `model::Monograph`: the contract test in this file holds the two together.
pub const MONOGRAPH: Shape = Shape::Object(&[
    required("meta", &META),
    required("sources", &Shape::List(&SOURCE)),
    defaulted("summary", &Shape::List(&BLOCK)),
    required("sections", &Shape::List(&SECTION)),
    defaulted("revisions", &Shape::List(&REVISION)),
]);

/// The first place where `value` breaks `shape`, or `None` where the shape
/// holds (a problem serde found is then about the meaning, e.g. a block kind
/// without its fields).
pub fn locate<N: Node>(value: &N, shape: &Shape, path: &str) -> Option<Problem> {
    let found = value.found();
    let problem = |message: String| problem_at(path, message);
    match (shape, &found) {
        (_, Found::Unreadable) => {
            return problem(
                "could not be read: reading it threw an error (a getter or a Proxy that throws)".into(),
            )
        }
        (Shape::Text | Shape::OneOf(_), Found::BrokenText { index, unit }) => {
            return problem(format!(
                "the text contains a broken character (a lone surrogate, U+{unit:04X}) at index {index}"
            ))
        }
        (Shape::List(_), Found::List(count)) if *count > MAX_LIST => {
            return problem(format!(
                "a list of {count} entries; a leaflet takes at most {MAX_LIST} here"
            ))
        }
        _ => {}
    }
    match shape {
        Shape::Text => match found {
            Found::Text(_) => None,
            other => problem(format!("expected text, found {}", other.describe())),
        },
        Shape::Bool => match found {
            Found::Bool => None,
            other => problem(format!("expected true or false, found {}", other.describe())),
        },
        Shape::OneOf(names) => match found {
            Found::Text(ref text) if names.contains(&text.as_str()) => None,
            text @ Found::Text(_) => {
                problem(format!("{} is not one of: {}", text.describe(), names.join(", ")))
            }
            other => problem(format!(
                "expected one of: {}; found {}",
                names.join(", "),
                other.describe()
            )),
        },
        Shape::List(element) => match found {
            Found::List(_) => value
                .items()
                .iter()
                .enumerate()
                .find_map(|(i, item)| locate(item, element, &format!("{path}[{i}]"))),
            other => problem(format!("expected a list, found {}", other.describe())),
        },
        Shape::Object(fields) => match found {
            Found::Object => locate_in_object(value, fields, path),
            other => problem(format!("expected an object, found {}", other.describe())),
        },
    }
}

/// The first unknown field of an object, or else the first of its `fields`
/// that is missing or breaks its shape.
fn locate_in_object<N: Node>(value: &N, fields: &[Field], path: &str) -> Option<Problem> {
    let known: Vec<&str> = fields.iter().map(|f| f.name).collect();
    if let Some(unknown) = value.keys().into_iter().find(|k| !known.contains(&k.as_str())) {
        return problem_at(
            path,
            format!(
                "unknown field \"{unknown}\"; the fields here are {}",
                known.join(", ")
            ),
        );
    }
    fields.iter().find_map(|field| {
        let path = if path.is_empty() {
            field.name.to_owned()
        } else {
            format!("{path}.{}", field.name)
        };
        match value.field(field.name) {
            None if field.presence != Presence::Required => None,
            // serde reads a null `Option` as none.
            Some(v) if field.presence == Presence::Optional && v.found() == Found::Null => None,
            None => Some(Problem {
                path,
                message: "is required but missing".into(),
            }),
            Some(v) => locate(&v, field.shape, &path),
        }
    })
}

fn problem_at(path: &str, message: String) -> Option<Problem> {
    Some(Problem {
        path: path.to_owned(),
        // An unknown field's name is the host's text, of any length.
        message: preview(&message, MESSAGE_CHARS),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    /// A monograph with every optional field filled in, as serde writes it.
    fn full_monograph() -> Value {
        json!({
            "meta": {
                "id": "x", "title": "X", "language": "en", "pronunciation": "ex",
                "generic_name": "x", "brand_name": "X", "dosage_form": "tablet", "drug_class": "c",
                "reviewed_by": "R", "last_updated": "2025-05-20", "based_on": "seed", "jurisdiction": "US", "example": true,
                "additions": { "compiled": "2026-11-27", "reviews": [{ "name": "N", "role": "R", "registration": "G",
                    "date": "2026-12-01", "texts": ["summary[0].items[0].text"] }] }
            },
            "sources": [{ "id": "seed", "title": "S", "publisher": "P", "revised": "2025", "kind": "label", "note": "n",
                "short_name": "the page", "rights": "ogl-3", "attribution": "A" }],
            "summary": [{ "kind": "urgent", "heading": "H", "lead": "L:", "source": { "doc": "seed", "section": "1" },
                          "items": [{ "text": "T.", "source": { "doc": "seed", "section": "2" } }] }],
            "sections": [{ "id": "s", "heading": "S", "blocks": [
                { "kind": "paragraph", "text": "T." },
                { "kind": "definitions", "items": [{ "term": "A", "definition": "B.", "source": { "doc": "seed" } }] }
            ] }],
            "revisions": [{ "date": "2026-12-06", "summary": "Reworded.", "sections": ["s"] }]
        })
    }

    #[test]
    fn the_shape_matches_the_model() {
        let value = full_monograph();
        // serde reads it (so every field here is one the model has) ...
        let monograph: crate::model::Monograph =
            serde_json::from_value(value.clone()).expect("the model reads it");
        // ... and the walk finds nothing wrong with it or with what serde writes back.
        assert_eq!(locate(&&value, &MONOGRAPH, ""), None);
        let written = serde_json::to_value(&monograph).expect("serialisable");
        assert_eq!(locate(&&written, &MONOGRAPH, ""), None, "{written}");
        // Every kind name the shape allows is one serde reads.
        for kind in SOURCE_KINDS {
            let source = json!({ "id": "a", "title": "b", "kind": kind });
            assert!(
                serde_json::from_value::<crate::model::Source>(source).is_ok(),
                "{kind}"
            );
        }
        for rights in RIGHTS {
            let source = json!({ "id": "a", "title": "b", "rights": rights });
            assert!(
                serde_json::from_value::<crate::model::Source>(source).is_ok(),
                "{rights}"
            );
        }
        for kind in BLOCK_KINDS {
            let result = serde_json::from_value::<crate::model::Block>(json!({ "kind": kind }));
            let message = result.err().map(|e| e.to_string()).unwrap_or_default();
            assert!(!message.contains("unknown variant"), "{kind}: {message}");
        }
    }

    #[test]
    fn every_field_of_the_shape_is_one_the_model_reads() {
        // An object shape with a field the model lacks would accept what serde
        // refuses: each field must appear somewhere in the full monograph, which
        // serde reads.
        fn walk<'s>(shape: &'s Shape, value: &Value, seen: &mut Vec<(&'s Field, bool)>) {
            match (shape, value) {
                (Shape::Object(fields), Value::Object(object)) => {
                    for field in fields.iter() {
                        let present = object.contains_key(field.name);
                        seen.push((field, present));
                        if let Some(child) = object.get(field.name) {
                            walk(field.shape, child, seen);
                        }
                    }
                }
                (Shape::List(element), Value::Array(items)) => {
                    items.iter().for_each(|item| walk(element, item, seen));
                }
                _ => {}
            }
        }
        let mut value = full_monograph();
        value["sections"][0]["blocks"]
            .as_array_mut()
            .expect("blocks")
            .push(json!({ "kind": "list", "lead": "L:", "items": [{ "text": "T.", "source": { "doc": "seed" } }] }));
        serde_json::from_value::<crate::model::Monograph>(value.clone()).expect("the model reads it");
        let mut seen = Vec::new();
        walk(&MONOGRAPH, &value, &mut seen);
        let missing: Vec<&str> = seen
            .iter()
            .filter(|(field, _)| {
                !seen
                    .iter()
                    .any(|(f, present)| std::ptr::eq(*f, *field) && *present)
            })
            .map(|(field, _)| field.name)
            .collect();
        assert!(
            missing.is_empty(),
            "fields of the shape the full monograph never has: {missing:?}"
        );
    }

    fn problem_after(change: impl FnOnce(&mut Value)) -> String {
        let mut value = full_monograph();
        change(&mut value);
        locate(&&value, &MONOGRAPH, "")
            .map(|p| p.to_string())
            .unwrap_or_default()
    }

    #[test]
    fn names_the_place_and_what_was_expected_in_plain_words() {
        assert_eq!(
            problem_after(|v| v["sections"][0]["heading"] = json!(42)),
            "sections[0].heading: expected text, found a number"
        );
        assert_eq!(
            problem_after(|v| v["sections"] = json!("nope")),
            "sections: expected a list, found the text \"nope\""
        );
        assert_eq!(
            problem_after(|v| v["meta"]["title"] = Value::Null),
            "meta.title: expected text, found null"
        );
        assert_eq!(
            problem_after(|v| {
                v["meta"].as_object_mut().map(|m| m.remove("title"));
            }),
            "meta.title: is required but missing"
        );
        assert_eq!(
            problem_after(|v| v["sections"][0]["headline"] = json!("H")),
            "sections[0]: unknown field \"headline\"; the fields here are id, heading, blocks"
        );
        assert_eq!(
            problem_after(|v| v["sections"][0]["blocks"][0]["kind"] = json!("paragraf")),
            "sections[0].blocks[0].kind: the text \"paragraf\" is not one of: paragraph, list, note, figure, definitions, key_facts, urgent, subheading"
        );
        assert_eq!(
            problem_after(|v| v["summary"][0]["source"] = json!([1])),
            "summary[0].source: expected an object, found a list"
        );
        let long = "x".repeat(100);
        assert_eq!(
            problem_after(|v| v["sources"][0]["kind"] = json!(long)),
            format!(
                "sources[0].kind: the text \"{}...\" is not one of: {}",
                "x".repeat(40),
                SOURCE_KINDS.join(", ")
            )
        );
        assert_eq!(
            locate(&&json!(7), &MONOGRAPH, "monograph").map(|p| p.to_string()),
            Some("monograph: expected an object, found a number".to_owned())
        );
        // Optional fields may be absent or null, as serde reads them; a
        // defaulted list may be absent but not null.
        assert_eq!(problem_after(|v| v["meta"]["pronunciation"] = Value::Null), "");
        assert_eq!(
            problem_after(|v| v["summary"] = Value::Null),
            "summary: expected a list, found null"
        );
        assert_eq!(
            problem_after(|v| {
                v.as_object_mut().map(|m| m.remove("summary"));
            }),
            ""
        );
    }

    #[test]
    fn a_list_longer_than_a_leaflet_takes_is_refused_before_its_elements_are_read() {
        let section = full_monograph()["sections"][0].clone();
        let many = |count: usize| Value::Array((0..count).map(|_| section.clone()).collect());
        assert_eq!(problem_after(|v| v["sections"] = many(MAX_LIST)), "");
        assert_eq!(
            problem_after(|v| v["sections"] = many(10_000)),
            "sections: a list of 10000 entries; a leaflet takes at most 1000 here"
        );
        // The count is checked first: a bad element beyond it is not what is reported.
        assert_eq!(
            problem_after(|v| {
                v["sections"] = many(MAX_LIST + 1);
                v["sections"][5] = json!(1);
            }),
            "sections: a list of 1001 entries; a leaflet takes at most 1000 here"
        );
    }
}
