//! The parts of the benchmark that need no browser: the budgets
//! (`bench/budget.toml`, whose size limits `cargo xtask test` checks), the
//! bench pages and the `<details>` baseline, the request waterfall depth,
//! medians and percentiles, and the WASM's bytes by crate.

pub mod budget;
pub mod page_load;
pub mod pages;
pub mod stats;
pub mod twiggy;
