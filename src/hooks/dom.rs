//! Small DOM helpers the hooks share.

use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::AttrValue;

/// The id of the accordion section that holds `element`.
pub fn section_id(element: &Element) -> Option<AttrValue> {
    let section = element.closest("[data-section-id]").ok().flatten()?;
    section.get_attribute("data-section-id").map(AttrValue::from)
}

/// The element inside `content` whose attribute `name` is `value`, compared as
/// text, so a value from a URL or a link is never read as a CSS selector.
pub fn element_with(content: &Element, name: &str, value: &str) -> Option<Element> {
    let candidates = content.query_selector_all(&format!("[{name}]")).ok()?;
    (0..candidates.length())
        .filter_map(|i| candidates.item(i)?.dyn_into::<Element>().ok())
        .find(|element| element.get_attribute(name).as_deref() == Some(value))
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
