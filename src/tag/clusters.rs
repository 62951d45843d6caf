//! Distributional word clusters learned from unlabelled text with the exchange algorithm
//! (Kneser & Ney 1993; Martin, Liermann & Ney 1998): every word is moved to the class that
//! most increases the likelihood of a class-bigram model, until no move helps.
//!
//! Several independent clusterings of different sizes (e.g. 32, 128, 512 classes) give features
//! at several granularities, as the prefixes of a Brown hierarchy do (Koo et al. 2008). The
//! table maps a normalised word (folded, lowercase, digits as `0`) to its class ids; it is
//! stored inside `tag.bin`.

use std::collections::HashMap;

use super::features::{fold, hash_bytes};
use super::io::{Reader, Writer};
use super::perceptron::{key32, IdMap};
use crate::error::Result;

/// Most clusterings a table holds (their ids are packed 10 bits each into a `u32`).
pub const MAX_LEVELS: usize = 3;
/// Id meaning "word not in the table" at every level.
pub const UNKNOWN: u16 = 0x3ff;

/// The normalised form of a word used for clustering: folded, lowercase, ASCII digits as `0`.
#[must_use]
pub fn normalise(word: &str) -> String {
    let f = fold(word);
    let mut s = f.to_lowercase();
    if s.bytes().any(|b| b.is_ascii_digit()) {
        s = s
            .chars()
            .map(|c| if c.is_ascii_digit() { '0' } else { c })
            .collect();
    }
    s
}

/// The table key of a word.
#[must_use]
pub fn key(word: &str) -> u32 {
    key32(hash_bytes(normalise(word).as_bytes()))
}

/// A word-cluster table.
#[derive(Debug, Clone, Default)]
pub struct Clusters {
    /// Number of classes per level (empty: no clusters).
    pub sizes: Vec<u16>,
    map: IdMap<u32>,
}

impl Clusters {
    /// Whether the table holds any clusters.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Number of words in the table.
    #[must_use]
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// The packed class ids (10 bits per level, [`UNKNOWN`] when absent) of a table key.
    #[must_use]
    pub fn get_key(&self, k: u32) -> u32 {
        self.map
            .get(&u64::from(k))
            .copied()
            .unwrap_or(UNKNOWN_PACKED)
    }

    /// The packed class ids of a word.
    #[must_use]
    pub fn get(&self, word: &str) -> u32 {
        if self.map.is_empty() {
            return UNKNOWN_PACKED;
        }
        self.get_key(key(word))
    }

    /// Serialises the table (sorted by key, so equal tables give equal bytes).
    pub fn write(&self, w: &mut Writer) {
        w.buf.extend_from_slice(b"CLUS");
        w.u8(self.sizes.len() as u8);
        for &s in &self.sizes {
            w.u16(s);
        }
        let mut rows: Vec<(u64, u32)> = self.map.iter().map(|(&k, &v)| (k, v)).collect();
        rows.sort_unstable();
        w.u32(rows.len() as u32);
        let mut prev = 0u64;
        for (k, v) in rows {
            write_varint(w, (k - prev) as u32);
            prev = k;
            w.u32(v);
        }
    }

    /// Reads a table written by [`Clusters::write`].
    ///
    /// # Errors
    /// When the bytes are malformed.
    pub fn read(r: &mut Reader<'_>) -> Result<Self> {
        r.expect_magic(b"CLUS")?;
        let levels = usize::from(r.u8()?).min(MAX_LEVELS);
        let mut sizes = Vec::with_capacity(levels);
        for _ in 0..levels {
            sizes.push(r.u16()?);
        }
        let n = r.count(5)?;
        let mut map = IdMap::default();
        map.reserve(n);
        let mut k = 0u64;
        for _ in 0..n {
            k += u64::from(read_varint(r)?);
            map.insert(k, r.u32()?);
        }
        Ok(Self { sizes, map })
    }
}

/// Packed ids of an unknown word.
pub const UNKNOWN_PACKED: u32 = (UNKNOWN as u32) | (UNKNOWN as u32) << 10 | (UNKNOWN as u32) << 20;

/// The class id at `level` of packed ids.
#[inline]
#[must_use]
pub const fn level(packed: u32, level: usize) -> u64 {
    ((packed >> (10 * level)) & 0x3ff) as u64
}

fn write_varint(w: &mut Writer, mut v: u32) {
    while v >= 0x80 {
        w.u8((v as u8) | 0x80);
        v >>= 7;
    }
    w.u8(v as u8);
}

fn read_varint(r: &mut Reader<'_>) -> Result<u32> {
    let mut v: u32 = 0;
    for shift in [0, 7, 14, 21, 28] {
        let b = r.u8()?;
        v |= u32::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Ok(v);
        }
    }
    Ok(v)
}

/// Settings of cluster learning.
#[derive(Debug, Clone)]
pub struct ClusterConfig {
    /// Number of classes of each clustering (at most [`MAX_LEVELS`], each at most 1023).
    pub sizes: Vec<usize>,
    /// Minimum count of a word to be clustered.
    pub min_count: u32,
    /// Most words clustered (the most frequent ones).
    pub max_vocab: usize,
    /// Most passes over the vocabulary per clustering.
    pub iters: usize,
}

impl Default for ClusterConfig {
    fn default() -> Self {
        Self {
            sizes: vec![32, 128, 512],
            min_count: 3,
            max_vocab: 40_000,
            iters: 15,
        }
    }
}

/// Learns clusters from sentences of words. Deterministic: words are ordered by count then
/// spelling, classes start round-robin, and every move is the first best one.
pub fn learn(sents: &[Vec<String>], cfg: &ClusterConfig, log: &mut dyn FnMut(String)) -> Clusters {
    // Vocabulary.
    let mut counts: HashMap<String, u32> = HashMap::new();
    for s in sents {
        for w in s {
            *counts.entry(normalise(w)).or_default() += 1;
        }
    }
    let mut vocab: Vec<(String, u32)> = counts
        .into_iter()
        .filter(|(_, c)| *c >= cfg.min_count)
        .collect();
    vocab.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    vocab.truncate(cfg.max_vocab);
    let index: HashMap<&str, u32> = vocab
        .iter()
        .enumerate()
        .map(|(i, (w, _))| (w.as_str(), i as u32))
        .collect();
    // Two extra "words": unknown and the sentence boundary.
    let unk = vocab.len() as u32;
    let bound = unk + 1;
    let nv = vocab.len() + 2;
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    let mut uni = vec![0i64; nv];
    for s in sents {
        let mut prev = bound;
        uni[bound as usize] += 1;
        for w in s {
            let id = index.get(normalise(w).as_str()).copied().unwrap_or(unk);
            uni[id as usize] += 1;
            pairs.push((prev, id));
            prev = id;
        }
        pairs.push((prev, bound));
    }
    pairs.sort_unstable();
    // Right neighbours (w -> (v, n)) and left neighbours (v -> (w, n)).
    let mut right: Vec<Vec<(u32, i64)>> = vec![Vec::new(); nv];
    let mut left: Vec<Vec<(u32, i64)>> = vec![Vec::new(); nv];
    let mut i = 0;
    while i < pairs.len() {
        let mut j = i;
        while j < pairs.len() && pairs[j] == pairs[i] {
            j += 1;
        }
        let (a, b) = pairs[i];
        right[a as usize].push((b, (j - i) as i64));
        left[b as usize].push((a, (j - i) as i64));
        i = j;
    }
    let total = pairs.len() + sents.len() + 2;
    log(format!(
        "clusters: {} sentences, {} tokens, {} words clustered, {} distinct bigrams",
        sents.len(),
        pairs.len(),
        vocab.len(),
        pairs.len() - pairs.windows(2).filter(|p| p[0] == p[1]).count()
    ));
    drop(pairs);
    // x ln x for every count that can occur.
    let flog: Vec<f64> = (0..=total)
        .map(|x| {
            let x = x as f64;
            if x > 0.0 {
                x * x.ln()
            } else {
                0.0
            }
        })
        .collect();
    let f = |x: i64| flog[x.max(0) as usize];
    let mut packed = vec![0u32; vocab.len()];
    for (lv, &k) in cfg.sizes.iter().take(MAX_LEVELS).enumerate() {
        let k = k.clamp(2, 1023);
        let mut class: Vec<usize> = (0..nv).map(|w| w % k).collect();
        let mut n = vec![0i64; k];
        let mut m = vec![0i64; k * k];
        for w in 0..nv {
            n[class[w]] += uni[w];
            for &(v, c) in &right[w] {
                m[class[w] * k + class[v as usize]] += c;
            }
        }
        let mut lc = vec![0i64; k];
        let mut rc = vec![0i64; k];
        let mut lt: Vec<usize> = Vec::with_capacity(k);
        let mut rt: Vec<usize> = Vec::with_capacity(k);
        let mut delta = vec![0f64; k];
        for it in 0..cfg.iters {
            let mut moved = 0usize;
            for w in 0..nv {
                let a = class[w];
                let mut own = 0i64;
                for &(v, c) in &left[w] {
                    if v as usize == w {
                        own = c;
                        continue;
                    }
                    let cv = class[v as usize];
                    if lc[cv] == 0 {
                        lt.push(cv);
                    }
                    lc[cv] += c;
                }
                for &(v, c) in &right[w] {
                    if v as usize == w {
                        continue;
                    }
                    let cv = class[v as usize];
                    if rc[cv] == 0 {
                        rt.push(cv);
                    }
                    rc[cv] += c;
                }
                // Take w out of its class.
                for &c in &lt {
                    m[c * k + a] -= lc[c];
                }
                for &d in &rt {
                    m[a * k + d] -= rc[d];
                }
                m[a * k + a] -= own;
                n[a] -= uni[w];
                // Gain of putting it into each class b.
                for (b, db) in delta.iter_mut().enumerate() {
                    let mut g = 0.0;
                    for &c in &lt {
                        if c != b {
                            let x = m[c * k + b];
                            g += f(x + lc[c]) - f(x);
                        }
                    }
                    for &d in &rt {
                        if d != b {
                            let x = m[b * k + d];
                            g += f(x + rc[d]) - f(x);
                        }
                    }
                    let x = m[b * k + b];
                    g += f(x + lc[b] + rc[b] + own) - f(x);
                    g -= 2.0 * (f(n[b] + uni[w]) - f(n[b]));
                    *db = g;
                }
                let mut bb = a;
                for (b, &g) in delta.iter().enumerate() {
                    if g > delta[bb] + 1e-9 {
                        bb = b;
                    }
                }
                for &c in &lt {
                    m[c * k + bb] += lc[c];
                }
                for &d in &rt {
                    m[bb * k + d] += rc[d];
                }
                m[bb * k + bb] += own;
                n[bb] += uni[w];
                if bb != a {
                    class[w] = bb;
                    moved += 1;
                }
                for &c in &lt {
                    lc[c] = 0;
                }
                for &d in &rt {
                    rc[d] = 0;
                }
                lt.clear();
                rt.clear();
            }
            let ll: f64 =
                m.iter().map(|&x| f(x)).sum::<f64>() - 2.0 * n.iter().map(|&x| f(x)).sum::<f64>();
            log(format!(
                "  {k} classes, pass {}: {moved} words moved, objective {ll:.0}",
                it + 1
            ));
            if moved == 0 {
                break;
            }
        }
        for (p, &c) in packed.iter_mut().zip(&class) {
            *p |= (c as u32) << (10 * lv);
        }
    }
    let levels = cfg.sizes.len().min(MAX_LEVELS);
    for p in &mut packed {
        for lv in levels..MAX_LEVELS {
            *p |= u32::from(UNKNOWN) << (10 * lv);
        }
    }
    let mut map = IdMap::default();
    for ((w, _), p) in vocab.iter().zip(packed) {
        map.entry(u64::from(key32(hash_bytes(w.as_bytes()))))
            .or_insert(p);
    }
    Clusters {
        sizes: cfg
            .sizes
            .iter()
            .take(MAX_LEVELS)
            .map(|&k| k.clamp(2, 1023) as u16)
            .collect(),
        map,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tag::features::WordInfo;

    #[test]
    fn normalises_digits_case_and_quotes() {
        for (w, n) in [("Apple", "apple"), ("1,984", "0,000"), ("\u{2019}s", "'s")] {
            assert_eq!(normalise(w), n);
        }
    }

    #[test]
    fn groups_words_in_the_same_contexts_and_round_trips() {
        let mut sents = Vec::new();
        for (i, d) in ["cat", "dog", "cow"].iter().cycle().take(90).enumerate() {
            let v = ["ran", "sat", "ate"][(i / 3) % 3];
            sents.push(vec!["the".into(), (*d).into(), (*v).into(), "today".into()]);
        }
        let cfg = ClusterConfig {
            sizes: vec![4],
            min_count: 1,
            max_vocab: 100,
            iters: 10,
        };
        let c = learn(&sents, &cfg, &mut |_| {});
        let l = |w: &str| level(c.get(w), 0);
        assert_eq!(l("cat"), l("dog"));
        assert_eq!(l("dog"), l("cow"));
        assert_eq!(l("ran"), l("ate"));
        assert_ne!(l("cat"), l("ran"));
        assert_eq!(level(c.get("zebra"), 0), u64::from(UNKNOWN));
        let mut w = Writer::default();
        c.write(&mut w);
        let d = Clusters::read(&mut Reader::new(&w.buf, "t")).unwrap();
        let mut w2 = Writer::default();
        d.write(&mut w2);
        assert_eq!(w.buf, w2.buf);
        assert_eq!(d.get("Cat"), c.get("cat"));
        for w in ["Apple", "1,984", "\u{2019}s", "dog"] {
            assert_eq!(WordInfo::new(w).cluster_key, key(w), "{w}");
        }
    }
}
