//! A monograph passed in by the host page as a JS object: the door every host
//! value goes through. The value is read once into a `Snapshot` (only the
//! fields the shape has; a getter or Proxy trap that throws, a lone surrogate
//! and an overlong list are noted where they are), the snapshot is walked
//! against `monograph::shape` (serde-wasm-bindgen reads a struct's own fields
//! and ignores any others, so a misspelt field would pass unseen), serde reads
//! a plain copy of it (never the host's object, whose getters could throw
//! through the WASM), then the same rules as the bundled files apply.

use js_sys::{Array, JsString, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::monograph::model::{Block, Monograph};
use crate::monograph::shape::{locate, Found, Node, Shape, MAX_LIST, MONOGRAPH};
use crate::monograph::validate::{validate, Problem};

#[wasm_bindgen]
extern "C" {
    /// `Array.isArray`, which throws on a revoked Proxy.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
}

/// Reads, checks and validates a host's value: the `monograph` property's door.
pub fn parse(value: JsValue) -> Result<Monograph, Vec<Problem>> {
    let snapshot = Snapshot::read(&value, &MONOGRAPH);
    if let Some(problem) = locate(&&snapshot, &MONOGRAPH, "") {
        return Err(vec![at(problem.path, &problem.message)]);
    }
    let monograph: Monograph = serde_wasm_bindgen::from_value(snapshot.to_js())
        .map_err(|error| vec![place(&snapshot, &error.to_string())])?;
    let report = validate(&monograph);
    if report.errors.is_empty() {
        Ok(monograph)
    } else {
        Err(report.errors)
    }
}

/// A problem at `path` (the whole monograph when empty).
fn at(path: String, message: &str) -> Problem {
    Problem {
        path: if path.is_empty() { "monograph".into() } else { path },
        // serde-wasm-bindgen's message is a JS Error's text: "Error: ...".
        message: message.trim_start_matches("Error: ").to_owned(),
    }
}

/// Where serde's `message` applies to a value of the right shape: the block
/// whose kind lacks or has a field, else the whole monograph.
fn place(value: &Snapshot, message: &str) -> Problem {
    let value = &value;
    let sections = value.field("sections").map(|s| s.items()).unwrap_or_default();
    let block_lists = std::iter::once(("summary".to_owned(), value.field("summary"))).chain(
        sections
            .iter()
            .enumerate()
            .map(|(i, section)| (format!("sections[{i}].blocks"), section.field("blocks"))),
    );
    for (list, blocks) in block_lists {
        let blocks = blocks.map(|b| b.items()).unwrap_or_default();
        for (i, block) in blocks.into_iter().enumerate() {
            if let Err(error) = serde_wasm_bindgen::from_value::<Block>(block.to_js()) {
                return at(format!("{list}[{i}]"), &error.to_string());
            }
        }
    }
    at(String::new(), message)
}

/// A host value read once, as far as the shape reaches: what `locate` walks
/// and what serde reads (as a plain copy).
enum Snapshot {
    Nothing,
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    BrokenText {
        index: usize,
        unit: u16,
    },
    /// Elements are read only when there are at most `MAX_LIST`.
    List {
        count: usize,
        items: Vec<Snapshot>,
    },
    /// Every own field name; the values of the fields the shape knows.
    Object {
        keys: Vec<String>,
        fields: Vec<(&'static str, Snapshot)>,
    },
    Other,
    Unreadable,
}

impl Snapshot {
    fn read(value: &JsValue, shape: &Shape) -> Snapshot {
        if value.is_undefined() {
            Snapshot::Nothing
        } else if value.is_null() {
            Snapshot::Null
        } else if let Some(text) = value.as_string() {
            // Rust text cannot hold a lone surrogate: it came back as U+FFFD.
            match text.contains('\u{FFFD}').then(|| lone_surrogate(value)).flatten() {
                Some((index, unit)) => Snapshot::BrokenText { index, unit },
                None => Snapshot::Text(text),
            }
        } else if let Some(flag) = value.as_bool() {
            Snapshot::Bool(flag)
        } else if let Some(number) = value.as_f64() {
            Snapshot::Number(number)
        } else if value.is_function() || !value.is_object() {
            Snapshot::Other
        } else {
            match is_array(value) {
                Ok(true) => Snapshot::read_list(value, shape),
                Ok(false) => Snapshot::read_object(value, shape),
                Err(_) => Snapshot::Unreadable,
            }
        }
    }

    fn read_list(value: &JsValue, shape: &Shape) -> Snapshot {
        let Ok(length) = Reflect::get(value, &"length".into()) else {
            return Snapshot::Unreadable;
        };
        let count = length.as_f64().unwrap_or(0.0) as usize;
        let items = match shape {
            Shape::List(element) if count <= MAX_LIST => (0..count as u32)
                .map(|i| match Reflect::get_u32(value, i) {
                    Ok(item) => Snapshot::read(&item, element),
                    Err(_) => Snapshot::Unreadable,
                })
                .collect(),
            // A list where the shape has none is reported without its elements.
            _ => Vec::new(),
        };
        Snapshot::List { count, items }
    }

    fn read_object(value: &JsValue, shape: &Shape) -> Snapshot {
        // Reflect.ownKeys reports a throwing Proxy trap as an error, where
        // Object.keys would throw through the WASM; symbol keys are not fields.
        let Ok(keys) = Reflect::own_keys(value) else {
            return Snapshot::Unreadable;
        };
        let keys = keys.iter().filter_map(|k| k.as_string()).collect();
        let fields = match shape {
            Shape::Object(fields) => fields
                .iter()
                .map(|field| {
                    let read = match Reflect::get(value, &field.name.into()) {
                        Ok(child) => Snapshot::read(&child, field.shape),
                        Err(_) => Snapshot::Unreadable,
                    };
                    (field.name, read)
                })
                .collect(),
            // An object where the shape has none is reported without its fields.
            _ => Vec::new(),
        };
        Snapshot::Object { keys, fields }
    }

    /// A plain JS copy: objects and arrays made here, with no getters or traps.
    fn to_js(&self) -> JsValue {
        match self {
            Snapshot::Nothing => JsValue::UNDEFINED,
            Snapshot::Null => JsValue::NULL,
            Snapshot::Bool(flag) => JsValue::from_bool(*flag),
            Snapshot::Number(number) => JsValue::from_f64(*number),
            Snapshot::Text(text) => JsValue::from_str(text),
            Snapshot::List { items, .. } => items.iter().map(Snapshot::to_js).collect::<Array>().into(),
            Snapshot::Object { fields, .. } => {
                let object = Object::new();
                for (name, value) in fields.iter().filter(|(_, v)| !matches!(v, Snapshot::Nothing)) {
                    // Setting a field of a new plain object cannot fail.
                    let _ = Reflect::set(&object, &(*name).into(), &value.to_js());
                }
                object.into()
            }
            // `locate` refuses these before serde reads the copy.
            Snapshot::BrokenText { .. } | Snapshot::Other | Snapshot::Unreadable => JsValue::UNDEFINED,
        }
    }
}

/// The UTF-16 index and code unit of the first unpaired surrogate in `value`.
fn lone_surrogate(value: &JsValue) -> Option<(usize, u16)> {
    let text = value.dyn_ref::<JsString>()?;
    let mut index = 0;
    for decoded in char::decode_utf16(text.iter()) {
        match decoded {
            Ok(c) => index += c.len_utf16(),
            Err(error) => return Some((index, error.unpaired_surrogate())),
        }
    }
    None
}

impl<'a> Node for &'a Snapshot {
    fn found(&self) -> Found {
        match self {
            Snapshot::Nothing => Found::Nothing,
            Snapshot::Null => Found::Null,
            Snapshot::Bool(_) => Found::Bool,
            Snapshot::Number(_) => Found::Number,
            Snapshot::Text(text) => Found::Text(text.clone()),
            Snapshot::BrokenText { index, unit } => Found::BrokenText {
                index: *index,
                unit: *unit,
            },
            Snapshot::List { count, .. } => Found::List(*count),
            Snapshot::Object { .. } => Found::Object,
            Snapshot::Other => Found::Other,
            Snapshot::Unreadable => Found::Unreadable,
        }
    }

    fn field(&self, name: &str) -> Option<&'a Snapshot> {
        match self {
            Snapshot::Object { fields, .. } => fields
                .iter()
                .find(|(field, value)| *field == name && !matches!(value, Snapshot::Nothing))
                .map(|(_, value)| value),
            _ => None,
        }
    }

    fn keys(&self) -> Vec<String> {
        match self {
            Snapshot::Object { keys, .. } => keys.clone(),
            _ => Vec::new(),
        }
    }

    fn items(&self) -> Vec<&'a Snapshot> {
        match self {
            Snapshot::List { items, .. } => items.iter().collect(),
            _ => Vec::new(),
        }
    }
}
