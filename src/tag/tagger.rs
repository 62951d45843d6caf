//! The greedy averaged-perceptron POS tagger: one joint class per (Penn tag, UPOS) pair.

use std::collections::{BTreeMap, HashMap};

use super::clusters::Clusters;
use super::conllu::Word;
use super::features::{tagger_features, WordInfo, NO_TAG};
use super::io::{Reader, Writer};
use super::perceptron::{best, Compact, IdMap, Trainer};
use super::tags::{intern, UPOS, XPOS};
use crate::error::Result;

/// A trained tagger.
#[derive(Debug, Clone, Default)]
pub struct Tagger {
    /// Joint classes: (Penn tag, UPOS).
    pub classes: Vec<(&'static str, &'static str)>,
    model: Compact,
    /// Right-to-left model; its scores are added to the left-to-right ones.
    back: Compact,
    /// Frequent unambiguous words (folded form hash) and their class.
    tagdict: IdMap<u16>,
    /// Ambiguity classes of known words (lowercase hash to class-set id).
    lex: IdMap<u16>,
    /// Word clusters (may be empty: then no cluster features).
    pub clusters: Clusters,
}

impl Tagger {
    /// Tags one sentence; `out` receives one class index per word.
    pub fn tag(&self, words: &[&str], out: &mut Vec<u16>) {
        let mut infos: Vec<WordInfo> = words.iter().map(|w| WordInfo::new(w)).collect();
        self.annotate(&mut infos);
        self.tag_infos(&infos, out);
    }

    /// Tags one sentence like [`Tagger::tag`]; `words_out` receives each word's lowercase hash
    /// and packed cluster ids (for the parser).
    pub fn tag_for_parser(
        &self,
        words: &[&str],
        out: &mut Vec<u16>,
        words_out: &mut Vec<(u64, u32)>,
    ) {
        let mut infos: Vec<WordInfo> = words.iter().map(|w| WordInfo::new(w)).collect();
        self.annotate(&mut infos);
        self.tag_infos(&infos, out);
        words_out.clear();
        words_out.extend(infos.iter().map(|w| (w.lower, w.clu)));
    }

    /// Fills the ambiguity classes of words from the lexicon.
    pub fn annotate(&self, infos: &mut [WordInfo]) {
        for w in infos.iter_mut() {
            w.amb = self.lex.get(&w.lower).map_or(0, |&a| u64::from(a) + 1);
        }
        if !self.clusters.is_empty() {
            for w in infos {
                w.clu = self.clusters.get_key(w.cluster_key);
            }
        }
    }

    /// Tags one sentence of precomputed word hashes.
    /// The ambiguity classes must already be filled by [`Tagger::annotate`].
    pub fn tag_infos(&self, infos: &[WordInfo], out: &mut Vec<u16>) {
        out.clear();
        let n = infos.len();
        let nc = self.model.n_classes();
        let mut feats = Vec::with_capacity(64);
        let mut ahead = Vec::with_capacity(64);
        let mut scores = vec![0i32; nc];
        let cl = !self.clusters.is_empty();
        let dict: Vec<Option<u16>> = infos
            .iter()
            .map(|w| self.tagdict.get(&w.form).copied())
            .collect();
        // Right-to-left pass: keep its scores.
        let mut back = vec![
            0f32;
            if self.back.n_classes() == nc {
                n * nc
            } else {
                0
            }
        ];
        if !back.is_empty() {
            let bs = self.back.scale();
            let (mut p1, mut p2) = (NO_TAG, NO_TAG);
            for j in 0..n {
                let i = n - 1 - j;
                let c = if let Some(c) = dict[i] {
                    c
                } else {
                    // Start loading the next step's tag-independent features while this one
                    // is scored (its tag features are unknown yet and only partly fetched).
                    if j + 1 < n && dict[i - 1].is_none() {
                        tagger_features(infos, j + 1, p1, p2, true, cl, &mut ahead);
                        self.back.prefetch(&ahead);
                    }
                    tagger_features(infos, j, p1, p2, true, cl, &mut feats);
                    self.back.score(&feats, &mut scores);
                    for (b, s) in back[i * nc..(i + 1) * nc].iter_mut().zip(&scores) {
                        *b = *s as f32 * bs;
                    }
                    best(&scores, None) as u16
                };
                p2 = p1;
                p1 = u64::from(c);
            }
        }
        let fs = self.model.scale();
        let mut total = vec![0f32; nc];
        let (mut p1, mut p2) = (NO_TAG, NO_TAG);
        for i in 0..n {
            let c = if let Some(c) = dict[i] {
                c
            } else {
                if i + 1 < n && dict[i + 1].is_none() {
                    tagger_features(infos, i + 1, p1, p2, false, cl, &mut ahead);
                    self.model.prefetch(&ahead);
                }
                tagger_features(infos, i, p1, p2, false, cl, &mut feats);
                self.model.score(&feats, &mut scores);
                if back.is_empty() {
                    best(&scores, None) as u16
                } else {
                    for ((t, s), b) in total
                        .iter_mut()
                        .zip(&scores)
                        .zip(&back[i * nc..(i + 1) * nc])
                    {
                        *t = *s as f32 * fs + *b;
                    }
                    best(&total, None) as u16
                }
            };
            out.push(c);
            p2 = p1;
            p1 = u64::from(c);
        }
    }

    /// The (Penn, UPOS) pair of class `c` (`("XX", "X")` when out of range).
    #[must_use]
    pub fn class(&self, c: u16) -> (&'static str, &'static str) {
        self.classes.get(c as usize).copied().unwrap_or(("XX", "X"))
    }

    /// Model statistics: classes, tag-dictionary words, features, weights.
    #[must_use]
    pub fn stats(&self) -> (usize, usize, usize, usize) {
        let (f, w) = self.model.size();
        let (bf, bw) = self.back.size();
        (self.classes.len(), self.tagdict.len(), f + bf, w + bw)
    }

    /// Serialises the tagger.
    pub fn write(&self, w: &mut Writer) {
        w.buf.extend_from_slice(b"TAGR");
        w.u32(self.classes.len() as u32);
        for (x, u) in &self.classes {
            w.str(x);
            w.str(u);
        }
        let mut td: Vec<(u64, u16)> = self.tagdict.iter().map(|(&k, &v)| (k, v)).collect();
        td.sort_unstable();
        w.u32(td.len() as u32);
        for (k, v) in td {
            w.u64(k);
            w.u16(v);
        }
        let mut lex: Vec<(u64, u16)> = self.lex.iter().map(|(&k, &v)| (k, v)).collect();
        lex.sort_unstable();
        w.u32(lex.len() as u32);
        for (k, v) in lex {
            w.u64(k);
            w.u16(v);
        }
        self.model.write(w);
        self.back.write(w);
        self.clusters.write(w);
    }

    /// Reads a tagger written by [`Tagger::write`] (`with_clusters: false` for files of version
    /// 1, which have no cluster table).
    ///
    /// # Errors
    /// When the bytes are malformed.
    pub fn read(r: &mut Reader<'_>, with_clusters: bool) -> Result<Self> {
        r.expect_magic(b"TAGR")?;
        let n = r.count(4)?;
        let mut classes = Vec::with_capacity(n);
        for _ in 0..n {
            let x = r.str()?;
            let u = r.str()?;
            classes.push((intern(XPOS, &x, "XX"), intern(UPOS, &u, "X")));
        }
        let n = r.count(10)?;
        let mut tagdict = IdMap::default();
        tagdict.reserve(n);
        for _ in 0..n {
            let k = r.u64()?;
            let v = r.u16()?;
            tagdict.insert(k, v);
        }
        let n = r.count(10)?;
        let mut lex = IdMap::default();
        lex.reserve(n);
        for _ in 0..n {
            let k = r.u64()?;
            let v = r.u16()?;
            lex.insert(k, v);
        }
        let model = Compact::read(r)?;
        let back = Compact::read(r)?;
        let clusters = if with_clusters {
            Clusters::read(r)?
        } else {
            Clusters::default()
        };
        Ok(Self {
            classes,
            model,
            back,
            tagdict,
            lex,
            clusters,
        })
    }
}

/// Settings of tagger training.
#[derive(Debug, Clone, Copy)]
pub struct TrainConfig {
    /// Seed of the shuffling PRNG.
    pub seed: u64,
    /// Maximum number of epochs.
    pub epochs: usize,
    /// Stop after this many epochs without a dev improvement.
    pub patience: usize,
    /// Averaged weights below this magnitude are pruned.
    pub prune: f64,
    /// Minimum count of a word for the tag dictionary.
    pub dict_min_count: u32,
    /// Minimum share of its majority class for a word in the tag dictionary.
    pub dict_min_share: f64,
    /// Minimum count of a word for the ambiguity-class lexicon.
    pub lex_min_count: u32,
    /// Keep the last epoch instead of the best dev epoch (when dev is part of the training data).
    pub keep_last: bool,
    /// Also log dev accuracy at other pruning thresholds.
    pub prune_sweep: bool,
}

impl Default for TrainConfig {
    fn default() -> Self {
        Self {
            seed: 1,
            epochs: 12,
            patience: 3,
            prune: 0.05,
            dict_min_count: 20,
            dict_min_share: 0.995,
            lex_min_count: 3,
            keep_last: false,
            prune_sweep: false,
        }
    }
}

/// A tiny deterministic PRNG (`splitmix64`).
#[derive(Debug, Clone)]
pub struct SplitMix(pub u64);

impl SplitMix {
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        super::features::mix(self.0)
    }
    /// Shuffles `v` in place (Fisher-Yates).
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Gold class of a word in the joint class set (classes are `"XPOS\tUPOS"`).
fn joint(w: &Word) -> String {
    format!("{}\t{}", w.xpos, w.upos)
}

/// Folds of the jackknifed training lexicon.
const FOLDS: usize = 5;

/// The ambiguity-class lexicon of `sents`: lowercase hash to the id (in `sets`) of the set of
/// classes seen with at least 5% of a word's occurrences, for words seen `min_count` times.
fn build_lex<'a>(
    sents: impl Iterator<Item = &'a Vec<Word>>,
    index: &HashMap<String, u16>,
    min_count: u32,
    sets: &mut BTreeMap<Vec<u16>, u16>,
) -> IdMap<u16> {
    let mut lc: BTreeMap<u64, BTreeMap<u16, u32>> = BTreeMap::new();
    for w in sents.flatten() {
        let info = WordInfo::new(&w.form);
        *lc.entry(info.lower)
            .or_default()
            .entry(index.get(&joint(w)).copied().unwrap_or(0))
            .or_default() += 1;
    }
    let mut lex = IdMap::default();
    for (k, m) in &lc {
        let total: u32 = m.values().sum();
        if total < min_count.max(1) {
            continue;
        }
        let set: Vec<u16> = m
            .iter()
            .filter(|(_, n)| f64::from(**n) >= 0.05 * f64::from(total))
            .map(|(c, _)| *c)
            .collect();
        let next = sets.len() as u16;
        let id = *sets.entry(set).or_insert(next);
        lex.insert(*k, id);
    }
    lex
}

/// Per-sentence precomputed hashes and gold classes.
struct Prepared {
    infos: Vec<WordInfo>,
    gold: Vec<u16>,
}

fn prepare(sents: &[Vec<Word>], index: &HashMap<String, u16>, t: &Tagger) -> Vec<Prepared> {
    sents
        .iter()
        .map(|s| {
            let mut infos: Vec<WordInfo> = s.iter().map(|w| WordInfo::new(&w.form)).collect();
            t.annotate(&mut infos);
            Prepared {
                infos,
                gold: s
                    .iter()
                    .map(|w| index.get(&joint(w)).copied().unwrap_or(0))
                    .collect(),
            }
        })
        .collect()
}

/// Accuracy of a tagger on prepared sentences: (UPOS, XPOS) percentages.
fn accuracy(t: &Tagger, data: &[Prepared]) -> (f64, f64) {
    let (mut n, mut u, mut x) = (0usize, 0usize, 0usize);
    let mut out = Vec::new();
    for s in data {
        t.tag_infos(&s.infos, &mut out);
        for (p, g) in out.iter().zip(&s.gold) {
            let (px, pu) = t.class(*p);
            let (gx, gu) = t.class(*g);
            n += 1;
            u += usize::from(pu == gu);
            x += usize::from(px == gx);
        }
    }
    let d = n.max(1) as f64 / 100.0;
    (u as f64 / d, x as f64 / d)
}

/// Trains a tagger on `train`, keeping the epoch with the best dev UPOS+XPOS accuracy.
pub fn train(
    train: &[Vec<Word>],
    dev: &[Vec<Word>],
    cfg: TrainConfig,
    clusters: &Clusters,
    log: &mut dyn FnMut(String),
) -> Tagger {
    let cl = !clusters.is_empty();
    // Classes, sorted for determinism.
    let mut counts: BTreeMap<String, u32> = BTreeMap::new();
    for w in train.iter().flatten() {
        *counts.entry(joint(w)).or_default() += 1;
    }
    let names: Vec<String> = counts.keys().cloned().collect();
    let index: HashMap<String, u16> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (n.clone(), i as u16))
        .collect();
    let classes: Vec<(&'static str, &'static str)> = names
        .iter()
        .map(|n| {
            let (x, u) = n.split_once('\t').unwrap_or((n, "X"));
            (intern(XPOS, x, "XX"), intern(UPOS, u, "X"))
        })
        .collect();
    // Tag dictionary.
    let mut wc: BTreeMap<u64, BTreeMap<u16, u32>> = BTreeMap::new();
    for w in train.iter().flatten() {
        let info = WordInfo::new(&w.form);
        *wc.entry(info.form)
            .or_default()
            .entry(index[&joint(w)])
            .or_default() += 1;
    }
    let mut tagdict = IdMap::default();
    for (k, m) in &wc {
        let total: u32 = m.values().sum();
        if let Some((&c, &n)) = m.iter().max_by_key(|(c, n)| (**n, std::cmp::Reverse(**c))) {
            if total >= cfg.dict_min_count && f64::from(n) >= cfg.dict_min_share * f64::from(total)
            {
                tagdict.insert(*k, c);
            }
        }
    }
    // Ambiguity classes; training sentences see a lexicon built without their own fold.
    let mut sets: BTreeMap<Vec<u16>, u16> = BTreeMap::new();
    let lex = build_lex(train.iter(), &index, cfg.lex_min_count, &mut sets);
    let fold_lex: Vec<IdMap<u16>> = (0..FOLDS)
        .map(|f| {
            let rest = train
                .iter()
                .enumerate()
                .filter(|(i, _)| i % FOLDS != f)
                .map(|(_, s)| s);
            build_lex(
                rest,
                &index,
                cfg.lex_min_count * (FOLDS as u32 - 1) / FOLDS as u32,
                &mut sets,
            )
        })
        .collect();
    log(format!(
        "{} classes, {} tag-dictionary words, {} lexicon words in {} ambiguity classes",
        classes.len(),
        tagdict.len(),
        lex.len(),
        sets.len()
    ));
    let base = Tagger {
        classes: classes.clone(),
        model: Compact::default(),
        back: Compact::default(),
        tagdict: tagdict.clone(),
        lex: lex.clone(),
        clusters: clusters.clone(),
    };
    let mut tr = prepare(train, &index, &base);
    let fold_taggers: Vec<Tagger> = fold_lex
        .into_iter()
        .map(|lex| Tagger {
            lex,
            clusters: clusters.clone(),
            ..Tagger::default()
        })
        .collect();
    for (i, p) in tr.iter_mut().enumerate() {
        fold_taggers[i % FOLDS].annotate(&mut p.infos);
    }
    let dv = prepare(dev, &index, &base);
    let mut fwd = Trainer::new(classes.len());
    let mut bwd = Trainer::new(classes.len());
    let mut rng = SplitMix(cfg.seed);
    let mut order: Vec<usize> = (0..tr.len()).collect();
    let mut best_model: Option<(f64, Tagger)> = None;
    let mut since_best = 0;
    let mut feats = Vec::with_capacity(48);
    let mut scores = vec![0i64; classes.len()];
    for epoch in 1..=cfg.epochs {
        rng.shuffle(&mut order);
        let (mut n, mut correct) = (0usize, 0usize);
        for &si in &order {
            let s = &tr[si];
            let len = s.infos.len();
            for (rev, trainer) in [(false, &mut fwd), (true, &mut bwd)] {
                let (mut p1, mut p2) = (NO_TAG, NO_TAG);
                for j in 0..len {
                    let i = if rev { len - 1 - j } else { j };
                    let gold = s.gold[i] as usize;
                    let guess = if let Some(&c) = tagdict.get(&s.infos[i].form) {
                        c as usize
                    } else {
                        tagger_features(&s.infos, j, p1, p2, rev, cl, &mut feats);
                        trainer.tick();
                        let g = trainer.predict(&feats, &mut scores, None);
                        trainer.update(&feats, gold, g);
                        g
                    };
                    if !rev {
                        n += 1;
                        correct += usize::from(guess == gold);
                    }
                    p2 = p1;
                    p1 = guess as u64;
                }
            }
        }
        let tagger = Tagger {
            model: fwd.compact(cfg.prune),
            back: bwd.compact(cfg.prune),
            ..base.clone()
        };
        let (u, x) = accuracy(&tagger, &dv);
        let (_, _, f, w) = tagger.stats();
        log(format!(
            "epoch {epoch}: train {:.2}%  dev UPOS {u:.2}% XPOS {x:.2}%  ({f} features, {w} weights)",
            correct as f64 * 100.0 / n.max(1) as f64
        ));
        if cfg.prune_sweep {
            for p in [0.2, 0.5, 1.0, 2.0] {
                let t = Tagger {
                    model: fwd.compact(p),
                    back: bwd.compact(p),
                    ..base.clone()
                };
                let (pu, px) = accuracy(&t, &dv);
                let (_, _, f, w) = t.stats();
                log(format!(
                    "  prune {p}: dev UPOS {pu:.2}% XPOS {px:.2}% ({f} features, {w} weights)"
                ));
            }
        }
        let score = if cfg.keep_last { epoch as f64 } else { u + x };
        if best_model.as_ref().is_none_or(|(b, _)| score > *b) {
            best_model = Some((score, tagger));
            since_best = 0;
        } else {
            since_best += 1;
            if since_best >= cfg.patience {
                break;
            }
        }
    }
    best_model.map(|(_, t)| t).unwrap_or_default()
}
