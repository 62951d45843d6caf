//! Lemmas: suffix edit rules learned per Penn tag, plus an exception lexicon of frequent
//! irregular words, both learned from treebank data.

use std::collections::BTreeMap;

use super::conllu::Word;
use super::features::{fold, hash_bytes};
use super::io::{Reader, Writer};
use super::perceptron::IdMap;
use crate::error::Result;

/// Counts of scripts per rule key `(xpos, suffix, whole word)`.
type RuleCounts = BTreeMap<(String, String, bool), BTreeMap<u16, u32>>;

/// Longest suffix (in characters) a rule looks at.
const MAX_SUFFIX: usize = 5;

/// An edit script: optionally lowercase, strip `strip` characters, append `append`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Script {
    /// Lowercase the form first.
    pub lower: bool,
    /// Characters to strip from the end.
    pub strip: u8,
    /// Text to append.
    pub append: String,
}

impl Script {
    /// The script that turns `form` into `lemma` (the shorter of the case-keeping and the
    /// lowercasing variants).
    #[must_use]
    pub fn learn(form: &str, lemma: &str) -> Self {
        let make = |lower: bool| {
            let f: String = if lower {
                form.to_lowercase()
            } else {
                form.to_owned()
            };
            let cp = f
                .chars()
                .zip(lemma.chars())
                .take_while(|(a, b)| a == b)
                .count();
            let fl = f.chars().count();
            let strip = (fl - cp).min(255) as u8;
            let append: String = lemma.chars().skip(cp).collect();
            Self {
                lower,
                strip,
                append,
            }
        };
        let low = make(true);
        if !form.chars().any(char::is_uppercase) {
            return low;
        }
        let keep = make(false);
        if (low.strip as usize + low.append.len()) < (keep.strip as usize + keep.append.len()) {
            low
        } else {
            keep
        }
    }

    /// Applies the script; `None` when the form is too short.
    #[must_use]
    pub fn apply(&self, form: &str) -> Option<String> {
        let f: String = if self.lower {
            form.to_lowercase()
        } else {
            form.to_owned()
        };
        let n = f.chars().count();
        let strip = self.strip as usize;
        if strip > n || (strip == n && self.append.is_empty()) {
            return None;
        }
        let cut = f.char_indices().nth(n - strip).map_or(f.len(), |(i, _)| i);
        let mut out = f[..cut].to_owned();
        out.push_str(&self.append);
        Some(out)
    }
}

fn rule_key(xpos: &str, suffix: &str, whole: bool) -> u64 {
    let mut b = Vec::with_capacity(xpos.len() + suffix.len() + 2);
    b.extend_from_slice(xpos.as_bytes());
    b.push(if whole { 1 } else { 2 });
    b.extend_from_slice(suffix.as_bytes());
    hash_bytes(&b)
}

fn exc_key(lower: &str, xpos: &str) -> u64 {
    let mut b = Vec::with_capacity(xpos.len() + lower.len() + 1);
    b.extend_from_slice(lower.as_bytes());
    b.push(0);
    b.extend_from_slice(xpos.as_bytes());
    hash_bytes(&b)
}

/// Suffixes of `lower` from longest (at most [`MAX_SUFFIX`] characters) to empty, with a flag for
/// "the whole word".
fn suffixes(lower: &str) -> impl Iterator<Item = (&str, bool)> {
    let n = lower.chars().count();
    let starts: Vec<usize> = lower.char_indices().map(|(i, _)| i).collect();
    (0..=n.min(MAX_SUFFIX)).rev().map(move |k| {
        let start = if k == 0 { lower.len() } else { starts[n - k] };
        (&lower[start..], k == n)
    })
}

/// A learned lemmatiser.
#[derive(Debug, Clone, Default)]
pub struct Lemmatizer {
    scripts: Vec<Script>,
    rules: IdMap<u16>,
    exceptions: IdMap<u16>,
}

impl Lemmatizer {
    fn rule_script(&self, lower: &str, xpos: &str) -> Option<&Script> {
        for (suf, whole) in suffixes(lower) {
            if let Some(&s) = self.rules.get(&rule_key(xpos, suf, whole)) {
                return self.scripts.get(s as usize);
            }
        }
        None
    }

    /// The lemma of `form` tagged `xpos`.
    #[must_use]
    pub fn lemma(&self, form: &str, xpos: &str) -> String {
        let folded = fold(form);
        let f: &str = &folded;
        let lower = f.to_lowercase();
        let script = self
            .exceptions
            .get(&exc_key(&lower, xpos))
            .and_then(|&s| self.scripts.get(s as usize))
            .or_else(|| self.rule_script(&lower, xpos));
        script
            .and_then(|s| s.apply(f))
            .unwrap_or_else(|| f.to_owned())
    }

    /// Sizes: scripts, rules, exceptions.
    #[must_use]
    pub fn stats(&self) -> (usize, usize, usize) {
        (self.scripts.len(), self.rules.len(), self.exceptions.len())
    }

    /// Learns rules and exceptions from gold words. Rules need `min_rule` examples; exceptions
    /// need `min_exc` occurrences of the word with that tag.
    #[must_use]
    pub fn learn(words: &[&Word], min_rule: u32, min_exc: u32) -> Self {
        let mut script_ids: BTreeMap<Script, u16> = BTreeMap::new();
        let mut scripts = Vec::new();
        // (xpos, suffix, whole) -> script id -> count
        let mut rule_counts: RuleCounts = BTreeMap::new();
        // (lower, xpos) -> script id -> count
        let mut word_counts: BTreeMap<(String, String), BTreeMap<u16, u32>> = BTreeMap::new();
        for w in words {
            let form = fold(&w.form);
            let lemma = fold(&w.lemma);
            let s = Script::learn(&form, &lemma);
            let id = *script_ids.entry(s.clone()).or_insert_with(|| {
                scripts.push(s);
                (scripts.len() - 1) as u16
            });
            let lower = form.to_lowercase();
            for (suf, whole) in suffixes(&lower) {
                *rule_counts
                    .entry((w.xpos.clone(), suf.to_owned(), whole))
                    .or_default()
                    .entry(id)
                    .or_default() += 1;
            }
            *word_counts
                .entry((lower, w.xpos.clone()))
                .or_default()
                .entry(id)
                .or_default() += 1;
        }
        let majority = |m: &BTreeMap<u16, u32>| -> (u16, u32) {
            let total = m.values().sum();
            let id = m
                .iter()
                .max_by_key(|(id, n)| (**n, std::cmp::Reverse(**id)))
                .map_or(0, |(id, _)| *id);
            (id, total)
        };
        let mut lem = Self {
            scripts,
            rules: IdMap::default(),
            exceptions: IdMap::default(),
        };
        // Keep a rule only when it changes the answer of its shorter suffixes (shortest first).
        let mut by_len: Vec<_> = rule_counts.iter().collect();
        by_len.sort_by_key(|((x, s, w), _)| (s.chars().count(), *w, x.clone(), s.clone()));
        for ((xpos, suf, whole), m) in by_len {
            let (id, total) = majority(m);
            if total < min_rule && !suf.is_empty() {
                continue;
            }
            let parent = lem.rule_script(suf, xpos).cloned();
            if parent.as_ref() != lem.scripts.get(id as usize) {
                lem.rules.insert(rule_key(xpos, suf, *whole), id);
            }
        }
        for ((lower, xpos), m) in &word_counts {
            let (id, total) = majority(m);
            if total < min_exc {
                continue;
            }
            if lem.rule_script(lower, xpos) != lem.scripts.get(id as usize) {
                lem.exceptions.insert(exc_key(lower, xpos), id);
            }
        }
        lem
    }

    /// Serialises the lemmatiser.
    pub fn write(&self, w: &mut Writer) {
        w.buf.extend_from_slice(b"LEMM");
        w.u32(self.scripts.len() as u32);
        for s in &self.scripts {
            w.u8(u8::from(s.lower));
            w.u8(s.strip);
            w.str(&s.append);
        }
        for map in [&self.rules, &self.exceptions] {
            let mut v: Vec<(u64, u16)> = map.iter().map(|(&k, &v)| (k, v)).collect();
            v.sort_unstable();
            w.u32(v.len() as u32);
            for (k, id) in v {
                w.u64(k);
                w.u16(id);
            }
        }
    }

    /// Reads a lemmatiser written by [`Lemmatizer::write`].
    ///
    /// # Errors
    /// When the bytes are malformed.
    pub fn read(r: &mut Reader<'_>) -> Result<Self> {
        r.expect_magic(b"LEMM")?;
        let n = r.count(4)?;
        let mut scripts = Vec::with_capacity(n);
        for _ in 0..n {
            let lower = r.u8()? != 0;
            let strip = r.u8()?;
            let append = r.str()?;
            scripts.push(Script {
                lower,
                strip,
                append,
            });
        }
        let mut maps = [IdMap::default(), IdMap::default()];
        for map in &mut maps {
            let n = r.count(10)?;
            map.reserve(n);
            for _ in 0..n {
                let k = r.u64()?;
                let id = r.u16()?;
                map.insert(k, id);
            }
        }
        let [rules, exceptions] = maps;
        Ok(Self {
            scripts,
            rules,
            exceptions,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(form: &str, lemma: &str, xpos: &str) -> Word {
        Word {
            form: form.into(),
            lemma: lemma.into(),
            xpos: xpos.into(),
            ..Word::default()
        }
    }

    #[test]
    fn scripts_learn_and_apply() {
        for (form, lemma) in [
            ("Running", "run"),
            ("cities", "city"),
            ("Bush", "Bush"),
            ("went", "go"),
            ("The", "the"),
        ] {
            let s = Script::learn(form, lemma);
            assert_eq!(s.apply(form).as_deref(), Some(lemma), "{form} {s:?}");
        }
        assert_eq!(
            Script {
                lower: false,
                strip: 9,
                append: String::new()
            }
            .apply("abc"),
            None
        );
    }

    #[test]
    fn learns_rules_and_exceptions() {
        let data = vec![
            w("cats", "cat", "NNS"),
            w("dogs", "dog", "NNS"),
            w("hats", "hat", "NNS"),
            w("cities", "city", "NNS"),
            w("parties", "party", "NNS"),
            w("men", "man", "NNS"),
            w("men", "man", "NNS"),
            w("went", "go", "VBD"),
            w("went", "go", "VBD"),
            w("Paris", "Paris", "NNP"),
            w("Paris", "Paris", "NNP"),
        ];
        let refs: Vec<&Word> = data.iter().collect();
        let lem = Lemmatizer::learn(&refs, 2, 2);
        for (form, xpos, want) in [
            ("bats", "NNS", "bat"),
            ("ladies", "NNS", "lady"),
            ("Men", "NNS", "man"),
            ("went", "VBD", "go"),
            ("Paris", "NNP", "Paris"),
            ("\u{1f600}", "NN", "\u{1f600}"),
            ("", "NN", ""),
        ] {
            assert_eq!(lem.lemma(form, xpos), want, "{form}");
        }
        let mut wr = Writer::default();
        lem.write(&mut wr);
        let back = Lemmatizer::read(&mut Reader::new(&wr.buf, "t")).unwrap();
        assert_eq!(back.lemma("ladies", "NNS"), "lady");
    }
}
