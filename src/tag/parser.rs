//! A labelled arc-hybrid transition parser: averaged perceptron over hashed features, trained
//! with a dynamic oracle and exploration (Goldberg & Nivre 2013).
//!
//! Classes: `0` = SHIFT, `1 + 2l` = LEFT with label `l` (the buffer front becomes the head of the
//! stack top), `2 + 2l` = RIGHT with label `l` (the second stack item becomes the head of the
//! stack top). The root (position 0) sits at the bottom of the stack and takes exactly one
//! dependent, attached last.

use std::collections::BTreeSet;

use super::clusters::{level, UNKNOWN_PACKED};
use super::conllu::Word;
use super::features::{feat, feat2, hash_bytes, mix};
use super::io::{Reader, Writer};
use super::perceptron::{best, Compact, Trainer};
use super::tagger::SplitMix;
use super::tags::{intern, DEPREL};
use crate::error::Result;

const NONE: u64 = 0x4e4f_4e45_0000_0001;
const ROOT: u64 = 0x524f_4f54_0000_0002;
const SHIFT: usize = 0;

/// One word as the parser sees it.
#[derive(Clone, Copy, Debug)]
pub struct PWord {
    /// Lowercase form hash.
    pub w: u64,
    /// Tag hash.
    pub t: u64,
    /// Packed word-cluster ids ([`super::clusters`]).
    pub c: u32,
}

impl PWord {
    /// A word from its form and Penn tag (no cluster).
    #[must_use]
    pub fn new(form: &str, xpos: &str) -> Self {
        Self::with_clusters(form, xpos, UNKNOWN_PACKED)
    }

    /// A word from its form, Penn tag and packed cluster ids.
    #[must_use]
    pub fn with_clusters(form: &str, xpos: &str, c: u32) -> Self {
        let lower = super::features::fold(form).to_lowercase();
        Self {
            w: hash_bytes(lower.as_bytes()),
            t: hash_bytes(xpos.as_bytes()),
            c,
        }
    }

    /// The tag hash of a word for a parser of version 2 ([`Parser::uses_clusters`]): the
    /// tagger's joint (Penn, UPOS) class, so that e.g. `AUX` and `VERB` readings of `VBZ` differ.
    #[must_use]
    pub fn joint_tag(xpos: &str, upos: &str) -> u64 {
        mix(hash_bytes(xpos.as_bytes()) ^ hash_bytes(upos.as_bytes()))
    }

    /// The parser word of a tagged word: `lower` is its lowercase hash
    /// ([`super::features::WordInfo::lower`]), `clusters` its packed cluster ids; with `joint`
    /// (parsers of version 2) the tag is [`PWord::joint_tag`], else the Penn tag alone.
    #[must_use]
    pub fn tagged(lower: u64, xpos: &str, upos: &str, clusters: u32, joint: bool) -> Self {
        Self {
            w: lower,
            t: if joint {
                Self::joint_tag(xpos, upos)
            } else {
                hash_bytes(xpos.as_bytes())
            },
            c: clusters,
        }
    }
}

/// Parser state over a sentence of `n` words at positions `1..=n` (0 is the root).
struct State {
    stack: Vec<usize>,
    b: usize,
    n: usize,
    head: Vec<usize>,
    label: Vec<u16>,
    /// Latest two left children, latest two right children.
    lc: Vec<[usize; 2]>,
    rc: Vec<[usize; 2]>,
    nl: Vec<u8>,
    nr: Vec<u8>,
    /// Sets of the relations of the left and of the right children (bit `label % 64`).
    ls: Vec<u64>,
    rs: Vec<u64>,
}

const NOBODY: usize = usize::MAX;

impl State {
    fn new(n: usize) -> Self {
        Self {
            stack: vec![0],
            b: 1,
            n,
            head: vec![NOBODY; n + 1],
            label: vec![0; n + 1],
            lc: vec![[NOBODY; 2]; n + 1],
            rc: vec![[NOBODY; 2]; n + 1],
            nl: vec![0; n + 1],
            nr: vec![0; n + 1],
            ls: vec![0; n + 1],
            rs: vec![0; n + 1],
        }
    }
    fn done(&self) -> bool {
        self.b > self.n && self.stack.len() <= 1
    }
    fn s(&self, k: usize) -> usize {
        if self.stack.len() > k {
            self.stack[self.stack.len() - 1 - k]
        } else {
            NOBODY
        }
    }
    fn allowed(&self, class: usize, root_label: usize) -> bool {
        let buf = self.b <= self.n;
        if class == SHIFT {
            return buf;
        }
        let label = (class - 1) / 2;
        let s0 = self.s(0);
        if class % 2 == 1 {
            buf && s0 != NOBODY && s0 != 0 && label != root_label
        } else {
            let s1 = self.s(1);
            s1 != NOBODY
                && if s1 == 0 {
                    !buf && label == root_label
                } else {
                    label != root_label
                }
        }
    }
    fn apply(&mut self, class: usize) {
        if class == SHIFT {
            self.stack.push(self.b);
            self.b += 1;
            return;
        }
        let label = ((class - 1) / 2) as u16;
        let Some(d) = self.stack.pop() else { return };
        let h = if class % 2 == 1 { self.b } else { self.s(0) };
        if h == NOBODY || h > self.n {
            return;
        }
        self.head[d] = h;
        self.label[d] = label;
        if d < h {
            self.lc[h] = [d, self.lc[h][0]];
            self.nl[h] = self.nl[h].saturating_add(1);
            self.ls[h] |= 1 << (label % 64);
        } else {
            self.rc[h] = [d, self.rc[h][0]];
            self.nr[h] = self.nr[h].saturating_add(1);
            self.rs[h] |= 1 << (label % 64);
        }
    }
}

fn f3(t: u64, a: u64, b: u64, c: u64) -> u64 {
    feat2(t, mix(a ^ 0x51), feat2(0, b, c))
}

/// The parser's features of a state: 51 templates for a version 1 model; with `clusters`
/// (version 2) also 8 richer ones (second children, label sets, word pairs) and 12 over word
/// clusters.
fn features(st: &State, words: &[PWord], clusters: bool, out: &mut Vec<u64>) {
    out.clear();
    let word = |i: usize| -> PWord {
        if i == 0 {
            PWord {
                w: ROOT,
                t: ROOT,
                c: 0x3fe | 0x3fe << 10 | 0x3fe << 20,
            }
        } else if i == NOBODY || i > words.len() {
            PWord {
                w: NONE,
                t: NONE,
                c: 0x3fd | 0x3fd << 10 | 0x3fd << 20,
            }
        } else {
            words[i - 1]
        }
    };
    let lab = |i: usize| -> u64 {
        if i == NOBODY {
            NONE
        } else {
            u64::from(st.label[i]) + 1
        }
    };
    let kid = |h: usize, left: bool, k: usize| -> usize {
        if h == NOBODY || h > st.n {
            NOBODY
        } else if left {
            st.lc[h][k]
        } else {
            st.rc[h][k]
        }
    };
    let (s0i, s1i, s2i) = (st.s(0), st.s(1), st.s(2));
    let b0i = if st.b <= st.n { st.b } else { NOBODY };
    let b1i = if st.b < st.n { st.b + 1 } else { NOBODY };
    let b2i = if st.b + 1 < st.n { st.b + 2 } else { NOBODY };
    let (s0, s1, s2, b0, b1, b2) = (
        word(s0i),
        word(s1i),
        word(s2i),
        word(b0i),
        word(b1i),
        word(b2i),
    );
    let s0l1 = kid(s0i, true, 0);
    let s0l2 = kid(s0i, true, 1);
    let s0r1 = kid(s0i, false, 0);
    let s0r2 = kid(s0i, false, 1);
    let s1r1 = kid(s1i, false, 0);
    let s1l1 = kid(s1i, true, 0);
    let b0l1 = kid(b0i, true, 0);
    let b0l2 = kid(b0i, true, 1);
    let (s0l1w, s0r1w, b0l1w, s1r1w) = (word(s0l1), word(s0r1), word(b0l1), word(s1r1));
    let dist = |a: usize, b: usize| -> u64 {
        if a == NOBODY || b == NOBODY {
            99
        } else {
            (a.abs_diff(b)).min(6) as u64
        }
    };
    let d0 = dist(s0i, b0i);
    let d1 = dist(s1i, s0i);
    let val = |i: usize| -> u64 {
        if i == NOBODY || i > st.n {
            0
        } else {
            u64::from(st.nl[i].min(3)) << 8 | u64::from(st.nr[i].min(3))
        }
    };
    let s0wt = feat2(0, s0.w, s0.t);
    let b0wt = feat2(0, b0.w, b0.t);
    let s1wt = feat2(0, s1.w, s1.t);
    out.extend_from_slice(&[
        feat(1, s0.w),
        feat(2, s0.t),
        feat(3, s0wt),
        feat(4, b0.w),
        feat(5, b0.t),
        feat(6, b0wt),
        feat(7, b1.w),
        feat(8, b1.t),
        feat2(9, b1.w, b1.t),
        feat(10, b2.t),
        feat(11, s1.w),
        feat(12, s1.t),
        feat(13, s1wt),
        feat(14, s2.t),
        feat2(15, s0.w, b0.w),
        feat2(16, s0.t, b0.t),
        feat2(17, s0wt, b0.t),
        feat2(18, s0.t, b0wt),
        feat2(19, s0wt, b0wt),
        feat2(20, s1.t, s0.t),
        feat2(21, s1.w, s0.w),
        feat2(22, s1wt, s0.t),
        feat2(23, s1.t, s0wt),
        f3(24, s0.t, b0.t, b1.t),
        f3(25, b0.t, b1.t, b2.t),
        f3(26, s1.t, s0.t, b0.t),
        f3(27, s2.t, s1.t, s0.t),
        f3(28, s0.t, s0l1w.t, b0.t),
        f3(29, s0.t, s0r1w.t, b0.t),
        f3(30, s0.t, b0.t, b0l1w.t),
        f3(31, s1.t, s1r1w.t, s0.t),
        feat2(32, s0.t, lab(s0l1)),
        feat2(33, s0.t, lab(s0r1)),
        feat2(34, b0.t, lab(b0l1)),
        f3(35, s0.t, lab(s0l1), lab(s0l2)),
        f3(36, s0.t, lab(s0r1), lab(s0r2)),
        f3(37, b0.t, lab(b0l1), lab(b0l2)),
        f3(38, d0, s0.t, b0.t),
        f3(39, d0, s0.w, b0.w),
        f3(40, d1, s1.t, s0.t),
        feat2(41, s0wt, val(s0i)),
        feat2(42, b0wt, val(b0i)),
        feat2(43, s1.t, val(s1i)),
        f3(44, s0.t, s0l1w.w, b0.t),
        f3(45, s0.t, s0r1w.w, b0.t),
        f3(46, b0.t, b0l1w.w, s0.t),
        feat2(47, s1.t, lab(s1l1)),
        feat2(48, s1.t, lab(s1r1)),
        f3(49, s1.w, s0.t, b0.t),
        f3(50, s0.w, s1.t, b0.t),
        f3(51, b0.w, s0.t, s1.t),
    ]);
    if !clusters {
        // Version 1 models (no word clusters) were trained on the 51 templates above.
        return;
    }
    let set = |i: usize, left: bool| -> u64 {
        if i == NOBODY || i > st.n {
            0
        } else if left {
            st.ls[i]
        } else {
            st.rs[i]
        }
    };
    let (s0l2w, s0r2w, b0l2w) = (word(s0l2), word(s0r2), word(b0l2));
    out.extend_from_slice(&[
        f3(64, s0.t, s0l1w.t, s0l2w.t),
        f3(65, s0.t, s0r1w.t, s0r2w.t),
        f3(66, b0.t, b0l1w.t, b0l2w.t),
        feat2(67, s0wt, set(s0i, true)),
        feat2(68, s0wt, set(s0i, false)),
        feat2(69, b0wt, set(b0i, true)),
        feat2(70, b0.w, b1.w),
        feat2(71, s1.w, b0.w),
    ]);
    let c = |x: &PWord, l: usize| level(x.c, l);
    out.extend_from_slice(&[
        feat(52, c(&s0, 1)),
        feat(53, c(&s0, 2)),
        feat(54, c(&b0, 1)),
        feat(55, c(&b0, 2)),
        feat(56, c(&s1, 1)),
        feat(57, c(&b1, 1)),
        feat2(58, c(&s0, 1), c(&b0, 1)),
        feat2(59, c(&s0, 2), b0.t),
        feat2(60, s0.t, c(&b0, 2)),
        feat2(61, c(&s1, 1), c(&s0, 1)),
        f3(62, c(&s0, 0), c(&b0, 0), c(&b1, 0)),
        feat2(63, c(&s0, 2), c(&b0, 2)),
    ]);
}

/// A trained parser.
#[derive(Debug, Clone, Default)]
pub struct Parser {
    labels: Vec<&'static str>,
    model: Compact,
    /// Whether the model uses word-cluster features.
    clusters: bool,
}

impl Parser {
    fn root_label(&self) -> usize {
        self.labels
            .iter()
            .position(|l| *l == "root")
            .unwrap_or(usize::MAX)
    }

    /// Parses one sentence; returns per word its head (0 = root, else a 1-based position) and
    /// relation.
    #[must_use]
    pub fn parse(&self, words: &[PWord]) -> Vec<(u32, &'static str)> {
        let n = words.len();
        if n == 0 || self.labels.is_empty() {
            return vec![(0, "dep"); n];
        }
        let root = self.root_label();
        let mut st = State::new(n);
        let mut feats = Vec::with_capacity(64);
        let mut scores = vec![0i32; self.model.n_classes()];
        while !st.done() {
            if st.stack.len() == 1 {
                // Only the root on the stack: SHIFT is the one legal move.
                st.apply(SHIFT);
                continue;
            }
            features(&st, words, self.clusters, &mut feats);
            self.model.score(&feats, &mut scores);
            // The best legal class, lowest index on ties (as `best`, without a closure call).
            let mut c = usize::MAX;
            for (k, &sc) in scores.iter().enumerate() {
                if (c == usize::MAX || sc > scores[c]) && st.allowed(k, root) {
                    c = k;
                }
            }
            if c == usize::MAX {
                break;
            }
            st.apply(c);
        }
        (1..=n)
            .map(|i| {
                let h = st.head[i];
                let h = if h == NOBODY || h > n { 0 } else { h };
                let l = self
                    .labels
                    .get(st.label[i] as usize)
                    .copied()
                    .unwrap_or("dep");
                (h as u32, if h == 0 { "root" } else { l })
            })
            .collect()
    }

    /// Whether the model uses word-cluster features.
    #[must_use]
    pub fn uses_clusters(&self) -> bool {
        self.clusters
    }

    /// Model size: features, weights.
    #[must_use]
    pub fn stats(&self) -> (usize, usize) {
        self.model.size()
    }

    /// Serialises the parser.
    pub fn write(&self, w: &mut Writer) {
        w.buf.extend_from_slice(b"PARS");
        w.u32(self.labels.len() as u32);
        for l in &self.labels {
            w.str(l);
        }
        self.model.write(w);
    }

    /// Reads a parser written by [`Parser::write`]; `clusters` says whether its model uses
    /// word-cluster features (files of version 2).
    ///
    /// # Errors
    /// When the bytes are malformed.
    pub fn read(r: &mut Reader<'_>, clusters: bool) -> Result<Self> {
        r.expect_magic(b"PARS")?;
        let n = r.count(2)?;
        let mut labels = Vec::with_capacity(n);
        for _ in 0..n {
            labels.push(intern(DEPREL, &r.str()?, "dep"));
        }
        let model = Compact::read(r)?;
        Ok(Self {
            labels,
            model,
            clusters,
        })
    }
}

/// A training sentence: parser words plus gold heads and label ids.
pub struct ParseExample {
    /// Words with (predicted) tags.
    pub words: Vec<PWord>,
    /// Gold heads (0 = root).
    pub heads: Vec<usize>,
    /// Gold relations.
    pub rels: Vec<String>,
}

struct Gold {
    head: Vec<usize>,
    label: Vec<usize>,
    kids: Vec<Vec<usize>>,
}

fn cost(st: &State, g: &Gold, on_stack: &[bool], class: usize) -> usize {
    let s0 = st.s(0);
    if class == SHIFT {
        let b = st.b;
        let mut c = g.kids[b].iter().filter(|&&d| on_stack[d]).count();
        let h = g.head[b];
        if on_stack[h] && h != s0 {
            c += 1;
        }
        return c;
    }
    let label = (class - 1) / 2;
    let mut c = g.kids[s0].iter().filter(|&&d| d >= st.b).count();
    let h = g.head[s0];
    let target = if class % 2 == 1 { st.b } else { st.s(1) };
    if h == target {
        c += usize::from(g.label[s0] != label);
    } else {
        let reachable = if class % 2 == 1 {
            h == st.s(1) || h > st.b
        } else {
            h >= st.b
        };
        c += usize::from(reachable);
    }
    c
}

/// Settings of parser training.
#[derive(Debug, Clone, Copy)]
pub struct ParserConfig {
    /// Shuffle seed.
    pub seed: u64,
    /// Epochs.
    pub epochs: usize,
    /// Pruning threshold of averaged weights.
    pub prune: f64,
    /// Probability of following the model's (possibly wrong) transition from epoch 2 on.
    pub explore: f64,
    /// Also log dev scores at other pruning thresholds.
    pub prune_sweep: bool,
    /// Use word-cluster features.
    pub clusters: bool,
}

impl Default for ParserConfig {
    fn default() -> Self {
        Self {
            seed: 1,
            epochs: 10,
            prune: 1.0,
            explore: 0.9,
            prune_sweep: false,
            clusters: true,
        }
    }
}

/// Unlabelled and labelled attachment scores (percent) of `p` on `data`.
#[must_use]
pub fn attachment(p: &Parser, data: &[ParseExample]) -> (f64, f64) {
    let (mut n, mut u, mut l) = (0usize, 0usize, 0usize);
    for ex in data {
        for ((h, r), (gh, gr)) in p.parse(&ex.words).iter().zip(ex.heads.iter().zip(&ex.rels)) {
            n += 1;
            if *h as usize == *gh {
                u += 1;
                l += usize::from(r == gr);
            }
        }
    }
    let d = n.max(1) as f64 / 100.0;
    (u as f64 / d, l as f64 / d)
}

/// Trains a parser, keeping the epoch with the best dev LAS (the last one when `keep_last`).
pub fn train(
    train: &[ParseExample],
    dev: &[ParseExample],
    cfg: ParserConfig,
    keep_last: bool,
    log: &mut dyn FnMut(String),
) -> Parser {
    let names: BTreeSet<String> = train.iter().flat_map(|e| e.rels.iter().cloned()).collect();
    let labels: Vec<&'static str> = names.iter().map(|l| intern(DEPREL, l, "dep")).collect();
    let label_id = |s: &str| labels.iter().position(|l| *l == s).unwrap_or(0);
    let root = labels
        .iter()
        .position(|l| *l == "root")
        .unwrap_or(usize::MAX);
    let n_classes = 1 + 2 * labels.len();
    let golds: Vec<Gold> = train
        .iter()
        .map(|e| {
            let n = e.words.len();
            let mut head = vec![0; n + 2];
            let mut label = vec![0; n + 2];
            let mut kids = vec![Vec::new(); n + 2];
            for (i, (&h, r)) in e.heads.iter().zip(&e.rels).enumerate() {
                let h = if h > n { 0 } else { h };
                head[i + 1] = h;
                label[i + 1] = label_id(r);
                kids[h].push(i + 1);
            }
            Gold { head, label, kids }
        })
        .collect();
    let mut trainer = Trainer::new(n_classes);
    let mut rng = SplitMix(cfg.seed);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut feats = Vec::with_capacity(64);
    let mut scores = vec![0i64; n_classes];
    let mut best_model: Option<(f64, Parser)> = None;
    for epoch in 1..=cfg.epochs {
        rng.shuffle(&mut order);
        let (mut steps, mut wrong) = (0usize, 0usize);
        for &si in &order {
            let ex = &train[si];
            let g = &golds[si];
            let n = ex.words.len();
            if n == 0 || n > 300 {
                continue;
            }
            let mut st = State::new(n);
            let mut on_stack = vec![false; n + 2];
            on_stack[0] = true;
            while !st.done() {
                features(&st, &ex.words, cfg.clusters, &mut feats);
                trainer.tick();
                trainer.score(&feats, &mut scores);
                let costs: Vec<usize> = (0..n_classes)
                    .map(|c| {
                        if st.allowed(c, root) {
                            cost(&st, g, &on_stack, c)
                        } else {
                            usize::MAX
                        }
                    })
                    .collect();
                let min = costs.iter().copied().min().unwrap_or(usize::MAX);
                if min == usize::MAX {
                    break;
                }
                let pred = best(&scores, Some(&|c| costs[c] != usize::MAX));
                let gold = best(&scores, Some(&|c| costs[c] == min));
                steps += 1;
                let follow = if costs[pred] > min {
                    wrong += 1;
                    trainer.update(&feats, gold, pred);
                    if epoch > 1 && (rng.next_u64() % 1000) as f64 / 1000.0 < cfg.explore {
                        pred
                    } else {
                        gold
                    }
                } else {
                    pred
                };
                if follow == SHIFT {
                    on_stack[st.b] = true;
                } else if let Some(&top) = st.stack.last() {
                    on_stack[top] = false;
                }
                st.apply(follow);
            }
        }
        let parser = Parser {
            labels: labels.clone(),
            model: trainer.compact(cfg.prune),
            clusters: cfg.clusters,
        };
        let (uas, las) = attachment(&parser, dev);
        let (f, w) = parser.stats();
        log(format!(
            "epoch {epoch}: wrong transitions {:.2}%  dev UAS {uas:.2} LAS {las:.2}  ({f} features, {w} weights)",
            wrong as f64 * 100.0 / steps.max(1) as f64
        ));
        if cfg.prune_sweep {
            for pr in [0.5, 2.0, 4.0, 8.0] {
                let q = Parser {
                    labels: labels.clone(),
                    model: trainer.compact(pr),
                    clusters: cfg.clusters,
                };
                let (u2, l2) = attachment(&q, dev);
                let (f2, w2) = q.stats();
                log(format!(
                    "  prune {pr}: dev UAS {u2:.2} LAS {l2:.2} ({f2} features, {w2} weights)"
                ));
            }
        }
        let score = if keep_last { epoch as f64 } else { las };
        if best_model.as_ref().is_none_or(|(b, _)| score > *b) {
            best_model = Some((score, parser));
        }
    }
    best_model.map(|(_, p)| p).unwrap_or_default()
}

/// Parser examples from CoNLL-U sentences, tagged by `tag` (predicted Penn tags, or joint
/// classes with `joint`, for parsers of version 2).
#[must_use]
pub fn examples(
    sents: &[Vec<Word>],
    tag: &super::tagger::Tagger,
    joint: bool,
) -> Vec<ParseExample> {
    let mut classes = Vec::new();
    let mut clusters = Vec::new();
    sents
        .iter()
        .map(|s| {
            let forms: Vec<&str> = s.iter().map(|w| w.form.as_str()).collect();
            tag.tag_for_parser(&forms, &mut classes, &mut clusters);
            ParseExample {
                words: classes
                    .iter()
                    .zip(&clusters)
                    .map(|(&c, &(lower, k))| {
                        let (x, u) = tag.class(c);
                        PWord::tagged(lower, x, u, k, joint)
                    })
                    .collect(),
                heads: s.iter().map(|w| w.head as usize).collect(),
                rels: s.iter().map(|w| w.deprel.clone()).collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oracle_costs_follow_a_projective_tree() {
        // "She ate fish": She <- ate -> fish, ate <- root.
        let g = Gold {
            head: vec![0, 2, 0, 2, 0],
            label: vec![0, 1, 2, 3, 0],
            kids: vec![vec![2], vec![], vec![1, 3], vec![], vec![]],
        };
        let mut st = State::new(3);
        let mut on = vec![true, false, false, false, false];
        let root = 2;
        // SHIFT She is free; then LEFT(nsubj=1) onto "ate" is free, RIGHT is not.
        assert_eq!(cost(&st, &g, &on, SHIFT), 0);
        st.apply(SHIFT);
        on[1] = true;
        assert_eq!(cost(&st, &g, &on, 1 + 2), 0);
        assert!(cost(&st, &g, &on, 1 + 2 * 3) > 0);
        assert!(
            !st.allowed(2 + 2, root),
            "root takes a dependent only at the end"
        );
        st.apply(1 + 2);
        assert_eq!(st.head[1], 2);
    }

    #[test]
    fn learns_tiny_trees() {
        let mk = |ws: &[(&str, &str, usize, &str)]| ParseExample {
            words: ws.iter().map(|(f, t, _, _)| PWord::new(f, t)).collect(),
            heads: ws.iter().map(|w| w.2).collect(),
            rels: ws.iter().map(|w| w.3.to_owned()).collect(),
        };
        let data = vec![
            mk(&[
                ("she", "PRP", 2, "nsubj"),
                ("ate", "VBD", 0, "root"),
                ("fish", "NN", 2, "obj"),
            ]),
            mk(&[
                ("he", "PRP", 2, "nsubj"),
                ("saw", "VBD", 0, "root"),
                ("birds", "NNS", 2, "obj"),
            ]),
            mk(&[("they", "PRP", 2, "nsubj"), ("left", "VBD", 0, "root")]),
        ];
        let p = train(
            &data,
            &data,
            ParserConfig {
                epochs: 8,
                prune: 0.0,
                ..ParserConfig::default()
            },
            false,
            &mut |_| {},
        );
        let (uas, las) = attachment(&p, &data);
        assert!(uas > 99.0 && las > 99.0, "{uas} {las}");
        let mut w = Writer::default();
        p.write(&mut w);
        let q = Parser::read(&mut Reader::new(&w.buf, "t"), true).unwrap();
        assert_eq!(
            q.parse(&data[0].words),
            vec![(2, "nsubj"), (0, "root"), (2, "obj")]
        );
        assert!(Parser::default()
            .parse(&data[0].words)
            .iter()
            .all(|x| x.0 == 0));
    }
}
