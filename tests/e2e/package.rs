//! The npm package as apps bundle it: the builds of `tests/package/vite-app`
//! and `webpack-app` (made by `cargo xtask test` in `target/package-tests/`),
//! each served alone, in Chromium.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use xtask::package::{FIXTURES_DIR, PACKAGE_DIR};

use crate::common::{click_section, retitle, wait_for_leaflet, wait_for_title};
use crate::fixtures::nusinersen;
use crate::harness::{Browser, Launch, Session};

/// "\0asm\x01\0\0\0", the WASM header, in base64: any WASM inlined as a data
/// URL or a base64 string starts with it.
const WASM_HEADER_BASE64: &str = "AGFzbQEAAAA";

fn build_of(app: &str) -> PathBuf {
    let build = xtask::project_root().join(FIXTURES_DIR).join(app).join("dist");
    assert!(
        build.join("index.html").is_file(),
        "{} is not built: run `cargo xtask test`",
        build.display()
    );
    build
}

/// Files of the build with this extension, relative to it (bundlers may nest assets).
fn files_ending(dir: &Path, extension: &str, found: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("the app's build").flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_ending(&path, extension, found);
        } else if path.extension().is_some_and(|e| e == extension) {
            found.push(path);
        }
    }
}

/// The app's page shows the leaflet, a section opens and closes, the WASM and
/// the door are the package's, each emitted as its own file (not inlined), the
/// door loaded once the app sets a monograph, and every request stays on the
/// app's origin.
pub async fn bundled_app(app: &str) {
    let build = build_of(app);
    let mut wasm_files = Vec::new();
    files_ending(&build, "wasm", &mut wasm_files);
    assert_eq!(
        wasm_files.len(),
        2,
        "{app}: two .wasm assets, the leaflet's and the door's, found {wasm_files:?}"
    );
    // Each emitted .wasm is the package's, by content (bundlers rename them).
    let emitted = |name: &str| {
        let packaged =
            fs::read(xtask::project_root().join(PACKAGE_DIR).join(name)).expect("the package's WASM");
        let found = wasm_files
            .iter()
            .find(|file| fs::read(file).expect("read") == packaged)
            .unwrap_or_else(|| panic!("{app}: no emitted .wasm is the package's {name}"));
        format!(
            "/{}",
            found
                .strip_prefix(&build)
                .expect("inside the build")
                .to_string_lossy()
        )
    };
    let wasm_path = emitted("drug-leaflet-core_bg.wasm");
    let door_path = emitted("drug-leaflet-door_bg.wasm");
    let mut scripts = Vec::new();
    files_ending(&build, "js", &mut scripts);
    assert!(!scripts.is_empty(), "{app}: no script in the build");
    for script in &scripts {
        let text = fs::read_to_string(script).expect("read");
        assert!(
            !text.contains(WASM_HEADER_BASE64) && !text.contains("application/wasm;base64"),
            "{app}: {} inlines the WASM",
            script.display()
        );
        // A bundler bakes a bare `import.meta.url` in as the build machine's
        // path: nothing of the builder's disk may ship to patients.
        assert!(
            !text.contains("file://"),
            "{app}: {} holds a file:// URL of the build machine",
            script.display()
        );
    }
    let session = Session::serving(Browser::Chromium, Launch::default(), vec![("/".into(), build)]).await;
    session.open("/index.html").await;
    wait_for_leaflet(&session, 0).await;
    assert_eq!(
        click_section(&session, 0, nusinersen::SIDE_EFFECTS).await,
        json!("true"),
        "{app}: a closed section opens"
    );
    assert_eq!(
        click_section(&session, 0, nusinersen::SIDE_EFFECTS).await,
        json!("false"),
        "{app}: and closes again"
    );

    let requested: BTreeSet<String> = session.server.requested_paths().into_iter().collect();
    assert!(
        requested.contains(&wasm_path),
        "{app}: the page loaded {wasm_path}; it requested {requested:?}"
    );
    assert!(
        !requested.contains(&door_path),
        "{app}: no door before a monograph is set"
    );
    // The app sets a monograph: the bundled door reads it.
    retitle(&session, 0, "Set by the app").await;
    wait_for_title(&session, 0, "Set by the app").await;
    let requested: BTreeSet<String> = session.server.requested_paths().into_iter().collect();
    assert!(
        requested.contains(&door_path),
        "{app}: the page loaded {door_path}; it requested {requested:?}"
    );
    let origin = session.server.url("/");
    let resources = session
        .eval(
            "return performance.getEntriesByType('resource').map(e => e.name);",
            vec![],
        )
        .await;
    let elsewhere: Vec<&Value> = resources
        .as_array()
        .expect("a list")
        .iter()
        .filter(|name| !name.as_str().is_some_and(|n| n.starts_with(&origin)))
        .collect();
    assert!(
        elsewhere.is_empty(),
        "{app}: requests off the origin: {elsewhere:?}"
    );
    session.close().await;
}

/// The webpack app waits on `defineElement()`: its promise resolves once the element is defined.
pub async fn define_element_resolves() {
    let session = Session::serving(
        Browser::Chromium,
        Launch::default(),
        vec![("/".into(), build_of("webpack-app"))],
    )
    .await;
    session.open("/index.html").await;
    let defined = session
        .wait_for("return document.body.dataset.leafletDefined ?? null;", vec![])
        .await;
    assert_eq!(defined, json!("true"));
    session.close().await;
}
