use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement, MouseEvent};
use yew::prelude::*;

use super::state::{Accordion, AccordionAction};
use super::AccordionControls;
use crate::hooks::EventListener;
use crate::hooks::{after_render, element_by_id};

/// A `[[term]]` link goes to the term's definition: its section opens, the
/// definition scrolls into view and takes focus, so a keyboard or screen reader
/// user lands on it. The "Updated since you last read" line's links go to a
/// section's button the same way. A fragment link cannot reach into the shadow root by itself,
/// and following it would change the host page's URL.
#[hook]
pub fn use_term_links(
    accordion: UseReducerDispatcher<Accordion>,
    content: NodeRef,
    controls: AccordionControls,
) {
    use_effect_with((), move |_| {
        let listener = content.cast::<Element>().map(|root| {
            let content = root.clone();
            EventListener::new(&root, "click", move |event: Event| {
                // Ctrl-, Shift- or Cmd-click keeps the browser's own meaning.
                let modified = event
                    .dyn_ref::<MouseEvent>()
                    .is_some_and(|e| e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key());
                if modified {
                    return;
                }
                let link = event
                    .target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .and_then(|e| e.closest("a").ok().flatten());
                // A link to a fragment: a term's definition in this leaflet.
                let id = link.and_then(|l| l.get_attribute("href"));
                let id = id.as_deref().and_then(|href| href.strip_prefix('#'));
                let definition = id.and_then(|id| element_by_id(&content, id));
                let Some(definition) = definition else {
                    return;
                };
                event.prevent_default();
                if let Some(section) = controls.section_holding(&definition) {
                    accordion.dispatch(AccordionAction::Open(section));
                }
                after_render(move || {
                    definition.scroll_into_view();
                    if let Some(definition) = definition.dyn_ref::<HtmlElement>() {
                        let _ = definition.focus();
                    }
                });
            })
        });
        move || drop(listener)
    });
}
