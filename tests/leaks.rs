//! A page that adds and removes leaflets, or replaces their monograph, for as
//! long as it lives keeps the WASM memory and the yew apps it holds flat.
//! Linear memory only grows, in 64 KiB pages: a leak of a few hundred bytes a
//! cycle shows over 1,000 cycles as pages added after the warm-up.
#![cfg(target_arch = "wasm32")]

mod support;

use support::{call, document, expanded, get, next_task, set, settle, EventLog, Mounted};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

const CYCLES: usize = 1000;
const WARM_UP: usize = 20;
/// Before the fix, 1,000 cycles grew memory by about 2 MiB.
const GROWTH_BOUND_KIB: f64 = 256.0;

fn memory_kib() -> f64 {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    let buffer: js_sys::ArrayBuffer = memory.buffer().unchecked_into();
    f64::from(buffer.byte_length()) / 1024.0
}

fn title(host: &HtmlElement) -> Option<String> {
    host.shadow_root()?.query_selector(".title").ok()??.text_content()
}

/// Waits (at most 100 tasks) until the leaflet in `host` shows `expected` as its title.
async fn shows_title(host: &HtmlElement, expected: &str) {
    for _ in 0..100 {
        next_task().await;
        if title(host).as_deref() == Some(expected) {
            return;
        }
    }
    panic!("the leaflet shows {:?}, not {expected:?}", title(host));
}

/// Adds a leaflet, checks it rendered, removes it; `count` times.
async fn connect_and_disconnect(count: usize) {
    for i in 0..count {
        let host: HtmlElement = document()
            .create_element(drug_leaflet::TAG_NAME)
            .expect("create")
            .unchecked_into();
        document()
            .body()
            .expect("body")
            .append_child(&host)
            .expect("append");
        shows_title(&host, "Nusinersen").await;
        host.remove();
        if i % 100 == 99 {
            // Let the browser run its own tasks (and collect garbage) now and then.
            settle().await;
        }
    }
    settle().await;
}

#[wasm_bindgen_test]
async fn a_thousand_connects_and_disconnects_keep_memory_and_yew_apps_flat() {
    drug_leaflet::define_element();
    connect_and_disconnect(WARM_UP).await;
    let (memory, apps) = (memory_kib(), drug_leaflet::yew_apps());
    connect_and_disconnect(CYCLES).await;
    let growth = memory_kib() - memory;
    assert!(
        growth < GROWTH_BOUND_KIB,
        "WASM memory grew {growth} KiB over {CYCLES} cycles (from {memory} KiB)"
    );
    assert_eq!(drug_leaflet::yew_apps(), apps, "yew apps after {CYCLES} cycles");
}

/// Sets `count` monographs on `leaflet`, each with its own title, and checks each shows.
async fn replace_monographs(leaflet: &Mounted, monograph: &JsValue, count: usize) {
    for i in 0..count {
        let expected = format!("Nusinersen, version {i}");
        set(monograph, "meta.title", &expected.as_str().into());
        set(&leaflet.host, "monograph", monograph);
        shows_title(&leaflet.host, &expected).await;
        if i % 100 == 99 {
            settle().await;
        }
    }
    settle().await;
}

#[wasm_bindgen_test]
async fn a_thousand_monograph_replacements_keep_memory_and_yew_apps_flat() {
    let leaflet = Mounted::new().await;
    let monograph = get(&leaflet.host, "monograph");
    replace_monographs(&leaflet, &monograph, WARM_UP).await;
    let (memory, apps) = (memory_kib(), drug_leaflet::yew_apps());
    replace_monographs(&leaflet, &monograph, CYCLES).await;
    let growth = memory_kib() - memory;
    assert!(
        growth < GROWTH_BOUND_KIB,
        "WASM memory grew {growth} KiB over {CYCLES} replacements (from {memory} KiB)"
    );
    assert_eq!(
        drug_leaflet::yew_apps(),
        apps,
        "yew apps after {CYCLES} replacements"
    );
}

/// A framework replacing one leaflet with another in one task: the new one
/// takes the old one's parked app, yet starts as a new leaflet (first section
/// open, its own ready event), not with the old one's open sections.
#[wasm_bindgen_test]
async fn a_leaflet_added_as_another_leaves_starts_afresh() {
    let old = Mounted::with_attributes(&[("remember", "off")]).await;
    call(&old.host, "expandAll", &[]);
    settle().await;
    assert!(old.section_buttons().iter().all(|button| expanded(button)));
    let ready = EventLog::new(&document(), "drug-leaflet-ready");
    let apps = drug_leaflet::yew_apps();
    let new = Mounted::prepared(|host| {
        host.set_attribute("remember", "off").expect("set");
        old.host.remove();
    })
    .await;
    let open: Vec<bool> = new
        .section_buttons()
        .iter()
        .map(|button| expanded(button))
        .collect();
    assert_eq!(open.iter().filter(|open| **open).count(), 1, "{open:?}");
    assert!(open[0]);
    assert_eq!(ready.take().len(), 1);
    assert_eq!(drug_leaflet::yew_apps(), apps, "the old app is reused");
}
