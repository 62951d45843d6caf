//! Temporal expressions: find and resolve dates against the publication date.
//!
//! Used by `figures` (date rows) and by `events` (an event's own date).

use crate::document::{DateValue, Document, Span};

/// A date expression found in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct DateMatch {
    /// Where the expression is.
    pub span: Span,
    /// The resolved value; `None` when it cannot be resolved (e.g. relative without `published`).
    pub value: Option<DateValue>,
    /// The rule that matched.
    pub rule: &'static str,
}

/// Finds the date expressions of sentence `sentence` of `doc`, resolved against `doc.published`.
#[must_use]
pub fn find_in_sentence(doc: &Document, sentence: usize) -> Vec<DateMatch> {
    let _ = (doc, sentence);
    Vec::new()
}
