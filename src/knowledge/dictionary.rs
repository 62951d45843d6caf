//! A reader for PETRARCH/TABARI actor and agent dictionaries ("bring your own dictionaries").
//!
//! Supported syntax, line by line:
//! - `PHRASE [CODE]`: words joined by `_` or spaces (a trailing `_` is dropped; TABARI stem
//!   matching is not reproduced: phrases match whole tokens);
//! - several codes with validity ranges: `[RUSGOV 20000507-20080507][RUSGOV >20120507]`, with
//!   dates as `YYYYMMDD` or `YYMMDD` (years ≤ 50 are 20YY), `>date` (from) and `<date` (until);
//! - joint codes: `[FRO/BIL/SAM]` (the entry stands for several actors; kept joined, and the
//!   events stage codes one event for each);
//! - `+ALIAS` lines add synonyms to the entry above; an indented `[CODE]` line gives the codes of
//!   an entry written without them;
//! - agents: `[~GOV]` (suffix agent, appended to a country code) and `[NGO~]` (prefix);
//!   `{PLURAL, ...}` gives plural forms, `{}` none; without braces agents get a regular `-s`
//!   plural;
//! - `!NAME! = A, B, C` defines a substitution set used inside phrases (`CATTLE!PERSON!`);
//! - comments: `#` to the end of the line and `<!-- ... -->` blocks.
//!
//! Malformed lines never stop the reader: each is reported as a [`Warning`] with the file and
//! line number and skipped.

use std::collections::HashMap;
use std::fmt;

use crate::date::Date;

/// A code with an optional validity range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatedCode {
    /// The code (`RUSGOV`, `~GOV`, `NGO~`); empty for `[---]` (explicitly uncoded).
    pub code: String,
    /// First valid day.
    pub from: Option<Date>,
    /// Last valid day.
    pub to: Option<Date>,
}

impl DatedCode {
    /// Whether the code is restricted to a period.
    #[must_use]
    pub fn is_dated(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }
    /// Whether the code holds on `date`.
    #[must_use]
    pub fn holds_at(&self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date <= t)
    }
}

/// The code valid at `date`: a dated code whose period holds, else the first undated one.
#[must_use]
pub fn code_at(codes: &[DatedCode], date: Option<Date>) -> Option<&str> {
    let dated = date.and_then(|d| codes.iter().find(|c| c.is_dated() && c.holds_at(d)));
    dated
        .or_else(|| codes.iter().find(|c| !c.is_dated()))
        .map(|c| c.code.as_str())
        .filter(|c| !c.is_empty())
}

/// One dictionary entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Phrases (first: the head line), words separated by single spaces, upper case as written.
    pub phrases: Vec<String>,
    /// Codes.
    pub codes: Vec<DatedCode>,
    /// Line of the head phrase.
    pub line: usize,
}

/// A malformed line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// File name as given.
    pub file: String,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// A parsed dictionary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    /// Entries in file order.
    pub entries: Vec<Entry>,
    /// Malformed lines.
    pub warnings: Vec<Warning>,
    /// Number of lines read.
    pub lines: usize,
}

fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (y, rest) = match s.len() {
        8 => (s[..4].parse::<i32>().ok()?, &s[4..]),
        6 => {
            let yy = s[..2].parse::<i32>().ok()?;
            (if yy <= 50 { 2000 + yy } else { 1900 + yy }, &s[2..])
        }
        _ => return None,
    };
    Date::new(y, rest[..2].parse().ok()?, rest[2..4].parse().ok()?)
}

/// Parses the inside of one `[...]` block (`+++`, `---`: uncoded). `[FRO/BIL/SAM]` is a joint
/// code, kept as written: the entry stands for several actors at once (the events stage codes
/// one event for each).
fn parse_codes(inner: &str) -> Result<Vec<DatedCode>, String> {
    let mut one = parse_code(&inner.replace('/', "").replace('+', "-"))?;
    let (code_part, _) = inner
        .trim()
        .split_once(char::is_whitespace)
        .unwrap_or((inner.trim(), ""));
    if code_part.contains('/') {
        one.code = code_part
            .split('/')
            .filter(|c| !c.is_empty())
            .map(str::to_ascii_uppercase)
            .collect::<Vec<_>>()
            .join("/");
    }
    Ok(vec![one])
}

/// Parses the inside of one `[...]` block with a single code.
fn parse_code(inner: &str) -> Result<DatedCode, String> {
    let inner = inner.trim();
    let (code, range) = match inner.find(char::is_whitespace) {
        Some(i) => (inner[..i].trim(), inner[i..].trim()),
        None => (inner, ""),
    };
    let code = code.to_ascii_uppercase();
    let code = if code.chars().all(|c| c == '-') {
        String::new()
    } else {
        code
    };
    if code.is_empty() && inner.is_empty() {
        return Err("empty code `[]`".into());
    }
    if !code.chars().all(|c| c.is_ascii_alphanumeric() || c == '~') {
        return Err(format!("invalid code `{code}`"));
    }
    let bad = || {
        format!("invalid date range `{range}` in `[{inner}]`\nhint: use YYYYMMDD-YYYYMMDD, >YYYYMMDD or <YYYYMMDD")
    };
    let (from, to) = if range.is_empty() {
        (None, None)
    } else if let Some(d) = range.strip_prefix('>') {
        (Some(parse_date(d).ok_or_else(bad)?), None)
    } else if let Some(d) = range.strip_prefix('<') {
        (None, Some(parse_date(d).ok_or_else(bad)?))
    } else if let Some((a, b)) = range.split_once('-') {
        (
            Some(parse_date(a).ok_or_else(bad)?),
            Some(parse_date(b).ok_or_else(bad)?),
        )
    } else {
        return Err(bad());
    };
    Ok(DatedCode { code, from, to })
}

/// Splits `PHRASE {PLURALS} [CODE][CODE] rest` into its parts.
struct LineParts<'a> {
    phrase: &'a str,
    plurals: Option<Vec<String>>,
    codes: Vec<DatedCode>,
}

fn split_line(line: &str) -> Result<LineParts<'_>, String> {
    let cut = line.find(['[', '{']).unwrap_or(line.len());
    let phrase = line[..cut].trim();
    let mut rest = &line[cut..];
    let mut plurals = None;
    let mut codes = Vec::new();
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        if let Some(r) = rest.strip_prefix('{') {
            let end = r.find('}').ok_or_else(|| "unclosed `{`".to_owned())?;
            let list: Vec<String> = r[..end]
                .split([',', ' '])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect();
            plurals = Some(list);
            rest = &r[end + 1..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let end = r.find(']').ok_or_else(|| "unclosed `[`".to_owned())?;
            codes.extend(parse_codes(&r[..end])?);
            rest = &r[end + 1..];
        } else {
            // Trailing words after the codes (e.g. stray notes): ignore them.
            break;
        }
    }
    Ok(LineParts {
        phrase,
        plurals,
        codes,
    })
}

/// Expands `!MACRO!` references; `None` when a macro is unknown.
fn expand(phrase: &str, macros: &HashMap<String, Vec<String>>) -> Result<Vec<String>, String> {
    let mut out = vec![String::new()];
    let mut rest = phrase;
    while let Some(a) = rest.find('!') {
        let Some(len) = rest[a + 1..].find('!') else {
            // A lone `!` is part of a name (`YAHOO!`).
            break;
        };
        let name = &rest[a + 1..a + 1 + len];
        let prefix = &rest[..a];
        match macros.get(&name.to_ascii_uppercase()) {
            Some(values) => {
                out = out
                    .iter()
                    .flat_map(|o| values.iter().map(move |v| format!("{o}{prefix}{v}")))
                    .take(1000)
                    .collect();
                rest = &rest[a + len + 2..];
            }
            None if name.chars().all(|c| c.is_ascii_alphanumeric()) && !name.is_empty() => {
                return Err(format!("unknown substitution set `!{name}!`"));
            }
            None => break,
        }
    }
    for o in &mut out {
        o.push_str(rest);
    }
    Ok(out)
}

fn clean_phrase(p: &str) -> String {
    p.replace('_', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn plural(word: &str) -> String {
    let up = word.to_ascii_uppercase();
    if up.ends_with('S') || up.ends_with('X') || up.ends_with("CH") || up.ends_with("SH") {
        format!("{word}ES")
    } else if up.ends_with('Y') && !up.ends_with("AY") && !up.ends_with("EY") && !up.ends_with("OY")
    {
        format!("{}IES", &word[..word.len() - 1])
    } else {
        format!("{word}S")
    }
}

/// Parses a dictionary's text. `file` names it in warnings; `agents`: an agent dictionary
/// (regular plurals are added).
#[must_use]
pub fn parse(text: &str, file: &str, agents: bool) -> Parsed {
    let mut out = Parsed::default();
    let mut macros: HashMap<String, Vec<String>> = HashMap::new();
    let mut in_comment = false;
    let mut current: Option<Entry> = None;
    let warn = |out: &mut Parsed, line: usize, message: String| {
        out.warnings.push(Warning {
            file: file.to_owned(),
            line,
            message,
        });
    };
    // Head lines without codes share the code block of the entry they precede (TABARI blocks).
    let mut pending: Vec<Entry> = Vec::new();
    let mut block_codes = false;
    let finish = |out: &mut Parsed, cur: Option<Entry>, pending: &mut Vec<Entry>, block: bool| {
        let Some(mut e) = cur else { return };
        if e.codes.is_empty() {
            pending.push(e);
            return;
        }
        for p in pending.drain(..) {
            if block {
                e.phrases.extend(p.phrases);
            } else {
                out.warnings.push(Warning {
                    file: file.to_owned(),
                    line: p.line,
                    message: format!(
                        "entry `{}` has no code",
                        p.phrases.first().map_or("", String::as_str)
                    ),
                });
            }
        }
        out.entries.push(e);
    };
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        out.lines += 1;
        let mut line = raw.to_owned();
        // <!-- ... --> blocks.
        loop {
            if in_comment {
                if let Some(e) = line.find("-->") {
                    line = line[e + 3..].to_owned();
                    in_comment = false;
                } else {
                    line.clear();
                    break;
                }
            } else if let Some(s) = line.find("<!--") {
                let tail = line[s + 4..].to_owned();
                line.truncate(s);
                if let Some(e) = tail.find("-->") {
                    line.push_str(&tail[e + 3..]);
                } else {
                    in_comment = true;
                    break;
                }
            } else {
                break;
            }
        }
        if let Some(h) = line.find('#') {
            line.truncate(h);
        }
        let indented = line.starts_with([' ', '\t']);
        let l = line.trim();
        if l.is_empty() {
            continue;
        }
        // Substitution sets.
        if l.starts_with('!') {
            if let Some((name, values)) = l.split_once('=') {
                let name = name.trim().trim_matches('!').to_ascii_uppercase();
                let vals: Vec<String> = values
                    .split(',')
                    .map(|v| v.trim().to_owned())
                    .filter(|v| !v.is_empty())
                    .collect();
                if name.is_empty() || vals.is_empty() {
                    warn(&mut out, line_no, format!("empty substitution set `{l}`"));
                } else {
                    macros.insert(name, vals);
                }
                continue;
            }
        }
        if let Some(alias) = l.strip_prefix('+') {
            let parts = match split_line(alias) {
                Ok(p) => p,
                Err(e) => {
                    warn(&mut out, line_no, format!("{e} in `{l}`"));
                    continue;
                }
            };
            let Some(cur) = current.as_mut() else {
                warn(
                    &mut out,
                    line_no,
                    format!("synonym `{l}` has no entry above it"),
                );
                continue;
            };
            match expand(parts.phrase, &macros) {
                Ok(ps) => cur
                    .phrases
                    .extend(ps.iter().map(|p| clean_phrase(p)).filter(|p| !p.is_empty())),
                Err(e) => warn(&mut out, line_no, e),
            }
            cur.codes.extend(parts.codes);
            continue;
        }
        let parts = match split_line(l) {
            Ok(p) => p,
            Err(e) => {
                if !indented {
                    finish(&mut out, current.take(), &mut pending, block_codes);
                }
                warn(&mut out, line_no, format!("{e} in `{l}`"));
                continue;
            }
        };
        if parts.phrase.is_empty() {
            // Codes on their own line belong to the entry above.
            if parts.codes.is_empty() {
                warn(&mut out, line_no, format!("no phrase and no code in `{l}`"));
            } else if let Some(cur) = current.as_mut() {
                if cur.codes.is_empty() {
                    block_codes = true;
                }
                cur.codes.extend(parts.codes);
            } else {
                warn(
                    &mut out,
                    line_no,
                    format!("codes `{l}` have no entry above them"),
                );
            }
            continue;
        }
        finish(&mut out, current.take(), &mut pending, block_codes);
        let phrases = match expand(parts.phrase, &macros) {
            Ok(ps) => ps,
            Err(e) => {
                warn(&mut out, line_no, e);
                continue;
            }
        };
        let mut all: Vec<String> = phrases
            .iter()
            .map(|p| clean_phrase(p))
            .filter(|p| !p.is_empty())
            .collect();
        if agents {
            match &parts.plurals {
                Some(list) => all.extend(list.iter().map(|p| clean_phrase(p))),
                None => {
                    let pl: Vec<String> = all.iter().map(|p| plural(p)).collect();
                    all.extend(pl);
                }
            }
        } else if let Some(list) = &parts.plurals {
            all.extend(list.iter().map(|p| clean_phrase(p)));
        }
        if all.is_empty() {
            warn(&mut out, line_no, format!("empty phrase in `{l}`"));
            continue;
        }
        block_codes = false;
        current = Some(Entry {
            phrases: all,
            codes: parts.codes,
            line: line_no,
        });
    }
    finish(&mut out, current, &mut pending, block_codes);
    for p in pending {
        out.warnings.push(Warning {
            file: file.to_owned(),
            line: p.line,
            message: format!(
                "entry `{}` has no code",
                p.phrases.first().map_or("", String::as_str)
            ),
        });
    }
    if in_comment {
        out.warnings.push(Warning {
            file: file.to_owned(),
            line: out.lines,
            message: "unclosed `<!--` comment".into(),
        });
    }
    out
}

/// Combines an actor code with an agent code: (`ISR`, `~MIL`) → `ISRMIL`, (`ISR`, `NGO~`) →
/// `NGOISR`; without an actor the agent's own letters. A joint code gets the agent on each
/// part: (`FRO/BIL`, `~GOV`) → `FROGOV/BILGOV`.
#[must_use]
pub fn apply_agent(actor: Option<&str>, agent: &str) -> String {
    let base = actor.unwrap_or("");
    if base.contains('/') {
        return base
            .split('/')
            .map(|a| apply_agent(Some(a), agent))
            .collect::<Vec<_>>()
            .join("/");
    }
    if let Some(suffix) = agent.strip_prefix('~') {
        format!("{base}{suffix}")
    } else if let Some(prefix) = agent.strip_suffix('~') {
        format!("{prefix}{base}")
    } else {
        format!("{base}{agent}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_entries_aliases_dates_agents_and_macros() {
        let text = "# comment\n<!-- block\n still -->\nVLADIMIR_PUTIN_ # note\n+PUTIN_\n\t[RUSGOV >20120507][RUSGOV 000507-080507]\n\
                    HAMAS [PSEREB]\n!PERSON! = MAN, MEN\nCATTLE!PERSON! [~AGR]\nPOLICE {} [ ~COP]\nBAD [XX 2024]\n+ORPHAN [Y]\nNOCODE\nOK [ok]\n";
        let p = parse(text, "t.txt", false);
        assert_eq!(p.entries.len(), 5, "{:?}", p.entries);
        let putin = &p.entries[0];
        assert_eq!(putin.phrases, ["VLADIMIR PUTIN", "PUTIN"]);
        assert_eq!(
            code_at(&putin.codes, Date::new(2024, 11, 6)),
            Some("RUSGOV")
        );
        assert_eq!(code_at(&putin.codes, Date::new(2010, 1, 1)), None);
        assert_eq!(p.entries[2].phrases, ["CATTLEMAN", "CATTLEMEN"]);
        assert_eq!(p.entries[3].codes[0].code, "~COP");
        // BAD has a bad date; +ORPHAN belongs to nothing (BAD was skipped); NOCODE has no code.
        let lines: Vec<usize> = p.warnings.iter().map(|w| w.line).collect();
        assert!(
            lines.contains(&11) && lines.contains(&12) && lines.contains(&13),
            "{:?}",
            p.warnings
        );
        assert!(p.warnings[0].to_string().starts_with("t.txt:"));
        assert_eq!(apply_agent(Some("ISR"), "~MIL"), "ISRMIL");
        assert_eq!(apply_agent(Some("ISR"), "NGO~"), "NGOISR");
        assert_eq!(apply_agent(Some("FRO/BIL"), "~GOV"), "FROGOV/BILGOV");
    }

    #[test]
    fn joint_codes_stay_joined() {
        let p = parse(
            "THE_SHIRE [fro/BIL/SAM]\nLORIEN [ELR/GAL >20000101]\n",
            "j.txt",
            false,
        );
        assert!(p.warnings.is_empty(), "{:?}", p.warnings);
        assert_eq!(code_at(&p.entries[0].codes, None), Some("FRO/BIL/SAM"));
        let lorien = &p.entries[1].codes;
        assert_eq!(lorien.len(), 1);
        assert_eq!(code_at(lorien, Date::new(2001, 1, 1)), Some("ELR/GAL"));
    }

    #[test]
    fn never_panics_on_junk() {
        for junk in [
            "[",
            "]]]",
            "+",
            "!A! =",
            "!X!Y [A]",
            "{",
            "A {B",
            "<!--",
            "A [B >x]",
            "\u{0}\u{ffff}",
            "A [~]",
        ] {
            let _ = parse(junk, "j", true);
        }
    }
}
