//! Temporal expressions: find and resolve dates against the publication date.
//!
//! Used by `figures` (date rows) and by `events` (an event's own date).
//!
//! [`find_dates`] works on any string slice; [`find_in_sentence`] applies it to one sentence of
//! a [`Document`]. Absolute expressions (`June 19, 2024`, `in 2022`, `the 1990s`) resolve
//! without a base date; relative ones (`Wednesday`, `last week`, `since August`, `October 24`,
//! `two days ago`) resolve against the base (the publication date) and stay unresolved
//! (`value: None`) without one. Durations (`for three years`) and sets (`every week`) are not
//! dates and are not returned.

use crate::date::{days_in_month, Date, Precision};
use crate::document::{DateValue, Document, Span};

use super::lex::{
    self, month_word, ordinal_word, time_unit, tokenize, weekday_word, TUnit, Tok, K,
};

/// A season of the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Season {
    /// Spring (`SP`).
    Spring,
    /// Summer (`SU`).
    Summer,
    /// Autumn / fall (`FA`).
    Fall,
    /// Winter (`WI`).
    Winter,
}

/// A resolved temporal value in TimeML (TIMEX3) terms; finer than [`DateValue`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Timex {
    /// A day.
    Day(Date),
    /// A clock time on a day, in minutes after midnight (`9 a.m. Tuesday`).
    DayTime(Date, u32),
    /// An ISO week, given by its Monday.
    Week(Date),
    /// The weekend of the ISO week whose Monday is given.
    Weekend(Date),
    /// An unknown day of a known month ("that day" after "last October"): `1998-10-XX`.
    SomeDay(i32, u32),
    /// A month of a year.
    Month(i32, u32),
    /// A quarter (1..=4) of a year.
    Quarter(i32, u32),
    /// A half (1..=2) of a year.
    Half(i32, u32),
    /// A season of a year.
    Season(i32, Season),
    /// A year.
    Year(i32),
    /// A decade, by its first year.
    Decade(i32),
    /// A century, by its first year (`1900` for the twentieth century).
    Century(i32),
    /// The present (`now`, `currently`).
    Present,
    /// The past (`recently`, `the past`).
    Past,
    /// The future (`the future`).
    Future,
}

/// ISO-8601 week-numbering year and week of a date.
#[must_use]
pub fn iso_week(d: Date) -> (i32, u32) {
    let thursday = d.add_days(3 - i64::from(d.weekday()));
    let jan1 = Date {
        year: thursday.year,
        month: 1,
        day: 1,
    };
    let ordinal = thursday.to_days() - jan1.to_days();
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let week = (ordinal / 7 + 1) as u32;
    (thursday.year, week)
}

impl Timex {
    /// The TIMEX3 value string (`2024-06-19`, `2024-W45`, `2024-Q3`, `199`, `PRESENT_REF`).
    #[must_use]
    pub fn iso(&self) -> String {
        match *self {
            Self::Day(d) => d.to_string(),
            Self::DayTime(d, m) => format!("{d}T{:02}:{:02}", m / 60, m % 60),
            Self::Week(d) => {
                let (y, w) = iso_week(d);
                format!("{y:04}-W{w:02}")
            }
            Self::Weekend(d) => {
                let (y, w) = iso_week(d);
                format!("{y:04}-W{w:02}-WE")
            }
            Self::Month(y, m) => format!("{y:04}-{m:02}"),
            Self::SomeDay(y, m) => format!("{y:04}-{m:02}-XX"),
            Self::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Self::Half(y, h) => format!("{y:04}-H{h}"),
            Self::Season(y, s) => format!(
                "{y:04}-{}",
                match s {
                    Season::Spring => "SP",
                    Season::Summer => "SU",
                    Season::Fall => "FA",
                    Season::Winter => "WI",
                }
            ),
            Self::Year(y) => format!("{y:04}"),
            Self::Decade(y) => format!("{:03}", y.div_euclid(10)),
            Self::Century(y) => format!("{:02}", y.div_euclid(100)),
            Self::Present => "PRESENT_REF".into(),
            Self::Past => "PAST_REF".into(),
            Self::Future => "FUTURE_REF".into(),
        }
    }

    /// The value as a [`DateValue`]: a quarter keeps its quarter (its first day at
    /// [`Precision::Quarter`]); halves and seasons coarsen to their year; centuries and the
    /// past/present/future references have none.
    #[must_use]
    pub fn value(&self) -> Option<DateValue> {
        let ymd = |y: i32, m: u32| Date::new(y, m, 1);
        let (date, precision) = match *self {
            Self::Day(d) | Self::DayTime(d, _) => (d, Precision::Day),
            Self::Week(d) | Self::Weekend(d) => (d, Precision::Week),
            Self::Month(y, m) | Self::SomeDay(y, m) => (ymd(y, m)?, Precision::Month),
            Self::Quarter(y, q) => (
                ymd(y, q.checked_mul(3)?.checked_sub(2)?)?,
                Precision::Quarter,
            ),
            Self::Half(y, _) | Self::Season(y, _) | Self::Year(y) => (ymd(y, 1)?, Precision::Year),
            Self::Decade(y) => (ymd(y, 1)?, Precision::Decade),
            Self::Century(_) | Self::Present | Self::Past | Self::Future => return None,
        };
        Some(DateValue { date, precision })
    }

    /// Whether this is a past/present/future reference rather than a calendar value.
    #[must_use]
    pub fn is_reference(&self) -> bool {
        matches!(self, Self::Present | Self::Past | Self::Future)
    }
}

/// A date expression found in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct DateMatch {
    /// Where the expression is.
    pub span: Span,
    /// The resolved value; `None` when it cannot be resolved (e.g. relative without `published`).
    pub value: Option<DateValue>,
    /// The rule that matched.
    pub rule: &'static str,
    /// The full TIMEX3-style value (quarters, weeks, references); `None` when unresolved.
    pub timex: Option<Timex>,
}

/// Finds the date expressions of sentence `sentence` of `doc`, resolved against `doc.published`.
///
/// Spans are byte offsets into `doc.text`. When the document has no sentences yet, sentence 0
/// is the whole text. Past/present/future references (`now`, `recently`) are left out.
#[must_use]
pub fn find_in_sentence(doc: &Document, sentence: usize) -> Vec<DateMatch> {
    let span = match doc.sentences.get(sentence) {
        Some(s) => s.span,
        None if sentence == 0 && doc.sentences.is_empty() => Span::new(0, doc.text.len()),
        None => return Vec::new(),
    };
    let Some(text) = doc.text.get(span.start..span.end) else {
        return Vec::new();
    };
    let mut out = find_dates(text, doc.published);
    out.retain(|m| !m.timex.is_some_and(|t| t.is_reference()));
    for m in &mut out {
        m.span = Span::new(m.span.start + span.start, m.span.end + span.start);
    }
    out
}

/// Finds and resolves the date expressions of `text` against `base` (the publication date).
///
/// Spans are byte offsets into `text`. Relative expressions get `value: None` without a base.
///
/// ```
/// use eventframe::date::Date;
/// use eventframe::figures::dates::find_dates;
/// let base = Date::new(2024, 11, 6);
/// let found = find_dates("The pact was signed on June 19 and ratified on Wednesday.", base);
/// let iso: Vec<String> = found.iter().map(|m| m.value.unwrap().iso()).collect();
/// assert_eq!(iso, ["2024-06-19", "2024-11-06"]);
/// ```
#[must_use]
pub fn find_dates(text: &str, base: Option<Date>) -> Vec<DateMatch> {
    let mut toks = Vec::new();
    tokenize(text, &mut toks);
    let mut out = Vec::new();
    dates_in(text, &toks, base, &mut DateCtx::default(), &mut out);
    out
}

/// A date found on light tokens: token range `[ts, te)` and its value.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TokDate {
    pub ts: usize,
    pub te: usize,
    pub timex: Option<Timex>,
    pub rule: &'static str,
}

/// What earlier sentences of a document said about time: the quarter under discussion and the
/// last date mentioned (for "that year", "the following month").
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct DateCtx {
    last_quarter: Option<(i32, u32)>,
    anchor: Option<Timex>,
}

/// Finds dates on pre-tokenised text; appends [`DateMatch`]es (spans relative to `text`).
pub(crate) fn dates_in(
    text: &str,
    toks: &[Tok],
    base: Option<Date>,
    ctx: &mut DateCtx,
    out: &mut Vec<DateMatch>,
) {
    let mut found = Vec::new();
    dates_tok(text, toks, base, ctx, &mut found);
    out.extend(found.iter().map(|d| DateMatch {
        span: Span::new(toks[d.ts].s, toks[d.te - 1].e),
        value: d.timex.and_then(|t| t.value()),
        rule: d.rule,
        timex: d.timex,
    }));
}

struct Cx<'a> {
    tk: lex::Toks<'a>,
    base: Option<Date>,
    future: std::cell::RefCell<Option<(usize, usize, FutureCue)>>,
}

impl<'a> std::ops::Deref for Cx<'a> {
    type Target = lex::Toks<'a>;
    fn deref(&self) -> &lex::Toks<'a> {
        &self.tk
    }
}

impl Cx<'_> {
    /// A plain integer (digits only).
    fn int(&self, j: usize) -> Option<u32> {
        let t = self.t.get(j)?;
        if t.k != K::Num {
            return None;
        }
        let s = &self.text[t.s..t.e];
        if s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        s.parse().ok()
    }
    /// Whether the clause of the date at `j` speaks of the future.
    fn is_future(&self, j: usize) -> bool {
        self.lean(j) == Lean::Future
    }
    /// Which way the clause of the date at `j` leans: the future (cues like "will", a
    /// scheduled present "opens Monday"), the past (the nearest verb is past: "started
    /// January 10th", "said Friday") or neither.
    fn lean(&self, j: usize) -> Lean {
        // "said Friday", "announced on Monday": the date tells when something was said
        let p = if self.is(j.wrapping_sub(1), b"on") {
            j.wrapping_sub(2)
        } else {
            j.wrapping_sub(1)
        };
        if self.is_any(
            p,
            &[
                b"said",
                b"announced",
                b"reported",
                b"told",
                b"announcement",
                b"statement",
            ],
        ) {
            return Lean::Past;
        }
        // deadlines and starts: "by February", "until Monday", "effective June 1",
        // "ahead of the weekend"
        let q = if self.is(j, b"the") {
            j
        } else {
            p.wrapping_add(1)
        };
        if self.is_any(
            q.wrapping_sub(1),
            &[
                b"by",
                b"until",
                b"till",
                b"effective",
                b"starting",
                b"beginning",
            ],
        ) || (self.is(q.wrapping_sub(1), b"of") && self.is(q.wrapping_sub(2), b"ahead"))
            || (self.is(q.wrapping_sub(1), b"as")
                && self.is_any(q.wrapping_sub(2), &[b"early", b"soon"])
                && self.is(q.wrapping_sub(3), b"as"))
        {
            // "had filed by Wednesday" looks back
            // "Until Thursday, they had not ..." too
            let had = (2..8).any(|k| self.is(q.wrapping_sub(k), b"had"))
                || (j + 1..j + 6).any(|k| self.is(k, b"had"));
            if !had {
                return Lean::Future;
            }
        }
        // "the summit opens on Monday", "talks resume next week": a scheduled event told in
        // the present tense; a past "started January 10th" keeps the past
        let verb = governing_tense(self, j);
        if verb == Some(true) {
            return Lean::Future;
        }
        let past_or_near = if verb == Some(false) && !self.attributive_or_deadline(j) {
            Lean::Past
        } else {
            Lean::Near
        };
        let lean = |future: bool| if future { Lean::Future } else { past_or_near };
        // "would" looks ahead from a past report, but "Wednesday's ruling" names a known event
        let possessive = (self.punct(j + 1, "'") || self.punct(j + 1, "’")) && self.is(j + 2, b"s");
        // cache the last clause checked: dates cluster
        if let Some((a, b, f)) = *self.future.borrow() {
            if a <= j && j < b {
                return lean(f.strong || (f.weak && !possessive));
            }
        }
        let (a, mut b) = clause_bounds(self.text, self.t, j);
        // a fronted date ("On Tuesday, the league plans to ...") belongs to the next clause,
        // but a past plan or "would" there dates the report ("On Friday, it planned to pay")
        let mut f = FutureCue {
            strong: false,
            weak: false,
        };
        if self.punct(b, ",") && j <= a + 1 && b <= j + 3 && !self.is(a, b"since") {
            b = clause_bounds(self.text, self.t, b + 1).1;
            f.strong = speaks_of_future(self.text, self.t, a, b).strong;
        } else {
            f = speaks_of_future(self.text, self.t, a, b);
        }
        *self.future.borrow_mut() = Some((a, b, f));
        lean(f.strong || (f.weak && !possessive))
    }
    /// Whether the date at `j` modifies a noun ("the Jan. 14 deadline", "its March 6
    /// hearing") or follows a preposition that looks ahead ("extended to Nov. 20", "until
    /// mid-November", "planned for early March"): a past verb then does not date it.
    fn attributive_or_deadline(&self, j: usize) -> bool {
        let mut k = j.wrapping_sub(1);
        while k < j
            && (self.is_any(k, &[b"on", b"mid", b"early", b"late", b"around", b"about"])
                || self.punct(k, "-"))
        {
            k = k.wrapping_sub(1);
        }
        self.is_any(
            k,
            &[
                b"to", b"until", b"till", b"by", b"for", b"through", b"before", b"from", b"the",
                b"a", b"an", b"this", b"its", b"his", b"her", b"their", b"our",
            ],
        ) || (self.is(k, b"s")
            && (self.punct(k.wrapping_sub(1), "'") || self.punct(k.wrapping_sub(1), "’")))
    }
    /// A day of month at `j` (`19`, `19th`, `nineteenth`): (day, next token).
    fn day_at(&self, j: usize) -> Option<(u32, usize)> {
        if let Some(d) = self.int(j) {
            if !(1..=31).contains(&d) || self.s(j).len() > 2 {
                return None;
            }
            if self.glued(j + 1) && self.is_any(j + 1, &[b"st", b"nd", b"rd", b"th"]) {
                return Some((d, j + 2));
            }
            if self.glued(j + 1) && self.kind(j + 1) == Some(K::Word) {
                return None;
            }
            return Some((d, j + 1));
        }
        let l = self.lw(j);
        if let Some((v, false)) = ordinal_word(l.b()) {
            if v <= 9 && self.is_any(j.wrapping_sub(2), &[b"twenty", b"thirty"]) {
                return None;
            }
            if (1..=31).contains(&v) {
                return Some((v, j + 1));
            }
        }
        None
    }
    /// A year at `j`: 4 digits 1000..=2099 (or `'98`), returning (year, next token).
    fn year_at(&self, j: usize) -> Option<(i32, usize)> {
        if self.punct(j, "'") || self.punct(j, "’") {
            let s = self.s(j + 1);
            if s.len() == 2 && self.kind(j + 1) == Some(K::Num) && self.glued(j + 1) {
                let v: i32 = s.parse().ok()?;
                return Some((if v < 30 { 2000 + v } else { 1900 + v }, j + 2));
            }
            return None;
        }
        let s = self.s(j);
        if s.len() != 4 || self.kind(j) != Some(K::Num) {
            return None;
        }
        let v = i32::try_from(self.int(j)?).ok()?;
        if (1000..=2099).contains(&v) {
            if self.glued(j + 1) && self.kind(j + 1) == Some(K::Word) {
                return None;
            }
            Some((v, j + 1))
        } else {
            None
        }
    }
    /// A month name at `j`, with the next token (after an abbreviation's dot).
    fn month_at(&self, j: usize) -> Option<(u32, usize)> {
        let l = self.lw(j);
        let m = month_word(l.b())?;
        let full = l.b().len() > 4 || matches!(l.b(), b"june" | b"july" | b"may");
        let mut next = j + 1;
        if !full && self.punct(j + 1, ".") && self.glued(j + 1) {
            next = j + 2;
        }
        let ambiguous = matches!(
            l.b(),
            b"may" | b"march" | b"mar" | b"jan" | b"dec" | b"sep" | b"jun" | b"jul"
        );
        let followed = self.day_at(next).is_some()
            || self.year_at(next).is_some()
            || ((self.punct(next, ",") || self.is(next, b"of"))
                && self.year_at(next + 1).is_some());
        if !full && next == j + 1 && !followed {
            return None;
        }
        if !full && !self.capitalized(j) && !followed {
            return None;
        }
        if ambiguous {
            let cap = self.capitalized(j);
            let prep_before = j > 0
                && self.is_any(
                    j - 1,
                    &[
                        b"in", b"since", b"until", b"till", b"by", b"of", b"early", b"late",
                        b"mid", b"last", b"next", b"this", b"from", b"through", b"during",
                        b"before", b"after", b"and", b"or", b"to", b"between",
                    ],
                )
                || (j > 0 && self.punct(j - 1, "-") && self.is(j.wrapping_sub(2), b"mid"))
                // "the March elections"; not "The March on Washington", not "the May government"
                || (l.b() == b"march"
                    && self.is(j.wrapping_sub(1), b"the")
                    && self.kind(next) == Some(K::Word)
                    && !self.capitalized(next)
                    && !lex::is_stop_word(self.lw(next).b()));
            if !(cap && (followed || prep_before)) {
                return None;
            }
        }
        Some((m, next))
    }
}

/// How far (in tokens) the clause around a date reaches either way: bounds the work per date
/// in huge unpunctuated text.
const CLAUSE_REACH: usize = 60;

/// The clause holding token `j`, bounded by sentence-final punctuation and by
/// [`CLAUSE_REACH`] tokens either side.
fn clause_bounds(text: &str, toks: &[Tok], j: usize) -> (usize, usize) {
    let is_end_at = |k: usize| {
        let t = &toks[k];
        // a relative or causal clause starts afresh: "it will begin ... since he was
        // rescued in November", "the man who was arrested in June"
        if t.k == K::Word {
            return matches!(
                t.low.b(),
                b"since" | b"because" | b"although" | b"though" | b"who" | b"which" | b"whose"
            );
        }
        match &text[t.s..t.e] {
            "!" | "?" | ";" | ":" | "," | "\"" | "“" | "”" | "``" | "''" => true,
            // "P. Davison", "Feb. 1", "Mr. Smith" do not end the clause
            "." => !(k > 0 && t.glued && is_abbreviation(&text[toks[k - 1].s..toks[k - 1].e])),
            _ => false,
        }
    };
    let j = j.min(toks.len());
    let lo = j.saturating_sub(CLAUSE_REACH);
    let mut a = j;
    while a > lo && !is_end_at(a - 1) {
        a -= 1;
    }
    let hi = (j + CLAUSE_REACH).min(toks.len());
    let mut b = j;
    while b < hi && !is_end_at(b) {
        b += 1;
    }
    (a, b)
}

/// Whether a word before a `.` is an initial or a common abbreviation (`P.`, `Feb.`, `Mr.`).
fn is_abbreviation(w: &str) -> bool {
    let mut cs = w.chars();
    if cs.next().is_some_and(char::is_uppercase) && cs.next().is_none() {
        return true;
    }
    matches!(
        w.to_ascii_lowercase().as_str(),
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "gen"
            | "sen"
            | "rep"
            | "gov"
            | "lt"
            | "col"
            | "sgt"
            | "st"
            | "jr"
            | "sr"
            | "co"
            | "corp"
            | "inc"
            | "ltd"
            | "no"
            | "vs"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

/// Whether a clause speaks about the future: `strong` cues ("will", "'ll", "scheduled",
/// "going to", "plans to") and the `weak` "would" of reported plans.
#[derive(Clone, Copy, Debug)]
struct FutureCue {
    strong: bool,
    weak: bool,
}

/// The future cues of tokens `a..b`.
fn speaks_of_future(text: &str, toks: &[Tok], a: usize, b: usize) -> FutureCue {
    let raw = |k: usize, w: &str| toks.get(k).is_some_and(|t| &text[t.s..t.e] == w);
    let weak = (a..b).any(|k| {
        let w = toks[k].low.b();
        (w == b"would" && !raw(k + 1, "have") && !raw(k + 1, "not"))
            || (w == b"planned"
                && toks
                    .get(k + 1)
                    .is_some_and(|t| matches!(t.low.b(), b"to" | b"a" | b"an")))
    });
    let strong = (a..b).any(|k| {
        let l = toks[k].low;
        matches!(
            l.b(),
            b"will" | b"shall" | b"ll" | b"scheduled" | b"slated" | b"upcoming"
        ) || (l.b() == b"won" && raw(k + 1, "'") && raw(k + 2, "t"))
            || (matches!(l.b(), b"going" | b"set" | b"expected") && raw(k + 1, "to"))
            // plans look ahead, also in the past tense: "planned a rally on Saturday"
            || l.b() == b"planning"
            || (matches!(l.b(), b"plan" | b"plans") && raw(k + 1, "to"))

            || (l.b() == b"soon" && raw(k.wrapping_sub(1), "as"))
            || (matches!(l.b(), b"is" | b"are") && raw(k + 1, "to"))
            || l.b() == b"effective"
    });
    FutureCue { strong, weak }
}

/// Which way a clause leans in time, for dates that could fall either side of the base date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lean {
    /// Told of the past: the latest occurrence before the base date.
    Past,
    /// No cue: the nearer occurrence, leaning on the past.
    Near,
    /// Told of the future: the next occurrence unless much farther.
    Future,
}

/// How a scheduling verb is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum VerbForm {
    /// Third person singular: `opens`.
    S,
    /// Base form: `(talks) resume`.
    Bare,
    /// Present participle: `(is) meeting`.
    Ing,
}

/// Verbs that tell when a scheduled event happens, as (`-s` form, base form, `-ing` form).
const SCHEDULE_VERBS: &[(&[u8], &[u8], &[u8])] = &[
    (b"starts", b"start", b"starting"),
    (b"begins", b"begin", b"beginning"),
    (b"opens", b"open", b"opening"),
    (b"reopens", b"reopen", b"reopening"),
    (b"closes", b"close", b"closing"),
    (b"resumes", b"resume", b"resuming"),
    (b"restarts", b"restart", b"restarting"),
    (b"ends", b"end", b"ending"),
    (b"finishes", b"finish", b"finishing"),
    (b"concludes", b"conclude", b"concluding"),
    (b"launches", b"launch", b"launching"),
    (b"meets", b"meet", b"meeting"),
    (b"convenes", b"convene", b"convening"),
    (b"reconvenes", b"reconvene", b"reconvening"),
    (b"arrives", b"arrive", b"arriving"),
    (b"departs", b"depart", b"departing"),
    (b"visits", b"visit", b"visiting"),
    (b"travels", b"travel", b"travelling"),
    (b"travels", b"travel", b"traveling"),
    (b"returns", b"return", b"returning"),
    (b"hosts", b"host", b"hosting"),
    (b"votes", b"vote", b"voting"),
    (b"expires", b"expire", b"expiring"),
    (b"airs", b"air", b"airing"),
    (b"premieres", b"premiere", b"premiering"),
    (b"debuts", b"debut", b"debuting"),
    (b"kicks", b"kick", b"kicking"),
    (b"takes", b"take", b"taking"),
    (b"comes", b"come", b"coming"),
    (b"goes", b"go", b"going"),
    (b"sits", b"sit", b"sitting"),
    (b"gathers", b"gather", b"gathering"),
    (b"plays", b"play", b"playing"),
    (b"heads", b"head", b"heading"),
    (b"flies", b"fly", b"flying"),
    (b"lands", b"land", b"landing"),
    (b"enters", b"enter", b"entering"),
    (b"hears", b"hear", b"hearing"),
    (b"rules", b"rule", b"ruling"),
    (b"releases", b"release", b"releasing"),
    (b"publishes", b"publish", b"publishing"),
    (b"testifies", b"testify", b"testifying"),
    (b"appears", b"appear", b"appearing"),
    (b"holds", b"hold", b"holding"),
    (b"leaves", b"leave", b"leaving"),
    (b"faces", b"face", b"facing"),
    (b"runs", b"run", b"running"),
    (b"stands", b"stand", b"standing"),
];

/// The form of a scheduling verb.
fn schedule_form(w: &[u8]) -> Option<VerbForm> {
    SCHEDULE_VERBS.iter().find_map(|&(s, bare, ing)| {
        if w == s {
            Some(VerbForm::S)
        } else if w == bare {
            Some(VerbForm::Bare)
        } else if w == ing {
            Some(VerbForm::Ing)
        } else {
            None
        }
    })
}

/// Whether a word is a past-tense (or past participle) verb form: `-ed` or a common
/// irregular one.
fn past_form(w: &[u8]) -> bool {
    if w.len() >= 5
        && w.ends_with(b"ed")
        && !w.ends_with(b"eed")
        && !matches!(
            w,
            b"hundred" | b"united" | b"sacred" | b"naked" | b"kindred"
        )
    {
        return true;
    }
    matches!(
        w,
        b"was"
            | b"were"
            | b"had"
            | b"did"
            | b"began"
            | b"begun"
            | b"met"
            | b"held"
            | b"said"
            | b"went"
            | b"gone"
            | b"came"
            | b"took"
            | b"taken"
            | b"left"
            | b"ran"
            | b"sat"
            | b"stood"
            | b"flew"
            | b"flown"
            | b"won"
            | b"lost"
            | b"told"
            | b"made"
            | b"saw"
            | b"seen"
            | b"gave"
            | b"given"
            | b"got"
            | b"fell"
            | b"rose"
            | b"broke"
            | b"spoke"
            | b"struck"
            | b"fought"
            | b"sent"
            | b"spent"
            | b"built"
            | b"brought"
            | b"kept"
            | b"led"
            | b"heard"
            | b"found"
            | b"thought"
            | b"felt"
            | b"paid"
            | b"shot"
            | b"hit"
            | b"killed"
            | b"wrote"
            | b"written"
            | b"drove"
            | b"became"
            | b"wore"
            | b"chose"
            | b"sold"
            | b"bought"
            | b"caught"
            | b"taught"
            | b"threw"
            | b"knew"
            | b"grew"
            | b"drew"
            | b"ate"
            | b"woke"
            | b"froze"
            | b"stole"
            | b"rode"
            | b"swore"
            | b"tore"
            | b"bore"
            | b"shook"
            | b"forgot"
            | b"fled"
            | b"sought"
            | b"meant"
            | b"dealt"
            | b"arose"
            | b"born"
    )
}

/// The tense of the verb nearest before the date at `j` (or the first one after a fronted
/// date, "On Monday, the summit opens"): `Some(true)` for a scheduling verb in the present
/// tense (`the summit opens`, `talks resume`, `is meeting`, `does not start until`),
/// `Some(false)` for a past form (`started`, `was`), `None` when unknown (an infinitive
/// "agreed to meet" stops the search).
fn governing_tense(cx: &Cx<'_>, j: usize) -> Option<bool> {
    let (a, b) = clause_bounds(cx.text, cx.t, j);
    // `Some(tense)` stops the search at token `k`
    let verdict = |k: usize| -> Option<Option<bool>> {
        let t = cx.t.get(k)?;
        if t.k != K::Word {
            return None;
        }
        let w = t.low;
        let w = w.b();
        let prev = cx.lw(k.wrapping_sub(1));
        let prev = prev.b();
        let possessive_before =
            k >= 2 && (cx.punct(k - 2, "'") || cx.punct(k - 2, "’")) && cx.is(k - 1, b"s");
        // the verb opens its clause after a parenthesis: "The talks, which collapsed Monday,
        // resume Friday"
        let after_comma = k == a && k > 0 && (cx.punct(k - 1, ",") || cx.punct(k - 1, "—"));
        // "the rights, which expire Nov. 21"
        let relative = matches!(prev, b"which" | b"that" | b"who");
        match schedule_form(w) {
            Some(VerbForm::S) => {
                // "the votes", "his visits", "heads of state" are nouns
                let subject = (cx.kind(k.wrapping_sub(1)) == Some(K::Word)
                    && !possessive_before
                    && (!lex::is_stop_word(prev) || matches!(prev, b"it" | b"he" | b"she")))
                    || after_comma
                    || relative;
                (subject && !cx.is(k + 1, b"of")).then_some(Some(true))
            }
            Some(VerbForm::Bare) => {
                let plural_subject = cx.kind(k.wrapping_sub(1)) == Some(K::Word)
                    && !possessive_before
                    && prev.len() > 3
                    && prev.ends_with(b"s")
                    && !prev.ends_with(b"ss")
                    && !lex::is_stop_word(prev);
                let modal = matches!(
                    prev,
                    b"they"
                        | b"we"
                        | b"you"
                        | b"people"
                        | b"can"
                        | b"could"
                        | b"may"
                        | b"might"
                        | b"must"
                        | b"should"
                        | b"would"
                        | b"do"
                        | b"does"
                ) || (prev == b"not"
                    && cx.is_any(
                        k.wrapping_sub(2),
                        &[b"do", b"does", b"can", b"could", b"may", b"might", b"must"],
                    ))
                    || (prev == b"t"
                        && cx.is_any(k.wrapping_sub(3), &[b"don", b"doesn", b"can", b"couldn"]));
                let past_aux = prev == b"did"
                    || (prev == b"not" && cx.is(k.wrapping_sub(2), b"did"))
                    || (prev == b"t" && cx.is(k.wrapping_sub(3), b"didn"));
                if past_aux {
                    Some(Some(false))
                } else if prev == b"to" {
                    // "agreed to meet on Monday": a plan, told from either side
                    Some(None)
                } else {
                    (plural_subject || modal || after_comma || relative).then_some(Some(true))
                }
            }
            Some(VerbForm::Ing) => match prev {
                b"is" | b"are" | b"am" | b"re" => Some(Some(true)),
                b"was" | b"were" => Some(Some(false)),
                _ => None,
            },
            // another present progressive ("is calling for a vote on Dec. 7") or a present
            // passive ("is expected in December", "is heard in May"): no lean either way
            None if matches!(prev, b"is" | b"are" | b"am" | b"be" | b"being")
                && (w.ends_with(b"ing") || past_form(w)) =>
            {
                Some(None)
            }
            // a present finite verb nearer than any past one: no lean
            None if matches!(w, b"is" | b"are" | b"am" | b"has" | b"have" | b"says") => Some(None),
            // "the reduced dividend": an adjective
            None if past_form(w)
                && lex::is_stop_word(prev)
                && matches!(
                    prev,
                    b"the" | b"a" | b"an" | b"its" | b"his" | b"her" | b"their" | b"our" | b"this"
                ) =>
            {
                None
            }
            None => past_form(w).then_some(Some(false)),
        }
    };
    // a fronted date: the verb of the clause after the comma
    if j <= a + 1 && cx.punct(b, ",") {
        let end = clause_bounds(cx.text, cx.t, b + 1).1;
        if let Some(v) = (b + 1..end).find_map(verdict) {
            return v;
        }
    }
    (a..j).rev().find_map(verdict).flatten()
}

fn month_add(y: i32, m: u32, delta: i32) -> (i32, u32) {
    #[allow(clippy::cast_possible_wrap)]
    let idx = y * 12 + (m as i32 - 1) + delta;
    #[allow(clippy::cast_sign_loss)]
    (idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u32)
}

fn monday(d: Date) -> Date {
    d.add_days(-i64::from(d.weekday()))
}

/// Relation word before a relative expression.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Rel {
    None,
    Last,
    Next,
    This,
}

fn rel_word(w: &[u8]) -> Option<Rel> {
    Some(match w {
        b"last" | b"previous" | b"past" => Rel::Last,
        b"next" | b"coming" | b"following" => Rel::Next,
        b"this" | b"current" => Rel::This,
        _ => return None,
    })
}

fn resolve_weekday(base: Date, wd: u32, rel: Rel, future: bool) -> Date {
    let cur = base.weekday();
    let back = i64::from((cur + 7 - wd) % 7); // days back to the same-or-previous `wd`
    let fwd = i64::from((wd + 7 - cur) % 7);
    match rel {
        Rel::Last => base.add_days(-(if back == 0 { 7 } else { back })),
        Rel::Next => base.add_days(if fwd == 0 { 7 } else { fwd }),
        Rel::This => monday(base).add_days(i64::from(wd)),
        Rel::None if future => base.add_days(fwd),
        Rel::None => base.add_days(-back),
    }
}

fn resolve_month(base: Date, m: u32, rel: Rel, lean: Lean) -> (i32, u32) {
    let y = base.year;
    match rel {
        Rel::Last => {
            if m < base.month {
                (y, m)
            } else {
                (y - 1, m)
            }
        }
        Rel::Next => {
            if m > base.month {
                (y, m)
            } else {
                (y + 1, m)
            }
        }
        Rel::This => (y, m),
        Rel::None => {
            let fwd = (m + 12 - base.month) % 12;
            let back = (base.month + 12 - m) % 12;
            // the nearer occurrence, leaning on the past unless the clause speaks of the future
            let forward = match lean {
                Lean::Future => fwd <= back + 2,
                Lean::Near => fwd * 3 < back,
                Lean::Past => false,
            };
            if forward {
                if m >= base.month {
                    (y, m)
                } else {
                    (y + 1, m)
                }
            } else if m <= base.month {
                (y, m)
            } else {
                (y - 1, m)
            }
        }
    }
}

/// A (month, day) without a year: the nearer occurrence around the base date, leaning on the
/// past unless the clause speaks of the future; the past one when the clause is told in the
/// past tense.
fn resolve_month_day(base: Date, m: u32, d: u32, lean: Lean) -> Option<Date> {
    let b = base.to_days();
    let mut past: Option<Date> = None;
    let mut next: Option<Date> = None;
    for y in [base.year - 1, base.year, base.year + 1] {
        let Some(c) = Date::new(y, m, d) else {
            continue;
        };
        if c.to_days() <= b {
            past = Some(c);
        } else if next.is_none() {
            next = Some(c);
        }
    }
    match (past, next) {
        (Some(p), Some(n)) => {
            let back = b - p.to_days();
            let fwd = n.to_days() - b;
            let forward = match lean {
                Lean::Future => fwd <= 2 * back + 14,
                Lean::Near => fwd * 3 < back,
                Lean::Past => false,
            };
            Some(if forward { n } else { p })
        }
        (p, n) => p.or(n),
    }
}

fn season_word(w: &[u8]) -> Option<Season> {
    Some(match w {
        b"spring" => Season::Spring,
        b"summer" => Season::Summer,
        b"fall" | b"autumn" => Season::Fall,
        b"winter" => Season::Winter,
        _ => return None,
    })
}

#[allow(clippy::too_many_lines, clippy::cognitive_complexity)]
fn dates_tok(
    text: &str,
    toks: &[Tok],
    base: Option<Date>,
    ctx: &mut DateCtx,
    out: &mut Vec<TokDate>,
) {
    let cx = Cx {
        tk: lex::Toks { text, t: toks },
        base,
        future: std::cell::RefCell::new(None),
    };
    let n = toks.len();
    let mut i = 0;
    // the quarter under discussion: "a year ago" then means the same quarter a year before
    let mut last_quarter = ctx.last_quarter;
    while i < n {
        if let Some(mut d) = anaphoric(&cx, i, ctx.anchor) {
            if out.last().is_some_and(|p: &TokDate| p.te > d.ts) {
                d.ts = i;
            }
            i = d.te;
            if let Some(t) = d.timex {
                ctx.anchor = Some(t);
            }
            out.push(d);
            continue;
        }
        if let Some(mut d) = match_at(&cx, i) {
            if d.rule == "date:year_ago" {
                if let (Some((y, q)), Some(_)) = (last_quarter, d.timex) {
                    d.timex = Some(Timex::Quarter(y - 1, q));
                }
            } else if d.rule == "date:year_period" {
                if let (Some((_, q)), Some(Timex::Year(y))) = (last_quarter, d.timex) {
                    d.timex = Some(Timex::Quarter(y, q));
                }
            } else if let Some(Timex::Quarter(y, q)) = d.timex {
                last_quarter = Some((y, q));
            }
            if d.te > d.ts {
                let floor = out.last().map_or(0, |p: &TokDate| p.te);
                extend_span(&cx, &mut d, floor);
                if let Some(
                    t @ (Timex::Day(_) | Timex::Month(..) | Timex::Quarter(..) | Timex::Year(_)),
                ) = d.timex
                {
                    ctx.anchor = Some(t);
                }
                i = d.te;
                // "April 24 and 25": the second day shares the month
                let second = match (d.timex, d.rule) {
                    (Some(Timex::Day(first)), "date:month_day" | "date:month_day_year") => {
                        second_day(&cx, d.te, first)
                    }
                    _ => None,
                };
                out.push(d);
                if let Some(second) = second {
                    i = second.te;
                    out.push(second);
                }
                continue;
            }
        }
        i += 1;
    }
    ctx.last_quarter = last_quarter;
}

/// A clock time ending right before token `i` (`9 a.m.`, `10:30 p.m. EST`, `4 pm`): its first
/// token and minutes after midnight.
fn clock_before(cx: &Cx<'_>, i: usize) -> Option<(usize, u32)> {
    let mut k = i.checked_sub(1)?;
    if cx.is_any(
        k,
        &[
            b"edt", b"est", b"cdt", b"cst", b"mdt", b"mst", b"pdt", b"pst", b"gmt", b"utc", b"bst",
            b"cet",
        ],
    ) {
        k = k.checked_sub(1)?;
    }
    // "a.m." / "p.m." / "am" / "pm", ending at k
    let (pm, before) = if cx.is_any(k, &[b"am", b"pm"]) {
        (cx.is(k, b"pm"), k.checked_sub(1)?)
    } else {
        let m = if cx.punct(k, ".") {
            k.checked_sub(1)?
        } else {
            k
        };
        if !(cx.is(m, b"m") && cx.punct(m.checked_sub(1)?, ".") && cx.is_any(m - 2, &[b"a", b"p"]))
        {
            return None;
        }
        (cx.is(m - 2, b"p"), m.checked_sub(3)?)
    };
    // "10:30" or "9"
    let (start, hour, minute) = if cx.punct(before.checked_sub(1)?, ":") && cx.glued(before) {
        let h = cx.int(before.checked_sub(2)?)?;
        (before - 2, h, cx.int(before).filter(|&m| m < 60)?)
    } else {
        (before, cx.int(before)?, 0)
    };
    if !(1..=12).contains(&hour) || cx.s(start).len() > 2 {
        return None;
    }
    let h24 = match (hour, pm) {
        (12, false) => 0,
        (12, true) => 12,
        (h, true) => h + 12,
        (h, false) => h,
    };
    Some((start, h24 * 60 + minute))
}

/// `N units later` after a day-precise anchor (or the base date when there is no anchor).
fn units_later(cx: &Cx<'_>, i: usize, anchor: Option<Timex>) -> Option<TokDate> {
    let w = cx.lw(i);
    let n = if matches!(w.b(), b"a" | b"an" | b"one") {
        1
    } else if let Some(v) = cx.int(i).filter(|&v| v < 1000 && cx.s(i).len() <= 3) {
        v
    } else if let Some((v, false)) = lex::unit_word(w.b()) {
        v
    } else {
        return None;
    };
    let (unit, _) = time_unit(cx.lw(i + 1).b())?;
    if !cx.is(i + 2, b"later") {
        return None;
    }
    let day = match anchor {
        Some(Timex::Day(d)) => d,
        None => cx.base?,
        Some(_) => return None,
    };
    let n = i64::from(n);
    let timex = match unit {
        TUnit::Day => Timex::Day(day.add_days(n)),
        TUnit::Week => Timex::Day(day.add_days(7 * n)),
        TUnit::Fortnight => Timex::Day(day.add_days(14 * n)),
        TUnit::Month => {
            let (y, m) = month_add(day.year, day.month, i32::try_from(n).ok()?);
            Timex::Month(y, m)
        }
        TUnit::Year => Timex::Year(day.year + i32::try_from(n).ok()?),
        _ => return None,
    };
    Some(TokDate {
        ts: i,
        te: i + 3,
        timex: Some(timex),
        rule: "date:anaphoric",
    })
}

/// `and D` right after a day-precise date (`April 24 and 25`): the later day of that month.
fn second_day(cx: &Cx<'_>, k: usize, first: Date) -> Option<TokDate> {
    if !(cx.is(k, b"and") || cx.punct(k, "&")) {
        return None;
    }
    let d = cx.int(k + 1).filter(|_| cx.s(k + 1).len() <= 2)?;
    // "April 24 and 25 people": a count, not a day; "April 24 and 25 May" is another date
    let after_ok = match cx.kind(k + 2) {
        None | Some(K::Punct) => true,
        Some(K::Num) => false,
        Some(K::Word) => {
            lex::is_stop_word(cx.lw(k + 2).b())
                && month_word(cx.lw(k + 2).b()).is_none()
                && !cx.is_any(k + 2, &[b"more", b"other", b"others"])
        }
    };
    if !after_ok || d <= first.day {
        return None;
    }
    let day = Date::new(first.year, first.month, d)?;
    Some(TokDate {
        ts: k + 1,
        te: k + 2,
        timex: Some(Timex::Day(day)),
        rule: "date:month_day",
    })
}

/// "that year", "that quarter", "the following month": a date relative to the last one the
/// text mentioned (`anchor`), not to the publication date.
fn anaphoric(cx: &Cx<'_>, i: usize, anchor: Option<Timex>) -> Option<TokDate> {
    // "three days later", "a fortnight later": that long after the last day named, or after
    // the base date when the text named none
    if let Some(d) = units_later(cx, i, anchor) {
        return Some(d);
    }
    // "the next day" with no day named before: the day after the base date
    let anchor = anchor.or_else(|| {
        (cx.is(i, b"the") && cx.is_any(i + 1, &[b"next", b"following"]) && cx.is(i + 2, b"day"))
            .then_some(Timex::Day(cx.base?))
    })?;
    let (step, u) = if cx.is(i, b"that") && cx.is(i + 1, b"same") {
        (0, i + 2)
    } else if cx.is(i, b"that") {
        (0, i + 1)
    } else if cx.is(i, b"the") && cx.is(i + 1, b"following") {
        (1, i + 2)
    } else if cx.is(i, b"the")
        && cx.is(i + 1, b"day")
        && cx.is_any(i + 2, &[b"after", b"before"])
        && matches!(anchor, Timex::Day(_))
        && offset_from(cx, i).is_none()
    {
        // "the day after his death": next to the last day the text named (a following date
        // is read by `offset_from` first)
        let step = if cx.is(i + 2, b"after") { 1 } else { -1 };
        (step, i + 1)
    } else if cx.is(i, b"the") && cx.is(i + 1, b"next") {
        // "the next day", "the next morning"; "the next year" reads as a duration too often
        if !cx.is_any(
            i + 2,
            &[b"day", b"morning", b"afternoon", b"evening", b"night"],
        ) {
            return None;
        }
        (1, i + 2)
    } else {
        return None;
    };
    // "the following morning": a part of the next day
    let part_of_day = cx.is_any(u, &[b"morning", b"afternoon", b"evening", b"night"]);
    let unit = if part_of_day && step == 1 {
        TUnit::Day
    } else {
        let (unit, false) = time_unit(cx.lw(u).b())? else {
            return None;
        };
        unit
    };
    // "that year's", fine; "the following year or two", "that day and the next" are vaguer
    if cx.is_any(u + 1, &[b"or", b"alone"]) || cx.punct(u + 1, "-") {
        return None;
    }
    let timex = match (unit, anchor) {
        (
            TUnit::Year,
            Timex::Year(y) | Timex::Month(y, _) | Timex::SomeDay(y, _) | Timex::Quarter(y, _),
        ) => Timex::Year(y + step),
        (TUnit::Year, Timex::Day(d)) => Timex::Year(d.year + step),
        (TUnit::Month, Timex::Month(y, m) | Timex::SomeDay(y, m)) => {
            let (y, m) = month_add(y, m, step);
            Timex::Month(y, m)
        }
        (TUnit::Month, Timex::Day(d)) => {
            let (y, m) = month_add(d.year, d.month, step);
            Timex::Month(y, m)
        }
        (TUnit::Quarter, Timex::Quarter(y, q)) => {
            let (y, m) = month_add(y, q * 3 - 2, step * 3);
            Timex::Quarter(y, (m - 1) / 3 + 1)
        }
        (TUnit::Day, Timex::Day(d)) => Timex::Day(d.add_days(i64::from(step))),
        // "killed last October ... crossed out that same day": a day of that month
        (TUnit::Day, Timex::Month(y, m) | Timex::SomeDay(y, m)) if step == 0 => {
            Timex::SomeDay(y, m)
        }
        _ => return None,
    };
    // "earlier that day", "later that year" keep their adverb
    let ts = if i > 0 && cx.is_any(i - 1, &[b"earlier", b"later"]) {
        i - 1
    } else {
        i
    };
    Some(TokDate {
        ts,
        te: u + 1,
        timex: Some(timex),
        rule: "date:anaphoric",
    })
}

/// Widens a match over the words both TimeBank and AQUAINT keep inside the expression, never
/// before `floor`: "mid-1996", "the end of 1990", "the middle of October", "the end of this
/// week". (TimeBank also keeps "early", "late", "nearly" and "July last year" together, but
/// AQUAINT does not, so those stay outside.)
fn extend_span(cx: &Cx<'_>, d: &mut TokDate, floor: usize) {
    let room = |ts: usize, k: usize| ts >= k + floor;
    // "mid-1996", "mid-October"
    if matches!(d.rule, "date:year" | "date:month_year" | "date:month")
        && room(d.ts, 2)
        && cx.punct(d.ts - 1, "-")
        && cx.glued(d.ts - 1)
        && cx.is(d.ts - 2, b"mid")
    {
        d.ts -= 2;
    }
    // "the end of 1990", "the beginning of October", "the end of this week"
    if d.timex.is_some_and(|t| !t.is_reference())
        && room(d.ts, 3)
        && cx.is(d.ts - 1, b"of")
        && cx.is_any(d.ts - 2, &[b"end", b"beginning", b"middle", b"start"])
        && cx.is(d.ts - 3, b"the")
    {
        d.ts -= 3;
    }
}

/// Tries every rule at token `i`; returns the longest match starting at or shortly before `i`.
#[allow(clippy::too_many_lines, clippy::cognitive_complexity)]
fn match_at(cx: &Cx<'_>, i: usize) -> Option<TokDate> {
    let base = cx.base;
    let t = cx.t.get(i)?;
    let fut_cell = std::cell::OnceCell::new();
    let fut = || *fut_cell.get_or_init(|| cx.is_future(i));
    let mk = |ts: usize, te: usize, timex: Option<Timex>, rule: &'static str| {
        Some(TokDate {
            ts,
            te,
            timex,
            rule,
        })
    };
    // "05-Aug-2016", "2019/aug/01", "Sep-23-2020", "Dec-2018"
    if let Some(d) = separated_date(cx, i) {
        return Some(d);
    }
    // "three weeks from tomorrow", "2 weeks before May 13 1999", "3 days after January 12th"
    if let Some(d) = offset_from(cx, i) {
        return Some(d);
    }
    // "(will leave) in two weeks": the point that far ahead, at the unit's precision
    if cx.is(i, b"in") {
        if let Some(d) = in_units(cx, i) {
            return Some(d);
        }
    }
    // "the first week of 2021", "week 27 of last year", "the 9th month of next year"
    if let Some(d) = nth_of_year(cx, i) {
        return Some(d);
    }
    match t.k {
        K::Num => {
            // ISO 2024-06-19
            if let (Some(y), true, Some(m), true, Some(d)) = (
                cx.int(i),
                cx.punct(i + 1, "-") && cx.glued(i + 1),
                cx.int(i + 2),
                cx.punct(i + 3, "-") && cx.glued(i + 3),
                cx.int(i + 4),
            ) {
                if cx.s(i).len() == 4 && cx.glued(i + 2) && cx.glued(i + 4) {
                    #[allow(clippy::cast_possible_wrap)]
                    if let Some(date) = Date::new(y as i32, m, d) {
                        return mk(i, i + 5, Some(Timex::Day(date)), "date:iso");
                    }
                }
            }
            // m/d/yyyy or d/m/yyyy, m/d/yy, m/d
            if cx.punct(i + 1, "/") && cx.glued(i + 1) && cx.glued(i + 2) && cx.s(i).len() <= 2 {
                if let (Some(a), Some(b)) = (cx.int(i), cx.int(i + 2)) {
                    let has_year = cx.punct(i + 3, "/")
                        && cx.glued(i + 3)
                        && cx.glued(i + 4)
                        && cx.int(i + 4).is_some();
                    if has_year && cx.s(i + 2).len() <= 2 {
                        let ys = cx.s(i + 4);
                        let yv = cx.int(i + 4).unwrap_or(0);
                        #[allow(clippy::cast_possible_wrap)]
                        let y = match ys.len() {
                            4 => yv as i32,
                            2 => {
                                if yv < 50 {
                                    2000 + yv as i32
                                } else {
                                    1900 + yv as i32
                                }
                            }
                            _ => 0,
                        };
                        let (m, d) = if a > 12 { (b, a) } else { (a, b) };
                        if y > 0 {
                            if let Some(date) = Date::new(y, m, d) {
                                return mk(i, i + 5, Some(Timex::Day(date)), "date:numeric");
                            }
                        }
                    }
                }
            }
            // Day Month [Year]: "19 June 2024", "19th of June"
            if let Some(d) = day_month(cx, i) {
                return Some(d);
            }
            // Centuries: "20th century", "11th-century"
            if cx.glued(i + 1)
                && cx.is_any(i + 1, &[b"th", b"st", b"nd", b"rd"])
                && (cx.is(i + 2, b"century") || (cx.punct(i + 2, "-") && cx.is(i + 3, b"century")))
                && !cx.is(i.wrapping_sub(1), b"the")
            {
                if let Some(v) = cx.int(i).filter(|&v| (1..=30).contains(&v)) {
                    let te = if cx.is(i + 2, b"century") {
                        i + 3
                    } else {
                        i + 4
                    };
                    #[allow(clippy::cast_possible_wrap)]
                    return mk(
                        i,
                        te,
                        Some(Timex::Century((v as i32 - 1) * 100)),
                        "date:century",
                    );
                }
            }
            // Decades: 1990s, the '90s
            if cx.s(i).len() == 4 && cx.glued(i + 1) && cx.is(i + 1, b"s") {
                if let Some(y) = cx.int(i) {
                    #[allow(clippy::cast_possible_wrap)]
                    let y = y as i32;
                    if (1000..=2090).contains(&y) && y % 10 == 0 {
                        let ts = decade_start(cx, i);
                        return mk(ts, i + 2, Some(Timex::Decade(y)), "date:decade");
                    }
                }
            }
            // "10 years ago"
            if let Some((ago_end, v, rule)) = ago_expr(cx, i) {
                return mk(i, ago_end, v, rule);
            }
            // Bare years
            if let Some((y, e)) = cx.year_at(i) {
                // "2024 Q3"
                if let Some((q, qe)) = q_quarter(cx, e) {
                    return mk(i, qe, Some(Timex::Quarter(y, q)), "date:quarter");
                }
                // "post-1959 politics", "pre-2014 borders"
                if i >= 2
                    && cx.punct(i - 1, "-")
                    && cx.glued(i - 1)
                    && cx.glued(i)
                    && cx.is_any(i - 2, &[b"post", b"pre"])
                {
                    return mk(i - 2, e, Some(Timex::Year(y)), "date:year");
                }
                // a split (fiscal or season) year "2003/4", "2003/04", "2003-04": the first year
                if e == i + 1 && !after_short_number(cx, i) {
                    if let Some(te) = split_year_end(cx, y, e) {
                        let ts = if i > 0 && cx.is_any(i - 1, &[b"fiscal", b"fy"]) {
                            i - 1
                        } else {
                            i
                        };
                        return mk(ts, te, Some(Timex::Year(y)), "date:year");
                    }
                }
                if year_context(cx, i, e) && !after_short_number(cx, i) {
                    let mut ts = i;
                    if i > 0 && cx.is_any(i - 1, &[b"fiscal", b"fy"]) {
                        ts = i - 1;
                    }
                    return mk(ts, e, Some(Timex::Year(y)), "date:year");
                }
            }
            None
        }
        K::Punct => {
            // '90s
            if (cx.punct(i, "'") || cx.punct(i, "’"))
                && cx.s(i + 1).len() == 2
                && cx.glued(i + 1)
                && cx.is(i + 2, b"s")
                && cx.glued(i + 2)
            {
                if let Some(v) = cx.int(i + 1) {
                    #[allow(clippy::cast_possible_wrap)]
                    let v = v as i32;
                    if v % 10 == 0 {
                        let y = if v < 30 { 2000 + v } else { 1900 + v };
                        let ts = if cx.is(i.wrapping_sub(1), b"the") {
                            i - 1
                        } else {
                            i
                        };
                        return mk(ts, i + 3, Some(Timex::Decade(y)), "date:decade");
                    }
                }
            }
            None
        }
        K::Word => {
            let l = cx.lw(i);
            let w = l.b();
            // Weekday [,] Month Day
            if let Some(wd) = weekday_word(w) {
                if w.len() < 6 && !cx.capitalized(i) {
                    return None;
                }
                if w.len() < 6 && !(cx.punct(i + 1, ",") || cx.month_at(i + 1).is_some()) {
                    return None;
                }
                let j = if cx.punct(i + 1, ",") { i + 2 } else { i + 1 };
                if let Some(mut d) = cx.month_at(j).and_then(|_| match_at(cx, j)) {
                    if matches!(d.rule, "date:month_day" | "date:month_day_year") {
                        d.ts = i;
                        return Some(d);
                    }
                }
                if let Some(mut d) = cx.day_at(j).and_then(|_| match_at(cx, j)) {
                    if d.rule == "date:day_month" {
                        d.ts = i;
                        return Some(d);
                    }
                }
                let (ts, rel) = match i
                    .checked_sub(1)
                    .and_then(|p| rel_word(cx.lw(p).b()).map(|r| (p, r)))
                {
                    Some((p, r)) if !cx.is(p, b"past") => (p, r),
                    _ => (i, Rel::None),
                };
                let mut te = i + 1;
                // "Wednesday night/morning" keeps the day
                if cx.is_any(te, &[b"morning", b"afternoon", b"evening", b"night"]) {
                    te += 1;
                }
                // "9 a.m. Tuesday", "4 a.m. EDT Thursday": the clock time on that day
                if rel == Rel::None {
                    if let Some((cs, minutes)) = clock_before(cx, i) {
                        let v = base.map(|b| {
                            Timex::DayTime(resolve_weekday(b, wd, rel, cx.is_future(cs)), minutes)
                        });
                        return mk(cs, te, v, "date:weekday_time");
                    }
                }
                let v = base.map(|b| Timex::Day(resolve_weekday(b, wd, rel, fut())));
                return mk(ts, te, v, "date:weekday");
            }
            // "fourth of July (1995)"
            if ordinal_word(w).is_some() {
                if let Some(d) = day_month(cx, i) {
                    return Some(d);
                }
            }
            // Month-based
            if let Some((m, j)) = cx.month_at(i) {
                // Month Day [, Year]
                if let Some((d, k)) = cx.day_at(j) {
                    let yj = if cx.punct(k, ",") || cx.is(k, b"of") {
                        k + 1
                    } else {
                        k
                    };
                    if let Some((y, e)) = cx.year_at(yj) {
                        let v = Date::new(y, m, d).map(Timex::Day);
                        return mk(i, e, v, "date:month_day_year");
                    }
                    // "since June 19": the latest such day on or before the base
                    let since = cx.is(i.wrapping_sub(1), b"since");
                    let v = if since {
                        base.and_then(|b| {
                            let this = Date::new(b.year, m, d)?;
                            let day = if this <= b {
                                this
                            } else {
                                Date::new(b.year - 1, m, d)?
                            };
                            Some(Timex::Day(day))
                        })
                    } else {
                        day_month_year(base, None, m, d, cx.lean(i))
                    };
                    return mk(i, k, v, "date:month_day");
                }
                // Month [of|,] Year
                let yj = if cx.is(j, b"of") || cx.punct(j, ",") {
                    j + 1
                } else {
                    j
                };
                if let Some((y, e)) = cx.year_at(yj).or_else(|| spoken_year(cx, yj)) {
                    let ts = month_modifier_start(cx, i);
                    return mk(ts, e, Some(Timex::Month(y, m)), "date:month_year");
                }
                // Month alone
                let (ts, rel) = match i
                    .checked_sub(1)
                    .and_then(|p| rel_word(cx.lw(p).b()).map(|r| (p, r)))
                {
                    Some((p, r)) => (p, r),
                    None => (month_modifier_start(cx, i), Rel::None),
                };
                // "since August": the latest such month on or before the base
                let since = rel == Rel::None && cx.is(ts.wrapping_sub(1), b"since");
                // "February this year", "in March last year": that year's month
                let year_after = if rel == Rel::None && cx.is(j + 1, b"year") {
                    match cx.lw(j).b() {
                        b"this" => Some(0),
                        b"last" => Some(-1),
                        b"next" => Some(1),
                        _ => None,
                    }
                } else {
                    None
                };
                let v = base.map(|b| {
                    let (y, m) = if let Some(step) = year_after {
                        (b.year + step, m)
                    } else if since {
                        (if m <= b.month { b.year } else { b.year - 1 }, m)
                    } else {
                        resolve_month(b, m, rel, cx.lean(i))
                    };
                    Timex::Month(y, m)
                });
                return mk(ts, j, v, "date:month");
            }
            if let Some(d) = holiday(cx, i) {
                return Some(d);
            }
            // "the week of March 6": the week holding that day
            if w == b"the" && cx.is(i + 1, b"week") && cx.is(i + 2, b"of") {
                if let Some(d) = match_at(cx, i + 3) {
                    if let (Some(Timex::Day(day)), true) = (d.timex, d.ts == i + 3) {
                        return mk(i, d.te, Some(Timex::Week(monday(day))), "date:week_of");
                    }
                }
            }
            match w {
                b"today" | b"tonight" | b"yesterday" | b"tomorrow" => {
                    let mut ts = i;
                    let mut off = match w {
                        b"yesterday" => -1,
                        b"tomorrow" => 1,
                        _ => 0,
                    };
                    if i >= 3
                        && cx.is_any(i - 1, &[b"before", b"after"])
                        && cx.is(i - 2, b"day")
                        && cx.is(i - 3, b"the")
                        && off != 0
                    {
                        ts = i - 3;
                        off *= 2;
                    }
                    let mut te = i + 1;
                    if cx.is_any(te, &[b"morning", b"afternoon", b"evening", b"night"]) {
                        te += 1;
                    }
                    let v = base.map(|b| Timex::Day(b.add_days(off)));
                    return mk(ts, te, v, "date:deictic");
                }
                b"now" | b"currently" | b"nowadays" => {
                    if w == b"now" && cx.punct(i + 1, ",") && i == 0 {
                        return None;
                    }
                    return mk(i, i + 1, Some(Timex::Present), "date:present");
                }
                b"recently" => return mk(i, i + 1, Some(Timex::Past), "date:past"),
                // "as soon as possible"; "soon" itself unless it is "soon after" / "as soon as"
                b"as"
                    if cx.is(i + 1, b"soon")
                        && cx.is(i + 2, b"as")
                        && cx.is_any(i + 3, &[b"possible", b"practicable", b"feasible"]) =>
                {
                    return mk(i, i + 4, Some(Timex::Future), "date:future");
                }
                b"soon"
                    if !cx.is_any(i.wrapping_sub(1), &[b"as", b"too", b"how"])
                        && !cx.is_any(
                            i + 1,
                            &[
                                b"after",
                                b"as",
                                b"afterward",
                                b"afterwards",
                                b"thereafter",
                                b"enough",
                            ],
                        )
                        && !cx.capitalized(i) =>
                {
                    return mk(i, i + 1, Some(Timex::Future), "date:future");
                }
                b"recent" | b"past"
                    if time_unit(cx.lw(i + 1).b()).is_some_and(|(_, plural)| plural)
                        && !cx.is(i.wrapping_sub(1), b"the") =>
                {
                    return mk(i, i + 2, Some(Timex::Past), "date:past");
                }
                // "coming months", "future quarters"
                b"coming" | b"future" | b"upcoming"
                    if time_unit(cx.lw(i + 1).b()).is_some_and(|(_, plural)| plural) =>
                {
                    let ts = if cx.is(i.wrapping_sub(1), b"the") {
                        i - 1
                    } else {
                        i
                    };
                    return mk(ts, i + 2, Some(Timex::Future), "date:future");
                }
                // "several years ago", "a few weeks ago"
                b"several" | b"few" | b"couple"
                    if time_unit(cx.lw(i + 1).b()).is_some_and(|(_, plural)| plural)
                        && cx.is(i + 2, b"ago") =>
                {
                    let ts = if cx.is_any(i.wrapping_sub(1), &[b"a"]) {
                        i - 1
                    } else {
                        i
                    };
                    return mk(ts, i + 3, Some(Timex::Past), "date:past");
                }
                // "earlier in the year", "later this month" handled by the relative rule
                b"earlier" | b"later"
                    if cx.is(i + 1, b"in")
                        && cx.is(i + 2, b"the")
                        && time_unit(cx.lw(i + 3).b()).is_some_and(|(u, p)| {
                            !p && matches!(u, TUnit::Year | TUnit::Month | TUnit::Week)
                        }) =>
                {
                    let v = base.and_then(|b| {
                        rel_unit(
                            b,
                            time_unit(cx.lw(i + 3).b()).map_or(TUnit::Year, |x| x.0),
                            0,
                        )
                    });
                    return mk(i, i + 4, v, "date:relative");
                }
                b"these" if cx.is(i + 1, b"days") => {
                    return mk(i, i + 2, Some(Timex::Present), "date:present");
                }
                b"the"
                    if cx.is_any(i + 1, &[b"near", b"short", b"foreseeable", b"distant"])
                        && cx.is_any(i + 2, &[b"future", b"term"]) =>
                {
                    return mk(i, i + 3, Some(Timex::Future), "date:future");
                }
                // "its current share", "his current wife": the present (TimeML PRESENT_REF);
                // "the current year|quarter" are calendar values, handled elsewhere
                b"current"
                    if cx.kind(i + 1) == Some(K::Word)
                        && !cx.capitalized(i + 1)
                        && time_unit(cx.lw(i + 1).b()).is_none()
                        && !cx.is_any(i + 1, &[b"fiscal", b"financial", b"calendar"])
                        && !lex::is_stop_word(cx.lw(i + 1).b())
                        && !cx.is(i.wrapping_sub(1), b"then") =>
                {
                    return mk(i, i + 1, Some(Timex::Present), "date:present");
                }
                // "the boy's future": a future of someone's, not "future earnings"
                b"future"
                    if i >= 2
                        && (cx.punct(i - 2, "'") || cx.punct(i - 2, "’"))
                        && cx.is(i - 1, b"s")
                        && (cx.kind(i + 1) != Some(K::Word)
                            || lex::is_stop_word(cx.lw(i + 1).b())
                            || cx.lw(i + 1).b().ends_with(b"ly")
                            || cx.is_any(
                                i + 1,
                                &[b"away", b"remains", b"looks", b"lies", b"depends", b"rests"],
                            )) =>
                {
                    return mk(i, i + 1, Some(Timex::Future), "date:future");
                }
                b"present" if cx.is(i.wrapping_sub(1), b"at") => {
                    return mk(i - 1, i + 1, Some(Timex::Present), "date:present");
                }
                b"past" | b"future" if i > 0 && cx.is(i - 1, b"the") => {
                    let next = cx.lw(i + 1);
                    if time_unit(next.b()).is_none()
                        && cx.kind(i + 1) != Some(K::Num)
                        && lex::unit_word(next.b()).is_none()
                        && !cx.is_any(i + 1, &[b"few", b"several", b"two", b"couple"])
                    {
                        let v = if w == b"past" {
                            Timex::Past
                        } else {
                            Timex::Future
                        };
                        return mk(i - 1, i + 1, Some(v), "date:past_future");
                    }
                    return None;
                }
                _ => {}
            }
            // last night / this morning
            if let Some(rel) = rel_word(w) {
                let next = cx.lw(i + 1);
                let nb = next.b();
                let nb = nb.strip_suffix(b"'s").unwrap_or(nb);
                if matches!(nb, b"night" | b"morning" | b"afternoon" | b"evening") && w != b"past" {
                    let off = if rel == Rel::Last && nb == b"night" {
                        -1
                    } else {
                        0
                    };
                    if rel == Rel::Next {
                        return None;
                    }
                    return mk(
                        i,
                        i + 2,
                        base.map(|b| Timex::Day(b.add_days(off))),
                        "date:deictic",
                    );
                }
                if let Some(se) = season_word(nb) {
                    let v = base.map(|b| {
                        let this_past = w == b"past" && cx.is(i.wrapping_sub(1), b"this");
                        let y = match rel {
                            Rel::Last if !this_past => b.year - 1,
                            Rel::Next => b.year + 1,
                            _ => b.year,
                        };
                        Timex::Season(y, se)
                    });
                    if w == b"past" && !cx.is(i.wrapping_sub(1), b"this") {
                        return None;
                    }
                    let ts = if w == b"past" { i - 1 } else { i };
                    return mk(ts, i + 2, v, "date:season");
                }
                // "this calendar year", "next fiscal year"
                if matches!(nb, b"fiscal" | b"calendar" | b"financial")
                    && cx.is(i + 2, b"year")
                    && w != b"past"
                {
                    let step = match rel {
                        Rel::Last => -1,
                        Rel::Next => 1,
                        _ => 0,
                    };
                    let v = base.map(|b| Timex::Year(b.year + step));
                    return mk(i, i + 3, v, "date:fiscal_year");
                }
                if nb == b"weekend" {
                    let v = base.map(|b| {
                        let m = monday(b);
                        Timex::Weekend(match rel {
                            Rel::Last => m.add_days(-7),
                            Rel::Next => m.add_days(7),
                            _ => m,
                        })
                    });
                    return mk(i, i + 2, v, "date:weekend");
                }
                if let Some((u, false)) = time_unit(nb) {
                    if w == b"past"
                        || (w == b"last" && cx.is(i.wrapping_sub(1), b"the"))
                        || (rel == Rel::Next && cx.is(i.wrapping_sub(1), b"the"))
                    {
                        return None; // "the past year", "the last week": durations
                    }
                    if w == b"following" {
                        return None;
                    }
                    let step = match rel {
                        Rel::Last => -1,
                        Rel::Next => 1,
                        _ => 0,
                    };
                    let mut ts = i;
                    if i > 0 && cx.is_any(i - 1, &[b"earlier", b"later", b"early", b"late"]) {
                        ts = i - 1;
                    }
                    let v = base.and_then(|b| rel_unit(b, u, step));
                    if v.is_none() && base.is_some() {
                        return None;
                    }
                    // "next year's first quarter"
                    if u == TUnit::Year
                        && (cx.punct(i + 2, "'") || cx.punct(i + 2, "’"))
                        && cx.is(i + 3, b"s")
                    {
                        if let Some(Timex::Year(y)) = v {
                            if let Some((q @ 1..=4, false)) = ordinal_word(cx.lw(i + 4).b()) {
                                if cx.is(i + 5, b"quarter") {
                                    return mk(
                                        ts,
                                        i + 6,
                                        Some(Timex::Quarter(y, q)),
                                        "date:quarter",
                                    );
                                }
                            }
                        }
                    }
                    return mk(ts, i + 2, v, "date:relative");
                }
            }
            // "a year ago", "two weeks ago", "three days earlier"
            if let Some((ago_end, v, rule)) = ago_expr(cx, i) {
                return mk(i, ago_end, v, rule);
            }
            // Quarters and halves: "the third quarter [of 2024]", "third-quarter"
            if let Some(d) = quarter_expr(cx, i) {
                return Some(d);
            }
            // "the 1990s" / "the 20th century" handled at the number; "the weekend"
            if w == b"the" && cx.is(i + 1, b"weekend") {
                return mk(
                    i,
                    i + 2,
                    base.map(|b| Timex::Weekend(monday(b).add_days(if fut() { 0 } else { -7 }))),
                    "date:weekend",
                );
            }
            // Seasons: "summer 2024", "the summer of 2024", "(the) summer"
            if let Some(se) = season_word(w) {
                let yj = if cx.is(i + 1, b"of") { i + 2 } else { i + 1 };
                if let Some((y, e)) = cx.year_at(yj) {
                    return mk(i, e, Some(Timex::Season(y, se)), "date:season");
                }
                if let Some((y, e)) = spoken_year(cx, yj) {
                    return mk(i, e, Some(Timex::Season(y, se)), "date:season");
                }
                // a bare season of this year ("fall" only when clearly the season)
                if w != b"fall"
                    && (cx.capitalized(i)
                        || cx.is_any(
                            i.wrapping_sub(1),
                            &[b"the", b"this", b"in", b"early", b"late"],
                        ))
                {
                    let ts = if cx.is(i.wrapping_sub(1), b"the") {
                        i - 1
                    } else if cx.is_any(i.wrapping_sub(1), &[b"early", b"late"])
                        && cx.is(i.wrapping_sub(2), b"the")
                    {
                        i - 2
                    } else {
                        i
                    };
                    return mk(
                        ts,
                        i + 1,
                        base.map(|b| Timex::Season(b.year, se)),
                        "date:season",
                    );
                }
            }
            // Decade words: "the nineties"
            if w == b"the" {
                let d = match cx.lw(i + 1).b() {
                    b"twenties" => 1920,
                    b"thirties" => 1930,
                    b"forties" => 1940,
                    b"fifties" => 1950,
                    b"sixties" => 1960,
                    b"seventies" => 1970,
                    b"eighties" => 1980,
                    b"nineties" => 1990,
                    _ => 0,
                };
                if d > 0 {
                    return mk(i, i + 2, Some(Timex::Decade(d)), "date:decade");
                }
                // "the year two thousand", "the year 2000"
                if cx.is(i + 1, b"year") {
                    if let Some((y, e)) = spoken_year(cx, i + 2).or_else(|| cx.year_at(i + 2)) {
                        return mk(i, e, Some(Timex::Year(y)), "date:year");
                    }
                }
                // "for the year", "the year's": the year of the report
                if cx.is(i + 1, b"year")
                    && !cx.punct(i + 2, "-")
                    && !cx.is_any(
                        i + 2,
                        &[
                            b"earlier", b"ago", b"before", b"after", b"later", b"that", b"when",
                        ],
                    )
                    && cx.kind(i + 2) != Some(K::Num)
                    && !cx.is_any(i.wrapping_sub(1), &[b"all", b"throughout"])
                {
                    return mk(i, i + 2, base.map(|b| Timex::Year(b.year)), "date:the_year");
                }
                // "the past few weeks", "the last several quarters"
                if cx.is_any(i + 1, &[b"past", b"last"])
                    && cx.is_any(i + 2, &[b"few", b"several"])
                    && time_unit(cx.lw(i + 3).b()).is_some_and(|(_, plural)| plural)
                {
                    return mk(i, i + 4, Some(Timex::Past), "date:past");
                }
                // "for the past week", "over the last month": the week (month) holding the
                // middle of that stretch before the base date
                if cx.is_any(i + 1, &[b"past", b"last"])
                    && cx.is_any(i + 2, &[b"week", b"month"])
                    && !cx.punct(i + 3, "-")
                    && !cx.is_any(i + 3, &[b"or", b"and", b"of"])
                {
                    let v = base.map(|b| {
                        if cx.is(i + 2, b"week") {
                            Timex::Week(monday(b.add_days(-3)))
                        } else {
                            let mid = b.add_days(-15);
                            Timex::Month(mid.year, mid.month)
                        }
                    });
                    return mk(i, i + 3, v, "date:relative");
                }
                // "the past year", "the last decade": the one before the current one
                if cx.is_any(i + 1, &[b"past", b"last"])
                    && cx.is_any(i + 2, &[b"year", b"decade"])
                    && !cx.punct(i + 3, "-")
                    && !cx.is_any(i + 3, &[b"or", b"and", b"of"])
                {
                    let v = base.map(|b| {
                        if cx.is(i + 2, b"year") {
                            Timex::Year(b.year - 1)
                        } else {
                            Timex::Decade(b.year - b.year.rem_euclid(10) - 10)
                        }
                    });
                    return mk(i, i + 3, v, "date:relative");
                }
                // "the 1988 third quarter", "the 1988 quarter", "the 1989 period"
                if let Some((y, e)) = cx.year_at(i + 1) {
                    if let Some((q @ 1..=4, false)) = ordinal_word(cx.lw(e).b()) {
                        if cx.is(e + 1, b"quarter") {
                            return mk(i, e + 2, Some(Timex::Quarter(y, q)), "date:quarter");
                        }
                    }
                    if cx.is_any(e, &[b"quarter", b"period"]) {
                        return mk(i, e + 1, Some(Timex::Year(y)), "date:year_period");
                    }
                }
            }
            // "the (current|latest) fiscal year", "the full year", "year-end", "the end of the year"
            if w == b"the" {
                let mut k = i + 1;
                let mut step = 0;
                if cx.is_any(
                    k,
                    &[
                        b"current",
                        b"latest",
                        b"previous",
                        b"last",
                        b"next",
                        b"coming",
                    ],
                ) {
                    step = match cx.lw(k).b() {
                        b"latest" | b"previous" | b"last" => -1,
                        b"next" | b"coming" => 1,
                        _ => 0,
                    };
                    k += 1;
                }
                if cx.is_any(k, &[b"fiscal", b"full", b"financial", b"calendar"])
                    && cx.is(k + 1, b"year")
                {
                    let v = base.map(|b| Timex::Year(b.year + step));
                    return mk(i, k + 2, v, "date:fiscal_year");
                }
                if step == 0
                    && k == i + 1
                    && cx.is(k, b"end")
                    && cx.is(k + 1, b"of")
                    && cx.is_any(k + 2, &[b"the", b"this"])
                    && cx.is(k + 3, b"year")
                {
                    return mk(i, k + 4, base.map(|b| Timex::Year(b.year)), "date:year_end");
                }
            }
            // "(the) end of (the|this) month|week|year": that stretch of the base date
            if w == b"end" && cx.is(i + 1, b"of") && !cx.is(i.wrapping_sub(1), b"the") {
                let k = if cx.is_any(i + 2, &[b"the", b"this"]) {
                    i + 3
                } else {
                    i + 2
                };
                if cx.is_any(k, &[b"month", b"week", b"year"]) && !cx.punct(k + 1, "-") {
                    let v = base.map(|b| match cx.lw(k).b() {
                        b"month" => Timex::Month(b.year, b.month),
                        b"week" => Timex::Week(monday(b)),
                        _ => Timex::Year(b.year),
                    });
                    return mk(i, k + 1, v, "date:period_end");
                }
            }
            if w == b"the"
                && cx.is(i + 1, b"end")
                && cx.is(i + 2, b"of")
                && cx.is_any(i + 3, &[b"the", b"this"])
                && cx.is_any(i + 4, &[b"month", b"week"])
                && !cx.punct(i + 5, "-")
            {
                let v = base.map(|b| {
                    if cx.is(i + 4, b"month") {
                        Timex::Month(b.year, b.month)
                    } else {
                        Timex::Week(monday(b))
                    }
                });
                return mk(i, i + 5, v, "date:period_end");
            }
            if w == b"year"
                && ((cx.punct(i + 1, "-") && cx.is(i + 2, b"end")) || cx.is(i + 1, b"end"))
                && !cx.is(i.wrapping_sub(1), b"the")
            {
                let te = if cx.is(i + 1, b"end") { i + 2 } else { i + 3 };
                return mk(i, te, base.map(|b| Timex::Year(b.year)), "date:year_end");
            }
            // Spoken years: "nineteen ninety-six", "in two thousand"
            if let Some((y, e)) = spoken_year(cx, i) {
                // "two thousand" is a count unless the context reads as a year
                let year_ctx = i > 0
                    && cx.is_any(
                        i - 1,
                        &[
                            b"in", b"since", b"until", b"by", b"of", b"from", b"before", b"after",
                            b"during", b"year",
                        ],
                    );
                if w != b"two" || year_ctx {
                    return mk(i, e, Some(Timex::Year(y)), "date:year");
                }
            }
            // Centuries: "the 20th century", "the twentieth century"
            if cx.kind(i + 1) == Some(K::Num)
                && cx.glued(i + 2)
                && cx.is_any(i + 2, &[b"th", b"st", b"nd", b"rd"])
                && cx.is(i + 3, b"century")
                && w == b"the"
            {
                if let Some(v) = cx.int(i + 1).filter(|&v| (1..=30).contains(&v)) {
                    #[allow(clippy::cast_possible_wrap)]
                    return mk(
                        i,
                        i + 4,
                        Some(Timex::Century((v as i32 - 1) * 100)),
                        "date:century",
                    );
                }
            }
            if cx.is(i + 1, b"century") || (cx.glued(i + 1) && cx.is(i + 2, b"century")) {
                if let Some((v, false)) = ordinal_word(w) {
                    #[allow(clippy::cast_possible_wrap)]
                    return mk(
                        i,
                        i + 2,
                        Some(Timex::Century((v as i32 - 1) * 100)),
                        "date:century",
                    );
                }
            }
            // year-earlier / year-ago (financial): "the year-ago quarter", "year-earlier period"
            let y0 = if w == b"the" { i + 1 } else { i };
            if cx.is(y0, b"year")
                && cx.punct(y0 + 1, "-")
                && cx.glued(y0 + 1)
                && cx.is_any(y0 + 2, &[b"earlier", b"ago"])
            {
                let mut te = y0 + 3;
                if ordinal_word(cx.lw(te).b()).is_some_and(|(q, p)| !p && q <= 4)
                    && cx.is(te + 1, b"quarter")
                {
                    te += 2;
                } else if cx.is_any(te, &[b"quarter", b"period"]) {
                    te += 1;
                } else if w == b"the" {
                    return None;
                }
                let v = base.map(|b| Timex::Year(b.year - 1));
                return mk(i, te, v, "date:year_ago");
            }
            None
        }
    }
}

/// `N units from|after|before DAY`, where DAY is a day-precise date ("tomorrow", "January 12th",
/// "Christmas") or `now`/`today`: the day that many units away.
fn offset_from(cx: &Cx<'_>, i: usize) -> Option<TokDate> {
    let l = cx.lw(i);
    let w = l.b();
    let n = if matches!(w, b"a" | b"an" | b"one") || (w == b"the" && cx.is(i + 1, b"day")) {
        1
    } else if let Some(v) = cx.int(i).filter(|&v| v < 1000 && cx.s(i).len() <= 3) {
        v
    } else if let Some((v, false)) = lex::unit_word(w) {
        v
    } else {
        return None;
    };
    let (unit, _) = time_unit(cx.lw(i + 1).b())?;
    let sign: i64 = match cx.lw(i + 2).b() {
        b"from" | b"after" => 1,
        b"before" => -1,
        _ => return None,
    };
    let k = i + 3;
    // no chains ("a day after a day after ..."): the anchor is a plain date, so recursion
    // stays one level deep
    if time_unit(cx.lw(k + 1).b()).is_some() && cx.is_any(k + 2, &[b"from", b"after", b"before"]) {
        return None;
    }
    let (anchor, te) = if cx.is(k, b"now") && sign > 0 {
        (cx.base?, k + 1)
    } else {
        // "the day before last Tuesday's hearing": the weekday rule starts at "last"
        let d = match_at(cx, k).or_else(|| {
            rel_word(cx.lw(k).b())?;
            match_at(cx, k + 1).filter(|d| d.ts == k)
        })?;
        match d.timex {
            Some(Timex::Day(day)) if d.ts == k => (day, d.te),
            _ => return None,
        }
    };
    let n = i64::from(n) * sign;
    let day = match unit {
        TUnit::Day => anchor.add_days(n),
        TUnit::Week => anchor.add_days(7 * n),
        TUnit::Fortnight => anchor.add_days(14 * n),
        TUnit::Month | TUnit::Year => {
            let months = i32::try_from(if unit == TUnit::Year { 12 * n } else { n }).ok()?;
            let (y, m) = month_add(anchor.year, anchor.month, months);
            let last = (28..=31).rev().find(|&d| Date::new(y, m, d).is_some())?;
            Date::new(y, m, anchor.day.min(last))?
        }
        _ => return None,
    };
    Some(TokDate {
        ts: i,
        te,
        timex: Some(Timex::Day(day)),
        rule: "date:offset",
    })
}

/// `in N units` in a clause about the future ("will leave in two weeks"): the day (month,
/// year) that far after the base date. Past or unmarked clauses ("the first time in two
/// years") are durations and give nothing.
fn in_units(cx: &Cx<'_>, i: usize) -> Option<TokDate> {
    let j = i + 1;
    let l = cx.lw(j);
    let w = l.b();
    let n = if matches!(w, b"a" | b"an" | b"one") {
        1
    } else if let Some(v) = cx.int(j).filter(|&v| v < 1000 && cx.s(j).len() <= 3) {
        v
    } else if let Some((v, false)) = lex::unit_word(w) {
        v
    } else {
        return None;
    };
    let (unit, _) = time_unit(cx.lw(j + 1).b())?;
    // "in two years since 2011", "in a week's time" stay simple; "in 2 weeks or so" is vague
    if cx.is_any(j + 2, &[b"or", b"since", b"of"]) || !cx.is_future(i) {
        return None;
    }
    let b = cx.base?;
    let n = i64::from(n);
    let timex = match unit {
        TUnit::Day => Timex::Day(b.add_days(n)),
        TUnit::Week => Timex::Day(b.add_days(7 * n)),
        TUnit::Fortnight => Timex::Day(b.add_days(14 * n)),
        TUnit::Month => {
            let (y, m) = month_add(b.year, b.month, i32::try_from(n).ok()?);
            Timex::Month(y, m)
        }
        TUnit::Year => Timex::Year(b.year + i32::try_from(n).ok()?),
        _ => return None,
    };
    Some(TokDate {
        ts: i,
        te: j + 2,
        timex: Some(timex),
        rule: "date:in_units",
    })
}

/// `(the) Nth week|month of YEAR` and `week N of YEAR`, where YEAR is a year or
/// `last|this|next year`.
fn nth_of_year(cx: &Cx<'_>, i: usize) -> Option<TokDate> {
    let j = if cx.is(i, b"the") { i + 1 } else { i };
    // an ordinal word ("first") or a number with its suffix ("3rd")
    let ordinal_at = |k: usize| -> Option<(u32, usize)> {
        if let Some((v, false)) = ordinal_word(cx.lw(k).b()) {
            return Some((v, k + 1));
        }
        let v = cx.int(k)?;
        (cx.glued(k + 1) && cx.is_any(k + 1, &[b"st", b"nd", b"rd", b"th"])).then_some((v, k + 2))
    };
    let (n, unit, k) = if cx.is(j, b"week") && j == i {
        // "week 27 of ..."
        let v = cx.int(j + 1).filter(|_| cx.kind(j + 1) == Some(K::Num))?;
        (v, TUnit::Week, j + 2)
    } else {
        let (v, k) = ordinal_at(j)?;
        let (u, false) = time_unit(cx.lw(k).b())? else {
            return None;
        };
        (v, u, k + 1)
    };
    if !cx.is(k, b"of") {
        return None;
    }
    let (year, te) = if let Some((y, e)) = cx.year_at(k + 1) {
        (y, e)
    } else if cx.is(k + 2, b"year") {
        let step = match cx.lw(k + 1).b() {
            b"last" | b"previous" => -1,
            b"this" | b"current" => 0,
            b"next" => 1,
            _ => return None,
        };
        (cx.base?.year + step, k + 3)
    } else {
        return None;
    };
    let timex = match unit {
        TUnit::Week if (1..=53).contains(&n) => {
            let jan4 = Date::new(year, 1, 4)?;
            let week = monday(jan4).add_days(7 * i64::from(n - 1));
            if iso_week(week).0 != year {
                return None;
            }
            Timex::Week(week)
        }
        TUnit::Month if (1..=12).contains(&n) => Timex::Month(year, n),
        _ => return None,
    };
    Some(TokDate {
        ts: i,
        te,
        timex: Some(timex),
        rule: "date:nth_of_year",
    })
}

/// Dates written with a month name between `-` or `/` separators: "05-Aug-2016",
/// "23/Sep/2020", "2019/aug/01", "Sep-23-2020", "Dec-2018", "Dec/2018".
fn separated_date(cx: &Cx<'_>, i: usize) -> Option<TokDate> {
    let sep = |k: usize| (cx.punct(k, "-") || cx.punct(k, "/")) && cx.glued(k) && cx.glued(k + 1);
    let mon = |k: usize| {
        if cx.kind(k) == Some(K::Word) {
            month_word(cx.lw(k).b())
        } else {
            None
        }
    };
    let year = |k: usize| {
        let v = cx
            .int(k)
            .filter(|_| cx.s(k).len() == 4 && cx.kind(k) == Some(K::Num))?;
        i32::try_from(v).ok().filter(|y| (1000..=2099).contains(y))
    };
    let day = |k: usize| {
        cx.int(k)
            .filter(|&d| cx.s(k).len() <= 2 && cx.kind(k) == Some(K::Num) && (1..=31).contains(&d))
    };
    // not the middle of a longer run of separated pieces
    if i > 0 && sep(i - 1) {
        return None;
    }
    let day_match = |y: i32, m: u32, d: u32, te: usize| {
        Some(TokDate {
            ts: i,
            te,
            timex: Some(Timex::Day(Date::new(y, m, d)?)),
            rule: "date:separated",
        })
    };
    if !sep(i + 1) {
        return None;
    }
    if let (Some(d), Some(m), true, Some(y)) = (day(i), mon(i + 2), sep(i + 3), year(i + 4)) {
        return day_match(y, m, d, i + 5);
    }
    if let (Some(y), Some(m), true, Some(d)) = (year(i), mon(i + 2), sep(i + 3), day(i + 4)) {
        return day_match(y, m, d, i + 5);
    }
    if let Some(m) = mon(i) {
        if let (Some(d), true, Some(y)) = (day(i + 2), sep(i + 3), year(i + 4)) {
            return day_match(y, m, d, i + 5);
        }
        if let Some(y) = year(i + 2) {
            if !sep(i + 3) {
                return Some(TokDate {
                    ts: i,
                    te: i + 3,
                    timex: Some(Timex::Month(y, m)),
                    rule: "date:separated",
                });
            }
        }
    }
    None
}

/// A year said in words: "nineteen ninety-six", "two thousand (and) one".
fn spoken_year(cx: &Cx<'_>, i: usize) -> Option<(i32, usize)> {
    let l = cx.lw(i);
    let hundreds = match l.b() {
        b"eighteen" => 18,
        b"nineteen" => 19,
        b"twenty" => 20,
        b"two" if cx.is(i + 1, b"thousand") => {
            let mut e = i + 2;
            let mut y = 2000;
            let k = if cx.is(e, b"and") { e + 1 } else { e };
            if let Some((v, _)) = lex::unit_word(cx.lw(k).b()) {
                if v > 0 && v < 30 {
                    y += v;
                    e = k + 1;
                }
            }
            #[allow(clippy::cast_possible_wrap)]
            return Some((y as i32, e));
        }
        _ => return None,
    };
    let (tens, is_tens) = lex::unit_word(cx.lw(i + 1).b())?;
    // "twenty twenty fifths" is a fraction, not 2020
    let after = if cx.punct(i + 2, "-") { i + 4 } else { i + 2 };
    if ordinal_word(cx.lw(after).b()).is_some() || ordinal_word(cx.lw(i + 2).b()).is_some() {
        return None;
    }
    if !(is_tens || (10..20).contains(&tens)) {
        return None;
    }
    let mut y = hundreds * 100 + tens;
    let mut e = i + 2;
    if is_tens && cx.punct(e, "-") {
        if let Some((u, false)) = lex::unit_word(cx.lw(e + 1).b()) {
            if u < 10 {
                y += u;
                e += 2;
            }
        }
    } else if is_tens {
        if let Some((u, false)) = lex::unit_word(cx.lw(e).b()) {
            if u > 0 && u < 10 {
                y += u;
                e += 1;
            }
        }
    }
    #[allow(clippy::cast_possible_wrap)]
    Some((y as i32, e))
}

/// Easter Sunday of `y` (anonymous Gregorian computus).
fn easter(y: i32) -> Option<Date> {
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The holiday of year `y` named by `kind`.
fn holiday_in(kind: u8, y: i32) -> Option<Date> {
    match kind {
        0 => Date::new(y, 12, 25),
        1 => Date::new(y, 12, 24),
        2 => Date::new(y, 1, 1),
        3 => Date::new(y, 12, 31),
        4 => Date::new(y, 10, 31),
        5 => Date::new(y, 2, 14),
        6 => {
            // fourth Thursday of November
            let nov1 = Date::new(y, 11, 1)?;
            let first_thu = (3 + 7 - nov1.weekday()) % 7;
            Date::new(y, 11, 1 + first_thu + 21)
        }
        7 => easter(y),
        // Good Friday, Easter Monday
        8 => easter(y).map(|d| d.add_days(-2)),
        9 => easter(y).map(|d| d.add_days(1)),
        // US Election Day: the Tuesday after the first Monday of November
        10 => nth_weekday(y, 11, 0, 1).map(|d| d.add_days(1)),
        // Labor Day: first Monday of September
        11 => nth_weekday(y, 9, 0, 1),
        // Memorial Day: last Monday of May
        12 => nth_weekday(y, 5, 0, 5).or_else(|| nth_weekday(y, 5, 0, 4)),
        // Black Friday: the day after Thanksgiving
        13 => holiday_in(6, y).map(|d| d.add_days(1)),
        14 => Date::new(y, 12, 26),
        // Veterans / Armistice / Remembrance Day
        15 => Date::new(y, 11, 11),
        // May Day, International Workers' Day
        16 => Date::new(y, 5, 1),
        17 => Date::new(y, 6, 19),
        18 => Date::new(y, 4, 22),
        19 => Date::new(y, 3, 17),
        // Martin Luther King Jr. Day: third Monday of January
        20 => nth_weekday(y, 1, 0, 3),
        _ => None,
    }
}

/// The `n`th (1-based) weekday `wd` (0 = Monday) of a month, if the month has one.
fn nth_weekday(y: i32, m: u32, wd: u32, n: u32) -> Option<Date> {
    let first = Date::new(y, m, 1)?;
    let off = (wd + 7 - first.weekday()) % 7;
    Date::new(y, m, 1 + off + 7 * (n.checked_sub(1)?))
}

/// Holidays: "Christmas (Day|Eve)", "New Year's Day|Eve", "Thanksgiving (Day)", "Easter
/// (Sunday)", "Halloween", "Valentine's Day" — the nearest one, leaning on the past.
fn holiday(cx: &Cx<'_>, i: usize) -> Option<TokDate> {
    // these names mean the holiday even in lower case
    let unambiguous = cx.is_any(
        i,
        &[
            b"christmas",
            b"easter",
            b"halloween",
            b"thanksgiving",
            b"juneteenth",
        ],
    );
    if !cx.capitalized(i) && !unambiguous {
        return None;
    }
    let l = cx.lw(i);
    let poss = |k: usize| (cx.punct(k, "'") || cx.punct(k, "’")) && cx.is(k + 1, b"s");
    // "Veterans Day", "Veterans' Day", "Presidents' Day": the day after a plural's apostrophe
    let day_after = |k: usize| {
        if cx.is(k, b"day") {
            Some(k + 1)
        } else if (cx.punct(k, "'") || cx.punct(k, "’")) && cx.is(k + 1, b"day") {
            Some(k + 2)
        } else {
            None
        }
    };
    // "St. Patrick's Day", "Saint Patrick's Day"
    let patrick = if cx.is(i, b"st") && cx.punct(i + 1, ".") {
        i + 2
    } else {
        i + 1
    };
    let capital = |k: usize| cx.capitalized(k);
    let (kind, mut te) = match l.b() {
        b"easter" if cx.is(i + 1, b"week") => {
            let te = i + 2;
            let y = cx.year_at(te).map(|(y, _)| y).or(cx.base.map(|b| b.year));
            let timex = y.and_then(easter).map(|d| Timex::Week(monday(d)));
            return Some(TokDate {
                ts: i,
                te,
                timex,
                rule: "date:holiday",
            });
        }
        b"good" if cx.is(i + 1, b"friday") && capital(i + 1) => (8, i + 2),
        b"easter" if cx.is(i + 1, b"monday") => (9, i + 2),
        b"election" if cx.is(i + 1, b"day") && capital(i + 1) => (10, i + 2),
        b"labor" | b"labour" if cx.is(i + 1, b"day") && capital(i + 1) => (11, i + 2),
        b"memorial" if cx.is(i + 1, b"day") && capital(i + 1) => (12, i + 2),
        b"black" if cx.is(i + 1, b"friday") && capital(i + 1) => (13, i + 2),
        b"boxing" if cx.is(i + 1, b"day") && capital(i + 1) => (14, i + 2),
        b"veterans" | b"armistice" | b"remembrance" if capital(i + 1) => (15, day_after(i + 1)?),
        b"may" if cx.is(i + 1, b"day") && capital(i + 1) => (16, i + 2),
        b"workers" if cx.is(i.wrapping_sub(1), b"international") => (16, day_after(i + 1)?),
        b"juneteenth" => (17, i + 1),
        b"earth" if cx.is(i + 1, b"day") && capital(i + 1) => (18, i + 2),
        b"st" | b"saint"
            if cx.is(patrick, b"patrick") && poss(patrick + 1) && cx.is(patrick + 3, b"day") =>
        {
            (19, patrick + 4)
        }
        b"martin"
            if cx.is(i + 1, b"luther")
                && cx.is(i + 2, b"king")
                && cx.is_any(i + 3, &[b"day", b"jr"]) =>
        {
            let k = if cx.is(i + 3, b"jr") {
                i + 4 + usize::from(cx.punct(i + 4, "."))
            } else {
                i + 3
            };
            if !cx.is(k, b"day") {
                return None;
            }
            (20, k + 1)
        }
        b"christmas" if cx.is(i + 1, b"eve") => (1, i + 2),
        b"christmas" => (0, if cx.is(i + 1, b"day") { i + 2 } else { i + 1 }),
        b"new" if cx.is(i + 1, b"year") && poss(i + 2) && cx.is_any(i + 4, &[b"day", b"eve"]) => {
            (if cx.is(i + 4, b"day") { 2 } else { 3 }, i + 5)
        }
        b"halloween" => (4, i + 1),
        b"valentine" if poss(i + 1) && cx.is(i + 3, b"day") => (5, i + 4),
        b"thanksgiving" => (6, if cx.is(i + 1, b"day") { i + 2 } else { i + 1 }),
        b"easter" => (
            7,
            if cx.is_any(i + 1, &[b"sunday", b"day"]) {
                i + 2
            } else {
                i + 1
            },
        ),
        _ => return None,
    };
    let mut ts = if l.b() == b"workers" { i - 1 } else { i };
    let mut rel = Rel::None;
    if ts > 0 {
        if let Some(r) = rel_word(cx.lw(ts - 1).b()) {
            rel = r;
            ts -= 1;
        }
    }
    let year = cx.year_at(te).map(|(y, e)| {
        te = e;
        y
    });
    let timex = match (year, cx.base) {
        (Some(y), _) => holiday_in(kind, y).map(Timex::Day),
        (None, Some(b)) => {
            let this = holiday_in(kind, b.year)?;
            let prev = holiday_in(kind, b.year - 1)?;
            let next = holiday_in(kind, b.year + 1)?;
            let bd = b.to_days();
            let d = match rel {
                Rel::Last => {
                    if this.to_days() < bd {
                        this
                    } else {
                        prev
                    }
                }
                Rel::Next => {
                    if this.to_days() > bd {
                        this
                    } else {
                        next
                    }
                }
                Rel::This => this,
                Rel::None => {
                    let (past, fut) = if this.to_days() <= bd {
                        (this, next)
                    } else {
                        (prev, this)
                    };
                    if (fut.to_days() - bd) * 3 < bd - past.to_days() {
                        fut
                    } else {
                        past
                    }
                }
            };
            Some(Timex::Day(d))
        }
        (None, None) => None,
    };
    Some(TokDate {
        ts,
        te,
        timex,
        rule: "date:holiday",
    })
}

/// Day Month [Year]: "19 June 2024", "19th of June", "fourth of July, 1995".
fn day_month(cx: &Cx<'_>, i: usize) -> Option<TokDate> {
    let (d, j) = cx.day_at(i)?;
    let j2 = if cx.is(j, b"of") { j + 1 } else { j };
    let (m, k) = cx.month_at(j2)?;
    let yj = if cx.punct(k, ",") || cx.is(k, b"of") {
        k + 1
    } else {
        k
    };
    let (k2, year) = match cx.year_at(yj) {
        Some((y, e)) => (e, Some(y)),
        None => (k, None),
    };
    // "$12 December 27", "pay 12 December 27th": the number belongs to something else and the
    // month takes the day after it
    let money = i > 0 && matches!(cx.s(i - 1), "$" | "€" | "£" | "¥");
    if year.is_none() && (money || cx.day_at(k).is_some()) {
        return None;
    }
    Some(TokDate {
        ts: i,
        te: k2,
        timex: day_month_year(cx.base, year, m, d, cx.lean(i)),
        rule: "date:day_month",
    })
}

fn rel_unit(b: Date, u: TUnit, step: i32) -> Option<Timex> {
    Some(match u {
        TUnit::Day => Timex::Day(b.add_days(i64::from(step))),
        TUnit::Week => Timex::Week(monday(b).add_days(7 * i64::from(step))),
        TUnit::Month => {
            let (y, m) = month_add(b.year, b.month, step);
            Timex::Month(y, m)
        }
        TUnit::Quarter => {
            let (y, m) = month_add(b.year, b.month, 3 * step);
            Timex::Quarter(y, (m - 1) / 3 + 1)
        }
        TUnit::Year => Timex::Year(b.year + step),
        TUnit::Decade => Timex::Decade(b.year - b.year.rem_euclid(10) + 10 * step),
        TUnit::Century => Timex::Century(b.year - b.year.rem_euclid(100) + 100 * step),
        _ => return None,
    })
}

fn day_month_year(
    base: Option<Date>,
    year: Option<i32>,
    m: u32,
    d: u32,
    lean: Lean,
) -> Option<Timex> {
    match year {
        Some(y) => Date::new(y, m, d).map(Timex::Day),
        None => {
            let b = base?;
            if d > days_in_month(b.year, m).max(days_in_month(b.year - 1, m)) {
                return None;
            }
            resolve_month_day(b, m, d, lean).map(Timex::Day)
        }
    }
}

/// Start of a month expression including `early`/`mid-`/`late`.
fn month_modifier_start(cx: &Cx<'_>, i: usize) -> usize {
    if i >= 2 && cx.punct(i - 1, "-") && cx.is(i - 2, b"mid") {
        return i - 2;
    }
    if i >= 1 && cx.is_any(i - 1, &[b"early", b"late", b"mid"]) {
        return i - 1;
    }
    i
}

fn decade_start(cx: &Cx<'_>, i: usize) -> usize {
    if i >= 2 && cx.punct(i - 1, "-") && cx.is(i - 2, b"mid") {
        if i >= 3 && cx.is(i - 3, b"the") {
            return i - 3;
        }
        return i - 2;
    }
    if i >= 1 && cx.is_any(i - 1, &[b"early", b"late", b"mid"]) {
        if i >= 2 && cx.is(i - 2, b"the") {
            return i - 2;
        }
        return i - 1;
    }
    if i >= 1 && cx.is(i - 1, b"the") {
        return i - 1;
    }
    i
}

/// Whether the number at `i` follows `NNN-` (a phone number "555-1234", an id "12-2024"): not a
/// year. "1990-1995" and "2014-2018" keep their years.
fn after_short_number(cx: &Cx<'_>, i: usize) -> bool {
    i >= 2
        && cx.glued(i)
        && (cx.punct(i - 1, "-") || cx.punct(i - 1, "/"))
        && cx.glued(i - 1)
        && cx.kind(i - 2) == Some(K::Num)
        && cx.s(i - 2).len() != 4
}

/// The end of a split year written after year `y` (ending at `e`): `/4`, `/04`, `-04` or
/// `/2004`, where the second part is the year after `y` ("the 2003/4 budget"). Not the middle of
/// a longer run of separated numbers (a date "2003/4/5").
fn split_year_end(cx: &Cx<'_>, y: i32, e: usize) -> Option<usize> {
    let slash = cx.punct(e, "/");
    if !(slash || cx.punct(e, "-") || cx.punct(e, "–"))
        || !cx.glued(e)
        || !cx.glued(e + 1)
        || cx.kind(e + 1) != Some(K::Num)
    {
        return None;
    }
    if (cx.punct(e + 2, "/") || cx.punct(e + 2, "-") || cx.punct(e + 2, "."))
        && cx.glued(e + 2)
        && cx.glued(e + 3)
        && cx.kind(e + 3) == Some(K::Num)
    {
        return None;
    }
    let s = cx.s(e + 1);
    let v = i32::try_from(cx.int(e + 1)?).ok()?;
    let next = y + 1;
    let ok = match s.len() {
        // "2003/4" only with a slash: "2003-4" may be a range of counts
        1 => slash && v == next % 10,
        2 => v == next % 100 && (slash || s.starts_with('0') || !(1..=12).contains(&v)),
        4 => slash && v == next,
        _ => false,
    };
    ok.then_some(e + 2)
}

/// Whether a 4-digit number at `i` (ending at `e`) reads as a year rather than a count.
fn year_context(cx: &Cx<'_>, i: usize, e: usize) -> bool {
    if i > 0 {
        let p = cx.lw(i - 1);
        let pb = p.b();
        // A currency or a count marker before: not a year.
        if cx.kind(i - 1) == Some(K::Punct) && lex::currency_symbol(cx.s(i - 1)).is_some() {
            return false;
        }
        if matches!(
            pb,
            b"in"
                | b"since"
                | b"until"
                | b"till"
                | b"by"
                | b"of"
                | b"from"
                | b"through"
                | b"during"
                | b"before"
                | b"after"
                | b"early"
                | b"late"
                | b"mid"
                | b"fiscal"
                | b"fy"
                | b"year"
                | b"circa"
                | b"between"
                | b"spring"
                | b"summer"
                | b"autumn"
                | b"fall"
                | b"winter"
                | b"around"
                | b"throughout"
                | b"end"
                | b"beginning"
                | b"start"
        ) {
            return true;
        }
        if cx.punct(i - 1, "-") && cx.is(i.wrapping_sub(2), b"mid") {
            return true;
        }
        if cx.is_any(
            i - 1,
            &[
                b"about",
                b"than",
                b"nearly",
                b"some",
                b"over",
                b"under",
                b"least",
                b"almost",
                b"approximately",
                b"to",
                b"the",
            ],
        ) {
            // "the 1987 crash", "the 2024 Olympics": a year before a singular noun or a name
            if cx.is(i - 1, b"the") {
                return cx.kind(e) == Some(K::Word)
                    && follows_like_year(cx, e)
                    && !lex::is_stop_word(cx.lw(e).b());
            }
            // "more than 2000 people" vs "to 2024": decide on what follows
            return follows_like_year(cx, e)
                && !cx.is_any(
                    i - 1,
                    &[
                        b"about",
                        b"than",
                        b"nearly",
                        b"some",
                        b"over",
                        b"under",
                        b"least",
                        b"almost",
                        b"approximately",
                        b"the",
                    ],
                );
        }
    }
    follows_like_year(cx, e)
}

fn follows_like_year(cx: &Cx<'_>, e: usize) -> bool {
    match cx.kind(e) {
        None => true,
        Some(K::Punct) => {
            let s = cx.s(e);
            // "1000-5000" is a range of numbers, "1990-1995" of years
            if matches!(s, "-" | "–") && cx.kind(e + 1) == Some(K::Num) {
                let other = cx.int(e + 1).unwrap_or(0);
                let n = cx.s(e + 1).len();
                if !(n == 2 || (n == 4 && (1000..=2099).contains(&other))) {
                    return false;
                }
            }
            // "2024-25" season ranges and "2014-2018" ranges stay years; "%"/"$" do not.
            !matches!(s, "%" | "$" | "€" | "£" | "/" | ":" | "×" | "x")
        }
        Some(K::Num) => false,
        Some(K::Word) => {
            let l = cx.lw(e);
            let b = l.b();
            if lex::is_stop_word(b) || cx.capitalized(e) {
                return !matches!(b, b"more" | b"of" | b"than");
            }
            // a year modifying a period figure: "the 2005 year", "2005 revenues of $4bn"
            if period_noun(b) {
                return true;
            }
            if lex::scale_word(b).is_some()
                || lex::currency_word(b).is_some()
                || lex::quantity_unit(b).is_some()
                || time_unit(b).is_some()
            {
                return false;
            }
            // A following plural noun ("2000 soldiers") makes it a count; verbs/adverbs keep year.
            b.len() <= 3 || !b.ends_with(b"s") || b.ends_with(b"ss") || b.ends_with(b"us")
        }
    }
}

/// Nouns that a year modifies rather than a count measures: the singular period ("the 2005
/// year", "season") and the figures of a period ("2005 revenues", "2004 earnings"). Nobody counts
/// 2005 revenues, so a year-like number before them is the year.
fn period_noun(w: &[u8]) -> bool {
    matches!(
        w,
        b"year"
            | b"season"
            | b"budget"
            | b"budgets"
            | b"revenue"
            | b"revenues"
            | b"sales"
            | b"turnover"
            | b"profit"
            | b"profits"
            | b"earnings"
            | b"income"
            | b"results"
            | b"losses"
            | b"output"
            | b"exports"
            | b"imports"
            | b"forecast"
            | b"forecasts"
            | b"accounts"
            | b"spending"
            | b"deficit"
            | b"growth"
            | b"outlook"
            | b"guidance"
            | b"targets"
            | b"elections"
    )
}

/// `N units ago|earlier` / `a unit ago`: (end token, value).
fn ago_expr(cx: &Cx<'_>, i: usize) -> Option<(usize, Option<Timex>, &'static str)> {
    let l = cx.lw(i);
    let w = l.b();
    let (n, j) = if matches!(w, b"a" | b"an" | b"one") {
        (1, i + 1)
    } else if let Some(v) = cx.int(i).filter(|&v| v < 1000 && cx.s(i).len() <= 3) {
        (v, i + 1)
    } else if let Some((v, false)) = lex::unit_word(w) {
        if cx.punct(i + 1, "-") && lex::unit_word(cx.lw(i + 2).b()).is_some() {
            let u = lex::unit_word(cx.lw(i + 2).b()).map_or(0, |x| x.0);
            (v + u, i + 3)
        } else {
            (v, i + 1)
        }
    } else {
        return None;
    };
    let (u, _) = time_unit(cx.lw(j).b())?;
    let ago = cx.lw(j + 1);
    if !matches!(ago.b(), b"ago" | b"earlier") {
        return None;
    }
    if ago.b() == b"earlier" && !matches!(u, TUnit::Year | TUnit::Month | TUnit::Week | TUnit::Day)
    {
        return None;
    }
    let v = cx.base.and_then(|b| ago_value(b, u, n));
    let rule = if n == 1 && u == TUnit::Year {
        "date:year_ago"
    } else {
        "date:ago"
    };
    Some((j + 2, v, rule))
}

fn ago_value(b: Date, u: TUnit, n: u32) -> Option<Timex> {
    let n = i32::try_from(n).ok()?;
    Some(match u {
        TUnit::Day => Timex::Day(b.add_days(-i64::from(n))),
        TUnit::Week => Timex::Week(monday(b).add_days(-7 * i64::from(n))),
        TUnit::Fortnight => Timex::Week(monday(b).add_days(-14 * i64::from(n))),
        TUnit::Month => {
            let (y, m) = month_add(b.year, b.month, -n);
            Timex::Month(y, m)
        }
        TUnit::Year => Timex::Year(b.year - n),
        // "a decade ago" in 2024 is about 2014, not the 2010s
        TUnit::Decade => Timex::Year(b.year - 10 * n),
        _ => return None,
    })
}

/// Quarter/half expressions starting at `i`.
fn quarter_expr(cx: &Cx<'_>, i: usize) -> Option<TokDate> {
    let rule = "date:quarter";
    // "the quarter", "the latest quarter": the last completed quarter (financial reports).
    if cx.is(i, b"the") {
        let mut j = i + 1;
        let mut current = false;
        let mut latest = false;
        if cx.is_any(j, &[b"latest", b"current", b"recent"]) {
            current = cx.is(j, b"current");
            latest = cx.is(j, b"latest");
            j += 1;
        }
        let unit_ok = cx.is(j, b"quarter") || (latest && cx.is(j, b"period"));
        if unit_ok
            && !cx.is_any(
                j + 1,
                &[b"of", b"century", b"mile", b"point", b"final", b"finals"],
            )
        {
            let timex = cx.base.map(|b| {
                let (y, m) = month_add(b.year, b.month, if current { 0 } else { -3 });
                Timex::Quarter(y, (m - 1) / 3 + 1)
            });
            return Some(TokDate {
                ts: i,
                te: j + 1,
                timex,
                rule,
            });
        }
    }
    // "Q3 2024", "Q3 of next year", "Q1-2025", "Q4"
    if let Some((q, k)) = q_quarter(cx, i) {
        let (te, year) = quarter_year(cx, k);
        // "the Audi Q3": a name, unless a year follows
        let after_name = i > 0
            && cx.capitalized(i - 1)
            && cx.kind(i - 1) == Some(K::Word)
            && !lex::is_stop_word(cx.lw(i - 1).b());
        if after_name && year.is_none() {
            return None;
        }
        let y = year.or_else(|| Some(nearest_quarter_year(cx.base?, q, cx.is_future(i))));
        return Some(TokDate {
            ts: i,
            te,
            timex: y.map(|y| Timex::Quarter(y, q)),
            rule,
        });
    }
    let mut j = i;
    if cx.is(j, b"the") {
        j += 1;
    }
    if cx.is_any(j, &[b"fiscal", b"calendar"]) {
        j += 1;
    }
    let l = cx.lw(j);
    let q = match ordinal_word(l.b()) {
        Some((q @ 1..=4, false)) => q,
        _ if l.b() == b"last" && cx.is(i, b"the") && cx.is(j + 1, b"half") => 2,
        _ => return None,
    };
    let k = if cx.punct(j + 1, "-") { j + 2 } else { j + 1 };
    let half = match cx.lw(k).b() {
        b"quarter" => false,
        b"half" if q <= 2 => true,
        _ => return None,
    };
    let (te, year) = quarter_year(cx, k + 1);
    // a quarter without its year: this year's, or next year's when the clause looks ahead
    // to a quarter already past ("expects to close in the first quarter")
    let y = year.or_else(|| {
        let b = cx.base?;
        Some(if half {
            b.year
        } else {
            nearest_quarter_year(b, q, cx.is_future(i))
        })
    });
    let timex = y.map(|y| {
        if half {
            Timex::Half(y, q)
        } else {
            Timex::Quarter(y, q)
        }
    });
    Some(TokDate {
        ts: i,
        te,
        timex,
        rule,
    })
}

/// `Q1`..`Q4` at `j` (a capital `Q` glued to one digit): the quarter and the next token.
fn q_quarter(cx: &Cx<'_>, j: usize) -> Option<(u32, usize)> {
    if cx.s(j) != "Q" || !cx.glued(j + 1) || cx.s(j + 1).len() != 1 {
        return None;
    }
    let q = cx.int(j + 1).filter(|q| (1..=4).contains(q))?;
    // "Q3s", "Q35", "Q3.5": not a quarter
    if cx.glued(j + 2) && !cx.punct(j + 2, "-") && !cx.punct(j + 2, ",") && !cx.punct(j + 2, ".") {
        return None;
    }
    Some((q, j + 2))
}

/// The year written after a quarter ending at `k`: `2024`, `of 2024`, `-2024`, `'24`,
/// `(of) next|this|last year`, `of the year` (the base year). Returns the end and the year.
fn quarter_year(cx: &Cx<'_>, k: usize) -> (usize, Option<i32>) {
    let j = if cx.is(k, b"of") || (cx.punct(k, "-") && cx.glued(k) && cx.glued(k + 1)) {
        k + 1
    } else {
        k
    };
    if let Some((y, e)) = cx.year_at(j) {
        return (e, Some(y));
    }
    if cx.is(j + 1, b"year") && !cx.punct(j + 2, "'") && !cx.punct(j + 2, "’") {
        let step = match cx.lw(j).b() {
            b"next" | b"coming" => Some(1),
            b"this" | b"current" => Some(0),
            b"last" | b"previous" => Some(-1),
            b"the" if j == k + 1 && cx.is(k, b"of") => Some(0),
            _ => None,
        };
        if let (Some(step), Some(b)) = (step, cx.base) {
            return (j + 2, Some(b.year + step));
        }
    }
    (k, None)
}

/// The year of quarter `q` named without a year: the base year's, or the next year's when the
/// text looks ahead and that quarter ended well before the base date (the quarter just ended
/// is still ahead in "third-quarter earnings will be lower").
fn nearest_quarter_year(b: Date, q: u32, future: bool) -> i32 {
    let current = b.month.div_ceil(3);
    if future && q + 2 <= current {
        b.year + 1
    } else {
        b.year
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::type_complexity)]
mod tests {
    use super::*;

    fn iso(text: &str, base: &str) -> Vec<(String, String)> {
        let b = Date::parse_iso(base);
        find_dates(text, b)
            .into_iter()
            .map(|m| {
                (
                    text[m.span.start..m.span.end].to_string(),
                    m.timex.map_or("-".into(), |t| t.iso()),
                )
            })
            .collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &str, &[(&str, &str)])] = &[
            (
                "signed on June 19 during a visit",
                "2024-11-06",
                &[("June 19", "2024-06-19")],
            ),
            (
                "in Pyongyang on June 19, 2024 [Vladimir]",
                "2024-11-06",
                &[("June 19, 2024", "2024-06-19")],
            ),
            (
                "ratified the legislation on October 24.",
                "2024-11-06",
                &[("October 24", "2024-10-24")],
            ),
            (
                "the two countries on Wednesday, state media",
                "2024-11-06",
                &[("Wednesday", "2024-11-06")],
            ),
            (
                "military since August in an effort",
                "2024-11-06",
                &[("August", "2024-08")],
            ),
            (
                "It happened last week.",
                "2024-11-06",
                &[("last week", "2024-W44")],
            ),
            (
                "earlier this month they met",
                "2024-11-06",
                &[("earlier this month", "2024-11")],
            ),
            ("in 2022 the war began", "2024-11-06", &[("2022", "2022")]),
            (
                "yesterday and two days ago",
                "2024-11-06",
                &[("yesterday", "2024-11-05"), ("two days ago", "2024-11-04")],
            ),
            (
                "It will happen next month.",
                "2024-11-06",
                &[("next month", "2024-12")],
            ),
            ("music of the 1990s", "2024-11-06", &[("the 1990s", "199")]),
            (
                "profit this calendar year and next fiscal year",
                "2019-03-01",
                &[("this calendar year", "2019"), ("next fiscal year", "2020")],
            ),
            (
                "I will leave in two weeks.",
                "2018-07-05",
                &[("in two weeks", "2018-07-19")],
            ),
            ("the highest level in two years", "2018-07-05", &[]),
            (
                "I bought it for $12 December 27",
                "2018-12-30",
                &[("December 27", "2018-12-27")],
            ),
            (
                "the first week of 2021, week 27 of last year, the 9th month of next year",
                "2018-05-31",
                &[
                    ("the first week of 2021", "2021-W01"),
                    ("week 27 of last year", "2017-W27"),
                    ("the 9th month of next year", "2019-09"),
                ],
            ),
            (
                "three weeks from tomorrow, 2 weeks before May 13 1999, a month after Jan. 31",
                "2018-05-31",
                &[
                    ("three weeks from tomorrow", "2018-06-22"),
                    ("2 weeks before May 13 1999", "1999-04-29"),
                    ("a month after Jan. 31", "2018-02-28"),
                ],
            ),
            (
                "on 05-Aug-2016, 2019/aug/01, Sep-23-2020 and Dec-2018",
                "2024-11-06",
                &[
                    ("05-Aug-2016", "2016-08-05"),
                    ("2019/aug/01", "2019-08-01"),
                    ("Sep-23-2020", "2020-09-23"),
                    ("Dec-2018", "2018-12"),
                ],
            ),
            // the clause's tense: initials and month abbreviations do not end it
            (
                "He will succeed Daniel P. Davison Feb. 1 as chief.",
                "1989-11-02",
                &[("Feb. 1", "1990-02-01")],
            ),
            (
                "repay the loan by February; the pact, effective June 1, was signed",
                "1989-11-02",
                &[("February", "1990-02"), ("June 1", "1990-06-01")],
            ),
            (
                "members had filed reports by Wednesday",
                "1990-08-16",
                &[("Wednesday", "1990-08-15")],
            ),
            (
                "by the end of 1990 and in mid-1996",
                "1998-02-13",
                &[("the end of 1990", "1990"), ("mid-1996", "1996")],
            ),
            (
                "made general in 1995, and the following year he left; that year-end was calm",
                "1998-04-18",
                &[
                    ("1995", "1995"),
                    ("the following year", "1996"),
                    ("year-end", "1998"),
                ],
            ),
            (
                "talks set to resume Monday in Belfast",
                "1998-03-19",
                &[("Monday", "1998-03-23")],
            ),
            (
                "A spokesman said Thursday that troops will stay.",
                "1998-03-06",
                &[("Thursday", "1998-03-05")],
            ),
            (
                "For the year, sales rose; over the past year they fell.",
                "1989-11-02",
                &[("the year", "1989"), ("the past year", "1988")],
            ),
            (
                "a 20th century democrat near an 11th-century temple",
                "1998-02-13",
                &[("20th century", "19"), ("11th-century", "10")],
            ),
            (
                "It may soon seek more, as soon as possible, soon after the vote.",
                "1989-11-02",
                &[
                    ("soon", "FUTURE_REF"),
                    ("as soon as possible", "FUTURE_REF"),
                ],
            ),
            (
                "Rates have fallen in the last few months.",
                "1998-02-06",
                &[("the last few months", "PAST_REF")],
            ),
            ("for three years every week", "2024-11-06", &[]),
            ("2,000 soldiers and 2000 soldiers", "2024-11-06", &[]),
            (
                "profit in the third quarter of 1989 rose",
                "1989-11-02",
                &[("the third quarter of 1989", "1989-Q3")],
            ),
            (
                "third-quarter profit",
                "1989-11-02",
                &[("third-quarter", "1989-Q3")],
            ),
            (
                "on Friday, March 3, 2023, he",
                "2024-11-06",
                &[("Friday, March 3, 2023", "2023-03-03")],
            ),
            ("You may go.", "2024-11-06", &[]),
            (
                "the 19th of June 2020",
                "2024-11-06",
                &[("19th of June 2020", "2020-06-19")],
            ),
            ("last year sales", "1998-03-04", &[("last year", "1997")]),
            (
                "On 2024-06-19 it rained",
                "2024-11-06",
                &[("2024-06-19", "2024-06-19")],
            ),
            ("a year ago", "2024-11-06", &[("a year ago", "2023")]),
            (
                "Easter 2024 and last Christmas",
                "2024-11-06",
                &[
                    ("Easter 2024", "2024-03-31"),
                    ("last Christmas", "2023-12-25"),
                ],
            ),
            (
                "sold 10 years ago",
                "2024-11-06",
                &[("10 years ago", "2014")],
            ),
            (
                "the 1987 crash and the 2000 soldiers",
                "2024-11-06",
                &[("1987", "1987")],
            ),
            (
                "in the fourth quarter; a year earlier",
                "1989-11-02",
                &[
                    ("the fourth quarter", "1989-Q4"),
                    ("a year earlier", "1988-Q4"),
                ],
            ),
            (
                "It will happen on Friday.",
                "2024-11-06",
                &[("Friday", "2024-11-08")],
            ),
            ("since January", "1989-11-02", &[("January", "1989-01")]),
            (
                "Talks resume in January.",
                "1989-11-02",
                &[("January", "1990-01")],
            ),
        ];
        for (text, base, want) in cases {
            let got = iso(text, base);
            let want: Vec<(String, String)> = want
                .iter()
                .map(|(a, b)| ((*a).to_string(), (*b).to_string()))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn news_rules() {
        // base 2024-11-06 is a Wednesday
        let cases: &[(&str, &[(&str, &str)])] = &[
            // plans look ahead; a fronted date dates the report unless the plan is present
            (
                "Rebels planned a march in the capital on Saturday.",
                &[("Saturday", "2024-11-09")],
            ),
            (
                "On Friday, the ministry plans to publish the figures.",
                &[("Friday", "2024-11-08")],
            ),
            (
                "On Friday, the ministry planned to publish the figures.",
                &[("Friday", "2024-11-01")],
            ),
            (
                "Until Monday, police had not named a suspect.",
                &[("Monday", "2024-11-04")],
            ),
            (
                "The agency will begin the transfer since he was rescued in May.",
                &[("May", "2024-05")],
            ),
            (
                "The vote is due the week of December 2.",
                &[("the week of December 2", "2024-W49")],
            ),
            ("They met the day after June 5.", &[("the day after June 5", "2024-06-06")]),
            (
                "Troops left on March 3. Earlier that day, shelling began. The next morning, it stopped.",
                &[
                    ("March 3", "2024-03-03"),
                    ("Earlier that day", "2024-03-03"),
                    ("The next morning", "2024-03-04"),
                ],
            ),
            (
                "The summit was held on April 24 and 25 in Kigali.",
                &[("April 24", "2024-04-24"), ("25", "2024-04-25")],
            ),
            ("April 24 and 25 people died.", &[("April 24", "2024-04-24")]),
            (
                "Polls closed on Election Day and on Good Friday.",
                &[("Election Day", "2024-11-05"), ("Good Friday", "2024-03-29")],
            ),
            (
                "Easter Monday 2023 and Labor Day and Easter week",
                &[
                    ("Easter Monday 2023", "2023-04-10"),
                    ("Labor Day", "2024-09-02"),
                    ("Easter week", "2024-W13"),
                ],
            ),
            ("the post-2014 borders", &[("post-2014", "2014")]),
            ("The March elections were delayed.", &[("March", "2024-03")]),
            (
                "The deadline runs until 9 a.m. Tuesday.",
                &[("9 a.m. Tuesday", "2024-11-12T09:00")],
            ),
            (
                "He said the raid began at 10:30 p.m. EST Friday.",
                &[("10:30 p.m. EST Friday", "2024-11-01T22:30")],
            ),
            (
                "Prices fell over the past week, then rose for the past month.",
                &[("the past week", "2024-W44"), ("the past month", "2024-10")],
            ),
            (
                "its current leader spoke about the country's future.",
                &[("current", "PRESENT_REF"), ("future", "FUTURE_REF")],
            ),
            ("future earnings and the current year", &[("current year", "2024")]),
            (
                "Aid ends by end of month. A deal is due by the end of this week.",
                &[("end of month", "2024-11"), ("the end of this week", "2024-W45")],
            ),
            (
                "Fighting began on March 3. Three days later, the town fell.",
                &[("March 3", "2024-03-03"), ("Three days later", "2024-03-06")],
            ),
            ("He will be back the next day.", &[("the next day", "2024-11-07")]),
        ];
        for (text, want) in cases {
            let got = iso(text, "2024-11-06");
            let want: Vec<(String, String)> = want
                .iter()
                .map(|(a, b)| ((*a).to_string(), (*b).to_string()))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn split_years_are_the_first_year() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "Tax receipts climbed in 2009/10 and fell in 2011/12.",
                &[("2009/10", "2009"), ("2011/12", "2011")],
            ),
            ("the 1999/0 accounts were late", &[("1999/0", "1999")]),
            ("The budget for 2007/8 is tight.", &[("2007/8", "2007")]),
            ("over the 2004-05 season", &[("2004-05", "2004")]),
        ];
        for (text, want) in cases {
            let got = iso(text, "2024-11-06");
            let want: Vec<(String, String)> = want
                .iter()
                .map(|(a, b)| ((*a).to_string(), (*b).to_string()))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn years_modifying_period_nouns() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            ("It aims for 2009 profits of $2bn.", &[("2009", "2009")]),
            (
                "Results for the 2011 year disappointed.",
                &[("2011", "2011")],
            ),
            ("Analysts cut 2013 earnings forecasts.", &[("2013", "2013")]),
            ("They hired 2000 workers.", &[]),
        ];
        for (text, want) in cases {
            let got = iso(text, "2024-11-06");
            let want: Vec<(String, String)> = want
                .iter()
                .map(|(a, b)| ((*a).to_string(), (*b).to_string()))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn find_in_sentence_uses_document_offsets() {
        use crate::document::Sentence;
        let text = "Nothing happened. The treaty was signed on June 19 and ratified now.";
        let mut doc = Document::new("d", text, Date::new(2024, 11, 6));
        assert_eq!(find_in_sentence(&doc, 0).len(), 1); // no sentences: the whole text
        assert!(find_in_sentence(&doc, 1).is_empty());
        let s1 = text.find("The").unwrap();
        doc.sentences = vec![
            Sentence {
                span: Span::new(0, 17),
                token_start: 0,
                token_end: 0,
            },
            Sentence {
                span: Span::new(s1, text.len()),
                token_start: 0,
                token_end: 0,
            },
        ];
        assert!(find_in_sentence(&doc, 0).is_empty());
        let got = find_in_sentence(&doc, 1);
        assert_eq!(got.len(), 1, "references like `now` are left out");
        assert_eq!(&text[got[0].span.start..got[0].span.end], "June 19");
        assert_eq!(
            got[0].value.map(DateValue::iso).as_deref(),
            Some("2024-06-19")
        );
        assert!(find_in_sentence(&doc, 7).is_empty());
    }

    #[test]
    fn unresolved_without_base() {
        let got = find_dates("on Wednesday and on June 19, 2024", None);
        assert_eq!(got.len(), 2);
        assert!(got[0].value.is_none());
        assert_eq!(
            got[1].value.map(DateValue::iso).as_deref(),
            Some("2024-06-19")
        );
    }

    /// A present-tense scheduling verb picks the upcoming day; a past one keeps the past.
    #[test]
    fn tense_of_the_governing_verb() {
        // base: Wednesday 2024-11-06
        let cases: &[(&str, &str)] = &[
            ("The summit opens on Monday.", "2024-11-11"),
            ("The summit opened on Monday.", "2024-11-04"),
            ("Talks resume on Friday.", "2024-11-08"),
            ("Talks resumed on Friday.", "2024-11-01"),
            ("On Monday, the summit opens in Brussels.", "2024-11-11"),
            ("She is meeting Putin on Friday.", "2024-11-08"),
            ("She was meeting Putin on Friday.", "2024-11-01"),
            ("Lawmakers vote on Tuesday on the bill.", "2024-11-12"),
            ("The votes on Tuesday were close.", "2024-11-05"),
            ("The court did not meet on Monday.", "2024-11-04"),
            (
                "The talks, which collapsed Monday, resume Friday.",
                "2024-11-04 2024-11-08",
            ),
            (
                "The rights, which expire Dec. 2, can be exercised.",
                "2024-12-02",
            ),
            // a month-day: the upcoming one for the present, the past one for the past
            ("The test starts January 10th.", "2025-01-10"),
            ("The test started January 10th.", "2024-01-10"),
            ("Sales rose in December.", "2023-12"),
            ("The reduced dividend is payable Jan. 2.", "2025-01-02"),
            // a past verb does not date a deadline or a noun's modifier
            ("The offer was extended to Dec. 20.", "2024-12-20"),
            ("He gave no reason for the Dec. 14 deadline.", "2024-12-14"),
            // an explicit year after the month
            ("The process began in February this year.", "2024-02"),
            ("They met in March last year.", "2023-03"),
        ];
        for (text, want) in cases {
            let got = iso(text, "2024-11-06");
            let got: Vec<&str> = got
                .iter()
                .map(|g| g.1.as_str())
                .filter(|v| v.contains('-'))
                .collect();
            assert_eq!(got.join(" "), *want, "{text}");
        }
    }

    /// "A decade ago" is the year ten years back.
    #[test]
    fn decades_ago_are_years() {
        assert_eq!(
            iso("a decade ago and two decades ago", "2024-11-06"),
            [
                ("a decade ago".to_string(), "2014".to_string()),
                ("two decades ago".to_string(), "2004".to_string()),
            ]
        );
    }

    /// "That day" after a month names an unknown day of that month.
    #[test]
    fn that_day_after_a_month() {
        let got = iso(
            "He was killed last October. His name was crossed out that same day.",
            "1999-02-06",
        );
        assert_eq!(
            got,
            [
                ("last October".to_string(), "1998-10".to_string()),
                ("that same day".to_string(), "1998-10-XX".to_string()),
            ]
        );
        let m = find_dates("killed in October 1998 and buried that day", None);
        let v = m[1].value.unwrap();
        assert_eq!((v.iso(), v.precision), ("1998-10".into(), Precision::Month));
    }

    /// Quarters resolve to the quarter (TIMEX `2024-Q3`, precision `quarter`), not the year.
    #[test]
    fn quarters() {
        let cases: &[(&str, &str, &[(&str, &str)])] = &[
            (
                "Profits rose this quarter.",
                "2024-11-06",
                &[("this quarter", "2024-Q4")],
            ),
            (
                "Sales fell in the third quarter.",
                "2024-11-06",
                &[("the third quarter", "2024-Q3")],
            ),
            (
                "Revenue in Q3 2024 was flat, Q4 too, and 2025 Q1 and Q2-2023.",
                "2024-11-06",
                &[
                    ("Q3 2024", "2024-Q3"),
                    ("Q4", "2024-Q4"),
                    ("2025 Q1", "2025-Q1"),
                    ("Q2-2023", "2023-Q2"),
                ],
            ),
            (
                "It expects growth in the first quarter of next year.",
                "2024-11-06",
                &[("the first quarter of next year", "2025-Q1")],
            ),
            (
                "The second quarter of last year and the fourth quarter of 2023.",
                "2024-11-06",
                &[
                    ("The second quarter of last year", "2023-Q2"),
                    ("the fourth quarter of 2023", "2023-Q4"),
                ],
            ),
            // a quarter long past is next year's when the clause looks ahead; the quarter
            // just ended is still this year's
            (
                "The deal will close in the first quarter.",
                "2024-11-06",
                &[("the first quarter", "2025-Q1")],
            ),
            (
                "Its third-quarter earnings will be lower.",
                "2024-11-06",
                &[("third-quarter", "2024-Q3")],
            ),
            ("The Q35 engine and Q3s.", "2024-11-06", &[]),
            ("She drives an Audi Q3.", "2024-11-06", &[]),
            ("In Q3 sales rose.", "2024-11-06", &[("Q3", "2024-Q3")]),
        ];
        for (text, base, want) in cases {
            let got = iso(text, base);
            let want: Vec<(String, String)> = want
                .iter()
                .map(|(a, b)| ((*a).to_string(), (*b).to_string()))
                .collect();
            assert_eq!(got, want, "{text}");
        }
        let m = find_dates("in Q3 2024", None);
        let v = m[0].value.unwrap();
        assert_eq!(v.precision, Precision::Quarter);
        assert_eq!(v.iso(), "2024-Q3");
        assert_eq!(v.date, Date::new(2024, 7, 1).unwrap());
    }

    #[test]
    fn never_panics_on_odd_text() {
        for t in [
            "",
            "'",
            "’9",
            "June",
            "1990s",
            "the",
            "2024-",
            "12/",
            "mid-",
            "Wednesday,",
            "\u{1F600} 19 June",
            "0/0/0",
        ] {
            let _ = find_dates(t, Date::new(2024, 1, 1));
        }
    }
}
