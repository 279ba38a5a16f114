//! The leaflet's view: one component a file.

mod accordion_section;
mod block_view;
mod leaflet;
mod leaflet_header;
mod rich_text;
mod show_all;
mod skip_link;
mod sources;

pub use leaflet::{Leaflet, LeafletProps};
