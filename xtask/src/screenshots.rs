//! `cargo xtask screenshots`: PNGs of the demo page, as readers see it, in
//! `target/screenshots/`: desktop, a 320 px phone, dark, forced colours, print.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{bail, Context, Result};
use base64::Engine as _;
use serde_json::{json, Value};

use crate::serve::StaticServer;
use crate::webdriver::{Browser, Driver, Launch};

struct View {
    name: &'static str,
    width: u32,
    mobile: bool,
    /// `Emulation.setEmulatedMedia` parameters.
    media: Value,
}

fn views() -> [View; 5] {
    let screen = |features: Value| json!({ "media": "", "features": features });
    [
        View {
            name: "desktop",
            width: 1024,
            mobile: false,
            media: screen(json!([])),
        },
        View {
            name: "phone-320",
            width: 320,
            mobile: true,
            media: screen(json!([])),
        },
        View {
            name: "dark",
            width: 1024,
            mobile: false,
            media: screen(json!([{ "name": "prefers-color-scheme", "value": "dark" }])),
        },
        View {
            name: "forced-colors",
            width: 1024,
            mobile: false,
            media: screen(json!([{ "name": "forced-colors", "value": "active" }])),
        },
        View {
            name: "print",
            width: 800,
            mobile: false,
            media: json!({ "media": "print", "features": [] }),
        },
    ]
}

/// Serves `dist` and writes one full-page PNG a view into `target/screenshots/`.
pub async fn write_all(root: &Path, dist: &Path) -> Result<Vec<PathBuf>> {
    let out = root.join("target/screenshots");
    fs::create_dir_all(&out)?;
    let server = StaticServer::start(0, vec![("/".into(), dist.to_path_buf())])?;
    let driver = Driver::start(Browser::Chromium, Launch::default()).await?;
    let result = capture(&driver, &server, &out).await;
    driver.close().await;
    result
}

async fn capture(driver: &Driver, server: &StaticServer, out: &Path) -> Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    for view in views() {
        driver
            .cdp(
                "Emulation.setDeviceMetricsOverride",
                json!({ "width": view.width, "height": 900, "deviceScaleFactor": 1, "mobile": view.mobile }),
            )
            .await?;
        driver.cdp("Emulation.setEmulatedMedia", view.media).await?;
        driver.client.goto(&server.url("/")).await?;
        wait_for_leaflet(driver).await?;
        // Open the side effects too, so the picture shows lists and source markers.
        driver
            .client
            .execute(
                "document.querySelector('drug-leaflet').open('side-effects');",
                vec![],
            )
            .await?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let shot = driver
            .cdp(
                "Page.captureScreenshot",
                json!({ "format": "png", "captureBeyondViewport": true }),
            )
            .await?;
        let file = out.join(format!("{}.png", view.name));
        write_screenshot(&shot, &file)?;
        println!("wrote {}", file.display());
        written.push(file);
    }
    Ok(written)
}

/// Writes the PNG of a CDP `Page.captureScreenshot` answer to `file`.
pub fn write_screenshot(shot: &serde_json::Value, file: &Path) -> Result<()> {
    let data = shot["data"].as_str().context("no screenshot data")?;
    let png = base64::engine::general_purpose::STANDARD.decode(data)?;
    if let Some(dir) = file.parent() {
        fs::create_dir_all(dir)?;
    }
    fs::write(file, png).with_context(|| format!("writing {}", file.display()))
}

async fn wait_for_leaflet(driver: &Driver) -> Result<()> {
    for _ in 0..100 {
        let title = driver
            .client
            .execute(
                "return document.querySelector('drug-leaflet')?.shadowRoot?.querySelector('.title')?.textContent ?? null;",
                vec![],
            )
            .await?;
        if !title.is_null() {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    bail!("the leaflet did not render in the demo page")
}
