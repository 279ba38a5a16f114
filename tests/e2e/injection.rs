//! Injection: each payload of `tests/fixtures/injection-vectors.json` in every
//! text field of a monograph set through the property, in every field a rule
//! holds to a form, in every attribute the element observes, as the page's
//! URL fragment and as the sessionStorage entry a leaflet reads back. Nothing
//! runs, nothing from a payload becomes an element or an attribute, links keep
//! to https, http, tel and mailto (or `#` within the page), shown payloads are
//! text, and a forged fragment or entry is ignored with one console note.

use serde_json::{json, Value};

use crate::common::{assert_no_page_errors, wait_for_leaflet};
use crate::fixtures::pages;
use crate::harness::{Browser, Session};

const VECTORS: &str = include_str!("../fixtures/injection-vectors.json");
const SMALL_MONOGRAPH: &str = include_str!("../fixtures/small-monograph.json");

/// Where one payload went, as the page reports it.
struct Placed {
    count: u64,
    findings: Vec<String>,
}

async fn place(session: &Session, script: &str, args: Vec<Value>) -> Placed {
    let report = session.eval(script, args).await;
    Placed {
        count: report["placed"].as_u64().unwrap_or_default(),
        findings: serde_json::from_value(report["findings"].clone()).unwrap_or_default(),
    }
}

pub async fn injection_corpus(browser: Browser) {
    let vectors: Vec<String> = serde_json::from_str(VECTORS).expect("a list of strings");
    assert!(vectors.len() >= 50, "{} vectors", vectors.len());
    let small: Value = serde_json::from_str(SMALL_MONOGRAPH).expect("JSON");
    let attributes = json!(drug_leaflet::options::OBSERVED_ATTRIBUTES);

    let session = Session::start(browser).await;
    session.open(pages::INJECTION).await;
    wait_for_leaflet(&session, 0).await;

    // The detector works: a payload that becomes markup on this page runs.
    session
        .eval(
            "document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=__pwned(\"control\")>');",
            vec![],
        )
        .await;
    let control = session
        .wait_for(
            "return window.__pwnedCalls.length ? window.__pwnedCalls : null;",
            vec![],
        )
        .await;
    assert_eq!(
        control,
        json!(["control"]),
        "{browser:?}: the control payload ran"
    );
    session.eval("window.__pwnedCalls = [];", vec![]).await;

    let baseline = session
        .eval("return window.__injection.start(arguments[0]);", vec![small])
        .await;
    let mut counts = [0u64; 5];
    let mut shown = 0;
    let mut findings = Vec::new();
    for vector in &vectors {
        let text = session
            .eval(
                "return window.__injection.inTextFields(arguments[0]);",
                vec![json!(vector)],
            )
            .await;
        shown += u64::from(text["outcome"] == "shown");
        let phases = [
            Placed {
                count: text["placed"].as_u64().unwrap_or_default(),
                findings: serde_json::from_value(text["findings"].clone()).unwrap_or_default(),
            },
            place(
                &session,
                "return window.__injection.inStrictFields(arguments[0]);",
                vec![json!(vector)],
            )
            .await,
            place(
                &session,
                "return window.__injection.inAttributes(arguments[0], arguments[1]);",
                vec![json!(vector), attributes.clone()],
            )
            .await,
            place(
                &session,
                "return window.__injection.inFragment(arguments[0]);",
                vec![json!(vector)],
            )
            .await,
            place(
                &session,
                "return window.__injection.inStorage(arguments[0], arguments[1]);",
                vec![json!(vector), json!(pages::INJECTION_SESSION_STORAGE)],
            )
            .await,
        ];
        for (i, phase) in phases.into_iter().enumerate() {
            counts[i] += phase.count;
            findings.extend(phase.findings.into_iter().map(|f| format!("{vector:?}: {f}")));
        }
    }
    let pwned = session.eval("return window.__pwnedCalls;", vec![]).await;
    println!(
        "{browser:?}: {} vectors; placed {} times in text fields ({shown} vectors shown), {} in fields with a form, \
         {} in attributes, {} as the URL fragment, {} as the sessionStorage entry",
        vectors.len(),
        counts[0],
        counts[1],
        counts[2],
        counts[3],
        counts[4]
    );
    assert_eq!(pwned, json!([]), "{browser:?}: payloads ran");
    assert!(
        findings.is_empty(),
        "{browser:?}: {} findings (the leaflet's own tags and attributes: {baseline}):\n{}",
        findings.len(),
        findings.join("\n")
    );
    // Only payloads that break the [[...]] markup itself may stop the leaflet.
    let markup = vectors
        .iter()
        .filter(|v| v.contains("[[") || v.contains("]]") || v.contains('|'))
        .count() as u64;
    assert!(
        shown + markup >= vectors.len() as u64,
        "{browser:?}: only {shown} of {} vectors were shown as text",
        vectors.len()
    );
    assert_no_page_errors(&session, browser).await;
    session.close().await;
}
