use yew::prelude::*;

use crate::options::Options;

/// The options every component reads (language, heading level, mode), provided
/// by `App`; the defaults when rendered on its own.
#[hook]
pub fn use_options() -> Options {
    use_context::<Options>().unwrap_or_default()
}
