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
    check(&"1 day after ".repeat(20_000));
    check(&"Dec-2018-".repeat(20_000));
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

/// Seconds the figures stage spends on one unpunctuated sentence of `n` repetitions, run
/// through the whole pipeline (so mentions and events exist for linking).
fn figures_seconds(pipe: &eventframe::pipeline::Pipeline, n: usize) -> (f64, usize) {
    let text = "Russia attacked Ukraine and 1,200 soldiers were killed on Monday ".repeat(n);
    let input = eventframe::pipeline::Input {
        doc_id: "long".into(),
        text: Some(text),
        published: Some("2024-11-06".into()),
        ..Default::default()
    };
    let p = pipe.process_one(input);
    (p.timings[5], p.doc.figures.len())
}

#[test]
fn one_long_sentence_through_the_pipeline_is_linear() {
    let cfg = eventframe::pipeline::Config {
        n_threads: Some(1),
        ..Default::default()
    };
    let pipe = match eventframe::pipeline::Pipeline::new(cfg) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("skipping: pipeline could not be built: {e}");
            return;
        }
    };
    // 2,000 reps ~ 130 kB; 40,000 reps ~ 2.6 MB
    let (small, n_small) = figures_seconds(&pipe, 10_000);
    let (big, n_big) = figures_seconds(&pipe, 40_000);
    eprintln!("figures stage: 10k reps {small:.3}s ({n_small} figures), 40k reps {big:.3}s ({n_big} figures)");
    assert!(n_big >= 4 * n_small - 8, "{n_small} vs {n_big}");
    // linear: 4x the text in well under 8x the time (quadratic would be 16x)
    assert!(big < 8.0 * small + 0.5, "10k: {small:.3}s, 40k: {big:.3}s");
    // and a 2.6 MB sentence finishes in seconds even in debug builds
    assert!(big < 30.0, "40k reps took {big:.3}s");
}

/// A document that is one huge sentence with mentions and events on every phrase, as the
/// earlier stages would leave it.
fn linked_doc(n: usize) -> eventframe::document::Document {
    use eventframe::document::{Document, EntityLabel, Event, Mention, Sentence, Span};
    let phrase = "Russia attacked Ukraine and 1,200 soldiers were killed on Monday ";
    let text = phrase.repeat(n);
    let mut doc = Document::new("long", text.clone(), Date::new(2024, 11, 6));
    doc.sentences = vec![Sentence {
        span: Span::new(0, text.len()),
        token_start: 0,
        token_end: 0,
    }];
    let at = |base: usize, w: &str| {
        let a = base + phrase.find(w).unwrap_or(0);
        Span::new(a, a + w.len())
    };
    for i in 0..n {
        let base = i * phrase.len();
        for (k, w) in ["Russia", "Ukraine", "soldiers"].iter().enumerate() {
            doc.mentions.push(Mention {
                span: at(base, w),
                sentence: 0,
                token_start: 0,
                token_end: 0,
                label: EntityLabel::Gpe,
                score: 1.0,
                actor: u32::try_from(k).ok(),
                rule: "test",
            });
        }
        for w in ["attacked", "killed"] {
            doc.events.push(Event {
                trigger: at(base, w),
                sentence: 0,
                ..Event::default()
            });
        }
    }
    doc
}

#[test]
fn linking_in_one_long_sentence_is_linear() {
    use eventframe::pipeline::Stage;
    let stage = eventframe::figures::Figures::new(std::sync::Arc::default());
    let time = |n: usize| {
        let mut doc = linked_doc(n);
        let t0 = std::time::Instant::now();
        assert!(stage.process(&mut doc).is_ok());
        let secs = t0.elapsed().as_secs_f64();
        // every count is linked to its nearest event ("killed") and its soldiers
        let f = doc.figures.iter().find(|f| f.label != "date");
        assert!(f.is_some_and(|f| f.event == Some(1) && f.about_actor == Some(2)));
        (secs, doc.figures.len())
    };
    let (small, n_small) = time(5_000);
    let (big, n_big) = time(20_000);
    eprintln!("linked: 5k reps {small:.3}s ({n_small}), 20k reps {big:.3}s ({n_big})");
    assert_eq!(n_big, 4 * n_small);
    assert!(big < 8.0 * small + 0.5, "5k: {small:.3}s, 20k: {big:.3}s");
    assert!(big < 30.0, "20k reps took {big:.3}s");
}
