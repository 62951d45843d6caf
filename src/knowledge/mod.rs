//! Embedded knowledge: countries, organisations, roles, office holders, CAMEO/PLOVER tables,
//! models. Nothing is downloaded at run time.

pub mod cameo;

use crate::error::Result;
use crate::pipeline::Config;

/// All knowledge the stages share, loaded once per pipeline.
#[derive(Debug, Default)]
pub struct Knowledge {}

impl Knowledge {
    /// Loads the built-in knowledge plus the user's dictionaries named in `config`.
    ///
    /// # Errors
    /// When a dictionary file cannot be read.
    pub fn load(config: &Config) -> Result<Self> {
        let _ = config;
        Ok(Self {})
    }
}
