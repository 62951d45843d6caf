//! A phrase matcher over token sequences.
//!
//! Phrases are keyed by their lower-cased surface with whitespace collapsed, so a match does
//! not depend on how the tokeniser splits words: the key of tokens `i..j` is their text joined
//! with one space where the original text has whitespace between them. A set of key prefixes
//! (cut at every change between letters/digits and other characters) stops the extension early,
//! so matching costs a few hash look-ups per token.

use std::collections::{HashMap, HashSet};

use super::EntryRef;
use crate::document::Document;

/// How strictly a phrase's case must match the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchCase {
    /// Any case ("soldiers", "Soldiers", "SOLDIERS").
    Any,
    /// A proper name: the first letter must be upper case; acronyms (no lower-case letter in
    /// the phrase) must match exactly and are ignored in ALL-CAPS text when they spell a common
    /// word (`IS`, `WHO`, `AP`).
    Name,
    /// The first letter must be upper case; no acronym rule (user dictionaries, written in
    /// capitals throughout).
    Capitalized,
}

/// One entry a phrase points to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The entry.
    pub entry: EntryRef,
    /// The case rule.
    pub case: MatchCase,
    /// For acronyms: the exact surface required (whitespace collapsed).
    pub exact: Option<Box<str>>,
}

/// A match of a phrase in a document.
#[derive(Clone, Debug, PartialEq)]
pub struct Match {
    /// One past the last token.
    pub end: usize,
    /// Byte end of the match (a trailing possessive `'s` inside a token is left out).
    pub byte_end: usize,
    /// The entries whose case rule the surface satisfies, user dictionaries first.
    pub hits: Vec<Hit>,
}

/// The phrase table.
#[derive(Debug, Default)]
pub struct Gazetteer {
    map: HashMap<String, Vec<Hit>>,
    prefixes: HashSet<String>,
    max_tokens: usize,
}

/// Words that an all-caps acronym may spell by accident.
const COMMON_WORDS: &[&str] = &[
    "a", "ad", "all", "an", "and", "ap", "are", "as", "at", "au", "be", "by", "can", "car", "do",
    "for", "go", "he", "i", "if", "in", "is", "it", "me", "my", "no", "of", "on", "or", "pa", "rt",
    "so", "to", "up", "us", "we", "who", "ft", "ria", "sco", "mod", "dw", "hur", "gur", "sana",
    "wafa", "pla", "sdf", "eln", "efe",
];

/// Lower-cases, straightens quotes and collapses whitespace.
#[must_use]
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for ch in s.trim().chars() {
        if ch.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        match ch {
            '\u{2019}' | '\u{2018}' | '`' => out.push('\''),
            '\u{2010}' | '\u{2011}' => out.push('-'),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

fn collapse_ws(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('\u{2019}', "'")
}

fn is_acronym(s: &str) -> bool {
    s.chars().any(char::is_alphabetic)
        && !s.chars().any(char::is_lowercase)
        && s.chars().filter(|c| c.is_alphabetic()).count() <= 6
}

fn class(c: char) -> u8 {
    if c.is_alphanumeric() {
        0
    } else if c == ' ' {
        1
    } else {
        2
    }
}

/// Whether the token text (a possessive) ends in `'s`; returns the length without it.
fn possessive_cut(t: &str) -> Option<usize> {
    for suf in ["'s", "\u{2019}s", "'S", "\u{2019}S"] {
        if let Some(rest) = t.strip_suffix(suf) {
            if !rest.is_empty() {
                return Some(rest.len());
            }
        }
    }
    None
}

impl Gazetteer {
    fn key_for(phrase: &str) -> Option<String> {
        let mut k = normalize(phrase);
        if let Some(rest) = k.strip_prefix("the ") {
            if !rest.is_empty() {
                k = rest.to_owned();
            }
        }
        (!k.is_empty()).then_some(k)
    }

    fn hit(phrase: &str, entry: EntryRef, case: MatchCase) -> Hit {
        let p = phrase.trim();
        let p = p.strip_prefix("the ").unwrap_or(p);
        let exact =
            (case == MatchCase::Name && is_acronym(p)).then(|| collapse_ws(p).into_boxed_str());
        Hit { entry, case, exact }
    }

    fn add_key(&mut self, key: &str) {
        let tokens = key.split(' ').count();
        self.max_tokens = self.max_tokens.max(tokens * 3);
        let mut prev = None;
        for (i, c) in key.char_indices() {
            let cl = class(c);
            if prev.is_some_and(|p| p != cl) || prev == Some(2) {
                self.prefixes.insert(key[..i].trim_end().to_owned());
            }
            prev = Some(cl);
        }
        self.prefixes.insert(key.to_owned());
    }

    /// Adds a phrase (built-in entries: first come, first listed).
    pub fn insert(&mut self, phrase: &str, entry: EntryRef, case: MatchCase) {
        let Some(key) = Self::key_for(phrase) else {
            return;
        };
        let hit = Self::hit(phrase, entry, case);
        let list = self.map.entry(key.clone()).or_default();
        if !list.contains(&hit) {
            list.push(hit);
        }
        self.add_key(&key);
    }

    /// Adds a phrase ahead of the existing entries for it (user dictionaries win).
    pub fn insert_front(&mut self, phrase: &str, entry: EntryRef, case: MatchCase) {
        let Some(key) = Self::key_for(phrase) else {
            return;
        };
        let hit = Self::hit(phrase, entry, case);
        let list = self.map.entry(key.clone()).or_default();
        if !list.contains(&hit) {
            list.insert(0, hit);
        }
        self.add_key(&key);
    }

    /// Number of distinct phrases.
    #[must_use]
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether there are no phrases.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// All entries of a phrase, ignoring case rules.
    #[must_use]
    pub fn lookup(&self, phrase: &str) -> &[Hit] {
        Self::key_for(phrase)
            .and_then(|k| self.map.get(&k))
            .map_or(&[], Vec::as_slice)
    }

    fn accept(hit: &Hit, surface: &str, all_caps: bool) -> bool {
        match hit.case {
            MatchCase::Any => true,
            MatchCase::Capitalized => surface
                .chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase),
            MatchCase::Name => {
                if let Some(ex) = &hit.exact {
                    let s = collapse_ws(surface);
                    let s = s.strip_prefix("the ").unwrap_or(&s);
                    if s != &**ex {
                        return false;
                    }
                    if all_caps && COMMON_WORDS.contains(&normalize(ex).replace('.', "").as_str()) {
                        return false;
                    }
                    true
                } else {
                    surface
                        .chars()
                        .find(|c| c.is_alphabetic())
                        .is_some_and(char::is_uppercase)
                }
            }
        }
    }

    /// The longest phrase starting at token `i` whose case rule the text satisfies, with its
    /// accepted hits (user dictionaries first).
    ///
    /// `all_caps`: the sentence is written in capitals (a headline), where acronyms that spell
    /// common words are ignored.
    #[must_use]
    pub fn match_at(&self, doc: &Document, i: usize, all_caps: bool) -> Option<Match> {
        let tokens = &doc.tokens;
        let first = tokens.get(i)?;
        let mut key = String::new();
        let mut best: Option<Match> = None;
        let limit = self.max_tokens.clamp(1, 40);
        let sentence = first.sentence;
        for j in i..tokens.len().min(i + limit) {
            let t = &tokens[j];
            if t.sentence != sentence {
                break;
            }
            let text = doc.text.get(t.span.start..t.span.end).unwrap_or("");
            if j > i && tokens[j - 1].span.end < t.span.start {
                key.push(' ');
            }
            let before = key.len();
            key.push_str(&normalize(text));
            // A possessive glued to the word: try the word alone as a final candidate.
            if let Some(cut) = possessive_cut(text) {
                let mut k2 = key[..before].to_owned();
                k2.push_str(&normalize(&text[..cut]));
                self.consider(
                    doc,
                    first.span.start,
                    t.span.start + cut,
                    j + 1,
                    &k2,
                    all_caps,
                    &mut best,
                );
            }
            self.consider(
                doc,
                first.span.start,
                t.span.end,
                j + 1,
                &key,
                all_caps,
                &mut best,
            );
            if !self.prefixes.contains(&key) {
                break;
            }
        }
        best
    }

    #[allow(clippy::too_many_arguments)]
    fn consider(
        &self,
        doc: &Document,
        start: usize,
        byte_end: usize,
        end: usize,
        key: &str,
        all_caps: bool,
        best: &mut Option<Match>,
    ) {
        let Some(list) = self.map.get(key) else {
            return;
        };
        let surface = doc.text.get(start..byte_end).unwrap_or("");
        let hits: Vec<Hit> = list
            .iter()
            .filter(|h| Self::accept(h, surface, all_caps))
            .cloned()
            .collect();
        if !hits.is_empty() && best.as_ref().is_none_or(|b| byte_end >= b.byte_end) {
            *best = Some(Match {
                end,
                byte_end,
                hits,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_collapses() {
        assert_eq!(normalize("  Côte  d\u{2019}Ivoire "), "côte d'ivoire");
        assert_eq!(normalize("U.S."), "u.s.");
    }

    #[test]
    fn acronyms_are_exact() {
        let h = Gazetteer::hit("US", EntryRef::Country(0), MatchCase::Name);
        assert!(Gazetteer::accept(&h, "US", false));
        assert!(!Gazetteer::accept(&h, "us", false));
        assert!(!Gazetteer::accept(&h, "US", true));
        let h = Gazetteer::hit("Russia", EntryRef::Country(0), MatchCase::Name);
        assert!(Gazetteer::accept(&h, "RUSSIA", true));
        assert!(!Gazetteer::accept(&h, "russia", false));
    }
}
