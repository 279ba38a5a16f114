//! `cargo xtask <command>`: see `cargo xtask help`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use xtask::serve::StaticServer;
use xtask::toolchain::{Needs, Toolchain};
use xtask::{bench, ci, content, dist, epi, fuzz, package, project_root, review, spl};

const HELP: &str = "\
cargo xtask <command>

  demo [--port N]        install what is missing, build dist/ and serve it on 127.0.0.1 (default port 8000)
  test                   install what is missing and run every test (what .ci/run runs)
  dist [--require-review | --crash-test]
                         build the embeddable files into dist/, after a line a monograph on its sign-offs and
                         the sources it may not publish yet; --require-review fails instead, naming each added
                         text not signed off and each source needing a permission that has none; --crash-test
                         builds into target/dist-crash-test/ with the test-only feature that makes toggling the
                         storage section panic
  package [--apps]       build dist/, then the npm package for bundler apps into target/package/ and
                         pack it (npm pack) into target/drug-leaflet-<version>.tgz; --apps also builds the
                         apps in tests/package/ with it and runs tsc on its types, as `test` does before
                         `cargo test -p drug-leaflet-e2e -- --ignored bundlers`
  check-content [FILE]   validate monographs (default: monographs/*.toml) and report long sentences, the
                         added texts not signed off and the sources whose reuse is not cleared
  review <id> [--out FILE]
                         write the pharmacist's review sheet (HTML, prints on A4 and Letter) to
                         target/review/<id>.html (or FILE)
  review <id> --sign (--sheet <sheet id> | --only <hash,...>) --reviewer \"<name>\" --role \"<role>\"
             [--registration \"<number>\"] [--date YYYY-MM-DD]
                         record a sign-off in monographs/<id>.review.toml of every text the sheet listed
                         (refused if any changed since it was written), or only those hashes; the date
                         defaults to today (UTC)
  review <id> --migrate  move an old [meta.additions.review] table into monographs/<id>.review.toml
  import-epi <bundle.json> --jurisdiction <code> [--id <slug>] [--urgent <section>] [--reviewed-by <who>]
             [--language <tag>] [--generic-name <name>] [--dosage-form <form>] [--example] [--out <dir>]
                         convert a FHIR ePI package leaflet into monographs/<id>.toml (or <dir>), checked by
                         the same rules; --urgent names the ePI section (e.g. section[3].section[0]) whose
                         first list (else its paragraphs) is the 'get medical help' box; --reviewed-by says who
                         reviewed a leaflet whose Composition names no attester; --language, --generic-name and
                         --dosage-form give what the bundle does not; --example marks made-up data; prints an
                         import report, writes nothing on errors
  import-spl <file.xml|dir>... [--out <dir>] [--id <slug>] [--urgent <heading>]
                         convert the patient sections (Medication Guide, Patient Package Insert, Patient
                         Medication Information, Instructions for Use) of FDA SPL documents (a folder: its *.xml)
                         into monographs/<id>.toml (or <dir>), one a document, checked by the same rules;
                         --urgent names the heading whose first list is the 'get medical help' box (default:
                         the 'most important information' list); a report per file; documents without a patient
                         section are skipped; exits non-zero if any file failed or needs an --urgent decision
  bench [--runs N] [--check] [--check-timings] [--latencies] [--loads]
                         build dist/ and measure the widget against the same monograph as a static page in
                         headless Chromium and Firefox (N runs, default 10: 10 loads of each page a run, 3
                         under slow 4G); tables in target/bench/ and, with the budgets, in docs/benchmark.md;
                         --check fails on sizes over bench/budget.toml, --check-timings on timings too;
                         --latencies measures and prints only the clicks' input-to-paint latencies,
                         --loads only the page loads and their ratios to the baseline (nothing written)
  fuzz [--seconds N] [--seed S]
                         random and mutated monographs (TOML text, JSON) through the monograph's doors
                         for N seconds (default 60); fails on a panic, saving the input in target/fuzz/
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
        "test" => ci::run(&root),
        "dist" => match rest {
            [] => build_dist(&root, false),
            [flag] if flag == "--require-review" => build_dist(&root, true),
            [flag] if flag == "--crash-test" => {
                let tools = Toolchain::ensure(&root, Needs::Build)?;
                dist::build_crash_test(&root, &tools).map(|_| ())
            }
            _ => bail!("dist takes --require-review or --crash-test"),
        },
        "review" => review::run(&root, rest),
        "package" => {
            let with_apps = match rest {
                [] => false,
                [flag] if flag == "--apps" => true,
                _ => bail!("package takes only --apps"),
            };
            let tools = Toolchain::ensure(&root, Needs::Build)?;
            let dist = dist::build(&root, &tools)?;
            let tarball = package::write(&root, &dist)?;
            if with_apps {
                let counts = package::build_and_check_apps(&root, &tools, &dist, &tarball)?;
                if counts.failed > 0 {
                    bail!("{} type check(s) failed", counts.failed);
                }
            }
            Ok(())
        }
        "check-content" => {
            let files = if rest.is_empty() {
                content::monograph_files(&root)?
            } else {
                rest.iter().map(PathBuf::from).collect()
            };
            content::check(&files)
        }
        "import-epi" => epi::run(&root, rest),
        "import-spl" => spl::run(&root, rest),
        "bench" => bench::run(&root, bench::BenchOptions::parse(rest)?),
        "fuzz" => {
            let (seconds, seed) = parse_fuzz_args(rest)?;
            fuzz::run_and_report(&root, Duration::from_secs(seconds), seed)
        }
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

/// `dist/`, after the content summary; with `require_review`, nothing is
/// built while any text is unsigned or any source uncleared.
fn build_dist(root: &std::path::Path, require_review: bool) -> Result<()> {
    let monographs = root.join("monographs");
    if require_review {
        let problems = dist::publishing_problems(&monographs);
        if !problems.is_empty() {
            bail!(
                "--require-review: {} thing(s) to settle before publishing (`cargo xtask review <id>` writes the \
                 review sheet; README \"Content and licences\" says how to record a permission):\n{}",
                problems.len(),
                problems.join("\n")
            );
        }
    }
    for line in dist::content_summary(&monographs)? {
        println!("{line}");
    }
    let tools = Toolchain::ensure(root, Needs::Build)?;
    dist::build(root, &tools).map(|_| ())
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

fn parse_fuzz_args(args: &[String]) -> Result<(u64, u64)> {
    let mut seconds = 60;
    let mut seed = fuzz::new_seed();
    for pair in args.chunks(2) {
        match pair {
            [flag, n] if flag == "--seconds" => {
                seconds = n
                    .parse()
                    .with_context(|| format!("--seconds takes a number, not {n:?}"))?
            }
            [flag, s] if flag == "--seed" => {
                seed = s
                    .parse()
                    .with_context(|| format!("--seed takes a number, not {s:?}"))?
            }
            _ => bail!("fuzz takes --seconds N and --seed S"),
        }
    }
    Ok((seconds, seed))
}

fn demo(root: &std::path::Path, port: u16) -> Result<()> {
    let tools = Toolchain::ensure(root, Needs::Build)?;
    let dist = dist::build(root, &tools)?;
    let server = StaticServer::start(port, vec![("/".into(), dist)])?;
    println!(
        "The demo portal with the nusinersen leaflet (and examplamab, example data loaded on demand): {}",
        server.url("/")
    );
    println!("Press Ctrl+C to stop.");
    loop {
        std::thread::park();
    }
}
