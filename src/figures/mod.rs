//! `figures` stage: numbers, quantities, money, counts of people and dates, normalised and tied
//! to what they count.
//!
//! Each [`Figure`] has a `label`:
//! - people counts in the spirit of GDELT GKG: `killed`, `wounded`, `arrested`, `kidnapped`,
//!   `displaced`, `protesters`, `troops` (soldiers, troops, forces), `affected`, `people`;
//! - `money` (`unit` = ISO 4217 code), `percent` (`%`), `ordinal`, `quantity` (`km`, `t`,
//!   `barrel`, ...), `duration` (`unit` = time unit), `age`, `date` (`date` set);
//! - `count` otherwise.
//!
//! Values are normalised (`$40bn` = 4e10 USD, `two dozen` = 24, `dozens of` = 24 with
//! `bound = at_least` and `approximate`); ranges fill `value_max`; bounds (`at least`, `more
//! than`, `up to`, `or more`) fill `bound`. `about` is the counted noun phrase, `attributed_to`
//! who gives the number and `hedge` how (`estimated`, `reportedly`, `according to`, ...).
//! Years, times, phone numbers, ids and numbers inside names are not counts.
//!
//! The finders work on plain string slices ([`find_figures`], [`numbers::find_numbers`],
//! [`dates::find_dates`]) so they do not depend on other stages. The stage runs them per
//! sentence (or over the whole text when there are no sentences) and then links each figure to
//! the document's mentions, actors and events when those layers are present.

use std::sync::Arc;

use crate::date::Date;
use crate::document::{Document, Figure, Span};
use crate::error::StageName;
use crate::knowledge::Knowledge;
use crate::pipeline::{Stage, StageError};

pub mod dates;
mod lex;

pub(crate) use lex::{MONTH_NAMES, WEEKDAY_NAMES};
pub mod numbers;

use lex::{tokenize, Tok, K};
use numbers::{NumKind, NumberMatch};

/// The figures stage.
#[derive(Debug)]
pub struct Figures {
    #[allow(dead_code)]
    kb: Arc<Knowledge>,
}

impl Figures {
    /// A figures stage over the loaded knowledge.
    #[must_use]
    pub fn new(kb: Arc<Knowledge>) -> Self {
        Self { kb }
    }
}

impl Stage for Figures {
    fn name(&self) -> StageName {
        StageName::Figures
    }
    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let mut figures = Vec::new();
        let mut toks = Vec::new();
        let spans: Vec<Span> = if doc.sentences.is_empty() {
            vec![Span::new(0, doc.text.len())]
        } else {
            doc.sentences.iter().map(|s| s.span).collect()
        };
        // mentions and events grouped by sentence once and sorted by position, so linking
        // each figure is a binary search (linear overall even for one huge sentence)
        let n_sent = spans.len();
        let sent_of = |s: u32| {
            if doc.sentences.is_empty() {
                0
            } else {
                (s as usize).min(n_sent - 1)
            }
        };
        let mut mentions_by: Vec<Vec<u32>> = vec![Vec::new(); n_sent];
        let mut events_by: Vec<Vec<u32>> = vec![Vec::new(); n_sent];
        #[allow(clippy::cast_possible_truncation)]
        {
            for (k, m) in doc.mentions.iter().enumerate() {
                mentions_by[sent_of(m.sentence)].push(k as u32);
            }
            for (k, e) in doc.events.iter().enumerate() {
                events_by[sent_of(e.sentence)].push(k as u32);
            }
        }
        for v in &mut mentions_by {
            v.sort_by_key(|&k| (doc.mentions[k as usize].span.start, k));
        }
        for v in &mut events_by {
            v.sort_by_key(|&k| (doc.events[k as usize].trigger.start, k));
        }
        let lk = Linker {
            doc,
            tagged: doc.tokens.iter().any(|t| !t.upos.is_empty()),
            max_mention: doc.mentions.iter().map(|m| m.span.len()).max().unwrap_or(0),
        };
        // what earlier sentences said about time ("that year", the quarter under discussion)
        let mut dctx = dates::DateCtx::default();
        for (si, span) in spans.iter().enumerate() {
            let Some(text) = doc.text.get(span.start..span.end) else {
                continue;
            };
            let before = figures.len();
            #[allow(clippy::cast_possible_truncation)]
            figures_in(
                text,
                span.start,
                si as u32,
                doc.published,
                &mut dctx,
                &mut toks,
                &mut figures,
            );
            for f in &mut figures[before..] {
                lk.link(&mentions_by[si], &events_by[si], f);
            }
        }
        doc.figures = figures;
        Ok(())
    }
}

/// Finds the figures of `text` (one sentence or a short passage): dates resolved against
/// `published`, numbers with their label, unit, bounds, what they count (`about`) and who
/// gives them (`attributed_to`, `hedge`). Spans are byte offsets into `text`; `sentence` is 0
/// and no actor or event links are set (the stage adds those).
///
/// ```
/// use eventframe::date::Date;
/// use eventframe::figures::find_figures;
/// let text = "Ukraine estimated 11,000 North Korean soldiers were in Kursk.";
/// let f = find_figures(text, Date::new(2024, 11, 6));
/// assert_eq!(f[0].value, Some(11000.0));
/// assert_eq!(f[0].label, "troops");
/// assert_eq!(&text[f[0].about.unwrap().start..f[0].about.unwrap().end], "North Korean soldiers");
/// assert_eq!(&text[f[0].attributed_to.unwrap().start..f[0].attributed_to.unwrap().end], "Ukraine");
/// ```
#[must_use]
pub fn find_figures(text: &str, published: Option<Date>) -> Vec<Figure> {
    let mut out = Vec::new();
    let mut toks = Vec::new();
    figures_in(
        text,
        0,
        0,
        published,
        &mut dates::DateCtx::default(),
        &mut toks,
        &mut out,
    );
    out
}

fn figures_in(
    text: &str,
    offset: usize,
    sentence: u32,
    published: Option<Date>,
    dctx: &mut dates::DateCtx,
    toks: &mut Vec<Tok>,
    out: &mut Vec<Figure>,
) {
    tokenize(text, toks);
    if toks.is_empty() {
        return;
    }
    let mut dates = Vec::new();
    dates::dates_in(text, toks, published, dctx, &mut dates);
    let masked = numbers::mask_of(toks, dates.iter().map(|d| d.span));
    let mut nums = Vec::new();
    numbers::numbers_in(text, toks, &masked, &mut nums);
    let shift = |s: Span| Span::new(s.start + offset, s.end + offset);
    let mut figs: Vec<Figure> = Vec::with_capacity(dates.len() + nums.len());
    for d in &dates {
        if d.timex.is_some_and(|t| t.is_reference()) {
            continue;
        }
        figs.push(Figure {
            span: shift(d.span),
            sentence,
            label: "date",
            date: d.value,
            rule: d.rule,
            ..Figure::default()
        });
    }
    let ctx = Ctx { text, t: toks };
    let (seg_of, segs) = if nums.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        segments(&ctx)
    };
    for m in &nums {
        if m.words
            && m.value_max.is_none()
            && m.kind == NumKind::Cardinal
            && (m.value - 1.0).abs() < f64::EPSILON
            && !m.approximate
            && m.bound.is_none()
        {
            // "one" is mostly a pronoun or article in news; keep it only when it counts people
            let (about, head) = about_of(&ctx, m.toks.1, m);
            if about.is_none() || label_of(&ctx, m, head, about) == "count" {
                continue;
            }
        }
        let mut f = Figure {
            span: shift(m.span),
            sentence,
            value: Some(m.value),
            value_max: m.value_max,
            unit: m.unit.map(str::to_owned),
            approximate: m.approximate,
            bound: m.bound,
            rule: m.rule,
            ..Figure::default()
        };
        let (about, head) = about_of(&ctx, m.toks.1, m);
        f.about = about.map(shift);
        f.label = label_of(&ctx, m, head, about);
        // who gives the number (ordinals such as "first" are not claims)
        if m.kind == NumKind::Ordinal {
            figs.push(f);
            continue;
        }
        let seg = segs
            .get(seg_of.get(m.toks.0).copied().unwrap_or(0) as usize)
            .copied()
            .unwrap_or((0, toks.len()));
        if let Some((who, hedge)) = attribution(&ctx, seg, m.toks.0, m.toks.1) {
            f.attributed_to = who.map(shift);
            f.hedge = hedge;
        }
        figs.push(f);
    }
    figs.sort_by_key(|f| f.span.start);
    out.extend(figs);
}

type Ctx<'a> = lex::Toks<'a>;

impl lex::Toks<'_> {
    fn cap(&self, j: usize) -> bool {
        self.s(j).chars().next().is_some_and(char::is_uppercase)
    }
    fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.t[a].s, self.t[b - 1].e)
    }
}

/// A people-count label triggered by a word: `killed`, `wounded`, ...
fn event_label(w: &[u8]) -> Option<&'static str> {
    Some(match w {
        b"killed" | b"killing" | b"kill" | b"kills" | b"dead" | b"died" | b"die" | b"dies"
        | b"dying" | b"deaths" | b"death" | b"fatalities" | b"perished" | b"slain"
        | b"massacred" | b"executed" | b"bodies" | b"toll" | b"drowned" | b"murdered" | b"shot" => {
            "killed"
        }
        b"wounded" | b"wounding" | b"injured" | b"injuring" | b"injuries" | b"hurt"
        | b"hospitalised" | b"hospitalized" => "wounded",
        b"arrested" | b"arresting" | b"arrests" | b"detained" | b"detaining" | b"detentions"
        | b"detainees" | b"jailed" | b"imprisoned" | b"apprehended" | b"captured" => "arrested",
        b"kidnapped" | b"kidnapping" | b"abducted" | b"abducting" | b"hostages" | b"hostage"
        | b"abductees" => "kidnapped",
        b"displaced" | b"displacing" | b"fled" | b"fleeing" | b"evacuated" | b"uprooted"
        | b"homeless" | b"refugees" | b"evacuees" => "displaced",
        b"affected" => "affected",
        _ => return None,
    })
}

fn troop_noun(w: &[u8]) -> bool {
    matches!(
        w,
        b"soldiers"
            | b"troops"
            | b"forces"
            | b"servicemen"
            | b"servicemembers"
            | b"personnel"
            | b"marines"
            | b"paratroopers"
            | b"sailors"
            | b"airmen"
            | b"reservists"
            | b"conscripts"
            | b"peacekeepers"
            | b"soldier"
            | b"troop"
            | b"infantrymen"
            | b"commandos"
            | b"mercenaries"
            | b"recruits"
    )
}

fn protester_noun(w: &[u8]) -> bool {
    matches!(
        w,
        b"protesters" | b"protestors" | b"demonstrators" | b"marchers" | b"rioters" | b"strikers"
    )
}

fn people_noun(w: &[u8]) -> bool {
    matches!(
        w,
        b"people"
            | b"persons"
            | b"civilians"
            | b"residents"
            | b"children"
            | b"women"
            | b"men"
            | b"villagers"
            | b"passengers"
            | b"migrants"
            | b"workers"
            | b"students"
            | b"prisoners"
            | b"inmates"
            | b"victims"
            | b"casualties"
            | b"survivors"
            | b"fighters"
            | b"militants"
            | b"rebels"
            | b"insurgents"
            | b"police"
            | b"policemen"
            | b"officers"
            | b"journalists"
            | b"employees"
            | b"pilgrims"
            | b"patients"
            | b"adults"
            | b"boys"
            | b"girls"
            | b"individuals"
            | b"citizens"
            | b"nationals"
            | b"members"
            | b"supporters"
            | b"voters"
            | b"farmers"
            | b"miners"
            | b"doctors"
            | b"nurses"
            | b"teachers"
            | b"tourists"
            | b"crew"
            | b"person"
            | b"man"
            | b"woman"
            | b"child"
            | b"others"
            | b"guards"
            | b"gunmen"
            | b"attackers"
            | b"militiamen"
            | b"jihadists"
            | b"asylum"
            | b"families"
            | b"infants"
            | b"babies"
            | b"teenagers"
            | b"pupils"
            | b"staff"
            | b"volunteers"
            | b"activists"
            | b"opponents"
    )
}

/// The counted noun phrase after the number: (span, head token).
fn about_of(cx: &Ctx<'_>, te: usize, m: &NumberMatch) -> (Option<Span>, Option<usize>) {
    if !matches!(m.kind, NumKind::Cardinal | NumKind::Fraction) {
        return (None, None);
    }
    let mut j = te;
    // "dozens of people", "two thirds of the population", "11,000 of the soldiers"
    if cx.is(j, b"of") {
        j += 1;
        if cx.is(j, b"the") || cx.is(j, b"them") || cx.is(j, b"those") {
            if cx.is(j, b"them") {
                return (None, None);
            }
            j += 1;
        }
    } else if cx.is(j, b"more")
        || cx.is(j, b"other")
        || cx.is(j, b"additional")
        || cx.is(j, b"extra")
    {
        j += 1;
    }
    let start = j;
    let mut end = j;
    let mut head = None;
    while end < cx.t.len() && end - start < 5 {
        if cx.kind(end) != Some(K::Word) {
            // allow hyphenated compounds "Russian-backed"
            if cx.s(end) == "-"
                && cx.t.get(end + 1).is_some_and(|t| t.glued && t.k == K::Word)
                && end > start
            {
                end += 1;
                continue;
            }
            // the dots of an initialism stay inside: "U.S. soldiers", "U.N. staff"
            if cx.s(end) == "."
                && end > start
                && cx.t.get(end).is_some_and(|t| t.glued)
                && initial_letter(cx.s(end - 1))
                && (cx
                    .t
                    .get(end + 1)
                    .is_some_and(|t| t.glued && initial_letter(cx.s(end + 1)))
                    || (end >= start + 2 && cx.s(end - 2) == "."))
            {
                end += 1;
                continue;
            }
            break;
        }
        let l = cx.lw(end);
        let w = l.b();
        if lex::is_stop_word(w)
            || event_label(w).is_some() && end > start
            || lex::unit_word(w).is_some()
        {
            break;
        }
        if end > start
            && !cx.cap(end)
            && (w.ends_with(b"ed") && !people_noun(w) || w.ends_with(b"ing"))
            && head.is_some()
        {
            break;
        }
        // lowercase verbs right after a number: "37 died"
        if end == start && event_label(w).is_some() {
            break;
        }
        head = Some(end);
        end += 1;
        // stop after a plural noun head (or a people noun) unless more capitalised words follow
        if !cx.cap(end - 1)
            && ((w.ends_with(b"s") && w.len() > 3 && !w.ends_with(b"ss"))
                || people_noun(w)
                || troop_noun(w))
        {
            break;
        }
    }
    match head {
        Some(h) if end > start => (Some(cx.span(start, h + 1)), Some(h)),
        _ => (None, None),
    }
}

/// One capital letter, a piece of an initialism such as "U.S.".
fn initial_letter(s: &str) -> bool {
    s.len() == 1 && s.bytes().all(|b| b.is_ascii_uppercase())
}

fn label_of(
    cx: &Ctx<'_>,
    m: &NumberMatch,
    head: Option<usize>,
    about: Option<Span>,
) -> &'static str {
    match m.kind {
        NumKind::Money => return "money",
        NumKind::Percent => return "percent",
        NumKind::Ordinal => return "ordinal",
        NumKind::Quantity => return "quantity",
        NumKind::Duration => return "duration",
        NumKind::Age => return "age",
        NumKind::Cardinal | NumKind::Fraction => {}
    }
    let head_w = head.map(|h| cx.lw(h));
    let hb: &[u8] = head_w.as_ref().map_or(&[], |l| l.b());
    let personish = hb.is_empty()
        || troop_noun(hb)
        || protester_noun(hb)
        || people_noun(hb)
        || event_label(hb).is_some();
    let (ts, te) = m.toks;
    // a people-count verb after the phrase ("37 people were killed") or before ("killing 37")
    if personish {
        let after = head.map_or(te, |h| h + 1);
        for j in after..(after + 4).min(cx.t.len()) {
            if cx.kind(j) == Some(K::Punct) && !matches!(cx.s(j), "-") {
                break;
            }
            if let Some(l) = event_label(cx.lw(j).b()) {
                return l;
            }
        }
        for j in ts.saturating_sub(4)..ts {
            if let Some(l) = event_label(cx.lw(j).b()) {
                if !matches!(cx.lw(j).b(), b"death" | b"toll")
                    || cx.is(ts.saturating_sub(1), b"to")
                    || cx.is(ts.saturating_sub(1), b"at")
                {
                    return l;
                }
            }
        }
    }
    if !hb.is_empty() {
        if let Some(l) = event_label(hb) {
            return l;
        }
        if troop_noun(hb) {
            return "troops";
        }
        if protester_noun(hb) {
            return "protesters";
        }
        if people_noun(hb) {
            return "people";
        }
    }
    let _ = about;
    "count"
}

/// A reporting verb or hedge: (hedge, whether the subject comes before it).
fn reporting(w: &[u8]) -> Option<Option<&'static str>> {
    Some(match w {
        b"estimated" | b"estimates" | b"estimate" | b"estimating" => Some("estimated"),
        b"claimed" | b"claims" | b"claim" | b"claiming" => Some("claimed"),
        b"alleged" | b"alleges" => Some("alleged"),
        b"said" | b"says" | b"say" | b"told" | b"reported" | b"reports" | b"report"
        | b"announced" | b"stated" | b"confirmed" | b"counted" | b"tallied" | b"recorded"
        | b"put" | b"puts" | b"added" | b"noted" | b"wrote" | b"tweeted" | b"posted"
        | b"warned" | b"insisted" | b"acknowledged" | b"admitted" | b"revealed" | b"disclosed"
        | b"indicated" | b"showed" | b"show" | b"shows" => None,
        _ => return None,
    })
}

/// Who gives the number, and the hedge word.
/// Sentence-like segments of the light tokens (split after `.`, `!`, `?` followed by space):
/// the segment index of each token and each segment's token range.
fn segments(cx: &Ctx<'_>) -> (Vec<u32>, Vec<(usize, usize)>) {
    let n = cx.t.len();
    let mut seg_of = Vec::with_capacity(n);
    let mut segs = Vec::new();
    let mut start = 0;
    for j in 0..n {
        #[allow(clippy::cast_possible_truncation)]
        seg_of.push(segs.len() as u32);
        let end = cx.kind(j) == Some(K::Punct)
            && matches!(cx.s(j), "." | "!" | "?" | "\n")
            && !cx.t.get(j + 1).is_some_and(|t| t.glued);
        if end || j + 1 == n {
            segs.push((start, j + 1));
            start = j + 1;
        }
    }
    (seg_of, segs)
}

fn attribution(
    cx: &Ctx<'_>,
    seg: (usize, usize),
    ts: usize,
    te: usize,
) -> Option<(Option<Span>, Option<&'static str>)> {
    // look at most 80 tokens either side, so a huge unpunctuated text stays linear
    let (s0, n) = (seg.0.max(ts.saturating_sub(80)), seg.1.min(te + 80));
    let mut hedge = None;
    // adverb hedges anywhere in the sentence
    for j in s0..n {
        match cx.lw(j).b() {
            b"reportedly" => hedge = Some("reportedly"),
            b"allegedly" => hedge = Some("allegedly"),
            b"purportedly" => hedge = Some("purportedly"),
            b"unconfirmed" => hedge = Some("unconfirmed"),
            _ => {}
        }
    }
    // "according to X"
    for j in s0..n.saturating_sub(1) {
        if cx.is(j, b"according") && cx.is(j + 1, b"to") {
            let a = j + 2;
            let mut b = a;
            while b < n
                && b < a + 8
                && (cx.kind(b) == Some(K::Word) || matches!(cx.s(b), "'" | "’" | "-" | "&"))
            {
                if b > a
                    && (b == ts
                        || (lex::is_stop_word(cx.lw(b).b())
                            && !cx.is(b, b"of")
                            && !cx.is(b, b"the")))
                {
                    break;
                }
                b += 1;
            }
            if b > a {
                return Some((Some(cx.span(a, b)), Some("according to")));
            }
        }
    }
    // "X estimated/said (that) ... NUMBER": nearest reporting verb before the number
    let mut j = ts;
    while j > s0 {
        j -= 1;
        if cx.kind(j) == Some(K::Punct) && matches!(cx.s(j), "." | ";" | "!" | "?") {
            break;
        }
        let l = cx.lw(j);
        if let Some(h) = reporting(l.b()) {
            if l.b() == b"put" && !cx.is(te, b"at") && !(ts > 0 && cx.is(ts - 1, b"at")) {
                continue;
            }
            let subj = subject_before(cx, j);
            if subj.is_some() || h.is_some() {
                return Some((subj, h.or(hedge)));
            }
        }
    }
    // "NUMBER ..., X said."
    let mut j = te;
    while j < n {
        if cx.kind(j) == Some(K::Punct) && matches!(cx.s(j), "." | ";" | "!" | "?") {
            break;
        }
        if cx.kind(j) == Some(K::Punct) && matches!(cx.s(j), "," | "\"" | "”" | "’") {
            // subject then verb: ", police said" / ", said the ministry"
            let a = j + 1;
            let mut b = a;
            // a short noun phrase: no function words other than "the"/"of", no verbs in -ed
            let np_word = |k: usize| {
                let l = cx.lw(k);
                let w = l.b();
                let allowed_function =
                    matches!(w, b"the" | b"of" | b"he" | b"she" | b"they" | b"we");
                let verb_like = w.ends_with(b"ed") && !cx.cap(k);
                let content = !lex::is_stop_word(w) || allowed_function;
                cx.kind(k) == Some(K::Word) && reporting(w).is_none() && content && !verb_like
            };
            while b < n && b < a + 5 && np_word(b) {
                b += 1;
            }
            if b > a && b < n && reporting(cx.lw(b).b()).is_some_and(|h| h.is_none() || h.is_some())
            {
                let start = if cx.is(a, b"the") { a + 1 } else { a };
                if start < b {
                    return Some((
                        Some(cx.span(start, b)),
                        reporting(cx.lw(b).b()).flatten().or(hedge),
                    ));
                }
            }
            if b == a && b < n && reporting(cx.lw(b).b()).is_some() {
                let c = b + 1;
                let mut d = c;
                while d < n
                    && d < c + 5
                    && cx.kind(d) == Some(K::Word)
                    && (!lex::is_stop_word(cx.lw(d).b()) || cx.is_any(d, &[b"the", b"of"]))
                {
                    d += 1;
                }
                let c = if cx.is(c, b"the") { c + 1 } else { c };
                if d > c {
                    return Some((
                        Some(cx.span(c, d)),
                        reporting(cx.lw(b).b()).flatten().or(hedge),
                    ));
                }
            }
        }
        j += 1;
    }
    hedge.map(|h| (None, Some(h)))
}

/// The subject noun phrase right before a verb at `v`.
fn subject_before(cx: &Ctx<'_>, v: usize) -> Option<Span> {
    let mut a = v;
    // skip auxiliaries/adverbs: "has estimated", "have also said"
    while a > 0
        && (matches!(
            cx.lw(a - 1).b(),
            b"has"
                | b"have"
                | b"had"
                | b"also"
                | b"previously"
                | b"earlier"
                | b"recently"
                | b"officially"
                | b"initially"
                | b"today"
                | b"yesterday"
                | b"tonight"
                | b"overnight"
        ) || lex::weekday_word(cx.lw(a - 1).b()).is_some()
            || (cx.is(a - 1, b"on") && lex::weekday_word(cx.lw(a).b()).is_some()))
    {
        // a date word between the speaker and the verb is no part of the speaker:
        // "An army official Sunday said"
        a -= 1;
    }
    let end = a;
    while a > 0 && end - a < 6 {
        let p = a - 1;
        if cx.kind(p) == Some(K::Word) {
            let l = cx.lw(p);
            let w = l.b();
            if (w == b"of" || w == b"the") && a < end && cx.cap(a) {
                a -= 1;
                continue;
            }
            if lex::is_stop_word(w) {
                break;
            }
            a -= 1;
            continue;
        }
        if matches!(cx.s(p), "’" | "'" | "-" | "&" | ".")
            && p > 0
            && cx.t[p].glued
            && cx.t[p + 1].glued
        {
            a -= 1;
            continue;
        }
        break;
    }
    // drop a leading "the"
    while a < end && cx.is(a, b"the") {
        a += 1;
    }
    if a < end {
        Some(cx.span(a, end))
    } else {
        None
    }
}

/// What linking needs from the document, computed once per document.
struct Linker<'a> {
    doc: &'a Document,
    /// Whether the tagger has run (any token has a POS tag).
    tagged: bool,
    /// The longest mention in bytes, to bound the search for mentions overlapping a span.
    max_mention: usize,
}

impl Linker<'_> {
    /// The mentions (indices into `doc.mentions`, sorted by start) that overlap `span`, in
    /// order of start: a binary search, then only the mentions that can reach `span`.
    fn overlapping<'m>(
        &'m self,
        mentions: &'m [u32],
        span: Span,
    ) -> impl Iterator<Item = &'m crate::document::Mention> + 'm {
        let start = |k: &u32| {
            self.doc
                .mentions
                .get(*k as usize)
                .map_or(0, |m| m.span.start)
        };
        let lo = mentions.partition_point(|k| start(k) + self.max_mention < span.start);
        let hi = mentions.partition_point(|k| start(k) < span.end);
        mentions[lo..hi.max(lo)]
            .iter()
            .filter_map(|&k| self.doc.mentions.get(k as usize))
            .filter(move |m| m.span.overlaps(span))
    }

    /// Links a figure to the mentions, actors and events of its sentence (indices sorted by
    /// position), and trims `about` to a noun phrase when the tagger has run.
    fn link(&self, mentions: &[u32], events: &[u32], f: &mut Figure) {
        let doc = self.doc;
        if let Some(about) = f.about {
            // with POS tags: end the counted phrase at its last noun, before any verb
            let toks = &doc.tokens;
            if self.tagged {
                let first = toks.partition_point(|t| t.span.end <= about.start);
                let mut end = None;
                for t in toks[first..]
                    .iter()
                    .take_while(|t| t.span.start < about.end)
                {
                    if matches!(
                        t.upos,
                        "VERB" | "AUX" | "ADP" | "DET" | "PRON" | "SCONJ" | "CCONJ" | "PART"
                    ) {
                        break;
                    }
                    if matches!(t.upos, "NOUN" | "PROPN") {
                        end = Some(t.span.end);
                    }
                }
                if let Some(e) = end {
                    f.about = Some(Span::new(about.start, e.min(about.end)));
                }
            }
            let about = f.about.unwrap_or(about);
            f.about_actor = self
                .overlapping(mentions, about)
                .find(|m| m.actor.is_some())
                .and_then(|m| m.actor);
        }
        if let Some(who) = f.attributed_to {
            // prefer the mention's own span when one overlaps the attribution
            if let Some(m) = self.overlapping(mentions, who).next() {
                if who.contains(m.span) || m.span.contains(who) {
                    f.attributed_to = Some(m.span);
                }
            }
        }
        // the nearest event trigger: a binary search among the sentence's sorted triggers
        let mid = f.span.start;
        let start = |k: u32| doc.events.get(k as usize).map(|e| e.trigger.start);
        let i = events.partition_point(|&k| start(k).is_some_and(|s| s < mid));
        let before = i.checked_sub(1).and_then(|j| events.get(j)).copied();
        let after = events.get(i).copied();
        f.event = match (before, after) {
            (Some(b), Some(a)) => {
                let db = start(b).map_or(usize::MAX, |s| s.abs_diff(mid));
                let da = start(a).map_or(usize::MAX, |s| s.abs_diff(mid));
                Some(if da < db || (da == db && a < b) { a } else { b })
            }
            (b, a) => b.or(a),
        };
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::type_complexity)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<Date> {
        Date::parse_iso(s)
    }

    #[test]
    fn labels_table() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "At least 37 people were killed in the attack.",
                "killed",
                Some("people"),
            ),
            (
                "The blast wounded 12 civilians.",
                "wounded",
                Some("civilians"),
            ),
            (
                "Police arrested 50 protesters.",
                "arrested",
                Some("protesters"),
            ),
            (
                "Gunmen kidnapped 20 students.",
                "kidnapped",
                Some("students"),
            ),
            (
                "The floods displaced 3,000 families.",
                "displaced",
                Some("families"),
            ),
            (
                "Thousands of protesters marched.",
                "protesters",
                Some("protesters"),
            ),
            ("Some 5,000 troops were deployed.", "troops", Some("troops")),
            ("About 200 people gathered.", "people", Some("people")),
            ("The company sold 300 cars.", "count", Some("cars")),
            ("It cost $40bn.", "money", None),
            ("Prices rose 4%.", "percent", None),
        ];
        for (text, label, about) in cases {
            let f = find_figures(text, d("2024-11-06"));
            let f = f
                .iter()
                .find(|f| f.label != "date")
                .unwrap_or_else(|| panic!("{text}"));
            assert_eq!(f.label, *label, "{text}");
            assert_eq!(f.about.map(|s| &text[s.start..s.end]), *about, "{text}");
        }
    }

    #[test]
    fn split_years_are_not_fractions() {
        for text in [
            "Exports rose in 2009/10, the agency said.",
            "The 1998/9 deficit was revised.",
            "Sales in fiscal 2015-16 slowed.",
        ] {
            let f = find_figures(text, d("2024-11-06"));
            assert!(f.iter().all(|f| f.label == "date"), "{text}: {f:?}");
            assert_eq!(f.len(), 1, "{text}: {f:?}");
        }
    }

    #[test]
    fn years_as_modifiers_are_not_counts() {
        for text in [
            "The group expects 2010 sales of $7bn.",
            "Spending in the 2012 year was cut.",
        ] {
            let f = find_figures(text, d("2024-11-06"));
            assert!(
                f.iter()
                    .all(|f| f.value.is_none_or(|v| v < 1000.0) || f.label == "money"),
                "{text}: {f:?}"
            );
            assert!(f.iter().any(|f| f.label == "date"), "{text}: {f:?}");
        }
    }

    #[test]
    fn initialisms_stay_in_the_counted_phrase() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "It said over 200 U.S. troops were killed last year.",
                "killed",
                "U.S. troops",
            ),
            (
                "with at least 40 U.N. peacekeepers wounded in clashes",
                "wounded",
                "U.N. peacekeepers",
            ),
            ("They hired 30 U.K. engineers.", "count", "U.K. engineers"),
        ];
        for (text, label, about) in cases {
            let f = find_figures(text, d("2024-11-06"));
            let f = f
                .iter()
                .find(|f| f.label != "date")
                .unwrap_or_else(|| panic!("{text}"));
            assert_eq!(f.label, *label, "{text}");
            assert_eq!(
                f.about.map(|s| &text[s.start..s.end]),
                Some(*about),
                "{text}"
            );
        }
    }

    #[test]
    fn date_words_are_not_part_of_the_speaker() {
        let cases: &[(&str, &str)] = &[
            (
                "A navy official Tuesday said 12 sailors were hurt.",
                "navy official",
            ),
            (
                "The ministry yesterday said 300 homes were destroyed.",
                "ministry",
            ),
            ("Local police on Friday said 9 people died.", "Local police"),
        ];
        for (text, who) in cases {
            let f = find_figures(text, d("2024-11-06"));
            let f = f
                .iter()
                .find(|f| f.label != "date")
                .unwrap_or_else(|| panic!("{text}"));
            assert_eq!(
                f.attributed_to.map(|s| &text[s.start..s.end]),
                Some(*who),
                "{text}"
            );
        }
    }

    #[test]
    fn attribution_table() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "Ukraine estimated 11,000 North Korean soldiers were in Kursk.",
                "Ukraine",
                Some("estimated"),
            ),
            (
                "At least 37 people were killed, according to the Health Ministry.",
                "the Health Ministry",
                Some("according to"),
            ),
            (
                "At least 37 people were killed, police said.",
                "police",
                None,
            ),
            ("The UN said 2,000 people had fled.", "UN", None),
        ];
        for (text, who, hedge) in cases {
            let f = find_figures(text, None);
            let f = f
                .iter()
                .find(|f| f.label != "date")
                .unwrap_or_else(|| panic!("{text}"));
            assert_eq!(
                f.attributed_to.map(|s| &text[s.start..s.end]),
                Some(*who),
                "{text}"
            );
            assert_eq!(f.hedge, *hedge, "{text}");
        }
    }

    #[test]
    fn stage_links_mentions_actors_and_events() {
        use crate::document::{Actor, EntityLabel, Event, Mention, Sentence};
        let text = "Hello there. Ukraine estimated 11,000 North Korean soldiers were in Kursk.";
        let mut doc = Document::new("a", text, d("2024-11-06"));
        let s1 = text.find("Ukraine").unwrap();
        doc.sentences = vec![
            Sentence {
                span: Span::new(0, 12),
                token_start: 0,
                token_end: 0,
            },
            Sentence {
                span: Span::new(s1, text.len()),
                token_start: 0,
                token_end: 0,
            },
        ];
        let span_of = |w: &str| {
            let a = text.find(w).unwrap();
            Span::new(a, a + w.len())
        };
        let mention = |w: &str, actor: u32| Mention {
            span: span_of(w),
            sentence: 1,
            token_start: 0,
            token_end: 0,
            label: EntityLabel::Gpe,
            score: 1.0,
            actor: Some(actor),
            rule: "test",
        };
        doc.mentions = vec![mention("Ukraine", 0), mention("North Korean soldiers", 1)];
        doc.actors = vec![Actor::default(), Actor::default()];
        doc.events = vec![
            Event {
                trigger: span_of("Hello"),
                sentence: 0,
                ..Event::default()
            },
            Event {
                trigger: span_of("estimated"),
                sentence: 1,
                ..Event::default()
            },
        ];
        let st = Figures::new(Arc::new(Knowledge::default()));
        st.process(&mut doc).unwrap();
        let f = doc
            .figures
            .iter()
            .find(|f| f.value == Some(11000.0))
            .unwrap();
        assert_eq!(f.sentence, 1);
        assert_eq!(f.about_actor, Some(1));
        assert_eq!(f.attributed_to, Some(span_of("Ukraine")));
        assert_eq!(f.event, Some(1));
    }

    #[test]
    fn stage_carries_date_context_across_sentences() {
        use crate::document::Sentence;
        let text = "Imports peaked in 1988. That year 40 ships came.";
        let mut doc = Document::new("a", text, d("1989-11-02"));
        let cut = text.find("That").unwrap();
        doc.sentences = [(0, cut - 1), (cut, text.len())]
            .iter()
            .map(|&(a, b)| Sentence {
                span: Span::new(a, b),
                token_start: 0,
                token_end: 0,
            })
            .collect();
        let st = Figures::new(Arc::new(Knowledge::default()));
        st.process(&mut doc).unwrap();
        let that = doc
            .figures
            .iter()
            .find(|f| &text[f.span.start..f.span.end] == "That year")
            .unwrap();
        assert_eq!(that.sentence, 1);
        assert_eq!(that.date.map(|v| v.date.year), Some(1988));
    }

    #[test]
    fn stage_runs_without_sentences() {
        let mut doc = Document::new(
            "a",
            "On Wednesday 11,000 soldiers arrived.",
            d("2024-11-06"),
        );
        let st = Figures::new(Arc::new(Knowledge::default()));
        st.process(&mut doc).unwrap();
        assert_eq!(doc.figures.len(), 2);
        assert_eq!(doc.figures[0].label, "date");
        assert_eq!(doc.figures[1].label, "troops");
    }
}
