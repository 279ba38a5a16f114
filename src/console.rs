//! The leaflet's console lines, each prefixed `drug-leaflet: `, through
//! bindings that catch: on a page whose `console.warn` throws (a logging shim,
//! a test harness), a warning must not become an exception out of the WASM,
//! which the crash guard would take for a crash of every leaflet.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = console, js_name = info)]
    fn console_info(message: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_namespace = console, js_name = warn)]
    fn console_warn(message: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_namespace = console, js_name = error)]
    fn console_error(message: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_namespace = console, js_name = error)]
    fn console_error_with(message: &str, value: &JsValue) -> Result<(), JsValue>;
}

pub fn info(message: &str) {
    let _ = console_info(&prefixed(message));
}

pub fn warn(message: &str) {
    let _ = console_warn(&prefixed(message));
}

pub fn error(message: &str) {
    let _ = console_error(&prefixed(message));
}

/// `message`, then `value` as the console shows it (an exception, say).
pub fn error_with(message: &str, value: &JsValue) {
    let _ = console_error_with(&prefixed(message), value);
}

fn prefixed(message: &str) -> String {
    ["drug-leaflet: ", message].concat()
}
