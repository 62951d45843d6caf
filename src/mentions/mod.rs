//! `mentions` stage.

use std::sync::Arc;

use crate::document::Document;
use crate::error::StageName;
use crate::knowledge::Knowledge;
use crate::pipeline::{Stage, StageError};

/// The mentions stage.
#[derive(Debug)]
pub struct Mentions {
    #[allow(dead_code)]
    kb: Arc<Knowledge>,
}

impl Mentions {
    /// A mentions stage over the loaded knowledge.
    #[must_use]
    pub fn new(kb: Arc<Knowledge>) -> Self {
        Self { kb }
    }
}

impl Stage for Mentions {
    fn name(&self) -> StageName {
        StageName::Mentions
    }
    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let _ = doc;
        Ok(())
    }
}
