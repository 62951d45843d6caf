//! `actors` stage.

use std::sync::Arc;

use crate::document::Document;
use crate::error::StageName;
use crate::knowledge::Knowledge;
use crate::pipeline::{Stage, StageError};

/// The actors stage.
#[derive(Debug)]
pub struct Actors {
    #[allow(dead_code)]
    kb: Arc<Knowledge>,
}

impl Actors {
    /// A actors stage over the loaded knowledge.
    #[must_use]
    pub fn new(kb: Arc<Knowledge>) -> Self {
        Self { kb }
    }
}

impl Stage for Actors {
    fn name(&self) -> StageName {
        StageName::Actors
    }
    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let _ = doc;
        Ok(())
    }
}
