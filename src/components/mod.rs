//! The leaflet's view: one component a file. `App` is the root the element
//! mounts; `Leaflet` is the leaflet itself (also prerendered as the fallback).

mod accordion_section;
mod app;
mod block_view;
mod invalid_monograph;
mod leaflet;
mod leaflet_header;
mod rich_text;
mod show_all;
mod skip_link;
mod sources;

pub use app::{App, AppProps};
pub use leaflet::{Leaflet, LeafletProps};
