//! Hashed features shared by training and tagging, and the word normalisation they use.

use std::borrow::Cow;

use super::clusters::level;

/// Hash of a padding position before the sentence.
pub const START: u64 = 0x5354_4152_545f_5f5f;
/// Hash of a padding position after the sentence.
pub const END: u64 = 0x454e_445f_5f5f_5f5f;

/// A 64-bit finaliser (murmur3 `fmix64`).
#[inline]
#[must_use]
pub const fn mix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// FNV-1a over bytes, finalised.
#[inline]
#[must_use]
pub fn hash_bytes(b: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &x in b {
        h ^= u64::from(x);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    mix(h)
}

/// A feature key from a template number and a value hash.
#[inline]
#[must_use]
pub const fn feat(template: u64, value: u64) -> u64 {
    mix(value ^ template.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// A feature key from a template number and two value hashes.
#[inline]
#[must_use]
pub const fn feat2(template: u64, a: u64, b: u64) -> u64 {
    feat(template, mix(a.wrapping_add(0x2545_f491_4f6c_dd1d)) ^ b)
}

/// Folds typographic variants so that training data and normalised text agree: curly quotes
/// become straight ones and long dashes become `--`.
#[must_use]
pub fn fold(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        return Cow::Borrowed(word);
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' => out.push('\''),
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' => out.push('"'),
            '\u{2014}' | '\u{2015}' => out.push_str("--"),
            '\u{00a0}' => out.push(' '),
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The word shape: `X` upper, `x` lower, `d` digit, other characters as they are; runs of one
/// class longer than three are cut to three.
#[must_use]
pub fn shape(word: &str) -> String {
    let mut out = String::with_capacity(8);
    let mut last = '\0';
    let mut run = 0;
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if s == last {
            run += 1;
        } else {
            run = 1;
            last = s;
        }
        if run <= 3 {
            out.push(s);
        }
        if out.len() > 24 {
            break;
        }
    }
    out
}

/// Precomputed hashes of one word, reused by the features of it and its neighbours.
#[derive(Clone, Copy, Debug, Default)]
pub struct WordInfo {
    /// Exact (folded) form.
    pub form: u64,
    /// Lowercase form.
    pub lower: u64,
    /// Shape.
    pub shape: u64,
    /// Lowercase suffixes of 1..=4 characters (the whole word when shorter).
    pub suf: [u64; 4],
    /// Lowercase prefixes of 1..=3 characters.
    pub pre: [u64; 3],
    /// Lowercase part after the last hyphen (the whole word when none).
    pub last_part: u64,
    /// Bit 0: has an upper-case letter; bit 1: has a digit; bit 2: has a hyphen.
    pub flags: u8,
    /// Ambiguity class from the tagger's lexicon (the set of tags seen with the word; 0 when
    /// unknown), filled by the tagger.
    pub amb: u64,
    /// Packed word-cluster ids ([`super::clusters`]), filled by the tagger.
    pub clu: u32,
    /// Key of the word in the cluster table ([`super::clusters::key`]).
    pub cluster_key: u32,
}

impl WordInfo {
    /// Computes the hashes of `word`.
    #[must_use]
    pub fn new(word: &str) -> Self {
        let folded = fold(word);
        let w: &str = &folded;
        let lower: Cow<'_, str> = if w.chars().any(char::is_uppercase) {
            Cow::Owned(w.to_lowercase())
        } else {
            Cow::Borrowed(w)
        };
        let lb = lower.as_bytes();
        let mut suf = [0u64; 4];
        let mut ends = lower.char_indices().rev().map(|(i, _)| i);
        for (k, s) in suf.iter_mut().enumerate() {
            let start = ends.next().unwrap_or(0);
            *s = hash_bytes(&lb[start..]) ^ (k as u64 + 1);
        }
        let mut pre = [0u64; 3];
        let mut starts = lower.char_indices().map(|(i, c)| i + c.len_utf8());
        for (k, p) in pre.iter_mut().enumerate() {
            let end = starts.next().unwrap_or(lb.len());
            *p = hash_bytes(&lb[..end]) ^ (k as u64 + 1);
        }
        let last_part = match lower.rfind('-') {
            Some(i) if i + 1 < lower.len() => hash_bytes(&lb[i + 1..]),
            _ => hash_bytes(lb),
        };
        let mut flags = 0u8;
        if w.chars().any(char::is_uppercase) {
            flags |= 1;
        }
        if w.bytes().any(|b| b.is_ascii_digit()) {
            flags |= 2;
        }
        if w.contains('-') {
            flags |= 4;
        }
        let lower_hash = hash_bytes(lb);
        Self {
            form: hash_bytes(w.as_bytes()),
            lower: lower_hash,
            shape: hash_bytes(shape(w).as_bytes()),
            suf,
            pre,
            last_part,
            flags,
            amb: 0,
            clu: super::clusters::UNKNOWN_PACKED,
            // Without digits the normalised form is the lowercase one.
            cluster_key: if flags & 2 == 0 {
                super::perceptron::key32(lower_hash)
            } else {
                super::clusters::key(w)
            },
        }
    }

    /// A padding word before (`before = true`) or after the sentence.
    #[must_use]
    pub const fn pad(before: bool) -> Self {
        let h = if before { START } else { END };
        Self {
            form: h,
            lower: h,
            shape: h,
            suf: [h; 4],
            pre: [h; 3],
            last_part: h,
            flags: 0,
            amb: h,
            clu: if before {
                PAD_CLUSTERS
            } else {
                PAD_CLUSTERS ^ 1
            },
            cluster_key: 0,
        }
    }
}

/// Packed cluster ids of padding words.
const PAD_CLUSTERS: u32 = 0x3fe | 0x3fe << 10 | 0x3fe << 20;

/// Previous-tag value meaning "no tag" (sentence start).
pub const NO_TAG: u64 = 0xffff;

/// Tagger features of step `i` given the classes of the two previous steps. With `rev` the
/// sentence is read right to left: step `i` is word `n - 1 - i` and "previous" means "to the
/// right". With `clusters` the word-cluster features are added.
pub fn tagger_features(
    words: &[WordInfo],
    i: usize,
    p1: u64,
    p2: u64,
    rev: bool,
    clusters: bool,
    out: &mut Vec<u64>,
) {
    out.clear();
    let pad_b = WordInfo::pad(true);
    let pad_e = WordInfo::pad(false);
    let n = words.len() as isize;
    let at = |j: isize| -> &WordInfo {
        if j < 0 {
            &pad_b
        } else if j >= n {
            &pad_e
        } else {
            &words[if rev {
                (n - 1 - j) as usize
            } else {
                j as usize
            }]
        }
    };
    let ii = i as isize;
    let w = at(ii);
    let wm1 = at(ii - 1);
    let wm2 = at(ii - 2);
    let wp1 = at(ii + 1);
    let wp2 = at(ii + 2);
    out.extend_from_slice(&[
        feat(0, 0),
        feat(1, w.lower),
        feat(2, w.suf[0]),
        feat(3, w.suf[1]),
        feat(4, w.suf[2]),
        feat(5, w.suf[3]),
        feat(6, w.pre[0]),
        feat(7, w.pre[1]),
        feat(8, w.pre[2]),
        feat(9, w.shape),
        feat(10, wm1.lower),
        feat(11, wp1.lower),
        feat(12, wm2.lower),
        feat(13, wp2.lower),
        feat(14, wm1.suf[2]),
        feat(15, wp1.suf[2]),
        feat(16, p1),
        feat(17, p2),
        feat2(18, p1, p2),
        feat2(19, p1, w.lower),
        feat(20, wp1.shape),
        feat(21, wm1.shape),
        feat2(22, w.lower, wp1.lower),
        feat2(23, wm1.lower, w.lower),
        feat(24, w.last_part),
        feat2(25, p1, w.suf[2]),
        feat2(26, u64::from(i == 0), w.shape),
        feat(27, u64::from(w.flags)),
        feat2(28, wp1.lower, wp2.lower),
        feat(29, wp1.suf[1]),
        feat2(30, p1, wp1.lower),
        feat(32, w.amb),
        feat(33, wp1.amb),
        feat(34, wp2.amb),
        feat2(35, wp1.amb, wp2.amb),
        feat2(36, p1, wp1.amb),
        feat2(37, w.amb, wp1.amb),
        feat2(38, p1, w.amb),
    ]);
    if clusters {
        let c = |x: &WordInfo, l: usize| level(x.clu, l);
        out.extend_from_slice(&[
            feat(40, c(w, 0)),
            feat(41, c(w, 1)),
            feat(42, c(w, 2)),
            feat(43, c(wm1, 1)),
            feat(44, c(wm1, 2)),
            feat(45, c(wp1, 1)),
            feat(46, c(wp1, 2)),
            feat(47, c(wp2, 1)),
            feat2(48, p1, c(w, 1)),
            feat2(49, c(w, 1), c(wp1, 1)),
        ]);
    }
    if w.flags & 1 != 0 {
        out.push(feat(31, w.form));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_folds() {
        for (w, s) in [
            ("Hello", "Xxxx"),
            ("U.S.", "X.X."),
            ("1,000", "d,ddd"),
            ("iPhone", "xXxxx"),
        ] {
            assert_eq!(shape(w), s, "{w}");
        }
        assert_eq!(fold("\u{201c}don\u{2019}t\u{201d}"), "\"don't\"");
        assert_eq!(fold("a\u{2014}b"), "a--b");
    }

    #[test]
    fn word_info_is_case_aware_and_handles_odd_text() {
        let a = WordInfo::new("Apple");
        let b = WordInfo::new("apple");
        assert_eq!(a.lower, b.lower);
        assert_ne!(a.form, b.form);
        assert_eq!(a.suf, b.suf);
        for w in ["", "é", "\u{1f600}", "İstanbul", "a-", "-"] {
            let i = WordInfo::new(w);
            let mut out = Vec::new();
            tagger_features(&[i], 0, NO_TAG, NO_TAG, false, true, &mut out);
            assert!(out.len() >= 31);
        }
    }
}
