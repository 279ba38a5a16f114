//! The server-rendered fallback a host pastes inside `<drug-leaflet>`: what
//! shows without WebAssembly or JavaScript, and its replacement where they run.

use std::time::{Duration, Instant};

use fantoccini::Locator;
use serde_json::json;

use crate::common::{assert_no_page_errors, click_section, leaflet_console_errors, wait_for_leaflet};
use crate::fixtures::{nusinersen, pages};
use crate::harness::{Browser, Launch, Session};

/// A changed core module, a changed WASM (each failing its integrity check) or
/// a WASM that is not there: the pasted fallback stays readable and one console
/// message names the file.
pub async fn fallback_when_a_file_is_broken(browser: Browser) {
    for (page, file) in pages::FALLBACK_BROKEN {
        let session = Session::start(browser).await;
        session.open(page).await;
        let console = leaflet_console_errors(&session).await;
        let ours: Vec<&str> = console
            .lines()
            .filter(|l| l.starts_with("drug-leaflet:"))
            .collect();
        assert_eq!(ours.len(), 1, "{browser:?}, {page}: {console}");
        assert!(ours[0].contains(file), "{browser:?}, {page}: {console}");
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        let state = session
            .eval(
                "const host = document.querySelector('drug-leaflet');
                 return { shadow: host.shadowRoot !== null, shown: host.querySelector('h2').getClientRects().length > 0 };",
                vec![],
            )
            .await;
        assert_eq!(
            state,
            json!({ "shadow": false, "shown": true }),
            "{browser:?}, {page}"
        );
        assert_no_page_errors(&session, browser).await;
        session.close().await;
    }
}

/// When the page's CSP forbids WebAssembly, the pasted fallback stays readable
/// and the console says why.
pub async fn fallback_without_webassembly(browser: Browser) {
    let session = Session::start(browser).await;
    session.open(pages::FALLBACK_NO_WASM).await;
    let console = leaflet_console_errors(&session).await;
    assert!(console.contains("'wasm-unsafe-eval'"), "{browser:?}: {console}");
    let state = session
        .eval(
            "const host = document.querySelector('drug-leaflet');
             const p = [...host.querySelectorAll('p')].find(p => p.textContent.includes(arguments[0]));
             return { shadow: host.shadowRoot !== null, title: host.querySelector('h2').textContent,
                      shown: p.offsetHeight > 0 };",
            vec![json!(nusinersen::FDA_PHONE)],
        )
        .await;
    assert_eq!(
        state,
        json!({ "shadow": false, "title": nusinersen::TITLE, "shown": true }),
        "{browser:?}"
    );
    session.close().await;
}

/// With JavaScript off, the pasted fallback is the leaflet: every section's text
/// is on the page (on a page that would otherwise run the interactive leaflet).
/// Read through WebDriver's element commands, not scripts.
pub async fn fallback_without_javascript(browser: Browser) {
    let session = Session::start_with(
        browser,
        Launch {
            javascript: false,
            ..Launch::default()
        },
    )
    .await;
    session.open(pages::FALLBACK).await;
    let title = session
        .client
        .find(Locator::Css("drug-leaflet h2"))
        .await
        .expect("the fallback title");
    assert_eq!(title.text().await.expect("text"), nusinersen::TITLE);
    let storage = session
        .client
        .find(Locator::Css(&format!(
            "drug-leaflet [data-section-id='{}'] li",
            nusinersen::STORAGE
        )))
        .await
        .expect("a list item deep in the leaflet");
    assert!(storage.is_displayed().await.expect("displayed"), "{browser:?}");
    assert!(storage
        .text()
        .await
        .expect("text")
        .contains(nusinersen::STORAGE_TEMPERATURE));
    let urgent = session
        .client
        .find(Locator::Css("drug-leaflet section.urgent h3"))
        .await
        .expect("the fallback's get-medical-help box");
    assert!(urgent.is_displayed().await.expect("displayed"), "{browser:?}");
    assert_eq!(urgent.text().await.expect("text"), nusinersen::URGENT_HEADING);
    session.close().await;
}

/// Where WebAssembly runs, the interactive leaflet replaces the pasted fallback.
pub async fn fallback_is_replaced_by_the_leaflet(browser: Browser) {
    let session = Session::start(browser).await;
    session.open(pages::FALLBACK).await;
    wait_for_leaflet(&session, 0).await;
    // Layout boxes, not WebDriver's "displayed" (WebKitGTK's ignores shadow roots).
    let fallback_boxes = session
        .eval(
            "return document.querySelector('drug-leaflet h2').getClientRects().length;",
            vec![],
        )
        .await;
    assert_eq!(fallback_boxes, json!(0), "{browser:?}: only one leaflet shows");
    assert_eq!(
        click_section(&session, 0, nusinersen::DOSING).await,
        json!("true"),
        "{browser:?}"
    );
    session.close().await;
}

/// How late the WASM arrives: the fallback's wait does not depend on it (the
/// loader has no timeout), so 10 s, as issue 9 says, is the real case.
const WASM_DELAY: Duration = Duration::from_secs(10);

/// A WASM that arrives 10 s late: until then the pasted fallback is what the
/// reader sees (the element is not even defined, so no shadow root hides it),
/// and when it arrives the leaflet takes over, with nothing in the console.
pub async fn fallback_while_the_wasm_is_late(browser: Browser) {
    let session = Session::start(browser).await;
    session.server.delay(pages::FALLBACK_WASM, WASM_DELAY);
    let start = Instant::now();
    session.open(pages::FALLBACK).await;
    let waiting = json!({ "defined": false, "shadow": false, "shown": true });
    let state = "const host = document.querySelector('drug-leaflet');
        return { defined: !!customElements.get('drug-leaflet'), shadow: host.shadowRoot !== null,
                 shown: host.querySelector('h2').getClientRects().length > 0 };";
    // Once the core module has run (it is not delayed) and again near the end of the wait.
    session
        .wait_for(
            "return document.querySelector('script[type=module]') ? true : null;",
            vec![],
        )
        .await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(
        session.eval(state, vec![]).await,
        waiting,
        "{browser:?}, after 1 s"
    );
    tokio::time::sleep(WASM_DELAY.saturating_sub(start.elapsed() + Duration::from_secs(2))).await;
    assert_eq!(
        session.eval(state, vec![]).await,
        waiting,
        "{browser:?}, after {:?}",
        start.elapsed()
    );
    // The usual 20 s for the leaflet to show, counted from when the WASM is sent.
    tokio::time::sleep(WASM_DELAY.saturating_sub(start.elapsed())).await;
    wait_for_leaflet(&session, 0).await;
    let requested = session.server.requested_paths();
    assert_eq!(
        requested
            .iter()
            .filter(|p| p.as_str() == pages::FALLBACK_WASM)
            .count(),
        1,
        "{browser:?}: the late WASM is requested once, and its answer used: {requested:?}"
    );
    assert_eq!(
        session.eval(state, vec![]).await,
        json!({ "defined": true, "shadow": true, "shown": false }),
        "{browser:?}: the leaflet replaced the fallback"
    );
    assert_eq!(
        session.watched("consoleErrors").await,
        Vec::<String>::new(),
        "{browser:?}"
    );
    assert_no_page_errors(&session, browser).await;
    session.close().await;
}
