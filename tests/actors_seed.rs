//! The seed article must come out right: every actor of `seed.gold.json` with its country,
//! kind, sectors and role.
//!
//! Runs the whole `Pipeline`. When the `text` stage yields no tokens (a build where it is still
//! a stub), the test tokenises with a small local tokeniser and runs `mentions` and `actors`
//! directly, so the check is meaningful on every branch.

use eventframe::shared::shared_dir;
use std::sync::Arc;

use eventframe::document::{Document, Sentence, Span, Token, TokenKind};
use eventframe::knowledge::Knowledge;
use eventframe::pipeline::{Config, Input, Pipeline, Stage};

fn tokenize(doc: &mut Document) {
    let text = doc.text.clone();
    let mut tokens: Vec<Token> = Vec::new();
    let mut sentence = 0u32;
    let mut sent_start_tok = 0u32;
    let mut sent_start_byte = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (pos, c) = chars[k];
        if c.is_whitespace() {
            k += 1;
            continue;
        }
        let start = pos;
        let mut kind = TokenKind::Punct;
        if c.is_alphanumeric() {
            kind = if c.is_numeric() {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            while k < chars.len() {
                let (_, ch) = chars[k];
                let next = chars.get(k + 1).map(|x| x.1);
                if ch.is_alphanumeric()
                    || ((ch == '-' || ch == '.' || ch == ',')
                        && next.is_some_and(char::is_alphanumeric)
                        && !(ch == '.' && next.is_some_and(char::is_lowercase)))
                {
                    // "U.S." keeps its final dot below.
                    if (ch == '\'' || ch == '\u{2019}') && next == Some('s') {
                        break;
                    }
                    k += 1;
                } else {
                    break;
                }
            }
            // Abbreviation dot: "U.S."
            if k < chars.len() && chars[k].1 == '.' && text[start..chars[k].0].contains('.') {
                k += 1;
            }
        } else if (c == '\'' || c == '\u{2019}')
            && chars.get(k + 1).is_some_and(|x| x.1 == 's')
            && !tokens.is_empty()
        {
            k += 2;
            kind = TokenKind::Word;
        } else {
            k += 1;
        }
        let end = chars.get(k).map_or(text.len(), |x| x.0);
        if sent_start_byte.is_none() {
            sent_start_byte = Some(start);
        }
        tokens.push(Token {
            span: Span::new(start, end),
            sentence,
            kind,
            space_after: true,
            ..Token::default()
        });
        let is_end = matches!(&text[start..end], "." | "!" | "?")
            && chars.get(k).is_none_or(|x| x.1.is_whitespace());
        if is_end || k >= chars.len() {
            let n = u32::try_from(tokens.len()).unwrap_or(0);
            doc.sentences.push(Sentence {
                span: Span::new(sent_start_byte.unwrap_or(start), end),
                token_start: sent_start_tok,
                token_end: n,
            });
            sentence += 1;
            sent_start_tok = n;
            sent_start_byte = None;
        }
    }
    doc.tokens = tokens;
}

fn analyse_seed(text: &str) -> Document {
    let p = Pipeline::new(Config {
        n_threads: Some(1),
        ..Config::default()
    })
    .expect("pipeline");
    let out = p.process_batch(vec![Input {
        doc_id: "seed".into(),
        text: Some(text.to_owned()),
        published: Some("2024-11-06".into()),
        ..Input::default()
    }]);
    let doc = out.into_iter().next().expect("one document").doc;
    if !doc.tokens.is_empty() {
        return doc;
    }
    eprintln!("note: the text stage produced no tokens; using the test's own tokeniser");
    let kb = Arc::new(Knowledge::builtin());
    let mut doc = Document::new(
        "seed",
        text,
        eventframe::date::Date::parse_iso("2024-11-06"),
    );
    tokenize(&mut doc);
    eventframe::mentions::Mentions::new(Arc::clone(&kb))
        .process(&mut doc)
        .expect("mentions");
    eventframe::actors::Actors::new(kb)
        .process(&mut doc)
        .expect("actors");
    doc
}

#[test]
fn seed_actors_match_gold() {
    let Some(root) = shared_dir() else {
        eprintln!("skipped: shared data not found (set EVENTFRAME_SHARED)");
        return;
    };
    let (Ok(text), Ok(gold)) = (
        std::fs::read_to_string(root.join("acceptance/seed.txt")),
        std::fs::read_to_string(root.join("acceptance/seed.gold.json")),
    ) else {
        eprintln!("skipped: acceptance/seed.txt or seed.gold.json missing");
        return;
    };
    let gold: serde_json::Value = serde_json::from_str(&gold).expect("gold json");
    let doc = analyse_seed(&text);
    dump(&doc);
    let problems = check(&gold, &doc);
    assert!(
        problems.is_empty(),
        "{}\nactors: {:#?}",
        problems.join("\n"),
        doc.actors
    );
    // A coarser tokenisation (possessives glued to their word, punctuation split off) must give
    // the same actors.
    let kb = Arc::new(Knowledge::builtin());
    let mut doc = Document::new(
        "seed",
        text.as_str(),
        eventframe::date::Date::parse_iso("2024-11-06"),
    );
    coarse_tokenize(&mut doc);
    eventframe::mentions::Mentions::new(Arc::clone(&kb))
        .process(&mut doc)
        .expect("mentions");
    eventframe::actors::Actors::new(kb)
        .process(&mut doc)
        .expect("actors");
    dump(&doc);
    let problems = check(&gold, &doc);
    assert!(
        problems.is_empty(),
        "coarse tokens: {}\nactors: {:#?}",
        problems.join("\n"),
        doc.actors
    );
}

/// Whitespace-separated tokens with leading/trailing punctuation split off.
fn coarse_tokenize(doc: &mut Document) {
    let text = doc.text.clone();
    let mut sentence = 0u32;
    let mut sent_start = 0u32;
    let push = |doc: &mut Document, a: usize, b: usize, kind: TokenKind, sentence: u32| {
        doc.tokens.push(Token {
            span: Span::new(a, b),
            sentence,
            kind,
            space_after: true,
            ..Token::default()
        });
    };
    let mut pos = 0;
    for word in text.split_inclusive(char::is_whitespace) {
        let w = word.trim_end();
        let (mut a, mut b) = (pos, pos + w.len());
        pos += word.len();
        if w.is_empty() {
            continue;
        }
        while a < b && text[a..b].starts_with(['[', '(', '"', '\u{201c}']) {
            let n = text[a..].chars().next().map_or(1, char::len_utf8);
            push(doc, a, a + n, TokenKind::Punct, sentence);
            a += n;
        }
        let mut trail = Vec::new();
        while b > a && text[a..b].ends_with(['.', ',', ']', ')', '"', '\u{201d}', ';', ':']) {
            let n = text[..b].chars().next_back().map_or(1, char::len_utf8);
            trail.push((b - n, b));
            b -= n;
        }
        if a < b {
            push(doc, a, b, TokenKind::Word, sentence);
        }
        let ends = trail.iter().any(|&(x, y)| &text[x..y] == ".");
        for (x, y) in trail.into_iter().rev() {
            push(doc, x, y, TokenKind::Punct, sentence);
        }
        if ends {
            let n = u32::try_from(doc.tokens.len()).unwrap_or(0);
            doc.sentences.push(Sentence {
                span: Span::default(),
                token_start: sent_start,
                token_end: n,
            });
            sentence += 1;
            sent_start = n;
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

fn dump(doc: &Document) {
    if std::env::var("SEED_DUMP").is_err() {
        return;
    }
    for a in &doc.actors {
        eprintln!(
            "{} | {} | {:?} | {:?} | {:?} | {:?} | {:?} | {:?} | {}",
            a.id,
            a.name,
            a.kind,
            a.country,
            a.sectors,
            a.code,
            a.roles,
            a.aliases,
            a.mentions.len()
        );
    }
    for m in &doc.mentions {
        eprintln!(
            "  {:?} {} {} -> {:?}",
            doc.slice(m.span),
            m.label.as_str(),
            m.rule,
            m.actor
        );
    }
}

/// Problems of `doc` against the gold actors (empty when all match).
fn check(gold: &serde_json::Value, doc: &Document) -> Vec<String> {
    let mut problems = Vec::new();
    for g in gold["actors"].as_array().into_iter().flatten() {
        let names: Vec<String> = g["names"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|n| n.as_str())
            .map(str::to_lowercase)
            .collect();
        let actor = doc.actors.iter().find(|a| {
            std::iter::once(&a.name)
                .chain(&a.aliases)
                .any(|n| names.contains(&n.to_lowercase()))
        });
        let Some(a) = actor else {
            problems.push(format!("no actor for {names:?}"));
            continue;
        };
        if let Some(c) = g["country"].as_str() {
            if a.country.as_deref() != Some(c) {
                problems.push(format!("{names:?}: country {:?}, want {c}", a.country));
            }
        }
        if let Some(k) = g["kind"].as_str() {
            if a.kind.map(|k| k.as_str()) != Some(k) {
                problems.push(format!("{names:?}: kind {:?}, want {k}", a.kind));
            }
        }
        for s in g["sector"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| s.as_str())
        {
            let ok = a.sectors.iter().any(|x| x == s)
                || a.code.as_deref().is_some_and(|c| c.starts_with(s));
            if !ok {
                problems.push(format!(
                    "{names:?}: sectors {:?} / code {:?}, want {s}",
                    a.sectors, a.code
                ));
            }
        }
        if let Some(r) = g["role"].as_str() {
            if !a.roles.iter().any(|x| x.eq_ignore_ascii_case(r)) {
                problems.push(format!("{names:?}: roles {:?}, want {r}", a.roles));
            }
        }
    }
    problems
}
