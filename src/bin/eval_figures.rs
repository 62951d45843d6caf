//! Scores the number finder on quantulum3 and Recognizers-Text specs.
//!
//! `cargo run --release --bin eval_figures [-- --verbose FILE_SUBSTRING]`
//!
//! Reads `$EVENTFRAME_SHARED/data/figures` (or `../shared`). For each file:
//! value accuracy (gold items with an overlapping predicted number of the same value) and span
//! P/R/F1 (exact spans).

use eventframe::shared::shared_dir;
use std::path::Path;

use eventframe::figures::numbers::{find_numbers, NumKind, NumberMatch};
use serde_json::Value;

/// One gold item: char span [s, e), value (and upper bound for ranges), scale for units.
struct Gold {
    s: usize,
    e: usize,
    value: Option<f64>,
    value_max: Option<f64>,
    text: String,
}

#[derive(Default)]
struct Score {
    gold: usize,
    gold_valued: usize,
    value_ok: usize,
    pred: usize,
    span_tp: usize,
}

impl Score {
    fn line(&self, name: &str) -> String {
        let p = ratio(self.span_tp, self.pred);
        let r = ratio(self.span_tp, self.gold);
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        format!(
            "{name:<42} gold {:>4}  value acc {:>6.2}% ({}/{})  span P {:>5.1} R {:>5.1} F1 {:>5.1}",
            self.gold,
            100.0 * ratio(self.value_ok, self.gold_valued),
            self.value_ok,
            self.gold_valued,
            100.0 * p,
            100.0 * r,
            100.0 * f
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

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * b.abs().max(1.0) || (a - b).abs() <= 1e-9
}

fn char_spans(text: &str, m: &NumberMatch) -> (usize, usize) {
    let s = text[..m.span.start].chars().count();
    let e = s + text[m.span.start..m.span.end].chars().count();
    (s, e)
}

/// Which predictions a spec file annotates (each spec annotates one kind of expression).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Want {
    All,
    Quantulum,
    Kind(NumKind),
    Range,
}

/// `midpoint`: a range may stand for its midpoint (quantulum3's convention); `years`: years
/// found as dates count as numbers (quantulum3 treats them as plain numbers).
fn score_case(text: &str, gold: &[Gold], sc: &mut Score, verbose: bool, want: Want) {
    let quantulum = want == Want::Quantulum;
    let (midpoint, years) = (quantulum, quantulum);
    let year_preds: Vec<(usize, usize, f64)> = if years {
        eventframe::figures::dates::find_dates(text, None)
            .into_iter()
            .filter_map(|m| match m.timex {
                Some(
                    eventframe::figures::dates::Timex::Year(y)
                    | eventframe::figures::dates::Timex::Decade(y),
                ) => {
                    let s = text[..m.span.start].chars().count();
                    Some((
                        s,
                        s + text[m.span.start..m.span.end].chars().count(),
                        f64::from(y),
                    ))
                }
                _ => None,
            })
            .collect()
    } else {
        Vec::new()
    };
    let preds: Vec<NumberMatch> = find_numbers(text)
        .into_iter()
        .filter(|m| match want {
            Want::All | Want::Quantulum => true,
            Want::Kind(k) => m.kind == k,
            Want::Range => m.value_max.is_some() || m.bound.is_some(),
        })
        .collect();
    let spans: Vec<(usize, usize)> = preds.iter().map(|m| char_spans(text, m)).collect();
    sc.gold += gold.len();
    sc.pred += preds.len();
    for g in gold {
        if spans.iter().any(|&(s, e)| s == g.s && e == g.e) {
            sc.span_tp += 1;
        }
        let Some(v) = g.value else { continue };
        sc.gold_valued += 1;
        let ok = preds.iter().zip(&spans).any(|(m, &(s, e))| {
            let mid = m.value_max.map(|hi| (m.value + hi) / 2.0);
            s < g.e
                && g.s < e
                && (close(m.value, v) || (midpoint && mid.is_some_and(|x| close(x, v))))
                && g.value_max
                    .is_none_or(|hi| m.value_max.is_some_and(|x| close(x, hi)))
        }) || year_preds
            .iter()
            .any(|&(s, e, y)| s < g.e && g.s < e && close(y, v));
        if ok {
            sc.value_ok += 1;
        } else if verbose {
            let got: Vec<String> = preds
                .iter()
                .map(|m| {
                    format!(
                        "{}={}{}",
                        &text[m.span.start..m.span.end],
                        m.value,
                        m.value_max.map_or(String::new(), |x| format!("..{x}"))
                    )
                })
                .collect();
            println!(
                "  MISS {:?} want `{}`={v}{} got {got:?}",
                text,
                g.text,
                g.value_max.map_or(String::new(), |x| format!("..{x}"))
            );
        }
    }
}

fn load(path: &Path) -> Option<Value> {
    let s = std::fs::read_to_string(path).ok()?;
    serde_json::from_str(s.trim_start_matches('\u{feff}')).ok()
}

fn quantulum(path: &Path, verbose: bool) -> Option<Score> {
    let data = load(path)?;
    let mut sc = Score::default();
    for case in data.as_array()? {
        let Some(text) = case["req"].as_str() else {
            continue;
        };
        let mut gold = Vec::new();
        let mut from = 0;
        for r in case["res"].as_array().into_iter().flatten() {
            let surface = r["surface"].as_str().unwrap_or("");
            let Some(pos) = text[from..].find(surface).map(|p| p + from) else {
                continue;
            };
            from = pos + surface.len();
            let s = text[..pos].chars().count();
            gold.push(Gold {
                s,
                e: s + surface.chars().count(),
                value: r["value"].as_f64(),
                value_max: None,
                text: surface.into(),
            });
        }
        score_case(text, &gold, &mut sc, verbose, Want::Quantulum);
    }
    Some(sc)
}

fn parse_value(v: &str, unit: Option<&str>) -> (Option<f64>, Option<f64>) {
    let v = v.trim();
    if let Some(inner) = v
        .strip_prefix(['(', '['])
        .and_then(|x| x.strip_suffix([')', ']']))
    {
        let mut it = inner.split(',');
        let lo = it.next().and_then(|x| x.trim().parse::<f64>().ok());
        let hi = it.next().and_then(|x| x.trim().parse::<f64>().ok());
        return match (lo, hi) {
            (Some(a), Some(b)) if (a - b).abs() < 1e-12 => (Some(a), None),
            (Some(a), Some(b)) => (Some(a), Some(b)),
            (Some(a), None) => (Some(a), None),
            (None, Some(b)) => (Some(b), None),
            _ => (None, None),
        };
    }
    let x = v.trim_end_matches('%').parse::<f64>().ok();
    // cents and pence are reported in the main currency unit by eventframe
    let x = match unit {
        Some("Cent" | "Pence" | "Penny") => x.map(|x| x / 100.0),
        _ => x,
    };
    (x, None)
}

fn recognizers(path: &Path, verbose: bool, want: Want) -> Option<Score> {
    let data = load(path)?;
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
        let mut gold = Vec::new();
        for r in case["Results"].as_array().into_iter().flatten() {
            let s = r["Start"].as_u64().unwrap_or(0) as usize;
            let e = r["End"].as_u64().unwrap_or(0) as usize + 1;
            let res = &r["Resolution"];
            let (value, value_max) = match res["value"].as_str() {
                Some(v) => parse_value(v, res["unit"].as_str()),
                None => (None, None),
            };
            // relative ordinals ("last", "next") have no numeric value
            let value = if r["TypeName"]
                .as_str()
                .is_some_and(|t| t.contains("relative"))
            {
                None
            } else {
                value
            };
            gold.push(Gold {
                s,
                e,
                value,
                value_max,
                text: r["Text"].as_str().unwrap_or("").into(),
            });
        }
        score_case(text, &gold, &mut sc, verbose, want);
    }
    Some(sc)
}

/// `--bench`: times the figures finders over the Reuters-21578 bodies.
fn bench(dir: &Path) {
    let corpus = dir.join("data/corpus/reuters21578");
    let mut docs: Vec<(String, Option<eventframe::date::Date>)> = Vec::new();
    for k in 0..22 {
        let Ok(bytes) = std::fs::read(corpus.join(format!("reut2-{k:03}.sgm"))) else {
            continue;
        };
        // Latin-1 to UTF-8
        let text: String = bytes.iter().map(|&b| char::from(b)).collect();
        let mut rest = text.as_str();
        while let Some(a) = rest.find("<BODY>") {
            let Some(b) = rest[a..].find("</BODY>") else {
                break;
            };
            docs.push((
                rest[a + 6..a + b].to_owned(),
                eventframe::date::Date::new(1987, 3, 1),
            ));
            rest = &rest[a + b..];
        }
    }
    let bytes: usize = docs.iter().map(|d| d.0.len()).sum();
    let t0 = std::time::Instant::now();
    let mut n_fig = 0;
    for (t, p) in &docs {
        n_fig += eventframe::figures::find_figures(t, *p).len();
    }
    let dt = t0.elapsed().as_secs_f64();
    #[allow(clippy::cast_precision_loss)]
    let mb = bytes as f64 / 1e6;
    println!("bench: {} docs, {mb:.1} MB, {n_fig} figures, {dt:.3} s, {:.1} MB/s (one thread, whole bodies)", docs.len(), mb / dt);
    let t0 = std::time::Instant::now();
    let mut n = 0;
    for (t, p) in &docs {
        let mut doc = eventframe::Document::new("b", t.clone(), *p);
        let st = eventframe::figures::Figures::new(std::sync::Arc::new(
            eventframe::knowledge::Knowledge::default(),
        ));
        let _ = eventframe::pipeline::Stage::process(&st, &mut doc);
        n += doc.figures.len();
    }
    let dt = t0.elapsed().as_secs_f64();
    println!(
        "bench: figures stage {n} figures, {dt:.3} s, {:.1} MB/s",
        mb / dt
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--bench") {
        match shared_dir() {
            Some(d) => bench(&d),
            None => eprintln!("shared data not found\nhint: set EVENTFRAME_SHARED"),
        }
        return;
    }
    // `--text "..."`: show what is found in one text
    if let Some(t) = args
        .iter()
        .position(|a| a == "--text")
        .and_then(|i| args.get(i + 1))
    {
        for f in eventframe::figures::find_figures(t, eventframe::date::Date::new(2024, 11, 6)) {
            let s = |x: Option<eventframe::document::Span>| x.map(|x| &t[x.start..x.end]);
            println!(
                "{:?} label={} value={:?}..{:?} unit={:?} approx={} bound={:?} about={:?} by={:?} hedge={:?} date={:?} rule={}",
                &t[f.span.start..f.span.end], f.label, f.value, f.value_max, f.unit, f.approximate, f.bound,
                s(f.about), s(f.attributed_to), f.hedge, f.date.map(|d| d.iso()), f.rule
            );
        }
        return;
    }
    let verbose_filter = args
        .iter()
        .position(|a| a == "--verbose")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let Some(dir) = shared_dir() else {
        eprintln!(
            "shared data not found\nhint: set EVENTFRAME_SHARED to the folder holding data/figures"
        );
        return;
    };
    let fig = dir.join("data/figures");
    println!("eval_figures on {}", fig.display());
    let vb = |name: &str| verbose_filter.as_deref().is_some_and(|f| name.contains(f));
    for name in ["quantities.json", "quantities.ambiguity.json"] {
        let p = fig.join("quantulum3").join(name);
        match quantulum(&p, vb(name)) {
            Some(sc) => println!("{}", sc.line(&format!("quantulum3/{name}"))),
            None => println!("quantulum3/{name}: missing"),
        }
    }
    for (name, want) in [
        ("Number_NumberModel.json", Want::All),
        ("Number_OrdinalModel.json", Want::Kind(NumKind::Ordinal)),
        ("Number_PercentModel.json", Want::Kind(NumKind::Percent)),
        (
            "NumberWithUnit_CurrencyModel.json",
            Want::Kind(NumKind::Money),
        ),
        (
            "NumberWithUnit_DimensionModel.json",
            Want::Kind(NumKind::Quantity),
        ),
        ("Number_NumberRangeModel.json", Want::Range),
        ("NumberWithUnit_AgeModel.json", Want::Kind(NumKind::Age)),
        (
            "NumberWithUnit_TemperatureModel.json",
            Want::Kind(NumKind::Quantity),
        ),
    ] {
        let p = fig.join("recognizers_text").join(name);
        match recognizers(&p, vb(name), want) {
            Some(sc) => println!("{}", sc.line(&format!("recognizers_text/{name}"))),
            None => println!("recognizers_text/{name}: missing"),
        }
    }
}
