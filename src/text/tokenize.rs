//! Tokenisation into syntactic words (Universal Dependencies conventions), on bytes.
//!
//! The text is cut at whitespace into chunks; each chunk is cut into tokens by a left-to-right
//! scan with a few bounded look-aheads, so the whole pass is linear in the text length.

use super::chars::{
    char_at, char_before, is_ascii_space, is_emoji, is_emoji_cont, is_lower, is_space,
    is_unicode_punct, is_upper, is_word_char,
};
use super::lexicon::{self, Abbrev};
use crate::document::TokenKind;

/// Token flags used by the sentence splitter.
pub(crate) mod flag {
    /// A run of `.`, `!`, `?` or an ellipsis.
    pub const FINAL: u16 = 1;
    /// A word with an attached period that may end a sentence (`Inc.`, `U.S.`, `J.`).
    pub const ABBR: u16 = 2;
    /// A word with an attached period that never ends a sentence (`Mr.`, `No.` before a number).
    pub const NOEND: u16 = 4;
    /// A closing quote or bracket candidate.
    pub const CLOSE: u16 = 8;
    /// A straight double quote.
    pub const DQUOTE: u16 = 16;
    /// A dash (`-`, `--`, `–`, `—`).
    pub const DASH: u16 = 32;
    /// The token continues the previous surface token (a clitic split off a contraction).
    pub const CLITIC: u16 = 64;
    /// An ellipsis (`...`, `…`).
    pub const ELLIPSIS: u16 = 128;
    /// An opening bracket.
    pub const OPEN: u16 = 256;
}

/// A token before sentence assignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Raw {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Kind.
    pub kind: TokenKind,
    /// Flags from [`flag`].
    pub flags: u16,
}

/// Appends the tokens of `text` to `out`.
pub(crate) fn tokenize(text: &str, out: &mut Vec<Raw>) {
    let b = text.as_bytes();
    let n = b.len();
    let mut i = 0;
    while i < n {
        let c = b[i];
        if c < 0x80 {
            if is_ascii_space(c) {
                i += 1;
                continue;
            }
        } else {
            let (ch, l) = char_at(text, i);
            if is_space(ch) {
                i += l;
                continue;
            }
        }
        let mut j = i;
        while j < n {
            let c = b[j];
            if c < 0x80 {
                if is_ascii_space(c) {
                    break;
                }
                j += 1;
            } else {
                let (ch, l) = char_at(text, j);
                if is_space(ch) {
                    break;
                }
                j += l;
            }
        }
        Chunk {
            text,
            b,
            s: i,
            e: j,
            out: &mut *out,
        }
        .run();
        i = j;
    }
}

struct Chunk<'a, 'o> {
    text: &'a str,
    b: &'a [u8],
    s: usize,
    e: usize,
    out: &'o mut Vec<Raw>,
}

#[inline]
fn lower_eq(hay: &[u8], at: usize, needle: &[u8]) -> bool {
    hay.get(at..at + needle.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(needle))
}

impl Chunk<'_, '_> {
    #[inline]
    fn push(&mut self, start: usize, end: usize, kind: TokenKind, flags: u16) {
        if end > start {
            self.out.push(Raw {
                start,
                end,
                kind,
                flags,
            });
        }
    }

    /// The char at `i` if inside the chunk.
    #[inline]
    fn ch(&self, i: usize) -> Option<char> {
        if i < self.e {
            Some(char_at(self.text, i).0)
        } else {
            None
        }
    }

    fn run(&mut self) {
        let mut p = self.s;
        while p < self.e {
            let (c, l) = char_at(self.text, p);
            let q = if is_word_char(c) {
                self.word(p, p)
            } else {
                self.punct(p, c, l)
            };
            // Always make progress, whatever happened.
            p = if q > p { q } else { p + l.max(1) };
        }
    }

    /// A URL starting at `p`, returning its end.
    fn url(&self, p: usize) -> Option<usize> {
        let b = self.b;
        if !matches!(b[p], b'h' | b'H' | b'f' | b'F' | b'w' | b'W') {
            return None;
        }
        let hit = lower_eq(b, p, b"http://")
            || lower_eq(b, p, b"https://")
            || lower_eq(b, p, b"ftp://")
            || (lower_eq(b, p, b"www.") && b.get(p + 4).is_some_and(u8::is_ascii_alphanumeric));
        if !hit || p + 4 > self.e {
            return None;
        }
        let mut q = self.e;
        let has_paren = b[p..self.e].contains(&b'(');
        while q > p {
            let Some(c) = char_before(self.text, q) else {
                break;
            };
            let strip = match c {
                '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '"' | ']' | '}' | '>' => true,
                ')' => !has_paren,
                c if !c.is_ascii() => is_unicode_punct(c),
                _ => false,
            };
            if !strip {
                break;
            }
            q -= c.len_utf8();
        }
        (q > p + 4).then_some(q)
    }

    /// A file name with a known extension (`ld2d-#69366-1.DOC`, `02-05-02.doc`) at `p`.
    fn filename(&self, p: usize) -> Option<usize> {
        let b = self.b;
        let mut q = p;
        let mut last_dot = None;
        let mut joiners = false;
        while q < self.e {
            match b[q] {
                c if c.is_ascii_alphanumeric() => {}
                b'-' | b'_' | b'#' => joiners = true,
                b'.' => last_dot = Some(q),
                _ => break,
            }
            q += 1;
        }
        let d = last_dot?;
        (joiners && d > p && d + 1 < q && is_file_ext(&b[d + 1..q])).then_some(q)
    }

    /// An e-mail domain after `@` at `at`; returns the end when it looks like one.
    fn email_end(&self, at: usize) -> Option<usize> {
        let b = self.b;
        let mut q = at + 1;
        let mut word = false;
        while q < self.e {
            let c = b[q];
            if c.is_ascii_alphanumeric() {
                word = true;
                q += 1;
            } else if matches!(c, b'.' | b'-' | b'_') {
                q += 1;
            } else if c >= 0x80 {
                let (ch, l) = char_at(self.text, q);
                if is_word_char(ch) {
                    word = true;
                    q += l;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        while q > at + 1 && matches!(b[q - 1], b'.' | b'-' | b'_') {
            q -= 1;
        }
        (word && q > at + 1).then_some(q)
    }

    /// Whether `.` at `q` glues two sentences (`end.Next`).
    fn glued_sentence(&self, seg: usize, q: usize) -> bool {
        let b = self.b;
        q - seg >= 2
            && b[seg..q].iter().all(u8::is_ascii_lowercase)
            && b.get(q + 1).is_some_and(u8::is_ascii_uppercase)
            && b.get(q + 2).is_some_and(u8::is_ascii_lowercase)
            && q + 2 < self.e
    }

    /// Length of the digit run at `i` (at most 6).
    fn digits_at(&self, i: usize) -> usize {
        let mut k = 0;
        while k < 6 && i + k < self.e && self.b[i + k].is_ascii_digit() {
            k += 1;
        }
        k
    }

    /// Length of the ASCII letter run at `i` (at most 8).
    fn alpha_run(&self, i: usize) -> usize {
        let mut k = 0;
        while k < 8 && i + k < self.e && self.b[i + k].is_ascii_alphabetic() {
            k += 1;
        }
        k
    }

    /// Whether the first non-space byte after `i` (within a few bytes) is a digit.
    fn digit_follows(&self, i: usize) -> bool {
        let b = self.b;
        let mut k = i;
        while k < b.len() && k < i + 4 && matches!(b[k], b' ' | b'\t') {
            k += 1;
        }
        b.get(k).is_some_and(u8::is_ascii_digit)
    }

    /// Whether only spaces separate `i` from the start of its line.
    fn at_line_start(&self, i: usize) -> bool {
        let b = self.b;
        let mut k = i;
        let lim = i.saturating_sub(8);
        while k > lim {
            match b[k - 1] {
                b' ' | b'\t' => k -= 1,
                b'\n' | b'\r' => return true,
                _ => return false,
            }
        }
        k == 0
    }

    /// A word (letters, digits and inner connectors) whose scan starts at `from`; the token
    /// starts at `start` (earlier when a leading `.` or `+` belongs to a number).
    #[allow(clippy::too_many_lines)]
    fn word(&mut self, start: usize, from: usize) -> usize {
        let (t, b, e) = (self.text, self.b, self.e);
        if start == from {
            if let Some(q) = self.url(start) {
                self.push(start, q, TokenKind::Special, 0);
                return q;
            }
        }
        let mut q = from;
        let mut seg = from;
        let mut inner_period = false;
        let mut phone = false;
        loop {
            while q < e {
                let c = b[q];
                if c < 0x80 {
                    if c.is_ascii_alphanumeric() {
                        q += 1;
                    } else {
                        break;
                    }
                } else {
                    let (ch, l) = char_at(t, q);
                    if is_word_char(ch) {
                        q += l;
                    } else {
                        break;
                    }
                }
            }
            if q + 1 >= e {
                break;
            }
            let c = b[q];
            let left = b[q - 1];
            let (nc, _) = char_at(t, q + 1);
            let join = match c {
                b'.' if b[q..].starts_with(b"...@") => {
                    if let Some(end) = self.email_end(q + 3) {
                        self.push(start, end, TokenKind::Special, 0);
                        return end;
                    }
                    false
                }
                b'.' => is_word_char(nc) && !self.glued_sentence(seg, q),
                b',' => {
                    left.is_ascii_digit()
                        && self.digits_at(q + 1) == 3
                        && !b.get(q + 4).is_some_and(u8::is_ascii_digit)
                        && q + 4 <= e
                }
                b':' => left.is_ascii_digit() && nc.is_ascii_digit(),
                b'/' => {
                    (left.is_ascii_digit() && nc.is_ascii_digit())
                        || (q - seg <= 2
                            && b[seg..q].iter().all(u8::is_ascii_alphabetic)
                            && self.alpha_run(q + 1) <= 2
                            && self.alpha_run(q + 1) >= 1
                            && b.get(q + 1 + self.alpha_run(q + 1))
                                .is_none_or(|&x| x != b'/'))
                }
                b'&' => left.is_ascii_alphabetic() && nc.is_ascii_alphabetic(),
                b'_' => is_word_char(nc),
                b'\'' | b'`' => {
                    (left.is_ascii_alphabetic() && nc.is_alphabetic())
                        || (left.is_ascii_digit()
                            && nc == 's'
                            && !b.get(q + 2).is_some_and(u8::is_ascii_alphanumeric))
                }
                0xE2 if b.get(q + 1) == Some(&0x80) && b.get(q + 2) == Some(&0x99) => {
                    // Right single quote used as an apostrophe.
                    let next = self.ch(q + 3);
                    if char_before(t, q).is_some_and(char::is_alphabetic)
                        && next.is_some_and(char::is_alphabetic)
                    {
                        q += 3;
                        continue;
                    }
                    false
                }
                b'-' => {
                    if !is_word_char(nc) {
                        false
                    } else if nc.is_alphabetic()
                        && b[seg..q].iter().all(u8::is_ascii_alphabetic)
                        && lexicon::is_joined_prefix(&b[seg..q])
                    {
                        true
                    } else if nc.is_ascii_digit() && b[seg..q].iter().all(u8::is_ascii_digit) {
                        let l = q - seg;
                        let r = self.digits_at(q + 1);
                        let after = b.get(q + 1 + r).copied();
                        let right_ends = after.is_none_or(|x| !x.is_ascii_alphanumeric());
                        let ok = right_ends
                            && (phone
                                || (l == 3 && (r == 3 || r == 4))
                                || (l == 1 && (r == 3 || r == 4))
                                || (l == 4 && r == 2 && after == Some(b'-')));
                        phone |= ok;
                        ok
                    } else {
                        false
                    }
                }
                b'@' => {
                    if let Some(end) = self.email_end(q) {
                        self.push(start, end, TokenKind::Special, 0);
                        return end;
                    }
                    false
                }
                _ => false,
            };
            if !join {
                // A file name such as `ld2d-#69366-1.DOC` or `02-05-02.doc`.
                if matches!(c, b'-' | b'_' | b'#') && start == from {
                    let opener = start == self.s
                        || matches!(b[start - 1], b'<' | b'(' | b'"' | b'[' | b'\'' | b'/');
                    if let Some(end) = if opener { self.filename(start) } else { None } {
                        self.push(start, end, TokenKind::Word, 0);
                        return end;
                    }
                }
                break;
            }
            if c == b'.' {
                inner_period = true;
            }
            q += 1;
            seg = q;
        }

        let kind = if b[start].is_ascii_digit() || start != from {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        let w = &b[start..q];

        // A trailing hyphen stays on a word (`f-`, `pre-`) unless a dash run follows.
        if q < e && b[q] == b'-' && b[q - 1].is_ascii_alphabetic() {
            let next = self.ch(q + 1);
            if next.is_none_or(|c| c != '-' && !is_word_char(c)) {
                self.push(start, q + 1, kind, 0);
                return q + 1;
            }
        }

        // A trailing period: abbreviation or sentence punctuation.
        // `Inc..` is `Inc.` and a full stop; `...` stays an ellipsis.
        let double = b.get(q + 1) == Some(&b'.') && b.get(q + 2) != Some(&b'.');
        if q < e && b[q] == b'.' && (b.get(q + 1) != Some(&b'.') || double) {
            let fl = if inner_period {
                if w.split(|&x| x == b'.')
                    .all(|g| g.len() <= 3 && g.iter().all(u8::is_ascii_alphabetic))
                {
                    flag::ABBR
                } else {
                    0
                }
            } else {
                match abbrev_any_case(w) {
                    Abbrev::Title => flag::NOEND,
                    Abbrev::Plain => flag::ABBR,
                    Abbrev::BeforeNumber if q + 1 == e && self.digit_follows(q + 1) => flag::NOEND,
                    _ if w.len() == 1 && w[0].is_ascii_uppercase() && w[0] != b'I' => flag::ABBR,
                    _ if w.len() <= 2
                        && w.iter().all(u8::is_ascii_digit)
                        && q + 1 == e
                        && start == self.s
                        && self.at_line_start(start) =>
                    {
                        flag::NOEND
                    }
                    _ => 0,
                }
            };
            if fl != 0 && (!double || fl == flag::ABBR) {
                self.push(start, q + 1, kind, fl);
                return q + 1;
            }
        }

        // A number with a unit or multiplier (`5pm`, `35mm`, `1.2bn`) is two words; ordinals
        // (`3rd`), decades (`1980s`) and single capitals (`4G`) stay whole.
        if kind == TokenKind::Number && start == from {
            if let Some(k) = w.iter().position(u8::is_ascii_alphabetic) {
                let (num, unit) = w.split_at(k);
                let keep = unit.len() == 1 && unit[0].is_ascii_uppercase()
                    || [&b"th"[..], b"st", b"nd", b"rd", b"s"]
                        .iter()
                        .any(|x| x.eq_ignore_ascii_case(unit));
                if !keep
                    && num.last().is_some_and(u8::is_ascii_digit)
                    && unit.iter().all(u8::is_ascii_alphabetic)
                {
                    self.push(start, start + k, kind, 0);
                    self.push(start + k, q, TokenKind::Word, 0);
                    return q;
                }
            }
        }

        // Contractions.
        if kind == TokenKind::Word {
            if let Some(k) = clitic_split(w) {
                self.push(start, start + k, kind, 0);
                self.push(start + k, q, TokenKind::Word, flag::CLITIC);
                return self.possessive(q);
            }
        }
        self.push(start, q, kind, 0);
        self.possessive(q)
    }

    /// After a word ending at `q`: a possessive apostrophe (`Edwards'`) becomes a clitic token.
    fn possessive(&mut self, q: usize) -> usize {
        let b = self.b;
        if q >= self.e || !matches!(b[q - 1], b's' | b'S') {
            return q;
        }
        let (c, l) = char_at(self.text, q);
        if (c == '\'' || c == '\u{2019}')
            && self.ch(q + l).is_none_or(|n| !is_word_char(n) && n != c)
        {
            self.push(q, q + l, TokenKind::Punct, flag::CLITIC | flag::CLOSE);
            return q + l;
        }
        q
    }

    /// End of a run of chars satisfying `f` starting at `p`.
    fn run_of(&self, p: usize, f: impl Fn(char) -> bool) -> usize {
        let mut q = p;
        while q < self.e {
            let (c, l) = char_at(self.text, q);
            if !f(c) {
                break;
            }
            q += l;
        }
        q
    }

    fn punct(&mut self, p: usize, c: char, l: usize) -> usize {
        let b = self.b;
        let e = self.e;
        let prev_word = p > self.s && char_before(self.text, p).is_some_and(is_word_char);
        let next = self.ch(p + l);
        match c {
            '.' if next.is_some_and(|n| n.is_ascii_digit()) && !prev_word => self.word(p, p + 1),
            '+' if next.is_some_and(|n| n.is_ascii_digit()) && p == self.s => self.word(p, p + 1),
            '.' | '!' | '?' => {
                let mut q = self.run_of(p, |x| matches!(x, '.' | '!' | '?'));
                let lead = self.run_of(p, |x| x == '.');
                if lead - p >= 2 && lead < q {
                    q = lead; // `...?` → `...` `?`
                }
                let dots = b[p..q].iter().filter(|&&x| x == b'.').count();
                let fl = if dots >= 2 {
                    flag::FINAL | flag::ELLIPSIS
                } else {
                    flag::FINAL
                };
                self.push(p, q, TokenKind::Punct, fl);
                q
            }
            '\u{2018}' | '\u{2019}'
                if next.is_some_and(|n| matches!(n, '\u{2018}' | '\u{2019}')) =>
            {
                let q = self.run_of(p, |x| matches!(x, '\u{2018}' | '\u{2019}'));
                self.push(p, q, TokenKind::Punct, flag::CLOSE);
                q
            }
            '\u{2026}' => {
                let q = self.run_of(p, |x| matches!(x, '\u{2026}' | '.'));
                self.push(p, q, TokenKind::Punct, flag::FINAL | flag::ELLIPSIS);
                q
            }
            '@' | '#'
                if !prev_word
                    && next.is_some_and(|n| {
                        if c == '#' {
                            n.is_alphabetic()
                        } else {
                            is_word_char(n) || n == '_'
                        }
                    }) =>
            {
                let q = self.run_of(p + 1, |x| is_word_char(x) || x == '_');
                self.push(p, q, TokenKind::Special, 0);
                q
            }
            ':' | ';' | '=' if !prev_word && self.emoticon(p).is_some() => {
                let q = self.emoticon(p).unwrap_or(p + 1);
                self.push(p, q, TokenKind::Symbol, 0);
                q
            }
            '\'' | '\u{2019}' | '`' if p == self.s => {
                // A clitic written apart (`Jones 's`).
                let q = self.run_of(p + l, |x| x.is_ascii_alphabetic());
                let w = &b[p + l..q];
                let is_clitic = (q == e || self.ch(q).is_some_and(|x| !is_word_char(x)))
                    && matches!(
                        w.to_ascii_lowercase().as_slice(),
                        b"s" | b"m" | b"d" | b"re" | b"ve" | b"ll" | b"em"
                    );
                if is_clitic {
                    self.push(p, q, TokenKind::Word, 0);
                    return q;
                }
                // A decade (`'70s`).
                let d = p + l;
                if self.digits_at(d) == 2
                    && b.get(d + 2) == Some(&b's')
                    && !b.get(d + 3).is_some_and(u8::is_ascii_alphanumeric)
                    && d + 3 <= e
                {
                    self.push(p, d + 3, TokenKind::Number, 0);
                    return d + 3;
                }
                self.same_run(p, c)
            }
            '-' | '=' | '+' | '*' | '~' | '_' | '^' | '#' | '<' | '>' => {
                // Dashes and line-drawing runs (`---`, `==>`, `*~*~*`, `^_^`).
                let q = self.run_of(p, |x| {
                    matches!(x, '-' | '=' | '+' | '*' | '~' | '_' | '^' | '#' | '<' | '>')
                });
                let fl = if b[p..q].iter().all(|&x| x == b'-') {
                    flag::DASH
                } else {
                    0
                };
                self.push(p, q, TokenKind::Punct, fl);
                q
            }
            '\u{2013}' | '\u{2014}' | '\u{2015}' => {
                let q = self.run_of(p, |x| x == c);
                self.push(p, q, TokenKind::Punct, flag::DASH);
                q
            }
            '$' | '/' | '\\' | ',' => self.same_run(p, c),
            '"' => {
                self.push(p, p + 1, TokenKind::Punct, flag::DQUOTE | flag::CLOSE);
                p + 1
            }
            ')' | ']' | '}' | '\u{201D}' | '\u{2019}' | '\u{BB}' | '\'' => {
                if c == '\'' && next == Some('\'') {
                    return self.same_run(p, c);
                }
                self.push(p, p + l, TokenKind::Punct, flag::CLOSE);
                p + l
            }
            '(' if p == self.s && self.enumerator(p).is_some() => {
                let q = self.enumerator(p).unwrap_or(p + 1);
                self.push(p, q, TokenKind::Punct, 0);
                q
            }
            '(' | '[' | '{' => {
                self.push(p, p + 1, TokenKind::Punct, flag::OPEN);
                p + 1
            }
            '|' | '`' => self.same_run(p, c),
            c if is_emoji(c) => {
                let q = self.run_of(p, is_emoji_cont);
                self.push(p, q, TokenKind::Symbol, 0);
                q
            }
            c if c.is_ascii() || is_unicode_punct(c) => {
                self.push(p, p + l, TokenKind::Punct, 0);
                p + l
            }
            _ => {
                self.push(p, p + l, TokenKind::Symbol, 0);
                p + l
            }
        }
    }

    /// `(a)`, `(iv)`, `(3)` alone in a chunk: one token.
    fn enumerator(&self, p: usize) -> Option<usize> {
        let b = self.b;
        let close = if b[p] == b'(' { b')' } else { b']' };
        let mut q = p + 1;
        while q < self.e && q < p + 5 && b[q] != close {
            q += 1;
        }
        if q >= self.e || b[q] != close {
            return None;
        }
        let inner = &b[p + 1..q];
        let ok = close == b')'
            && ((inner.len() == 1 && inner[0].is_ascii_alphanumeric())
                || (!inner.is_empty() && inner.iter().all(|c| matches!(c, b'i' | b'v' | b'x'))));
        let end_ok = q + 1 == self.e
            || self
                .ch(q + 1)
                .is_some_and(|c| matches!(c, ',' | ';' | ':' | '.'));
        (ok && end_ok).then_some(q + 1)
    }

    fn same_run(&mut self, p: usize, c: char) -> usize {
        let q = self.run_of(p, |x| x == c);
        let fl = if c == '\'' || c == '`' {
            flag::CLOSE
        } else {
            0
        };
        self.push(p, q, TokenKind::Punct, fl);
        q
    }

    /// An emoticon such as `:)`, `;-)`, `:D` at `p`, ending the chunk or before punctuation.
    fn emoticon(&self, p: usize) -> Option<usize> {
        let b = self.b;
        let mut q = p + 1;
        if b.get(q) == Some(&b'-') {
            q += 1;
        }
        let m = *b.get(q)?;
        if q >= self.e || !matches!(m, b')' | b'(' | b'D' | b'P' | b'p' | b'/') {
            return None;
        }
        q += 1;
        while q < self.e && b[q] == m && matches!(m, b')' | b'(') {
            q += 1;
        }
        if q < self.e && (b[q].is_ascii_alphanumeric() || b[q] >= 0x80) {
            return None;
        }
        if m == b'/' && q < self.e {
            return None;
        }
        Some(q)
    }
}

/// File extensions that make `name-with-parts.ext` one token.
fn is_file_ext(w: &[u8]) -> bool {
    const E: [&[u8]; 22] = [
        b"doc", b"docx", b"pdf", b"xls", b"xlsx", b"ppt", b"pptx", b"txt", b"htm", b"html", b"jpg",
        b"jpeg", b"png", b"gif", b"zip", b"csv", b"xml", b"exe", b"mp3", b"mp4", b"wav", b"rtf",
    ];
    E.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// [`lexicon::abbrev`], also for ALL-CAPS forms (`LTD`, `GEN`).
fn abbrev_any_case(w: &[u8]) -> Abbrev {
    let a = lexicon::abbrev(w);
    if a != Abbrev::No || w.len() < 2 || w.len() > 6 || !w.iter().all(u8::is_ascii_uppercase) {
        return a;
    }
    let mut buf = [0u8; 6];
    for (i, (d, s)) in buf.iter_mut().zip(w).enumerate() {
        *d = if i == 0 { *s } else { s.to_ascii_lowercase() };
    }
    lexicon::abbrev(&buf[..w.len()])
}

/// Where a contraction splits (`don't` → 2, `I'm` → 1, `gonna` → 3), if it is one.
pub(crate) fn clitic_split(w: &[u8]) -> Option<usize> {
    let n = w.len();
    for sl in [1usize, 2] {
        if n < sl + 2 {
            continue;
        }
        let sfx = &w[n - sl..];
        let ok = match sl {
            1 => matches!(sfx[0].to_ascii_lowercase(), b's' | b'm' | b'd' | b't'),
            _ => {
                let s = [sfx[0].to_ascii_lowercase(), sfx[1].to_ascii_lowercase()];
                matches!(&s, b"re" | b"ve" | b"ll")
            }
        };
        if !ok {
            continue;
        }
        let apos = if matches!(w[n - sl - 1], b'\'' | b'`') {
            Some(n - sl - 1)
        } else if n >= sl + 3 && w[n - sl - 3..n - sl] == [0xE2, 0x80, 0x99] {
            Some(n - sl - 3)
        } else {
            None
        };
        let Some(a) = apos else { continue };
        if sl == 1 && sfx[0].eq_ignore_ascii_case(&b't') {
            if a >= 2 && w[a - 1].eq_ignore_ascii_case(&b'n') {
                return Some(a - 1);
            }
            return None;
        }
        return (a > 0).then_some(a);
    }
    if w.iter().all(u8::is_ascii_alphabetic) {
        // Mixed case such as `CanNot` is left alone.
        let caps = w.iter().filter(|c| c.is_ascii_uppercase()).count();
        if caps == 0 || caps == n || (caps == 1 && w[0].is_ascii_uppercase()) {
            return lexicon::apostropheless_split(w);
        }
    }
    None
}

/// Whether `c` starts a sentence-like word (uppercase, or a letter without case).
pub(crate) fn starts_upper(c: char) -> bool {
    is_upper(c) || (c.is_alphabetic() && !is_lower(c) && !c.is_ascii())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        let mut v = Vec::new();
        tokenize(s, &mut v);
        v.iter().map(|r| &s[r.start..r.end]).collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &str)] = &[
            ("Hello, world.", "Hello|,|world|."),
            ("don't can't won't I'm", "do|n't|ca|n't|wo|n't|I|'m"),
            (
                "Putin's Pyongyang’s Edwards'",
                "Putin|'s|Pyongyang|’s|Edwards|'",
            ),
            ("cannot gonna Dont", "can|not|gon|na|Do|nt"),
            ("the U.S. and Mr. Smith", "the|U.S.|and|Mr.|Smith"),
            ("J. R. R. Tolkien", "J.|R.|R.|Tolkien"),
            (
                "11,000 3.5 1.2bn $40 40% 10:30 3rd 5pm 1980s 4G",
                "11,000|3.5|1.2|bn|$|40|40|%|10:30|3rd|5|pm|1980s|4G",
            ),
            (
                "2024-11-06 713-654-0365 1969-1970",
                "2024-11-06|713-654-0365|1969|-|1970",
            ),
            (
                "a 15-year term, non-stop e-mail",
                "a|15|-|year|term|,|non-stop|e-mail",
            ),
            ("see http://x.org/a?b=1. ok", "see|http://x.org/a?b=1|.|ok"),
            (
                "mail bob.s@ex.com, @user #tag",
                "mail|bob.s@ex.com|,|@user|#tag",
            ),
            ("end.Next one", "end|.|Next|one"),
            ("via Reuters]Russia has", "via|Reuters|]|Russia|has"),
            ("\"Hi!\" he said...", "\"|Hi|!|\"|he|said|..."),
            (
                "Wait… what?! — yes – no -- ok",
                "Wait|…|what|?!|—|yes|–|no|--|ok",
            ),
            ("b/c 9/11 and/or", "b/c|9/11|and|/|or"),
            (
                "Hm =====> A++ ^_^ ...? '70s 'em",
                "Hm|=====>|A|++|^_^|...|?|'70s|'em",
            ),
            (
                "(a) <<ld2d-#69366-1.DOC>> mayur...@yahoo.com",
                "(a)|<<|ld2d-#69366-1.DOC|>>|mayur...@yahoo.com",
            ),
            ("Hi :) bye 😀👍🏽 ok", "Hi|:)|bye|😀👍🏽|ok"),
            ("Москва, 東京 ok", "Москва|,|東京|ok"),
            ("No. 5 and no. Fine", "No.|5|and|no|.|Fine"),
            (
                "CCNG, Inc.. On ACME LTD., x",
                "CCNG|,|Inc.|.|On|ACME|LTD.|,|x",
            ),
            (".265 +852 AT&T", ".265|+852|AT&T"),
            ("f- the (so)", "f-|the|(|so|)"),
        ];
        for (input, want) in cases {
            assert_eq!(toks(input).join("|"), *want, "input: {input}");
        }
    }

    #[test]
    fn clitics() {
        let cases: &[(&str, Option<usize>)] = &[
            ("don't", Some(2)),
            ("can't", Some(2)),
            ("I'm", Some(1)),
            ("they're", Some(4)),
            ("O'Brien", None),
            ("y'all", None),
            ("it's", Some(2)),
            ("'s", None),
        ];
        for (w, want) in cases {
            assert_eq!(clitic_split(w.as_bytes()), *want, "{w}");
        }
    }
}
