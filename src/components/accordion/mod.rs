//! The accordion, one folder as GOV.UK Frontend keeps a component: the view
//! writes the sections and marks the nodes their controls need
//! (`view.rs`); the owner keeps those nodes, listens to the reader and shows
//! every change of state in the DOM and the host's events (`controls.rs`);
//! the state is plain data (`state.rs`). No selector finds the view's nodes
//! again.

mod controls;
pub mod state;
mod view;

pub use controls::{use_accordion, AccordionControls};
pub use view::Sections;
