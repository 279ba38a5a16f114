//! A panic traps the one WASM instance every leaflet on a page shares: each
//! leaflet must still leave the reader something to read, and the host page
//! must carry on.

use serde_json::json;

use crate::common::{assert_no_page_errors, wait_for_leaflet};
use crate::fixtures::{nusinersen, pages};
use crate::harness::{Browser, Session};
use fantoccini::Locator;

/// What each leaflet on the crash page shows, and what the page recorded.
const AFTER_THE_CRASH: &str = "const [pasted, bare] = document.querySelectorAll('drug-leaflet');
  return {
    pastedFallbackShown: pasted.querySelector('h2').getClientRects().length > 0,
    bare: bare.shadowRoot.textContent,
    alerts: [...document.querySelectorAll('drug-leaflet')].flatMap(leaflet =>
      [...leaflet.shadowRoot.querySelectorAll('[role=alert]')].map(alert => alert.textContent)),
    fatal: window.__fatal,
  };";

/// Two leaflets, one with the fallback pasted inside; a click on a section
/// button runs Rust that panics (the crash-test build), from yew's own event
/// listener: both leaflets become readable, one alert says so, each fires a
/// fatal `drug-leaflet-error`, one console line names the element and the
/// action, and the host page's own script still runs. Afterwards the methods
/// return false and a new leaflet shows its message at once.
pub async fn a_crash_leaves_every_leaflet_readable(browser: Browser) {
    let session = Session::start(browser).await;
    session.open(pages::CRASH).await;
    wait_for_leaflet(&session, 0).await;
    wait_for_leaflet(&session, 1).await;
    let button = session
        .in_leaflet(
            1,
            &format!("[data-section-id='{}'] .section-button", nusinersen::STORAGE),
        )
        .await;
    button.click().await.expect("click");

    let expected = json!({
        "pastedFallbackShown": true,
        "bare": "This leaflet could not be shown. Ask your pharmacist for the printed leaflet for Nusinersen.",
        "alerts": ["The leaflet stopped working."],
        "fatal": ["pasted: fatal true", "bare: fatal true"],
    });
    assert_eq!(
        session.eventually(AFTER_THE_CRASH, expected.clone()).await,
        expected,
        "{browser:?}"
    );
    let console = session.watched("consoleErrors").await;
    assert_eq!(console.len(), 1, "{browser:?}: {console:?}");
    assert!(
        console[0].starts_with("drug-leaflet: <drug-leaflet id=\"bare\"> crashed during a click"),
        "{browser:?}: {console:?}"
    );

    session
        .client
        .find(Locator::Id("host-button"))
        .await
        .expect("the host's button")
        .click()
        .await
        .expect("click");
    assert_eq!(
        session
            .eventually(
                "return document.getElementById('host-output').textContent;",
                json!("the host's script ran")
            )
            .await,
        json!("the host's script ran"),
        "{browser:?}"
    );

    let afterwards = session
        .eval(
            "const [pasted, bare] = document.querySelectorAll('drug-leaflet');
             const results = [bare.expandAll(), bare.collapseAll(), bare.open(arguments[0])];
             bare.monograph = null;
             bare.setAttribute('heading-level', '3');
             pasted.remove();
             const late = document.createElement('drug-leaflet');
             late.setAttribute('lang', 'es');
             document.body.append(late);
             return { results, late: late.shadowRoot.textContent, fatal: window.__fatal.length };",
            vec![json!(nusinersen::DOSING)],
        )
        .await;
    assert_eq!(
        afterwards,
        json!({
            "results": [false, false, false],
            "late": "No se pudo mostrar este prospecto. Pida a su farmacéutico el prospecto impreso de este medicamento.",
            "fatal": 3,
        }),
        "{browser:?}"
    );
    assert_eq!(session.watched("consoleErrors").await.len(), 1, "{browser:?}");
    assert_no_page_errors(&session, browser).await;
    session.close().await;
}
