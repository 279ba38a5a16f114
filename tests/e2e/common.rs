//! Helpers every theme uses: waiting for a leaflet, reading and clicking its
//! sections, and the page's record of errors.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::fixtures::{nusinersen, scripts};
use crate::harness::{Browser, Session};

/// Nothing threw on the host page (tests/pages/watch.js records uncaught errors).
pub async fn assert_no_page_errors(session: &Session, browser: Browser) {
    let errors = session.watched("errors").await;
    assert_eq!(
        errors,
        Vec::<String>::new(),
        "{browser:?}: uncaught errors on the page"
    );
}

/// Opens every section of the first leaflet and finds nothing for axe to report.
pub async fn assert_axe_clean_with_every_section_open(session: &Session, what: &str) {
    session.eval(scripts::EXPAND_ALL, vec![]).await;
    assert_eq!(session.axe_violations().await, Vec::<String>::new(), "{what}");
}

/// The page's console errors once one of them is the leaflet's, one a line.
pub async fn leaflet_console_errors(session: &Session) -> String {
    let errors = session
        .wait_for(
            "const e = window.__watched.consoleErrors.join('\\n'); return e.includes('drug-leaflet') ? e : null;",
            vec![],
        )
        .await;
    errors.as_str().unwrap_or_default().to_owned()
}

/// The text of the `role="alert"` in the leaflet `selector` matches, once it shows one.
pub async fn alert_text(session: &Session, selector: &str) -> String {
    let alert = session
        .wait_for(
            "return document.querySelector(arguments[0])?.shadowRoot?.querySelector('[role=alert]')?.textContent ?? null;",
            vec![json!(selector)],
        )
        .await;
    alert.as_str().unwrap_or_default().to_owned()
}

/// Waits until leaflet `n` on the page has rendered, and checks its title.
pub async fn wait_for_leaflet(session: &Session, n: usize) {
    let title = session.wait_for(scripts::TITLE_OF, vec![json!(n)]).await;
    assert_eq!(title, json!(nusinersen::TITLE), "leaflet {n}");
}

/// Waits until leaflet `n` on the page shows the title `title`.
pub async fn wait_for_title(session: &Session, n: usize, title: &str) {
    session
        .wait_for(
            "const t = document.querySelectorAll('drug-leaflet')[arguments[0]]?.shadowRoot?.querySelector('.title')?.textContent;
             return t === arguments[1] ? t : null;",
            vec![json!(n), json!(title)],
        )
        .await;
}

/// Hands leaflet `n` the monograph it shows, retitled `title`, as a portal
/// editing it would.
pub async fn retitle(session: &Session, n: usize, title: &str) {
    session
        .eval(
            "const element = document.querySelectorAll('drug-leaflet')[arguments[0]];
             const monograph = element.monograph;
             monograph.meta.title = arguments[1];
             element.monograph = monograph;",
            vec![json!(n), json!(title)],
        )
        .await;
}

pub async fn expanded(session: &Session, n: usize, section: &str) -> Value {
    session
        .eval(scripts::EXPANDED_OF, vec![json!(n), json!(section)])
        .await
}

/// `aria-expanded` of a section once it differs from `before`, or `before` after
/// 3 s: some drivers (WebKitGTK's) return from a click before the page handled it.
pub async fn expanded_changed_from(session: &Session, n: usize, section: &str, before: &Value) -> Value {
    let deadline = Instant::now() + Duration::from_secs(3);
    loop {
        let now = expanded(session, n, section).await;
        if &now != before || Instant::now() > deadline {
            return now;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Clicks section `section` of leaflet `n` with a real (trusted) click and
/// returns its new `aria-expanded`.
pub async fn click_section(session: &Session, n: usize, section: &str) -> Value {
    let button = session
        .in_leaflet(n, &format!("[data-section-id='{section}'] .section-button"))
        .await;
    let before = expanded(session, n, section).await;
    button.click().await.expect("click");
    expanded_changed_from(session, n, section, &before).await
}

/// The page's CSP violation reports, but the one a browser's own request for
/// the page's favicon meets under `img-src` (Firefox, WebKit): that report is
/// about the host page, not the leaflet.
pub async fn csp_violations_but_the_favicon(session: &Session) -> Vec<String> {
    session
        .watched("violations")
        .await
        .into_iter()
        .filter(|v| !(v.starts_with("img-src ") && v.ends_with("/favicon.ico")))
        .collect()
}
