//! `bench/budget.toml`: byte limits for the files a page loads, checked by
//! `cargo xtask test` and `cargo xtask bench --check`, and timing limits
//! relative to the baseline page, checked only with `--check-timings`.

use std::fs;
use std::path::Path;

use anyhow::{bail, Context, Result};
use serde::Deserialize;

use crate::dist::{self, FileSize};

pub const BUDGET_FILE: &str = "bench/budget.toml";

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    pub files: Vec<FileBudget>,
    pub widget: WidgetBudget,
    pub timings: TimingBudget,
}

/// Exact limits in bytes for one file in dist/.
#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FileBudget {
    pub name: String,
    pub raw: usize,
    pub brotli: usize,
}

/// What a plain page loads: every `.js` and `.wasm` file in dist/ but the
/// host door's, which a page loads only when it hands a leaflet a monograph.
#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct WidgetBudget {
    pub total_brotli: usize,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TimingBudget {
    /// The widget page's time to interactive over the baseline's (Chromium, no throttling).
    pub tti_ratio_unthrottled: f64,
    /// A section toggle's input-to-paint p95 in ms under 4x CPU slowdown (Chromium):
    /// one frame at 60 Hz, whatever the baseline does.
    pub toggle_p95_ms_cpu4x: f64,
}

/// The timings `TimingBudget` limits, as measured in one bench run.
#[derive(Clone, Copy, Debug, Default)]
pub struct MeasuredTimings {
    pub tti_ratio_unthrottled: Option<f64>,
    pub toggle_p95_ms_cpu4x: Option<f64>,
}

impl Budget {
    pub fn load(root: &Path) -> Result<Budget> {
        let path = root.join(BUDGET_FILE);
        let text = fs::read_to_string(&path).with_context(|| format!("reading {BUDGET_FILE}"))?;
        Budget::parse(&text).with_context(|| format!("{BUDGET_FILE} is not a valid budget"))
    }

    pub fn parse(text: &str) -> Result<Budget> {
        Ok(toml::from_str(text)?)
    }

    /// One line for each limit `sizes` (of dist/) exceeds, or a budgeted file it lacks.
    pub fn size_violations(&self, sizes: &[FileSize]) -> Vec<String> {
        let mut violations = Vec::new();
        for limit in &self.files {
            let Some(size) = sizes.iter().find(|s| s.path == limit.name) else {
                violations.push(format!(
                    "dist/{} is missing, but {BUDGET_FILE} has a budget for it",
                    limit.name
                ));
                continue;
            };
            for (kind, actual, allowed) in [
                ("raw", size.raw, limit.raw),
                ("brotli", size.brotli, limit.brotli),
            ] {
                if actual > allowed {
                    violations.push(over_budget(
                        &format!("dist/{} ({kind})", limit.name),
                        actual,
                        allowed,
                    ));
                }
            }
        }
        let total = widget_total_brotli(sizes);
        if total > self.widget.total_brotli {
            violations.push(over_budget(
                "the widget total (js + wasm, brotli)",
                total,
                self.widget.total_brotli,
            ));
        }
        violations
    }

    /// One line for each timing over its limit or not measured.
    pub fn timing_violations(&self, measured: &MeasuredTimings) -> Vec<String> {
        let limits = [
            (
                "time to interactive over the baseline's (Chromium, unthrottled)",
                measured.tti_ratio_unthrottled,
                self.timings.tti_ratio_unthrottled,
                "x",
            ),
            (
                "section toggle p95 under 4x CPU slowdown (Chromium)",
                measured.toggle_p95_ms_cpu4x,
                self.timings.toggle_p95_ms_cpu4x,
                " ms",
            ),
        ];
        limits
            .into_iter()
            .filter_map(|(what, value, limit, unit)| match value {
                None => Some(format!("{what} was not measured (budget {limit}{unit})")),
                Some(value) if value > limit => Some(format!(
                    "{what} is {value:.2}{unit}, over its budget of {limit}{unit} in {BUDGET_FILE}"
                )),
                Some(_) => None,
            })
            .collect()
    }
}

/// Brotli bytes of what a plain page loads (`is_widget_file`).
pub fn widget_total_brotli(sizes: &[FileSize]) -> usize {
    sizes
        .iter()
        .filter(|s| dist::is_widget_file(&s.path))
        .map(|s| s.brotli)
        .sum()
}

fn over_budget(what: &str, actual: usize, allowed: usize) -> String {
    format!(
        "{what} is {} bytes, over its budget of {} bytes in {BUDGET_FILE} by {}",
        thousands(actual),
        thousands(allowed),
        thousands(actual - allowed)
    )
}

/// `1234567` as `1,234,567`.
pub fn thousands(value: usize) -> String {
    let digits = value.to_string();
    let mut grouped = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

/// The size part of the budget, for `cargo xtask test`: no browser needed.
pub fn check_dist_sizes(root: &Path, dist: &Path) -> Result<()> {
    let budget = Budget::load(root)?;
    let violations = budget.size_violations(&dist::sizes(dist)?);
    if !violations.is_empty() {
        bail!("size budget exceeded:\n  {}", violations.join("\n  "));
    }
    println!("size budget: every file within {BUDGET_FILE}");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const BUDGET: &str = r#"
        [[files]]
        name = "app.wasm"
        raw = 1000
        brotli = 400

        [[files]]
        name = "app.js"
        raw = 200
        brotli = 100

        [widget]
        total_brotli = 480

        [timings]
        tti_ratio_unthrottled = 1.5
        toggle_p95_ms_cpu4x = 16.0
    "#;

    fn size(path: &str, raw: usize, brotli: usize) -> FileSize {
        FileSize {
            path: path.into(),
            raw,
            gzip: 0,
            brotli,
        }
    }

    #[test]
    fn parses_the_budget_and_refuses_unknown_fields() {
        let budget = Budget::parse(BUDGET).unwrap();
        assert_eq!(budget.files[0].name, "app.wasm");
        assert_eq!(budget.files[1].brotli, 100);
        assert_eq!(budget.widget.total_brotli, 480);
        assert_eq!(budget.timings.toggle_p95_ms_cpu4x, 16.0);
        let typo = BUDGET.replace("total_brotli", "totl_brotli");
        assert!(Budget::parse(&typo).is_err());
    }

    #[test]
    fn sizes_at_their_limits_pass() {
        let budget = Budget::parse(BUDGET).unwrap();
        let sizes = [
            size("app.wasm", 1000, 400),
            size("app.js", 200, 80),
            size("fallback.html", 9999, 9999),
        ];
        assert_eq!(budget.size_violations(&sizes), Vec::<String>::new());
    }

    #[test]
    fn names_each_file_its_size_and_its_budget() {
        let budget = Budget::parse(BUDGET).unwrap();
        let sizes = [size("app.wasm", 1001, 450), size("other.js", 10, 5)];
        assert_eq!(
            budget.size_violations(&sizes),
            vec![
                "dist/app.wasm (raw) is 1,001 bytes, over its budget of 1,000 bytes in bench/budget.toml by 1",
                "dist/app.wasm (brotli) is 450 bytes, over its budget of 400 bytes in bench/budget.toml by 50",
                "dist/app.js is missing, but bench/budget.toml has a budget for it",
            ]
        );
        let heavy_extra = [
            size("app.wasm", 900, 400),
            size("app.js", 100, 80),
            size("more.js", 10, 5),
        ];
        assert_eq!(
            budget.size_violations(&heavy_extra),
            vec!["the widget total (js + wasm, brotli) is 485 bytes, over its budget of 480 bytes in bench/budget.toml by 5"]
        );
    }

    #[test]
    fn timings_over_their_limit_or_missing_are_reported() {
        let budget = Budget::parse(BUDGET).unwrap();
        let fine = MeasuredTimings {
            tti_ratio_unthrottled: Some(1.2),
            toggle_p95_ms_cpu4x: Some(16.0),
        };
        assert!(budget.timing_violations(&fine).is_empty());
        let slow = MeasuredTimings {
            tti_ratio_unthrottled: Some(2.0),
            toggle_p95_ms_cpu4x: None,
        };
        let violations = budget.timing_violations(&slow);
        assert_eq!(violations.len(), 2);
        assert!(
            violations[0].contains("is 2.00x, over its budget of 1.5x"),
            "{}",
            violations[0]
        );
        assert!(violations[1].contains("was not measured"), "{}", violations[1]);
    }

    #[test]
    fn groups_thousands() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
