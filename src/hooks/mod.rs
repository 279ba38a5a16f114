//! Custom hooks: state wiring and browser integration kept out of the
//! components' markup. Effects never run in server-side rendering, so the
//! prerendered fallback touches no browser API.

mod dom;
mod event_listener;
mod use_deep_link;
mod use_find_in_page;
mod use_options;
mod use_remembered_sections;
mod use_term_links;

pub(crate) use event_listener::EventListener;
pub use use_deep_link::use_deep_link;
pub use use_find_in_page::use_find_in_page;
pub use use_options::use_options;
pub use use_remembered_sections::use_remembered_sections;
pub use use_term_links::use_term_links;
