//! `cargo xtask test`, what `.ci/run` runs: formatting and lints, the native
//! and the browser (wasm-pack) tests, dist/ and the npm package with the apps
//! that bundle it, the end-to-end tests against them, a short fuzzing run and
//! the size budget. Every runner's passes and failures are summed into one
//! closing line.

use std::path::Path;
use std::time::Duration;

use anyhow::{bail, Result};

use crate::process::{self, run_tests, TestCounts};
use crate::toolchain::{Needs, Toolchain, WASM_TARGET};
use crate::{bench, dist, fuzz, package};

pub fn run(root: &Path) -> Result<()> {
    let tools = Toolchain::ensure(root, Needs::Test)?;
    process::run(tools.command("cargo")?.args(["fmt", "--all", "--", "--check"]))?;
    process::run(tools.command("cargo")?.args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--all-features",
        "--",
        "-D",
        "warnings",
    ]))?;
    process::run(tools.command("cargo")?.args([
        "clippy",
        "--lib",
        "--tests",
        "--target",
        WASM_TARGET,
        "--",
        "-D",
        "warnings",
    ]))?;

    let mut counts = TestCounts::default();
    counts.add(run_tests(tools.command("cargo")?.args(["test", "--workspace"]))?);
    counts.add(run_tests(
        tools
            .command("wasm-pack")?
            .args([
                "test",
                "--headless",
                "--chrome",
                "--firefox",
                "--",
                "--test",
                "leaflet",
                "--test",
                "element_api",
                "--test",
                "host_door",
                "--test",
                "leaks",
                "--test",
                "memory",
                "--test",
                "read_aloud",
            ])
            // The runner's limit for one test file (default 20 s): the host door's
            // 10,000 generated monographs take about 15 s; `leaks` renders 2,000
            // leaflets in a debug build, about 50 s.
            .env("WASM_BINDGEN_TEST_TIMEOUT", "300"),
    )?);
    // The crash test's build first, so the shipped one is the last built.
    dist::build_crash_test(root, &tools)?;
    let dist = dist::build(root, &tools)?;
    // The npm package and the apps that bundle it: the e2e tests serve their builds.
    let tarball = package::write(root, &dist)?;
    counts.add(package::build_and_check_apps(root, &tools, &dist, &tarball)?);
    counts.add(run_tests(tools.command("cargo")?.args([
        "test",
        "-p",
        "drug-leaflet-e2e",
        "--",
        "--ignored",
    ]))?);
    // A short fuzzing run of the monograph's doors, counted like a test.
    match fuzz::run_and_report(root, Duration::from_secs(15), fuzz::new_seed()) {
        Ok(()) => counts.passed += 1,
        Err(error) => {
            eprintln!("error: {error:#}");
            counts.failed += 1;
        }
    }
    // The size budget needs no browser: one more check, counted like a test.
    // It holds for the standard build (std rebuilt from rust-src); the offline
    // fallback's prebuilt std is about 10 KB brotli larger, so there it warns.
    match bench::budget::check_dist_sizes(root, &dist) {
        Ok(()) => counts.passed += 1,
        Err(error) if !tools.std_sources() => {
            eprintln!(
                "warning: {error:#}\n(prebuilt std without rust-src: the budget is for the standard build)"
            );
            counts.passed += 1;
        }
        Err(error) => {
            eprintln!("error: {error:#}");
            counts.failed += 1;
        }
    }
    // One closing line in the plain form CI reads, summed from every runner's summary.
    println!("xtask: {} passed, {} failed", counts.passed, counts.failed);
    if counts.failed > 0 {
        bail!("{} test(s) failed", counts.failed);
    }
    Ok(())
}
