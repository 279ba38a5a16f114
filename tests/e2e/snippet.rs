//! The recommended embed, `dist/embed/<id>.html`, pasted into a page: every
//! file it names is pinned by the hash it gives, the page is accessible before
//! and after the leaflet takes over, and the pasted fallback prints every
//! section (closed ones too) with JavaScript off or before the WASM arrives.

use std::time::Duration;

use fantoccini::Locator;
use serde_json::json;

use crate::common::{assert_no_page_errors, csp_violations_but_the_favicon, wait_for_leaflet};
use crate::fixtures::{nusinersen, on_demand, pages};
use crate::harness::{Browser, Launch, Session};

/// Every `attribute="…" … integrity="…"` pair in `html`: (the attribute's value, the hash).
fn pins<'a>(html: &'a str, attribute: &str) -> Vec<(&'a str, &'a str)> {
    let mut found = Vec::new();
    for tag in html.split('<').filter(|tag| tag.contains(" integrity=\"")) {
        let value = |name: &str| {
            let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
            tag[start..].split('"').next()
        };
        if let (Some(value), Some(hash)) = (value(attribute), value("integrity")) {
            found.push((value, hash));
        }
    }
    found
}

/// Each snippet's `integrity` values are the hashes of the files it names,
/// and it holds its drug's fallback as dist/ wrote it.
#[test]
#[ignore = "needs dist/: run `cargo xtask test`"]
fn fallback_snippets_pin_the_files_they_name() {
    let dist = xtask::project_root().join("dist");
    let read = |path: &str| std::fs::read(dist.join(path)).expect(path);
    let text = |path: &str| String::from_utf8(read(path)).expect("UTF-8");
    for (id, fallback) in [
        (nusinersen::ID, format!("{}.fallback.html", nusinersen::ID)),
        (
            on_demand::DRUG,
            format!("monographs/{}.fallback.html", on_demand::DRUG),
        ),
    ] {
        let snippet = text(&format!("embed/{id}.html"));
        let files: Vec<(&str, &str)> = pins(&snippet, "href")
            .into_iter()
            .chain(pins(&snippet, "src"))
            .collect();
        assert_eq!(files.len(), 2, "{id}: the stylesheet and the loader: {files:?}");
        for (url, hash) in files {
            let file = url.strip_prefix("/drug-leaflet/").expect("under /drug-leaflet/");
            assert_eq!(hash, xtask::sri::integrity(&read(file)), "{id}: {file}");
        }
        let drug = pins(&snippet, "drug");
        if id == on_demand::DRUG {
            let file = format!("monographs/{id}.json");
            assert_eq!(drug, [(id, xtask::sri::integrity(&read(&file)).as_str())], "{id}");
        } else {
            assert!(drug.is_empty() && snippet.contains("\n<drug-leaflet>\n"), "{id}");
        }
        assert!(
            snippet.contains(text(&fallback).trim_end()),
            "{id}: the fallback inside"
        );
    }
}

/// The snippet's page under a strict CSP: the loader, and the print
/// stylesheet it links, pass their integrity checks, and axe finds nothing on the fallback
/// (the WASM held back) nor on the leaflet that replaced it.
pub async fn fallback_snippet_is_pinned_and_accessible(browser: Browser) {
    let session = Session::start(browser).await;
    // Long enough for axe on a loaded machine (over 8 s in Firefox), within
    // `wait_for_leaflet`'s 20 s after it.
    session.server.delay(pages::EMBED_WASM, Duration::from_secs(15));
    session.open(pages::EMBED).await;
    let before = session.axe_violations().await;
    let fallback_checked = session
        .eval(
            "return document.querySelector('drug-leaflet').shadowRoot === null;",
            vec![],
        )
        .await;
    assert_eq!(
        fallback_checked,
        json!(true),
        "{browser:?}: axe ran on the fallback"
    );
    assert_eq!(before, Vec::<String>::new(), "{browser:?}: the fallback");
    wait_for_leaflet(&session, 0).await;
    assert_eq!(
        session.axe_violations().await,
        Vec::<String>::new(),
        "{browser:?}: the leaflet"
    );
    // With JavaScript on, the snippet's own link is text inside <noscript>:
    // the one stylesheet is the loader's, in <head>, pinned and loaded.
    let stylesheet = session
        .eval(
            "const links = [...document.querySelectorAll('link[rel=stylesheet]')];
             const link = links[0];
             return { links: links.length, inHead: link.parentNode === document.head,
                      loaded: link.sheet !== null, rules: link.sheet ? link.sheet.cssRules.length : 0,
                      pinned: link.integrity.startsWith('sha384-') };",
            vec![],
        )
        .await;
    assert_eq!(
        stylesheet,
        json!({ "links": 1, "inHead": true, "loaded": true, "rules": 1, "pinned": true }),
        "{browser:?}"
    );
    let violations = csp_violations_but_the_favicon(&session).await;
    assert_eq!(violations, Vec::<String>::new(), "{browser:?}");
    assert_no_page_errors(&session, browser).await;
    session.close().await;
}

/// The storage section of the pasted fallback as laid out: the height of its
/// `<details>`, the height of its first list item, and whether it is closed
/// (WebDriver's element commands, which need no page script). "Displayed"
/// will not do: WebDriver counts anything in a closed `<details>` as hidden.
async fn storage_section(session: &Session) -> (f64, f64, bool) {
    let section = format!("drug-leaflet details[data-section-id='{}']", nusinersen::STORAGE);
    let find = |css: String| {
        let client = session.client.clone();
        async move { client.find(Locator::Css(&css)).await.expect(&css) }
    };
    let details = find(section.clone()).await;
    let item = find(format!("{section} li")).await;
    let closed = details.prop("open").await.expect("open").as_deref() != Some("true");
    let height = |rectangle: (f64, f64, f64, f64)| rectangle.3;
    (
        height(details.rectangle().await.expect("a rectangle")),
        height(item.rectangle().await.expect("a rectangle")),
        closed,
    )
}

/// On screen, then in print (Chromium's emulated media), then on screen
/// again: the closed storage section grows by its content in print only.
async fn assert_prints_the_closed_section(session: &Session, what: &str) {
    let (on_screen, item, closed) = storage_section(session).await;
    assert!(closed && item > 0.0, "{what}: closed, with a list item");
    session.emulate_media("print", &[]).await;
    let (in_print, _, still_closed) = storage_section(session).await;
    assert!(
        still_closed && in_print >= on_screen + item,
        "{what}: in print the closed section is {in_print} px high, on screen {on_screen} px (an item: {item} px)"
    );
    session.emulate_media("", &[]).await;
    assert_eq!(
        storage_section(session).await.0,
        on_screen,
        "{what}: on screen again"
    );
}

/// With JavaScript off, a closed section of the pasted fallback is hidden on
/// screen and laid out in print (Chromium's emulated print media).
pub async fn fallback_snippet_prints_every_section_without_javascript(browser: Browser) {
    let launch = Launch {
        javascript: false,
        ..Launch::default()
    };
    let session = Session::start_with(browser, launch).await;
    session.open(pages::EMBED).await;
    assert_prints_the_closed_section(&session, "JavaScript off").await;
    session.close().await;
}

/// With JavaScript on, before the WASM arrives, the pasted fallback prints
/// its closed sections too.
pub async fn fallback_snippet_prints_every_section_before_the_wasm(browser: Browser) {
    let session = Session::start(browser).await;
    session.server.delay(pages::EMBED_WASM, Duration::from_secs(8));
    session.open(pages::EMBED).await;
    session
        .wait_for(
            "return document.querySelector('script[type=module]') ? true : null;",
            vec![],
        )
        .await;
    assert_prints_the_closed_section(&session, "before the WASM").await;
    let upgraded = session
        .eval(
            "return document.querySelector('drug-leaflet').shadowRoot !== null;",
            vec![],
        )
        .await;
    assert_eq!(upgraded, json!(false), "{browser:?}: still the fallback");
    wait_for_leaflet(&session, 0).await;
    assert_no_page_errors(&session, browser).await;
    session.close().await;
}
