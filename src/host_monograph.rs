//! A monograph passed in by the host page as a JS object: deserialized with the
//! path of the first structural problem, then held to the same rules as the
//! bundled files.

use wasm_bindgen::JsValue;

use crate::monograph::model::Monograph;
use crate::monograph::validate::{validate, Problem};

pub fn parse(value: JsValue) -> Result<Monograph, Vec<Problem>> {
    let deserializer = serde_wasm_bindgen::Deserializer::from(value);
    let monograph: Monograph = serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let path = error.path().to_string();
        vec![Problem {
            path: if path == "." { "monograph".into() } else { path },
            // serde-wasm-bindgen's message is a JS Error's text: "Error: ...".
            message: error
                .into_inner()
                .to_string()
                .trim_start_matches("Error: ")
                .to_owned(),
        }]
    })?;
    let report = validate(&monograph);
    if report.errors.is_empty() {
        Ok(monograph)
    } else {
        Err(report.errors)
    }
}
