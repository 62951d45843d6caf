//! Trains the tag models on UD English EWT + GUM and writes `src/knowledge/models/tag.bin`.
//!
//! `cargo run --release --bin train_tag -- [--seed N] [--epochs N] [--prune X] [--with-dev]
//! [--prune-sweep] [--out PATH] [--clusters PATH]`
//!
//! `--learn-clusters PATH` learns word clusters (exchange algorithm) from the text of the UD
//! training parts and the GMB corpus and writes them to PATH; `--clusters PATH` makes the
//! tagger (and through its tags file, the parser) use them. `--no-parser-clusters` trains a
//! version 1 parser (51 templates, no cluster features). `--cluster-extra` adds the
//! research-only news text (Reuters-21578 bodies, BBC) to the clustering text.
//!
//! With `--parser` it trains only the dependency parser (on the tags of the tagger in `--out`)
//! and writes `src/knowledge/models/parse.bin` (or `--parse-out PATH`); `--jackknife K` tags the
//! parser's training sentences with K taggers that each did not see them.

use std::time::Instant;

use eventframe::ner::data::read_gmb;
use eventframe::tag::clusters::{learn, ClusterConfig, Clusters};
use eventframe::tag::conllu::{read_files, Word};
use eventframe::tag::io::{Reader, Writer};
use eventframe::tag::lemma::Lemmatizer;
use eventframe::tag::parser::{examples, train as train_parser, ParseExample, ParserConfig};
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
    let mut parser = false;
    let mut jackknife = 0usize;
    let mut pcfg = ParserConfig::default();
    let mut parse_out =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/knowledge/models/parse.bin");
    let mut learn_clusters: Option<std::path::PathBuf> = None;
    let mut clusters_path: Option<std::path::PathBuf> = None;
    let mut ccfg = ClusterConfig::default();
    let mut cluster_extra = false;
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
            "--parser" => {
                parser = true;
                i -= 1;
            }
            "--parse-out" => parse_out = val.into(),
            "--jackknife" => jackknife = val.parse().map_err(|_| bad(&val))?,
            "--explore" => pcfg.explore = val.parse().map_err(|_| bad(&val))?,
            "--learn-clusters" => learn_clusters = Some(val.into()),
            "--clusters" => clusters_path = Some(val.into()),
            "--cluster-sizes" => {
                ccfg.sizes = val
                    .split(',')
                    .map(|x| x.parse().map_err(|_| bad(&val)))
                    .collect::<Result<_, _>>()?;
            }
            "--cluster-iters" => ccfg.iters = val.parse().map_err(|_| bad(&val))?,
            "--cluster-vocab" => ccfg.max_vocab = val.parse().map_err(|_| bad(&val))?,
            "--cluster-extra" => {
                cluster_extra = true;
                i -= 1;
            }
            "--no-parser-clusters" => {
                pcfg.clusters = false;
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
    if let Some(path) = learn_clusters {
        // Unlabelled text: the UD training parts (not dev or test) and the GMB corpus.
        let mut text: Vec<Vec<String>> = train_s
            .iter()
            .map(|s| s.iter().map(|w| w.form.clone()).collect())
            .collect();
        let gmb = shared.join("data/ner/gmb/ner_dataset.csv.zip");
        let g = read_gmb(&gmb).map_err(|e| e.to_string())?;
        text.extend(g.into_iter().map(|s| s.words));
        if cluster_extra {
            // Research-only news text: Reuters-21578 bodies and the BBC corpus.
            let n0 = text.len();
            extra_text(&shared, &mut text)?;
            eprintln!("research-only news text: {} sentences", text.len() - n0);
        }
        let c = learn(&text, &ccfg, &mut |m| eprintln!("{m}"));
        let mut w = Writer::default();
        c.write(&mut w);
        std::fs::write(&path, &w.buf)
            .map_err(|e| format!("could not write `{}`: {e}", path.display()))?;
        eprintln!(
            "wrote {} ({} words, {} bytes) in {:.1}s",
            path.display(),
            c.len(),
            w.buf.len(),
            t0.elapsed().as_secs_f64()
        );
        return Ok(());
    }
    let clusters = match &clusters_path {
        Some(p) => {
            let b =
                std::fs::read(p).map_err(|e| format!("could not read `{}`: {e}", p.display()))?;
            Clusters::read(&mut Reader::new(&b, "clusters")).map_err(|e| e.to_string())?
        }
        None => Clusters::default(),
    };
    let mut train_s = train_s;
    if with_dev {
        // Final model: dev joins the training data; the epoch count is fixed by `--epochs`.
        train_s.extend(dev_s.iter().cloned());
        cfg.keep_last = true;
    }
    if parser {
        // The parser learns from the tags of the tagger in `--out`, as at run time.
        let bytes =
            std::fs::read(&out).map_err(|e| format!("could not read `{}`: {e}", out.display()))?;
        let tag = Tag::from_bytes(&bytes).map_err(|e| e.to_string())?;
        pcfg.seed = cfg.seed;
        pcfg.epochs = cfg.epochs;
        pcfg.prune = cfg.prune;
        pcfg.prune_sweep = cfg.prune_sweep;
        let tr = if jackknife >= 2 {
            // Tags for the training sentences come from taggers that did not see them, so the
            // parser learns from tags as noisy as at run time.
            let k = jackknife;
            let mut tr: Vec<Option<ParseExample>> = (0..train_s.len()).map(|_| None).collect();
            for fold in 0..k {
                let rest: Vec<Vec<Word>> = train_s
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| i % k != fold)
                    .map(|(_, s)| s.clone())
                    .collect();
                let held: Vec<(usize, Vec<Word>)> = train_s
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| i % k == fold)
                    .map(|(i, s)| (i, s.clone()))
                    .collect();
                let jcfg = TrainConfig {
                    epochs: 4,
                    keep_last: true,
                    prune_sweep: false,
                    ..cfg
                };
                let tagger = train(&rest, &dev_s, jcfg, &tag.tagger.clusters, &mut |_| {});
                let sents: Vec<Vec<Word>> = held.iter().map(|(_, s)| s.clone()).collect();
                for ((i, _), ex) in held.iter().zip(examples(&sents, &tagger, pcfg.clusters)) {
                    tr[*i] = Some(ex);
                }
                eprintln!(
                    "jackknife fold {} of {k} tagged ({:.1}s)",
                    fold + 1,
                    t0.elapsed().as_secs_f64()
                );
            }
            tr.into_iter().flatten().collect()
        } else {
            examples(&train_s, &tag.tagger, pcfg.clusters)
        };
        let dv = examples(&dev_s, &tag.tagger, pcfg.clusters);
        let p = train_parser(&tr, &dv, pcfg, with_dev, &mut |m| eprintln!("{m}"));
        let bytes = Tag::parser_to_bytes(&p);
        std::fs::write(&parse_out, &bytes)
            .map_err(|e| format!("could not write `{}`: {e}", parse_out.display()))?;
        eprintln!(
            "wrote {} ({} bytes) in {:.1}s",
            parse_out.display(),
            bytes.len(),
            t0.elapsed().as_secs_f64()
        );
        return Ok(());
    }
    let tagger = train(&train_s, &dev_s, cfg, &clusters, &mut |m| eprintln!("{m}"));
    let words: Vec<&Word> = train_s.iter().flatten().collect();
    let lemmatizer = Lemmatizer::learn(&words, min_rule, min_exc);
    let (sc, ru, ex) = lemmatizer.stats();
    eprintln!("lemmatiser: {sc} scripts, {ru} rules, {ex} exceptions");
    let tag = Tag {
        tagger,
        lemmatizer,
        parser: None,
    };
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

/// Sentences of words from the research-only news corpora: the `<BODY>` of every Reuters-21578
/// record (Latin-1) and every BBC article, tokenised by the `text` stage.
fn extra_text(shared: &std::path::Path, out: &mut Vec<Vec<String>>) -> Result<(), String> {
    let mut docs: Vec<String> = Vec::new();
    let dir = shared.join("data/corpus/reuters21578");
    for k in 0..22 {
        let p = dir.join(format!("reut2-{k:03}.sgm"));
        let bytes =
            std::fs::read(&p).map_err(|e| format!("could not read `{}`: {e}", p.display()))?;
        let text: String = bytes.iter().map(|&b| char::from(b)).collect();
        for part in text.split("<BODY>").skip(1) {
            let body = part.split("</BODY>").next().unwrap_or("");
            docs.push(
                body.replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&amp;", "&")
                    .replace("&#3;", ""),
            );
        }
    }
    let zip = shared.join("data/corpus/bbc-fulltext.zip");
    let res = std::process::Command::new("unzip")
        .arg("-p")
        .arg(&zip)
        .arg("*.txt")
        .output()
        .map_err(|e| format!("could not run `unzip` on `{}`: {e}", zip.display()))?;
    docs.push(String::from_utf8_lossy(&res.stdout).into_owned());
    for d in &docs {
        let (sents, tokens) = eventframe::text::segment(d);
        for s in sents {
            out.push(
                tokens[s.token_start as usize..s.token_end as usize]
                    .iter()
                    .map(|t| t.norm_or(d).to_owned())
                    .collect(),
            );
        }
    }
    Ok(())
}
