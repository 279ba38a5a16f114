//! Monograph data: its model, the rules it must meet and date handling. Shared
//! with `build.rs` and the xtask through `#[path]`, so it uses only std, serde
//! and implicit-clone.

pub mod date;
pub mod markup;
pub mod model;
pub mod readability;
pub mod validate;
