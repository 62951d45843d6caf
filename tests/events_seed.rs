//! The seed article (`shared/acceptance/seed.txt`, published 2024-11-06) against its gold.
//!
//! `seed_gold_events_full_pipeline` runs the whole `Pipeline`; it needs every stage and is
//! ignored until the stages are merged. `seed_gold_events_events_stage` isolates the events
//! stage: tokens come from a tiny test tokeniser, mentions and actors from the gold actor list
//! plus nationality adjectives, and dates from a small general date finder.
#![allow(clippy::unwrap_used)]

mod events_support;

use eventframe::document::{ActorKind, Document, EntityLabel, Event};
use eventframe::events::{code_document_with, Lexicon};
use eventframe::pipeline::{Config, Input, Pipeline};
use events_support::{build, shared_dir, simple_dates, Spec};
use serde_json::Value;

fn load() -> Option<(String, Value)> {
    let Some(dir) = shared_dir() else {
        println!("skipped: shared data not found (set EVENTFRAME_SHARED)");
        return None;
    };
    let text = std::fs::read_to_string(dir.join("acceptance/seed.txt")).ok()?;
    let gold: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("acceptance/seed.gold.json")).ok()?)
            .ok()?;
    Some((text, gold))
}

fn strings(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![s.clone()],
        Value::Array(a) => a
            .iter()
            .filter_map(|x| x.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

fn country(e: &Event, source: bool) -> Option<&str> {
    let a = if source { &e.source } else { &e.target };
    a.as_ref().and_then(|x| x.country.as_deref())
}

/// Whether `e` satisfies every constraint the gold row gives.
fn matches(doc: &Document, e: &Event, g: &Value) -> bool {
    let field_ok = |key: &str, got: Option<&str>| match g.get(key) {
        None => true,
        Some(v) => got.is_some_and(|x| strings(v).iter().any(|s| s == x)),
    };
    let root = e.cameo.get(..2);
    field_ok("source_country", country(e, true))
        && field_ok("target_country", country(e, false))
        && field_ok("cameo_root", root)
        && field_ok("modality", Some(e.modality.as_str()))
        && g.get("date")
            .is_none_or(|d| e.date.map(|v| v.iso()).as_deref() == d.as_str())
        && g.get("location").is_none_or(|l| {
            e.location.map(|s| doc.slice(s).to_lowercase()) == l.as_str().map(str::to_lowercase)
        })
}

fn describe(doc: &Document) -> String {
    doc.events
        .iter()
        .map(|e| {
            format!(
                "  s{} {} {}>{} {} {} loc={:?} [{}] `{}`",
                e.sentence,
                e.cameo,
                country(e, true).unwrap_or("-"),
                country(e, false).unwrap_or("-"),
                e.modality.as_str(),
                e.date.map(|d| d.iso()).unwrap_or_default(),
                e.location.map(|l| doc.slice(l)),
                e.rule,
                doc.slice(e.trigger)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn check(doc: &Document, gold: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    for g in gold["events"].as_array().into_iter().flatten() {
        if !doc.events.iter().any(|e| matches(doc, e, g)) {
            problems.push(format!("missing {}: {}", g["id"], g["what"]));
        }
    }
    for g in gold["events_must_not"].as_array().into_iter().flatten() {
        for e in doc.events.iter().filter(|e| matches(doc, e, g)) {
            problems.push(format!(
                "must not: {} (got {} `{}`)",
                g["why"],
                e.cameo,
                doc.slice(e.trigger)
            ));
        }
    }
    problems
}

#[test]
fn seed_gold_events_full_pipeline() {
    let Some((text, gold)) = load() else { return };
    let p = Pipeline::new(Config {
        n_threads: Some(1),
        ..Config::default()
    })
    .unwrap();
    let out = p.process_batch(vec![Input {
        doc_id: "seed".into(),
        text: Some(text),
        published: Some("2024-11-06".into()),
        ..Input::default()
    }]);
    let doc = &out[0].doc;
    let problems = check(doc, &gold);
    assert!(
        problems.is_empty(),
        "{}\nevents:\n{}",
        problems.join("\n"),
        describe(doc)
    );
}

/// Builds the seed document with the gold actors standing in for `mentions` + `actors`.
/// `variant` 0 uses the gold kinds; 1 mimics another plausible actors layer: capitals as places
/// with a country, soldiers and the military as group mentions, Kursk unknown to the KB.
fn stage_doc(text: &str, gold: &Value, variant: u8) -> Document {
    let mut specs: Vec<(String, EntityLabel, ActorKind, String)> = Vec::new();
    let capitals = ["Moscow", "Pyongyang", "Kiev", "Kyiv"];
    for a in gold["actors"].as_array().into_iter().flatten() {
        let kind = match a["kind"].as_str() {
            Some("country") => ActorKind::Country,
            Some("person") => ActorKind::Person,
            _ => ActorKind::Organization,
        };
        let label = match kind {
            ActorKind::Country => EntityLabel::Gpe,
            ActorKind::Person => EntityLabel::Person,
            _ => EntityLabel::Org,
        };
        let c = a["country"].as_str().unwrap_or("").to_owned();
        for n in strings(&a["names"]) {
            let kind = if variant == 1 && capitals.contains(&n.as_str()) {
                ActorKind::Location
            } else {
                kind
            };
            specs.push((n, label, kind, c.clone()));
        }
    }
    // What a mentions stage finds besides names: nationality adjectives and a place.
    for (n, c) in [
        ("North Korean", "PRK"),
        ("South Korean", "KOR"),
        ("Ukrainian", "UKR"),
        ("Russian", "RUS"),
    ] {
        specs.push((
            n.to_owned(),
            EntityLabel::Norp,
            ActorKind::Group,
            c.to_owned(),
        ));
    }
    if variant == 1 {
        for (n, c) in [
            ("North Korean soldiers", "PRK"),
            ("North Korean forces", "PRK"),
            ("Ukrainian military", "UKR"),
            ("Ukrainian soldiers", "UKR"),
        ] {
            specs.push((
                n.to_owned(),
                EntityLabel::Nominal,
                ActorKind::Group,
                c.to_owned(),
            ));
        }
        specs.push((
            "Kursk".to_owned(),
            EntityLabel::Gpe,
            ActorKind::Location,
            "-".to_owned(),
        ));
    } else {
        specs.push((
            "Kursk".to_owned(),
            EntityLabel::Gpe,
            ActorKind::Location,
            "RUS".to_owned(),
        ));
    }
    let specs: Vec<Spec<'_>> = specs
        .iter()
        .map(|(n, l, k, c)| (n.as_str(), *l, *k, c.as_str()))
        .collect();
    let mut doc = build(text, &specs);
    doc.published = eventframe::date::Date::new(2024, 11, 6);
    code_document_with(&mut doc, Lexicon::builtin(), simple_dates);
    doc
}

#[test]
fn seed_gold_events_events_stage() {
    let Some((text, gold)) = load() else { return };
    for variant in [0, 1] {
        let doc = stage_doc(&text, &gold, variant);
        let problems = check(&doc, &gold);
        assert!(
            problems.is_empty(),
            "variant {variant}: {}\nevents:\n{}",
            problems.join("\n"),
            describe(&doc)
        );
    }
}
