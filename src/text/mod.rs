//! `text`: normalise, segment and tokenise, keeping exact byte offsets into the original text.

use crate::document::Document;
use crate::error::StageName;
use crate::pipeline::{Stage, StageError};

/// The text stage.
#[derive(Debug, Default)]
pub struct Text;

impl Text {
    /// A text stage.
    #[must_use]
    pub fn new() -> Self {
        Self
    }
}

impl Stage for Text {
    fn name(&self) -> StageName {
        StageName::Text
    }
    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let _ = doc;
        Ok(()) // TODO(text helper): fill doc.sentences and doc.tokens
    }
}
