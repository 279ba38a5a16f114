use wasm_bindgen::JsCast;
use web_sys::{Element, Event};
use yew::prelude::*;

use super::dom::section_id;
use super::event_listener::EventListener;
use crate::state::{Accordion, AccordionAction};

/// Closed panels are `hidden="until-found"`: the browser's find in page and
/// text fragments (`#:~:text=`) can match their text, reveal the panel and fire
/// `beforematch`, which bubbles here; the section is then marked open so its
/// button says so. Browsers without support hide the panel as plain `hidden`.
#[hook]
pub fn use_find_in_page(accordion: UseReducerDispatcher<Accordion>, content: NodeRef) {
    use_effect_with((), move |_| {
        let listener = content.cast::<Element>().map(|content| {
            EventListener::new(&content, "beforematch", move |event: Event| {
                let section = event
                    .target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .and_then(|e| section_id(&e));
                if let Some(section) = section {
                    accordion.dispatch(AccordionAction::Open(section));
                }
            })
        });
        move || drop(listener)
    });
}
