//! Reader for PETRARCH verb dictionaries (`CAMEO.2.0.txt`, `CAMEO.verbpatterns.150430.txt`,
//! `PETR.Validate.verbs.txt`): synsets, verb blocks with forms and codes, and patterns.
//!
//! Each verb and each pattern becomes a lexicon [`Entry`]: the verb is the head; words after
//! the `*` become pattern items with gaps between them (PETRARCH lets other words intervene);
//! `$` (source), `+` (target), `%` (both) and `^` (skip) are positions our argument rules
//! find themselves, so they only separate items. Words before the verb (`NOT *`, and the words
//! of a multi-word verb such as `WIRE_+TAP` before its `+` verb) must precede it; a block's
//! patterns apply to each of its verbs, multi-word ones (`+CORDON_OFF`) included. Patterns with
//! two verbs or an unknown synset are skipped (counted in [`VerbStats::skipped`]). Codes are
//! kept as written (`[042:043]` → `042`), so dictionaries with other code sets still
//! round-trip.
//!
//! ```
//! use eventframe::events::{petrarch, Lexicon};
//! let dict = "&TREATY\n+TREATY\n+PACT\n\n--- SIGN [057] ---\nSIGN\nINK {INKS INKED}\n- * &TREATY [0571]\n";
//! let mut lex = Lexicon::default();
//! let stats = petrarch::extend(&mut lex, dict).unwrap();
//! assert_eq!((stats.verbs, stats.patterns), (2, 2));
//! assert!(lex.form_of("inked", "ink"));
//! ```

use std::collections::HashMap;
use std::sync::Arc;

use super::lexicon::{Entry, Item, Lexicon, LexiconError, Mark};

/// What a dictionary contributed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct VerbStats {
    /// Synonym sets read.
    pub synsets: usize,
    /// Verb entries added.
    pub verbs: usize,
    /// Pattern entries added (one per pattern and verb of its block).
    pub patterns: usize,
    /// Lines that cannot be expressed as head-first patterns.
    pub skipped: usize,
}

fn clean_word(w: &str) -> String {
    w.trim_matches('_').to_lowercase()
}

/// `[042:043]` → `Some("042")`, `[---]` → `None`.
fn code_of(bracket: &str) -> Option<String> {
    let inner = bracket
        .trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .trim();
    let first = inner.split(':').next().unwrap_or("").trim();
    if first.is_empty()
        || first.contains("---")
        || !first.chars().all(|c| c.is_ascii_alphanumeric())
    {
        None
    } else {
        Some(first.to_owned())
    }
}

fn entry(items: Vec<Item>, pre: Vec<Item>, code: String, source: String) -> Entry {
    Entry {
        code: Some(code),
        items,
        pre,
        source,
        noun: false,
        theme: false,
        intrans: false,
        // PETRARCH's target is the first actor in the verb phrase, whatever the preposition.
        preps: [
            "with",
            "against",
            "on",
            "upon",
            "at",
            "to",
            "toward",
            "towards",
            "between",
            "for",
            "from",
            "in",
            "into",
            "over",
            "about",
            "across",
            "near",
            "inside",
            "within",
            "onto",
            "among",
            "amid",
            "behind",
            "beyond",
            "through",
            "throughout",
            "under",
            "along",
        ]
        .map(String::from)
        .to_vec(),
        // Set below for codes with a reverse (`[064:064]`): a compound subject without a
        // target then acts on itself, each member on each other.
        sym: false,
        place_to: false,
        loc2target: false,
        need_target: false,
        no_pred: false,
        neg_code: None,
        no_target_code: None,
        control: None,
        confidence: 0.6,
        priority: 1,
        source_at: None,
        target_at: None,
        compound_at: None,
        pattern: false,
        petrarch: true,
        reverse: None,
    }
}

/// `[032:033]` → `Some("033")`: the code of the reverse event (target on source).
fn reverse_of(bracket: &str) -> Option<String> {
    let inner = bracket
        .trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .trim();
    let second = inner.split_once(':')?.1.trim();
    (!second.is_empty() && second.chars().all(|c| c.is_ascii_alphanumeric()))
        .then(|| second.to_owned())
}

/// Splits a pattern body into PETRARCH tokens, keeping `{...}` and `(...)` groups together.
fn tokens(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut depth = 0i32;
    for c in body.chars() {
        match c {
            '{' | '(' => {
                depth += 1;
                cur.push(c);
            }
            '}' | ')' => {
                depth -= 1;
                cur.push(c);
            }
            c if c.is_whitespace() && depth <= 0 => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            _ => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// A verb of a block, with the words written before and after it (`WIRE_+TAP`,
/// `+CORDON_OFF`): the patterns of the block apply to each.
#[derive(Clone, Debug, PartialEq, Eq)]
struct BlockVerb {
    before: Vec<String>,
    verb: String,
    after: Vec<String>,
}

impl BlockVerb {
    /// Items from the verb on: the verb, its own words right after it, then `rest`.
    fn items(&self, rest: Vec<Item>) -> Vec<Item> {
        let mut all = vec![Item::Words(vec![self.verb.clone()].into())];
        all.extend(
            self.after
                .iter()
                .map(|w| Item::Words(vec![w.clone()].into())),
        );
        all.extend(rest);
        all
    }

    /// Items before the verb: a pattern's own, then the verb's words right before it.
    fn pre(&self, mut pre: Vec<Item>) -> Vec<Item> {
        if !self.before.is_empty() && !pre.is_empty() && pre.last() != Some(&Item::Gap) {
            pre.push(Item::Gap);
        }
        pre.extend(
            self.before
                .iter()
                .map(|w| Item::Words(vec![w.clone()].into())),
        );
        pre
    }
}

/// Adds the verbs and patterns of a PETRARCH verb dictionary to `lex`.
///
/// # Errors
/// A malformed block header, with its line number.
#[allow(clippy::too_many_lines)]
pub fn extend(lex: &mut Lexicon, text: &str) -> Result<VerbStats, LexiconError> {
    let mut stats = VerbStats::default();
    let mut synsets: HashMap<String, Arc<[String]>> = HashMap::new();
    let mut cur_set: Option<(String, Vec<String>)> = None;
    let mut block_code: Option<String> = None;
    let mut block_rev: Option<String> = None;
    let mut block_verbs: Vec<BlockVerb> = Vec::new();
    let mut in_block = false;

    let close_set = |cur: &mut Option<(String, Vec<String>)>,
                     synsets: &mut HashMap<String, Arc<[String]>>| {
        if let Some((name, words)) = cur.take() {
            synsets.insert(name, words.into());
        }
    };

    for (n, raw) in text.lines().enumerate() {
        let trimmed = raw.trim();
        if trimmed.starts_with("<!") || trimmed.starts_with("<") && trimmed.ends_with('>') {
            continue;
        }
        let line = trimmed.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            close_set(&mut cur_set, &mut synsets);
            continue;
        }
        if let Some(name) = line.strip_prefix('&') {
            close_set(&mut cur_set, &mut synsets);
            let name = name
                .split_whitespace()
                .next()
                .unwrap_or("")
                .trim_end_matches('_')
                .to_uppercase();
            cur_set = Some((name, Vec::new()));
            stats.synsets += 1;
            continue;
        }
        if let Some((_, words)) = cur_set.as_mut() {
            if let Some(member) = line.strip_prefix('+') {
                let member = member.trim();
                if let Some(other) = member.strip_prefix('&') {
                    if let Some(ws) =
                        synsets.get(other.trim_end_matches('_').to_uppercase().as_str())
                    {
                        words.extend(ws.iter().cloned());
                    }
                } else {
                    // Phrases ("SWISS FRANCS", "DID N'T") match consecutive tokens.
                    let phrase = member
                        .split(|c: char| c == '_' || c.is_whitespace())
                        .filter(|w| !w.is_empty())
                        .map(str::to_lowercase)
                        .collect::<Vec<_>>()
                        .join(" ");
                    if !phrase.is_empty() {
                        words.push(phrase);
                    }
                }
                continue;
            }
            close_set(&mut cur_set, &mut synsets);
        }
        if line.starts_with("---") {
            let inner = line.trim_matches('-').trim();
            let (name, rest) = inner.split_once('[').map_or((inner, ""), |(a, b)| (a, b));
            if name.trim().is_empty() {
                return Err(LexiconError {
                    line: n + 1,
                    message: format!("a verb block needs a name: `{raw}`"),
                });
            }
            block_code = code_of(&format!("[{rest}"));
            block_rev = reverse_of(&format!("[{rest}"));
            block_verbs.clear();
            in_block = true;
            continue;
        }
        if !in_block {
            continue;
        }
        if let Some(pattern) = line.strip_prefix('-') {
            let (body, code, rev) = match pattern.rfind('[') {
                Some(i) => match code_of(&pattern[i..]) {
                    Some(c) => (&pattern[..i], Some(c), reverse_of(&pattern[i..])),
                    None => (&pattern[..i], block_code.clone(), block_rev.clone()),
                },
                None => (pattern, block_code.clone(), block_rev.clone()),
            };
            let Some(code) = code else { continue };
            let toks = tokens(body);
            let Some(star) = toks.iter().position(|t| t.contains('*')) else {
                stats.skipped += 1;
                continue;
            };
            if toks.iter().filter(|t| t.contains('*')).count() > 1 {
                stats.skipped += 1;
                continue;
            }
            // "IN_*", "*_OUT", "SO IN_AND_*_OUT_AGAIN": words glued to the verb.
            let (glued_pre, glued_post) = toks[star].split_once('*').unwrap_or(("", ""));
            let mut ok = true;
            // A word, a phrase or `&SYNSET` as a pattern item (`None` for an unknown synset).
            let word_item = |w: &str| -> Option<Item> {
                match w.strip_prefix('&') {
                    Some(set) => synsets
                        .get(set.trim_end_matches('_').to_uppercase().as_str())
                        .filter(|ws| !ws.is_empty())
                        .map(|ws| Item::Words(ws.clone())),
                    None => Some(Item::Words(vec![clean_word(w)].into())),
                }
            };
            let mut source_at = None;
            let mut target_at = None;
            let mut compound_at = None;
            let mut set_mark = |c: &str, m: Mark| match c {
                "$" => source_at = Some(m),
                "+" => target_at = Some(m),
                _ => compound_at = Some(m),
            };
            // Before the verb: words in order, `_` joins neighbours, a space lets other words
            // in; markers there name the subject.
            let mut pre: Vec<Item> = Vec::new();
            for t in &toks[..star] {
                let mut first = true;
                for w in t
                    .trim_start_matches(['{', '('])
                    .trim_end_matches(['}', ')'])
                    .split([' ', '_'])
                    .filter(|w| !w.is_empty())
                {
                    if matches!(w, "$" | "+" | "%") {
                        set_mark(w, Mark::Subject);
                        continue;
                    }
                    if w == "^" {
                        continue;
                    }
                    if first && !pre.is_empty() {
                        pre.push(Item::Gap);
                    }
                    first = false;
                    match word_item(w) {
                        Some(it) => pre.push(it),
                        None => ok = false,
                    }
                }
            }
            let glued: Vec<&str> = glued_pre.split('_').filter(|w| !w.is_empty()).collect();
            if !pre.is_empty() {
                pre.push(Item::Gap);
            }
            for w in glued {
                match word_item(w) {
                    Some(it) => pre.push(it),
                    None => ok = false,
                }
            }
            // After the verb: (word, glued to the previous item) atoms, markers and skips.
            enum Atom<'a> {
                Word(&'a str, bool),
                Mark(&'a str),
                Skip,
            }
            let mut atoms: Vec<Atom> = glued_post
                .split('_')
                .filter(|w| !w.is_empty())
                .map(|w| Atom::Word(w, true))
                .collect();
            for t in &toks[star + 1..] {
                let paren = t.starts_with('(');
                let group = t
                    .trim_start_matches(['{', '('])
                    .trim_end_matches(['}', ')']);
                for (k, part) in group.split(' ').filter(|p| !p.is_empty()).enumerate() {
                    for (j, w) in part.split('_').filter(|w| !w.is_empty()).enumerate() {
                        atoms.push(match w {
                            "$" | "+" | "%" => Atom::Mark(w),
                            "^" => Atom::Skip,
                            _ => Atom::Word(w, j > 0 || (k > 0 && !paren)),
                        });
                    }
                }
            }
            let mut items: Vec<Item> = Vec::new();
            let mut lit = 0usize;
            let mut skip = 0u8;
            for a in atoms {
                match a {
                    Atom::Word(w, glued) => {
                        if !glued {
                            items.push(Item::Gap);
                        }
                        match word_item(w) {
                            Some(it) => items.push(it),
                            None => ok = false,
                        }
                        lit += 1;
                        skip = 0;
                    }
                    Atom::Skip => skip = skip.saturating_add(1),
                    Atom::Mark(c) => {
                        set_mark(c, Mark::After { item: lit, skip });
                        skip = 0;
                    }
                }
            }
            while matches!(items.last(), Some(Item::Gap)) {
                items.pop();
            }
            if !ok {
                stats.skipped += 1;
                continue;
            }
            for v in &block_verbs {
                // Other words may come between the verb and the pattern ("abandon full
                // diplomatic ties"), except for particles glued to it ("*_OUT").
                let mut e = entry(
                    v.items(items.clone()),
                    v.pre(pre.clone()),
                    code.clone(),
                    format!("petrarch:{} -{}", code, body.trim_end()),
                );
                e.source_at = source_at;
                e.target_at = target_at;
                e.compound_at = compound_at;
                e.pattern = true;
                e.reverse.clone_from(&rev);
                e.sym = rev.is_some();
                lex.push(e);
                stats.patterns += 1;
            }
            continue;
        }
        // A verb line: VERB {FORMS} [CODE] or +MULTI_WORD {FORMS} [CODE] or PRE_+VERB.
        let (head_part, rest) = match line.find(['{', '[']) {
            Some(i) => (line[..i].trim(), &line[i..]),
            None => (line, ""),
        };
        // Forms of a multi-word verb name the verb word with `+` (`WIRE_+TAPPED`) or put it
        // first (`+CORDONED_OFF`); only that word is an inflected form.
        let forms: Vec<String> = rest
            .split_once('{')
            .and_then(|(_, r)| r.split_once('}'))
            .map(|(f, _)| {
                f.split_whitespace()
                    .filter_map(|form| {
                        let ps: Vec<&str> = form.split('_').filter(|p| !p.is_empty()).collect();
                        let at = ps.iter().position(|p| p.starts_with('+')).unwrap_or(0);
                        ps.get(at).map(|p| clean_word(p.trim_start_matches('+')))
                    })
                    .filter(|w| !w.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        let own_code = rest.rfind('[').and_then(|i| code_of(&rest[i..]));
        let own_rev = if own_code.is_some() {
            rest.rfind('[').and_then(|i| reverse_of(&rest[i..]))
        } else {
            block_rev.clone()
        };
        let head_part = head_part.split_whitespace().collect::<Vec<_>>().join("_");
        let parts: Vec<&str> = head_part.split('_').filter(|p| !p.is_empty()).collect();
        // `KLM_NOP_+RST`: the verb is the word marked `+`, else the first.
        let verb_at = parts.iter().position(|p| p.starts_with('+')).unwrap_or(0);
        let Some(verb) = parts
            .get(verb_at)
            .map(|p| clean_word(p.trim_start_matches('+')))
        else {
            stats.skipped += 1;
            continue;
        };
        if verb.is_empty() || verb.starts_with('&') {
            stats.skipped += 1;
            continue;
        }
        let words_of = |ps: &[&str]| -> Vec<String> {
            ps.iter()
                .map(|p| clean_word(p.trim_start_matches('+')))
                .collect()
        };
        let bv = BlockVerb {
            before: words_of(&parts[..verb_at]),
            verb: verb.clone(),
            after: words_of(&parts[verb_at + 1..]),
        };
        for f in &forms {
            lex.add_form(f, &verb, true);
        }
        if let Some(code) = own_code.or_else(|| block_code.clone()) {
            let mut e = entry(
                bv.items(Vec::new()),
                bv.pre(Vec::new()),
                code.clone(),
                format!("petrarch:{code} {head_part}"),
            );
            e.sym = own_rev.is_some();
            e.reverse = own_rev;
            lex.push(e);
            stats.verbs += 1;
        }
        if !block_verbs.contains(&bv) {
            block_verbs.push(bv);
        }
    }
    Ok(stats)
}

/// Reads a PETRARCH verb dictionary file into `lex`.
///
/// # Errors
/// [`crate::Error::Io`] when the file cannot be read, [`crate::Error::Config`] when it is
/// malformed.
pub fn extend_from_file(lex: &mut Lexicon, path: &str) -> crate::Result<VerbStats> {
    let text = std::fs::read_to_string(path).map_err(|e| crate::Error::Io {
        path: path.to_owned(),
        message: e.to_string(),
    })?;
    extend(lex, &text).map_err(|e| {
        crate::Error::config(format!(
            "verb dictionary `{path}` line {}: {}\nhint: PETRARCH verb dictionaries have `--- VERB [code] ---` blocks, verb lines and `- * pattern [code]` lines",
            e.line, e.message
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const DICT: &str = "\
# comment
&TIES
+TIES
+RELATIONS
+DIPLOMATIC_RELATIONS

--- RESTORE [050] ---
RESTORE
RENEW {RENEWS RENEWED RENEWING}
+WIND_DOWN [087]
PRE_+VERB [999]
- * &TIES [064]
- * (WITH +) AID [070:070]
- NOT * [120]
- $ * + TO HELP [070]
- + * FROM ^ $ [066]
- * &CASH [071]

--- NOOP [---] ---
IDLE
";

    #[test]
    fn reads_synsets_verbs_and_patterns() {
        let mut lex = Lexicon::default();
        let st = extend(&mut lex, DICT).unwrap();
        assert_eq!(st.synsets, 1);
        // restore, renew, wind down, pre verb; IDLE has no code.
        assert_eq!(st.verbs, 4);
        // 5 patterns × the 4 verbs of the block ("NOT *" keeps "not" as a word before the
        // verb); `&CASH` is not defined yet where it is used.
        assert_eq!(st.patterns, 20);
        assert!(st.skipped >= 1);
        assert!(lex.form_of("renewed", "renew"));
        let codes: Vec<&str> = lex
            .entries
            .iter()
            .filter_map(|e| e.code.as_deref())
            .collect();
        assert!(codes.contains(&"064") && codes.contains(&"070") && codes.contains(&"087"));
        assert!(codes.contains(&"120") && codes.contains(&"999"));
        // `PRE_+VERB`: "verb" is the head, "pre" must come right before it.
        let pv = lex
            .entries
            .iter()
            .find(|e| e.code.as_deref() == Some("999"))
            .unwrap();
        assert_eq!(pv.items[0].words(), ["verb"]);
        assert_eq!(pv.pre.len(), 1);
        let not = lex
            .entries
            .iter()
            .find(|e| e.code.as_deref() == Some("120"))
            .unwrap();
        // "NOT" then room for other words before the verb.
        assert_eq!(not.pre.len(), 2);
        assert_eq!(not.pre[1], Item::Gap);
        let help = lex
            .entries
            .iter()
            .find(|e| e.source.contains("TO HELP"))
            .unwrap();
        assert_eq!(help.source_at, Some(Mark::Subject));
        assert_eq!(help.target_at, Some(Mark::After { item: 0, skip: 0 }));
        assert!(help.pattern);
        let with_aid = lex
            .entries
            .iter()
            .find(|e| e.source.contains("(WITH +) AID"))
            .unwrap();
        assert_eq!(with_aid.literals(), 3); // restore, with, aid
        let from = lex
            .entries
            .iter()
            .find(|e| e.source.contains("FROM ^ $"))
            .unwrap();
        assert_eq!(from.target_at, Some(Mark::Subject));
        assert_eq!(from.source_at, Some(Mark::After { item: 1, skip: 1 }));
    }

    #[test]
    fn reads_the_real_dictionaries_when_present() {
        let Some(dir) = crate::events::shared_dir() else {
            println!("skipped: shared data not found");
            return;
        };
        for f in [
            "dictionaries/CAMEO.2.0.txt",
            "dictionaries/CAMEO.verbpatterns.150430.txt",
            "petrarch_unit_tests/PETR.Validate.verbs.txt",
        ] {
            let p = dir.join("data/events").join(f);
            let Ok(text) = std::fs::read_to_string(&p) else {
                continue;
            };
            let mut lex = Lexicon::default();
            let st = extend(&mut lex, &text).unwrap_or_else(|e| panic!("{f}: {e:?}"));
            assert!(st.verbs > 50 && st.patterns > 100, "{f}: {st:?}");
        }
    }

    #[test]
    fn phrase_members_of_synsets() {
        let mut lex = Lexicon::default();
        extend(
            &mut lex,
            "&CASH\n+SWISS_FRANCS\n+YEN\n\n--- GIVE [070] ---\nGIVE\n- * &CASH [071]\n",
        )
        .unwrap();
        let e = lex
            .entries
            .iter()
            .find(|e| e.code.as_deref() == Some("071"))
            .unwrap();
        assert_eq!(e.items[2].words(), ["swiss francs", "yen"]);
    }

    #[test]
    fn codes() {
        assert_eq!(code_of("[042:043]").as_deref(), Some("042"));
        assert_eq!(code_of("[---]"), None);
        assert_eq!(code_of("[ 075A ]").as_deref(), Some("075A"));
        assert_eq!(reverse_of("[032:033]").as_deref(), Some("033"));
        assert_eq!(reverse_of("[032]"), None);
    }
}
