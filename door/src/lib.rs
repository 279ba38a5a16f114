//! The host door in a WASM module of its own: what a page hands the leaflet
//! (the `monograph` property, a drug's data file) goes in as a JS value and
//! comes out as `monograph::bytes`, the validated monograph or its problems.
//! A page that only shows the bundled drug never loads it: the shape walk,
//! serde's readers and the rules stay out of the module every page loads.

use wasm_bindgen::prelude::*;

pub mod host_monograph;

/// The door's answer for `value`, as bytes (`monograph::bytes::decode`).
#[wasm_bindgen]
pub fn parse(value: JsValue) -> Vec<u8> {
    monograph::bytes::encode(&host_monograph::parse(value))
}
