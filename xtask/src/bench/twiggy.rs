//! Where the WASM's bytes go, by crate: `twiggy top` of wasm-bindgen's output
//! before wasm-opt (which strips the names), grouped by the crate that starts
//! each symbol's path.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};
use serde::Serialize;

use crate::process::{output, run};

const TWIGGY_VERSION: &str = "0.8.0";
/// More items than any build has, so every item is listed and none summed away.
const EVERY_ITEM: &str = "1000000";

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CrateSize {
    pub name: String,
    pub bytes: u64,
}

/// The un-optimised WASM's bytes by crate, largest first; twiggy is installed
/// into `.tools/cargo` first if it is missing.
pub fn by_crate(root: &Path) -> Result<Vec<CrateSize>> {
    let twiggy = ensure_twiggy(root)?;
    let wasm = bindgen_wasm(root)?;
    let csv = Command::new(&twiggy)
        .args(["top", "-n", EVERY_ITEM, "--format", "csv"])
        .arg(&wasm)
        .output()
        .with_context(|| format!("running {}", twiggy.display()))?;
    if !csv.status.success() {
        bail!(
            "twiggy top {} failed: {}",
            wasm.display(),
            String::from_utf8_lossy(&csv.stderr).trim()
        );
    }
    group_by_crate(&String::from_utf8_lossy(&csv.stdout))
}

fn ensure_twiggy(root: &Path) -> Result<PathBuf> {
    let tools = root.join(".tools/cargo");
    let twiggy = tools.join("bin/twiggy");
    let installed = output(Command::new(&twiggy).arg("--version"));
    if installed.is_some_and(|v| v.split_whitespace().any(|word| word == TWIGGY_VERSION)) {
        return Ok(twiggy);
    }
    println!("installing twiggy {TWIGGY_VERSION} into .tools/cargo (cargo install, a few minutes)");
    run(Command::new("cargo")
        .args(["install", "--root"])
        .arg(&tools)
        .args(["twiggy", "--version", &format!("={TWIGGY_VERSION}")]))
    .context("installing twiggy failed")?;
    Ok(twiggy)
}

/// wasm-bindgen's output in `target/bindgen/`, which still has its names.
fn bindgen_wasm(root: &Path) -> Result<PathBuf> {
    let dir = root.join("target/bindgen");
    let entries = fs::read_dir(&dir).with_context(|| format!("reading {}", dir.display()))?;
    for entry in entries {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "wasm") {
            return Ok(path);
        }
    }
    bail!("no .wasm in {}", dir.display())
}

/// Sums the shallow sizes of `twiggy top --format csv` rows by crate, leaving
/// out the name and custom sections (wasm-opt strips them).
pub fn group_by_crate(csv: &str) -> Result<Vec<CrateSize>> {
    let mut lines = csv.lines();
    let header = split_csv_line(lines.next().context("twiggy printed nothing")?);
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .with_context(|| format!("twiggy's CSV has no {name} column: {header:?}"))
    };
    let (name_column, size_column) = (column("Name")?, column("ShallowSize")?);
    let mut totals: BTreeMap<String, u64> = BTreeMap::new();
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let fields = split_csv_line(line);
        let (Some(name), Some(size)) = (fields.get(name_column), fields.get(size_column)) else {
            bail!("a short twiggy CSV row: {line}");
        };
        let size: u64 = size
            .parse()
            .with_context(|| format!("a twiggy size that is not a number: {line}"))?;
        if !is_stripped_section(name) {
            *totals.entry(crate_of(name)).or_default() += size;
        }
    }
    let mut crates: Vec<CrateSize> = totals
        .into_iter()
        .map(|(name, bytes)| CrateSize { name, bytes })
        .collect();
    crates.sort_by(|a, b| b.bytes.cmp(&a.bytes).then_with(|| a.name.cmp(&b.name)));
    Ok(crates)
}

/// Names and custom sections: in wasm-bindgen's output, not in dist/.
fn is_stripped_section(item: &str) -> bool {
    item.ends_with(" subsection") || item.starts_with("custom section ")
}

/// The crate an item belongs to: the first crate path in its name, e.g. `yew`
/// for `<yew::html::Html as core::clone::Clone>::clone`, `core` for
/// `core[5c3a..]::ptr::drop_in_place<yew::..>` (generic code counts where it
/// is defined). Items without a path are grouped by their kind.
pub fn crate_of(item: &str) -> String {
    for (separator, _) in item.match_indices("::") {
        let mut before = &item[..separator];
        // Rust's v0 mangling names a crate with its hash: `core[c5930c85a12de822]`.
        if let Some(without_hash) = before
            .strip_suffix(']')
            .and_then(|b| b.rfind('[').map(|i| &b[..i]))
        {
            before = without_hash;
        }
        let start = before
            .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
            .map_or(0, |i| i + 1);
        if start < before.len() {
            return before[start..].to_owned();
        }
    }
    let kind = if item.starts_with("data segment") || item.starts_with("data[") {
        "(data segments: text and constants)"
    } else if item.starts_with("code[") {
        "(unnamed functions)"
    } else if item.starts_with('<') {
        "(methods of primitive types: core, alloc)"
    } else if ["__wbg", "__wbindgen", "__externref", "export ", "elem["]
        .iter()
        .any(|prefix| item.starts_with(prefix))
    {
        "(wasm-bindgen glue, exports, tables)"
    } else {
        "(other symbols)"
    };
    kind.to_owned()
}

/// Splits one CSV line, honouring double-quoted fields with `""` escapes.
fn split_csv_line(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    fields.push(field);
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_crate_of_plain_trait_generic_and_hashed_symbols() {
        assert_eq!(
            crate_of("yew::html::component::lifecycle::ComponentState::new"),
            "yew"
        );
        assert_eq!(crate_of("<yew::html::Html as core::clone::Clone>::clone"), "yew");
        assert_eq!(crate_of("<&T as core::fmt::Display>::fmt"), "core");
        assert_eq!(
            crate_of("core::ptr::drop_in_place<drug_leaflet::state::Accordion>"),
            "core"
        );
        assert_eq!(
            crate_of("core[c5930c85a12de822]::num::flt2dec::format_shortest"),
            "core"
        );
        assert_eq!(
            crate_of("<dlmalloc[e24a27700634d609]::dlmalloc::Dlmalloc<dlmalloc[e24a27700634d609]::sys::System>>::malloc"),
            "dlmalloc"
        );
        assert_eq!(
            crate_of("<str>::to_lowercase"),
            "(methods of primitive types: core, alloc)"
        );
        assert_eq!(
            crate_of("data segment \".rodata\""),
            "(data segments: text and constants)"
        );
        assert_eq!(crate_of("code[812]"), "(unnamed functions)");
        assert_eq!(crate_of("__wbg_get_1234"), "(wasm-bindgen glue, exports, tables)");
        assert_eq!(crate_of("elem[0]"), "(wasm-bindgen glue, exports, tables)");
        assert_eq!(crate_of("memcmp"), "(other symbols)");
    }

    #[test]
    fn sums_twiggy_rows_by_crate_largest_first() {
        let csv = "Name,ShallowSize,ShallowSizePercent,RetainedSize,RetainedSizePercent\n\
                   \"\"\"function names\"\" subsection\",9000,50.0,,\n\
                   \"<yew::Html as core::clone::Clone>::clone\",120,1.2,,\n\
                   core::fmt::write,300,3.0,,\n\
                   \"yew::scheduler::start, the \"\"main\"\" loop\",80,0.8,,\n\
                   custom section 'producers',100,1.0,,\n\
                   \"data segment \"\".rodata\"\"\",500,5.0,,\n";
        let named = |name: &str, bytes| CrateSize {
            name: name.into(),
            bytes,
        };
        assert_eq!(
            group_by_crate(csv).unwrap(),
            vec![
                named("(data segments: text and constants)", 500),
                named("core", 300),
                named("yew", 200),
            ]
        );
        assert!(group_by_crate("Item,Bytes\nx,1\n").is_err());
    }
}
