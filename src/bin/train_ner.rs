//! Trains the NER model and writes `src/knowledge/models/ner.bin`.
//!
//! `cargo run --release --bin train_ner -- [--seed N] [--epochs N] [--patience N] [--prune X]
//! [--gmb-every N] [--case-min N] [--pos-drop-every N] [--no-conll] [--no-gum] [--upper-every N] [--lower-every N] [--out PATH]`
//!
//! Training data: CoNLL-2003 eng.train (research use), GMB (every N-th sentence), GUM news
//! train documents. Early stopping on CoNLL-2003 eng.testa + GUM news dev (homeopathic, iodine).

use std::path::{Path, PathBuf};
use std::time::Instant;

use eventframe::knowledge::Knowledge;
use eventframe::ner::data::{read_conll, read_gmb, read_gum, Sent};
use eventframe::ner::train::{
    augment, drop_pos, map_corpus, prepare, train, Labelled, Source, TrainConfig,
};
use eventframe::ner::NerModel;
use eventframe::tag::{shared_dir, Tag};

fn main() {
    if let Err(e) = run() {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

/// GUM news documents held out for development and test.
const GUM_DEV: &[&str] = &["homeopathic", "iodine"];
const GUM_TEST: &[&str] = &["nasa", "sensitive"];

fn gum_docs(dir: &Path, which: &dyn Fn(&str) -> bool) -> Result<Vec<Sent>, String> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("could not list `{}`: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
        .collect();
    names.sort();
    let mut out = Vec::new();
    for p in names {
        let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let doc = stem.strip_prefix("GUM_news_").unwrap_or(stem);
        if which(doc) {
            out.extend(read_gum(&p).map_err(|e| e.to_string())?);
        }
    }
    Ok(out)
}

fn run() -> Result<(), String> {
    let mut cfg = TrainConfig::default();
    let mut out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/knowledge/models/ner.bin");
    let (mut gmb_every, mut upper_every, mut lower_every) = (0usize, 8usize, 16usize);
    let mut case_min = 3u32;
    let mut pos_drop = 4usize;
    let mut conll = true;
    let mut gum = true;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < args.len() {
        let val = args.get(i + 1).cloned().unwrap_or_default();
        let bad = |v: &str| {
            format!(
                "bad value `{v}` for `{}`\nhint: see the usage line in src/bin/train_ner.rs",
                args[i]
            )
        };
        match args[i].as_str() {
            "--seed" => cfg.seed = val.parse().map_err(|_| bad(&val))?,
            "--epochs" => cfg.epochs = val.parse().map_err(|_| bad(&val))?,
            "--patience" => cfg.patience = val.parse().map_err(|_| bad(&val))?,
            "--prune" => cfg.prune = val.parse().map_err(|_| bad(&val))?,
            "--gmb-every" => gmb_every = val.parse().map_err(|_| bad(&val))?,
            "--upper-every" => upper_every = val.parse().map_err(|_| bad(&val))?,
            "--lower-every" => lower_every = val.parse().map_err(|_| bad(&val))?,
            "--pos-drop-every" => pos_drop = val.parse().map_err(|_| bad(&val))?,
            "--case-min" => case_min = val.parse().map_err(|_| bad(&val))?,
            "--out" => out = val.into(),
            "--no-gum" => {
                gum = false;
                i -= 1;
            }
            "--no-conll" => {
                conll = false;
                i -= 1;
            }
            other => {
                return Err(format!(
                    "unknown argument `{other}`\nhint: see the usage line in src/bin/train_ner.rs"
                ))
            }
        }
        i += 2;
    }
    let shared = shared_dir().ok_or(
        "reference data not found\nhint: set EVENTFRAME_SHARED to the folder holding data/ner",
    )?;
    let ner = shared.join("data/ner");
    let t0 = Instant::now();
    let kb = Knowledge::builtin();
    let tag = Tag::load().map_err(|e| e.to_string())?;
    let mut train_l: Vec<Labelled> = Vec::new();
    if conll {
        let c = read_conll(&ner.join("conll2003/eng.train")).map_err(|e| e.to_string())?;
        train_l.extend(map_corpus(&kb, &c, Source::Conll));
    }
    // GMB text always feeds the case lexicon; its labels only with `--gmb-every N` (N > 0).
    let gmb = read_gmb(&ner.join("gmb/ner_dataset.csv.zip")).map_err(|e| e.to_string())?;
    let gmb_words: Vec<Vec<String>> = gmb.iter().map(|s| s.words.clone()).collect();
    if gmb_every > 0 {
        let g: Vec<Sent> = gmb.into_iter().step_by(gmb_every).collect();
        train_l.extend(map_corpus(&kb, &g, Source::Gmb));
    }
    let gum_dir = ner.join("gum_news");
    let gum_train = gum_docs(&gum_dir, &|d| {
        !GUM_DEV.contains(&d) && !GUM_TEST.contains(&d)
    })?;
    if gum {
        train_l.extend(map_corpus(&kb, &gum_train, Source::Gum));
    }
    let testa = read_conll(&ner.join("conll2003/eng.testa")).map_err(|e| e.to_string())?;
    let mut dev_l = map_corpus(&kb, &testa, Source::Conll);
    let gum_dev = gum_docs(&gum_dir, &|d| GUM_DEV.contains(&d))?;
    dev_l.extend(map_corpus(&kb, &gum_dev, Source::Gum));
    let case = NerModel::case_lexicon(
        train_l
            .iter()
            .map(|s| s.0.as_slice())
            .chain(gmb_words.iter().map(Vec::as_slice)),
        case_min,
    );
    let aug = augment(&train_l, upper_every, lower_every);
    eprintln!(
        "train: {} sentences ({} words) + {} case-augmented; dev: {} sentences; case lexicon {} words ({:.1}s)",
        train_l.len(),
        train_l.iter().map(|s| s.0.len()).sum::<usize>(),
        aug.len(),
        dev_l.len(),
        case.len(),
        t0.elapsed().as_secs_f64()
    );
    train_l.extend(aug);
    let base = NerModel {
        case: case.clone(),
        ..NerModel::default()
    };
    let mut tr = prepare(&kb, &tag, &base, &train_l);
    drop_pos(&mut tr, pos_drop);
    let dv = prepare(&kb, &tag, &base, &dev_l);
    eprintln!("prepared ({:.1}s)", t0.elapsed().as_secs_f64());
    let model = train(&tr, &dv, &case, cfg, &mut |m| eprintln!("{m}"));
    let bytes = model.to_bytes();
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
