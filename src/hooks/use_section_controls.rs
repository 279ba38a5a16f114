use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement, HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use super::dom::section_id;
use super::event_listener::EventListener;
use crate::i18n::Language;
use crate::state::{Accordion, AccordionAction};

/// What the sections' static markup (`Sections`) needs from the accordion:
/// its latest state and its dispatcher. Equal to itself across renders, so a
/// toggle does not write the sections again.
#[derive(Clone)]
pub struct SectionControls(Rc<RefCell<Controls>>);

struct Controls {
    accordion: Accordion,
    dispatcher: UseReducerDispatcher<Accordion>,
    /// Told the reader's choice in the Sources section: each line's source marker or not.
    on_sources: Callback<bool>,
    /// The sections' wrapper, once written, and its listeners.
    shown: Option<(Element, [EventListener; 3])>,
}

impl PartialEq for SectionControls {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl SectionControls {
    /// Called with the sections' wrapper each time they are written, before
    /// it reaches the page: the buttons and panels show the accordion's state
    /// from their first frame, and one listener a kind on the wrapper handles
    /// their clicks and keys (rather than yew listeners on every section,
    /// each of which costs WASM memory while the leaflet is shown).
    pub fn attach(&self, sections: &Element, language: Language) {
        let mut controls = self.0.borrow_mut();
        show_state(sections, &controls.accordion);
        let toggle = controls.dispatcher.clone();
        let keys = controls.dispatcher.clone();
        let on_sources = controls.on_sources.clone();
        let listeners = [
            EventListener::new(sections, "click", move |event: Event| {
                on_click(&event, &toggle, &on_sources, language)
            }),
            EventListener::new(sections, "keydown", move |event: Event| on_keydown(&event, &keys)),
            EventListener::new(sections, "keyup", on_keyup),
        ];
        controls.shown = Some((sections.clone(), listeners));
    }
}

/// The accordion's buttons and panels, written as static markup, follow
/// `accordion`: `aria-expanded` on each button, and each closed panel
/// `hidden="until-found"` so find in page can still reveal it. The state is
/// written as the leaflet renders, as yew writes its own attributes.
#[hook]
pub fn use_section_controls(
    accordion: &UseReducerHandle<Accordion>,
    on_sources: Callback<bool>,
) -> SectionControls {
    let controls = {
        let (accordion, dispatcher) = ((**accordion).clone(), accordion.dispatcher());
        // The first render's callback is kept: the element's, which does not change.
        use_mut_ref(move || Controls {
            accordion,
            dispatcher,
            on_sources,
            shown: None,
        })
    };
    {
        let mut controls = controls.borrow_mut();
        if controls.accordion != **accordion {
            controls.accordion = (**accordion).clone();
            if let Some((sections, _)) = &controls.shown {
                show_state(sections, accordion);
            }
        }
    }
    SectionControls(controls)
}

/// Writes the accordion's state into the DOM, touching only what differs (a
/// toggle changes one section of twenty).
fn show_state(wrapper: &Element, accordion: &Accordion) {
    let Ok(sections) = wrapper.query_selector_all(".section[data-section-id]") else {
        return;
    };
    for section in (0..sections.length()).filter_map(|i| sections.item(i)?.dyn_into::<Element>().ok()) {
        let Some(id) = section.get_attribute("data-section-id") else {
            continue;
        };
        let open = accordion.is_open(&id);
        let button = section.query_selector(".section-button").ok().flatten();
        let panel = section.query_selector(".panel").ok().flatten();
        let (Some(button), Some(panel)) = (button, panel) else {
            continue;
        };
        let expanded = if open { "true" } else { "false" };
        if button.get_attribute("aria-expanded").as_deref() != Some(expanded) {
            let _ = button.set_attribute("aria-expanded", expanded);
        }
        match (open, panel.has_attribute("hidden")) {
            (true, true) => {
                let _ = panel.remove_attribute("hidden");
            }
            (false, false) => {
                let _ = panel.set_attribute("hidden", "until-found");
            }
            _ => {}
        }
    }
}

/// The element `event` happened on or in that matches `selector`.
fn target_in(event: &Event, selector: &str) -> Option<HtmlElement> {
    let target = event.target()?.dyn_into::<Element>().ok()?;
    target.closest(selector).ok()??.dyn_into().ok()
}

fn on_click(
    event: &Event,
    accordion: &UseReducerDispatcher<Accordion>,
    on_sources: &Callback<bool>,
    language: Language,
) {
    if let Some(checkbox) = target_in(event, ".sources-toggle") {
        // A checkbox's click runs after its state changed, from a mouse or a
        // key. The article's `data-sources` shows or hides every marker (CSS);
        // options that change write it again, with the checkbox.
        let (Ok(checkbox), Some(article)) = (
            checkbox.dyn_into::<HtmlInputElement>(),
            target_in(event, "article"),
        ) else {
            return;
        };
        let inline = checkbox.checked();
        let _ = article.set_attribute("data-sources", if inline { "inline" } else { "section" });
        on_sources.emit(inline);
    } else if let Some(button) = target_in(event, ".section-button") {
        if let Some(id) = section_id(&button) {
            accordion.dispatch(AccordionAction::Toggle(id));
        }
    } else if let Some(button) = target_in(event, ".link-button") {
        copy_section_link(&button, language);
    }
}

/// Enter and Space are handled here rather than left to the button's default
/// activation, so they behave the same for every input source; the default is
/// prevented so a key press never toggles twice. Arrow keys, Home and End move
/// between section buttons, as the APG accordion pattern suggests.
fn on_keydown(event: &Event, accordion: &UseReducerDispatcher<Accordion>) {
    let (Some(event), Some(button)) = (
        event.dyn_ref::<KeyboardEvent>(),
        target_in(event, ".section-button"),
    ) else {
        return;
    };
    match event.key().as_str() {
        "Enter" | " " => {
            event.prevent_default();
            if let (false, Some(id)) = (event.repeat(), section_id(&button)) {
                accordion.dispatch(AccordionAction::Toggle(id));
            }
        }
        key @ ("ArrowDown" | "ArrowUp" | "Home" | "End") if move_focus(&button, key) => {
            event.prevent_default();
        }
        _ => {}
    }
}

/// Space's default activation happens on key up: prevented, as key down toggled.
fn on_keyup(event: Event) {
    let space = event.dyn_ref::<KeyboardEvent>().is_some_and(|e| e.key() == " ");
    if space && target_in(&event, ".section-button").is_some() {
        event.prevent_default();
    }
}

/// Focuses the next, previous, first or last section button; false if there is none.
fn move_focus(current: &HtmlElement, key: &str) -> bool {
    let Some(list) = current.closest(".content").ok().flatten() else {
        return false;
    };
    let Ok(nodes) = list.query_selector_all(".section-button") else {
        return false;
    };
    let buttons: Vec<HtmlElement> = (0..nodes.length())
        .filter_map(|i| nodes.item(i)?.dyn_into().ok())
        .collect();
    let Some(here) = buttons.iter().position(|b| b == current) else {
        return false;
    };
    let last = buttons.len() - 1;
    let next = match key {
        "ArrowDown" => (here + 1).min(last),
        "ArrowUp" => here.saturating_sub(1),
        "Home" => 0,
        _ => last,
    };
    buttons[next].focus().is_ok()
}

/// "Link to this section": copies the host page's URL with `#<section id>`
/// (which opens the section, see `use_deep_link`) and says so in the section
/// link's status line.
fn copy_section_link(button: &HtmlElement, language: Language) {
    let (Some(window), Some(id)) = (web_sys::window(), section_id(button)) else {
        return;
    };
    let status = button
        .parent_element()
        .and_then(|p| p.query_selector(".link-status").ok().flatten());
    let Some(status) = status else {
        return;
    };
    let page = window.location().href().unwrap_or_default();
    let url = format!("{}#{id}", page.split('#').next().unwrap_or_default());
    wasm_bindgen_futures::spawn_local(async move {
        let strings = language.strings();
        let label = if copy_text(&window, &url).await {
            strings.link_copied
        } else {
            strings.copy_this_link
        };
        status.set_text_content(Some(&format!("{label} {url}")));
    });
}

/// Writes `text` to the clipboard where the page allows it (secure contexts).
async fn copy_text(window: &web_sys::Window, text: &str) -> bool {
    let navigator = window.navigator();
    let available = js_sys::Reflect::get(&navigator, &"clipboard".into()).is_ok_and(|c| !c.is_undefined());
    if !available {
        return false;
    }
    let promise = navigator.clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}
