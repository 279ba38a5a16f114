//! Links into the leaflet from outside: section ids and text fragments.

use serde_json::json;

use crate::common::wait_for_leaflet;
use crate::fixtures::{nusinersen, pages, scripts};
use crate::harness::{Browser, Session};

/// A link to the host page with `#<section id>` opens that section; a text
/// fragment opens the closed section that holds the text.
pub async fn deep_links(browser: Browser) {
    let session = Session::start(browser).await;
    session
        .open(&format!("{}#{}", pages::A11Y, nusinersen::DOSING))
        .await;
    wait_for_leaflet(&session, 0).await;
    let dosing = session
        .wait_for(scripts::OPENED, vec![json!(nusinersen::DOSING)])
        .await;
    assert_eq!(dosing, json!("true"), "{browser:?}");
    // The scroll follows the opening (after the section renders): wait for it.
    let in_view = session
        .wait_for(
            "const r = document.querySelector('drug-leaflet').shadowRoot
               .querySelector(`[data-section-id='${arguments[0]}']`).getBoundingClientRect();
             return r.top > -2 && r.top < window.innerHeight && window.scrollY > 0 ? true : null;",
            vec![json!(nusinersen::DOSING)],
        )
        .await;
    assert_eq!(in_view, json!(true), "{browser:?}: scrolled to the section");

    if let Browser::Chromium = browser {
        let fragment = nusinersen::SIDE_EFFECT.replace(' ', "%20");
        session.open(&format!("{}#:~:text={fragment}", pages::A11Y)).await;
        let opened = session
            .wait_for(scripts::OPENED, vec![json!(nusinersen::SIDE_EFFECTS)])
            .await;
        assert_eq!(opened, json!("true"), "the text fragment opened its section");
    }
    session.close().await;
}
