//! No WebAssembly and nothing pasted inside: each `<drug-leaflet>` shows one
//! line linking to its drug's text version (dist/'s fallback HTML), in its
//! language, instead of an empty box; what a host pasted stays as it is.

use serde_json::{json, Value};

use crate::common::{assert_no_page_errors, csp_violations_but_the_favicon, leaflet_console_errors};
use crate::fixtures::pages::CARE_TEAM_CONTACT;
use crate::harness::{Browser, Session};

/// `WebAssembly` deleted before the loader runs (tests/pages/no-webassembly.js),
/// under the strict CSP: `#bundled`, `#on-demand` (examplamab), `#spanish`
/// (`lang="es"`), `#pasted` (a paragraph pasted inside), `#contact` (only the
/// care team's contact). `window.__fatal`: one line a `drug-leaflet-error`.
const PAGE: &str = "/no-webassembly.html";
/// A CSP without 'wasm-unsafe-eval': `#bundled`, `#on-demand`, `#spanish` (`es-419`).
const CSP_PAGE: &str = "/no-wasm-csp.html";
const WIDGET: &str = "/vendor/drug-leaflet/";
const ENGLISH: &str = "Open the text version of this leaflet";
const SPANISH: &str = "Abrir la versión en texto de este prospecto";

/// Each leaflet by id: its shadow root's elements, text, line's `lang` and
/// link, and which of its own children show.
const LEAFLETS: &str =
    "return Object.fromEntries([...document.querySelectorAll('drug-leaflet')].map(host => {
    const root = host.shadowRoot;
    const link = root && root.querySelector('p > a[href]');
    return [host.id, {
      shadow: root && [...root.children].map(e => e.localName),
      text: root && root.textContent,
      lang: root && root.querySelector('p').lang,
      href: link && link.href,
      linkShown: !!link && link.getClientRects().length > 0,
      styled: root && root.querySelectorAll('[style]').length,
      childrenShown: [...host.children].map(e => e.getClientRects().length > 0),
    }];
  }));";

/// What a leaflet shows without WebAssembly and nothing pasted: its line.
fn line(text: &str, lang: &str, href: &str, children: usize) -> Value {
    json!({
        "shadow": ["p", "slot"], "text": text, "lang": lang, "href": href,
        "linkShown": true, "styled": 0, "childrenShown": vec![true; children],
    })
}

/// The HTTP status of each URL, fetched by the page.
async fn statuses(session: &Session, urls: &[String]) -> Value {
    session
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             Promise.all(arguments[0].map(url => fetch(url).then(r => r.status, e => String(e)))).then(done);",
            vec![json!(urls)],
        )
        .await
        .expect("fetches run")
}

/// Waits for the leaflet's console line, checks it is the only one and says `why`.
async fn one_console_line(session: &Session, browser: Browser, page: &str, why: &str) {
    let console = leaflet_console_errors(session).await;
    let ours: Vec<&str> = console
        .lines()
        .filter(|l| l.starts_with("drug-leaflet:"))
        .collect();
    assert_eq!(ours.len(), 1, "{browser:?}, {page}: {console}");
    assert!(ours[0].contains(why), "{browser:?}, {page}: {console}");
}

/// Without WebAssembly (removed before the loader runs, or refused by the
/// CSP): the bundled drug links to `nusinersen.fallback.html` beside the
/// widget, a drug on demand to `monographs/<id>.fallback.html`, in the
/// element's language; both answer 200. A pasted fallback shows as it is (no
/// shadow root), the care team's contact still shows, every element fires a
/// fatal `drug-leaflet-error`, one console line says why, the page requests
/// nothing but the widget's two scripts, and axe finds nothing. The line
/// follows `drug` and the `monograph` property, and the methods return false.
pub async fn text_version_without_webassembly(browser: Browser) {
    let session = Session::start(browser).await;
    session.open(PAGE).await;
    one_console_line(&session, browser, PAGE, "this browser has no WebAssembly").await;
    // Read as the page saw it: Firefox's WebDriver scripts see the window's
    // own classes through its wrapper, deleted or not.
    assert_eq!(
        session.eval("return window.__typeofWebAssembly;", vec![]).await,
        json!("undefined"),
        "{browser:?}: the page removed WebAssembly"
    );
    let bundled = session.server.url(&format!("{WIDGET}nusinersen.fallback.html"));
    let on_demand = session
        .server
        .url(&format!("{WIDGET}monographs/examplamab.fallback.html"));
    let expected = json!({
        "bundled": line(ENGLISH, "en", &bundled, 0),
        "on-demand": line(ENGLISH, "en", &on_demand, 0),
        "spanish": line(SPANISH, "es", &bundled, 0),
        "pasted": {
            "shadow": null, "text": null, "lang": null, "href": null, "linkShown": false,
            "styled": null, "childrenShown": [true],
        },
        "contact": line(ENGLISH, "en", &bundled, 1),
    });
    assert_eq!(
        session.eventually(LEAFLETS, expected.clone()).await,
        expected,
        "{browser:?}"
    );
    assert_eq!(
        session
            .eval(
                "return document.querySelector('#contact > p').textContent;",
                vec![]
            )
            .await,
        json!(CARE_TEAM_CONTACT),
        "{browser:?}"
    );
    let fatal =
        json!(["bundled", "on-demand", "spanish", "pasted", "contact"].map(|id| format!("{id}: fatal true")));
    assert_eq!(
        session.eval("return window.__fatal;", vec![]).await,
        fatal,
        "{browser:?}"
    );
    let requested = session
        .eval(
            "return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname).sort();",
            vec![],
        )
        .await;
    assert_eq!(
        requested,
        json!([
            "/no-webassembly.js",
            "/vendor/drug-leaflet/drug-leaflet-core.js",
            "/vendor/drug-leaflet/drug-leaflet.js",
            "/watch.js",
        ]),
        "{browser:?}: no WASM, no data file"
    );
    assert_eq!(
        statuses(&session, &[bundled.clone(), on_demand.clone()]).await,
        json!([200, 200]),
        "{browser:?}"
    );
    assert_eq!(
        session.axe_violations().await,
        Vec::<String>::new(),
        "{browser:?}"
    );
    let violations = csp_violations_but_the_favicon(&session).await;
    assert_eq!(
        violations,
        Vec::<String>::new(),
        "{browser:?}: no inline style, no other request"
    );

    let afterwards = session
        .eval(
            "const host = document.getElementById('bundled');
             host.setAttribute('drug', 'examplamab');
             const moved = host.shadowRoot.querySelector('a').href;
             host.lang = 'es-ES';
             const spanish = host.shadowRoot.textContent;
             host.removeAttribute('lang');
             host.monograph = {};
             const property = host.shadowRoot.textContent;
             const late = document.createElement('drug-leaflet');
             late.setAttribute('drug', 'Not a drug');
             document.querySelector('main').append(late);
             return { moved, spanish, property, late: late.shadowRoot.textContent,
                      methods: [host.expandAll(), host.collapseAll(), host.open('dosing')],
                      fatal: window.__fatal.length };",
            vec![],
        )
        .await;
    assert_eq!(
        afterwards,
        json!({
            "moved": on_demand,
            "spanish": SPANISH,
            "property": "This leaflet could not be shown. Ask your pharmacist for the printed leaflet for examplamab.",
            "late": "This leaflet could not be shown. Ask your pharmacist for the printed leaflet for Not a drug.",
            "methods": [false, false, false],
            "fatal": 10,
        }),
        "{browser:?}"
    );
    assert_eq!(session.watched("consoleErrors").await.len(), 1, "{browser:?}");
    assert_no_page_errors(&session, browser).await;

    session.open(CSP_PAGE).await;
    one_console_line(&session, browser, CSP_PAGE, "'wasm-unsafe-eval'").await;
    let expected = json!({
        "bundled": line(ENGLISH, "en", &bundled, 0),
        "on-demand": line(ENGLISH, "en", &on_demand, 0),
        "spanish": line(SPANISH, "es", &bundled, 0),
    });
    assert_eq!(
        session.eventually(LEAFLETS, expected.clone()).await,
        expected,
        "{browser:?}, CSP"
    );
    assert_eq!(
        statuses(&session, &[bundled, on_demand]).await,
        json!([200, 200]),
        "{browser:?}, CSP"
    );
    assert_eq!(
        session.axe_violations().await,
        Vec::<String>::new(),
        "{browser:?}, CSP"
    );
    assert_no_page_errors(&session, browser).await;
    session.close().await;
}
