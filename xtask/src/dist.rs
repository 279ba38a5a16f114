//! `cargo xtask dist`: the files a host copies to its web server.
//!
//! dist/
//!   drug-leaflet.js            classic-script entry (`<script src defer>`)
//!   drug-leaflet-core.js       ES module: wasm-bindgen's glue with the element
//!                              shell (src/element.js) inlined, starting itself;
//!                              minified with terser, as is the loader
//!   drug-leaflet-core_bg.wasm  the app, size-optimised with wasm-opt
//!   drug-leaflet-door_bg.wasm  the host door (door/), which the core module
//!                              loads, pinned, only when a page hands a leaflet
//!                              a monograph or a drug's data file
//!   drug-leaflet.d.ts          TypeScript declarations for the element
//!   nusinersen.fallback.html   the leaflet as static HTML, for readers without JS
//!   monographs/<id>.json       every other drug in monographs/, fetched by an
//!                              element with `drug="<id>"` (none is in the WASM)
//!   monographs/<id>.fallback.html  that drug's static HTML
//!   integrity.txt              SRI hashes and a ready snippet, one per drug
//!   embed/<id>.html            the recommended snippet per drug, and the
//!   drug-leaflet-fallback.css  print stylesheet it and the loader link (see embed.rs)
//!   index.html, demo.css       the demo host page
//!
//! Each file pins the next one's hash: the host's `integrity` covers the loader,
//! and the loader adds the core module and fetches the WASM (and links the
//! print stylesheet under a pasted fallback), each with its
//! `integrity` (the core module pins the WASM too when loaded on its own, and
//! always the door's).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

mod names;

use crate::embed;
use crate::process::run;
use crate::review::{citation, pending, record_name, reviewed_monographs, text_preview, uncleared_sources};
pub use crate::sri::integrity;
use crate::toolchain::{Toolchain, WASM_TARGET};

pub const CORE_NAME: &str = "drug-leaflet-core";
/// The host door's module (door/), loaded the first time a page hands a
/// leaflet a monograph or a drug's data file.
pub const DOOR_NAME: &str = "drug-leaflet-door";
const DOOR_PACKAGE: &str = "drug-leaflet-door";
/// wasm-bindgen's output (the glue and its snippets), which `package` reuses.
pub const BINDGEN_DIR: &str = "target/bindgen";

/// Files copied as they are: (source in the repo, name in dist/).
const STATIC_FILES: &[(&str, &str)] = &[
    ("src/drug-leaflet.d.ts", "drug-leaflet.d.ts"),
    ("index.html", "index.html"),
    ("styles/demo.css", "demo.css"),
];
const LOADER: &str = "drug-leaflet.js";
/// Placeholders in src/loader.js and the core module's start-up code; the
/// first becomes `monograph::bundled::IDS`, the drugs in the WASM, for which
/// the loader fetches no data file.
const BUNDLED_PLACEHOLDER: &str = "__BUNDLED_DRUGS__";
const CORE_INTEGRITY: &str = "__CORE_INTEGRITY__";
const PRINT_STYLESHEET_INTEGRITY: &str = "__PRINT_STYLESHEET_INTEGRITY__";
const WASM_INTEGRITY: &str = "__WASM_INTEGRITY__";
const DOOR_INTEGRITY: &str = "__DOOR_INTEGRITY__";

/// Features Rust's wasm32 output uses; wasm-opt must accept them.
const WASM_FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-mutable-globals",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Read by build.rs: the folder of monographs to build from, when it is not
/// the repo's `monographs/`.
const MONOGRAPHS_ENV: &str = "DRUG_LEAFLET_MONOGRAPHS";

/// `dist/` from the repo's `monographs/`.
pub fn build(root: &Path, tools: &Toolchain) -> Result<PathBuf> {
    let dist = root.join("dist");
    build_from(root, tools, None, &dist)?;
    print_sizes(&dist)?;
    Ok(dist)
}

/// What stops a hospital publishing the monographs in `folder` (`cargo xtask
/// dist --require-review`), one line each: a file that does not load, an
/// added text not signed off as it is now, a source that needs clearing
/// (`permission-required`, `unknown`) with no permission in the record.
pub fn publishing_problems(folder: &Path) -> Vec<String> {
    let monographs = match reviewed_monographs(folder) {
        Ok(monographs) => monographs,
        Err(error) => return vec![format!("{error:#}")],
    };
    let mut problems = Vec::new();
    for reviewed in monographs {
        let reviewed = match reviewed {
            Ok(reviewed) => reviewed,
            Err(error) => {
                problems.push(format!("{error:#}"));
                continue;
            }
        };
        let name = reviewed.path.display();
        for text in &reviewed.states {
            if let Some(reason) = pending(text) {
                problems.push(format!(
                    "{name}: {} ({}, hash {}) is {reason}: {}",
                    text.place,
                    citation(&text.source),
                    text.hash,
                    text_preview(&text.text)
                ));
            }
        }
        for clearance in uncleared_sources(&reviewed.monograph, &reviewed.record) {
            problems.push(format!(
                "{name}: source {}",
                clearance.message(&record_name(&reviewed.path))
            ));
        }
    }
    problems
}

/// What `cargo xtask dist` says before building: each monograph's sign-off
/// count and each source it may not publish yet (a warning: the default
/// build ships with the header's honest line).
pub fn content_summary(folder: &Path) -> Result<Vec<String>> {
    let mut lines = Vec::new();
    for reviewed in reviewed_monographs(folder)? {
        // A file that does not load fails the build itself, with its errors.
        let Ok(reviewed) = reviewed else { continue };
        let name = reviewed.path.display();
        lines.push(format!("dist: {name}: {}", reviewed.counts()));
        for clearance in uncleared_sources(&reviewed.monograph, &reviewed.record) {
            lines.push(format!(
                "dist: warning: {name}: source {}",
                clearance.message(&record_name(&reviewed.path))
            ));
        }
    }
    Ok(lines)
}

/// A dist in `out` built from the monographs in `monographs` (`None`: the
/// repo's `monographs/`), for the bench's generated formulary. The folder
/// reaches build.rs (the bundled drug, every file validated) through
/// `DRUG_LEAFLET_MONOGRAPHS`, and the prerenderer as its argument.
pub fn build_from(root: &Path, tools: &Toolchain, monographs: Option<&Path>, out: &Path) -> Result<()> {
    build_widget(root, tools, &[], monographs, out)?;
    for (source, name) in STATIC_FILES {
        fs::copy(root.join(source), out.join(name)).with_context(|| format!("copying {source}"))?;
    }
    let mut prerender = tools.command("cargo")?;
    with_monographs(&mut prerender, monographs);
    run(prerender
        .args(["run", "--quiet", "--features", "ssr", "--bin", "prerender", "--"])
        .arg(monographs.map_or_else(|| root.join("monographs"), Path::to_path_buf))
        .arg(out))?;
    write_integrity_file(out)?;
    crate::embed::write(out, &drug_data_files(out)?)
}

/// Points build.rs at `monographs`, or at the repo's folder (the variable
/// unset, so the default build's fingerprint stays the same).
fn with_monographs(cargo: &mut Command, monographs: Option<&Path>) {
    match monographs {
        Some(folder) => cargo.env(MONOGRAPHS_ENV, folder),
        None => cargo.env_remove(MONOGRAPHS_ENV),
    };
}

/// `target/dist-crash-test/`: the widget's files built with the
/// `crash-test` feature (toggling the storage section panics), for the
/// end-to-end test of a crash. Never shipped.
pub fn build_crash_test(root: &Path, tools: &Toolchain) -> Result<PathBuf> {
    let dir = root.join("target/dist-crash-test");
    build_widget(
        root,
        tools,
        &["--features", "drug-leaflet/crash-test"],
        None,
        &dir,
    )?;
    Ok(dir)
}

/// The loader, the core module, the WASM and the print stylesheet the loader
/// links, into `out` (emptied first).
fn build_widget(
    root: &Path,
    tools: &Toolchain,
    cargo_args: &[&str],
    monographs: Option<&Path>,
    out: &Path,
) -> Result<()> {
    let mut cargo = tools.command("cargo")?;
    // The leaflet without the door linked in, and the door, its own module.
    cargo.args([
        "build",
        "--release",
        "--lib",
        "--package",
        "drug-leaflet",
        "--package",
        DOOR_PACKAGE,
        "--no-default-features",
        "--features",
        "drug-leaflet/small-allocator",
        "--target",
        WASM_TARGET,
    ]);
    cargo.args(cargo_args);
    with_monographs(&mut cargo, monographs);
    if tools.std_sources() {
        // std rebuilt with panics that abort at once: no panic messages or
        // their formatting code in the WASM (about 11 KB brotli). A panic
        // traps either way; `panic = "abort"` only printed to nowhere.
        // `-Zlocation-detail=none` drops the file names, lines and columns
        // that `#[track_caller]` code still keeps (about 1 KB brotli).
        // `-Zfmt-debug=none` makes `{:?}` and derived `Debug` print nothing
        // (about 3 KB brotli): messages quote host text with
        // `monograph::markup::quoted`, never `{:?}` (a test below checks).
        println!("dist: std rebuilt from rust-src with panic=immediate-abort, no panic locations, no Debug formatting");
        cargo
            .env("RUSTC_BOOTSTRAP", "1")
            .env(
                "RUSTFLAGS",
                with_rustflags(
                    "-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none",
                ),
            )
            .arg("-Zbuild-std=std,panic_abort")
            .arg("-Zbuild-std-features=optimize_for_size");
    } else {
        println!("dist: prebuilt std (no rust-src): panic messages stay in the WASM, about 11 KB brotli");
    }
    run(&mut cargo)?;
    let bindgen_out = root.join(BINDGEN_DIR);
    if bindgen_out.exists() {
        fs::remove_dir_all(&bindgen_out)?;
    }
    if out.exists() {
        fs::remove_dir_all(out).with_context(|| format!("clearing {}", out.display()))?;
    }
    fs::create_dir_all(out)?;
    for (crate_file, name) in [("drug_leaflet", CORE_NAME), ("drug_leaflet_door", DOOR_NAME)] {
        let wasm = root
            .join("target")
            .join(WASM_TARGET)
            .join(format!("release/{crate_file}.wasm"));
        run(tools
            .command(tools.wasm_bindgen())?
            .arg(&wasm)
            .args([
                "--target",
                "web",
                "--no-typescript",
                "--out-name",
                name,
                "--out-dir",
            ])
            .arg(&bindgen_out))?;
        run(tools
            .command(tools.wasm_opt())?
            .arg(bindgen_out.join(format!("{name}_bg.wasm")))
            // --converge repeats -Oz until nothing shrinks: about 0.7 KB brotli.
            // --low-memory-unused folds small constant offsets into loads and
            // stores (about 0.7 KB): it assumes no address wraps around 4 GiB to
            // below 1 KiB, which Rust's pointers never do (only a trap changes:
            // out of bounds instead of a wild access). The target_features
            // section only serves linkers.
            .args(["--low-memory-unused", "-Oz", "--converge"])
            .args(["--strip-debug", "--strip-producers", "--strip-target-features"])
            .args(WASM_FEATURES)
            .arg("-o")
            .arg(out.join(format!("{name}_bg.wasm"))))?;
    }
    // The imports' hashed names shortened in each WASM and in the glue that
    // `bundle_core` and `package` read (target/bindgen's WASM keeps them, for
    // twiggy): see names.rs.
    for name in [CORE_NAME, DOOR_NAME] {
        let wasm_path = out.join(format!("{name}_bg.wasm"));
        let glue_path = bindgen_out.join(format!("{name}.js"));
        let (wasm, glue) = names::shorten(&fs::read(&wasm_path)?, &fs::read_to_string(&glue_path)?, name)?;
        fs::write(&wasm_path, wasm)?;
        fs::write(&glue_path, glue)?;
    }
    let wasm_integrity = integrity(&fs::read(out.join(format!("{CORE_NAME}_bg.wasm")))?);
    let bundled = bindgen_out.join(format!("{CORE_NAME}.bundled.js"));
    fs::write(&bundled, bundle_core(&bindgen_out)?)?;
    let core = minify(
        tools.command(tools.terser())?,
        &bundled,
        Script::Module,
        &[WASM_INTEGRITY, DOOR_INTEGRITY],
        &bindgen_out,
    )?
    .replace(WASM_INTEGRITY, &wasm_integrity)
    .replace(
        DOOR_INTEGRITY,
        &integrity(&fs::read(out.join(format!("{DOOR_NAME}_bg.wasm")))?),
    );
    let core_path = out.join(format!("{CORE_NAME}.js"));
    fs::write(&core_path, &core)?;
    let loader = minify(
        tools.command(tools.terser())?,
        &root.join("src/loader.js"),
        Script::Classic,
        &[
            CORE_INTEGRITY,
            WASM_INTEGRITY,
            PRINT_STYLESHEET_INTEGRITY,
            BUNDLED_PLACEHOLDER,
        ],
        &bindgen_out,
    )?;
    // The loader links the pasted fallback's print stylesheet: beside it, pinned.
    let print_stylesheet = fs::read(root.join(embed::PRINT_STYLESHEET_SOURCE))
        .with_context(|| format!("reading {}", embed::PRINT_STYLESHEET_SOURCE))?;
    fs::write(out.join(embed::PRINT_STYLESHEET), &print_stylesheet)?;
    let loader = format!("// drug-leaflet loader: see src/loader.js\n{loader}")
        .replace(CORE_INTEGRITY, &integrity(core.as_bytes()))
        .replace(PRINT_STYLESHEET_INTEGRITY, &integrity(&print_stylesheet))
        .replace(WASM_INTEGRITY, &wasm_integrity)
        .replace(BUNDLED_PLACEHOLDER, &format!("{:?}", monograph::bundled::IDS));
    fs::write(out.join(LOADER), loader)?;
    check_syntax(tools.command("node")?, &core_path, Script::Module)?;
    check_syntax(tools.command("node")?, &out.join(LOADER), Script::Classic)
}

/// How the browser runs a script, which decides how it is parsed.
#[derive(Clone, Copy)]
enum Script {
    /// `<script type="module">`: top-level names are the module's own.
    Module,
    /// A classic script, whose top-level names would be the page's globals.
    Classic,
}

/// `source` minified by terser: comments and whitespace dropped, local names
/// shortened, code simplified (the core module about 8.2 -> 6.6 KB brotli).
/// Exports, property names (wasm-bindgen's imports are looked up by name) and
/// string literals stay, and each placeholder in `placeholders` must still be
/// there, once, to be replaced. The minified file is written into `scratch`.
fn minify(
    mut terser: Command,
    source: &Path,
    script: Script,
    placeholders: &[&str],
    scratch: &Path,
) -> Result<String> {
    let name = source
        .file_stem()
        .context("a script's file name")?
        .to_string_lossy();
    let minified = scratch.join(format!("{name}.min.js"));
    terser.arg(source);
    if let Script::Module = script {
        terser.arg("--module");
    }
    run(terser
        .args(["--compress", "--mangle", "--comments", "false", "--output"])
        .arg(&minified))?;
    let text = fs::read_to_string(&minified)?;
    for placeholder in placeholders {
        if text.matches(placeholder).count() != 1 {
            bail!(
                "{} has {placeholder} {} times after minifying, not once",
                source.display(),
                text.matches(placeholder).count()
            );
        }
    }
    Ok(text)
}

/// Fails when the file as written is not valid JavaScript, parsed as the
/// browser will parse it (`node --check`).
fn check_syntax(mut node: Command, file: &Path, script: Script) -> Result<()> {
    node.args([
        "--input-type",
        match script {
            Script::Module => "module",
            Script::Classic => "commonjs",
        },
        "--check",
    ])
    .stdin(fs::File::open(file)?);
    run(&mut node).with_context(|| format!("{} is not valid JavaScript", file.display()))
}

/// wasm-bindgen's glue with the element shell inlined (one module, one hash)
/// and the start-up code appended: take the loader's fetch of the WASM (or
/// fetch it, with its integrity, when the module is loaded on its own), then
/// define `<drug-leaflet>`. Without WebAssembly (nothing fetched), or when it
/// cannot start, `startFailed` (src/element.js) defines it to show each
/// element's fallback, given the bundled drugs' ids.
fn bundle_core(bindgen_out: &Path) -> Result<String> {
    let door = format!(
        "fetch(new URL(\"{DOOR_NAME}_bg.wasm\", import.meta.url), {{ integrity: \"{DOOR_INTEGRITY}\" }})"
    );
    let glue = glue_with_snippets(bindgen_out, &door)?;
    // dist's module starts itself and nothing imports it: without the glue's
    // exports of `initSync` and the init function, terser drops `initSync`
    // (about 350 bytes, 50 brotli: what the start-up's fallback costs).
    let exports = "export { initSync, __wbg_init as default };";
    if glue.matches(exports).count() != 1 {
        bail!("wasm-bindgen's glue no longer ends with {exports:?}: update bundle_core");
    }
    let mut bundled = glue.replace(exports, "");
    let ids = format!("{:?}", monograph::bundled::IDS);
    bundled.push_str(&format!(
        r#"
const wasmUrl = new URL("{CORE_NAME}_bg.wasm", import.meta.url);
const loaded = globalThis.__drugLeafletLoader && globalThis.__drugLeafletLoader.wasm;
const folder = new URL(".", import.meta.url).href;
setDataFolder(folder);
if (globalThis.WebAssembly) {{
  __wbg_init({{ module_or_path: loaded || fetch(wasmUrl, {{ integrity: "{WASM_INTEGRITY}" }}) }}).then(
    () => defineElement(),
    (error) => startFailed(
      "could not load or start " + wasmUrl.href + " (offline, missing, failing its integrity check, or a " +
        "Content-Security-Policy: script-src needs 'wasm-unsafe-eval' and connect-src " + folder + ")",
      {ids},
      error));
}} else {{
  startFailed("this browser has no WebAssembly", {ids});
}}
"#
    ));
    Ok(bundled)
}

/// wasm-bindgen's glue with its snippets (the element shell, src/element.js)
/// inlined, and the door's glue after it: one module, for dist/ and for the
/// npm package alike. `door_wasm`: the expression that gives the door's WASM
/// (a URL or a fetch) to its glue.
pub fn glue_with_snippets(bindgen_out: &Path, door_wasm: &str) -> Result<String> {
    let glue = fs::read_to_string(bindgen_out.join(format!("{CORE_NAME}.js")))?;
    let mut bundled = String::new();
    for line in glue.lines() {
        let snippet = line
            .strip_prefix("import ")
            .and_then(|rest| rest.split_once(" from './snippets/"))
            .map(|(_, path)| path.trim_end_matches(';').trim_end_matches('\''));
        match snippet {
            Some(path) => {
                let code = fs::read_to_string(bindgen_out.join("snippets").join(path))
                    .with_context(|| format!("reading the snippet {path}"))?;
                bundled.push_str(&code.replace("export function ", "function "));
            }
            None => bundled.push_str(line),
        }
        bundled.push('\n');
    }
    if bundled.contains("./snippets/") {
        bail!("the glue still imports a snippet after inlining");
    }
    // Every call into the WASM goes through `guardWasm` (src/element.js), which
    // catches a trap of the shared instance: the glue's own `wasm` binding gets
    // the wrapped exports, before the instance's start function runs.
    let exports = "\n    wasm = instance.exports;\n";
    if !bundled.contains(exports) {
        bail!("wasm-bindgen's glue no longer sets `wasm = instance.exports`: update the crash guard in glue_with_snippets");
    }
    let mut bundled = bundled.replace(exports, "\n    wasm = guardWasm(instance.exports);\n");
    bundled.push_str(&door_glue(bindgen_out, door_wasm)?);
    Ok(bundled)
}

/// The door's wasm-bindgen glue inside a function, so that its names (`wasm`,
/// `__wbg_init`, ...) are its own beside the leaflet's, handed to the element
/// shell (`setDoorLoader`), which runs it the first time a page needs it. Its
/// instance is not guarded: a trap in the door is the door's (src/element.js
/// `doorParse`), the leaflet's instance carries on.
fn door_glue(bindgen_out: &Path, door_wasm: &str) -> Result<String> {
    let glue = fs::read_to_string(bindgen_out.join(format!("{DOOR_NAME}.js")))?;
    let exports = "export { initSync, __wbg_init as default };";
    let default_url = format!("module_or_path = new URL('{DOOR_NAME}_bg.wasm', import.meta.url);");
    if glue.matches(exports).count() != 1
        || glue.matches(&default_url).count() != 1
        || glue.matches("export function ").count() != 1
        || glue.contains("\nimport ")
    {
        bail!("the door's wasm-bindgen glue is not as door_glue expects (one `export function parse`, no imports, {exports:?}, {default_url:?}): update door_glue");
    }
    let glue = glue
        .replace(exports, "")
        .replace(
            &default_url,
            "throw new Error('drug-leaflet: the door is started with its WASM');",
        )
        .replace("export function ", "function ");
    Ok(format!(
        "\nfunction doorModule() {{\n{glue}\nreturn {{ init: __wbg_init, parse }};\n}}\n\
         setDoorLoader(() => {{\n  const door = doorModule();\n  \
         return door.init({{ module_or_path: {door_wasm} }}).then(() => door.parse);\n}});\n"
    ))
}

/// `flags` after any RUSTFLAGS the caller set.
fn with_rustflags(flags: &str) -> String {
    match std::env::var("RUSTFLAGS") {
        Ok(set) if !set.trim().is_empty() => format!("{set} {flags}"),
        _ => flags.to_owned(),
    }
}

fn write_integrity_file(dist: &Path) -> Result<()> {
    let mut text = String::from("# Subresource Integrity (SHA-384) of each file in this folder.\n");
    let mut loader_integrity = String::new();
    for name in [
        LOADER.to_owned(),
        format!("{CORE_NAME}.js"),
        format!("{CORE_NAME}_bg.wasm"),
    ] {
        let hash = integrity(&fs::read(dist.join(&name))?);
        text.push_str(&format!("{hash}  {name}\n"));
        if name == LOADER {
            loader_integrity = hash;
        }
    }
    text.push_str(&format!(
        "\n# The snippet for your page (use the URL where you host this folder).\n\
         # The loader pins the core module's hash (and the WASM's and the print stylesheet's),\n\
         # and the core module pins the WASM's.\n\
         <script src=\"https://your.example/drug-leaflet/{LOADER}\" integrity=\"{loader_integrity}\" crossorigin=\"anonymous\" defer></script>\n\
         <drug-leaflet></drug-leaflet>\n"
    ));
    let drugs = drug_data_files(dist)?;
    if !drugs.is_empty() {
        text.push_str(
            "\n# Drugs loaded on demand: each element fetches monographs/<id>.json from this\n\
             # folder (monographs/<id>.<lang>.json with a `lang` the drug has a leaflet in);\n\
             # `integrity` pins the file as it pins a script, so each language has its own line.\n",
        );
    }
    for drug in drugs {
        text.push_str(&format!("<drug-leaflet{}></drug-leaflet>\n", drug.attributes()?));
    }
    fs::write(dist.join("integrity.txt"), text)?;
    Ok(())
}

/// One drug's data file in dist/: `monographs/<id>.json`, or
/// `monographs/<id>.<language>.json` for its leaflet in another language.
pub struct DrugFile {
    pub id: String,
    pub language: Option<String>,
    pub path: PathBuf,
}

impl DrugFile {
    /// The file's name without `.json`, as its fallback and snippet are named.
    pub fn name(&self) -> String {
        match &self.language {
            Some(language) => monograph::loader::translation_name(&self.id, language),
            None => self.id.clone(),
        }
    }

    /// The attributes of a `<drug-leaflet>` that loads this file, pinned by
    /// its hash: ` drug="<id>" lang="<language>" integrity="<hash>"`.
    pub fn attributes(&self) -> Result<String> {
        let bytes = fs::read(&self.path).with_context(|| format!("reading {}", self.path.display()))?;
        let lang = self
            .language
            .as_ref()
            .map(|language| format!(" lang=\"{language}\""))
            .unwrap_or_default();
        Ok(format!(
            " drug=\"{}\"{lang} integrity=\"{}\"",
            self.id,
            integrity(&bytes)
        ))
    }
}

/// The drugs dist/ serves as data files, by name: each drug's main file and
/// its leaflets in other languages. The main file's copy under its own
/// language (byte for byte the same, so the same hash) is not listed.
pub fn drug_data_files(dist: &Path) -> Result<Vec<DrugFile>> {
    let dir = dist.join("monographs");
    if !dir.exists() {
        return Ok(Vec::new());
    }
    let mut files = Vec::new();
    for entry in fs::read_dir(&dir)? {
        let path = entry?.path();
        let name = path
            .file_name()
            .and_then(|name| name.to_str())
            .and_then(|name| name.strip_suffix(".json"));
        let Some(name) = name else {
            continue;
        };
        let (id, language) = match name.split_once('.') {
            Some((id, language)) => (id.to_owned(), Some(language.to_owned())),
            None => (name.to_owned(), None),
        };
        if language.is_some()
            && fs::read(&path)? == fs::read(dir.join(format!("{id}.json"))).unwrap_or_default()
        {
            continue;
        }
        files.push(DrugFile { id, language, path });
    }
    files.sort_by_key(DrugFile::name);
    Ok(files)
}

/// Size of one file as shipped, gzipped and brotli-compressed (quality 11).
pub struct FileSize {
    pub path: String,
    pub raw: usize,
    pub gzip: usize,
    pub brotli: usize,
}

pub fn sizes(dist: &Path) -> Result<Vec<FileSize>> {
    let mut files = Vec::new();
    collect_files(dist, &mut files)?;
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let bytes = fs::read(&path)?;
            let relative = path.strip_prefix(dist)?.to_string_lossy().replace('\\', "/");
            Ok(FileSize {
                path: relative,
                raw: bytes.len(),
                gzip: gzip_len(&bytes)?,
                brotli: brotli_len(&bytes)?,
            })
        })
        .collect()
}

fn collect_files(dir: &Path, files: &mut Vec<PathBuf>) -> Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_files(&path, files)?;
        } else {
            files.push(path);
        }
    }
    Ok(())
}

fn gzip_len(bytes: &[u8]) -> Result<usize> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?.len())
}

fn brotli_len(bytes: &[u8]) -> Result<usize> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)?;
    Ok(out.len())
}

/// A `.js` or `.wasm` file in dist/ that every page with a leaflet loads: not
/// the host door, loaded only on its first use.
pub fn is_widget_file(path: &str) -> bool {
    (path.ends_with(".js") || path.ends_with(".wasm")) && path != format!("{DOOR_NAME}_bg.wasm")
}

fn print_sizes(dist: &Path) -> Result<()> {
    let sizes = sizes(dist)?;
    println!("\n{:<58} {:>10} {:>10} {:>10}", "dist/", "raw", "gzip", "brotli");
    for file in &sizes {
        println!(
            "{:<58} {:>10} {:>10} {:>10}",
            file.path, file.raw, file.gzip, file.brotli
        );
    }
    let shipped: Vec<&FileSize> = sizes.iter().filter(|f| is_widget_file(&f.path)).collect();
    println!(
        "{:<58} {:>10} {:>10} {:>10}\n",
        "widget total (js + wasm a plain page loads: not the door)",
        shipped.iter().map(|f| f.raw).sum::<usize>(),
        shipped.iter().map(|f| f.gzip).sum::<usize>(),
        shipped.iter().map(|f| f.brotli).sum::<usize>()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{check_syntax, collect_files, minify, Script};
    use std::fs;
    use std::process::Command;

    fn scratch(name: &str) -> std::path::PathBuf {
        let dir = crate::project_root().join("target/xtask-tests").join(name);
        fs::create_dir_all(&dir).expect("a scratch folder");
        dir
    }

    /// What a line-based comment stripper would break: `//` and `/*` inside
    /// template literals, strings and regular expressions.
    #[test]
    fn minifying_keeps_template_literals_strings_and_regular_expressions() {
        let dir = scratch("minify");
        let source = dir.join("tricky.js");
        fs::write(
            &source,
            "// a comment\nexport function text() {\n  /** doc */\n  return `\n// in a template\n/* too */` +\n    \"// in a string\" + \"__WASM_INTEGRITY__\" + /\\/\\/+/.source;\n}\n",
        )
        .expect("write");
        let terser = Command::new(crate::project_root().join("node_modules/.bin/terser"));
        let minified = minify(terser, &source, Script::Module, &["__WASM_INTEGRITY__"], &dir)
            .expect("terser in node_modules (cargo xtask dist installs it)");
        assert!(
            !minified.contains("a comment") && !minified.contains("doc"),
            "{minified}"
        );
        let check = dir.join("check.mjs");
        fs::write(
            &check,
            format!("{minified}\nif (text() !== \"\\n// in a template\\n/* too */// in a string__WASM_INTEGRITY__\\\\/\\\\/+\") throw new Error(text());\n"),
        )
        .expect("write");
        let ran = Command::new("node").arg(&check).status().expect("node runs");
        assert!(ran.success(), "{minified}");
    }

    #[test]
    fn the_syntax_check_refuses_broken_scripts() {
        let dir = scratch("syntax");
        let file = |name: &str, text: &str| {
            let path = dir.join(name);
            fs::write(&path, text).expect("write");
            path
        };
        let module = file("module.js", "export const a = import.meta.url;\n");
        let classic = file("classic.js", "(function () { window.a = 1; })();\n");
        let cut = file("cut.js", "(function () { window.a = `\n");
        let node = || Command::new("node");
        assert!(check_syntax(node(), &module, Script::Module).is_ok());
        assert!(check_syntax(node(), &classic, Script::Classic).is_ok());
        assert!(
            check_syntax(node(), &module, Script::Classic).is_err(),
            "export in a classic script"
        );
        assert!(check_syntax(node(), &cut, Script::Classic).is_err());
        assert!(check_syntax(node(), &cut, Script::Module).is_err());
    }

    /// The WASM is built with `-Zfmt-debug=none`, where `{:?}` prints nothing:
    /// a message quoting host text that way would lose the text. The code that
    /// ships (src/ but its binaries, the monograph crate, up to the first
    /// `#[cfg(test)]`: the test module at each file's end; a `tests.rs` is a
    /// test module of its own) quotes
    /// with `monograph::markup::quoted` instead.
    #[test]
    fn shipped_code_has_no_debug_formatting() {
        let root = crate::project_root();
        let mut files = Vec::new();
        collect_files(&root.join("src"), &mut files).expect("src/");
        collect_files(&root.join("monograph/src"), &mut files).expect("monograph/src/");
        let mut found = Vec::new();
        for path in files {
            let test_module = path.file_name().is_some_and(|name| name == "tests.rs");
            if path.extension().is_none_or(|e| e != "rs")
                || path.starts_with(root.join("src/bin"))
                || test_module
            {
                continue;
            }
            let text = fs::read_to_string(&path).expect("a source file");
            let shipped = text.split("#[cfg(test)]\n").next().unwrap_or_default();
            for (n, line) in shipped.lines().enumerate() {
                if line.trim_start().starts_with("//") {
                    continue;
                }
                if has_debug_placeholder(line) || line.contains("dbg!(") || line.contains("Debug::fmt(") {
                    found.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                }
            }
        }
        assert!(
            found.is_empty(),
            "Debug formatting in shipped code:\n{}",
            found.join("\n")
        );
    }

    /// A format placeholder with the `?` (Debug) type: `{:?}`, `{name:?}`, `{0:#?}`.
    fn has_debug_placeholder(line: &str) -> bool {
        line.match_indices("?}").any(|(end, _)| {
            line[..end].rsplit_once('{').is_some_and(|(_, inside)| {
                inside.split_once(':').is_some_and(|(argument, spec)| {
                    argument
                        .chars()
                        .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
                        && !spec.contains(char::is_whitespace)
                })
            })
        })
    }

    #[test]
    fn debug_placeholders_are_found_and_other_braces_are_not() {
        for debug in ["format!(\"{:?}\", x)", "\"{text:?} is\"", "{0:#?}", "{x:>8?}"] {
            assert!(has_debug_placeholder(debug), "{debug}");
        }
        for other in [
            "format!(\"{}\", quoted(x))",
            "{ value? }",
            "{ f(a: b)?}",
            "Ok(x?)}",
        ] {
            assert!(!has_debug_placeholder(other), "{other}");
        }
    }
}
