use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::prelude::*;

use super::event_listener::EventListener;
use crate::state::{Accordion, AccordionAction};

/// Opens and scrolls to the section named by the host page's URL fragment
/// (`#dosing`), on load and on every `hashchange`. A fragment cannot reach into
/// a shadow root by itself, so the leaflet follows it.
#[hook]
pub fn use_deep_link(
    section_ids: Rc<[AttrValue]>,
    accordion: UseReducerDispatcher<Accordion>,
    content: NodeRef,
) {
    use_effect_with((), move |_| {
        let follow = move || {
            let Some(window) = web_sys::window() else {
                return;
            };
            let hash = window.location().hash().unwrap_or_default();
            let id = hash.trim_start_matches('#').to_owned();
            let Some(index) = section_ids.iter().position(|s| *s == id) else {
                return;
            };
            accordion.dispatch(AccordionAction::Open(index));
            // Scroll once the opened section has rendered.
            let content = content.clone();
            let scroll = Closure::once_into_js(move || {
                let section = content.cast::<Element>().and_then(|c| {
                    c.query_selector(&format!("[data-section-id=\"{id}\"]"))
                        .ok()
                        .flatten()
                });
                if let Some(section) = section {
                    section.scroll_into_view();
                }
            });
            // A failed timer only loses the scroll; the section is open either way.
            let _ = window.set_timeout_with_callback(scroll.unchecked_ref());
        };
        follow();
        let listener =
            web_sys::window().map(|window| EventListener::new(&window, "hashchange", move |_| follow()));
        move || drop(listener)
    });
}
