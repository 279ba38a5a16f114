//! Small DOM helpers the hooks share.

use wasm_bindgen::prelude::*;
use web_sys::Element;

#[wasm_bindgen]
extern "C" {
    /// The DOM's mixin of documents and shadow roots (`getElementById`): one
    /// import for both, where web-sys has one a type.
    type NonElementParentNode;

    #[wasm_bindgen(method, catch, js_name = getElementById)]
    fn get_element_by_id(this: &NonElementParentNode, id: &str) -> Result<Option<Element>, JsValue>;
}

/// The element with id `id` in the document or shadow root that holds
/// `within`, if `within` holds it: looked up by id, so a value from a URL or
/// a link is never read as a CSS selector.
pub fn element_by_id(within: &Element, id: &str) -> Option<Element> {
    // A connected element's root is its document or shadow root; a detached
    // one's is an element, which throws here and finds nothing.
    let root = within.get_root_node().unchecked_into::<NonElementParentNode>();
    let found = root.get_element_by_id(id).ok()??;
    within.contains(Some(&found)).then_some(found)
}

/// Runs `then` once the render a dispatch started has reached the page.
pub fn after_render(then: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    // A failed timer only loses the follow-up (a scroll, a focus move).
    let _ = window.set_timeout_with_callback(&once(Box::new(then)));
}

/// Runs `then` at the start of the next frame, after the page has painted
/// what is already written.
pub fn next_frame(then: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    // A refused frame callback leaves the follow-up undone, as for `after_render`.
    let _ = window.request_animation_frame(&once(Box::new(then)));
}

/// A function the browser calls once, then frees: one closure type for every
/// caller, so wasm-bindgen writes its glue once.
fn once(then: Box<dyn FnOnce()>) -> js_sys::Function {
    Closure::once_into_js(then).unchecked_into()
}

/// The window's height in CSS pixels: an element whose top is at or below it
/// is out of sight unless the reader scrolls.
pub fn window_height() -> Option<f64> {
    web_sys::window()?.inner_height().ok()?.as_f64()
}
