//! `cargo xtask bench`: the widget against the same monograph as a static
//! page. Sizes of dist/ (and the WASM by crate), then in headless Chromium and
//! Firefox: page loads (first contentful paint, time to interactive, request
//! waterfall, layout shift, memory) beside the baseline's, in a balanced order,
//! input-to-paint latencies, and many leaflets, a 500-section monograph and
//! 1,000 mount cycles; and a dist of 500 monographs against dist/ (the
//! bundled drug's page loads the same bytes; a drug on demand adds its own
//! file). Prints Markdown tables and writes them, with the budgets, to
//! `docs/benchmark.md`, and every sample to `target/bench/results.json`;
//! `--check` compares with `bench/budget.toml`.

pub mod browser;
pub mod budget;
pub mod data;
pub mod formulary;
pub mod measure;
pub mod page_load;
pub mod pages;
pub mod repeat_visit;
pub mod report;
pub mod series;
pub mod stats;
pub mod twiggy;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Instant, SystemTime};

use anyhow::{bail, Context, Result};

use self::browser::Condition;
use self::budget::{Budget, MeasuredTimings, BUDGET_FILE};
use self::data::FileRow;
use self::pages::Page;
use self::report::{Report, SeriesResult};
use self::series::{Recorder, INPUT_TO_PAINT, TIME_TO_INTERACTIVE};
use crate::dist;
use crate::serve::StaticServer;
use crate::toolchain::{Needs, Toolchain};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BenchOptions {
    /// Rounds of every experiment: `measure::loads_a_run` page loads of each
    /// page, a first and repeat visit, a settled load, the instance experiment.
    pub runs: usize,
    /// Fail when a size is over its budget.
    pub check_sizes: bool,
    /// Fail when a timing is over its budget too (noisy on a shared machine).
    pub check_timings: bool,
    pub scope: Scope,
}

/// What a bench measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Everything, written to docs/benchmark.md.
    All,
    /// Only the input-to-paint latencies, printed and not written: a quick
    /// loop for work on toggles and show-all.
    Latencies,
    /// Only the page loads (`runs` times the loads a run of each page),
    /// printed and not written: a quick loop for work on time to interactive.
    PageLoads,
}

impl BenchOptions {
    pub fn parse(args: &[String]) -> Result<BenchOptions> {
        let mut options = BenchOptions {
            runs: 10,
            check_sizes: false,
            check_timings: false,
            scope: Scope::All,
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--runs" => {
                    let runs = args.next().context("--runs takes a number")?;
                    options.runs = runs
                        .parse()
                        .ok()
                        .filter(|&n| n > 0)
                        .with_context(|| format!("--runs takes a number above 0, not {runs:?}"))?;
                }
                "--check" => options.check_sizes = true,
                "--check-timings" => {
                    options.check_sizes = true;
                    options.check_timings = true;
                }
                "--latencies" => options.scope = Scope::Latencies,
                "--loads" => options.scope = Scope::PageLoads,
                other => {
                    bail!("bench takes --runs N, --check, --check-timings, --latencies and --loads, not {other:?}")
                }
            }
        }
        Ok(options)
    }
}

pub fn run(root: &Path, options: BenchOptions) -> Result<()> {
    match options.scope {
        Scope::All => {}
        Scope::Latencies => return latencies_only(root),
        Scope::PageLoads => return page_loads_only(root, options.runs),
    }
    let started = Instant::now();
    let budget = Budget::load(root)?;
    let tools = Toolchain::ensure(root, Needs::Test)?;
    // The formulary's dist first, so the target folder is left as dist/'s
    // build needs it: each build recompiles the WASM and the prerenderer.
    let formulary_folder = root.join(formulary::FOLDER);
    let formulary_dist = root.join(formulary::DIST);
    formulary::write_monographs(root, &formulary_folder)?;
    let build_started = Instant::now();
    dist::build_from(root, &tools, Some(&formulary_folder), &formulary_dist)?;
    let formulary_build_seconds = build_started.elapsed().as_secs_f64();
    let build_started = Instant::now();
    let dist = dist::build(root, &tools)?;
    let dist_build_seconds = build_started.elapsed().as_secs_f64();
    println!(
        "bench: the {}-monograph dist built in {formulary_build_seconds:.0} s, dist/ in {dist_build_seconds:.0} s",
        formulary::MONOGRAPHS
    );
    let sizes = dist::sizes(&dist)?;
    let widget_files: Vec<String> = formulary::WIDGET_FILES.iter().map(|f| f.to_string()).collect();
    let widget_comparison = formulary::compare_files(&dist, &formulary_dist, &widget_files)?;
    let drug_comparison = formulary::compare_files(&dist, &formulary_dist, &formulary::on_demand_files())?;
    let crates = twiggy::by_crate(root);
    if let Err(error) = &crates {
        println!("bench: no WASM breakdown by crate: {error:#}");
    }
    let pages = pages::write(root, &dist)?;
    let mounts = vec![
        ("/".into(), pages.clone()),
        (pages::WIDGET_PATH.into(), dist.clone()),
    ];
    let server = StaticServer::start_compressing_best(0, mounts.clone())?;
    let formulary_server = pages_server(pages, formulary_dist)?;
    let measured = runtime()?.block_on(measure::all(&server, &formulary_server, &mounts, options.runs))?;

    let widget_files: Vec<&dist::FileSize> = sizes
        .iter()
        .filter(|s| crate::dist::is_widget_file(&s.path))
        .collect();
    let cpuinfo = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let report = Report {
        date: crate::timestamp::iso8601_utc(SystemTime::now()),
        machine: report::machine_from_cpuinfo(&cpuinfo),
        browsers: measured.browsers,
        runs: options.runs,
        runtime_seconds: started.elapsed().as_secs_f64(),
        sizes: sizes.iter().map(FileRow::from).collect(),
        widget_total: FileRow {
            file: "widget total (js + wasm)".into(),
            raw: widget_files.iter().map(|f| f.raw).sum(),
            gzip: widget_files.iter().map(|f| f.gzip).sum(),
            brotli: widget_files.iter().map(|f| f.brotli).sum(),
        },
        wasm_by_crate_unavailable: crates.as_ref().err().map(|e| format!("{e:#}")),
        wasm_by_crate: crates.ok(),
        series: measured
            .recorder
            .series
            .iter()
            .map(|series| SeriesResult {
                series,
                summary: series.summary(),
                p95: series.percentile(95.0),
            })
            .collect(),
        formulary: formulary::result(
            (formulary_build_seconds, dist_build_seconds),
            widget_comparison,
            drug_comparison,
            &sizes,
            measured.formulary,
        ),
        notes: report::NOTES.to_vec(),
    };
    let markdown = report::markdown(&report);
    let out = root.join("target/bench");
    fs::create_dir_all(&out)?;
    fs::write(out.join("results.json"), serde_json::to_string_pretty(&report)?)
        .context("writing target/bench/results.json")?;
    fs::write(out.join("results.md"), &markdown).context("writing target/bench/results.md")?;
    let timings = measured_timings(&measured.recorder);
    fs::write(
        root.join(report::BENCHMARK_PAGE),
        report::benchmark_page(&report, &budget, &timings),
    )
    .with_context(|| format!("writing {}", report::BENCHMARK_PAGE))?;
    println!("\n{markdown}");
    println!(
        "wrote target/bench/results.json, target/bench/results.md and {}",
        report::BENCHMARK_PAGE
    );

    let mut violations = Vec::new();
    if options.check_sizes {
        violations.extend(budget.size_violations(&sizes));
        violations.extend(report.formulary.violations());
    }
    let timing_violations = budget.timing_violations(&timings);
    if options.check_timings {
        violations.extend(timing_violations);
    } else {
        for violation in timing_violations {
            println!("bench: timing over budget (not checked without --check-timings): {violation}");
        }
    }
    if !violations.is_empty() {
        bail!("over budget:\n  {}", violations.join("\n  "));
    }
    if options.check_sizes {
        let what = if options.check_timings {
            "sizes and timings"
        } else {
            "sizes"
        };
        println!("bench: {what} within {BUDGET_FILE}");
    }
    Ok(())
}

/// dist/, then the input-to-paint latencies in both browsers, as a table.
fn latencies_only(root: &Path) -> Result<()> {
    let tools = Toolchain::ensure(root, Needs::Test)?;
    let dist = dist::build(root, &tools)?;
    let server = pages_server(pages::write(root, &dist)?, dist)?;
    let recorder = runtime()?.block_on(measure::latencies(&server))?;
    println!("\n{}", report::latency_table(&recorder.series));
    Ok(())
}

/// dist/, then the page loads in both browsers, as a table with the ratios.
fn page_loads_only(root: &Path, runs: usize) -> Result<()> {
    let tools = Toolchain::ensure(root, Needs::Test)?;
    let dist = dist::build(root, &tools)?;
    let server = pages_server(pages::write(root, &dist)?, dist)?;
    let recorder = runtime()?.block_on(measure::page_loads_alone(&server, runs))?;
    println!("\n{}", report::page_load_table(&recorder.series));
    Ok(())
}

/// The bench's pages (the folder `written`) at the root and `widget` (a
/// dist/ folder) under them.
fn pages_server(written: PathBuf, widget: PathBuf) -> Result<StaticServer> {
    StaticServer::start_compressing_best(
        0,
        vec![("/".into(), written), (pages::WIDGET_PATH.into(), widget)],
    )
}

/// The runtime the browsers are driven on.
fn runtime() -> Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?)
}

/// The timings the budget limits, from Chromium's series.
fn measured_timings(recorder: &Recorder) -> MeasuredTimings {
    let median = |subject: &str| {
        recorder
            .find("Chromium", Condition::Unthrottled, subject, TIME_TO_INTERACTIVE)
            .and_then(|s| s.summary())
            .map(|s| s.median)
    };
    MeasuredTimings {
        tti_ratio_unthrottled: median(Page::WidgetWithFallback.label())
            .zip(median(Page::Baseline.label()))
            .map(|(widget, baseline)| widget / baseline),
        toggle_p95_ms_cpu4x: recorder
            .find(
                "Chromium",
                Condition::Cpu4x,
                measure::SECTION_TOGGLE,
                INPUT_TO_PAINT,
            )
            .and_then(|s| s.percentile(95.0)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn parses_runs_and_checks() {
        let defaults = BenchOptions::parse(&[]).unwrap();
        assert_eq!(
            (
                defaults.runs,
                defaults.check_sizes,
                defaults.check_timings,
                defaults.scope
            ),
            (10, false, false, Scope::All)
        );
        let checked = BenchOptions::parse(&args(&["--runs", "3", "--check"])).unwrap();
        assert_eq!(
            (checked.runs, checked.check_sizes, checked.check_timings),
            (3, true, false)
        );
        let timings = BenchOptions::parse(&args(&["--check-timings"])).unwrap();
        assert!(timings.check_sizes && timings.check_timings);
        let scope = |arg: &str| BenchOptions::parse(&args(&[arg])).unwrap().scope;
        assert_eq!(scope("--latencies"), Scope::Latencies);
        assert_eq!(scope("--loads"), Scope::PageLoads);
        assert!(BenchOptions::parse(&args(&["--runs", "0"])).is_err());
        assert!(BenchOptions::parse(&args(&["--runs"])).is_err());
        assert!(BenchOptions::parse(&args(&["--fast"])).is_err());
    }
}
