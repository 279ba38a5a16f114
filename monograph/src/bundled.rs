//! The drugs compiled into the WASM: the one list that build.rs bakes, the
//! element shows without a request (the first when the host names no drug),
//! and `cargo xtask dist` tells the loader not to fetch. A Rust constant here,
//! in the one crate all three already depend on, rather than a setting in
//! Cargo.toml: nothing has to parse it, and a typo in a use of it does not
//! build.

/// Ids of the bundled monographs; each must have a `monographs/<id>.toml`
/// (build.rs fails otherwise).
pub const IDS: &[&str] = &["nusinersen"];

/// The monograph a `<drug-leaflet>` shows when the host names none. The list
/// cannot be empty: this constant would not compile.
pub const DEFAULT_ID: &str = IDS[0];
