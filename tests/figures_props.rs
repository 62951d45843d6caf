//! The figures finders never panic and keep their spans on character boundaries.

use eventframe::date::Date;
use eventframe::figures::dates::find_dates;
use eventframe::figures::find_figures;
use eventframe::figures::numbers::find_numbers;
use proptest::prelude::*;

fn check(text: &str) {
    let base = Date::new(2024, 11, 6);
    for f in find_figures(text, base) {
        assert!(f.span.start < f.span.end && f.span.end <= text.len());
        assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
        for s in [f.about, f.attributed_to].into_iter().flatten() {
            assert!(
                s.end <= text.len()
                    && text.is_char_boundary(s.start)
                    && text.is_char_boundary(s.end)
            );
        }
    }
    for m in find_dates(text, None) {
        assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
    }
    for m in find_numbers(text) {
        assert!(m.value.is_finite() || m.value.is_infinite());
        assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn any_text(text in "\\PC{0,200}") {
        check(&text);
    }

    #[test]
    fn number_like_text(text in "[0-9a-z ,.$%/:'’\\-–€£½]{0,80}") {
        check(&text);
    }

    #[test]
    fn word_soup(words in proptest::collection::vec(prop::sample::select(vec![
        "one", "two", "hundred", "thousand", "million", "and", "a", "half", "third", "quarter",
        "of", "the", "last", "next", "June", "19", "2024", ",", "-", "to", "between", "more",
        "than", "at", "least", "percent", "$", "5", "1,000", "years", "ago", "Wednesday", "said",
        "killed", "people", "soldiers", "over", "in", "out", "point", "fifths", "twenty",
    ]), 0..30)) {
        check(&words.join(" "));
    }
}

#[test]
fn long_and_odd_inputs() {
    let long = "11,000 soldiers, ".repeat(5000);
    check(&long);
    check(&"9".repeat(10_000));
    check(&"one ".repeat(3000));
    check("\u{0}\u{FEFF}\u{202F}1\u{202F}000 ½ ⅔ 𝟙𝟚 ١٢٣ 12\u{301}");
}

#[test]
fn huge_unpunctuated_text_is_fast() {
    let text = "officials said 11,000 soldiers and ".repeat(40_000);
    let t0 = std::time::Instant::now();
    let n = find_figures(&text, Date::new(2024, 11, 6)).len();
    assert_eq!(n, 40_000);
    // linear: well under a few seconds even in debug builds
    assert!(t0.elapsed().as_secs() < 20, "took {:?}", t0.elapsed());
}
