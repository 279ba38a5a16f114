//! A keyboard-only reader's walk through the leaflet.

use serde_json::json;

use crate::common::{expanded_changed_from, wait_for_leaflet};
use crate::harness::{Browser, Session};

/// What has keyboard focus inside the leaflet: its class and its section.
const FOCUSED: &str = "const a = document.querySelector('drug-leaflet').shadowRoot.activeElement;
    return a ? a.className + ' @' + (a.closest('[data-section-id]')?.dataset.sectionId ?? '') : 'outside';";

/// A keyboard-only reader: Tab reaches the skip link first, Enter follows it,
/// "Show all sections" and the section buttons work with Enter and Space, arrow
/// keys, Home and End move between sections, and focus stays put after a toggle.
pub async fn keyboard_walkthrough(browser: Browser) {
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
