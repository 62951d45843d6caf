//! A named-entity recogniser: a greedy BILOU sequence tagger (averaged perceptron over hashed
//! features, see [`crate::tag::perceptron`]) with gazetteer features from the embedded
//! knowledge base and POS tags from the `tag` stage when available.
//!
//! The model is trained by `train_ner` and embedded (`src/knowledge/models/ner.bin`); the
//! `mentions` stage uses its spans for names the knowledge base does not know.

pub mod data;
pub mod train;

use std::sync::OnceLock;

use crate::document::{Document, EntityLabel, Sentence, Span, Token, TokenKind};
use crate::error::Result;
use crate::knowledge::{EntryRef, Knowledge};
use crate::tag::features::{feat, feat2, hash_bytes, WordInfo, END, START};
use crate::tag::io::{Reader, Writer};
use crate::tag::perceptron::{best, key32, Compact, IdMap};

/// The entity labels the model predicts, in class order.
pub const LABELS: [EntityLabel; 11] = [
    EntityLabel::Person,
    EntityLabel::Org,
    EntityLabel::Gpe,
    EntityLabel::Loc,
    EntityLabel::Norp,
    EntityLabel::Fac,
    EntityLabel::Event,
    EntityLabel::Product,
    EntityLabel::Law,
    EntityLabel::WorkOfArt,
    EntityLabel::Language,
];

/// Number of BILOU classes: `O` plus B, I, L, U for each label.
pub const N_CLASSES: usize = 1 + 4 * LABELS.len();

/// Position of a class inside an entity.
const B: usize = 0;
const I: usize = 1;
const L: usize = 2;
const U: usize = 3;

/// The class of `label` at BILOU position `pos` (0 = B, 1 = I, 2 = L, 3 = U).
#[must_use]
pub fn class_of(label: EntityLabel, pos: usize) -> u16 {
    let l = LABELS.iter().position(|&x| x == label).unwrap_or(0);
    (1 + l * 4 + pos.min(3)) as u16
}

/// `(label index, position)` of a non-`O` class.
fn split(c: usize) -> Option<(usize, usize)> {
    (c > 0 && c < N_CLASSES).then(|| ((c - 1) / 4, (c - 1) % 4))
}

/// Whether class `c` may follow class `prev` (BILOU well-formedness); `last`: the final token.
#[must_use]
pub fn allowed(prev: usize, c: usize, last: bool) -> bool {
    let open = split(prev).filter(|&(_, p)| p == B || p == I);
    let ok = match (open, split(c)) {
        (Some((l, _)), Some((l2, p))) => l == l2 && (p == I || p == L),
        (Some(_), None) => false,
        (None, Some((_, p))) => p == B || p == U,
        (None, None) => true,
    };
    ok && !(last && split(c).is_some_and(|(_, p)| p == B || p == I))
}

/// Gold BILOU classes of a sentence of `n` tokens from entity spans `(start, end, label)`
/// (token indices, end exclusive); overlapping spans after the first are ignored.
#[must_use]
pub fn bilou(n: usize, spans: &[(usize, usize, EntityLabel)]) -> Vec<u16> {
    let mut out = vec![0u16; n];
    for &(a, b, l) in spans {
        if a >= b || b > n || out[a..b].iter().any(|&c| c != 0) {
            continue;
        }
        if b == a + 1 {
            out[a] = class_of(l, U);
        } else {
            out[a] = class_of(l, B);
            for c in &mut out[a + 1..b - 1] {
                *c = class_of(l, I);
            }
            out[b - 1] = class_of(l, L);
        }
    }
    out
}

/// Entity spans `(start, end, label)` of a class sequence (ill-formed runs are closed).
#[must_use]
pub fn spans_of(classes: &[u16]) -> Vec<(usize, usize, EntityLabel)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &c) in classes.iter().enumerate() {
        match split(c as usize) {
            None => {
                if let Some((a, l)) = open.take() {
                    out.push((a, i, LABELS[l]));
                }
            }
            Some((l, p)) => {
                if let Some((a, ol)) = open {
                    if ol != l || p == B || p == U {
                        out.push((a, i, LABELS[ol]));
                        open = None;
                    }
                }
                match p {
                    U => out.push((i, i + 1, LABELS[l])),
                    L => {
                        let a = open.take().map_or(i, |(a, _)| a);
                        out.push((a, i + 1, LABELS[l]));
                    }
                    _ => {
                        if open.is_none() {
                            open = Some((i, l));
                        }
                    }
                }
            }
        }
    }
    if let Some((a, l)) = open {
        out.push((a, classes.len(), LABELS[l]));
    }
    out
}

/// Case profile of a word seen in the training data (not sentence-initial): 1 mostly lower
/// case, 2 mostly capitalised, 3 mixed; 0 unknown.
fn profile(lower: u32, cap: u32) -> u8 {
    let n = lower + cap;
    if n == 0 {
        0
    } else if lower * 10 >= n * 9 {
        1
    } else if cap * 10 >= n * 9 {
        2
    } else {
        3
    }
}

/// Per-token inputs of the features of one sentence.
#[derive(Clone, Debug, Default)]
pub struct SentInput {
    /// Word hashes.
    pub infos: Vec<WordInfo>,
    /// Hash of the UPOS tag (0 when untagged).
    pub upos: Vec<u64>,
    /// Hash of the knowledge-base entry kind and BILOU position covering the token (0: none).
    pub gaz: Vec<u64>,
    /// Case profile of the word (see the model's case lexicon).
    pub case: Vec<u8>,
    /// Whether the sentence is written in capitals.
    pub caps: bool,
}

/// Whether a run of tokens is written nearly all in capitals (a headline).
#[must_use]
pub fn all_caps(doc: &Document, a: usize, b: usize) -> bool {
    let (mut up, mut low) = (0usize, 0usize);
    for t in &doc.tokens[a..b] {
        for c in doc.text.get(t.span.start..t.span.end).unwrap_or("").chars() {
            if c.is_uppercase() {
                up += 1;
            } else if c.is_lowercase() {
                low += 1;
            }
        }
    }
    up >= 6 && low * 5 < up
}

fn entry_kind(e: EntryRef) -> u64 {
    match e {
        EntryRef::Country(_) => 1,
        EntryRef::Demonym(_) => 2,
        EntryRef::Capital(_) => 3,
        EntryRef::Place(_) => 4,
        EntryRef::Org(_) | EntryRef::UserActor(_) => 5,
        EntryRef::Person(_) => 6,
        EntryRef::Role(_) | EntryRef::UserAgent(_) => 7,
    }
}

/// Knowledge-base features of tokens `a..b` of `doc`: the longest match from left to right,
/// as (entry kind × 8 + BILOU position + 1) hashes; 0 where no entry matches.
#[must_use]
pub fn gazetteer_marks(kb: &Knowledge, doc: &Document, a: usize, b: usize, caps: bool) -> Vec<u64> {
    let mut out = vec![0u64; b - a];
    let mut i = a;
    while i < b {
        let m = kb
            .match_at(doc, i, caps)
            .filter(|m| m.end <= b && m.end > i);
        let Some(m) = m else {
            i += 1;
            continue;
        };
        let mut kinds: Vec<u64> = m.hits.iter().map(|h| entry_kind(h.entry)).collect();
        kinds.sort_unstable();
        kinds.dedup();
        let kind = kinds.iter().fold(0u64, |acc, k| acc * 8 + k);
        let n = m.end - i;
        for (k, slot) in out[i - a..m.end - a].iter_mut().enumerate() {
            let pos = if n == 1 {
                U
            } else if k == 0 {
                B
            } else if k + 1 == n {
                L
            } else {
                I
            };
            *slot = hash_bytes(&(kind * 8 + pos as u64 + 1).to_le_bytes());
        }
        i = m.end;
    }
    out
}

/// A trained NER model.
#[derive(Debug, Clone, Default)]
pub struct NerModel {
    /// The perceptron.
    pub model: Compact,
    /// Case profiles of words (32-bit key of the lowercase hash → profile).
    pub case: IdMap<u8>,
}

/// Magic and version of the NER model file.
const MAGIC: &[u8; 8] = b"EFNER\x00\x00\x01";

static NER_MODEL: &[u8] = include_bytes!("../knowledge/models/ner.bin");

impl NerModel {
    /// The embedded model, loaded once; `None` when it is missing or corrupt.
    #[must_use]
    pub fn embedded() -> Option<&'static NerModel> {
        static M: OnceLock<Option<NerModel>> = OnceLock::new();
        M.get_or_init(|| Self::from_bytes(NER_MODEL).ok()).as_ref()
    }

    /// Reads a model written by [`NerModel::to_bytes`].
    ///
    /// # Errors
    /// When the bytes are not a valid model.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let mut r = Reader::new(bytes, "ner.bin");
        r.expect_magic(MAGIC)?;
        let n = r.count(5)?;
        let mut case = IdMap::default();
        case.reserve(n);
        for _ in 0..n {
            let k = r.u32()?;
            let v = r.u8()?;
            case.insert(u64::from(k), v);
        }
        let model = Compact::read(&mut r)?;
        Ok(Self { model, case })
    }

    /// Serialises the model (deterministic).
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.buf.extend_from_slice(MAGIC);
        let mut case: Vec<(u64, u8)> = self.case.iter().map(|(&k, &v)| (k, v)).collect();
        case.sort_unstable();
        w.u32(case.len() as u32);
        for (k, v) in case {
            w.u32(k as u32);
            w.u8(v);
        }
        self.model.write(&mut w);
        w.buf
    }

    /// Builds the case lexicon from sentences of words: words seen at least `min` times
    /// after the first token of a sentence.
    #[must_use]
    pub fn case_lexicon<'a>(sents: impl Iterator<Item = &'a [String]>, min: u32) -> IdMap<u8> {
        let mut counts: std::collections::BTreeMap<u32, (u32, u32)> = Default::default();
        for s in sents {
            for w in s.iter().skip(1) {
                let Some(c) = w.chars().next() else { continue };
                if !c.is_alphabetic() {
                    continue;
                }
                let info = WordInfo::new(w);
                let e = counts.entry(key32(info.lower)).or_default();
                if c.is_uppercase() {
                    e.1 += 1;
                } else {
                    e.0 += 1;
                }
            }
        }
        counts
            .into_iter()
            .filter(|(_, (l, c))| l + c >= min)
            .map(|(k, (l, c))| (u64::from(k), profile(l, c)))
            .collect()
    }

    /// Feature inputs of tokens `a..b` of a document (tagged or not).
    #[must_use]
    pub fn inputs(&self, kb: &Knowledge, doc: &Document, a: usize, b: usize) -> SentInput {
        let caps = all_caps(doc, a, b);
        let infos: Vec<WordInfo> = doc.tokens[a..b]
            .iter()
            .map(|t| WordInfo::new(t.norm_or(&doc.text)))
            .collect();
        let upos = doc.tokens[a..b]
            .iter()
            .map(|t| {
                if t.upos.is_empty() {
                    0
                } else {
                    hash_bytes(t.upos.as_bytes())
                }
            })
            .collect();
        let case = infos
            .iter()
            .map(|w| {
                self.case
                    .get(&u64::from(key32(w.lower)))
                    .copied()
                    .unwrap_or(0)
            })
            .collect();
        SentInput {
            gaz: gazetteer_marks(kb, doc, a, b, caps),
            infos,
            upos,
            case,
            caps,
        }
    }

    /// Tags one sentence; `out` receives one BILOU class per token.
    pub fn tag_input(&self, s: &SentInput, out: &mut Vec<u16>) {
        out.clear();
        let n = s.infos.len();
        let mut feats = Vec::with_capacity(64);
        let mut scores = vec![0i32; N_CLASSES];
        let (mut p1, mut p2) = (0usize, 0usize);
        for i in 0..n {
            features(s, i, p1, p2, &mut feats);
            self.model.score(&feats, &mut scores);
            let last = i + 1 == n;
            let c = best(&scores, Some(&|c: usize| allowed(p1, c, last)));
            out.push(c as u16);
            p2 = p1;
            p1 = c;
        }
    }

    /// Entity spans of a document: `(token start, token end, label)` per sentence, in order.
    #[must_use]
    pub fn tag_doc(&self, kb: &Knowledge, doc: &Document) -> Vec<(usize, usize, EntityLabel)> {
        let mut out = Vec::new();
        let mut classes = Vec::new();
        for (a, b) in doc.sentence_token_ranges() {
            let mut start = a;
            while start < b {
                let end = (start + 500).min(b);
                let s = self.inputs(kb, doc, start, end);
                self.tag_input(&s, &mut classes);
                out.extend(
                    spans_of(&classes)
                        .into_iter()
                        .map(|(x, y, l)| (x + start, y + start, l)),
                );
                start = end;
            }
        }
        out
    }
}

const PAD_B: WordInfo = WordInfo::pad(true);
const PAD_E: WordInfo = WordInfo::pad(false);

/// The features of token `i` given the two previous classes.
pub fn features(s: &SentInput, i: usize, p1: usize, p2: usize, out: &mut Vec<u64>) {
    out.clear();
    let n = s.infos.len() as isize;
    let at = |j: isize| -> &WordInfo {
        if j < 0 {
            &PAD_B
        } else if j >= n {
            &PAD_E
        } else {
            &s.infos[j as usize]
        }
    };
    let get = |v: &[u64], j: isize, pad: u64| -> u64 {
        if j < 0 || j >= n {
            pad
        } else {
            v[j as usize]
        }
    };
    let ii = i as isize;
    let w = at(ii);
    let wm1 = at(ii - 1);
    let wm2 = at(ii - 2);
    let wp1 = at(ii + 1);
    let wp2 = at(ii + 2);
    let g = s.gaz[i];
    let gm1 = get(&s.gaz, ii - 1, START);
    let gp1 = get(&s.gaz, ii + 1, END);
    let u = s.upos[i];
    let um1 = get(&s.upos, ii - 1, START);
    let up1 = get(&s.upos, ii + 1, END);
    let case = u64::from(s.case[i]);
    let case_p1 = if ii + 1 < n {
        u64::from(s.case[i + 1])
    } else {
        9
    };
    let caps = u64::from(s.caps);
    let (p1, p2) = (p1 as u64, p2 as u64);
    let first = u64::from(i == 0);
    out.extend_from_slice(&[
        feat(100, 0),
        feat(101, w.lower),
        feat(102, w.suf[1]),
        feat(103, w.suf[2]),
        feat(104, w.suf[3]),
        feat(105, w.pre[1]),
        feat(106, w.pre[2]),
        feat2(107, caps, w.shape),
        feat(108, wm1.lower),
        feat(109, wp1.lower),
        feat(110, wm2.lower),
        feat(111, wp2.lower),
        feat2(112, caps, wm1.shape),
        feat2(113, caps, wp1.shape),
        feat(114, p1),
        feat2(115, p1, p2),
        feat2(116, p1, w.lower),
        feat2(117, p1, w.shape),
        feat2(118, wm1.lower, w.lower),
        feat2(119, w.lower, wp1.lower),
        feat2(120, first, w.shape),
        feat(121, u),
        feat2(122, um1, u),
        feat2(123, u, up1),
        feat2(124, u, w.shape),
        feat(125, g),
        feat2(126, gm1, g),
        feat2(127, g, gp1),
        feat2(128, g, w.shape),
        feat2(129, p1, g),
        feat2(130, case, caps * 4 + first),
        feat2(131, case, w.shape),
        feat2(132, case, case_p1),
        feat2(133, p1, case),
        feat2(134, wm1.lower, w.shape),
        feat2(135, w.shape, wp1.lower),
        feat(136, w.last_part),
        feat2(137, wm1.suf[2], w.shape),
        feat2(138, wp1.suf[2], w.shape),
        feat2(139, p1, u),
        feat2(141, caps, wm1.form),
        feat2(142, caps, wp1.form),
        feat2(143, wm1.lower, wp1.lower),
        feat2(144, get(&s.gaz, ii - 2, START), g),
        feat2(145, g, get(&s.gaz, ii + 2, END)),
        feat2(146, w.shape, wp1.shape),
    ]);
    if w.flags & 1 != 0 {
        out.push(feat(140, w.form));
    }
}

/// A tokenised, single-sentence-per-slice document made of given words (joined with spaces):
/// used for training and evaluation on pre-tokenised corpora.
#[must_use]
pub fn doc_from_sentences(id: &str, sents: &[Vec<String>]) -> Document {
    let mut text = String::new();
    let mut tokens = Vec::new();
    let mut sentences = Vec::new();
    for (si, s) in sents.iter().enumerate() {
        let start_tok = tokens.len();
        let start_byte = text.len();
        for w in s {
            if !text.is_empty() {
                text.push(' ');
            }
            let a = text.len();
            text.push_str(w);
            let kind = match w.chars().next() {
                Some(c) if c.is_alphabetic() => TokenKind::Word,
                Some(c) if c.is_numeric() => TokenKind::Number,
                _ => TokenKind::Punct,
            };
            tokens.push(Token {
                span: Span::new(a, text.len()),
                sentence: si as u32,
                kind,
                space_after: true,
                ..Token::default()
            });
        }
        sentences.push(Sentence {
            span: Span::new(start_byte, text.len()),
            token_start: start_tok as u32,
            token_end: tokens.len() as u32,
        });
    }
    let mut doc = Document::new(id, text, None);
    doc.tokens = tokens;
    doc.sentences = sentences;
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilou_round_trips() {
        let spans = vec![
            (0, 2, EntityLabel::Person),
            (3, 4, EntityLabel::Gpe),
            (5, 8, EntityLabel::Org),
        ];
        let c = bilou(9, &spans);
        assert_eq!(spans_of(&c), spans);
        let mut prev = 0usize;
        for (i, &x) in c.iter().enumerate() {
            assert!(allowed(prev, x as usize, i == 8), "{i}");
            prev = x as usize;
        }
    }

    #[test]
    fn ill_formed_sequences_still_give_spans() {
        let b = class_of(EntityLabel::Org, 0);
        let i = class_of(EntityLabel::Org, 1);
        assert_eq!(spans_of(&[b, i]), vec![(0, 2, EntityLabel::Org)]);
        assert_eq!(spans_of(&[i, 0]), vec![(0, 1, EntityLabel::Org)]);
        assert!(!allowed(b as usize, 0, false));
        assert!(!allowed(0, b as usize, true));
    }

    #[test]
    fn embedded_model_finds_names_and_never_panics() {
        let Some(m) = NerModel::embedded() else {
            panic!("embedded NER model missing");
        };
        let kb = Knowledge::builtin();
        let tag = crate::tag::Tag::load().unwrap();
        let cases: &[(&str, (usize, usize, EntityLabel))] = &[
            (
                "John Smith met officials of Acme Corp in Paris .",
                (0, 2, EntityLabel::Person),
            ),
            ("Michael Howard said more .", (0, 2, EntityLabel::Person)),
            (
                "He said Michael Howard would go .",
                (2, 4, EntityLabel::Person),
            ),
            (
                "Talks were held in Nairobi on Monday .",
                (4, 5, EntityLabel::Gpe),
            ),
        ];
        for (text, want) in cases {
            let words: Vec<String> = text.split(' ').map(str::to_owned).collect();
            let mut doc = doc_from_sentences("t", &[words]);
            crate::pipeline::Stage::process(&tag, &mut doc).unwrap();
            let spans = m.tag_doc(&kb, &doc);
            assert!(spans.contains(want), "{text}: {spans:?}");
        }
        let odd: Vec<String> = ["\u{1f600}", "İİ", "", "x-", "ǅ"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        let doc = doc_from_sentences("o", &[odd, vec![]]);
        let _ = m.tag_doc(&kb, &doc);
    }
}
