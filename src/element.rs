//! The bridge between the `<drug-leaflet>` element (JS) and the yew app: shadow
//! root, stylesheet, attributes, the JS API, firing its events, and the teardown
//! on disconnect, and loading a drug's data file (fetched by the element shell,
//! read through the host door). What it shows is chosen in `content`; the
//! events' names and payloads live in `events`.

use std::cell::{OnceCell, RefCell};
use std::sync::atomic::{AtomicUsize, Ordering};

use js_sys::Array;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::{
    CssStyleSheet, CustomEvent, CustomEventInit, Element, HtmlElement, ShadowRoot, ShadowRootInit,
    ShadowRootMode,
};
use yew::{AppHandle, AttrValue, Callback};

use crate::components::accordion::{AccordionAction, Controller};
use crate::components::{App, AppProps};
use crate::console;
use crate::content::Content;
use crate::door;
use crate::events::{self, ErrorDetail, Problems, ReadyDetail, SourcesDetail, ToggleDetail};
use crate::monograph::markup::preview;
use crate::monograph::validate::Problem;
use crate::monograph_object::ToObject;
use crate::options::{unknown_attribute_warning, Options, OBSERVED_ATTRIBUTES, QUOTED_CHARS};

pub const TAG_NAME: &str = "drug-leaflet";
const STYLES: &str = include_str!(concat!(env!("OUT_DIR"), "/leaflet.min.css"));

type MountFn = dyn FnMut(HtmlElement, JsValue, Option<String>) -> JsValue;

#[wasm_bindgen(module = "/src/element.js")]
extern "C" {
    #[wasm_bindgen(js_name = defineLeafletElement)]
    fn define_leaflet_element(tag_name: &str, observed_attributes: Array, mount: &Closure<MountFn>) -> bool;

    /// Fetches `monographs/<drug>.json` next to the widget (once for every
    /// element asking for it) and hands it, or why it failed, to the host's
    /// `drugLoaded`.
    #[wasm_bindgen(js_name = loadDrug)]
    fn load_drug(host: &HtmlElement, drug: &str, integrity: Option<&str>, with_door: bool);
}

/// Defines `<drug-leaflet>` once; calling it again (a page that includes the
/// script twice) changes nothing.
#[wasm_bindgen(js_name = defineElement)]
pub fn define_element() {
    let mount = Closure::<MountFn>::new(
        |host: HtmlElement, monograph_input: JsValue, fallback_open: Option<String>| {
            match MountedLeaflet::mount(&host, monograph_input, fallback_open) {
                Ok(handle) => JsValue::from(handle),
                Err(error) => {
                    console::error_with("could not show the leaflet:", &error);
                    JsValue::UNDEFINED
                }
            }
        },
    );
    let observed: Array = OBSERVED_ATTRIBUTES
        .iter()
        .map(|name| JsValue::from_str(name))
        .collect();
    if define_leaflet_element(TAG_NAME, observed, &mount) {
        // The element class calls it for as long as the page lives.
        mount.forget();
    }
}

/// A leaflet shown in one element; the JS shell forwards its API here.
#[wasm_bindgen]
pub struct MountedLeaflet {
    app: PooledApp,
    props: AppProps,
    host: HtmlElement,
}

/// A yew app and its root `<div>`. yew never frees an app: the listeners on
/// its root are forgotten on purpose, each holding the app's event registry
/// (1.5 KiB an app). So a disconnected element parks its app, showing
/// `Content::Nothing`, and the next element to connect takes it: a page holds
/// as many apps as it ever showed leaflets at once.
struct PooledApp {
    handle: AppHandle<App>,
    root: Element,
}

thread_local! {
    static PARKED: RefCell<Vec<PooledApp>> = const { RefCell::new(Vec::new()) };
}
// Plain counters: atomics cost nothing more on wasm32 and need no thread_local.
static APPS: AtomicUsize = AtomicUsize::new(0);
static REVISIONS: AtomicUsize = AtomicUsize::new(0);

/// A revision no leaflet on the page had: a reused app's new element (even one
/// connected in the same task as the old one left) starts a fresh `Leaflet`.
fn next_revision() -> usize {
    REVISIONS.fetch_add(1, Ordering::Relaxed).wrapping_add(1)
}

/// The yew apps this page holds (parked or showing): flat however many
/// elements come and go, as the leak tests check.
pub fn yew_apps() -> usize {
    APPS.load(Ordering::Relaxed)
}

impl PooledApp {
    /// A parked app moved into `shadow`, or a new one.
    fn take(shadow: &ShadowRoot, props: AppProps) -> Result<PooledApp, JsValue> {
        if let Some(mut parked) = PARKED.with_borrow_mut(Vec::pop) {
            shadow.append_child(&parked.root)?;
            parked.handle.update(props);
            return Ok(parked);
        }
        let document = shadow.owner_document().ok_or("the element has no document")?;
        let root = document.create_element("div")?;
        root.set_class_name("leaflet-root");
        shadow.append_child(&root)?;
        APPS.fetch_add(1, Ordering::Relaxed);
        let handle = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
        Ok(PooledApp { handle, root })
    }

    /// Shows nothing (its hooks' listeners go), off the page, until the next
    /// element takes it; it keeps no callback that holds the old element, so a
    /// removed element can be collected even if no other element ever comes.
    fn park(mut self, props: AppProps) {
        self.handle.update(AppProps {
            content: Content::Nothing,
            controller: Controller::default(),
            on_section_change: Callback::noop(),
            on_ready: Callback::noop(),
            on_sources_change: Callback::noop(),
            ..props
        });
        self.root.remove();
        PARKED.with_borrow_mut(|parked| parked.push(self));
    }
}

#[wasm_bindgen]
impl MountedLeaflet {
    /// `fallback_open`: the sections (ids, space-separated) the reader left
    /// open in the pasted fallback, when they changed them.
    fn mount(
        host: &HtmlElement,
        monograph_input: JsValue,
        fallback_open: Option<String>,
    ) -> Result<MountedLeaflet, JsValue> {
        let shadow = match host.shadow_root() {
            Some(shadow) => shadow,
            None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
        };
        adopt_styles(&shadow)?;

        let mut options = Options::default();
        for name in OBSERVED_ATTRIBUTES {
            if let Err(warning) = options.apply_attribute(name, host.get_attribute(name).as_deref()) {
                console::warn(&warning);
            }
        }
        for name in host.get_attribute_names().iter().filter_map(|n| n.as_string()) {
            if let Some(warning) = unknown_attribute_warning(&name) {
                console::warn(&warning);
            }
        }
        // The content is known before the first render, so a reader never sees
        // an empty placeholder (nor a screen reader an empty alert).
        let content = content_for(host, &monograph_input);
        announce(host, &content);
        let props = AppProps {
            content,
            options,
            controller: Controller::default(),
            on_section_change: toggle_events(host.clone()),
            on_ready: ready_events(host.clone()),
            on_sources_change: sources_events(host.clone()),
            revision: next_revision(),
            fallback_open: fallback_open.map(AttrValue::from),
        };
        Ok(MountedLeaflet {
            app: PooledApp::take(&shadow, props.clone())?,
            props,
            host: host.clone(),
        })
    }

    pub fn destroy(self) {
        // A drug still loading will not arrive here: the element is not busy.
        let _ = self.host.remove_attribute("aria-busy");
        self.props.controller.connect(None);
        self.app.park(self.props);
    }

    /// The monograph shown, as a plain object; `null` while the element shows an
    /// error or loads a drug.
    pub fn monograph(&self) -> JsValue {
        match &self.props.content {
            Content::Monograph(monograph) => monograph.to_object(),
            Content::Invalid(_) | Content::Loading { .. } | Content::Reading | Content::Nothing => {
                JsValue::NULL
            }
        }
    }

    /// Shows a host-provided monograph after validating it; `null` or
    /// `undefined` goes back to what the `drug` attribute names.
    #[wasm_bindgen(js_name = setMonograph)]
    pub fn set_monograph(&mut self, value: JsValue) {
        let content = content_for(&self.host, &value);
        self.show(content);
    }

    /// Drug `drug`'s data file, fetched with `integrity`, arrived (`data`) or
    /// could not be loaded (`failure`, why); ignored unless this element still
    /// waits for that file with that pin (an answer to an unpinned fetch
    /// started before `integrity` was set is not the pinned file).
    #[wasm_bindgen(js_name = drugLoaded)]
    pub fn drug_loaded(
        &mut self,
        drug: &str,
        integrity: Option<String>,
        data: JsValue,
        failure: Option<String>,
        fallback_open: Option<String>,
    ) {
        if self.props.content.loading() != Some((drug, integrity.as_deref())) {
            return;
        }
        let content = match failure {
            Some(reason) => Content::drug_problem(
                [
                    "the leaflet for drug=\"",
                    drug,
                    "\" could not be loaded: ",
                    &reason,
                ]
                .concat(),
            ),
            // element.js calls once the door is loaded too: it answers now.
            None => match door::parse(&self.host, &data) {
                Some(parsed) => Content::from_drug_file(drug, parsed),
                None => {
                    Content::drug_problem(["the leaflet for drug=\"", drug, "\" could not be read"].concat())
                }
            },
        };
        // The fallback the reader had while the drug loaded (through the slot).
        self.show_after_fallback(content, fallback_open);
    }

    #[wasm_bindgen(js_name = attributeChanged)]
    pub fn attribute_changed(&mut self, name: &str, value: Option<String>) {
        if name == "drug" || name == "integrity" {
            let content = content_for(&self.host, &JsValue::UNDEFINED);
            // element.js asks again on a new `lang` (a drug on demand has a
            // file a language); a bundled drug, the same, stays as it is.
            if content.loading().is_some() || content != self.props.content {
                self.show(content);
            }
            return;
        }
        let mut props = self.props.clone();
        if let Err(warning) = props.options.apply_attribute(name, value.as_deref()) {
            console::warn(&warning);
        }
        if name == "expanded" {
            props.revision = next_revision();
            props.fallback_open = None;
        }
        self.update(props);
    }

    #[wasm_bindgen(js_name = expandAll)]
    pub fn expand_all(&self) -> bool {
        self.props.controller.dispatch(AccordionAction::ExpandAll)
    }

    #[wasm_bindgen(js_name = collapseAll)]
    pub fn collapse_all(&self) -> bool {
        self.props.controller.dispatch(AccordionAction::CollapseAll)
    }

    /// Opens section `section_id` (its `data-section-id`); false, with a console
    /// warning, if there is no such section.
    pub fn open(&self, section_id: &str) -> bool {
        let opened = self.props.controller.open(section_id);
        if !opened {
            console::warn(
                &[
                    "open(\"",
                    &preview(section_id, QUOTED_CHARS),
                    "\"): this leaflet has no section with that id.",
                ]
                .concat(),
            );
        }
        opened
    }
}

impl MountedLeaflet {
    fn show(&mut self, content: Content) {
        self.show_after_fallback(content, None);
    }

    /// Shows `content`, starting with `fallback_open` open (what the reader
    /// left open in the pasted fallback it replaces).
    fn show_after_fallback(&mut self, content: Content, fallback_open: Option<String>) {
        announce(&self.host, &content);
        let mut props = self.props.clone();
        props.content = content;
        props.revision = next_revision();
        props.fallback_open = fallback_open.map(AttrValue::from);
        self.update(props);
    }

    fn update(&mut self, props: AppProps) {
        self.props = props.clone();
        self.app.handle.update(props);
    }
}

/// The content for a host's `monograph` value, or else the `drug` attribute.
fn content_for(host: &HtmlElement, monograph_input: &JsValue) -> Content {
    if monograph_input.is_null() || monograph_input.is_undefined() {
        // Whitespace between the tags is not a fallback, nor an element for a
        // named slot (the care team's contact): the default slot shows neither.
        let pasted = host
            .query_selector(":scope > :not([slot])")
            .ok()
            .flatten()
            .is_some()
            || host.text_content().is_some_and(|text| !text.trim().is_empty());
        Content::for_drug(
            host.get_attribute("drug").as_deref(),
            host.get_attribute("integrity").as_deref(),
            pasted,
        )
    } else {
        door::parse(host, monograph_input).map_or(Content::Reading, Content::from_host)
    }
}

/// What the page learns of new content: its problems (console, event), and
/// while a drug's data file loads (which starts here), `aria-busy` on the
/// element over the pasted fallback the leaflet will replace. Not over the
/// "Loading the leaflet…" status: a screen reader may hold back what changes
/// under a busy element, live regions included (ARIA's `aria-busy`), and that
/// line is the news; the status says the wait itself.
fn announce(host: &HtmlElement, content: &Content) {
    if let Content::Invalid(problems) = content {
        report_problems(host, problems);
    }
    if let Some((drug, integrity)) = content.loading() {
        load_drug(host, drug, integrity, door::SEPARATE);
    }
    // Only a document that forbids attributes would refuse; the leaflet shows regardless.
    let _ = match content {
        Content::Loading { pasted: true, .. } => host.set_attribute("aria-busy", "true"),
        _ => host.remove_attribute("aria-busy"),
    };
}

fn report_problems(host: &HtmlElement, problems: &[Problem]) {
    let lines: Vec<String> = problems.iter().map(|p| ["  ", &p.line()].concat()).collect();
    console::error(&["the monograph cannot be shown:\n", &lines.join("\n")].concat());
    fire_event(
        host,
        events::ERROR,
        &ErrorDetail {
            problems: Problems(problems),
            fatal: false,
        },
    );
}

/// Dispatches a bubbling, composed `CustomEvent` so listeners outside the shadow
/// root and up the host page's tree receive it.
fn fire_event(host: &HtmlElement, name: &str, detail: &impl Serialize) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    let objects = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    init.set_detail(&detail.serialize(&objects).unwrap_or(JsValue::NULL));
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        // A listener that throws is the host's bug; the leaflet carries on.
        let _ = host.dispatch_event(&event);
    }
}

fn toggle_events(host: HtmlElement) -> Callback<(AttrValue, bool)> {
    Callback::from(move |(section_id, expanded): (AttrValue, bool)| {
        let detail = ToggleDetail {
            section_id: &section_id,
            expanded,
        };
        fire_event(&host, events::TOGGLE, &detail);
    })
}

fn sources_events(host: HtmlElement) -> Callback<bool> {
    Callback::from(move |inline: bool| fire_event(&host, events::SOURCES, &SourcesDetail { inline }))
}

fn ready_events(host: HtmlElement) -> Callback<AttrValue> {
    Callback::from(move |drug: AttrValue| fire_event(&host, events::READY, &ReadyDetail { drug: &drug }))
}

thread_local! {
    /// One constructable stylesheet shared by every leaflet on the page.
    static STYLESHEET: OnceCell<CssStyleSheet> = const { OnceCell::new() };
}

fn adopt_styles(shadow: &ShadowRoot) -> Result<(), JsValue> {
    let sheet = STYLESHEET.with(|cell| -> Result<CssStyleSheet, JsValue> {
        if let Some(sheet) = cell.get() {
            return Ok(sheet.clone());
        }
        let sheet = CssStyleSheet::new()?;
        sheet.replace_sync(STYLES)?;
        Ok(cell.get_or_init(|| sheet).clone())
    })?;
    shadow.set_adopted_style_sheets(&Array::of1(&sheet));
    Ok(())
}
