//! What the rules found: errors, warnings, and the ways a rule records one.

use crate::date::IsoDate;
use crate::markup::{preview, quoted};
use crate::problem::{Problem, MESSAGE_CHARS};

#[derive(Debug, Default)]
pub struct Report {
    /// Problems that stop the monograph from being used.
    pub errors: Vec<Problem>,
    /// Style findings (long added sentences) for the editor; never fatal.
    pub warnings: Vec<Problem>,
}

impl Report {
    /// `file: error: path: message` lines, then the warnings: the form compilers
    /// use, so editors can jump to the file.
    pub fn lines(&self, file: &str) -> Vec<String> {
        let errors = self.errors.iter().map(|p| format!("{file}: error: {p}"));
        let warnings = self.warnings.iter().map(|p| format!("{file}: warning: {p}"));
        errors.chain(warnings).collect()
    }

    /// `text` as a full ISO 8601 day, or an error at `path`.
    pub(super) fn day(&mut self, path: &str, text: &str) -> Option<IsoDate> {
        let day = IsoDate::parse_day(text);
        if day.is_none() {
            self.not_a_date(path, text, "YYYY-MM-DD");
        }
        day
    }

    pub(super) fn not_a_date(&mut self, path: impl Into<String>, text: &str, forms: &str) {
        self.error(
            path,
            format!("{} is not an ISO 8601 date ({forms})", quoted(text)),
        );
    }

    /// Messages echo the host's text (ids, headings, terms): cut to a length
    /// a reader can take in, whatever the host sent.
    pub(crate) fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.errors.push(Problem {
            path: path.into(),
            message: preview(&message.into(), MESSAGE_CHARS),
        });
    }
}
