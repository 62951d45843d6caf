//! Throughput of the `text` stage (segmentation + tokenisation) on Reuters-21578 bodies, one
//! core, against a plain whitespace split in the same run; then one 20 MB document without
//! newlines (linear time check).
//!
//! ```text
//! cargo run --release --bin bench_text            # 3 rounds, best round reported
//! cargo run --release --bin bench_text -- 5       # 5 rounds
//! ```

use eventframe::shared::{reuters_corpus, shared_dir};
use std::hint::black_box;
use std::process::ExitCode;
use std::time::Instant;

use eventframe::text::segment;

/// CPU time of this thread in seconds (Linux `schedstat`), or `None` elsewhere.
///
/// The benchmark machine may be shared; CPU time gives the per-core throughput even when the
/// thread waits for a core.
fn thread_cpu() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// Wall and CPU seconds of `f`.
fn timed(mut f: impl FnMut()) -> (f64, f64) {
    let c0 = thread_cpu();
    let t0 = Instant::now();
    f();
    let wall = t0.elapsed().as_secs_f64();
    let cpu = match (c0, thread_cpu()) {
        (Some(a), Some(b)) => b - a,
        _ => wall,
    };
    (wall, cpu)
}

fn mbps(bytes: usize, secs: f64) -> f64 {
    bytes as f64 / 1e6 / secs.max(1e-9)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `--show N`: print the sentences of the first N bodies instead of timing.
    let show: Option<usize> = args
        .iter()
        .position(|a| a == "--show")
        .and_then(|i| args.get(i + 1)?.parse().ok());
    let rounds: usize = args
        .first()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3)
        .max(1);
    let Some(shared) = shared_dir() else {
        println!("skipped: Reuters-21578 not found (set EVENTFRAME_SHARED or put it at ../shared)");
        return ExitCode::SUCCESS;
    };
    let mut docs = Vec::new();
    if let Err((p, e)) = reuters_corpus(&shared, usize::MAX, &mut docs) {
        eprintln!("cannot read `{}`: {e}", p.display());
        return ExitCode::FAILURE;
    }
    if let Some(n) = show {
        for d in docs.iter().take(n) {
            let (sents, _) = segment(d);
            for s in &sents {
                println!("| {}", d[s.span.start..s.span.end].replace('\n', " "));
            }
            println!("-----");
        }
        return ExitCode::SUCCESS;
    }
    let total: usize = docs.iter().map(String::len).sum();
    println!(
        "Reuters-21578: {} bodies, {:.1} MB (UTF-8), {} rounds, 1 thread",
        docs.len(),
        total as f64 / 1e6,
        rounds
    );

    let (mut ws_wall, mut ws_cpu) = (f64::MAX, f64::MAX);
    let (mut seg_wall, mut seg_cpu) = (f64::MAX, f64::MAX);
    let (mut n_ws, mut n_tok, mut n_sent) = (0usize, 0usize, 0usize);
    for _ in 0..rounds {
        let (w, c) = timed(|| {
            let mut k = 0;
            for d in &docs {
                k += black_box(d.as_str())
                    .split_whitespace()
                    .fold(0, |a, w| a + usize::from(black_box(w.len()) > 0));
            }
            n_ws = k;
        });
        ws_wall = ws_wall.min(w);
        ws_cpu = ws_cpu.min(c);
        let (w, c) = timed(|| {
            let (mut nt, mut ns) = (0, 0);
            for d in &docs {
                let (s, t) = segment(black_box(d));
                nt += t.len();
                ns += s.len();
            }
            n_tok = nt;
            n_sent = ns;
        });
        seg_wall = seg_wall.min(w);
        seg_cpu = seg_cpu.min(c);
    }
    println!("                   per CPU second  per wall second");
    println!(
        "whitespace split : {:9.1} MB/s   {:9.1} MB/s  ({n_ws} pieces)",
        mbps(total, ws_cpu),
        mbps(total, ws_wall)
    );
    println!(
        "segment          : {:9.1} MB/s   {:9.1} MB/s  ({n_tok} tokens, {n_sent} sentences)",
        mbps(total, seg_cpu),
        mbps(total, seg_wall)
    );
    println!(
        "ratio segment / whitespace split (CPU time): {:.3}",
        ws_cpu / seg_cpu
    );

    // One 20 MB document without newlines.
    let mut big = String::with_capacity(20_000_100);
    'fill: loop {
        for d in &docs {
            for w in d.split_whitespace() {
                big.push_str(w);
                big.push(' ');
                if big.len() >= 20_000_000 {
                    break 'fill;
                }
            }
        }
    }
    let (mut nt, mut ns) = (0, 0);
    let (wall, cpu) = timed(|| {
        let (s, t) = segment(&big);
        nt = t.len();
        ns = s.len();
    });
    println!(
        "one {:.1} MB document without newlines: {:.3} s CPU ({:.3} s wall), {:.1} MB/s per CPU second ({nt} tokens, {ns} sentences)",
        big.len() as f64 / 1e6,
        cpu,
        wall,
        mbps(big.len(), cpu),
    );
    ExitCode::SUCCESS
}
