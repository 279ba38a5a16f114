//! Drives real browsers through W3C WebDriver (chromedriver, geckodriver,
//! WebKitWebDriver) against host pages in `tests/pages/` and the built
//! `dist/`, served from separate folders.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use fantoccini::elements::{Element, ElementRef};
use fantoccini::Client;
use serde_json::{json, Value};
use xtask::serve::StaticServer;
pub use xtask::webdriver::Browser;
use xtask::webdriver::Driver;
pub use xtask::webdriver::Launch;

/// The W3C WebDriver key of an element reference in a JSON value.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A WebDriver session on a fresh browser, with the test pages and dist/ served.
pub struct Session {
    pub client: Client,
    pub server: StaticServer,
    driver: Driver,
}

fn root() -> PathBuf {
    xtask::project_root()
}

impl Session {
    pub async fn start(browser: Browser) -> Session {
        Session::start_with(browser, Launch::default()).await
    }

    /// A session on a browser started as `launch` says (no JavaScript, dark).
    pub async fn start_with(browser: Browser, launch: Launch) -> Session {
        let dist = root().join("dist");
        assert!(
            dist.join("drug-leaflet.js").is_file(),
            "dist/ is not built: run `cargo xtask test` (or `cargo xtask dist` first)"
        );
        let generated = generate_pages(&dist);
        let mounts = vec![
            ("/".into(), root().join("tests/pages")),
            ("/vendor/drug-leaflet/".into(), dist.clone()),
            // Where the snippets in dist/embed/ expect it.
            ("/drug-leaflet/".into(), dist.clone()),
            // dist/ with data files for drugs that are missing, broken or
            // not what they say (`on_demand`), and dist/'s own examplamab.
            ("/on-demand/drug-leaflet/".into(), dist),
            (
                "/on-demand/drug-leaflet/monographs/".into(),
                generated.join("on-demand-monographs"),
            ),
            ("/generated/".into(), generated),
            // `cargo xtask dist --crash-test`: toggling the storage section panics.
            (
                "/crash-test/drug-leaflet/".into(),
                root().join("target/dist-crash-test"),
            ),
        ];
        Session::serving(browser, launch, mounts).await
    }

    /// A session on a fresh browser with only `mounts` served (an app's build).
    pub async fn serving(browser: Browser, launch: Launch, mounts: xtask::serve::Mounts) -> Session {
        let server = StaticServer::start(0, mounts).expect("static server");
        let driver = Driver::start(browser, launch).await.expect("a browser session");
        Session {
            client: driver.client.clone(),
            server,
            driver,
        }
    }

    pub async fn open(&self, page: &str) {
        self.client.goto(&self.server.url(page)).await.expect("navigate");
    }

    /// Runs `script` (a function body; `arguments` as in WebDriver) until it
    /// returns something other than null, or fails after 20 s.
    pub async fn wait_for(&self, script: &str, args: Vec<Value>) -> Value {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let value = self
                .client
                .execute(script, args.clone())
                .await
                .expect("script runs");
            if !value.is_null() {
                return value;
            }
            assert!(Instant::now() < deadline, "timed out waiting for: {script}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Runs `script` until it returns `expected` (pages react to keys and clicks
    /// a moment later, more so on a loaded machine); returns the last value after
    /// 5 s so the caller's assertion shows what was there instead.
    pub async fn eventually(&self, script: &str, expected: Value) -> Value {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let value = self.eval(script, vec![]).await;
            if value == expected || Instant::now() > deadline {
                return value;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub async fn eval(&self, script: &str, args: Vec<Value>) -> Value {
        self.client.execute(script, args).await.expect("script runs")
    }

    /// An element inside the `n`th leaflet's shadow root, as a WebDriver element
    /// that real clicks and key presses can target.
    pub async fn in_leaflet(&self, n: usize, selector: &str) -> Element {
        let value = self
            .wait_for(
                "return document.querySelectorAll('drug-leaflet')[arguments[0]]?.shadowRoot?.querySelector(arguments[1]) ?? null;",
                vec![json!(n), json!(selector)],
            )
            .await;
        let id = value
            .get(ELEMENT_KEY)
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("{selector} is not an element: {value}"));
        Element::from_element_id(self.client.clone(), ElementRef::from(id.to_owned()))
    }

    /// What the page recorded (tests/pages/watch.js): CSP violations, uncaught
    /// errors and console errors.
    pub async fn watched(&self, list: &str) -> Vec<String> {
        let value = self
            .eval("return window.__watched[arguments[0]];", vec![json!(list)])
            .await;
        serde_json::from_value(value).expect("a list of strings")
    }

    /// A Chrome DevTools Protocol command (Chromium only): media emulation,
    /// the accessibility tree.
    pub async fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.driver.cdp(cmd, params).await.expect("CDP command")
    }

    /// Chromium's emulated media: a type ("" for the real one, "print") and
    /// features as (name, value).
    pub async fn emulate_media(&self, media: &str, features: &[(&str, &str)]) {
        let features: Vec<Value> = features
            .iter()
            .map(|(name, value)| json!({ "name": name, "value": value }))
            .collect();
        self.cdp(
            "Emulation.setEmulatedMedia",
            json!({ "media": media, "features": features }),
        )
        .await;
    }

    /// axe-core's violations of WCAG 2.0-2.2 A/AA and best practice on the whole
    /// page, shadow roots included, as "rule: target" lines.
    pub async fn axe_violations(&self) -> Vec<String> {
        self.axe_violations_in(&[]).await
    }

    /// axe-core's violations within the elements `selectors` match (the
    /// whole document when empty).
    pub async fn axe_violations_in(&self, selectors: &[&str]) -> Vec<String> {
        let source = std::fs::read_to_string(root().join("node_modules/axe-core/axe.min.js"))
            .expect("node_modules/axe-core (cargo xtask test installs it)");
        self.client
            .execute(&format!("{source}\nreturn true;"), vec![])
            .await
            .expect("inject axe-core");
        let result = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 const include = arguments[0];
                 axe.run(include.length ? { include: include.map(s => [s]) } : document, { runOnly: { type: 'tag', values:
                     ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } })
                   .then(r => done(r.violations.flatMap(v => v.nodes.map(n =>
                       v.id + ': ' + JSON.stringify(n.target) + ' ' + n.failureSummary))))
                   .catch(e => done(['axe failed: ' + e]));",
                vec![json!(selectors)],
            )
            .await
            .expect("axe runs");
        serde_json::from_value(result).expect("a list of strings")
    }

    /// Presses and releases `key` on whatever has focus, as a keyboard would
    /// (W3C WebDriver actions; special keys as in `fantoccini::key::Key`).
    pub async fn press(&self, key: char) {
        use fantoccini::actions::{InputSource, KeyAction, KeyActions};
        let keys = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
        self.client.perform_actions(keys).await.expect("key press");
        // Let the page handle the key before the next look at it.
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    pub async fn close(self) {
        self.driver.close().await;
    }
}

/// Pages built from dist/ at test time, with `nusinersen.fallback.html` pasted
/// inside `<drug-leaflet>` as the README tells hosts to: `fallback.html` as is,
/// `fallback-no-wasm.html` under a CSP without 'wasm-unsafe-eval'.
fn generate_pages(dist: &std::path::Path) -> PathBuf {
    static COUNTER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("drug-leaflet-e2e-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let template =
        std::fs::read_to_string(root().join("tests/pages/fallback-template.html")).expect("template");
    let fallback =
        std::fs::read_to_string(dist.join("nusinersen.fallback.html")).expect("the fallback in dist/");
    let page = template.replace("{{FALLBACK}}", &fallback);
    let no_wasm = r#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'">"#;
    std::fs::write(
        dir.join("fallback-no-wasm.html"),
        page.replace("{{CSP}}", no_wasm),
    )
    .expect("write page");
    std::fs::write(dir.join("fallback.html"), page.replace("{{CSP}}", "")).expect("write page");
    // The README's edit for a care team's contact: its element in place of the general line.
    let general = page
        .find("<p class=\"urgent-default\"")
        .expect("the fallback's general line");
    let end = general + page[general..].find("</p>").expect("its end") + "</p>".len();
    let contact = format!(
        "<div slot=\"urgent-contact\">{}</div>",
        crate::fixtures::pages::CARE_TEAM_CONTACT
    );
    let with_contact = format!("{}{contact}{}", &page[..general], &page[end..]);
    std::fs::write(
        dir.join("fallback-contact.html"),
        with_contact.replace("{{CSP}}", ""),
    )
    .expect("write page");
    let crash = std::fs::read_to_string(root().join("tests/pages/crash-template.html")).expect("template");
    std::fs::write(dir.join("crash.html"), crash.replace("{{FALLBACK}}", &fallback)).expect("write page");
    // Broken copies of dist/, each behind its own fallback page: a changed
    // core module, a changed WASM, a WASM that is not there, a changed door.
    for (name, file, break_it) in BROKEN_DISTS {
        let copy = dir.join(name);
        std::fs::create_dir_all(&copy).expect("dist copy");
        for entry in std::fs::read_dir(dist).expect("dist/").flatten() {
            if entry.path().is_file() {
                std::fs::copy(entry.path(), copy.join(entry.file_name())).expect("copy");
            }
        }
        let target = copy.join(file);
        match break_it {
            Break::Change => {
                let mut bytes = std::fs::read(&target).expect("read");
                bytes.extend_from_slice(b"\n");
                std::fs::write(&target, bytes).expect("write");
            }
            Break::Remove => std::fs::remove_file(&target).expect("remove"),
        }
        let page = page
            .replace("{{CSP}}", "")
            .replace("/vendor/drug-leaflet/", &format!("/generated/{name}/"));
        std::fs::write(dir.join(format!("{name}.html")), page).expect("write page");
    }
    write_drug_files(dist, &dir.join("on-demand-monographs"));
    write_embed_page(dist, &dir);
    dir
}

/// `embed.html`: the snippet `dist/embed/nusinersen.html` pasted into a page,
/// as the README tells hosts to.
fn write_embed_page(dist: &std::path::Path, dir: &std::path::Path) {
    let template = std::fs::read_to_string(root().join("tests/pages/embed-template.html")).expect("template");
    let snippet =
        std::fs::read_to_string(dist.join("embed/nusinersen.html")).expect("the snippet in dist/embed/");
    std::fs::write(dir.join("embed.html"), template.replace("{{SNIPPET}}", &snippet)).expect("write page");
}

/// The data files `/on-demand/drug-leaflet/monographs/` serves: dist/'s
/// examplamab as it is, by language, and as other drugs, each wrong in its own way.
fn write_drug_files(dist: &std::path::Path, dir: &std::path::Path) {
    use crate::fixtures::on_demand;
    std::fs::create_dir_all(dir).expect("drug files dir");
    let good = std::fs::read_to_string(dist.join("monographs").join(format!("{}.json", on_demand::DRUG)))
        .expect("dist/ has the example drug's data file");
    let mut invalid: Value = serde_json::from_str(&good).expect("JSON");
    invalid["sections"] = Value::Array(Vec::new());
    for (drug, text) in [
        (on_demand::DRUG, good.clone()),
        (
            on_demand::SLOW_DRUG,
            good.replace(on_demand::DRUG_ID_FIELD, on_demand::SLOW_DRUG_ID_FIELD),
        ),
        (
            on_demand::LATE_DRUG,
            good.replace(on_demand::DRUG_ID_FIELD, on_demand::LATE_DRUG_ID_FIELD),
        ),
        (on_demand::WRONG_DRUG, good),
        (on_demand::INVALID_DRUG, invalid.to_string()),
        (
            on_demand::NOT_JSON_DRUG,
            "<!doctype html><p>Sign in</p>".to_owned(),
        ),
    ] {
        std::fs::write(dir.join(format!("{drug}.json")), text).expect("write drug file");
    }
    // Its leaflets by language, as dist/ has them: Spanish, and the main file
    // under its own language's name.
    for language in ["es", "en"] {
        let name = format!("{}.{language}.json", on_demand::DRUG);
        std::fs::copy(dist.join("monographs").join(&name), dir.join(&name))
            .expect("dist/ has the example drug's leaflets by language");
    }
}

enum Break {
    /// One byte more: its integrity hash no longer matches.
    Change,
    /// Gone: the server answers 404.
    Remove,
}

/// `/generated/<name>.html`: the fallback page on a copy of dist/ with `file` broken.
const BROKEN_DISTS: [(&str, &str, Break); 4] = [
    ("changed-core", "drug-leaflet-core.js", Break::Change),
    ("changed-wasm", "drug-leaflet-core_bg.wasm", Break::Change),
    ("missing-wasm", "drug-leaflet-core_bg.wasm", Break::Remove),
    ("changed-door", "drug-leaflet-door_bg.wasm", Break::Change),
];
