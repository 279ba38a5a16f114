//! Read aloud on the served widget, with the browser's own `speechSynthesis`
//! scripted (a headless browser has no voice): no control until the device
//! has a local voice for the text, then a real click reads the urgent box,
//! and nothing is requested for it.

use serde_json::{json, Value};

use crate::common::{assert_no_page_errors, wait_for_leaflet};
use crate::fixtures::pages;
use crate::harness::{Browser, Session};

/// The page's `speechSynthesis` answering with `voices` and recording what
/// it is asked to say; the utterance class takes the scripted voices.
const SCRIPT_SPEECH: &str = "
    window.__said = [];
    speechSynthesis.getVoices = () => arguments[0];
    speechSynthesis.speak = (u) => window.__said.push([u.text, u.lang, u.voice && u.voice.name]);
    speechSynthesis.cancel = () => {};
    window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
    speechSynthesis.dispatchEvent(new Event('voiceschanged'));";

async fn listen_shown(session: &Session) -> Value {
    session
        .eval(
            "const b = document.querySelector('drug-leaflet').shadowRoot.querySelector('.urgent .listen-button');
             return !b.hidden && b.getBoundingClientRect().height >= 24;",
            vec![],
        )
        .await
}

pub async fn listen_reads_the_urgent_box_with_a_local_voice(browser: Browser) {
    let session = Session::start(browser).await;
    session.open(pages::PLAIN).await;
    wait_for_leaflet(&session, 0).await;
    // A remote voice only: no control.
    let remote = json!([{ "name": "Remote", "lang": "en-US", "localService": false }]);
    session.eval(SCRIPT_SPEECH, vec![remote]).await;
    assert_eq!(
        listen_shown(&session).await,
        json!(false),
        "{browser:?}: no dead button"
    );

    let local = json!([{ "name": "Device", "lang": "en-US", "localService": true }]);
    session.eval(SCRIPT_SPEECH, vec![local]).await;
    assert_eq!(listen_shown(&session).await, json!(true), "{browser:?}");
    let requests = session.server.requested_paths().len();
    session
        .in_leaflet(0, ".urgent .listen-button")
        .await
        .click()
        .await
        .expect("click");
    let said = session
        .wait_for("return window.__said.length ? window.__said : null;", vec![])
        .await;
    assert_eq!(
        said[0],
        json!(["Get medical help", "en", "Device"]),
        "{browser:?}"
    );
    assert_eq!(
        said.as_array().map(Vec::len),
        Some(11),
        "{browser:?}: the heading, the lead, 8 signs and who to call: {said}"
    );
    assert_eq!(
        session.server.requested_paths().len(),
        requests,
        "{browser:?}: reading aloud requests nothing"
    );
    assert_no_page_errors(&session, browser).await;
    session.close().await;
}
