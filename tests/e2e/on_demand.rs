//! Drugs that are not bundled, loaded on demand: `drug="<id>"` fetches
//! `monographs/<id>.json` from the widget's own folder (under a strict CSP),
//! once for every element asking, shows it only after the host door passes
//! it, and says what went wrong, naming the drug, when it cannot.

use std::time::Duration;

use serde_json::{json, Value};

use crate::common::{alert_text, assert_no_page_errors};
use crate::fixtures::on_demand::{self, DATA};
use crate::harness::{Browser, Session};

/// The title element `arguments[0]` shows, or null.
const TITLE_OF_ID: &str = "return document.getElementById(arguments[0])?.shadowRoot
    ?.querySelector('.title')?.textContent ?? null;";

/// Adds `<drug-leaflet id=arguments[0]>` with the attributes in arguments[1]
/// and pasted text arguments[2] (if any), then waits for its alert: its text,
/// `aria-busy`, whether pasted text shows, and its last error event.
const FAILED: &str = "const [id, attributes, pasted] = arguments;
    let element = document.getElementById(id);
    if (!element) {
      element = document.createElement('drug-leaflet');
      element.id = id;
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
      if (pasted) element.innerHTML = `<p>${pasted}</p>`;
      document.body.append(element);
    }
    const alert = element.shadowRoot?.querySelector('[role=alert]');
    const event = window.__events.filter(e => e.id === id && e.type === 'drug-leaflet-error').pop();
    return alert && event ? {
      alert: alert.textContent,
      busy: element.getAttribute('aria-busy'),
      pastedShows: pasted ? element.querySelector('p').getBoundingClientRect().height > 0 : null,
      problems: event.detail.problems.map(p => p.path + ': ' + p.message),
    } : null;";

fn requests_for(session: &Session, drug: &str) -> usize {
    let path = format!("{DATA}{drug}.json");
    session
        .server
        .requested_paths()
        .iter()
        .filter(|p| **p == path)
        .count()
}

/// The integrity snippet dist/integrity.txt gives for `drug`.
fn listed_integrity(drug: &str) -> String {
    let listing =
        std::fs::read_to_string(xtask::project_root().join("dist/integrity.txt")).expect("integrity.txt");
    let prefix = format!("<drug-leaflet drug=\"{drug}\" integrity=\"");
    let line = listing
        .lines()
        .find_map(|line| line.strip_prefix(prefix.as_str()))
        .unwrap_or_else(|| panic!("integrity.txt has no snippet for {drug}:\n{listing}"));
    line.split('"').next().unwrap_or_default().to_owned()
}

/// Waits until `#id` shows a title, which must be `title`.
async fn assert_shows(session: &Session, browser: Browser, id: &str, title: &str) {
    let shown = session.wait_for(TITLE_OF_ID, vec![json!(id)]).await;
    assert_eq!(shown, json!(title), "{browser:?}: #{id}");
}

/// Nothing threw and the page's CSP was never broken; then the session ends.
async fn close_clean(session: Session, browser: Browser) {
    assert_no_page_errors(&session, browser).await;
    assert_eq!(
        session.watched("violations").await,
        Vec::<String>::new(),
        "{browser:?}: CSP"
    );
    session.close().await;
}

/// While a drug's file is on its way, the element with pasted text is busy
/// (the leaflet will replace it) and that text stays readable; a bare element
/// says it is loading in a status line that no busy element holds, so screen
/// readers announce it (in Chromium, read in the accessibility tree); then
/// the leaflet replaces the pasted text and the status line, from one request.
pub async fn a_slow_drug_shows_loading_then_its_leaflet(browser: Browser) {
    let session = Session::start(browser).await;
    let slow = format!("{DATA}{}.json", on_demand::SLOW_DRUG);
    session.server.delay(&slow, Duration::from_secs(6));
    session.open(on_demand::PAGE).await;
    let loading = session
        .wait_for(
            "const pasted = document.getElementById('slow-pasted'), bare = document.getElementById('slow-bare');
             const status = bare.shadowRoot?.querySelector('[role=status]');
             return status && pasted.shadowRoot ? {
               busy: [pasted.getAttribute('aria-busy'), bare.getAttribute('aria-busy')],
               status: status.textContent,
               pastedShows: document.getElementById('slow-pasted-text').getBoundingClientRect().height > 0,
               title: pasted.shadowRoot.querySelector('.title')?.textContent ?? null,
             } : null;",
            vec![],
        )
        .await;
    assert_eq!(
        loading,
        json!({ "busy": ["true", null], "status": "Loading the leaflet…", "pastedShows": true, "title": null }),
        "{browser:?}"
    );
    if browser == Browser::Chromium {
        assert_eq!(
            loading_status_in_the_accessibility_tree(&session).await,
            json!({ "role": "status", "live": "polite", "busyAncestors": [] }),
            "{browser:?}: the status as a screen reader gets it"
        );
        // The check can fail: the element busy, as it was before issue 24.
        session
            .eval(
                "document.getElementById('slow-bare').setAttribute('aria-busy', 'true');",
                vec![],
            )
            .await;
        tokio::time::sleep(Duration::from_millis(100)).await;
        let busy = loading_status_in_the_accessibility_tree(&session).await;
        eprintln!("the status under a busy element: {busy}");
        assert_ne!(busy["busyAncestors"], json!([]), "{browser:?}: {busy}");
        session
            .eval(
                "document.getElementById('slow-bare').removeAttribute('aria-busy');",
                vec![],
            )
            .await;
    }
    assert_eq!(
        session.axe_violations_in(&["#slow-pasted", "#slow-bare"]).await,
        Vec::<String>::new(),
        "{browser:?}: while loading"
    );
    for id in ["slow-pasted", "slow-bare"] {
        assert_shows(&session, browser, id, on_demand::TITLE).await;
    }
    assert_eq!(requests_for(&session, on_demand::SLOW_DRUG), 1, "{browser:?}");
    close_clean(session, browser).await;
}

/// The "Loading the leaflet…" node in Chromium's accessibility tree: its
/// role, its `live` property, and the roles of its ancestors that are busy
/// (a screen reader may hold back a live region's news under one).
async fn loading_status_in_the_accessibility_tree(session: &Session) -> Value {
    let tree = session.cdp("Accessibility.getFullAXTree", json!({})).await;
    let nodes = tree["nodes"].as_array().expect("the tree's nodes");
    let by_id = |id: &Value| nodes.iter().find(|node| &node["nodeId"] == id);
    let property = |node: &Value, name: &str| {
        node["properties"]
            .as_array()
            .and_then(|properties| properties.iter().find(|p| p["name"] == name))
            .map(|p| p["value"]["value"].clone())
    };
    let text = nodes
        .iter()
        .find(|node| node["role"]["value"] == "StaticText" && node["name"]["value"] == "Loading the leaflet…")
        .expect("the status line's text in the accessibility tree");
    let mut status = None;
    let mut busy_ancestors = Vec::new();
    let mut node = by_id(&text["parentId"]);
    while let Some(current) = node {
        if status.is_none() && current["role"]["value"] == "status" {
            status = Some(current);
        }
        // Chromium gives this boolean as 1.
        if property(current, "busy").is_some_and(|busy| busy == json!(true) || busy == json!(1)) {
            busy_ancestors.push(current["role"]["value"].clone());
        }
        node = by_id(&current["parentId"]);
    }
    let status = status.expect("a status node around the text");
    json!({
        "role": status["role"]["value"],
        "live": property(status, "live"),
        "busyAncestors": busy_ancestors,
    })
}

/// Two elements asking for the same drug: one request, both shown, not busy,
/// a ready event each, the pasted text replaced; the bundled leaflet beside them.
pub async fn elements_asking_for_one_drug_share_its_request(browser: Browser) {
    let session = Session::start(browser).await;
    session.open(on_demand::PAGE).await;
    for id in ["first", "second"] {
        assert_shows(&session, browser, id, on_demand::TITLE).await;
    }
    assert_eq!(
        requests_for(&session, on_demand::DRUG),
        1,
        "{browser:?}: fetched once"
    );
    let shown = session
        .eval(
            "const ids = ['bundled', 'first', 'second'];
             return {
               busy: ids.map(id => document.getElementById(id).getAttribute('aria-busy')),
               bundled: document.getElementById('bundled').shadowRoot.querySelector('.title')?.textContent,
               monograph: document.getElementById('first').monograph?.meta?.id ?? null,
               ready: window.__events.filter(e => e.type === 'drug-leaflet-ready' && ids.includes(e.id))
                 .map(e => e.id + ' ' + e.detail.drug).sort(),
               pastedShows: document.getElementById('second-pasted').getBoundingClientRect().height > 0,
             };",
            vec![],
        )
        .await;
    assert_eq!(shown["busy"], json!([null, null, null]), "{browser:?}");
    assert_eq!(
        shown["bundled"],
        json!(crate::fixtures::nusinersen::TITLE),
        "{browser:?}"
    );
    assert_eq!(shown["monograph"], json!(on_demand::DRUG), "{browser:?}");
    assert_eq!(
        shown["ready"],
        json!(["bundled nusinersen", "first examplamab", "second examplamab"]),
        "{browser:?}"
    );
    assert_eq!(
        shown["pastedShows"],
        json!(false),
        "{browser:?}: the leaflet replaced the pasted text"
    );
    close_clean(session, browser).await;
}

/// Named in the page, the drug's file is fetched by the loader, beside the
/// WASM (answered a second late): it starts well before the WASM has
/// arrived, which is when an element would start it.
pub async fn the_loader_fetches_a_named_drug_beside_the_wasm(browser: Browser) {
    let session = Session::start(browser).await;
    session.server.delay(
        "/on-demand/drug-leaflet/drug-leaflet-core_bg.wasm",
        Duration::from_secs(1),
    );
    session.open(on_demand::PAGE).await;
    assert_shows(&session, browser, "first", on_demand::TITLE).await;
    let started = session
        .eval(
            "const entry = end => performance.getEntriesByType('resource').find(e => e.name.endsWith(end));
             const data = entry('/examplamab.json'), wasm = entry('_bg.wasm');
             return data && wasm ? wasm.responseEnd - data.startTime : null;",
            vec![],
        )
        .await;
    assert!(
        started.as_f64().is_some_and(|ahead| ahead > 500.0),
        "{browser:?}: the data file starts beside the WASM, not after it ({started} ms ahead)"
    );
    close_clean(session, browser).await;
}

/// A hash the browser would ignore: the element refuses it, and neither it
/// nor the loader asked for the file.
pub async fn a_malformed_pin_is_refused_before_any_request(browser: Browser) {
    let session = Session::start(browser).await;
    session.open(on_demand::PAGE).await;
    let refused = session
        .wait_for(FAILED, vec![json!("bad-pin"), json!({}), Value::Null])
        .await;
    assert!(
        refused["problems"][0].as_str().is_some_and(
            |p| p.starts_with("drug: integrity=\"sha384-abc\" is not a Subresource Integrity hash")
        ),
        "{browser:?}: {refused}"
    );
    assert_eq!(requests_for(&session, on_demand::WRONG_DRUG), 0, "{browser:?}");
    close_clean(session, browser).await;
}

/// A pin set while the unpinned file is on its way: the unpinned answer is
/// not the pinned file, and the element ends on the pin's verdict.
pub async fn a_pin_set_while_the_file_loads_decides(browser: Browser) {
    let session = Session::start(browser).await;
    let late = format!("{DATA}{}.json", on_demand::LATE_DRUG);
    session.server.delay(&late, Duration::from_secs(2));
    session.open(on_demand::PAGE).await;
    // The element defined and the WASM running, so the new element starts
    // fetching the unpinned file as it is added.
    assert_shows(&session, browser, "bundled", crate::fixtures::nusinersen::TITLE).await;
    session
        .eval(
            "const el = document.createElement('drug-leaflet');
             el.id = 'pinned-late';
             el.setAttribute('drug', arguments[0]);
             document.body.append(el);
             el.setAttribute('integrity', arguments[1]);",
            vec![
                json!(on_demand::LATE_DRUG),
                json!(format!("sha384-{}", "A".repeat(64))),
            ],
        )
        .await;
    let pinned_late = session
        .wait_for(FAILED, vec![json!("pinned-late"), json!({}), Value::Null])
        .await;
    assert!(
        pinned_late["problems"][0]
            .as_str()
            .is_some_and(|p| p.contains("examplamab-late.json does not match its integrity attribute")),
        "{browser:?}: {pinned_late}"
    );
    close_clean(session, browser).await;
}

/// Switching to the bundled drug and back: no request for either.
pub async fn switching_to_the_bundled_drug_and_back_fetches_nothing(browser: Browser) {
    let session = Session::start(browser).await;
    session.open(on_demand::PAGE).await;
    assert_shows(&session, browser, "first", on_demand::TITLE).await;
    let title = session
        .wait_for(
            "const el = document.getElementById('first');
             if (!el.dataset.switched) { el.dataset.switched = 1; el.setAttribute('drug', 'nusinersen'); }
             const t = el.shadowRoot.querySelector('.title')?.textContent;
             return t === arguments[0] ? t : null;",
            vec![json!(crate::fixtures::nusinersen::TITLE)],
        )
        .await;
    assert_eq!(title, json!(crate::fixtures::nusinersen::TITLE), "{browser:?}");
    session
        .eval(
            "document.getElementById('first').setAttribute('drug', arguments[0]);",
            vec![json!(on_demand::DRUG)],
        )
        .await;
    let title = session.wait_for(TITLE_OF_ID, vec![json!("first")]).await;
    assert_eq!(title, json!(on_demand::TITLE), "{browser:?}");
    assert_eq!(requests_for(&session, on_demand::DRUG), 1, "{browser:?}: cached");
    close_clean(session, browser).await;
}

/// The hash dist/integrity.txt lists pins the file; the element shows it,
/// from a request of its own.
pub async fn the_listed_integrity_pins_the_file(browser: Browser) {
    let session = Session::start(browser).await;
    session.open(on_demand::PAGE).await;
    // The page's own elements have fetched the file unpinned.
    assert_shows(&session, browser, "first", on_demand::TITLE).await;
    session
        .eval(
            "const el = document.createElement('drug-leaflet');
             el.id = 'pinned';
             el.setAttribute('drug', arguments[0]);
             el.setAttribute('integrity', arguments[1]);
             document.body.append(el);",
            vec![json!(on_demand::DRUG), json!(listed_integrity(on_demand::DRUG))],
        )
        .await;
    let title = session.wait_for(TITLE_OF_ID, vec![json!("pinned")]).await;
    assert_eq!(title, json!(on_demand::TITLE), "{browser:?}: pinned");
    // The file: once plain, once pinned.
    assert_eq!(requests_for(&session, on_demand::DRUG), 2, "{browser:?}");
    close_clean(session, browser).await;
}

/// `lang` chooses the drug's leaflet in that language where it has one, by
/// its own line in integrity.txt, with no notice; a language it has none in
/// shows its main leaflet after one miss; a new `lang` loads the leaflet in it.
pub async fn lang_shows_the_drugs_leaflet_in_that_language(browser: Browser) {
    let session = Session::start(browser).await;
    session.open(on_demand::PAGE).await;
    assert_shows(&session, browser, "first", on_demand::TITLE).await;
    let listing =
        std::fs::read_to_string(xtask::project_root().join("dist/integrity.txt")).expect("integrity.txt");
    let spanish_pin = listing
        .lines()
        .find_map(|line| line.strip_prefix("<drug-leaflet drug=\"examplamab\" lang=\"es\" integrity=\""))
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_else(|| panic!("integrity.txt lists no Spanish leaflet:\n{listing}"))
        .to_owned();
    session
        .eval(
            "for (const [id, lang, pin] of [['spanish', 'es-MX', arguments[1]], ['french', 'fr', null]]) {
               const el = document.createElement('drug-leaflet');
               el.id = id;
               el.setAttribute('drug', arguments[0]);
               el.setAttribute('lang', lang);
               if (pin) el.setAttribute('integrity', pin);
               document.body.append(el);
             }",
            vec![json!(on_demand::DRUG), json!(spanish_pin)],
        )
        .await;
    assert_shows(&session, browser, "spanish", on_demand::SPANISH_TITLE).await;
    let shown = session
        .eval(
            "const root = document.getElementById(arguments[0]).shadowRoot;
             return [root.querySelector('article').lang, !!root.querySelector('.language-notice')];",
            vec![json!("spanish")],
        )
        .await;
    assert_eq!(
        shown,
        json!(["es", false]),
        "{browser:?}: Spanish content, no notice"
    );
    assert_shows(&session, browser, "french", on_demand::TITLE).await;
    let paths = session.server.requested_paths();
    for file in ["examplamab.es.json", "examplamab.fr.json"] {
        let path = format!("{DATA}{file}");
        assert!(paths.contains(&path), "{browser:?}: asked for {file}: {paths:?}");
    }

    session
        .eval(
            "const el = document.getElementById('spanish');
             el.removeAttribute('integrity');
             el.setAttribute('lang', 'en');",
            vec![],
        )
        .await;
    session
        .wait_for(
            "const t = document.getElementById('spanish').shadowRoot.querySelector('.title')?.textContent;
             return t === arguments[0] ? t : null;",
            vec![json!(on_demand::TITLE)],
        )
        .await;
    assert!(
        session
            .server
            .requested_paths()
            .contains(&format!("{DATA}examplamab.en.json")),
        "{browser:?}: the main leaflet under its language's name"
    );
    close_clean(session, browser).await;
}

/// Each failure: an alert naming the drug and the reason, one error event,
/// not busy, and pasted text still readable under the alert.
pub async fn each_failure_names_the_drug_and_the_reason(browser: Browser) {
    let session = Session::start(browser).await;
    session.open(on_demand::PAGE).await;
    // The page's own elements have fetched the file unpinned.
    assert_shows(&session, browser, "first", on_demand::TITLE).await;
    let wrong_hash = format!("sha384-{}", "A".repeat(64));
    let cases = [
        (
            on_demand::MISSING_DRUG,
            json!({}),
            format!(
                "drug: the leaflet for drug=\"{}\" could not be loaded: ",
                on_demand::MISSING_DRUG
            ),
            "answered HTTP 404",
        ),
        (
            on_demand::DRUG,
            json!({ "integrity": wrong_hash }),
            format!(
                "drug: the leaflet for drug=\"{}\" could not be loaded: ",
                on_demand::DRUG
            ),
            "examplamab.json does not match its integrity attribute",
        ),
        (
            on_demand::NOT_JSON_DRUG,
            json!({}),
            format!(
                "drug: the leaflet for drug=\"{}\" could not be loaded: ",
                on_demand::NOT_JSON_DRUG
            ),
            "htmlamab.json is not JSON",
        ),
        (
            on_demand::WRONG_DRUG,
            json!({}),
            "drug: monographs/wrongamab.json holds the monograph \"examplamab\", not \"wrongamab\""
                .to_owned(),
            "",
        ),
        (
            on_demand::INVALID_DRUG,
            json!({}),
            "monographs/invalidamab.json sections".to_owned(),
            "",
        ),
        (
            "../secret",
            json!({}),
            "drug: drug=\"../secret\" is not a drug id".to_owned(),
            "",
        ),
        (
            on_demand::DRUG,
            json!({ "integrity": "sha384-tooshort" }),
            "drug: integrity=\"sha384-tooshort\" is not a Subresource Integrity hash".to_owned(),
            "",
        ),
    ];
    for (n, (drug, extra, start, reason)) in cases.into_iter().enumerate() {
        let mut attributes = extra;
        attributes["drug"] = json!(drug);
        let id = format!("failed-{n}");
        let failed = session
            .wait_for(FAILED, vec![json!(id), attributes, json!("Pasted text stays.")])
            .await;
        let problem = failed["problems"][0].as_str().unwrap_or_default();
        assert!(
            problem.starts_with(&start) && problem.contains(reason),
            "{browser:?}: {drug}: {problem}"
        );
        let alert = failed["alert"].as_str().unwrap_or_default();
        assert!(
            alert.contains(problem),
            "{browser:?}: {drug}: the alert shows it: {alert}"
        );
        let heading = if problem.starts_with("drug:") {
            "This leaflet could not be loaded:"
        } else {
            "This leaflet cannot be shown because its data has problems:"
        };
        assert!(alert.starts_with(heading), "{browser:?}: {alert}");
        assert_eq!(failed["busy"], Value::Null, "{browser:?}: {drug}");
        assert_eq!(failed["pastedShows"], json!(true), "{browser:?}: {drug}");
    }
    // Neither a bad id nor a bad hash made a request.
    let requested = session.server.requested_paths();
    assert!(
        !requested.iter().any(|p| p.contains("secret") || p.contains("..")),
        "{browser:?}: {requested:?}"
    );
    // The file: once plain, once with the wrong hash and once more (HEAD) to
    // tell a failed integrity check from a network error.
    assert_eq!(requests_for(&session, on_demand::DRUG), 3, "{browser:?}");
    let failed: Vec<String> = (0..7).map(|n| format!("#failed-{n}")).collect();
    let failed: Vec<&str> = failed.iter().map(String::as_str).collect();
    assert_eq!(
        session.axe_violations_in(&failed).await,
        Vec::<String>::new(),
        "{browser:?}: with every failure shown"
    );
    close_clean(session, browser).await;
}

/// A CSP whose connect-src lets the WASM through but not monographs/: the
/// alert says the file could not be fetched and names connect-src.
pub async fn a_csp_blocking_the_data_file_is_named(browser: Browser) {
    let session = Session::start(browser).await;
    session.open(on_demand::BLOCKED_PAGE).await;
    let alert = alert_text(&session, "drug-leaflet").await;
    assert!(
        alert.contains("drug: the leaflet for drug=\"examplamab\" could not be loaded: ")
            && alert.contains("examplamab.json could not be fetched (offline, or the page's Content-Security-Policy connect-src does not allow it)"),
        "{browser:?}: {alert}"
    );
    let violations = session.watched("violations").await;
    assert!(
        violations
            .iter()
            .any(|v| v.starts_with("connect-src") && v.ends_with("/examplamab.json")),
        "{browser:?}: {violations:?}"
    );
    session.close().await;
}

/// The demo portal (dist/index.html, what `cargo xtask demo` serves): the
/// bundled leaflet and the example drug loaded on demand, labelled as example
/// data, under the page's own CSP (which has no room for the test pages'
/// watcher script: the leaflets showing without an alert is the check).
pub async fn demo_portal(browser: Browser) {
    let session = Session::start(browser).await;
    session.open("/vendor/drug-leaflet/index.html").await;
    let titles = session
        .wait_for(
            "const titles = [...document.querySelectorAll('drug-leaflet')]
               .map(el => el.shadowRoot?.querySelector('.title')?.textContent ?? null);
             return titles.every(Boolean) ? titles : null;",
            vec![],
        )
        .await;
    assert_eq!(
        titles,
        json!([crate::fixtures::nusinersen::TITLE, on_demand::TITLE]),
        "{browser:?}"
    );
    let label = session
        .eval(
            "return document.querySelector('drug-leaflet[drug=examplamab]').closest('section').querySelector('h2').textContent;",
            vec![],
        )
        .await;
    assert_eq!(label, json!("Example data: not a real medicine"), "{browser:?}");
    let alerts = session
        .eval(
            "return [...document.querySelectorAll('drug-leaflet')].map(el => el.shadowRoot.querySelectorAll('[role=alert]').length);",
            vec![],
        )
        .await;
    assert_eq!(alerts, json!([0, 0]), "{browser:?}");
    // The portal page and both leaflets pass axe as a whole page (the
    // page's own skip link sat outside every landmark until this checked it).
    let violations = session.axe_violations().await;
    assert!(violations.is_empty(), "{browser:?}: {violations:#?}");
    session.close().await;
}
