//! `events` stage: codes CAMEO events (with PLOVER through [`crate::knowledge::cameo`]) from the
//! earlier layers, with modality, negation, claimant, date, place and evidence.
//!
//! How it works, per sentence:
//! 1. **Triggers.** Each token is looked up (by lemma when `tag` ran, else by the inflected forms
//!    generated from the lexicon) in the trigger lexicon (`triggers.txt`, see [`lexicon`]); the
//!    most specific pattern wins ("signed a treaty" beats "signed").
//! 2. **Arguments.** The source is the subject phrase (walking left over auxiliaries, relative
//!    clauses and appositions), or the `by X` agent of a passive; the target is the direct object
//!    or a phrase introduced by one of the entry's prepositions (`with`, `against`, ...).
//!    Conjoined actors give one event per pair; reciprocal entries give both directions. Noun
//!    triggers ("clashes with", "an offensive by") take their agent from `by X`, a possessor, a
//!    nationality adjective or the subject of a support verb ("had its first confrontation").
//! 3. **Modality.** Control verbs govern their complement: threats absorb it (`threatened that it
//!    could send arms` is a threat, not aid), refusals too (`declined to comment` → 011), reports
//!    set `claimed_by` and `reported`, plans/agreements `planned`, demands `demanded`, denials
//!    `denied`; modals and conditionals give `hypothetical`; negation sets `negated`.
//! 4. **Date and place.** The nearest resolved date in the trigger's clause
//!    ([`crate::figures::dates::find_in_sentence`]), else the publication date with
//!    `date_is_fallback`; the place from `in X`, `to X` (motion verbs), `region of X`.
//!
//! Mentions are indexed per token once per document, so the stage is linear in the text.

mod coder;
pub mod lexicon;
pub mod petrarch;
mod words;

pub use crate::shared::shared_dir;
use std::sync::Arc;

use crate::date::Precision;
use crate::document::{DateValue, Document, Event, EventArg};
use crate::error::StageName;
use crate::figures::dates::DateMatch;
use crate::knowledge::Knowledge;
use crate::pipeline::{Stage, StageError};

pub use lexicon::{Control, Entry, Lexicon};

/// The events stage.
#[derive(Debug)]
pub struct Events {
    kb: Arc<Knowledge>,
    lexicon: Arc<Lexicon>,
}

impl Events {
    /// An events stage over the loaded knowledge, with the built-in lexicon.
    #[must_use]
    pub fn new(kb: Arc<Knowledge>) -> Self {
        Self {
            kb,
            lexicon: Arc::new(Lexicon::builtin().clone()),
        }
    }

    /// An events stage with a custom lexicon (e.g. the built-in one extended with PETRARCH verbs).
    #[must_use]
    pub fn with_lexicon(kb: Arc<Knowledge>, lexicon: Lexicon) -> Self {
        Self {
            kb,
            lexicon: Arc::new(lexicon),
        }
    }

    /// An events stage with the verb dictionaries of `config.verbs` (PETRARCH format) added
    /// to the built-in lexicon (`mode = extend`, dictionary entries win on conflicts) or
    /// replacing its coded entries (`mode = replace`; the control verbs that give modality stay).
    ///
    /// # Errors
    /// When a dictionary cannot be read or is malformed.
    pub fn from_config(
        kb: Arc<Knowledge>,
        config: &crate::pipeline::Config,
    ) -> crate::Result<Self> {
        if config.verbs.is_empty() && config.discards.is_empty() {
            return Ok(Self::new(kb));
        }
        let mut lex = match config.mode {
            crate::pipeline::DictionaryMode::Replace if !config.verbs.is_empty() => {
                Lexicon::controls_only()
            }
            _ => Lexicon::builtin().clone(),
        };
        for path in &config.verbs {
            petrarch::extend_from_file(&mut lex, path)?;
        }
        for path in &config.discards {
            let text = std::fs::read_to_string(path).map_err(|e| crate::Error::Io {
                path: path.clone(),
                message: e.to_string(),
            })?;
            lex.add_discards(&text);
        }
        Ok(Self::with_lexicon(kb, lex))
    }

    /// The lexicon in use.
    #[must_use]
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }
}

/// Codes the events of `doc` with `lexicon`, replacing `doc.events`.
///
/// Needs the `text` layer (sentences, tokens); uses `mentions` and `actors` for arguments and
/// `tag` when present.
pub fn code_document(doc: &mut Document, lexicon: &Lexicon) {
    code_document_with(doc, lexicon, crate::figures::dates::find_in_sentence);
}

/// Like [`code_document`] with another date finder (same contract as
/// [`crate::figures::dates::find_in_sentence`]); used by tests and custom date resolvers.
pub fn code_document_with(
    doc: &mut Document,
    lexicon: &Lexicon,
    find_dates: impl Fn(&Document, usize) -> Vec<DateMatch>,
) {
    let mention_at = coder::mention_index(doc);
    let mut state = coder::DocState::default();
    let mut events = Vec::new();
    // Discard phrases: per sentence, or for the whole story.
    let discarded: Vec<bool> = if lexicon.discards.is_empty() {
        Vec::new()
    } else {
        let mut out = Vec::with_capacity(doc.sentences.len());
        for s in &doc.sentences {
            let (ts, te) = (
                (s.token_start as usize).min(doc.tokens.len()),
                (s.token_end as usize).min(doc.tokens.len()),
            );
            let low: Vec<String> = doc.tokens[ts..te.max(ts)]
                .iter()
                .map(|t| t.norm_or(&doc.text).to_lowercase())
                .collect();
            let words: Vec<&str> = low.iter().map(String::as_str).collect();
            match lexicon.discard_in(&words) {
                Some(true) => {
                    doc.events.clear();
                    return;
                }
                hit => out.push(hit.is_some()),
            }
        }
        out
    };
    for si in 0..doc.sentences.len() {
        let s = &doc.sentences[si];
        let (ts, te) = (
            s.token_start as usize,
            (s.token_end as usize).min(doc.tokens.len()),
        );
        if ts >= te || discarded.get(si).copied().unwrap_or(false) {
            continue;
        }
        let found = find_dates(doc, si);
        // Overlong "sentences" (run-on text without stops) are coded in windows, so that the
        // clause scans stay bounded and the stage stays linear in document length.
        let mut ws = ts;
        while ws < te {
            let we = window_end(doc, ws, te);
            let dates: Vec<(usize, DateValue)> = found
                .iter()
                .filter_map(|d| {
                    let v = d.value?;
                    // Tokens are sorted: binary search keeps long sentences linear.
                    let local = doc.tokens[ws..we].partition_point(|t| t.span.end <= d.span.start);
                    (local < we - ws && doc.tokens[ws + local].span.start < d.span.end)
                        .then_some((local, v))
                })
                .collect();
            let sent = coder::Sent::window(doc, lexicon, si, ws, we, &mention_at);
            coder::code_sentence(&sent, &dates, &mut state, &mut events);
            ws = we;
        }
    }
    let mut events = split_joint_codes(events);
    let fallback = doc.published.map(|date| DateValue {
        date,
        precision: Precision::Day,
    });
    for e in &mut events {
        if e.date.is_none() {
            e.date = fallback;
            e.date_is_fallback = fallback.is_some();
        }
    }
    doc.events = events;
}

/// One event per part of a joint actor code: a dictionary entry coded `[FRO/BIL/SAM]` (the
/// Shire stands for three actors) gives each its own event, as PETRARCH does.
fn split_joint_codes(events: Vec<Event>) -> Vec<Event> {
    let parts = |a: &Option<EventArg>| -> Vec<Option<String>> {
        match a.as_ref().and_then(|x| x.code.as_deref()) {
            Some(c) if c.contains('/') => c
                .split('/')
                .filter(|p| !p.is_empty())
                .map(|p| Some(p.to_owned()))
                .collect(),
            _ => vec![None],
        }
    };
    let mut out = Vec::with_capacity(events.len());
    for e in events {
        let (ss, ts) = (parts(&e.source), parts(&e.target));
        if ss.len() == 1 && ts.len() == 1 && ss[0].is_none() && ts[0].is_none() {
            out.push(e);
            continue;
        }
        for sc in &ss {
            for tc in &ts {
                let mut x = e.clone();
                if let (Some(c), Some(a)) = (sc, x.source.as_mut()) {
                    a.code = Some(c.clone());
                }
                if let (Some(c), Some(a)) = (tc, x.target.as_mut()) {
                    a.code = Some(c.clone());
                }
                let same = x.source.as_ref().and_then(|a| a.code.as_ref()).is_some()
                    && x.source.as_ref().and_then(|a| a.code.as_ref())
                        == x.target.as_ref().and_then(|a| a.code.as_ref());
                if !same {
                    out.push(x);
                }
            }
        }
    }
    out
}

/// Fills the country, latitude and longitude of event places from the embedded gazetteer
/// (countries, capitals, major cities and regions), then the GeoNames cities.
fn geocode(kb: &Knowledge, doc: &mut Document) {
    for e in &mut doc.events {
        let Some(span) = e.location else { continue };
        let Some(place) = doc
            .text
            .get(span.start..span.end)
            .and_then(|n| kb.place_or_city(n))
        else {
            continue;
        };
        if e.location_country.is_none() {
            e.location_country = Some(place.country.clone());
        }
        if e.location_country.as_deref() == Some(place.country.as_str()) {
            e.lat = place.lat;
            e.lon = place.lon;
        }
    }
}

/// Longest stretch of tokens coded as one sentence.
const MAX_WINDOW: usize = 160;

/// End of the coding window that starts at token `ws` of a sentence ending at `te`: the whole
/// rest when short enough, else just after the last strong punctuation (or comma) in the
/// window's second half, else a hard cut.
fn window_end(doc: &Document, ws: usize, te: usize) -> usize {
    if te - ws <= MAX_WINDOW {
        return te;
    }
    let limit = ws + MAX_WINDOW;
    let text = |i: usize| doc.tokens[i].norm_or(&doc.text);
    for strong in [true, false] {
        for i in (ws + MAX_WINDOW / 2..limit).rev() {
            let w = text(i);
            let hit = if strong {
                matches!(w, ";" | ":" | "." | "!" | "?")
            } else {
                w == ","
            };
            if hit {
                return i + 1;
            }
        }
    }
    limit
}

impl Stage for Events {
    fn name(&self) -> StageName {
        StageName::Events
    }
    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        code_document(doc, &self.lexicon);
        geocode(&self.kb, doc);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{Config, DictionaryMode};

    #[test]
    fn config_verbs_extend_or_replace() {
        let dir = std::env::temp_dir().join(format!("ef-verbs-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("verbs.txt");
        std::fs::write(&path, "--- GREET [051] ---\nGREET\n").unwrap();
        let p = path.to_string_lossy().into_owned();
        let kb = Arc::new(Knowledge::default());
        let ext = Events::from_config(
            Arc::clone(&kb),
            &Config {
                verbs: vec![p.clone()],
                ..Config::default()
            },
        )
        .unwrap();
        assert!(ext.lexicon().len() > Lexicon::builtin().len());
        assert!(!ext.lexicon().entries_for("greet").is_empty());
        let rep = Events::from_config(
            Arc::clone(&kb),
            &Config {
                verbs: vec![p],
                mode: DictionaryMode::Replace,
                ..Config::default()
            },
        )
        .unwrap();
        assert!(rep
            .lexicon()
            .entries
            .iter()
            .filter(|e| e.code.is_some())
            .all(|e| e.priority == 1));
        let missing = Events::from_config(
            kb,
            &Config {
                verbs: vec!["/nonexistent/v.txt".into()],
                ..Config::default()
            },
        );
        assert!(missing
            .unwrap_err()
            .to_string()
            .contains("/nonexistent/v.txt"));
        let _ = std::fs::remove_dir_all(dir);
    }
}
