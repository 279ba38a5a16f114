//! Leaflets imported from the SPL fixtures (`tests/spl/`, written from the
//! standard) with `import-spl`'s converter, set through the `monograph`
//! property as a host would, and read back from the rendered leaflet.

use serde_json::{json, Value};
use xtask::spl::{convert, SplOptions};

use crate::common::{assert_axe_clean_with_every_section_open, assert_no_page_errors, wait_for_leaflet};
use crate::fixtures::pages;
use crate::harness::{Browser, Session};

/// Each fixture that imports, with the `--urgent` it needs (none: the default box).
const FIXTURES: [(&str, Option<&str>); 4] = [
    ("medguide-questions.xml", None),
    ("ppi-untitled.xml", None),
    ("ifu-figures.xml", Some("if you inject too much")),
    ("medguide-in-table.xml", None),
];

/// The fixture's monograph as the plain object a host page would pass.
fn imported(name: &str, urgent: Option<&str>) -> Value {
    let xml = std::fs::read_to_string(xtask::project_root().join("tests/spl").join(name)).expect("fixture");
    let options = SplOptions {
        urgent: urgent.map(str::to_owned),
        ..SplOptions::default()
    };
    let (monograph, report) = convert(&xml, &options)
        .expect("an SPL document")
        .expect("a patient section");
    let monograph = monograph.unwrap_or_else(|| panic!("{name} did not import:\n{}", report.text()));
    serde_json::to_value(monograph).expect("as JSON")
}

/// What the leaflet shows once `arguments[0]` is its title: any alert, any
/// element that could carry markup from the source, the urgent box's heading,
/// the pictures' text lines and the whole text.
const SHOWN: &str = "const root = document.querySelector('drug-leaflet').shadowRoot;
    if (root.querySelector('.title')?.textContent !== arguments[0]) return null;
    return { alert: root.querySelector('[role=alert]')?.textContent ?? null,
             markup: root.querySelectorAll('img, script, table, object, iframe').length,
             urgent: root.querySelector('.urgent .summary-heading')?.textContent ?? null,
             figures: [...root.querySelectorAll('.figure')].map((f) => f.textContent),
             text: root.querySelector('.leaflet').textContent };";

/// Every SPL fixture that imports renders as plain text: no alert, nothing
/// passed through as markup, an urgent box, figures as "Picture: <alt>", and
/// axe clean with every section open.
pub async fn imported_spl_leaflets(browser: Browser) {
    let session = Session::start(browser).await;
    session.open(pages::A11Y).await;
    wait_for_leaflet(&session, 0).await;
    for (name, urgent) in FIXTURES {
        let monograph = imported(name, urgent);
        let title = monograph["meta"]["title"].clone();
        session
            .eval(
                "document.querySelector('drug-leaflet').monograph = arguments[0];",
                vec![monograph],
            )
            .await;
        let shown = session.wait_for(SHOWN, vec![title]).await;
        assert_eq!(shown["alert"], Value::Null, "{browser:?}, {name}");
        assert_eq!(
            shown["markup"],
            json!(0),
            "{browser:?}, {name}: no markup passed through"
        );
        assert!(shown["urgent"].is_string(), "{browser:?}, {name}: {shown}");
        assert!(
            shown["text"]
                .as_str()
                .is_some_and(|t| t.contains("Written for patients in the United States.")),
            "{browser:?}, {name}"
        );
        if name == "ifu-figures.xml" {
            let figures = shown["figures"].as_array().map_or(0, Vec::len);
            assert_eq!(figures, 4, "{browser:?}: {shown}");
            assert!(
                shown["figures"][0]
                    .as_str()
                    .is_some_and(|f| f.starts_with("Picture:")),
                "{browser:?}: {shown}"
            );
        }
        assert_axe_clean_with_every_section_open(&session, &format!("{browser:?}, {name}")).await;
    }
    assert_no_page_errors(&session, browser).await;
    session.close().await;
}
