//! Custom hooks and DOM helpers the components share, none of them tied to
//! one component (the accordion's own hooks live beside it, in
//! `components/accordion/`). Effects never run in server-side rendering, so
//! the prerendered fallback touches no browser API.

mod dom;
mod event_listener;
mod use_options;

pub(crate) use dom::{after_render, element_by_id, next_frame, window_height};
pub(crate) use event_listener::EventListener;
pub use use_options::use_options;
