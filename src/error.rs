//! The one error type of the core. Python maps it in exactly one place (`src/py/errors.rs`).

use std::fmt;

/// Which pipeline stage an error came from; the same words as the module names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StageName {
    /// Reading and checking the input document.
    Input,
    /// `text`: normalise, segment, tokenise.
    Text,
    /// `tag`: part of speech and syntax.
    Tag,
    /// `mentions`: named entities and other actor mentions.
    Mentions,
    /// `actors`: resolution and coding of actors.
    Actors,
    /// `events`: event coding.
    Events,
    /// `figures`: numbers, quantities and dates.
    Figures,
    /// `frames`: building the output tables.
    Frames,
}

impl StageName {
    /// The stage's name as used in configs, the `errors` frame and the docs.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Input => "input",
            Self::Text => "text",
            Self::Tag => "tag",
            Self::Mentions => "mentions",
            Self::Actors => "actors",
            Self::Events => "events",
            Self::Figures => "figures",
            Self::Frames => "frames",
        }
    }
}

impl fmt::Display for StageName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Everything that can go wrong in the core.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A configuration value is wrong (unknown option, bad thread count, bad dictionary file).
    #[error("{message}")]
    Config {
        /// What went wrong, the offending value and a `hint:` when there is a fix.
        message: String,
    },
    /// One document could not be processed by one stage.
    #[error("document `{doc_id}` failed in stage `{stage}`: {message}")]
    Document {
        /// The document's id.
        doc_id: String,
        /// The stage that failed.
        stage: StageName,
        /// A short machine-readable error kind, e.g. `invalid_date`, `empty`.
        kind: &'static str,
        /// What went wrong, with the offending value.
        message: String,
    },
    /// The output tables could not be built.
    #[error("could not build frame `{frame}`: {message}")]
    Frame {
        /// The frame's name.
        frame: &'static str,
        /// What went wrong.
        message: String,
    },
    /// A file could not be read (dictionaries, corpora).
    #[error("could not read `{path}`: {message}")]
    Io {
        /// The path.
        path: String,
        /// The underlying error.
        message: String,
    },
}

/// Result alias of the core.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// A configuration error with a message.
    pub fn config(message: impl Into<String>) -> Self {
        Self::Config {
            message: message.into(),
        }
    }
}
