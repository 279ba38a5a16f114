use wasm_bindgen::JsCast;
use web_sys::{Element, Event, Node};
use yew::prelude::*;

use super::state::{Accordion, AccordionAction};
use super::AccordionControls;
use crate::hooks::EventListener;

/// Closed panels are `hidden="until-found"`: the browser's find in page and
/// text fragments (`#:~:text=`) can match their text, reveal the panel and fire
/// `beforematch`, which bubbles here; the section is then marked open so its
/// button says so. Browsers without support hide the panel as plain `hidden`.
#[hook]
pub fn use_find_in_page(
    accordion: UseReducerDispatcher<Accordion>,
    content: NodeRef,
    controls: AccordionControls,
) {
    use_effect_with((), move |_| {
        let listener = content.cast::<Element>().map(|content| {
            EventListener::new(&content, "beforematch", move |event: Event| {
                let section = event
                    .target()
                    // `beforematch` fires on the revealed panel, an element.
                    .map(|t| t.unchecked_into::<Node>())
                    .and_then(|node| controls.section_holding(&node));
                if let Some(section) = section {
                    accordion.dispatch(AccordionAction::Open(section));
                }
            })
        });
        move || drop(listener)
    });
}
