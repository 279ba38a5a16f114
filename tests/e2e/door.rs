//! The host door (door/), a WASM module of its own: a page that only shows the
//! bundled drug never loads it (`embedding::plain_page` lists every request);
//! the first monograph a page hands a leaflet loads it, once for every
//! leaflet, pinned by the core module; a door that cannot load is named on
//! the element and the console, and the leaflet carries on.

use crate::common::{alert_text, assert_no_page_errors, retitle, wait_for_leaflet, wait_for_title};
use crate::fixtures::{nusinersen, pages};
use crate::harness::{Browser, Session};

const DOOR: &str = "drug-leaflet-door_bg.wasm";

fn door_requests(session: &Session) -> usize {
    session
        .server
        .requested_paths()
        .iter()
        .filter(|path| path.ends_with(DOOR))
        .count()
}

pub async fn the_door_loads_once_on_first_use(browser: Browser) {
    let session = Session::start(browser).await;
    session.open(pages::TWO_INSTANCES).await;
    wait_for_leaflet(&session, 0).await;
    wait_for_leaflet(&session, 1).await;
    assert_eq!(
        door_requests(&session),
        0,
        "{browser:?}: no door before a monograph is handed in"
    );

    retitle(&session, 0, "First, from the portal").await;
    retitle(&session, 1, "Second, from the portal").await;
    wait_for_title(&session, 0, "First, from the portal").await;
    wait_for_title(&session, 1, "Second, from the portal").await;
    assert_eq!(
        door_requests(&session),
        1,
        "{browser:?}: one door for both leaflets"
    );

    // Loaded, the door answers at once: a later value shows without a request.
    retitle(&session, 0, "First, edited again").await;
    wait_for_title(&session, 0, "First, edited again").await;
    assert_eq!(door_requests(&session), 1, "{browser:?}");
    assert_no_page_errors(&session, browser).await;
    session.close().await;
}

pub async fn a_broken_door_is_named_and_the_leaflet_carries_on(browser: Browser) {
    let session = Session::start(browser).await;
    session.open(pages::BROKEN_DOOR).await;
    wait_for_leaflet(&session, 0).await;
    retitle(&session, 0, "From the portal").await;
    let alert = alert_text(&session, "drug-leaflet").await;
    assert!(alert.contains("host door"), "{browser:?}: {alert}");
    let console = session.watched("consoleErrors").await.join("\n");
    assert!(
        console.contains("drug-leaflet: could not load or start the host door"),
        "{browser:?}: {console}"
    );
    // The leaflet's own instance is untouched: back to the bundled drug.
    session
        .eval("document.querySelector('drug-leaflet').monograph = null;", vec![])
        .await;
    wait_for_title(&session, 0, nusinersen::TITLE).await;
    assert_no_page_errors(&session, browser).await;
    session.close().await;
}
