//! `tag`: part-of-speech tags, lemmas and dependency trees.

use crate::document::Document;
use crate::error::{Result, StageName};
use crate::pipeline::{Stage, StageError};

/// The tag stage with its loaded models.
#[derive(Debug, Default)]
pub struct Tag;

impl Tag {
    /// Loads the embedded models.
    ///
    /// # Errors
    /// When an embedded model is corrupt.
    pub fn load() -> Result<Self> {
        Ok(Self)
    }
}

impl Stage for Tag {
    fn name(&self) -> StageName {
        StageName::Tag
    }
    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let _ = doc;
        Ok(())
    }
}
