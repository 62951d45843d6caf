//! `figures` stage.

use std::sync::Arc;

use crate::document::Document;
use crate::error::StageName;
use crate::knowledge::Knowledge;
use crate::pipeline::{Stage, StageError};

/// The figures stage.
#[derive(Debug)]
pub struct Figures {
    #[allow(dead_code)]
    kb: Arc<Knowledge>,
}

impl Figures {
    /// A figures stage over the loaded knowledge.
    #[must_use]
    pub fn new(kb: Arc<Knowledge>) -> Self {
        Self { kb }
    }
}

impl Stage for Figures {
    fn name(&self) -> StageName {
        StageName::Figures
    }
    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let _ = doc;
        Ok(())
    }
}

pub mod dates;
