//! Small DOM helpers the hooks share.

use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::AttrValue;

/// The id of the accordion section that holds `element`.
pub fn section_id(element: &Element) -> Option<AttrValue> {
    let section = element.closest("[data-section-id]").ok().flatten()?;
    section.get_attribute("data-section-id").map(AttrValue::from)
}

/// The section element with id `id` inside `content`, compared as text, so an
/// id from a URL is never read as a CSS selector.
pub fn section_element(content: &Element, id: &str) -> Option<Element> {
    let sections = content.query_selector_all("[data-section-id]").ok()?;
    (0..sections.length())
        .filter_map(|i| sections.item(i)?.dyn_into::<Element>().ok())
        .find(|section| section.get_attribute("data-section-id").as_deref() == Some(id))
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
