//! Python bindings (`eventframe._core`): convert, release the GIL, run, wrap.
//!
//! The boundary is crossed once per batch: a list of texts goes in, one Arrow table per frame
//! comes out through the Arrow PyCapsule interface (Python wraps them with polars, zero copy).

mod errors;

use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::{RecordBatch, RecordBatchIterator};
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyList, PyString};

use crate::error::{Error, StageName};
use crate::frames::{self, schema, BuildOptions};
use crate::pipeline::{Config, Input, Pipeline};
use errors::PyError;

/// An Arrow table that Python libraries import through `__arrow_c_stream__`.
#[pyclass(frozen, name = "ArrowTable", module = "eventframe._core")]
struct ArrowTable {
    batch: RecordBatch,
}

#[pymethods]
impl ArrowTable {
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema; // we offer our own schema only
        let reader = RecordBatchIterator::new(vec![Ok(self.batch.clone())], self.batch.schema());
        let stream = FFI_ArrowArrayStream::new(Box::new(reader));
        PyCapsule::new_with_value(py, stream, c"arrow_array_stream")
    }

    /// Number of rows.
    #[getter]
    fn num_rows(&self) -> usize {
        self.batch.num_rows()
    }
}

/// Turns one Python value into an [`Input`], never failing: problems become input errors.
fn to_input(item: &Bound<'_, PyAny>, doc_id: String, published: Option<String>) -> Input {
    let mut input = Input {
        doc_id,
        published,
        ..Input::default()
    };
    if item.is_none() {
        input.problem = Some((
            "not_text",
            "expected a str, got `None`\nhint: drop missing texts or replace them with \"\""
                .to_owned(),
        ));
        return input;
    }
    let Ok(s) = item.cast::<PyString>() else {
        let ty = item
            .get_type()
            .name()
            .map_or_else(|_| "?".to_owned(), |n| n.to_string());
        input.problem = Some((
            "not_text",
            format!("expected a str, got a value of type `{ty}`"),
        ));
        return input;
    };
    if let Ok(text) = s.to_str() {
        input.text = Some(text.to_owned());
        return input;
    }
    // Lone surrogates: replace each with U+FFFD, which keeps every code-point offset.
    let repaired = s
        .call_method1("encode", ("utf-16-le", "surrogatepass"))
        .ok()
        .and_then(|b| b.extract::<Vec<u8>>().ok())
        .map(|bytes| {
            let units = bytes
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]));
            char::decode_utf16(units)
                .map(|r| r.unwrap_or('\u{FFFD}'))
                .collect::<String>()
        });
    match repaired {
        Some(text) => {
            input.text = Some(text);
            input.repaired = true;
            input.problem = Some((
                "lone_surrogate",
                "text contains lone surrogate code points; each was replaced by U+FFFD (offsets unchanged)\nhint: decode your source with errors=\"replace\"".to_owned(),
            ));
        }
        None => {
            input.problem = Some(("not_text", "text could not be read as Unicode".to_owned()));
        }
    }
    input
}

/// The pipeline, loaded once and reused for every batch.
#[pyclass(frozen, name = "Pipeline", module = "eventframe._core")]
struct PyPipeline(Pipeline);

#[pymethods]
impl PyPipeline {
    #[new]
    fn new(py: Python<'_>, config_json: &str) -> PyResult<Self> {
        let config = Config::from_json(config_json).map_err(PyError)?;
        let p = py.detach(|| Pipeline::new(config)).map_err(PyError)?;
        Ok(Self(p))
    }

    /// Processes one batch and returns `[(frame_name, ArrowTable), ...]`.
    #[pyo3(signature = (texts, ids, published, on_error, tokens))]
    fn run(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyList>,
        ids: Vec<String>,
        published: Vec<Option<String>>,
        on_error: &str,
        tokens: bool,
    ) -> PyResult<Vec<(&'static str, ArrowTable)>> {
        if !matches!(on_error, "collect" | "raise" | "skip") {
            return Err(PyError(Error::config(format!(
                "on_error must be \"collect\", \"raise\" or \"skip\", got `{on_error}`"
            )))
            .into());
        }
        if ids.len() != texts.len() || published.len() != texts.len() {
            return Err(PyError(Error::config(format!(
                "got {} texts but {} ids and {} published dates\nhint: pass one id and one date per text",
                texts.len(),
                ids.len(),
                published.len()
            )))
            .into());
        }
        let inputs: Vec<Input> = texts
            .iter()
            .zip(ids)
            .zip(published)
            .map(|((item, id), date)| to_input(&item, id, date))
            .collect();
        let opts = BuildOptions {
            tokens,
            keep_failed: on_error != "skip",
        };
        let raise = on_error == "raise";
        let pipeline = &self.0;
        let built = py.detach(move || {
            let processed = pipeline.process_batch(inputs);
            if raise {
                if let Some(e) = processed.iter().flat_map(|p| p.errors.iter()).next() {
                    return Err(Error::Document {
                        doc_id: e.doc_id.clone(),
                        stage: e.stage,
                        kind: e.error,
                        message: e.message.clone(),
                    });
                }
            }
            frames::build(&processed, opts)
        });
        let frames = built.map_err(PyError)?;
        Ok(frames
            .tables
            .into_iter()
            .map(|(n, batch)| (n, ArrowTable { batch }))
            .collect())
    }

    /// Processes `texts` (no frames) and returns seconds spent per stage, summed over documents.
    fn profile(&self, py: Python<'_>, texts: Vec<String>) -> Vec<(&'static str, f64)> {
        let pipeline = &self.0;
        let totals = py.detach(move || {
            let inputs = texts
                .into_iter()
                .enumerate()
                .map(|(i, t)| Input {
                    doc_id: i.to_string(),
                    text: Some(t),
                    ..Input::default()
                })
                .collect();
            let mut totals = [0.0f64; 6];
            for p in pipeline.process_batch(inputs) {
                for (t, x) in totals.iter_mut().zip(p.timings) {
                    *t += x;
                }
            }
            totals
        });
        ["text", "tag", "mentions", "actors", "events", "figures"]
            .into_iter()
            .zip(totals)
            .collect()
    }

    /// Names of the enabled stages, in order.
    #[getter]
    fn stage_names(&self) -> Vec<&'static str> {
        self.0.stage_names()
    }

    /// Number of worker threads.
    #[getter]
    fn n_threads(&self) -> usize {
        self.0.n_threads()
    }
}

/// `[(frame, column, dtype, nullable, doc, enum_values), ...]` from the Rust schema table.
#[pyfunction]
#[allow(clippy::type_complexity)]
fn schema_table() -> Vec<(
    &'static str,
    &'static str,
    &'static str,
    bool,
    &'static str,
    Vec<&'static str>,
)> {
    schema::FRAMES
        .iter()
        .flat_map(|(f, cols)| {
            cols.iter().map(move |c| {
                let values = match c.dtype {
                    schema::Dtype::Enum(v) => v.to_vec(),
                    _ => Vec::new(),
                };
                (*f, c.name, c.dtype.name(), c.nullable, c.doc, values)
            })
        })
        .collect()
}

/// The frame reference as Markdown.
#[pyfunction]
fn schema_markdown() -> String {
    schema::markdown()
}

/// The CAMEO event codebook as an Arrow table.
#[pyfunction]
fn codebook_cameo() -> PyResult<ArrowTable> {
    let batch = frames::cameo_table().map_err(PyError)?;
    Ok(ArrowTable { batch })
}

/// Stage names in pipeline order.
#[pyfunction]
fn stages() -> Vec<&'static str> {
    [
        StageName::Text,
        StageName::Tag,
        StageName::Mentions,
        StageName::Actors,
        StageName::Events,
        StageName::Figures,
    ]
    .iter()
    .map(|s| s.as_str())
    .collect()
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<PyPipeline>()?;
    m.add_class::<ArrowTable>()?;
    m.add_function(wrap_pyfunction!(schema_table, m)?)?;
    m.add_function(wrap_pyfunction!(schema_markdown, m)?)?;
    m.add_function(wrap_pyfunction!(stages, m)?)?;
    m.add_function(wrap_pyfunction!(codebook_cameo, m)?)?;
    Ok(())
}
