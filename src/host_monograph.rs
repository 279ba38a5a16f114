//! A monograph passed in by the host page as a JS object: walked against
//! `monograph::shape` first (serde-wasm-bindgen reads a struct's own fields and
//! ignores any others, so a misspelt field would pass unseen), read by serde,
//! then held to the same rules as the bundled files.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::monograph::model::{Block, Monograph};
use crate::monograph::shape::{locate, Found, Node, MONOGRAPH};
use crate::monograph::validate::{validate, Problem};

pub fn parse(value: JsValue) -> Result<Monograph, Vec<Problem>> {
    let host_value = HostValue(value.clone());
    if let Some(problem) = locate(&host_value, &MONOGRAPH, "") {
        return Err(vec![at(problem.path, &problem.message)]);
    }
    let monograph: Monograph = serde_wasm_bindgen::from_value(value)
        .map_err(|error| vec![place(&host_value, &error.to_string())])?;
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
fn place(value: &HostValue, message: &str) -> Problem {
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
            if let Err(error) = serde_wasm_bindgen::from_value::<Block>(block.0) {
                return at(format!("{list}[{i}]"), &error.to_string());
            }
        }
    }
    at(String::new(), message)
}

/// A host page's value, walked as `shape` needs.
struct HostValue(JsValue);

impl Node for HostValue {
    fn found(&self) -> Found {
        let value = &self.0;
        if value.is_undefined() {
            Found::Nothing
        } else if value.is_null() {
            Found::Null
        } else if let Some(text) = value.as_string() {
            Found::Text(text)
        } else if value.as_bool().is_some() {
            Found::Bool
        } else if value.as_f64().is_some() {
            Found::Number
        } else if Array::is_array(value) {
            Found::List
        } else if value.is_object() && !value.is_function() {
            Found::Object
        } else {
            Found::Other
        }
    }

    fn field(&self, name: &str) -> Option<HostValue> {
        // A getter that throws reads as absent: serde already refused the value.
        Reflect::get(&self.0, &JsValue::from_str(name))
            .ok()
            .filter(|v| !v.is_undefined())
            .map(HostValue)
    }

    fn keys(&self) -> Vec<String> {
        // Reflect.ownKeys reports a throwing Proxy trap as an error, where
        // Object.keys would throw through the WASM; symbol keys are not fields.
        self.0
            .dyn_ref::<Object>()
            .and_then(|object| Reflect::own_keys(object).ok())
            .map(|keys| keys.iter().filter_map(|k| k.as_string()).collect())
            .unwrap_or_default()
    }

    fn items(&self) -> Vec<HostValue> {
        self.0
            .dyn_ref::<Array>()
            .map(|a| a.iter().map(HostValue).collect())
            .unwrap_or_default()
    }
}
