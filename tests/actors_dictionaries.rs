//! Every line of the Phoenix and PETRARCH validation dictionaries parses without a crash, with
//! malformed lines reported by file and line; user dictionaries code actors by date.

use eventframe::shared::shared_dir;

use eventframe::knowledge::{dictionary, Knowledge};
use eventframe::pipeline::{Config, DictionaryMode};

const FILES: &[(&str, bool)] = &[
    (
        "data/events/dictionaries/Phoenix.Countries.actors.txt",
        false,
    ),
    (
        "data/events/dictionaries/Phoenix.International.actors.txt",
        false,
    ),
    (
        "data/events/dictionaries/Phoenix.MilNonState.actors.txt",
        false,
    ),
    ("data/events/dictionaries/Phoenix.agents.txt", true),
    (
        "data/events/petrarch_unit_tests/PETR.Validate.actors.txt",
        false,
    ),
    (
        "data/events/petrarch_unit_tests/PETR.Validate.agents.txt",
        true,
    ),
];

#[test]
fn parses_every_line_of_the_reference_dictionaries() {
    let Some(root) = shared_dir() else {
        eprintln!("skipped: shared data not found (set EVENTFRAME_SHARED)");
        return;
    };
    for (rel, agents) in FILES {
        let path = root.join(rel);
        let Ok(bytes) = std::fs::read(&path) else {
            eprintln!("skipped: {} missing", path.display());
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        let parsed = dictionary::parse(&text, rel, *agents);
        assert_eq!(parsed.lines, text.lines().count(), "{rel}");
        assert!(!parsed.entries.is_empty(), "{rel}");
        for w in &parsed.warnings {
            assert!(w.line >= 1 && w.line <= parsed.lines, "{w}");
            assert!(w.to_string().starts_with(rel), "{w}");
        }
        // Real dictionaries are mostly well formed.
        assert!(
            parsed.warnings.len() * 50 < parsed.entries.len().max(50),
            "{rel}: {} warnings, first: {:?}",
            parsed.warnings.len(),
            parsed.warnings.first()
        );
        eprintln!(
            "{rel}: {} entries, {} warnings",
            parsed.entries.len(),
            parsed.warnings.len()
        );
    }
}

#[test]
fn validate_dictionaries_load_in_replace_mode() {
    let Some(root) = shared_dir() else {
        eprintln!("skipped: shared data not found (set EVENTFRAME_SHARED)");
        return;
    };
    let actors = root.join("data/events/petrarch_unit_tests/PETR.Validate.actors.txt");
    let agents = root.join("data/events/petrarch_unit_tests/PETR.Validate.agents.txt");
    if !actors.exists() || !agents.exists() {
        eprintln!("skipped: PETR.Validate dictionaries missing");
        return;
    }
    let cfg = Config {
        actors: vec![actors.display().to_string()],
        agents: vec![agents.display().to_string()],
        mode: DictionaryMode::Replace,
        ..Config::default()
    };
    let kb = Knowledge::load(&cfg).expect("load");
    assert!(!kb.gazetteer().lookup("ARAGORN").is_empty());
    assert!(
        kb.gazetteer().lookup("Moscow").is_empty(),
        "replace mode drops built-in names"
    );
    // Built-in country table still answers API look-ups.
    assert!(kb.country("RUS").is_some());
    let missing = Config {
        actors: vec!["/nonexistent/x.txt".into()],
        ..Config::default()
    };
    let err = Knowledge::load(&missing).unwrap_err().to_string();
    assert!(err.contains("`/nonexistent/x.txt`"), "{err}");
}

#[test]
#[ignore = "prints the warnings of the reference dictionaries"]
fn print_warnings() {
    let Some(root) = shared_dir() else { return };
    for (rel, agents) in FILES {
        if let Ok(bytes) = std::fs::read(root.join(rel)) {
            for w in dictionary::parse(&String::from_utf8_lossy(&bytes), rel, *agents).warnings {
                eprintln!("{w}");
            }
        }
    }
}

#[test]
fn user_dictionary_codes_actors() {
    let Some(root) = shared_dir() else {
        eprintln!("skipped: shared data not found (set EVENTFRAME_SHARED)");
        return;
    };
    let dir = root.join("data/events/petrarch_unit_tests");
    if !dir.exists() {
        eprintln!("skipped: petrarch_unit_tests missing");
        return;
    }
    let cfg = Config {
        actors: vec![dir.join("PETR.Validate.actors.txt").display().to_string()],
        agents: vec![dir.join("PETR.Validate.agents.txt").display().to_string()],
        mode: DictionaryMode::Replace,
        ..Config::default()
    };
    let kb = std::sync::Arc::new(Knowledge::load(&cfg).expect("load"));
    assert!(
        !kb.gazetteer().lookup("Gondor").is_empty(),
        "{:?}",
        kb.gazetteer().lookup("Gondor")
    );
    let text = "Smeagol is about to restore full diplomatic ties with Gondor . The Kuwait government agreed .";
    let mut doc = eventframe::document::Document::new(
        "d",
        text,
        eventframe::date::Date::parse_iso("2013-01-01"),
    );
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c == ' ' {
            if let Some(s) = start.take() {
                doc.tokens.push(eventframe::document::Token {
                    span: eventframe::document::Span::new(s, i),
                    space_after: true,
                    ..Default::default()
                });
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    use eventframe::pipeline::Stage;

    eventframe::mentions::Mentions::new(std::sync::Arc::clone(&kb))
        .process(&mut doc)
        .unwrap();
    eventframe::actors::Actors::new(kb)
        .process(&mut doc)
        .unwrap();
    let codes: Vec<(&str, Option<&str>)> = doc
        .mentions
        .iter()
        .map(|m| {
            (
                doc.slice(m.span),
                m.actor.and_then(|a| doc.actors[a as usize].code.as_deref()),
            )
        })
        .collect();
    assert!(codes.contains(&("Gondor", Some("GON"))), "{codes:?}");
    assert!(
        codes.contains(&("Kuwait government", Some("KUWGOV"))),
        "{codes:?}"
    );
}
