//! A whole formulary against `dist/`: a dist built from 500 monographs must
//! give the bundled drug's page (`widget.html`) the very same files and bytes,
//! and a drug that is not bundled must add only its own data file.
//!
//! `target/bench/formulary/` holds the 500 monographs: nusinersen and
//! examplamab as they are in `monographs/`, and copies of examplamab named
//! `formulary-001`, `formulary-002`, ...; `target/bench/dist-500/` is built
//! from it by `dist::build_from`, the repo's `monographs/` left as it is.

use std::fs;
use std::path::Path;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use serde::Deserialize;
use serde_json::json;

use super::browser::{BenchBrowser, Condition};
use super::data::{FileComparison, FileHash, FileRow, FormularyResult, Observed, PageRequests, Request};
use super::pages::{Page, WIDGET_PATH};
use super::series::{Group, Key, Recorder, DRUG_SET_TO_SHOWN};
use crate::dist::{self, FileSize};
use crate::serve::StaticServer;

/// Monographs in the generated formulary, the two real ones included.
pub const MONOGRAPHS: usize = 500;
pub const FOLDER: &str = "target/bench/formulary";
pub const DIST: &str = "target/bench/dist-500";
/// How the tables name the two dists.
pub const DIST_LABEL: &str = "dist/";
pub const FORMULARY_LABEL: &str = "500 monographs";
/// The drug compiled into the WASM, which `widget.html` shows.
const BUNDLED_DRUG: &str = monograph::bundled::DEFAULT_ID;
/// The drug fetched on demand, and the template of the generated ones.
pub const ON_DEMAND_DRUG: &str = "examplamab";
pub const ON_DEMAND: &str = "examplamab on demand (500-monograph dist)";
/// What a page showing the bundled drug loads: the widget itself.
pub const WIDGET_FILES: [&str; 3] = [
    "drug-leaflet.js",
    "drug-leaflet-core.js",
    "drug-leaflet-core_bg.wasm",
];

/// The generated drugs' ids: `formulary-001`, `formulary-002`, ...
pub fn generated_ids(count: usize) -> Vec<String> {
    (1..=count).map(|n| format!("formulary-{n:03}")).collect()
}

/// `monograph` (a TOML file's text) with its `[meta]` id `from` renamed `to`:
/// the loader wants every file named after its `meta.id`.
pub fn renamed(monograph: &str, from: &str, to: &str) -> Result<String> {
    let id_line = format!("id = {from:?}");
    let mut out = String::with_capacity(monograph.len() + to.len());
    let mut in_meta = false;
    let mut found = false;
    for line in monograph.split_inclusive('\n') {
        let code = line.trim();
        if code.starts_with('[') {
            in_meta = code == "[meta]";
        }
        if in_meta && !found && code == id_line {
            out.push_str(&line.replacen(&id_line, &format!("id = {to:?}"), 1));
            found = true;
        } else {
            out.push_str(line);
        }
    }
    if !found {
        bail!("the monograph has no `{id_line}` line in its [meta] table");
    }
    Ok(out)
}

/// Writes the formulary into `folder` (emptied first): the bundled and the
/// on-demand drug from `monographs/`, then copies of the on-demand one up to
/// `MONOGRAPHS` files.
pub fn write_monographs(root: &Path, folder: &Path) -> Result<()> {
    if folder.exists() {
        fs::remove_dir_all(folder).with_context(|| format!("clearing {}", folder.display()))?;
    }
    fs::create_dir_all(folder).with_context(|| format!("creating {}", folder.display()))?;
    let source = |id: &str| root.join("monographs").join(format!("{id}.toml"));
    for id in [BUNDLED_DRUG, ON_DEMAND_DRUG] {
        fs::copy(source(id), folder.join(format!("{id}.toml")))
            .with_context(|| format!("copying monographs/{id}.toml"))?;
        // The base document its texts are checked against, where it has one.
        let base = monograph::loader::base_document_path(&source(id));
        if base.exists() {
            fs::copy(
                &base,
                monograph::loader::base_document_path(&folder.join(format!("{id}.toml"))),
            )
            .with_context(|| format!("copying {}", base.display()))?;
        }
    }
    let template = fs::read_to_string(source(ON_DEMAND_DRUG))?;
    for id in generated_ids(MONOGRAPHS - 2) {
        fs::write(
            folder.join(format!("{id}.toml")),
            renamed(&template, ON_DEMAND_DRUG, &id)?,
        )?;
    }
    Ok(())
}

pub fn compare(file: &str, in_dist: &[u8], in_formulary: &[u8]) -> FileComparison {
    let hash = |bytes: &[u8]| FileHash {
        bytes: bytes.len(),
        sha384: dist::integrity(bytes),
    };
    FileComparison {
        file: file.into(),
        dist: hash(in_dist),
        formulary: hash(in_formulary),
        identical: in_dist == in_formulary,
    }
}

/// `files` (paths inside a dist) compared between the two dists.
pub fn compare_files(dist: &Path, formulary: &Path, files: &[String]) -> Result<Vec<FileComparison>> {
    let read = |dir: &Path, file: &str| {
        let path = dir.join(file);
        fs::read(&path).with_context(|| format!("reading {}", path.display()))
    };
    files
        .iter()
        .map(|file| Ok(compare(file, &read(dist, file)?, &read(formulary, file)?)))
        .collect()
}

/// The on-demand drug's files in a dist: its data and its fallback HTML.
pub fn on_demand_files() -> Vec<String> {
    ["json", "fallback.html"]
        .iter()
        .map(|kind| format!("monographs/{ON_DEMAND_DRUG}.{kind}"))
        .collect()
}

/// Whether two pages requested the same files with the same bodies.
pub fn same_bytes(a: &[Request], b: &[Request]) -> bool {
    let bodies = |requests: &[Request]| {
        let mut bodies: Vec<(String, u64, u64)> = requests
            .iter()
            .map(|r| {
                (
                    r.path.clone(),
                    r.encoded_body_size as u64,
                    r.decoded_body_size as u64,
                )
            })
            .collect();
        bodies.sort();
        bodies
    };
    bodies(a) == bodies(b)
}

/// Whether `requests` are the widget's own files, each once, and nothing else.
pub fn only_widget_files(requests: &[Request]) -> bool {
    let mut paths: Vec<&str> = requests.iter().map(|r| r.path.as_str()).collect();
    paths.sort_unstable();
    let mut expected: Vec<String> = WIDGET_FILES
        .iter()
        .map(|file| format!("{WIDGET_PATH}{file}"))
        .collect();
    expected.sort();
    paths == expected
}

/// The path the element fetches for `drug`, next to the core module.
pub fn data_path(drug: &str) -> String {
    format!("{WIDGET_PATH}monographs/{drug}.json")
}

/// Whether every on-demand run requested the drug's data file and nothing
/// else but the host door, which reads it (its own module, loaded on its
/// first use on the page: every run is a fresh page).
pub fn only_its_own_file(runs: &[Vec<Request>], drug: &str) -> bool {
    let door = format!("{WIDGET_PATH}{}_bg.wasm", crate::dist::DOOR_NAME);
    let path = data_path(drug);
    !runs.is_empty()
        && runs.iter().all(|run| {
            run.iter().filter(|r| r.path == path).count() == 1
                && run.iter().all(|r| r.path == path || r.path == door)
                && run.len() <= 2
        })
}

#[derive(Deserialize)]
struct OnDemandRun {
    elapsed: f64,
    requests: Vec<Request>,
}

/// The page's requests from each dist (Chromium: Firefox reports the same
/// entries, but one reading of sizes is enough), then `runs` times per
/// condition a fresh lab page from the formulary's dist showing the bundled
/// leaflet, where a new element gets `drug="examplamab"`: the file is fetched
/// every time (the server sends `Cache-Control: no-store`).
pub async fn in_browser(
    browser: &BenchBrowser,
    dist_server: &StaticServer,
    formulary_server: &StaticServer,
    runs: usize,
    recorder: &mut Recorder,
    observed: &mut Observed,
) -> Result<()> {
    let started = Instant::now();
    if browser.can_throttle() {
        println!(
            "bench: {}, the {BUNDLED_DRUG} page from dist/ and from the {MONOGRAPHS}-monograph dist",
            browser.name()
        );
        for (dist, server) in [(DIST_LABEL, dist_server), (FORMULARY_LABEL, formulary_server)] {
            let url = server.url(&format!("/{}?settled", Page::Widget.file()));
            browser.load(&url, true).await?;
            let requests = serde_json::from_value(browser.call("requests", json!([])).await?)
                .context("the probe's requests")?;
            observed.page_requests.push(PageRequests { dist, requests });
        }
    }
    let conditions: &[Condition] = if browser.can_throttle() {
        &[Condition::Unthrottled, Condition::Slow4g]
    } else {
        &[Condition::Unthrottled]
    };
    for &condition in conditions {
        println!(
            "bench: {}, drug=\"{ON_DEMAND_DRUG}\" on a fresh page under {}, {runs} times",
            browser.name(),
            condition.label()
        );
        for _ in 0..runs {
            browser.open_lab(formulary_server).await?;
            browser.call("mount", json!([1])).await?;
            browser.set_condition(condition).await?;
            let run = browser.call("onDemand", json!([ON_DEMAND_DRUG])).await;
            browser.set_condition(Condition::Unthrottled).await?;
            let run: OnDemandRun = serde_json::from_value(run?).context("the probe's onDemand")?;
            let key = Key {
                group: Group::OnDemand,
                browser: browser.name(),
                condition,
                subject: ON_DEMAND,
                metric: DRUG_SET_TO_SHOWN,
            };
            recorder.add(key, run.elapsed);
            observed.on_demand_requests.push(run.requests);
        }
    }
    println!(
        "bench: {}, the formulary's experiments took {:.0} s",
        browser.name(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// What the files and the browsers showed, put together for the report.
pub fn result(
    builds: (f64, f64),
    widget_files: Vec<FileComparison>,
    drug_files: Vec<FileComparison>,
    sizes: &[FileSize],
    observed: Observed,
) -> FormularyResult {
    let (same_page_bytes, only_widget) = match observed.page_requests.as_slice() {
        [dist, formulary] => (
            same_bytes(&dist.requests, &formulary.requests),
            only_widget_files(&dist.requests) && only_widget_files(&formulary.requests),
        ),
        _ => (false, false),
    };
    let mut on_demand_requests: Vec<String> = observed
        .on_demand_requests
        .iter()
        .flatten()
        .map(|r| r.path.clone())
        .collect();
    on_demand_requests.sort();
    on_demand_requests.dedup();
    FormularyResult {
        monographs: MONOGRAPHS,
        build_seconds: builds.0,
        dist_build_seconds: builds.1,
        widget_files,
        page_requests: observed.page_requests,
        same_page_bytes,
        only_widget_files: only_widget,
        drug_file_sizes: sizes
            .iter()
            .filter(|size| on_demand_files().contains(&size.path))
            .map(FileRow::from)
            .collect(),
        drug_files,
        on_demand_runs: observed.on_demand_requests.len(),
        on_demand_only_its_file: only_its_own_file(&observed.on_demand_requests, ON_DEMAND_DRUG),
        on_demand_transfer: observed
            .on_demand_requests
            .first()
            .and_then(|run| run.first())
            .cloned(),
        on_demand_requests,
    }
}

impl FormularyResult {
    /// What `--check` fails on: the bundled drug's page costs more with a
    /// bigger formulary, or a drug on demand costs more than its own file.
    pub fn violations(&self) -> Vec<String> {
        let mut violations = Vec::new();
        for file in self.widget_files.iter().filter(|f| !f.identical) {
            violations.push(format!(
                "{} differs between dist/ and the {MONOGRAPHS}-monograph dist",
                file.file
            ));
        }
        if !self.same_page_bytes || !self.only_widget_files {
            violations.push(format!(
                "the {BUNDLED_DRUG} page does not load the same widget files and bytes from dist/ and the {MONOGRAPHS}-monograph dist"
            ));
        }
        if !self.on_demand_only_its_file {
            violations.push(format!(
                "drug=\"{ON_DEMAND_DRUG}\" requested {:?}, not only {}",
                self.on_demand_requests,
                data_path(ON_DEMAND_DRUG)
            ));
        }
        violations
    }
}

#[cfg(test)]
mod tests {
    use monograph::loader::{load, monograph_files};

    use super::*;

    fn request(path: &str, encoded: f64) -> Request {
        Request {
            path: format!("{WIDGET_PATH}{path}"),
            transfer_size: encoded + 300.0,
            encoded_body_size: encoded,
            decoded_body_size: encoded * 3.0,
        }
    }

    fn widget_requests() -> Vec<Request> {
        vec![
            request("drug-leaflet.js", 1_000.0),
            request("drug-leaflet-core.js", 9_000.0),
            request("drug-leaflet-core_bg.wasm", 120_000.0),
        ]
    }

    #[test]
    fn generated_ids_are_numbered_slugs() {
        assert_eq!(
            generated_ids(3),
            ["formulary-001", "formulary-002", "formulary-003"]
        );
        assert_eq!(
            generated_ids(498).last().map(String::as_str),
            Some("formulary-498")
        );
    }

    #[test]
    fn renaming_changes_only_the_meta_id() {
        let toml = "# id = \"a\"\n[meta]\nid = \"a\"\ntitle = \"A\"\n\n[[sections]]\nid = \"a\"\n";
        assert_eq!(
            renamed(toml, "a", "b").unwrap(),
            "# id = \"a\"\n[meta]\nid = \"b\"\ntitle = \"A\"\n\n[[sections]]\nid = \"a\"\n"
        );
        assert!(renamed("[[sections]]\nid = \"a\"\n", "a", "b").is_err());
        assert!(renamed("[meta]\nid = \"other\"\n", "a", "b").is_err());
    }

    #[test]
    fn the_generated_formulary_is_500_valid_monographs_named_by_id() {
        let root = crate::project_root();
        let folder = std::env::temp_dir().join(format!("xtask-formulary-{}", std::process::id()));
        write_monographs(&root, &folder).unwrap();
        let files = monograph_files(&folder).unwrap();
        assert_eq!(files.len(), MONOGRAPHS);
        for file in &files {
            let loaded = load(file).unwrap();
            assert!(
                loaded.report.errors.is_empty(),
                "{}: {:?}",
                file.display(),
                loaded.report.errors
            );
        }
        let bundled = fs::read(folder.join("nusinersen.toml")).unwrap();
        assert_eq!(
            bundled,
            fs::read(root.join("monographs/nusinersen.toml")).unwrap()
        );
        fs::remove_dir_all(&folder).unwrap();
    }

    #[test]
    fn files_compare_by_their_bytes() {
        let same = compare("drug-leaflet.js", b"abc", b"abc");
        assert!(same.identical);
        assert_eq!(same.dist, same.formulary);
        assert_eq!(same.dist.bytes, 3);
        let changed = compare("drug-leaflet.js", b"abc", b"abd");
        assert!(!changed.identical);
        assert_ne!(changed.dist.sha384, changed.formulary.sha384);
    }

    #[test]
    fn the_same_files_and_bodies_in_any_order_are_the_same_bytes() {
        let dist = widget_requests();
        let mut reversed = widget_requests();
        reversed.reverse();
        assert!(same_bytes(&dist, &reversed));
        let mut bigger = widget_requests();
        bigger[2].encoded_body_size += 1.0;
        assert!(!same_bytes(&dist, &bigger));
        let mut more = widget_requests();
        more.push(request("monographs/index.json", 10.0));
        assert!(!same_bytes(&dist, &more));
    }

    #[test]
    fn only_the_three_widget_files_each_once_pass() {
        assert!(only_widget_files(&widget_requests()));
        assert!(!only_widget_files(&widget_requests()[..2]));
        let mut twice = widget_requests();
        twice.push(request("drug-leaflet.js", 1_000.0));
        assert!(!only_widget_files(&twice));
    }

    #[test]
    fn a_drug_on_demand_must_add_its_own_file_and_nothing_else() {
        let own = || vec![request("monographs/examplamab.json", 3_000.0)];
        assert!(only_its_own_file(&[own(), own()], "examplamab"));
        assert!(!only_its_own_file(&[], "examplamab"));
        assert!(!only_its_own_file(&[own(), vec![]], "examplamab"));
        let mut with_index = own();
        with_index.push(request("monographs/index.json", 10.0));
        assert!(!only_its_own_file(&[with_index], "examplamab"));
        assert!(!only_its_own_file(&[own()], "nusinersen"));
        let mut with_door = own();
        with_door.push(request("drug-leaflet-door_bg.wasm", 36_000.0));
        assert!(only_its_own_file(&[with_door.clone(), own()], "examplamab"));
        with_door.push(request("drug-leaflet-door_bg.wasm", 36_000.0));
        assert!(!only_its_own_file(&[with_door], "examplamab"), "the door twice");
    }

    #[test]
    fn check_fails_on_a_costlier_page_or_drug() {
        let observed = |dist_requests: Vec<Request>| Observed {
            page_requests: vec![
                PageRequests {
                    dist: DIST_LABEL,
                    requests: dist_requests,
                },
                PageRequests {
                    dist: FORMULARY_LABEL,
                    requests: widget_requests(),
                },
            ],
            on_demand_requests: vec![vec![request("monographs/examplamab.json", 3_000.0)]],
        };
        let widget = || vec![compare("drug-leaflet.js", b"a", b"a")];
        let sizes = [FileSize {
            path: "monographs/examplamab.json".into(),
            raw: 9,
            gzip: 5,
            brotli: 4,
        }];
        let good = result((1.0, 1.0), widget(), vec![], &sizes, observed(widget_requests()));
        assert!(good.violations().is_empty(), "{:?}", good.violations());
        assert_eq!(good.drug_file_sizes.len(), 1);
        assert_eq!(good.on_demand_requests, [data_path("examplamab")]);

        let mut bigger = widget_requests();
        bigger[2].encoded_body_size += 1.0;
        let costlier = result((1.0, 1.0), widget(), vec![], &sizes, observed(bigger));
        assert_eq!(costlier.violations().len(), 1);
        let changed = result(
            (1.0, 1.0),
            vec![compare("drug-leaflet.js", b"a", b"b")],
            vec![],
            &sizes,
            observed(widget_requests()),
        );
        assert_eq!(changed.violations().len(), 1);
    }
}
