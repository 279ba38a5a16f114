//! Mounting the yew app into a `<drug-leaflet>` element: shadow root, stylesheet,
//! and the handle that destroys the app when the element leaves the page.

use std::cell::OnceCell;

use js_sys::Array;
use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};
use yew::AppHandle;

use crate::bundled;
use crate::components::{Leaflet, LeafletProps};

pub const TAG_NAME: &str = "drug-leaflet";
const STYLES: &str = include_str!("../styles/leaflet.css");

#[wasm_bindgen(module = "/src/element.js")]
extern "C" {
    #[wasm_bindgen(js_name = defineLeafletElement)]
    fn define_leaflet_element(tag_name: &str, mount: &Closure<dyn FnMut(HtmlElement) -> JsValue>) -> bool;
}

/// Defines `<drug-leaflet>` once; calling it again (a page that includes the
/// script twice) changes nothing.
#[wasm_bindgen(js_name = defineElement)]
pub fn define_element() {
    let mount = Closure::<dyn FnMut(HtmlElement) -> JsValue>::new(|host: HtmlElement| match mount(&host) {
        Ok(handle) => JsValue::from(handle),
        Err(error) => {
            web_sys::console::error_2(&"drug-leaflet: could not show the leaflet:".into(), &error);
            JsValue::UNDEFINED
        }
    });
    if define_leaflet_element(TAG_NAME, &mount) {
        // The element class calls it for as long as the page lives.
        mount.forget();
    }
}

/// A leaflet shown in one element; `destroy()` is called on disconnect.
#[wasm_bindgen]
pub struct MountedLeaflet {
    app: AppHandle<Leaflet>,
    root: Element,
}

#[wasm_bindgen]
impl MountedLeaflet {
    pub fn destroy(self) {
        self.app.destroy();
        self.root.remove();
    }
}

fn mount(host: &HtmlElement) -> Result<MountedLeaflet, JsValue> {
    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    adopt_styles(&shadow)?;
    let document = host.owner_document().ok_or("the element has no document")?;
    let root = document.create_element("div")?;
    root.set_class_name("leaflet-root");
    shadow.append_child(&root)?;
    let monograph = bundled::by_id(bundled::DEFAULT_ID).ok_or("the default monograph is not bundled")?;
    let app =
        yew::Renderer::<Leaflet>::with_root_and_props(root.clone(), LeafletProps { monograph }).render();
    Ok(MountedLeaflet { app, root })
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
