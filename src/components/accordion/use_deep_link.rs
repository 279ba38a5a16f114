use yew::prelude::*;

use super::state::{Accordion, AccordionAction};
use super::AccordionControls;
use crate::hooks::after_render;
use crate::hooks::EventListener;
use crate::monograph::markup::preview;

/// Opens and scrolls to the section named by the host page's URL fragment
/// (`#dosing`), on load and on every `hashchange`. A fragment cannot reach into
/// a shadow root by itself, so the leaflet follows it.
#[hook]
pub fn use_deep_link(accordion: UseReducerDispatcher<Accordion>, controls: AccordionControls) {
    use_effect_with((), move |_| {
        let follow = move || {
            let Some(window) = web_sys::window() else {
                return;
            };
            let hash = window.location().hash().unwrap_or_default();
            let id = hash.trim_start_matches('#');
            let Some(section) = controls.section_element(id) else {
                note_foreign_fragment(&window, id);
                return;
            };
            accordion.dispatch(AccordionAction::Open(AttrValue::from(id.to_owned())));
            // Scroll once the opened section has rendered.
            after_render(move || section.scroll_into_view());
        };
        follow();
        let listener =
            web_sys::window().map(|window| EventListener::new(&window, "hashchange", move |_| follow()));
        move || drop(listener)
    });
}

/// A fragment that names neither a section nor anything on the host page
/// (a mistyped or forged link) is ignored, with a note saying so; the host's
/// own anchors pass without one.
fn note_foreign_fragment(window: &web_sys::Window, fragment: &str) {
    if fragment.is_empty() {
        return;
    }
    let decoded = js_sys::decode_uri_component(fragment)
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(|| fragment.to_owned());
    let on_host_page = window
        .document()
        .is_some_and(|document| document.get_element_by_id(&decoded).is_some());
    if !on_host_page {
        crate::console::info(
            &[
                "the URL fragment \"#",
                &preview(fragment, 60),
                "\" names no section of this leaflet; it is ignored.",
            ]
            .concat(),
        );
    }
}
