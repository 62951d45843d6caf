//! The one place where core errors become Python exceptions.

use pyo3::exceptions::PyOSError;
use pyo3::PyErr;

use crate::error::Error;

pyo3::import_exception!(eventframe.exceptions, ConfigError);
pyo3::import_exception!(eventframe.exceptions, DocumentError);
pyo3::import_exception!(eventframe.exceptions, SchemaError);

/// Wraps a core [`Error`] so that `?` converts it (orphan rule: `PyErr` is foreign).
pub(crate) struct PyError(pub(crate) Error);

impl From<Error> for PyError {
    fn from(e: Error) -> Self {
        Self(e)
    }
}

impl From<PyError> for PyErr {
    fn from(e: PyError) -> Self {
        let message = e.0.to_string();
        // No `_ =>` arm: a new variant must force a mapping decision here.
        match e.0 {
            Error::Config { .. } => ConfigError::new_err(message),
            Error::Document {
                doc_id,
                stage,
                kind,
                ..
            } => DocumentError::new_err((message, doc_id, stage.as_str(), kind)),
            Error::Frame { .. } => SchemaError::new_err(message),
            Error::Io { .. } => PyOSError::new_err(message),
        }
    }
}
