//! A reusable averaged perceptron over hashed `u64` features: a sparse trainer and a compact,
//! quantised model for inference (`i16` weights, tiny weights pruned).
//!
//! The trainer is exact integer arithmetic, so training is deterministic for a given order of
//! examples. Other stages (e.g. a NER model) can reuse it with their own features.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::io::{Reader, Writer};
use crate::error::Result;

/// A hasher for keys that are already well-mixed 64-bit hashes.
#[derive(Default, Clone, Copy, Debug)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

/// A `HashMap` keyed by pre-hashed `u64`s.
pub type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

#[derive(Clone, Copy, Debug)]
struct Entry {
    class: u16,
    w: i32,
    total: i64,
    stamp: u64,
}

/// The sparse averaged-perceptron trainer.
#[derive(Debug)]
pub struct Trainer {
    n_classes: usize,
    index: IdMap<u32>,
    rows: Vec<Vec<Entry>>,
    /// Number of examples seen (the averaging clock).
    time: u64,
}

impl Trainer {
    /// A trainer for `n_classes` classes.
    #[must_use]
    pub fn new(n_classes: usize) -> Self {
        Self {
            n_classes,
            index: IdMap::default(),
            rows: Vec::new(),
            time: 0,
        }
    }

    /// Number of classes.
    #[must_use]
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Adds the current (not averaged) weights of `feats` to `scores` (length `n_classes`).
    pub fn score(&self, feats: &[u64], scores: &mut [i64]) {
        scores.iter_mut().for_each(|s| *s = 0);
        for f in feats {
            if let Some(&r) = self.index.get(f) {
                for e in &self.rows[r as usize] {
                    scores[e.class as usize] += i64::from(e.w);
                }
            }
        }
    }

    /// The best class by current weights (lowest index on ties), among `allowed` when given.
    #[must_use]
    pub fn predict(
        &self,
        feats: &[u64],
        scores: &mut [i64],
        allowed: Option<&dyn Fn(usize) -> bool>,
    ) -> usize {
        self.score(feats, scores);
        best(scores, allowed)
    }

    /// Advances the averaging clock by one example; call once per training example.
    pub fn tick(&mut self) {
        self.time += 1;
    }

    /// Standard perceptron update: `+1` for `gold`, `-1` for `guess` on every feature.
    pub fn update(&mut self, feats: &[u64], gold: usize, guess: usize) {
        if gold == guess {
            return;
        }
        for &f in feats {
            let r = match self.index.get(&f) {
                Some(&r) => r as usize,
                None => {
                    self.rows.push(Vec::new());
                    let r = self.rows.len() - 1;
                    self.index.insert(f, r as u32);
                    r
                }
            };
            for (c, d) in [(gold, 1i32), (guess, -1i32)] {
                let row = &mut self.rows[r];
                let e = match row.iter().position(|e| e.class as usize == c) {
                    Some(p) => &mut row[p],
                    None => {
                        row.push(Entry {
                            class: c as u16,
                            w: 0,
                            total: 0,
                            stamp: self.time,
                        });
                        let n = row.len() - 1;
                        &mut row[n]
                    }
                };
                e.total += i64::from(e.w) * (self.time - e.stamp) as i64;
                e.stamp = self.time;
                e.w += d;
            }
        }
    }

    /// The averaged weights, quantised and pruned into a [`Compact`] model. Weights whose
    /// averaged magnitude is below `prune` are dropped.
    #[must_use]
    pub fn compact(&self, prune: f64) -> Compact {
        let t = self.time.max(1) as f64;
        let mut keys: Vec<(u64, u32)> = self.index.iter().map(|(&k, &r)| (k, r)).collect();
        keys.sort_unstable();
        let avg = |e: &Entry| (e.total as f64 + f64::from(e.w) * (self.time - e.stamp) as f64) / t;
        let mut max_abs = 0f64;
        for (_, r) in &keys {
            for e in &self.rows[*r as usize] {
                max_abs = max_abs.max(avg(e).abs());
            }
        }
        let scale = if max_abs > 0.0 {
            max_abs / 32_000.0
        } else {
            1.0
        };
        let mut rows = Vec::new();
        for (k, r) in keys {
            let mut row: Vec<(u16, i16)> = self.rows[r as usize]
                .iter()
                .filter_map(|e| {
                    let a = avg(e);
                    let q = (a / scale).round();
                    let q = snap(q.clamp(-32_000.0, 32_000.0) as i16);
                    (a.abs() >= prune && q != 0).then_some((e.class, q))
                })
                .collect();
            if !row.is_empty() {
                row.sort_unstable();
                rows.push((k, row));
            }
        }
        Compact::from_rows(self.n_classes, scale as f32, rows)
    }
}

/// Index of the highest score (lowest index on ties), among `allowed` classes when given.
#[must_use]
pub fn best<T: PartialOrd + Copy>(scores: &[T], allowed: Option<&dyn Fn(usize) -> bool>) -> usize {
    let mut bi = usize::MAX;
    for (i, &s) in scores.iter().enumerate() {
        if allowed.is_some_and(|a| !a(i)) {
            continue;
        }
        if bi == usize::MAX || s > scores[bi] {
            bi = i;
        }
    }
    if bi == usize::MAX {
        0
    } else {
        bi
    }
}

/// Magnitudes of the 8-bit weight code: 0..=16 exactly, then 111 geometric steps of 7.1 % up to
/// about 32,000 (integer arithmetic only, so every platform builds the same table).
fn codebook() -> [i16; 128] {
    let mut t = [0i16; 128];
    let mut v: i64 = 16_000;
    for (k, x) in t.iter_mut().enumerate() {
        if k <= 16 {
            *x = k as i16;
        } else {
            v = v * 1071 / 1000;
            *x = ((v + 500) / 1000).min(32_767) as i16;
        }
    }
    t
}

/// The 8-bit code of a weight: sign bit plus the index of the nearest codebook magnitude.
fn encode(w: i16, book: &[i16; 128]) -> u8 {
    let m = w.unsigned_abs().min(32_767) as i16;
    let i = book.partition_point(|&x| x < m);
    let k = if i == 0 {
        0
    } else if i >= 128 {
        127
    } else if (book[i] - m) < (m - book[i - 1]) {
        i
    } else {
        i - 1
    };
    (k as u8) | if w < 0 { 0x80 } else { 0 }
}

fn decode(code: u8, book: &[i16; 128]) -> i16 {
    let m = book[(code & 0x7f) as usize];
    if code & 0x80 != 0 {
        -m
    } else {
        m
    }
}

/// Rounds a weight to the nearest value the 8-bit code can hold.
fn snap(w: i16) -> i16 {
    let book = codebook();
    decode(encode(w, &book), &book)
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

/// A compact averaged-perceptron model: an open-addressing table from a 32-bit feature key to a
/// run of `(class, i16 weight)` pairs (at most 255 per feature).
#[derive(Debug, Clone, Default)]
pub struct Compact {
    n_classes: usize,
    scale: f32,
    /// Open-addressing slots: 32-bit key (0 = empty) and run start << 8 | run length.
    slots: Vec<(u32, u32)>,
    mask: usize,
    /// Runs of (class, weight), interleaved so one feature's run shares a cache line.
    entries: Vec<(u16, i16)>,
    n_features: usize,
    n_weights: usize,
}

/// Slot-value flag of a feature whose single weight is stored inline:
/// `INLINE | class << 16 | weight as u16`.
const INLINE: u32 = 1 << 31;

/// Runs are padded with `(0, 0)` entries to a multiple of this length, so that summing one
/// is a fixed number of unrolled chunks rather than a short loop of unpredictable length.
const RUN_CHUNK: usize = 4;

/// The run of one slot value: inline `(class, weight)` or `(start, len)` into the entries.
enum Run {
    One(u16, i16),
    Many(usize, usize),
}

#[inline]
fn run_of(v: u32) -> Run {
    if v & INLINE != 0 {
        Run::One(((v >> 16) & 0xff) as u16, v as u16 as i16)
    } else {
        Run::Many((v >> 8) as usize, (v & 0xff) as usize * RUN_CHUNK)
    }
}

/// Adds a padded run of `(class, weight)` to `scores`, one fixed-size chunk at a time.
#[inline]
fn add_run(run: &[(u16, i16)], scores: &mut [i32]) {
    for chunk in run.chunks_exact(RUN_CHUNK) {
        for &(c, w) in chunk {
            if let Some(x) = scores.get_mut(c as usize) {
                *x += i32::from(w);
            }
        }
    }
}

/// Hints the CPU to bring `v[i]` into cache (a no-op off x86-64 or out of bounds).
#[inline]
fn prefetch<T>(v: &[T], i: usize) {
    #[cfg(target_arch = "x86_64")]
    if let Some(x) = v.get(i) {
        // SAFETY: a prefetch never faults and reads nothing; SSE is part of the x86-64 baseline.
        unsafe {
            std::arch::x86_64::_mm_prefetch(
                (x as *const T).cast::<i8>(),
                std::arch::x86_64::_MM_HINT_T0,
            );
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (v, i);
}

/// The 32-bit table key of a 64-bit feature (never 0).
#[inline]
#[must_use]
pub fn key32(k: u64) -> u32 {
    ((k ^ (k >> 32)) as u32).max(1)
}

impl Compact {
    fn with_capacity(n_classes: usize, scale: f32, n_features: usize, n_weights: usize) -> Self {
        // Load factor at most 0.5: lookups of absent features (most of them) stop after a
        // probe or two (measured faster than at 0.8 and at 0.25).
        let cap = (n_features * 2 + 1).next_power_of_two().max(16);
        Self {
            n_classes,
            scale,
            slots: vec![(0, 0); cap],
            mask: cap - 1,
            entries: Vec::with_capacity(n_weights),
            n_features: 0,
            n_weights: 0,
        }
    }

    /// Appends one feature's run; returns false when the key is already present.
    fn push_row(&mut self, key: u32, row: &[(u16, i16)]) -> bool {
        let row = &row[..row.len().min(255)];
        if row.is_empty() {
            return false;
        }
        let mut i = (key as usize) & self.mask;
        while self.slots[i].0 != 0 {
            if self.slots[i].0 == key {
                return false;
            }
            i = (i + 1) & self.mask;
        }
        let value = match row {
            // A single weight lives in the slot itself: one cache miss instead of two.
            [(c, w)] if *c < 256 => INLINE | u32::from(*c) << 16 | u32::from(*w as u16),
            _ => {
                if self.entries.len() >= 1 << 23 {
                    // Run starts are packed into 23 bits; a larger model is refused, not wrapped.
                    return false;
                }
                let start = self.entries.len() as u32;
                let chunks = row.len().div_ceil(RUN_CHUNK);
                self.entries.extend_from_slice(row);
                self.entries
                    .resize(start as usize + chunks * RUN_CHUNK, (0, 0));
                start << 8 | chunks as u32
            }
        };
        self.slots[i] = (key, value);
        self.n_features += 1;
        self.n_weights += row.len();
        true
    }

    fn from_rows(n_classes: usize, scale: f32, rows: Vec<(u64, Vec<(u16, i16)>)>) -> Self {
        let nw = rows.iter().map(|r| r.1.len()).sum();
        let mut m = Self::with_capacity(n_classes, scale, rows.len(), nw);
        // Rows are sorted by 64-bit key; on a (rare) 32-bit collision the first row wins.
        for (k, row) in rows {
            m.push_row(key32(k), &row);
        }
        m
    }

    /// Number of classes.
    #[must_use]
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Number of stored features and weights.
    #[must_use]
    pub fn size(&self) -> (usize, usize) {
        (self.n_features, self.n_weights)
    }

    /// The scale that turns stored `i16` weights back into averaged weights.
    #[must_use]
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// Asks the CPU to start loading the table slots of `feats`, so that a later
    /// [`Compact::score`] of them (or of most of them) finds them in cache.
    #[inline]
    pub fn prefetch(&self, feats: &[u64]) {
        if self.slots.is_empty() {
            return;
        }
        for f in feats {
            prefetch(&self.slots, (key32(*f) as usize) & self.mask);
        }
    }

    /// Sets `scores` (length `n_classes`) to the summed quantised weights of `feats`.
    pub fn score(&self, feats: &[u64], scores: &mut [i32]) {
        scores.iter_mut().for_each(|s| *s = 0);
        if self.slots.is_empty() {
            return;
        }
        // Ask for every first slot up front: prefetches do not wait in the reorder buffer, so
        // all of a decision's cache misses overlap.
        self.prefetch(feats);
        // Probe in batches: the first loads of a batch are independent, so their cache misses
        // overlap instead of queueing one after another.
        const BATCH: usize = 64;
        for chunk in feats.chunks(BATCH) {
            let mut first = [(0u32, 0u32, 0usize); BATCH];
            for (f, slot) in chunk.iter().zip(first.iter_mut()) {
                let key = key32(*f);
                let i = (key as usize) & self.mask;
                *slot = (key, self.slots[i].0, i);
            }
            let mut runs = [(0usize, 0usize); BATCH];
            let mut nr = 0;
            for &(key, k0, i0) in &first[..chunk.len()] {
                let found = if k0 == key {
                    Some(self.slots[i0].1)
                } else if k0 == 0 {
                    None
                } else {
                    let mut i = (i0 + 1) & self.mask;
                    loop {
                        let (k, v) = self.slots[i];
                        if k == key {
                            break Some(v);
                        }
                        if k == 0 {
                            break None;
                        }
                        i = (i + 1) & self.mask;
                    }
                };
                match found.map(run_of) {
                    Some(Run::One(c, w)) => {
                        if let Some(x) = scores.get_mut(c as usize) {
                            *x += i32::from(w);
                        }
                    }
                    Some(Run::Many(s, l)) => {
                        runs[nr] = (s, l);
                        nr += 1;
                        // Fetch the run now so its cache miss overlaps with the other probes.
                        prefetch(&self.entries, s);
                    }
                    None => {}
                }
            }
            for &(s, l) in &runs[..nr] {
                add_run(self.entries.get(s..s + l).unwrap_or_default(), scores);
            }
        }
    }

    /// Serialises the model: features sorted by key (so equal models give equal bytes), keys
    /// delta-coded as varints, weights as 8-bit codes (lossless for models from
    /// [`Trainer::compact`], whose weights are already snapped to the code).
    pub fn write(&self, w: &mut Writer) {
        w.buf.extend_from_slice(b"PCP3");
        w.u32(self.n_classes as u32);
        w.f32(self.scale);
        let mut rows: Vec<(u32, u32)> = self.slots.iter().copied().filter(|s| s.0 != 0).collect();
        rows.sort_unstable();
        w.u32(rows.len() as u32);
        w.u32(self.n_weights as u32);
        let wide = self.n_classes > 256;
        let book = codebook();
        let mut prev = 0u32;
        for (k, v) in rows {
            let one;
            let run: &[(u16, i16)] = match run_of(v) {
                Run::One(c, x) => {
                    one = [(c, x)];
                    &one
                }
                Run::Many(s, l) => &self.entries[s..s + l],
            };
            // Padding entries (weight 0) are not written.
            let run: Vec<(u16, i16)> = run.iter().copied().filter(|e| e.1 != 0).collect();
            write_varint(w, k - prev);
            prev = k;
            w.u8(run.len() as u8);
            for &(c, x) in &run {
                if wide {
                    w.u16(c);
                } else {
                    w.u8(c as u8);
                }
                w.u8(encode(x, &book));
            }
        }
    }

    /// Reads a model written by [`Compact::write`].
    ///
    /// # Errors
    /// When the bytes are truncated or malformed.
    pub fn read(r: &mut Reader<'_>) -> Result<Self> {
        r.expect_magic(b"PCP3")?;
        let n_classes = r.u32()? as usize;
        let scale = r.f32()?;
        let n = r.count(2)?;
        let nw = r.count(2)?;
        let wide = n_classes > 256;
        let unit = if wide { 3 } else { 2 };
        let book = codebook();
        let mut m = Self::with_capacity(n_classes, scale, n, nw);
        let mut key = 0u32;
        let mut row = Vec::with_capacity(256);
        for _ in 0..n {
            key = key.wrapping_add(read_varint(r)?);
            let l = r.u8()? as usize;
            let b = r.bytes(l * unit)?;
            row.clear();
            row.extend(b.chunks_exact(unit).map(|c| {
                if wide {
                    (u16::from_le_bytes([c[0], c[1]]), decode(c[2], &book))
                } else {
                    (u16::from(c[0]), decode(c[1], &book))
                }
            }));
            m.push_row(key.max(1), &row);
        }
        Ok(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_round_trips() {
        // Class = feature id mod 3, plus a shared bias feature.
        let mut t = Trainer::new(3);
        let mut scores = vec![0i64; 3];
        for _ in 0..5 {
            for x in 0u64..30 {
                let feats = [100 + x, 7];
                t.tick();
                let g = t.predict(&feats, &mut scores, None);
                t.update(&feats, (x % 3) as usize, g);
            }
        }
        let m = t.compact(0.0);
        let mut s = vec![0i32; 3];
        for x in 0u64..30 {
            m.score(&[100 + x, 7], &mut s);
            assert_eq!(best(&s, None), (x % 3) as usize);
        }
        let mut w = Writer::default();
        m.write(&mut w);
        let m2 = Compact::read(&mut Reader::new(&w.buf, "t")).unwrap();
        let mut w2 = Writer::default();
        m2.write(&mut w2);
        assert_eq!(w.buf, w2.buf);
        assert!(Compact::read(&mut Reader::new(&w.buf[..w.buf.len() - 1], "t")).is_err());
    }

    #[test]
    fn padded_runs_score_and_write_like_their_weights() {
        // Features with 1 to 9 weights (runs padded to multiples of 4), some features unknown;
        // weights 1..=16 are exact in the 8-bit file code.
        let n_classes = 12;
        let rows: Vec<(u64, Vec<(u16, i16)>)> = (1u64..=9)
            .map(|len| {
                let row = (0..len)
                    .map(|c| (c as u16 + 2, 1 + (len as i16 * 3 + c as i16) % 16))
                    .collect();
                (len * 1_000_003, row)
            })
            .collect();
        let m = Compact::from_rows(n_classes, 1.0, rows.clone());
        assert_eq!(m.size(), (9, 45));
        let feats: Vec<u64> = rows.iter().map(|r| r.0).chain([5, 6, 77]).collect();
        let mut want = vec![0i32; n_classes];
        for (_, row) in &rows {
            for &(c, w) in row {
                want[c as usize] += i32::from(w);
            }
        }
        let mut got = vec![0i32; n_classes];
        m.score(&feats, &mut got);
        assert_eq!(got, want);
        // Padding is not written: the file reads back to the same scores and the same bytes.
        let mut w = Writer::default();
        m.write(&mut w);
        let m2 = Compact::read(&mut Reader::new(&w.buf, "t")).unwrap();
        assert_eq!(m2.size(), (9, 45));
        let mut w2 = Writer::default();
        m2.write(&mut w2);
        assert_eq!(w.buf, w2.buf);
        let mut again = vec![0i32; n_classes];
        m2.score(&feats, &mut again);
        assert_eq!(again, want);
    }

    #[test]
    fn weight_code_is_monotone_and_close() {
        let book = codebook();
        assert!(book.windows(2).all(|w| w[0] <= w[1]));
        assert!(book[127] > 30_000);
        for w in [0i16, 1, -1, 16, 17, -100, 1000, 31_999, -32_000] {
            let s = snap(w);
            assert_eq!(snap(s), s, "snap is idempotent");
            let err = f64::from((s - w).abs()) / f64::from(w.abs().max(1));
            assert!(err <= 0.04, "{w} -> {s}");
        }
        let mut wr = Writer::default();
        for v in [0u32, 127, 128, 300_000, u32::MAX] {
            write_varint(&mut wr, v);
        }
        let mut r = Reader::new(&wr.buf, "t");
        for v in [0u32, 127, 128, 300_000, u32::MAX] {
            assert_eq!(read_varint(&mut r).unwrap(), v);
        }
    }

    #[test]
    fn best_respects_allowed_and_ties() {
        assert_eq!(best(&[1, 3, 3], None), 1);
        assert_eq!(best(&[1, 3, 2], Some(&|i: usize| i != 1)), 2);
        assert_eq!(best::<i32>(&[], None), 0);
    }
}
