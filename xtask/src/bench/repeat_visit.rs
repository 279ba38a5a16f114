//! Repeat visits: each page loaded twice from a server of its own (a new
//! origin, so nothing is cached from other loads), which lets browsers keep
//! the widget's files (`Cache-Control: max-age`, as a portal serving
//! versioned files would): the first visit is cold, the second finds the
//! loader, the core module and the WASM in the HTTP cache (and, where the
//! browser keeps it, the WASM's compiled code). The documents stay `no-store`.

use std::time::Duration;

use anyhow::Result;

use super::browser::{BenchBrowser, Condition};
use super::measure::{page_at, page_load_key};
use super::page_load::PageLoad;
use super::pages::{Page, WIDGET_PATH};
use super::series::{
    Metric, Recorder, FIRST_VISIT_INTERACTIVE, FIRST_VISIT_UPGRADED, REPEAT_VISIT_INTERACTIVE,
    REPEAT_VISIT_UPGRADED,
};
use crate::serve::{Mounts, StaticServer};

/// How long the widget's files may be kept: longer than any bench.
const MAX_AGE: Duration = Duration::from_secs(24 * 60 * 60);

/// `runs` first and repeat visits of each page, in the order of
/// `measure::page_at`, unthrottled.
pub async fn measure(
    browser: &BenchBrowser,
    mounts: &Mounts,
    runs: usize,
    recorder: &mut Recorder,
) -> Result<()> {
    println!(
        "bench: {}, {runs} first and repeat visits of each page (warm HTTP cache)",
        browser.name()
    );
    browser.set_condition(Condition::Unthrottled).await?;
    for index in 0..runs * Page::LOADS.len() {
        let page = page_at(index);
        let server = StaticServer::start_compressing_best(0, mounts.clone())?;
        server.cache_for(WIDGET_PATH, MAX_AGE);
        let url = server.url(&format!("/{}", page.file()));
        let first = browser.load(&url, false).await?;
        record(
            recorder,
            browser,
            page,
            &first,
            [FIRST_VISIT_INTERACTIVE, FIRST_VISIT_UPGRADED],
        );
        // Away and back: a new navigation, not a reload.
        browser.open("about:blank").await?;
        let repeat = browser.load(&url, false).await?;
        record(
            recorder,
            browser,
            page,
            &repeat,
            [REPEAT_VISIT_INTERACTIVE, REPEAT_VISIT_UPGRADED],
        );
    }
    Ok(())
}

/// The load's time to interactive and widget interactive as `metrics`.
fn record(
    recorder: &mut Recorder,
    browser: &BenchBrowser,
    page: Page,
    load: &PageLoad,
    metrics: [Metric; 2],
) {
    let [interactive, upgraded] = metrics;
    let key = |metric| page_load_key(browser, Condition::Unthrottled, page, metric);
    for (metric, time) in [(interactive, load.interactive), (upgraded, load.upgraded)] {
        if let Some(time) = time {
            recorder.add(key(metric), time);
        }
    }
}
