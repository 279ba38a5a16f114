//! `cargo xtask fuzz [--seconds N]`: random and mutated input through the
//! native doors of the monograph, for N seconds, on stable Rust (`cargo fuzz`
//! needs nightly). Two doors:
//!
//! - TOML text -> `monograph::loader::parse` (what the build and
//!   `check-content` run on a monograph file);
//! - JSON text -> `monograph::json::parse` (the host door's shape walk, serde
//!   and rules, as on a host page's object).
//!
//! Inputs start from the bundled monographs and the small fixture and are
//! changed at random: bytes flipped, inserted, deleted, repeated, tokens from
//! a dictionary, splices of two seeds, and for JSON, changes to the parsed
//! tree (a value replaced, deleted, duplicated, nested deeper). A panic is a
//! failure: the input is saved under `target/fuzz/` and the run fails. A
//! refusal must name at least one problem, each with a path and a message.

use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use monograph::{json, loader};
use serde_json::Value;

/// Bytes and fragments that matter to the two formats and to the rules.
const TOKENS: &[&str] = &[
    "\"",
    "'",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "=",
    "\n",
    "\\",
    "\\u0000",
    "\\ud800",
    "null",
    "true",
    "1e999",
    "-0",
    "NaN",
    "[[",
    "]]",
    "|",
    "[[sections]]",
    "[[sections.blocks]]",
    "[[summary]]",
    "kind = \"urgent\"",
    "\"kind\": \"urgent\"",
    "\"items\": []",
    "source",
    "doc",
    "#",
    "2026-02-30",
    "\u{202E}",
    "\u{FFFD}",
    "javascript:",
    "<script>",
];

/// Field names a monograph has, for the fields a tree change adds.
const FIELDS: &[&str] = &[
    "meta",
    "sources",
    "summary",
    "sections",
    "id",
    "title",
    "kind",
    "text",
    "lead",
    "heading",
    "items",
    "blocks",
    "source",
    "doc",
    "section",
    "term",
    "definition",
    "additions",
    "reviews",
    "texts",
    "jurisdiction",
    "example",
    "rights",
    "short_name",
    "compiled",
    "language",
    "based_on",
    "revised",
    "note",
    "publisher",
    "__proto__",
];

/// The largest JSON input checked, in bytes.
const MAX_INPUT: usize = 4 << 20;

/// How a run went.
#[derive(Debug, Default)]
pub struct Summary {
    pub toml_runs: u64,
    pub json_runs: u64,
    pub elapsed: Duration,
    /// The longest time a door took on one input.
    pub slowest: Duration,
}

/// The failure of one input: what it was and what went wrong.
struct Finding {
    door: &'static str,
    input: Vec<u8>,
    what: String,
}

/// A new seed each run unless one is given: the run prints it for replaying.
pub fn new_seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64)
}

/// `run`, with a line before naming the seed and one after summing it up.
pub fn run_and_report(root: &Path, duration: Duration, seed: u64) -> Result<()> {
    println!("fuzz: {} s, --seed {seed}", duration.as_secs());
    let summary = run(root, duration, seed)?;
    println!(
        "fuzz: {} inputs in {:.1} s ({} TOML, {} JSON), no panic; the slowest took {} ms",
        summary.toml_runs + summary.json_runs,
        summary.elapsed.as_secs_f64(),
        summary.toml_runs,
        summary.json_runs,
        summary.slowest.as_millis()
    );
    Ok(())
}

/// Fuzzes both doors for `duration`; fails on the first panic or broken
/// refusal, with the input saved in `target/fuzz/`.
pub fn run(root: &Path, duration: Duration, seed: u64) -> Result<Summary> {
    let toml_seeds = toml_seeds(root)?;
    let json_seeds = json_seeds(root, &toml_seeds)?;
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut summary = Summary::default();
    // Panics are caught and reported with their input, not printed as they happen.
    let default_hook = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    let started = Instant::now();
    let finding = loop {
        if started.elapsed() >= duration {
            break None;
        }
        let (door, input) = if rng.bool() {
            summary.toml_runs += 1;
            ("TOML", mutate_bytes(&mut rng, &toml_seeds))
        } else {
            summary.json_runs += 1;
            let input = if rng.u8(..4) == 0 {
                mutate_bytes(&mut rng, &json_seeds)
            } else {
                mutate_tree(&mut rng, &json_seeds)
            };
            ("JSON", input)
        };
        let checked = Instant::now();
        let finding = match door {
            "TOML" => check_toml(&input),
            _ => check_json(&input),
        };
        summary.slowest = summary.slowest.max(checked.elapsed());
        if finding.is_some() {
            break finding;
        }
    };
    panic::set_hook(default_hook);
    summary.elapsed = started.elapsed();
    if let Some(finding) = finding {
        let saved = save(root, &finding)?;
        bail!(
            "fuzz: the {} door failed after {} inputs: {}\n(the input is in {})",
            finding.door,
            summary.toml_runs + summary.json_runs,
            finding.what,
            saved.display()
        );
    }
    Ok(summary)
}

fn toml_seeds(root: &Path) -> Result<Vec<Vec<u8>>> {
    loader::monograph_files(&root.join("monographs"))
        .context("listing monographs/")?
        .iter()
        .map(|path| std::fs::read(path).with_context(|| format!("reading {}", path.display())))
        .collect()
}

fn json_seeds(root: &Path, toml_seeds: &[Vec<u8>]) -> Result<Vec<Vec<u8>>> {
    let fixture = root.join("tests/fixtures/small-monograph.json");
    let mut seeds = vec![std::fs::read(&fixture).with_context(|| format!("reading {}", fixture.display()))?];
    for text in toml_seeds {
        let loaded = loader::parse(&String::from_utf8_lossy(text))
            .map_err(|error| anyhow::anyhow!("a bundled monograph does not parse: {error}"))?;
        seeds.push(serde_json::to_vec(&loaded.monograph)?);
    }
    Ok(seeds)
}

fn caught<T>(door: &'static str, input: &[u8], run: impl FnOnce() -> T) -> Result<T, Finding> {
    panic::catch_unwind(AssertUnwindSafe(run)).map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Finding {
            door,
            input: input.to_vec(),
            what: format!("panicked: {message}"),
        }
    })
}

fn check_toml(input: &[u8]) -> Option<Finding> {
    let text = String::from_utf8_lossy(input);
    caught("TOML", input, || {
        // A refusal by the parser is a message with a line and a column; a
        // parsed file gets the rules' report.
        let _ = loader::parse(&text).map(|loaded| loaded.report.errors.len());
    })
    .err()
}

fn check_json(input: &[u8]) -> Option<Finding> {
    // Inputs grow by repeated changes; past a few megabytes a run would test
    // patience, not the door (whose lists stop at 1,000 entries).
    if input.len() > MAX_INPUT {
        return None;
    }
    let Ok(value) = serde_json::from_slice::<Value>(input) else {
        return None;
    };
    let problems = match caught("JSON", input, || json::parse(&value)) {
        Err(finding) => return Some(finding),
        Ok(Ok(_)) => return None,
        Ok(Err(problems)) => problems,
    };
    let broken = if problems.is_empty() {
        Some("refused without a problem".to_owned())
    } else {
        problems
            .iter()
            .find(|p| p.path.is_empty() || p.message.is_empty())
            .map(|p| format!("a problem without a path or a message: {p:?}"))
    };
    broken.map(|what| Finding {
        door: "JSON",
        input: input.to_vec(),
        what,
    })
}

/// A seed with 1 to 8 byte-level changes.
fn mutate_bytes(rng: &mut fastrand::Rng, seeds: &[Vec<u8>]) -> Vec<u8> {
    let mut input = seeds[rng.usize(..seeds.len())].clone();
    for _ in 0..rng.usize(1..=8) {
        let at = rng.usize(..=input.len());
        match rng.u8(..6) {
            0 if !input.is_empty() => {
                let i = rng.usize(..input.len());
                input[i] ^= 1 << rng.u8(..8);
            }
            1 => input.insert(at, rng.u8(..)),
            2 => {
                let end = (at + rng.usize(..64)).min(input.len());
                input.drain(at..end);
            }
            3 => {
                let end = (at + rng.usize(..256)).min(input.len());
                let copy = input[at..end].to_vec();
                input.splice(at..at, copy);
            }
            4 => {
                let token = TOKENS[rng.usize(..TOKENS.len())].as_bytes();
                input.splice(at..at, token.iter().copied());
            }
            _ => {
                let other = &seeds[rng.usize(..seeds.len())];
                let from = rng.usize(..=other.len());
                input.truncate(at);
                input.extend_from_slice(&other[from..]);
            }
        }
    }
    input
}

/// A JSON seed with 1 to 4 changes to its tree, written back as text.
fn mutate_tree(rng: &mut fastrand::Rng, seeds: &[Vec<u8>]) -> Vec<u8> {
    let seed = &seeds[rng.usize(..seeds.len())];
    let Ok(mut value) = serde_json::from_slice::<Value>(seed) else {
        return seed.clone();
    };
    for _ in 0..rng.usize(1..=4) {
        let replacement = random_value(rng, 3);
        let node = random_node(rng, &mut value);
        match rng.u8(..5) {
            0 => *node = replacement,
            1 => match node {
                Value::Object(fields) if !fields.is_empty() => {
                    let key = fields.keys().nth(rng.usize(..fields.len())).cloned();
                    key.map(|k| fields.remove(&k));
                }
                Value::Array(items) if !items.is_empty() => {
                    items.remove(rng.usize(..items.len()));
                }
                _ => *node = Value::Null,
            },
            2 => match node {
                Value::Object(fields) => {
                    let key = FIELDS[rng.usize(..FIELDS.len())].to_owned();
                    fields.insert(key, replacement);
                }
                Value::Array(items) => {
                    // Now and then past the longest list a leaflet takes.
                    let copies = if rng.u8(..64) == 0 { 1_001 } else { rng.usize(..8) };
                    let copy = items.get(rng.usize(..items.len().max(1))).cloned();
                    items.extend(copy.into_iter().cycle().take(copies));
                }
                _ => *node = replacement,
            },
            3 => {
                let mut nested = node.take();
                for _ in 0..rng.usize(1..200) {
                    nested = Value::Array(vec![nested]);
                }
                *node = nested;
            }
            _ => {
                if let Value::String(text) = node {
                    let token = TOKENS[rng.usize(..TOKENS.len())];
                    let at = text.char_indices().map(|(i, _)| i).nth(rng.usize(..=text.len()));
                    text.insert_str(at.unwrap_or(text.len()), token);
                }
            }
        }
    }
    serde_json::to_vec(&value).unwrap_or_default()
}

/// A node of `value` reached by random steps down its tree.
fn random_node<'v>(rng: &mut fastrand::Rng, value: &'v mut Value) -> &'v mut Value {
    let steps = rng.usize(..8);
    let mut node = value;
    for _ in 0..steps {
        let len = match &*node {
            Value::Object(fields) => fields.len(),
            Value::Array(items) => items.len(),
            _ => 0,
        };
        if len == 0 {
            break;
        }
        let pick = rng.usize(..len);
        node = match node {
            Value::Object(fields) => fields.values_mut().nth(pick).expect("in range"),
            Value::Array(items) => &mut items[pick],
            _ => unreachable!("only objects and lists have children"),
        };
    }
    node
}

fn random_value(rng: &mut fastrand::Rng, depth: u8) -> Value {
    match rng.u8(..8) {
        0 => Value::Null,
        1 => Value::Bool(rng.bool()),
        2 => serde_json::Number::from_f64(f64::from_bits(rng.u64(..))).map_or(Value::Null, Value::Number),
        3 => Value::String(TOKENS[rng.usize(..TOKENS.len())].to_owned()),
        4 => Value::String((0..rng.usize(..40)).map(|_| rng.char(..)).collect()),
        5 if depth > 0 => Value::Array(
            (0..rng.usize(..4))
                .map(|_| random_value(rng, depth - 1))
                .collect(),
        ),
        6 if depth > 0 => Value::Object(
            (0..rng.usize(..4))
                .map(|_| {
                    let key = FIELDS[rng.usize(..FIELDS.len())].to_owned();
                    (key, random_value(rng, depth - 1))
                })
                .collect(),
        ),
        _ => Value::String(String::new()),
    }
}

fn save(root: &Path, finding: &Finding) -> Result<PathBuf> {
    let dir = root.join("target/fuzz");
    std::fs::create_dir_all(&dir)?;
    let path = dir.join(format!("{}-failure.txt", finding.door.to_lowercase()));
    std::fs::write(&path, &finding.input).with_context(|| format!("writing {}", path.display()))?;
    Ok(path)
}
