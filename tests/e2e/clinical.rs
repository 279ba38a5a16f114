//! What a hospital needs before it puts the leaflet in front of patients: its
//! own "who to call" in the urgent box (with and without script), the sources
//! told once a section rather than after every line, and a phone's first
//! screen that holds the urgent signs.

use fantoccini::Locator;
use serde_json::{json, Value};

use crate::common::wait_for_leaflet;
use crate::fixtures::{nusinersen, pages, scripts};
use crate::harness::{Browser, Launch, Session};

/// How leaflet `LEAFLET`'s urgent box ends (see `urgent_end`): the care
/// team's label and contact (the elements its slot holds) or the general
/// line, each only if it is visible, and whether the contact sits inside the box.
const URGENT_END: &str = "const root = document.querySelectorAll('drug-leaflet')[LEAFLET].shadowRoot;
    const box = root?.querySelector('section.urgent');
    if (!box) return null;
    const slot = box.querySelector('slot[name=urgent-contact]');
    const contact = slot ? slot.assignedElements() : [];
    const label = box.querySelector('.care-team-label');
    const general = box.querySelector('.urgent-default');
    const within = (el) => { const r = el.getBoundingClientRect(), b = box.getBoundingClientRect();
      return r.height > 0 && r.top >= b.top && r.bottom <= b.bottom && r.left >= b.left && r.right <= b.right; };
    return { label: !!label && label.checkVisibility() && label.textContent,
             contact: contact.map((e) => e.textContent.trim()),
             contactInBox: contact.length > 0 && contact.every(within),
             general: !!general && general.checkVisibility() && general.textContent };";

/// `URGENT_END` for the `n`th leaflet on the page.
fn urgent_end(n: usize) -> String {
    URGENT_END.replace("LEAFLET", &n.to_string())
}

fn with_contact() -> Value {
    json!({ "label": nusinersen::CARE_TEAM_LABEL, "contact": [pages::CARE_TEAM_CONTACT],
            "contactInBox": true, "general": false })
}

fn without_contact() -> Value {
    json!({ "label": false, "contact": [], "contactInBox": false,
            "general": nusinersen::URGENT_GENERAL_LINE })
}

/// A state's name, its emulated media type and features (Chromium).
type MediaState = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

/// The hospital's element (`slot="urgent-contact"`) ends the urgent box,
/// labelled as the care team's words, in light, dark, forced colours and
/// print; without one the box ends with the general line. Under the strict
/// CSP, axe clean.
pub async fn urgent_contact(browser: Browser) {
    let session = Session::start(browser).await;
    session.open(pages::URGENT_CONTACT).await;
    wait_for_leaflet(&session, 0).await;
    wait_for_leaflet(&session, 1).await;
    // The country the leaflet is written for, first thing under the drug's names.
    let status = session
        .eval(
            "return document.querySelector('drug-leaflet').shadowRoot.querySelector('.status').textContent;",
            vec![],
        )
        .await;
    assert_eq!(status, json!(nusinersen::STATUS_LINE), "{browser:?}");
    let states: &[MediaState] = match browser {
        Browser::Chromium => &[
            ("light", "", &[("prefers-color-scheme", "light")]),
            ("dark", "", &[("prefers-color-scheme", "dark")]),
            ("forced colours", "", &[("forced-colors", "active")]),
            ("print", "print", &[]),
        ],
        // The other engines cannot emulate media: the default state.
        _ => &[("default", "", &[])],
    };
    for (name, media, features) in states {
        if browser == Browser::Chromium {
            session.emulate_media(media, features).await;
        }
        assert_eq!(
            session.eventually(&urgent_end(0), with_contact()).await,
            with_contact(),
            "{browser:?}, {name}: the leaflet with a contact"
        );
        let without = session.eval(&urgent_end(1), vec![]).await;
        assert_eq!(without, without_contact(), "{browser:?}, {name}: the one without");
        if *name != "print" {
            // The whole page: two leaflets of one drug, whose landmarks have
            // names of their own.
            let violations = session.axe_violations().await;
            assert_eq!(violations, Vec::<String>::new(), "{browser:?}, {name}");
        }
    }
    session.close().await;
}

/// The fallback with the README's edit: readers without JavaScript see the
/// contact in its urgent box; when the leaflet starts, its box shows it.
pub async fn urgent_contact_in_the_fallback(browser: Browser) {
    let no_script = Session::start_with(
        browser,
        Launch {
            javascript: false,
            ..Launch::default()
        },
    )
    .await;
    no_script.open(pages::FALLBACK_CONTACT).await;
    let contact = no_script
        .client
        .find(Locator::Css(
            "drug-leaflet section.urgent [slot='urgent-contact']",
        ))
        .await
        .expect("the contact inside the fallback's urgent box");
    assert!(contact.is_displayed().await.expect("displayed"), "{browser:?}");
    assert_eq!(contact.text().await.expect("text"), pages::CARE_TEAM_CONTACT);
    no_script.close().await;

    let session = Session::start(browser).await;
    session.open(pages::FALLBACK_CONTACT).await;
    wait_for_leaflet(&session, 0).await;
    assert_eq!(
        session.eventually(&urgent_end(0), with_contact()).await,
        with_contact(),
        "{browser:?}"
    );
    session.close().await;
}

/// Source markers and source lines a reader can see (laid out: what a screen
/// reader is given) in the first leaflet.
const SHOWN_SOURCES: &str = "const root = document.querySelector('drug-leaflet').shadowRoot;
    const shown = (selector) => [...root.querySelectorAll(selector)].filter((e) => e.getClientRects().length > 0).length;
    return { markers: shown('.source-marker'), lines: shown('.source-line'),
             inline: document.querySelector('drug-leaflet').sourcesInline };";

/// The accessibility tree's text nodes that name a source (Chromium only).
async fn announced_sources(session: &Session) -> (usize, usize) {
    let tree = session.cdp("Accessibility.getFullAXTree", json!({})).await;
    let texts: Vec<String> = tree["nodes"]
        .as_array()
        .expect("the tree's nodes")
        .iter()
        .filter(|node| node["role"]["value"] == "StaticText")
        .filter_map(|node| node["name"]["value"].as_str().map(str::to_owned))
        .collect();
    let markers = texts.iter().filter(|t| t.contains("(Source:")).count();
    let lines = texts
        .iter()
        .filter(|t| t.starts_with("Where this comes from:"))
        .count();
    (markers, lines)
}

/// With every section open a reader meets one "Where this comes from" line a
/// section and box, no per-line marker; the Sources section's checkbox (a real
/// click) shows every marker, fires `drug-leaflet-sources` and sets
/// `sourcesInline`; `sources="inline"` does the same, and on paper the markers
/// print unless `print-sources="section"`.
pub async fn sources_told_once_a_section(browser: Browser) {
    let session = Session::start(browser).await;
    session.open(pages::URGENT_CONTACT).await;
    wait_for_leaflet(&session, 0).await;
    session.eval(scripts::EXPAND_ALL, vec![]).await;
    // Every section and the two summary boxes: the sections' count from the page.
    let boxes = session
        .eval(
            "return document.querySelector('drug-leaflet').shadowRoot.querySelectorAll('.section').length + 2;",
            vec![],
        )
        .await;
    let expected = json!({ "markers": 0, "lines": boxes.as_u64().expect("a count") - 1, "inline": false });
    // Sources, the last section, names documents rather than citing them.
    assert_eq!(
        session.eventually(SHOWN_SOURCES, expected.clone()).await,
        expected,
        "{browser:?}"
    );
    if browser == Browser::Chromium {
        // One leaflet alone on a page: what a screen reader announces of it.
        let alone = Session::start(browser).await;
        alone.open(pages::A11Y).await;
        wait_for_leaflet(&alone, 0).await;
        alone.eval(scripts::EXPAND_ALL, vec![]).await;
        alone.eventually(SHOWN_SOURCES, expected.clone()).await;
        let (markers, lines) = announced_sources(&alone).await;
        assert_eq!(markers, 0, "markers in the accessibility tree");
        assert_eq!(
            Some(lines as u64),
            expected["lines"].as_u64(),
            "one source line a section and box is announced (at most 20)"
        );
        assert!(lines <= 20, "{lines} source lines announced");
        println!("source announcements with every section open: {lines} lines, {markers} markers");
        alone.close().await;
    }

    if browser == Browser::WebKit {
        // WebKitGTK's driver finds a checkbox in a shadow root not
        // interactable at times: the page's own click there.
        session
            .eval(
                "document.querySelector('drug-leaflet').shadowRoot.querySelector('.sources-toggle').click();",
                vec![],
            )
            .await;
    } else {
        session
            .in_leaflet(0, ".sources-toggle")
            .await
            .click()
            .await
            .expect("click the checkbox");
    }
    let shown = session
        .wait_for(
            &format!("const r = (function () {{ {SHOWN_SOURCES} }})(); return r.markers > 0 ? r : null;"),
            vec![],
        )
        .await;
    assert!(
        shown["markers"].as_u64().is_some_and(|n| n > 90),
        "{browser:?}: {shown}"
    );
    assert_eq!(shown["inline"], json!(true), "{browser:?}");
    let events = session.eval("return window.__sources;", vec![]).await;
    assert_eq!(events, json!([{ "inline": true }]), "{browser:?}");
    if browser == Browser::Chromium {
        let (markers, _) = announced_sources(&session).await;
        assert!(markers > 90, "{markers} markers announced once asked for");
    }

    // The host's choice, on the second leaflet: inline on screen; on paper
    // the markers unless it says otherwise.
    session
        .eval(
            "document.querySelectorAll('drug-leaflet')[1].setAttribute('sources', 'inline');",
            vec![],
        )
        .await;
    let second_markers = "return [...document.querySelectorAll('drug-leaflet')[1].shadowRoot
        .querySelectorAll('.source-marker')].filter((e) => e.getClientRects().length > 0).length;";
    session
        .eval(
            "document.querySelectorAll('drug-leaflet')[1].expandAll();",
            vec![],
        )
        .await;
    let markers = session
        .wait_for(
            &format!("const n = (function () {{ {second_markers} }})(); return n > 0 ? n : null;"),
            vec![],
        )
        .await;
    assert!(markers.as_u64().is_some_and(|n| n > 90), "{browser:?}: {markers}");
    if browser == Browser::Chromium {
        session
            .eval(
                "document.querySelectorAll('drug-leaflet')[1].setAttribute('sources', 'section');",
                vec![],
            )
            .await;
        session.emulate_media("print", &[]).await;
        let printed = session.eval(second_markers, vec![]).await;
        assert!(printed.as_u64().is_some_and(|n| n > 90), "printed: {printed}");
        session
            .eval(
                "document.querySelectorAll('drug-leaflet')[1].setAttribute('print-sources', 'section');",
                vec![],
            )
            .await;
        assert_eq!(
            session.eventually(second_markers, json!(0)).await,
            json!(0),
            "print-sources=section"
        );
    }
    session.close().await;
}

/// Where the urgent box's heading, the box and the key facts are at 390 x 844
/// CSS px with the leaflet at the top of the page, in page coordinates.
const PHONE_LAYOUT: &str = "const root = document.querySelector('drug-leaflet').shadowRoot;
    const top = (el) => el.getBoundingClientRect().top + scrollY;
    const box = root.querySelector('section.urgent');
    const facts = root.querySelector('section.key-facts');
    return { heading: top(box.querySelector('.summary-heading')), box: box.getBoundingClientRect().height,
             keyFacts: top(facts), screen: innerHeight };";

/// The first screen on a common phone is for the patient: the urgent box's
/// heading on it, the box no taller than a screen, the key facts starting by
/// the second. A screenshot of the first screen goes to target/screenshots/.
pub async fn phone_first_screen(browser: Browser) {
    let session = Session::start(browser).await;
    session
        .cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": true }),
        )
        .await;
    session.open(pages::PHONE).await;
    wait_for_leaflet(&session, 0).await;
    let layout = session.eval(PHONE_LAYOUT, vec![]).await;
    let at = |key: &str| layout[key].as_f64().unwrap_or(f64::NAN);
    let screen = at("screen");
    assert_eq!(screen, 844.0, "{layout}");
    assert!(at("heading") < screen - 40.0, "the urgent heading: {layout}");
    assert!(at("box") <= screen, "the urgent box: {layout}");
    assert!(at("keyFacts") < 2.0 * screen, "the key facts: {layout}");
    let shot = session
        .cdp("Page.captureScreenshot", json!({ "format": "png" }))
        .await;
    let file = xtask::project_root().join("target/screenshots/phone-390x844-first-screen.png");
    xtask::screenshots::write_screenshot(&shot, &file).expect("write the screenshot");
    println!("phone 390x844: {layout}");
    session.close().await;
}
