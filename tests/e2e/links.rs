//! Links into the leaflet from outside: section ids and text fragments.

use serde_json::json;

use crate::common::wait_for_leaflet;
use crate::harness::{Browser, Session};

/// A link to the host page with `#<section id>` opens that section; a text
/// fragment opens the closed section that holds the text.
pub async fn deep_links(browser: Browser) {
    let session = Session::start(browser).await;
    session.open("/a11y.html#dosing").await;
    wait_for_leaflet(&session, 0).await;
    let dosing = session
        .wait_for(
            "const e = document.querySelector('drug-leaflet').shadowRoot
               .querySelector(`[data-section-id='dosing'] .section-button`).getAttribute('aria-expanded');
             return e === 'true' ? e : null;",
            vec![],
        )
        .await;
    assert_eq!(dosing, json!("true"), "{browser:?}");
    // The scroll follows the opening (after the section renders): wait for it.
    let in_view = session
        .wait_for(
            "const r = document.querySelector('drug-leaflet').shadowRoot
               .querySelector(`[data-section-id='dosing']`).getBoundingClientRect();
             return r.top > -2 && r.top < window.innerHeight && window.scrollY > 0 ? true : null;",
            vec![],
        )
        .await;
    assert_eq!(in_view, json!(true), "{browser:?}: scrolled to the section");

    if let Browser::Chromium = browser {
        session
            .open("/a11y.html#:~:text=Bladder%20or%20kidney%20infection")
            .await;
        let opened = session
            .wait_for(
                "const e = document.querySelector('drug-leaflet')?.shadowRoot
                   ?.querySelector(`[data-section-id='side-effects'] .section-button`)?.getAttribute('aria-expanded');
                 return e === 'true' ? e : null;",
                vec![],
            )
            .await;
        assert_eq!(opened, json!("true"), "the text fragment opened its section");
    }
    session.close().await;
}
