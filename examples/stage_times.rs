//! Prints per-stage seconds for one long single-sentence document (a linearity check).
//! `cargo run --release --example stage_times -- 20000` (repetitions of a 66-byte phrase).

use eventframe::pipeline::{Config, Input, Pipeline};

fn main() {
    let reps: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let text = "Russia attacked Ukraine and 1,200 soldiers were killed on Monday ".repeat(reps);
    let p = Pipeline::new(Config {
        n_threads: Some(1),
        ..Config::default()
    })
    .expect("pipeline");
    let out = p.process_batch(vec![Input {
        doc_id: "big".into(),
        text: Some(text),
        published: Some("2024-11-06".into()),
        ..Input::default()
    }]);
    let names = ["text", "tag", "mentions", "actors", "events", "figures"];
    for (n, t) in names.iter().zip(out[0].timings) {
        eprintln!("{n:<9} {t:8.3} s");
    }
}
