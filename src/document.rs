//! The shared [`Document`]: the original text plus one annotation layer per stage.
//!
//! All spans are **byte** offsets into [`Document::text`], which is the caller's original text,
//! never a normalised copy. The `frames` stage converts them to Python code points once.

use crate::date::{Date, Precision};

/// A half-open byte range `[start, end)` into the original text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    #[must_use]
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }
    /// Length in bytes.
    #[must_use]
    pub const fn len(self) -> usize {
        self.end - self.start
    }
    /// Whether the span is empty.
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }
    /// Whether two spans share at least one byte.
    #[must_use]
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// Whether `other` lies inside this span.
    #[must_use]
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// What a token looks like, decided by the tokeniser.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum TokenKind {
    /// Letters (possibly with inner hyphens or apostrophes).
    #[default]
    Word,
    /// A number in digits (`11,000`, `3.5`, `3rd`).
    Number,
    /// Punctuation or a symbol.
    Punct,
    /// A URL, e-mail, hashtag or handle.
    Special,
    /// Emoji or another non-alphanumeric symbol run.
    Symbol,
}

/// One token (a syntactic word in the Universal Dependencies sense).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Token {
    /// Where the token is in the original text.
    pub span: Span,
    /// Index of the sentence that holds the token.
    pub sentence: u32,
    /// Kind decided by the tokeniser.
    pub kind: TokenKind,
    /// Normalised form (curly quotes straightened, dashes unified) when it differs from the text.
    pub norm: Option<String>,
    /// Whether whitespace follows the token in the original text.
    pub space_after: bool,
    /// Universal POS tag, filled by `tag` (empty when the stage is disabled).
    pub upos: &'static str,
    /// Penn Treebank tag, filled by `tag`.
    pub xpos: &'static str,
    /// Lemma, filled by `tag`.
    pub lemma: Option<String>,
    /// Index (in the document's token list) of the syntactic head, `None` for the root.
    pub head: Option<u32>,
    /// Universal Dependencies relation to the head.
    pub deprel: &'static str,
}

impl Token {
    /// The token's text in `doc_text` (normalised form if any).
    #[must_use]
    pub fn norm_or<'a>(&'a self, doc_text: &'a str) -> &'a str {
        self.norm
            .as_deref()
            .unwrap_or(&doc_text[self.span.start..self.span.end])
    }
}

/// A sentence: a span of text and the range of its tokens.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sentence {
    /// Where the sentence is in the original text (trimmed of surrounding whitespace).
    pub span: Span,
    /// First token index.
    pub token_start: u32,
    /// One past the last token index.
    pub token_end: u32,
}

/// Entity label of a mention (OntoNotes-style, numbers excluded: they are figures).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum EntityLabel {
    Person,
    Org,
    Gpe,
    Loc,
    Norp,
    Fac,
    Event,
    Product,
    Law,
    WorkOfArt,
    Language,
    /// A common-noun actor mention ("lawmakers", "soldiers", "the president").
    Nominal,
}

impl EntityLabel {
    /// The label as written in the `mentions` frame.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Person => "PERSON",
            Self::Org => "ORG",
            Self::Gpe => "GPE",
            Self::Loc => "LOC",
            Self::Norp => "NORP",
            Self::Fac => "FAC",
            Self::Event => "EVENT",
            Self::Product => "PRODUCT",
            Self::Law => "LAW",
            Self::WorkOfArt => "WORK_OF_ART",
            Self::Language => "LANGUAGE",
            Self::Nominal => "NOMINAL",
        }
    }

    /// All labels, in the order of the `mentions.label` enum.
    pub const ALL: [EntityLabel; 12] = [
        Self::Person,
        Self::Org,
        Self::Gpe,
        Self::Loc,
        Self::Norp,
        Self::Fac,
        Self::Event,
        Self::Product,
        Self::Law,
        Self::WorkOfArt,
        Self::Language,
        Self::Nominal,
    ];
}

/// A mention of an entity or actor in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Where the mention is.
    pub span: Span,
    /// Sentence index.
    pub sentence: u32,
    /// First token index.
    pub token_start: u32,
    /// One past the last token index.
    pub token_end: u32,
    /// Entity label.
    pub label: EntityLabel,
    /// Confidence in `[0, 1]`.
    pub score: f32,
    /// Index into [`Document::actors`] once `actors` has resolved it.
    pub actor: Option<u32>,
    /// The rule or model that produced the mention (`gazetteer:country`, `ner:perceptron`).
    pub rule: &'static str,
}

/// What kind of thing an actor is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum ActorKind {
    Country,
    Person,
    Organization,
    /// A group of people named by a common noun with a country ("North Korean soldiers").
    Group,
    Location,
}

impl ActorKind {
    /// The kind as written in the `actors` frame.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Country => "country",
            Self::Person => "person",
            Self::Organization => "organization",
            Self::Group => "group",
            Self::Location => "location",
        }
    }
}

/// An actor resolved within one document.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Actor {
    /// Stable id across the corpus: a knowledge-base id (`kb:RUS`, `kb:person:vladimir_putin`)
    /// or a normalised key (`key:person:john_smith`).
    pub id: String,
    /// Canonical display name.
    pub name: String,
    /// Kind.
    pub kind: Option<ActorKind>,
    /// ISO 3166-1 alpha-3 country.
    pub country: Option<String>,
    /// Sectors (GOV, MIL, LEG, ...), most specific first.
    pub sectors: Vec<String>,
    /// CAMEO actor code valid at the publication date (`RUSGOV`, `IGONAT`).
    pub code: Option<String>,
    /// Roles seen in the text or known for the date ("Defence Minister").
    pub roles: Vec<String>,
    /// Other names seen in the text.
    pub aliases: Vec<String>,
    /// Indices into [`Document::mentions`].
    pub mentions: Vec<u32>,
    /// The rule that resolved the actor (`kb:country`, `title+name`).
    pub rule: &'static str,
}

/// One argument (source or target) of an event.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct EventArg {
    /// Where the argument phrase is.
    pub span: Span,
    /// Index into [`Document::actors`].
    pub actor: Option<u32>,
    /// CAMEO actor code of the argument.
    pub code: Option<String>,
    /// ISO 3166-1 alpha-3 country.
    pub country: Option<String>,
}

/// Modality of an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[allow(missing_docs)]
pub enum Modality {
    #[default]
    Asserted,
    Threatened,
    Planned,
    Demanded,
    Hypothetical,
    Denied,
    Reported,
}

impl Modality {
    /// The name used in the `events` frame.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Asserted => "asserted",
            Self::Threatened => "threatened",
            Self::Planned => "planned",
            Self::Demanded => "demanded",
            Self::Hypothetical => "hypothetical",
            Self::Denied => "denied",
            Self::Reported => "reported",
        }
    }
    /// All modalities in the order of the frame's enum.
    pub const ALL: [Modality; 7] = [
        Self::Asserted,
        Self::Threatened,
        Self::Planned,
        Self::Demanded,
        Self::Hypothetical,
        Self::Denied,
        Self::Reported,
    ];
}

/// A resolved date expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateValue {
    /// The date (first day of the period for coarser precisions).
    pub date: Date,
    /// How precise it is.
    pub precision: Precision,
}

impl DateValue {
    /// ISO string at its precision.
    #[must_use]
    pub fn iso(self) -> String {
        self.date.format(self.precision)
    }
}

/// A coded event.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Event {
    /// The trigger (verb or noun) span.
    pub trigger: Span,
    /// Sentence index.
    pub sentence: u32,
    /// CAMEO code, e.g. `057`.
    pub cameo: String,
    /// Who did it.
    pub source: Option<EventArg>,
    /// To whom.
    pub target: Option<EventArg>,
    /// When.
    pub date: Option<DateValue>,
    /// Whether `date` fell back to the publication date.
    pub date_is_fallback: bool,
    /// Where: the place name as written.
    pub location: Option<Span>,
    /// ISO 3166-1 alpha-3 of the place.
    pub location_country: Option<String>,
    /// Latitude of the place when known.
    pub lat: Option<f64>,
    /// Longitude of the place when known.
    pub lon: Option<f64>,
    /// Modality.
    pub modality: Modality,
    /// Whether the trigger is negated.
    pub negated: bool,
    /// Who claims it (the speaker of a report), as written.
    pub claimed_by: Option<Span>,
    /// Actor index of the claimant.
    pub claimed_by_actor: Option<u32>,
    /// The rule or pattern that fired.
    pub rule: String,
    /// Confidence in `[0, 1]`.
    pub confidence: f32,
}

/// A number, quantity or date found in the text.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Figure {
    /// Where the expression is.
    pub span: Span,
    /// Sentence index.
    pub sentence: u32,
    /// `count`, `killed`, `troops`, `money`, `percent`, `ordinal`, `quantity`, `date`, ...
    pub label: &'static str,
    /// Numeric value (lower bound of a range).
    pub value: Option<f64>,
    /// Upper bound of a range.
    pub value_max: Option<f64>,
    /// Unit or ISO currency (`USD`, `km`, `%`).
    pub unit: Option<String>,
    /// Whether the value is approximate ("about", "nearly", "dozens of").
    pub approximate: bool,
    /// A bound kind: `at_least`, `more_than`, `at_most`, `less_than`, `up_to`.
    pub bound: Option<&'static str>,
    /// What the number counts, as written ("North Korean soldiers").
    pub about: Option<Span>,
    /// Actor index of what is counted.
    pub about_actor: Option<u32>,
    /// Who gives the number, as written.
    pub attributed_to: Option<Span>,
    /// Hedge word ("estimated", "reportedly", "according to").
    pub hedge: Option<&'static str>,
    /// Resolved date for date expressions.
    pub date: Option<DateValue>,
    /// Index into [`Document::events`] of the event the figure measures.
    pub event: Option<u32>,
    /// The rule that produced the figure.
    pub rule: &'static str,
}

/// One news document and everything the stages found in it.
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// Caller's id (or the input position as a string).
    pub doc_id: String,
    /// The original text.
    pub text: String,
    /// Publication date, used to resolve relative dates.
    pub published: Option<Date>,
    /// `text`: sentences in order.
    pub sentences: Vec<Sentence>,
    /// `text`: tokens in order; `tag` fills their tags and trees.
    pub tokens: Vec<Token>,
    /// `mentions`.
    pub mentions: Vec<Mention>,
    /// `actors`.
    pub actors: Vec<Actor>,
    /// `events`.
    pub events: Vec<Event>,
    /// `figures`.
    pub figures: Vec<Figure>,
}

impl Document {
    /// A document with no annotations yet.
    #[must_use]
    pub fn new(
        doc_id: impl Into<String>,
        text: impl Into<String>,
        published: Option<Date>,
    ) -> Self {
        Self {
            doc_id: doc_id.into(),
            text: text.into(),
            published,
            ..Self::default()
        }
    }

    /// The text of a span.
    #[must_use]
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    /// Token ranges `(start, end)` of the sentences, clamped to the token list and never
    /// empty. Without a `sentences` layer, runs of tokens with the same `Token::sentence`.
    #[must_use]
    pub fn sentence_token_ranges(&self) -> Vec<(usize, usize)> {
        let n = self.tokens.len();
        if !self.sentences.is_empty() {
            return self
                .sentences
                .iter()
                .map(|s| (s.token_start as usize, (s.token_end as usize).min(n)))
                .filter(|(a, b)| a < b)
                .collect();
        }
        let mut out = Vec::new();
        let mut start = 0;
        for i in 1..=n {
            if i == n || self.tokens[i].sentence != self.tokens[start].sentence {
                out.push((start, i));
                start = i;
            }
        }
        out
    }

    /// The tokens of sentence `i`.
    #[must_use]
    pub fn sentence_tokens(&self, i: usize) -> &[Token] {
        self.sentences.get(i).map_or(&[], |s| {
            &self.tokens[s.token_start as usize..s.token_end as usize]
        })
    }
}
