//! End-to-end throughput of the Rust pipeline on Reuters-21578 bodies, one thread, with the
//! per-stage breakdown and a whitespace split run in the same process as the baseline (the
//! Python `eventframe.bench` measures the same through the wheel).
//!
//! ```text
//! cargo run --release --example bench_reuters -- [ARTICLES] [ROUNDS]
//! ```
//! `ARTICLES` defaults to 1000 and `ROUNDS` to 3 (the best round is reported).

use std::hint::black_box;
use std::time::Instant;

use eventframe::pipeline::{Config, Input, Pipeline};
use eventframe::shared::{reuters_corpus, shared_dir};

/// Article bodies of the Reuters-21578 SGML files, up to `limit` (empty without the data).
fn bodies(limit: usize) -> Vec<String> {
    let Some(shared) = shared_dir() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Err((path, e)) = reuters_corpus(&shared, limit, &mut out) {
        eprintln!("cannot read `{}`: {e}", path.display());
    }
    out.truncate(limit);
    out
}

fn main() {
    let mut args = std::env::args().skip(1);
    let limit: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let rounds: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(3);
    let texts = bodies(limit);
    if texts.is_empty() {
        eprintln!("skipped: Reuters-21578 not found\nhint: set EVENTFRAME_SHARED");
        return;
    }
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    let pipeline = match Pipeline::new(Config {
        n_threads: Some(1),
        ..Config::default()
    }) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{e}");
            return;
        }
    };
    let inputs = |texts: &[String]| -> Vec<Input> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Input {
                doc_id: i.to_string(),
                text: Some(t.clone()),
                published: Some("1987-03-01".into()),
                ..Input::default()
            })
            .collect()
    };
    let (mut best_split, mut best_run) = (f64::MAX, f64::MAX);
    let mut stages = [f64::MAX; 6];
    for _ in 0..rounds {
        let t = Instant::now();
        black_box(
            texts
                .iter()
                .map(|t| t.split_whitespace().count())
                .sum::<usize>(),
        );
        best_split = best_split.min(t.elapsed().as_secs_f64());
        let batch = inputs(&texts);
        let t = Instant::now();
        let out = pipeline.process_batch(batch);
        best_run = best_run.min(t.elapsed().as_secs_f64());
        let mut sums = [0.0; 6];
        for d in &out {
            for (s, v) in sums.iter_mut().zip(d.timings) {
                *s += v;
            }
        }
        for (b, s) in stages.iter_mut().zip(sums) {
            *b = b.min(s);
        }
    }
    println!(
        "{} articles, {words} words: {:.0} words/s ({:.1}x a whitespace split's time)",
        texts.len(),
        words as f64 / best_run,
        best_run / best_split
    );
    let total: f64 = stages.iter().sum();
    let names = ["text", "tag", "mentions", "actors", "events", "figures"];
    for (n, s) in names.iter().zip(stages) {
        println!("  {n:<9} {s:7.3} s {:5.1}%", 100.0 * s / total);
    }
}
