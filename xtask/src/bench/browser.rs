//! One browser under the bench: network and CPU conditions (Chromium, through
//! the DevTools protocol), page loads read through the probe, the probe's
//! experiments, and memory readings.

use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use fantoccini::wd::TimeoutConfiguration;
use serde_json::{json, Value};

use super::page_load::PageLoad;
use super::pages::Page;
use crate::serve::StaticServer;
use crate::webdriver::{Browser, Driver, Launch};

/// Network and CPU conditions a measurement runs under.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Condition {
    Unthrottled,
    /// 150 ms latency, 1.6 Mbps down, 0.75 Mbps up, and the CPU 4x slower.
    Slow4g,
    /// The CPU 4x slower, the network as it is.
    Cpu4x,
}

impl Condition {
    pub fn label(self) -> &'static str {
        match self {
            Condition::Unthrottled => "none",
            Condition::Slow4g => "slow 4G, 4x CPU",
            Condition::Cpu4x => "4x CPU",
        }
    }

    /// (latency ms, download bytes/s, upload bytes/s; `None`: no network emulation), CPU slowdown.
    fn emulation(self) -> (Option<(f64, f64, f64)>, f64) {
        const MBPS: f64 = 1_000_000.0 / 8.0;
        match self {
            Condition::Unthrottled => (None, 1.0),
            Condition::Slow4g => (Some((150.0, 1.6 * MBPS, 0.75 * MBPS)), 4.0),
            Condition::Cpu4x => (None, 4.0),
        }
    }
}

fn browser_name(kind: Browser) -> &'static str {
    match kind {
        Browser::Chromium => "Chromium",
        Browser::Firefox => "Firefox",
        Browser::WebKit => "WebKit",
    }
}

pub struct BenchBrowser {
    driver: Driver,
    pub kind: Browser,
    /// Name and the version the WebDriver session reports.
    pub version: String,
}

/// Longest wait for one of the probe's experiments (1,000 mount cycles take longest).
const SCRIPT_TIMEOUT: Duration = Duration::from_secs(300);
/// Longest wait for a page to load and its probe to be done.
const LOAD_TIMEOUT: Duration = Duration::from_secs(120);

impl BenchBrowser {
    pub async fn start(kind: Browser) -> Result<BenchBrowser> {
        let driver = Driver::start(kind, Launch::default()).await?;
        driver
            .client
            .update_timeouts(TimeoutConfiguration::new(
                Some(SCRIPT_TIMEOUT),
                Some(LOAD_TIMEOUT),
                None,
            ))
            .await
            .context("setting WebDriver timeouts")?;
        let version = driver
            .client
            .capabilities()
            .and_then(|c| c.get("browserVersion"))
            .and_then(Value::as_str)
            .unwrap_or("(version unknown)");
        let version = format!("{} {version}", browser_name(kind));
        Ok(BenchBrowser {
            driver,
            kind,
            version,
        })
    }

    pub fn name(&self) -> &'static str {
        browser_name(self.kind)
    }

    /// Whether this browser can emulate a slow network and CPU: that needs
    /// the DevTools protocol (Chromium only).
    pub fn can_throttle(&self) -> bool {
        self.kind == Browser::Chromium
    }

    pub async fn set_condition(&self, condition: Condition) -> Result<()> {
        if !self.can_throttle() {
            if condition != Condition::Unthrottled {
                bail!("{} cannot emulate {}", self.name(), condition.label());
            }
            return Ok(());
        }
        let (network, cpu) = condition.emulation();
        // A throughput of -1 lifts the limit.
        let (latency, download, upload) = network.unwrap_or((0.0, -1.0, -1.0));
        self.driver.cdp("Network.enable", json!({})).await?;
        self.driver
            .cdp(
                "Network.emulateNetworkConditions",
                json!({ "offline": false, "latency": latency, "downloadThroughput": download, "uploadThroughput": upload }),
            )
            .await?;
        self.driver
            .cdp("Emulation.setCPUThrottlingRate", json!({ "rate": cpu }))
            .await?;
        Ok(())
    }

    /// The lab page in a fresh tab, once `<drug-leaflet>` is defined.
    pub async fn open_lab(&self, server: &StaticServer) -> Result<()> {
        self.open_in_fresh_tab(&server.url(&format!("/{}", Page::Lab.file())))
            .await?;
        self.call("defined", json!([])).await.map(|_| ())
    }

    /// Navigates to `url` (WebDriver waits for its load event).
    pub async fn open(&self, url: &str) -> Result<()> {
        self.driver
            .client
            .goto(url)
            .await
            .with_context(|| format!("loading {url}"))
    }

    /// Navigates to `url` in a new tab, closing the old one: a new renderer
    /// process whose JS heap holds this page only (earlier pages in the same
    /// tab leave garbage a GC does not take). The new tab is unthrottled.
    pub async fn open_in_fresh_tab(&self, url: &str) -> Result<()> {
        let client = &self.driver.client;
        let tab = client.new_window(true).await.context("opening a tab")?;
        client.close_window().await.context("closing the old tab")?;
        client
            .switch_to_window(tab.handle)
            .await
            .context("switching to the new tab")?;
        self.open(url).await
    }

    /// Loads `url` (in a fresh tab if `fresh_tab`) and waits until the probe
    /// is done: after the first section toggle, or with `?settled` once the
    /// page has rendered.
    pub async fn load(&self, url: &str, fresh_tab: bool) -> Result<PageLoad> {
        if fresh_tab {
            self.open_in_fresh_tab(url).await?;
        } else {
            self.open(url).await?;
        }
        let deadline = Instant::now() + LOAD_TIMEOUT;
        loop {
            let result = self
                .driver
                .client
                .execute("return window.__bench ? window.__bench.result() : null;", vec![])
                .await
                .with_context(|| format!("reading the probe on {url}"))?;
            if !result.is_null() {
                let load: PageLoad = serde_json::from_value(result).context("the probe's result")?;
                if load.done {
                    return Ok(load);
                }
            }
            if Instant::now() > deadline {
                bail!("the probe on {url} was not done within {LOAD_TIMEOUT:?}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Calls `window.__bench[function](...args)` and waits for its promise.
    pub async fn call(&self, function: &str, args: Value) -> Result<Value> {
        let script = "const done = arguments[arguments.length - 1];
            Promise.resolve()
              .then(() => window.__bench[arguments[0]](...arguments[1]))
              .then((value) => done({ value: value === undefined ? null : value }),
                    (error) => done({ error: String(error && error.stack || error) }));";
        let answer = self
            .driver
            .client
            .execute_async(script, vec![json!(function), args])
            .await
            .with_context(|| format!("calling the probe's {function}"))?;
        if let Some(error) = answer.get("error") {
            bail!("the probe's {function} failed: {error}");
        }
        Ok(answer.get("value").cloned().unwrap_or(Value::Null))
    }

    pub async fn call_number(&self, function: &str, args: Value) -> Result<f64> {
        let value = self.call(function, args).await?;
        value
            .as_f64()
            .with_context(|| format!("the probe's {function} returned {value}, not a number"))
    }

    /// `count` input-to-paint latencies in ms of clicking "section", "show-all"
    /// (until the last section: "show-all-last") or "details".
    pub async fn latencies(&self, target: &str, count: usize) -> Result<Vec<f64>> {
        let value = self.call("latencies", json!([target, count])).await?;
        serde_json::from_value(value).context("latencies are a list of numbers")
    }

    /// Bytes of the leaflet's WebAssembly linear memory, as the probe caught it.
    pub async fn wasm_memory(&self) -> Result<Option<f64>> {
        Ok(self.call("wasmMemoryBytes", json!([])).await?.as_f64())
    }

    /// Bytes of the page's JavaScript heap in use after a full garbage
    /// collection: Chromium only, through the DevTools protocol.
    pub async fn js_heap_after_gc(&self) -> Result<Option<f64>> {
        if self.kind != Browser::Chromium {
            return Ok(None);
        }
        self.driver.cdp("HeapProfiler.collectGarbage", json!({})).await?;
        let usage = self.driver.cdp("Runtime.getHeapUsage", json!({})).await?;
        Ok(usage["usedSize"].as_f64())
    }

    pub async fn close(self) {
        self.driver.close().await;
    }
}
