//! The host door seen from the leaflet: a host's value (the `monograph`
//! property, a drug's data file) goes to the door (door/), which answers with
//! the validated monograph or its problems as `monograph::bytes`. In dist/
//! the door is a WASM module of its own, which src/element.js loads the first
//! time a page needs it; with the `linked-door` feature (the browser tests)
//! it is linked in and called in place. Either way its answer is read from
//! the same bytes.

use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use crate::monograph::bytes::{self, Parsed};
use crate::monograph::validate::Problem;

/// Whether the door is a module of its own, loaded on first use.
pub const SEPARATE: bool = cfg!(not(feature = "linked-door"));

#[cfg(not(feature = "linked-door"))]
#[wasm_bindgen(module = "/src/element.js")]
extern "C" {
    /// The door's bytes for `value`, why there are none (a string), or
    /// undefined while the door loads (element.js shows `value` again then).
    /// Caught: whatever goes wrong there is the door's, not this instance's.
    #[wasm_bindgen(catch, js_name = doorParse)]
    fn door_parse(host: &HtmlElement, value: &JsValue) -> Result<JsValue, JsValue>;
}

/// What the door says of `value`; `None` while it loads.
#[cfg(not(feature = "linked-door"))]
pub fn parse(host: &HtmlElement, value: &JsValue) -> Option<Parsed> {
    let answer = door_parse(host, value).unwrap_or_else(|error| {
        crate::console::error_with("the host door failed:", &error);
        JsValue::from("the host door failed on this value")
    });
    if let Some(why) = answer.as_string() {
        return Some(Err(vec![problem(why)]));
    }
    let bytes = answer.dyn_into::<js_sys::Uint8Array>().ok()?;
    Some(read(&bytes.to_vec()))
}

/// What the door says of `value`.
#[cfg(feature = "linked-door")]
pub fn parse(_host: &HtmlElement, value: &JsValue) -> Option<Parsed> {
    Some(read(&drug_leaflet_door::parse(value.clone())))
}

fn read(answer: &[u8]) -> Parsed {
    bytes::decode(answer).unwrap_or_else(|| {
        Err(vec![problem(
            "the host door's answer could not be read (is drug-leaflet-door_bg.wasm from another build of the widget?)"
                .into(),
        )])
    })
}

fn problem(message: String) -> Problem {
    Problem {
        path: "monograph".into(),
        message,
    }
}
