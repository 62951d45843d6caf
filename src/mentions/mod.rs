//! `mentions` stage: entity and actor mentions with exact spans and labels.
//!
//! Works on `doc.tokens` (POS tags are used when `tag` ran, but are not needed):
//! 1. **Gazetteer** matches from the knowledge base, longest match first: countries and
//!    capitals (GPE), demonyms (NORP), organisations (ORG), known people (PERSON), user
//!    dictionary entries. Proper names must start with a capital letter; acronyms must match
//!    exactly and are ignored in ALL-CAPS sentences when they spell a common word.
//! 2. **Actor nouns** from the role lexicon become NOMINAL mentions: plural groups
//!    ("lawmakers", "soldiers"), institutions ("parliament", "the military"), titles with a
//!    determiner ("the president"). A country word in front joins the mention
//!    ("North Korean soldiers", "Pyongyang's soldiers", "Russian Defence Ministry"). A title
//!    directly before a name is not a mention of its own: it describes the name
//!    ("Ukrainian Defence Minister Rustem Umerov": NORP `Ukrainian` + PERSON `Rustem Umerov`).
//! 3. **Capitalised sequences** not in the knowledge base: with an organisation head
//!    (Ministry, Council, Party, Bank, ...) → ORG; treaty/act heads → LAW; war/summit → EVENT;
//!    geographic heads → LOC; after a title or 2-4 name-like words → PERSON; a single word after
//!    `in/at/near/from` → GPE. Nothing is guessed in ALL-CAPS sentences.
//! 4. **NER model** ([`crate::ner`], rule `ner:perceptron`), on POS-tagged documents: inside a
//!    capitalised run that step 1 did not claim, the model's spans replace the guesses of
//!    step 3 (the rules still decide a run where the model finds nothing); in ALL-CAPS sentences
//!    the model's spans are used where the knowledge base finds nothing. Knowledge-base matches
//!    keep priority (they are also features of the model).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::document::{Document, EntityLabel, Mention, Span, Token, TokenKind};
use crate::error::StageName;
use crate::figures::{MONTH_NAMES, WEEKDAY_NAMES};
use crate::knowledge::{EntryRef, Knowledge, Match, RoleKind};
use crate::ner::NerModel;
use crate::pipeline::{Stage, StageError};

/// The mentions stage.
#[derive(Debug)]
pub struct Mentions {
    kb: Arc<Knowledge>,
    ner: Option<&'static NerModel>,
}

impl Mentions {
    /// A mentions stage over the loaded knowledge, with the embedded NER model.
    #[must_use]
    pub fn new(kb: Arc<Knowledge>) -> Self {
        Self {
            kb,
            ner: NerModel::embedded(),
        }
    }

    /// The same stage without the NER model (capitalised-sequence rules only).
    #[must_use]
    pub fn rules_only(kb: Arc<Knowledge>) -> Self {
        Self { kb, ner: None }
    }
}

impl Stage for Mentions {
    fn name(&self) -> StageName {
        StageName::Mentions
    }
    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        doc.mentions = find_mentions_with(&self.kb, doc, self.ner);
        Ok(())
    }
}

const ORG_HEADS: &[&str] = &[
    "ministry",
    "council",
    "party",
    "bank",
    "corp",
    "corp.",
    "corporation",
    "inc",
    "inc.",
    "ltd",
    "ltd.",
    "company",
    "agency",
    "committee",
    "commission",
    "union",
    "association",
    "organization",
    "organisation",
    "institute",
    "university",
    "army",
    "forces",
    "front",
    "movement",
    "group",
    "court",
    "assembly",
    "parliament",
    "department",
    "office",
    "service",
    "guard",
    "police",
    "airlines",
    "airways",
    "news",
    "times",
    "post",
    "fund",
    "foundation",
    "federation",
    "authority",
    "board",
    "bureau",
    "club",
    "league",
    "brigade",
    "battalion",
    "command",
    "senate",
    "congress",
    "church",
    "school",
    "college",
    "hospital",
    "network",
    "television",
    "radio",
    "press",
    "journal",
    "herald",
    "tribune",
    "telegraph",
    "group",
    "co",
    "co.",
    "plc",
    "ag",
    "sa",
    "gmbh",
];
const LAW_HEADS: &[&str] = &[
    "treaty",
    "act",
    "accord",
    "accords",
    "agreement",
    "convention",
    "law",
    "pact",
    "protocol",
    "resolution",
    "charter",
    "bill",
];
const EVENT_HEADS: &[&str] = &[
    "war",
    "summit",
    "games",
    "olympics",
    "revolution",
    "conference",
    "crisis",
    "election",
    "elections",
    "cup",
    "festival",
];
const WORK_HEADS: &[&str] = &[
    "report",
    "show",
    "programme",
    "program",
    "film",
    "book",
    "album",
    "song",
    "novel",
    "series",
];
const LOC_HEADS: &[&str] = &[
    "river",
    "mountains",
    "mountain",
    "mount",
    "sea",
    "ocean",
    "island",
    "islands",
    "lake",
    "valley",
    "region",
    "province",
    "oblast",
    "peninsula",
    "strait",
    "gulf",
    "bay",
    "desert",
    "coast",
    "county",
    "district",
    "state",
];
const FAC_HEADS: &[&str] = &[
    "street", "airport", "square", "bridge", "palace", "stadium", "base", "tower", "building",
    "plant", "station",
];
const CONNECTORS: &[&str] = &[
    "of", "the", "for", "de", "del", "da", "al", "bin", "von", "van", "der", "du", "le", "la", "&",
];
const NEVER_START: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "from",
    "but",
    "and",
    "or",
    "if",
    "as",
    "after",
    "before",
    "when",
    "while",
    "there",
    "here",
    "what",
    "who",
    "which",
    "where",
    "why",
    "how",
    "some",
    "many",
    "most",
    "all",
    "no",
    "not",
    "yes",
    "so",
    "then",
    "also",
    "both",
    "each",
    "every",
    "one",
    "two",
    "three",
    "meanwhile",
    "however",
    "according",
    "during",
    "since",
    "until",
    "about",
    "over",
    "under",
    "more",
    "less",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "today",
    "yesterday",
    "tomorrow",
    "mr",
    "mrs",
    "ms",
    "dr",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "sir",
    "lord",
    "gen",
    "gen.",
];
const HONORIFICS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.", "sir", "lord", "dame", "gen", "gen.",
    "col", "col.", "lt", "lt.", "sen", "sen.", "rep", "rep.", "gov", "gov.",
];
const DETERMINERS: &[&str] = &[
    "the", "its", "his", "her", "their", "our", "this", "that", "a", "an",
];
const PLACE_PREPS: &[&str] = &[
    "in", "at", "near", "from", "to", "into", "across", "outside", "inside", "toward", "towards",
];

/// Words after which a singular actor noun is still a noun ("the military said").
const NOUN_FOLLOWERS: &[&str] = &[
    "is",
    "was",
    "has",
    "had",
    "have",
    "said",
    "says",
    "will",
    "would",
    "could",
    "can",
    "may",
    "must",
    "should",
    "and",
    "or",
    "but",
    "in",
    "of",
    "on",
    "to",
    "for",
    "with",
    "at",
    "by",
    "from",
    "that",
    "which",
    "who",
    "as",
    "also",
    "did",
    "does",
    "not",
    "were",
    "are",
    "after",
    "before",
    "since",
    "during",
    "when",
    "while",
    "met",
    "told",
    "took",
    "gave",
    "sent",
    "struck",
    "fought",
    "hit",
    "shot",
    "began",
    "made",
    "won",
    "lost",
    "held",
    "left",
    "led",
    "went",
    "came",
    "saw",
    "ran",
    "sought",
    "spoke",
    "wrote",
    "brought",
    "kept",
    "built",
    "set",
    "put",
    "cut",
    "let",
    "got",
    "fell",
    "rose",
    "drew",
    "threw",
    "broke",
    "chose",
    "stood",
    "seized",
    "fired",
    "then",
    "later",
    "now",
    "still",
    "already",
    "again",
    "itself",
    "officially",
    "reportedly",
];

/// Whether a singular actor noun ending before token `end` is used as a modifier
/// ("military assistance", "Russian military technology").
fn used_as_modifier(doc: &Document, start: usize, end: usize) -> bool {
    let Some(last) = end.checked_sub(1).and_then(|k| doc.tokens.get(k)) else {
        return false;
    };
    if last.upos == "ADJ" {
        return true;
    }
    let word = tok_text(doc, last).to_lowercase();
    if word.ends_with('s') || start >= end {
        return false;
    }
    let Some(next) = doc.tokens.get(end) else {
        return false;
    };
    if next.sentence != last.sentence || next.kind != TokenKind::Word {
        return false;
    }
    if !next.upos.is_empty() {
        return matches!(next.upos, "NOUN" | "PROPN");
    }
    let nw = tok_text(doc, next);
    nw.chars().next().is_some_and(char::is_lowercase)
        && !NOUN_FOLLOWERS.contains(&nw.to_lowercase().as_str())
        && !nw.ends_with("ed")
}

fn tok_text<'a>(doc: &'a Document, t: &Token) -> &'a str {
    doc.text.get(t.span.start..t.span.end).unwrap_or("")
}

fn lower(doc: &Document, i: usize) -> String {
    doc.tokens
        .get(i)
        .map(|t| tok_text(doc, t).to_lowercase())
        .unwrap_or_default()
}

fn is_cap(doc: &Document, i: usize) -> bool {
    let Some(t) = doc.tokens.get(i) else {
        return false;
    };
    if t.kind != TokenKind::Word {
        return false;
    }
    tok_text(doc, t)
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

fn is_possessive(doc: &Document, i: usize) -> bool {
    matches!(lower(doc, i).replace('\u{2019}', "'").as_str(), "'s" | "'")
}

/// Whether a sentence's letters are nearly all capitals (a headline).
fn sentence_all_caps(doc: &Document, a: usize, b: usize) -> bool {
    let (mut up, mut low) = (0usize, 0usize);
    for t in &doc.tokens[a..b] {
        for c in tok_text(doc, t).chars() {
            if c.is_uppercase() {
                up += 1;
            } else if c.is_lowercase() {
                low += 1;
            }
        }
    }
    up >= 6 && low * 5 < up
}

/// Whether each sentence (by the tokens' sentence index) is written in capitals.
#[must_use]
pub fn caps_by_sentence(doc: &Document) -> HashMap<u32, bool> {
    doc.sentence_token_ranges()
        .into_iter()
        .map(|(a, b)| (doc.tokens[a].sentence, sentence_all_caps(doc, a, b)))
        .collect()
}

/// The primary entry of a match: the first hit (user dictionaries first).
fn primary(m: &Match) -> Option<EntryRef> {
    m.hits.first().map(|h| h.entry)
}

/// The first built-in named entry of a match besides the primary one.
fn builtin_named(m: &Match) -> Option<EntryRef> {
    m.hits.iter().map(|h| h.entry).find(|e| {
        matches!(
            e,
            EntryRef::Country(_)
                | EntryRef::Demonym(_)
                | EntryRef::Capital(_)
                | EntryRef::Place(_)
                | EntryRef::Org(_)
                | EntryRef::Person(_)
        )
    })
}

/// The label of a match: a user dictionary entry takes the label of a built-in entry with the
/// same name, else GPE for a bare country code, else ORG.
fn label_of(kb: &Knowledge, m: &Match, e: EntryRef) -> EntityLabel {
    let EntryRef::UserActor(u) = e else {
        return e.label();
    };
    if let Some(b) = builtin_named(m) {
        return b.label();
    }
    let code = kb
        .user_actor(u)
        .and_then(|ua| ua.codes.first())
        .map(|c| c.code.as_str())
        .unwrap_or("");
    if code.len() == 3 && kb.country(code).is_some() {
        EntityLabel::Gpe
    } else {
        EntityLabel::Org
    }
}

fn role_kind(kb: &Knowledge, e: EntryRef) -> Option<RoleKind> {
    match e {
        EntryRef::Role(i) => kb.role(i).map(|r| r.kind),
        EntryRef::UserAgent(_) => Some(RoleKind::Group),
        _ => None,
    }
}

fn is_place_like(e: EntryRef) -> bool {
    matches!(
        e,
        EntryRef::Country(_) | EntryRef::Demonym(_) | EntryRef::Capital(_)
    )
}

/// Whether a named entity starts at token `i`: a knowledge-base name or a capitalised word.
fn name_starts(kb: &Knowledge, doc: &Document, i: usize, end: usize, all_caps: bool) -> bool {
    if i >= end {
        return false;
    }
    if let Some(m) = kb.match_at(doc, i, all_caps) {
        if let Some(e) = primary(&m) {
            return matches!(
                e,
                EntryRef::Person(_) | EntryRef::Org(_) | EntryRef::UserActor(_)
            );
        }
    }
    !all_caps && is_cap(doc, i) && !NEVER_START.contains(&lower(doc, i).as_str())
}

#[allow(clippy::too_many_arguments)]
fn push(
    doc: &Document,
    out: &mut Vec<Mention>,
    a: usize,
    b: usize,
    byte_end: Option<usize>,
    label: EntityLabel,
    score: f32,
    rule: &'static str,
) {
    let (Some(first), Some(last)) = (doc.tokens.get(a), doc.tokens.get(b.saturating_sub(1))) else {
        return;
    };
    let end = byte_end.unwrap_or(last.span.end);
    let idx = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
    out.push(Mention {
        span: Span::new(first.span.start, end),
        sentence: first.sentence,
        token_start: idx(a),
        token_end: idx(b),
        label,
        score,
        actor: None,
        rule,
    });
}

/// Finds all mentions of a document, sorted by position, without overlaps (with the embedded
/// NER model).
#[must_use]
pub fn find_mentions(kb: &Knowledge, doc: &Document) -> Vec<Mention> {
    find_mentions_with(kb, doc, NerModel::embedded())
}

/// Entity spans of the NER model by start token: `start → (end, label)`.
type NerSpans = HashMap<usize, (usize, EntityLabel)>;

/// Finds all mentions of a document with an optional NER model: its spans replace the
/// capitalised-sequence guesses for names the knowledge base does not know.
#[must_use]
pub fn find_mentions_with(kb: &Knowledge, doc: &Document, ner: Option<&NerModel>) -> Vec<Mention> {
    // The model was trained on POS-tagged text: without the `tag` stage the rules work alone.
    let ner = ner.filter(|_| doc.tokens.iter().any(|t| !t.upos.is_empty()));
    let spans: NerSpans = ner
        .map(|m| {
            join_name_parts(doc, m.tag_doc(kb, doc))
                .into_iter()
                .filter_map(|(a, b, l)| tidy_model_span(kb, doc, a, b, l))
                .map(|(a, b, l)| (a, (b, l)))
                .collect()
        })
        .unwrap_or_default();
    let ner_on = ner.is_some();
    let mut out = Vec::new();
    // Last words of the people named so far: "Warhol" after "Andy Warhol".
    let mut surnames: HashSet<String> = HashSet::new();
    for (a, b) in doc.sentence_token_ranges() {
        let before = out.len();
        let ner = ner_on.then_some(&spans);
        sentence_mentions(kb, doc, a, b, &surnames, ner, &mut out);
        for m in &out[before..] {
            if m.label == EntityLabel::Person && m.token_end > m.token_start + 1 {
                let person = kb
                    .match_at(doc, m.token_start as usize, false)
                    .and_then(|mt| {
                        mt.hits.iter().find_map(|h| {
                            if let EntryRef::Person(p) = h.entry {
                                Some(p)
                            } else {
                                None
                            }
                        })
                    })
                    .and_then(|p| kb.person(p));
                match person {
                    Some(p) => surnames.extend(p.short_names()),
                    None => {
                        surnames.insert(lower(doc, m.token_end as usize - 1));
                    }
                }
            }
        }
    }
    languages_and_products(doc, &mut out);
    out
}

/// Day and month names: never the last word of a name ("to Yevpatoria Thursday"). Full names
/// only, and not "may" (Theresa May).
fn calendar_word(w: &str) -> bool {
    w != "may" && (MONTH_NAMES.contains(&w) || WEEKDAY_NAMES.contains(&w))
}

/// Prepositions before a place ("fighting in Kandahar"); people and companies follow them
/// rarely.
const LOCATIVE_PREPS: &[&str] = &["in", "near", "outside", "into"];

/// Prepositions of motion: before a place when a day name follows ("headed to Yevpatoria
/// Thursday"), but also before people and companies ("sold to Nokia").
const MOTION_PREPS: &[&str] = &["to", "from", "at"];

/// Lowercase particles inside personal names ("Ayman al-Zawahiri", "Ludwig van Beethoven").
const NAME_PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "abu", "de", "da", "di", "du", "van", "von", "der", "den", "del",
    "dos", "das", "la", "le",
];

/// Whether token `i` is a hyphen written without spaces between two words ("Jean-Bertrand");
/// any dash the `text` stage normalises to `-` counts (U+2010 to U+2013, U+2212).
pub(crate) fn attached_hyphen(doc: &Document, i: usize) -> bool {
    let (Some(h), Some(prev), Some(next)) = (
        doc.tokens.get(i),
        i.checked_sub(1).and_then(|p| doc.tokens.get(p)),
        doc.tokens.get(i + 1),
    ) else {
        return false;
    };
    h.norm_or(&doc.text) == "-"
        && prev.span.end == h.span.start
        && h.span.end == next.span.start
        && h.sentence == next.sentence
}

/// Whether "-led" starts at token `i`, glued to the name before it ("U.S.-led forces").
fn led_at(doc: &Document, i: usize) -> bool {
    attached_hyphen(doc, i) && lower(doc, i + 1) == "led"
}

/// Completes the NER model's person names where its tokens stop short: over hyphens inside a
/// name ("Jean-Bertrand Aristide", "al-Zawahiri" are three tokens each), lowercase name
/// particles before a capitalised word, and the capitalised proper nouns the parser attaches to
/// the name as `flat` parts. A person span reaching the next span of the model absorbs it when
/// that is a person too ("Ayman al" + "Zawahiri"); two names the model found apart are not
/// joined across a hyphen ("the Putin-Trump talks").
fn join_name_parts(
    doc: &Document,
    mut spans: Vec<(usize, usize, EntityLabel)>,
) -> Vec<(usize, usize, EntityLabel)> {
    spans.sort_by_key(|s| s.0);
    let mut out = Vec::with_capacity(spans.len());
    let mut i = 0;
    while i < spans.len() {
        let (a, mut b, label) = spans[i];
        i += 1;
        if label == EntityLabel::Person {
            let sentence = doc.tokens.get(a).map(|t| t.sentence);
            let same = |k: usize| doc.tokens.get(k).map(|t| t.sentence) == sentence;
            loop {
                // How many tokens the name can take next: a hyphen and a word, a particle
                // before a capitalised word, or one flat proper noun.
                // Two names the model kept apart stay apart across a hyphen ("Putin-Trump
                // talks"), unless a particle comes first ("al-Zawahiri").
                let apart = spans.get(i).is_some_and(|s| s.0 == b + 1)
                    && !NAME_PARTICLES.contains(&lower(doc, b - 1).as_str());
                let particle = same(b + 1)
                    && NAME_PARTICLES.contains(&lower(doc, b).as_str())
                    && (is_cap(doc, b + 1) || (attached_hyphen(doc, b + 1) && is_cap(doc, b + 2)));
                let flat = same(b)
                    && is_cap(doc, b)
                    && doc.tokens[b].upos == "PROPN"
                    && doc.tokens[b].deprel == "flat"
                    && doc.tokens[b]
                        .head
                        .is_some_and(|h| (a..b).contains(&(h as usize)));
                let step = if attached_hyphen(doc, b) && is_cap(doc, b + 1) && !apart {
                    2
                } else if particle || flat {
                    1
                } else {
                    break;
                };
                let new_b = b + step;
                match spans.get(i) {
                    Some(&(s, e, l)) if s < new_b => {
                        if l != EntityLabel::Person {
                            break;
                        }
                        b = b.max(e).max(new_b);
                        i += 1;
                    }
                    _ => b = new_b,
                }
            }
        }
        out.push((a, b, label));
    }
    out
}

/// Cleans one span of the NER model: a trailing day or month name is dropped, and a name the
/// model called an organisation or a person becomes a place when the gazetteer or the GeoNames
/// cities know it and a place preposition comes before it (a motion preposition when a day
/// name followed).
fn tidy_model_span(
    kb: &Knowledge,
    doc: &Document,
    a: usize,
    mut b: usize,
    mut label: EntityLabel,
) -> Option<(usize, usize, EntityLabel)> {
    let end = b;
    while b > a + 1 && calendar_word(&lower(doc, b - 1)) {
        b -= 1;
    }
    let prep = if a > 0 {
        lower(doc, a - 1)
    } else {
        String::new()
    };
    let placed = LOCATIVE_PREPS.contains(&prep.as_str())
        || (b < end && MOTION_PREPS.contains(&prep.as_str()));
    if matches!(label, EntityLabel::Org | EntityLabel::Person) && placed {
        let text = doc
            .text
            .get(doc.tokens[a].span.start..doc.tokens[b - 1].span.end)?;
        if kb.place_or_city(text).is_some() {
            label = EntityLabel::Gpe;
        }
    }
    Some((a, b, label))
}

/// Languages named as languages ("said in Russian", "translated from Arabic").
const LANGUAGES: &[&str] = &[
    "Arabic",
    "Armenian",
    "Azerbaijani",
    "Bengali",
    "Burmese",
    "Cantonese",
    "Chinese",
    "Dari",
    "Dutch",
    "English",
    "Farsi",
    "French",
    "Georgian",
    "German",
    "Greek",
    "Hebrew",
    "Hindi",
    "Hungarian",
    "Indonesian",
    "Italian",
    "Japanese",
    "Kazakh",
    "Korean",
    "Kurdish",
    "Malay",
    "Mandarin",
    "Pashto",
    "Persian",
    "Polish",
    "Portuguese",
    "Punjabi",
    "Romanian",
    "Russian",
    "Serbian",
    "Somali",
    "Spanish",
    "Swahili",
    "Swedish",
    "Tagalog",
    "Tamil",
    "Thai",
    "Tigrinya",
    "Turkish",
    "Ukrainian",
    "Urdu",
    "Uzbek",
    "Vietnamese",
    "Yiddish",
];

/// Words after which a language name is the language itself.
const LANGUAGE_CUES: &[&str] = &[
    "in", "into", "from", "speak", "speaks", "spoke", "speaking", "spoken", "learn", "learning",
    "teach", "teaching", "native",
];

/// Weapons systems and other products that conflict reporting names, as written.
const PRODUCTS: &[&str] = &[
    "HIMARS",
    "ATACMS",
    "F-16",
    "F-16s",
    "F-35",
    "F-35s",
    "MiG-29",
    "Su-25",
    "Su-34",
    "Su-35",
    "Tu-95",
    "Tu-22M3",
    "S-300",
    "S-400",
    "Patriot",
    "Javelin",
    "Javelins",
    "Stinger",
    "Stingers",
    "NLAW",
    "Abrams",
    "Bradley",
    "Bradleys",
    "Leopard 2",
    "Challenger 2",
    "Storm Shadow",
    "SCALP",
    "Taurus",
    "Iskander",
    "Kinzhal",
    "Kalibr",
    "Shahed",
    "Shahed-136",
    "Lancet",
    "Bayraktar",
    "TB2",
    "Starlink",
    "Iron Dome",
    "Tomahawk",
    "Tomahawks",
    "Kh-101",
    "Oreshnik",
    "Sarmat",
    "Hwasong-18",
    "Hwasong-19",
];

/// The product named at token `i`, as `(end token, name)`: the text from token `i` must spell
/// the name exactly and end on a token boundary, however the tokeniser split it.
fn product_at(doc: &Document, i: usize) -> Option<usize> {
    let start = doc.tokens[i].span.start;
    let rest = doc.text.get(start..)?;
    if !rest.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    PRODUCTS
        .iter()
        .filter(|p| rest.starts_with(**p))
        .find_map(|p| {
            let end = start + p.len();
            (i..doc.tokens.len().min(i + 6))
                .take_while(|&k| doc.tokens[k].span.start < end)
                .find(|&k| doc.tokens[k].span.end == end)
                .map(|k| k + 1)
        })
}

/// Adds LANGUAGE and PRODUCT mentions: a language name after a language cue and not before a
/// noun becomes LANGUAGE (relabelling a demonym mention there), and a known product name
/// becomes PRODUCT where no knowledge-base mention claims it. Keeps `out` sorted.
fn languages_and_products(doc: &Document, out: &mut Vec<Mention>) {
    let text = |i: usize| doc.tokens.get(i).map_or("", |t| t.norm_or(&doc.text));
    for i in 0..doc.tokens.len() {
        let w = text(i);
        if LANGUAGES.contains(&w)
            && i > 0
            && LANGUAGE_CUES.contains(&text(i - 1).to_lowercase().as_str())
            && doc.tokens[i - 1].sentence == doc.tokens[i].sentence
        {
            let next = doc.tokens.get(i + 1);
            let before_noun = next.is_some_and(|t| {
                t.sentence == doc.tokens[i].sentence
                    && if t.upos.is_empty() {
                        text(i + 1).chars().next().is_some_and(char::is_alphabetic)
                            && !matches!(text(i + 1), "and" | "or" | "to" | "on" | "that" | "as")
                    } else {
                        matches!(t.upos, "NOUN" | "PROPN" | "ADJ" | "NUM")
                    }
            });
            if !before_noun {
                let at = out.partition_point(|m| (m.token_start as usize) < i);
                let inside_previous = at > 0 && out[at - 1].token_end as usize > i;
                let exact = out
                    .get(at)
                    .is_some_and(|m| m.token_start as usize == i && m.token_end as usize == i + 1);
                let starts_here = out.get(at).is_some_and(|m| m.token_start as usize == i);
                if exact {
                    out[at].label = EntityLabel::Language;
                    out[at].rule = "lexicon:language";
                } else if !inside_previous && !starts_here {
                    insert_sorted(
                        doc,
                        out,
                        i,
                        i + 1,
                        EntityLabel::Language,
                        "lexicon:language",
                    );
                }
            }
        }
        let Some(end) = product_at(doc, i) else {
            continue;
        };
        let n = end - i;
        if doc.tokens[end - 1].sentence != doc.tokens[i].sentence {
            continue;
        }
        let overlapping: Vec<usize> = out
            .iter()
            .enumerate()
            .skip(out.partition_point(|m| (m.token_end as usize) <= i))
            .take_while(|(_, m)| (m.token_start as usize) < i + n)
            .map(|(k, _)| k)
            .collect();
        match overlapping.as_slice() {
            [] => insert_sorted(doc, out, i, i + n, EntityLabel::Product, "lexicon:product"),
            [k] if out[*k].token_start as usize == i
                && out[*k].token_end as usize == i + n
                && !out[*k].rule.starts_with("gazetteer") =>
            {
                out[*k].label = EntityLabel::Product;
                out[*k].rule = "lexicon:product";
            }
            _ => {}
        }
    }
}

/// Inserts a mention of tokens `a..b` at its place in the sorted, non-overlapping `out`.
fn insert_sorted(
    doc: &Document,
    out: &mut Vec<Mention>,
    a: usize,
    b: usize,
    label: EntityLabel,
    rule: &'static str,
) {
    let mut one = Vec::with_capacity(1);
    push(doc, &mut one, a, b, None, label, 0.8, rule);
    if let Some(m) = one.pop() {
        let at = out.partition_point(|x| (x.token_start as usize) < a);
        out.insert(at, m);
    }
}

/// Capitalised words that are not organisation acronyms.
const NOT_ACRONYMS: &[&str] = &[
    "I", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "OK", "TV", "CEO", "AM", "PM",
    "GMT", "UTC", "AD", "BC", "DNA", "PC", "PR", "ID", "IT", "MP", "MPS", "VIP", "FAQ", "USD",
    "EUR", "GBP", "GDP", "COVID", "AIDS", "HIV", "A", "AN", "THE", "AND", "OR", "OF", "IN", "ON",
    "TO", "IS", "NO", "US", "UK", "EU", "UN", "DJ", "CD", "DVD", "PDF", "URL", "FM", "KM", "KG",
    "MW", "GW", "MPH",
];

#[allow(clippy::too_many_lines)]
fn sentence_mentions(
    kb: &Knowledge,
    doc: &Document,
    a: usize,
    b: usize,
    surnames: &HashSet<String>,
    ner: Option<&NerSpans>,
    out: &mut Vec<Mention>,
) {
    let all_caps = sentence_all_caps(doc, a, b);
    let mut i = a;
    // Whether the previous tokens were a title ("President", "Defence Minister", "Mr").
    let mut after_title = false;
    while i < b {
        let m = kb.match_at(doc, i, all_caps).filter(|m| m.end <= b);
        if let Some(m) = m {
            let Some(e) = primary(&m) else {
                i += 1;
                continue;
            };
            if is_place_like(e) || matches!(e, EntryRef::UserActor(_)) {
                // Country word + optional 's + actor noun → one NOMINAL (or ORG for a named body).
                let glued = m.byte_end < doc.tokens[m.end - 1].span.end;
                let mut j = m.end;
                if !glued && j < b && is_possessive(doc, j) {
                    j += 1;
                }
                // "U.S.-led forces", "the Saudi-led coalition": the leader owns the group.
                let led = !glued && j == m.end && led_at(doc, j) && j + 2 < b;
                if led {
                    j += 2;
                }
                let possessive = glued || j > m.end;
                if let Some(r) = kb
                    .match_at(doc, j, all_caps)
                    .filter(|r| r.end <= b && j < b)
                {
                    if let Some(re) = r
                        .hits
                        .iter()
                        .map(|h| h.entry)
                        .find(|h| role_kind(kb, *h).is_some())
                    {
                        // "Kuwait government", "Israel police": a country noun before an
                        // institution or group works like a demonym.
                        let noun_ok = matches!(e, EntryRef::Country(_) | EntryRef::UserActor(_))
                            && matches!(role_kind(kb, re), Some(RoleKind::Body | RoleKind::Group));
                        let demonym_ok = matches!(e, EntryRef::Demonym(_) | EntryRef::UserActor(_))
                            || possessive
                            || noun_ok;
                        if demonym_ok {
                            if name_starts(kb, doc, r.end, b, all_caps) {
                                // "Ukrainian Defence Minister Rustem Umerov": the country word
                                // alone; the title describes the name that follows.
                                push(
                                    doc,
                                    out,
                                    i,
                                    m.end,
                                    Some(m.byte_end),
                                    label_of(kb, &m, e),
                                    0.95,
                                    e.rule(),
                                );
                                i = r.end;
                                after_title = true;
                                continue;
                            }
                            if used_as_modifier(doc, j, r.end) {
                                push(
                                    doc,
                                    out,
                                    i,
                                    m.end,
                                    Some(m.byte_end),
                                    label_of(kb, &m, e),
                                    0.95,
                                    e.rule(),
                                );
                                i = r.end;
                                after_title = false;
                                continue;
                            }
                            let body = role_kind(kb, re) == Some(RoleKind::Body);
                            let label = if body && is_cap(doc, j) && !all_caps {
                                EntityLabel::Org
                            } else {
                                EntityLabel::Nominal
                            };
                            push(doc, out, i, r.end, None, label, 0.9, "nominal:country+noun");
                            i = r.end;
                            after_title = false;
                            continue;
                        }
                    }
                }
                push(
                    doc,
                    out,
                    i,
                    m.end,
                    Some(m.byte_end),
                    label_of(kb, &m, e),
                    0.95,
                    e.rule(),
                );
                i = m.end;
                after_title = false;
                continue;
            }
            if let Some(kind) = role_kind(kb, e) {
                // "Ministry of Foreign Affairs of Narnia": a capitalised run beats the noun.
                if !all_caps
                    && is_cap(doc, i)
                    && m.end < b
                    && CONNECTORS.contains(&lower(doc, m.end).as_str())
                {
                    let run_end = cap_run(kb, doc, i, b, all_caps);
                    if run_end > m.end {
                        classify_run(doc, i, run_end, a, after_title, surnames, out);
                        i = run_end;
                        after_title = false;
                        continue;
                    }
                }
                let followed_by_name = name_starts(kb, doc, m.end, b, all_caps);
                if followed_by_name {
                    // "President Vladimir Putin", "broadcaster KBS": a title or appositive noun.
                    after_title = true;
                    i = m.end;
                    continue;
                }
                let det = i > a && DETERMINERS.contains(&lower(doc, i - 1).as_str());
                let emit = match kind {
                    RoleKind::Group | RoleKind::Body => !used_as_modifier(doc, i, m.end),
                    RoleKind::Title => det,
                    RoleKind::Weak => false,
                };
                if emit {
                    let start = if det && lower(doc, i - 1) == "the" {
                        i - 1
                    } else {
                        i
                    };
                    let rule = if matches!(e, EntryRef::UserAgent(_)) {
                        "dictionary:agent"
                    } else {
                        "nominal:noun"
                    };
                    push(
                        doc,
                        out,
                        start,
                        m.end,
                        None,
                        EntityLabel::Nominal,
                        0.8,
                        rule,
                    );
                }
                after_title = false;
                i = m.end;
                continue;
            }
            push(
                doc,
                out,
                i,
                m.end,
                Some(m.byte_end),
                label_of(kb, &m, e),
                0.95,
                e.rule(),
            );
            i = m.end;
            after_title = false;
            continue;
        }
        // Honorifics act as titles.
        let w = lower(doc, i);
        if HONORIFICS.contains(&w.as_str()) && is_cap(doc, i) {
            after_title = true;
            i += 1;
            if i < b && lower(doc, i) == "." {
                i += 1;
            }
            continue;
        }
        if let Some(ner) = ner {
            if let Some(end) = ner_run(doc, ner, i, b, all_caps, out) {
                i = end;
                after_title = false;
                continue;
            }
        }
        if !all_caps && is_cap(doc, i) {
            let run_end = cap_run(kb, doc, i, b, all_caps);
            if run_end > i {
                if let Some(ner) = ner {
                    // Model spans starting inside the run replace the run's guess.
                    let mut k = i;
                    let mut any = false;
                    while k < run_end {
                        if let Some(&(e, l)) = ner.get(&k) {
                            let e = e.min(b);
                            push(doc, out, k, e, None, l, 0.75, "ner:perceptron");
                            any = true;
                            k = e.max(k + 1);
                        } else {
                            k += 1;
                        }
                    }
                    if any || !RULES_FALLBACK {
                        i = k.max(run_end);
                        after_title = false;
                        continue;
                    }
                }
                classify_run(doc, i, run_end, a, after_title, surnames, out);
                i = run_end;
                after_title = false;
                continue;
            }
        }
        after_title = false;
        i += 1;
    }
}

/// Whether a capitalised run the model leaves out still goes through the rules.
const RULES_FALLBACK: bool = true;

/// A model span starting at `i` outside a capitalised run (an ALL-CAPS headline, a lower-case
/// brand): emitted when it has a letter; returns its end.
fn ner_run(
    doc: &Document,
    ner: &NerSpans,
    i: usize,
    b: usize,
    all_caps: bool,
    out: &mut Vec<Mention>,
) -> Option<usize> {
    let &(e, l) = ner.get(&i)?;
    if !all_caps {
        return None;
    }
    let e = e.min(b);
    if e <= i || !(i..e).any(|k| lower(doc, k).chars().any(char::is_alphabetic)) {
        return None;
    }
    push(doc, out, i, e, None, l, 0.6, "ner:perceptron");
    Some(e)
}

/// The end of a capitalised run starting at `i` (connectors inside allowed), stopping before a
/// knowledge-base match.
fn cap_run(kb: &Knowledge, doc: &Document, i: usize, b: usize, all_caps: bool) -> usize {
    let mut j = i;
    let mut end = i;
    while j < b {
        if j > i {
            if kb
                .match_at(doc, j, all_caps)
                .is_some_and(|m| primary(&m).is_some_and(|e| !matches!(e, EntryRef::Role(_))))
            {
                // "Federation Council of Russia" is in the gazetteer; "Bank of Russia" too. A
                // run followed by a known name stops unless joined by a connector + org head.
                break;
            }
            // No gap of more than one space-separated step across a sentence-internal comma.
            let prev = &doc.tokens[j - 1];
            if doc
                .text
                .get(prev.span.end..doc.tokens[j].span.start)
                .is_some_and(|g| g.contains('\n'))
            {
                break;
            }
        }
        // "Cheuk-yan", "Pik-wan": a hyphenated name part glued on both sides.
        if j > i
            && j + 1 < b
            && lower(doc, j) == "-"
            && doc.tokens[j - 1].span.end == doc.tokens[j].span.start
            && doc.tokens[j].span.end == doc.tokens[j + 1].span.start
            && doc.tokens[j + 1].kind == TokenKind::Word
        {
            j += 2;
            end = j;
            continue;
        }
        if is_cap(doc, j) {
            let w = lower(doc, j);
            if j == i && NEVER_START.contains(&w.as_str()) {
                return i;
            }
            j += 1;
            end = j;
        } else if j > i
            && j + 1 < b
            && is_cap(doc, j + 1)
            && ((CONNECTORS.contains(&lower(doc, j).as_str())
                && !NEVER_START.contains(&lower(doc, j + 1).as_str()))
                || (matches!(lower(doc, j).as_str(), "-" | ".")
                    && doc.tokens[j - 1].span.end == doc.tokens[j].span.start))
        {
            j += 1;
        } else {
            break;
        }
    }
    end
}

/// Last words of titles that can open a capitalised run before a name
/// ("Chief Minister Peter Caruana", "Europe Director Dominick Chilcott").
const TITLE_WORDS: &[&str] = &[
    "minister",
    "director",
    "secretary",
    "chief",
    "commissioner",
    "governor",
    "mayor",
    "general",
    "president",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "leader",
    "chairman",
    "chairwoman",
    "chair",
    "senator",
    "congressman",
    "congresswoman",
    "judge",
    "justice",
    "prosecutor",
    "commander",
    "envoy",
    "premier",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "pope",
    "bishop",
    "archbishop",
    "professor",
    "coach",
    "captain",
    "officer",
    "lieutenant",
    "colonel",
    "sergeant",
    "admiral",
    "marshal",
];

fn classify_run(
    doc: &Document,
    i: usize,
    end: usize,
    sent_start: usize,
    after_title: bool,
    surnames: &HashSet<String>,
    out: &mut Vec<Mention>,
) {
    let words: Vec<String> = (i..end).map(|k| lower(doc, k)).collect();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    let last = words.last().map_or("", String::as_str);
    let n_words = words
        .iter()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    // A run of titles alone ("Secretary General") names nobody.
    if words.iter().all(|w| TITLE_WORDS.contains(&w.as_str())) {
        return;
    }
    // A title inside the run: the name is what follows its last title word.
    if let Some(t) = (i..end.saturating_sub(1))
        .rev()
        .find(|&k| TITLE_WORDS.contains(&lower(doc, k).as_str()))
    {
        let rest = end - (t + 1);
        let opener = t == i
            && matches!(
                lower(doc, t).as_str(),
                "general" | "chief" | "king" | "queen" | "justice" | "officer"
            );
        let connector = words.iter().any(|w| CONNECTORS.contains(&w.as_str()));
        let rest_is_title = words[t + 1 - i..]
            .iter()
            .all(|w| TITLE_WORDS.contains(&w.as_str()));
        if (1..=4).contains(&rest)
            && !opener
            && !connector
            && !rest_is_title
            && !has(ORG_HEADS)
            && !has(LAW_HEADS)
        {
            push(
                doc,
                out,
                t + 1,
                end,
                None,
                EntityLabel::Person,
                0.8,
                "title+name",
            );
            return;
        }
    }
    let propn = (i..end).any(|k| doc.tokens[k].upos == "PROPN");
    let tagged = (i..end).any(|k| !doc.tokens[k].upos.is_empty());
    if has(LAW_HEADS)
        && (LAW_HEADS.contains(&words[0].as_str()) || LAW_HEADS.contains(&last))
        && n_words > 1
    {
        push(doc, out, i, end, None, EntityLabel::Law, 0.6, "cap:law");
    } else if WORK_HEADS.contains(&last) && n_words > 1 {
        push(
            doc,
            out,
            i,
            end,
            None,
            EntityLabel::WorkOfArt,
            0.5,
            "cap:work",
        );
    } else if EVENT_HEADS.contains(&last) && n_words > 1 {
        push(doc, out, i, end, None, EntityLabel::Event, 0.6, "cap:event");
    } else if has(ORG_HEADS) && n_words > 1 {
        push(doc, out, i, end, None, EntityLabel::Org, 0.7, "cap:org");
    } else if FAC_HEADS.contains(&last) && n_words > 1 {
        push(doc, out, i, end, None, EntityLabel::Fac, 0.6, "cap:fac");
    } else if LOC_HEADS.contains(&last) && n_words > 1 {
        push(doc, out, i, end, None, EntityLabel::Loc, 0.6, "cap:loc");
    } else if after_title
        && n_words <= 4
        // "Secretary General": a title after a title is not a name.
        && !(n_words == 1 && TITLE_WORDS.contains(&words[0].as_str()))
    {
        push(
            doc,
            out,
            i,
            end,
            None,
            EntityLabel::Person,
            0.85,
            "title+name",
        );
    } else if n_words == 1 && surnames.contains(&words[0]) && (!tagged || propn) {
        push(doc, out, i, end, None, EntityLabel::Person, 0.7, "surname");
    } else if n_words == 1 && end == i + 1 && is_org_acronym(tok_text(doc, &doc.tokens[i])) {
        push(doc, out, i, end, None, EntityLabel::Org, 0.5, "cap:acronym");
    } else if (2..=4).contains(&n_words)
        && (i > sent_start || propn || !words[0].ends_with("ly"))
        && (!tagged || propn)
    {
        let name_like = (i..end).all(|k| {
            let t = tok_text(doc, &doc.tokens[k]);
            let mut cs = t.chars();
            cs.next().is_some_and(char::is_uppercase) && cs.any(char::is_lowercase)
                || CONNECTORS.contains(&t)
        });
        if name_like
            && !words.iter().any(|w| {
                CONNECTORS.contains(&w.as_str())
                    && w != "bin"
                    && w != "al"
                    && w != "von"
                    && w != "van"
                    && w != "de"
                    && w != "der"
            })
        {
            push(doc, out, i, end, None, EntityLabel::Person, 0.5, "cap:name");
        } else if propn {
            push(doc, out, i, end, None, EntityLabel::Org, 0.4, "cap:propn");
        }
    } else if n_words == 1
        && i > sent_start
        && PLACE_PREPS.contains(&lower(doc, i - 1).as_str())
        && (!tagged || propn)
    {
        push(doc, out, i, end, None, EntityLabel::Gpe, 0.5, "cap:place");
    }
}

/// `NASA`, `FIFA`, `NWSC`: 2-6 capitals (digits allowed after the first), not a common
/// abbreviation.
fn is_org_acronym(t: &str) -> bool {
    let letters = t.chars().filter(char::is_ascii_uppercase).count();
    (2..=6).contains(&t.chars().count())
        && letters >= 2
        && t.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && t.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && !NOT_ACRONYMS.contains(&t)
}

/// What a mention's words mean in the knowledge base, for the `actors` stage.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Analysis {
    /// The named entry the mention matches (for gazetteer mentions).
    pub entry: Option<EntryRef>,
    /// The country word in a composed mention ("North Korean" in "North Korean soldiers"), as a
    /// country index.
    pub country: Option<u32>,
    /// The actor noun (role index) of a NOMINAL, or the title in front of a name.
    pub role: Option<u32>,
    /// A user dictionary agent of the noun.
    pub agent: Option<u32>,
    /// A built-in entry with the same name as a user dictionary entry (`entry`).
    pub builtin: Option<EntryRef>,
    /// A user dictionary actor in front of the noun ("Kuwait" in "Kuwait government" when the
    /// user's dictionaries code it).
    pub base_actor: Option<u32>,
    /// A country word in front of the title before a name ("Ukrainian" in "Ukrainian Defence
    /// Minister Rustem Umerov").
    pub title_country: Option<u32>,
}

fn country_of(kb: &Knowledge, e: EntryRef) -> Option<u32> {
    match e {
        EntryRef::Country(c) | EntryRef::Demonym(c) | EntryRef::Capital(c) => Some(c),
        EntryRef::Place(p) => kb.sub_place(p).map(|p| p.country),
        _ => None,
    }
}

fn role_is_title(kb: &Knowledge, m: &Match) -> bool {
    m.hits.iter().any(|h| match h.entry {
        EntryRef::Role(r) => kb
            .role(r)
            .is_some_and(|r| matches!(r.kind, RoleKind::Title | RoleKind::Weak)),
        _ => false,
    })
}

/// Re-reads a mention's tokens (and the title words right before it) against the knowledge base.
#[must_use]
///
/// `caps`: [`caps_by_sentence`] of the document (whether each sentence is ALL-CAPS).
pub fn analyse(kb: &Knowledge, doc: &Document, m: &Mention, caps: &HashMap<u32, bool>) -> Analysis {
    let (a, b) = (m.token_start as usize, m.token_end as usize);
    let all_caps = caps.get(&m.sentence).copied().unwrap_or(false);
    let mut out = Analysis::default();
    let mut i = a;
    if i < b && lower(doc, i) == "the" {
        i += 1;
    }
    if let Some(mt) = kb.match_at(doc, i, all_caps) {
        if mt.end >= b {
            out.entry = primary(&mt);
            if matches!(out.entry, Some(EntryRef::UserActor(_))) {
                out.builtin = builtin_named(&mt);
            }
            if let Some(e) = out.entry {
                match e {
                    EntryRef::Role(r) => out.role = Some(r),
                    EntryRef::UserAgent(g) => out.agent = Some(g),
                    _ => {}
                }
            }
            if out.role.is_none() {
                out.role = mt.hits.iter().find_map(|h| {
                    if let EntryRef::Role(r) = h.entry {
                        Some(r)
                    } else {
                        None
                    }
                });
            }
        } else if let Some(c) = primary(&mt).and_then(|e| {
            if let EntryRef::UserActor(u) = e {
                out.base_actor = Some(u);
                return Some(u32::MAX);
            }
            country_of(kb, e)
        }) {
            out.country = (c != u32::MAX).then_some(c);
            let mut j = mt.end;
            if j < b && is_possessive(doc, j) {
                j += 1;
            } else if led_at(doc, j) {
                j += 2; // "U.S.-led forces"
            }
            if let Some(rt) = kb.match_at(doc, j, all_caps) {
                for h in &rt.hits {
                    match h.entry {
                        EntryRef::Role(r) if out.role.is_none() => out.role = Some(r),
                        EntryRef::UserAgent(g) if out.agent.is_none() => out.agent = Some(g),
                        _ => {}
                    }
                }
            }
        }
    }
    if matches!(m.label, EntityLabel::Person | EntityLabel::Org) && out.role.is_none() {
        // Title words right before: "[Ukrainian] Defence Minister | Rustem Umerov".
        // Also "Russia's president, Vladimir Putin": the title before a comma.
        let title_end = if a > 0
            && doc
                .tokens
                .get(a - 1)
                .is_some_and(|t| tok_text(doc, t) == ",")
        {
            a - 1
        } else {
            a
        };
        let start = title_end.saturating_sub(6);
        for s in start..title_end {
            if let Some(rt) = kb.match_at(doc, s, all_caps) {
                if rt.end == title_end && (title_end == a || role_is_title(kb, &rt)) {
                    if let Some(r) = rt.hits.iter().find_map(|h| {
                        if let EntryRef::Role(r) = h.entry {
                            Some(r)
                        } else {
                            None
                        }
                    }) {
                        out.role = Some(r);
                        // A country word before the title.
                        for s2 in s.saturating_sub(4)..s {
                            if let Some(ct) = kb.match_at(doc, s2, all_caps) {
                                let end_ok =
                                    ct.end == s || (ct.end + 1 == s && is_possessive(doc, ct.end));
                                if end_ok {
                                    if let Some(c) = primary(&ct).and_then(|e| country_of(kb, e)) {
                                        out.title_country = Some(c);
                                    }
                                }
                            }
                        }
                        break;
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::document::Sentence;

    /// A tiny tokeniser for tests (the real one is the `text` stage): words, numbers,
    /// possessive `'s`, and single punctuation marks; sentences end at `.`, `!`, `?` + space.
    pub(crate) fn tokenize(doc: &mut Document) {
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

    fn mentions_of(text: &str) -> Vec<(String, &'static str)> {
        let kb = Knowledge::builtin();
        let mut doc = Document::new("t", text, None);
        tokenize(&mut doc);
        find_mentions(&kb, &doc)
            .iter()
            .map(|m| (doc.slice(m.span).to_owned(), m.label.as_str()))
            .collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            ("The upper house of Russia’s parliament approved it.", &[("The upper house", "NOMINAL"), ("Russia’s parliament", "NOMINAL")]),
            (
                "Ukrainian Defence Minister Rustem Umerov told the South Korean broadcaster KBS about it.",
                &[("Ukrainian", "NORP"), ("Rustem Umerov", "PERSON"), ("South Korean", "NORP"), ("KBS", "ORG")],
            ),
            ("Lawmakers in the Federation Council of Russia voted.", &[("Lawmakers", "NOMINAL"), ("Federation Council of Russia", "ORG")]),
            ("He met North Korean soldiers near Kursk.", &[("North Korean soldiers", "NOMINAL"), ("Kursk", "GPE")]),
            ("Moscow and Pyongyang have not commented.", &[("Moscow", "GPE"), ("Pyongyang", "GPE")]),
            ("RUSSIA IS SENDING TROOPS", &[("RUSSIA", "GPE"), ("TROOPS", "NOMINAL")]),
            (
                "NORTH KOREAN TROOPS CLASH WITH UKRAINIAN FORCES IN KURSK",
                &[("NORTH KOREAN TROOPS", "NOMINAL"), ("UKRAINIAN FORCES", "NOMINAL"), ("KURSK", "GPE")],
            ),
            ("They gave military assistance to Kuwait.", &[("Kuwait", "GPE")]),
            ("The Israeli army and Kuwait government met.", &[("Israeli army", "NOMINAL"), ("Kuwait government", "NOMINAL")]),
            ("The talks were hosted by Prime Minister John Smallwood in Oslo.", &[("John Smallwood", "PERSON"), ("Oslo", "GPE")]),
            ("He met Chief Minister Peter Caruana in Gibraltar.", &[("Peter Caruana", "PERSON"), ("Gibraltar", "GPE")]),
            ("Shares of General Motors fell.", &[]),
            ("She spoke to the Ministry of Foreign Affairs of Narnia.", &[("Ministry of Foreign Affairs of Narnia", "ORG")]),
            ("the president said the U.S. would act", &[("the president", "NOMINAL"), ("U.S.", "GPE")]),
        ];
        let mut bad = Vec::new();
        for (text, want) in cases {
            let got = mentions_of(text);
            let want: Vec<(String, &str)> =
                want.iter().map(|(a, b)| ((*a).to_owned(), *b)).collect();
            if got != want {
                bad.push(format!("{text}\n  got  {got:?}\n  want {want:?}"));
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]
        #[test]
        fn spans_are_valid_on_any_text(text in "[A-Za-z \u{2019}'.,\u{00e9}\u{1F600}-]{0,80}|(Russia|North|Korean|Kim|Jong|Un|the|president|US|IS|WHO|soldiers|of|Council|'s| |\\.|,){0,30}") {
            let kb = Knowledge::builtin();
            let mut doc = Document::new("p", text, None);
            tokenize(&mut doc);
            let ms = find_mentions(&kb, &doc);
            let mut last_end = 0;
            for m in &ms {
                proptest::prop_assert!(m.span.start < m.span.end && m.span.end <= doc.text.len());
                proptest::prop_assert!(doc.text.is_char_boundary(m.span.start) && doc.text.is_char_boundary(m.span.end));
                proptest::prop_assert!(m.span.start >= last_end, "overlap");
                last_end = m.span.end;
            }
            doc.mentions = ms;
            crate::actors::resolve(&kb, &mut doc);
            for m in &doc.mentions {
                if let Some(a) = m.actor {
                    proptest::prop_assert!((a as usize) < doc.actors.len());
                }
            }
        }
    }

    #[test]
    fn never_panics() {
        for t in [
            "",
            "'s",
            "’s ’s",
            "U.S.",
            "A",
            "\u{1F600} Russia’",
            "The The The",
            "of of Of OF",
        ] {
            let _ = mentions_of(t);
        }
    }
}
