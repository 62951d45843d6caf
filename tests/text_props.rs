//! Property tests of the `text` stage: for any input, no panic and consistent spans.

use eventframe::document::{Sentence, Token};
use eventframe::text::segment;
use proptest::prelude::*;

/// Checks every invariant of a segmentation of `text`; returns a description of the first
/// violation.
fn check(text: &str, sents: &[Sentence], toks: &[Token]) -> Result<(), String> {
    // Tokens: on char boundaries, non-empty, in order, no whitespace inside, and together they
    // cover every non-whitespace char exactly once.
    let mut pos = 0usize;
    for (i, t) in toks.iter().enumerate() {
        let (s, e) = (t.span.start, t.span.end);
        if s >= e || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            return Err(format!("token {i} has a bad span {s}..{e}"));
        }
        if s < pos {
            return Err(format!(
                "token {i} at {s} overlaps the previous one ending at {pos}"
            ));
        }
        if let Some(c) = text[pos..s].chars().find(|c| !c.is_whitespace()) {
            return Err(format!("char {c:?} before token {i} is in no token"));
        }
        if let Some(c) = text[s..e].chars().find(|c| c.is_whitespace()) {
            return Err(format!("token {i} holds whitespace {c:?}"));
        }
        let followed = text[e..].chars().next().is_some_and(char::is_whitespace);
        if t.space_after != followed {
            return Err(format!(
                "token {i}: space_after is {} but text says {followed}",
                t.space_after
            ));
        }
        pos = e;
    }
    if let Some(c) = text[pos..].chars().find(|c| !c.is_whitespace()) {
        return Err(format!("trailing char {c:?} is in no token"));
    }
    // Sentences: in order, non-overlapping, contiguous token ranges covering all tokens, spans
    // from the first to the last token.
    let mut next_tok = 0u32;
    let mut last_end = 0usize;
    for (k, s) in sents.iter().enumerate() {
        if s.token_start != next_tok || s.token_end <= s.token_start {
            return Err(format!(
                "sentence {k} token range {}..{} is not contiguous",
                s.token_start, s.token_end
            ));
        }
        let (a, b) = (s.token_start as usize, s.token_end as usize);
        if b > toks.len() {
            return Err(format!("sentence {k} ends past the tokens"));
        }
        if s.span.start != toks[a].span.start || s.span.end != toks[b - 1].span.end {
            return Err(format!("sentence {k} span is not trimmed to its tokens"));
        }
        if s.span.start < last_end {
            return Err(format!("sentence {k} overlaps the previous one"));
        }
        for (j, t) in toks[a..b].iter().enumerate() {
            if t.sentence as usize != k {
                return Err(format!(
                    "token {} says sentence {} but is in {k}",
                    a + j,
                    t.sentence
                ));
            }
        }
        last_end = s.span.end;
        next_tok = s.token_end;
    }
    if next_tok as usize != toks.len() {
        return Err(format!(
            "{} tokens but sentences cover {next_tok}",
            toks.len()
        ));
    }
    Ok(())
}

/// Text built from pieces that exercise the tokeniser's special cases.
fn newsy() -> impl Strategy<Value = String> {
    const PIECES: &[&str] = &[
        "U.S.",
        "Mr.",
        "Lt. Col.",
        "don't",
        "Putin’s",
        "cannot",
        "11,000",
        "3.5",
        "$40",
        "40%",
        "2024-11-06",
        "http://x.org/a?b=1",
        "a@b.com",
        "@user",
        "#tag",
        "e-mail",
        "“",
        "”",
        "\"",
        "'",
        "’",
        "—",
        "–",
        "...",
        "…",
        ".",
        "!",
        "?",
        "(",
        ")",
        "]",
        "[",
        ":)",
        "😀",
        "\u{200d}",
        "\u{301}",
        "Москва",
        "東京",
        "\r\n",
        "\n\n",
        " ",
        "\u{a0}",
        "-",
        "==",
        "No.",
        "5",
        "end.Next",
        "(a)",
        "'70s",
        "ld2d-#1.doc",
    ];
    let piece = prop_oneof![
        4 => prop::sample::select(PIECES).prop_map(String::from),
        1 => "[a-zA-Z]{1,8}",
        1 => "[0-9]{1,4}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_unicode(text in "\\PC{0,200}") {
        let (s, t) = segment(&text);
        prop_assert_eq!(check(&text, &s, &t), Ok(()));
    }

    #[test]
    fn any_chars_with_spaces(text in "[ -~\\n\\r\\t\u{a0}\u{2019}\u{201c}\u{2026}\u{2014}é😀]{0,200}") {
        let (s, t) = segment(&text);
        prop_assert_eq!(check(&text, &s, &t), Ok(()));
    }

    #[test]
    fn newsy_pieces(text in newsy()) {
        let (s, t) = segment(&text);
        prop_assert_eq!(check(&text, &s, &t), Ok(()));
    }
}

#[test]
fn fixed_cases() {
    for text in [
        "",
        " ",
        "\u{feff}",
        "a",
        ".",
        "...\n...",
        "\"",
        "KYIV, Nov 6 (Reuters) - Russia said. “Yes,” he said.",
        "a'",
        "'",
        "’’",
        "x\u{301}\u{301}",
        "@",
        "#",
        "http://",
        "www.",
        "a@",
        "@b.",
        "1-",
        "-1",
        "(",
        "(a",
        "\r",
        "\u{2029}",
        "\u{85}",
    ] {
        let (s, t) = segment(text);
        assert_eq!(check(text, &s, &t), Ok(()), "text {text:?}");
    }
}
