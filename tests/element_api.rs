//! What an integrator relies on: attributes, the `monograph` property, the
//! methods and the events of `<drug-leaflet>`, in a real browser.
#![cfg(target_arch = "wasm32")]

mod support;

use support::{
    call, document, expanded, get, next_task, normalize, set, settle, visible, ConsoleLog, EventLog, Mounted,
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

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
    let leaflet = Mounted::with_attributes(&[
        ("heading-level", "9"),
        ("expanded", "some"),
        ("heading_level", "3"),
    ])
    .await;
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
    assert!(
        text.contains(
            "unknown attribute \"heading_level\" is ignored; <drug-leaflet> knows drug, integrity, heading-level"
        ),
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
    // WCAG 3.1.2: the leaflet's own words carry their language, so a screen
    // reader does not read Spanish labels with the English voice of the content.
    for selector in [
        ".skip-link",
        ".show-all-button",
        ".drug-fact dt",
        ".review",
        ".note-label",
        ".source-marker",
        ".link-button",
        "[data-section-id='sources'] .section-title",
    ] {
        let lang = leaflet
            .one(selector)
            .closest("[lang]")
            .expect("closest")
            .and_then(|e| e.get_attribute("lang"));
        assert_eq!(lang.as_deref(), Some("es"), "{selector}");
    }
    let heading = leaflet.one("[data-section-id='dosing'] .section-title");
    let lang = heading
        .closest("[lang]")
        .expect("closest")
        .and_then(|e| e.get_attribute("lang"));
    assert_eq!(lang.as_deref(), Some("en"), "content keeps its language");
}

/// Changing `lang` on a shown leaflet writes its sections again in the new
/// language: the open ones stay open, their buttons still work, and "Link to
/// this section" answers in the new language.
#[wasm_bindgen_test]
async fn open_sections_stay_open_and_working_when_lang_changes() {
    let leaflet = Mounted::new().await;
    let buttons = leaflet.section_buttons();
    buttons[1].click();
    settle().await;
    assert!(expanded(&buttons[0]) && expanded(&buttons[1]));
    leaflet.host.set_attribute("lang", "es").expect("set lang");
    settle().await;
    assert_eq!(
        leaflet.one(".show-all-button").inner_text().trim(),
        "Mostrar todas las secciones"
    );
    let buttons = leaflet.section_buttons();
    let open: Vec<bool> = buttons.iter().map(|b| expanded(b)).collect();
    assert_eq!(&open[..3], [true, true, false], "open sections stay open");
    assert!(visible(&leaflet.panel_of(&buttons[1])), "and show their text");
    assert!(!visible(&leaflet.panel_of(&buttons[2])));
    buttons[2].click();
    settle().await;
    assert!(expanded(&buttons[2]), "a click after the change opens a section");
    assert!(visible(&leaflet.panel_of(&buttons[2])));
    let panel = leaflet.panel_of(&buttons[2]);
    let link = panel
        .query_selector(".link-button")
        .expect("selector")
        .expect("link button");
    link.dyn_ref::<HtmlElement>().expect("a button").click();
    let status = panel
        .query_selector(".link-status")
        .expect("selector")
        .expect("status");
    for _ in 0..50 {
        if !status.text_content().unwrap_or_default().is_empty() {
            break;
        }
        settle().await;
    }
    let said = status.text_content().unwrap_or_default();
    assert!(
        said.starts_with("Enlace copiado:") || said.starts_with("Copie este enlace:"),
        "the status line speaks Spanish: {said:?}"
    );
}

/// The reader's choice of source markers survives a change of another option
/// (the sections are written again in the new language), and a change of the
/// host's `sources` attribute replaces it: the checkbox, the article and
/// `sourcesInline` agree each time, and only the reader's choices are events.
#[wasm_bindgen_test]
async fn the_source_markers_checkbox_and_the_leaflet_agree_after_other_options_change() {
    let leaflet = Mounted::new().await;
    let events = EventLog::new(&leaflet.host, "drug-leaflet-sources");
    let agreed = |leaflet: &Mounted| {
        let checkbox = leaflet.one(".sources-toggle");
        let checked = checkbox
            .dyn_ref::<web_sys::HtmlInputElement>()
            .expect("a checkbox")
            .checked();
        let article = leaflet.one("article").get_attribute("data-sources");
        let getter = get(&leaflet.host, "sourcesInline").as_bool();
        (checked, article, getter)
    };
    let inline = (true, Some("inline".to_owned()), Some(true));
    let section = (false, Some("section".to_owned()), Some(false));
    leaflet.one(".sources-toggle").click();
    settle().await;
    assert_eq!(agreed(&leaflet), inline);
    leaflet.host.set_attribute("lang", "es").expect("set lang");
    settle().await;
    assert_eq!(
        agreed(&leaflet),
        inline,
        "the rewritten checkbox keeps the reader's choice"
    );
    leaflet
        .host
        .set_attribute("sources", "inline")
        .expect("set sources");
    settle().await;
    assert_eq!(agreed(&leaflet), inline);
    leaflet
        .host
        .set_attribute("sources", "section")
        .expect("set sources");
    settle().await;
    assert_eq!(agreed(&leaflet), section, "the host's new value wins");
    leaflet.one(".sources-toggle").click();
    settle().await;
    assert_eq!(agreed(&leaflet), inline);
    let choices: Vec<Option<bool>> = events
        .take()
        .iter()
        .map(|detail| get(detail, "inline").as_bool())
        .collect();
    assert_eq!(
        choices,
        [Some(true), Some(true)],
        "the reader's two choices, not the host's"
    );
}

/// `value` without its `null` fields: serde writes `None` as null, the
/// getter leaves the field out, as serde-wasm-bindgen's undefined did for JSON.
fn without_nulls(value: serde_json::Value) -> serde_json::Value {
    match value {
        serde_json::Value::Object(fields) => fields
            .into_iter()
            .filter(|(_, value)| !value.is_null())
            .map(|(name, value)| (name, without_nulls(value)))
            .collect(),
        serde_json::Value::Array(items) => items.into_iter().map(without_nulls).collect(),
        other => other,
    }
}

#[wasm_bindgen_test]
async fn the_monograph_property_gives_every_field_serde_writes() {
    let leaflet = Mounted::new().await;
    let json = js_sys::JSON::stringify(&monograph_of(&leaflet)).expect("plain data");
    let given: serde_json::Value = serde_json::from_str(&String::from(json)).expect("JSON");
    let bundled = drug_leaflet::bundled::by_id("nusinersen").expect("bundled");
    let written = without_nulls(serde_json::to_value(&bundled).expect("serialisable"));
    assert_eq!(given, written);
    // Every kind of block, with its `kind`, and the sources' rights and kinds.
    for kind in [
        "\"kind\":\"urgent\"",
        "\"kind\":\"key_facts\"",
        "\"rights\":\"public-domain\"",
        "\"kind\":\"label\"",
    ] {
        assert!(given.to_string().contains(kind), "{kind}");
    }
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

/// The header says how much of the added text a pharmacist signed off: none,
/// all but one (the count and the rest), all; the status line says the same
/// in short.
#[wasm_bindgen_test]
async fn the_header_tells_how_much_added_text_was_signed_off() {
    let leaflet = Mounted::new().await;
    let bundled = drug_leaflet::bundled::by_id("nusinersen").expect("bundled");
    let places: Vec<String> = drug_leaflet::monograph::validate::added_texts(&bundled)
        .into_iter()
        .map(|t| t.path)
        .collect();
    let count = places.len();
    assert!(count > 90, "{count} added texts");
    let shown = |signed: &[String]| {
        let monograph = monograph_of(&leaflet);
        let reviews = if signed.is_empty() {
            "[]".to_owned()
        } else {
            let texts: Vec<String> = signed.iter().map(|p| format!("{p:?}")).collect();
            format!(
                r#"[{{"name": "A. Pharmacist", "role": "Clinical pharmacist", "date": "2026-12-06", "texts": [{}]}}]"#,
                texts.join(", ")
            )
        };
        set(
            &monograph,
            "meta.additions.reviews",
            &js_sys::JSON::parse(&reviews).expect("JSON"),
        );
        set(&leaflet.host, "monograph", &monograph);
    };
    let header = || {
        (
            leaflet.one(".status-review").text_content().unwrap_or_default(),
            leaflet.one(".review-status").text_content().unwrap_or_default(),
        )
    };

    assert_eq!(
        header(),
        (
            "Added text not yet reviewed by a pharmacist.".to_owned(),
            "Not yet reviewed by a pharmacist.".to_owned()
        )
    );
    shown(&places[1..]);
    settle().await;
    assert_eq!(
        header(),
        (
            format!("{} of {count} added texts reviewed by a pharmacist.", count - 1),
            format!(
                "{} of {count} added texts reviewed by A. Pharmacist, Clinical pharmacist, on December 6, 2026; the rest not yet reviewed.",
                count - 1
            )
        )
    );
    shown(&places);
    settle().await;
    assert_eq!(
        header(),
        (
            "Added text reviewed by a pharmacist.".to_owned(),
            "All added text reviewed by A. Pharmacist, Clinical pharmacist, on December 6, 2026.".to_owned()
        )
    );
    // A place that is no added text is refused, not counted.
    shown(&["sections[0].blocks[0].text".to_owned()]);
    settle().await;
    assert!(
        leaflet.text().contains("is not the place of an added text"),
        "{}",
        leaflet.text()
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
    assert!(
        text.contains("sections[2].heading: expected text, found a number"),
        "{text}"
    );
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

/// A host that answers an element's event by calling back into it (here its
/// `drug-leaflet-error` listener puts the bundled monograph back) gets what it
/// asked for once the element's own call is over: not a crash of every leaflet.
#[wasm_bindgen_test]
async fn a_listener_may_call_back_into_the_element_that_fired_the_event() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    let leaflet = Mounted::new().await;
    let errors = ConsoleLog::new("error");
    let host = leaflet.host.clone();
    let restore = Closure::<dyn FnMut()>::new(move || set(&host, "monograph", &JsValue::NULL));
    let listener: &js_sys::Function = restore.as_ref().unchecked_ref();
    leaflet
        .host
        .add_event_listener_with_callback("drug-leaflet-error", listener)
        .expect("a listener");
    set(&leaflet.host, "monograph", &js_sys::Object::new());
    settle().await;
    leaflet
        .host
        .remove_event_listener_with_callback("drug-leaflet-error", listener)
        .expect("removed");
    let console = errors.finish();
    assert!(!console.contains("crashed"), "console: {console}");
    assert_eq!(leaflet.one(".title").inner_text(), "Nusinersen");
    assert!(leaflet.all("[role='alert']").is_empty(), "the error was replaced");
}

/// A drug that is not bundled is fetched from the widget's folder, which a
/// build without data files (this test build, as the npm package) does not
/// have: the element says so, naming the drug and what to do instead of
/// showing another drug's leaflet.
#[wasm_bindgen_test]
async fn a_drug_without_a_data_file_is_an_error_not_another_drugs_leaflet() {
    let errors = ConsoleLog::new("error");
    let leaflet = Mounted::with_attributes(&[("drug", "ibuprofen")]).await;
    let mut waited = 0;
    while leaflet.all("[role='alert']").is_empty() && waited < 500 {
        next_task().await;
        waited += 1;
    }
    let console = errors.finish();
    let text = leaflet.one("[role='alert']").inner_text();
    assert!(text.starts_with("This leaflet could not be loaded:"), "{text}");
    assert!(
        text.contains("drug: the leaflet for drug=\"ibuprofen\" could not be loaded: this build of the widget has no data files")
            && text.contains("set the element's monograph property instead"),
        "{text}"
    );
    assert!(console.contains("ibuprofen"), "console: {console}");
    assert!(leaflet.all(".title").is_empty());
    assert_eq!(leaflet.host.get_attribute("aria-busy"), None, "not busy");

    leaflet.host.set_attribute("drug", "nusinersen").expect("set");
    settle().await;
    assert_eq!(
        leaflet.one(".title").inner_text(),
        "Nusinersen",
        "back to the bundled drug"
    );
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
    let leaflet = Mounted::prepared(|host| set(host, "monograph", &monograph)).await;
    assert_eq!(leaflet.one(".title").inner_text(), "Set before connecting");
}

#[wasm_bindgen_test]
async fn open_sections_are_remembered_for_the_page_unless_remember_is_off() {
    let first = Mounted::new().await;
    first.one("[data-section-id='dosing'] .section-button").click();
    first
        .one("[data-section-id='what-is-nusinersen'] .section-button")
        .click();
    settle().await;
    drop(first);
    let key = "drug-leaflet:/:nusinersen";
    let stored = support::session_storage().get_item(key).expect("readable");
    assert_eq!(
        stored.as_deref(),
        Some("dosing"),
        "what is stored, under which key"
    );

    let again = Mounted::keeping_storage(&[]).await;
    let open: Vec<String> = again
        .section_buttons()
        .iter()
        .filter(|b| expanded(b))
        .filter_map(|b| {
            b.parent_element()?
                .parent_element()?
                .get_attribute("data-section-id")
        })
        .collect();
    assert_eq!(
        open,
        ["dosing"],
        "a reader coming back finds the leaflet as they left it"
    );
    drop(again);

    support::forget_remembered_sections();
    let private = Mounted::keeping_storage(&[("remember", "off")]).await;
    private.one("[data-section-id='storage'] .section-button").click();
    settle().await;
    assert_eq!(
        support::session_storage().length().expect("length"),
        0,
        "remember=\"off\" stores nothing"
    );
}

#[wasm_bindgen_test]
async fn arrow_keys_home_and_end_move_between_section_buttons() {
    let leaflet = Mounted::new().await;
    let buttons = leaflet.section_buttons();
    buttons[0].focus().expect("focus");
    let focused = || leaflet.shadow.active_element().expect("focus inside").id();
    support::press(&buttons[0], "ArrowDown");
    assert_eq!(focused(), buttons[1].id());
    support::press(&buttons[1], "ArrowUp");
    assert_eq!(focused(), buttons[0].id());
    support::press(&buttons[0], "End");
    assert_eq!(focused(), buttons[buttons.len() - 1].id());
    support::press(&buttons[buttons.len() - 1], "Home");
    assert_eq!(focused(), buttons[0].id());
    assert!(expanded(&buttons[0]), "moving focus toggles nothing");
}

#[wasm_bindgen_test]
async fn closed_panels_can_be_found_and_finding_one_opens_its_section() {
    let leaflet = Mounted::new().await;
    let button = leaflet.one("[data-section-id='storage'] .section-button");
    let panel = leaflet.panel_of(&button);
    // Chromium and Firefox support until-found; others fall back to plain hidden.
    assert_eq!(panel.get_attribute("hidden").as_deref(), Some("until-found"));
    let found = web_sys::Event::new_with_event_init_dict("beforematch", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .expect("event");
    panel.dispatch_event(&found).expect("dispatch");
    settle().await;
    assert!(expanded(&button), "the button follows what the browser revealed");
    assert!(visible(&panel));
}

#[wasm_bindgen_test]
async fn link_to_this_section_gives_the_url_that_opens_it() {
    let leaflet = Mounted::new().await;
    let link = leaflet.one("[data-section-id='what-is-nusinersen'] .link-button");
    assert_eq!(link.inner_text().trim(), "Link to this section");
    link.click();
    let status = leaflet.one("[data-section-id='what-is-nusinersen'] [role='status']");
    for _ in 0..20 {
        if !status.inner_text().is_empty() {
            break;
        }
        settle().await;
    }
    let text = status.inner_text();
    let page = web_sys::window()
        .expect("window")
        .location()
        .href()
        .expect("href");
    let url = format!(
        "{}#what-is-nusinersen",
        page.split('#').next().unwrap_or_default()
    );
    // Headless browsers may refuse the clipboard: then the reader is told to copy it.
    assert!(
        text == format!("Link copied: {url}") || text == format!("Copy this link: {url}"),
        "{text}"
    );
}

#[wasm_bindgen_test]
async fn a_url_fragment_opens_and_scrolls_to_its_section() {
    let window = web_sys::window().expect("window");
    window.location().set_hash("pregnancy").expect("set hash");
    let leaflet = Mounted::new().await;
    let pregnancy = leaflet.one("[data-section-id='pregnancy'] .section-button");
    assert!(expanded(&pregnancy), "opened on load");

    window.location().set_hash("storage").expect("set hash");
    for _ in 0..10 {
        settle().await;
    }
    let storage = leaflet.one("[data-section-id='storage'] .section-button");
    assert!(expanded(&storage), "opened on hashchange");
    window.location().set_hash("").expect("clear hash");
}

#[wasm_bindgen_test]
async fn choosing_a_drug_replaces_a_monograph_set_through_the_property() {
    let leaflet = Mounted::new().await;
    let monograph = monograph_of(&leaflet);
    set(&monograph, "meta.title", &"From the portal".into());
    set(&leaflet.host, "monograph", &monograph);
    settle().await;
    assert_eq!(leaflet.one(".title").inner_text(), "From the portal");
    leaflet.host.set_attribute("drug", "nusinersen").expect("set");
    settle().await;
    assert_eq!(leaflet.one(".title").inner_text(), "Nusinersen");
    // And it stays replaced when the element is moved.
    leaflet.reinsert();
    settle().await;
    assert_eq!(leaflet.one(".title").inner_text(), "Nusinersen");
}

/// Changes a copy of the shown monograph into bad data.
type BreakMonograph = fn(&JsValue);

/// Each kind of bad host data is reported at its place, in plain words: a wrong
/// type, a block that lacks its kind's field, and something that is not a
/// monograph at all.
#[wasm_bindgen_test]
async fn bad_host_data_names_the_place_and_what_was_expected() {
    let leaflet = Mounted::new().await;
    let alert_after = |change: BreakMonograph| {
        let monograph = monograph_of(&leaflet);
        change(&monograph);
        set(&leaflet.host, "monograph", &monograph);
    };
    let cases: [(BreakMonograph, &str); 5] = [
        (
            // A monograph has no URLs: the leaflet makes its only links itself.
            |m| set(m, "sources.0.url", &"javascript:alert(1)".into()),
            "sources[0]: unknown field \"url\"; the fields here are id, title, publisher, revised, kind, note",
        ),
        (
            // serde-wasm-bindgen alone would drop a misspelt field silently.
            |m| set(m, "sections.0.blocks.0.soruce", &"PI".into()),
            "sections[0].blocks[0]: unknown field \"soruce\"; the fields here are kind, text, lead, heading, source, items",
        ),
        (
            |m| set(m, "sections", &"nope".into()),
            "sections: expected a list, found the text \"nope\"",
        ),
        (
            |m| {
                let urgent = get(m, "summary.0");
                js_sys::Reflect::delete_property(&urgent.into(), &"heading".into()).expect("delete");
            },
            "summary[0]: missing field `heading` (the urgent block needs it)",
        ),
        (
            |m| set(m, "meta.additions.compiled", &JsValue::from(true)),
            "meta.additions.compiled: expected text, found true or false",
        ),
    ];
    for (change, expected) in cases {
        alert_after(change);
        settle().await;
        let text = leaflet.one("[role='alert']").inner_text();
        assert!(text.contains(expected), "expected {expected:?} in {text}");
        set(&leaflet.host, "monograph", &JsValue::NULL);
        settle().await;
    }
    set(&leaflet.host, "monograph", &JsValue::from(42));
    settle().await;
    let text = leaflet.one("[role='alert']").inner_text();
    assert!(
        text.contains("monograph: expected an object, found a number"),
        "{text}"
    );
}

/// Values that are not data at all: a Symbol, a function, an object that
/// contains itself, a field whose getter throws. Each gets a message, and the
/// element keeps working (the bundled leaflet comes back with `null`).
#[wasm_bindgen_test]
async fn values_that_are_not_data_get_a_message_not_a_crash() {
    let leaflet = Mounted::new().await;
    let script = |code: &str| js_sys::Function::new_with_args("m", code);
    let cases = [
        (
            "return Symbol('x');",
            "monograph: expected an object, found a function or another value that is not data",
        ),
        (
            "return () => 1;",
            "monograph: expected an object, found a function or another value that is not data",
        ),
        ("m.meta.additions = m; return m;", "meta.additions: unknown field \"meta\""),
        (
            "Object.defineProperty(m.meta, 'title', { get() { throw new Error('boom'); }, enumerable: true }); return m;",
            "meta.title: could not be read: reading it threw an error",
        ),
        // An optional field: serde-wasm-bindgen would read it and throw through the WASM.
        (
            "Object.defineProperty(m.meta, 'pronunciation', { get() { throw new Error('boom'); } }); return m;",
            "meta.pronunciation: could not be read: reading it threw an error",
        ),
        // A list whose elements throw when read.
        (
            "m.sections = new Proxy(m.sections, { get(t, k) { if (k === '3') throw new Error('boom'); return Reflect.get(t, k); } }); return m;",
            "sections[3]: could not be read: reading it threw an error",
        ),
        (
            "m.meta = new Proxy(m.meta, { ownKeys() { throw new Error('boom'); } }); return m;",
            "meta: could not be read: reading it threw an error",
        ),
        (
            "const p = Proxy.revocable({}, {}); p.revoke(); m.meta.additions = p.proxy; return m;",
            "meta.additions: could not be read: reading it threw an error",
        ),
        // Traps serde-wasm-bindgen would call (`in`), and a getter that
        // throws from its second read: the check and serde read one plain copy,
        // so both show.
        (
            "m.sections[0].heading = 'Trapped'; return new Proxy(m, { has() { throw new Error('boom'); } });",
            "shown: Trapped",
        ),
        (
            "let reads = 0; Object.defineProperty(m.sections[0], 'heading', { get() { if (reads++) throw new Error('again'); return 'Once'; }, enumerable: true }); return m;",
            "shown: Once",
        ),
    ];
    for (code, expected) in cases {
        let value = script(code)
            .call1(&JsValue::NULL, &monograph_of(&leaflet))
            .expect("the case builds");
        set(&leaflet.host, "monograph", &value);
        settle().await;
        if let Some(heading) = expected.strip_prefix("shown: ") {
            assert_eq!(leaflet.all("[role='alert']").len(), 0, "{code}: shown");
            let shown = leaflet.one(".section-title").inner_text();
            assert_eq!(shown.trim(), heading, "{code}");
        } else {
            let text = leaflet.one("[role='alert']").inner_text();
            assert!(text.contains(expected), "{code}: expected {expected:?} in {text}");
        }
        set(&leaflet.host, "monograph", &JsValue::NULL);
        settle().await;
        assert!(
            !leaflet.section_buttons().is_empty(),
            "{code}: the element still works"
        );
    }
}

/// JS text can hold half of a surrogate pair, which Rust text cannot: the
/// character would turn into U+FFFD unseen, so the place is named instead.
#[wasm_bindgen_test]
async fn a_lone_surrogate_is_reported_at_its_place_and_index() {
    let leaflet = Mounted::new().await;
    let errors = EventLog::new(&document(), "drug-leaflet-error");
    let monograph = monograph_of(&leaflet);
    let broken = utf16(&["Nusinersen ", "\\u{D83D}", " tablets"]);
    set(&monograph, "meta.title", &broken);
    set(&leaflet.host, "monograph", &monograph);
    settle().await;
    let expected = "meta.title: the text contains a broken character (a lone surrogate, U+D83D) at index 11";
    let text = leaflet.one("[role='alert']").inner_text();
    assert!(text.contains(expected), "{text}");
    let details = errors.take();
    assert_eq!(get(&details[0], "problems.0.path"), "meta.title");

    // A whole pair is a character like any other, and U+FFFD typed as such is text.
    let paired = utf16(&["Nusinersen ", "\\u{D83D}", "\\u{DC8A}", " \u{FFFD}"]);
    set(&monograph, "meta.title", &paired);
    set(&leaflet.host, "monograph", &monograph);
    settle().await;
    assert_eq!(
        leaflet.one(".title").inner_text(),
        "Nusinersen \u{1F48A} \u{FFFD}"
    );
}

/// A JS string from parts, where `\u{D83D}`-like parts are single UTF-16 units.
fn utf16(parts: &[&str]) -> JsValue {
    let units: Vec<u16> = parts
        .iter()
        .flat_map(|part| match part.strip_prefix("\\u{") {
            Some(hex) => vec![u16::from_str_radix(hex.trim_end_matches('}'), 16).expect("hex")],
            None => part.encode_utf16().collect(),
        })
        .collect();
    js_sys::JsString::from_char_code(&units).into()
}

/// A list longer than a leaflet takes is refused at once, with the limit,
/// before any of its elements is read.
#[wasm_bindgen_test]
async fn ten_thousand_sections_get_the_limit_in_plain_words_quickly() {
    let leaflet = Mounted::new().await;
    let monograph = monograph_of(&leaflet);
    let many = js_sys::Function::new_with_args(
        "m",
        "const s = m.sections[0]; m.sections = Array.from({ length: 10000 }, (_, i) => ({ ...s, id: 's' + i })); return m;",
    )
    .call1(&JsValue::NULL, &monograph)
    .expect("the case builds");
    let started = js_sys::Date::now();
    set(&leaflet.host, "monograph", &many);
    settle().await;
    let elapsed = js_sys::Date::now() - started;
    let text = leaflet.one("[role='alert']").inner_text();
    assert!(
        text.contains("sections: a list of 10000 entries; a leaflet takes at most 1000 here"),
        "{text}"
    );
    assert!(elapsed < 1_000.0, "{elapsed} ms");
}

/// `lang`, `remember` and `drug` with values that are not allowed (here very
/// long ones, and markup): a warning naming the allowed values, cut short, and
/// the default.
#[wasm_bindgen_test]
async fn every_attribute_with_a_bad_value_warns_and_keeps_the_default() {
    let warnings = ConsoleLog::new("warn");
    let long = format!("<img src=x onerror=alert(1)>{}", "x".repeat(100_000));
    let leaflet = Mounted::with_attributes(&[
        ("lang", "fr"),
        ("remember", "maybe"),
        ("heading-level", &long),
        ("expanded", " "),
        ("label", " "),
        ("last-read", "3 March"),
    ])
    .await;
    assert_eq!(
        leaflet.one(".skip-link").inner_text().trim(),
        "Skip to leaflet content"
    );
    assert_eq!(leaflet.one(".title").tag_name(), "H2");
    assert!(expanded(&leaflet.section_buttons()[0]));
    let text = warnings.finish();
    assert!(
        text.contains("lang=\"fr\" is not allowed; use en or es. Using en."),
        "{text}"
    );
    assert!(
        text.contains("remember=\"maybe\" is not allowed; use on, local or off. Using on."),
        "{text}"
    );
    assert!(
        text.contains("heading-level=\"<img src=x onerror=alert(1)>xxx"),
        "{text}"
    );
    assert!(text.contains("expanded=\"\" is not allowed"), "{text}");
    assert!(
        text.contains("label=\" \" is not allowed; use the words a reader should hear for this leaflet. Using the drug's title."),
        "{text}"
    );
    assert_eq!(leaflet_name(&leaflet), "Nusinersen", "a blank label is no name");
    assert!(
        text.contains("last-read=\"3 March\" is not a date; use YYYY-MM-DD. Ignoring it."),
        "{text}"
    );
    assert_eq!(leaflet.all(".updated-mark").len(), 0);
    assert!(text.len() < 2_000, "long values are cut: {} bytes", text.len());
    assert_eq!(leaflet.all("img").len(), 0, "markup in a value stays text");

    leaflet.host.set_attribute("drug", &long).expect("set");
    settle().await;
    let alert = leaflet.one("[role='alert']").inner_text();
    assert!(
        alert.contains("drug: drug=\"<img src=x onerror=alert(1)>xxx"),
        "{alert}"
    );
    assert!(alert.len() < 1_000, "{} bytes", alert.len());
}

/// Puts `console[name]` back when dropped, even if the test fails.
struct ReplacedConsole(Vec<(&'static str, JsValue)>);

impl ReplacedConsole {
    /// Makes `console.info`, `warn` and `error` throw, as a broken logging shim would.
    fn throwing() -> ReplacedConsole {
        let console = get(&js_sys::global(), "console");
        let thrower = js_sys::Function::new_no_args("throw new Error('this console is broken')");
        let originals = ["info", "warn", "error"]
            .into_iter()
            .map(|name| {
                let original = get(&console, name);
                set(&console, name, &thrower);
                (name, original)
            })
            .collect();
        ReplacedConsole(originals)
    }
}

impl Drop for ReplacedConsole {
    fn drop(&mut self) {
        let console = get(&js_sys::global(), "console");
        for (name, original) in &self.0 {
            set(&console, name, original);
        }
    }
}

/// On a page whose console throws, the leaflet's warnings and errors are not
/// exceptions out of the WASM (which would stop every leaflet on the page):
/// the leaflet shows, and an invalid monograph still gets its alert.
#[wasm_bindgen_test]
async fn a_console_that_throws_does_not_stop_the_leaflet() {
    let broken = ReplacedConsole::throwing();
    let leaflet = Mounted::with_attributes(&[("expanded", "some"), ("heading_level", "3")]).await;
    assert_eq!(leaflet.one(".title").inner_text(), "Nusinersen");
    set(&leaflet.host, "monograph", &js_sys::Object::new());
    settle().await;
    assert!(
        leaflet.one("[role='alert']").inner_text().contains("meta"),
        "the alert lists the problems"
    );
    set(&leaflet.host, "monograph", &JsValue::NULL);
    settle().await;
    drop(broken);
    assert_eq!(leaflet.one(".title").inner_text(), "Nusinersen");
    let button = leaflet.section_buttons()[1].clone();
    button.click();
    settle().await;
    assert!(expanded(&button), "the leaflet still works");
}

/// The leaflet's name, which ends its landmarks' names (`aria-labelledby`).
fn leaflet_name(leaflet: &Mounted) -> String {
    let summary = leaflet.one("section.key-facts");
    let labelled_by = summary.get_attribute("aria-labelledby").expect("aria-labelledby");
    let id = labelled_by.split(' ').nth(1).expect("two ids");
    leaflet.one(&format!("#{id}")).text_content().unwrap_or_default()
}

/// Landmarks are named by the `label` attribute, else the title, numbered
/// from the second leaflet with that title in document order; the numbers
/// follow as leaflets leave and the label changes.
#[wasm_bindgen_test]
async fn the_label_or_an_instance_number_names_the_landmarks() {
    let first = Mounted::new().await;
    assert_eq!(leaflet_name(&first), "Nusinersen");
    let second = Mounted::with_attributes(&[("lang", "es")]).await;
    assert_eq!(leaflet_name(&first), "Nusinersen");
    assert_eq!(
        leaflet_name(&second),
        "Nusinersen, prospecto 2",
        "the element's own words"
    );
    first
        .host
        .set_attribute("label", "Your nusinersen leaflet")
        .expect("set");
    settle().await;
    assert_eq!(leaflet_name(&first), "Your nusinersen leaflet");
    assert_eq!(leaflet_name(&second), "Nusinersen", "the only unlabelled one");
    first.host.remove_attribute("label").expect("remove");
    settle().await;
    assert_eq!(leaflet_name(&second), "Nusinersen, prospecto 2");
    first.host.remove();
    settle().await;
    assert_eq!(leaflet_name(&second), "Nusinersen", "alone again");
    assert!(first.all("#leaflet-name").is_empty(), "nothing left behind");
}

/// The sections marked "Updated <date>" (their ids), and the line under the header.
fn updates(leaflet: &Mounted) -> (Vec<(String, String)>, Option<String>) {
    let marks = leaflet
        .all(".updated-mark")
        .iter()
        .map(|mark| {
            let section = mark
                .closest("[data-section-id]")
                .ok()
                .flatten()
                .expect("in a section");
            let id = section.get_attribute("data-section-id").unwrap_or_default();
            (id, mark.inner_text())
        })
        .collect();
    let line = leaflet
        .all(".updated-since")
        .first()
        .map(|line| normalize(&line.inner_text()));
    (marks, line)
}

#[wasm_bindgen_test]
async fn sections_changed_since_last_read_are_marked_and_named_in_one_line_that_opens_them() {
    let leaflet = Mounted::with_attributes(&[("last-read", "2026-12-01")]).await;
    let (marks, line) = updates(&leaflet);
    let latest = "Updated December 6, 2026".to_owned();
    let ids = [
        "side-effects",
        "serious-side-effects",
        "pregnancy",
        "dosing",
        "glossary",
    ];
    assert_eq!(marks, ids.map(|id| (id.to_owned(), latest.clone())));
    assert_eq!(
        line.as_deref(),
        Some("Updated since you last read on December 1, 2026: Nusinersen side effects, Serious side effects and warnings, Pregnancy, Dosing information, Words used in this leaflet")
    );
    // The line is the content's first text: after the header, before the summary.
    let content = leaflet.one(".content");
    let first = content.first_element_child().expect("a first child");
    assert_eq!(first.class_name(), "updated-since");
    assert_eq!(first.get_attribute("role"), None, "plain text, not a live region");

    let pregnancy = leaflet.one("[data-section-id='pregnancy'] .section-button");
    assert!(!expanded(&pregnancy));
    leaflet.all(".updated-since a")[2].click();
    settle().await;
    assert!(expanded(&pregnancy), "the link opens its section");
    assert_eq!(
        leaflet.shadow.active_element().map(|e| e.id()),
        Some(pregnancy.id()),
        "and moves focus to its heading's button"
    );

    // Read before both revisions: each section shows its latest change.
    leaflet
        .host
        .set_attribute("last-read", "2026-11-01")
        .expect("set");
    settle().await;
    let (marks, _) = updates(&leaflet);
    let older = "Updated November 27, 2026".to_owned();
    assert_eq!(marks.len(), 7, "{marks:?}");
    assert!(marks.contains(&("interactions".to_owned(), older)), "{marks:?}");
    assert!(marks.contains(&("dosing".to_owned(), latest)), "{marks:?}");

    // Read after the last revision, or no date at all: nothing.
    for last_read in [Some("2026-12-06"), None] {
        match last_read {
            Some(date) => leaflet.host.set_attribute("last-read", date).expect("set"),
            None => leaflet.host.remove_attribute("last-read").expect("remove"),
        }
        settle().await;
        assert_eq!(updates(&leaflet), (Vec::new(), None), "{last_read:?}");
    }
}

#[wasm_bindgen_test]
async fn the_update_line_and_marks_speak_the_leaflets_language() {
    let leaflet = Mounted::with_attributes(&[("last-read", "2026-11-30"), ("lang", "es")]).await;
    let (marks, line) = updates(&leaflet);
    assert_eq!(marks[0].1, "Actualizado el 6 de diciembre de 2026");
    assert_eq!(
        line.as_deref(),
        Some("Actualizado desde su última lectura, el 30 de noviembre de 2026: Nusinersen side effects, Serious side effects and warnings, Pregnancy, Dosing information, Words used in this leaflet")
    );
    assert_eq!(
        leaflet.one(".updated-since").get_attribute("lang").as_deref(),
        Some("es")
    );
    assert_eq!(
        leaflet.one(".updated-since a").get_attribute("lang").as_deref(),
        Some("en"),
        "section names keep the content's language"
    );
}

#[wasm_bindgen_test]
async fn remember_local_keeps_the_last_revision_seen_for_the_next_visit() {
    let storage = web_sys::window()
        .expect("window")
        .local_storage()
        .expect("allowed")
        .expect("storage");
    let key = "drug-leaflet:last-revision:nusinersen";
    storage.remove_item(key).expect("remove");
    let attributes = [("remember", "local"), ("last-read", "2026-12-01")];
    let first = Mounted::with_attributes(&attributes).await;
    assert_eq!(updates(&first).0.len(), 5);
    assert_eq!(
        storage.get_item(key).expect("readable").as_deref(),
        Some("2026-12-06"),
        "the newest revision shown, under the drug's key"
    );
    drop(first);
    let again = Mounted::with_attributes(&attributes).await;
    assert_eq!(updates(&again), (Vec::new(), None), "seen already");
    drop(again);

    // Without the host's date, the stored one counts; by default nothing is read or written.
    storage.set_item(key, "2026-11-30").expect("set");
    let default = Mounted::with_attributes(&[]).await;
    assert_eq!(updates(&default), (Vec::new(), None));
    assert_eq!(
        storage.get_item(key).expect("readable").as_deref(),
        Some("2026-11-30")
    );
    drop(default);
    let local = Mounted::with_attributes(&[("remember", "local")]).await;
    assert_eq!(updates(&local).0.len(), 5);
    drop(local);

    // An entry that is not a day is ignored, and the newest revision replaces it.
    storage.set_item(key, "<b>soon</b>").expect("set");
    let forged = Mounted::with_attributes(&[("remember", "local")]).await;
    assert_eq!(updates(&forged), (Vec::new(), None));
    assert_eq!(
        storage.get_item(key).expect("readable").as_deref(),
        Some("2026-12-06")
    );
    drop(forged);
    storage.remove_item(key).expect("remove");
}

#[wasm_bindgen_test]
async fn a_leaflet_not_in_the_readers_language_says_so_in_theirs() {
    let leaflet = Mounted::with_attributes(&[("lang", "es")]).await;
    let notice = leaflet.one(".language-notice");
    assert_eq!(
        notice.text_content().as_deref(),
        Some("Este prospecto no está disponible en español. Se muestra en inglés.")
    );
    assert_eq!(notice.get_attribute("lang").as_deref(), Some("es"));
    assert_eq!(
        leaflet.one("article").get_attribute("lang").as_deref(),
        Some("en"),
        "the text keeps its own language, for the screen reader's voice"
    );
    // First in the leaflet after the skip link: read before anything in English.
    let article = leaflet.one("article");
    let second = article.children().item(1).expect("a second child");
    assert_eq!(second.class_name(), "language-notice");

    leaflet.host.set_attribute("lang", "en-US").expect("set");
    settle().await;
    assert!(
        leaflet.all(".language-notice").is_empty(),
        "English text for an English reader"
    );

    // A Spanish text for an English reader.
    let monograph = monograph_of(&leaflet);
    set(&monograph, "meta.language", &"es-ES".into());
    set(&leaflet.host, "monograph", &monograph);
    settle().await;
    assert_eq!(
        leaflet.one(".language-notice").text_content().as_deref(),
        Some("This leaflet is not available in English. It is shown in Spanish.")
    );
}
