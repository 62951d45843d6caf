//! The column contract of every frame: one table that the builders check against, that Python
//! exposes as `ef.schema`, and that the README's frame reference is generated from.

/// Logical type of a column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dtype {
    /// UTF-8 text.
    Str,
    /// UTF-8 text with a closed set of values (a polars `Enum` in Python).
    Enum(&'static [&'static str]),
    /// Unsigned 32-bit integer.
    U32,
    /// 64-bit float.
    F64,
    /// Boolean.
    Bool,
    /// List of UTF-8 text.
    StrList,
}

impl Dtype {
    /// Name of the type as documented.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Str => "str",
            Self::Enum(_) => "enum",
            Self::U32 => "u32",
            Self::F64 => "f64",
            Self::Bool => "bool",
            Self::StrList => "list[str]",
        }
    }
}

/// One column of a frame.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    /// Column name (snake_case).
    pub name: &'static str,
    /// Type.
    pub dtype: Dtype,
    /// Whether nulls may occur.
    pub nullable: bool,
    /// What the column holds.
    pub doc: &'static str,
}

const fn col(name: &'static str, dtype: Dtype, nullable: bool, doc: &'static str) -> Column {
    Column {
        name,
        dtype,
        nullable,
        doc,
    }
}

use Dtype::{Bool, Enum, Str, StrList, F64, U32};

/// Document statuses.
pub const STATUSES: &[&str] = &["ok", "repaired", "empty", "error"];
/// Stage names as used in `errors.stage`.
pub const STAGES: &[&str] = &[
    "input", "text", "tag", "mentions", "actors", "events", "figures", "frames",
];
/// Mention labels.
pub const MENTION_LABELS: &[&str] = &[
    "PERSON",
    "ORG",
    "GPE",
    "LOC",
    "NORP",
    "FAC",
    "EVENT",
    "PRODUCT",
    "LAW",
    "WORK_OF_ART",
    "LANGUAGE",
    "NOMINAL",
];
/// Actor kinds.
pub const ACTOR_KINDS: &[&str] = &["country", "person", "organization", "group", "location"];
/// Event modalities.
pub const MODALITIES: &[&str] = &[
    "asserted",
    "threatened",
    "planned",
    "demanded",
    "hypothetical",
    "denied",
    "reported",
];
/// Date precisions.
pub const PRECISIONS: &[&str] = &["day", "week", "month", "quarter", "year", "decade"];

/// `documents`: one row per input document, whatever happened to it.
pub const DOCUMENTS: &[Column] = &[
    col(
        "doc_id",
        Str,
        false,
        "Document id (the caller's, or the input position).",
    ),
    col(
        "published",
        Str,
        true,
        "Publication date as ISO `YYYY-MM-DD`; null when absent or invalid.",
    ),
    col("n_sentences", U32, false, "Number of sentences."),
    col("n_tokens", U32, false, "Number of tokens."),
    col("n_chars", U32, false, "Length of the text in code points."),
    col(
        "status",
        Enum(STATUSES),
        false,
        "`ok`, `repaired` (input fixed, see `errors`), `empty`, or `error`.",
    ),
];

/// `sentences`.
pub const SENTENCES: &[Column] = &[
    col("doc_id", Str, false, "Document id."),
    col(
        "sentence_id",
        U32,
        false,
        "Sentence number within the document, from 0.",
    ),
    col(
        "start_char",
        U32,
        false,
        "Start offset (code points) into the original text.",
    ),
    col("end_char", U32, false, "End offset (exclusive)."),
    col(
        "text",
        Str,
        false,
        "The sentence text: `text[start_char:end_char]`.",
    ),
];

/// `tokens`: words with tags and dependency trees.
pub const TOKENS: &[Column] = &[
    col("doc_id", Str, false, "Document id."),
    col("sentence_id", U32, false, "Sentence number."),
    col(
        "token_id",
        U32,
        false,
        "Token number within the document, from 0.",
    ),
    col("start_char", U32, false, "Start offset (code points)."),
    col("end_char", U32, false, "End offset (exclusive)."),
    col("text", Str, false, "Token text as in the original."),
    col("lemma", Str, true, "Lemma (null when `tag` is disabled)."),
    col("upos", Str, true, "Universal POS tag."),
    col("xpos", Str, true, "Penn Treebank tag."),
    col(
        "head",
        U32,
        true,
        "`token_id` of the syntactic head; null for the root or without a parse.",
    ),
    col(
        "deprel",
        Str,
        true,
        "Universal Dependencies relation to the head.",
    ),
];

/// `mentions`: named entities and actor nouns.
pub const MENTIONS: &[Column] = &[
    col("doc_id", Str, false, "Document id."),
    col(
        "mention_id",
        U32,
        false,
        "Mention number within the document.",
    ),
    col("sentence_id", U32, false, "Sentence number."),
    col("start_char", U32, false, "Start offset (code points)."),
    col("end_char", U32, false, "End offset (exclusive)."),
    col("text", Str, false, "Mention text."),
    col(
        "label",
        Enum(MENTION_LABELS),
        false,
        "Entity label (OntoNotes-style; NOMINAL for actor nouns).",
    ),
    col(
        "actor_id",
        Str,
        true,
        "Resolved actor (joins `actors.actor_id`).",
    ),
    col("score", F64, false, "Confidence in [0, 1]."),
    col(
        "rule",
        Str,
        false,
        "Rule or model that produced the mention.",
    ),
];

/// `actors`: one row per distinct actor in the batch.
pub const ACTORS: &[Column] = &[
    col(
        "actor_id",
        Str,
        false,
        "Stable id: `kb:...` for knowledge-base actors, else a normalised key.",
    ),
    col("name", Str, false, "Canonical name."),
    col(
        "kind",
        Enum(ACTOR_KINDS),
        true,
        "country, person, organization, group or location.",
    ),
    col("country", Str, true, "ISO 3166-1 alpha-3."),
    col(
        "sector",
        Str,
        true,
        "Main sector (GOV, MIL, LEG, MED, IGO, REB, ...).",
    ),
    col("sectors", StrList, false, "All sectors."),
    col(
        "code",
        Str,
        true,
        "CAMEO actor code valid at the publication date (first seen).",
    ),
    col(
        "roles",
        StrList,
        false,
        "Roles seen or known (e.g. `Defence Minister`).",
    ),
    col("aliases", StrList, false, "Names seen in the text."),
    col("n_mentions", U32, false, "Mentions in the batch."),
    col(
        "n_docs",
        U32,
        false,
        "Documents of the batch that mention the actor.",
    ),
    col("rule", Str, false, "How the actor was resolved."),
];

/// `events`: who did what to whom, when and where.
pub const EVENTS: &[Column] = &[
    col("event_id", Str, false, "Event id `<doc_id>:e<n>`."),
    col("doc_id", Str, false, "Document id."),
    col("sentence_id", U32, false, "Sentence number."),
    col(
        "start_char",
        U32,
        false,
        "Trigger start offset (code points).",
    ),
    col("end_char", U32, false, "Trigger end offset (exclusive)."),
    col("trigger", Str, false, "Trigger text."),
    col("cameo", Str, false, "CAMEO event code, e.g. `057`."),
    col("cameo_root", Str, false, "CAMEO root, e.g. `05`."),
    col("cameo_name", Str, true, "Name of the CAMEO code."),
    col(
        "quad_class",
        U32,
        true,
        "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.",
    ),
    col("goldstein", F64, true, "Goldstein score (GDELT table)."),
    col("plover", Str, true, "PLOVER event type."),
    col("plover_mode", Str, true, "PLOVER mode."),
    col(
        "source_actor_id",
        Str,
        true,
        "Source actor (joins `actors`).",
    ),
    col("source_text", Str, true, "Source phrase as written."),
    col(
        "source_start_char",
        U32,
        true,
        "Source phrase start offset.",
    ),
    col("source_end_char", U32, true, "Source phrase end offset."),
    col("source_code", Str, true, "CAMEO actor code of the source."),
    col("source_country", Str, true, "ISO alpha-3 of the source."),
    col("target_actor_id", Str, true, "Target actor."),
    col("target_text", Str, true, "Target phrase as written."),
    col(
        "target_start_char",
        U32,
        true,
        "Target phrase start offset.",
    ),
    col("target_end_char", U32, true, "Target phrase end offset."),
    col("target_code", Str, true, "CAMEO actor code of the target."),
    col("target_country", Str, true, "ISO alpha-3 of the target."),
    col("date", Str, true, "Event date, ISO at its precision."),
    col(
        "date_precision",
        Enum(PRECISIONS),
        true,
        "day, week, month, quarter, year or decade.",
    ),
    col(
        "date_is_fallback",
        Bool,
        false,
        "True when `date` is the publication date because the text gives none.",
    ),
    col("location", Str, true, "Place name as written."),
    col("location_start_char", U32, true, "Place start offset."),
    col("location_end_char", U32, true, "Place end offset."),
    col("location_country", Str, true, "ISO alpha-3 of the place."),
    col("lat", F64, true, "Latitude of the place when known."),
    col("lon", F64, true, "Longitude of the place when known."),
    col(
        "modality",
        Enum(MODALITIES),
        false,
        "asserted, threatened, planned, demanded, hypothetical, denied or reported.",
    ),
    col("negated", Bool, false, "Whether the trigger is negated."),
    col("claimed_by", Str, true, "Who says it, as written."),
    col("claimed_by_actor_id", Str, true, "Actor who says it."),
    col("rule", Str, false, "Lexicon entry or pattern that fired."),
    col("confidence", F64, false, "Confidence in [0, 1]."),
];

/// `figures`: numbers, quantities and dates.
pub const FIGURES: &[Column] = &[
    col("figure_id", Str, false, "Figure id `<doc_id>:f<n>`."),
    col("doc_id", Str, false, "Document id."),
    col("sentence_id", U32, false, "Sentence number."),
    col("start_char", U32, false, "Start offset (code points)."),
    col("end_char", U32, false, "End offset (exclusive)."),
    col("text", Str, false, "The expression as written."),
    col(
        "label",
        Str,
        false,
        "count, troops, killed, money, percent, ordinal, quantity, date, ...",
    ),
    col("value", F64, true, "Value (lower bound of a range)."),
    col("value_max", F64, true, "Upper bound of a range."),
    col("unit", Str, true, "Unit or ISO 4217 currency."),
    col(
        "approximate",
        Bool,
        false,
        "Whether the value is approximate.",
    ),
    col(
        "bound",
        Str,
        true,
        "at_least, more_than, at_most, less_than or up_to.",
    ),
    col("about", Str, true, "What the number counts, as written."),
    col(
        "about_actor_id",
        Str,
        true,
        "Actor counted (joins `actors`).",
    ),
    col(
        "attributed_to",
        Str,
        true,
        "Who gives the number, as written.",
    ),
    col(
        "hedge",
        Str,
        true,
        "Hedge word (estimated, reportedly, according to).",
    ),
    col("date", Str, true, "Resolved date, ISO at its precision."),
    col(
        "date_precision",
        Enum(PRECISIONS),
        true,
        "day, week, month, quarter, year or decade.",
    ),
    col("event_id", Str, true, "Event the figure measures."),
    col("rule", Str, false, "Rule that produced the figure."),
];

/// `errors`: one row per failure.
pub const ERRORS: &[Column] = &[
    col("doc_id", Str, false, "Document id."),
    col(
        "stage",
        Enum(STAGES),
        false,
        "Stage that failed (`input` for problems with the input itself).",
    ),
    col(
        "error",
        Str,
        false,
        "Short error kind (`not_text`, `invalid_date`, `lone_surrogate`, ...).",
    ),
    col(
        "message",
        Str,
        false,
        "What went wrong, the offending value, and a hint.",
    ),
];

/// All frames, in output order.
pub const FRAMES: &[(&str, &[Column])] = &[
    ("documents", DOCUMENTS),
    ("sentences", SENTENCES),
    ("tokens", TOKENS),
    ("mentions", MENTIONS),
    ("actors", ACTORS),
    ("events", EVENTS),
    ("figures", FIGURES),
    ("errors", ERRORS),
];

/// The columns of frame `name`.
#[must_use]
pub fn frame(name: &str) -> Option<&'static [Column]> {
    FRAMES.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

/// The frame reference as Markdown (used for the README and `ef.schema`).
#[must_use]
pub fn markdown() -> String {
    use std::fmt::Write;
    let mut s = String::new();
    for (name, cols) in FRAMES {
        let _ = writeln!(
            s,
            "### `{name}`\n\n| column | type | null | description |\n|---|---|---|---|"
        );
        for c in *cols {
            let ty = match c.dtype {
                Enum(v) => format!("enum({})", v.join(", ")),
                other => other.name().to_owned(),
            };
            let _ = writeln!(
                s,
                "| `{}` | {} | {} | {} |",
                c.name,
                ty,
                if c.nullable { "yes" } else { "no" },
                c.doc
            );
        }
        s.push('\n');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enums_match_the_document_types() {
        let labels: Vec<&str> = crate::document::EntityLabel::ALL
            .iter()
            .map(|l| l.as_str())
            .collect();
        assert_eq!(labels, MENTION_LABELS);
        use crate::date::Precision::{self, Day, Decade, Month, Quarter, Week, Year};
        let precisions = [Day, Week, Month, Quarter, Year, Decade];
        // A new variant fails to compile here until it is listed (and added to PRECISIONS).
        let listed = |p: Precision| match p {
            Day | Week | Month | Quarter | Year | Decade => p.as_str(),
        };
        let names: Vec<&str> = precisions.into_iter().map(listed).collect();
        assert_eq!(names, PRECISIONS);
    }

    #[test]
    fn contract_columns_present() {
        let need: &[(&str, &[&str])] = &[
            (
                "documents",
                &["doc_id", "published", "n_sentences", "n_tokens", "status"],
            ),
            (
                "sentences",
                &["doc_id", "sentence_id", "start_char", "end_char", "text"],
            ),
            (
                "mentions",
                &[
                    "doc_id",
                    "sentence_id",
                    "start_char",
                    "end_char",
                    "text",
                    "label",
                    "actor_id",
                ],
            ),
            (
                "actors",
                &[
                    "actor_id",
                    "name",
                    "kind",
                    "country",
                    "sector",
                    "code",
                    "roles",
                    "aliases",
                    "n_mentions",
                    "n_docs",
                ],
            ),
            (
                "events",
                &[
                    "event_id",
                    "doc_id",
                    "sentence_id",
                    "start_char",
                    "end_char",
                    "trigger",
                    "cameo",
                    "cameo_root",
                    "quad_class",
                    "goldstein",
                    "plover",
                    "source_actor_id",
                    "source_text",
                    "source_code",
                    "source_country",
                    "target_actor_id",
                    "target_text",
                    "target_code",
                    "target_country",
                    "date",
                    "date_precision",
                    "location",
                    "location_country",
                    "modality",
                    "negated",
                    "claimed_by",
                    "rule",
                ],
            ),
            (
                "figures",
                &[
                    "figure_id",
                    "doc_id",
                    "sentence_id",
                    "start_char",
                    "end_char",
                    "text",
                    "label",
                    "value",
                    "value_max",
                    "unit",
                    "approximate",
                    "about",
                    "about_actor_id",
                    "attributed_to",
                    "date",
                    "date_precision",
                ],
            ),
            ("errors", &["doc_id", "stage", "error", "message"]),
        ];
        for (f, cols) in need {
            let have = frame(f).unwrap();
            for c in *cols {
                assert!(have.iter().any(|h| h.name == *c), "{f}.{c} missing");
            }
        }
    }

    #[test]
    fn names_unique() {
        for (f, cols) in FRAMES {
            let mut names: Vec<_> = cols.iter().map(|c| c.name).collect();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), cols.len(), "duplicate column in {f}");
        }
    }
}
