//! A problem found in a monograph, by place and message. Its own module because
//! both the shape walk and the rules report problems, and the rules read the
//! model, whose enums read their names from the shape: here, neither depends
//! on the other.

use std::fmt;

/// The longest a problem's message gets, in characters.
pub const MESSAGE_CHARS: usize = 300;

/// One thing wrong with a monograph: where (`sections[2].blocks[0].text`) and what.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl Problem {
    /// "path: message", as the problem displays, written without `core::fmt`
    /// (see `crate::decimal`): the leaflet's alert and console lines.
    pub fn line(&self) -> String {
        [self.path.as_str(), ": ", &self.message].concat()
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.line())
    }
}
