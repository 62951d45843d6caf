//! Sentence segmentation over tokens: punctuation, quotes, abbreviations, line breaks,
//! datelines and glued captions. One pass, constant work per token.

use super::chars::{char_at, is_emoji, is_lower, is_upper};
use super::lexicon;
use super::tokenize::{flag, starts_upper, Raw};
use crate::document::TokenKind;

/// Newlines in `b[from..to]` (a run of whitespace); `\r\n` counts once, U+2029 twice.
fn newlines(b: &[u8], from: usize, to: usize) -> u32 {
    if to <= from + 1 && b.get(from).is_some_and(|&c| c == b' ') {
        return 0;
    }
    let mut n = 0;
    let mut i = from;
    while i < to {
        match b[i] {
            b'\n' => n += 1,
            b'\r' if b.get(i + 1) != Some(&b'\n') => n += 1,
            0xC2 if b.get(i + 1) == Some(&0x85) => n += 1,
            0xE2 if b.get(i + 1) == Some(&0x80) => match b.get(i + 2) {
                Some(0xA8) => n += 1,
                Some(0xA9) => n += 2,
                _ => {}
            },
            _ => {}
        }
        i += 1;
    }
    n
}

/// Whether the line after the last newline in `b[from..to]` is indented (a new paragraph in
/// hard-wrapped text).
fn indented(b: &[u8], from: usize, to: usize) -> bool {
    let gap = &b[from..to];
    gap.iter().rposition(|&c| c == b'\n').is_some_and(|k| {
        let rest = &gap[k + 1..];
        rest.first() == Some(&b'\t') || rest.starts_with(b"  ")
    })
}

/// Whether the text is hard-wrapped (lines broken at a fixed width inside sentences), in which
/// case a single newline is not a sentence boundary by itself.
pub(crate) fn is_hard_wrapped(text: &str) -> bool {
    let b = text.as_bytes();
    let (mut lines, mut long, mut single, mut cont) = (0usize, 0usize, 0usize, 0usize);
    // Whether the previous non-blank line ended inside a sentence (no final punctuation).
    let mut prev_open: Option<bool> = None;
    for line in b.split(|&c| c == b'\n') {
        let t = line.trim_ascii();
        if t.is_empty() {
            prev_open = None;
            continue;
        }
        lines += 1;
        if t.len() > 100 {
            long += 1;
        }
        if let Some(open) = prev_open {
            single += 1;
            if open && (t[0].is_ascii_lowercase() || t[0].is_ascii_digit() || t[0] == b'(') {
                cont += 1;
            }
        }
        let last = t[t.len() - 1];
        prev_open = Some(!matches!(last, b'.' | b'!' | b'?' | b':' | b'"' | b'\''));
    }
    single >= 2 && long * 10 <= lines && cont * 10 >= single * 3
}

/// The first char of a token and whether its second char is a lowercase letter.
fn head(text: &str, t: &Raw) -> (char, bool) {
    let (c, l) = char_at(text, t.start);
    let second = t.start + l < t.end && is_lower(char_at(text, t.start + l).0);
    (c, second)
}

/// Whether a token can open a sentence after final punctuation.
fn opens_sentence(text: &str, t: &Raw) -> bool {
    let (c, _) = head(text, t);
    if t.flags & (flag::OPEN | flag::DQUOTE) != 0 {
        return true;
    }
    starts_upper(c)
        || c.is_ascii_digit()
        || matches!(
            c,
            '\u{201C}' | '\u{2018}' | '\u{AB}' | '\u{BF}' | '\u{A1}' | '\'' | '*' | '#' | '@' | '$'
        )
        || is_emoji(c)
}

/// Sentence ends (exclusive token indices) for `toks`, in order; the last is `toks.len()`.
pub(crate) fn split(text: &str, toks: &[Raw]) -> Vec<usize> {
    let b = text.as_bytes();
    let n = toks.len();
    let mut ends = Vec::with_capacity(n / 16 + 1);
    if n == 0 {
        return ends;
    }
    let wrapped = b.contains(&b'\n') && is_hard_wrapped(text);
    let tok = |i: usize| -> &[u8] { &b[toks[i].start..toks[i].end] };
    let mut start = 0usize;
    let mut dq = 0u32;
    let mut i = 0usize;
    while i + 1 < n {
        let t = toks[i];
        if t.flags & flag::DQUOTE != 0 {
            dq += 1;
        }
        let nl = newlines(b, t.end, toks[i + 1].start);
        let mut end_after = None;
        if nl >= 2 || (nl == 1 && (!wrapped || indented(b, t.end, toks[i + 1].start))) {
            end_after = Some(i);
        } else if t.flags & (flag::FINAL | flag::ABBR) != 0 {
            // Absorb closing quotes and brackets.
            let mut j = i;
            let mut dqj = dq;
            while j + 1 < n {
                let c = toks[j + 1];
                if c.flags & flag::CLOSE == 0 {
                    break;
                }
                let glued = c.start == toks[j].end;
                let glued_right = toks.get(j + 2).is_some_and(|x| x.start == c.end);
                let is_dq = c.flags & flag::DQUOTE != 0;
                let ok = if glued {
                    !is_dq || dqj % 2 == 1 || !glued_right
                } else {
                    // A quote with space on both sides closes only an open quotation.
                    is_dq && !glued_right && dqj % 2 == 1 && newlines(b, toks[j].end, c.start) == 0
                };
                if !ok {
                    break;
                }
                if is_dq {
                    dqj += 1;
                }
                j += 1;
            }
            // A reference after the sentence: `... end. [3] Next`.
            while j + 3 < n
                && tok(j + 1) == b"["
                && toks[j + 2].kind == TokenKind::Number
                && tok(j + 3) == b"]"
                && newlines(b, toks[j].end, toks[j + 1].start) == 0
            {
                j += 3;
            }
            let quoted = j > i;
            // A list number opening the sentence (`3. I expect`) is not a sentence.
            let list_item = tok(i) == b"."
                && i == start + 1
                && toks[start].kind == TokenKind::Number
                && toks[start].end - toks[start].start <= 2
                && toks[start].end == t.start;
            if j + 1 < n && !list_item {
                let nx = toks[j + 1];
                let gap = nx.start > toks[j].end;
                let brk = if !gap {
                    let (c, second) = head(text, &nx);
                    t.flags & flag::FINAL != 0
                        && t.flags & flag::ELLIPSIS == 0
                        && is_upper(c)
                        && second
                } else if t.flags & flag::ABBR != 0 {
                    lexicon::is_sentence_starter(tok(j + 1))
                } else if t.flags & flag::ELLIPSIS != 0 {
                    opens_sentence(text, &nx)
                } else {
                    // Web text often starts sentences in lowercase; a bare `.`, `!` or `?`
                    // (abbreviations keep their period) is a boundary unless punctuation follows.
                    let (c, _) = head(text, &nx);
                    opens_sentence(text, &nx) || (c.is_alphabetic() && !quoted)
                };
                if brk {
                    end_after = Some(j);
                }
            }
        } else if (t.kind == TokenKind::Special && tok(i).contains(&b'/'))
            || t.kind == TokenKind::Symbol
        {
            // After a URL or an emoticon: a capitalised word or another URL starts a sentence.
            let nx = toks[i + 1];
            let (c, second) = head(text, &nx);
            if nx.start > t.end
                && ((is_upper(c) && (second || tok(i + 1) == b"I"))
                    || (t.kind == TokenKind::Special && nx.kind == TokenKind::Special))
            {
                end_after = Some(i);
            }
        } else if tok(i) == b","
            && i > start
            && i - start <= 3
            && toks[i + 1].start > t.end
            && toks[i + 1].kind == TokenKind::Word
            && salutation(b, &toks[start..i], tok(i + 1))
        {
            // `Thanks, Anne` / `Jeff, SPLOID.com cited you` in e-mails and letters.
            end_after = Some(i);
        } else if matches!(tok(i), b")" | b"]") && toks[i + 1].start == t.end {
            // A caption glued to the next sentence: `...via Reuters]Russia has`.
            let (c, second) = head(text, &toks[i + 1]);
            if is_upper(c) && second {
                end_after = Some(i);
            }
        } else if t.flags & flag::DASH != 0
            && i > start
            && i - start <= 14
            && toks[i + 1].start > t.end
            && (i == 0 || toks[i - 1].end < t.start)
            && starts_upper(head(text, &toks[i + 1]).0)
            && is_dateline(b, &toks[start..i])
        {
            end_after = Some(i);
        }
        if let Some(j) = end_after {
            ends.push(j + 1);
            start = j + 1;
            dq = 0;
            i = j + 1;
        } else {
            i += 1;
        }
    }
    ends.push(n);
    ends
}

/// Whether `head` (the sentence so far, before a comma) is a letter closing (`Best regards`)
/// or a greeting by name (`Jeff`, `Hi Jeff`, `Dear Ms Smith`) before a word that usually
/// starts a sentence (`Jeff, I think`).
fn salutation(b: &[u8], head: &[Raw], next: &[u8]) -> bool {
    let w = |r: &Raw| &b[r.start..r.end];
    let closing = match head {
        [a] => lexicon::is_letter_closing(w(a), b""),
        [a, c] => lexicon::is_letter_closing(w(a), w(c)),
        _ => false,
    };
    if closing {
        return true;
    }
    if !lexicon::is_sentence_starter(next) {
        return false;
    }
    let names = match head {
        [a] => std::slice::from_ref(a),
        [g, rest @ ..] if lexicon::is_greeting(w(g)) => rest,
        _ => return false,
    };
    !names.is_empty()
        && names.iter().all(|r| {
            let x = w(r);
            x.first().is_some_and(u8::is_ascii_uppercase)
                && x.iter().all(|c| c.is_ascii_alphabetic() || *c == b'.')
                && !x.ends_with(b"ly")
                && !lexicon::is_discourse_word(x)
                && !lexicon::is_sentence_starter(x)
        })
}

/// Whether tokens before a dash look like a dateline (`KYIV, Nov 6 (Reuters)`, `WASHINGTON`).
fn is_dateline(b: &[u8], head: &[Raw]) -> bool {
    let text = |r: &Raw| &b[r.start..r.end];
    let k = head.len();
    if k >= 3 && text(&head[k - 1]) == b")" && text(&head[k - 3]) == b"(" {
        let w = text(&head[k - 2]);
        if w.first().is_some_and(u8::is_ascii_uppercase) {
            return true;
        }
    }
    let first = text(&head[0]);
    k <= 8
        && first.len() >= 3
        && first.iter().all(u8::is_ascii_uppercase)
        && head.iter().all(|r| r.flags & flag::FINAL == 0)
}

#[cfg(test)]
mod tests {
    use super::super::tokenize::tokenize;
    use super::*;

    fn sents(s: &str) -> Vec<String> {
        let mut v = Vec::new();
        tokenize(s, &mut v);
        let ends = split(s, &v);
        let mut out = Vec::new();
        let mut st = 0;
        for e in ends {
            out.push(s[v[st].start..v[e - 1].end].to_string());
            st = e;
        }
        out
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("One. Two! Three? four", &["One.", "Two!", "Three?", "four"]),
            (
                "Yes... and no, sir. (Maybe)",
                &["Yes... and no, sir.", "(Maybe)"],
            ),
            ("See http://x.org Then go", &["See http://x.org", "Then go"]),
            (
                "He said \"Go.\" Then left.",
                &["He said \"Go.\"", "Then left."],
            ),
            ("The U.S. Army. The end.", &["The U.S. Army.", "The end."]),
            (
                "Mr. Smith met Lt. Col. Jones. Done",
                &["Mr. Smith met Lt. Col. Jones.", "Done"],
            ),
            ("Acme Inc. The firm", &["Acme Inc.", "The firm"]),
            ("J. R. R. Tolkien wrote.", &["J. R. R. Tolkien wrote."]),
            (
                "Headline here\nBody text.",
                &["Headline here", "Body text."],
            ),
            ("end.Next one", &["end.", "Next one"]),
            ("via Reuters]Russia has", &["via Reuters]", "Russia has"]),
            (
                "KYIV, Nov 6 (Reuters) - Russia said.",
                &["KYIV, Nov 6 (Reuters) -", "Russia said."],
            ),
            ("(See this.) And that.", &["(See this.)", "And that."]),
            ("He said “no.” She left.", &["He said “no.”", "She left."]),
            ("Wait... what", &["Wait... what"]),
            ("No. 5 is here.", &["No. 5 is here."]),
            ("a\r\n\r\nb", &["a", "b"]),
            (
                "He said, \"She told me 'no.'\" Then left.",
                &["He said, \"She told me 'no.'\"", "Then left."],
            ),
            (
                "\"Go home!\" he said. Fine.",
                &["\"Go home!\" he said.", "Fine."],
            ),
            (
                "On Jan. 5 the firm met Gen. Smith at No. 10 St. James.",
                &["On Jan. 5 the firm met Gen. Smith at No. 10 St. James."],
            ),
            (
                "WASHINGTON (AP) — The bill passed.",
                &["WASHINGTON (AP) —", "The bill passed."],
            ),
            (
                "It grew 3.5 pct. Shares rose.",
                &["It grew 3.5 pct.", "Shares rose."],
            ),
            ("Thanks,\nAnne", &["Thanks,", "Anne"]),
        ];
        for (input, want) in cases {
            assert_eq!(sents(input), *want, "input: {input:?}");
        }
    }

    #[test]
    fn wrapped() {
        let t = "The company said it expected sales to rise this year as\nprices for its products improved, and that profits would\nbe higher than last year's levels. It gave no figures.\n";
        assert!(is_hard_wrapped(t));
        assert_eq!(sents(t).len(), 2);
        assert!(!is_hard_wrapped("Title\nA long paragraph."));
        let table = "Grain board figures show\ncrop registrations to\nFebruary 11, in brackets:\n    Bread wheat prev 1,655.8, total\n2,692.4 (4,161.0).\n    Maize total 48.0 (nil).\n";
        assert_eq!(sents(table).len(), 3);
    }
}
