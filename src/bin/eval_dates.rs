//! Scores the date finder on TimeBank/AQUAINT (TempEval-3 TBAQ-cleaned, DATE-type TIMEX3,
//! document creation time as the publication date) and on Recognizers-Text DateTimeModel.
//!
//! `cargo run --release --bin eval_dates [-- --verbose timebank|aquaint|recognizers]`
//!
//! Value accuracy: gold DATE expressions with an overlapping predicted date whose TIMEX value
//! equals the gold value (strict); `lenient` also accepts a gold value with `X` placeholders
//! when the known parts agree. Span P/R/F1: exact spans; predictions that overlap a gold TIMEX
//! of another type (TIME, DURATION, SET) are not counted as false positives.

use eventframe::shared::shared_dir;
use std::path::{Path, PathBuf};

use eventframe::date::Date;
use eventframe::figures::dates::{find_dates, DateMatch};
use serde_json::Value;

struct GoldT {
    s: usize,
    e: usize,
    kind: String,
    value: String,
}

#[derive(Default)]
struct Score {
    gold: usize,
    found: usize,
    value_ok: usize,
    value_lenient: usize,
    pred: usize,
    pred_other: usize,
    span_tp: usize,
}

impl Score {
    fn line(&self, name: &str) -> String {
        let pred = self.pred - self.pred_other;
        let p = ratio(self.span_tp, pred);
        let r = ratio(self.span_tp, self.gold);
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        format!(
            "{name:<34} gold {:>4}  value acc {:>6.2}% ({}/{}), lenient {:>6.2}%  found(overlap) {:>5.1}%  span P {:>5.1} R {:>5.1} F1 {:>5.1} (tp {} pred {})",
            self.gold,
            100.0 * ratio(self.value_ok, self.gold),
            self.value_ok,
            self.gold,
            100.0 * ratio(self.value_lenient, self.gold),
            100.0 * ratio(self.found, self.gold),
            100.0 * p,
            100.0 * r,
            100.0 * f,
            self.span_tp,
            pred
        )
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        #[allow(clippy::cast_precision_loss)]
        let v = a as f64 / b as f64;
        v
    }
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let i = tag.find(&key)? + key.len();
    let j = tag[i..].find('"')? + i;
    Some(tag[i..j].to_owned())
}

/// Strips TimeML tags from the TEXT part: (plain text, TIMEX3 gold, DCT).
fn parse_tml(src: &str) -> Option<(String, Vec<GoldT>, Option<Date>)> {
    let dct = src.find("CREATION_TIME").and_then(|i| {
        let start = src[..i].rfind("<TIMEX3")?;
        let end = src[i..].find('>')? + i;
        attr(&src[start..end], "value").and_then(|v| Date::parse_iso(&v))
    });
    let a = src.find("<TEXT>")? + "<TEXT>".len();
    let b = src[a..].find("</TEXT>")? + a;
    let body = &src[a..b];
    let mut out = String::with_capacity(body.len());
    let mut gold = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    let mut i = 0;
    let bytes = body.as_bytes();
    while i < bytes.len() {
        if bytes[i] == b'<' {
            let j = body[i..].find('>').map_or(bytes.len(), |j| j + i);
            let tag = &body[i..j];
            if tag.starts_with("<TIMEX3") {
                open = Some((
                    out.len(),
                    attr(tag, "type").unwrap_or_default(),
                    attr(tag, "value").unwrap_or_default(),
                ));
            } else if tag.starts_with("</TIMEX3") {
                if let Some((s, kind, value)) = open.take() {
                    gold.push(GoldT {
                        s,
                        e: out.len(),
                        kind,
                        value: normalise_gold(&value),
                    });
                }
            }
            i = j + 1;
            continue;
        }
        if bytes[i] == b'&' {
            let ents = [
                ("&amp;", '&'),
                ("&lt;", '<'),
                ("&gt;", '>'),
                ("&quot;", '"'),
                ("&apos;", '\''),
            ];
            if let Some((e, c)) = ents.iter().find(|(e, _)| body[i..].starts_with(e)) {
                out.push(*c);
                i += e.len();
                continue;
            }
        }
        let ch = body[i..].chars().next()?;
        out.push(ch);
        i += ch.len_utf8();
    }
    Some((out, gold, dct))
}

/// Pads week numbers the way ISO writes them (`2000-W7` -> `2000-W07`).
fn normalise_gold(v: &str) -> String {
    if let Some(p) = v.find("-W") {
        let rest = &v[p + 2..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 1 {
            return format!("{}-W0{}", &v[..p], rest);
        }
    }
    v.to_owned()
}

fn lenient_eq(got: &str, want: &str) -> bool {
    if got == want {
        return true;
    }
    if !want.contains('X') || got.len() < want.len() {
        return false;
    }
    got.bytes()
        .zip(want.bytes())
        .all(|(g, w)| w == b'X' || g == w)
        && got.len() == want.len()
}

fn score_doc(
    text: &str,
    gold: &[GoldT],
    preds: &[DateMatch],
    sc: &mut Score,
    verbose: bool,
    char_offsets: bool,
) {
    let conv = |m: &DateMatch| -> (usize, usize) {
        if char_offsets {
            let s = text[..m.span.start].chars().count();
            (s, s + text[m.span.start..m.span.end].chars().count())
        } else {
            (m.span.start, m.span.end)
        }
    };
    let spans: Vec<(usize, usize)> = preds.iter().map(conv).collect();
    let dates: Vec<&GoldT> = gold.iter().filter(|g| g.kind == "DATE").collect();
    sc.gold += dates.len();
    sc.pred += preds.len();
    for &(s, e) in &spans {
        let on_date = dates.iter().any(|g| s < g.e && g.s < e);
        let on_other = gold.iter().any(|g| g.kind != "DATE" && s < g.e && g.s < e);
        if !on_date && on_other {
            sc.pred_other += 1;
        }
    }
    for g in &dates {
        if spans.iter().any(|&(s, e)| s == g.s && e == g.e) {
            sc.span_tp += 1;
        } else if verbose {
            let cut = |a: usize, b: usize| -> String {
                if char_offsets {
                    text.chars().skip(a).take(b.saturating_sub(a)).collect()
                } else {
                    text.get(a..b).unwrap_or("").to_owned()
                }
            };
            for &(s, e) in spans.iter().filter(|&&(s, e)| s < g.e && g.s < e) {
                println!("  SPAN gold `{}` pred `{}`", cut(g.s, g.e), cut(s, e));
            }
        }
        let over: Vec<usize> = (0..preds.len())
            .filter(|&k| spans[k].0 < g.e && g.s < spans[k].1)
            .collect();
        if !over.is_empty() {
            sc.found += 1;
        }
        let vals: Vec<String> = over
            .iter()
            .filter_map(|&k| preds[k].timex.map(|t| t.iso()))
            .collect();
        if vals.iter().any(|v| v == &g.value) {
            sc.value_ok += 1;
            sc.value_lenient += 1;
        } else if vals.iter().any(|v| lenient_eq(v, &g.value)) {
            sc.value_lenient += 1;
        } else if verbose {
            let ctx_s = g.s.saturating_sub(40);
            let snippet: String = if char_offsets {
                text.chars().skip(g.s).take(g.e - g.s).collect()
            } else {
                text.get(g.s..g.e).unwrap_or("").to_owned()
            };
            let ctx: String = if char_offsets {
                text.chars().skip(ctx_s).take(g.e + 40 - ctx_s).collect()
            } else {
                let a = (0..=ctx_s)
                    .rev()
                    .find(|&k| text.is_char_boundary(k))
                    .unwrap_or(0);
                let b = (g.e + 40).min(text.len());
                let b = (b..=text.len())
                    .find(|&k| text.is_char_boundary(k))
                    .unwrap_or(text.len());
                text.get(a..b).unwrap_or("").to_owned()
            };
            println!("  MISS `{snippet}` want {} got {vals:?}", g.value);
            println!("       | {}", ctx.replace('\n', " "));
        }
    }
}

fn tbaq(dir: &Path, verbose: bool) -> Option<Score> {
    let mut sc = Score::default();
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tml"))
        .collect();
    files.sort();
    for f in files {
        let Ok(src) = std::fs::read_to_string(&f) else {
            continue;
        };
        let Some((text, gold, dct)) = parse_tml(&src) else {
            continue;
        };
        let preds = find_dates(&text, dct);
        if verbose {
            println!("# {}", f.display());
        }
        score_doc(&text, &gold, &preds, &mut sc, verbose, false);
    }
    Some(sc)
}

fn simple_timex(t: &str) -> bool {
    let b = t.as_bytes();
    let digit_or_x = |c: u8| c.is_ascii_digit() || c == b'X';
    match b.len() {
        4 => b.iter().all(|&c| digit_or_x(c)),
        7 => {
            b[..4].iter().all(|&c| digit_or_x(c))
                && b[4] == b'-'
                && (b[5..].iter().all(|&c| digit_or_x(c))
                    || b[5] == b'W'
                    || b[5] == b'Q'
                    || b[5] == b'H')
        }
        8 => b[..4].iter().all(|&c| digit_or_x(c)) && b[4] == b'-' && b[5] == b'W',
        10 => {
            b[..4].iter().all(|&c| digit_or_x(c))
                && b[4] == b'-'
                && b[7] == b'-'
                && b[5..7].iter().all(|&c| digit_or_x(c))
                && b[8..].iter().all(|&c| digit_or_x(c))
        }
        _ => false,
    }
}

fn recognizers(path: &Path, verbose: bool) -> Option<Score> {
    let s = std::fs::read_to_string(path).ok()?;
    let data: Value = serde_json::from_str(s.trim_start_matches('\u{feff}')).ok()?;
    let mut sc = Score::default();
    for case in data.as_array()? {
        if case["NotSupported"]
            .as_str()
            .is_some_and(|s| s.to_ascii_lowercase().contains("dotnet"))
        {
            continue;
        }
        let Some(text) = case["Input"].as_str() else {
            continue;
        };
        let base = case["Context"]["ReferenceDateTime"]
            .as_str()
            .and_then(Date::parse_iso);
        let mut gold = Vec::new();
        for r in case["Results"].as_array().into_iter().flatten() {
            let s = r["Start"].as_u64().unwrap_or(0) as usize;
            let e = r["End"].as_u64().unwrap_or(0) as usize + 1;
            let ty = r["TypeName"].as_str().unwrap_or("");
            let timex = r["Resolution"]["values"][0]["timex"].as_str().unwrap_or("");
            let is_date =
                matches!(ty, "datetimeV2.date" | "datetimeV2.daterange") && simple_timex(timex);
            gold.push(GoldT {
                s,
                e,
                kind: if is_date {
                    "DATE".into()
                } else {
                    "OTHER".into()
                },
                value: timex.into(),
            });
        }
        let preds = find_dates(text, base);
        score_doc(text, &gold, &preds, &mut sc, verbose, true);
    }
    Some(sc)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `--text "..." [--base YYYY-MM-DD]`: show what is found in one text
    if let Some(t) = args
        .iter()
        .position(|a| a == "--text")
        .and_then(|i| args.get(i + 1))
    {
        let base = args
            .iter()
            .position(|a| a == "--base")
            .and_then(|i| args.get(i + 1))
            .and_then(|b| Date::parse_iso(b));
        for m in find_dates(t, base) {
            println!(
                "{:?} {} {:?}",
                &t[m.span.start..m.span.end],
                m.rule,
                m.timex.map(|x| x.iso())
            );
        }
        return;
    }
    let verbose = args
        .iter()
        .position(|a| a == "--verbose")
        .and_then(|i| args.get(i + 1))
        .cloned()
        .unwrap_or_default();
    let Some(dir) = shared_dir() else {
        eprintln!(
            "shared data not found\nhint: set EVENTFRAME_SHARED to the folder holding data/dates"
        );
        return;
    };
    let d = dir.join("data/dates");
    println!("eval_dates on {}", d.display());
    for (name, sub) in [("TimeBank", "TimeBank"), ("AQUAINT", "AQUAINT")] {
        match tbaq(
            &d.join("tempeval3/TBAQ-cleaned").join(sub),
            verbose.eq_ignore_ascii_case(name),
        ) {
            Some(sc) => println!("{}", sc.line(&format!("tempeval3/{name} (DATE)"))),
            None => println!("tempeval3/{name}: missing"),
        }
    }
    match recognizers(
        &d.join("recognizers_text/DateTimeModel.json"),
        verbose.eq_ignore_ascii_case("recognizers"),
    ) {
        Some(sc) => println!("{}", sc.line("recognizers_text/DateTimeModel (date)")),
        None => println!("recognizers_text/DateTimeModel.json: missing"),
    }
}
