//! The leaflet's view, a file a part. `App` is the root the element
//! mounts; `Leaflet` is the leaflet itself (also prerendered as the fallback).

pub mod accordion;
mod app;
mod block_view;
mod invalid_monograph;
mod language_notice;
mod leaflet;
mod leaflet_header;
mod show_all;
mod skip_link;
mod sources;
mod updates;

pub use app::{App, AppProps};

use yew::virtual_dom::VText;
use yew::{AttrValue, Html};

/// The tag of a heading of `level` (clamped to 1 to 6), from the WASM's data
/// rather than a string each shown leaflet keeps.
fn heading_tag(level: u8) -> &'static str {
    ["h1", "h2", "h3", "h4", "h5", "h6"][usize::from(level.clamp(1, 6)) - 1]
}

/// Text for `html!` that shares its string: `html!` turns any other value into
/// text with `to_string`, a copy that every shown leaflet keeps.
fn text_node(value: impl Into<AttrValue>) -> Html {
    VText::new(value).into()
}
pub use leaflet::{Leaflet, LeafletProps};
