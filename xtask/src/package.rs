//! `cargo xtask package`: the npm package for apps built with a bundler (Vite,
//! webpack), from `dist`'s build, packed with `npm pack`.
//!
//! target/package/
//!   package.json               name, version and license from Cargo.toml; exports, sideEffects, files
//!   README.md                  install and import (src/package/README.md)
//!   drug-leaflet.js            ES module entry: defines <drug-leaflet>, exports defineElement()
//!                              (src/package/entry.js)
//!   drug-leaflet-core.js       wasm-bindgen's glue with src/element.js inlined, as in dist/
//!   drug-leaflet-core_bg.wasm  dist/'s WASM
//!   drug-leaflet-door_bg.wasm  dist/'s host door, loaded when an app sets `monograph`
//!   drug-leaflet.d.ts          src/drug-leaflet.d.ts and defineElement's declaration
//!   <id>.fallback.html         dist/'s fallback HTML, each its own export path
//!   LICENSE*                   the repository's license files
//!
//! Then `target/drug-leaflet-<version>.tgz`. `build_and_check_apps` builds the
//! apps in tests/package/ with that tarball and runs tsc on their types.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};
use serde_json::json;

use crate::dist::{self, CORE_NAME, DOOR_NAME};
use crate::process::{run, TestCounts};
use crate::toolchain::Toolchain;

pub const PACKAGE_DIR: &str = "target/package";
/// Where the fixture apps are copied, installed and built.
pub const FIXTURES_DIR: &str = "target/package-tests";
/// The apps in tests/package/, each built into `<app>/dist/`.
pub const APPS: [&str; 2] = ["vite-app", "webpack-app"];
const FIXTURES_SOURCE: &str = "tests/package";
const ENTRY: &str = "drug-leaflet.js";
const TYPES: &str = "drug-leaflet.d.ts";
/// The glue's default WASM location (a path without `./`, which webpack would
/// resolve as a package): the entry passes its own URL, so the core never uses it.
const GLUE_DEFAULT_URL: &str = "module_or_path = new URL('drug-leaflet-core_bg.wasm', import.meta.url);";
const GLUE_WITHOUT_DEFAULT: &str =
    "throw new Error('drug-leaflet: drug-leaflet.js starts this module with the URL of its WASM');";
/// Marks a line of types/misuse.tsx that tsc must reject, before the error's number.
const EXPECTED_ERROR: &str = "refused: TS";

/// The package from a fresh dist/ (and wasm-bindgen's output beside it), packed.
pub fn write(root: &Path, dist: &Path) -> Result<PathBuf> {
    let out = root.join(PACKAGE_DIR);
    if out.exists() {
        fs::remove_dir_all(&out).context("clearing target/package/")?;
    }
    fs::create_dir_all(&out)?;
    let manifest = cargo_manifest(root)?;

    let door = format!("new URL(\"./{DOOR_NAME}_bg.wasm\", import.meta.url)");
    let glue = dist::glue_with_snippets(&root.join(dist::BINDGEN_DIR), &door)?;
    if glue.matches(GLUE_DEFAULT_URL).count() != 1 {
        bail!("wasm-bindgen's glue no longer has the line {GLUE_DEFAULT_URL:?}: update package.rs");
    }
    let core = glue.replace(GLUE_DEFAULT_URL, GLUE_WITHOUT_DEFAULT);
    fs::write(out.join(format!("{CORE_NAME}.js")), &core)?;
    let entry = fs::read_to_string(root.join("src/package/entry.js"))?;
    fs::write(out.join(ENTRY), &entry)?;
    check_for_bundlers(&[&core, &entry])?;

    let wasm = format!("{CORE_NAME}_bg.wasm");
    fs::copy(dist.join(&wasm), out.join(&wasm)).context("copying the WASM from dist/")?;
    let door_wasm = format!("{DOOR_NAME}_bg.wasm");
    fs::copy(dist.join(&door_wasm), out.join(&door_wasm)).context("copying the door's WASM from dist/")?;
    let types = fs::read_to_string(root.join("src/drug-leaflet.d.ts"))?
        + &fs::read_to_string(root.join("src/package/entry.d.ts"))?;
    fs::write(out.join(TYPES), types)?;
    fs::copy(root.join("src/package/README.md"), out.join("README.md"))?;

    let mut files = vec![
        ENTRY.to_owned(),
        format!("{CORE_NAME}.js"),
        wasm,
        door_wasm,
        TYPES.to_owned(),
    ];
    let mut exports = serde_json::Map::new();
    exports.insert(
        ".".into(),
        json!({ "types": format!("./{TYPES}"), "default": format!("./{ENTRY}") }),
    );
    for name in files_named(dist, |name| name.ends_with(".fallback.html"))? {
        fs::copy(dist.join(&name), out.join(&name))?;
        exports.insert(format!("./{name}"), json!(format!("./{name}")));
        files.push(name);
    }
    exports.insert("./package.json".into(), json!("./package.json"));
    let licenses = files_named(root, |name| {
        name.starts_with("LICENSE") || name.starts_with("COPYING")
    })?;
    if licenses.is_empty() {
        println!(
            "package: no LICENSE file at the repository root; package.json says {:?} (from Cargo.toml)",
            manifest.license
        );
    }
    for name in licenses {
        fs::copy(root.join(&name), out.join(&name))?;
        files.push(name);
    }

    let package_json = json!({
        "name": manifest.name,
        "version": manifest.version,
        "description": manifest.description,
        "license": manifest.license,
        "type": "module",
        "exports": exports,
        "types": format!("./{TYPES}"),
        "sideEffects": [format!("./{ENTRY}")],
        "files": files,
        "keywords": ["web-component", "custom-element", "webassembly", "medication", "patient-leaflet"],
    });
    fs::write(
        out.join("package.json"),
        serde_json::to_string_pretty(&package_json)? + "\n",
    )?;

    run(Command::new("npm")
        .current_dir(&out)
        .args(["pack", "--silent", "--pack-destination", ".."]))?;
    let tarball = root
        .join("target")
        .join(format!("{}-{}.tgz", manifest.name, manifest.version));
    let size = fs::metadata(&tarball)
        .with_context(|| format!("npm pack wrote no {}", tarball.display()))?
        .len();
    println!("package: {} ({size} bytes)", tarball.display());
    Ok(tarball)
}

struct CargoManifest {
    name: String,
    version: String,
    description: String,
    license: String,
}

fn cargo_manifest(root: &Path) -> Result<CargoManifest> {
    let text = fs::read_to_string(root.join("Cargo.toml"))?;
    let manifest: toml::Value = toml::from_str(&text).context("Cargo.toml")?;
    let field = |name: &str| -> Result<String> {
        manifest["package"]
            .get(name)
            .and_then(toml::Value::as_str)
            .map(str::to_owned)
            .with_context(|| format!("Cargo.toml has no package.{name}"))
    };
    Ok(CargoManifest {
        name: field("name")?,
        version: field("version")?,
        description: field("description")?,
        license: field("license")?,
    })
}

/// A bundler emits each WASM (the leaflet's, the door's) only if it sees one
/// literal `new URL("./…", import.meta.url)`; dist/'s script-tag chain (its
/// integrity hashes, the loader's hand-off) would be wrong in an app's build.
fn check_for_bundlers(modules: &[&str]) -> Result<()> {
    let all = modules.concat();
    for name in [CORE_NAME, DOOR_NAME] {
        let literal = format!("new URL(\"./{name}_bg.wasm\", import.meta.url)");
        if all.matches(&literal).count() != 1 {
            bail!("the package's modules must locate {name}_bg.wasm with exactly one {literal}");
        }
    }
    if all.matches(", import.meta.url)").count() != 2 {
        bail!("the package's modules locate a file other than the two WASM files with import.meta.url");
    }
    for leftover in [
        "sha384-",
        "__WASM_INTEGRITY__",
        "__DOOR_INTEGRITY__",
        "__drugLeafletLoader.wasm",
    ] {
        if all.contains(leftover) {
            bail!("the package's modules contain dist/'s {leftover:?}");
        }
    }
    Ok(())
}

fn files_named(dir: &Path, wanted: impl Fn(&str) -> bool) -> Result<Vec<String>> {
    let mut names = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.file_type()?.is_file() && wanted(&name) {
            names.push(name);
        }
    }
    names.sort();
    Ok(names)
}

/// Builds the apps in tests/package/ with the tarball, prints what each ships,
/// and runs tsc on the package's types (counted as tests).
pub fn build_and_check_apps(
    root: &Path,
    tools: &Toolchain,
    dist: &Path,
    tarball: &Path,
) -> Result<TestCounts> {
    let fixtures = build_fixtures(root, tools, tarball)?;
    print_sizes(dist, &fixtures, tarball)?;
    check_types(root, tools, &fixtures)
}

/// Copies tests/package/ to target/package-tests/, installs its pinned
/// bundlers (`npm ci`, skipped while the lockfile is unchanged) and the
/// tarball, and builds each app. Returns the folder.
fn build_fixtures(root: &Path, tools: &Toolchain, tarball: &Path) -> Result<PathBuf> {
    let fixtures = root.join(FIXTURES_DIR);
    copy_tree(&root.join(FIXTURES_SOURCE), &fixtures)?;
    let lockfile = fs::read(fixtures.join("package-lock.json"))?;
    let stamp = fixtures.join("node_modules/.installed-package-lock.json");
    if fs::read(&stamp).ok().as_deref() != Some(&lockfile[..]) {
        println!("installing the bundlers for the package tests with npm ci");
        run(tools
            .command("npm")?
            .current_dir(&fixtures)
            .args(["ci", "--no-audit", "--no-fund"]))?;
        fs::write(&stamp, &lockfile)?;
    }
    // --no-save: the committed lockfile stays as it is; the tarball changes with every build.
    run(tools
        .command("npm")?
        .current_dir(&fixtures)
        .args([
            "install",
            "--no-save",
            "--no-audit",
            "--no-fund",
            "--prefer-offline",
        ])
        .arg(tarball))?;
    let bin = fixtures.join("node_modules/.bin");
    run(tools.command(bin.join("vite"))?.current_dir(&fixtures).args([
        "build",
        "vite-app",
        "--emptyOutDir",
    ]))?;
    run(tools
        .command(bin.join("webpack"))?
        .current_dir(&fixtures)
        .args(["--config", "webpack-app/webpack.config.cjs"]))?;
    Ok(fixtures)
}

/// Copies the files of `from` into `to`, leaving anything else in `to` (the
/// installed node_modules, earlier builds) where it is.
fn copy_tree(from: &Path, to: &Path) -> Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

/// The package's types under tsc: `types/ok.tsx` and the README's React
/// snippet compile, and `types/misuse.tsx` fails with exactly the errors its
/// `refused: TSnnnn` comments name, line by line. One passed or failed check each.
fn check_types(root: &Path, tools: &Toolchain, fixtures: &Path) -> Result<TestCounts> {
    let readme = fs::read_to_string(root.join("README.md"))?;
    let snippet = readme
        .split("```tsx\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .context("the README has no ```tsx snippet")?;
    fs::write(fixtures.join("types/readme.tsx"), snippet)?;
    let tsc = fixtures.join("node_modules/.bin/tsc");
    let mut counts = TestCounts::default();
    let (ok, report) = tsc_run(tools, &tsc, fixtures, "types/tsconfig.json")?;
    if ok {
        println!("types: types/ok.tsx and the README's snippet compile");
        counts.passed += 1;
    } else {
        eprintln!("types: types/ok.tsx or the README's snippet does not compile:\n{report}");
        counts.failed += 1;
    }

    let misuse = fs::read_to_string(fixtures.join("types/misuse.tsx"))?;
    let expected: BTreeSet<(usize, String)> = misuse
        .lines()
        .enumerate()
        .filter_map(|(index, line)| {
            let code: String = line
                .split(EXPECTED_ERROR)
                .nth(1)?
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            (!code.is_empty()).then(|| (index + 1, format!("TS{code}")))
        })
        .collect();
    let (ok, report) = tsc_run(tools, &tsc, fixtures, "types/tsconfig.misuse.json")?;
    let found = tsc_errors(&report);
    if !ok && !expected.is_empty() && found == expected {
        println!(
            "types: types/misuse.tsx is refused with the {} expected errors",
            expected.len()
        );
        counts.passed += 1;
    } else {
        eprintln!(
            "types: types/misuse.tsx should fail with {expected:?} (line, code), tsc found {found:?}:\n{report}"
        );
        counts.failed += 1;
    }
    Ok(counts)
}

fn tsc_run(tools: &Toolchain, tsc: &Path, fixtures: &Path, project: &str) -> Result<(bool, String)> {
    println!("$ tsc --noEmit -p {project}");
    let out = tools
        .command(tsc)?
        .current_dir(fixtures)
        .args(["--noEmit", "--pretty", "false", "-p", project])
        .output()
        .context("running tsc")?;
    let report = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    Ok((out.status.success(), report))
}

/// `(line, "TSnnnn")` of each error tsc reports in misuse.tsx; an error
/// anywhere else counts as line 0, so it never matches an expectation.
fn tsc_errors(report: &str) -> BTreeSet<(usize, String)> {
    report
        .lines()
        .filter_map(|line| {
            let (place, message) = line.split_once(": error ")?;
            let code = message.split(':').next()?.to_owned();
            let line_number = place
                .strip_prefix("types/misuse.tsx(")
                .and_then(|rest| rest.split(',').next())
                .and_then(|n| n.parse().ok())
                .unwrap_or(0);
            Some((line_number, code))
        })
        .collect()
}

/// Bytes each app's build ships for the widget (its `.js` and `.wasm`), next to dist/'s.
fn print_sizes(dist: &Path, fixtures: &Path, tarball: &Path) -> Result<()> {
    println!(
        "\n{:<40} {:>10} {:>10}",
        "widget shipped (js + wasm)", "raw", "brotli"
    );
    let mut rows = vec![("dist/ (loader, core, wasm)".to_owned(), dist.to_path_buf())];
    rows.extend(APPS.map(|app| {
        (
            format!("{app}/dist/ (all js + wasm)"),
            fixtures.join(app).join("dist"),
        )
    }));
    for (label, dir) in rows {
        let shipped: Vec<dist::FileSize> = dist::sizes(&dir)?
            .into_iter()
            .filter(|f| f.path.ends_with(".js") || f.path.ends_with(".wasm"))
            .collect();
        println!(
            "{label:<40} {:>10} {:>10}",
            shipped.iter().map(|f| f.raw).sum::<usize>(),
            shipped.iter().map(|f| f.brotli).sum::<usize>()
        );
    }
    println!("{:<40} {:>10}\n", "npm tarball", fs::metadata(tarball)?.len());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_tsc_errors_by_line_and_code() {
        let report =
            "types/misuse.tsx(7,18): error TS2322: Type 'number' is not assignable to type '\"2\"'.\n\
                      node_modules/drug-leaflet/drug-leaflet.d.ts(3,1): error TS2664: Invalid module name.\n\
                      Found 2 errors.";
        let expected: BTreeSet<(usize, String)> = [(7, "TS2322".to_owned()), (0, "TS2664".to_owned())].into();
        assert_eq!(tsc_errors(report), expected);
    }

    #[test]
    fn refuses_modules_a_bundler_cannot_follow() {
        let good = format!(
            "const u = new URL(\"./{CORE_NAME}_bg.wasm\", import.meta.url); \
             const d = new URL(\"./{DOOR_NAME}_bg.wasm\", import.meta.url);"
        );
        assert!(check_for_bundlers(&[&good]).is_ok());
        let no_door = format!("const u = new URL(\"./{CORE_NAME}_bg.wasm\", import.meta.url);");
        assert!(check_for_bundlers(&[&no_door]).is_err());
        let computed = "const u = new URL(name, import.meta.url);";
        assert!(check_for_bundlers(&[computed]).is_err());
        let pinned = format!("{good} fetch(u, {{ integrity: \"sha384-abc\" }});");
        assert!(check_for_bundlers(&[&pinned]).is_err());
        assert!(check_for_bundlers(&[&good, &good]).is_err());
        // A URL on another base (the element's data files) is no asset.
        let data =
            format!("{good} const folder = import.meta.url; new URL(`monographs/${{id}}.json`, folder);");
        assert!(check_for_bundlers(&[&data]).is_ok());
    }
}
