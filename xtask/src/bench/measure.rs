//! The experiments, in Chromium and then Firefox: page loads of the widget
//! pages and the baseline in a balanced cycle (`page_at`), input-to-paint latencies,
//! the scale experiments on the lab page, and the formulary's.

use anyhow::{Context, Result};
use serde_json::json;

use super::browser::{BenchBrowser, Condition};
use super::data::Observed;
use super::formulary;
use super::pages::Page;
use super::repeat_visit;
use super::series::*;
use crate::serve::{Mounts, StaticServer};
use crate::webdriver::Browser;

/// Clicks per latency measurement: 50, so the p95 is not one outlier.
const LATENCY_SAMPLES: usize = 50;
/// Loads of each page a run under `condition`. The time-to-interactive ratio
/// divides two medians of 15-25 ms whose loads spread by ±5 ms on a shared
/// 2-core machine: at 30 loads it moved 1.07x-1.13x between five benches of one
/// build, too coarse to tell 1.05x from 1.1x, so unthrottled loads are 10 a
/// run (100 at 10 runs; an even number keeps `page_at`'s order balanced).
/// Slow 4G loads take a second each and spread less against their 250 ms.
pub fn loads_a_run(condition: Condition) -> usize {
    match condition {
        Condition::Slow4g => 3,
        Condition::Unthrottled | Condition::Cpu4x => 10,
    }
}
pub const SECTION_TOGGLE: &str = "section toggle (widget)";
const INSTANCE_COUNTS: [(usize, &str); 3] = [(1, "1 leaflet"), (10, "10 leaflets"), (100, "100 leaflets")];
const LONG_MONOGRAPH_SECTIONS: usize = 500;
const LONG_MONOGRAPH: &str = "500 sections";
const LONG_MONOGRAPH_LATENCY_SAMPLES: usize = 10;
const MOUNT_CYCLES: usize = 1000;
const CYCLES: &str = "1,000 mount cycles";

pub struct Measured {
    pub recorder: Recorder,
    /// Browser name and version, as each session reported it.
    pub browsers: Vec<String>,
    pub formulary: Observed,
}

/// `server` serves dist/, `formulary_server` the 500-monograph dist, both
/// with the same pages; `mounts` are `server`'s, for the repeat visits' servers.
pub async fn all(
    server: &StaticServer,
    formulary_server: &StaticServer,
    mounts: &Mounts,
    runs: usize,
) -> Result<Measured> {
    let mut measured = Measured {
        recorder: Recorder::default(),
        browsers: Vec::new(),
        formulary: Observed::default(),
    };
    for kind in [Browser::Chromium, Browser::Firefox] {
        let browser = BenchBrowser::start(kind).await?;
        println!("bench: {}", browser.version);
        measured.browsers.push(browser.version.clone());
        let result = async {
            in_browser(&browser, server, runs, &mut measured.recorder).await?;
            repeat_visit::measure(&browser, mounts, runs, &mut measured.recorder).await?;
            formulary::in_browser(
                &browser,
                server,
                formulary_server,
                runs,
                &mut measured.recorder,
                &mut measured.formulary,
            )
            .await
        }
        .await;
        browser.close().await;
        result?;
    }
    Ok(measured)
}

/// The page loads alone, in each browser and condition `in_browser` loads them under.
pub async fn page_loads_alone(server: &StaticServer, runs: usize) -> Result<Recorder> {
    let mut recorder = Recorder::default();
    for kind in [Browser::Chromium, Browser::Firefox] {
        let browser = BenchBrowser::start(kind).await?;
        println!("bench: {}", browser.version);
        let result = page_loads_in_every_condition(&browser, server, runs, &mut recorder).await;
        browser.close().await;
        result?;
    }
    Ok(recorder)
}

/// `runs` runs of page loads under each network condition `browser` can emulate.
async fn page_loads_in_every_condition(
    browser: &BenchBrowser,
    server: &StaticServer,
    runs: usize,
    recorder: &mut Recorder,
) -> Result<()> {
    let conditions: &[Condition] = if browser.can_throttle() {
        &[Condition::Unthrottled, Condition::Slow4g]
    } else {
        &[Condition::Unthrottled]
    };
    for &condition in conditions {
        page_loads(
            browser,
            server,
            runs * loads_a_run(condition),
            condition,
            recorder,
        )
        .await?;
    }
    Ok(())
}

async fn in_browser(
    browser: &BenchBrowser,
    server: &StaticServer,
    runs: usize,
    recorder: &mut Recorder,
) -> Result<()> {
    page_loads_in_every_condition(browser, server, runs, recorder).await?;
    browser.set_condition(Condition::Unthrottled).await?;
    settled_loads(browser, server, runs, recorder).await?;
    upgrade_shifts(browser, server, runs, recorder).await?;
    for &condition in cpu_conditions(browser) {
        interactions(browser, server, condition, recorder).await?;
    }
    println!(
        "bench: {}, 1, 10 and 100 leaflets on a fresh page, {runs} times",
        browser.name()
    );
    for _ in 0..runs {
        instances(browser, server, recorder).await?;
    }
    long_monograph(browser, server, recorder).await?;
    mount_cycles(browser, server, recorder).await
}

/// `loads` loads of each page in the order of `page_at`, after one load of each
/// that is not recorded (the first navigations pay for the browser warming up).
async fn page_loads(
    browser: &BenchBrowser,
    server: &StaticServer,
    loads: usize,
    condition: Condition,
    recorder: &mut Recorder,
) -> Result<()> {
    println!(
        "bench: {}, {} page loads of each page under {}",
        browser.name(),
        loads,
        condition.label()
    );
    browser.set_condition(condition).await?;
    let warm_up = Page::LOADS.len();
    for index in 0..warm_up + loads * Page::LOADS.len() {
        let page = page_at(index);
        let load = browser
            .load(&server.url(&format!("/{}", page.file())), false)
            .await?;
        if index < warm_up {
            continue;
        }
        let key = |metric| page_load_key(browser, condition, page, metric);
        let times = [
            (FIRST_CONTENTFUL_PAINT, load.first_contentful_paint),
            (LEAFLET_SHOWN, load.shown),
            (TIME_TO_INTERACTIVE, load.interactive),
            (LEAFLET_UPGRADED, load.upgraded),
        ];
        for (metric, time) in times {
            if let Some(time) = time {
                recorder.add(key(metric), time);
            }
        }
        recorder.add(key(WATERFALL_DEPTH), load.waterfall_depth() as f64);
    }
    Ok(())
}

/// Where `page`'s load in `browser` under `condition` records `metric`.
pub fn page_load_key(browser: &BenchBrowser, condition: Condition, page: Page, metric: Metric) -> Key {
    Key {
        group: Group::PageLoad,
        browser: browser.name(),
        condition,
        subject: page.label(),
        metric,
    }
}

/// The page of the `index`th load of a series. A load right after the widget
/// page is about 5 ms slower (the browser is still busy with the WASM it
/// compiled), so each page must come right after each of the others equally
/// often, from one load to the next across the whole series: the cycle
/// widget, widget + fallback, baseline, widget, baseline, widget + fallback
/// holds each ordered pair of two pages once, and no page twice in a row. Any
/// six loads in a row are balanced, so an even number of loads of each page is.
pub fn page_at(index: usize) -> Page {
    const CYCLE: [usize; 6] = [0, 1, 2, 0, 2, 1];
    Page::LOADS[CYCLE[index % CYCLE.len()]]
}

/// `runs` loads of each page in the order of `page_at`, each in a fresh tab and without the
/// toggle click: the layout shift and the memory once the page has rendered.
async fn settled_loads(
    browser: &BenchBrowser,
    server: &StaticServer,
    runs: usize,
    recorder: &mut Recorder,
) -> Result<()> {
    println!(
        "bench: {}, {} settled loads of each page (layout shift, memory)",
        browser.name(),
        runs
    );
    for index in 0..runs * Page::LOADS.len() {
        let page = page_at(index);
        let url = server.url(&format!("/{}?settled", page.file()));
        let load = browser.load(&url, true).await?;
        let key = |metric| page_load_key(browser, Condition::Unthrottled, page, metric);
        if let Some(shift) = load.layout_shift {
            recorder.add(key(LAYOUT_SHIFT), shift);
        }
        if let Some(bytes) = browser.js_heap_after_gc().await? {
            recorder.add(key(JS_HEAP), bytes);
        }
        if let Some(bytes) = browser.wasm_memory().await? {
            recorder.add(key(WASM_MEMORY), bytes);
        }
    }
    Ok(())
}

/// `runs` loads of the widget + fallback page, each in a fresh tab, with two
/// sections opened in the fallback and painted before the WASM may start:
/// the layout shift of the leaflet taking over (Chromium only: Firefox has no
/// layout-shift entries).
async fn upgrade_shifts(
    browser: &BenchBrowser,
    server: &StaticServer,
    runs: usize,
    recorder: &mut Recorder,
) -> Result<()> {
    println!(
        "bench: {}, {runs} upgrades with two sections opened in the fallback (layout shift)",
        browser.name()
    );
    let page = Page::WidgetWithFallback;
    for _ in 0..runs {
        let url = server.url(&format!("/{}?settled&open-two", page.file()));
        let load = browser.load(&url, true).await?;
        if let Some(shift) = load.upgrade_shift {
            let key = Key {
                group: Group::PageLoad,
                browser: browser.name(),
                condition: Condition::Unthrottled,
                subject: page.label(),
                metric: UPGRADE_LAYOUT_SHIFT,
            };
            recorder.add(key, shift);
        }
    }
    Ok(())
}

/// The latencies alone, in each browser and condition `in_browser` measures them in.
pub async fn latencies(server: &StaticServer) -> Result<Recorder> {
    let mut recorder = Recorder::default();
    for kind in [Browser::Chromium, Browser::Firefox] {
        let browser = BenchBrowser::start(kind).await?;
        println!("bench: {}", browser.version);
        let result = async {
            for &condition in cpu_conditions(&browser) {
                interactions(&browser, server, condition, &mut recorder).await?;
            }
            Ok::<_, anyhow::Error>(())
        }
        .await;
        browser.close().await;
        result?;
    }
    Ok(recorder)
}

fn cpu_conditions(browser: &BenchBrowser) -> &'static [Condition] {
    if browser.can_throttle() {
        &[Condition::Unthrottled, Condition::Cpu4x]
    } else {
        &[Condition::Unthrottled]
    }
}

/// Section toggles and show-all clicks on the widget, `<details>` toggles on
/// the baseline; the pages load unthrottled, then `condition` applies.
async fn interactions(
    browser: &BenchBrowser,
    server: &StaticServer,
    condition: Condition,
    recorder: &mut Recorder,
) -> Result<()> {
    println!(
        "bench: {}, input-to-paint latencies under {}",
        browser.name(),
        condition.label()
    );
    let targets = [
        (Page::Widget, "section", SECTION_TOGGLE),
        (Page::Widget, "show-all", "show all / hide all (widget)"),
        (
            Page::Widget,
            "show-all-last",
            "show all / hide all, until the last section (widget)",
        ),
        (Page::Baseline, "details", "details toggle (baseline)"),
    ];
    for (page, target, subject) in targets {
        browser.set_condition(Condition::Unthrottled).await?;
        browser
            .load(&server.url(&format!("/{}", page.file())), false)
            .await?;
        browser.set_condition(condition).await?;
        let samples = browser.latencies(target, LATENCY_SAMPLES).await?;
        let key = Key {
            group: Group::Interaction,
            browser: browser.name(),
            condition,
            subject,
            metric: INPUT_TO_PAINT,
        };
        recorder.add_all(key, &samples);
    }
    browser.set_condition(Condition::Unthrottled).await
}

/// 1, 10 and 100 leaflets added at once to a fresh page: time until all are
/// painted and memory growth, per leaflet.
async fn instances(browser: &BenchBrowser, server: &StaticServer, recorder: &mut Recorder) -> Result<()> {
    browser.open_lab(server).await?;
    let wasm_before_any = browser.wasm_memory().await?;
    for (count, subject) in INSTANCE_COUNTS {
        let key = |metric| Key {
            group: Group::Scale,
            browser: browser.name(),
            condition: Condition::Unthrottled,
            subject,
            metric,
        };
        browser.call("clear", json!([])).await?;
        let heap_before = browser.js_heap_after_gc().await?;
        let elapsed = browser.call_number("mount", json!([count])).await?;
        recorder.add(key(RENDER_TIME), elapsed / count as f64);
        if let (Some(before), Some(after)) = (heap_before, browser.js_heap_after_gc().await?) {
            recorder.add(key(JS_HEAP_PER_LEAFLET), (after - before) / count as f64);
        }
        // Linear memory only grows; its growth from the page's start is the
        // high-water mark these leaflets needed.
        if let (Some(before), Some(after)) = (wasm_before_any, browser.wasm_memory().await?) {
            recorder.add(key(WASM_MEMORY_PER_LEAFLET), (after - before) / count as f64);
            recorder.add(key(WASM_MEMORY), after);
        }
    }
    Ok(())
}

/// One leaflet showing the monograph with its sections repeated to 500.
async fn long_monograph(
    browser: &BenchBrowser,
    server: &StaticServer,
    recorder: &mut Recorder,
) -> Result<()> {
    println!(
        "bench: {}, a {LONG_MONOGRAPH_SECTIONS}-section monograph",
        browser.name()
    );
    browser.open_lab(server).await?;
    browser.call("mount", json!([1])).await?;
    let key = |metric| Key {
        group: Group::Scale,
        browser: browser.name(),
        condition: Condition::Unthrottled,
        subject: LONG_MONOGRAPH,
        metric,
    };
    let elapsed = browser
        .call_number("longMonograph", json!([LONG_MONOGRAPH_SECTIONS]))
        .await?;
    recorder.add(key(LONG_MONOGRAPH_RENDER), elapsed);
    if let Some(bytes) = browser.js_heap_after_gc().await? {
        recorder.add(key(JS_HEAP), bytes);
    }
    if let Some(bytes) = browser.wasm_memory().await? {
        recorder.add(key(WASM_MEMORY), bytes);
    }
    for (target, subject) in [
        ("section", "section toggle (500 sections)"),
        ("show-all", "show all / hide all (500 sections)"),
    ] {
        let samples = browser.latencies(target, LONG_MONOGRAPH_LATENCY_SAMPLES).await?;
        recorder.add_all(
            Key {
                group: Group::Interaction,
                subject,
                ..key(INPUT_TO_PAINT)
            },
            &samples,
        );
    }
    Ok(())
}

/// 1,000 times: add a leaflet, wait until it rendered, remove it; memory
/// before and after, each after a warm-up of 10 cycles and a GC.
async fn mount_cycles(browser: &BenchBrowser, server: &StaticServer, recorder: &mut Recorder) -> Result<()> {
    println!(
        "bench: {}, {MOUNT_CYCLES} mount and unmount cycles",
        browser.name()
    );
    browser.open_lab(server).await?;
    browser.call("cycles", json!([10])).await?;
    let key = |metric| Key {
        group: Group::Scale,
        browser: browser.name(),
        condition: Condition::Unthrottled,
        subject: CYCLES,
        metric,
    };
    let heap_before = browser.js_heap_after_gc().await?;
    let wasm_before = browser
        .wasm_memory()
        .await?
        .context("no WASM memory after 10 cycles")?;
    let elapsed = browser.call_number("cycles", json!([MOUNT_CYCLES])).await?;
    recorder.add(key(CYCLE_TIME), elapsed / MOUNT_CYCLES as f64);
    if let (Some(before), Some(after)) = (heap_before, browser.js_heap_after_gc().await?) {
        recorder.add(key(JS_HEAP_BEFORE), before);
        recorder.add(key(JS_HEAP_AFTER), after);
    }
    recorder.add(key(WASM_MEMORY_BEFORE), wasm_before);
    if let Some(after) = browser.wasm_memory().await? {
        recorder.add(key(WASM_MEMORY_AFTER), after);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_loads_right_after_each_of_the_others_as_often() {
        // From any load on (the page loads start after three warm-up loads),
        // across what would be runs: 2 loads of each page, then 10.
        for (start, loads_of_each) in [(1, 2), (3, 2), (3, 10), (4, 10)] {
            let pages: Vec<Page> = (start..start + 3 * loads_of_each).map(page_at).collect();
            for page in Page::LOADS {
                let times = pages.iter().filter(|p| **p == page).count();
                assert_eq!(times, loads_of_each, "{page:?} from {start}");
            }
            // The page before the first one counts too: it is loaded just before.
            let after: Vec<(Page, Page)> = (start..start + 3 * loads_of_each)
                .map(|index| (page_at(index - 1), page_at(index)))
                .collect();
            assert!(after.iter().all(|(first, then)| first != then), "{after:?}");
            for first in Page::LOADS {
                for then in Page::LOADS.into_iter().filter(|then| *then != first) {
                    let times = after.iter().filter(|pair| **pair == (first, then)).count();
                    assert_eq!(
                        times,
                        loads_of_each / 2,
                        "{then:?} right after {first:?} from {start}"
                    );
                }
            }
        }
    }
}
