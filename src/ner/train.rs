//! Training of the NER model: corpus label mapping, case augmentation, the greedy perceptron
//! loop with early stopping, and the strict span F1 used for model selection and evaluation.

use std::collections::BTreeSet;

use super::data::Sent;
use super::{allowed, bilou, doc_from_sentences, features, NerModel, SentInput, N_CLASSES};
use crate::document::{Document, EntityLabel};
use crate::knowledge::{EntryRef, Knowledge};
use crate::pipeline::Stage;
use crate::tag::features::mix;
use crate::tag::perceptron::{IdMap, Trainer};
use crate::tag::tagger::SplitMix;
use crate::tag::Tag;

/// A sentence with entity spans in our labels.
pub type Labelled = (Vec<String>, Vec<(usize, usize, EntityLabel)>);

/// Where a training sentence comes from (decides the label mapping).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// CoNLL-2003 (PER, ORG, LOC, MISC).
    Conll,
    /// Groningen Meaning Bank (per, org, geo, gpe, tim, art, eve, nat).
    Gmb,
    /// GUM entity layer (person, organization, place, event, ...).
    Gum,
}

/// Title words stripped from the front of GMB person spans ("President Bush" → "Bush").
const TITLES: &[&str] = &[
    "president",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prime",
    "minister",
    "secretary",
    "general",
    "gen.",
    "senator",
    "sen.",
    "king",
    "queen",
    "pope",
    "prince",
    "princess",
    "chancellor",
    "governor",
    "gov.",
    "vice",
    "chairman",
    "leader",
    "ambassador",
    "judge",
    "lieutenant",
    "lt.",
    "colonel",
    "col.",
    "captain",
    "capt.",
    "sergeant",
    "sgt.",
    "rev.",
    "sheikh",
    "ayatollah",
    "cardinal",
    "archbishop",
    "bishop",
    "foreign",
    "defense",
    "defence",
    "interior",
    "finance",
    "state",
    "deputy",
    "premier",
    "commander",
    "former",
    "u.s.",
    "envoy",
    "spokesman",
    "spokeswoman",
    "representative",
    "rep.",
    "mayor",
    "sir",
    "lord",
    "sultan",
    "emir",
    "crown",
    "cabinet",
    "chief",
    "justice",
    "attorney",
    "opposition",
];

/// Knowledge-base entry kinds of exactly tokens `a..b` of `doc`.
fn kb_kinds(kb: &Knowledge, doc: &Document, a: usize, b: usize) -> Vec<EntryRef> {
    kb.match_at(doc, a, false)
        .filter(|m| m.end == b)
        .map(|m| m.hits.iter().map(|h| h.entry).collect())
        .unwrap_or_default()
}

fn is_place(e: &EntryRef) -> bool {
    matches!(
        e,
        EntryRef::Country(_) | EntryRef::Capital(_) | EntryRef::Place(_)
    )
}

/// Maps one corpus span to our label (None: dropped); may shrink the span.
fn map_span(
    kb: &Knowledge,
    doc: &Document,
    off: usize,
    (a, b, ty): &(usize, usize, String),
    source: Source,
) -> Option<(usize, usize, EntityLabel)> {
    let (mut a, b) = (*a, *b);
    let kinds = || kb_kinds(kb, doc, off + a, off + b);
    let place = |k: Vec<EntryRef>| {
        if k.iter().any(is_place) {
            EntityLabel::Gpe
        } else {
            EntityLabel::Loc
        }
    };
    let label = match (source, ty.as_str()) {
        (Source::Conll, "PER") | (Source::Gmb, "per") | (Source::Gum, "person") => {
            if source == Source::Gmb {
                while a + 1 < b {
                    let w = doc.tokens[off + a].norm_or(&doc.text).to_lowercase();
                    if TITLES.contains(&w.as_str()) {
                        a += 1;
                    } else {
                        break;
                    }
                }
            }
            EntityLabel::Person
        }
        (Source::Conll, "ORG") | (Source::Gmb, "org") | (Source::Gum, "organization") => {
            EntityLabel::Org
        }
        (Source::Conll, "LOC") | (Source::Gmb, "geo") | (Source::Gum, "place") => place(kinds()),
        (Source::Conll, "MISC") if kinds().iter().any(|e| matches!(e, EntryRef::Demonym(_))) => {
            EntityLabel::Norp
        }
        (Source::Gmb, "gpe") => {
            let k = kinds();
            if k.iter().any(is_place) && !k.iter().any(|e| matches!(e, EntryRef::Demonym(_))) {
                EntityLabel::Gpe
            } else {
                EntityLabel::Norp
            }
        }
        (Source::Gmb, "eve") | (Source::Gum, "event") => EntityLabel::Event,
        _ => return None,
    };
    Some((a, b, label))
}

/// Maps corpus sentences to our labels (CoNLL LOC → GPE when the knowledge base knows the
/// place, MISC → NORP for known demonyms, GMB gpe → NORP, titles cut from GMB persons ...).
#[must_use]
pub fn map_corpus(kb: &Knowledge, sents: &[Sent], source: Source) -> Vec<Labelled> {
    let mut out = Vec::with_capacity(sents.len());
    for chunk in sents.chunks(256) {
        let words: Vec<Vec<String>> = chunk.iter().map(|s| s.words.clone()).collect();
        let doc = doc_from_sentences("map", &words);
        for (s, sent) in chunk.iter().zip(&doc.sentences) {
            let off = sent.token_start as usize;
            let spans = s
                .spans
                .iter()
                .filter_map(|sp| map_span(kb, &doc, off, sp, source))
                .collect();
            out.push((s.words.clone(), spans));
        }
    }
    out
}

/// Case-augmented copies: every `upper_every`-th sentence in capitals and every
/// `lower_every`-th one in lower case (0: none).
#[must_use]
pub fn augment(sents: &[Labelled], upper_every: usize, lower_every: usize) -> Vec<Labelled> {
    let mut out = Vec::new();
    for (i, (w, s)) in sents.iter().enumerate() {
        if upper_every > 0 && i % upper_every == 0 {
            out.push((w.iter().map(|x| x.to_uppercase()).collect(), s.clone()));
        }
        if lower_every > 0 && i % lower_every == lower_every / 2 {
            out.push((w.iter().map(|x| x.to_lowercase()).collect(), s.clone()));
        }
    }
    out
}

/// A sentence ready for training: feature inputs and gold classes.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// Feature inputs.
    pub input: SentInput,
    /// Gold BILOU classes.
    pub gold: Vec<u16>,
    /// Gold spans.
    pub spans: Vec<(usize, usize, EntityLabel)>,
}

/// Tags (POS) the sentences and computes their feature inputs with `model`'s case lexicon.
#[must_use]
pub fn prepare(kb: &Knowledge, tag: &Tag, model: &NerModel, sents: &[Labelled]) -> Vec<Prepared> {
    let mut out = Vec::with_capacity(sents.len());
    for chunk in sents.chunks(256) {
        let words: Vec<Vec<String>> = chunk.iter().map(|s| s.0.clone()).collect();
        let mut doc = doc_from_sentences("prep", &words);
        let _ = tag.process(&mut doc);
        for ((w, spans), s) in chunk.iter().zip(&doc.sentences) {
            let (a, b) = (s.token_start as usize, s.token_end as usize);
            out.push(Prepared {
                input: model.inputs(kb, &doc, a, b),
                gold: bilou(w.len(), spans),
                spans: spans.clone(),
            });
        }
    }
    out
}

/// The evaluation class of a label: PER, ORG, LOC (GPE/LOC/FAC) or none.
#[must_use]
pub fn eval_class(l: EntityLabel) -> Option<&'static str> {
    match l {
        EntityLabel::Person => Some("PER"),
        EntityLabel::Org => Some("ORG"),
        EntityLabel::Gpe | EntityLabel::Loc | EntityLabel::Fac => Some("LOC"),
        _ => None,
    }
}

/// Strict span counts: (true positives, predicted, gold) per class name.
#[derive(Debug, Default, Clone)]
pub struct Counts(pub std::collections::BTreeMap<&'static str, (usize, usize, usize)>);

impl Counts {
    /// Adds one sentence (spans already in evaluation classes).
    pub fn add(
        &mut self,
        gold: &[(usize, usize, &'static str)],
        pred: &[(usize, usize, &'static str)],
    ) {
        let g: BTreeSet<_> = gold.iter().collect();
        for p in pred {
            let e = self.0.entry(p.2).or_default();
            e.1 += 1;
            if g.contains(p) {
                e.0 += 1;
            }
        }
        for x in gold {
            self.0.entry(x.2).or_default().2 += 1;
        }
    }

    /// Precision, recall, F1 of one class (None: all classes).
    #[must_use]
    pub fn prf(&self, class: Option<&str>) -> (f64, f64, f64) {
        let (mut tp, mut np, mut ng) = (0, 0, 0);
        for (k, v) in &self.0 {
            if class.is_none_or(|c| c == *k) {
                tp += v.0;
                np += v.1;
                ng += v.2;
            }
        }
        let p = tp as f64 / np.max(1) as f64;
        let r = tp as f64 / ng.max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

/// Collapses spans to evaluation classes.
#[must_use]
pub fn collapse(spans: &[(usize, usize, EntityLabel)]) -> Vec<(usize, usize, &'static str)> {
    spans
        .iter()
        .filter_map(|&(a, b, l)| eval_class(l).map(|c| (a, b, c)))
        .collect()
}

/// Hides the POS tags of every `every`-th sentence (0: none), so that the model also works
/// when the `tag` stage did not run.
pub fn drop_pos(data: &mut [Prepared], every: usize) {
    if every == 0 {
        return;
    }
    for (i, p) in data.iter_mut().enumerate() {
        if i % every == every - 1 {
            p.input.upos.iter_mut().for_each(|u| *u = 0);
        }
    }
}

/// Strict F1 of `model` on prepared sentences (evaluation classes).
#[must_use]
pub fn score(model: &NerModel, data: &[Prepared]) -> Counts {
    let mut c = Counts::default();
    let mut out = Vec::new();
    for s in data {
        model.tag_input(&s.input, &mut out);
        c.add(&collapse(&s.spans), &collapse(&super::spans_of(&out)));
    }
    c
}

/// Settings of NER training.
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
}

impl Default for TrainConfig {
    fn default() -> Self {
        Self {
            seed: 1,
            epochs: 10,
            patience: 2,
            prune: 0.5,
        }
    }
}

/// Trains on `train`, keeping the epoch with the best dev F1.
pub fn train(
    train: &[Prepared],
    dev: &[Prepared],
    case: &IdMap<u8>,
    cfg: TrainConfig,
    log: &mut dyn FnMut(String),
) -> NerModel {
    let mut t = Trainer::new(N_CLASSES);
    let mut rng = SplitMix(mix(cfg.seed));
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut feats = Vec::with_capacity(64);
    let mut scores = vec![0i64; N_CLASSES];
    let mut best_model: Option<(f64, NerModel)> = None;
    let mut since = 0;
    for epoch in 1..=cfg.epochs {
        rng.shuffle(&mut order);
        let (mut n, mut ok) = (0usize, 0usize);
        for &si in &order {
            let s = &train[si];
            let len = s.gold.len();
            let (mut p1, mut p2) = (0usize, 0usize);
            for i in 0..len {
                features(&s.input, i, p1, p2, &mut feats);
                t.tick();
                let last = i + 1 == len;
                let g = t.predict(&feats, &mut scores, Some(&|c: usize| allowed(p1, c, last)));
                let gold = s.gold[i] as usize;
                t.update(&feats, gold, g);
                n += 1;
                ok += usize::from(g == gold);
                p2 = p1;
                p1 = g;
            }
        }
        let model = NerModel {
            model: t.compact(cfg.prune),
            case: case.clone(),
        };
        let c = score(&model, dev);
        let (p, r, f) = c.prf(None);
        let (nf, nw) = model.model.size();
        log(format!(
            "epoch {epoch}: train acc {:.2}%  dev P {p:.4} R {r:.4} F1 {f:.4}  ({nf} features, {nw} weights)",
            ok as f64 * 100.0 / n.max(1) as f64
        ));
        if best_model.as_ref().is_none_or(|(b, _)| f > *b) {
            best_model = Some((f, model));
            since = 0;
        } else {
            since += 1;
            if since >= cfg.patience {
                break;
            }
        }
    }
    best_model.map(|(_, m)| m).unwrap_or_default()
}
