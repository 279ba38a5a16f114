//! Read aloud, on the device only, in a real browser with a scripted
//! `speechSynthesis` in place of the device's (which headless browsers lack):
//! voices with and without `localService`, every `speak`, `pause`, `resume`
//! and `cancel` recorded, and each reading's end played by the test.
#![cfg(target_arch = "wasm32")]

mod support;

use support::{document, expanded, get, settle, EventLog, Mounted};
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

/// Puts a scripted `speechSynthesis` (and an utterance class that takes its
/// voices) in the page, with `voices`: `[name, lang, localService]`.
fn script_speech(voices: &[(&str, &str, bool)]) {
    let voices: Vec<String> = voices
        .iter()
        .map(|(name, lang, local)| format!("{{ name: {name:?}, lang: {lang:?}, localService: {local} }}"))
        .collect();
    let script = format!(
        "window.__speech = {{ voices: [{}], log: [], queue: [] }};
         const synthesis = new EventTarget();
         synthesis.getVoices = () => window.__speech.voices;
         synthesis.speak = (u) => {{ window.__speech.log.push(['speak', u.text, u.lang, u.voice && u.voice.name]); window.__speech.queue.push(u); }};
         synthesis.cancel = () => {{ window.__speech.log.push(['cancel']); window.__speech.queue = []; }};
         synthesis.pause = () => window.__speech.log.push(['pause']);
         synthesis.resume = () => window.__speech.log.push(['resume']);
         window.__speech.synthesis = synthesis;
         Object.defineProperty(window, 'speechSynthesis', {{ value: synthesis, configurable: true }});
         window.SpeechSynthesisUtterance = class {{ constructor(text) {{ this.text = text; }} }};",
        voices.join(", ")
    );
    js_sys::eval(&script).expect("scripted speech");
}

/// What the page said to the speech engine, each call a list.
fn speech_log() -> Vec<Vec<String>> {
    let log = js_sys::eval("JSON.stringify(window.__speech.log.splice(0))").expect("log");
    let json = log.as_string().expect("text");
    let lists: Vec<Vec<Option<String>>> = serde_json::from_str(&json).expect("JSON");
    lists
        .into_iter()
        .map(|call| call.into_iter().map(Option::unwrap_or_default).collect())
        .collect()
}

/// The reading in the engine ends (its last utterance's `end`).
fn end_reading() {
    js_sys::eval("const q = window.__speech.queue; q[q.length - 1].onend(); window.__speech.queue = [];")
        .expect("end");
}

fn listen_buttons(leaflet: &Mounted, place: &str) -> (HtmlElement, HtmlElement) {
    let buttons = leaflet.all(&format!("{place} .listen-button"));
    assert_eq!(buttons.len(), 2, "{place}: listen and stop");
    (buttons[0].clone(), buttons[1].clone())
}

fn shown(button: &HtmlElement) -> bool {
    !button.hidden() && button.offset_height() > 0
}

fn details(log: &EventLog) -> Vec<(String, bool)> {
    log.take()
        .iter()
        .map(|detail| {
            (
                get(detail, "sectionId").as_string().expect("sectionId"),
                get(detail, "reading").as_bool().expect("reading"),
            )
        })
        .collect()
}

#[wasm_bindgen_test]
async fn listen_reads_the_urgent_box_in_order_with_a_local_voice_then_pauses_resumes_and_ends() {
    script_speech(&[("Remote", "en-US", false), ("Device", "en-GB", true)]);
    let events = EventLog::new(&document(), "drug-leaflet-listen");
    let resources = js_sys::eval("performance.getEntriesByType('resource').length").expect("entries");
    let leaflet = Mounted::new().await;
    let (listen, stop) = listen_buttons(&leaflet, ".urgent");
    assert!(shown(&listen) && !shown(&stop));
    assert_eq!(listen.text_content().as_deref(), Some("Listen"));

    listen.click();
    settle().await;
    let said = [
        "Get medical help",
        "Get medical help right away if you or your child has any of these:",
        "Vomiting that does not go away.",
        "Headache that does not go away.",
        "Feeling like throwing up (nausea) that does not go away.",
        "Being much sleepier or harder to wake than usual (reduced consciousness).",
        "In a child, a head that grows bigger quickly.",
        "A stiff neck with fever or headache.",
        "Swelling of the face, lips or tongue, a rash or itching.",
        "Any other symptoms that worry you.",
        "Get help right away: call your care team, or 911 in an emergency.",
    ];
    let expected: Vec<Vec<String>> = said
        .iter()
        .map(|text| vec!["speak".into(), (*text).into(), "en".into(), "Device".into()])
        .collect();
    assert_eq!(
        speech_log(),
        expected,
        "each line its own utterance, no marker, the local voice"
    );
    assert_eq!(listen.text_content().as_deref(), Some("Pause reading"));
    assert!(shown(&stop));
    assert_eq!(details(&events), [("urgent".to_owned(), true)]);

    // The third line is being said: Pause cancels (an engine's own pause
    // does nothing on some), Resume says that line again, then the rest.
    js_sys::eval(
        "const q = window.__speech.queue; q[2].onstart(); window.__speech.before = q[q.length - 1];",
    )
    .expect("start");
    listen.click();
    assert_eq!(speech_log(), [vec!["cancel".to_owned()]]);
    assert_eq!(listen.text_content().as_deref(), Some("Resume reading"));
    assert!(shown(&stop));
    listen.click();
    assert_eq!(speech_log(), expected[2..].to_vec(), "from the line paused");
    assert_eq!(listen.text_content().as_deref(), Some("Pause reading"));
    // The end of the reading before the pause, heard late, changes nothing.
    js_sys::eval("window.__speech.before.onend()").expect("end");
    assert_eq!(listen.text_content().as_deref(), Some("Pause reading"));
    assert!(details(&events).is_empty());

    end_reading();
    settle().await;
    assert_eq!(listen.text_content().as_deref(), Some("Listen"));
    assert!(!shown(&stop));
    assert_eq!(details(&events), [("urgent".to_owned(), false)]);
    let after = js_sys::eval("performance.getEntriesByType('resource').length").expect("entries");
    assert_eq!(resources, after, "reading aloud requests nothing");
    leaflet.host.remove();
}

#[wasm_bindgen_test]
async fn there_is_no_listen_control_without_a_local_voice_for_the_text() {
    // A remote English voice, and a local one in another language.
    script_speech(&[("Remote", "en-US", false), ("Spanish device", "es-ES", true)]);
    let leaflet = Mounted::new().await;
    let buttons = leaflet.all(".listen-button");
    assert_eq!(buttons.len(), 2 * 18, "two a box and a section, written hidden");
    assert!(buttons.iter().all(|button| !shown(button)), "no dead button");

    // The device's voices arrive late: the controls show then.
    js_sys::eval(
        "window.__speech.voices.push({ name: 'Device', lang: 'en-US', localService: true });
         window.__speech.synthesis.dispatchEvent(new Event('voiceschanged'));",
    )
    .expect("voices");
    let (listen, _) = listen_buttons(&leaflet, ".key-facts");
    assert!(shown(&listen));
    leaflet.host.remove();
}

#[wasm_bindgen_test]
async fn closing_the_section_starting_another_or_stop_ends_the_reading() {
    script_speech(&[("Device", "en", true)]);
    let events = EventLog::new(&document(), "drug-leaflet-listen");
    let leaflet = Mounted::new().await;
    let section = "[data-section-id='what-is-nusinersen']";
    let heading = leaflet.one(&format!("{section} .section-button"));
    assert!(expanded(&heading), "the first section starts open");
    let (listen, _) = listen_buttons(&leaflet, section);
    listen.click();
    settle().await;
    let log = speech_log();
    assert_eq!(log[0][1], "What is nusinersen?", "the heading first");
    assert!(log[1][1].starts_with("Nusinersen is an intrathecal injection"));

    heading.click();
    settle().await;
    assert_eq!(speech_log(), [vec!["cancel".to_owned()]]);
    assert_eq!(listen.text_content().as_deref(), Some("Listen"));
    assert_eq!(
        details(&events),
        [
            ("what-is-nusinersen".to_owned(), true),
            ("what-is-nusinersen".to_owned(), false)
        ]
    );

    // Another box stops the one being read.
    let (urgent, _) = listen_buttons(&leaflet, ".urgent");
    let (facts, facts_stop) = listen_buttons(&leaflet, ".key-facts");
    urgent.click();
    facts.click();
    settle().await;
    let log = speech_log();
    assert_eq!(log.iter().filter(|call| call[0] == "cancel").count(), 1);
    assert_eq!(
        log.last().map(|call| call[1].as_str()),
        Some("Some signs need medical help right away. They are listed in the box above.")
    );
    assert_eq!(urgent.text_content().as_deref(), Some("Listen"));
    assert_eq!(
        details(&events),
        [
            ("urgent".to_owned(), true),
            ("urgent".to_owned(), false),
            ("key-facts".to_owned(), true)
        ]
    );
    // The glossary link's brackets are gone: "([[intrathecal|Intrathecal]])" is read "(intrathecal)".
    assert!(
        js_sys::eval("JSON.stringify(window.__speech.queue.map(u => u.text))")
            .expect("queue")
            .as_string()
            .expect("text")
            .contains("spinal cord (intrathecal).")
    );

    facts_stop.focus().expect("focus");
    js_sys::eval("window.__speech.before = window.__speech.queue[window.__speech.queue.length - 1]")
        .expect("keep");
    facts_stop.click();
    settle().await;
    assert_eq!(speech_log(), [vec!["cancel".to_owned()]]);
    assert_eq!(details(&events), [("key-facts".to_owned(), false)]);
    let focused = leaflet.host.shadow_root().and_then(|root| root.active_element());
    assert_eq!(focused, Some(facts.clone().into()), "Stop hid: focus on Listen");
    js_sys::eval("window.__speech.before.onend()").expect("late end");
    assert!(
        details(&events).is_empty(),
        "an end heard after the stop changes nothing"
    );
    // An end heard after the stop changes nothing.
    leaflet.host.remove();
    settle().await;
    assert!(
        details(&events).is_empty(),
        "leaving after a stop says nothing more"
    );
}

#[wasm_bindgen_test]
async fn listen_off_writes_no_control_and_the_words_follow_lang() {
    script_speech(&[("Device", "en-US", true)]);
    let leaflet = Mounted::with_attributes(&[("listen", "off")]).await;
    assert!(leaflet.all(".listen-button").is_empty());
    leaflet.host.remove();

    let leaflet = Mounted::with_attributes(&[("lang", "es")]).await;
    let (listen, stop) = listen_buttons(&leaflet, ".urgent");
    assert_eq!(listen.text_content().as_deref(), Some("Escuchar"));
    assert_eq!(stop.text_content().as_deref(), Some("Detener la lectura"));
    listen.click();
    settle().await;
    let log = speech_log();
    assert_eq!(log[0][2], "en", "the text's language, not the controls'");
    // Leaving the page with the leaflet reading stops it.
    let events = EventLog::new(&document(), "drug-leaflet-listen");
    js_sys::eval("window.dispatchEvent(new Event('pagehide'))").expect("pagehide");
    assert_eq!(speech_log(), [vec!["cancel".to_owned()]]);
    assert_eq!(details(&events), [("urgent".to_owned(), false)]);
    assert_eq!(listen.text_content().as_deref(), Some("Escuchar"));
    assert!(!shown(&stop));
    leaflet.host.remove();
}

#[wasm_bindgen_test]
async fn a_new_attribute_value_stops_the_reading_and_writes_the_controls_again() {
    script_speech(&[("Device", "en-US", true)]);
    let events = EventLog::new(&document(), "drug-leaflet-listen");
    let leaflet = Mounted::new().await;
    let (listen, _) = listen_buttons(&leaflet, ".urgent");
    listen.click();
    settle().await;
    assert_eq!(speech_log().len(), 11, "the urgent box, read");
    leaflet.host.set_attribute("lang", "es").expect("lang");
    settle().await;
    assert_eq!(speech_log(), [vec!["cancel".to_owned()]]);
    assert_eq!(
        details(&events),
        [("urgent".to_owned(), true), ("urgent".to_owned(), false)]
    );
    let (listen, stop) = listen_buttons(&leaflet, ".urgent");
    assert_eq!(listen.text_content().as_deref(), Some("Escuchar"));
    assert!(shown(&listen) && !shown(&stop), "the new control, ready to read");
    leaflet.host.remove();
}

#[wasm_bindgen_test]
async fn a_section_reads_its_notes_and_definitions_and_new_content_or_leaving_stops_it() {
    script_speech(&[("Device", "en-US", true)]);
    let leaflet = Mounted::new().await;
    let (ingredients, _) = listen_buttons(&leaflet, "[data-section-id='ingredients']");
    ingredients.click();
    let said: Vec<String> = speech_log().into_iter().map(|call| call[1].clone()).collect();
    assert_eq!(
        said[..2],
        [
            "What are the ingredients in nusinersen?",
            "Active ingredient: nusinersen 12 mg"
        ]
    );
    assert!(said[2].starts_with("Inactive ingredients: monobasic dihydrate sodium phosphate"));
    assert!(said[3].starts_with("Supplied as a 12 mg/5 mL"), "{said:?}");

    let (serious, _) = listen_buttons(&leaflet, "[data-section-id='serious-side-effects']");
    serious.click();
    let log = speech_log();
    assert_eq!(log[0], ["cancel"], "the other section stopped first");
    let said: Vec<String> = log[1..].iter().map(|call| call[1].clone()).collect();
    assert!(said.contains(&"Important: Kidney inflammation (glomerulonephritis) has been caused by some medicines of the same kind (antisense oligonucleotides). It can cause death.".to_owned()), "{said:?}");
    assert!(
        said.iter().all(|text| !text.contains("Source")),
        "no source marker: {said:?}"
    );

    // New content set through the property stops the reading.
    let events = EventLog::new(&leaflet.host, "drug-leaflet-listen");
    js_sys::Reflect::set(&leaflet.host, &"monograph".into(), &"not a monograph".into()).expect("set");
    assert_eq!(speech_log(), [vec!["cancel".to_owned()]]);
    assert_eq!(details(&events), [("serious-side-effects".to_owned(), false)]);
    leaflet.host.remove();

    // So does removing the leaflet (told on the element: it has left the page).
    let leaflet = Mounted::new().await;
    let events = EventLog::new(&leaflet.host, "drug-leaflet-listen");
    let (urgent, _) = listen_buttons(&leaflet, ".urgent");
    urgent.click();
    speech_log();
    leaflet.host.remove();
    assert_eq!(speech_log(), [vec!["cancel".to_owned()]]);
    assert_eq!(
        details(&events),
        [("urgent".to_owned(), true), ("urgent".to_owned(), false)]
    );
}

#[wasm_bindgen_test]
async fn the_urgent_box_ends_with_the_care_teams_own_words_when_the_host_gives_them() {
    script_speech(&[("Device", "en-US", true)]);
    let leaflet = Mounted::prepared(|host| {
        host.set_inner_html("<p slot=\"urgent-contact\">Call the  SMA clinic\n  first.</p>");
    })
    .await;
    settle().await;
    let (listen, _) = listen_buttons(&leaflet, ".urgent");
    listen.click();
    let log = speech_log();
    let said: Vec<&str> = log.iter().rev().take(2).map(|call| call[1].as_str()).collect();
    assert_eq!(said, ["Call the SMA clinic first.", "From your care team:"]);
    assert!(log
        .iter()
        .all(|call| call[1] != "Get help right away: call your care team, or 911 in an emergency."));
    leaflet.host.remove();
}

#[wasm_bindgen_test]
async fn the_leaflets_own_words_are_said_in_the_readers_language_and_the_text_in_its_own() {
    script_speech(&[("Device", "en-US", true), ("Voz", "es-ES", true)]);
    let leaflet = Mounted::with_attributes(&[("lang", "es")]).await;
    let (serious, _) = listen_buttons(&leaflet, "[data-section-id='serious-side-effects']");
    serious.click();
    let log = speech_log();
    let note = log
        .iter()
        .position(|call| call[1] == "Importante:")
        .expect("the note's label, said on its own");
    assert_eq!(log[note][2..], ["es", "Voz"]);
    assert!(log[note + 1][1].starts_with("Kidney inflammation"));
    assert_eq!(log[note + 1][2..], ["en", "Device"]);
    end_reading();

    let (urgent, _) = listen_buttons(&leaflet, ".urgent");
    urgent.click();
    let log = speech_log();
    let last = log.last().expect("said");
    assert_eq!(
        last[2..],
        ["es", "Voz"],
        "the default contact line is the leaflet's: {last:?}"
    );
    assert_eq!(log[1][2..], ["en", "Device"], "the signs are the text's");
    leaflet.host.remove();
}
