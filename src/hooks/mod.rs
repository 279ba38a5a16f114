//! Custom hooks: state wiring kept out of the components' markup.

mod use_accordion;
mod use_options;

pub use use_accordion::use_accordion;
pub use use_options::use_options;
