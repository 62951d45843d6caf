//! Trains the tag models on UD English EWT + GUM and writes `src/knowledge/models/tag.bin`.
//!
//! `cargo run --release --bin train_tag -- [--seed N] [--epochs N] [--prune X] [--with-dev]
//! [--prune-sweep] [--out PATH]`

use std::time::Instant;

use eventframe::tag::conllu::{read_files, Word};
use eventframe::tag::lemma::Lemmatizer;
use eventframe::tag::tagger::{train, TrainConfig};
use eventframe::tag::{shared_dir, ud_files, Tag};

fn main() {
    if let Err(e) = run() {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let mut cfg = TrainConfig::default();
    let mut out =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/knowledge/models/tag.bin");
    let (mut min_rule, mut min_exc) = (2u32, 2u32);
    let mut with_dev = false;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < args.len() {
        let val = args.get(i + 1).cloned().unwrap_or_default();
        let bad = |v: &str| {
            format!(
                "bad value `{v}` for `{}`\nhint: see the usage line in src/bin/train_tag.rs",
                args[i]
            )
        };
        match args[i].as_str() {
            "--seed" => cfg.seed = val.parse().map_err(|_| bad(&val))?,
            "--epochs" => cfg.epochs = val.parse().map_err(|_| bad(&val))?,
            "--patience" => cfg.patience = val.parse().map_err(|_| bad(&val))?,
            "--prune" => cfg.prune = val.parse().map_err(|_| bad(&val))?,
            "--dict-min-count" => cfg.dict_min_count = val.parse().map_err(|_| bad(&val))?,
            "--dict-min-share" => cfg.dict_min_share = val.parse().map_err(|_| bad(&val))?,
            "--lex-min-count" => cfg.lex_min_count = val.parse().map_err(|_| bad(&val))?,
            "--lemma-min-rule" => min_rule = val.parse().map_err(|_| bad(&val))?,
            "--lemma-min-exc" => min_exc = val.parse().map_err(|_| bad(&val))?,
            "--out" => out = val.into(),
            "--with-dev" => {
                with_dev = true;
                i -= 1;
            }
            "--prune-sweep" => {
                cfg.prune_sweep = true;
                i -= 1;
            }
            other => {
                return Err(format!(
                    "unknown argument `{other}`\nhint: see the usage line in src/bin/train_tag.rs"
                ))
            }
        }
        i += 2;
    }
    let shared = shared_dir().ok_or(
        "reference data not found\nhint: set EVENTFRAME_SHARED to the folder holding data/ud",
    )?;
    let (train_files, dev_files, _, _) = ud_files(&shared);
    let t0 = Instant::now();
    let train_s = read_files(&train_files).map_err(|e| e.to_string())?;
    let dev_s = read_files(&dev_files).map_err(|e| e.to_string())?;
    eprintln!(
        "train: {} sentences, {} words; dev: {} sentences ({:.1}s)",
        train_s.len(),
        train_s.iter().map(Vec::len).sum::<usize>(),
        dev_s.len(),
        t0.elapsed().as_secs_f64()
    );
    let mut train_s = train_s;
    if with_dev {
        // Final model: dev joins the training data; the epoch count is fixed by `--epochs`.
        train_s.extend(dev_s.iter().cloned());
        cfg.keep_last = true;
    }
    let tagger = train(&train_s, &dev_s, cfg, &mut |m| eprintln!("{m}"));
    let words: Vec<&Word> = train_s.iter().flatten().collect();
    let lemmatizer = Lemmatizer::learn(&words, min_rule, min_exc);
    let (sc, ru, ex) = lemmatizer.stats();
    eprintln!("lemmatiser: {sc} scripts, {ru} rules, {ex} exceptions");
    let tag = Tag { tagger, lemmatizer };
    let bytes = tag.to_bytes();
    std::fs::write(&out, &bytes)
        .map_err(|e| format!("could not write `{}`: {e}", out.display()))?;
    eprintln!(
        "wrote {} ({} bytes) in {:.1}s",
        out.display(),
        bytes.len(),
        t0.elapsed().as_secs_f64()
    );
    Ok(())
}
