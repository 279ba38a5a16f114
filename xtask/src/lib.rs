//! Build automation for drug-leaflet, and the pieces the end-to-end tests share
//! with it (the static file server, the project's paths and tools).

pub mod bench;
pub mod ci;
pub mod content;
pub mod dist;
pub mod embed;
pub mod epi;
pub mod fuzz;
pub mod import;
pub mod narrative;
pub mod package;
pub mod process;
pub mod review;
pub mod screenshots;
pub mod serve;
pub mod spl;
pub mod sri;
pub mod timestamp;
pub mod toolchain;
pub mod webdriver;

use std::path::PathBuf;

/// The repository root (the folder holding the workspace `Cargo.toml`).
pub fn project_root() -> PathBuf {
    let xtask_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    xtask_dir.parent().map(PathBuf::from).unwrap_or(xtask_dir)
}
