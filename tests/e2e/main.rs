//! End-to-end tests of the built `dist/` in real browsers through WebDriver.
//! They need `dist/` and the browsers, so `cargo test` skips them and
//! `cargo xtask test` runs them (`-- --ignored`).
#![cfg(not(target_arch = "wasm32"))]

mod harness;

use harness::{Browser, Session};
use serde_json::json;

const WAIT_FOR_LEAFLET: &str =
    "return document.querySelector('drug-leaflet')?.shadowRoot?.querySelector('h2.title')?.textContent ?? null;";

const EXPANDED_OF: &str = "return document.querySelector('drug-leaflet').shadowRoot
    .querySelectorAll('.section-button')[arguments[0]].getAttribute('aria-expanded');";

/// The README's snippet in a plain page, with dist/ served from another folder:
/// the leaflet appears, real clicks and real key presses toggle a section exactly
/// once, and the page requests nothing but its own files and the widget's.
async fn plain_page(browser: Browser) {
    let session = Session::start(browser).await;
    session.open("/plain.html").await;
    let title = session.wait_for(WAIT_FOR_LEAFLET, vec![]).await;
    assert_eq!(title, json!("Nusinersen"), "{browser:?}");

    let sections = session
        .eval(
            "return document.querySelector('drug-leaflet').shadowRoot.querySelectorAll('.section-button').length;",
            vec![],
        )
        .await;
    assert!(
        sections.as_u64().is_some_and(|n| n > 10),
        "{browser:?}: {sections}"
    );

    let button = session
        .in_leaflet(0, "[data-section-id='side-effects'] .section-button")
        .await;
    let expanded = || async { session.eval(EXPANDED_OF, vec![json!(1)]).await };
    assert_eq!(expanded().await, json!("false"));
    button.click().await.expect("click");
    assert_eq!(expanded().await, json!("true"), "{browser:?}: a click opens");
    button.send_keys("\u{E007}").await.expect("Enter");
    assert_eq!(
        expanded().await,
        json!("false"),
        "{browser:?}: Enter toggles once"
    );
    button.send_keys(" ").await.expect("Space");
    assert_eq!(expanded().await, json!("true"), "{browser:?}: Space toggles once");

    let requested = session.server.requested_paths();
    let allowed = [
        "/plain.html",
        "/vendor/drug-leaflet/drug-leaflet.js",
        "/vendor/drug-leaflet/drug-leaflet-core.js",
        "/vendor/drug-leaflet/drug-leaflet-core_bg.wasm",
        "/favicon.ico",
    ];
    let unexpected: Vec<&String> = requested
        .iter()
        .filter(|path| {
            !allowed.contains(&path.as_str()) && !path.starts_with("/vendor/drug-leaflet/snippets/")
        })
        .collect();
    assert!(unexpected.is_empty(), "{browser:?} requested {unexpected:?}");
    session.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and browsers: run `cargo xtask test`"]
async fn plain_page_in_chromium() {
    plain_page(Browser::Chromium).await;
}

#[tokio::test]
#[ignore = "needs dist/ and browsers: run `cargo xtask test`"]
async fn plain_page_in_firefox() {
    plain_page(Browser::Firefox).await;
}
