//! The accordion's owner: it keeps the nodes the view marked as it wrote
//! them, holds the three listeners on the sections' wrapper (one a kind,
//! rather than yew listeners on every section, each of which costs WASM
//! memory while the leaflet is shown), and is the one place where a change of
//! state reaches the DOM and the host's events.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement, HtmlInputElement, KeyboardEvent, Node};
use yew::prelude::*;

use super::controller::Controller;
use super::state::{Accordion, AccordionAction};
use crate::hooks::{next_frame, window_height, EventListener};
use crate::i18n::Language;
use crate::monograph::model::Monograph;
use crate::options::Options;

/// The nodes of one section that its controls use, marked by the view.
pub struct SectionNodes {
    pub id: AttrValue,
    pub section: Element,
    pub button: Element,
    pub panel: Element,
    pub link_button: Element,
    pub link_status: Element,
}

/// Every node the view marked in one writing of the sections, in order.
#[derive(Default)]
pub struct AccordionNodes {
    pub sections: Vec<SectionNodes>,
    /// "Show the source of each line", in the Sources section.
    pub sources_toggle: Option<HtmlInputElement>,
}

impl AccordionNodes {
    fn by_id(&self, id: &str) -> Option<&SectionNodes> {
        self.sections.iter().find(|section| section.id == id)
    }

    /// The section whose `part` is or holds `node`.
    fn holding(&self, node: &Node, part: fn(&SectionNodes) -> &Element) -> Option<&SectionNodes> {
        self.sections
            .iter()
            .find(|section| part(section).contains(Some(node)))
    }
}

/// The accordion's owner, handed to the view; equal to itself across renders,
/// so a toggle does not write the sections again.
#[derive(Clone)]
pub struct AccordionControls(Rc<RefCell<Owner>>);

impl PartialEq for AccordionControls {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

struct Owner {
    accordion: UseReducerDispatcher<Accordion>,
    /// The state as the DOM and the host's events last showed it: the one
    /// copy a new state is compared with.
    shown: Accordion,
    on_section_change: Callback<(AttrValue, bool)>,
    on_sources_change: Callback<bool>,
    written: Option<Written>,
    /// Sections opened at once whose panels wait for the next frame.
    later: Vec<AttrValue>,
}

/// The sections as last written, and the listeners on their wrapper.
struct Written {
    nodes: Rc<AccordionNodes>,
    _listeners: [EventListener; 3],
}

/// The accordion's state and its owner: reachable from the element's JS API
/// through `controller`; every change, whatever its cause (a click, a key,
/// `expandAll()`...), shown in the DOM and reported through
/// `on_section_change(id, expanded)` once; the reader's choice of source
/// markers through `on_sources_change`. It starts with `fallback_open` open
/// when given: the sections the reader left open in the pasted fallback.
#[hook]
pub fn use_accordion(
    monograph: &Monograph,
    options: &Options,
    controller: &Controller,
    on_section_change: Callback<(AttrValue, bool)>,
    on_sources_change: Callback<bool>,
    fallback_open: Option<AttrValue>,
) -> (UseReducerHandle<Accordion>, AccordionControls) {
    let state = {
        let (monograph, expanded, inline) = (monograph.clone(), options.expanded, options.sources_inline);
        use_reducer_eq(move || {
            let mut start = Accordion::for_monograph(&monograph, expanded, inline);
            if let Some(open) = fallback_open {
                start.apply(AccordionAction::Restore(
                    open.split(' ').map(|id| AttrValue::from(id.to_owned())).collect(),
                ));
            }
            start
        })
    };
    {
        let handle = state.clone();
        use_effect_with(controller.clone(), move |controller| {
            controller.connect(Some(handle));
            let controller = controller.clone();
            move || controller.connect(None)
        });
    }
    let controls = {
        let owner = Owner {
            accordion: state.dispatcher(),
            shown: (*state).clone(),
            on_section_change,
            on_sources_change,
            written: None,
            later: Vec::new(),
        };
        // The first render's callbacks are kept: the element's, which do not change.
        AccordionControls(use_mut_ref(move || owner))
    };
    {
        let controls = controls.clone();
        use_effect_with(
            (state.clone(), options.sources_inline),
            move |(state, host_sources)| {
                if state.host_sources() != *host_sources {
                    state.dispatch(AccordionAction::HostSources(*host_sources));
                }
                controls.show_state(state);
            },
        );
    }
    (state, controls)
}

impl AccordionControls {
    /// Called with the sections' wrapper and the nodes the view marked each
    /// time they are written, before they reach the page: the buttons, panels
    /// and checkbox show the state from their first frame, and the wrapper's
    /// listeners hear the first click.
    pub fn attach(&self, wrapper: &Element, nodes: AccordionNodes, language: Language) {
        let mut owner = self.0.borrow_mut();
        for section in nodes.sections.iter().filter(|s| owner.shown.is_open(&s.id)) {
            show_open(section, true);
        }
        if let Some(toggle) = &nodes.sources_toggle {
            toggle.set_checked(owner.shown.sources_inline());
        }
        let nodes = Rc::new(nodes);
        let listeners = {
            let (click_nodes, key_nodes, up_nodes) =
                (Rc::clone(&nodes), Rc::clone(&nodes), Rc::clone(&nodes));
            let (click, keys) = (owner.accordion.clone(), owner.accordion.clone());
            [
                EventListener::new(wrapper, "click", move |event: Event| {
                    on_click(&event, &click_nodes, &click, language)
                }),
                EventListener::new(wrapper, "keydown", move |event: Event| {
                    on_keydown(&event, &key_nodes, &keys)
                }),
                EventListener::new(wrapper, "keyup", move |event: Event| on_keyup(&event, &up_nodes)),
            ]
        };
        owner.written = Some(Written {
            nodes,
            _listeners: listeners,
        });
    }

    /// The id of the section that is or holds `node` (its button, a node in its panel).
    pub fn section_holding(&self, node: &Node) -> Option<AttrValue> {
        let owner = self.0.borrow();
        let nodes = &owner.written.as_ref()?.nodes;
        nodes
            .holding(node, |section| &section.section)
            .map(|section| section.id.clone())
    }

    /// Section `id`'s element, to scroll to.
    pub fn section_element(&self, id: &str) -> Option<Element> {
        let owner = self.0.borrow();
        Some(owner.written.as_ref()?.nodes.by_id(id)?.section.clone())
    }

    /// Shows what changed since the state last shown, then reports it.
    fn show_state(&self, state: &Accordion) {
        let mut owner = self.0.borrow_mut();
        let changes: Vec<(AttrValue, bool)> = state.changes_since(&owner.shown).collect();
        let reader_sources = state.reader_sources_since(&owner.shown);
        let link_status = state
            .link_status()
            .filter(|_| state.link_status() != owner.shown.link_status());
        // Show all opens what the reader can see in the frame the click
        // paints, and the sections out of sight below in the next: the first
        // frame lays out a screenful, not the whole leaflet (show-all p95 at
        // 4x CPU: 17 -> 10 ms). One reading of the window for all of them.
        let opened_at_once = changes.iter().filter(|(_, open)| *open).count() > 1;
        let window_bottom = if opened_at_once { window_height() } else { None };
        let mut later = Vec::new();
        if let Some(written) = &owner.written {
            for (id, open) in &changes {
                let Some(section) = written.nodes.by_id(id) else {
                    continue;
                };
                let out_of_sight = window_bottom
                    .is_some_and(|bottom| section.section.get_bounding_client_rect().top() >= bottom);
                if *open && out_of_sight {
                    later.push(id.clone());
                } else {
                    show_open(section, *open);
                }
            }
            if let Some(toggle) = &written.nodes.sources_toggle {
                toggle.set_checked(state.sources_inline());
            }
            if let Some(section) = link_status.and_then(|(id, _)| written.nodes.by_id(id)) {
                section
                    .link_status
                    .set_text_content(link_status.map(|(_, text)| text.as_str()));
            }
        }
        owner.shown = state.clone();
        if !later.is_empty() && owner.later.is_empty() {
            let weak = Rc::downgrade(&self.0);
            next_frame(move || {
                if let Some(owner) = weak.upgrade() {
                    owner.borrow_mut().show_later();
                }
            });
        }
        owner.later.extend(later);
        let (sections, sources) = (owner.on_section_change.clone(), owner.on_sources_change.clone());
        // The host's listeners may call back into the leaflet: nothing stays borrowed.
        drop(owner);
        changes.into_iter().for_each(|change| sections.emit(change));
        if let Some(inline) = reader_sources {
            sources.emit(inline);
        }
    }
}

impl Owner {
    /// The sections left for this frame, as the state now has them (a later
    /// change may have closed them again).
    fn show_later(&mut self) {
        let later = std::mem::take(&mut self.later);
        if let Some(written) = &self.written {
            for id in &later {
                if let Some(section) = written.nodes.by_id(id) {
                    show_open(section, self.shown.is_open(id));
                }
            }
        }
    }
}

/// A section's button says whether it is open (`aria-expanded`); a closed
/// panel is `hidden="until-found"`, so find in page can still reveal it.
fn show_open(section: &SectionNodes, open: bool) {
    let _ = section
        .button
        .set_attribute("aria-expanded", if open { "true" } else { "false" });
    let _ = if open {
        section.panel.remove_attribute("hidden")
    } else {
        section.panel.set_attribute("hidden", "until-found")
    };
}

/// The node an event on the sections' wrapper happened on: always a node,
/// as the wrapper is an element.
fn event_node(event: &Event) -> Option<Node> {
    Some(event.target()?.unchecked_into())
}

fn on_click(
    event: &Event,
    nodes: &AccordionNodes,
    accordion: &UseReducerDispatcher<Accordion>,
    language: Language,
) {
    let Some(target) = event_node(event) else {
        return;
    };
    let toggle = nodes
        .sources_toggle
        .as_ref()
        .filter(|toggle| toggle.contains(Some(&target)));
    if let Some(toggle) = toggle {
        // A checkbox's click runs after its state changed, from a mouse or a key.
        accordion.dispatch(AccordionAction::ReaderSources(toggle.checked()));
    } else if let Some(section) = nodes.holding(&target, |section| &section.button) {
        accordion.dispatch(AccordionAction::Toggle(section.id.clone()));
    } else if let Some(section) = nodes.holding(&target, |section| &section.link_button) {
        copy_section_link(section.id.clone(), language, accordion.clone());
    }
}

/// Enter and Space are handled here rather than left to the button's default
/// activation, so they behave the same for every input source; the default is
/// prevented so a key press never toggles twice. Arrow keys, Home and End move
/// between section buttons, as the APG accordion pattern suggests.
fn on_keydown(event: &Event, nodes: &AccordionNodes, accordion: &UseReducerDispatcher<Accordion>) {
    let (Some(key), Some(target)) = (event.dyn_ref::<KeyboardEvent>(), event_node(event)) else {
        return;
    };
    let Some(here) = nodes
        .sections
        .iter()
        .position(|s| s.button.contains(Some(&target)))
    else {
        return;
    };
    let last = nodes.sections.len() - 1;
    let next = match key.key().as_str() {
        "Enter" | " " => {
            event.prevent_default();
            if !key.repeat() {
                accordion.dispatch(AccordionAction::Toggle(nodes.sections[here].id.clone()));
            }
            return;
        }
        "ArrowDown" => (here + 1).min(last),
        "ArrowUp" => here.saturating_sub(1),
        "Home" => 0,
        "End" => last,
        _ => return,
    };
    let button = nodes.sections[next].button.dyn_ref::<HtmlElement>();
    if button.is_some_and(|button| button.focus().is_ok()) {
        event.prevent_default();
    }
}

/// Space's default activation happens on key up: prevented, as key down toggled.
fn on_keyup(event: &Event, nodes: &AccordionNodes) {
    let space = event.dyn_ref::<KeyboardEvent>().is_some_and(|e| e.key() == " ");
    let on_button = event_node(event).is_some_and(|target| nodes.holding(&target, |s| &s.button).is_some());
    if space && on_button {
        event.prevent_default();
    }
}

/// "Link to this section": copies the host page's URL with `#<section id>`
/// (which opens the section, see `use_deep_link`) and says so under the link.
fn copy_section_link(id: AttrValue, language: Language, accordion: UseReducerDispatcher<Accordion>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let page = window.location().href().unwrap_or_default();
    let url = [page.split('#').next().unwrap_or_default(), "#", &id].concat();
    wasm_bindgen_futures::spawn_local(async move {
        let strings = language.strings();
        let label = if copy_text(&window, &url).await {
            strings.link_copied
        } else {
            strings.copy_this_link
        };
        accordion.dispatch(AccordionAction::LinkStatus(
            id,
            [label, " ", &url].concat().into(),
        ));
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
