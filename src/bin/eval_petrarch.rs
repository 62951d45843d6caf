//! Runs the PETRARCH unit suite (`PETR.UnitTest.records.xml`, raw `<Text>`) through the events
//! coder with the suite's verb dictionary and reports, per category, the share of expected
//! codings found and the number of extra codings.
//!
//! ```text
//! cargo run --release --bin eval_petrarch [-- --extend] [--verbose] [--pipeline] [--monadic] [DIR]
//! ```
//!
//! Like PETRARCH, only dyadic codings count (events with both a source and a target actor);
//! `--monadic` also scores events with one side missing.
//!
//! `DIR` defaults to `<shared>/data/events/petrarch_unit_tests`. By default the suite's verbs
//! replace the built-in lexicon (their codes are the suite's own); `--extend` adds them to it.
//! Documents are prepared here (a small tokeniser and a TABARI actor/agent matcher reading
//! `PETR.Validate.{actors,agents}.txt`) so that the events stage is measured on its own;
//! `--pipeline` instead runs the full `Pipeline` with those dictionaries in `Config`. The
//! matcher follows the TABARI conventions: `_` joins adjacent words while a space lets up to two
//! other words in (`ITHILEN TELEVISION`), joint codes (`[FRO/BIL/SAM]`) give one event per
//! code, agents attach to the actor before them or after `of`/`in`/`from` (shared by conjoined
//! agents), and "former" turns the agent into `ELI` (TABARI's FORMER conversion).
//! `--udpipe` takes the tag layer from the suite's UD parses; `--debug=ID` prints one record's
//! mentions and events.

use std::collections::{BTreeMap, HashMap};
use std::process::ExitCode;

use eventframe::document::{
    Actor, ActorKind, Document, EntityLabel, Mention, Sentence, Span, Token, TokenKind,
};
use eventframe::events::{code_document_with, petrarch, Lexicon};
use eventframe::pipeline::{Config, DictionaryMode, Input, Pipeline};

struct Record {
    id: String,
    category: String,
    date: u32,
    text: String,
    expected: Vec<(String, String, String)>,
}

/// The value of attribute `name` in an XML start tag (`name="v"`, `name = 'v'`).
fn attr(tag: &str, name: &str) -> Option<String> {
    let mut from = 0;
    let rest = loop {
        let i = from + tag.get(from..)?.find(name)?;
        from = i + name.len();
        let before_ok = i == 0 || tag[..i].ends_with(char::is_whitespace);
        let after = tag[from..].trim_start();
        if before_ok {
            if let Some(r) = after.strip_prefix('=') {
                break r.trim_start();
            }
        }
    };
    let q = rest.chars().next()?;
    if q != '"' && q != '\'' {
        return None;
    }
    let body = &rest[1..];
    let j = body.find(q)?;
    Some(body[..j].to_owned())
}

/// Resolves the five predefined XML entities.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn records(xml: &str) -> Vec<Record> {
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(i) = rest.find("<Sentence ") {
        let after = &rest[i..];
        let Some(end) = after.find("</Sentence>") else {
            break;
        };
        let block = &after[..end];
        rest = &after[end..];
        let open_end = block.find('>').unwrap_or(block.len());
        let open = &block[..open_end];
        let text = block
            .split_once("<Text>")
            .and_then(|(_, t)| t.split_once("</Text>"))
            .map(|(t, _)| unescape(&t.split_whitespace().collect::<Vec<_>>().join(" ")))
            .unwrap_or_default();
        let mut expected = Vec::new();
        let mut r = block;
        while let Some(k) = r.find("<EventCoding ") {
            let tag_end = r[k..].find('>').map_or(r.len(), |e| k + e);
            let tag = &r[k..tag_end];
            if let (Some(s), Some(t), Some(e)) = (
                attr(tag, "sourcecode"),
                attr(tag, "targetcode"),
                attr(tag, "eventcode"),
            ) {
                expected.push((s, t, e));
            }
            r = &r[tag_end..];
        }
        out.push(Record {
            id: attr(open, "id").unwrap_or_default(),
            category: attr(open, "category").unwrap_or_default(),
            date: attr(open, "date").and_then(|d| d.parse().ok()).unwrap_or(0),
            text,
            expected,
        });
    }
    out
}

/// Splits text into word, number and punctuation tokens; `'s` is its own token.
fn tokens(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |k: usize| chars.get(k).map_or(text.len(), |c| c.0);
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let (start, c) = chars[k];
        let mut j = k + 1;
        // `Dol_Amroth`: underscores join words in PETRARCH input; they are spaces here.
        let kind = if c.is_whitespace() || c == '_' {
            k += 1;
            continue;
        } else if c.is_alphanumeric() {
            while j < chars.len() {
                let d = chars[j].1;
                let joiner = matches!(d, '-' | '.' | ',')
                    && chars.get(j + 1).is_some_and(|n| n.1.is_alphanumeric());
                if d.is_alphanumeric() || (joiner && (d != ',' || c.is_ascii_digit())) {
                    j += 1;
                } else {
                    break;
                }
            }
            // "U.S.", "K.U.": initials keep their final stop.
            let run = &text[start..end_of(j)];
            if chars.get(j).is_some_and(|c| c.1 == '.')
                && run.contains('.')
                && run.split('.').all(|p| p.chars().count() <= 2)
            {
                j += 1;
            }
            // "didn't" → "did" "n't", "won't" → "wo" "n't", as the text stage (and Treebank).
            let negated = j > k + 1
                && chars[j - 1].1 == 'n'
                && chars.get(j).is_some_and(|c| matches!(c.1, '\'' | '’'))
                && chars.get(j + 1).is_some_and(|c| c.1 == 't')
                && chars.get(j + 2).is_none_or(|c| !c.1.is_alphanumeric());
            if negated {
                out.push(Token {
                    span: Span::new(start, chars[j - 1].0),
                    kind: TokenKind::Word,
                    space_after: false,
                    ..Token::default()
                });
                out.push(Token {
                    span: Span::new(chars[j - 1].0, end_of(j + 2)),
                    kind: TokenKind::Word,
                    space_after: true,
                    ..Token::default()
                });
                k = j + 2;
                continue;
            }
            if c.is_ascii_digit() {
                TokenKind::Number
            } else {
                TokenKind::Word
            }
        } else if matches!(c, '\'' | '’') && chars.get(k + 1).is_some_and(|n| n.1 == 's') {
            j = k + 2;
            TokenKind::Word
        } else {
            TokenKind::Punct
        };
        out.push(Token {
            span: Span::new(start, end_of(j)),
            kind,
            space_after: true,
            ..Token::default()
        });
        k = j;
    }
    out
}

/// A TABARI actor or agent entry.
struct DictEntry {
    /// (code, valid from, valid until) as YYYYMMDD; 0 = open.
    codes: Vec<(String, u32, u32)>,
    agent: bool,
}

fn ymd(s: &str) -> u32 {
    let s = s.trim();
    let v: u32 = s.parse().unwrap_or(0);
    match s.len() {
        6 => {
            let yy = v / 10_000;
            (if yy >= 30 { 1900 + yy } else { 2000 + yy }) * 10_000 + v % 10_000
        }
        _ => v,
    }
}

fn parse_code(inner: &str) -> Option<(String, u32, u32)> {
    let inner = inner.trim();
    let (code, restr) = inner
        .split_once(char::is_whitespace)
        .map_or((inner, ""), |(a, b)| (a, b.trim()));
    let (code, restr) = if let Some((a, b)) = code.split_once('<').or_else(|| code.split_once('>'))
    {
        (
            a,
            if code.contains('<') {
                format!("<{b}{restr}")
            } else {
                format!(">{b}{restr}")
            },
        )
    } else {
        (code, restr.to_owned())
    };
    // `[FRO/BIL/SAM]`: several actors at once; kept joined, the coder gives each its event.
    let code = code.trim().trim_matches('/').to_uppercase();
    if code.is_empty() || code.contains("---") || code.contains("+++") || code.contains("###") {
        return None;
    }
    let r = restr.replace(' ', "");
    let (from, until) = if let Some(d) = r.strip_prefix('<') {
        (0, ymd(d))
    } else if let Some(d) = r.strip_prefix('>') {
        (ymd(d), 0)
    } else if let Some((a, b)) = r.split_once('-') {
        (ymd(a), ymd(b))
    } else {
        (0, 0)
    };
    Some((code, from, until))
}

/// The regular English plural of a lowercase noun.
fn plural_of(w: &str) -> String {
    let b = w.as_bytes();
    let consonant_y = w.ends_with('y')
        && b.len() >= 2
        && !matches!(b[b.len() - 2], b'a' | b'e' | b'i' | b'o' | b'u');
    if consonant_y {
        format!("{}ies", &w[..w.len() - 1])
    } else if w.ends_with('s')
        || w.ends_with('x')
        || w.ends_with('z')
        || w.ends_with("ch")
        || w.ends_with("sh")
    {
        format!("{w}es")
    } else {
        format!("{w}s")
    }
}

/// Phrase → entry, indexed by first word.
#[derive(Default)]
struct Dict {
    entries: Vec<DictEntry>,
    phrases: HashMap<String, Vec<(Phrase, usize)>>,
}

/// A dictionary phrase: its words, and for each pair of neighbours whether they were written
/// with a space (TABARI: other words may come between) rather than `_` (adjacent).
#[derive(Clone)]
struct Phrase {
    words: Vec<String>,
    loose: Vec<bool>,
}

/// Most words allowed between two words of a phrase written with a space.
const MAX_PHRASE_GAP: usize = 2;

impl Phrase {
    fn parse(phrase: &str) -> Self {
        let mut words = Vec::new();
        let mut loose = Vec::new();
        let mut space = false;
        let mut cur = String::new();
        for c in phrase.chars() {
            if c == '_' || c == ' ' {
                if !cur.is_empty() {
                    words.push(std::mem::take(&mut cur).to_lowercase());
                    space = false;
                }
                space |= c == ' ';
            } else {
                if cur.is_empty() && !words.is_empty() {
                    loose.push(space);
                }
                cur.push(c);
            }
        }
        if !cur.is_empty() {
            words.push(cur.to_lowercase());
        }
        Self { words, loose }
    }

    /// End (exclusive) of a match starting at token `i` of `low`, or `None`.
    fn match_at(&self, low: &[String], i: usize) -> Option<usize> {
        let mut p = i;
        if low.get(p)? != self.words.first()? {
            return None;
        }
        for (d, w) in self.words.iter().enumerate().skip(1) {
            let reach = if self.loose[d - 1] { MAX_PHRASE_GAP } else { 0 };
            // Words in between are plain words ("Ithilen state-run television").
            let next = (p + 1..=p + 1 + reach)
                .take_while(|&q| q < low.len())
                .find(|&q| {
                    &low[q] == w
                        && low[p + 1..q]
                            .iter()
                            .all(|x| x.starts_with(|c: char| c.is_alphanumeric()))
                })?;
            p = next;
        }
        Some(p + 1)
    }
}

impl Dict {
    fn add_phrase(&mut self, phrase: &str, idx: usize, plural: bool) {
        let ph = Phrase::parse(phrase);
        let Some(first) = ph.words.first().cloned() else {
            return;
        };
        if plural && !phrase.ends_with('_') {
            let mut pl = ph.clone();
            if let Some(last) = pl.words.last_mut() {
                *last = plural_of(last);
            }
            // Keyed by its own first word: a one-word plural starts with the plural form.
            self.phrases
                .entry(pl.words[0].clone())
                .or_default()
                .push((pl, idx));
        }
        self.phrases.entry(first).or_default().push((ph, idx));
    }

    fn read(&mut self, text: &str, agents: bool) {
        let mut subst: HashMap<String, Vec<String>> = HashMap::new();
        let mut cur: Option<usize> = None;
        let mut pending: Vec<String> = Vec::new();
        for raw in text.lines() {
            if raw.trim_start().starts_with('<') {
                continue;
            }
            let line = raw.split('#').next().unwrap_or("");
            let t = line.trim();
            if t.is_empty() {
                continue;
            }
            if agents && t.starts_with('!') && t.contains('=') {
                if let Some((k, v)) = t.split_once('=') {
                    subst.insert(
                        k.trim().to_owned(),
                        v.split(',').map(|x| x.trim().to_owned()).collect(),
                    );
                }
                continue;
            }
            let codes: Vec<(String, u32, u32)> = t
                .match_indices('[')
                .filter_map(|(i, _)| {
                    t[i + 1..]
                        .split_once(']')
                        .and_then(|(inner, _)| parse_code(inner))
                })
                .collect();
            if let Some(syn) = t.strip_prefix('+') {
                if let Some(c) = cur {
                    self.add_phrase(
                        syn.split(['[', '{']).next().unwrap_or("").trim(),
                        c,
                        !agents,
                    );
                }
                continue;
            }
            if line.starts_with(char::is_whitespace) || t.starts_with('[') {
                if let Some(c) = cur {
                    self.entries[c].codes.extend(codes);
                }
                continue;
            }
            let name = t.split(['[', '{']).next().unwrap_or("").trim().to_owned();
            let idx = self.entries.len();
            self.entries.push(DictEntry {
                codes,
                agent: agents,
            });
            cur = Some(idx);
            pending.clear();
            pending.push(name.clone());
            // `!PERSON!` substitutions in agent names.
            if let Some((key, alts)) = subst.iter().find(|(k, _)| name.contains(k.as_str())) {
                pending = alts.iter().map(|a| name.replace(key.as_str(), a)).collect();
            }
            let plural = !t.contains("{}");
            for p in &pending {
                self.add_phrase(p, idx, plural);
            }
            if let Some(forms) = t
                .split_once('{')
                .and_then(|(_, r)| r.split_once('}'))
                .map(|(f, _)| f.to_owned())
            {
                for f in forms.split_whitespace() {
                    self.add_phrase(f, idx, false);
                }
            }
        }
    }

    fn code_at(&self, idx: usize, date: u32) -> Option<String> {
        let e = &self.entries[idx];
        let dated = e.codes.iter().find(|(_, f, u)| {
            (*f != 0 || *u != 0) && (*f == 0 || date >= *f) && (*u == 0 || date <= *u)
        });
        dated
            .or_else(|| e.codes.iter().find(|(_, f, u)| *f == 0 && *u == 0))
            .map(|c| c.0.clone())
    }
}

/// Builds a coded-ready document: tokens, one sentence, actor mentions (agents merged with
/// the actor before them, after `of`/`in`/`from`, or standing alone).
fn prepare(text: &str, date: u32, dict: &Dict, parsed: Option<Vec<Token>>) -> Document {
    let mut doc = Document::new("r", text, None);
    doc.tokens = parsed.unwrap_or_else(|| tokens(text));
    let n = doc.tokens.len();
    if n == 0 {
        return doc;
    }
    doc.sentences.push(Sentence {
        span: Span::new(doc.tokens[0].span.start, doc.tokens[n - 1].span.end),
        token_start: 0,
        token_end: n as u32,
    });
    let low: Vec<String> = doc
        .tokens
        .iter()
        .map(|t| doc.slice(t.span).to_lowercase().replace('’', "'"))
        .collect();
    // Longest dictionary phrase at each position.
    let mut spans: Vec<(usize, usize, usize)> = Vec::new();
    let mut i = 0;
    while i < n {
        // Most words, then the tightest span.
        let best = dict.phrases.get(&low[i]).and_then(|cands| {
            cands
                .iter()
                .filter_map(|(ph, idx)| ph.match_at(&low, i).map(|end| (ph.words.len(), end, *idx)))
                .max_by_key(|&(len, end, _)| (len, std::cmp::Reverse(end)))
        });
        if let Some((_, end, idx)) = best {
            spans.push((i, end, idx));
            i = end;
        } else {
            i += 1;
        }
    }
    let mut used = vec![false; spans.len()];
    let mut mentions: Vec<(usize, usize, String)> = Vec::new();
    let is_agent = |k: usize| spans.get(k).is_some_and(|sp| dict.entries[sp.2].agent);
    let prefix_agent = |k: usize| {
        is_agent(k)
            && spans
                .get(k)
                .and_then(|sp| dict.code_at(sp.2, date))
                .is_some_and(|c| c.ends_with('~'))
    };
    // Words allowed between a possessor and its agent: "Ithilen's awful and evil minister";
    // between an actor and its agent, "former" ("Arnor former officials").
    let modifier_gap = |a: usize, b: usize| {
        (b == a + 1 && low[a] == "former")
            || (b > a
                && low[a] == "'s"
                && b - a <= 5
                && low[a + 1..b].iter().all(|w| {
                    w == "and" || (w.chars().all(|c| c.is_ascii_lowercase()) && w.len() > 2)
                }))
    };
    // TABARI's FORMER conversion: "former" before a phrase or its agent makes the agent `ELI`
    // ("former Gondor prosecutors" → GONELI).
    let former = |a: usize, b: usize| {
        (a > 0 && low[a - 1] == "former") || low[a..b].iter().any(|w| w == "former")
    };
    let agent_code = |idx: usize, ex: bool| {
        if ex {
            Some("~ELI".to_owned())
        } else {
            dict.code_at(idx, date)
        }
    };
    // The actors conjoined after span `first` ("Arnor, Osgiliath and Gondor"): index, token
    // range and code of each, up to the first agent, non-conjunction gap or uncoded span.
    let conjoined_after = |first: usize| -> Vec<(usize, usize, usize, String)> {
        let mut out = Vec::new();
        let mut end = spans[first].1;
        let mut j = first + 1;
        while let Some(&(sj, ej, aj)) = spans.get(j) {
            let gap = &low[end..sj];
            let conj = !gap.is_empty()
                && gap.len() <= 3
                && gap
                    .iter()
                    .all(|w| matches!(w.as_str(), "," | "and" | "the"));
            if is_agent(j) || !conj {
                break;
            }
            let Some(cj) = dict.code_at(aj, date) else {
                break;
            };
            out.push((j, sj, ej, cj));
            end = ej;
            j += 1;
        }
        out
    };
    // The actor codes an agent names after "of/in/from", conjoined ones included.
    let actors_of = |k: usize| -> Option<Vec<String>> {
        let (_, e, _) = spans[k];
        let &(s2, _, a2) = spans.get(k + 1)?;
        if dict.entries[a2].agent || s2 != e + 1 || !matches!(low[e].as_str(), "of" | "in" | "from")
        {
            return None;
        }
        let mut out = vec![dict.code_at(a2, date)?];
        out.extend(conjoined_after(k + 1).into_iter().map(|(_, _, _, c)| c));
        Some(out)
    };
    for k in 0..spans.len() {
        if used[k] {
            continue;
        }
        let (s, e, idx) = spans[k];
        let Some(code) = dict.code_at(idx, date) else {
            continue;
        };
        // A prefix agent right before an actor: "MSF Arnor" → NGOARN.
        if prefix_agent(k) && !is_agent(k + 1) {
            if let Some(&(s2, e2, a2)) = spans.get(k + 1).filter(|sp| sp.0 == e) {
                if let Some(ac) = dict.code_at(a2, date) {
                    used[k + 1] = true;
                    let mut c = combine(&ac, &code);
                    let mut end = e2;
                    // ... and a suffix agent after it: "an MSF Arnor diplomat".
                    if let Some(&(s3, e3, a3)) = spans.get(k + 2).filter(|sp| sp.0 == e2) {
                        if is_agent(k + 2) && !prefix_agent(k + 2) {
                            if let Some(c3) = dict.code_at(a3, date) {
                                used[k + 2] = true;
                                c = combine(&c, &c3);
                                end = e3;
                            }
                        }
                        let _ = s3;
                    }
                    let _ = s2;
                    mentions.push((s, end, c));
                    continue;
                }
            }
        }
        if !dict.entries[idx].agent {
            // An actor followed by its agent: "Gondor police", "Arnor's foreign minister".
            if let Some(&(s2, e2, a2)) = spans.get(k + 1) {
                if is_agent(k + 1) && !prefix_agent(k + 1) && (s2 == e || modifier_gap(e, s2)) {
                    if let Some(ac) = agent_code(a2, former(s, s2)) {
                        used[k + 1] = true;
                        mentions.push((s, e2, combine(&code, &ac)));
                        // More agents conjoined: "Danish media and government".
                        let mut j = k + 2;
                        let mut end = e2;
                        while let Some(&(sj, ej, aj)) = spans.get(j) {
                            if !(is_agent(j) && sj == end + 1 && low[end] == "and") {
                                break;
                            }
                            let Some(cj) = dict.code_at(aj, date) else {
                                break;
                            };
                            used[j] = true;
                            mentions.push((sj, ej, combine(&code, &cj)));
                            end = ej;
                            j += 1;
                        }
                        continue;
                    }
                }
            }
            mentions.push((s, e, code));
        } else {
            // An agent conjoined with a later one that names its actors shares them:
            // "Lawmakers and officials in Fornost and Gondor" (a joint code, one event each).
            let mut j = k;
            while spans.get(j + 1).is_some_and(|&(sj, _, _)| {
                is_agent(j + 1)
                    && sj == spans[j].1 + 1
                    && matches!(low[spans[j].1].as_str(), "and" | ",")
            }) {
                j += 1;
            }
            let shared = (j > k).then(|| actors_of(j)).flatten();
            if let Some(list) = shared {
                let lead = if former(s, s) {
                    "~ELI".to_owned()
                } else {
                    code.clone()
                };
                let joint: Vec<String> = list.iter().map(|a| combine(a, &lead)).collect();
                mentions.push((s, e, joint.join("/")));
                continue;
            }
            // An agent followed by "of/in/from" + actor: "ambassadors of Arnor, Osgiliath and
            // Gondor" gives each conjoined actor the agent.
            let next = spans.get(k + 1).filter(|&&(s2, _, a2)| {
                !dict.entries[a2].agent
                    && s2 == e + 1
                    && matches!(low[e].as_str(), "of" | "in" | "from")
            });
            let code = if former(s, s) {
                "~ELI".to_owned()
            } else {
                code
            };
            if let Some(&(_, e2, a2)) = next {
                if let Some(ac) = dict.code_at(a2, date) {
                    used[k + 1] = true;
                    mentions.push((s, e2, combine(&ac, &code)));
                    for (j, sj, ej, cj) in conjoined_after(k + 1) {
                        used[j] = true;
                        mentions.push((sj, ej, combine(&cj, &code)));
                    }
                    continue;
                }
            }
            // An agent of no known actor: PETRARCH writes `---GOV`.
            let lone = if let Some(suffix) = code.strip_prefix('~') {
                format!("---{suffix}")
            } else {
                code.replace('~', "")
            };
            mentions.push((s, e, lone));
        }
    }
    for (s, e, code) in mentions {
        let a = doc.actors.len() as u32;
        doc.actors.push(Actor {
            id: format!("petr:{code}"),
            name: doc
                .slice(Span::new(
                    doc.tokens[s].span.start,
                    doc.tokens[e - 1].span.end,
                ))
                .to_owned(),
            kind: Some(ActorKind::Country),
            country: Some(code.chars().take(3).collect()),
            code: Some(code),
            mentions: vec![doc.mentions.len() as u32],
            rule: "petrarch-dict",
            ..Actor::default()
        });
        doc.mentions.push(Mention {
            span: Span::new(doc.tokens[s].span.start, doc.tokens[e - 1].span.end),
            sentence: 0,
            token_start: s as u32,
            token_end: e as u32,
            label: EntityLabel::Gpe,
            score: 1.0,
            actor: Some(a),
            rule: "petrarch-dict",
        });
    }
    doc
}

/// id → (text, CoNLL-U rows) from the UD-parsed copy of the suite.
fn conllu_records(xml: &str) -> HashMap<String, (String, Vec<String>)> {
    let mut out = HashMap::new();
    let mut rest = xml;
    while let Some(i) = rest.find("<Sentence ") {
        let after = &rest[i..];
        let Some(end) = after.find("</Sentence>") else {
            break;
        };
        let block = &after[..end];
        rest = &after[end..];
        let open = &block[..block.find('>').unwrap_or(block.len())];
        let Some(id) = attr(open, "id") else { continue };
        let text = block
            .split_once("<Text>")
            .and_then(|(_, t)| t.split_once("</Text>"))
            .map(|(t, _)| unescape(&t.split_whitespace().collect::<Vec<_>>().join(" ")))
            .unwrap_or_default();
        let rows: Vec<String> = block
            .split_once("<Parse>")
            .and_then(|(_, t)| t.split_once("</Parse>"))
            .map(|(p, _)| {
                p.lines()
                    .filter(|l| l.split('\t').count() >= 8)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        out.insert(id, (text, rows));
    }
    out
}

/// A label as a `&'static str` (the token layer stores static tags); unknown labels are
/// interned once.
fn intern(s: &str) -> &'static str {
    use std::sync::{Mutex, OnceLock};
    static SEEN: OnceLock<Mutex<HashMap<String, &'static str>>> = OnceLock::new();
    let map = SEEN.get_or_init(|| Mutex::new(HashMap::new()));
    let Ok(mut m) = map.lock() else { return "" };
    if let Some(v) = m.get(s) {
        return v;
    }
    let v: &'static str = Box::leak(s.to_owned().into_boxed_str());
    m.insert(s.to_owned(), v);
    v
}

/// Tokens with tags and tree from CoNLL-U rows whose forms are found in order in `text`;
/// `None` when a form cannot be placed.
fn conllu_tokens(text: &str, rows: &[String]) -> Option<Vec<Token>> {
    let mut toks = Vec::new();
    let mut pos = 0;
    for row in rows {
        let f: Vec<&str> = row.split('\t').collect();
        if f[0].contains(['-', '.']) {
            continue;
        }
        let form = f[1];
        let at = pos + text.get(pos..)?.find(form)?;
        pos = at + form.len();
        let head: Option<u32> = f[6].parse::<u32>().ok().filter(|&h| h > 0).map(|h| h - 1);
        let kind = if form.chars().all(|c| !c.is_alphanumeric()) {
            TokenKind::Punct
        } else {
            TokenKind::Word
        };
        toks.push(Token {
            span: Span::new(at, pos),
            kind,
            upos: intern(f[3]),
            xpos: intern(f[4]),
            lemma: Some(f[2].to_owned()),
            head,
            deprel: intern(f[7]),
            space_after: true,
            ..Token::default()
        });
    }
    Some(toks)
}

/// Actor code plus agent pattern: `~GOV` appends, `NGO~` prepends; a joint code
/// (`FRO/BIL`) gets the agent on each part.
fn combine(actor: &str, agent: &str) -> String {
    if actor.contains('/') {
        return actor
            .split('/')
            .map(|a| combine(a, agent))
            .collect::<Vec<_>>()
            .join("/");
    }
    if let Some(suffix) = agent.strip_prefix('~') {
        if actor.ends_with(suffix) {
            actor.to_owned()
        } else {
            format!("{actor}{suffix}")
        }
    } else if let Some(prefix) = agent.strip_suffix('~') {
        format!("{prefix}{actor}")
    } else {
        format!("{actor}{agent}")
    }
}

/// Extra codings as a share of the expected and of the predicted ones.
fn extra_pcts(row: &[usize; 5]) -> (f64, f64) {
    (
        100.0 * row[3] as f64 / row[0].max(1) as f64,
        100.0 * row[3] as f64 / row[2].max(1) as f64,
    )
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |f: &str| args.iter().any(|a| a == f);
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(std::path::PathBuf::from)
        .or_else(|| {
            eventframe::events::shared_dir().map(|d| d.join("data/events/petrarch_unit_tests"))
        });
    let Some(dir) = dir.filter(|d| d.is_dir()) else {
        eprintln!("error: PETRARCH unit-test folder not found\nhint: pass it as an argument or set EVENTFRAME_SHARED");
        return ExitCode::FAILURE;
    };
    let read = |f: &str| std::fs::read_to_string(dir.join(f));
    let (Ok(xml), Ok(verbs), Ok(actors), Ok(agents)) = (
        read("PETR.UnitTest.records.xml"),
        read("PETR.Validate.verbs.txt"),
        read("PETR.Validate.actors.txt"),
        read("PETR.Validate.agents.txt"),
    ) else {
        eprintln!(
            "error: could not read the suite files in `{}`",
            dir.display()
        );
        return ExitCode::FAILURE;
    };
    let mut lex = if flag("--extend") {
        Lexicon::builtin().clone()
    } else {
        Lexicon::controls_only()
    };
    let stats = match petrarch::extend(&mut lex, &verbs) {
        Ok(s) => s,
        Err(e) => {
            eprintln!(
                "error: PETR.Validate.verbs.txt line {}: {}",
                e.line, e.message
            );
            return ExitCode::FAILURE;
        }
    };
    if let Ok(discards) = read("PETR.Validate.discards.txt") {
        lex.add_discards(&discards);
    }
    let mut dict = Dict::default();
    dict.read(&actors, false);
    dict.read(&agents, true);
    let recs = records(&xml);
    let pipeline = flag("--pipeline").then(|| {
        let p = |f: &str| dir.join(f).to_string_lossy().into_owned();
        Pipeline::new(Config {
            n_threads: Some(1),
            actors: vec![p("PETR.Validate.actors.txt")],
            agents: vec![p("PETR.Validate.agents.txt")],
            verbs: vec![p("PETR.Validate.verbs.txt")],
            mode: DictionaryMode::Replace,
            ..Config::default()
        })
    });
    let pipeline = match pipeline.transpose() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    // `--udpipe`: the suite's UD parses (same ids and texts) give the tag layer.
    let parses: HashMap<String, (String, Vec<String>)> = if flag("--udpipe") {
        read("PETR.UnitTest.records.udpipe2.xml")
            .map(|x| conllu_records(&x))
            .unwrap_or_default()
    } else {
        HashMap::new()
    };
    let mut n_parsed = 0usize;
    // category → (expected, found, predicted, extra, sentences)
    let mut per: BTreeMap<String, [usize; 5]> = BTreeMap::new();
    let t0 = std::time::Instant::now();
    for r in &recs {
        let doc = if let Some(p) = &pipeline {
            let date = format!(
                "{}-{:02}-{:02}",
                r.date / 10_000,
                r.date / 100 % 100,
                r.date % 100
            );
            let out = p.process_one(Input {
                doc_id: r.id.clone(),
                text: Some(r.text.clone()),
                published: Some(date),
                ..Input::default()
            });
            out.doc
        } else {
            let parsed = parses.get(&r.id).and_then(|(t, rows)| {
                (*t == r.text)
                    .then(|| conllu_tokens(&r.text, rows))
                    .flatten()
            });
            if parsed.is_some() {
                n_parsed += 1;
            }
            let mut d = prepare(&r.text, r.date, &dict, parsed);
            code_document_with(&mut d, &lex, |_, _| Vec::new());
            d
        };
        if args.iter().any(|a| a == &format!("--debug={}", r.id)) {
            println!("{} {}", r.id, r.text);
            for m in &doc.mentions {
                let code = m
                    .actor
                    .and_then(|a| doc.actors.get(a as usize))
                    .and_then(|a| a.code.clone());
                println!("  mention {:?} {:?}", doc.slice(m.span), code);
            }
            for e in &doc.events {
                println!(
                    "  event {} {:?} -> {:?} [{}]",
                    e.cameo,
                    e.source.as_ref().and_then(|x| x.code.clone()),
                    e.target.as_ref().and_then(|x| x.code.clone()),
                    e.rule
                );
            }
        }
        let mut predicted: Vec<(String, String, String)> = doc
            .events
            .iter()
            .map(|e| {
                let code = |a: &Option<eventframe::document::EventArg>| {
                    a.as_ref().and_then(|x| x.code.clone()).unwrap_or_default()
                };
                (code(&e.source), code(&e.target), e.cameo.clone())
            })
            // PETRARCH writes dyadic events only: both a source and a target actor.
            .filter(|(s, t, _)| flag("--monadic") || (!s.is_empty() && !t.is_empty()))
            .collect();
        predicted.sort();
        predicted.dedup();
        let found = r.expected.iter().filter(|x| predicted.contains(x)).count();
        let extra = predicted.iter().filter(|x| !r.expected.contains(x)).count();
        let row = per.entry(r.category.clone()).or_default();
        row[0] += r.expected.len();
        row[1] += found;
        row[2] += predicted.len();
        row[3] += extra;
        row[4] += 1;
        if flag("--verbose") && (found < r.expected.len() || extra > 0) {
            println!(
                "{} {}\n  want {:?}\n  got  {:?}",
                r.id, r.text, r.expected, predicted
            );
        }
    }
    println!(
        "PETRARCH unit suite: {} sentences; verbs: {} verbs, {} patterns, {} skipped lines; lexicon {}",
        recs.len(),
        stats.verbs,
        stats.patterns,
        stats.skipped,
        if flag("--extend") { "built-in + suite" } else { "suite only" }
    );
    if flag("--udpipe") {
        println!("with UD parses for {n_parsed} sentences");
    }
    println!(
        "{:<10} {:>5} {:>9} {:>6} {:>9} {:>6} {:>8} {:>8}",
        "category", "sents", "expected", "found", "found %", "extra", "x/exp %", "x/pred %"
    );
    let mut tot = [0usize; 5];
    for (cat, row) in &per {
        for k in 0..5 {
            tot[k] += row[k];
        }
        let pct = 100.0 * row[1] as f64 / row[0].max(1) as f64;
        let (xe, xp) = extra_pcts(row);
        println!(
            "{cat:<10} {:>5} {:>9} {:>6} {pct:>8.1}% {:>6} {xe:>7.1}% {xp:>7.1}%",
            row[4], row[0], row[1], row[3]
        );
    }
    let pct = 100.0 * tot[1] as f64 / tot[0].max(1) as f64;
    let (xe, xp) = extra_pcts(&tot);
    println!(
        "{:<10} {:>5} {:>9} {:>6} {pct:>8.1}% {:>6} {xe:>7.1}% {xp:>7.1}%",
        "ALL", tot[4], tot[0], tot[1], tot[3]
    );
    println!("time: {:.3} s", t0.elapsed().as_secs_f64());
    ExitCode::SUCCESS
}
