//! Monograph data: its model, the rules it must meet, dates, glossary-link
//! markup, the reading grade and which drugs the WASM bundles. The library (a
//! host's monograph), `build.rs` (the bundled files) and the xtask
//! (`check-content`, `dist`) all depend on this crate, so the same rules and
//! the same list run everywhere; its Cargo.toml keeps it to std, serde and
//! implicit-clone, plus toml for the file loader (feature `loader`) and
//! serde_json for the door on JSON (feature `json`), which the shipped WASM
//! leaves out.

pub mod bundled;
pub mod bytes;
pub mod date;
pub mod decimal;
#[cfg(any(test, feature = "json"))]
pub mod json;
#[cfg(feature = "loader")]
pub mod loader;
pub mod markup;
pub mod model;
pub mod problem;
pub mod provenance;
pub mod readability;
#[cfg(feature = "loader")]
pub mod review;
pub mod shape;
pub mod validate;
