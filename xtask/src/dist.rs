//! `cargo xtask dist`: the files a host copies to its web server.
//!
//! dist/
//!   drug-leaflet.js            classic-script entry (`<script src defer>`)
//!   drug-leaflet-core.js       wasm-bindgen's ES module glue
//!   drug-leaflet-core_bg.wasm  the app, size-optimised with wasm-opt
//!   snippets/                  the custom element shell (src/element.js)
//!   index.html, demo.css       the demo host page

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::process::run;
use crate::toolchain::{Toolchain, WASM_TARGET};

pub const CORE_NAME: &str = "drug-leaflet-core";

/// Files copied as they are: (source in the repo, name in dist/).
const STATIC_FILES: &[(&str, &str)] = &[
    ("src/loader.js", "drug-leaflet.js"),
    ("index.html", "index.html"),
    ("styles/demo.css", "demo.css"),
];

/// Features Rust's wasm32 output uses; wasm-opt must accept them.
const WASM_FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-mutable-globals",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-reference-types",
    "--enable-multivalue",
];

pub fn build(root: &Path, tools: &Toolchain) -> Result<PathBuf> {
    let dist = root.join("dist");
    run(tools.command("cargo")?.args([
        "build",
        "--release",
        "--lib",
        "--package",
        "drug-leaflet",
        "--target",
        WASM_TARGET,
    ]))?;
    let wasm = root
        .join("target")
        .join(WASM_TARGET)
        .join("release/drug_leaflet.wasm");
    let bindgen_out = root.join("target/bindgen");
    if bindgen_out.exists() {
        fs::remove_dir_all(&bindgen_out)?;
    }
    run(tools
        .command(tools.wasm_bindgen())?
        .arg(&wasm)
        .args([
            "--target",
            "web",
            "--no-typescript",
            "--out-name",
            CORE_NAME,
            "--out-dir",
        ])
        .arg(&bindgen_out))?;

    if dist.exists() {
        fs::remove_dir_all(&dist).context("clearing dist/")?;
    }
    fs::create_dir_all(&dist)?;
    run(tools
        .command(tools.wasm_opt())?
        .arg(bindgen_out.join(format!("{CORE_NAME}_bg.wasm")))
        .args(["-Oz", "--strip-debug", "--strip-producers"])
        .args(WASM_FEATURES)
        .arg("-o")
        .arg(dist.join(format!("{CORE_NAME}_bg.wasm"))))?;
    fs::copy(
        bindgen_out.join(format!("{CORE_NAME}.js")),
        dist.join(format!("{CORE_NAME}.js")),
    )?;
    copy_dir(&bindgen_out.join("snippets"), &dist.join("snippets"))?;
    for (source, name) in STATIC_FILES {
        fs::copy(root.join(source), dist.join(name)).with_context(|| format!("copying {source}"))?;
    }
    print_sizes(&dist)?;
    Ok(dist)
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
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

fn print_sizes(dist: &Path) -> Result<()> {
    let sizes = sizes(dist)?;
    println!("\n{:<58} {:>10} {:>10} {:>10}", "dist/", "raw", "gzip", "brotli");
    for file in &sizes {
        println!(
            "{:<58} {:>10} {:>10} {:>10}",
            file.path, file.raw, file.gzip, file.brotli
        );
    }
    let shipped: Vec<&FileSize> = sizes
        .iter()
        .filter(|f| !f.path.ends_with(".html") && !f.path.ends_with(".css"))
        .collect();
    println!(
        "{:<58} {:>10} {:>10} {:>10}\n",
        "widget total (js + wasm)",
        shipped.iter().map(|f| f.raw).sum::<usize>(),
        shipped.iter().map(|f| f.gzip).sum::<usize>(),
        shipped.iter().map(|f| f.brotli).sum::<usize>()
    );
    Ok(())
}
