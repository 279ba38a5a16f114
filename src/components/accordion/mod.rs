//! The accordion, one folder as GOV.UK Frontend keeps a component: the view
//! writes the sections and marks the nodes their controls need
//! (`view.rs`); the owner keeps those nodes, listens to the reader and shows
//! every change of state in the DOM and the host's events (`controls.rs`);
//! the state is plain data (`state.rs`); the element's JS API reaches it
//! through `controller.rs`; and the hooks beside them open sections from
//! outside the accordion's buttons: a URL fragment, find in page, a glossary
//! link, the sections remembered for the page. No selector finds the view's
//! nodes again.

mod controller;
mod controls;
mod state;
mod use_deep_link;
mod use_find_in_page;
mod use_remembered_sections;
mod use_term_links;
mod view;

pub use controller::Controller;
pub use controls::{use_accordion, AccordionControls};
pub use state::{Accordion, AccordionAction};
pub use use_deep_link::use_deep_link;
pub use use_find_in_page::use_find_in_page;
pub use use_remembered_sections::use_remembered_sections;
pub use use_term_links::use_term_links;
pub use view::{section_button_id, Sections};
