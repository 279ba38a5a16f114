//! axe-core in every state a reader can put the leaflet in, with text spacing,
//! text at 200% and 320 px wide, and the "Get medical help" box in each state.

use std::time::Duration;

use serde_json::json;

use crate::common::wait_for_leaflet;
use crate::harness::{Browser, Launch, Session};

/// axe-core finds nothing in each state a reader can put the leaflet in:
/// default, all open, all closed, 320 px wide, and (where the browser can
/// emulate it) dark scheme, forced colours and print.
pub async fn accessibility(browser: Browser) {
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
pub async fn urgent_box_in_every_state(browser: Browser) {
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
