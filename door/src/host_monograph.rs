//! A monograph passed in by the host page as a JS object: the door every host
//! value goes through. The value is read once into a `Snapshot` (only the
//! fields the shape has; a getter or Proxy trap that throws, a lone surrogate
//! and an overlong list are noted where they are), the snapshot is walked
//! against `monograph::shape` (types, missing and unknown fields, by place),
//! serde reads the snapshot (never the host's object, whose getters could
//! throw through the WASM), then the same rules as the bundled files apply.

use js_sys::{JsString, Reflect};
use serde::de::value::{MapDeserializer, SeqDeserializer};
use serde::de::{self, Deserialize, IntoDeserializer, Visitor};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use monograph::model::{Block, Monograph};
use monograph::shape::{locate, Found, Node, Shape, MAX_LIST, MONOGRAPH};
use monograph::validate::{validate, Problem};

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
    let monograph =
        Monograph::deserialize(&snapshot).map_err(|error| vec![place(&snapshot, &error.to_string())])?;
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
        message: message.to_owned(),
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
            if let Err(error) = Block::deserialize(block) {
                return at(format!("{list}[{i}]"), &error.to_string());
            }
        }
    }
    at(String::new(), message)
}

/// A host value read once, as far as the shape reaches: what `locate` walks
/// and what serde reads.
enum Snapshot {
    Nothing,
    Null,
    Bool(bool),
    Number,
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
        } else if value.as_f64().is_some() {
            Snapshot::Number
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
            Snapshot::Number => Found::Number,
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

/// serde reads a monograph from the snapshot: the shape already holds, so
/// what serde can still refuse is a block kind without its fields.
impl<'de> de::Deserializer<'de> for &'de Snapshot {
    type Error = SerdeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SerdeError> {
        match self {
            Snapshot::Nothing | Snapshot::Null => visitor.visit_unit(),
            Snapshot::Bool(flag) => visitor.visit_bool(*flag),
            // No field of the model is a number: `locate` has refused one.
            Snapshot::Number => Err(not_data()),
            Snapshot::Text(text) => visitor.visit_str(text),
            Snapshot::List { items, .. } => visitor.visit_seq(SeqDeserializer::new(items.iter())),
            Snapshot::Object { fields, .. } => visitor.visit_map(MapDeserializer::new(
                fields
                    .iter()
                    .filter(|(_, value)| !matches!(value, Snapshot::Nothing))
                    .map(|(name, value)| (*name, value)),
            )),
            // `locate` refuses these before serde reads the snapshot.
            Snapshot::BrokenText { .. } | Snapshot::Other | Snapshot::Unreadable => Err(not_data()),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SerdeError> {
        match self {
            Snapshot::Nothing | Snapshot::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, SerdeError> {
        // By index, as `deserialize_struct` names fields (`locate` has refused
        // a kind that is not one of them).
        match self {
            Snapshot::Text(text) => match variants.iter().position(|v| *v == text) {
                Some(at) => visitor.visit_enum((at as u32).into_deserializer()),
                None => Err(not_data()),
            },
            _ => Err(not_data()),
        }
    }

    // Each reader below calls only the visitor method its type needs: serde's
    // derived visitors are large, and `deserialize_any` would compile every
    // one of them for every model type.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        names: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, SerdeError> {
        // Each field by its index in the model's own list: serde's derived
        // visitors read a field by index as well as by name, and reading by
        // index only leaves their string matching out of the WASM. `locate`
        // has refused any field the model lacks.
        match self {
            Snapshot::Object { fields, .. } => visitor.visit_map(MapDeserializer::new(
                fields
                    .iter()
                    .filter(|(_, value)| !matches!(value, Snapshot::Nothing))
                    .map(|(name, value)| {
                        let index = names
                            .iter()
                            .position(|n| n == name)
                            .map_or(u64::MAX, |i| i as u64);
                        (index, value)
                    }),
            )),
            _ => Err(not_data()),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SerdeError> {
        match self {
            Snapshot::List { items, .. } => visitor.visit_seq(SeqDeserializer::new(items.iter())),
            _ => Err(not_data()),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SerdeError> {
        match self {
            Snapshot::Text(text) => visitor.visit_str(text),
            _ => Err(not_data()),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SerdeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SerdeError> {
        match self {
            Snapshot::Bool(flag) => visitor.visit_bool(*flag),
            _ => Err(not_data()),
        }
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SerdeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SerdeError> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char bytes byte_buf
        unit unit_struct newtype_struct tuple tuple_struct map
    }
}

/// What serde found wrong with a snapshot the shape walk let through: a
/// block's kind without its fields, an unknown kind. Its messages never quote
/// the value itself (the walk has placed any wrong type already), so serde's
/// `Unexpected` and the float formatting it would pull into the WASM stay out.
#[derive(Debug)]
struct SerdeError(String);

impl std::fmt::Display for SerdeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SerdeError {}

impl de::Error for SerdeError {
    fn custom<T: std::fmt::Display>(message: T) -> Self {
        SerdeError(message.to_string())
    }

    fn invalid_type(_: de::Unexpected, expected: &dyn de::Expected) -> Self {
        SerdeError(format!("expected {expected}"))
    }

    fn invalid_value(_: de::Unexpected, expected: &dyn de::Expected) -> Self {
        SerdeError(format!("expected {expected}"))
    }
}

/// A value of another type than the model's: `locate` has refused it already.
fn not_data() -> SerdeError {
    de::Error::custom("a value of the wrong type")
}

impl<'de> IntoDeserializer<'de, SerdeError> for &'de Snapshot {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}
