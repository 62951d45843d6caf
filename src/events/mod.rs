//! `events` stage.

use std::sync::Arc;

use crate::document::Document;
use crate::error::StageName;
use crate::knowledge::Knowledge;
use crate::pipeline::{Stage, StageError};

/// The events stage.
#[derive(Debug)]
pub struct Events {
    #[allow(dead_code)]
    kb: Arc<Knowledge>,
}

impl Events {
    /// A events stage over the loaded knowledge.
    #[must_use]
    pub fn new(kb: Arc<Knowledge>) -> Self {
        Self { kb }
    }
}

impl Stage for Events {
    fn name(&self) -> StageName {
        StageName::Events
    }
    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let _ = doc;
        Ok(())
    }
}
