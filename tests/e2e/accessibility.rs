//! axe-core in every state a reader can put the leaflet in, with text spacing,
//! text at 200% and 320 px wide, and the "Get medical help" box in each state.

use std::time::Duration;

use fantoccini::Locator;
use serde_json::{json, Value};

use crate::common::wait_for_leaflet;
use crate::fixtures::{nusinersen, pages, scripts};
use crate::harness::Browser::{self, Chromium, Firefox, WebKit};
use crate::harness::{Launch, Session};

/// The states a reader can put the leaflet in, in the order the tests visit
/// them, each entered from and left back to the default one.
const STATES: &[State] = &[
    State {
        name: "default",
        browsers: &[Chromium, Firefox, WebKit],
        entry: Entry::AsIs,
        media_query: None,
        sections: &[Sections::AsLoaded, Sections::AllOpen, Sections::AllClosed],
        check: Some(Check::TextSpacing),
    },
    State {
        name: "dark",
        browsers: &[Chromium],
        entry: Entry::EmulatedMedia {
            media: "",
            features: &[("prefers-color-scheme", "dark")],
        },
        media_query: Some("(prefers-color-scheme: dark)"),
        sections: &[Sections::AllOpen],
        check: None,
    },
    State {
        name: "dark",
        browsers: &[Firefox],
        entry: Entry::Launch(Launch {
            javascript: true,
            dark: true,
        }),
        media_query: Some("(prefers-color-scheme: dark)"),
        sections: &[Sections::AllOpen],
        check: None,
    },
    State {
        name: "forced colours",
        browsers: &[Chromium],
        entry: Entry::EmulatedMedia {
            media: "",
            features: &[("forced-colors", "active")],
        },
        media_query: Some("(forced-colors: active)"),
        sections: &[Sections::AllOpen],
        check: None,
    },
    State {
        name: "print",
        browsers: &[Chromium],
        entry: Entry::EmulatedMedia {
            media: "print",
            features: &[],
        },
        media_query: Some("print"),
        sections: &[Sections::AllOpen],
        check: Some(Check::EverySectionPrinted),
    },
    State {
        name: "text at 200%",
        browsers: &[Chromium],
        entry: Entry::FontSize(2 * DEFAULT_FONT_SIZE),
        media_query: None,
        sections: &[Sections::AllOpen],
        check: Some(Check::TextDoubled),
    },
    State {
        name: "320 px wide",
        browsers: &[Chromium],
        entry: Entry::Width(pages::NARROW_WIDTH),
        media_query: None,
        sections: &[Sections::AllOpen],
        check: Some(Check::NoHorizontalScrolling),
    },
    State {
        name: "320 px wide",
        browsers: &[Firefox, WebKit],
        entry: Entry::NarrowFrame,
        media_query: None,
        sections: &[Sections::AllOpen],
        check: Some(Check::NoHorizontalScrolling),
    },
];

/// A browser's default font size, in px.
const DEFAULT_FONT_SIZE: u64 = 16;

/// A state a reader can put the leaflet in, and how a test gets there.
struct State {
    name: &'static str,
    /// The browsers a test can put in this state.
    browsers: &'static [Browser],
    entry: Entry,
    /// Holds once the state is entered: proof that the emulation or launch option took.
    media_query: Option<&'static str>,
    /// Which sections are open when axe checks the state, one check each.
    sections: &'static [Sections],
    /// What else to check in the state, beyond axe.
    check: Option<Check>,
}

/// How a test puts the page in a state.
#[derive(Clone, Copy)]
enum Entry {
    AsIs,
    /// Chromium's `Emulation.setEmulatedMedia`: a media type ("" for the real
    /// one) and media features, as (name, value).
    EmulatedMedia {
        media: &'static str,
        features: &'static [(&'static str, &'static str)],
    },
    /// Chromium's default font size in px (`Page.setFontSizes`): text-only zoom.
    FontSize(u64),
    /// Chromium's viewport width in px, as on a phone (`Emulation.setDeviceMetricsOverride`).
    Width(u64),
    /// A second browser, started as `Launch` says (Firefox can start dark but
    /// not emulate it), on the same page.
    Launch(Launch),
    /// The page in narrow.html's frame: a narrow viewport in any browser.
    NarrowFrame,
}

/// Which sections are open: as the page loaded them, or all opened or all
/// closed through the element's API.
#[derive(Clone, Copy)]
enum Sections {
    AsLoaded,
    AllOpen,
    AllClosed,
}

/// A check of a state beyond axe's.
#[derive(Clone, Copy)]
enum Check {
    /// WCAG 1.4.12: with the text spacing a reader may force, nothing is clipped.
    TextSpacing,
    /// Print shows every section, even closed ones.
    EverySectionPrinted,
    /// Text-only zoom to 200%: the leaflet, sized from the reader's default
    /// font size, follows without horizontal scrolling.
    TextDoubled,
    /// WCAG 1.4.10: no horizontal scrolling.
    NoHorizontalScrolling,
}

impl State {
    /// The states `browser` can be put in.
    fn all_in(browser: Browser) -> impl Iterator<Item = &'static State> {
        STATES
            .iter()
            .filter(move |state| state.browsers.contains(&browser))
    }

    /// Puts the page in this state and checks that it took. Returns the
    /// browser a launch option started, where to look instead of `session`.
    async fn enter(&self, session: &Session, browser: Browser) -> Option<Session> {
        let launched = match self.entry {
            Entry::AsIs => None,
            Entry::EmulatedMedia { media, features } => {
                session.emulate_media(media, features).await;
                None
            }
            Entry::FontSize(px) => {
                session
                    .cdp("Page.setFontSizes", json!({ "fontSizes": { "standard": px } }))
                    .await;
                None
            }
            Entry::Width(px) => {
                session
                    .cdp(
                        "Emulation.setDeviceMetricsOverride",
                        json!({ "width": px, "height": 800, "deviceScaleFactor": 1, "mobile": true }),
                    )
                    .await;
                None
            }
            Entry::Launch(launch) => {
                let launched = Session::start_with(browser, launch).await;
                launched.open(pages::A11Y).await;
                wait_for_leaflet(&launched, 0).await;
                Some(launched)
            }
            Entry::NarrowFrame => {
                session.open(pages::NARROW).await;
                let frame = session
                    .client
                    .find(Locator::Css("iframe"))
                    .await
                    .expect("the frame");
                frame.enter_frame().await.expect("enter the frame");
                wait_for_leaflet(session, 0).await;
                None
            }
        };
        let page = launched.as_ref().unwrap_or(session);
        if let Some(query) = self.media_query {
            let matches = page
                .eval("return matchMedia(arguments[0]).matches;", vec![json!(query)])
                .await;
            assert_eq!(matches, json!(true), "{browser:?}, {}: {query}", self.name);
        }
        if let Some(max_width) = self.max_width() {
            let width = page.eval("return window.innerWidth;", vec![]).await;
            assert!(
                width.as_u64().is_some_and(|w| w <= max_width),
                "{browser:?}: the page is {width} px wide"
            );
        }
        launched
    }

    /// The widest the viewport may be in this state, if the state is about width.
    fn max_width(&self) -> Option<u64> {
        match self.entry {
            Entry::Width(px) => Some(px),
            Entry::NarrowFrame => Some(pages::NARROW_WIDTH),
            _ => None,
        }
    }

    /// Puts the page back in the default state, closing a launched browser.
    async fn leave(&self, session: &Session, launched: Option<Session>) {
        match self.entry {
            Entry::AsIs => {}
            Entry::EmulatedMedia { .. } => session.emulate_media("", &[]).await,
            Entry::FontSize(_) => {
                session
                    .cdp(
                        "Page.setFontSizes",
                        json!({ "fontSizes": { "standard": DEFAULT_FONT_SIZE } }),
                    )
                    .await;
            }
            Entry::Width(_) => {
                session
                    .cdp("Emulation.clearDeviceMetricsOverride", json!({}))
                    .await;
            }
            Entry::Launch(_) => {
                if let Some(launched) = launched {
                    launched.close().await;
                }
            }
            Entry::NarrowFrame => {
                session.open(pages::A11Y).await;
                wait_for_leaflet(session, 0).await;
            }
        }
    }
}

impl Sections {
    fn name(self) -> &'static str {
        match self {
            Sections::AsLoaded => "sections as loaded",
            Sections::AllOpen => "all sections open",
            Sections::AllClosed => "all sections closed",
        }
    }

    async fn apply(self, page: &Session) {
        match self {
            Sections::AsLoaded => {}
            Sections::AllOpen => {
                page.eval(scripts::EXPAND_ALL, vec![]).await;
            }
            Sections::AllClosed => {
                page.eval(scripts::COLLAPSE_ALL, vec![]).await;
            }
        }
    }
}

impl Check {
    async fn run(self, page: &Session, browser: Browser) {
        match self {
            Check::TextSpacing => text_spacing_clips_nothing(page, browser).await,
            Check::EverySectionPrinted => every_section_printed(page, browser).await,
            Check::TextDoubled => text_doubled(page, browser).await,
            Check::NoHorizontalScrolling => no_horizontal_scrolling(page, browser).await,
        }
    }
}

/// WCAG 1.4.12: with the text spacing a reader may force (line height 1.5,
/// paragraph spacing 2, letter 0.12, word 0.16 em), nothing is clipped.
async fn text_spacing_clips_nothing(page: &Session, browser: Browser) {
    let clipped = page
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
}

/// Print shows every section, even closed ones.
async fn every_section_printed(page: &Session, browser: Browser) {
    page.eval(scripts::COLLAPSE_ALL, vec![]).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let hidden_on_paper = page
        .eval(
            "return [...document.querySelector('drug-leaflet').shadowRoot.querySelectorAll('.panel')]
               .filter(p => p.offsetHeight === 0).map(p => p.id);",
            vec![],
        )
        .await;
    assert_eq!(
        hidden_on_paper,
        json!([]),
        "{browser:?}: print shows every section, even closed ones"
    );
}

/// Text at 200%: the panel text is 2 x 18 px and nothing scrolls sideways.
async fn text_doubled(page: &Session, browser: Browser) {
    let zoomed = page
        .eval(
            "const root = document.querySelector('drug-leaflet').shadowRoot;
             const p = root.querySelector('.panel .blocks p');
             return [parseFloat(getComputedStyle(p).fontSize),
                     document.documentElement.scrollWidth - document.documentElement.clientWidth];",
            vec![],
        )
        .await;
    assert_eq!(
        zoomed,
        json!([36, 0]),
        "{browser:?}: 200% text: 2 x 18 px, no horizontal scrolling"
    );
}

/// Nothing scrolls sideways.
async fn no_horizontal_scrolling(page: &Session, browser: Browser) {
    let width = page.eval("return window.innerWidth;", vec![]).await;
    let overflow = page
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
}

/// axe-core finds nothing on the page once it has settled after the last change.
async fn assert_no_axe_violations(page: &Session, browser: Browser, state: &str) {
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(
        page.axe_violations().await,
        Vec::<String>::new(),
        "{browser:?}, {state}"
    );
}

/// axe-core finds nothing in each state a reader can put the leaflet in
/// (`STATES`), and reports a fault when there is one.
pub async fn accessibility(browser: Browser) {
    let session = Session::start(browser).await;
    session.open(pages::A11Y).await;
    wait_for_leaflet(&session, 0).await;
    for state in State::all_in(browser) {
        let launched = state.enter(&session, browser).await;
        let page = launched.as_ref().unwrap_or(&session);
        for sections in state.sections {
            sections.apply(page).await;
            assert_no_axe_violations(page, browser, &format!("{}, {}", state.name, sections.name())).await;
        }
        if let Some(check) = state.check {
            check.run(page, browser).await;
        }
        state.leave(&session, launched).await;
    }

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
/// page, sits outside every panel, its heading, and whether its border and icon
/// reach the 3:1 contrast with the box's background that WCAG 1.4.11 asks of
/// non-text marks (the ratio itself when they do not). Colours are read back
/// through a canvas, so any syntax the engine reports (system colours in forced
/// colours, alpha) is compared as the pixels a reader sees.
const URGENT_BOX: &str = "const root = document.querySelector('drug-leaflet').shadowRoot;
    const box = root.querySelector('section.urgent');
    const icon = box.querySelector('h3 svg');
    const style = getComputedStyle(box);
    const rect = box.getBoundingClientRect();
    const pixel = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    const paint = (colours) => {
      pixel.clearRect(0, 0, 1, 1);
      for (const colour of colours) { pixel.fillStyle = colour; pixel.fillRect(0, 0, 1, 1); }
      return Array.from(pixel.getImageData(0, 0, 1, 1).data.slice(0, 3));
    };
    const behind = [];
    for (let node = box; node; node = node.parentElement || node.getRootNode().host) {
      behind.unshift(getComputedStyle(node).backgroundColor);
    }
    const background = paint(['#fff', ...behind]);
    const luminance = (rgb) => {
      const [r, g, b] = rgb.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const meetsContrast = (colour) => {
      const [light, dark] = [luminance(paint(['#fff', ...behind, colour])), luminance(background)].sort((a, b) => b - a);
      const ratio = (light + 0.05) / (dark + 0.05);
      return ratio >= 3 || ratio.toFixed(2);
    };
    return { shown: rect.height > 0 && box.checkVisibility(), inPanel: box.closest('.panel') !== null,
             heading: box.querySelector('h3').textContent.trim(),
             border: style.borderTopStyle + ' ' + (parseFloat(style.borderInlineStartWidth) >= 6),
             borderContrast: meetsContrast(style.borderTopColor),
             icon: icon.getBoundingClientRect().width > 0 && meetsContrast(getComputedStyle(icon).color),
             fits: rect.right <= document.documentElement.clientWidth };";

/// The "Get medical help" box is in view with every section closed, in every
/// state a reader can put the leaflet in (`STATES`).
pub async fn urgent_box_in_every_state(browser: Browser) {
    let session = Session::start(browser).await;
    session.open(pages::A11Y).await;
    wait_for_leaflet(&session, 0).await;
    let expected = json!({ "shown": true, "inPanel": false, "heading": nusinersen::URGENT_HEADING,
                           "border": "solid true", "borderContrast": true, "icon": true, "fits": true });
    for state in State::all_in(browser) {
        let launched = state.enter(&session, browser).await;
        let page = launched.as_ref().unwrap_or(&session);
        Sections::AllClosed.apply(page).await;
        assert_eq!(
            page.eventually(URGENT_BOX, expected.clone()).await,
            expected,
            "{browser:?}, {}",
            state.name
        );
        state.leave(&session, launched).await;
    }
    session.close().await;
}

/// The names of every landmark in the leaflets' shadow roots (the summary
/// boxes: `section[aria-labelledby]`), as the ids they point to spell them.
const LANDMARK_NAMES: &str = "return [...document.querySelectorAll('drug-leaflet')].map(e => {
      const root = e.shadowRoot;
      return [...root.querySelectorAll('section[aria-labelledby], section[aria-label], nav, aside, header[aria-label], [role=region]')]
        .map(s => s.getAttribute('aria-labelledby').split(' ')
          .map(id => root.getElementById(id)?.textContent.trim() ?? '(missing #' + id + ')').join(' '));
    });";

/// Two leaflets of one drug on a page: every landmark has a name of its own
/// (axe `landmark-unique` on the whole page), the second leaflet's numbered;
/// a `label` names its leaflet instead, and the numbers follow the page as
/// leaflets leave.
pub async fn landmarks_are_unique_with_two_leaflets(browser: Browser) {
    let session = Session::start(browser).await;
    session.open(pages::TWO_INSTANCES).await;
    wait_for_leaflet(&session, 0).await;
    wait_for_leaflet(&session, 1).await;
    let key_facts = "Key facts";
    let urgent = nusinersen::URGENT_HEADING;
    let names = |first: &str, second: &str| {
        json!([
            [format!("{urgent} {first}"), format!("{key_facts} {first}")],
            [format!("{urgent} {second}"), format!("{key_facts} {second}")],
        ])
    };
    let numbered = names("Nusinersen", "Nusinersen, leaflet 2");
    assert_eq!(
        session.eventually(LANDMARK_NAMES, numbered.clone()).await,
        numbered,
        "{browser:?}"
    );
    for open in [
        scripts::EXPAND_ALL,
        "document.getElementById('second').expandAll();",
    ] {
        session.eval(open, vec![]).await;
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(
        session.axe_violations().await,
        Vec::<String>::new(),
        "{browser:?}: two leaflets"
    );
    // The check can fail: both named as before issue 24, by the title alone.
    session
        .eval(
            "document.getElementById('second').shadowRoot.getElementById('leaflet-name').textContent = 'Nusinersen';",
            vec![],
        )
        .await;
    let violations = session.axe_violations().await;
    assert!(
        violations.iter().any(|v| v.starts_with("landmark-unique")),
        "{browser:?}: {violations:?}"
    );

    // A label names its leaflet; the other one keeps its title alone.
    session
        .eval(
            "document.getElementById('second').setAttribute('label', 'Your second nusinersen leaflet');",
            vec![],
        )
        .await;
    let labelled = names("Nusinersen", "Your second nusinersen leaflet");
    assert_eq!(
        session.eventually(LANDMARK_NAMES, labelled.clone()).await,
        labelled,
        "{browser:?}"
    );
    session
        .eval(
            "const second = document.getElementById('second');
             second.removeAttribute('label');
             document.querySelector('main').prepend(second);",
            vec![],
        )
        .await;
    // Moved first, the second element is now the first leaflet in the page.
    assert_eq!(
        session.eventually(LANDMARK_NAMES, numbered.clone()).await,
        numbered,
        "{browser:?}: moved"
    );
    let ids = session
        .eval(
            "return [...document.querySelectorAll('drug-leaflet')].map(e => e.id);",
            vec![],
        )
        .await;
    assert_eq!(ids, json!(["second", "first"]), "{browser:?}");
    session
        .eval("document.getElementById('second').remove();", vec![])
        .await;
    let alone = json!([[format!("{urgent} Nusinersen"), format!("{key_facts} Nusinersen")]]);
    assert_eq!(
        session.eventually(LANDMARK_NAMES, alone.clone()).await,
        alone,
        "{browser:?}: alone"
    );
    session.close().await;
}

/// Every control of the leaflet (open in full), its size and whether it is
/// exempt from WCAG 2.2 SC 2.5.8 (24 x 24 CSS px): a link in a sentence (the
/// inline exception) or an undersized target whose 24 px circle meets no
/// other target (the spacing exception). The skip link is measured focused,
/// as it only shows then. Returns the failures, and every target measured.
const TARGET_SIZES: &str = "const host = document.querySelector('drug-leaflet');
    const root = host.shadowRoot;
    host.expandAll();
    return new Promise(done => setTimeout(() => {
      const skip = root.querySelector('.skip-link');
      skip.focus();
      const skipRect = skip.getBoundingClientRect();
      skip.blur();
      const controls = [...root.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex=\"-1\"])')];
      const describe = (e) => e.tagName.toLowerCase() + (e.className ? '.' + e.className.split(' ')[0] : '')
        + ' \"' + (e.textContent.trim() || e.getAttribute('href') || e.type || '').slice(0, 30) + '\"';
      const targets = controls.map(e => ({ e, r: e === skip ? skipRect : e.getBoundingClientRect() }))
        .filter(t => t.r.width > 0 && t.r.height > 0);
      // In a sentence: the link's block holds other words than the link's.
      const inSentence = (e) => {
        if (e.tagName !== 'A' || e === skip) return false;
        const block = e.closest('p, li, dd, dt, td');
        return !!block && block.textContent.replace(/\\s+/g, ' ').trim().length > e.textContent.trim().length;
      };
      const small = (r) => r.width < 24 - 0.01 || r.height < 24 - 0.01;
      const centre = (r) => [r.left + r.width / 2, r.top + r.height / 2];
      const circleMeetsRect = ([x, y], r) => {
        const dx = Math.max(r.left - x, 0, x - r.right), dy = Math.max(r.top - y, 0, y - r.bottom);
        return dx * dx + dy * dy < 144;
      };
      const spaced = (t) => targets.every(o => o === t || (!circleMeetsRect(centre(t.r), o.r)
        && !(small(o.r) && Math.hypot(centre(t.r)[0] - centre(o.r)[0], centre(t.r)[1] - centre(o.r)[1]) < 24)));
      const measured = targets.map(t => describe(t.e) + ' ' + Math.round(t.r.width) + 'x' + Math.round(t.r.height)
        + (!small(t.r) ? '' : inSentence(t.e) ? ' (inline)' : spaced(t) ? ' (spaced)' : ' FAILS'));
      const failing = measured.filter(m => m.endsWith('FAILS'));
      if (skipRect.width < 24) failing.push('the skip link does not show when focused');
      done({ failing, measured,
             kinds: [...new Set(targets.map(t => t.e.tagName.toLowerCase() + (t.e.className ? '.' + t.e.className.split(' ')[0] : '')))].sort() });
    }, 300));";

/// Tabs through the leaflet (open in full) from its first control to its
/// last with real key presses; after each, the focused control's centre
/// must be in the viewport and be the control (or inside it) by
/// `elementFromPoint`: nothing of the leaflet's or the page's covers it
/// (WCAG 2.2 SC 2.4.11). Returns the controls reached, "OBSCURED" marking any
/// that were covered.
async fn tab_through_the_leaflet(page: &Session, browser: Browser) -> Vec<String> {
    page.eval(
        "const host = document.querySelector('drug-leaflet');
         host.expandAll();
         window.scrollTo(0, 0);
         host.shadowRoot.querySelector('.skip-link').focus();",
        vec![],
    )
    .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let mut reached = Vec::new();
    for _ in 0..200 {
        let focused = page
            .eval(
                "const host = document.querySelector('drug-leaflet');
                 const e = host.shadowRoot.activeElement;
                 if (document.activeElement !== host || !e) return null;
                 const name = e.tagName.toLowerCase() + (e.className ? '.' + e.className.split(' ')[0] : '')
                   + ' \"' + (e.textContent.trim() || e.type || '').slice(0, 30) + '\"';
                 // A link that wraps is two boxes: shown if either one is.
                 const seen = [...e.getClientRects()].map(r => {
                   const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
                   const inView = x >= 0 && y >= 0 && x < innerWidth && y < innerHeight;
                   const hit = inView ? host.shadowRoot.elementFromPoint(x, y) : null;
                   return hit && (hit === e || e.contains(hit)) ? null
                     : (hit ? hit.tagName + '.' + hit.className : 'the viewport edge') + ' at ' + Math.round(x) + ',' + Math.round(y);
                 });
                 return seen.includes(null) ? name : name + ' OBSCURED by ' + seen.join(', ');",
                vec![],
            )
            .await;
        let Some(focused) = focused.as_str() else { break };
        reached.push(focused.to_owned());
        page.press('\u{E004}').await;
    }
    assert!(
        reached.len() > 10,
        "{browser:?}: tabbing reached only {reached:?}"
    );
    reached
}

/// WCAG 2.2 SC 2.5.8 and 2.4.11 measured, not judged by eye: at 320 px wide
/// and with text at 200%, every control of the leaflet open in full is at
/// least 24 x 24 CSS px (or exempt: a link in a sentence, or spaced), and
/// tabbing through them never leaves the focused one covered or out of view.
/// Text at 200% is the reader's default font size doubled, which is all the
/// leaflet sizes from (`medium`): Chromium's own setting (`Page.setFontSizes`);
/// the other engines have no such emulation, so the documented
/// `--drug-leaflet-font-size` gives the same computed sizes. 320 px:
/// Chromium's device emulation, the other engines narrow.html's frame.
pub async fn targets_and_focus_at_320_px_and_200_percent_text(browser: Browser) {
    let session = Session::start(browser).await;
    session.open(pages::A11Y).await;
    wait_for_leaflet(&session, 0).await;
    if browser == Chromium {
        // Focus as in a window the reader is using (`:focus` styles), whatever
        // window the test's browser has in front.
        session
            .cdp("Emulation.setFocusEmulationEnabled", json!({ "enabled": true }))
            .await;
    }
    let narrow = STATES
        .iter()
        .find(|state| state.max_width().is_some() && state.browsers.contains(&browser))
        .expect("a 320 px state");
    let doubled = STATES
        .iter()
        .find(|state| matches!(state.entry, Entry::FontSize(_)) && state.browsers.contains(&browser));
    for name in ["320 px wide", "text at 200%"] {
        let launched = if name == "320 px wide" {
            narrow.enter(&session, browser).await
        } else if let Some(state) = doubled {
            state.enter(&session, browser).await
        } else {
            session
                .eval(
                    "document.querySelector('drug-leaflet').style.setProperty('--drug-leaflet-font-size', '32px');",
                    vec![],
                )
                .await;
            None
        };
        let page = launched.as_ref().unwrap_or(&session);
        if name == "text at 200%" {
            let size = page
                .eval(
                    "const root = document.querySelector('drug-leaflet').shadowRoot;
                     root.host.expandAll();
                     return new Promise(done => setTimeout(() =>
                       done(parseFloat(getComputedStyle(root.querySelector('.panel .blocks p')).fontSize)), 200));",
                    vec![],
                )
                .await;
            assert_eq!(size, json!(36), "{browser:?}: panel text at 2 x 18 px");
        }
        let sizes = page.eval(TARGET_SIZES, vec![]).await;
        eprintln!("{browser:?}, {name}: targets {:#}", sizes["measured"]);
        assert_eq!(
            sizes["failing"],
            json!([]),
            "{browser:?}, {name}: targets under 24 x 24 px"
        );
        // Stricter than the SC: none of the leaflet's own controls needs the
        // spacing exception (the sources checkbox did, at 19 x 20 px, before
        // issue 24: a form control's font is not inherited).
        let spaced: Vec<&Value> = sizes["measured"]
            .as_array()
            .expect("the targets")
            .iter()
            .filter(|m| m.as_str().is_some_and(|m| m.ends_with("(spaced)")))
            .collect();
        assert!(
            spaced.is_empty(),
            "{browser:?}, {name}: undersized, only spaced: {spaced:?}"
        );
        assert_eq!(
            sizes["kinds"],
            json!([
                "a",
                "a.skip-link",
                "a.term-link",
                "button.link-button",
                "button.section-button",
                "button.show-all-button",
                "input.sources-toggle",
                "summary"
            ]),
            "{browser:?}, {name}: every kind of control measured"
        );
        let reached = tab_through_the_leaflet(page, browser).await;
        let obscured: Vec<&String> = reached.iter().filter(|r| r.contains("OBSCURED")).collect();
        assert!(
            obscured.is_empty(),
            "{browser:?}, {name}: {obscured:#?} of {reached:#?}"
        );
        if name == "320 px wide" {
            narrow.leave(&session, launched).await;
        } else if let Some(state) = doubled {
            state.leave(&session, launched).await;
        }
    }
    session.close().await;
}
