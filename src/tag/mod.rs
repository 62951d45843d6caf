//! `tag`: part-of-speech tags (UPOS and Penn) and lemmas.
//!
//! The tagger is a greedy averaged perceptron over hashed features ([`perceptron`]), trained by
//! `train_tag` on UD English EWT + GUM; the lemmatiser applies suffix rules and an exception
//! lexicon learned from the same data; the parser ([`parser`]) is a greedy arc-hybrid
//! perceptron. Both use word clusters ([`clusters`]) learned from unlabelled text. The models
//! are embedded in the binary.

pub mod clusters;
pub mod conll18;
pub mod conllu;
pub mod features;
pub mod io;
pub mod lemma;
pub mod parser;
pub mod perceptron;
pub mod tagger;
pub mod tags;

pub use crate::shared::shared_dir;
use std::path::PathBuf;

use crate::document::Document;
use crate::error::{Result, StageName};
use crate::pipeline::{Stage, StageError};

use io::{Reader, Writer};
use lemma::Lemmatizer;
use parser::{PWord, Parser};
use tagger::Tagger;

/// The embedded tagger + lemmatiser model (see `src/knowledge/models/MODEL_CARD.md`).
static TAG_MODEL: &[u8] = include_bytes!("../knowledge/models/tag.bin");

/// The embedded dependency parser model (may be empty: then no trees are built).
static PARSE_MODEL: &[u8] = include_bytes!("../knowledge/models/parse.bin");

/// Magic and version of the tag model file (version 2 adds the word clusters).
const MAGIC: &[u8; 8] = b"EFTAG\x00\x00\x02";
/// Magic of version 1 tag model files (no word clusters).
const MAGIC_V1: &[u8; 8] = b"EFTAG\x00\x00\x01";
/// Magic and version of the parser model file (version 2 adds word-cluster features).
const PARSE_MAGIC: &[u8; 8] = b"EFPARSE\x02";
/// Magic of version 1 parser files (no word-cluster features).
const PARSE_MAGIC_V1: &[u8; 8] = b"EFPARSE\x01";

/// The tag stage with its loaded models.
#[derive(Debug, Default)]
pub struct Tag {
    /// POS tagger.
    pub tagger: Tagger,
    /// Lemmatiser.
    pub lemmatizer: Lemmatizer,
    /// Dependency parser, when a model is embedded.
    pub parser: Option<Parser>,
}

/// One tagged word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tagged {
    /// Universal POS.
    pub upos: &'static str,
    /// Penn tag.
    pub xpos: &'static str,
    /// Lemma.
    pub lemma: String,
}

impl Tag {
    /// Loads the embedded models.
    ///
    /// # Errors
    /// When an embedded model is corrupt.
    pub fn load() -> Result<Self> {
        let mut tag = Self::from_bytes(TAG_MODEL)?;
        tag.parser = Self::parser_from_bytes(PARSE_MODEL)?;
        Ok(tag)
    }

    /// Reads a parser model written by [`Tag::parser_to_bytes`]; `None` for empty bytes.
    ///
    /// # Errors
    /// When the bytes are not a valid parser model.
    pub fn parser_from_bytes(bytes: &[u8]) -> Result<Option<Parser>> {
        if bytes.is_empty() {
            return Ok(None);
        }
        let v1 = bytes.starts_with(PARSE_MAGIC_V1);
        let mut r = Reader::new(bytes, "parse.bin");
        r.expect_magic(if v1 { PARSE_MAGIC_V1 } else { PARSE_MAGIC })?;
        Ok(Some(Parser::read(&mut r, !v1)?))
    }

    /// Serialises a parser model (deterministic).
    #[must_use]
    pub fn parser_to_bytes(parser: &Parser) -> Vec<u8> {
        let mut w = Writer::default();
        w.buf.extend_from_slice(if parser.uses_clusters() {
            PARSE_MAGIC
        } else {
            PARSE_MAGIC_V1
        });
        parser.write(&mut w);
        w.buf
    }

    /// Reads models from the bytes written by [`Tag::to_bytes`].
    ///
    /// # Errors
    /// When the bytes are not a valid model.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let v1 = bytes.starts_with(MAGIC_V1);
        let mut r = Reader::new(bytes, "tag.bin");
        r.expect_magic(if v1 { MAGIC_V1 } else { MAGIC })?;
        let tagger = Tagger::read(&mut r, !v1)?;
        let lemmatizer = Lemmatizer::read(&mut r)?;
        Ok(Self {
            tagger,
            lemmatizer,
            parser: None,
        })
    }

    /// Serialises the models (deterministic).
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.buf.extend_from_slice(MAGIC);
        self.tagger.write(&mut w);
        self.lemmatizer.write(&mut w);
        w.buf
    }

    /// Tags one sentence of words (UD tokenisation).
    #[must_use]
    pub fn tag_words(&self, words: &[&str]) -> Vec<Tagged> {
        let mut classes = Vec::with_capacity(words.len());
        self.tagger.tag(words, &mut classes);
        words
            .iter()
            .zip(&classes)
            .map(|(w, &c)| {
                let (xpos, upos) = self.tagger.class(c);
                Tagged {
                    upos,
                    xpos,
                    lemma: self.lemmatizer.lemma(w, xpos),
                }
            })
            .collect()
    }
}

/// Longest sentence tagged as one unit; longer token runs are tagged in chunks.
const MAX_SENTENCE: usize = 1000;

impl Stage for Tag {
    fn name(&self) -> StageName {
        StageName::Tag
    }
    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let ranges = doc.sentence_token_ranges();
        let mut classes = Vec::new();
        let mut clusters = Vec::new();
        for (a, b) in ranges {
            let mut start = a;
            while start < b {
                let end = (start + MAX_SENTENCE).min(b);
                // `Token::norm_or`, but an out-of-range span gives "" instead of a panic.
                let words: Vec<&str> = doc.tokens[start..end]
                    .iter()
                    .map(|t| {
                        t.norm
                            .as_deref()
                            .or_else(|| doc.text.get(t.span.start..t.span.end))
                            .unwrap_or("")
                    })
                    .collect();
                self.tagger
                    .tag_for_parser(&words, &mut classes, &mut clusters);
                let lemmas: Vec<String> = words
                    .iter()
                    .zip(&classes)
                    .map(|(w, &c)| self.lemmatizer.lemma(w, self.tagger.class(c).0))
                    .collect();
                let tree = self.parser.as_ref().map(|p| {
                    let joint = p.uses_clusters();
                    let pw: Vec<PWord> = classes
                        .iter()
                        .zip(&clusters)
                        .map(|(&c, &(lower, k))| {
                            let (x, u) = self.tagger.class(c);
                            PWord::tagged(lower, x, u, k, joint)
                        })
                        .collect();
                    p.parse(&pw)
                });
                for (k, ((t, &c), l)) in doc.tokens[start..end]
                    .iter_mut()
                    .zip(&classes)
                    .zip(lemmas)
                    .enumerate()
                {
                    let (xpos, upos) = self.tagger.class(c);
                    t.xpos = xpos;
                    t.upos = upos;
                    t.lemma = Some(l);
                    if let Some((h, rel)) = tree.as_ref().and_then(|tr| tr.get(k)) {
                        t.head = (*h > 0).then(|| (start + *h as usize - 1) as u32);
                        t.deprel = rel;
                    }
                }
                start = end;
            }
        }
        Ok(())
    }
}

/// UD training, dev and test files under the shared folder: `(train, dev, ewt_test, gum_test)`.
#[must_use]
pub fn ud_files(shared: &std::path::Path) -> (Vec<PathBuf>, Vec<PathBuf>, PathBuf, PathBuf) {
    let ud = shared.join("data/ud");
    let mut train: Vec<PathBuf> = (1..=4)
        .map(|i| ud.join(format!("ewt/en_ewt-ud-train.part{i}.conllu")))
        .collect();
    train.extend((1..=5).map(|i| {
        ud.join(format!(
            "gum/en_gum-train-from-amir-zeldes-gum.part{i}.conllu"
        ))
    }));
    let dev = vec![
        ud.join("ewt/en_ewt-ud-dev.conllu"),
        ud.join("gum/en_gum-ud-dev.conllu"),
    ];
    (
        train,
        dev,
        ud.join("ewt/en_ewt-ud-test.conllu"),
        ud.join("gum/en_gum-ud-test.conllu"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Sentence, Span, Token};

    fn doc_of(words: &[&str]) -> Document {
        let text = words.join(" ");
        let mut doc = Document::new("t", text, None);
        let mut pos = 0;
        for w in words {
            doc.tokens.push(Token {
                span: Span::new(pos, pos + w.len()),
                space_after: true,
                ..Token::default()
            });
            pos += w.len() + 1;
        }
        doc.sentences.push(Sentence {
            span: Span::new(0, doc.text.len()),
            token_start: 0,
            token_end: words.len() as u32,
        });
        doc
    }

    #[test]
    fn tags_a_sentence_with_the_embedded_model() {
        let tag = Tag::load().unwrap();
        let mut doc = doc_of(&[
            "Russia",
            "ratified",
            "the",
            "treaty",
            "on",
            "Wednesday",
            ".",
        ]);
        tag.process(&mut doc).unwrap();
        let got: Vec<(&str, &str, &str)> = doc
            .tokens
            .iter()
            .map(|t| (t.upos, t.xpos, t.lemma.as_deref().unwrap_or("")))
            .collect();
        assert_eq!(
            got,
            [
                ("PROPN", "NNP", "Russia"),
                ("VERB", "VBD", "ratify"),
                ("DET", "DT", "the"),
                ("NOUN", "NN", "treaty"),
                ("ADP", "IN", "on"),
                ("PROPN", "NNP", "Wednesday"),
                ("PUNCT", ".", "."),
            ]
        );
    }

    #[test]
    fn parses_a_simple_sentence() {
        let tag = Tag::load().unwrap();
        if tag.parser.is_none() {
            println!("no parser model embedded; skipping");
            return;
        }
        let mut doc = doc_of(&[
            "Russia",
            "ratified",
            "the",
            "treaty",
            "on",
            "Wednesday",
            ".",
        ]);
        tag.process(&mut doc).unwrap();
        let got: Vec<(Option<u32>, &str)> = doc.tokens.iter().map(|t| (t.head, t.deprel)).collect();
        assert_eq!(
            got,
            [
                (Some(1), "nsubj"),
                (None, "root"),
                (Some(3), "det"),
                (Some(1), "obj"),
                (Some(5), "case"),
                (Some(1), "obl"),
                (Some(1), "punct"),
            ]
        );
        let bytes = Tag::parser_to_bytes(tag.parser.as_ref().unwrap());
        let again = Tag::parser_from_bytes(&bytes).unwrap().unwrap();
        assert_eq!(Tag::parser_to_bytes(&again), bytes);
        assert!(Tag::parser_from_bytes(b"EFPARSE").is_err());
        assert!(Tag::parser_from_bytes(b"").unwrap().is_none());
    }

    #[test]
    fn heads_are_document_indices_within_the_sentence() {
        let tag = Tag::load().unwrap();
        let mut doc = doc_of(&["He", "left", ".", "She", "stayed", "home", "."]);
        doc.sentences[0].token_end = 3;
        doc.sentences.push(Sentence {
            span: Span::new(0, 0),
            token_start: 3,
            token_end: 7,
        });
        tag.process(&mut doc).unwrap();
        if tag.parser.is_none() {
            return;
        }
        for (i, t) in doc.tokens.iter().enumerate() {
            let (lo, hi) = if i < 3 { (0, 3) } else { (3, 7) };
            match t.head {
                Some(h) => assert!(
                    (lo..hi).contains(&h) && h as usize != i,
                    "token {i} head {h}"
                ),
                None => assert_eq!(t.deprel, "root"),
            }
        }
        assert_eq!(doc.tokens.iter().filter(|t| t.head.is_none()).count(), 2);
    }

    fn shared_tag() -> &'static Tag {
        static TAG: std::sync::OnceLock<Tag> = std::sync::OnceLock::new();
        TAG.get_or_init(|| Tag::load().unwrap())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        #[test]
        fn any_words_get_tags_lemmas_and_valid_heads(words in proptest::collection::vec("\\PC{1,12}", 0..40)) {
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            let mut doc = doc_of(&refs);
            shared_tag().process(&mut doc).unwrap();
            let n = doc.tokens.len() as u32;
            for t in &doc.tokens {
                proptest::prop_assert!(!t.upos.is_empty() && !t.xpos.is_empty() && t.lemma.is_some());
                proptest::prop_assert!(t.head.is_none_or(|h| h < n));
            }
        }
    }

    #[test]
    fn model_round_trips_and_rejects_garbage() {
        let tag = Tag::load().unwrap();
        assert_eq!(
            Tag::from_bytes(&tag.to_bytes()).unwrap().to_bytes(),
            tag.to_bytes()
        );
        for bad in [&b""[..], b"EFTAG", b"not a model at all"] {
            let e = Tag::from_bytes(bad).unwrap_err().to_string();
            assert!(e.contains("tag.bin"), "{e}");
        }
    }

    #[test]
    fn never_panics_on_odd_tokens_or_sentences() {
        let tag = Tag::load().unwrap();
        let mut doc = doc_of(&["\u{1f600}", "İİ", "\u{200b}", "x-", "--", "''", "ǅ"]);
        doc.tokens[6].span = Span::new(5, 9999);
        doc.tokens[5].norm = Some("\u{201c}".into());
        doc.sentences.push(Sentence {
            span: Span::new(0, 0),
            token_start: 5,
            token_end: 99,
        });
        doc.sentences.push(Sentence {
            span: Span::new(0, 0),
            token_start: 9,
            token_end: 2,
        });
        tag.process(&mut doc).unwrap();
        assert!(doc
            .tokens
            .iter()
            .all(|t| !t.upos.is_empty() && t.lemma.is_some()));
        let mut empty = Document::new("e", "", None);
        tag.process(&mut empty).unwrap();
        let long: Vec<String> = (0..2500).map(|i| format!("w{i}")).collect();
        let refs: Vec<&str> = long.iter().map(String::as_str).collect();
        let mut big = doc_of(&refs);
        tag.process(&mut big).unwrap();
        assert!(big.tokens.iter().all(|t| !t.upos.is_empty()));
        let n = big.tokens.len() as u32;
        assert!(big.tokens.iter().all(|t| t.head.is_none_or(|h| h < n)));
    }
}
