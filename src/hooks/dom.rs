//! Small DOM helpers the hooks share.

use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::AttrValue;

/// The accordion index of the section that holds `element`.
pub fn section_index(element: &Element, section_ids: &[AttrValue]) -> Option<usize> {
    let id = element
        .closest("[data-section-id]")
        .ok()
        .flatten()?
        .get_attribute("data-section-id")?;
    section_ids.iter().position(|s| *s == id)
}

/// Runs `then` once the render a dispatch started has reached the page.
pub fn after_render(then: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = Closure::once_into_js(then);
    // A failed timer only loses the follow-up (a scroll, a focus move).
    let _ = window.set_timeout_with_callback(callback.unchecked_ref());
}
