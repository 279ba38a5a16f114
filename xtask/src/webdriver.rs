//! Starts a browser behind its W3C WebDriver (chromedriver, geckodriver,
//! WebKitWebDriver under Xvfb) and opens a session: shared by the end-to-end
//! tests and `cargo xtask screenshots`.

use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Browser {
    Chromium,
    Firefox,
    /// WebKitGTK's MiniBrowser, the engine of Safari, under a virtual X display.
    WebKit,
}

const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

/// How to start the browser.
#[derive(Clone, Copy, Debug)]
pub struct Launch {
    pub javascript: bool,
    /// Firefox only: start with a dark system theme (prefers-color-scheme: dark);
    /// Chromium emulates it per page through CDP instead.
    pub dark: bool,
}

impl Default for Launch {
    fn default() -> Self {
        Launch {
            javascript: true,
            dark: false,
        }
    }
}

/// A browser and its WebDriver session; `close` ends both.
pub struct Driver {
    pub client: Client,
    _process: DriverProcess,
}

/// The WebDriver process and whatever it started (Xvfb, the browser), ended
/// together when dropped.
struct DriverProcess(Child);

impl Drop for DriverProcess {
    fn drop(&mut self) {
        let group = format!("-{}", self.0.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

impl Driver {
    /// A fresh headless browser, started as `launch` says.
    pub async fn start(browser: Browser, launch: Launch) -> Result<Driver> {
        let Launch { javascript, dark } = launch;
        let port = free_port()?;
        let geckodriver = crate::project_root().join(".tools/cargo/bin/geckodriver");
        let (program, args, capabilities) = match browser {
            Browser::Chromium => (
                PathBuf::from("chromedriver"),
                vec![format!("--port={port}")],
                json!({ "goog:chromeOptions": {
                    "binary": "/usr/bin/chromium",
                    // As root Chromium needs --no-sandbox; the rest stop its calls home,
                    // which this machine's closed network refuses.
                    "args": ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                             "--disable-background-networking", "--disable-component-update",
                             "--disable-sync", "--no-first-run", "--window-size=1024,768"],
                    "prefs": { "profile.managed_default_content_settings.javascript": if javascript { 1 } else { 2 } }
                }}),
            ),
            Browser::Firefox => (
                geckodriver,
                vec!["--port".into(), port.to_string()],
                json!({ "moz:firefoxOptions": {
                    "args": ["-headless", "--width=1024", "--height=768"],
                    "prefs": {
                        "javascript.enabled": javascript,
                        // Timers finer than Firefox's default millisecond, for
                        // every session: the bench times 16 ms page loads, where
                        // 1 ms is 6%, and no test depends on the coarser clock.
                        "privacy.reduceTimerPrecision": false,
                        "ui.systemUsesDarkTheme": if dark { 1 } else { 0 },
                        "layout.css.prefers-color-scheme.content-override": if dark { 0 } else { 1 }
                    }
                }}),
            ),
            Browser::WebKit => (
                PathBuf::from("xvfb-run"),
                vec!["-a".into(), "WebKitWebDriver".into(), format!("--port={port}")],
                json!({ "webkitgtk:browserOptions": {
                    "binary": MINIBROWSER,
                    "args": ["--automation", format!("--enable-javascript={javascript}")]
                }}),
            ),
        };
        let process = DriverProcess(
            Command::new(&program)
                .args(&args)
                // Its own process group, so closing also ends what it started (Xvfb).
                .process_group(0)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .with_context(|| format!("cannot start {}", program.display()))?,
        );
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if Instant::now() > deadline {
                bail!("{} did not start listening", program.display());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let Value::Object(capabilities) = capabilities else {
            unreachable!("capabilities are an object")
        };
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .with_context(|| format!("no WebDriver session with {browser:?}"))?;
        Ok(Driver {
            client,
            _process: process,
        })
    }

    /// A Chrome DevTools Protocol command through chromedriver (media emulation,
    /// device metrics, full-page screenshots), which W3C WebDriver lacks.
    pub async fn cdp(&self, cmd: &str, params: Value) -> Result<Value> {
        self.client
            .issue_cmd(CdpCommand(json!({ "cmd": cmd, "params": params })))
            .await
            .with_context(|| format!("CDP {cmd}"))
    }

    /// Ends the session, then the browser and its driver.
    pub async fn close(self) {
        // Closing can fail if the browser already went away; the process ends anyway.
        let _ = self.client.clone().close().await;
    }
}

#[derive(Debug)]
struct CdpCommand(Value);

impl fantoccini::wd::WebDriverCompatibleCommand for CdpCommand {
    fn endpoint(&self, base_url: &url::Url, session_id: Option<&str>) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.0.to_string()))
    }
}
