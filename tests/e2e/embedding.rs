//! The leaflet on the pages a host might have: plain, under a strict CSP, with
//! hostile CSS, twice, moved around, given its data early or broken.

use std::time::Duration;

use serde_json::{json, Value};

use crate::common::{
    alert_text, assert_no_page_errors, click_section, csp_violations_but_the_favicon, expanded,
    expanded_changed_from, leaflet_console_errors, wait_for_leaflet,
};
use crate::fixtures::{nusinersen, pages};
use crate::harness::{Browser, Session};

/// The side-effects section's `aria-expanded` once the page reacts to a key or
/// click, read again a moment later so that a key that toggled twice (our
/// handler and the button's default action) would show.
async fn settled(session: &Session, before: Value) -> Value {
    let changed = expanded_changed_from(session, 0, nusinersen::SIDE_EFFECTS, &before).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        expanded(session, 0, nusinersen::SIDE_EFFECTS).await,
        changed,
        "toggled again"
    );
    changed
}

/// The README's snippet in a plain page, with dist/ served from another folder:
/// the leaflet appears, real clicks and key presses toggle a section exactly
/// once, and nothing is requested or stored beyond the widget's own files.
pub async fn plain_page(browser: Browser) {
    let session = Session::start(browser).await;
    session.open(pages::PLAIN).await;
    wait_for_leaflet(&session, 0).await;

    let button = session
        .in_leaflet(
            0,
            &format!("[data-section-id='{}'] .section-button", nusinersen::SIDE_EFFECTS),
        )
        .await;
    assert_eq!(
        expanded(&session, 0, nusinersen::SIDE_EFFECTS).await,
        json!("false")
    );
    button.click().await.expect("click");
    assert_eq!(
        settled(&session, json!("false")).await,
        json!("true"),
        "{browser:?}: a click opens"
    );
    button.send_keys("\u{E007}").await.expect("Enter");
    assert_eq!(
        settled(&session, json!("true")).await,
        json!("false"),
        "{browser:?}: Enter toggles once"
    );
    button.send_keys(" ").await.expect("Space");
    assert_eq!(
        settled(&session, json!("false")).await,
        json!("true"),
        "{browser:?}: Space toggles once"
    );

    let requested = session.server.requested_paths();
    let unexpected: Vec<&String> = requested
        .iter()
        .filter(|p| !pages::PLAIN_REQUESTS.contains(&p.as_str()))
        .collect();
    assert!(unexpected.is_empty(), "{browser:?} requested {unexpected:?}");
    // The loader preloads the WASM beside the core module: one request for it
    // (the module's fetch reuses the preload), started before the module has
    // arrived, so the WASM is two round trips deep, not three.
    let wasm = "/vendor/drug-leaflet/drug-leaflet-core_bg.wasm";
    let wasm_requests = requested.iter().filter(|p| p.as_str() == wasm).count();
    assert_eq!(wasm_requests, 1, "{browser:?}: the WASM is fetched once");
    let order = session
        .eval(
            "const entry = name => performance.getEntriesByType('resource').find(e => e.name.endsWith(name));
             const core = entry('/drug-leaflet-core.js'), wasm = entry('/drug-leaflet-core_bg.wasm');
             return wasm.startTime < core.responseEnd;",
            vec![],
        )
        .await;
    assert_eq!(
        order,
        json!(true),
        "{browser:?}: the WASM starts before the core module arrives"
    );
    // The only storage is the documented one: open sections, per page, for the tab.
    let stored = session
        .eval(
            "return [document.cookie, localStorage.length, Object.keys(sessionStorage)];",
            vec![],
        )
        .await;
    assert_eq!(
        stored,
        json!(["", 0, [pages::PLAIN_SESSION_STORAGE]]),
        "{browser:?}: no cookies, only the documented storage"
    );
    assert_no_page_errors(&session, browser).await;
    session.close().await;
}

/// Under `default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src
/// 'self'; style-src 'self'` the leaflet renders with no violation report.
pub async fn strict_csp(browser: Browser) {
    renders_without_violations(browser, pages::STRICT_CSP).await;
}

/// A page that enforces Trusted Types and allows the policy `drug-leaflet`
/// gets the leaflet, with no violation report and no error; one that does not
/// allow it gets a console error that says which CSP line to add.
pub async fn trusted_types(browser: Browser) {
    renders_without_violations(browser, pages::TRUSTED_TYPES).await;

    let session = Session::start(browser).await;
    session.open(pages::TRUSTED_TYPES_NOT_ALLOWED).await;
    let enforced = session
        .eval(
            "try { document.createElement('script').src = '/x.js'; return 'a string was accepted'; }
             catch (e) { return 'enforced'; }",
            vec![],
        )
        .await;
    assert_eq!(enforced, json!("enforced"), "{browser:?} enforces Trusted Types");
    let console = leaflet_console_errors(&session).await;
    assert!(
        console.contains("(trusted-types drug-leaflet)"),
        "{browser:?}: {console}"
    );
    assert_no_page_errors(&session, browser).await;
    session.close().await;
}

async fn renders_without_violations(browser: Browser, page: &str) {
    let session = Session::start(browser).await;
    session.open(page).await;
    wait_for_leaflet(&session, 0).await;
    assert_eq!(
        click_section(&session, 0, nusinersen::DOSING).await,
        json!("true")
    );
    let violations = csp_violations_but_the_favicon(&session).await;
    assert_eq!(violations, Vec::<String>::new(), "{browser:?}");
    assert_no_page_errors(&session, browser).await;
    session.close().await;
}

/// The computed style of a paragraph of section `arguments[0]` and of the
/// title, and whether both show.
const STYLE_PROBE: &str = "const root = document.querySelector('drug-leaflet').shadowRoot;
    const p = root.querySelector(`[data-section-id='${arguments[0]}'] .panel .blocks p`);
    const title = root.querySelector('.title');
    const s = getComputedStyle(p);
    return { font: s.fontFamily, size: s.fontSize, color: s.color, lineHeight: s.lineHeight,
             letterSpacing: s.letterSpacing, wordSpacing: s.wordSpacing, transform: s.textTransform,
             style: s.fontStyle, indent: s.textIndent, titleColor: getComputedStyle(title).color,
             shown: p.offsetHeight > 0 && s.visibility === 'visible' && title.offsetHeight > 0 };";

/// A host stylesheet with `* { ... !important }`, `display: none` on every tag
/// and an 8 px root font changes nothing inside the leaflet.
pub async fn hostile_css(browser: Browser) {
    let session = Session::start(browser).await;
    let probe_section = vec![json!(nusinersen::FIRST_SECTION)];
    session.open(pages::PLAIN).await;
    wait_for_leaflet(&session, 0).await;
    let plain = session.eval(STYLE_PROBE, probe_section.clone()).await;
    session.open(pages::HOSTILE_CSS).await;
    wait_for_leaflet(&session, 0).await;
    let hostile = session.eval(STYLE_PROBE, probe_section).await;
    assert_eq!(plain["shown"], json!(true), "{browser:?}: {plain}");
    assert_eq!(hostile, plain, "{browser:?}: the host's CSS reached the leaflet");
    session.close().await;
}

/// Two leaflets with the script included twice: both render, each keeps its
/// own state and attributes, and nothing throws.
pub async fn two_instances(browser: Browser) {
    let session = Session::start(browser).await;
    session.open(pages::TWO_INSTANCES).await;
    wait_for_leaflet(&session, 0).await;
    wait_for_leaflet(&session, 1).await;
    let tags = session
        .eval(
            "return [...document.querySelectorAll('drug-leaflet')].map(e => e.shadowRoot.querySelector('.title').tagName);",
            vec![],
        )
        .await;
    assert_eq!(tags, json!(pages::TWO_INSTANCES_TITLE_TAGS));
    assert_eq!(
        click_section(&session, 0, nusinersen::PREGNANCY).await,
        json!("true")
    );
    assert_eq!(
        expanded(&session, 1, nusinersen::PREGNANCY).await,
        json!("false"),
        "{browser:?}"
    );
    assert_no_page_errors(&session, browser).await;
    session.close().await;
}

/// Moving the element between parents (a framework re-rendering) leaves
/// exactly one working leaflet, never a second app or a blank box.
pub async fn moved_between_parents(browser: Browser) {
    let session = Session::start(browser).await;
    session.open(pages::MOVE).await;
    wait_for_leaflet(&session, 0).await;
    for round in 0..10 {
        let target = if round % 2 == 0 { "right" } else { "left" };
        session
            .eval(
                "document.getElementById(arguments[0]).appendChild(document.querySelector('drug-leaflet'));",
                vec![json!(target)],
            )
            .await;
    }
    wait_for_leaflet(&session, 0).await;
    let roots = session
        .wait_for(
            "const r = document.querySelector('drug-leaflet').shadowRoot.querySelectorAll('.leaflet-root').length;
             return r === 1 ? r : null;",
            vec![],
        )
        .await;
    assert_eq!(roots, json!(1));
    let parent = session
        .eval(
            "return document.querySelector('drug-leaflet').parentElement.id;",
            vec![],
        )
        .await;
    assert_eq!(parent, json!("left"));
    assert_eq!(
        click_section(&session, 0, nusinersen::BREASTFEEDING).await,
        json!("true"),
        "{browser:?}"
    );
    assert_no_page_errors(&session, browser).await;
    session.close().await;
}

/// A host that passes a broken monograph gets an alert naming each problem, a
/// console error and an event; the other leaflet on the page still works.
pub async fn invalid_monograph(browser: Browser) {
    let session = Session::start(browser).await;
    session.open(pages::TWO_INSTANCES).await;
    wait_for_leaflet(&session, 0).await;
    wait_for_leaflet(&session, 1).await;
    session
        .eval(
            "window.__errorEvents = [];
             document.addEventListener('drug-leaflet-error', e => window.__errorEvents.push(e.detail.problems));
             const broken = document.querySelector('#second').monograph;
             broken.sections[2].heading = 42;
             document.querySelector('#second').monograph = broken;",
            vec![],
        )
        .await;
    let alert = alert_text(&session, "#second").await;
    assert!(
        alert.contains("sections[2].heading: expected text, found a number"),
        "{browser:?}: {alert}"
    );
    let events = session.eval("return window.__errorEvents;", vec![]).await;
    assert_eq!(events[0][0]["path"], json!("sections[2].heading"), "{browser:?}");
    let console = session.watched("consoleErrors").await.join("\n");
    assert!(console.contains("sections[2].heading"), "{browser:?}: {console}");
    // The shipped WASM has no `{:?}` formatting (it would print nothing):
    // host text in a message is quoted and escaped by the WASM's own code.
    for (change, shown_when, expected) in [
        (
            r#"m.meta.last_updated = 'May "20"\n2025';"#,
            "ISO 8601",
            r#"meta.last_updated: "May \"20\"\n2025" is not an ISO 8601 date (YYYY-MM-DD)"#,
        ),
        (
            r#"m.sections = 'no\\pe\u202e';"#,
            "found the text",
            r#"sections: expected a list, found the text "no\\pe\u{202e}""#,
        ),
    ] {
        session
            .eval(
                &format!(
                    "const m = document.querySelector('#first').monograph; {change}
                     document.querySelector('#second').monograph = m;"
                ),
                vec![],
            )
            .await;
        let alert = session
            .wait_for(
                "const alert = document.querySelector('#second').shadowRoot.querySelector('[role=alert]');
                 return alert?.textContent.includes(arguments[0]) ? alert.textContent : null;",
                vec![json!(shown_when)],
            )
            .await;
        assert!(
            alert.as_str().unwrap_or_default().contains(expected),
            "{browser:?}: {alert}"
        );
    }
    assert_eq!(
        click_section(&session, 0, nusinersen::STORAGE).await,
        json!("true"),
        "{browser:?}"
    );
    session.close().await;
}

/// A `monograph` set before the script has defined the element (a framework
/// rendering first) is still the one the element checks and shows.
pub async fn property_set_before_definition(browser: Browser) {
    let session = Session::start(browser).await;
    session.open(pages::EARLY_PROPERTY).await;
    let alert = alert_text(&session, "#early").await;
    assert!(
        alert.contains("meta.title: is required but missing"),
        "{browser:?}: {alert}"
    );
    session.close().await;
}
