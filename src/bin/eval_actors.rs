//! Evaluates the `mentions` + `actors` stages.
//!
//! 1. GUM news (`ner/gum_news/*.conllu`): named entities of type person, organization and place
//!    with a Wikipedia identity in MISC `Entity=` and a proper noun inside (pronouns and common-noun
//!    coreferent mentions are left out; a trailing possessive is dropped). Mentions match when they end on the same
//!    token and overlap; a typed match also needs PERSON↔person, ORG↔organization,
//!    GPE/LOC/FAC↔place (GPE also ↔ organization: GUM types a country acting as a team or a
//!    government as an organization). Actor level: a gold identity is found when one of its mentions is matched by
//!    a mention of a predicted actor; a predicted (named) actor is correct when any of its
//!    mentions matches a gold identity.
//! 2. PETRARCH unit records of the DATE and ACTOR categories, coded with the validation
//!    dictionaries in `replace` mode: recall of the expected source/target codes among the codes
//!    of the resolved actors at the record's date.
//!
//! Usage: `cargo run --release --bin eval_actors [-- --pos] [--phoenix]` (`--pos` gives the
//! stages the gold UPOS tags, as the `tag` stage would; `--phoenix` adds the Phoenix
//! dictionaries in `extend` mode for the GUM run).

use eventframe::shared::shared_dir;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use eventframe::date::Date;
use eventframe::document::{Document, EntityLabel, Sentence, Span, Token, TokenKind};
use eventframe::knowledge::Knowledge;
use eventframe::pipeline::{Config, DictionaryMode, Stage};

fn upos_static(s: &str) -> &'static str {
    const TAGS: &[&str] = &[
        "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
        "PUNCT", "SCONJ", "SYM", "VERB", "X",
    ];
    TAGS.iter().find(|t| **t == s).copied().unwrap_or("")
}

/// A gold entity: token range (document token indices), type, identity.
struct Gold {
    start: usize,
    end: usize,
    kind: String,
    identity: String,
}

/// Builds a document from a CoNLL-U file and reads its named entities.
fn read_conllu(path: &Path, pos: bool) -> Option<(Document, Vec<Gold>)> {
    let text = std::fs::read_to_string(path).ok()?;
    let mut doc = Document::new(path.display().to_string(), String::new(), None);
    let mut gold = Vec::new();
    let mut open: HashMap<String, Vec<(usize, String, String)>> = HashMap::new();
    let mut sent_start_tok = 0usize;
    let mut sent_start_byte = 0usize;
    let mut sentence = 0u32;
    let mut body = String::new();
    let mut in_sentence = false;
    let mut propn: Vec<bool> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if in_sentence {
                doc.sentences.push(Sentence {
                    span: Span::new(sent_start_byte, body.trim_end().len()),
                    token_start: u32::try_from(sent_start_tok).unwrap_or(0),
                    token_end: u32::try_from(doc.tokens.len()).unwrap_or(0),
                });
                sentence += 1;
                if !body.ends_with(' ') {
                    body.push(' ');
                }
                in_sentence = false;
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 10 || f[0].contains('-') || f[0].contains('.') {
            continue;
        }
        if !in_sentence {
            in_sentence = true;
            sent_start_tok = doc.tokens.len();
            sent_start_byte = body.len();
        }
        let start = body.len();
        body.push_str(f[1]);
        let end = body.len();
        let space_after = !f[9].contains("SpaceAfter=No");
        if space_after {
            body.push(' ');
        }
        let ti = doc.tokens.len();
        propn.push(f[3] == "PROPN");
        let kind = if f[1].chars().all(char::is_alphabetic) || f[1].chars().any(char::is_alphabetic)
        {
            TokenKind::Word
        } else if f[1].chars().any(|c| c.is_ascii_digit()) {
            TokenKind::Number
        } else {
            TokenKind::Punct
        };
        doc.tokens.push(Token {
            span: Span::new(start, end),
            sentence,
            kind,
            space_after,
            upos: if pos { upos_static(f[3]) } else { "" },
            ..Token::default()
        });
        if let Some(ent) = f[9].split('|').find_map(|x| x.strip_prefix("Entity=")) {
            // Openings "(id-type-...-identity" and closings "id)".
            let mut rest = ent;
            while !rest.is_empty() {
                if let Some(r) = rest.strip_prefix('(') {
                    let stop = r.find(['(', ')']).unwrap_or(r.len());
                    let spec = &r[..stop];
                    let parts: Vec<&str> = spec.splitn(8, '-').collect();
                    let id = parts.first().copied().unwrap_or("").to_owned();
                    let ty = parts.get(1).copied().unwrap_or("").to_owned();
                    let identity = parts.get(7).copied().unwrap_or("").to_owned();
                    let closes_here = r[stop..].starts_with(')');
                    if closes_here {
                        if !identity.is_empty() {
                            gold.push(Gold {
                                start: ti,
                                end: ti + 1,
                                kind: ty,
                                identity,
                            });
                        }
                        rest = &r[stop + 1..];
                    } else {
                        open.entry(id).or_default().push((ti, ty, identity));
                        rest = &r[stop..];
                    }
                } else {
                    let stop = rest.find(['(', ')']).unwrap_or(rest.len());
                    let id = &rest[..stop];
                    if rest[stop..].starts_with(')') {
                        if let Some((s, ty, identity)) = open.get_mut(id).and_then(Vec::pop) {
                            if !identity.is_empty() {
                                gold.push(Gold {
                                    start: s,
                                    end: ti + 1,
                                    kind: ty,
                                    identity,
                                });
                            }
                        }
                        rest = &rest[stop + 1..];
                    } else {
                        rest = &rest[stop..];
                        if stop == 0 {
                            break;
                        }
                    }
                }
            }
        }
    }
    if in_sentence {
        doc.sentences.push(Sentence {
            span: Span::new(sent_start_byte, body.trim_end().len()),
            token_start: u32::try_from(sent_start_tok).unwrap_or(0),
            token_end: u32::try_from(doc.tokens.len()).unwrap_or(0),
        });
    }
    doc.text = body;
    gold.retain(|g| matches!(g.kind.as_str(), "person" | "organization" | "place"));
    // Named mentions only (a proper noun inside); a trailing possessive is not part of the name.
    gold.retain(|g| propn[g.start..g.end].iter().any(|&p| p));
    for g in &mut gold {
        while g.end > g.start + 1
            && matches!(
                doc.text
                    .get(doc.tokens[g.end - 1].span.start..doc.tokens[g.end - 1].span.end),
                Some("'s" | "'" | "’s")
            )
        {
            g.end -= 1;
        }
    }
    Some((doc, gold))
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

#[allow(clippy::cast_precision_loss)]
fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn type_ok(label: EntityLabel, kind: &str) -> bool {
    matches!(
        (label, kind),
        (EntityLabel::Person, "person")
            | (EntityLabel::Org, "organization")
            | (EntityLabel::Gpe | EntityLabel::Loc, "place")
    )
}

#[allow(clippy::too_many_lines)]
fn eval_gum(root: &Path, pos: bool, phoenix: bool) {
    let dir = root.join("data/ner/gum_news");
    let Ok(rd) = std::fs::read_dir(&dir) else {
        println!("GUM news: skipped ({} missing)", dir.display());
        return;
    };
    let mut files: Vec<PathBuf> = rd
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "conllu"))
        .collect();
    files.sort();
    let kb = if phoenix {
        let dir = root.join("data/events/dictionaries");
        Arc::new(Knowledge::load(&phoenix_config(&dir)).unwrap_or_else(|_| Knowledge::builtin()))
    } else {
        Arc::new(Knowledge::builtin())
    };
    let mentions = eventframe::mentions::Mentions::new(Arc::clone(&kb));
    let actors = eventframe::actors::Actors::new(Arc::clone(&kb));
    let (mut n_pred, mut n_gold, mut hit_pred, mut hit_gold, mut hit_typed) = (0, 0, 0, 0, 0);
    let (mut a_pred, mut a_pred_ok, mut a_gold, mut a_gold_ok) = (0, 0, 0, 0);
    let mut time = std::time::Duration::ZERO;
    let mut time_actors = std::time::Duration::ZERO;
    let mut tokens = 0usize;
    for f in &files {
        let Some((mut doc, gold)) = read_conllu(f, pos) else {
            continue;
        };
        tokens += doc.tokens.len();
        let t0 = std::time::Instant::now();
        if mentions.process(&mut doc).is_err() {
            continue;
        }
        let t1 = std::time::Instant::now();
        if actors.process(&mut doc).is_err() {
            continue;
        }
        time += t1 - t0;
        time_actors += t1.elapsed();
        let named: Vec<usize> = doc
            .mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| {
                matches!(
                    m.label,
                    EntityLabel::Person | EntityLabel::Org | EntityLabel::Gpe | EntityLabel::Loc
                )
            })
            .map(|(i, _)| i)
            .collect();
        let matches = |mi: usize, g: &Gold| {
            let m = &doc.mentions[mi];
            m.token_end as usize == g.end
                && (m.token_start as usize) < g.end
                && g.start < m.token_end as usize
        };
        n_pred += named.len();
        n_gold += gold.len();
        hit_pred += named
            .iter()
            .filter(|&&mi| gold.iter().any(|g| matches(mi, g)))
            .count();
        let dump = std::env::var("EVAL_DUMP").is_ok();
        for g in &gold {
            let gtext = doc
                .text
                .get(doc.tokens[g.start].span.start..doc.tokens[g.end - 1].span.end)
                .unwrap_or("");
            if let Some(&mi) = named.iter().find(|&&mi| matches(mi, g)) {
                hit_gold += 1;
                if type_ok(doc.mentions[mi].label, &g.kind) {
                    hit_typed += 1;
                } else if dump {
                    println!(
                        "TYPE {gtext:?} {} vs {}",
                        g.kind,
                        doc.mentions[mi].label.as_str()
                    );
                }
            } else if dump {
                println!("MISS {gtext:?} {} {}", g.kind, g.identity);
            }
        }
        if dump {
            for &mi in &named {
                if !gold.iter().any(|g| matches(mi, g)) {
                    println!(
                        "FP {:?} {} {}",
                        doc.slice(doc.mentions[mi].span),
                        doc.mentions[mi].label.as_str(),
                        doc.mentions[mi].rule
                    );
                }
            }
        }
        // Actor level.
        let identities: HashSet<&str> = gold.iter().map(|g| g.identity.as_str()).collect();
        a_gold += identities.len();
        let mut found: HashSet<&str> = HashSet::new();
        for (ai, a) in doc.actors.iter().enumerate() {
            let ms: Vec<usize> = named
                .iter()
                .copied()
                .filter(|&mi| doc.mentions[mi].actor == u32::try_from(ai).ok())
                .collect();
            if ms.is_empty() {
                continue;
            }
            let _ = a;
            a_pred += 1;
            let hit: Vec<&str> = gold
                .iter()
                .filter(|g| ms.iter().any(|&mi| matches(mi, g)))
                .map(|g| g.identity.as_str())
                .collect();
            if !hit.is_empty() {
                a_pred_ok += 1;
            }
            found.extend(hit);
        }
        a_gold_ok += found.len();
    }
    let (p, r) = (ratio(hit_pred, n_pred), ratio(hit_gold, n_gold));
    println!(
        "GUM news ({} docs, {tokens} tokens, POS {}): mentions P {:.3} R {:.3} F1 {:.3} | typed R {:.3} | gold {n_gold}, predicted {n_pred}",
        files.len(),
        if pos { "gold" } else { "none" },
        p,
        r,
        f1(p, r),
        ratio(hit_typed, n_gold)
    );
    let (p, r) = (ratio(a_pred_ok, a_pred), ratio(a_gold_ok, a_gold));
    println!("GUM news actors: P {:.3} R {:.3} F1 {:.3} | gold identities {a_gold}, predicted actors {a_pred}", p, r, f1(p, r));
    println!(
        "time: mentions {:.1} ms ({:.0} tokens/s), actors {:.1} ms ({:.0} tokens/s)",
        time.as_secs_f64() * 1e3,
        tokens as f64 / time.as_secs_f64().max(1e-9),
        time_actors.as_secs_f64() * 1e3,
        tokens as f64 / time_actors.as_secs_f64().max(1e-9)
    );
}

fn eval_petrarch(root: &Path) {
    let dir = root.join("data/events/petrarch_unit_tests");
    let Ok(xml) = std::fs::read_to_string(dir.join("PETR.UnitTest.records.xml")) else {
        println!("PETRARCH: skipped (records missing)");
        return;
    };
    let cfg = Config {
        actors: vec![dir.join("PETR.Validate.actors.txt").display().to_string()],
        agents: vec![dir.join("PETR.Validate.agents.txt").display().to_string()],
        mode: DictionaryMode::Replace,
        ..Config::default()
    };
    let Ok(kb) = Knowledge::load(&cfg) else {
        println!("PETRARCH: skipped (dictionaries unreadable)");
        return;
    };
    let kb = Arc::new(kb);
    let mentions = eventframe::mentions::Mentions::new(Arc::clone(&kb));
    let actors = eventframe::actors::Actors::new(Arc::clone(&kb));
    let (mut want, mut got, mut records) = (0usize, 0usize, 0usize);
    for rec in xml.split("<Sentence ").skip(1) {
        let attr = |name: &str, s: &str| -> Option<String> {
            let k = format!("{name}=\"");
            let a = s.find(&k)? + k.len();
            let b = s[a..].find('"')? + a;
            Some(s[a..b].to_owned())
        };
        let cat = attr("category", rec).unwrap_or_default();
        if cat != "DATE" && cat != "ACTOR" {
            continue;
        }
        let date = attr("date", rec).and_then(|d| {
            (d.len() == 8)
                .then(|| {
                    Date::new(
                        d[..4].parse().ok()?,
                        d[4..6].parse().ok()?,
                        d[6..8].parse().ok()?,
                    )
                })
                .flatten()
        });
        let Some(text) = rec
            .split("<Text>")
            .nth(1)
            .and_then(|t| t.split("</Text>").next())
        else {
            continue;
        };
        let mut doc = Document::new("p", text.trim(), date);
        simple_tokens(&mut doc);
        if mentions.process(&mut doc).is_err() || actors.process(&mut doc).is_err() {
            continue;
        }
        records += 1;
        let codes: Vec<&str> = doc
            .actors
            .iter()
            .filter_map(|a| a.code.as_deref())
            .collect();
        for coding in rec.split("<EventCoding ").skip(1) {
            for k in ["sourcecode", "targetcode"] {
                if let Some(c) = attr(k, coding).filter(|c| !c.is_empty() && !c.starts_with("---"))
                {
                    want += 1;
                    if codes.iter().any(|x| *x == c || c.starts_with(x)) {
                        got += 1;
                    } else if std::env::var("EVAL_DUMP").is_ok() {
                        println!("PETR miss {c} in {:?}: have {codes:?}", text.trim());
                    }
                }
            }
        }
    }
    println!(
        "PETRARCH DATE+ACTOR records: {records}, expected actor codes found {got}/{want} ({:.3})",
        ratio(got, want)
    );
}

/// Whitespace/punctuation tokens for the PETRARCH sentences (one sentence).
fn simple_tokens(doc: &mut Document) {
    let text = doc.text.clone();
    let mut start = None;
    let push = |doc: &mut Document, a: usize, b: usize| {
        let kind = if text[a..b].chars().any(char::is_alphabetic) {
            TokenKind::Word
        } else {
            TokenKind::Punct
        };
        doc.tokens.push(Token {
            span: Span::new(a, b),
            kind,
            space_after: true,
            ..Token::default()
        });
    };
    for (i, c) in text.char_indices() {
        let word = c.is_alphanumeric() || c == '-' || c == '\'' || (c == '.' && start.is_some());
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                push(doc, s, i);
                start = None;
            }
            _ => {}
        }
        if !word && !c.is_whitespace() {
            push(doc, i, i + c.len_utf8());
        }
    }
    if let Some(s) = start {
        push(doc, s, text.len());
    }
    // Trailing sentence dot glued to the last word.
    if let Some(t) = doc.tokens.last_mut() {
        if text[t.span.start..t.span.end].ends_with('.') && t.span.len() > 1 {
            t.span.end -= 1;
            let e = t.span.end;
            doc.tokens.push(Token {
                span: Span::new(e, e + 1),
                kind: TokenKind::Punct,
                ..Token::default()
            });
        }
    }
    let n = u32::try_from(doc.tokens.len()).unwrap_or(0);
    doc.sentences.push(Sentence {
        span: Span::new(0, text.len()),
        token_start: 0,
        token_end: n,
    });
}

fn phoenix_config(dir: &Path) -> Config {
    Config {
        actors: [
            "Phoenix.Countries.actors.txt",
            "Phoenix.International.actors.txt",
            "Phoenix.MilNonState.actors.txt",
        ]
        .iter()
        .map(|f| dir.join(f).display().to_string())
        .collect(),
        agents: vec![dir.join("Phoenix.agents.txt").display().to_string()],
        ..Config::default()
    }
}

/// Whitespace tokens with punctuation and possessives split off; sentences end at `.`/`?`/`!`.
fn coarse_tokens(doc: &mut Document) {
    let text = doc.text.clone();
    let mut sentence = 0u32;
    let mut sent_start = 0u32;
    let mut pos = 0;
    for word in text.split_inclusive(char::is_whitespace) {
        let w = word.trim_end();
        let (mut a, mut b) = (pos, pos + w.len());
        pos += word.len();
        while a < b && text[a..b].starts_with(['[', '(', '"', '\u{201c}', '\'', '\u{2018}']) {
            let n = text[a..].chars().next().map_or(1, char::len_utf8);
            doc.tokens.push(Token {
                span: Span::new(a, a + n),
                sentence,
                kind: TokenKind::Punct,
                ..Token::default()
            });
            a += n;
        }
        let mut trail = Vec::new();
        while b > a
            && text[a..b].ends_with([
                '.', ',', ']', ')', '"', '\u{201d}', ';', ':', '?', '!', '\'', '\u{2019}',
            ])
        {
            let n = text[..b].chars().next_back().map_or(1, char::len_utf8);
            trail.push((b - n, b));
            b -= n;
        }
        for suf in ["'s", "\u{2019}s"] {
            if b > a + suf.len() && text[a..b].ends_with(suf) {
                trail.push((b - suf.len(), b));
                b -= suf.len();
            }
        }
        if a < b {
            doc.tokens.push(Token {
                span: Span::new(a, b),
                sentence,
                kind: TokenKind::Word,
                ..Token::default()
            });
        }
        let ends = trail
            .iter()
            .any(|&(x, y)| matches!(&text[x..y], "." | "?" | "!"))
            || word.contains('\n');
        for (x, y) in trail.into_iter().rev() {
            doc.tokens.push(Token {
                span: Span::new(x, y),
                sentence,
                kind: TokenKind::Punct,
                ..Token::default()
            });
        }
        if ends {
            let n = u32::try_from(doc.tokens.len()).unwrap_or(0);
            if n > sent_start {
                doc.sentences.push(Sentence {
                    span: Span::default(),
                    token_start: sent_start,
                    token_end: n,
                });
                sentence += 1;
                sent_start = n;
            }
        }
    }
    let n = u32::try_from(doc.tokens.len()).unwrap_or(0);
    if sent_start < n {
        doc.sentences.push(Sentence {
            span: Span::default(),
            token_start: sent_start,
            token_end: n,
        });
    }
}

/// `--demo FILE [DATE]`: mentions and actors of one text file (coarse tokens).
fn demo(path: &str, date: Option<&str>) {
    let Ok(text) = std::fs::read_to_string(path) else {
        println!("cannot read `{path}`");
        return;
    };
    let kb = Arc::new(Knowledge::builtin());
    let mut doc = Document::new("demo", text, date.and_then(Date::parse_iso));
    coarse_tokens(&mut doc);
    let _ = eventframe::mentions::Mentions::new(Arc::clone(&kb)).process(&mut doc);
    let _ = eventframe::actors::Actors::new(kb).process(&mut doc);
    for m in &doc.mentions {
        println!(
            "{:>9} {:<22} {:?} -> {:?}",
            m.label.as_str(),
            m.rule,
            doc.slice(m.span),
            m.actor
        );
    }
    for (i, a) in doc.actors.iter().enumerate() {
        println!(
            "[{i}] {} {:?} {:?} {:?} {:?} {:?} roles {:?} aka {:?}",
            a.id,
            a.name,
            a.kind.map(|k| k.as_str()),
            a.country,
            a.sectors,
            a.code,
            a.roles,
            a.aliases
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--demo") {
        if let Some(path) = args.get(i + 1) {
            demo(path, args.get(i + 2).map(String::as_str));
            return;
        }
    }
    let pos = std::env::args().any(|a| a == "--pos");
    let Some(root) = shared_dir() else {
        println!("skipped: shared data not found (set EVENTFRAME_SHARED)");
        return;
    };
    let phoenix = std::env::args().any(|a| a == "--phoenix");
    eval_gum(&root, pos, phoenix);
    eval_petrarch(&root);
    // Loading the full Phoenix dictionaries (extend mode).
    let cfg = phoenix_config(&root.join("data/events/dictionaries"));
    let t0 = std::time::Instant::now();
    match Knowledge::load(&cfg) {
        Ok(kb) => println!(
            "Phoenix dictionaries (extend): {} phrases, {} warnings, loaded in {:.0} ms",
            kb.gazetteer().len(),
            kb.warnings().len(),
            t0.elapsed().as_secs_f64() * 1e3
        ),
        Err(e) => println!("Phoenix dictionaries: skipped ({e})"),
    }
}
