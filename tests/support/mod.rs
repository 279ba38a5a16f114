//! Mounting `<drug-leaflet>` in the test page and reading it as a user would.
#![allow(dead_code)] // each test file uses its own part of the helpers

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit, ShadowRoot};

pub struct Mounted {
    pub host: HtmlElement,
    pub shadow: ShadowRoot,
}

impl Mounted {
    /// Adds `<drug-leaflet>` to the page, as a host's snippet would, and waits for it to render.
    pub async fn new() -> Self {
        Self::with_attributes(&[]).await
    }

    /// Like `new`, with attributes set before the element joins the page.
    /// Each test starts as a new reader would: nothing remembered in sessionStorage.
    pub async fn with_attributes(attributes: &[(&str, &str)]) -> Self {
        forget_remembered_sections();
        Self::keeping_storage(attributes).await
    }

    /// Like `with_attributes`, keeping what earlier leaflets remembered.
    pub async fn keeping_storage(attributes: &[(&str, &str)]) -> Self {
        Self::prepared(|host| {
            for (name, value) in attributes {
                host.set_attribute(name, value).expect("set attribute");
            }
        })
        .await
    }

    /// Creates the element, lets `prepare` set it up as a host page would
    /// before inserting it, then adds it to the page and waits for it to render.
    pub async fn prepared(prepare: impl FnOnce(&HtmlElement)) -> Self {
        drug_leaflet::define_element();
        let host: HtmlElement = document()
            .create_element(drug_leaflet::TAG_NAME)
            .expect("create element")
            .dyn_into()
            .expect("an HTMLElement");
        prepare(&host);
        document()
            .body()
            .expect("body")
            .append_child(&host)
            .expect("append");
        settle().await;
        let shadow = host.shadow_root().expect("the element opens a shadow root");
        Mounted { host, shadow }
    }

    /// Takes the element off the page and puts it back, as a framework moving it would.
    pub fn reinsert(&self) {
        self.host.remove();
        document()
            .body()
            .expect("body")
            .append_child(&self.host)
            .expect("append");
    }

    pub fn all(&self, selector: &str) -> Vec<HtmlElement> {
        let list = self.shadow.query_selector_all(selector).expect("valid selector");
        (0..list.length())
            .filter_map(|i| list.item(i))
            .map(|node| node.dyn_into().expect("an HTMLElement"))
            .collect()
    }

    pub fn one(&self, selector: &str) -> HtmlElement {
        self.shadow
            .query_selector(selector)
            .expect("valid selector")
            .unwrap_or_else(|| panic!("nothing matches {selector}"))
            .dyn_into()
            .expect("an HTMLElement")
    }

    pub fn section_buttons(&self) -> Vec<HtmlElement> {
        self.all(".section-button")
    }

    pub fn panel_of(&self, button: &Element) -> HtmlElement {
        let id = button.get_attribute("aria-controls").expect("aria-controls");
        self.one(&format!("#{id}"))
    }

    pub fn text(&self) -> String {
        normalize(&self.shadow.text_content().unwrap_or_default())
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.host.remove();
    }
}

pub fn session_storage() -> web_sys::Storage {
    web_sys::window()
        .expect("window")
        .session_storage()
        .expect("storage allowed")
        .expect("storage")
}

pub fn forget_remembered_sections() {
    session_storage().clear().expect("clear");
}

pub fn document() -> web_sys::Document {
    web_sys::window().expect("window").document().expect("document")
}

/// Lets yew's scheduler, the browser's layout and the next frame run (show
/// all opens the sections below the window in the frame after the click).
pub async fn settle() {
    for _ in 0..3 {
        next_task().await;
    }
    called_back("requestAnimationFrame", |window, resolve| {
        window.request_animation_frame(resolve)
    })
    .await;
    next_task().await;
}

/// Waits for the next task (a zero-delay timeout).
pub async fn next_task() {
    called_back("setTimeout", |window, resolve| {
        window.set_timeout_with_callback(resolve)
    })
    .await;
}

/// Waits until the browser calls what `schedule` (the browser API `name`) handed it.
async fn called_back(
    name: &str,
    schedule: impl Fn(&web_sys::Window, &js_sys::Function) -> Result<i32, wasm_bindgen::JsValue>,
) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        schedule(&web_sys::window().expect("window"), &resolve).expect(name);
    });
    JsFuture::from(promise).await.expect(name);
}

pub fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn expanded(button: &Element) -> bool {
    match button.get_attribute("aria-expanded").as_deref() {
        Some("true") => true,
        Some("false") => false,
        other => panic!("aria-expanded is {other:?}"),
    }
}

/// What a sighted reader sees: the panel takes space on the page.
pub fn visible(element: &HtmlElement) -> bool {
    let style = web_sys::window()
        .expect("window")
        .get_computed_style(element)
        .expect("computed style")
        .expect("a style");
    style.get_property_value("display").expect("display") != "none" && element.offset_height() > 0
}

pub fn press(target: &Element, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_composed(true);
    let down = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("keydown");
    target.dispatch_event(&down).expect("dispatch keydown");
    let up = KeyboardEvent::new_with_keyboard_event_init_dict("keyup", &init).expect("keyup");
    target.dispatch_event(&up).expect("dispatch keyup");
}

/// Reads `object.path.to.value` (a dotted path) from a JS value.
pub fn get(value: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(value.clone(), |current, key| {
        js_sys::Reflect::get(&current, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    })
}

/// Sets `object.path.to.value` on a JS object.
pub fn set(object: &JsValue, path: &str, value: &JsValue) {
    let (parent, key) = path
        .rsplit_once('.')
        .map_or((object.clone(), path), |(p, k)| (get(object, p), k));
    js_sys::Reflect::set(&parent, &JsValue::from_str(key), value).expect("settable");
}

/// Calls `element.method(...args)` as host-page JavaScript would.
pub fn call(element: &HtmlElement, method: &str, args: &[JsValue]) -> JsValue {
    let function: js_sys::Function = get(element, method).dyn_into().expect("a method");
    let args: js_sys::Array = args.iter().collect();
    function.apply(element, &args).expect("the method does not throw")
}

/// Records the `detail` of each `name` event dispatched at or below `target`
/// (events must bubble and be composed to reach `document`).
pub struct EventLog {
    target: web_sys::EventTarget,
    name: String,
    listener: Closure<dyn FnMut(web_sys::Event)>,
    pub details: Rc<RefCell<Vec<JsValue>>>,
}

impl EventLog {
    pub fn new(target: &web_sys::EventTarget, name: &str) -> EventLog {
        let details = Rc::new(RefCell::new(Vec::new()));
        let sink = Rc::clone(&details);
        let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let detail = event
                .dyn_into::<web_sys::CustomEvent>()
                .map(|e| e.detail())
                .unwrap_or(JsValue::NULL);
            sink.borrow_mut().push(detail);
        });
        target
            .add_event_listener_with_callback(name, listener.as_ref().unchecked_ref())
            .expect("listen");
        EventLog {
            target: target.clone(),
            name: name.into(),
            listener,
            details,
        }
    }

    pub fn take(&self) -> Vec<JsValue> {
        std::mem::take(&mut *self.details.borrow_mut())
    }
}

impl Drop for EventLog {
    fn drop(&mut self) {
        let _ = self
            .target
            .remove_event_listener_with_callback(&self.name, self.listener.as_ref().unchecked_ref());
    }
}

/// Captures what is written with `console[kind]` until dropped.
pub struct ConsoleLog {
    kind: &'static str,
    original: JsValue,
    _replacement: Closure<dyn FnMut(JsValue)>,
    pub messages: Rc<RefCell<Vec<String>>>,
}

impl ConsoleLog {
    pub fn new(kind: &'static str) -> ConsoleLog {
        let console = get(&js_sys::global(), "console");
        let original = get(&console, kind);
        let messages = Rc::new(RefCell::new(Vec::new()));
        let sink = Rc::clone(&messages);
        let replacement = Closure::<dyn FnMut(JsValue)>::new(move |message: JsValue| {
            sink.borrow_mut().push(message.as_string().unwrap_or_default());
        });
        set(&console, kind, replacement.as_ref());
        ConsoleLog {
            kind,
            original,
            _replacement: replacement,
            messages,
        }
    }

    /// Restores the console and returns what was written, one message a line.
    pub fn finish(self) -> String {
        self.messages.borrow().join("\n")
    }
}

impl Drop for ConsoleLog {
    fn drop(&mut self) {
        set(&get(&js_sys::global(), "console"), self.kind, &self.original);
    }
}
