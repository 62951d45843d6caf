//! Scores the NER model: exact-span strict F1 (seqeval-style) on CoNLL-2003 eng.testa for
//! PER/ORG/LOC (PERSON → PER, ORG → ORG, GPE/LOC/FAC → LOC; MISC and other labels excluded on
//! both sides), the same in ALL CAPS, GUM news test (nasa, sensitive: person/organization/
//! place), and throughput (release build, one thread).
//!
//! `cargo run --release --bin eval_ner -- [--model PATH] [--seed [FILE]]` (`--seed`: the seed article's
//! mentions with the model versus the rules alone)

use std::path::PathBuf;
use std::time::Instant;

use eventframe::document::{Document, EntityLabel};
use eventframe::knowledge::Knowledge;
use eventframe::ner::data::{read_conll, read_gum, Sent};
use eventframe::ner::train::{collapse, Counts};
use eventframe::ner::{doc_from_sentences, NerModel};
use eventframe::pipeline::Stage;
use eventframe::tag::{shared_dir, Tag};

fn main() {
    if let Err(e) = run() {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

/// Gold spans of a sentence in evaluation classes.
fn gold(s: &Sent) -> Vec<(usize, usize, &'static str)> {
    s.spans
        .iter()
        .filter_map(|(a, b, t)| {
            let c = match t.as_str() {
                "PER" | "person" => "PER",
                "ORG" | "organization" => "ORG",
                "LOC" | "place" => "LOC",
                _ => return None,
            };
            Some((*a, *b, c))
        })
        .collect()
}

/// Builds tagged documents of 200 sentences each.
fn docs(tag: &Tag, sents: &[Sent], upper: bool) -> Vec<Document> {
    sents
        .chunks(200)
        .map(|c| {
            let words: Vec<Vec<String>> = c
                .iter()
                .map(|s| {
                    s.words
                        .iter()
                        .map(|w| if upper { w.to_uppercase() } else { w.clone() })
                        .collect()
                })
                .collect();
            let mut d = doc_from_sentences("eval", &words);
            let _ = tag.process(&mut d);
            d
        })
        .collect()
}

fn evaluate(m: &NerModel, kb: &Knowledge, docs: &[Document], sents: &[Sent]) -> Counts {
    let mut c = Counts::default();
    let mut k = 0;
    for d in docs {
        let spans = m.tag_doc(kb, d);
        for s in &d.sentences {
            let (a, b) = (s.token_start as usize, s.token_end as usize);
            let pred: Vec<(usize, usize, EntityLabel)> = spans
                .iter()
                .filter(|x| x.0 >= a && x.1 <= b)
                .map(|&(x, y, l)| (x - a, y - a, l))
                .collect();
            let (g, pc) = (gold(&sents[k]), collapse(&pred));
            if std::env::var_os("NER_SHOW").is_some() {
                let w = &sents[k].words;
                let txt = |x: &(usize, usize, &str)| format!("{}/{}", w[x.0..x.1].join(" "), x.2);
                for x in g.iter().filter(|x| !pc.contains(x)) {
                    eprintln!("  missed {}", txt(x));
                }
                for x in pc.iter().filter(|x| !g.contains(x)) {
                    eprintln!("  false  {}", txt(x));
                }
            }
            c.add(&g, &pc);
            k += 1;
        }
    }
    c
}

fn report(name: &str, c: &Counts) {
    let (p, r, f) = c.prf(None);
    println!("{name}: P {p:.4} R {r:.4} F1 {f:.4}");
    for cl in ["PER", "ORG", "LOC"] {
        let (p, r, f) = c.prf(Some(cl));
        let n = c.0.get(cl).map_or(0, |x| x.2);
        println!("  {cl}: P {p:.4} R {r:.4} F1 {f:.4} (gold {n})");
    }
}

/// Prints the seed article's mentions with the model and with the rules only.
fn seed_diff(path: &std::path::Path) -> Result<(), String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("could not read `{}`: {e}", path.display()))?;
    let p = eventframe::Pipeline::new(eventframe::Config {
        n_threads: Some(1),
        disable: vec!["actors".into(), "events".into(), "figures".into()],
        ..eventframe::Config::default()
    })
    .map_err(|e| e.to_string())?;
    let out = p.process_batch(vec![eventframe::pipeline::Input {
        doc_id: "seed".into(),
        text: Some(text),
        published: Some("2024-11-06".into()),
        ..Default::default()
    }]);
    let Some(doc) = out.into_iter().next().map(|o| o.doc) else {
        return Ok(());
    };
    let mut rules = doc.clone();
    eventframe::mentions::Mentions::rules_only(std::sync::Arc::clone(p.knowledge()))
        .process(&mut rules)
        .map_err(|e| format!("{e:?}"))?;
    let show = |d: &Document| -> Vec<String> {
        d.mentions
            .iter()
            .map(|m| {
                format!(
                    "{} [{}] {}",
                    &d.text[m.span.start..m.span.end],
                    m.label.as_str(),
                    m.rule
                )
            })
            .collect()
    };
    let (a, b) = (show(&doc), show(&rules));
    println!(
        "seed: {} mentions with the model, {} with rules only",
        a.len(),
        b.len()
    );
    for m in a.iter().filter(|m| !b.contains(m)) {
        println!("  + {m}");
    }
    for m in b.iter().filter(|m| !a.contains(m)) {
        println!("  - {m}");
    }
    Ok(())
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(i) = args.iter().position(|a| a == "--seed") {
        let path = match args.get(i + 1) {
            Some(p) => PathBuf::from(p),
            None => shared_dir()
                .ok_or("reference data not found")?
                .join("acceptance/seed.txt"),
        };
        return seed_diff(&path);
    }
    let model = match args.iter().position(|a| a == "--model") {
        Some(i) => {
            let p = args.get(i + 1).ok_or("`--model` needs a path")?;
            let b = std::fs::read(p).map_err(|e| format!("could not read `{p}`: {e}"))?;
            NerModel::from_bytes(&b).map_err(|e| e.to_string())?
        }
        None => NerModel::embedded()
            .cloned()
            .ok_or("the embedded NER model is missing\nhint: run train_ner")?,
    };
    let Some(shared) = shared_dir() else {
        println!("skipped: reference data not found (set EVENTFRAME_SHARED)");
        return Ok(());
    };
    let ner = shared.join("data/ner");
    let kb = Knowledge::builtin();
    let tag = Tag::load().map_err(|e| e.to_string())?;
    let testa = read_conll(&ner.join("conll2003/eng.testa")).map_err(|e| e.to_string())?;
    let d = docs(&tag, &testa, false);
    report("CoNLL-2003 eng.testa", &evaluate(&model, &kb, &d, &testa));
    let du = docs(&tag, &testa, true);
    report(
        "CoNLL-2003 eng.testa ALL CAPS",
        &evaluate(&model, &kb, &du, &testa),
    );
    let mut gum = Vec::new();
    for n in ["nasa", "sensitive"] {
        let p: PathBuf = ner.join(format!("gum_news/GUM_news_{n}.conllu"));
        gum.extend(read_gum(&p).map_err(|e| e.to_string())?);
    }
    let dg = docs(&tag, &gum, false);
    if std::env::var_os("NER_SHOW_GUM").is_some() {
        std::env::set_var("NER_SHOW", "1");
    }
    report(
        "GUM news test (nasa, sensitive)",
        &evaluate(&model, &kb, &dg, &gum),
    );
    // Throughput: NER only (gazetteer features + model), on the tagged testa documents.
    let n_tok: usize = d.iter().map(|x| x.tokens.len()).sum();
    let t = Instant::now();
    let mut reps = 0usize;
    let mut found = 0usize;
    while reps < 3 || t.elapsed().as_secs_f64() < 1.0 {
        for x in &d {
            found += model.tag_doc(&kb, x).len();
        }
        reps += 1;
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "speed: {:.0} tokens/s on one thread ({} tokens x {reps} in {secs:.2}s, {} spans)",
        (n_tok * reps) as f64 / secs,
        n_tok,
        found / reps
    );
    let (nf, nw) = model.model.size();
    println!(
        "model: {nf} features, {nw} weights, {} case words",
        model.case.len()
    );
    Ok(())
}
