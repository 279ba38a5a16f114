//! Leaflets imported from the synthetic FHIR ePI bundles (`tests/epi/`) with
//! `import-epi`, set through the `monograph` property as a host would (the
//! imported TOML read and handed to the page as a plain object), and read back
//! from the rendered leaflet.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::{json, Value};
use xtask::epi::{import, ImportOptions};

use crate::common::{
    assert_axe_clean_with_every_section_open, assert_no_page_errors, wait_for_leaflet, wait_for_title,
};
use crate::fixtures::{epi, pages};
use crate::harness::{Browser, Session};

/// Imports `bundle` into a fresh folder and returns the monograph as the JSON
/// object a host page would pass.
fn imported(bundle: &str, urgent: &str) -> Value {
    // One folder a call: the browsers' tests run at the same time.
    static CALLS: AtomicUsize = AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, Ordering::Relaxed);
    let root = xtask::project_root();
    let out = std::env::temp_dir().join(format!("e2e-epi-{}-{call}", std::process::id()));
    let options = ImportOptions {
        urgent: Some(urgent.to_owned()),
        ..options_for_eu()
    };
    let (report, written) = import(&root.join("tests/epi").join(bundle), &out, &options).expect("read");
    let file: PathBuf = written.unwrap_or_else(|| panic!("{bundle} did not import:\n{}", report.text()));
    let text = std::fs::read_to_string(&file).expect("the imported file");
    let _ = std::fs::remove_dir_all(&out);
    let value: toml::Value = toml::from_str(&text).expect("TOML");
    serde_json::to_value(value).expect("as JSON")
}

/// What the first leaflet on the page shows: title, section ids and headings,
/// the subheadings of section 2, the urgent box's heading, the text of every
/// panel, the show-all button's words, the content's language, and whether an
/// alert, a table or an image is in it.
const READ_LEAFLET: &str = "const root = document.querySelector('drug-leaflet').shadowRoot;
    const all = (selector, from = root) => [...from.querySelectorAll(selector)];
    return {
      title: root.querySelector('.title')?.textContent ?? null,
      ids: all('[data-section-id]').map(s => s.dataset.sectionId),
      headings: all('.section-title').map(h => h.textContent),
      second: all('[data-section-id]')[1]?.dataset.sectionId ?? null,
      subheadings: all('[data-section-id]')[1]
        ? all('.subheading', all('[data-section-id]')[1]).map(h => h.tagName + ' ' + h.textContent) : [],
      urgent: root.querySelector('.urgent .summary-heading')?.textContent ?? null,
      text: root.querySelector('.leaflet')?.textContent ?? '',
      showAll: root.querySelector('.show-all-button')?.textContent ?? null,
      lang: root.querySelector('.leaflet')?.getAttribute('lang') ?? null,
      alert: root.querySelector('[role=alert]')?.textContent ?? null,
      markup: all('table, img, script').length,
    };";

/// Sets the first leaflet's `monograph` and waits until it shows `title`.
async fn show(session: &Session, monograph: Value, title: &str) -> Value {
    session
        .eval(
            "document.querySelector('drug-leaflet').monograph = arguments[0];",
            vec![monograph],
        )
        .await;
    wait_for_title(session, 0, title).await;
    session.eval(READ_LEAFLET, vec![]).await
}

pub async fn imported_epi_leaflets(browser: Browser) {
    let english = imported(epi::ENGLISH, epi::ENGLISH_URGENT);
    let spanish = imported(epi::SPANISH, epi::SPANISH_URGENT);
    let session = Session::start(browser).await;
    session.open(pages::A11Y).await;
    wait_for_leaflet(&session, 0).await;

    let shown = show(&session, english, epi::ENGLISH_TITLE).await;
    assert_eq!(shown["alert"], Value::Null, "{browser:?}: {}", shown["alert"]);
    assert_eq!(shown["ids"], json!(epi::ENGLISH_SECTIONS), "{browser:?}");
    // heading-level 2: the title h2, sections h3, their subheadings h4.
    let subheadings: Vec<String> = epi::ENGLISH_SUBHEADINGS
        .iter()
        .map(|h| format!("H4 {h}"))
        .collect();
    assert_eq!(shown["subheadings"], json!(subheadings), "{browser:?}");
    assert_eq!(shown["urgent"], json!(epi::ENGLISH_URGENT_HEADING), "{browser:?}");
    let text = shown["text"].as_str().unwrap_or_default();
    assert!(text.contains(epi::ENGLISH_TABLE_ROW), "{browser:?}: {text}");
    assert_eq!(
        shown["markup"],
        json!(0),
        "{browser:?}: the ePI's markup is not passed through"
    );
    assert_eq!(shown["lang"], json!("en"), "{browser:?}");
    // Subheadings keep the heading order: axe finds nothing, all sections open.
    assert_axe_clean_with_every_section_open(&session, &format!("{browser:?}")).await;

    // The Spanish leaflet, with the leaflet's own words in Spanish too.
    session
        .eval(
            "document.querySelector('drug-leaflet').setAttribute('lang', 'es');",
            vec![],
        )
        .await;
    let shown = show(&session, spanish, epi::SPANISH_TITLE).await;
    assert_eq!(shown["alert"], Value::Null, "{browser:?}: {}", shown["alert"]);
    let mut headings = epi::SPANISH_HEADINGS.to_vec();
    headings.push(epi::SPANISH_SOURCES);
    assert_eq!(shown["headings"], json!(headings), "{browser:?}");
    assert_eq!(shown["lang"], json!("es"), "{browser:?}: the content's language");
    assert_eq!(
        session
            .eventually(
                "return document.querySelector('drug-leaflet').shadowRoot.querySelector('.show-all-button')?.textContent ?? null;",
                json!(epi::SPANISH_SHOW_ALL),
            )
            .await,
        json!(epi::SPANISH_SHOW_ALL),
        "{browser:?}: the leaflet's own words follow lang=\"es\""
    );
    assert_no_page_errors(&session, browser).await;
    session.close().await;
}

/// The fixtures' leaflets are for the EU (a centrally authorised medicine),
/// which their bundles do not state.
fn options_for_eu() -> ImportOptions {
    ImportOptions {
        jurisdiction: Some("EU".to_owned()),
        ..ImportOptions::default()
    }
}
