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

use yew::virtual_dom::VText;
use yew::{AttrValue, Html};

/// Text for `html!` that shares its string: `html!` turns any other value into
/// text with `to_string`, a copy that every shown leaflet keeps.
fn text_node(value: impl Into<AttrValue>) -> Html {
    VText::new(value).into()
}
pub use leaflet::{Leaflet, LeafletProps};
