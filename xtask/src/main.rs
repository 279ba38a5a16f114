//! `cargo xtask <command>`: see `cargo xtask help`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use xtask::process::{run, run_tests, TestCounts};
use xtask::serve::StaticServer;
use xtask::toolchain::{Needs, Toolchain};
use xtask::{bench, content, dist, project_root};

const HELP: &str = "\
cargo xtask <command>

  demo [--port N]        install what is missing, build dist/ and serve it on 127.0.0.1 (default port 8000)
  test                   install what is missing and run every test (what .ci/run runs)
  dist [--crash-test]    build the embeddable files into dist/ (--crash-test: into target/dist-crash-test/ with
                         the test-only feature that makes toggling the storage section panic)
  check-content [FILE]   validate monographs (default: monographs/*.toml) and report long sentences
  bench [--runs N] [--check] [--check-timings]
                         build dist/ and measure the widget against the same monograph as a static page in
                         headless Chromium and Firefox (N loads of each page, default 10); tables in
                         target/bench/; --check fails on sizes over bench/budget.toml, --check-timings on timings too
  screenshots            build dist/ and write PNGs of the demo (desktop, 320 px, dark, forced colours, print)
                         into target/screenshots/
";

fn main() -> ExitCode {
    match run_command(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run_command(args: Vec<String>) -> Result<()> {
    let root = project_root();
    let (command, rest) = args
        .split_first()
        .map_or(("help", &[][..]), |(c, r)| (c.as_str(), r));
    match command {
        "demo" => demo(&root, parse_port(rest)?),
        "test" => test(&root),
        "dist" => {
            let tools = Toolchain::ensure(&root, Needs::Build)?;
            match rest {
                [] => dist::build(&root, &tools).map(|_| ()),
                [flag] if flag == "--crash-test" => dist::build_crash_test(&root, &tools).map(|_| ()),
                _ => bail!("dist takes only --crash-test"),
            }
        }
        "check-content" => {
            let files = if rest.is_empty() {
                content::monograph_files(&root)?
            } else {
                rest.iter().map(PathBuf::from).collect()
            };
            content::check(&files)
        }
        "bench" => bench::run(&root, bench::BenchOptions::parse(rest)?),
        "screenshots" => {
            let tools = Toolchain::ensure(&root, Needs::Test)?;
            let dist = dist::build(&root, &tools)?;
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()?;
            runtime
                .block_on(xtask::screenshots::write_all(&root, &dist))
                .map(|_| ())
        }
        "help" | "--help" | "-h" => {
            print!("{HELP}");
            Ok(())
        }
        other => bail!("unknown command {other:?}\n\n{HELP}"),
    }
}

fn parse_port(args: &[String]) -> Result<u16> {
    match args {
        [] => Ok(8000),
        [flag, port] if flag == "--port" => port
            .parse()
            .with_context(|| format!("--port takes a number, not {port:?}")),
        _ => bail!("demo takes only --port N"),
    }
}

fn demo(root: &std::path::Path, port: u16) -> Result<()> {
    let tools = Toolchain::ensure(root, Needs::Build)?;
    let dist = dist::build(root, &tools)?;
    let server = StaticServer::start(port, vec![("/".into(), dist)])?;
    println!("The demo portal with the nusinersen leaflet: {}", server.url("/"));
    println!("Press Ctrl+C to stop.");
    loop {
        std::thread::park();
    }
}

fn test(root: &std::path::Path) -> Result<()> {
    let tools = Toolchain::ensure(root, Needs::Test)?;
    run(tools.command("cargo")?.args(["fmt", "--all", "--", "--check"]))?;
    run(tools.command("cargo")?.args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--all-features",
        "--",
        "-D",
        "warnings",
    ]))?;
    run(tools.command("cargo")?.args([
        "clippy",
        "--lib",
        "--tests",
        "--target",
        xtask::toolchain::WASM_TARGET,
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
                "leaks",
            ])
            // The runner's limit for one test file (default 20 s): `leaks`
            // renders 2,000 leaflets in a debug build, about 50 s.
            .env("WASM_BINDGEN_TEST_TIMEOUT", "300"),
    )?);
    // The crash test's build first, so the shipped one is the last built.
    dist::build_crash_test(root, &tools)?;
    let dist = dist::build(root, &tools)?;
    counts.add(run_tests(tools.command("cargo")?.args([
        "test",
        "--test",
        "e2e",
        "--",
        "--ignored",
    ]))?);
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
