//! Test-only helpers for the events tests: a tiny tokeniser and hand-built documents.
#![allow(clippy::unwrap_used, clippy::cast_possible_truncation, dead_code)]

use eventframe::date::{Date, Precision};
use eventframe::document::{
    Actor, ActorKind, DateValue, Document, EntityLabel, Mention, Sentence, Span, Token, TokenKind,
};
use eventframe::figures::dates::DateMatch;

/// (surface form, label, kind, country)
pub type Spec<'a> = (&'a str, EntityLabel, ActorKind, &'a str);

pub fn tokenize(text: &str) -> Vec<Token> {
    let mut toks = Vec::new();
    let b: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < b.len() {
        let (start, c) = b[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let kind;
        if c.is_alphanumeric() {
            while j < b.len() {
                let d = b[j].1;
                let next_alnum = j + 1 < b.len() && b[j + 1].1.is_alphanumeric();
                let inner = d == '-' && next_alnum
                    || (d == '.' || d == ',') && next_alnum && c.is_ascii_digit();
                if d.is_alphanumeric() || inner {
                    j += 1;
                } else {
                    break;
                }
            }
            kind = if c.is_ascii_digit() {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
        } else if (c == '\'' || c == '’') && i + 1 < b.len() && b[i + 1].1 == 's' {
            j = i + 2;
            kind = TokenKind::Word;
        } else {
            kind = TokenKind::Punct;
        }
        let end = if j < b.len() { b[j].0 } else { text.len() };
        let surface = &text[start..end];
        let norm = match surface {
            "’s" => Some("'s".to_owned()),
            "“" | "”" => Some("\"".to_owned()),
            _ => None,
        };
        toks.push(Token {
            span: Span::new(start, end),
            kind,
            norm,
            space_after: true,
            ..Token::default()
        });
        i = j;
    }
    toks
}

pub fn push_sentence(doc: &mut Document, start: usize, end: usize) {
    let s = u32::try_from(doc.sentences.len()).unwrap();
    for t in &mut doc.tokens[start..end] {
        t.sentence = s;
    }
    doc.sentences.push(Sentence {
        span: Span::new(doc.tokens[start].span.start, doc.tokens[end - 1].span.end),
        token_start: start as u32,
        token_end: end as u32,
    });
}

pub fn build(text: &str, specs: &[Spec<'_>]) -> Document {
    let mut doc = Document::new("t", text, Date::new(2024, 11, 6));
    doc.tokens = tokenize(text);
    // Sentences end at . ! ? followed by an uppercase letter or the end.
    let mut start = 0;
    for i in 0..doc.tokens.len() {
        let w = doc.slice(doc.tokens[i].span).to_owned();
        let next_upper = doc.tokens.get(i + 1).is_none_or(|t| {
            doc.slice(t.span)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        });
        if (w == "." || w == "!" || w == "?") && next_upper {
            push_sentence(&mut doc, start, i + 1);
            start = i + 1;
        }
    }
    if start < doc.tokens.len() {
        let n = doc.tokens.len();
        push_sentence(&mut doc, start, n);
    }
    // Mentions: longest surface forms first, no overlaps.
    let mut order: Vec<usize> = (0..specs.len()).collect();
    order.sort_by_key(|&k| std::cmp::Reverse(specs[k].0.len()));
    let mut taken = vec![false; doc.tokens.len()];
    for k in order {
        let (name, label, kind, country) = specs[k];
        let parts: Vec<String> = tokenize(name)
            .iter()
            .map(|t| name[t.span.start..t.span.end].to_owned())
            .collect();
        let actor = u32::try_from(doc.actors.len()).unwrap();
        doc.actors.push(Actor {
            id: format!("test:{name}"),
            name: name.to_owned(),
            kind: Some(kind),
            country: (!country.is_empty() && country != "-").then(|| country.to_owned()),
            code: (!country.is_empty() && country != "-").then(|| country.to_owned()),
            ..Actor::default()
        });
        let n = parts.len();
        let mut i = 0;
        while n > 0 && i + n <= doc.tokens.len() {
            let hit = (0..n).all(|d| doc.slice(doc.tokens[i + d].span) == parts[d])
                && (i..i + n).all(|t| !taken[t]);
            if hit {
                for t in &mut taken[i..i + n] {
                    *t = true;
                }
                doc.mentions.push(Mention {
                    span: Span::new(doc.tokens[i].span.start, doc.tokens[i + n - 1].span.end),
                    sentence: doc.tokens[i].sentence,
                    token_start: i as u32,
                    token_end: (i + n) as u32,
                    label,
                    score: 1.0,
                    // Country `-`: a mention the knowledge base does not resolve.
                    actor: (country != "-").then_some(actor),
                    rule: "test",
                });
                i += n;
            } else {
                i += 1;
            }
        }
    }
    doc.mentions.sort_by_key(|m| m.token_start);
    for (i, m) in doc.mentions.iter().enumerate() {
        if let Some(a) = m.actor {
            doc.actors[a as usize].mentions.push(i as u32);
        }
    }
    doc
}

/// A date finder for tests: "Tuesday" = 2024-11-05, "June" = 2024-06-19.
pub fn test_dates(doc: &Document, s: usize) -> Vec<DateMatch> {
    let mut out = Vec::new();
    for t in doc.sentence_tokens(s) {
        let v = match doc.slice(t.span) {
            "Tuesday" => Date::new(2024, 11, 5),
            "June" => Date::new(2024, 6, 19),
            _ => None,
        };
        if let Some(date) = v {
            out.push(DateMatch {
                span: t.span,
                value: Some(DateValue {
                    date,
                    precision: Precision::Day,
                }),
                rule: "test",
                timex: None,
            });
        }
    }
    out
}

/// The shared data folder (see `eventframe::events::shared_dir`).
pub fn shared_dir() -> Option<std::path::PathBuf> {
    eventframe::events::shared_dir()
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// A small general date finder standing in for `figures::dates` in tests: `Month D[, YYYY]`,
/// bare `Month` (the latest such month not after publication) and weekdays (the latest such day
/// not after publication).
pub fn simple_dates(doc: &Document, s: usize) -> Vec<DateMatch> {
    let toks = doc.sentence_tokens(s);
    let Some(published) = doc.published else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let w = doc.slice(toks[i].span);
        if let Some(m) = MONTHS.iter().position(|x| *x == w) {
            let month = m as u32 + 1;
            let day = toks
                .get(i + 1)
                .and_then(|t| doc.slice(t.span).parse::<u32>().ok())
                .filter(|d| (1..=31).contains(d));
            let year_tok =
                if day.is_some() && toks.get(i + 2).is_some_and(|t| doc.slice(t.span) == ",") {
                    toks.get(i + 3)
                        .and_then(|t| doc.slice(t.span).parse::<i32>().ok())
                        .filter(|y| (1000..3000).contains(y))
                } else {
                    None
                };
            let year = year_tok.unwrap_or(if month > published.month {
                published.year - 1
            } else {
                published.year
            });
            let end = if year_tok.is_some() {
                i + 4
            } else if day.is_some() {
                i + 2
            } else {
                i + 1
            };
            let value = match day {
                Some(d) => Date::new(year, month, d).map(|date| DateValue {
                    date,
                    precision: Precision::Day,
                }),
                None => Date::new(year, month, 1).map(|date| DateValue {
                    date,
                    precision: Precision::Month,
                }),
            };
            out.push(DateMatch {
                span: Span::new(toks[i].span.start, toks[end - 1].span.end),
                value,
                rule: "test",
                timex: None,
            });
            i = end;
            continue;
        }
        if let Some(wd) = WEEKDAYS.iter().position(|x| *x == w) {
            let back = (i64::from(published.weekday()) - wd as i64).rem_euclid(7);
            let date = published.add_days(-back);
            out.push(DateMatch {
                span: toks[i].span,
                value: Some(DateValue {
                    date,
                    precision: Precision::Day,
                }),
                rule: "test",
                timex: None,
            });
        }
        i += 1;
    }
    out
}
