//! The pharmacist's review sheet (`cargo xtask review nusinersen`) in
//! Chromium: every text listed, no script, axe clean on screen and on paper,
//! no text's entry cut by a page break, and a picture of its first printed
//! page in `target/review/nusinersen-print.png`.

use serde_json::json;

use crate::harness::{Browser, Launch, Session};

/// A4 at 96 CSS pixels an inch: the first page's picture.
const A4_PIXELS: (u32, u32) = (794, 1123);

pub async fn review_sheet(browser: Browser) {
    let root = xtask::project_root();
    let out = root.join("target/review");
    let sheet = xtask::review::write_sheet(
        &root.join("monographs/nusinersen.toml"),
        &out.join("nusinersen.html"),
    )
    .expect("the review sheet");
    let session = Session::serving(browser, Launch::default(), vec![("/".into(), out.clone())]).await;
    session.open("/nusinersen.html").await;
    let listed = session
        .eval(
            "return { forReview: document.querySelectorAll('li.text').length,
                      changeBoxes: document.querySelectorAll('li.text .change').length,
                      original: document.querySelectorAll('ol.original > li').length,
                      scripts: document.scripts.length,
                      signOff: [...document.querySelectorAll('.sign dt')].map((dt) => dt.textContent) };",
            vec![],
        )
        .await;
    assert_eq!(
        listed,
        json!({ "forReview": sheet.counts.total, "changeBoxes": sheet.counts.total,
                "original": sheet.original, "scripts": 0,
                "signOff": ["Name", "Role", "Registration number", "Date", "Signature"] })
    );
    assert_eq!(session.axe_violations().await, Vec::<String>::new(), "on screen");

    session.emulate_media("print", &[]).await;
    assert_eq!(session.axe_violations().await, Vec::<String>::new(), "on paper");
    let unbroken = session
        .eval(
            "return [...document.querySelectorAll('li.text, .signoff')]
               .every((el) => getComputedStyle(el).breakInside === 'avoid');",
            vec![],
        )
        .await;
    assert_eq!(
        unbroken,
        json!(true),
        "each entry and the sign-off stay on one page"
    );
    session
        .cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": A4_PIXELS.0, "height": A4_PIXELS.1, "deviceScaleFactor": 1, "mobile": false }),
        )
        .await;
    let shot = session
        .cdp("Page.captureScreenshot", json!({ "format": "png" }))
        .await;
    let file = out.join("nusinersen-print.png");
    xtask::screenshots::write_screenshot(&shot, &file).expect("the print screenshot");
    println!("wrote {}", file.display());
    session.close().await;
}
