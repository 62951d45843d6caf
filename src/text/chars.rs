//! Character classes used by the tokeniser, with ASCII fast paths.

/// Decodes the char starting at byte `i` of `text`, with its length in bytes.
///
/// `i` must be a char boundary; otherwise (never in this module) U+FFFD and 1 are returned.
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes();
    match b.get(i) {
        Some(&c) if c < 0x80 => (c as char, 1),
        Some(_) => match text.get(i..).and_then(|s| s.chars().next()) {
            Some(c) => (c, c.len_utf8()),
            None => ('\u{FFFD}', 1),
        },
        None => ('\0', 0),
    }
}

/// Decodes the char that ends just before byte `i` (`i` a char boundary, > 0).
#[inline]
pub(crate) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// Whitespace as the tokeniser sees it (Unicode `White_Space`).
#[inline]
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Whether the ASCII byte is whitespace.
#[inline]
pub(crate) fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// Combining marks and joiners that continue a word.
#[inline]
pub(crate) fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A | 0x064B..=0x065F
        | 0x0670 | 0x06D6..=0x06ED | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0951..=0x0957
        | 0x0962..=0x0963 | 0x0981..=0x0983 | 0x09BC..=0x09D7 | 0x0A01..=0x0A03
        | 0x0A3C..=0x0A51 | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E | 0x1AB0..=0x1AFF
        | 0x1DC0..=0x1DFF | 0x200C | 0x200D | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F
        | 0x3099..=0x309A | 0xE0100..=0xE01EF)
}

/// Letters, digits and combining marks.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || is_mark(c)
    }
}

/// Pictographs and the modifiers that glue emoji sequences together.
#[inline]
pub(crate) fn is_emoji(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x2300..=0x23FF | 0x2190..=0x21FF
        | 0x3030 | 0x303D | 0x3297 | 0x3299 | 0x00A9 | 0x00AE | 0x2122 | 0x2139 | 0x24C2
        | 0x25A0..=0x25FF | 0x2934..=0x2935)
}

/// Characters that continue an emoji run (joiners, variation selectors, skin tones, tags).
#[inline]
pub(crate) fn is_emoji_cont(c: char) -> bool {
    is_emoji(c)
        || matches!(
            c as u32,
            0x200D | 0xFE0E | 0xFE0F | 0x20E3 | 0xE0020..=0xE007F
        )
}

/// Non-ASCII punctuation (as opposed to other symbols).
#[inline]
pub(crate) fn is_unicode_punct(c: char) -> bool {
    matches!(c as u32,
        0x00A1..=0x00BF | 0x00D7 | 0x00F7 | 0x2010..=0x205E | 0x20A0..=0x20CF | 0x3000..=0x303F
        | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65 | 0xFE50..=0xFE6B
        | 0x0589 | 0x05BE | 0x05C0 | 0x05C3 | 0x05C6 | 0x05F3 | 0x05F4 | 0x060C | 0x061B
        | 0x061F | 0x066A..=0x066D | 0x06D4 | 0x0964 | 0x0965 | 0x2E00..=0x2E4F | 0x2212)
}

/// Whether a char is a lowercase letter (ASCII fast path).
#[inline]
pub(crate) fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_lowercase()
    } else {
        c.is_lowercase()
    }
}

/// Whether a char is an uppercase (or titlecase) letter.
#[inline]
pub(crate) fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else {
        c.is_uppercase()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        let cases: &[(char, bool, bool)] = &[
            ('a', true, false),
            ('é', true, false),
            ('ж', true, false),
            ('中', true, false),
            ('\u{301}', true, false),
            ('😀', false, true),
            ('-', false, false),
            ('\u{2014}', false, false),
        ];
        for &(c, word, emoji) in cases {
            assert_eq!(is_word_char(c), word, "{c:?}");
            assert_eq!(is_emoji(c), emoji, "{c:?}");
        }
        assert!(is_space('\u{a0}'));
        assert!(!is_space('\u{200b}'));
        assert_eq!(char_at("aé", 1), ('é', 2));
        assert_eq!(char_before("aé", 3), Some('é'));
    }
}
