//! Numbers and quantities: digits, number words, ordinals, fractions, ranges, bounds, money,
//! percentages, measurements, durations and ages, on any string slice.

use crate::document::Span;

use super::lex::{
    self, currency_code_prefix, currency_symbol, currency_word, dollar_prefix, low, ordinal_word,
    quantity_unit, scale_word, time_unit, tokenize, unit_word, Tok, K,
};
use super::lex::{month_word, weekday_word};

/// What kind of number an expression is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumKind {
    /// A plain count or number.
    Cardinal,
    /// An ordinal (`third`, `3rd`).
    Ordinal,
    /// A fraction (`two thirds`, `3/4`).
    Fraction,
    /// A percentage (`40%`, `40 per cent`).
    Percent,
    /// Money; `unit` is the ISO currency.
    Money,
    /// A measurement; `unit` is the normalised unit.
    Quantity,
    /// A length of time (`three years`); `unit` is the time unit.
    Duration,
    /// An age (`45-year-old`, `aged 45`).
    Age,
}

/// A number expression found in text.
#[derive(Clone, Debug, PartialEq)]
pub struct NumberMatch {
    /// Byte span (relative to the text searched).
    pub span: Span,
    /// Value (lower bound of a range).
    pub value: f64,
    /// Upper bound of a range.
    pub value_max: Option<f64>,
    /// Kind.
    pub kind: NumKind,
    /// ISO currency, unit or time unit.
    pub unit: Option<&'static str>,
    /// Approximate (`about`, `nearly`, `dozens of`).
    pub approximate: bool,
    /// Bound kind: `at_least`, `more_than`, `at_most`, `less_than`, `up_to`.
    pub bound: Option<&'static str>,
    /// The rule that produced it.
    pub rule: &'static str,
    /// Whether written as words only (`eleven`), not digits.
    pub words: bool,
    /// Light-token range (internal, for linking).
    pub(crate) toks: (usize, usize),
}

/// Finds the numbers of `text` (spans relative to `text`), skipping dates, times, phone
/// numbers and digits inside names.
///
/// ```
/// use eventframe::figures::numbers::find_numbers;
/// let found = find_numbers("Ukraine estimated 11,000 North Korean soldiers were in Kursk.");
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].value, 11000.0);
/// ```
#[must_use]
pub fn find_numbers(text: &str) -> Vec<NumberMatch> {
    let mut toks = Vec::new();
    tokenize(text, &mut toks);
    let mut dates = Vec::new();
    super::dates::dates_in(
        text,
        &toks,
        None,
        &mut super::dates::DateCtx::default(),
        &mut dates,
    );
    let masked = mask_of(&toks, dates.iter().map(|d| d.span));
    let mut out = Vec::new();
    numbers_in(text, &toks, &masked, &mut out);
    out
}

/// Marks the tokens covered by the given spans.
pub(crate) fn mask_of(toks: &[Tok], spans: impl Iterator<Item = Span>) -> Vec<bool> {
    let mut m = vec![false; toks.len()];
    let mut k = 0;
    let mut spans: Vec<Span> = spans.collect();
    spans.sort_unstable();
    for sp in spans {
        while k < toks.len() && toks[k].e <= sp.start {
            k += 1;
        }
        let mut j = k;
        while j < toks.len() && toks[j].s < sp.end {
            m[j] = true;
            j += 1;
        }
    }
    m
}

type Cx<'a> = lex::Toks<'a>;

impl lex::Toks<'_> {
    fn dash(&self, j: usize) -> bool {
        self.punct(j, "-") || self.punct(j, "–") || self.punct(j, "—")
    }
}

/// Parses digits with `,` thousands separators and one `.` decimal point.
pub(crate) fn parse_digits(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    if b.is_empty() {
        return None;
    }
    let dots = b.iter().filter(|&&c| c == b'.').count();
    let commas = b.iter().filter(|&&c| c == b',').count();
    if dots > 1 && commas == 0 {
        return None; // 192.168.1.2, version numbers
    }
    if dots > 1 {
        return None;
    }
    let (int_part, frac_part) = match s.find('.') {
        Some(p) => (&s[..p], Some(&s[p + 1..])),
        None => (s, None),
    };
    if commas > 0 {
        let groups: Vec<&str> = int_part.split(',').collect();
        let first_ok = !groups[0].is_empty() && groups[0].len() <= 3;
        let rest_ok = groups[1..].iter().all(|g| g.len() == 3);
        // Indian grouping 12,34,567
        let indian = groups.len() >= 3
            && groups[groups.len() - 1].len() == 3
            && groups[1..groups.len() - 1].iter().all(|g| g.len() == 2)
            && groups[0].len() <= 2;
        if !(first_ok && rest_ok || indian) {
            return None;
        }
    }
    // copy the digits (without separators) to a stack buffer and parse exactly
    let mut buf = [0u8; 64];
    let mut n = 0;
    for c in int_part
        .bytes()
        .filter(u8::is_ascii_digit)
        .chain(frac_part.map(|_| b'.'))
        .chain(frac_part.unwrap_or("").bytes())
    {
        if n == buf.len() {
            // very long digit runs: fall back to a float accumulation
            return Some(
                int_part
                    .bytes()
                    .filter(u8::is_ascii_digit)
                    .fold(0f64, |v, c| v * 10.0 + f64::from(c - b'0')),
            );
        }
        buf[n] = c;
        n += 1;
    }
    std::str::from_utf8(&buf[..n]).ok()?.parse::<f64>().ok()
}

fn vulgar(s: &str) -> Option<f64> {
    Some(match s {
        "½" => 0.5,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅕" => 0.2,
        "⅖" => 0.4,
        "⅗" => 0.6,
        "⅘" => 0.8,
        "⅙" => 1.0 / 6.0,
        "⅚" => 5.0 / 6.0,
        "⅛" => 0.125,
        "⅜" => 0.375,
        "⅝" => 0.625,
        "⅞" => 0.875,
        _ => return None,
    })
}

/// A parsed value before units and modifiers.
#[derive(Clone, Copy, Debug, Default)]
struct Val {
    v: f64,
    end: usize,
    ord: bool,
    frac: bool,
    approx: bool,
    bound: Option<&'static str>,
    words: bool,
    /// A scale word or suffix was applied (`million`, `bn`).
    scaled: bool,
    /// A glued `m` that may be million (money) or metres.
    glued_m: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum St {
    Start,
    Unit,
    Teen,
    Tens,
    Hundred,
    Scale,
    And,
}

/// A small plain integer in digits (no separators), for mixed forms like "3 hundred and 21".
fn small_int(cx: &Cx<'_>, j: usize) -> Option<f64> {
    let t = cx.t.get(j)?;
    let s = cx.s(j);
    if t.k != K::Num || s.len() > 3 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if cx.glued(j + 1) && cx.kind(j + 1) != Some(K::Punct) {
        return None;
    }
    parse_digits(s)
}

/// A fraction at `k`: "a half", "one quarter", "a third", "three fifths", "two thirds",
/// "one-eighth". Returns (value, end).
fn fraction_at(cx: &Cx<'_>, k: usize) -> Option<(f64, usize)> {
    let l = cx.lw(k);
    let num = match l.b() {
        b"a" | b"an" => 1.0,
        w => f64::from(unit_word(w).filter(|(v, t)| !t && *v > 0)?.0),
    };
    let mut d = k + 1;
    if cx.dash(d) {
        d += 1;
    }
    let dl = cx.lw(d);
    let den = match dl.b() {
        b"half" if num == 1.0 => 2.0,
        b"halves" => 2.0,
        b"quarter" if num == 1.0 => 4.0,
        b"quarters" => 4.0,
        w => match ordinal_word(w) {
            Some((v, plural)) if v >= 3 && (plural || num == 1.0) => f64::from(v),
            _ => return None,
        },
    };
    Some((num / den, d + 1))
}

/// Decimal digits said after "point": "zero three" = .03, "seventy-one" = .71.
fn point_decimals(cx: &Cx<'_>, k: usize) -> Option<(f64, usize)> {
    let mut digits = String::new();
    let mut j = k;
    while let Some((v, tens)) = unit_word(cx.lw(j).b()) {
        if v < 10 && !tens {
            digits.push(char::from(b'0' + u8::try_from(v).ok()?));
            j += 1;
            continue;
        }
        let mut v = v;
        j += 1;
        if tens && cx.dash(j) {
            if let Some((u, false)) = unit_word(cx.lw(j + 1).b()) {
                if u < 10 {
                    v += u;
                    j += 2;
                }
            }
        }
        digits.push_str(&v.to_string());
        break;
    }
    if digits.is_empty() {
        return None;
    }
    let f: f64 = format!("0.{digits}").parse().ok()?;
    Some((f, j))
}

#[allow(clippy::too_many_lines, clippy::cognitive_complexity)]
fn parse_words(cx: &Cx<'_>, i: usize) -> Option<Val> {
    let words = |v: f64, end: usize| {
        Some(Val {
            v,
            end,
            words: true,
            ..Val::default()
        })
    };
    let frac = |v: f64, end: usize| {
        Some(Val {
            v,
            end,
            words: true,
            frac: true,
            ..Val::default()
        })
    };
    let first = cx.lw(i);
    let fb = first.b();
    let mut article = false;
    let mut j = i;
    // "a hundred", "a dozen", "a million", "a half", "a third of"
    if matches!(fb, b"a" | b"an") {
        let nx = cx.lw(i + 1);
        let nb = nx.b();
        if matches!(
            nb,
            b"hundred"
                | b"thousand"
                | b"million"
                | b"billion"
                | b"trillion"
                | b"dozen"
                | b"lakh"
                | b"crore"
        ) {
            article = true;
            j = i + 1;
        } else if matches!(nb, b"half" | b"quarter") {
            if cx.is_any(
                i + 2,
                &[
                    b"century", b"mile", b"hour", b"dozen", b"million", b"billion", b"of",
                    b"point", b"percent",
                ],
            ) || time_unit(cx.lw(i + 2).b()).is_some()
            {
                return None;
            }
            return frac(if nb == b"half" { 0.5 } else { 0.25 }, i + 2);
        } else if let Some((t, true)) = unit_word(nb) {
            // "a twenty-first (of)": one part in twenty-one
            let k = if cx.dash(i + 2) { i + 3 } else { i + 2 };
            if let Some((d, false)) = ordinal_word(cx.lw(k).b()).filter(|(d, _)| *d < 10) {
                let after_ok = cx.is(k + 1, b"of") || cx.kind(k + 1) != Some(K::Word);
                if after_ok && !cx.dash(k + 1) {
                    return frac(1.0 / f64::from(t + d), k + 1);
                }
            }
            return None;
        } else if let Some((sc, false)) = nb
            .strip_suffix(b"ths")
            .or_else(|| nb.strip_suffix(b"th"))
            .and_then(scale_word)
            .filter(|_| cx.is(i + 2, b"of") || cx.kind(i + 2) != Some(K::Word))
        {
            // "a millionth of a second", "a trillionth": one part in that many
            return frac(1.0 / sc, i + 2);
        } else if let Some((d, false)) = ordinal_word(nb) {
            // "a fifth of", "a third." are fractions; "a third term" is an ordinal
            let after_ok = cx.is(i + 2, b"of") || cx.kind(i + 2) != Some(K::Word);
            if d >= 3 && after_ok && !cx.dash(i + 2) {
                let mut v = 1.0 / f64::from(d);
                let mut e = i + 2;
                if cx.is(e, b"of") && cx.is_any(e + 1, &[b"a", b"an"]) {
                    if let Some((sc, false)) = scale_word(cx.lw(e + 2).b()) {
                        if sc >= 1e3 {
                            v *= sc;
                            e += 3;
                        }
                    }
                }
                return frac(v, e);
            }
            return None;
        } else {
            return None;
        }
    }
    // "half a million", "half million", "quarter million", "half of the soldiers"
    if matches!(fb, b"half" | b"quarter") {
        let (k, with_a) = if cx.is_any(i + 1, &[b"a", b"an"]) {
            (i + 2, true)
        } else {
            (i + 1, false)
        };
        if let Some((sc, false)) = scale_word(cx.lw(k).b()) {
            if sc >= 1e3 && !cx.lw(k).b().ends_with(b"s") {
                let f = if fb == b"half" { 0.5 } else { 0.25 };
                return Some(Val {
                    v: f * sc,
                    end: k + 1,
                    words: true,
                    scaled: true,
                    ..Val::default()
                });
            }
        }
        if fb == b"half" && with_a && cx.is(k, b"dozen") {
            return words(6.0, k + 1);
        }
        if fb == b"half" && !with_a {
            let prev = cx.lw(i.wrapping_sub(1));
            let prev_ok = !matches!(
                prev.b(),
                b"first"
                    | b"second"
                    | b"last"
                    | b"the"
                    | b"a"
                    | b"one"
                    | b"and"
                    | b"this"
                    | b"next"
                    | b"latter"
                    | b"former"
            );
            let nx = cx.lw(i + 1);
            let noun = (nx.b().len() > 3
                && nx.b().ends_with(b"s")
                && time_unit(nx.b()).is_none()
                && !cx.capitalized(i + 1))
                || matches!(nx.b(), b"people" | b"men" | b"women" | b"children");
            if prev_ok && !cx.dash(i + 1) && (cx.is(i + 1, b"of") || noun) {
                return frac(0.5, i + 1);
            }
        }
        return None;
    }
    // "dozens of", "hundreds of", "thousands of", "millions of"
    let plural_scale = |w: &[u8]| -> Option<f64> {
        Some(match w {
            b"dozens" => 24.0,
            b"scores" => 40.0,
            b"hundreds" => 200.0,
            b"thousands" => 2000.0,
            b"tens" if cx.is(i + 1, b"of") && scale_word(cx.lw(i + 2).b()).is_some() => 20.0,
            b"millions" => 2e6,
            b"billions" => 2e9,
            _ => return None,
        })
    };
    if let Some(v) = plural_scale(fb) {
        let mut end = i + 1;
        let mut v = v;
        if cx.is(i + 1, b"of") {
            if let Some(v2) = plural_scale(cx.lw(i + 2).b()) {
                v = v / 2.0 * v2;
                end = i + 3;
            }
        }
        let rough = Val {
            v,
            end,
            approx: true,
            bound: Some("at_least"),
            words: true,
            ..Val::default()
        };
        if cx.is(end, b"of") || cx.is(end, b"more") || cx.is(i.wrapping_sub(1), b"the") {
            return Some(rough);
        }
        return None;
    }
    let mut total = 0f64;
    let mut cur = 0f64;
    let mut last = St::Start;
    let mut any = false;
    let mut end = i;
    let mut last_scale = 0f64;
    // value before an "and" that may introduce a fraction ("one hundred and three quarters")
    let mut and_base: Option<f64> = None;
    loop {
        // digits inside a word number: "3 hundred and 21", "4 thousand 3 hundred"
        if let Some(v) = small_int(cx, j) {
            let next_scale = cx.is(j + 1, b"hundred")
                || scale_word(cx.lw(j + 1).b()).is_some_and(|(sc, ab)| !ab && sc >= 1e3);
            let ok = match last {
                St::Start => next_scale && !article,
                St::Scale | St::And => true,
                St::Hundred => v < 100.0,
                _ => false,
            };
            if !ok {
                break;
            }
            cur += v;
            last = St::Teen;
            any = true;
            j += 1;
            end = j;
            continue;
        }
        let l = cx.lw(j);
        let w = l.b();
        if let Some((v, tens)) = unit_word(w) {
            let ok = match last {
                St::Start | St::Hundred | St::Scale | St::And => true,
                St::Tens => !tens && v > 0 && v < 10,
                _ => false,
            };
            // "three twenty-firsts", "one twenty-fifth", "one hundred thirty fifths": the
            // numerator, then a compound denominator
            if tens && last != St::And && (last != St::Start || article) {
                let mut k = j + 1;
                if cx.dash(k) {
                    k += 1;
                }
                let numer = total + if cur == 0.0 { 1.0 } else { cur };
                if let Some((d, plural)) = ordinal_word(cx.lw(k).b()).filter(|(d, _)| *d < 10) {
                    let adjective = cx.dash(k + 1)
                        || cx.is_any(
                            k + 1,
                            &[b"century", b"centuries", b"birthday", b"anniversary"],
                        );
                    if !adjective && (plural || (numer - 1.0).abs() < f64::EPSILON) {
                        return frac(numer / (f64::from(v) + f64::from(d)), k + 1);
                    }
                }
            }
            if !ok {
                break;
            }
            // "one-eighth", "five - eighths": a fraction, not a count
            if !tens && cx.dash(j + 1) && last != St::Tens {
                if let Some((f, e)) = fraction_at(cx, j) {
                    return frac(total + cur + f, e);
                }
            }
            cur += f64::from(v);
            last = if tens {
                St::Tens
            } else if v >= 10 {
                St::Teen
            } else {
                St::Unit
            };
            any = true;
            j += 1;
            end = j;
            if tens
                && cx.dash(j)
                && (unit_word(cx.lw(j + 1).b()).is_some_and(|(u, t)| !t && u > 0 && u < 10)
                    || ordinal_word(cx.lw(j + 1).b()).is_some_and(|(u, _)| u < 10))
            {
                j += 1;
            }
            continue;
        }
        if w == b"hundred" {
            if !(any || article) || matches!(last, St::Hundred) || cur >= 100.0 {
                break;
            }
            cur = if cur == 0.0 { 100.0 } else { cur * 100.0 };
            last = St::Hundred;
            any = true;
            j += 1;
            end = j;
            // "ninety-five hundred-fifths" = 9500 / 5
            if cx.dash(j) && cx.glued(j) {
                if let Some((d, true)) = ordinal_word(cx.lw(j + 1).b()) {
                    if d >= 3 {
                        return frac((total + cur) / f64::from(d), j + 2);
                    }
                }
            }
            continue;
        }
        if let Some((sc, false)) = scale_word(w) {
            if sc >= 1e3 && (any || article) && !w.ends_with(b"s") {
                if last == St::Scale && cur == 0.0 && sc > last_scale {
                    // "three lakh crore", "a thousand million": scales multiply
                    total *= sc;
                } else {
                    total += if cur == 0.0 { 1.0 } else { cur } * sc;
                }
                cur = 0.0;
                last_scale = sc;
                last = St::Scale;
                any = true;
                j += 1;
                end = j;
                continue;
            }
            break;
        }
        if matches!(w, b"dozen" | b"dozens" | b"dozs" | b"doz" | b"dz" | b"dzs")
            && (any || article)
            && matches!(
                last,
                St::Unit | St::Teen | St::Tens | St::Hundred | St::Start
            )
        {
            // "three hundred and two dozens" = 300 + 24
            let base = and_base.unwrap_or(0.0).min(total + cur);
            let part = total + cur - base;
            if and_base.is_some() && part > 0.0 {
                total = base + part * 12.0;
                cur = 0.0;
            } else {
                cur = if cur == 0.0 { 12.0 } else { cur * 12.0 };
            }
            last = St::Scale;
            any = true;
            j += 1;
            end = j;
            continue;
        }
        if w == b"and" && any {
            // "and a half", "and three fifths", "and a half million"
            if let Some((f, mut e)) = fraction_at(cx, j + 1) {
                let mult = if last == St::Scale && cur == 0.0 && last_scale >= 1e3 {
                    last_scale
                } else {
                    1.0
                };
                let mut v = total + cur + f * mult;
                if let Some((sc, false)) = scale_word(cx.lw(e).b()) {
                    if sc >= 1e3 && !cx.lw(e).b().ends_with(b"s") {
                        // "one billion and a half million" vs "five and a half million"
                        v = if last == St::Scale {
                            total + cur + f * sc
                        } else {
                            total + (cur + f) * sc
                        };
                        e += 1;
                    }
                }
                return words(v, e);
            }
            // "3 hundred and 2 hundred", "4 thousand 3 hundred and 0": two numbers
            let next_zero = cx.s(j + 1) == "0" || cx.is(j + 1, b"zero");
            let second_hundred = last == St::Hundred && cx.is(j + 2, b"hundred");
            let next_num = !next_zero
                && !second_hundred
                && (unit_word(cx.lw(j + 1).b()).is_some() || small_int(cx, j + 1).is_some());
            if next_num && matches!(last, St::Hundred | St::Scale) {
                and_base = Some(total + cur);
                last = St::And;
                j += 1;
                continue;
            }
            // "twenty and three fifths": only when a fraction follows
            if next_num && matches!(last, St::Unit | St::Teen | St::Tens) {
                let mut k = j + 1;
                while unit_word(cx.lw(k).b()).is_some() || cx.dash(k) {
                    k += 1;
                }
                if ordinal_word(cx.lw(k).b()).is_some_and(|(d, p)| p && d >= 3)
                    || cx.is_any(k, &[b"quarters", b"halves"])
                {
                    and_base = Some(total + cur);
                    total += cur;
                    cur = 0.0;
                    last = St::And;
                    j += 1;
                    continue;
                }
            }
            break;
        }
        if w == b"point" && any && !matches!(last, St::And) {
            if let Some((f, e)) = point_decimals(cx, j + 1) {
                return words(total + cur + f, e);
            }
            break;
        }
        // ordinals and fractions
        let ord = match w {
            b"trillionth" => Some((1e12_f64, false)),
            b"trillionths" => Some((1e12, true)),
            _ => ordinal_word(w).map(|(d, p)| (f64::from(d), p)),
        };
        if let Some((d, plural)) = ord {
            if !any && !article {
                if plural {
                    break;
                }
                return Some(Val {
                    v: d,
                    end: j + 1,
                    ord: true,
                    words: true,
                    ..Val::default()
                });
            }
            if d >= 100.0 && !plural && matches!(last, St::Unit | St::Teen | St::Tens | St::Hundred)
            {
                // "two hundredth", "three trillionth"
                let v = (total + if cur == 0.0 { 1.0 } else { cur }) * d;
                return Some(Val {
                    v,
                    end: j + 1,
                    ord: true,
                    words: true,
                    ..Val::default()
                });
            }
            if last == St::Tens && d < 10.0 && !plural {
                // "twenty-first"
                return Some(Val {
                    v: total + cur + d,
                    end: j + 1,
                    ord: true,
                    words: true,
                    ..Val::default()
                });
            }
            if matches!(last, St::Hundred | St::Scale) && !plural && d < 100.0 && and_base.is_none()
            {
                return Some(Val {
                    v: total + cur + d,
                    end: j + 1,
                    ord: true,
                    words: true,
                    ..Val::default()
                });
            }
            let mut base = and_base.unwrap_or(0.0);
            let mut numer = total + cur - base;
            // "one hundred and thirty fifths" = 130/5, but "one hundred and three quarters" = 100 3/4
            if numer >= d {
                base = 0.0;
                numer = total + cur;
            }
            if d >= 3.0 && (plural || (numer - 1.0).abs() < f64::EPSILON) && numer > 0.0 {
                let mut v = base + numer / d;
                let mut e = j + 1;
                // "two thirds of a million"
                if cx.is(e, b"of") && cx.is_any(e + 1, &[b"a", b"an"]) {
                    if let Some((sc, false)) = scale_word(cx.lw(e + 2).b()) {
                        if sc >= 1e3 {
                            v *= sc;
                            e += 3;
                        }
                    }
                }
                return frac(v, e);
            }
            break;
        }
        if matches!(w, b"half" | b"halves" | b"quarter" | b"quarters")
            && any
            && matches!(last, St::Unit | St::Teen | St::Tens)
        {
            let d = if w.starts_with(b"h") { 2.0 } else { 4.0 };
            let base = and_base.unwrap_or(0.0);
            let numer = total + cur - base;
            if matches!(w, b"quarter" | b"half") && (numer - 1.0).abs() > f64::EPSILON {
                break;
            }
            let mut f = numer / d;
            let mut e = j + 1;
            if let Some((sc, false)) = scale_word(cx.lw(j + 1).b()) {
                if sc >= 1e6 {
                    f *= sc;
                    e += 1;
                }
            }
            return frac(base + f, e);
        }
        break;
    }
    if !any {
        return None;
    }
    Some(Val {
        v: total + cur,
        end,
        words: true,
        scaled: total > 0.0,
        ..Val::default()
    })
}

fn parse_val(cx: &Cx<'_>, i: usize, money: bool) -> Option<Val> {
    let digits = parse_val_inner(cx, i, money);
    // mixed digits and words: "3 hundred and 21", "4 thousand 3 hundred"
    if small_int(cx, i).is_some() {
        if let Some(w) = parse_words(cx, i) {
            if digits.as_ref().is_none_or(|d| w.end > d.end) {
                return Some(Val { words: false, ..w });
            }
        }
    }
    digits
}

fn parse_val_inner(cx: &Cx<'_>, i: usize, money: bool) -> Option<Val> {
    let t = cx.t.get(i)?;
    match t.k {
        K::Word => parse_words(cx, i),
        K::Punct => {
            let v = vulgar(cx.s(i))?;
            Some(Val {
                v,
                end: i + 1,
                frac: true,
                ..Val::default()
            })
        }
        K::Num => {
            let s = cx.s(i);
            let mut v = parse_digits(s)?;
            let mut end = i + 1;
            let mut val = Val {
                words: false,
                ..Val::default()
            };
            // thousands grouped with spaces: "40 000", "1 414 021 100", "1\u{202f}234\u{202f}567.89"
            if s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit()) {
                let mut k = i + 1;
                let mut groups = 0;
                let mut narrow = true;
                let mut acc = v;
                while let Some(t) = cx.t.get(k) {
                    let g = cx.s(k);
                    let gap = &cx.text[cx.t[k - 1].e..t.s];
                    let int_len = g.find('.').unwrap_or(g.len());
                    if t.k != K::Num
                        || int_len != 3
                        || !g[..int_len].bytes().all(|b| b.is_ascii_digit())
                        || g.contains(',')
                    {
                        break;
                    }
                    if !matches!(gap, " " | "\u{202f}" | "\u{a0}" | "\u{2009}") {
                        break;
                    }
                    narrow &= gap != " ";
                    let Some(gv) = parse_digits(g) else { break };
                    acc = acc * 1000.0 + gv;
                    groups += 1;
                    k += 1;
                    if g.contains('.') {
                        break;
                    }
                }
                let ok = groups > 0 && (narrow || groups >= 2 || cx.s(i + 1) == "000");
                if ok {
                    v = acc;
                    end = i + 1 + groups;
                }
            }
            // powers: "1.1^23", "2.5^-1"
            if cx.punct(end, "^") && cx.glued(end) {
                let mut k = end + 1;
                let mut minus = 0;
                while cx.punct(k, "-") || cx.punct(k, "+") {
                    minus += usize::from(cx.punct(k, "-"));
                    k += 1;
                }
                if cx.kind(k) == Some(K::Num) && cx.glued(k) {
                    if let Ok(exp) = cx.s(k).parse::<i32>() {
                        if exp.abs() <= 300 {
                            let exp = if minus % 2 == 1 { -exp } else { exp };
                            return Some(Val {
                                v: v.powi(exp),
                                end: k + 1,
                                ..val
                            });
                        }
                    }
                }
            }
            // scientific notation: "1e10", "1.3e6", "12.32e+14", "1.3x10^6"
            if cx.glued(end) && cx.is_any(end, &[b"e"]) && cx.glued(end + 1) {
                let (sign, k) = if cx.punct(end + 1, "-") {
                    (-1, end + 2)
                } else if cx.punct(end + 1, "+") {
                    (1, end + 2)
                } else {
                    (1, end + 1)
                };
                if cx.glued(k) && cx.kind(k) == Some(K::Num) {
                    if let Ok(exp) = cx.s(k).parse::<i32>() {
                        if exp.abs() <= 300 {
                            return Some(Val {
                                v: v * 10f64.powi(sign * exp),
                                end: k + 1,
                                ..val
                            });
                        }
                    }
                }
            }
            if cx.glued(end)
                && cx.is_any(end, &[b"x"])
                && cx.s(end + 1) == "10"
                && cx.punct(end + 2, "^")
            {
                let (sign, k) = if cx.punct(end + 3, "-") {
                    (-1, end + 4)
                } else {
                    (1, end + 3)
                };
                if let Ok(exp) = cx.s(k).parse::<i32>() {
                    if exp.abs() <= 300 && cx.kind(k) == Some(K::Num) {
                        return Some(Val {
                            v: v * 10f64.powi(sign * exp),
                            end: k + 1,
                            ..val
                        });
                    }
                }
            }
            // fractions 3/4 and mixed 2 1/2
            if cx.punct(end, "/")
                && cx.glued(end)
                && cx.glued(end + 1)
                && cx.kind(end + 1) == Some(K::Num)
                && !s.contains(['.', ','])
            {
                let den = parse_digits(cx.s(end + 1))?;
                if den == 0.0 || cx.punct(end + 2, "/") {
                    return None;
                }
                return Some(Val {
                    v: v / den,
                    end: end + 2,
                    frac: true,
                    ..val
                });
            }
            if !cx.glued(end)
                && cx.kind(end) == Some(K::Num)
                && cx.punct(end + 1, "/")
                && cx.glued(end + 1)
                && cx.glued(end + 2)
                && !s.contains(['.', ','])
            {
                if let (Some(a), Some(b)) = (parse_digits(cx.s(end)), parse_digits(cx.s(end + 2))) {
                    if b > a && b > 0.0 && b <= 100.0 {
                        v += a / b;
                        end += 3;
                        return Some(Val {
                            v,
                            end,
                            frac: true,
                            ..val
                        });
                    }
                }
            }
            if let Some(f) =
                cx.t.get(end)
                    .filter(|t| t.glued && t.k == K::Punct)
                    .and_then(|_| vulgar(cx.s(end)))
            {
                return Some(Val {
                    v: v + f,
                    end: end + 1,
                    frac: true,
                    ..val
                });
            }
            // glued suffixes
            if cx.glued(end) && cx.kind(end) == Some(K::Word) {
                let l = cx.lw(end);
                let w = l.b();
                let raw = cx.s(end);
                if matches!(w, b"st" | b"nd" | b"rd" | b"th") && !s.contains(['.', ',']) {
                    return Some(Val {
                        v,
                        end: end + 1,
                        ord: true,
                        ..val
                    });
                }
                if raw == "M" || raw == "m" && money {
                    val.glued_m = raw == "m";
                    return Some(Val {
                        v: v * 1e6,
                        end: end + 1,
                        scaled: true,
                        ..val
                    });
                }
                if raw == "T" && money {
                    return Some(Val {
                        v: v * 1e12,
                        end: end + 1,
                        scaled: true,
                        ..val
                    });
                }
                if raw == "G" && (money || s.contains('.')) {
                    return Some(Val {
                        v: v * 1e9,
                        end: end + 1,
                        scaled: true,
                        ..val
                    });
                }
                if let Some((sc, true)) = scale_word(w) {
                    let ok = match w {
                        b"b" => money || raw == "B" || s.contains('.'),
                        b"mm" => raw == "MM",
                        _ => true,
                    };
                    if ok {
                        return Some(Val {
                            v: v * sc,
                            end: end + 1,
                            scaled: true,
                            ..val
                        });
                    }
                }
                if let Some((sc, false)) = scale_word(w) {
                    if !w.ends_with(b"s") {
                        return Some(Val {
                            v: v * sc,
                            end: end + 1,
                            scaled: true,
                            ..val
                        });
                    }
                }
            }
            // spaced scale words: "1.2 billion", "3 million", "322 hundred", "2.33 k"
            let l = cx.lw(end);
            let w = l.b();
            if let Some((sc, abbr)) = scale_word(w) {
                let ok = !w.ends_with(b"s");
                let ok = ok
                    && (!abbr
                        || matches!(w, b"bn" | b"mn" | b"mln" | b"bln" | b"tn" | b"tln" | b"k"));
                let ok = ok && !(w == b"k" && cx.glued(end + 1));
                if ok {
                    v *= sc;
                    end += 1;
                    // "2 million and a half" / "3 million and a quarter"
                    if cx.is(end, b"and")
                        && cx.is_any(end + 1, &[b"a", b"one"])
                        && cx.is_any(end + 2, &[b"half", b"quarter"])
                    {
                        let f = if cx.is(end + 2, b"half") { 0.5 } else { 0.25 };
                        v += f * sc;
                        end += 3;
                    }
                    return Some(Val {
                        v,
                        end,
                        scaled: true,
                        ..val
                    });
                }
            }
            if matches!(w, b"dozen" | b"dozens" | b"dz" | b"dzs" | b"doz" | b"dozs") {
                return Some(Val {
                    v: v * 12.0,
                    end: end + 1,
                    ..val
                });
            }
            Some(Val { v, end, ..val })
        }
    }
}

fn bound_before(cx: &Cx<'_>, i: usize) -> Option<(usize, Option<&'static str>, bool)> {
    // returns (start token, bound, approximate)
    let w1 = cx.lw(i.checked_sub(1)?);
    let w2 = if i >= 2 { cx.lw(i - 2) } else { low("") };
    let w3 = if i >= 3 { cx.lw(i - 3) } else { low("") };
    let (b1, b2, b3) = (w1.b(), w2.b(), w3.b());
    // symbols: ">10", ">= 30", "≤ 5"
    let p1 = cx.s(i - 1);
    if cx.kind(i - 1) == Some(K::Punct) {
        let p2 = if i >= 2 { cx.s(i - 2) } else { "" };
        return match (p2, p1) {
            (">", "=") => Some((i - 2, Some("at_least"), false)),
            ("<", "=") => Some((i - 2, Some("at_most"), false)),
            (_, ">") => Some((i - 1, Some("more_than"), false)),
            (_, "<") => Some((i - 1, Some("less_than"), false)),
            (_, "≥") => Some((i - 1, Some("at_least"), false)),
            (_, "≤") => Some((i - 1, Some("at_most"), false)),
            (_, "~") => Some((i - 1, None, true)),
            _ => None,
        };
    }
    // "less than or equal to 30", "greater than or equal to 50", "at least or equal to 30"
    if (b3, b2, b1) == (&b"or"[..], &b"equal"[..], &b"to"[..]) && i >= 5 {
        let (a5, a4) = (cx.lw(i - 5), cx.lw(i - 4));
        let b = match (a5.b(), a4.b()) {
            (b"less" | b"fewer" | b"smaller" | b"lower", b"than") | (b"at", b"most") => {
                Some("at_most")
            }
            (b"more" | b"greater" | b"larger" | b"higher", b"than") | (b"at", b"least") => {
                Some("at_least")
            }
            _ => None,
        };
        if b.is_some() {
            return Some((i - 5, b, false));
        }
    }
    let r = match (b3, b2, b1) {
        (_, b"at", b"least") => (i - 2, Some("at_least"), false),
        (b"no" | b"not", b"more", b"than") => (i - 3, Some("at_most"), false),
        (b"no" | b"not", b"fewer" | b"less", b"than") => (i - 3, Some("at_least"), false),
        (
            _,
            _,
            b"exceeding" | b"exceed" | b"exceeds" | b"surpass" | b"surpassing" | b"surpassed"
            | b"topping",
        ) => (i - 1, Some("more_than"), false),
        (b"more" | b"greater" | b"larger" | b"higher", b"or", b"so") => (i - 2, None, true),
        (_, b"more" | b"greater" | b"larger" | b"higher", b"than") => {
            (i - 2, Some("more_than"), false)
        }
        (_, b"less" | b"fewer" | b"lower" | b"smaller", b"than") => {
            (i - 2, Some("less_than"), false)
        }
        (_, b"at", b"most") => (i - 2, Some("at_most"), false),
        (_, b"up", b"to") => (i - 2, Some("up_to"), false),
        (b"as", b"many" | b"much", b"as") => (i - 3, Some("up_to"), false),
        (b"in", b"excess", b"of") => (i - 3, Some("more_than"), false),
        (_, b"upwards" | b"upward", b"of") => (i - 2, Some("more_than"), false),
        (_, b"close", b"to") => (i - 2, None, true),
        (_, b"an" | b"the", b"estimated") => (i - 2, None, true),
        (_, b"just", b"over") => (i - 2, Some("more_than"), true),
        (_, b"just", b"under") => (i - 2, Some("less_than"), true),
        (_, _, b"over" | b"above") => (i - 1, Some("more_than"), false),
        (_, _, b"under" | b"below") => (i - 1, Some("less_than"), false),
        (
            _,
            _,
            b"about" | b"around" | b"approximately" | b"approx" | b"roughly" | b"some" | b"circa"
            | b"nearly" | b"almost" | b"ca",
        ) => (i - 1, None, true),
        _ => {
            if cx.punct(i - 1, "~") {
                (i - 1, None, true)
            } else {
                return None;
            }
        }
    };
    Some(r)
}

/// The percent sign or word at `j`: returns the end token.
fn percent_at(cx: &Cx<'_>, j: usize) -> Option<usize> {
    if cx.punct(j, "%") || cx.punct(j, "％") {
        return Some(j + 1);
    }
    let l = cx.lw(j);
    match l.b() {
        b"percent" | b"percents" | b"pct" | b"percentage" => {
            if cx.is_any(j + 1, &[b"point", b"points"]) {
                return Some(j + 2);
            }
            Some(j + 1)
        }
        b"pc" if cx.glued(j) || !cx.capitalized(j) => Some(j + 1),
        b"per" if cx.is(j + 1, b"cent") => Some(j + 2),
        _ => None,
    }
}

/// A currency before the number at token `i`: (start token, ISO code).
fn currency_before(cx: &Cx<'_>, i: usize) -> Option<(usize, &'static str)> {
    let p = i.checked_sub(1)?;
    let t = cx.t.get(p)?;
    if t.k == K::Punct {
        let sym = cx.s(p);
        if let Some(code) = currency_symbol(sym) {
            if code == "USD" && p >= 1 && cx.glued(p) && cx.kind(p - 1) == Some(K::Word) {
                // US$, C$, HK$, A$ ...
                if let Some(c) = dollar_prefix(cx.lw(p - 1).b()) {
                    return Some((p - 1, c));
                }
            }
            if code == "USD"
                && p >= 3
                && cx.glued(p)
                && cx.punct(p - 1, ".")
                && cx.is(p - 2, b"s")
                && cx.is(p - 4, b"u")
            {
                return Some((p - 4, "USD"));
            }
            return Some((p, code));
        }
        return None;
    }
    if t.k == K::Word {
        let l = cx.lw(p);
        if let Some(c) = currency_code_prefix(l.b()) {
            let raw = cx.s(p);
            // codes are written in capitals or glued ("USD115"), or "Rs"
            if raw.bytes().all(|b| b.is_ascii_uppercase()) || cx.glued(i) || l.b() == b"rs" {
                return Some((p, c));
            }
        }
        if l.b() == b"sen" && !cx.glued(i) {
            return None;
        }
    }
    None
}

/// Money or unit after the value (ending at `j`): (end token, kind, unit).
fn unit_after(cx: &Cx<'_>, j: usize, had_currency: bool) -> Option<(usize, NumKind, &'static str)> {
    let l = cx.lw(j);
    let w = l.b();
    if cx.punct(j, "°") {
        if cx.glued(j + 1) && cx.is_any(j + 1, &[b"c", b"f"]) {
            let u = if cx.is(j + 1, b"c") { "°C" } else { "°F" };
            return Some((j + 2, NumKind::Quantity, u));
        }
        return Some((j + 1, NumKind::Quantity, "°"));
    }
    if cx.kind(j) == Some(K::Punct) {
        if let Some(code) = currency_symbol(cx.s(j)) {
            if !had_currency && !cx.t.get(j + 1).is_some_and(|t| t.k == K::Num && t.glued) {
                return Some((j + 1, NumKind::Money, code));
            }
        }
        return None;
    }
    if cx.kind(j) != Some(K::Word) {
        return None;
    }
    if let Some(code) = currency_symbol(cx.s(j)) {
        return Some((j + 1, NumKind::Money, code));
    }
    // "US dollars", "Swiss francs", "Australian dollars", "Hong Kong dollars"
    let two = |a: &[u8], code: &'static str| -> Option<(usize, NumKind, &'static str)> {
        if w == a {
            if let Some(c) = currency_word(cx.lw(j + 1).b()) {
                if matches!(c, "USD" | "CHF" | "NOK" | "SEK") {
                    return Some((j + 2, NumKind::Money, code));
                }
            }
        }
        None
    };
    for (a, code) in [
        (&b"us"[..], "USD"),
        (b"american", "USD"),
        (b"canadian", "CAD"),
        (b"australian", "AUD"),
        (b"singapore", "SGD"),
        (b"taiwan", "TWD"),
        (b"swiss", "CHF"),
        (b"french", "FRF"),
        (b"belgian", "BEF"),
        (b"swedish", "SEK"),
        (b"danish", "DKK"),
        (b"norwegian", "NOK"),
        (b"zimbabwean", "ZWL"),
        (b"jamaican", "JMD"),
        (b"namibian", "NAD"),
        (b"liberian", "LRD"),
    ] {
        if let Some(r) = two(a, code) {
            return Some(r);
        }
    }
    if w == b"new" && cx.is(j + 1, b"zealand") && currency_word(cx.lw(j + 2).b()) == Some("USD") {
        return Some((j + 3, NumKind::Money, "NZD"));
    }
    if w == b"hong" && cx.is(j + 1, b"kong") && currency_word(cx.lw(j + 2).b()) == Some("USD") {
        return Some((j + 3, NumKind::Money, "HKD"));
    }
    // a nationality before the currency word names the currency
    let nx_is_money = |k: usize| {
        let nx = cx.lw(k);
        currency_word(nx.b()).is_some()
            || matches!(
                nx.b(),
                b"markka"
                    | b"guilders"
                    | b"guilder"
                    | b"pounds"
                    | b"pound"
                    | b"dinar"
                    | b"dinars"
                    | b"kwacha"
                    | b"birr"
                    | b"taka"
                    | b"forint"
                    | b"koruna"
                    | b"leu"
                    | b"lei"
                    | b"tenge"
                    | b"manat"
            )
    };
    let qualified = match w {
        b"chinese" => Some("CNY"),
        b"japanese" => Some("JPY"),
        b"turkish" => Some("TRY"),
        b"indian" => Some("INR"),
        b"pakistani" => Some("PKR"),
        b"nepalese" | b"nepali" => Some("NPR"),
        b"russian" => Some("RUB"),
        b"mexican" => Some("MXN"),
        b"colombian" => Some("COP"),
        b"argentine" | b"argentinian" => Some("ARS"),
        b"chilean" => Some("CLP"),
        b"cuban" => Some("CUP"),
        b"uruguayan" => Some("UYU"),
        b"brazilian" => Some("BRL"),
        b"philippine" => Some("PHP"),
        b"dutch" => Some("NLG"),
        b"finnish" => Some("FIM"),
        b"egyptian" => Some("EGP"),
        b"lebanese" => Some("LBP"),
        b"syrian" => Some("SYP"),
        b"sudanese" => Some("SDG"),
        b"iraqi" => Some("IQD"),
        b"jordanian" => Some("JOD"),
        b"kuwaiti" => Some("KWD"),
        b"bahraini" => Some("BHD"),
        b"libyan" => Some("LYD"),
        b"algerian" => Some("DZD"),
        b"tunisian" => Some("TND"),
        b"serbian" => Some("RSD"),
        b"kenyan" => Some("KES"),
        b"ugandan" => Some("UGX"),
        b"tanzanian" => Some("TZS"),
        b"somali" => Some("SOS"),
        b"nigerian" => Some("NGN"),
        b"ghanaian" => Some("GHS"),
        b"ethiopian" => Some("ETB"),
        b"zambian" => Some("ZMW"),
        b"iranian" => Some("IRR"),
        b"saudi" => Some("SAR"),
        b"israeli" => Some("ILS"),
        b"ukrainian" => Some("UAH"),
        b"polish" => Some("PLN"),
        b"hungarian" => Some("HUF"),
        b"czech" => Some("CZK"),
        b"romanian" => Some("RON"),
        b"bulgarian" => Some("BGN"),
        b"korean" => Some("KRW"),
        b"north" if cx.is(j + 1, b"korean") => Some("KPW"),
        b"south" if cx.is(j + 1, b"korean") => Some("KRW"),
        b"south" if cx.is(j + 1, b"african") => Some("ZAR"),
        b"sri" if cx.is(j + 1, b"lankan") => Some("LKR"),
        b"thai" => Some("THB"),
        b"vietnamese" => Some("VND"),
        b"indonesian" => Some("IDR"),
        b"malaysian" => Some("MYR"),
        b"bangladeshi" => Some("BDT"),
        b"afghan" => Some("AFN"),
        b"kazakh" => Some("KZT"),
        _ => None,
    };
    if let Some(code) = qualified {
        let k = if matches!(w, b"north" | b"south" | b"sri") {
            j + 2
        } else {
            j + 1
        };
        if nx_is_money(k) {
            return Some((k + 1, NumKind::Money, code));
        }
    }
    if matches!(w, b"guilder" | b"guilders") {
        return Some((j + 1, NumKind::Money, "NLG"));
    }
    if matches!(w, b"peseta" | b"pesetas") {
        return Some((j + 1, NumKind::Money, "ESP"));
    }
    if matches!(w, b"mark" | b"marks" | b"deutschmarks") && (w != b"mark" || !cx.capitalized(j)) {
        return Some((j + 1, NumKind::Money, "DEM"));
    }
    if cx.glued(j) && matches!(cx.s(j), "C" | "F") {
        return Some((
            j + 1,
            NumKind::Quantity,
            if cx.s(j) == "C" { "°C" } else { "°F" },
        ));
    }
    if matches!(w, b"pound" | b"pounds") {
        // money after a scale ("20 million pounds") or in a money context, else weight
        let scaled = j > 0 && scale_word(cx.lw(j - 1).b()).is_some();
        let money_ctx = (j.saturating_sub(8)..j).any(|k| {
            matches!(
                cx.lw(k).b(),
                b"cost"
                    | b"costs"
                    | b"paid"
                    | b"pay"
                    | b"pays"
                    | b"fined"
                    | b"fine"
                    | b"worth"
                    | b"price"
                    | b"priced"
                    | b"spent"
                    | b"spend"
                    | b"raised"
                    | b"sold"
                    | b"bought"
                    | b"earn"
                    | b"earned"
                    | b"earns"
                    | b"salary"
                    | b"budget"
                    | b"loan"
                    | b"bid"
                    | b"profit"
                    | b"revenue"
                    | b"deal"
                    | b"fund"
                    | b"funding"
                    | b"investment"
                    | b"invest"
                    | b"invested"
                    | b"compensation"
                    | b"award"
                    | b"awarded"
                    | b"damages"
                    | b"bill"
                    | b"tax"
                    | b"owed"
                    | b"debt"
                    | b"sales"
                    | b"turnover"
            )
        });
        if scaled || money_ctx || cx.is(j + 1, b"sterling") {
            return Some((j + 1, NumKind::Money, "GBP"));
        }
        return Some((j + 1, NumKind::Quantity, "lb"));
    }
    if w == b"metric" && cx.is_any(j + 1, &[b"ton", b"tons", b"tonne", b"tonnes"]) {
        return Some((j + 2, NumKind::Quantity, "t"));
    }
    if matches!(w, b"years" | b"months" | b"weeks" | b"year" | b"month")
        && cx.is(j + 1, b"of")
        && cx.is(j + 2, b"age")
    {
        let u = if w.starts_with(b"y") {
            "year"
        } else if w.starts_with(b"m") {
            "month"
        } else {
            "week"
        };
        return Some((j + 3, NumKind::Age, u));
    }
    if w == b"yo" || (w == b"y" && cx.punct(j + 1, ".") && cx.is(j + 2, b"o")) {
        return Some((if w == b"yo" { j + 1 } else { j + 4 }, NumKind::Age, "year"));
    }
    if matches!(w, b"deg" | b"degs") {
        let e = if cx.punct(j + 1, ".") { j + 2 } else { j + 1 };
        return Some((e, NumKind::Quantity, "°"));
    }
    if let Some(code) = currency_word(w) {
        // short/ambiguous ones only as written codes or in clear money contexts
        let raw = cx.s(j);
        let ambiguous = matches!(
            w,
            b"p" | b"won"
                | b"real"
                | b"try"
                | b"rand"
                | b"dong"
                | b"sar"
                | b"ils"
                | b"rub"
                | b"nis"
        );
        if ambiguous
            && !(raw.bytes().all(|b| b.is_ascii_uppercase()) && raw.len() == 3
                || (w == b"p" && cx.glued(j)))
        {
            return None;
        }
        if w == b"won" && !cx.glued(j) {
            return None;
        }
        return Some((j + 1, NumKind::Money, code));
    }
    if let Some(u) = quantity_unit(w) {
        let raw = cx.s(j);
        let glued = cx.glued(j);
        // one-letter and short ambiguous units only when glued
        let ambiguous = matches!(
            w,
            b"m" | b"g"
                | b"t"
                | b"l"
                | b"in"
                | b"w"
                | b"v"
                | b"ha"
                | b"gr"
                | b"mt"
                | b"cc"
                | b"kt"
                | b"sq"
                | b"oz"
                | b"gal"
                | b"mi"
        );
        let dimension_in = w == b"in"
            && cx.kind(j + 1) == Some(K::Word)
            && cx.is_any(
                j + 1,
                &[b"thick", b"wide", b"long", b"tall", b"high", b"deep"],
            );
        let allowed = !ambiguous || glued || dimension_in || (w == b"mi" && raw == "mi");
        if !allowed {
            return None;
        }
        if w == b"sq" {
            let nx = cx.lw(j + 1);
            if let Some(u2) = quantity_unit(nx.b()) {
                let e = j + 2;
                return Some((
                    e,
                    NumKind::Quantity,
                    match u2 {
                        "km" => "km²",
                        "m" => "m²",
                        "mi" => "mi²",
                        "ft" => "ft²",
                        _ => "sq",
                    },
                ));
            }
            return None;
        }
        let mut e = j + 1;
        // km/h, kg/cm²
        if cx.punct(e, "/") && cx.glued(e) && cx.is_any(e + 1, &[b"h", b"hr", b"hour", b"s"]) {
            e += 2;
            let unit = match u {
                "km" => "km/h",
                "m" => "m/s",
                _ => u,
            };
            return Some((e, NumKind::Quantity, unit));
        }
        return Some((e, NumKind::Quantity, u));
    }
    if matches!(w, b"square" | b"cubic") {
        if let Some(u2) = quantity_unit(cx.lw(j + 1).b()) {
            let unit = match (w, u2) {
                (b"square", "km") => "km²",
                (b"square", "m") => "m²",
                (b"square", "mi") => "mi²",
                (b"square", "ft") => "ft²",
                (b"cubic", "m") => "m³",
                (b"cubic", "ft") => "ft³",
                _ => u2,
            };
            return Some((j + 2, NumKind::Quantity, unit));
        }
    }
    if matches!(w, b"degrees" | b"degree" | b"deg")
        && cx.is_any(j + 1, &[b"celsius", b"centigrade", b"c"])
    {
        return Some((j + 2, NumKind::Quantity, "°C"));
    }
    if matches!(w, b"degrees" | b"degree" | b"deg") && cx.is_any(j + 1, &[b"fahrenheit", b"f"]) {
        return Some((j + 2, NumKind::Quantity, "°F"));
    }
    None
}

/// Whether the number at `i` is part of a time, phone number, id or name.
fn is_noise(cx: &Cx<'_>, i: usize, val: &Val) -> bool {
    let s = cx.s(i);
    let prev_glued = cx.glued(i);
    // times 10:30, 3 pm
    if cx.punct(val.end, ":") && cx.glued(val.end) && cx.kind(val.end + 1) == Some(K::Num) {
        return true;
    }
    if i >= 1 && cx.punct(i - 1, ":") && prev_glued && cx.kind(i.wrapping_sub(2)) == Some(K::Num) {
        return true;
    }
    if cx.is_any(
        val.end,
        &[
            b"am", b"pm", b"gmt", b"utc", b"est", b"bst", b"cet", b"edt", b"pst",
        ],
    ) || (cx.is_any(val.end, &[b"a", b"p"])
        && cx.punct(val.end + 1, ".")
        && cx.is(val.end + 2, b"m"))
    {
        return !val.words || cx.is_any(val.end, &[b"am", b"pm"]) || cx.punct(val.end + 1, ".");
    }
    if val.words {
        return false;
    }
    // phone numbers: +1-222-2222, 555-1234-5678, (020) 7946 0958
    if i >= 1 && cx.punct(i - 1, "+") && prev_glued {
        return true;
    }
    if cx.dash(val.end)
        && cx.glued(val.end)
        && cx.kind(val.end + 1) == Some(K::Num)
        && cx.glued(val.end + 1)
        && cx.dash(val.end + 2)
        && cx.kind(val.end + 3) == Some(K::Num)
    {
        return true;
    }
    if i >= 2
        && cx.dash(i - 1)
        && prev_glued
        && cx.kind(i - 2) == Some(K::Num)
        && cx.glued(i - 1)
        && i >= 4
        && cx.dash(i - 3)
        && cx.kind(i - 4) == Some(K::Num)
    {
        return true;
    }
    // ids: glued to letters ("G7", "A320", "MH17"), or after "Name-" ("F-16", "COVID-19", "Su-57")
    if prev_glued
        && i >= 1
        && cx.kind(i - 1) == Some(K::Word)
        && currency_code_prefix(cx.lw(i - 1).b()).is_none()
    {
        return true;
    }
    if prev_glued
        && i >= 2
        && cx.dash(i - 1)
        && cx.glued(i - 1)
        && cx.kind(i - 2) == Some(K::Word)
        && cx.capitalized(i - 2)
    {
        return true;
    }
    if cx.glued(val.end) && cx.kind(val.end) == Some(K::Word) && val.end == i + 1 {
        // "4x4" or "3D" or "5G": digits glued to letters that are not a suffix we know
        let l = cx.lw(val.end);
        let raw = cx.s(val.end);
        // one capital letter that is not a scale or temperature: a name ("3G", "G7" is caught above)
        if raw.len() == 1
            && raw.bytes().all(|b| b.is_ascii_uppercase())
            && !matches!(raw, "M" | "B" | "K" | "T" | "C" | "F")
        {
            return true;
        }
        if quantity_unit(l.b()).is_none()
            && !matches!(raw, "C" | "F")
            && currency_word(l.b()).is_none()
            && time_unit(l.b()).is_none()
            && percent_at(cx, val.end).is_none()
            && !matches!(l.b(), b"s" | b"year" | b"yr")
        {
            return true;
        }
    }
    // an age group "the over-70s", "under-18s": not a count
    if i >= 2
        && cx.dash(i - 1)
        && prev_glued
        && cx.glued(i - 1)
        && cx.is_any(i - 2, &[b"over", b"under"])
        && cx.is(val.end, b"s")
        && cx.glued(val.end)
    {
        return true;
    }
    // "No. 5", "#3", "ID 48213", "flight 370" are labels, numbers like 007 are codes
    if i >= 1 && cx.punct(i - 1, "#") {
        return true;
    }
    if i >= 2 && cx.punct(i - 1, ".") && cx.glued(i - 1) && cx.is_any(i - 2, &[b"no", b"nos"]) {
        return true;
    }
    if i >= 1
        && cx.is_any(
            i - 1,
            &[
                b"id",
                b"flight",
                b"route",
                b"highway",
                b"room",
                b"article",
                b"resolution",
                b"section",
                b"chapter",
                b"page",
                b"code",
                b"model",
                b"version",
                b"ticket",
                b"platform",
                b"gate",
                b"channel",
                b"bus",
            ],
        )
    {
        return true;
    }
    // phone numbers: 555-1234 (three digits, a dash, four digits)
    let plain = |k: usize, len: usize| {
        cx.kind(k) == Some(K::Num)
            && cx.s(k).len() == len
            && cx.s(k).bytes().all(|b| b.is_ascii_digit())
    };
    if plain(i, 3) && cx.dash(i + 1) && cx.glued(i + 1) && cx.glued(i + 2) && plain(i + 2, 4) {
        return true;
    }
    if plain(i, 4) && i >= 2 && cx.dash(i - 1) && prev_glued && cx.glued(i - 1) && plain(i - 2, 3) {
        return true;
    }
    // digits in a name: "Boeing 747", "Apollo 11", "Windows 10" (a capitalised word that is not
    // the first of its sentence, and nothing counted after the number)
    if i >= 1
        && cx.kind(i - 1) == Some(K::Word)
        && cx.capitalized(i - 1)
        && !lex::is_stop_word(cx.lw(i - 1).b())
        && month_word(cx.lw(i - 1).b()).is_none()
        && weekday_word(cx.lw(i - 1).b()).is_none()
        && currency_code_prefix(cx.lw(i - 1).b()).is_none()
        && currency_word(cx.lw(i - 1).b()).is_none()
        && dollar_prefix(cx.lw(i - 1).b()).is_none()
        && !cx.s(i - 1).bytes().all(|b| b.is_ascii_uppercase())
        && !cx.is_any(
            i - 1,
            &[
                b"about",
                b"around",
                b"nearly",
                b"almost",
                b"some",
                b"only",
                b"just",
                b"least",
                b"approximately",
                b"roughly",
                b"exactly",
                b"another",
                b"all",
                b"top",
                b"over",
                b"up",
                b"under",
                b"below",
                b"above",
                b"upwards",
                b"barely",
                b"fully",
                b"both",
                b"first",
                b"last",
                b"fewer",
                b"less",
                b"more",
                b"maybe",
                b"perhaps",
                b"total",
            ],
        )
        && val.end == i + 1
        && !cx.glued(val.end)
        && match cx.kind(val.end) {
            None | Some(K::Punct) => true,
            Some(K::Num) => false,
            Some(K::Word) => {
                let l = cx.lw(val.end);
                let b = l.b();
                cx.capitalized(val.end)
                    || (lex::is_stop_word(b) && !matches!(b, b"of" | b"per"))
                    || (!b.ends_with(b"s") && !matches!(b, b"people" | b"dead" | b"children"))
                        && quantity_unit(b).is_none()
                        && currency_word(b).is_none()
                        && time_unit(b).is_none()
                        && scale_word(b).is_none()
                        && percent_at(cx, val.end).is_none()
            }
        }
    {
        return true;
    }
    if s.len() > 1 && s.starts_with('0') && !s.starts_with("0.") && !s.starts_with("0,") {
        return true;
    }
    false
}

/// Finds numbers on pre-tokenised text, skipping masked tokens (dates).
#[allow(clippy::too_many_lines, clippy::cognitive_complexity)]
pub(crate) fn numbers_in(text: &str, toks: &[Tok], masked: &[bool], out: &mut Vec<NumberMatch>) {
    let first = out.len();
    numbers_raw(text, toks, masked, out);
    let cx = Cx { text, t: toks };
    share_units(&cx, &mut out[first..]);
    join_unit_ranges(&cx, out, first);
}

/// Coordinated numbers share the unit written once at the end: "three and four-year-olds",
/// "three-, four- and five-day visits" (ages, durations and quantities glued by a hyphen, or
/// a number left hanging on its own hyphen).
fn share_units(cx: &Cx<'_>, ms: &mut [NumberMatch]) {
    // whether the match after `k` took its unit from the one after it ("three, four and
    // five-year-olds")
    let mut carried = false;
    for k in (0..ms.len().saturating_sub(1)).rev() {
        let b_carried = std::mem::take(&mut carried);
        let (a, b) = (&ms[k], &ms[k + 1]);
        if a.kind != NumKind::Cardinal
            || a.value_max.is_some()
            || a.bound.is_some()
            || !matches!(b.kind, NumKind::Age | NumKind::Duration | NumKind::Quantity)
            || b.value_max.is_some()
        {
            continue;
        }
        let (ae, bs) = (a.toks.1, b.toks.0);
        if bs <= ae || bs - ae > 3 {
            continue;
        }
        // a suspended hyphen "three-", then "and" / "or" / ","
        let hanging = cx.dash(ae) && cx.glued(ae);
        let from = if hanging { ae + 1 } else { ae };
        let joins = (from..bs).all(|j| cx.punct(j, ",") || cx.is_any(j, &[b"and", b"or"]));
        let joined = from < bs && joins;
        // the unit glued to the last number by a hyphen: "four-year-olds"
        let hyphen_unit = b.toks.1 > bs + 1 && cx.dash(bs + 1) && cx.glued(bs + 1);
        if joined && (hanging || hyphen_unit || b_carried) {
            carried = true;
            let (kind, unit, rule) = (b.kind, b.unit, b.rule);
            let a = &mut ms[k];
            a.kind = kind;
            a.unit = unit;
            a.rule = rule;
        }
    }
}

/// `from six months to nine`, `between 2 km and 5`: a range whose unit is written once after
/// its first number takes it for both ends.
fn join_unit_ranges(cx: &Cx<'_>, out: &mut Vec<NumberMatch>, first: usize) {
    let joins = |a: &NumberMatch, b: &NumberMatch| -> bool {
        let opener = a.toks.0.checked_sub(1).map(|p| cx.lw(p));
        let from = opener.is_some_and(|w| w.b() == b"from");
        let between = opener.is_some_and(|w| w.b() == b"between");
        let sep = a.toks.1;
        matches!(a.kind, NumKind::Duration | NumKind::Quantity | NumKind::Age)
            && a.value_max.is_none()
            && a.bound.is_none()
            && b.kind == NumKind::Cardinal
            && b.unit.is_none()
            && b.value_max.is_none()
            && b.bound.is_none()
            && b.toks.0 == sep + 1
            && ((from && cx.is_any(sep, &[b"to", b"through"])) || (between && cx.is(sep, b"and")))
            && b.value > a.value
            // "from six months to nine children": the second number counts something else
            && (cx.kind(b.toks.1) != Some(K::Word) || lex::is_stop_word(cx.lw(b.toks.1).b()))
    };
    // compact in place (linear): `w` is the last kept match
    let mut w = first;
    for r in first..out.len() {
        if r > first && joins(&out[w], &out[r]) {
            let (end, hi, te) = (out[r].span.end, out[r].value, out[r].toks.1);
            let a = &mut out[w];
            a.value_max = Some(hi);
            a.span = Span::new(a.span.start, end);
            a.toks.1 = te;
            continue;
        }
        if r > first {
            w += 1;
        }
        out.swap(w, r);
    }
    out.truncate(if out.len() > first { w + 1 } else { first });
}

/// The numbers of `toks`, each on its own.
fn numbers_raw(text: &str, toks: &[Tok], masked: &[bool], out: &mut Vec<NumberMatch>) {
    let cx = Cx { text, t: toks };
    let n = toks.len();
    let mut i = 0;
    let masked_at = |j: usize| masked.get(j).copied().unwrap_or(false);
    while i < n {
        let t = toks[i];
        if masked_at(i) {
            i += 1;
            continue;
        }
        // cheap first check: digits, a number-word initial, or a vulgar fraction
        let quick = match t.k {
            K::Num => true,
            K::Word => {
                let c = text.as_bytes()[t.s].to_ascii_lowercase();
                matches!(
                    c,
                    b'a' | b'd'
                        | b'e'
                        | b'f'
                        | b'h'
                        | b'm'
                        | b'n'
                        | b'o'
                        | b'q'
                        | b's'
                        | b't'
                        | b'z'
                        | b'b'
                        | b'p'
                )
            }
            K::Punct => text.as_bytes()[t.s] >= 0x80,
        };
        if !quick {
            i += 1;
            continue;
        }
        // "percent of 10", "per cent of twenty-two"
        if t.k == K::Word && text.as_bytes()[t.s].eq_ignore_ascii_case(&b'p') {
            if let Some(pe) = percent_at(&cx, i).filter(|_| !cx.is(i, b"pc") && !cx.is(i, b"pct")) {
                if cx.is(pe, b"of") && !masked_at(pe + 1) {
                    if let Some(v) = parse_val(&cx, pe + 1, false).filter(|v| !v.ord) {
                        let span = Span::new(t.s, toks[v.end - 1].e);
                        out.push(NumberMatch {
                            span,
                            value: v.v,
                            value_max: None,
                            kind: NumKind::Percent,
                            unit: Some("%"),
                            approximate: false,
                            bound: None,
                            rule: "percent",
                            words: v.words,
                            toks: (i, v.end),
                        });
                        i = v.end;
                        continue;
                    }
                }
            }
            i += 1;
            continue;
        }
        let money_ctx = currency_before(&cx, i).is_some();
        let Some(val) = parse_val(&cx, i, money_ctx) else {
            // "22,24,26,31": a list of numbers, not one number
            let s = cx.s(i);
            if t.k == K::Num && s.contains(',') && !s.contains('.') {
                let mut off = t.s;
                for part in s.split(',') {
                    if let Some(v) = parse_digits(part) {
                        let span = Span::new(off, off + part.len());
                        out.push(NumberMatch {
                            span,
                            value: v,
                            value_max: None,
                            kind: NumKind::Cardinal,
                            unit: None,
                            approximate: false,
                            bound: None,
                            rule: "number:list",
                            words: false,
                            toks: (i, i + 1),
                        });
                    }
                    off += part.len() + 1;
                }
            }
            i += 1;
            continue;
        };
        if val.end <= i || (i..val.end).any(&masked_at) {
            i += 1;
            continue;
        }
        // a lone "one"/"a" pronoun use: "the one", "which one", "one of"?
        if val.words && val.end == i + 1 && cx.is(i, b"one") {
            let p = cx.lw(i.wrapping_sub(1));
            if matches!(
                p.b(),
                b"the"
                    | b"this"
                    | b"that"
                    | b"which"
                    | b"each"
                    | b"any"
                    | b"every"
                    | b"no"
                    | b"another"
                    | b"some"
                    | b"no-"
                    | b"every-"
            ) || cx.is_any(i + 1, &[b"another", b"day", b"time"]) && !cx.is(i + 1, b"time")
            {
                i += 1;
                continue;
            }
        }
        // a capitalised number word after a capitalised word is part of a name ("Guildford Four")
        if val.words
            && val.end == i + 1
            && cx.capitalized(i)
            && i >= 1
            && cx.kind(i - 1) == Some(K::Word)
            && cx.capitalized(i - 1)
        {
            i += 1;
            continue;
        }
        // "second" as a time unit: "a second", "per second", "one second"
        if val.ord
            && val.words
            && cx.is(i, b"second")
            && cx.is_any(i.wrapping_sub(1), &[b"a", b"per", b"split", b"one"])
        {
            i += 1;
            continue;
        }
        if is_noise(&cx, i, &val) {
            // skip the whole digit group
            i = val.end.max(i + 1);
            continue;
        }
        let mut ts = i;
        let mut te = val.end;
        let mut value = val.v;
        let mut value_max = None;
        let mut kind = if val.ord {
            NumKind::Ordinal
        } else if val.frac {
            NumKind::Fraction
        } else {
            NumKind::Cardinal
        };
        let mut unit: Option<&'static str> = None;
        let mut approximate = val.approx;
        let mut bound = val.bound;
        let mut rule = if val.words {
            "number:words"
        } else {
            "number:digits"
        };
        // negative numbers
        let after_num = i >= 2 && cx.kind(i - 2) == Some(K::Num);
        // a spaced minus only opens a text or follows an opening bracket or "="
        let opens = i == 1 || (i >= 2 && matches!(cx.s(i - 2), "(" | "=" | "["));
        let neg = i >= 1
            && !after_num
            && ((!val.words
                && cx.punct(i - 1, "-")
                && (opens || (cx.glued(i) && !cx.glued(i - 1))))
                || cx.is_any(i - 1, &[b"minus", b"negative"]));
        if neg {
            ts = i - 1;
            value = -value;
        }
        // currency before
        if let Some((cs, code)) = currency_before(&cx, ts) {
            let (mult, code) = match code {
                "MUSD" => (1e6, "USD"),
                "MEUR" => (1e6, "EUR"),
                "MGBP" => (1e6, "GBP"),
                "MAUD" => (1e6, "AUD"),
                c => (1.0, c),
            };
            value *= mult;
            ts = cs;
            kind = NumKind::Money;
            unit = Some(code);
            rule = "money:symbol";
            // "$40bn"-style suffixes already applied; "$ 75 million" too.
        }
        // ratios: "one in five", "two out of five hundred", "2000 over 3"
        if kind == NumKind::Cardinal && value != 0.0 {
            let (k, how) = if cx.is(te, b"out") && cx.is(te + 1, b"of") {
                (te + 2, 0)
            } else if cx.is(te, b"over") {
                (te + 1, 1)
            } else if cx.is(te, b"in") {
                (te + 1, 2)
            } else {
                (te, 3)
            };
            if how < 3 && !masked_at(k) {
                if let Some(v2) = parse_val(&cx, k, false) {
                    let after_word = cx.kind(v2.end) == Some(K::Word);
                    let ok = !v2.ord
                        && !v2.frac
                        && v2.v > 0.0
                        && !(v2.end..v2.end + 1).any(&masked_at)
                        && match how {
                            0 => value < v2.v,
                            1 => !after_word && !cx.punct(v2.end, "%"),
                            _ => {
                                (value - 1.0).abs() < f64::EPSILON
                                    && v2.v > 1.0
                                    && percent_at(&cx, v2.end).is_none()
                            }
                        };
                    if ok {
                        value /= v2.v;
                        kind = NumKind::Fraction;
                        te = v2.end;
                        rule = "number:ratio";
                    }
                }
            }
        }
        // range: "10 to 15", "10-15", "between 10 and 15", "from 10 to 15", "two or three"
        let between = ts >= 1 && cx.is(ts - 1, b"between")
            || ts >= 2
                && cx.is(ts - 2, b"between")
                && cx.lw(ts - 1).b().is_empty()
                && kind == NumKind::Money;
        let sep_ok = |j: usize| -> bool {
            if cx.dash(j) {
                return true;
            }
            let l = cx.lw(j);
            match l.b() {
                b"to" | b"through" => !val.ord,
                b"and" => between,
                b"or" => val.words && !val.ord,
                _ => false,
            }
        };
        if kind != NumKind::Ordinal && sep_ok(te) && !masked_at(te + 1) {
            let mut j = te + 1;
            // "$10 to $15"
            let mut cur2 = None;
            if let Some(code) =
                cx.t.get(j)
                    .filter(|t| t.k == K::Punct)
                    .and_then(|_| currency_symbol(cx.s(j)))
            {
                cur2 = Some(code);
                j += 1;
            }
            let digits_ok = cx.kind(j) == Some(K::Num) || cx.kind(j) == Some(K::Word);
            let is_dash = cx.dash(te);
            // a dash range needs digits on both sides written tightly ("10-15"), and is not a phone/score-like
            if digits_ok && (!is_dash || (!val.words && cx.kind(j) == Some(K::Num))) {
                if let Some(v2) = parse_val(&cx, j, money_ctx || cur2.is_some()) {
                    let mut hi = v2.v;
                    let mut lo = value;
                    // "10 to 15 million": scale applies to both
                    if v2.scaled && !val.scaled && lo.abs() < hi.abs() / 100.0 {
                        let sc = [1e12, 1e9, 1e6, 1e3, 1e2]
                            .into_iter()
                            .find(|&s| hi / s >= 1.0 && (hi / s) < 1000.0)
                            .unwrap_or(1.0);
                        lo *= sc;
                    }
                    let more_dash =
                        is_dash && cx.dash(v2.end) && cx.kind(v2.end + 1) == Some(K::Num);
                    let yearish = |x: f64| (1000.0..=2099.0).contains(&x);
                    let years = is_dash
                        && cx.s(i).len() == 4
                        && cx.s(j).len() == 4
                        && yearish(value)
                        && yearish(v2.v);
                    if hi > lo && !v2.ord && !more_dash && !years {
                        value = lo;
                        let _ = &mut hi;
                        value_max = Some(hi);
                        te = v2.end;
                        rule = "number:range";
                        if cur2.is_some() && unit.is_none() {
                            unit = cur2;
                            kind = NumKind::Money;
                        }
                    }
                }
            }
        }
        // bound / approximation words before
        if value_max.is_none() || between {
            let at = ts;
            if let Some((bs, b, approx)) = bound_before(&cx, at) {
                if !(bs..at).any(&masked_at) {
                    if b.is_some() {
                        bound = b;
                    }
                    approximate |= approx;
                }
            }
        }
        // "100 or more", "500 and above", "5000 or less"
        if bound.is_none() && kind != NumKind::Ordinal && cx.is_any(te, &[b"or", b"and"]) {
            let b = match cx.lw(te + 1).b() {
                b"more" | b"greater" | b"above" | b"over" | b"higher" => Some("at_least"),
                b"less" | b"fewer" | b"below" | b"under" | b"lower" => Some("at_most"),
                _ => None,
            };
            let next_num = cx.kind(te + 2) == Some(K::Num)
                || (cx.is(te + 2, b"than") && cx.kind(te + 3) == Some(K::Num));
            if b.is_some() && !next_num {
                bound = b;
            }
        }
        // units after
        if kind != NumKind::Ordinal {
            if let Some(e) = percent_at(&cx, te) {
                kind = NumKind::Percent;
                unit = Some("%");
                te = e;
                rule = "percent";
            } else if kind != NumKind::Money {
                if let Some((e, k, u)) = unit_after(&cx, te, false) {
                    let (mut mult, u) = match u {
                        "USD/100" => (0.01, "USD"),
                        "GBP/100" => (0.01, "GBP"),
                        "MUSD" => (1e6, "USD"),
                        "MEUR" => (1e6, "EUR"),
                        "MGBP" => (1e6, "GBP"),
                        "MAUD" => (1e6, "AUD"),
                        _ => (1.0, u),
                    };
                    let mut e = e;
                    // "75 USD million"
                    if k == NumKind::Money && !val.scaled {
                        if let Some((sc, false)) = scale_word(cx.lw(e).b()) {
                            if sc >= 1e3 && !cx.lw(e).b().ends_with(b"s") {
                                mult *= sc;
                                e += 1;
                            }
                        }
                    }
                    if !(k == NumKind::Quantity && val.glued_m) {
                        value *= mult;
                        if let Some(m) = value_max.as_mut() {
                            *m *= mult;
                        }
                        kind = k;
                        unit = Some(u);
                        te = e;
                        rule = if k == NumKind::Money {
                            "money:word"
                        } else {
                            "quantity:unit"
                        };
                        // "3 dollars 50 cents", "15 dollars and 50"
                        let symbol_unit = cx.kind(e - 1) == Some(K::Punct);
                        if k == NumKind::Money && mult == 1.0 && !val.scaled && !symbol_unit {
                            let mut j = te;
                            if cx.is(j, b"and") {
                                j += 1;
                            }
                            if let Some(c) = parse_val(&cx, j, false) {
                                if !c.ord
                                    && !c.frac
                                    && c.v < 100.0
                                    && c.v >= 1.0
                                    && (c.v.fract() == 0.0)
                                {
                                    let k2 = if cx
                                        .is_any(c.end, &[b"cents", b"cent", b"pence", b"penny"])
                                    {
                                        c.end + 1
                                    } else {
                                        c.end
                                    };
                                    let noun_follows = k2 == c.end
                                        && (cx.glued(k2)
                                            || cx.kind(k2) == Some(K::Num)
                                            || (cx.kind(k2) == Some(K::Word)
                                                && !lex::is_stop_word(cx.lw(k2).b()))
                                            || unit_after(&cx, k2, false).is_some());
                                    if !cx.is_any(k2, &[b"percent", b"times"]) && !noun_follows {
                                        value += c.v / 100.0;
                                        te = k2;
                                    }
                                }
                            }
                        }
                    }
                } else if let Some((tu, _)) = time_unit(cx.lw(te).b()) {
                    // durations and ages; "two days ago" is a date and masked earlier
                    if cx.is(te + 1, b"old")
                        && matches!(
                            tu,
                            lex::TUnit::Year
                                | lex::TUnit::Month
                                | lex::TUnit::Week
                                | lex::TUnit::Day
                        )
                    {
                        kind = NumKind::Age;
                        unit = Some(tu.name());
                        te += 2;
                        rule = "age";
                    } else if !matches!(tu, lex::TUnit::Second) || !val.ord {
                        kind = NumKind::Duration;
                        unit = Some(tu.name());
                        te += 1;
                        rule = "duration";
                    }
                } else if cx.dash(te) && cx.glued(te) && cx.glued(te + 1) {
                    // "45-year-old", "10-day", "3-km"
                    let l = cx.lw(te + 1);
                    if let Some((tu, false)) = time_unit(l.b()) {
                        // "four-year-old", "four-year-olds"
                        if cx.dash(te + 2) && cx.is_any(te + 3, &[b"old", b"olds"]) {
                            kind = NumKind::Age;
                            unit = Some(tu.name());
                            te += 4;
                            rule = "age";
                        } else {
                            kind = NumKind::Duration;
                            unit = Some(tu.name());
                            te += 2;
                            rule = "duration";
                        }
                    } else if let Some(code) = currency_word(l.b()).filter(|_| {
                        matches!(
                            l.b(),
                            b"cent" | b"dollar" | b"euro" | b"pound" | b"yen" | b"penny"
                        )
                    }) {
                        let (mult, code) = match code {
                            "USD/100" => (0.01, "USD"),
                            "GBP/100" => (0.01, "GBP"),
                            c => (1.0, c),
                        };
                        value *= mult;
                        kind = NumKind::Money;
                        unit = Some(code);
                        te += 2;
                        rule = "money:word";
                    } else if let Some(u) = quantity_unit(l.b()) {
                        if !matches!(l.b(), b"in" | b"t" | b"g" | b"l" | b"w" | b"v") {
                            kind = NumKind::Quantity;
                            unit = Some(u);
                            te += 2;
                            rule = "quantity:unit";
                        }
                    }
                }
            } else if kind == NumKind::Money {
                // "$5 billion dollars": swallow a repeated currency word; "€3.5m"
                if let Some((e, NumKind::Money, _)) = unit_after(&cx, te, true) {
                    te = e;
                }
            }
        }
        // "aged 45", "age 45"
        if kind == NumKind::Cardinal && ts == i && i >= 1 && cx.is_any(i - 1, &[b"aged", b"age"]) {
            kind = NumKind::Age;
            unit = Some("year");
            rule = "age";
        }
        // bare glued "m" after a non-money number: metres
        if val.glued_m && kind != NumKind::Money {
            value /= 1e6;
            kind = NumKind::Quantity;
            unit = Some("m");
        }
        let span = Span::new(toks[ts].s, toks[te - 1].e);
        out.push(NumberMatch {
            span,
            value,
            value_max,
            kind,
            unit,
            approximate,
            bound,
            rule,
            words: val.words,
            toks: (ts, te),
        });
        i = te;
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::type_complexity)]
mod tests {
    use super::*;

    /// A unit written once serves coordinated numbers and both ends of a range.
    #[test]
    fn shared_units() {
        type Row = (
            &'static str,
            f64,
            Option<f64>,
            NumKind,
            Option<&'static str>,
        );
        let cases: &[(&str, &[Row])] = &[
            (
                "Three and four-year-olds were hurt.",
                &[
                    ("Three", 3.0, None, NumKind::Age, Some("year")),
                    ("four-year-olds", 4.0, None, NumKind::Age, Some("year")),
                ],
            ),
            (
                "three, four and five-year-olds",
                &[
                    ("three", 3.0, None, NumKind::Age, Some("year")),
                    ("four", 4.0, None, NumKind::Age, Some("year")),
                    ("five-year-olds", 5.0, None, NumKind::Age, Some("year")),
                ],
            ),
            (
                "two- and three-day visits",
                &[
                    ("two", 2.0, None, NumKind::Duration, Some("day")),
                    ("three-day", 3.0, None, NumKind::Duration, Some("day")),
                ],
            ),
            (
                "children from six months to nine were sick",
                &[(
                    "six months to nine",
                    6.0,
                    Some(9.0),
                    NumKind::Duration,
                    Some("month"),
                )],
            ),
            (
                "aged six to nine months",
                &[(
                    "six to nine months",
                    6.0,
                    Some(9.0),
                    NumKind::Duration,
                    Some("month"),
                )],
            ),
            (
                "between 2 km and 5",
                &[("2 km and 5", 2.0, Some(5.0), NumKind::Quantity, Some("km"))],
            ),
            // two counts, or two units: nothing shared
            (
                "from six months to nine children",
                &[
                    ("six months", 6.0, None, NumKind::Duration, Some("month")),
                    ("nine", 9.0, None, NumKind::Cardinal, None),
                ],
            ),
            (
                "from six months to nine years",
                &[
                    ("six months", 6.0, None, NumKind::Duration, Some("month")),
                    ("nine years", 9.0, None, NumKind::Duration, Some("year")),
                ],
            ),
            (
                "3 and 4 km",
                &[
                    ("3", 3.0, None, NumKind::Cardinal, None),
                    ("4 km", 4.0, None, NumKind::Quantity, Some("km")),
                ],
            ),
        ];
        for (text, want) in cases {
            let got: Vec<Row> = find_numbers(text)
                .into_iter()
                .map(|m| {
                    (
                        &text[m.span.start..m.span.end],
                        m.value,
                        m.value_max,
                        m.kind,
                        m.unit,
                    )
                })
                .collect();
            assert_eq!(got, *want, "{text}");
        }
    }

    fn one(
        text: &str,
    ) -> (
        String,
        f64,
        Option<f64>,
        NumKind,
        Option<&'static str>,
        Option<&'static str>,
        bool,
    ) {
        let m = find_numbers(text);
        assert_eq!(m.len(), 1, "{text}: {m:?}");
        let m = &m[0];
        (
            text[m.span.start..m.span.end].to_string(),
            m.value,
            m.value_max,
            m.kind,
            m.unit,
            m.bound,
            m.approximate,
        )
    }

    #[test]
    fn values() {
        use NumKind::*;
        let cases: &[(&str, &str, f64, Option<f64>, NumKind, Option<&str>)] = &[
            (
                "Ukraine estimated 11,000 North Korean soldiers",
                "11,000",
                11000.0,
                None,
                Cardinal,
                None,
            ),
            ("it grew 3.5 times", "3.5", 3.5, None, Cardinal, None),
            (
                "eleven thousand people",
                "eleven thousand",
                11000.0,
                None,
                Cardinal,
                None,
            ),
            ("two dozen eggs", "two dozen", 24.0, None, Cardinal, None),
            ("a hundred men", "a hundred", 100.0, None, Cardinal, None),
            (
                "half a million refugees",
                "half a million",
                500_000.0,
                None,
                Cardinal,
                None,
            ),
            (
                "worth 1.2 billion",
                "1.2 billion",
                1.2e9,
                None,
                Cardinal,
                None,
            ),
            ("a $40bn deal", "$40bn", 4e10, None, Money, Some("USD")),
            ("a €3.5m fine", "€3.5m", 3.5e6, None, Money, Some("EUR")),
            ("up 40% on", "40%", 40.0, None, Percent, Some("%")),
            (
                "40 per cent of",
                "40 per cent",
                40.0,
                None,
                Percent,
                Some("%"),
            ),
            ("a 0.5pc rise", "0.5pc", 0.5, None, Percent, Some("%")),
            ("its third anniversary", "third", 3.0, None, Ordinal, None),
            ("the 3rd day", "3rd", 3.0, None, Ordinal, None),
            (
                "10 to 15 people",
                "10 to 15",
                10.0,
                Some(15.0),
                Cardinal,
                None,
            ),
            ("10-15 people", "10-15", 10.0, Some(15.0), Cardinal, None),
            (
                "between 10 and 15 people",
                "10 and 15",
                10.0,
                Some(15.0),
                Cardinal,
                None,
            ),
            (
                "twenty-one trillion",
                "twenty-one trillion",
                21e12,
                None,
                Cardinal,
                None,
            ),
            (
                "two thirds of",
                "two thirds",
                2.0 / 3.0,
                None,
                Fraction,
                None,
            ),
            (
                "450,000 yen",
                "450,000 yen",
                450_000.0,
                None,
                Money,
                Some("JPY"),
            ),
            (
                "323 million euros",
                "323 million euros",
                323e6,
                None,
                Money,
                Some("EUR"),
            ),
            (
                "US$ 150 million loan",
                "US$ 150 million",
                150e6,
                None,
                Money,
                Some("USD"),
            ),
            (
                "it is 200 km away",
                "200 km",
                200.0,
                None,
                Quantity,
                Some("km"),
            ),
            (
                "1.2 million barrels a day",
                "1.2 million barrels",
                1.2e6,
                None,
                Quantity,
                Some("barrel"),
            ),
            (
                "for three years",
                "three years",
                3.0,
                None,
                Duration,
                Some("year"),
            ),
            (
                "a 45-year-old man",
                "45-year-old",
                45.0,
                None,
                Age,
                Some("year"),
            ),
            (
                "she was five years old",
                "five years old",
                5.0,
                None,
                Age,
                Some("year"),
            ),
        ];
        for (text, span, v, vmax, kind, unit) in cases {
            let got = one(text);
            assert_eq!(got.0, *span, "{text}");
            assert!(
                (got.1 - v).abs() < 1e-6 * v.abs().max(1.0),
                "{text}: {}",
                got.1
            );
            assert_eq!(got.2, *vmax, "{text}");
            assert_eq!(got.3, *kind, "{text}");
            assert_eq!(got.4, *unit, "{text}");
        }
    }

    #[test]
    fn bounds() {
        let cases: &[(&str, Option<&str>, bool, f64)] = &[
            ("at least 37 people", Some("at_least"), false, 37.0),
            ("more than 100 people", Some("more_than"), false, 100.0),
            ("about 50 people", None, true, 50.0),
            ("nearly 200 people", None, true, 200.0),
            ("dozens of people", Some("at_least"), true, 24.0),
            ("hundreds of people", Some("at_least"), true, 200.0),
            ("thousands of people", Some("at_least"), true, 2000.0),
            ("an estimated 3,000 people", None, true, 3000.0),
            ("up to 20 people", Some("up_to"), false, 20.0),
            ("fewer than 20 people", Some("less_than"), false, 20.0),
            ("no less than 20 people", Some("at_least"), false, 20.0),
            ("no more than 20 people", Some("at_most"), false, 20.0),
            ("100 or more people", Some("at_least"), false, 100.0),
            ("less than or equal to 30", Some("at_most"), false, 30.0),
            ("x >= 30", Some("at_least"), false, 30.0),
        ];
        for (text, b, a, v) in cases {
            let got = one(text);
            assert_eq!(got.5, *b, "{text}");
            assert_eq!(got.6, *a, "{text}");
            assert!((got.1 - v).abs() < 1e-9, "{text}");
        }
    }

    #[test]
    fn not_counts() {
        for text in [
            "at 10:30 today",
            "call +1-222-333-4444 now",
            "the F-16 and the G7",
            "on June 19, 2024",
            "in 2022 it began",
            "192.168.1.2",
            "since August",
            "call 555-1234 today",
            "quote ID 48213 when calling",
            "a Boeing 747 crashed",
            "after Apollo 11 landed",
            "No. 5 was retired",
            "under Resolution 2231, they said",
            "boarded flight 370 late",
            "Arsenal 2 Chelsea 1",
            "fares for the over-65s",
            "a league for under-12s",
        ] {
            assert!(
                find_numbers(text).is_empty(),
                "{text}: {:?}",
                find_numbers(text)
            );
        }
    }

    #[test]
    fn counts_next_to_names() {
        // a capitalised word before the number does not make it a name when something is counted
        for (text, want) in [
            ("About 30 people died", 30.0),
            ("Hamas 40 fighters", 40.0),
            ("Nearly 200 were hurt", 200.0),
            ("USD 25 each", 25.0),
            ("Gaza, 40 were killed", 40.0),
            ("a millionth of a second", 1e-6),
            ("the millionth visitor", 1e6),
        ] {
            let got = find_numbers(text);
            assert!(
                got.iter().any(|m| (m.value - want).abs() < 1e-9),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn never_panics() {
        for t in [
            "",
            "$",
            "1/0",
            "1,2,3",
            "½",
            "-",
            "a",
            "half",
            "the one",
            "1e",
            "$ $ 5",
            "٣",
            "\u{1F600}5",
            "9".repeat(400).as_str(),
        ] {
            let _ = find_numbers(t);
        }
    }
}
