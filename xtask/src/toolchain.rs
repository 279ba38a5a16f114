//! Installs what the build and the tests need, into git-ignored folders of the
//! project where the tool allows (`.tools/`, `node_modules/`), and skips what is
//! already there at the right version: a second run installs nothing.

use std::env;
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

use crate::process::{output, run};

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// Name under which Debian's rustc-web is linked into rustup (offline fallback).
const FALLBACK_TOOLCHAIN: &str = "debian-rustc-web";
const FALLBACK_SYSROOT: &str = "/usr";
const WASM_PACK_VERSION: &str = "0.15.1";
const GECKODRIVER_VERSION: &str = "0.37.1";

/// What a command needs installed.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// wasm32 target, wasm-bindgen-cli, wasm-opt.
    Build,
    /// The build tools, plus wasm-pack and the browsers with their drivers.
    Test,
}

/// Where the tools are, once installed.
pub struct Toolchain {
    root: PathBuf,
    /// Set when the wasm32 target comes from the offline fallback.
    rustup_toolchain: Option<String>,
    /// Whether the standard library's sources (rustup's `rust-src`) are there,
    /// so `dist` can rebuild std for the WASM without panic messages; checked
    /// (and installed) the first time a build asks.
    std_sources: std::cell::OnceCell<bool>,
}

impl Toolchain {
    pub fn ensure(root: &Path, needs: Needs) -> Result<Toolchain> {
        let rustup_toolchain = ensure_wasm_target(root)?;
        let toolchain = Toolchain {
            root: root.to_path_buf(),
            rustup_toolchain,
            std_sources: std::cell::OnceCell::new(),
        };
        let bindgen_version = wasm_bindgen_version(root)?;
        toolchain.ensure_cargo_tool("wasm-bindgen-cli", &bindgen_version, "wasm-bindgen")?;
        toolchain.ensure_npm_packages()?;
        if needs == Needs::Test {
            toolchain.ensure_cargo_tool("wasm-pack", WASM_PACK_VERSION, "wasm-pack")?;
            toolchain.ensure_cargo_tool("geckodriver", GECKODRIVER_VERSION, "geckodriver")?;
            ensure_browsers()?;
        }
        Ok(toolchain)
    }

    /// rustup's `rust-src`, installed if missing; false on the offline fallback
    /// (Debian's toolchain) or when rustup cannot fetch it.
    pub fn std_sources(&self) -> bool {
        *self
            .std_sources
            .get_or_init(|| self.rustup_toolchain.is_none() && ensure_std_sources(&self.root))
    }

    fn cargo_bin_dir(&self) -> PathBuf {
        self.root.join(".tools/cargo/bin")
    }

    fn node_bin_dir(&self) -> PathBuf {
        self.root.join("node_modules/.bin")
    }

    pub fn wasm_bindgen(&self) -> PathBuf {
        self.cargo_bin_dir().join("wasm-bindgen")
    }

    pub fn wasm_opt(&self) -> PathBuf {
        self.node_bin_dir().join("wasm-opt")
    }

    pub fn terser(&self) -> PathBuf {
        self.node_bin_dir().join("terser")
    }

    /// PATH with the project's tools first, for wasm-pack (which looks up
    /// wasm-bindgen, wasm-opt and the WebDriver binaries there).
    pub fn path(&self) -> Result<OsString> {
        let mut dirs = vec![self.cargo_bin_dir(), self.node_bin_dir()];
        dirs.extend(env::split_paths(&env::var_os("PATH").unwrap_or_default()));
        Ok(env::join_paths(dirs)?)
    }

    /// `program` in the project root with the tools on PATH and, under the
    /// offline fallback, the Debian toolchain selected.
    pub fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Result<Command> {
        let mut command = Command::new(program);
        command.current_dir(&self.root).env("PATH", self.path()?);
        if let Some(toolchain) = &self.rustup_toolchain {
            command.env("RUSTUP_TOOLCHAIN", toolchain);
        }
        Ok(command)
    }

    fn ensure_cargo_tool(&self, krate: &str, version: &str, binary: &str) -> Result<()> {
        let path = self.cargo_bin_dir().join(binary);
        let installed = output(Command::new(&path).arg("--version"));
        if installed
            .as_deref()
            .is_some_and(|v| v.split_whitespace().any(|word| word == version))
        {
            return Ok(());
        }
        println!("installing {krate} {version} into .tools/cargo (cargo install, a few minutes)");
        // No --locked: the registry mirror here lacks one version pinned in some
        // tools' lock files (see ../shared/TOOLCHAIN.md).
        run(Command::new("cargo")
            .args(["install", "--root"])
            .arg(self.root.join(".tools/cargo"))
            .args([krate, "--version", &format!("={version}")]))
        .with_context(|| {
            format!("installing {krate} failed; to retry by hand: cargo install --root .tools/cargo {krate} --version ={version}")
        })
    }

    /// The npm packages pinned in package.json (binaryen's wasm-opt, terser,
    /// axe-core):
    /// `npm ci` unless each is in node_modules at its pinned version.
    fn ensure_npm_packages(&self) -> Result<()> {
        let manifest: serde_json::Value = serde_json::from_str(
            &fs::read_to_string(self.root.join("package.json")).context("reading package.json")?,
        )
        .context("package.json is not JSON")?;
        let pinned = manifest["devDependencies"]
            .as_object()
            .context("package.json has no devDependencies")?;
        let stale: Vec<&String> = pinned
            .iter()
            .filter(|(name, version)| installed_npm_version(&self.root, name).as_deref() != version.as_str())
            .map(|(name, _)| name)
            .collect();
        if stale.is_empty() {
            return Ok(());
        }
        let names: Vec<&str> = stale.iter().map(|s| s.as_str()).collect();
        println!("installing {} into node_modules with npm ci", names.join(", "));
        run(Command::new("npm")
            .current_dir(&self.root)
            .args(["ci", "--no-audit", "--no-fund"]))
        .context("npm ci failed: Node.js and npm are needed (Debian: apt-get install nodejs npm)")
    }
}

fn installed_npm_version(root: &Path, package: &str) -> Option<String> {
    let manifest = fs::read_to_string(root.join("node_modules").join(package).join("package.json")).ok()?;
    let manifest: serde_json::Value = serde_json::from_str(&manifest).ok()?;
    manifest["version"].as_str().map(str::to_owned)
}

/// The version of `wasm-bindgen` in Cargo.lock: the CLI must match it exactly.
fn wasm_bindgen_version(root: &Path) -> Result<String> {
    let lock = fs::read_to_string(root.join("Cargo.lock")).context("reading Cargo.lock")?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(version.trim_end_matches('"').to_owned());
            }
        }
    }
    bail!("Cargo.lock has no wasm-bindgen package")
}

/// Makes the wasm32 standard library available: rustup's target on the standard
/// path, else Debian's rustc-web with a wasm32 std built from its sources.
/// Returns the rustup toolchain to use for wasm builds when it is the fallback.
fn ensure_wasm_target(root: &Path) -> Result<Option<String>> {
    if has_wasm_std(Command::new("rustc").current_dir(root)) {
        println!("wasm32 target: rustup's {WASM_TARGET}");
        return Ok(None);
    }
    if fallback_ready() {
        println!("wasm32 target: Debian rustc-web (offline fallback, already set up)");
        return Ok(Some(FALLBACK_TOOLCHAIN.into()));
    }
    println!("installing the {WASM_TARGET} target with rustup");
    let added = Command::new("rustup")
        .current_dir(root)
        .args(["target", "add", WASM_TARGET])
        .status()
        .is_ok_and(|s| s.success());
    if added && has_wasm_std(Command::new("rustc").current_dir(root)) {
        println!("wasm32 target: rustup's {WASM_TARGET} (installed now)");
        return Ok(None);
    }
    println!(
        "wasm32 target: rustup could not fetch it; taking the offline fallback (Debian rustc-web, see ../shared/TOOLCHAIN.md)"
    );
    set_up_fallback(root).context(
        "the offline wasm32 fallback failed; with internet access, `rustup target add wasm32-unknown-unknown` is the fix",
    )?;
    Ok(Some(FALLBACK_TOOLCHAIN.into()))
}

/// rustup's `rust-src` component, installed if missing. Without it (offline,
/// or the Debian fallback) `dist` builds with the prebuilt std instead.
fn ensure_std_sources(root: &Path) -> bool {
    let has_sources = || {
        output(
            Command::new("rustc")
                .current_dir(root)
                .args(["--print", "sysroot"]),
        )
        .is_some_and(|sysroot| {
            Path::new(sysroot.trim())
                .join("lib/rustlib/src/rust/library/std")
                .is_dir()
        })
    };
    if has_sources() {
        return true;
    }
    println!("installing rustup's rust-src component (to rebuild std for a smaller WASM)");
    let added = Command::new("rustup")
        .current_dir(root)
        .args(["component", "add", "rust-src"])
        .status()
        .is_ok_and(|s| s.success());
    added && has_sources()
}

/// Whether `rustc` (as configured by the command's environment) has a wasm32 std.
fn has_wasm_std(rustc: &mut Command) -> bool {
    output(rustc.args(["--print", "target-libdir", "--target", WASM_TARGET]))
        .map(|dir| PathBuf::from(dir.trim()))
        .and_then(|dir| fs::read_dir(dir).ok())
        .is_some_and(|entries| {
            entries
                .filter_map(|e| e.ok())
                .any(|e| e.file_name().to_string_lossy().starts_with("libstd-"))
        })
}

fn fallback_ready() -> bool {
    let linked = output(Command::new("rustup").args(["toolchain", "list"]))
        .is_some_and(|list| list.lines().any(|l| l.starts_with(FALLBACK_TOOLCHAIN)));
    linked && has_wasm_std(Command::new("rustc").env("RUSTUP_TOOLCHAIN", FALLBACK_TOOLCHAIN))
}

fn set_up_fallback(root: &Path) -> Result<()> {
    apt_install(&["rustc-web", "cargo-web", "rust-web-src", "lld-22"])?;
    let rustlib = Path::new(FALLBACK_SYSROOT).join("lib/rustlib");
    let linker = rustlib.join("x86_64-unknown-linux-gnu/bin/rust-lld");
    if !linker.exists() {
        fs::create_dir_all(linker.parent().context("linker dir")?)?;
        std::os::unix::fs::symlink("/usr/lib/llvm-22/bin/lld", &linker)
            .with_context(|| format!("linking {}", linker.display()))?;
    }
    // Build the wasm32 standard library once from Debian's sources, in a throwaway crate.
    let scratch = root.join("target/xtask-wasm-std");
    fs::create_dir_all(scratch.join("src"))?;
    fs::write(
        scratch.join("Cargo.toml"),
        "[package]\nname = \"wasm-std\"\nversion = \"0.0.0\"\nedition = \"2021\"\n[workspace]\n",
    )?;
    fs::write(scratch.join("src/lib.rs"), "")?;
    println!("building the wasm32 standard library from rust-web-src (about a minute)");
    run(Command::new("/usr/bin/cargo")
        .current_dir(&scratch)
        .env("RUSTC", "/usr/bin/rustc")
        .env("RUSTC_BOOTSTRAP", "1")
        .env("RUSTFLAGS", "-C embed-bitcode=yes")
        .env_remove("RUSTUP_TOOLCHAIN")
        .args(["build", "--release", "--target", WASM_TARGET])
        .arg("-Zbuild-std=std,panic_abort,panic_unwind,test,proc_macro"))?;
    let deps = scratch.join("target").join(WASM_TARGET).join("release/deps");
    let std_dir = rustlib.join(WASM_TARGET).join("lib");
    fs::create_dir_all(&std_dir)?;
    for entry in fs::read_dir(&deps)? {
        let path = entry?.path();
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        if name.starts_with("lib") && name.ends_with(".rlib") && !name.starts_with("libwasm_std") {
            fs::copy(&path, std_dir.join(&name))?;
        }
    }
    run(Command::new("rustup").args(["toolchain", "link", FALLBACK_TOOLCHAIN, FALLBACK_SYSROOT]))?;
    if !fallback_ready() {
        bail!("the wasm32 standard library is still missing after the fallback build");
    }
    Ok(())
}

/// Chromium with chromedriver, Firefox ESR, and WebKitGTK (Safari's engine)
/// with its WebDriver and a virtual X display, from Debian's packages.
fn ensure_browsers() -> Result<()> {
    let wanted = [
        ("chromium", "chromium"),
        ("chromedriver", "chromium-driver"),
        ("firefox-esr", "firefox-esr"),
        ("WebKitWebDriver", "webkit2gtk-driver"),
        ("xvfb-run", "xvfb"),
    ];
    let missing: Vec<&str> = wanted
        .iter()
        .filter(|(binary, _)| which(binary).is_none())
        .map(|(_, package)| *package)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    apt_install(&missing)
}

pub fn which(binary: &str) -> Option<PathBuf> {
    env::split_paths(&env::var_os("PATH").unwrap_or_default())
        .map(|dir| dir.join(binary))
        .find(|path| path.is_file())
}

fn apt_install(packages: &[&str]) -> Result<()> {
    let list = packages.join(" ");
    let fix = format!("apt-get update && apt-get install -y {list}");
    if which("apt-get").is_none() {
        bail!("missing: {list}; this is not a Debian system, so install them with your package manager");
    }
    if output(Command::new("id").arg("-u")).as_deref().map(str::trim) != Some("0") {
        bail!("missing: {list}; run as root: {fix}");
    }
    println!("installing {list} with apt-get");
    run(Command::new("apt-get").args(["update", "-qq"])).with_context(|| format!("to retry: {fix}"))?;
    run(Command::new("apt-get")
        .env("DEBIAN_FRONTEND", "noninteractive")
        .args(["install", "-y", "-qq"])
        .args(packages))
    .with_context(|| format!("to retry: {fix}"))
}
