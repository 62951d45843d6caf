//! The event coder: trigger matching, arguments, modality, date, place and evidence.
//!
//! It works on the `text` layer alone (surface rules) and uses lemmas, parts of speech and the
//! dependency tree from `tag` when they are present.

use super::lexicon::{Control, Entry, Item, Lexicon, Mark};
use super::words::{self, is};
use crate::document::{
    ActorKind, DateValue, Document, EntityLabel, Event, EventArg, Modality, Span,
};
use crate::knowledge::cameo;

/// A trigger match inside one sentence (local token indices).
#[derive(Clone, Debug)]
struct Match {
    entry: usize,
    head: usize,
    /// Tokens consumed by literal items (head included).
    tokens: Vec<usize>,
    /// Last token of each literal item after the head (the head first), for PETRARCH markers.
    lits: Vec<usize>,
    /// Head is used as a noun.
    nominal: bool,
}

/// Arguments on one side: mention indices (into `doc.mentions`) of conjoined actors.
#[derive(Clone, Debug, Default)]
struct Side {
    mentions: Vec<u32>,
    /// Region of the phrase (local tokens, half-open).
    region: Option<(usize, usize)>,
    /// A pronoun found instead of an actor.
    pronoun: Option<usize>,
}

impl Side {
    /// A side made of one mention.
    fn of(m: u32) -> Self {
        Self {
            mentions: vec![m],
            ..Self::default()
        }
    }
}

/// What a scan to the right of a trigger found.
#[derive(Clone, Debug, Default)]
struct Right {
    target: Vec<u32>,
    agent: Vec<u32>,
    location: Option<Loc>,
    /// A definite agreement noun ("the treaty") in the object.
    agreement: bool,
    /// Any agreement noun in the object.
    agreement_any: bool,
    /// A `by` phrase was seen (an agent, actor or not).
    by: bool,
    end: usize,
}

#[derive(Clone, Copy, Debug)]
enum Loc {
    Mention(u32),
    Span(usize, usize),
}

struct Ctl {
    m: usize,
    kind: Control,
    lo: usize,
    hi: usize,
    subject: Side,
}

/// Per-document state carried across sentences.
#[derive(Default)]
pub(crate) struct DocState {
    /// Parties of the last agreement named in the document.
    agreement: Option<(u32, u32)>,
    /// Last person actor seen (for "he"/"she").
    last_person: Option<(u32, usize)>,
}

/// One sentence prepared for the rules.
pub(crate) struct Sent<'a> {
    doc: &'a Document,
    lex: &'a Lexicon,
    index: usize,
    /// First token (global index).
    ts: usize,
    /// Lowercased normalised forms.
    low: Vec<String>,
    /// Lowercased lemmas from `tag`, when present.
    lemma: Vec<Option<String>>,
    /// Mention covering each token (global mention index).
    mention_at: &'a [Option<u32>],
    has_tags: bool,
    /// Dependents of each token (local indices), when `tag` produced a tree.
    children: Option<Vec<Vec<usize>>>,
}

/// Arguments read off a dependency tree.
#[derive(Debug, Default)]
struct DepArgs {
    subject: Vec<u32>,
    object: Vec<u32>,
    obl_target: Vec<u32>,
    agent: Vec<u32>,
    passive: bool,
}

fn lower(s: &str) -> String {
    let s = s.replace(['’', '‘'], "'");
    let l = s.to_lowercase();
    match l.as_str() {
        "“" | "”" => "\"".to_owned(),
        _ => l,
    }
}

/// Builds the token → mention index for a whole document (the longest mention covering a token,
/// preferring resolved ones). Linear in tokens plus mention lengths.
#[must_use]
pub(crate) fn mention_index(doc: &Document) -> Vec<Option<u32>> {
    let mut at: Vec<Option<u32>> = vec![None; doc.tokens.len()];
    let key = |m: &crate::document::Mention| (m.actor.is_some(), m.token_end - m.token_start);
    for (i, m) in doc.mentions.iter().enumerate() {
        let (s, e) = (m.token_start as usize, (m.token_end as usize).min(at.len()));
        for slot in at.iter_mut().take(e).skip(s) {
            let better = match *slot {
                None => true,
                Some(j) => doc.mentions.get(j as usize).is_none_or(|o| key(m) > key(o)),
            };
            if better {
                *slot = u32::try_from(i).ok();
            }
        }
    }
    at
}

impl<'a> Sent<'a> {
    /// The tokens `ts..te` (document indices) of sentence `index`: a whole sentence, or one
    /// window of an overlong one.
    pub(crate) fn window(
        doc: &'a Document,
        lex: &'a Lexicon,
        index: usize,
        ts: usize,
        te: usize,
        mention_at: &'a [Option<u32>],
    ) -> Self {
        // Clamped: a malformed sentence range must not panic.
        let te = te.min(doc.tokens.len());
        let toks = doc.tokens.get(ts.min(te)..te).unwrap_or(&[]);
        let low = toks.iter().map(|t| lower(t.norm_or(&doc.text))).collect();
        let lemma = toks
            .iter()
            .map(|t| t.lemma.as_deref().map(str::to_lowercase))
            .collect();
        let has_tags = toks.iter().any(|t| !t.upos.is_empty());
        let te = ts + toks.len();
        let children = toks.iter().any(|t| t.head.is_some()).then(|| {
            let mut ch = vec![Vec::new(); toks.len()];
            for (i, t) in toks.iter().enumerate() {
                if let Some(h) = t
                    .head
                    .map(|h| h as usize)
                    .filter(|&h| h >= ts && h < te && h - ts != i)
                {
                    ch[h - ts].push(i);
                }
            }
            ch
        });
        Self {
            doc,
            lex,
            index,
            ts,
            low,
            lemma,
            mention_at,
            has_tags,
            children,
        }
    }

    fn n(&self) -> usize {
        self.low.len()
    }

    fn w(&self, i: usize) -> &str {
        self.low.get(i).map_or("", String::as_str)
    }

    fn tok(&self, i: usize) -> &crate::document::Token {
        &self.doc.tokens[self.ts + i]
    }

    fn upos(&self, i: usize) -> &'static str {
        self.tok(i).upos
    }

    fn span(&self, a: usize, b: usize) -> Span {
        if self.n() == 0 {
            return Span::default();
        }
        let a = a.min(self.n() - 1);
        let b = b.max(a + 1).min(self.n());
        Span::new(self.tok(a).span.start, self.tok(b - 1).span.end)
    }

    fn is_punct(&self, i: usize) -> bool {
        matches!(
            self.tok(i).kind,
            crate::document::TokenKind::Punct | crate::document::TokenKind::Symbol
        )
    }

    /// Whether token `i` is a form of `lemma`.
    fn is_form(&self, i: usize, lemma: &str) -> bool {
        self.lemma[i].as_deref() == Some(lemma) || self.lex.form_of(self.w(i), lemma)
    }

    /// Punctuation that ends a clause (everything but commas, hyphens, apostrophes).
    fn hard_punct(&self, i: usize) -> bool {
        self.is_punct(i)
            && !matches!(
                self.w(i),
                "," | "-" | "'" | "'s" | "&" | "/" | "%" | "$" | "€" | "£"
            )
    }

    fn boundary(&self, i: usize) -> bool {
        self.hard_punct(i) || is(words::SUBORD, self.w(i))
    }

    fn nominal_context(&self, i: usize) -> bool {
        if self.has_tags && !self.upos(i).is_empty() {
            return matches!(self.upos(i), "NOUN" | "PROPN");
        }
        if i == 0 {
            return false;
        }
        let prev = self.w(i - 1);
        if is(words::DET, prev) || prev.ends_with("'s") {
            return true;
        }
        // "British jails", "Russian strikes": a nationality adjective before a noun.
        if self.mention(i - 1).is_some_and(|m| {
            self.doc.mentions[m as usize].label == EntityLabel::Norp
                && self.mention_end_local(m) == i
        }) {
            return true;
        }
        let w = self.w(i);
        let base_form = !w.ends_with("ed") && !w.ends_with("ing");
        // "officials report clashes": a verb right before a base or plural form.
        if base_form
            && i > 1
            && (is(words::SUPPORT, prev) || self.lex.is_verb_form(prev))
            && !is(words::DET, self.w(i - 2))
            && !is(words::SKIP, prev)
            && self.mention(i - 1).is_none()
        {
            return true;
        }
        // "a brief private visit": up to three adjectives between a determiner and a base form.
        if i > 2 && base_form && !w.ends_with('s') {
            let mut k = i;
            while k > 0 && i - k < 3 {
                let a = self.w(k - 1);
                let adjective = a.len() > 2
                    && a.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
                    && !self.capitalized(k - 1)
                    && !a.ends_with('s')
                    && !is(words::SKIP, a)
                    && !is(words::PREP, a)
                    && !is(words::SUBORD, a)
                    && !is(words::DET, a)
                    && !a.ends_with("ed")
                    && !a.ends_with("ing")
                    && self.mention(k - 1).is_none();
                if !adjective {
                    break;
                }
                k -= 1;
            }
            if k + 1 < i
                && k > 0
                && matches!(
                    self.w(k - 1),
                    "a" | "an" | "the" | "its" | "their" | "his" | "her" | "this" | "these" | "our"
                )
            {
                return true;
            }
        }
        // "a brief clash": one adjective between a determiner and a base form (not a name:
        // "the Nasgul said").
        i > 1
            && base_form
            && !w.ends_with('s')
            && !prev.ends_with('s')
            && prev.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
            && !self.capitalized(i - 1)
            && !is(words::SKIP, prev)
            && !is(words::PREP, prev)
            && !is(words::SUBORD, prev)
            && self.mention(i - 1).is_none()
            && matches!(
                self.w(i - 2),
                "a" | "an" | "the" | "its" | "their" | "his" | "her" | "this" | "these"
            )
    }

    /// Whether token `i` is the second half of a hyphenated modifier ("shoulder-fired
    /// missiles", "U.S.-led forces", "state-run television"): no verb, unless the first half is
    /// a prefix ("re-arrested").
    fn hyphen_modifier_tail(&self, i: usize) -> bool {
        i >= 2
            && crate::mentions::attached_hyphen(self.doc, self.ts + i - 1)
            && !is(words::HYPHEN_PREFIXES, self.w(i - 2))
    }

    /// A verb that starts a new predicate (used to stop phrase scans).
    fn verb_like(&self, i: usize) -> bool {
        if self.hyphen_modifier_tail(i) {
            return false;
        }
        if self.has_tags && !self.upos(i).is_empty() {
            return matches!(self.upos(i), "VERB" | "AUX");
        }
        let w = self.w(i);
        if self.mention_at[self.ts + i].is_some() {
            return false;
        }
        (self.lex.is_verb_form(w)
            || matches!(w, "is" | "are" | "was" | "were" | "has" | "have" | "had"))
            && !self.nominal_context(i)
    }

    /// A finite-looking verb (stops a scan to the right).
    fn finite_verb(&self, i: usize) -> bool {
        if self.has_tags && !self.upos(i).is_empty() {
            return matches!(self.upos(i), "VERB" | "AUX")
                && !matches!(self.tok(i).xpos, "VBG" | "VBN");
        }
        let w = self.w(i);
        self.verb_like(i)
            && (w.ends_with("ed")
                || matches!(
                    w,
                    "is" | "are" | "was" | "were" | "has" | "have" | "had" | "said" | "told"
                ))
    }

    fn mention(&self, i: usize) -> Option<u32> {
        self.mention_at.get(self.ts + i).copied().flatten()
    }

    fn mention_start(&self, i: usize) -> Option<u32> {
        let m = self.mention(i)?;
        let mm = &self.doc.mentions[m as usize];
        (mm.token_start as usize == self.ts + i).then_some(m)
    }

    fn mention_end_local(&self, m: u32) -> usize {
        (self.doc.mentions[m as usize].token_end as usize)
            .saturating_sub(self.ts)
            .min(self.n())
    }

    fn mention_start_local(&self, m: u32) -> usize {
        (self.doc.mentions[m as usize].token_start as usize).saturating_sub(self.ts)
    }

    /// Whether a mention can be a source or target: any resolved actor; a place only when it
    /// has a country (capitals and cities stand for their state: "Kyiv said").
    fn is_actor(&self, m: u32) -> bool {
        let mm = &self.doc.mentions[m as usize];
        match mm.actor.and_then(|a| self.doc.actors.get(a as usize)) {
            Some(a) => a.kind != Some(ActorKind::Location) || a.country.is_some(),
            None => false,
        }
    }

    fn has_country(&self, m: u32) -> bool {
        let mm = &self.doc.mentions[m as usize];
        mm.actor
            .and_then(|a| self.doc.actors.get(a as usize))
            .is_some_and(|a| a.country.is_some() || a.code.is_some())
    }

    fn is_place(&self, m: u32) -> bool {
        let mm = &self.doc.mentions[m as usize];
        matches!(
            mm.label,
            EntityLabel::Gpe | EntityLabel::Loc | EntityLabel::Fac
        )
    }

    // ------------------------------------------------------------------ matching

    /// End (exclusive) of member `w` of a word item matched from `pos`: one token for a word,
    /// consecutive tokens for a phrase ("swiss francs").
    /// `exact`: the token must be the word itself (PETRARCH pattern words are not inflected).
    fn member_at(&self, pos: usize, w: &str, exact: bool) -> Option<usize> {
        let ok = |p: usize, part: &str| {
            p < self.n()
                && if exact {
                    self.w(p) == part
                } else {
                    self.is_form(p, part)
                }
        };
        let mut p = pos;
        for part in w.split(' ') {
            if !ok(p, part) {
                return None;
            }
            p += 1;
        }
        Some(p)
    }

    /// Start of a member of `ws` that ends right before `end`.
    fn member_ending(&self, end: usize, ws: &[String], exact: bool) -> Option<usize> {
        ws.iter().find_map(|w| {
            let len = w.split(' ').count();
            let start = end.checked_sub(len)?;
            (self.member_at(start, w, exact) == Some(end)).then_some(start)
        })
    }

    /// Matches an entry's items from its head: the tokens consumed, and the last token of
    /// each literal item (the head first).
    fn match_entry(&self, e: &Entry, head: usize) -> Option<(Vec<usize>, Vec<usize>)> {
        fn go(
            s: &Sent<'_>,
            e: &Entry,
            items: &[Item],
            pos: usize,
            out: &mut Vec<usize>,
            lits: &mut Vec<usize>,
        ) -> bool {
            let Some(first) = items.first() else {
                return true;
            };
            match first {
                Item::Words(ws) => {
                    for w in ws.iter() {
                        let Some(end) = s.member_at(pos, w, e.petrarch) else {
                            continue;
                        };
                        let mark = out.len();
                        out.extend(pos..end);
                        lits.push(end - 1);
                        if go(s, e, &items[1..], end, out, lits) {
                            return true;
                        }
                        lits.pop();
                        out.truncate(mark);
                    }
                    false
                }
                Item::Gap => {
                    // PETRARCH patterns run over the whole verb phrase, complement included.
                    let (most, end_at) = if e.petrarch { (8, 0) } else { (5, 1) };
                    for skip in 0..=most {
                        let p = pos + skip;
                        if p >= s.n() {
                            return false;
                        }
                        let stop = if end_at == 0 {
                            s.hard_punct(p - 1)
                        } else {
                            s.boundary(p - 1)
                        };
                        if skip > 0 && stop {
                            return false;
                        }
                        if go(s, e, &items[1..], p, out, lits) {
                            return true;
                        }
                    }
                    false
                }
            }
        }
        let mut out = vec![head];
        let mut lits = vec![head];
        go(self, e, &e.items[1..], head + 1, &mut out, &mut lits).then_some((out, lits))
    }

    /// Matches the words an entry needs before its head, right to left: items without a gap
    /// between them are adjacent (`MOST_CERTAINLY_*`), a gap lets up to six other tokens of
    /// the clause in. Returns their positions.
    fn match_pre(&self, e: &Entry, head: usize) -> Option<Vec<usize>> {
        let mut out = Vec::new();
        let mut end = head;
        let mut gap = false;
        for item in e.pre.iter().rev() {
            let ws = match item {
                Item::Gap => {
                    gap = true;
                    continue;
                }
                Item::Words(ws) => ws,
            };
            let lo = if gap { end.saturating_sub(7) } else { end };
            let mut found = None;
            let mut stop = end;
            while stop > lo || (!gap && stop == end && found.is_none()) {
                if let Some(start) = self.member_ending(stop, ws, e.petrarch) {
                    found = Some((start, stop));
                    break;
                }
                if !gap || stop == 0 {
                    break;
                }
                stop -= 1;
                if self.hard_punct(stop) {
                    return None;
                }
            }
            let (start, stop) = found?;
            out.extend(start..stop);
            end = start;
            gap = false;
        }
        Some(out)
    }

    /// The first actor right of `from` up to the next comma (after `through`) or clause end, crossing
    /// complementizers and verbs ("allowed that Mordor isn't ..."), with its conjuncts.
    fn clause_actor_after(&self, from: usize, through: usize) -> Vec<u32> {
        let n = self.n();
        let mut j = from;
        // Commas inside the matched pattern (`through`: its end) do not end the clause.
        while j < n.min(from + 25) && !self.hard_punct(j) && (self.w(j) != "," || j < through) {
            if let Some(m) = self.mention_start(j).filter(|&m| self.is_actor(m)) {
                let mut stop = self.mention_end_local(m).max(j + 1);
                while stop < n && !self.boundary(stop) && !is(words::PREP, self.w(stop)) {
                    stop += 1;
                }
                return self.actors_in(j, stop);
            }
            j += 1;
        }
        Vec::new()
    }

    /// The nearest actor left of `p` in its clause (up to a complementizer or hard
    /// punctuation) that is not the object of a preposition
    /// ("Gollum was seen to break into ..." → Gollum), with its conjuncts.
    fn actor_before(&self, p: usize) -> Vec<u32> {
        let mut j = p;
        while j > 0 {
            j -= 1;
            if self.boundary(j) {
                break;
            }
            let Some(m) = self.mention(j).filter(|&m| self.is_actor(m)) else {
                continue;
            };
            let a = self.mention_start_local(m);
            j = a;
            if a > 0 && is(words::PREP, self.w(a - 1)) {
                continue;
            }
            let mut start = a;
            while start > 0 && !self.boundary(start - 1) && !self.verb_like(start - 1) {
                start -= 1;
            }
            let side = self.actors_in(start, self.mention_end_local(m));
            return if side.is_empty() { vec![m] } else { side };
        }
        Vec::new()
    }

    /// The actors a PETRARCH marker after the verb points at: from `from`, skip `skip` noun
    /// phrases (`^`), then the first actor of the clause with those conjoined to it.
    fn actor_after(&self, from: usize, skip: u8) -> Vec<u32> {
        let n = self.n();
        let stop_at = |j: usize| self.hard_punct(j) || is(words::SUBORD, self.w(j));
        let mut j = from;
        for _ in 0..skip {
            while j < n && is(words::PREP, self.w(j)) {
                j += 1;
            }
            let st = j;
            while j < n && !stop_at(j) && self.w(j) != "," && !is(words::PREP, self.w(j)) {
                j = match self.mention_start(j) {
                    Some(m) => self.mention_end_local(m).max(j + 1),
                    None => j + 1,
                };
            }
            if j == st {
                break;
            }
        }
        let limit = (from + 25).min(n);
        while j < limit && !stop_at(j) {
            if let Some(m) = self.mention_start(j).filter(|&m| self.is_actor(m)) {
                let mut stop = self.mention_end_local(m).max(j + 1);
                while stop < n && !stop_at(stop) && !is(words::PREP, self.w(stop)) {
                    stop += 1;
                }
                return self.actors_in(j, stop);
            }
            j += 1;
        }
        Vec::new()
    }

    fn find_matches(&self) -> Vec<Match> {
        let mut all: Vec<Match> = Vec::new();
        for i in 0..self.n() {
            let w = self.w(i);
            if self.is_punct(i) || w.len() < 2 {
                continue;
            }
            // A capitalised word inside a sentence is a name ("Stephen Pound"), not a trigger.
            let surface = self.doc.slice(self.tok(i).span);
            let after_open = i == 0 || matches!(self.w(i - 1), "\"" | ":" | "(" | "-" | "—");
            if (self.has_tags && self.upos(i) == "PROPN")
                || (!after_open && surface.chars().next().is_some_and(char::is_uppercase))
            {
                continue;
            }
            if self.hyphen_modifier_tail(i) {
                continue;
            }
            // An auxiliary ("have held talks") is never the event's verb; its main verb is.
            if self.has_tags
                && self.upos(i) == "AUX"
                && matches!(self.deprel(i), "aux" | "aux:pass")
            {
                continue;
            }
            let nominal = self.nominal_context(i);
            let mut best: Option<Match> = None;
            let mut seen: Vec<usize> = Vec::new();
            let lemmas: Vec<&str> = self.lemma[i]
                .as_deref()
                .into_iter()
                .chain(self.lex.lemmas(w))
                .collect();
            for lemma in lemmas {
                for &ei in self.lex.entries_for(lemma) {
                    if seen.contains(&ei) {
                        continue;
                    }
                    seen.push(ei);
                    let e = &self.lex.entries[ei];
                    if e.noun {
                        // Nouns only on noun forms (base or plural), not "-ed"/"-ing" verbs.
                        let ok_form = matches!(&e.items[0], Item::Words(ws) if ws.iter().any(|x| {
                            w == x || w == format!("{x}s") || w == format!("{x}es")
                                || (x.ends_with('y') && w == format!("{}ies", &x[..x.len() - 1]))
                        }));
                        if !ok_form || (self.has_tags && self.upos(i) == "VERB") {
                            continue;
                        }
                    } else if nominal && e.literals() == 1 {
                        continue;
                    }
                    let Some((mut tokens, lits)) = self.match_entry(e, i) else {
                        continue;
                    };
                    // `% *`: the pattern needs a compound subject.
                    if e.compound_at == Some(Mark::Subject) && self.subject(i).mentions.len() < 2 {
                        continue;
                    }
                    if !e.pre.is_empty() {
                        let Some(pre) = self.match_pre(e, i) else {
                            continue;
                        };
                        tokens.extend(pre);
                        tokens.sort_unstable();
                    }
                    let cand = Match {
                        entry: ei,
                        head: i,
                        tokens,
                        lits,
                        nominal: e.noun,
                    };
                    let better = best.as_ref().is_none_or(|b| {
                        let be = &self.lex.entries[b.entry];
                        let key = |x: &Entry, noun: bool| {
                            (
                                x.priority,
                                x.literals(),
                                x.pattern,
                                !noun && !nominal,
                                (x.confidence * 100.0) as i32,
                            )
                        };
                        key(e, e.noun) > key(be, be.noun)
                    });
                    if better {
                        best = Some(cand);
                    }
                }
            }
            if let Some(b) = best {
                all.push(b);
            }
        }
        // Drop matches whose head was consumed by a more specific match.
        let mut order: Vec<usize> = (0..all.len()).collect();
        order.sort_by_key(|&k| std::cmp::Reverse(self.lex.entries[all[k].entry].literals()));
        let mut consumed = vec![false; self.n()];
        let mut keep = vec![false; all.len()];
        for k in order {
            if consumed[all[k].head] {
                continue;
            }
            keep[k] = true;
            for &t in &all[k].tokens {
                consumed[t] = true;
            }
        }
        // "bomb attacks": a one-word verb trigger right before a noun trigger modifies it.
        let noun_heads: Vec<usize> = all
            .iter()
            .zip(&keep)
            .filter(|(m, k)| **k && m.nominal)
            .map(|(m, _)| m.head)
            .collect();
        for (m, k) in all.iter().zip(keep.iter_mut()) {
            if *k && !m.nominal && m.tokens.len() == 1 && noun_heads.contains(&(m.head + 1)) {
                *k = false;
            }
        }
        all.into_iter()
            .zip(keep)
            .filter_map(|(m, k)| k.then_some(m))
            .collect()
    }

    // ------------------------------------------------------------------ dependency tree

    /// The relation, with UD v1 names mapped to v2 (`dobj` → `obj`, `nsubjpass` →
    /// `nsubj:pass`, `auxpass` → `aux:pass`).
    fn deprel(&self, i: usize) -> &'static str {
        match self.tok(i).deprel {
            "dobj" => "obj",
            "nsubjpass" => "nsubj:pass",
            "csubjpass" => "csubj:pass",
            "auxpass" => "aux:pass",
            r => r,
        }
    }

    fn head_of(&self, i: usize) -> Option<usize> {
        let h = self.tok(i).head? as usize;
        (h >= self.ts && h < self.ts + self.n()).then(|| h - self.ts)
    }

    /// Whether verb `v` takes a secondary predicate: a nominal or adjectival `xcomp`
    /// ("considered a threat", "deemed dangerous") or an `as` phrase ("regarded as a threat").
    fn has_secondary_predicate(&self, v: usize) -> bool {
        self.kids(v).iter().any(|&c| match self.deprel(c) {
            "xcomp" => matches!(self.upos(c), "NOUN" | "PROPN" | "ADJ" | "PRON" | "NUM"),
            "obl" | "advcl" => self
                .kids(c)
                .iter()
                .any(|&g| matches!(self.deprel(g), "case" | "mark") && self.is_form(g, "as")),
            _ => false,
        })
    }

    /// Whether verb `v` tells of nature or an accident: its subject is a natural hazard (its
    /// `nsubj`, or the noun an infinitive or participle modifies: "the strongest aftershocks
    /// to strike"), or it is a participle of an accident ("the plane crashed, killing all 14").
    fn natural_cause(&self, v: usize) -> bool {
        let hazard = |i: usize| is(words::HAZARDS, self.w(i));
        let accident = |i: usize| words::ACCIDENTS.iter().any(|l| self.is_form(i, l));
        self.kids(v)
            .iter()
            .any(|&c| self.deprel(c) == "nsubj" && hazard(c))
            || (self.deprel(v).starts_with("acl") && self.head_of(v).is_some_and(hazard))
            || (self.deprel(v) == "advcl" && self.head_of(v).is_some_and(accident))
    }

    /// Whether the phrase starting at `a` is introduced by "to" or "into", over a few
    /// determiners, modifiers and an "of" ("to the northern city of Mosul").
    fn goes_to(&self, a: usize) -> bool {
        (a.saturating_sub(6)..a)
            .rev()
            .find(|&k| self.w(k) != "of" && is(words::PREP, self.w(k)))
            .is_some_and(|k| matches!(self.w(k), "to" | "into"))
    }

    /// Whether verb `v` has an oblique introduced by one of `preps` ("at a car", "into the
    /// city") other than a launch destination (space, orbit, the sea).
    fn aimed_at_something(&self, v: usize, preps: &[String]) -> bool {
        const DESTINATIONS: &[&str] = &["space", "orbit", "sea", "ocean", "water", "waters"];
        const TIMES: &[&str] = &["day", "night", "morning", "afternoon", "evening", "weekend"];
        self.kids(v).iter().any(|&c| {
            let w = self.w(c);
            self.deprel(c).starts_with("obl")
                && !DESTINATIONS.contains(&w)
                // "on Sunday", "on the same day": when, not where.
                && !TIMES.contains(&w)
                && !crate::figures::WEEKDAY_NAMES.contains(&w)
                && !crate::figures::MONTH_NAMES.contains(&w)
                && self
                    .kids(c)
                    .iter()
                    .any(|&g| self.deprel(g) == "case" && preps.iter().any(|p| self.is_form(g, p)))
        })
    }

    fn kids(&self, i: usize) -> &[usize] {
        self.children
            .as_ref()
            .and_then(|c| c.get(i))
            .map_or(&[], Vec::as_slice)
    }

    /// The actor mention a dependent stands for: its own, else one of its modifiers' up to two
    /// levels down ("North Korean soldiers" → "North Korean", "the upper house of Russia's
    /// parliament" → "Russia"), preferring actors with a country; plus conjoined dependents.
    fn dep_actors(&self, i: usize) -> Vec<u32> {
        let one = |t: usize| -> Option<u32> {
            let own = self.mention(t).filter(|&m| self.is_actor(m));
            if own.is_some_and(|m| self.has_country(m)) {
                return own;
            }
            // Modifiers that name who the phrase is ("Russia's", "of Russia", "by X"), not
            // where or when ("in south Ithilen").
            let modifier = |c: &usize| {
                let rel = self.deprel(*c);
                let case = self
                    .kids(*c)
                    .iter()
                    .find(|&&k| self.deprel(k) == "case")
                    .map(|&k| self.w(k));
                matches!(rel, "nmod:poss" | "amod" | "compound" | "flat" | "appos")
                    || (rel == "nmod" && case.is_none_or(|p| matches!(p, "of" | "by" | "'s" | "'")))
            };
            let mut found: Vec<u32> = Vec::new();
            for &c in self.kids(t).iter().filter(|c| modifier(c)) {
                found.extend(self.mention(c).filter(|&m| self.is_actor(m)));
                for &g in self.kids(c).iter().filter(|g| modifier(g)) {
                    found.extend(self.mention(g).filter(|&m| self.is_actor(m)));
                }
            }
            found
                .iter()
                .copied()
                .find(|&m| self.has_country(m))
                .or(own)
                .or_else(|| found.first().copied())
        };
        let mut out: Vec<u32> = one(i).into_iter().collect();
        for &c in self.kids(i) {
            if self.deprel(c) == "conj" {
                if let Some(m) = one(c) {
                    if !out.contains(&m) {
                        out.push(m);
                    }
                }
            }
        }
        out
    }

    /// Subject, object, prepositional target and agent of a verb from the tree.
    fn dep_args(&self, v: usize, e: &Entry) -> Option<DepArgs> {
        self.children.as_ref()?;
        let mut a = DepArgs::default();
        for &c in self.kids(v) {
            let rel = self.deprel(c);
            let base = rel.split(':').next().unwrap_or(rel);
            match base {
                "nsubj" | "csubj" => {
                    a.passive |= rel.ends_with(":pass");
                    if is(words::REL, self.w(c)) && self.deprel(v).starts_with("acl") {
                        if let Some(h) = self.head_of(v) {
                            a.subject = self.dep_actors(h);
                        }
                    } else {
                        a.subject = self.dep_actors(c);
                    }
                }
                "aux" if rel == "aux:pass" => a.passive = true,
                "obj" | "iobj" if a.object.is_empty() => a.object = self.dep_actors(c),
                "obl" | "nmod" => {
                    let case = self
                        .kids(c)
                        .iter()
                        .find(|&&k| self.deprel(k) == "case")
                        .map(|&k| self.w(k));
                    if rel == "obl:agent" || case == Some("by") {
                        a.agent = self.dep_actors(c);
                    } else if case.is_some_and(|p| {
                        e.preps.iter().any(|x| x == p) && !(p == "to" && e.place_to)
                    }) && a.obl_target.is_empty()
                    {
                        a.obl_target = self.dep_actors(c);
                    }
                }
                _ => {}
            }
        }
        // Controlled verbs ("agreed to send", "urged X to withdraw"): the controller's subject
        // (or object, for object-control) when the verb has none.
        if a.subject.is_empty() && matches!(self.deprel(v), "xcomp" | "ccomp" | "advcl") {
            if let Some(h) = self.head_of(v) {
                let mut sub = Vec::new();
                let mut obj = Vec::new();
                for &c in self.kids(h) {
                    match self.deprel(c) {
                        "nsubj" => sub = self.dep_actors(c),
                        "obj" => obj = self.dep_actors(c),
                        _ => {}
                    }
                }
                if self.deprel(v) == "xcomp" {
                    a.subject = if obj.is_empty() { sub } else { obj };
                }
            }
        }
        Some(a)
    }

    // ------------------------------------------------------------------ arguments

    /// Skips auxiliaries and adverbs left of `p`; returns the new position and the words seen.
    fn aux_chain(&self, p: usize) -> (usize, Vec<&str>) {
        let mut j = p;
        let mut seen = Vec::new();
        while j > 0 {
            let w = self.w(j - 1);
            let adverb = w.len() > 4
                && w.ends_with("ly")
                && w.bytes().all(|b| b.is_ascii_lowercase())
                && self.mention(j - 1).is_none();
            if is(words::SKIP, w) || is(words::NEG, w) || adverb {
                seen.push(w);
                j -= 1;
            } else {
                break;
            }
        }
        (j, seen)
    }

    /// The subject phrase ending at `p` (exclusive), walking left.
    fn subject(&self, p: usize) -> Side {
        self.subject_depth(p, 0)
    }

    fn subject_depth(&self, p: usize, depth: u8) -> Side {
        let (mut j, chain) = self.aux_chain(p);
        let infinitive = chain.contains(&"to");
        // Coordinated predicates share the subject: "X condemned the attack and promised aid".
        if depth < 3 && j > 1 && matches!(self.w(j - 1), "and" | "but" | "then") {
            let mut k = j - 1;
            let lo = j.saturating_sub(30);
            while k > lo {
                k -= 1;
                if self.hard_punct(k) || is(words::SUBORD, self.w(k)) {
                    break;
                }
                if self.mention(k).is_some() {
                    continue;
                }
                if self.verb_like(k) && !is(words::SKIP, self.w(k)) {
                    let side = self.subject_depth(k, depth + 1);
                    // A subject phrase without an actor ("the attackers shot and killed") is
                    // still the subject: no actor from further left.
                    if !side.mentions.is_empty() || side.region.is_some() {
                        return side;
                    }
                    // A subject the phrase walk missed ("The X government issue condemned
                    // ... and promised"): the nearest actor before that verb, not governed by
                    // a preposition.
                    let before = self.actor_before(k);
                    if !before.is_empty() {
                        return Side {
                            mentions: before,
                            ..Side::default()
                        };
                    }
                    break;
                }
            }
        }
        if j > 0 && is(words::REL, self.w(j - 1)) && self.w(j - 1) != "whose" {
            // Relative clause: the subject is the antecedent, the phrase right before.
            j -= 1;
            if j > 0 && self.w(j - 1) == "," {
                j -= 1;
            }
            if let Some(m) = j.checked_sub(1).and_then(|k| self.mention(k)) {
                if self.is_actor(m) && self.mention_end_local(m) == j {
                    let a = self.mention_start_local(m);
                    let mut side = Side {
                        region: Some((a, j)),
                        ..Side::default()
                    };
                    // Keep a nationality adjective or title before the name in the same phrase.
                    let mut b = a;
                    while b > 0
                        && !self.boundary(b - 1)
                        && self.w(b - 1) != ","
                        && !is(words::PREP, self.w(b - 1))
                        && a - b < 4
                    {
                        b -= 1;
                    }
                    side.mentions = self.actors_in(b, j);
                    if side.mentions.is_empty() {
                        side.mentions.push(m);
                    }
                    return side;
                }
            }
        }
        let end = j;
        let mut start = j;
        while start > 0 {
            let k = start - 1;
            // "The European Union (EU) agree": a short parenthesis inside the phrase.
            if self.w(k) == ")" {
                if let Some(open) = (k.saturating_sub(8)..k).rev().find(|&t| self.w(t) == "(") {
                    if (open + 1..k).all(|t| !self.hard_punct(t) && !self.verb_like(t)) {
                        start = open;
                        continue;
                    }
                }
            }
            if self.w(k) == "," {
                let mut a = k;
                while a > 0 && self.w(a - 1) != "," && !self.hard_punct(a - 1) {
                    a -= 1;
                }
                if a == k {
                    break;
                }
                let first = self.w(a);
                if is(words::REL, first) && first != "that" {
                    start = if a > 0 && self.w(a - 1) == "," {
                        a - 1
                    } else {
                        a
                    };
                    // Skip the comma before the relative clause too; the antecedent follows.
                    if start == a {
                        break;
                    }
                    continue;
                }
                let has_verb = (a..k).any(|t| self.verb_like(t) || is(words::SUBORD, self.w(t)));
                if is(words::PREP, first) || has_verb || k - a > 8 {
                    break;
                }
                start = a;
                continue;
            }
            if self.boundary(k)
                || self.verb_like(k)
                || matches!(
                    self.w(k),
                    "during"
                        | "by"
                        | "despite"
                        | "amid"
                        | "following"
                        | "until"
                        | "through"
                        | "via"
                )
            {
                break;
            }
            start = k;
        }
        // "travelled to Tehran in January to visit": before an infinitive, a phrase that opens
        // with a preposition is no subject (the controller's subject comes from the tree);
        // an object before it is ("urged Iran to stop"), and so is "for X to".
        if infinitive && start < end && is(words::PREP, self.w(start)) && self.w(start) != "for" {
            return Side::default();
        }
        let mut side = Side {
            region: (start < end).then_some((start, end)),
            ..Side::default()
        };
        side.mentions = self.actors_in(start, end);
        // "A series of suicide bombings in Iraq killed": the place of the violence is no actor.
        if let Some(&m0) = side.mentions.first() {
            let a = self.mention_start_local(m0);
            let prep = (a.saturating_sub(2)..a)
                .rev()
                .find(|&t| !matches!(self.w(t), "the" | "a"));
            if self.is_place(m0)
                && prep.is_some_and(|t| t > start && is(words::LOC_PREP, self.w(t)))
                && (start..a).any(|t| is(words::VIOLENCE_NOUNS, self.w(t)))
            {
                side.mentions.clear();
            }
        }
        if side.mentions.is_empty() {
            side.pronoun = (start..end)
                .find(|&t| is(words::PERSON_PRON, self.w(t)) || is(words::GROUP_PRON, self.w(t)));
        }
        side
    }

    /// An adjective that may modify a conjunct ("the evil awful Gondor"): `ADJ` when tagged,
    /// else a lowercase word that is no function word and no verb form.
    fn modifier(&self, t: usize) -> bool {
        if self.mention(t).is_some() || self.is_punct(t) {
            return false;
        }
        if self.has_tags && !self.upos(t).is_empty() {
            return self.upos(t) == "ADJ";
        }
        let w = self.w(t);
        w.len() > 2
            && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
            && self
                .doc
                .slice(self.tok(t).span)
                .starts_with(|c: char| c.is_lowercase())
            && ![
                words::PREP,
                words::SUBORD,
                words::DET,
                words::REL,
                words::CONJ_GAP,
                words::NEG,
                words::SKIP,
            ]
            .iter()
            .any(|list| is(list, w))
            && !self.lex.is_verb_form(w)
    }

    /// Actor mentions of a phrase: the head actor and the actors conjoined with it.
    fn actors_in(&self, a: usize, b: usize) -> Vec<u32> {
        let mut ms: Vec<u32> = Vec::new();
        let mut t = a;
        while t < b {
            if let Some(m) = self.mention_start(t) {
                if self.is_actor(m) {
                    ms.push(m);
                }
                t = self.mention_end_local(m).max(t + 1);
            } else {
                t += 1;
            }
        }
        if ms.is_empty() {
            return ms;
        }
        // The head actor: the leftmost one when it heads a coordination ("NATO, the US and
        // South Korea"), else the leftmost with a country ("Lawmakers in the Federation Council").
        let conjoined_with_next = ms.len() >= 2 && {
            let (e0, s1) = (
                self.mention_end_local(ms[0]),
                self.mention_start_local(ms[1]),
            );
            s1 > e0
                && is(words::CONJ_GAP, self.w(e0))
                && (e0..s1).all(|t| is(words::CONJ_GAP, self.w(t)) || (self.modifier(t) && t > e0))
                && (e0..s1)
                    .all(|t| is(words::CONJ_GAP, self.w(t)) || (t..s1).all(|u| self.modifier(u)))
        };
        let mut k = if conjoined_with_next {
            0
        } else {
            ms.iter().position(|&m| self.has_country(m)).unwrap_or(0)
        };
        // "Ukrainian President Volodymyr Zelenskyy", "Zimbabwe President Robert Mugabe", "U.S.
        // Secretary of State Condoleezza Rice": prefer the named actor over the country word
        // before the title.
        let title_between = |a: u32, b: u32| {
            let gap = self.mention_end_local(a)..self.mention_start_local(b);
            let plain = gap.len() <= 3
                && gap
                    .clone()
                    .all(|t| !is(words::CONJ_GAP, self.w(t)) && !is(words::PREP, self.w(t)));
            // A capitalised title with "of"/"for" inside ("Minister for Foreign Affairs").
            let titled = gap.len() <= 5
                && gap.clone().all(|t| {
                    (self.capitalized(t) && !is(words::CONJ_GAP, self.w(t)))
                        || matches!(self.w(t), "of" | "for")
                });
            plain || titled
        };
        while k + 1 < ms.len()
            && (self.doc.mentions[ms[k] as usize].label == EntityLabel::Norp
                || (self.doc.mentions[ms[k] as usize].label == EntityLabel::Gpe
                    && self.doc.mentions[ms[k + 1] as usize].label == EntityLabel::Person))
            && title_between(ms[k], ms[k + 1])
        {
            k += 1;
        }
        let mut out = vec![ms[k]];
        let mut conj = false;
        for &m in &ms[k + 1..] {
            let prev_end = self.mention_end_local(*out.last().unwrap_or(&m));
            let start = self.mention_start_local(m);
            if start < prev_end {
                continue;
            }
            let gap: Vec<&str> = (prev_end..start).map(|t| self.w(t)).collect();
            // "X and Y, and Z ...": a list closed by its conjunction does not go on after a
            // comma (a new clause or an apposition follows).
            let closed = conj && gap.contains(&",");
            let mut ok = !gap.is_empty() && !closed;
            let mut i = 0;
            let mut joined = false;
            while i < gap.len() && ok {
                let g = gap[i];
                if g == ","
                    && i + 2 < gap.len()
                    && gap[i + 2] == ","
                    && !is(words::CONJ_GAP, gap[i + 1])
                {
                    i += 3; // ", left," in captions
                    continue;
                }
                if is(words::CONJ_GAP, g) {
                    joined = true;
                } else if !(joined && (prev_end + i..start).all(|t| self.modifier(t))) {
                    // "Fornost and the evil awful Gondor": adjectives of the next conjunct.
                    ok = false;
                }
                if g == "and" || g == "or" || g == "&" || g == "nor" {
                    conj = true;
                }
                i += 1;
            }
            if !ok {
                break;
            }
            out.push(m);
        }
        if !conj {
            out.truncate(1);
        }
        out
    }

    /// Scans right of `from` for the target, the agent ("by X") and the place.
    fn right(&self, from: usize, e: &Entry, passive: bool, skip: &[usize]) -> Right {
        #[derive(PartialEq, Clone, Copy)]
        enum Mode {
            Object,
            Target,
            Agent,
            Loc,
            Skip,
        }
        let mut r = Right::default();
        let mut mode = if e.intrans || e.theme || passive || e.noun {
            Mode::Skip
        } else {
            Mode::Object
        };
        let limit = (from + 20).min(self.n());
        let mut j = from;
        let mut prev_det = false;
        // Content words since the last preposition: a long run or a new determiner ends the
        // phrase that can hold the target ("attacking intruders prosecutors and police").
        let mut content = 0usize;
        while j < limit {
            if skip.contains(&j) {
                j += 1;
                continue;
            }
            let w = self.w(j);
            if self.hard_punct(j)
                || (is(words::SUBORD, w)
                    && !(w == "since" || w == "after" || w == "before" || w == "until"))
            {
                break;
            }
            if w == "," {
                // ", North Korea" after a place continues the place; otherwise the phrase ends.
                if matches!(r.location, Some(Loc::Mention(_)))
                    && self.mention_start(j + 1).is_some_and(|m| self.is_place(m))
                {
                    j = self
                        .mention_end_local(self.mention_start(j + 1).unwrap_or(0))
                        .max(j + 2);
                    continue;
                }
                break;
            }
            if j > from && self.finite_verb(j) {
                break;
            }
            // "allowed to leave": a verb the pattern consumed continues the phrase.
            if w == "to" && skip.contains(&(j + 1)) {
                j += 1;
                continue;
            }
            // "to" + verb starts an infinitive clause, not a "to X" phrase.
            if w == "to"
                && j + 1 < self.n()
                && self.mention(j + 1).is_none()
                && (if self.has_tags && !self.upos(j + 1).is_empty() {
                    matches!(self.upos(j + 1), "VERB" | "AUX")
                } else {
                    let next = self.w(j + 1);
                    self.lex.is_verb_form(next)
                        || is(words::SKIP, next)
                        || (next.bytes().all(|b| b.is_ascii_lowercase())
                            && !next.ends_with('s')
                            && !is(words::DET, next)
                            && !is(words::PREP, next))
                })
            {
                break;
            }
            if is(words::AGREEMENT, w) && matches!(mode, Mode::Object | Mode::Skip) {
                r.agreement_any = true;
                r.agreement |= prev_det;
            }
            if !(prev_det && w.bytes().all(|b| b.is_ascii_lowercase()) && !is(words::AGREEMENT, w))
            {
                prev_det = matches!(w, "the" | "this" | "that" | "its" | "their");
            }
            if matches!(mode, Mode::Object | Mode::Target) && self.mention_start(j).is_none() {
                let lower_word = w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
                let after_det = j > 0 && is(words::DET, self.w(j - 1));
                if is(words::DET, w) && !matches!(w, "of" | "'s") && content > 0 && !after_det {
                    mode = Mode::Skip;
                } else if lower_word
                    && !is(words::DET, w)
                    && !is(words::PREP, w)
                    && !is(words::CONJ_GAP, w)
                {
                    content += 1;
                    if content >= 3 {
                        mode = Mode::Skip;
                    }
                }
            }
            if is(words::PREP, w) && self.mention_start(j).is_none() {
                content = 0;
                mode = if (passive || e.noun) && w == "by" {
                    r.by = true;
                    Mode::Agent
                } else if w == "by" && mode == Mode::Object && j > from {
                    // "condemned an attack by X": the agent inside the object is the target.
                    Mode::Object
                } else if e.preps.iter().any(|p| p == w)
                    && !(w == "to" && e.place_to)
                    && !(e.intrans && j > from + 1)
                {
                    Mode::Target
                } else if w == "of" && mode != Mode::Object {
                    mode
                } else if w == "of" {
                    Mode::Object
                } else if is(words::LOC_PREP, w) || (w == "to" && e.place_to) {
                    Mode::Loc
                } else {
                    Mode::Skip
                };
                j += 1;
                continue;
            }
            if let Some(m) = self.mention_start(j) {
                let end = self.mention_end_local(m).max(j + 1);
                // The phrase from this mention to the next preposition or clause boundary,
                // with its conjoined actors.
                let phrase = |j: usize| {
                    let mut stop = end;
                    while stop < limit
                        && !self.hard_punct(stop)
                        && !is(words::SUBORD, self.w(stop))
                        && !is(words::PREP, self.w(stop))
                    {
                        stop += 1;
                    }
                    let actors = self.actors_in(j, stop);
                    let next = actors
                        .last()
                        .map_or(end, |&l| self.mention_end_local(l))
                        .max(end);
                    (actors, next)
                };
                match mode {
                    Mode::Object | Mode::Target if r.target.is_empty() && self.is_actor(m) => {
                        (r.target, j) = phrase(j);
                        mode = Mode::Skip;
                        continue;
                    }
                    Mode::Agent if r.agent.is_empty() && self.is_actor(m) => {
                        (r.agent, j) = phrase(j);
                        mode = Mode::Skip;
                        continue;
                    }
                    Mode::Loc
                        if r.location.is_none() && (self.is_place(m) || !self.is_actor(m)) =>
                    {
                        r.location = Some(Loc::Mention(m));
                    }
                    Mode::Target
                        if r.target.is_empty()
                            && e.place_to
                            && self.is_place(m)
                            && r.location.is_none() =>
                    {
                        r.location = Some(Loc::Mention(m));
                    }
                    _ => {}
                }
                j = end;
                r.end = j;
                continue;
            }
            if mode == Mode::Loc && r.location.is_none() && self.capitalized(j) {
                let mut k = j;
                while k < limit && self.capitalized(k) && self.mention(k).is_none() {
                    k += 1;
                }
                r.location = Some(Loc::Span(j, k));
                j = k;
                continue;
            }
            j += 1;
            r.end = j;
        }
        r.end = r.end.max(j);
        r
    }

    fn capitalized(&self, i: usize) -> bool {
        let t = self.tok(i);
        let s = self.doc.slice(t.span);
        s.chars().next().is_some_and(char::is_uppercase)
            && !self.is_punct(i)
            && s.chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
    }

    /// A place named in the clause left of `p` ("in Pyongyang, ... signed").
    fn left_location(&self, p: usize) -> Option<Loc> {
        let mut j = p;
        let lo = p.saturating_sub(15);
        while j > lo {
            j -= 1;
            if self.hard_punct(j) || is(words::REL, self.w(j)) {
                return None;
            }
            if is(words::LOC_PREP, self.w(j)) {
                if let Some(m) = self.mention_start(j + 1) {
                    if self.is_place(m) {
                        return Some(Loc::Mention(m));
                    }
                }
            }
        }
        None
    }

    /// The subject of a noun trigger: possessor, nationality adjective, or the subject of a
    /// support verb a few tokens to the left.
    fn noun_source(&self, head: usize) -> (Side, Option<usize>) {
        let mut j = head;
        let mut adjs = 0;
        while j > 0 && adjs < 4 {
            let k = j - 1;
            let w = self.w(k);
            if w == "'s" || w == "'" {
                if k > 0 {
                    if let Some(m) = self.mention(k - 1) {
                        if self.is_actor(m) {
                            return (Side::of(m), None);
                        }
                    }
                }
                break;
            }
            if let Some(m) = self.mention(k) {
                let mm = &self.doc.mentions[m as usize];
                if self.is_actor(m) && matches!(mm.label, EntityLabel::Norp | EntityLabel::Org) {
                    return (Side::of(m), None);
                }
                break;
            }
            if self.boundary(k) || w == "," || is(words::PREP, w) {
                break;
            }
            if is(words::SUPPORT, w) {
                return (self.subject(k), Some(k));
            }
            if self.verb_like(k) {
                // "condemned the attack": the subject of another verb is not the agent.
                return (Side::default(), None);
            }
            adjs += 1;
            j = k;
        }
        // Support verb a little further left: "had its first confrontation".
        let mut k = j;
        let lo = head.saturating_sub(6);
        while k > lo {
            k -= 1;
            if self.boundary(k) || self.w(k) == "," {
                break;
            }
            if is(words::SUPPORT, self.w(k)) {
                return (self.subject(k), Some(k));
            }
            if self.verb_like(k) {
                break;
            }
        }
        (Side::default(), None)
    }

    fn arg(&self, m: u32) -> EventArg {
        let mm = &self.doc.mentions[m as usize];
        let actor = mm.actor.and_then(|a| self.doc.actors.get(a as usize));
        EventArg {
            span: mm.span,
            actor: mm.actor,
            code: actor.and_then(|a| a.code.clone()),
            country: actor.and_then(|a| a.country.clone()),
        }
    }

    fn actor_of(&self, m: u32) -> Option<u32> {
        self.doc.mentions[m as usize].actor
    }

    fn country_of(&self, m: u32) -> Option<&str> {
        self.actor_of(m)
            .and_then(|a| self.doc.actors.get(a as usize))
            .and_then(|a| a.country.as_deref())
    }

    /// Clause extent around `t` for choosing a date: left across commas, right up to a comma.
    fn clause(&self, t: usize, dates: &[(usize, DateValue)]) -> (usize, usize) {
        let mut a = t;
        while a > 0
            && !self.hard_punct(a - 1)
            && !is(words::REL, self.w(a - 1))
            && !matches!(self.w(a - 1), "but" | "as" | "while")
        {
            a -= 1;
        }
        let mut b = t + 1;
        while b < self.n()
            && !self.hard_punct(b)
            && !matches!(self.w(b), "which" | "who" | "but" | "while" | "as" | "that")
        {
            // A comma ends the clause unless a place or a date continues it
            // ("in Pyongyang, North Korea, on June 19").
            if self.w(b) == "," {
                let next = b + 1;
                let continues = self.mention_start(next).is_some_and(|m| self.is_place(m))
                    || dates.iter().any(|d| d.0 == next || d.0 == next + 1)
                    || matches!(self.w(next), "on" | "in" | "at");
                if !continues {
                    break;
                }
            }
            b += 1;
        }
        (a, b)
    }

    /// Whether `t` lies under a conditional ("if", "unless") in the same stretch of the sentence.
    fn conditional(&self, t: usize) -> bool {
        let hard = |k: usize| {
            (self.hard_punct(k) && !matches!(self.w(k), "\"" | "“" | "”"))
                || (self.w(k) == ","
                    && matches!(self.w(k + 1), "and" | "but" | "while" | "whereas"))
        };
        let mut k = t + 1;
        while k < self.n() && !hard(k) {
            if matches!(self.w(k), "if" | "unless") {
                return true;
            }
            k += 1;
        }
        let mut k = t;
        while k > 0 && !hard(k - 1) {
            k -= 1;
            if matches!(self.w(k), "if" | "unless") {
                return true;
            }
        }
        false
    }
}

/// A candidate event before arguments are expanded into pairs.
struct Proto {
    m: usize,
    code: String,
    sources: Vec<u32>,
    source_pron: Option<usize>,
    targets: Vec<u32>,
    location: Option<Loc>,
    modality: Modality,
    negated: bool,
    claimed: Option<(Span, Option<u32>)>,
    rule: String,
    confidence: f32,
    sym: bool,
    /// Code of the reverse event, if any.
    reverse: Option<String>,
}

/// Codes one sentence and appends its events to `out`.
#[allow(clippy::too_many_lines)]
pub(crate) fn code_sentence(
    s: &Sent<'_>,
    dates: &[(usize, DateValue)],
    state: &mut DocState,
    out: &mut Vec<Event>,
) {
    let lex = s.lex;
    let matches = s.find_matches();

    // "he"/"she" stand for the last person named in this or the previous sentence.
    let recent_person = state
        .last_person
        .filter(|&(_, si)| si + 1 >= s.index)
        .map(|(a, _)| a);
    // Pronoun memory: last person seen before this sentence is in `state`; update after.
    let controls: Vec<Ctl> = matches
        .iter()
        .enumerate()
        .filter_map(|(k, m)| {
            let e = &lex.entries[m.entry];
            let kind = e.control?;
            if m.nominal {
                return None;
            }
            let end = m.tokens.last().copied().unwrap_or(m.head) + 1;
            let subject = s.subject(m.head);
            let mut lo = m.head + 1;
            let mut hi = s.n();
            if !matches!(kind, Control::Say | Control::Report) {
                let mut k = end;
                while k < s.n() {
                    if s.w(k) == ";"
                        || (s.w(k) == ","
                            && matches!(s.w(k + 1), "and" | "but" | "while" | "whereas"))
                    {
                        break;
                    }
                    k += 1;
                }
                hi = k;
            } else {
                // Postposed report: "..., state media reported."
                let rest_empty = (end..s.n()).all(|t| {
                    s.is_punct(t)
                        || matches!(s.w(t), "on" | "in" | "late" | "earlier")
                        || dates.iter().any(|d| d.0 == t)
                        || s.mention(t).is_some()
                }) && s.n() - end <= 6;
                if let Some((a, _)) = subject.region {
                    if rest_empty && a > 0 && s.w(a - 1) == "," {
                        lo = 0;
                        hi = a - 1;
                    }
                }
                // A reported clause runs until "but" after a comma.
                let mut k = lo.max(end);
                while k < hi {
                    if s.w(k) == ";" || (s.w(k) == "," && s.w(k + 1) == "but") {
                        hi = k;
                        break;
                    }
                    k += 1;
                }
            }
            Some(Ctl {
                m: k,
                kind,
                lo,
                hi,
                subject,
            })
        })
        .collect();
    // The innermost control around a token.
    let parent = |t: usize, exclude: usize| -> Option<&Ctl> {
        controls
            .iter()
            .filter(|c| c.m != exclude && c.lo <= t && t < c.hi)
            .min_by_key(|c| c.hi - c.lo)
    };
    let ancestors = |t: usize, exclude: usize| -> Vec<&Ctl> {
        let mut v: Vec<&Ctl> = controls
            .iter()
            .filter(|c| c.m != exclude && c.lo <= t && t < c.hi)
            .collect();
        v.sort_by_key(|c| c.hi - c.lo);
        v
    };
    // "according to X"
    let according: Option<(Span, Option<u32>)> = (0..s.n().saturating_sub(2)).find_map(|k| {
        (s.w(k) == "according" && s.w(k + 1) == "to").then(|| {
            let m = s.mention_start(k + 2).or_else(|| s.mention_start(k + 3));
            match m {
                Some(m) => (s.doc.mentions[m as usize].span, s.actor_of(m)),
                None => {
                    let mut e = k + 2;
                    while e < s.n() && !s.is_punct(e) {
                        e += 1;
                    }
                    (s.span(k + 2, e), None)
                }
            }
        })
    });

    let mut protos: Vec<Proto> = Vec::new();
    let mut absorbed: Vec<(usize, usize)> = Vec::new(); // (control match, child match)
    for (k, m) in matches.iter().enumerate() {
        let e = &lex.entries[m.entry];
        if e.control.is_none() || m.nominal {
            if let Some(c) = parent(m.head, k) {
                // Only what the threatener/refuser itself would do is absorbed ("threatened to
                // send", "warned that it could send"), not another actor's act.
                if matches!(c.kind, Control::Threat | Control::Refuse) && !m.nominal {
                    let sub = s.subject(m.head);
                    let actors = |ms: &[u32]| -> Vec<Option<u32>> {
                        ms.iter().map(|&x| s.actor_of(x)).collect()
                    };
                    let own = actors(&c.subject.mentions);
                    let same = sub.mentions.is_empty()
                        || actors(&sub.mentions)
                            .iter()
                            .any(|a| a.is_some() && own.contains(a));
                    if same {
                        absorbed.push((c.m, k));
                    }
                }
            }
        }
    }
    let first_child = |c: usize| absorbed.iter().find(|(p, _)| *p == c).map(|&(_, ch)| ch);
    // Speech and denial verbs go last: they are events only when nothing was coded inside them.
    let is_speech = |k: usize| {
        controls
            .iter()
            .any(|c| c.m == k && matches!(c.kind, Control::Say | Control::Deny))
    };
    let mut order: Vec<usize> = (0..matches.len()).filter(|&k| !is_speech(k)).collect();
    order.extend((0..matches.len()).filter(|&k| is_speech(k)));

    for k in order {
        let m = &matches[k];
        let has_child_event = |c: &Ctl, protos: &[Proto]| {
            protos
                .iter()
                .any(|p| p.m != c.m && c.lo <= matches[p.m].head && matches[p.m].head < c.hi)
        };
        let e = &lex.entries[m.entry];
        if absorbed.iter().any(|&(_, ch)| ch == k) {
            continue;
        }
        let Some(mut code) = e.code.clone() else {
            continue;
        };
        let mut rule = format!("lex:{}", e.source);
        let end = m.tokens.last().copied().unwrap_or(m.head) + 1;
        let (_, chain) = s.aux_chain(m.head);
        let passive = !m.nominal && chain.iter().any(|w| is(words::BE, w)) && {
            let w = s.w(m.head);
            if s.has_tags && !s.tok(m.head).xpos.is_empty() {
                s.tok(m.head).xpos == "VBN"
            } else {
                w.ends_with("ed")
                    || w.ends_with("en")
                    || (!w.ends_with("ing") && !w.ends_with('s') && lex.lemmas(w).any(|l| l != w))
            }
        };
        // "X is considered a threat", "they regard it as dangerous": a rating, not an act.
        if e.no_pred && !m.nominal && s.has_secondary_predicate(m.head) {
            continue;
        }
        // A pattern that spells out the negation ("- NOT * [120]") has already coded it.
        let mut negated = (chain.iter().any(|w| is(words::NEG, w))
            || (m.nominal && m.head > 0 && s.w(m.head - 1) == "no"))
            && !m.tokens.iter().any(|&t| is(words::NEG, s.w(t)));
        let own_ctl = controls.iter().find(|c| c.m == k);
        let mut confidence = e.confidence;
        let mut modality = Modality::Asserted;

        // Arguments.
        let consumed: Vec<usize> = m.tokens.clone();
        let right = s.right(m.head + 1, e, passive, &consumed);
        let (subj, support) = if m.nominal {
            s.noun_source(m.head)
        } else {
            (s.subject(m.head), None)
        };
        let dep = if m.nominal {
            None
        } else {
            s.dep_args(m.head, e)
        };
        // PETRARCH reads a passive without a `by` phrase as active.
        let passive = (passive || dep.as_ref().is_some_and(|d| d.passive))
            && !(e.petrarch && right.agent.is_empty() && !right.by);
        let (mut sources, mut targets) = if m.nominal {
            let src = if right.agent.is_empty() {
                subj.mentions.clone()
            } else {
                right.agent.clone()
            };
            (src, right.target.clone())
        } else if passive {
            (
                right.agent.clone(),
                if e.theme {
                    Vec::new()
                } else {
                    subj.mentions.clone()
                },
            )
        } else {
            (subj.mentions.clone(), right.target.clone())
        };
        if let Some(d) = &dep {
            let (src, tgt) = if passive {
                (
                    d.agent.clone(),
                    if e.theme {
                        Vec::new()
                    } else {
                        d.subject.clone()
                    },
                )
            } else {
                let obj = if e.theme || e.intrans {
                    Vec::new()
                } else {
                    d.object.clone()
                };
                (
                    d.subject.clone(),
                    if obj.is_empty() {
                        d.obl_target.clone()
                    } else {
                        obj
                    },
                )
            };
            // The tree fills what the surface rules missed; where both found an argument the
            // surface phrase wins (it sees appositions, relative clauses and conjuncts).
            let mut used = false;
            if sources.is_empty() && !src.is_empty() {
                sources = src;
                used = true;
            }
            if targets.is_empty() && !tgt.is_empty() {
                targets = tgt;
                used = true;
            }
            if used {
                rule.push_str(" +parse");
            }
        }
        if e.petrarch && !m.nominal {
            // PETRARCH's target is the first actor in the verb phrase, words of the pattern
            // in between ("allowed that Mordor isn't a really pleasant place").
            if targets.is_empty() && e.target_at.is_none() {
                targets = s.clause_actor_after(m.head + 1, end);
            }
            if sources.is_empty() && subj.pronoun.is_none() && e.source_at.is_none() && !passive {
                sources = s.actor_before(m.head);
            }
        }
        // PETRARCH markers place the arguments by position in the pattern.
        let mut compound = false;
        if e.source_at.is_some() || e.target_at.is_some() || e.compound_at.is_some() {
            // The subject; for PETRARCH a controlled verb's is the nearest actor before it
            // ("Gollum was seen to break in ...").
            let subject_side = if subj.mentions.is_empty() && e.petrarch {
                s.actor_before(m.head)
            } else {
                subj.mentions.clone()
            };
            let at = |mk: Mark| match mk {
                Mark::Subject => subject_side.clone(),
                Mark::After { item, skip } => m
                    .lits
                    .get(item)
                    .map(|&t| s.actor_after(t + 1, skip))
                    .unwrap_or_default(),
            };
            let plain_target = right.target.clone();
            match (e.source_at, e.target_at) {
                (Some(a), Some(b)) => {
                    sources = at(a);
                    targets = at(b);
                }
                (Some(a), None) => {
                    sources = at(a);
                    if a != Mark::Subject {
                        targets = subj.mentions.clone();
                    }
                }
                (None, Some(b)) => {
                    targets = at(b);
                    // `NOTED + *`: with words before the target, the source is the subject of
                    // the clause those words start ("X noted that Y regretted ...").
                    let first_pre = m.tokens.first().copied().filter(|&t| t < m.head);
                    let pre_subject = first_pre
                        .filter(|_| b == Mark::Subject)
                        .map(|t| s.subject(t).mentions)
                        .unwrap_or_default();
                    sources = if !pre_subject.is_empty() {
                        pre_subject
                    } else if b == Mark::Subject {
                        plain_target
                    } else {
                        subj.mentions.clone()
                    };
                }
                (None, None) => {}
            }
            // `% *`: the conjoined subject acts on itself (reciprocal); `* WITH %`: the
            // conjoined actors there are the targets.
            match e.compound_at {
                Some(Mark::Subject) => {
                    sources = subj.mentions.clone();
                    targets.clear();
                    compound = true;
                }
                Some(c) => targets = at(c),
                None => {}
            }
            rule.push_str(" +pattern-roles");
        }
        let mut source_pron = if sources.is_empty() && !passive {
            subj.pronoun
        } else {
            None
        };
        if passive {
            rule.push_str(" +passive");
        }
        if m.nominal && sources.is_empty() {
            // Nouns need an agent unless they name both sides ("clashes between X and Y").
            if !(e.sym && targets.len() >= 2) {
                continue;
            }
        }

        // Control verbs of their own: threats and refusals take their complement's code.
        if let Some(c) = own_ctl {
            match c.kind {
                Control::Threat | Control::Refuse => {
                    if let Some(ch) = first_child(k) {
                        let ce = &lex.entries[matches[ch].entry];
                        let child_code = ce.code.clone().unwrap_or_default();
                        let croot = child_code.get(..2).unwrap_or("");
                        let (new_code, why) = if c.kind == Control::Threat {
                            (threat_code(&code, &child_code), "threat")
                        } else {
                            (
                                refusal_code(&code, &child_code, ce, s.w(matches[ch].head)),
                                "refusal",
                            )
                        };
                        code = new_code;
                        rule.push_str(&format!(" +{why}[{}]", ce.source));
                        let conflict = cameo::quad_class_of_root(croot).is_some_and(|q| q >= 3);
                        if targets.is_empty() && (c.kind == Control::Refuse || conflict) {
                            let cm = &matches[ch];
                            let cr = s.right(cm.head + 1, ce, false, &cm.tokens);
                            targets = cr.target;
                        }
                    }
                    if c.kind == Control::Threat {
                        modality = Modality::Threatened;
                    }
                }
                Control::Say => {
                    // A bare "said" is an event only when nothing is coded in what was said.
                    if targets.is_empty() && has_child_event(c, &protos) {
                        continue;
                    }
                }
                Control::Deny => {
                    if has_child_event(c, &protos) {
                        continue;
                    }
                }
                Control::Report | Control::Plan | Control::Demand | Control::Agree => {}
            }
        }

        // Negation: some codes have a CAMEO code of their own when negated ("not commented").
        if negated {
            if let Some(nc) = &e.neg_code {
                rule.push_str(&format!(" +neg→{nc}"));
                code.clone_from(nc);
                negated = false;
            }
        }

        // Modality and claimant from the governing controls.
        let anc = ancestors(m.head, k);
        // "are not planning to invade", "did not agree to send": a negated plan, agreement,
        // demand or threat negates what it governs (denials have a modality of their own).
        if anc.iter().any(|c| {
            matches!(
                c.kind,
                Control::Plan | Control::Agree | Control::Demand | Control::Threat
            ) && s
                .aux_chain(matches[c.m].head)
                .1
                .iter()
                .any(|w| is(words::NEG, w))
        }) {
            negated = true;
        }
        let mut claimed: Option<(Span, Option<u32>)> = None;
        for c in &anc {
            if matches!(c.kind, Control::Say | Control::Report | Control::Deny) && claimed.is_none()
            {
                let cm = c.subject.mentions.first().copied();
                let span = cm
                    .map(|x| s.doc.mentions[x as usize].span)
                    .or_else(|| c.subject.region.map(|(a, b)| s.span(a, b)));
                // "He said": the last person named.
                let pron_actor = c
                    .subject
                    .pronoun
                    .filter(|&t| is(words::PERSON_PRON, s.w(t)))
                    .and(recent_person);
                if let Some(sp) = span {
                    claimed = Some((sp, cm.and_then(|x| s.actor_of(x)).or(pron_actor)));
                }
            }
        }
        if claimed.is_none() {
            claimed.clone_from(&according);
        }
        if modality != Modality::Threatened {
            let hypo = chain.iter().any(|w| is(words::HYPO, w))
                || (s.conditional(m.head)
                    && !matches!(
                        own_ctl.map(|c| c.kind),
                        Some(Control::Say | Control::Report)
                    ));
            let planned = chain.iter().any(|w| is(words::PLAN, w));
            modality = if anc.iter().any(|c| c.kind == Control::Deny) {
                Modality::Denied
            } else if hypo {
                Modality::Hypothetical
            } else if anc.first().is_some_and(|c| c.kind == Control::Demand) {
                Modality::Demanded
            } else if planned
                || anc
                    .first()
                    .is_some_and(|c| matches!(c.kind, Control::Plan | Control::Agree))
            {
                Modality::Planned
            } else if claimed.is_some() && own_ctl.is_none_or(|c| !matches!(c.kind, Control::Say)) {
                Modality::Reported
            } else {
                Modality::Asserted
            };
        }
        if let Some(v) = support {
            let w = s.w(v);
            if lex.form_of(w, "deny") {
                modality = Modality::Denied;
            }
        }

        // Controlled infinitives: "X plans to host Y", "X threatened to ...": X is the subject.
        if sources.is_empty() && source_pron.is_none() && !passive && !m.nominal {
            let (j, chain) = s.aux_chain(m.head);
            let infinitive = chain.contains(&"to") || (j > 0 && s.w(j - 1) == "to");
            if let Some(c) = anc.first() {
                let subject_control = matches!(
                    c.kind,
                    Control::Plan
                        | Control::Agree
                        | Control::Threat
                        | Control::Refuse
                        | Control::Deny
                );
                if (infinitive || j == c.lo) && subject_control && !c.subject.mentions.is_empty() {
                    sources.clone_from(&c.subject.mentions);
                    rule.push_str(" +control-subject");
                }
            }
        }
        // Pronoun subjects: he/she → last person; it/they inside a complement → the governing subject.
        if sources.is_empty() {
            if let Some(p) = source_pron.take() {
                let w = s.w(p);
                if is(words::PERSON_PRON, w) {
                    if let Some(a) = recent_person {
                        if let Some(mi) = s
                            .doc
                            .actors
                            .get(a as usize)
                            .and_then(|ac| ac.mentions.first())
                        {
                            sources.push(*mi);
                            rule.push_str(" +pronoun");
                            confidence *= 0.8;
                        }
                    }
                } else if let Some(c) = anc
                    .first()
                    .or_else(|| parent(m.head, k).as_ref().map(|_| &anc[0]))
                {
                    if !c.subject.mentions.is_empty() {
                        sources.clone_from(&c.subject.mentions);
                        rule.push_str(" +pronoun");
                        confidence *= 0.8;
                    }
                }
                if sources.is_empty() {
                    source_pron = Some(p);
                }
            }
        }

        // Location: to the right, else to the left in the clause.
        let location = right.location.or_else(|| s.left_location(m.head));
        if e.loc2target && targets.is_empty() {
            if let Some(Loc::Mention(lm)) = location {
                let src_c = sources.first().and_then(|&x| s.country_of(x));
                // A trip's place is where it goes ("travelled to Mosul"), not where it passed
                // ("soldiers travelling in a convoy in Mosul").
                let destination = !e.place_to || s.goes_to(s.mention_start_local(lm));
                if destination
                    && s.is_actor(lm)
                    && s.country_of(lm).is_some()
                    && s.country_of(lm) != src_c
                {
                    targets.push(lm);
                    rule.push_str(" +place→target");
                }
            }
        }
        // Anaphora to the last agreement: "the legislation", "The treaty was signed".
        let definite = |t: usize| {
            (t.saturating_sub(4)..t)
                .any(|d| matches!(s.w(d), "the" | "this" | "that" | "its" | "their"))
        };
        let consumed_agreement: Vec<usize> = m
            .tokens
            .iter()
            .copied()
            .filter(|&t| is(words::AGREEMENT, s.w(t)))
            .collect();
        let subj_agreement: Vec<usize> = subj
            .region
            .map(|(a, b)| (a..b).filter(|&t| is(words::AGREEMENT, s.w(t))).collect())
            .unwrap_or_default();
        let agreement_def = right.agreement
            || consumed_agreement.iter().any(|&t| definite(t))
            || subj_agreement.iter().any(|&t| definite(t));
        let agreement_here =
            right.agreement_any || !consumed_agreement.is_empty() || !subj_agreement.is_empty();
        if agreement_def && targets.is_empty() && !sources.is_empty() {
            if let Some((pa, pb)) = state.agreement {
                let sc = sources
                    .first()
                    .and_then(|&x| s.country_of(x))
                    .map(str::to_owned);
                let other = [pa, pb].into_iter().find(|&x| {
                    s.country_of(x).map(str::to_owned) != sc && s.country_of(x).is_some()
                });
                if let Some(o) = other {
                    targets.push(o);
                    rule.push_str(" +agreement-anaphora");
                    confidence *= 0.8;
                }
            }
        }
        if agreement_here && !targets.is_empty() && !sources.is_empty() {
            state.agreement = Some((sources[0], targets[0]));
        }

        if sources.is_empty() && targets.is_empty() {
            continue;
        }
        // "an earthquake killed 500 people", "aftershocks to strike Chile": nature, no actor.
        if sources.is_empty() && !m.nominal && s.natural_cause(m.head) {
            continue;
        }
        // Vague single-word triggers ("said", "help", "support") are events only with a target.
        let vague = e.need_target || (e.literals() == 1 && e.confidence < 0.55);
        if vague && targets.is_empty() && !(e.sym && sources.len() >= 2) {
            continue;
        }
        if targets.is_empty() {
            confidence *= 0.9;
            // "fired a rocket into space": with nobody on the receiving end, another code.
            // An aim that is no actor still counts ("fired a missile at a car"); only a launch
            // aimed at nothing, or into space or the sea, takes the other code.
            if let Some(nt) = e
                .no_target_code
                .as_ref()
                .filter(|_| !s.aimed_at_something(m.head, &e.preps))
            {
                rule.push_str(&format!(" +notarget→{nt}"));
                code.clone_from(nt);
            }
        }
        if sources.is_empty() {
            confidence *= 0.8;
        }
        let _ = source_pron;
        let _ = end;
        protos.push(Proto {
            m: k,
            code,
            sources,
            source_pron: None,
            targets,
            location,
            modality,
            negated,
            claimed,
            rule,
            confidence,
            sym: e.sym || compound,
            reverse: e.reverse.clone(),
        });
    }

    // Expand into events: one per (source, target) pair; reciprocal both ways.
    protos.sort_by_key(|p| matches[p.m].head);
    for p in protos {
        let m = &matches[p.m];
        let first = m.tokens.first().copied().unwrap_or(m.head);
        let last = m.tokens.last().copied().unwrap_or(m.head);
        let trigger = if last - first <= 6 {
            s.span(first, last + 1)
        } else {
            s.span(m.head, m.head + 1)
        };
        let (clo, chi) = s.clause(m.head, dates);
        let date = dates
            .iter()
            .filter(|(t, _)| *t >= clo && *t < chi)
            .min_by_key(|(t, _)| t.abs_diff(m.head))
            .map(|&(_, d)| d);
        let (location, location_country) = match p.location {
            Some(Loc::Mention(lm)) => (
                Some(s.doc.mentions[lm as usize].span),
                s.country_of(lm).map(str::to_owned),
            ),
            Some(Loc::Span(a, b)) => (Some(s.span(a, b)), None),
            None => (None, None),
        };
        let mut pairs: Vec<(Option<u32>, Option<u32>, bool)> = Vec::new();
        if p.sym && p.targets.is_empty() && p.sources.len() >= 2 {
            for &a in &p.sources {
                for &b in &p.sources {
                    if a != b {
                        pairs.push((Some(a), Some(b), true));
                    }
                }
            }
        } else if p.sym && p.sources.is_empty() && p.targets.len() >= 2 {
            for &a in &p.targets {
                for &b in &p.targets {
                    if a != b {
                        pairs.push((Some(a), Some(b), true));
                    }
                }
            }
        } else {
            let srcs: Vec<Option<u32>> = if p.sources.is_empty() {
                vec![None]
            } else {
                p.sources.iter().map(|&x| Some(x)).collect()
            };
            let tgts: Vec<Option<u32>> = if p.targets.is_empty() {
                vec![None]
            } else {
                p.targets.iter().map(|&x| Some(x)).collect()
            };
            for &a in &srcs {
                for &b in &tgts {
                    let same = match (a, b) {
                        (Some(x), Some(y)) => {
                            (s.actor_of(x).is_some() && s.actor_of(x) == s.actor_of(y))
                                || s.arg(x).code.is_some_and(|c| Some(c) == s.arg(y).code)
                        }
                        _ => false,
                    };
                    if !same {
                        pairs.push((a, b, false));
                    }
                }
            }
        }
        let _ = p.source_pron;
        // `[032:033]`: each (source, target) pair also gives the reverse event.
        let mut coded: Vec<(Option<u32>, Option<u32>, bool, String)> = Vec::new();
        for (a, b, recip) in pairs {
            coded.push((a, b, recip, p.code.clone()));
            if let (Some(rc), Some(_), Some(_), false) = (&p.reverse, a, b, recip) {
                coded.push((b, a, false, rc.clone()));
            }
        }
        for (a, b, recip, code) in coded {
            let mut rule = p.rule.clone();
            if recip {
                rule.push_str(" +reciprocal");
            }
            out.push(Event {
                trigger,
                sentence: u32::try_from(s.index).unwrap_or(u32::MAX),
                cameo: code,
                source: a.map(|x| s.arg(x)),
                target: b.map(|x| s.arg(x)),
                date,
                date_is_fallback: false,
                location,
                location_country: location_country.clone(),
                lat: None,
                lon: None,
                modality: p.modality,
                negated: p.negated,
                claimed_by: p.claimed.map(|c| c.0),
                claimed_by_actor: p.claimed.and_then(|c| c.1),
                rule,
                confidence: p.confidence.clamp(0.05, 1.0),
            });
        }
    }

    // Remember the last person actor for "he"/"she" in later sentences.
    for t in 0..s.n() {
        if let Some(mi) = s.mention_start(t) {
            let mm = &s.doc.mentions[mi as usize];
            if let Some(a) = mm.actor {
                if s.doc
                    .actors
                    .get(a as usize)
                    .is_some_and(|ac| ac.kind == Some(ActorKind::Person))
                {
                    state.last_person = Some((a, s.index));
                }
            }
        }
    }
}

/// The code of a threat from the code of what is threatened.
fn threat_code(own: &str, child: &str) -> String {
    if own.len() > 3 || (own != "130" && own.starts_with("13")) {
        return own.to_owned();
    }
    let root = child.get(..2).unwrap_or("");
    match root {
        "18" | "19" | "20" => "138",
        "16" if child.starts_with("162") => "1311",
        "16" if child.starts_with("163") => "1312",
        "16" => "1313",
        "17" => "132",
        "14" => "133",
        _ => own,
    }
    .to_owned()
}

/// The code of a refusal from the refused action.
fn refusal_code(own: &str, child: &str, child_entry: &Entry, child_word: &str) -> String {
    if own != "120" {
        return own.to_owned();
    }
    let root = child.get(..2).unwrap_or("");
    let _ = child_word;
    if child == "010" && child_entry.neg_code.as_deref() == Some("011") {
        return "011".to_owned();
    }
    match root {
        "04" => "125",
        "05" | "03" | "06" => "121",
        "07" => "122",
        "08" if child.starts_with("084") => "1243",
        "08" => "124",
        "01" => "011",
        _ => own,
    }
    .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn threat_codes_follow_the_threatened_act() {
        let cases = [
            ("130", "190", "138"),
            ("130", "195", "138"),
            ("130", "163", "1312"),
            ("130", "1621", "1311"),
            ("130", "161", "1313"),
            ("130", "173", "132"),
            ("130", "072", "130"),
            ("1312", "190", "1312"),
        ];
        for (own, child, want) in cases {
            assert_eq!(threat_code(own, child), want, "{own} + {child}");
        }
    }

    #[test]
    fn lowercasing_straightens_quotes() {
        assert_eq!(lower("Russia’s"), "russia's");
        assert_eq!(lower("“"), "\"");
        assert_eq!(lower("ÉTAT"), "état");
    }
}
