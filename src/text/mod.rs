//! `text`: normalise, segment and tokenise, keeping exact byte offsets into the original text.
//!
//! Tokens are syntactic words as in Universal Dependencies English (EWT, GUM): `don't` → `do`
//! `n't`, `Putin's` → `Putin` `'s`, `cannot` → `can` `not`, `15-year` → `15` `-` `year` (but
//! `e-mail`, `non-stop` stay whole), `$40` → `$` `40`, `5pm` → `5` `pm`, abbreviations keep
//! their period (`U.S.`, `Mr.`) except at the end of a sentence (`etc` `.`). URLs, e-mails,
//! handles and hashtags are single [`TokenKind::Special`] tokens.
//!
//! Sentences end at `.`, `!`, `?` and ellipses before a plausible sentence start (closing quotes
//! and brackets stay with the sentence), at blank lines, at single newlines unless the text is
//! hard-wrapped, after datelines (`KYIV, Nov 6 (Reuters) -`) and at captions glued to the next
//! sentence (`[Photo/Reuters]Russia`). Abbreviations and titles (`Mr.`, `Lt. Col.`, `No. 5`)
//! do not end sentences.
//!
//! Normalisation only fills [`Token::norm`]; spans always point into the original text.
//! Everything is a single linear pass over bytes with ASCII fast paths.

mod chars;
mod lexicon;
mod sentences;
mod tokenize;

use crate::document::{Document, Sentence, Span, Token, TokenKind};
use crate::error::StageName;
use crate::pipeline::{Stage, StageError};

/// The text stage: fills [`Document::sentences`] and [`Document::tokens`].
#[derive(Debug, Default)]
pub struct Text;

impl Text {
    /// A text stage.
    #[must_use]
    pub fn new() -> Self {
        Self
    }
}

impl Stage for Text {
    fn name(&self) -> StageName {
        StageName::Text
    }
    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        if doc.text.len() > u32::MAX as usize {
            return Err(StageError::new(
                "too_long",
                format!(
                    "document of `{}` bytes is too long for the tokeniser\nhint: split it below 4 GiB",
                    doc.text.len()
                ),
            ));
        }
        let (sentences, tokens) = segment(&doc.text);
        doc.sentences = sentences;
        doc.tokens = tokens;
        Ok(())
    }
}

/// Sentences and tokens of `text`, with the surface-token grouping the tokeniser used.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Segmentation {
    /// Sentences in order; together they hold every token exactly once.
    pub sentences: Vec<Sentence>,
    /// Tokens (syntactic words) in order.
    pub tokens: Vec<Token>,
    /// For each token, whether it was split off the previous token's surface word (a clitic
    /// such as `n't` in `don't`); such tokens form one UD multi-word token with the previous.
    pub clitic: Vec<bool>,
}

/// Segments and tokenises `text`: `(sentences, tokens)`, with byte spans into `text`.
///
/// Tokens cover every non-whitespace character exactly once, in order; every token belongs
/// to exactly one sentence. Tag fields of the tokens are left empty.
#[must_use]
pub fn segment(text: &str) -> (Vec<Sentence>, Vec<Token>) {
    let s = segment_full(text);
    (s.sentences, s.tokens)
}

/// Like [`segment`], also returning which tokens are clitics split off a surface word.
#[must_use]
pub fn segment_full(text: &str) -> Segmentation {
    let mut raws = Vec::with_capacity(text.len() / 5 + 1);
    tokenize::tokenize(text, &mut raws);
    let ends = sentences::split(text, &raws);
    let b = text.as_bytes();
    let mut tokens = Vec::with_capacity(raws.len());
    let mut clitic = Vec::with_capacity(raws.len());
    let mut sents = Vec::with_capacity(ends.len());
    let mut start = 0usize;
    for &end in &ends {
        if end <= start {
            continue;
        }
        let si = u32::try_from(sents.len()).unwrap_or(u32::MAX);
        let first = tokens.len();
        for (k, r) in raws[start..end].iter().enumerate() {
            let mut r = *r;
            // An abbreviation ending a sentence gives up its period, as UD English does
            // (`etc.` → `etc` `.`).
            let split = k + 1 == end - start
                && r.flags & tokenize::flag::ABBR != 0
                && r.end - r.start >= 2
                && b[r.end - 1] == b'.';
            if split {
                r.end -= 1;
            }
            push_token(text, &r, si, &mut tokens);
            clitic.push(r.flags & tokenize::flag::CLITIC != 0);
            if split {
                let dot = tokenize::Raw {
                    start: r.end,
                    end: r.end + 1,
                    kind: TokenKind::Punct,
                    flags: 0,
                };
                push_token(text, &dot, si, &mut tokens);
                clitic.push(false);
            }
        }
        sents.push(Sentence {
            span: Span::new(raws[start].start, raws[end - 1].end),
            token_start: u32::try_from(first).unwrap_or(u32::MAX),
            token_end: u32::try_from(tokens.len()).unwrap_or(u32::MAX),
        });
        start = end;
    }
    Segmentation {
        sentences: sents,
        tokens,
        clitic,
    }
}

/// Appends the [`Token`] for `r`.
fn push_token(text: &str, r: &tokenize::Raw, sentence: u32, out: &mut Vec<Token>) {
    let b = text.as_bytes();
    let space_after = match b.get(r.end) {
        None => false,
        Some(&c) if c < 0x80 => chars::is_ascii_space(c),
        Some(_) => chars::is_space(chars::char_at(text, r.end).0),
    };
    out.push(Token {
        span: Span::new(r.start, r.end),
        sentence,
        kind: r.kind,
        norm: normalise(&text[r.start..r.end], r.kind),
        space_after,
        ..Token::default()
    });
}

/// The normalised form of a token when it differs from the text: curly quotes and apostrophes
/// become straight, em dashes and horizontal bars `--`, en dashes, minus signs and Unicode
/// hyphens `-`, `…` becomes `...`.
#[must_use]
#[inline]
pub fn normalise(tok: &str, kind: TokenKind) -> Option<String> {
    if tok.is_ascii() || kind == TokenKind::Special {
        return None;
    }
    normalise_non_ascii(tok)
}

/// The replacement of one char in [`normalise`].
fn replacement(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => "\"",
        '\u{2014}' | '\u{2015}' => "--",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}' => "-",
        '\u{2026}' => "...",
        _ => return None,
    })
}

/// [`normalise`] for tokens with non-ASCII chars; allocates only when something changes.
fn normalise_non_ascii(tok: &str) -> Option<String> {
    if !tok.chars().any(|c| replacement(c).is_some()) {
        return None;
    }
    let mut out = String::with_capacity(tok.len() + 2);
    for c in tok.chars() {
        match replacement(c) {
            Some(r) => out.push_str(r),
            None => out.push(c),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_article() {
        let Some(path) = seed_path() else {
            println!("skipped: acceptance seed not found (set EVENTFRAME_SHARED)");
            return;
        };
        let Ok(text) = std::fs::read_to_string(&path) else {
            println!("skipped: cannot read `{}`", path.display());
            return;
        };
        let (sents, toks) = segment(&text);
        let s: Vec<&str> = sents
            .iter()
            .map(|s| &text[s.span.start..s.span.end])
            .collect();
        assert!(
            s.iter().any(|x| x.ends_with("via Reuters]")),
            "caption not split"
        );
        assert!(s.iter().any(|x| x.starts_with("Russia has deployed")));
        assert!(s.contains(&"Ukraine estimated 11,000 North Korean soldiers were in Kursk."));
        assert!(s.iter().any(|x| x.starts_with("He said a “small group”")));
        assert_eq!(s.len(), 16);
        let words: Vec<&str> = toks
            .iter()
            .map(|t| &text[t.span.start..t.span.end])
            .collect();
        assert!(words.windows(2).any(|w| w == ["Russia", "’s"]));
        assert!(words.contains(&"11,000"));
    }

    fn seed_path() -> Option<std::path::PathBuf> {
        crate::shared::shared_dir()
            .map(|d| d.join("acceptance/seed.txt"))
            .filter(|p| p.exists())
    }

    #[test]
    fn tokens_and_norm() {
        let text = "“Don’t,” said Mr. O’Neil — twice…\r\nNext";
        let (sents, toks) = segment(text);
        let got: Vec<(&str, Option<&str>, bool)> = toks
            .iter()
            .map(|t| {
                (
                    &text[t.span.start..t.span.end],
                    t.norm.as_deref(),
                    t.space_after,
                )
            })
            .collect();
        let want: Vec<(&str, Option<&str>, bool)> = vec![
            ("“", Some("\""), false),
            ("Do", None, false),
            ("n’t", Some("n't"), false),
            (",", None, false),
            ("”", Some("\""), true),
            ("said", None, true),
            ("Mr.", None, true),
            ("O’Neil", Some("O'Neil"), true),
            ("—", Some("--"), true),
            ("twice", None, false),
            ("…", Some("..."), true),
            ("Next", None, false),
        ];
        assert_eq!(got, want);
        assert_eq!(sents.len(), 2);
        assert_eq!(toks[11].sentence, 1);
        assert_eq!(sents[0].span, Span::new(0, text.find('\r').unwrap_or(0)));
    }

    #[test]
    fn final_abbreviation_gives_up_period() {
        let text = "He lives in the U.S. The end etc.";
        let (sents, toks) = segment(text);
        let w: Vec<&str> = toks
            .iter()
            .map(|t| &text[t.span.start..t.span.end])
            .collect();
        assert_eq!(
            w,
            ["He", "lives", "in", "the", "U.S", ".", "The", "end", "etc", "."]
        );
        assert_eq!(sents.len(), 2);
        assert_eq!((sents[0].token_start, sents[0].token_end), (0, 6));
        assert_eq!(sents[0].span.end, text.find(" The").unwrap_or(0));
    }

    #[test]
    fn kinds() {
        let text = "See https://x.org @bob 40 % 😀 word";
        let (_, toks) = segment(text);
        let kinds: Vec<TokenKind> = toks.iter().map(|t| t.kind).collect();
        use TokenKind::*;
        assert_eq!(
            kinds,
            vec![Word, Special, Special, Number, Punct, Symbol, Word]
        );
    }

    #[test]
    fn empty_and_space() {
        for t in ["", "   ", "\n\n\t"] {
            let (s, k) = segment(t);
            assert!(s.is_empty() && k.is_empty());
        }
    }

    #[test]
    fn linear_on_long_line() {
        let unit = "Abc def, ghi-jkl 12.5 U.S. Mr. x. ";
        let text: String = unit.repeat(2_000_000 / unit.len());
        let t0 = std::time::Instant::now();
        let (s, k) = segment(&text);
        assert!(!s.is_empty() && !k.is_empty());
        let glued = "a".repeat(1_000_000) + &".".repeat(500_000) + &"-x".repeat(250_000);
        let (_, k2) = segment(&glued);
        assert!(!k2.is_empty());
        // Adversarial runs without whitespace: each must stay linear.
        for unit in [
            "a-", "(a-", "/a-", ".)", "a@", "x'", "’s", "a.b", "1,000", "[1]", ". \"", "http://x",
        ] {
            let t = unit.repeat(200_000 / unit.len());
            let t1 = std::time::Instant::now();
            let (s, k) = segment(&t);
            assert!(!s.is_empty() && !k.is_empty());
            assert!(
                t1.elapsed().as_secs() < 5,
                "`{unit}` took {:?}",
                t1.elapsed()
            );
        }
        // Generous bound: debug builds on a loaded machine.
        assert!(t0.elapsed().as_secs() < 20, "took {:?}", t0.elapsed());
    }
}
