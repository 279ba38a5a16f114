//! What an integrator relies on: attributes, the `monograph` property, the
//! methods and the events of `<drug-leaflet>`, in a real browser.
#![cfg(target_arch = "wasm32")]

mod support;

use support::{call, document, expanded, get, set, settle, visible, ConsoleLog, EventLog, Mounted};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn monograph_of(leaflet: &Mounted) -> JsValue {
    get(&leaflet.host, "monograph")
}

#[wasm_bindgen_test]
async fn heading_level_fits_the_leaflet_into_the_host_outline() {
    let leaflet = Mounted::with_attributes(&[("heading-level", "4")]).await;
    assert_eq!(leaflet.one(".title").tag_name(), "H4");
    let heading = leaflet.section_buttons()[0].parent_element().expect("heading");
    assert_eq!(heading.tag_name(), "H5");

    leaflet.host.set_attribute("heading-level", "3").expect("set");
    settle().await;
    assert_eq!(
        leaflet.one(".title").tag_name(),
        "H3",
        "changes follow the attribute"
    );
}

#[wasm_bindgen_test]
async fn an_invalid_attribute_warns_with_the_allowed_values_and_uses_the_default() {
    let warnings = ConsoleLog::new("warn");
    let leaflet = Mounted::with_attributes(&[("heading-level", "9"), ("expanded", "some")]).await;
    assert_eq!(leaflet.one(".title").tag_name(), "H2");
    assert!(
        expanded(&leaflet.section_buttons()[0]),
        "expanded falls back to first"
    );
    let text = warnings.finish();
    assert!(
        text.contains("heading-level=\"9\" is not allowed; use 2, 3, 4, 5 or 6"),
        "{text}"
    );
    assert!(
        text.contains("expanded=\"some\" is not allowed; use first, all or none"),
        "{text}"
    );
}

#[wasm_bindgen_test]
async fn expanded_all_and_none() {
    let all = Mounted::with_attributes(&[("expanded", "all")]).await;
    assert!(all
        .section_buttons()
        .iter()
        .all(|b| expanded(b) && visible(&all.panel_of(b))));
    let none = Mounted::with_attributes(&[("expanded", "none")]).await;
    assert!(none
        .section_buttons()
        .iter()
        .all(|b| !expanded(b) && !visible(&none.panel_of(b))));
}

#[wasm_bindgen_test]
async fn lang_switches_the_leaflets_own_words_not_the_content() {
    let leaflet = Mounted::with_attributes(&[("lang", "es")]).await;
    assert_eq!(
        leaflet.one(".skip-link").inner_text().trim(),
        "Saltar al contenido del prospecto"
    );
    assert_eq!(
        leaflet.one(".show-all-button").inner_text().trim(),
        "Mostrar todas las secciones"
    );
    assert!(leaflet
        .text()
        .contains("Última actualización: 20 de mayo de 2025."));
    assert_eq!(
        leaflet.one("article").get_attribute("lang").as_deref(),
        Some("en"),
        "content stays English"
    );
}

#[wasm_bindgen_test]
async fn the_monograph_property_reads_and_replaces_the_content() {
    let leaflet = Mounted::new().await;
    let monograph = monograph_of(&leaflet);
    assert_eq!(get(&monograph, "meta.id"), "nusinersen");
    assert_eq!(get(&monograph, "sections.length").as_f64(), Some(16.0));

    let ready = EventLog::new(&document(), "drug-leaflet-ready");
    set(
        &monograph,
        "meta.title",
        &"Nusinersen (edited by the portal)".into(),
    );
    set(&leaflet.host, "monograph", &monograph);
    settle().await;
    assert_eq!(
        leaflet.one(".title").inner_text(),
        "Nusinersen (edited by the portal)"
    );
    assert_eq!(
        get(&monograph_of(&leaflet), "meta.title"),
        "Nusinersen (edited by the portal)"
    );
    let details = ready.take();
    assert_eq!(details.len(), 1);
    assert_eq!(get(&details[0], "drug"), "nusinersen");

    set(&leaflet.host, "monograph", &JsValue::NULL);
    settle().await;
    assert_eq!(
        leaflet.one(".title").inner_text(),
        "Nusinersen",
        "null goes back to the bundled one"
    );
}

#[wasm_bindgen_test]
async fn an_invalid_monograph_shows_an_alert_with_each_problem_and_spares_other_leaflets() {
    let other = Mounted::new().await;
    let leaflet = Mounted::new().await;
    let errors = ConsoleLog::new("error");
    let events = EventLog::new(&document(), "drug-leaflet-error");

    let monograph = monograph_of(&leaflet);
    set(&monograph, "sections.2.heading", &JsValue::from(5));
    set(&leaflet.host, "monograph", &monograph);
    settle().await;
    // Read the console first: a failing assertion writes there too.
    let console = errors.finish();
    let text = leaflet.one("[role='alert']").inner_text();
    assert!(text.contains("sections[2].heading: invalid type"), "{text}");
    assert!(text.contains("expected a string"), "{text}");
    assert!(console.contains("sections[2].heading"), "console: {console}");
    let details = events.take();
    assert_eq!(details.len(), 1);
    assert_eq!(get(&details[0], "problems.0.path"), "sections[2].heading");
    assert!(
        leaflet.all(".section-button").is_empty(),
        "no half-checked leaflet is shown"
    );
    assert!(get(&leaflet.host, "monograph").is_null());

    // Rules beyond the shape: every problem is listed.
    let monograph = monograph_of(&other);
    set(&monograph, "sections.0.blocks", &js_sys::Array::new());
    set(&monograph, "meta.last_updated", &"May 20, 2025".into());
    set(&leaflet.host, "monograph", &monograph);
    settle().await;
    let text = leaflet.one("[role='alert']").inner_text();
    assert!(
        text.contains("meta.last_updated: \"May 20, 2025\" is not an ISO 8601 date"),
        "{text}"
    );
    assert!(
        text.contains("sections[0].blocks: section \"What is nusinersen?\" is empty"),
        "{text}"
    );

    let button = other.section_buttons()[1].clone();
    button.click();
    settle().await;
    assert!(expanded(&button), "the other leaflet still works");
}

#[wasm_bindgen_test]
async fn an_unknown_drug_is_an_error_not_another_drugs_leaflet() {
    let errors = ConsoleLog::new("error");
    let leaflet = Mounted::with_attributes(&[("drug", "ibuprofen")]).await;
    let console = errors.finish();
    let text = leaflet.one("[role='alert']").inner_text();
    assert!(
        text.contains("drug=\"ibuprofen\" is not a bundled monograph; use nusinersen"),
        "{text}"
    );
    assert!(console.contains("ibuprofen"), "console: {console}");
    assert!(leaflet.all(".title").is_empty());

    leaflet.host.set_attribute("drug", "nusinersen").expect("set");
    settle().await;
    assert_eq!(leaflet.one(".title").inner_text(), "Nusinersen");
}

#[wasm_bindgen_test]
async fn methods_open_and_close_sections_and_every_change_is_an_event() {
    let leaflet = Mounted::new().await;
    let toggles = EventLog::new(&document(), "drug-leaflet-toggle");

    assert_eq!(call(&leaflet.host, "open", &["dosing".into()]), true);
    settle().await;
    let dosing = leaflet.one("[data-section-id='dosing'] .section-button");
    assert!(expanded(&dosing));
    let details = toggles.take();
    assert_eq!(details.len(), 1);
    assert_eq!(get(&details[0], "sectionId"), "dosing");
    assert_eq!(get(&details[0], "expanded"), true);

    let warnings = ConsoleLog::new("warn");
    assert_eq!(call(&leaflet.host, "open", &["no-such-section".into()]), false);
    assert!(warnings.finish().contains("no-such-section"));

    call(&leaflet.host, "expandAll", &[]);
    settle().await;
    assert!(leaflet.section_buttons().iter().all(|b| expanded(b)));
    assert_eq!(
        toggles.take().len(),
        leaflet.section_buttons().len() - 2,
        "one event a section that opened"
    );

    call(&leaflet.host, "collapseAll", &[]);
    settle().await;
    assert!(leaflet.section_buttons().iter().all(|b| !expanded(b)));
    let details = toggles.take();
    assert!(details.iter().all(|d| get(d, "expanded") == false));

    dosing.click();
    settle().await;
    let details = toggles.take();
    assert_eq!(details.len(), 1, "a click is reported too");
    assert_eq!(get(&details[0], "sectionId"), "dosing");
}

#[wasm_bindgen_test]
async fn a_monograph_set_before_the_element_is_on_the_page_is_shown() {
    let monograph = monograph_of(&Mounted::new().await);
    set(&monograph, "meta.title", &"Set before connecting".into());
    let host = document().create_element("drug-leaflet").expect("create");
    set(&host, "monograph", &monograph);
    document()
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append");
    settle().await;
    let shadow = host.shadow_root().expect("shadow root");
    let title = shadow
        .query_selector(".title")
        .expect("selector")
        .expect("a title");
    assert_eq!(title.text_content().as_deref(), Some("Set before connecting"));
    host.remove();
}
