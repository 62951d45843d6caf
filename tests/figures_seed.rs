//! The seed article's gold figures must come out of the figures finders (and the pipeline).

use eventframe::shared::shared_dir;

use eventframe::date::Date;
use eventframe::document::Figure;
use eventframe::figures::find_figures;

struct Seed {
    text: String,
    gold: serde_json::Value,
}

fn seed() -> Option<Seed> {
    let Some(dir) = shared_dir() else {
        println!("skipping: shared data not found (set EVENTFRAME_SHARED)");
        return None;
    };
    let text = std::fs::read_to_string(dir.join("acceptance/seed.txt")).ok()?;
    let gold = std::fs::read_to_string(dir.join("acceptance/seed.gold.json")).ok()?;
    Some(Seed {
        text,
        gold: serde_json::from_str(&gold).ok()?,
    })
}

fn char_start(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

/// Checks every gold figure against `figures` (byte spans into `text`).
fn check(text: &str, figures: &[Figure], gold: &serde_json::Value) {
    let mut failures = Vec::new();
    for g in gold["figures"].as_array().into_iter().flatten() {
        let want = g["text"].as_str().unwrap_or("");
        let start = g["start_char"].as_u64().map(|v| v as usize);
        let hit = figures.iter().find(|f| {
            &text[f.span.start..f.span.end] == want
                && start.is_none_or(|s| char_start(text, f.span.start) == s)
                || (start.is_none() && text[f.span.start..f.span.end].contains(want))
        });
        let Some(f) = hit else {
            failures.push(format!("missing figure `{want}`"));
            continue;
        };
        if let Some(v) = g["value"].as_f64() {
            if f.value != Some(v) {
                failures.push(format!("`{want}`: value {:?}, want {v}", f.value));
            }
        }
        if let Some(labels) = g["label"].as_array() {
            if !labels.iter().any(|l| l.as_str() == Some(f.label)) {
                failures.push(format!(
                    "`{want}`: label `{}`, want one of {labels:?}",
                    f.label
                ));
            }
        }
        if let Some(d) = g["date"].as_str() {
            let got = f.date.map(|d| d.iso());
            if got.as_deref() != Some(d) {
                failures.push(format!("`{want}`: date {got:?}, want {d}"));
            }
            if f.label != "date" {
                failures.push(format!("`{want}`: label `{}`, want `date`", f.label));
            }
        }
        if let Some(a) = g["about"].as_str() {
            let got = f.about.map(|s| &text[s.start..s.end]);
            if !got.is_some_and(|s| s.contains(a)) {
                failures.push(format!(
                    "`{want}`: about {got:?}, want one containing `{a}`"
                ));
            }
        }
        if let Some(a) = g["attributed_to"].as_str() {
            let got = f.attributed_to.map(|s| &text[s.start..s.end]);
            if got != Some(a) {
                failures.push(format!("`{want}`: attributed_to {got:?}, want `{a}`"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "seed figures:\n{}",
        failures.join("\n")
    );
}

#[test]
fn seed_figures_string_level() {
    let Some(s) = seed() else { return };
    let published = Date::parse_iso("2024-11-06");
    // Sentence by sentence, as the stage does: split on line breaks (the seed has one paragraph
    // per line) and shift spans back to the document.
    let mut figures = Vec::new();
    let mut off = 0;
    for line in s.text.split_inclusive('\n') {
        for mut f in find_figures(line, published) {
            f.span.start += off;
            f.span.end += off;
            if let Some(a) = f.about.as_mut() {
                a.start += off;
                a.end += off;
            }
            if let Some(a) = f.attributed_to.as_mut() {
                a.start += off;
                a.end += off;
            }
            figures.push(f);
        }
        off += line.len();
    }
    check(&s.text, &figures, &s.gold);
    // and the whole text at once gives the same answers
    check(&s.text, &find_figures(&s.text, published), &s.gold);
}

#[test]
fn seed_figures_without_published_date_stay_unresolved() {
    let Some(s) = seed() else { return };
    let figures = find_figures(&s.text, None);
    for f in figures.iter().filter(|f| f.label == "date") {
        let t = &s.text[f.span.start..f.span.end];
        if t == "June 19, 2024" {
            assert_eq!(f.date.map(|d| d.iso()).as_deref(), Some("2024-06-19"));
        } else {
            assert!(
                f.date.is_none(),
                "`{t}` resolved without a publication date"
            );
        }
    }
}

/// The whole pipeline (with whatever `text`, `tag`, `mentions`, `actors` and `events` are
/// merged; the figures stage also works on a document without sentences).
#[test]
fn seed_figures_full_pipeline() {
    use eventframe::pipeline::{Config, Input, Pipeline};
    let Some(s) = seed() else { return };
    let p = Pipeline::new(Config {
        n_threads: Some(1),
        ..Config::default()
    })
    .expect("pipeline");
    let out = p.process_batch(vec![Input {
        doc_id: "seed".into(),
        text: Some(s.text.clone()),
        published: Some("2024-11-06".into()),
        ..Input::default()
    }]);
    let doc = &out[0].doc;
    assert!(
        out[0].errors.is_empty(),
        "pipeline errors: {:?}",
        out[0].errors
    );
    check(&s.text, &doc.figures, &s.gold);
}
