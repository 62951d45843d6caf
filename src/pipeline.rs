//! The pipeline: configuration, the [`Stage`] trait, and batch processing on a rayon pool.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;

use rayon::prelude::*;
use serde::Deserialize;

use crate::date::Date;
use crate::document::Document;
use crate::error::{Error, Result, StageName};
use crate::knowledge::Knowledge;

/// Why a stage gave up on one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageError {
    /// Short machine-readable kind (`too_long`, `invalid_input`).
    pub kind: &'static str,
    /// What went wrong, with the offending value.
    pub message: String,
}

impl StageError {
    /// A stage error.
    pub fn new(kind: &'static str, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
        }
    }
}

/// One step of the analysis: reads earlier layers of a [`Document`] and adds its own.
///
/// Stages are pure Rust: they never touch Python, never print, and never panic on bad text.
pub trait Stage: Send + Sync {
    /// The stage's name.
    fn name(&self) -> StageName;
    /// Annotates `doc` in place.
    ///
    /// # Errors
    /// When the document cannot be processed by this stage.
    fn process(&self, doc: &mut Document) -> std::result::Result<(), StageError>;
}

/// Whether user dictionaries extend or replace the built-in knowledge.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DictionaryMode {
    /// Built-in knowledge plus the user's dictionaries (the user's win on conflicts).
    #[default]
    Extend,
    /// Only the user's dictionaries.
    Replace,
}

/// Pipeline configuration; from Python it travels as one JSON string.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Worker threads (`None`: `EVENTFRAME_NUM_THREADS`, else all cores).
    pub n_threads: Option<usize>,
    /// Stages to skip (`tag`, `mentions`, `actors`, `events`, `figures`).
    pub disable: Vec<String>,
    /// PETRARCH/TABARI actor dictionaries to load.
    pub actors: Vec<String>,
    /// PETRARCH/TABARI agent dictionaries to load.
    pub agents: Vec<String>,
    /// PETRARCH verb dictionaries to load.
    pub verbs: Vec<String>,
    /// PETRARCH discard lists: phrases that silence a sentence (or, with `+`, a story).
    pub discards: Vec<String>,
    /// How user dictionaries combine with the built-in knowledge.
    pub mode: DictionaryMode,
    /// Whether `tag` also builds dependency trees (the slowest step; events fall back to
    /// surface rules without them). `None` means yes.
    pub parse: Option<bool>,
}

/// The stages that can be disabled, in pipeline order.
pub const OPTIONAL_STAGES: [&str; 5] = ["tag", "mentions", "actors", "events", "figures"];

impl Config {
    /// Parses a JSON config.
    ///
    /// # Errors
    /// [`Error::Config`] for unknown options or wrong types.
    pub fn from_json(json: &str) -> Result<Self> {
        let cfg: Self = serde_json::from_str(json).map_err(|e| {
            Error::config(format!(
                "invalid pipeline configuration: {e}\nhint: options are n_threads, disable, actors, agents, verbs, discards, mode, parse"
            ))
        })?;
        cfg.validate()?;
        Ok(cfg)
    }

    /// Checks values.
    ///
    /// # Errors
    /// [`Error::Config`] naming the offending value.
    pub fn validate(&self) -> Result<()> {
        if self.n_threads == Some(0) {
            return Err(Error::config(
                "n_threads must be at least 1, got `0`\nhint: pass None to use every core",
            ));
        }
        for d in &self.disable {
            if !OPTIONAL_STAGES.contains(&d.as_str()) {
                return Err(Error::config(format!(
                    "unknown stage `{d}` in disable\nhint: stages that can be disabled: {}",
                    OPTIONAL_STAGES.join(", ")
                )));
            }
        }
        Ok(())
    }

    fn enabled(&self, stage: &str) -> bool {
        !self.disable.iter().any(|d| d == stage)
    }
}

/// One input document as the caller gave it.
#[derive(Clone, Debug, Default)]
pub struct Input {
    /// The caller's id.
    pub doc_id: String,
    /// The text; `None` when the caller's value was not a string (see `problem`).
    pub text: Option<String>,
    /// Publication date as given (ISO `YYYY-MM-DD`), or `None`.
    pub published: Option<String>,
    /// A problem found while reading the input (kind, message); the document is still listed.
    pub problem: Option<(&'static str, String)>,
    /// Whether the problem was repaired and the text processed anyway.
    pub repaired: bool,
}

/// A failure row for the `errors` frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorRow {
    /// Document id.
    pub doc_id: String,
    /// Stage name.
    pub stage: StageName,
    /// Short kind.
    pub error: &'static str,
    /// Message.
    pub message: String,
}

/// Status of a document after the pipeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Every stage ran.
    Ok,
    /// Processed after repairing the input (e.g. lone surrogates replaced).
    Repaired,
    /// Empty or whitespace-only text: nothing to find.
    Empty,
    /// A stage failed; layers up to that stage are kept.
    Error,
}

impl Status {
    /// The status as written in `documents.status`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ok => "ok",
            Self::Repaired => "repaired",
            Self::Empty => "empty",
            Self::Error => "error",
        }
    }
    /// All statuses in the order of the frame's enum.
    pub const ALL: [Status; 4] = [Self::Ok, Self::Repaired, Self::Empty, Self::Error];
}

/// One processed document with its status.
#[derive(Clone, Debug)]
pub struct Processed {
    /// The annotated document (text may be empty when the input was not a string).
    pub doc: Document,
    /// Status.
    pub status: Status,
    /// The publication date as given, when it was not a valid date.
    pub published_raw: Option<String>,
    /// Failures of this document.
    pub errors: Vec<ErrorRow>,
    /// Seconds spent per stage (text, tag, mentions, actors, events, figures).
    pub timings: [f64; 6],
}

/// The enabled stages in order, plus the thread pool they run on.
pub struct Pipeline {
    config: Config,
    stages: Vec<Box<dyn Stage>>,
    pool: rayon::ThreadPool,
    knowledge: Arc<Knowledge>,
}

/// Number of threads to use when the caller gives none.
#[must_use]
pub fn default_threads() -> usize {
    std::env::var("EVENTFRAME_NUM_THREADS")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, std::num::NonZero::get))
}

impl Pipeline {
    /// Builds a pipeline: loads knowledge and models once.
    ///
    /// # Errors
    /// [`Error::Config`] for bad options or unreadable dictionaries.
    pub fn new(config: Config) -> Result<Self> {
        config.validate()?;
        let knowledge = Arc::new(Knowledge::load(&config)?);
        let mut stages: Vec<Box<dyn Stage>> = vec![Box::new(crate::text::Text::new())];
        if config.enabled("tag") {
            let mut tag = crate::tag::Tag::load()?;
            if config.parse == Some(false) {
                tag.parser = None;
            }
            stages.push(Box::new(tag));
        }
        if config.enabled("mentions") {
            stages.push(Box::new(crate::mentions::Mentions::new(Arc::clone(
                &knowledge,
            ))));
        }
        if config.enabled("actors") {
            stages.push(Box::new(crate::actors::Actors::new(Arc::clone(&knowledge))));
        }
        if config.enabled("events") {
            stages.push(Box::new(crate::events::Events::from_config(
                Arc::clone(&knowledge),
                &config,
            )?));
        }
        if config.enabled("figures") {
            stages.push(Box::new(crate::figures::Figures::new(Arc::clone(
                &knowledge,
            ))));
        }
        let n = config.n_threads.unwrap_or_else(default_threads);
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .thread_name(|i| format!("eventframe-{i}"))
            .build()
            .map_err(|e| Error::config(format!("could not start {n} worker threads: {e}")))?;
        Ok(Self {
            config,
            stages,
            pool,
            knowledge,
        })
    }

    /// The configuration.
    #[must_use]
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The loaded knowledge.
    #[must_use]
    pub fn knowledge(&self) -> &Arc<Knowledge> {
        &self.knowledge
    }

    /// Names of the enabled stages, in order.
    #[must_use]
    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name().as_str()).collect()
    }

    /// Number of worker threads.
    #[must_use]
    pub fn n_threads(&self) -> usize {
        self.pool.current_num_threads()
    }

    /// Processes a batch on the pool; output order equals input order for any thread count.
    #[must_use]
    pub fn process_batch(&self, inputs: Vec<Input>) -> Vec<Processed> {
        self.pool.install(|| {
            inputs
                .into_par_iter()
                .map(|i| self.process_one(i))
                .collect()
        })
    }

    /// Processes one document on the calling thread.
    #[must_use]
    pub fn process_one(&self, input: Input) -> Processed {
        let mut errors = Vec::new();
        let mut status = if input.repaired {
            Status::Repaired
        } else {
            Status::Ok
        };
        if let Some((kind, message)) = &input.problem {
            errors.push(ErrorRow {
                doc_id: input.doc_id.clone(),
                stage: StageName::Input,
                error: kind,
                message: message.clone(),
            });
        }
        let mut published_raw = None;
        let published = match input.published.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(s) => {
                let d = Date::parse_iso(s);
                if d.is_none() {
                    published_raw = Some(s.to_owned());
                    errors.push(ErrorRow {
                        doc_id: input.doc_id.clone(),
                        stage: StageName::Input,
                        error: "invalid_date",
                        message: format!(
                            "published date `{s}` is not a valid ISO date; relative dates stay unresolved\nhint: use YYYY-MM-DD, e.g. 2024-11-06"
                        ),
                    });
                }
                d
            }
        };
        let Some(text) = input.text else {
            return Processed {
                doc: Document::new(input.doc_id, String::new(), published),
                status: Status::Error,
                published_raw,
                errors,
                timings: [0.0; 6],
            };
        };
        let mut doc = Document::new(input.doc_id, text, published);
        let mut timings = [0.0; 6];
        if doc.text.trim().is_empty() {
            status = Status::Empty;
        }
        for stage in &self.stages {
            let t0 = std::time::Instant::now();
            let outcome = catch_unwind(AssertUnwindSafe(|| stage.process(&mut doc)));
            let slot = match stage.name() {
                StageName::Text => 0,
                StageName::Tag => 1,
                StageName::Mentions => 2,
                StageName::Actors => 3,
                StageName::Events => 4,
                _ => 5,
            };
            timings[slot] += t0.elapsed().as_secs_f64();
            let failure = match outcome {
                Ok(Ok(())) => None,
                Ok(Err(e)) => Some((e.kind, e.message)),
                Err(payload) => {
                    let what = payload
                        .downcast_ref::<&str>()
                        .map(|s| (*s).to_owned())
                        .or_else(|| payload.downcast_ref::<String>().cloned())
                        .unwrap_or_else(|| "unknown panic".to_owned());
                    Some((
                        "internal",
                        format!("internal error (please report it): {what}"),
                    ))
                }
            };
            if let Some((kind, message)) = failure {
                errors.push(ErrorRow {
                    doc_id: doc.doc_id.clone(),
                    stage: stage.name(),
                    error: kind,
                    message,
                });
                status = Status::Error;
                break;
            }
        }
        Processed {
            doc,
            status,
            published_raw,
            errors,
            timings,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_rejects_unknown_fields_and_stages() {
        assert!(Config::from_json(r#"{"n_thread": 2}"#).is_err());
        let e = Config::from_json(r#"{"disable": ["tagger"]}"#)
            .unwrap_err()
            .to_string();
        assert!(e.contains("`tagger`") && e.contains("hint:"), "{e}");
        assert!(Config::from_json(r#"{"n_threads": 0}"#).is_err());
        assert!(Config::from_json(r#"{"disable": ["tag"], "mode": "replace"}"#).is_ok());
    }

    #[test]
    fn pipeline_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Pipeline>();
    }
}
