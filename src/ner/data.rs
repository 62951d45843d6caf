//! Readers of the NER reference corpora (CoNLL-2003, GMB, GUM news) into sentences of words
//! with raw entity spans; the label mapping lives in [`super::train`].

use std::path::Path;

use crate::error::{Error, Result};

/// One sentence: words and raw entity spans `(start, end, type)` (token indices, end exclusive).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sent {
    /// Words.
    pub words: Vec<String>,
    /// Entity spans with the corpus's own type names.
    pub spans: Vec<(usize, usize, String)>,
}

fn io_err(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    }
}

/// Spans of an IOB1/IOB2 tag sequence (`B-X`, `I-X`, `O`).
#[must_use]
pub fn iob_spans(tags: &[String]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (i, t) in tags.iter().enumerate() {
        let (bio, ty) = t.split_once('-').unwrap_or((t.as_str(), ""));
        let cont = bio == "I" && open.as_ref().is_some_and(|(_, o)| o == ty);
        if !cont {
            if let Some((a, o)) = open.take() {
                out.push((a, i, o));
            }
            if bio == "B" || bio == "I" {
                open = Some((i, ty.to_owned()));
            }
        }
    }
    if let Some((a, o)) = open {
        out.push((a, tags.len(), o));
    }
    out
}

/// Reads a CoNLL-2003 file (`word POS chunk NER`, IOB1); `-DOCSTART-` lines are skipped.
///
/// # Errors
/// When the file cannot be read.
pub fn read_conll(path: &Path) -> Result<Vec<Sent>> {
    let text = std::fs::read_to_string(path).map_err(|e| io_err(path, e))?;
    let mut out = Vec::new();
    let (mut words, mut tags): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    let mut flush = |words: &mut Vec<String>, tags: &mut Vec<String>| {
        if !words.is_empty() {
            out.push(Sent {
                spans: iob_spans(tags),
                words: std::mem::take(words),
            });
            tags.clear();
        }
    };
    for line in text.lines() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.is_empty() || cols[0] == "-DOCSTART-" {
            flush(&mut words, &mut tags);
            continue;
        }
        words.push(cols[0].to_owned());
        tags.push(cols.last().copied().unwrap_or("O").to_owned());
    }
    flush(&mut words, &mut tags);
    Ok(out)
}

/// Splits one CSV line (double-quoted fields allowed).
fn csv_fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    out.push(cur);
    out
}

/// Reads the GMB `ner_dataset.csv` from its zip (with the `unzip` command; Latin-1 text).
///
/// # Errors
/// When `unzip` is missing or fails.
pub fn read_gmb(zip: &Path) -> Result<Vec<Sent>> {
    let res = std::process::Command::new("unzip")
        .arg("-p")
        .arg(zip)
        .output()
        .map_err(|e| {
            io_err(
                zip,
                format!("{e}\nhint: the GMB reader needs the `unzip` command"),
            )
        })?;
    if !res.status.success() {
        return Err(io_err(zip, "`unzip -p` failed"));
    }
    let text: String = res.stdout.iter().map(|&b| char::from(b)).collect();
    let mut out = Vec::new();
    let (mut words, mut tags): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    for line in text.lines().skip(1) {
        let f = csv_fields(line.trim_end_matches('\r'));
        if f.len() < 4 {
            continue;
        }
        if !f[0].is_empty() && !words.is_empty() {
            out.push(Sent {
                spans: iob_spans(&tags),
                words: std::mem::take(&mut words),
            });
            tags.clear();
        }
        words.push(f[1].clone());
        tags.push(f[f.len() - 1].clone());
    }
    if !words.is_empty() {
        out.push(Sent {
            spans: iob_spans(&tags),
            words,
        });
    }
    Ok(out)
}

/// Reads a GUM CoNLL-U file with its entity layer (`Entity=` in MISC). Only named mentions
/// are kept: after a leading determiner, the first and last words are proper nouns and the
/// words between are proper nouns or `of`/`and`/`the`/`for`/`de`. Nested named mentions give
/// way to the outermost one.
///
/// # Errors
/// When the file cannot be read.
pub fn read_gum(path: &Path) -> Result<Vec<Sent>> {
    let text = std::fs::read_to_string(path).map_err(|e| io_err(path, e))?;
    let mut out = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut upos: Vec<String> = Vec::new();
    let mut mentions: Vec<(usize, usize, String)> = Vec::new();
    let mut stack: Vec<(String, usize, String)> = Vec::new();
    let mut finish = |words: &mut Vec<String>,
                      upos: &mut Vec<String>,
                      mentions: &mut Vec<(usize, usize, String)>| {
        if words.is_empty() {
            return;
        }
        let mut named: Vec<(usize, usize, String)> = mentions
            .drain(..)
            .filter_map(|(a, b, ty)| {
                let mut a = a;
                if a + 1 < b && upos[a] == "DET" {
                    a += 1;
                }
                let ok = upos[a] == "PROPN"
                    && upos[b - 1] == "PROPN"
                    && (a..b).all(|k| {
                        upos[k] == "PROPN"
                            || matches!(
                                words[k].to_lowercase().as_str(),
                                "of" | "and" | "the" | "for" | "de" | "-" | "&"
                            )
                    });
                ok.then_some((a, b, ty))
            })
            .collect();
        named.sort_by_key(|&(a, b, _)| (a, std::cmp::Reverse(b)));
        let mut spans: Vec<(usize, usize, String)> = Vec::new();
        for m in named {
            if spans.last().is_none_or(|l| m.0 >= l.1) {
                spans.push(m);
            }
        }
        out.push(Sent {
            words: std::mem::take(words),
            spans,
        });
        upos.clear();
    };
    for line in text.lines() {
        if line.is_empty() {
            finish(&mut words, &mut upos, &mut mentions);
            stack.clear();
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 10 || cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        let i = words.len();
        words.push(cols[1].to_owned());
        upos.push(cols[3].to_owned());
        let Some(ent) = cols[9].split('|').find_map(|m| m.strip_prefix("Entity=")) else {
            continue;
        };
        // "(10-person-...(1-organization-...-NASA)", "3)2)".
        let b = ent.as_bytes();
        let mut k = 0;
        while k < b.len() {
            if b[k] == b'(' {
                let end = ent[k + 1..]
                    .find(['(', ')'])
                    .map_or(ent.len(), |e| e + k + 1);
                let desc = &ent[k + 1..end];
                let mut parts = desc.split('-');
                let id = parts.next().unwrap_or("").to_owned();
                let ty = parts.next().unwrap_or("").to_owned();
                if end < b.len() && b[end] == b')' {
                    mentions.push((i, i + 1, ty));
                    k = end + 1;
                } else {
                    stack.push((id, i, ty));
                    k = end;
                }
            } else if b[k].is_ascii_digit() {
                let end = ent[k..].find(')').map_or(ent.len(), |e| e + k);
                let id = &ent[k..end];
                if let Some(p) = stack.iter().rposition(|(s, _, _)| s == id) {
                    let (_, a, ty) = stack.remove(p);
                    mentions.push((a, i + 1, ty));
                }
                k = end + 1;
            } else {
                k += 1;
            }
        }
    }
    finish(&mut words, &mut upos, &mut mentions);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob1_and_iob2() {
        let t = |s: &str| s.split(' ').map(str::to_owned).collect::<Vec<_>>();
        assert_eq!(
            iob_spans(&t("I-PER I-PER O I-LOC B-LOC I-ORG")),
            vec![
                (0, 2, "PER".to_owned()),
                (3, 4, "LOC".to_owned()),
                (4, 5, "LOC".to_owned()),
                (5, 6, "ORG".to_owned())
            ]
        );
        assert_eq!(csv_fields("a,\",\",b"), vec!["a", ",", "b"]);
    }
}
