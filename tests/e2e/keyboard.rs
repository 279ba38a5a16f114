//! A keyboard-only reader's walk through the leaflet.

use serde_json::json;

use crate::common::{expanded_changed_from, wait_for_leaflet};
use crate::fixtures::{nusinersen, pages};
use crate::harness::{Browser, Session};

/// WebDriver's key codes (as in `fantoccini::key::Key`).
const TAB: char = '\u{E004}';
const ENTER: char = '\u{E007}';
const SPACE: char = ' ';
const DOWN: char = '\u{E015}';
const END: char = '\u{E010}';
const HOME: char = '\u{E011}';

/// What has keyboard focus inside the leaflet: its class and its section.
const FOCUSED: &str = "const a = document.querySelector('drug-leaflet').shadowRoot.activeElement;
    return a ? a.className + ' @' + (a.closest('[data-section-id]')?.dataset.sectionId ?? '') : 'outside';";

/// What `FOCUSED` reads on the controls before the sections.
const SKIP_LINK: &str = "skip-link @";
const CONTENT: &str = "content @";
const GLOSSARY_LINK: &str = "term-link @";
const SHOW_ALL: &str = "show-all-button @";

/// What `FOCUSED` reads on an element of class `class` in section `section`.
fn in_section(class: &str, section: &str) -> String {
    format!("{class} @{section}")
}

/// The keyboard on a session's page, in `browser` (which failures name).
struct Keyboard<'a> {
    session: &'a Session,
    browser: Browser,
}

impl Keyboard<'_> {
    /// Waits for focus to be on `expected` (as `FOCUSED` reads it).
    async fn expect_focus(&self, expected: &str, message: &str) {
        assert_eq!(
            self.session.eventually(FOCUSED, json!(expected)).await,
            json!(expected),
            "{:?}: {message}",
            self.browser
        );
    }

    /// Presses `key` and waits for focus to move to, or stay on, `expected`.
    async fn press_and_expect_focus(&self, key: char, expected: &str, message: &str) {
        self.session.press(key).await;
        self.expect_focus(expected, message).await;
    }
}

/// A keyboard-only reader: Tab reaches the skip link first, Enter follows it,
/// "Show all sections" and the section buttons work with Enter and Space, arrow
/// keys, Home and End move between sections, and focus stays put after a toggle.
pub async fn keyboard_walkthrough(browser: Browser) {
    let first_section = in_section("section-button", nusinersen::FIRST_SECTION);
    let session = Session::start(browser).await;
    session.open(pages::A11Y).await;
    wait_for_leaflet(&session, 0).await;
    let keyboard = Keyboard {
        session: &session,
        browser,
    };

    keyboard
        .press_and_expect_focus(TAB, SKIP_LINK, "the skip link comes first")
        .await;
    keyboard
        .press_and_expect_focus(ENTER, CONTENT, "Enter moves focus to the content")
        .await;
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
        keyboard
            .press_and_expect_focus(TAB, GLOSSARY_LINK, "a glossary link in the summary")
            .await;
    }
    keyboard
        .press_and_expect_focus(TAB, SHOW_ALL, "Show all after the summary")
        .await;

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
    keyboard
        .expect_focus(SHOW_ALL, "focus stays on the control")
        .await;

    keyboard
        .press_and_expect_focus(TAB, &first_section, "the first section next")
        .await;
    session.press(SPACE).await;
    assert_eq!(
        expanded_changed_from(&session, 0, nusinersen::FIRST_SECTION, &json!("true")).await,
        json!("false"),
        "{browser:?}: Space closes"
    );
    keyboard.expect_focus(&first_section, "focus kept").await;
    session.press(ENTER).await;
    assert_eq!(
        expanded_changed_from(&session, 0, nusinersen::FIRST_SECTION, &json!("false")).await,
        json!("true"),
        "{browser:?}: Enter opens"
    );
    keyboard
        .expect_focus(&first_section, "focus kept after Enter")
        .await;

    for (key, section, message) in [
        (DOWN, nusinersen::SIDE_EFFECTS, "ArrowDown"),
        (END, nusinersen::LAST_SECTION, "End"),
        (HOME, nusinersen::FIRST_SECTION, "Home"),
    ] {
        keyboard
            .press_and_expect_focus(key, &in_section("section-button", section), message)
            .await;
    }
    keyboard
        .press_and_expect_focus(
            TAB,
            &in_section("link-button", nusinersen::FIRST_SECTION),
            "Tab goes into the open panel",
        )
        .await;
    session.close().await;
}
