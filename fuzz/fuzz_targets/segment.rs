//! Fuzz target: `segment` never panics and its spans are consistent on any UTF-8 input.
#![no_main]

use eventframe::text::segment;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (sents, toks) = segment(text);
    let mut pos = 0usize;
    for (i, t) in toks.iter().enumerate() {
        let (s, e) = (t.span.start, t.span.end);
        assert!(s < e && e <= text.len(), "token {i}: bad span {s}..{e}");
        assert!(
            text.is_char_boundary(s) && text.is_char_boundary(e),
            "token {i}: not on char boundaries"
        );
        assert!(s >= pos, "token {i}: overlaps the previous token");
        assert!(
            text[pos..s].chars().all(char::is_whitespace),
            "token {i}: text skipped before it"
        );
        assert!(
            !text[s..e].chars().any(char::is_whitespace),
            "token {i}: holds whitespace"
        );
        pos = e;
    }
    assert!(
        text[pos..].chars().all(char::is_whitespace),
        "trailing text in no token"
    );
    let mut next = 0u32;
    let mut last_end = 0usize;
    for (k, s) in sents.iter().enumerate() {
        assert_eq!(
            s.token_start, next,
            "sentence {k}: token ranges not contiguous"
        );
        assert!(s.token_end > s.token_start, "sentence {k}: empty");
        let (a, b) = (s.token_start as usize, s.token_end as usize);
        assert!(b <= toks.len(), "sentence {k}: past the tokens");
        assert_eq!(s.span.start, toks[a].span.start, "sentence {k}: span start");
        assert_eq!(s.span.end, toks[b - 1].span.end, "sentence {k}: span end");
        assert!(
            s.span.start >= last_end,
            "sentence {k}: overlaps the previous sentence"
        );
        assert!(
            toks[a..b].iter().all(|t| t.sentence as usize == k),
            "sentence {k}: token indices"
        );
        last_end = s.span.end;
        next = s.token_end;
    }
    assert_eq!(next as usize, toks.len(), "tokens outside every sentence");
});
