//! # eventframe
//!
//! News text in, analysis-ready tables out: events (CAMEO and PLOVER), actors and figures, each
//! value with its evidence (character offsets and the rule or model that produced it).
//!
//! The core is a pipeline of stages over a shared [`Document`]:
//!
//! `text` (normalise, segment, tokenise) → `tag` (POS, lemmas, dependency trees) → `mentions`
//! (named entities and actor nouns) → `actors` (resolution and coding) → `events` (CAMEO/PLOVER
//! coding with modality, dates and places) → `figures` (numbers, quantities, dates) → `frames`
//! (Arrow tables, offsets in code points).
//!
//! ```
//! use eventframe::pipeline::{Config, Input, Pipeline};
//! let p = Pipeline::new(Config { n_threads: Some(1), ..Config::default() }).unwrap();
//! let out = p.process_batch(vec![Input {
//!     doc_id: "a".into(),
//!     text: Some("Russia ratified the treaty on Wednesday.".into()),
//!     published: Some("2024-11-06".into()),
//!     ..Input::default()
//! }]);
//! assert_eq!(out[0].status.as_str(), "ok");
//! ```
//!
//! Python bindings live in `src/py/` behind the non-default `python` feature.

pub mod actors;
pub mod date;
pub mod document;
pub mod error;
pub mod events;
pub mod figures;
pub mod frames;
pub mod knowledge;
pub mod mentions;
pub mod ner;
pub mod pipeline;
pub mod shared;
pub mod tag;
pub mod text;

#[cfg(feature = "python")]
mod py;

pub use document::Document;
pub use error::{Error, Result};
pub use pipeline::{Config, Pipeline};
