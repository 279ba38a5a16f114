//! The leaflet as a reader meets it, in a real browser: run by
//! `wasm-pack test --headless --chrome --firefox -- --test leaflet`.
#![cfg(target_arch = "wasm32")]

mod support;

use drug_leaflet::bundled;
use support::{document, expanded, normalize, press, settle, visible, Mounted};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("../monographs/nusinersen.base.txt");

#[wasm_bindgen_test]
async fn shows_the_default_monograph_with_no_host_input() {
    let leaflet = Mounted::new().await;
    let monograph = bundled::by_id(bundled::DEFAULT_ID).expect("default monograph");
    assert_eq!(leaflet.one("h2.title").inner_text(), "Nusinersen");
    let headings: Vec<String> = leaflet
        .section_buttons()
        .iter()
        .map(|b| normalize(&b.inner_text()))
        .collect();
    let mut expected: Vec<String> = monograph.sections.iter().map(|s| s.heading.to_string()).collect();
    expected.push("Sources".into());
    assert_eq!(headings, expected);
    let text = leaflet.text();
    for line in [
        "Generic name: nusinersen",
        "Brand name: Spinraza",
        "Drug class: Miscellaneous uncategorized agents",
        "Dosage form: intrathecal injection (12 mg/5 mL)",
        "Medically reviewed by Carmen Pope, BPharm. Last updated on May 20, 2025.",
    ] {
        assert!(text.contains(line), "missing {line:?}");
    }
}

#[wasm_bindgen_test]
async fn every_sentence_of_the_seed_monograph_is_on_the_page() {
    let leaflet = Mounted::new().await;
    let text = leaflet.text();
    // The seed's first line ("Skip to main content") was its page's chrome.
    let paragraphs = SEED
        .lines()
        .skip(1)
        .map(normalize)
        .filter(|line| !line.is_empty());
    let missing: Vec<String> = paragraphs.filter(|p| !text.contains(p.as_str())).collect();
    assert!(missing.is_empty(), "not rendered: {missing:#?}");
}

#[wasm_bindgen_test]
async fn only_the_first_section_is_open_at_start() {
    let leaflet = Mounted::new().await;
    let buttons = leaflet.section_buttons();
    assert!(buttons.len() > 2);
    for (index, button) in buttons.iter().enumerate() {
        let panel = leaflet.panel_of(button);
        assert_eq!(expanded(button), index == 0, "aria-expanded of section {index}");
        assert_eq!(visible(&panel), index == 0, "visibility of panel {index}");
        assert_eq!(
            panel.get_attribute("aria-labelledby").as_deref(),
            Some(button.id().as_str()),
            "panel {index} is labelled by its button"
        );
        let heading = button.parent_element().expect("heading");
        assert_eq!(heading.tag_name(), "H3", "button {index} sits in a heading");
    }
}

#[wasm_bindgen_test]
async fn click_enter_and_space_each_toggle_a_section() {
    let leaflet = Mounted::new().await;
    let button = leaflet.section_buttons()[1].clone();
    let panel = leaflet.panel_of(&button);
    assert!(!expanded(&button) && !visible(&panel));

    button.click();
    settle().await;
    assert!(expanded(&button) && visible(&panel), "click opens");

    press(&button, "Enter");
    settle().await;
    assert!(!expanded(&button) && !visible(&panel), "Enter closes");

    press(&button, " ");
    settle().await;
    assert!(expanded(&button) && visible(&panel), "Space opens");

    press(&button, "a");
    settle().await;
    assert!(expanded(&button), "other keys do nothing");
}

#[wasm_bindgen_test]
async fn skip_link_comes_first_and_moves_focus_to_the_content() {
    let leaflet = Mounted::new().await;
    let focusable = leaflet.all("a[href], button, [tabindex]:not([tabindex='-1'])");
    let skip = focusable.first().expect("something focusable").clone();
    assert_eq!(skip.inner_text().trim(), "Skip to leaflet content");
    assert!(skip.offset_width() <= 1, "hidden until it has focus");
    skip.focus().expect("focus");
    assert!(skip.offset_width() > 1, "shown while it has focus");

    skip.click();
    settle().await;
    let active = leaflet
        .shadow
        .active_element()
        .expect("focus is inside the leaflet");
    assert_eq!(active.id(), "leaflet-content");
    let first_section = active.query_selector(".section").expect("selector");
    assert!(first_section.is_some(), "the focused element holds the sections");
}

#[wasm_bindgen_test]
async fn show_all_opens_every_section_and_follows_them() {
    let leaflet = Mounted::new().await;
    let show_all = leaflet.one(".show-all-button");
    assert_eq!(show_all.inner_text().trim(), "Show all sections");
    assert!(!expanded(&show_all));

    show_all.click();
    settle().await;
    assert!(leaflet.section_buttons().iter().all(|b| expanded(b)));
    assert!(leaflet
        .section_buttons()
        .iter()
        .all(|b| visible(&leaflet.panel_of(b))));
    assert_eq!(show_all.inner_text().trim(), "Hide all sections");
    assert!(expanded(&show_all));

    leaflet.section_buttons()[3].click();
    settle().await;
    assert_eq!(
        show_all.inner_text().trim(),
        "Show all sections",
        "one closed section"
    );

    show_all.click();
    settle().await;
    show_all.click();
    settle().await;
    assert!(
        leaflet.section_buttons().iter().all(|b| !expanded(b)),
        "hide all closes every section"
    );
}

#[wasm_bindgen_test]
async fn medwatch_number_is_a_phone_link() {
    let leaflet = Mounted::new().await;
    let link = leaflet.one("a[href^='tel:']");
    assert_eq!(link.get_attribute("href").as_deref(), Some("tel:+18003321088"));
    assert_eq!(link.text_content().as_deref(), Some("1-800-FDA-1088"));
}

#[wasm_bindgen_test]
async fn styles_come_from_one_constructable_stylesheet_not_inline_styles() {
    let first = Mounted::new().await;
    let second = Mounted::new().await;
    let sheets = |m: &Mounted| js_sys::Array::from(&m.shadow.adopted_style_sheets());
    assert_eq!(sheets(&first).length(), 1);
    assert!(
        sheets(&first).get(0) == sheets(&second).get(0),
        "instances share the stylesheet"
    );
    assert!(first.all("[style]").is_empty(), "no inline style attributes");
    assert_eq!(first.all("style, link").len(), 0, "no <style> or <link> elements");
}

#[wasm_bindgen_test]
async fn two_instances_and_a_second_definition_stay_independent() {
    drug_leaflet::define_element();
    let first = Mounted::new().await;
    let second = Mounted::new().await;
    drug_leaflet::define_element();
    first.section_buttons()[2].click();
    settle().await;
    assert!(expanded(&first.section_buttons()[2]));
    assert!(
        !expanded(&second.section_buttons()[2]),
        "the other leaflet is untouched"
    );
}

#[wasm_bindgen_test]
async fn leaving_the_page_destroys_the_leaflet_and_coming_back_renders_it_again() {
    let leaflet = Mounted::new().await;
    leaflet.host.remove();
    settle().await;
    assert_eq!(leaflet.shadow.child_element_count(), 0, "nothing left behind");

    document()
        .body()
        .expect("body")
        .append_child(&leaflet.host)
        .expect("append");
    settle().await;
    assert_eq!(
        leaflet.all(".leaflet-root").len(),
        1,
        "exactly one app after reconnecting"
    );
    assert_eq!(leaflet.one("h2.title").inner_text(), "Nusinersen");
}

#[wasm_bindgen_test]
async fn added_content_shows_its_source_and_the_sources_are_listed() {
    let leaflet = Mounted::new().await;
    let side_effects = leaflet.one("[data-section-id='side-effects'] .section-button");
    side_effects.click();
    settle().await;
    // One line names the section's sources; each line's marker waits to be asked for.
    let line = leaflet.one("[data-section-id='side-effects'] .source-line");
    assert!(line.offset_height() > 0, "the section's source line shows");
    assert!(
        line.inner_text()
            .starts_with("Where this comes from: US prescribing information, section 6.1;"),
        "{}",
        line.inner_text()
    );
    let markers = leaflet.all("[data-section-id='side-effects'] .source-marker");
    assert!(markers.len() >= 10, "{} markers", markers.len());
    assert!(
        markers.iter().all(|m| m.offset_height() == 0),
        "markers are hidden until asked for"
    );
    let checkbox = leaflet.one(".sources-toggle");
    checkbox.click();
    settle().await;
    assert_eq!(markers[0].inner_text(), "(Source: PI 6.1)");
    assert!(
        markers.iter().all(|m| m.offset_height() > 0),
        "markers are visible text once asked for"
    );
    assert_eq!(
        leaflet.one("article").get_attribute("data-sources").as_deref(),
        Some("inline")
    );

    let sources = leaflet.all("[data-section-id='sources'] li[data-source-id]");
    let ids: Vec<String> = sources
        .iter()
        .filter_map(|li| li.get_attribute("data-source-id"))
        .collect();
    assert_eq!(
        ids,
        [
            "seed",
            "PI",
            "EU-PL",
            "EU-SmPC",
            "MHRA",
            "DHPC",
            "BIOGEN-2026",
            "CRUK",
            "editors"
        ]
    );
    assert!(sources[1]
        .text_content()
        .unwrap_or_default()
        .contains("Revised March 2026."));
    let seed_marker = leaflet
        .all(".source-marker")
        .iter()
        .any(|m| m.inner_text().contains("seed"));
    assert!(!seed_marker, "text from the main source carries no marker");
}

#[wasm_bindgen_test]
async fn mounting_and_removing_many_times_does_not_grow_memory() {
    let leaflet = Mounted::new().await;
    let memory_bytes = || {
        let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
        js_sys::ArrayBuffer::from(memory.buffer()).byte_length()
    };
    for _ in 0..20 {
        leaflet.reinsert();
        settle().await;
    }
    let before = memory_bytes();
    for _ in 0..200 {
        leaflet.reinsert();
        settle().await;
    }
    let grown = memory_bytes() - before;
    // One leaflet's app takes tens of kilobytes: a leak of one a cycle would show as megabytes.
    assert!(grown < 1 << 20, "memory grew by {grown} bytes over 200 mounts");
    assert_eq!(leaflet.all(".leaflet-root").len(), 1);
}

#[wasm_bindgen_test]
async fn every_listener_a_leaflet_adds_to_the_window_is_removed_when_it_leaves() {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::prelude::*;

    // Let earlier tests' leaflets finish leaving (yew tears down asynchronously).
    settle().await;
    let window = web_sys::window().expect("window");
    let counts = Rc::new(RefCell::new((0, 0)));
    let mut wrappers = Vec::new();
    let mut originals = Vec::new();
    for (method, is_add) in [("addEventListener", true), ("removeEventListener", false)] {
        let original: js_sys::Function = js_sys::Reflect::get(&window, &method.into())
            .expect("method")
            .unchecked_into();
        let (counts, call, this) = (Rc::clone(&counts), original.clone(), window.clone());
        let wrapper = Closure::<dyn FnMut(JsValue, JsValue, JsValue) -> JsValue>::new(
            move |kind: JsValue, listener: JsValue, options: JsValue| {
                if kind.as_string().as_deref() == Some("hashchange") {
                    let mut counts = counts.borrow_mut();
                    if is_add {
                        counts.0 += 1;
                    } else {
                        counts.1 += 1;
                    }
                }
                call.call3(&this, &kind, &listener, &options)
                    .unwrap_or(JsValue::UNDEFINED)
            },
        );
        js_sys::Reflect::set(&window, &method.into(), wrapper.as_ref()).expect("wrap");
        wrappers.push(wrapper);
        originals.push((method, original));
    }

    for _ in 0..5 {
        let leaflet = Mounted::new().await;
        drop(leaflet);
        settle().await;
    }
    for (method, original) in originals {
        js_sys::Reflect::set(&window, &method.into(), &original).expect("restore");
    }
    let (added, removed) = *counts.borrow();
    assert_eq!(added, 5, "one hashchange listener a leaflet");
    assert_eq!(removed, added, "each one removed when its leaflet left the page");
}

/// The "Get medical help" box and the key facts sit above the sections and stay
/// in view when every section is closed; the box is a region named by its
/// heading, with an icon beside the words, so it never relies on colour.
#[wasm_bindgen_test]
async fn get_medical_help_and_key_facts_stay_in_view_with_every_section_closed() {
    let leaflet = Mounted::with_attributes(&[("expanded", "none")]).await;
    assert!(leaflet.section_buttons().iter().all(|b| !expanded(b)));
    let urgent = leaflet.one("section.urgent");
    let key_facts = leaflet.one("section.key-facts");
    for (summary, heading) in [(&urgent, "Get medical help"), (&key_facts, "Key facts")] {
        assert!(visible(summary), "{heading} is shown");
        assert!(summary.closest(".panel").expect("closest").is_none());
        // Named by its heading, then the leaflet's name (its title, numbered
        // from the second leaflet with that title on the page): two leaflets
        // on a page give landmarks a screen reader user can tell apart.
        let labelled_by = summary.get_attribute("aria-labelledby").expect("aria-labelledby");
        let names: Vec<_> = labelled_by
            .split(' ')
            .map(|id| leaflet.one(&format!("#{id}")))
            .collect();
        let [name, leaflet_name] = names.as_slice() else {
            panic!("{heading}: named by {labelled_by:?}");
        };
        assert_eq!(normalize(&name.inner_text()), heading);
        assert_eq!(name.tag_name(), "H3", "one level below the title");
        let leaflet_name = leaflet_name.text_content().unwrap_or_default();
        assert!(
            leaflet_name.starts_with("Nusinersen"),
            "{heading}: {leaflet_name:?}"
        );
        assert!(
            leaflet.all(".leaflet #leaflet-name").is_empty(),
            "kept beside the app"
        );
        let first_section = &leaflet.section_buttons()[0];
        let position = summary.compare_document_position(first_section);
        assert!(
            position & web_sys::Node::DOCUMENT_POSITION_FOLLOWING != 0,
            "{heading} comes before the sections"
        );
    }
    let icon = leaflet
        .shadow
        .query_selector("section.urgent h3 svg")
        .expect("valid selector")
        .expect("an icon in the heading");
    assert_eq!(icon.get_attribute("aria-hidden").as_deref(), Some("true"));
    assert!(icon.client_width() > 0, "the icon is drawn");
    let facts = key_facts.query_selector_all("li").expect("items").length();
    assert!((4..=6).contains(&facts), "{facts} key facts");
    let signs = normalize(&urgent.inner_text()).to_lowercase();
    for sign in [
        "vomiting",
        "headache",
        "a head that grows",
        "stiff neck",
        "swelling of the face, lips or tongue",
    ] {
        assert!(signs.contains(sign), "the box names {sign:?}: {signs}");
    }
    let items = urgent.query_selector_all("li").expect("items").length();
    let markers = urgent
        .query_selector_all("li .source-marker")
        .expect("markers")
        .length();
    assert!(
        items > 4 && markers == items,
        "each of the {items} signs shows its source: {markers}"
    );
}

/// A linked word in the text leads to its glossary entry: the glossary opens
/// and the definition takes focus, without touching the host page's URL.
#[wasm_bindgen_test]
async fn a_glossary_link_opens_the_glossary_at_the_definition() {
    let leaflet = Mounted::with_attributes(&[("expanded", "none")]).await;
    let link = leaflet
        .all("a.term-link")
        .into_iter()
        .find(|a| a.closest("[data-section-id='glossary']").ok().flatten().is_none())
        .expect("a term link outside the glossary");
    let target = link.get_attribute("href").expect("href");
    assert!(target.starts_with("#term-"), "{target}");
    let url_before = web_sys::window()
        .expect("window")
        .location()
        .href()
        .expect("href");
    link.click();
    settle().await;
    let glossary = leaflet.one("[data-section-id='glossary'] .section-button");
    assert!(expanded(&glossary), "the glossary opened");
    let focused = leaflet.shadow.active_element().expect("focus is in the leaflet");
    assert_eq!(format!("#{}", focused.id()), target);
    assert!(visible(&focused.dyn_into().expect("an HTMLElement")));
    let url_after = web_sys::window()
        .expect("window")
        .location()
        .href()
        .expect("href");
    assert_eq!(url_after, url_before, "the host page's URL is untouched");
}
