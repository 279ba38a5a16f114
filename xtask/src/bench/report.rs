//! The bench's results: `target/bench/results.json` (every sample, the
//! machine, the browsers), the Markdown tables it prints and writes to
//! `target/bench/results.md`, and `docs/benchmark.md`: those tables under the
//! budgets they were checked against, the page the README links to.

use std::fmt::Write as _;

use serde::Serialize;

use super::budget::{thousands, Budget, MeasuredTimings, BUDGET_FILE};
use super::data::{FileComparison, FileHash, FileRow, FormularyResult, PageRequests};
use super::formulary;
use super::pages::{Page, WIDGET_PATH};
use super::series::*;
use super::stats::{median_ratio_interval, Summary};
use super::twiggy::CrateSize;

/// Crates the twiggy table names; the rest are summed in one row.
const TOP_CRATES: usize = 12;

#[derive(Debug, Serialize)]
pub struct Machine {
    pub cpu: String,
    pub cores: usize,
}

/// The CPU model and the number of logical cores in `/proc/cpuinfo`.
pub fn machine_from_cpuinfo(cpuinfo: &str) -> Machine {
    let value = |line: &str| line.split_once(':').map(|(_, v)| v.trim().to_owned());
    Machine {
        cpu: cpuinfo
            .lines()
            .find(|l| l.starts_with("model name"))
            .and_then(value)
            .unwrap_or_else(|| "unknown".into()),
        cores: cpuinfo.lines().filter(|l| l.starts_with("processor")).count(),
    }
}

#[derive(Debug, Serialize)]
pub struct SeriesResult<'a> {
    #[serde(flatten)]
    pub series: &'a Series,
    pub summary: Option<Summary>,
    pub p95: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct Report<'a> {
    pub date: String,
    pub machine: Machine,
    pub browsers: Vec<String>,
    pub runs: usize,
    pub runtime_seconds: f64,
    pub sizes: Vec<FileRow>,
    /// Every `.js` and `.wasm` file: what a plain page loads.
    pub widget_total: FileRow,
    pub wasm_by_crate: Option<Vec<CrateSize>>,
    /// Why `wasm_by_crate` is missing.
    pub wasm_by_crate_unavailable: Option<String>,
    pub series: Vec<SeriesResult<'a>>,
    pub formulary: FormularyResult,
    pub notes: Vec<&'static str>,
}

/// What the bench cannot measure, and how to read what it does.
pub const NOTES: [&str; 10] = [
    "Page loads: ms from navigation start, median (min–max) of 10 loads a run unthrottled and 3 under slow 4G; ÷ baseline is the ratio of the medians, with its 95% bootstrap interval (both series resampled 2,000 times: how far this bench's loads leave the ratio open). The pages load in the cycle widget, widget + fallback, baseline, widget, baseline, widget + fallback, so each comes right after each of the others equally often (a load right after the widget page is about 5 ms slower), after one unrecorded load of each.",
    "The bench's server compresses as a production server would (brotli quality 11 when the browser accepts it, else gzip), so under slow 4G the widget and the baseline cross the emulated network at their brotli sizes.",
    "Widget + fallback is the recommended embed, the snippet `cargo xtask dist` writes (dist/embed/nusinersen.html: the pinned loader and print stylesheet, the fallback pasted inside); widget is the element alone; baseline is the same fallback HTML as a static page with the leaflet's stylesheet inline.",
    "Time to interactive: when a section's disclosure has toggled. On widget + fallback and the baseline the probe clicks the second section's `<summary>` as soon as the document is parsed (readyState \"interactive\", before deferred scripts) and stops the clock when `open` changes; on the widget it clicks the second section's button as soon as it exists (checked every frame) and stops when `aria-expanded` changes. Widget interactive is that second clock on both widget pages: the leaflet's own button toggled, after it took over the fallback.",
    "Layout shift, JS heap and WASM memory of the pages come from separate loads, each in a fresh tab, without that click. Layout shift counts host content that moves (the rule below the leaflet); the pasted fallback's boxes are replaced, not moved, so they add nothing.",
    "Input to next painted frame: the click comes at the start of a frame (requestAnimationFrame) and the clock stops in a task posted then, which runs once that frame is styled, laid out and painted (a frame later if the change came later).",
    "WASM linear memory is the memory's buffer size, caught by the probe when the module is instantiated: it grows in 64 KiB pages and never shrinks, so it is a high-water mark. JS heap is V8's used heap after a forced GC, through the DevTools protocol (Chromium only).",
    "Repeat visits: each page twice from a server of its own (a new origin: nothing cached by other loads) that lets the browser keep the widget's files (Cache-Control: max-age; documents no-store); the first visit is cold, the second, after about:blank, finds them in the HTTP cache (and the WASM's compiled code where the browser caches it). Layout shift on upgrade: the widget + fallback page in a fresh tab opens the second and third sections of the fallback once parsed, holds the WASM's instantiation until that is painted, and sums the shifts from then until the leaflet has settled.",
    "Firefox: no network or CPU emulation through WebDriver (unthrottled rows only), no layout-shift entries (the Layout Instability API is Chromium's), no JS heap reading.",
    "Formulary: target/bench/dist-500 is built from 500 monographs (nusinersen, examplamab and 498 copies of examplamab, formulary-001 to formulary-498) through DRUG_LEAFLET_MONOGRAPHS; the nusinersen page's requests are its Resource Timing entries in Chromium (transfer size counts the response headers too). Drug set to shown: a fresh lab page from that dist shows the bundled leaflet (loaded unthrottled, then the condition applies), a new element gets drug=\"examplamab\" and is added, and the clock stops at its drug-leaflet-ready; the server sends Cache-Control: no-store, so every run fetches the file.",
];

pub fn markdown(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Measured {} on {} ({} cores), {}; {} runs, {:.0} s.\n",
        report.date,
        report.machine.cpu,
        report.machine.cores,
        report.browsers.join(", "),
        report.runs,
        report.runtime_seconds
    );
    sizes_table(&mut out, report);
    crates_table(&mut out, report);
    out.push_str(&page_load_table(report.series.iter().map(|s| s.series)));
    out.push_str(&latency_table(report.series.iter().map(|s| s.series)));
    scale_table(&mut out, report);
    formulary_tables(&mut out, report);
    for note in &report.notes {
        let _ = writeln!(out, "- {note}");
    }
    out
}

/// Where the bench writes its page of results, in the repository.
pub const BENCHMARK_PAGE: &str = "docs/benchmark.md";

/// `docs/benchmark.md`: the run's budgets, limit against measurement, then
/// the tables `markdown` gives.
pub fn benchmark_page(report: &Report, budget: &Budget, timings: &MeasuredTimings) -> String {
    let mut out = String::from("# Benchmark\n\n");
    let _ = writeln!(
        out,
        "Written by `cargo xtask bench` (this run: {} runs); do not edit it by hand, run the bench \
         again. The README's \"Benchmark\" section says what is measured and how; \
         `target/bench/results.json` holds every sample of the run.\n",
        report.runs
    );
    budget_table(&mut out, report, budget, timings);
    out.push_str("## Results\n\n");
    out.push_str(&markdown(report));
    out
}

/// Each limit of `bench/budget.toml` beside what this run measured.
fn budget_table(out: &mut String, report: &Report, budget: &Budget, timings: &MeasuredTimings) {
    let within = |ok: Option<bool>| match ok {
        Some(true) => "yes",
        Some(false) => "**no**",
        None => "not measured",
    };
    let _ = writeln!(
        out,
        "## Budgets\n\n| {BUDGET_FILE} | limit | measured | within |\n| --- | ---: | ---: | --- |"
    );
    for limit in &budget.files {
        let row = report.sizes.iter().find(|row| row.file == limit.name);
        for (kind, allowed, actual) in [
            ("raw bytes", limit.raw, row.map(|r| r.raw)),
            ("brotli", limit.brotli, row.map(|r| r.brotli)),
        ] {
            let _ = writeln!(
                out,
                "| {}, {kind} | {} | {} | {} |",
                limit.name,
                thousands(allowed),
                actual.map_or("missing".into(), thousands),
                within(actual.map(|actual| actual <= allowed))
            );
        }
    }
    let total = report.widget_total.brotli;
    let _ = writeln!(
        out,
        "| {}, brotli | {} | {} | {} |",
        report.widget_total.file,
        thousands(budget.widget.total_brotli),
        thousands(total),
        within(Some(total <= budget.widget.total_brotli))
    );
    let ratio = |value: f64| format!("{value:.2}x");
    let _ = writeln!(
        out,
        "| time to interactive of the snippet page (widget + fallback) over the baseline's (Chromium, unthrottled) | {} | {} | {} |",
        ratio(budget.timings.tti_ratio_unthrottled),
        timings.tti_ratio_unthrottled.map_or("–".into(), ratio),
        within(
            timings
                .tti_ratio_unthrottled
                .map(|value| value <= budget.timings.tti_ratio_unthrottled)
        )
    );
    let _ = writeln!(
        out,
        "| section toggle p95, input to paint (Chromium, 4x CPU) | {} | {} | {} |",
        value(budget.timings.toggle_p95_ms_cpu4x, Unit::Ms),
        timings
            .toggle_p95_ms_cpu4x
            .map_or("–".into(), |ms| value(ms, Unit::Ms)),
        within(
            timings
                .toggle_p95_ms_cpu4x
                .map(|ms| ms <= budget.timings.toggle_p95_ms_cpu4x)
        )
    );
    out.push_str("\nSizes are checked by `cargo xtask test` and `bench --check`, timings only by `bench --check-timings`.\n\n");
}

fn sizes_table(out: &mut String, report: &Report) {
    out.push_str("| dist/ file | raw bytes | gzip | brotli |\n| --- | ---: | ---: | ---: |\n");
    for row in &report.sizes {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            row.file,
            thousands(row.raw),
            thousands(row.gzip),
            thousands(row.brotli)
        );
    }
    let total = &report.widget_total;
    let _ = writeln!(
        out,
        "| **{}** | **{}** | **{}** | **{}** |\n",
        total.file,
        thousands(total.raw),
        thousands(total.gzip),
        thousands(total.brotli)
    );
}

fn crates_table(out: &mut String, report: &Report) {
    let Some(crates) = &report.wasm_by_crate else {
        let reason = report
            .wasm_by_crate_unavailable
            .as_deref()
            .unwrap_or("not measured");
        let _ = writeln!(out, "WASM by crate: not available ({reason}).\n");
        return;
    };
    let total: u64 = crates.iter().map(|c| c.bytes).sum();
    let share = |bytes: u64| 100.0 * bytes as f64 / total.max(1) as f64;
    out.push_str("| WASM by crate (twiggy, before wasm-opt; names and custom sections left out) | bytes | share |\n| --- | ---: | ---: |\n");
    for krate in crates.iter().take(TOP_CRATES) {
        let _ = writeln!(
            out,
            "| {} | {} | {:.1}% |",
            krate.name,
            thousands(krate.bytes as usize),
            share(krate.bytes)
        );
    }
    let rest: u64 = crates.iter().skip(TOP_CRATES).map(|c| c.bytes).sum();
    if rest > 0 {
        let count = crates.len() - TOP_CRATES;
        let _ = writeln!(
            out,
            "| {count} more crates | {} | {:.1}% |",
            thousands(rest as usize),
            share(rest)
        );
    }
    let _ = writeln!(out, "| **total** | **{}** | |\n", thousands(total as usize));
}

/// The page-load series among `series`: each page's median beside the
/// baseline's, by browser and conditions.
pub fn page_load_table<'a>(series: impl IntoIterator<Item = &'a Series>) -> String {
    let series: Vec<&Series> = series
        .into_iter()
        .filter(|s| s.group == Group::PageLoad)
        .collect();
    let mut out = String::from(
        "| page load | browser | network, CPU | widget + fallback (the snippet) | ÷ baseline (95% interval) | widget | ÷ baseline (95% interval) | baseline |\n\
         | --- | --- | --- | ---: | ---: | ---: | ---: | ---: |\n",
    );
    let mut rows: Vec<(&str, &str, &str, Unit)> = Vec::new();
    for s in &series {
        let row = (s.metric, s.browser, s.condition, s.unit);
        if !rows.contains(&row) {
            rows.push(row);
        }
    }
    // Grouped by browser and conditions, metrics in the order they were recorded.
    let mut blocks: Vec<(&str, &str)> = Vec::new();
    for (_, browser, condition, _) in &rows {
        if !blocks.contains(&(*browser, *condition)) {
            blocks.push((browser, condition));
        }
    }
    for (browser, condition) in blocks {
        for (metric, _, _, unit) in rows.iter().filter(|r| r.1 == browser && r.2 == condition) {
            let of = |page: Page| {
                series.iter().copied().find(|s| {
                    s.browser == browser
                        && s.condition == condition
                        && s.subject == page.label()
                        && s.metric == *metric
                })
            };
            let baseline = of(Page::Baseline);
            let cell = |page: Page| of(page).map_or("–".into(), |s| summary_cell(s, *unit));
            let ratio = |page: Page| ratio_cell(of(page), baseline, *unit);
            let _ = writeln!(
                out,
                "| {metric} | {browser} | {condition} | {} | {} | {} | {} | {} |",
                cell(Page::WidgetWithFallback),
                ratio(Page::WidgetWithFallback),
                cell(Page::Widget),
                ratio(Page::Widget),
                cell(Page::Baseline)
            );
        }
    }
    out.push('\n');
    out
}

/// The input-to-paint series among `series`, one row each.
pub fn latency_table<'a>(series: impl IntoIterator<Item = &'a Series>) -> String {
    let mut out = String::from(
        "| input to next painted frame, ms | browser | CPU | p50 | p95 | max | clicks |\n\
         | --- | --- | --- | ---: | ---: | ---: | ---: |\n",
    );
    for s in series.into_iter().filter(|s| s.group == Group::Interaction) {
        let Some(summary) = s.summary() else {
            continue;
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            s.subject,
            s.browser,
            s.condition,
            value(s.percentile(50.0).unwrap_or(f64::NAN), Unit::Ms),
            value(s.percentile(95.0).unwrap_or(f64::NAN), Unit::Ms),
            value(summary.max, Unit::Ms),
            summary.count
        );
    }
    out.push('\n');
    out
}

fn scale_table(out: &mut String, report: &Report) {
    out.push_str("| scale | measurement | browser | median (min–max) |\n| --- | --- | --- | ---: |\n");
    for series in report
        .series
        .iter()
        .map(|s| s.series)
        .filter(|s| s.group == Group::Scale)
    {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            series.subject,
            series.metric,
            series.browser,
            summary_cell(series, series.unit)
        );
    }
    out.push('\n');
}

fn formulary_tables(out: &mut String, report: &Report) {
    let result = &report.formulary;
    let yes_no = |same: bool| if same { "yes" } else { "**no**" };
    let _ = writeln!(
        out,
        "| the nusinersen page | {} | {} | same |\n| --- | ---: | ---: | --- |",
        formulary::DIST_LABEL,
        formulary::FORMULARY_LABEL
    );
    for file in &result.widget_files {
        let cell = |hash: &FileHash| format!("{} `{}`", thousands(hash.bytes), short_hash(&hash.sha384));
        let _ = writeln!(
            out,
            "| {}: bytes, SHA-384 | {} | {} | {} |",
            file.file,
            cell(&file.dist),
            cell(&file.formulary),
            yes_no(file.identical)
        );
    }
    if let [dist, formulary] = result.page_requests.as_slice() {
        let files = |page: &PageRequests| {
            let paths: Vec<&str> = page
                .requests
                .iter()
                .map(|r| r.path.strip_prefix(WIDGET_PATH).unwrap_or(&r.path))
                .collect();
            paths.join(", ")
        };
        let _ = writeln!(
            out,
            "| files requested (Chromium) | {} | {} | {} |",
            files(dist),
            files(formulary),
            yes_no(result.same_page_bytes && result.only_widget_files)
        );
        let bytes = |number: f64| thousands(number as usize);
        let _ = writeln!(
            out,
            "| bytes transferred (headers and brotli bodies) | {} | {} | {} |",
            bytes(dist.transferred()),
            bytes(formulary.transferred()),
            yes_no(dist.transferred() == formulary.transferred())
        );
        let _ = writeln!(
            out,
            "| response bodies (brotli) | {} | {} | {} |",
            bytes(dist.encoded()),
            bytes(formulary.encoded()),
            yes_no(result.same_page_bytes)
        );
    } else {
        out.push_str("| files requested (Chromium) | not measured | not measured | |\n");
    }
    let _ = writeln!(
        out,
        "| dist build time (WASM and prerenderer rebuilt) | {:.0} s | {:.0} s | |\n",
        result.dist_build_seconds, result.build_seconds
    );

    out.push_str("| a drug on demand | raw bytes | gzip | brotli | the same in both dists |\n| --- | ---: | ---: | ---: | --- |\n");
    for row in &result.drug_file_sizes {
        let identical = result
            .drug_files
            .iter()
            .find(|f| f.file == row.file)
            .is_some_and(|f: &FileComparison| f.identical);
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            row.file,
            thousands(row.raw),
            thousands(row.gzip),
            thousands(row.brotli),
            yes_no(identical)
        );
    }
    let requested: Vec<&str> = result
        .on_demand_requests
        .iter()
        .map(|path| path.strip_prefix(WIDGET_PATH).unwrap_or(path))
        .collect();
    let transfer = result.on_demand_transfer.as_ref().map_or(String::new(), |r| {
        format!(
            "; Chromium received {} bytes for it ({} of body)",
            thousands(r.transfer_size as usize),
            thousands(r.encoded_body_size as usize)
        )
    });
    let _ = writeln!(
        out,
        "\nRequests `drug=\"{}\"` added to a page showing nusinersen: {} ({} runs; only its own file, and the host door on its first use, in every run: {}){transfer}.\n",
        formulary::ON_DEMAND_DRUG,
        if requested.is_empty() { "none".into() } else { requested.join(", ") },
        result.on_demand_runs,
        yes_no(result.on_demand_only_its_file)
    );

    out.push_str("| drug set to leaflet shown (drug-leaflet-ready) | browser | network, CPU | median (min–max) | runs |\n| --- | --- | --- | ---: | ---: |\n");
    for series in report
        .series
        .iter()
        .map(|s| s.series)
        .filter(|s| s.group == Group::OnDemand)
    {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            series.subject,
            series.browser,
            series.condition,
            summary_cell(series, series.unit),
            series.samples.len()
        );
    }
    out.push('\n');
}

/// The start of an SRI hash, enough to tell two files apart in a table.
fn short_hash(integrity: &str) -> String {
    let digest = integrity.strip_prefix("sha384-").unwrap_or(integrity);
    format!("{}…", digest.chars().take(12).collect::<String>())
}

/// `median (min–max)`, or the median alone when every sample was the same.
pub fn summary_cell(series: &Series, unit: Unit) -> String {
    let Some(summary) = series.summary() else {
        return "–".into();
    };
    let median = value(summary.median, unit);
    let (min, max) = (value(summary.min, unit), value(summary.max, unit));
    if min == max {
        median
    } else {
        format!("{median} ({min}–{max})")
    }
}

/// The widget's median over the baseline's, with its 95% interval, for times only.
fn ratio_cell(widget: Option<&Series>, baseline: Option<&Series>, unit: Unit) -> String {
    let (Unit::Ms, Some((widget, baseline))) = (unit, widget.zip(baseline)) else {
        return "–".into();
    };
    let median = |s: &Series| s.summary().map(|s| s.median);
    match (median(widget), median(baseline)) {
        (Some(top), Some(bottom)) if bottom > 0.0 => {
            match median_ratio_interval(&widget.samples, &baseline.samples) {
                Some((low, high)) => format!("{:.2}x ({low:.2}–{high:.2})", top / bottom),
                None => format!("{:.2}x", top / bottom),
            }
        }
        _ => "–".into(),
    }
}

/// One number in its unit: ms with a decimal below 10, bytes in KiB.
pub fn value(number: f64, unit: Unit) -> String {
    if number.is_nan() {
        return "–".into();
    }
    match unit {
        Unit::Ms if number.abs() < 10.0 => format!("{number:.1} ms"),
        Unit::Ms => format!("{number:.0} ms"),
        Unit::Bytes => {
            let kib = number / 1024.0;
            let sign = if kib < 0.0 { "-" } else { "" };
            if kib.abs() < 10.0 {
                format!("{kib:.1} KiB")
            } else {
                format!("{sign}{} KiB", thousands(kib.abs().round() as usize))
            }
        }
        Unit::Count if number.fract() == 0.0 => format!("{number:.0}"),
        Unit::Count => format!("{number:.1}"),
        Unit::Score => format!("{number:.3}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::data::{Observed, Request};
    use crate::bench::series::DRUG_SET_TO_SHOWN;
    use crate::dist::FileSize;

    #[test]
    fn the_page_load_note_says_how_many_loads_a_run() {
        use crate::bench::{browser::Condition, measure::loads_a_run};
        let said = format!(
            "of {} loads a run unthrottled and {} under slow 4G",
            loads_a_run(Condition::Unthrottled),
            loads_a_run(Condition::Slow4g)
        );
        assert!(NOTES[0].contains(&said), "{}", NOTES[0]);
    }

    #[test]
    fn reads_the_cpu_model_and_cores() {
        let cpuinfo = "processor\t: 0\nmodel name\t: AMD EPYC 7B13\nflags\t: fpu\n\nprocessor\t: 1\nmodel name\t: AMD EPYC 7B13\n";
        let machine = machine_from_cpuinfo(cpuinfo);
        assert_eq!(machine.cpu, "AMD EPYC 7B13");
        assert_eq!(machine.cores, 2);
    }

    #[test]
    fn the_formulary_tables_compare_the_dists_and_time_the_drug_on_demand() {
        let request = |path: &str, body: f64| Request {
            path: format!("{WIDGET_PATH}{path}"),
            transfer_size: body + 300.0,
            encoded_body_size: body,
            decoded_body_size: body * 3.0,
        };
        let page = |dist| PageRequests {
            dist,
            requests: formulary::WIDGET_FILES
                .iter()
                .map(|file| request(file, 1_000.0))
                .collect(),
        };
        let observed = Observed {
            page_requests: vec![page(formulary::DIST_LABEL), page(formulary::FORMULARY_LABEL)],
            on_demand_requests: vec![vec![request("monographs/examplamab.json", 1_400.0)]],
        };
        let sizes = [FileSize {
            path: "monographs/examplamab.json".into(),
            raw: 5_940,
            gzip: 1_709,
            brotli: 1_403,
        }];
        let on_demand = Series {
            group: Group::OnDemand,
            browser: "Chromium",
            condition: "none",
            subject: formulary::ON_DEMAND,
            metric: DRUG_SET_TO_SHOWN.name,
            unit: Unit::Ms,
            samples: vec![20.0, 30.0, 40.0],
        };
        let row = |file: &str| FileRow {
            file: file.into(),
            raw: 0,
            gzip: 0,
            brotli: 0,
        };
        let report = Report {
            date: "2026-11-27T12:03:04Z".into(),
            machine: machine_from_cpuinfo(""),
            browsers: vec!["Chromium 1".into()],
            runs: 3,
            runtime_seconds: 1.0,
            sizes: vec![],
            widget_total: row("widget total"),
            wasm_by_crate: None,
            wasm_by_crate_unavailable: None,
            series: vec![SeriesResult {
                series: &on_demand,
                summary: on_demand.summary(),
                p95: on_demand.percentile(95.0),
            }],
            formulary: formulary::result(
                (100.0, 50.0),
                vec![formulary::compare("drug-leaflet.js", b"loader", b"loader")],
                vec![formulary::compare("monographs/examplamab.json", b"{}", b"{}")],
                &sizes,
                observed,
            ),
            notes: vec![],
        };
        let markdown = markdown(&report);
        let hash = short_hash(&crate::dist::integrity(b"loader"));
        for line in [
            format!("| drug-leaflet.js: bytes, SHA-384 | 6 `{hash}` | 6 `{hash}` | yes |"),
            "| files requested (Chromium) | drug-leaflet.js, drug-leaflet-core.js, drug-leaflet-core_bg.wasm | drug-leaflet.js, drug-leaflet-core.js, drug-leaflet-core_bg.wasm | yes |".into(),
            "| bytes transferred (headers and brotli bodies) | 3,900 | 3,900 | yes |".into(),
            "| response bodies (brotli) | 3,000 | 3,000 | yes |".into(),
            "| dist build time (WASM and prerenderer rebuilt) | 50 s | 100 s | |".into(),
            "| monographs/examplamab.json | 5,940 | 1,709 | 1,403 | yes |".into(),
            "| examplamab on demand (500-monograph dist) | Chromium | none | 30 ms (20 ms–40 ms) | 3 |".into(),
        ] {
            assert!(markdown.lines().any(|l| l == line), "no line {line:?} in:\n{markdown}");
        }
        assert!(markdown.contains(
            "added to a page showing nusinersen: monographs/examplamab.json (1 runs; only its own file, and the host door on its first use, in every run: yes)"
        ));
    }

    #[test]
    fn the_benchmark_page_sets_each_budget_beside_the_run() {
        let budget = Budget::parse(
            "[[files]]\nname = \"drug-leaflet.js\"\nraw = 2500\nbrotli = 900\n\n\
             [[files]]\nname = \"gone.js\"\nraw = 1\nbrotli = 1\n\n\
             [widget]\ntotal_brotli = 127500\n\n\
             [timings]\ntti_ratio_unthrottled = 1.5\ntoggle_p95_ms_cpu4x = 16.0\n",
        )
        .unwrap();
        let row = |file: &str, raw, brotli| FileRow {
            file: file.into(),
            raw,
            gzip: 0,
            brotli,
        };
        let report = Report {
            date: "2026-11-27T12:03:04Z".into(),
            machine: machine_from_cpuinfo("processor\t: 0\nmodel name\t: AMD EPYC\n"),
            browsers: vec!["Chromium 1".into(), "Firefox 2".into()],
            runs: 1,
            runtime_seconds: 60.0,
            sizes: vec![row("drug-leaflet.js", 2_059, 926)],
            widget_total: row("widget total (js + wasm)", 378_085, 126_176),
            wasm_by_crate: None,
            wasm_by_crate_unavailable: None,
            series: vec![],
            formulary: formulary::result((1.0, 1.0), vec![], vec![], &[], Observed::default()),
            notes: vec![],
        };
        let timings = MeasuredTimings {
            tti_ratio_unthrottled: Some(2.12),
            toggle_p95_ms_cpu4x: None,
        };
        let page = benchmark_page(&report, &budget, &timings);
        assert!(page.starts_with("# Benchmark\n\nWritten by `cargo xtask bench` (this run: 1 runs)"));
        for line in [
            "| drug-leaflet.js, raw bytes | 2,500 | 2,059 | yes |",
            "| drug-leaflet.js, brotli | 900 | 926 | **no** |",
            "| gone.js, raw bytes | 1 | missing | not measured |",
            "| widget total (js + wasm), brotli | 127,500 | 126,176 | yes |",
            "| time to interactive of the snippet page (widget + fallback) over the baseline's (Chromium, unthrottled) | 1.50x | 2.12x | **no** |",
            "| section toggle p95, input to paint (Chromium, 4x CPU) | 16 ms | – | not measured |",
            "Measured 2026-11-27T12:03:04Z on AMD EPYC (1 cores), Chromium 1, Firefox 2; 1 runs, 60 s.",
        ] {
            assert!(page.lines().any(|l| l == line), "no line {line:?} in:\n{page}");
        }
    }

    #[test]
    fn formats_values_in_their_units() {
        assert_eq!(value(4.26, Unit::Ms), "4.3 ms");
        assert_eq!(value(512.4, Unit::Ms), "512 ms");
        assert_eq!(value(2_228_224.0, Unit::Bytes), "2,176 KiB");
        assert_eq!(value(-3_000.0, Unit::Bytes), "-2.9 KiB");
        assert_eq!(value(3.0, Unit::Count), "3");
        assert_eq!(value(0.01234, Unit::Score), "0.012");
    }
}
