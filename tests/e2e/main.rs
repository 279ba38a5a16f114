//! End-to-end tests of the built `dist/` on the host pages in `tests/pages/`, in
//! real browsers through WebDriver. They need `dist/` and the browsers, so
//! `cargo test` skips them and `cargo xtask test` runs them (`-- --ignored`).
#![cfg(not(target_arch = "wasm32"))]

mod harness;

use harness::{Browser, Launch, Session};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

const TITLE_OF: &str = "return document.querySelectorAll('drug-leaflet')[arguments[0]]
    ?.shadowRoot?.querySelector('.title')?.textContent ?? null;";

const EXPANDED_OF: &str = "return document.querySelectorAll('drug-leaflet')[arguments[0]].shadowRoot
    .querySelector(`[data-section-id='${arguments[1]}'] .section-button`).getAttribute('aria-expanded');";

/// Nothing threw on the host page (tests/pages/watch.js records uncaught errors).
async fn assert_no_page_errors(session: &Session, browser: Browser) {
    let errors = session.watched("errors").await;
    assert_eq!(
        errors,
        Vec::<String>::new(),
        "{browser:?}: uncaught errors on the page"
    );
}

async fn wait_for_leaflet(session: &Session, n: usize) {
    let title = session.wait_for(TITLE_OF, vec![json!(n)]).await;
    assert_eq!(title, json!("Nusinersen"), "leaflet {n}");
}

async fn expanded(session: &Session, n: usize, section: &str) -> Value {
    session.eval(EXPANDED_OF, vec![json!(n), json!(section)]).await
}

/// `aria-expanded` of a section once it differs from `before`, or `before` after
/// 3 s: some drivers (WebKitGTK's) return from a click before the page handled it.
async fn expanded_changed_from(session: &Session, n: usize, section: &str, before: &Value) -> Value {
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
async fn click_section(session: &Session, n: usize, section: &str) -> Value {
    let button = session
        .in_leaflet(n, &format!("[data-section-id='{section}'] .section-button"))
        .await;
    let before = expanded(session, n, section).await;
    button.click().await.expect("click");
    expanded_changed_from(session, n, section, &before).await
}

/// The side-effects section's `aria-expanded` once the page reacts to a key or
/// click, read again a moment later so that a key that toggled twice (our
/// handler and the button's default action) would show.
async fn settled(session: &Session, before: Value) -> Value {
    let changed = expanded_changed_from(session, 0, "side-effects", &before).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        expanded(session, 0, "side-effects").await,
        changed,
        "toggled again"
    );
    changed
}

/// The README's snippet in a plain page, with dist/ served from another folder:
/// the leaflet appears, real clicks and key presses toggle a section exactly
/// once, and nothing is requested or stored beyond the widget's own files.
async fn plain_page(browser: Browser) {
    let session = Session::start(browser).await;
    session.open("/plain.html").await;
    wait_for_leaflet(&session, 0).await;

    let button = session
        .in_leaflet(0, "[data-section-id='side-effects'] .section-button")
        .await;
    assert_eq!(expanded(&session, 0, "side-effects").await, json!("false"));
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
    let allowed = [
        "/plain.html",
        "/watch.js",
        "/vendor/drug-leaflet/drug-leaflet.js",
        "/vendor/drug-leaflet/drug-leaflet-core.js",
        "/vendor/drug-leaflet/drug-leaflet-core_bg.wasm",
        "/favicon.ico",
    ];
    let unexpected: Vec<&String> = requested
        .iter()
        .filter(|p| !allowed.contains(&p.as_str()))
        .collect();
    assert!(unexpected.is_empty(), "{browser:?} requested {unexpected:?}");
    // The only storage is the documented one: open sections, per page, for the tab.
    let stored = session
        .eval(
            "return [document.cookie, localStorage.length, Object.keys(sessionStorage)];",
            vec![],
        )
        .await;
    assert_eq!(
        stored,
        json!(["", 0, ["drug-leaflet:/plain.html:nusinersen"]]),
        "{browser:?}: no cookies, only the documented storage"
    );
    assert_no_page_errors(&session, browser).await;
    session.close().await;
}

/// Under `default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src
/// 'self'; style-src 'self'` the leaflet renders with no violation report.
async fn strict_csp(browser: Browser) {
    let session = Session::start(browser).await;
    session.open("/strict-csp.html").await;
    wait_for_leaflet(&session, 0).await;
    assert_eq!(click_section(&session, 0, "dosing").await, json!("true"));
    // Firefox applies the page's img-src to its own request for the page's
    // favicon; that report is about the host page, not the leaflet.
    let violations: Vec<String> = session
        .watched("violations")
        .await
        .into_iter()
        .filter(|v| !(v.starts_with("img-src ") && v.ends_with("/favicon.ico")))
        .collect();
    assert_eq!(violations, Vec::<String>::new(), "{browser:?}");
    assert_no_page_errors(&session, browser).await;
    session.close().await;
}

const STYLE_PROBE: &str = "const root = document.querySelector('drug-leaflet').shadowRoot;
    const p = root.querySelector('[data-section-id=\"what-is-nusinersen\"] .panel p');
    const title = root.querySelector('.title');
    const s = getComputedStyle(p);
    return { font: s.fontFamily, size: s.fontSize, color: s.color, lineHeight: s.lineHeight,
             letterSpacing: s.letterSpacing, wordSpacing: s.wordSpacing, transform: s.textTransform,
             style: s.fontStyle, indent: s.textIndent, titleColor: getComputedStyle(title).color,
             shown: p.offsetHeight > 0 && s.visibility === 'visible' && title.offsetHeight > 0 };";

/// A host stylesheet with `* { ... !important }`, `display: none` on every tag
/// and an 8 px root font changes nothing inside the leaflet.
async fn hostile_css(browser: Browser) {
    let session = Session::start(browser).await;
    session.open("/plain.html").await;
    wait_for_leaflet(&session, 0).await;
    let plain = session.eval(STYLE_PROBE, vec![]).await;
    session.open("/hostile-css.html").await;
    wait_for_leaflet(&session, 0).await;
    let hostile = session.eval(STYLE_PROBE, vec![]).await;
    assert_eq!(plain["shown"], json!(true), "{browser:?}: {plain}");
    assert_eq!(hostile, plain, "{browser:?}: the host's CSS reached the leaflet");
    session.close().await;
}

/// Two leaflets with the script included twice: both render, each keeps its
/// own state and attributes, and nothing throws.
async fn two_instances(browser: Browser) {
    let session = Session::start(browser).await;
    session.open("/two-instances.html").await;
    wait_for_leaflet(&session, 0).await;
    wait_for_leaflet(&session, 1).await;
    let tags = session
        .eval(
            "return [...document.querySelectorAll('drug-leaflet')].map(e => e.shadowRoot.querySelector('.title').tagName);",
            vec![],
        )
        .await;
    assert_eq!(tags, json!(["H2", "H3"]));
    assert_eq!(click_section(&session, 0, "pregnancy").await, json!("true"));
    assert_eq!(
        expanded(&session, 1, "pregnancy").await,
        json!("false"),
        "{browser:?}"
    );
    assert_no_page_errors(&session, browser).await;
    session.close().await;
}

/// Moving the element between parents (a framework re-rendering) leaves
/// exactly one working leaflet, never a second app or a blank box.
async fn moved_between_parents(browser: Browser) {
    let session = Session::start(browser).await;
    session.open("/move.html").await;
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
        click_section(&session, 0, "breastfeeding").await,
        json!("true"),
        "{browser:?}"
    );
    assert_no_page_errors(&session, browser).await;
    session.close().await;
}

/// A host that passes a broken monograph gets an alert naming each problem, a
/// console error and an event; the other leaflet on the page still works.
async fn invalid_monograph(browser: Browser) {
    let session = Session::start(browser).await;
    session.open("/two-instances.html").await;
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
    let alert = session
        .wait_for(
            "return document.querySelector('#second').shadowRoot.querySelector('[role=alert]')?.textContent ?? null;",
            vec![],
        )
        .await;
    let alert = alert.as_str().unwrap_or_default().to_owned();
    assert!(
        alert.contains("sections[2].heading: invalid type"),
        "{browser:?}: {alert}"
    );
    let events = session.eval("return window.__errorEvents;", vec![]).await;
    assert_eq!(events[0][0]["path"], json!("sections[2].heading"), "{browser:?}");
    let console = session.watched("consoleErrors").await.join("\n");
    assert!(console.contains("sections[2].heading"), "{browser:?}: {console}");
    assert_eq!(
        click_section(&session, 0, "storage").await,
        json!("true"),
        "{browser:?}"
    );
    session.close().await;
}

/// When the page's CSP forbids WebAssembly, the pasted fallback stays readable
/// and the console says why.
async fn fallback_without_webassembly(browser: Browser) {
    let session = Session::start(browser).await;
    session.open("/generated/fallback-no-wasm.html").await;
    let console = session
        .wait_for(
            "const e = window.__watched.consoleErrors.join('\\n'); return e.includes('drug-leaflet') ? e : null;",
            vec![],
        )
        .await;
    assert!(
        console
            .as_str()
            .unwrap_or_default()
            .contains("'wasm-unsafe-eval'"),
        "{browser:?}: {console}"
    );
    let state = session
        .eval(
            "const host = document.querySelector('drug-leaflet');
             const p = [...host.querySelectorAll('p')].find(p => p.textContent.includes('1-800-FDA-1088'));
             return { shadow: host.shadowRoot !== null, title: host.querySelector('h2').textContent,
                      shown: p.offsetHeight > 0 };",
            vec![],
        )
        .await;
    assert_eq!(
        state,
        json!({ "shadow": false, "title": "Nusinersen", "shown": true }),
        "{browser:?}"
    );
    session.close().await;
}

/// With JavaScript off, the pasted fallback is the leaflet: every section's text
/// is on the page (on a page that would otherwise run the interactive leaflet).
/// Read through WebDriver's element commands, not scripts.
async fn fallback_without_javascript(browser: Browser) {
    let session = Session::start_with(
        browser,
        Launch {
            javascript: false,
            ..Launch::default()
        },
    )
    .await;
    session.open("/generated/fallback.html").await;
    let title = session
        .client
        .find(fantoccini::Locator::Css("drug-leaflet h2"))
        .await
        .expect("the fallback title");
    assert_eq!(title.text().await.expect("text"), "Nusinersen");
    let storage = session
        .client
        .find(fantoccini::Locator::Css(
            "drug-leaflet [data-section-id='storage'] li",
        ))
        .await
        .expect("a list item deep in the leaflet");
    assert!(storage.is_displayed().await.expect("displayed"), "{browser:?}");
    assert!(storage.text().await.expect("text").contains("2 to 8"));
    let urgent = session
        .client
        .find(fantoccini::Locator::Css("drug-leaflet section.urgent h3"))
        .await
        .expect("the fallback's get-medical-help box");
    assert!(urgent.is_displayed().await.expect("displayed"), "{browser:?}");
    assert_eq!(urgent.text().await.expect("text"), "Get medical help");
    session.close().await;
}

/// Where WebAssembly runs, the interactive leaflet replaces the pasted fallback.
async fn fallback_is_replaced_by_the_leaflet(browser: Browser) {
    let session = Session::start(browser).await;
    session.open("/generated/fallback.html").await;
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
        click_section(&session, 0, "dosing").await,
        json!("true"),
        "{browser:?}"
    );
    session.close().await;
}

/// axe-core finds nothing in each state a reader can put the leaflet in:
/// default, all open, all closed, 320 px wide, and (where the browser can
/// emulate it) dark scheme, forced colours and print.
async fn accessibility(browser: Browser) {
    let session = Session::start(browser).await;
    session.open("/a11y.html").await;
    wait_for_leaflet(&session, 0).await;
    let check = |state: &'static str| {
        let session = &session;
        async move {
            tokio::time::sleep(Duration::from_millis(200)).await;
            let violations = session.axe_violations().await;
            assert_eq!(violations, Vec::<String>::new(), "{browser:?}, {state}");
        }
    };
    check("default").await;
    session
        .eval("document.querySelector('drug-leaflet').expandAll();", vec![])
        .await;
    check("all sections open").await;
    session
        .eval("document.querySelector('drug-leaflet').collapseAll();", vec![])
        .await;
    check("all sections closed").await;
    if let Browser::Firefox = browser {
        let dark = Session::start_with(
            browser,
            Launch {
                dark: true,
                ..Launch::default()
            },
        )
        .await;
        dark.open("/a11y.html").await;
        wait_for_leaflet(&dark, 0).await;
        let scheme = dark
            .eval(
                "return matchMedia('(prefers-color-scheme: dark)').matches;",
                vec![],
            )
            .await;
        assert_eq!(scheme, json!(true), "Firefox started dark");
        dark.eval("document.querySelector('drug-leaflet').expandAll();", vec![])
            .await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        assert_eq!(dark.axe_violations().await, Vec::<String>::new(), "Firefox, dark");
        dark.close().await;
    }

    // WCAG 1.4.12: with the text spacing a reader may force (line height 1.5,
    // paragraph spacing 2, letter 0.12, word 0.16 em), nothing is clipped.
    let clipped = session
        .eval(
            "const root = document.querySelector('drug-leaflet').shadowRoot;
             const sheet = new CSSStyleSheet();
             sheet.replaceSync('* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }');
             root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
             document.querySelector('drug-leaflet').expandAll();
             return new Promise(done => setTimeout(() => {
               const boxes = [...root.querySelectorAll('button, p, li, dt, dd, .title')];
               const cut = boxes.filter(e => getComputedStyle(e).display !== 'inline')
                                .filter(e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)
                                .map(e => (e.className || e.tagName) + ' ' + e.scrollWidth + 'x' + e.scrollHeight
                                          + ' in ' + e.clientWidth + 'x' + e.clientHeight + ': ' + e.textContent.slice(0, 40));
               root.adoptedStyleSheets = root.adoptedStyleSheets.slice(0, -1);
               done(cut);
             }, 200));",
            vec![],
        )
        .await;
    assert_eq!(clipped, json!([]), "{browser:?}: text spacing clips nothing");

    if let Browser::Chromium = browser {
        session
            .eval("document.querySelector('drug-leaflet').expandAll();", vec![])
            .await;
        for (state, features) in [
            (
                "dark",
                json!([{ "name": "prefers-color-scheme", "value": "dark" }]),
            ),
            (
                "forced colors",
                json!([{ "name": "forced-colors", "value": "active" }]),
            ),
        ] {
            session
                .cdp("Emulation.setEmulatedMedia", json!({ "features": features }))
                .await;
            check(state).await;
        }
        session
            .cdp(
                "Emulation.setEmulatedMedia",
                json!({ "media": "print", "features": [] }),
            )
            .await;
        check("print").await;
        session
            .eval("document.querySelector('drug-leaflet').collapseAll();", vec![])
            .await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        let hidden_on_paper = session
            .eval(
                "return [...document.querySelector('drug-leaflet').shadowRoot.querySelectorAll('.panel')]
                   .filter(p => p.offsetHeight === 0).map(p => p.id);",
                vec![],
            )
            .await;
        assert_eq!(
            hidden_on_paper,
            json!([]),
            "print shows every section, even closed ones"
        );
        session
            .cdp(
                "Emulation.setEmulatedMedia",
                json!({ "media": "", "features": [] }),
            )
            .await;
        // Text-only zoom to 200%: the reader's default font size doubles, and
        // the leaflet, sized from it, follows without clipping or overflow.
        session
            .cdp("Page.setFontSizes", json!({ "fontSizes": { "standard": 32 } }))
            .await;
        session
            .eval("document.querySelector('drug-leaflet').expandAll();", vec![])
            .await;
        check("text at 200%").await;
        let zoomed = session
            .eval(
                "const root = document.querySelector('drug-leaflet').shadowRoot;
                 const p = root.querySelector('.panel p');
                 return [parseFloat(getComputedStyle(p).fontSize),
                         document.documentElement.scrollWidth - document.documentElement.clientWidth];",
                vec![],
            )
            .await;
        assert_eq!(
            zoomed,
            json!([36, 0]),
            "200% text: 2 x 18 px, no horizontal scrolling"
        );
        session
            .cdp("Page.setFontSizes", json!({ "fontSizes": { "standard": 16 } }))
            .await;
        session
            .cdp(
                "Emulation.setDeviceMetricsOverride",
                json!({ "width": 320, "height": 800, "deviceScaleFactor": 1, "mobile": true }),
            )
            .await;
    } else {
        session.open("/narrow.html").await;
        let frame = session
            .client
            .find(fantoccini::Locator::Css("iframe"))
            .await
            .expect("the frame");
        frame.enter_frame().await.expect("enter the frame");
        wait_for_leaflet(&session, 0).await;
    }
    let width = session.eval("return window.innerWidth;", vec![]).await;
    session
        .eval("document.querySelector('drug-leaflet').expandAll();", vec![])
        .await;
    check("320 px wide").await;
    let overflow = session
        .eval(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
            vec![],
        )
        .await;
    assert_eq!(
        overflow,
        json!(0),
        "{browser:?}: horizontal scrolling at {width} px"
    );
    assert!(
        width.as_u64().is_some_and(|w| w <= 320),
        "{browser:?}: the page is {width} px wide"
    );

    // The check itself can fail: a button without a name is reported.
    session
        .eval(
            "document.querySelector('main').append(document.createElement('button'));",
            vec![],
        )
        .await;
    let violations = session.axe_violations().await;
    assert!(
        violations.iter().any(|v| v.starts_with("button-name")),
        "{browser:?}: {violations:?}"
    );
    session.close().await;
}

/// How the "Get medical help" box looks now: whether it takes space on the
/// page, sits outside every panel, its heading, and its border and icon (drawn,
/// in a colour that differs from the background).
const URGENT_BOX: &str = "const root = document.querySelector('drug-leaflet').shadowRoot;
    const box = root.querySelector('section.urgent');
    const icon = box.querySelector('h3 svg');
    const style = getComputedStyle(box);
    const rect = box.getBoundingClientRect();
    return { shown: rect.height > 0 && box.checkVisibility(), inPanel: box.closest('.panel') !== null,
             heading: box.querySelector('h3').textContent.trim(),
             border: style.borderTopStyle + ' ' + (parseFloat(style.borderInlineStartWidth) >= 6),
             borderVisible: style.borderTopColor !== style.backgroundColor,
             icon: icon.getBoundingClientRect().width > 0 && getComputedStyle(icon).color !== style.backgroundColor,
             fits: rect.right <= document.documentElement.clientWidth };";

/// The "Get medical help" box is in view with every section closed: in the
/// default scheme, dark, forced colours, on paper and 320 px wide.
async fn urgent_box_in_every_state(browser: Browser) {
    let session = Session::start(browser).await;
    session.open("/a11y.html").await;
    wait_for_leaflet(&session, 0).await;
    session
        .eval("document.querySelector('drug-leaflet').collapseAll();", vec![])
        .await;
    let expected = json!({ "shown": true, "inPanel": false, "heading": "Get medical help",
                           "border": "solid true", "borderVisible": true, "icon": true, "fits": true });
    assert_eq!(
        session.eventually(URGENT_BOX, expected.clone()).await,
        expected,
        "{browser:?}"
    );
    if let Browser::Chromium = browser {
        for (state, emulation) in [
            (
                "dark",
                json!({ "features": [{ "name": "prefers-color-scheme", "value": "dark" }] }),
            ),
            (
                "forced colours",
                json!({ "features": [{ "name": "forced-colors", "value": "active" }] }),
            ),
            ("print", json!({ "media": "print", "features": [] })),
        ] {
            session.cdp("Emulation.setEmulatedMedia", emulation).await;
            assert_eq!(
                session.eventually(URGENT_BOX, expected.clone()).await,
                expected,
                "{state}"
            );
        }
        session
            .cdp(
                "Emulation.setEmulatedMedia",
                json!({ "media": "", "features": [] }),
            )
            .await;
        session
            .cdp(
                "Emulation.setDeviceMetricsOverride",
                json!({ "width": 320, "height": 800, "deviceScaleFactor": 1, "mobile": true }),
            )
            .await;
    } else {
        session.open("/narrow.html").await;
        let frame = session
            .client
            .find(fantoccini::Locator::Css("iframe"))
            .await
            .expect("the frame");
        frame.enter_frame().await.expect("enter the frame");
        wait_for_leaflet(&session, 0).await;
    }
    let width = session.eval("return window.innerWidth;", vec![]).await;
    assert!(
        width.as_u64().is_some_and(|w| w <= 320),
        "{browser:?}: {width} px"
    );
    assert_eq!(
        session.eventually(URGENT_BOX, expected.clone()).await,
        expected,
        "{browser:?}: 320 px"
    );
    session.close().await;
}

/// What has keyboard focus inside the leaflet: its class and its section.
const FOCUSED: &str = "const a = document.querySelector('drug-leaflet').shadowRoot.activeElement;
    return a ? a.className + ' @' + (a.closest('[data-section-id]')?.dataset.sectionId ?? '') : 'outside';";

/// A keyboard-only reader: Tab reaches the skip link first, Enter follows it,
/// "Show all sections" and the section buttons work with Enter and Space, arrow
/// keys, Home and End move between sections, and focus stays put after a toggle.
async fn keyboard_walkthrough(browser: Browser) {
    const TAB: char = '\u{E004}';
    const ENTER: char = '\u{E007}';
    const DOWN: char = '\u{E015}';
    const END: char = '\u{E010}';
    const HOME: char = '\u{E011}';
    let session = Session::start(browser).await;
    session.open("/a11y.html").await;
    wait_for_leaflet(&session, 0).await;

    session.press(TAB).await;
    assert_eq!(
        session.eventually(FOCUSED, json!("skip-link @")).await,
        json!("skip-link @"),
        "{browser:?}: the skip link comes first"
    );
    session.press(ENTER).await;
    assert_eq!(
        session.eventually(FOCUSED, json!("content @")).await,
        json!("content @"),
        "{browser:?}: Enter moves focus to the content"
    );
    // The always-visible summary comes first: its glossary links, one Tab each.
    let summary_links = session
        .eval(
            "return document.querySelector('drug-leaflet').shadowRoot
               .querySelectorAll('.key-facts a, .urgent a').length;",
            vec![],
        )
        .await;
    let summary_links = summary_links.as_u64().expect("a count");
    assert!(
        summary_links > 0,
        "{browser:?}: the summary links jargon to the glossary"
    );
    for _ in 0..summary_links {
        session.press(TAB).await;
        assert_eq!(
            session.eventually(FOCUSED, json!("term-link @")).await,
            json!("term-link @"),
            "{browser:?}: a glossary link in the summary"
        );
    }
    session.press(TAB).await;
    assert_eq!(
        session.eventually(FOCUSED, json!("show-all-button @")).await,
        json!("show-all-button @")
    );
    session.press(ENTER).await;
    let all_open = session
        .eventually(
            "return [...document.querySelector('drug-leaflet').shadowRoot.querySelectorAll('.section-button')]
               .every(b => b.getAttribute('aria-expanded') === 'true');",
            json!(true),
        )
        .await;
    assert_eq!(
        all_open,
        json!(true),
        "{browser:?}: Enter on Show all opens every section"
    );
    assert_eq!(
        session.eventually(FOCUSED, json!("show-all-button @")).await,
        json!("show-all-button @"),
        "{browser:?}: focus stays on the control"
    );

    session.press(TAB).await;
    assert_eq!(
        session
            .eventually(FOCUSED, json!("section-button @what-is-nusinersen"))
            .await,
        json!("section-button @what-is-nusinersen")
    );
    session.press(' ').await;
    assert_eq!(
        expanded_changed_from(&session, 0, "what-is-nusinersen", &json!("true")).await,
        json!("false"),
        "{browser:?}: Space closes"
    );
    assert_eq!(
        session
            .eventually(FOCUSED, json!("section-button @what-is-nusinersen"))
            .await,
        json!("section-button @what-is-nusinersen"),
        "{browser:?}: focus kept"
    );
    session.press(ENTER).await;
    assert_eq!(
        expanded_changed_from(&session, 0, "what-is-nusinersen", &json!("false")).await,
        json!("true"),
        "{browser:?}: Enter opens"
    );
    assert_eq!(
        session
            .eventually(FOCUSED, json!("section-button @what-is-nusinersen"))
            .await,
        json!("section-button @what-is-nusinersen")
    );

    session.press(DOWN).await;
    assert_eq!(
        session
            .eventually(FOCUSED, json!("section-button @side-effects"))
            .await,
        json!("section-button @side-effects"),
        "{browser:?}: ArrowDown"
    );
    session.press(END).await;
    assert_eq!(
        session
            .eventually(FOCUSED, json!("section-button @sources"))
            .await,
        json!("section-button @sources"),
        "{browser:?}: End"
    );
    session.press(HOME).await;
    assert_eq!(
        session
            .eventually(FOCUSED, json!("section-button @what-is-nusinersen"))
            .await,
        json!("section-button @what-is-nusinersen"),
        "{browser:?}: Home"
    );
    session.press(TAB).await;
    assert_eq!(
        session
            .eventually(FOCUSED, json!("link-button @what-is-nusinersen"))
            .await,
        json!("link-button @what-is-nusinersen"),
        "{browser:?}: Tab goes into the open panel"
    );
    session.close().await;
}

/// A link to the host page with `#<section id>` opens that section; a text
/// fragment opens the closed section that holds the text.
async fn deep_links(browser: Browser) {
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

/// A `monograph` set before the script has defined the element (a framework
/// rendering first) is still the one the element checks and shows.
async fn property_set_before_definition(browser: Browser) {
    let session = Session::start(browser).await;
    session.open("/early-property.html").await;
    let alert = session
        .wait_for(
            "return document.querySelector('#early').shadowRoot?.querySelector('[role=alert]')?.textContent ?? null;",
            vec![],
        )
        .await;
    let alert = alert.as_str().unwrap_or_default().to_owned();
    assert!(alert.contains("missing field"), "{browser:?}: {alert}");
    session.close().await;
}

/// One `#[tokio::test]` a page and a browser.
macro_rules! in_browsers {
    ($($page:ident),* $(,)?) => {
        mod chromium {
            $(
                #[tokio::test]
                #[ignore = "needs dist/ and browsers: run `cargo xtask test`"]
                async fn $page() {
                    super::$page(super::Browser::Chromium).await;
                }
            )*
        }
        mod firefox {
            $(
                #[tokio::test]
                #[ignore = "needs dist/ and browsers: run `cargo xtask test`"]
                async fn $page() {
                    super::$page(super::Browser::Firefox).await;
                }
            )*
        }
        mod webkit {
            $(
                #[tokio::test]
                #[ignore = "needs dist/ and browsers: run `cargo xtask test`"]
                async fn $page() {
                    super::$page(super::Browser::WebKit).await;
                }
            )*
        }
    };
}

in_browsers!(
    plain_page,
    strict_csp,
    hostile_css,
    two_instances,
    moved_between_parents,
    invalid_monograph,
    fallback_without_webassembly,
    fallback_without_javascript,
    fallback_is_replaced_by_the_leaflet,
    accessibility,
    urgent_box_in_every_state,
    keyboard_walkthrough,
    deep_links,
    property_set_before_definition,
);
