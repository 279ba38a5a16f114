//! The leaflet's budgets: `bench/budget.toml`, whose size limits
//! `cargo xtask test` checks.

pub mod budget;
