//! CoNLL 2018 shared-task scores (Tokens, Words, Sentences F1) of the `text` stage on UD English.
//!
//! The raw text of each treebank is rebuilt from its word forms and `SpaceAfter=No`; sentences
//! are joined by a space, paragraphs (`# newpar`) by a newline and documents (`# newdoc`) by a
//! blank line. Our tokens are the system's syntactic words; clitics split off a surface word
//! form one multi-word token with it. Words inside multi-word tokens are aligned by the longest
//! common subsequence of their lowercased forms, as the official scorer does (shared code in
//! `eventframe::tag::conll18`).
//!
//! ```text
//! cargo run --release --bin eval_text                 # dev and test of EWT and GUM
//! cargo run --release --bin eval_text -- --set train  # the training parts
//! cargo run --release --bin eval_text -- --set dev --errors 40 --only gum
//! ```

use eventframe::shared::shared_dir;
use eventframe::tag::conll18::{
    align_words, read_conllu, spans_score, system_sentences, system_words, Score, Sp, Treebank,
};
use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;

use eventframe::text::segment_full;

struct Result3 {
    tokens: Score,
    words: Score,
    sentences: Score,
}

fn evaluate(tb: &Treebank, errors: usize) -> Result3 {
    let seg = segment_full(&tb.text);
    let (sys_tokens, sys_words) = system_words(&tb.text, &seg);
    let sys_sents = system_sentences(&seg);
    let aligned = align_words(&tb.words, &sys_words);
    if errors > 0 {
        report_errors(tb, &seg, &aligned, &sys_sents, errors);
    }
    Result3 {
        tokens: spans_score(&tb.tokens, &sys_tokens),
        words: Score {
            gold: tb.words.len(),
            system: sys_words.len(),
            correct: aligned.len(),
        },
        sentences: spans_score(&tb.sentences, &sys_sents),
    }
}

fn context(text: &str, at: usize, width: usize) -> String {
    let mut a = at.saturating_sub(width);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (at + width).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    format!("{}⟦⟧{}", &text[a..at], &text[at..b]).replace('\n', "¶")
}

fn report_errors(
    tb: &Treebank,
    seg: &eventframe::text::Segmentation,
    aligned: &[(usize, usize)],
    sys_sents: &[Sp],
    n: usize,
) {
    let text = &tb.text;
    let mut sys_ok = vec![false; seg.tokens.len()];
    for &(_, s) in aligned {
        sys_ok[s] = true;
    }
    let mut patterns: HashMap<String, (usize, String)> = HashMap::new();
    let mut gi = 0;
    for (si, t) in seg.tokens.iter().enumerate() {
        if sys_ok[si] {
            continue;
        }
        while gi < tb.words.len() && tb.words[gi].span.end <= t.span.start {
            gi += 1;
        }
        let mut gold = Vec::new();
        let mut j = gi;
        while j < tb.words.len() && tb.words[j].span.start < t.span.end {
            gold.push(text[tb.words[j].span.start..tb.words[j].span.end].to_string());
            j += 1;
        }
        gold.dedup();
        let key = format!("sys `{}` gold {:?}", &text[t.span.start..t.span.end], gold);
        let e = patterns
            .entry(key)
            .or_insert((0, context(text, t.span.start, 40)));
        e.0 += 1;
    }
    let mut v: Vec<_> = patterns.into_iter().collect();
    v.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(&b.0)));
    println!("  -- word errors (most frequent first) --");
    for (k, (c, ctx)) in v.iter().take(n) {
        println!("  {c:4} {k}   | {ctx}");
    }
    let gold_ends: std::collections::HashSet<usize> = tb.sentences.iter().map(|s| s.end).collect();
    let sys_ends: std::collections::HashSet<usize> = sys_sents.iter().map(|s| s.end).collect();
    // Summary of missed and false ends by the shapes of the tokens around them.
    let shape = |t: &str| -> String {
        let c = t.chars().next().unwrap_or(' ');
        if t.chars().all(|c| matches!(c, '.' | '!' | '?')) {
            t.chars().take(3).collect()
        } else if t.starts_with("http") || t.starts_with("www") {
            "URL".into()
        } else if c.is_uppercase() {
            "Aa".into()
        } else if c.is_lowercase() {
            "aa".into()
        } else if c.is_ascii_digit() {
            "9".into()
        } else {
            t.chars().take(2).collect()
        }
    };
    let by_end: HashMap<usize, usize> = seg
        .tokens
        .iter()
        .enumerate()
        .map(|(i, t)| (t.span.end, i))
        .collect();
    for (title, ends) in [
        (
            "missed",
            tb.sentences
                .iter()
                .map(|s| s.end)
                .filter(|e| !sys_ends.contains(e))
                .collect::<Vec<_>>(),
        ),
        (
            "false",
            sys_sents
                .iter()
                .map(|s| s.end)
                .filter(|e| !gold_ends.contains(e))
                .collect(),
        ),
    ] {
        let mut kinds: HashMap<String, usize> = HashMap::new();
        for e in ends {
            let Some(&i) = by_end.get(&e) else { continue };
            let cur = &seg.tokens[i];
            let nxt = seg.tokens.get(i + 1).map_or(String::from("END"), |t| {
                let gap = &text[cur.span.end..t.span.start];
                let nl = if gap.contains('\n') {
                    "¶"
                } else if gap.is_empty() {
                    ""
                } else {
                    " "
                };
                format!("{nl}{}", shape(&text[t.span.start..t.span.end]))
            });
            *kinds
                .entry(format!(
                    "{}|{}",
                    shape(&text[cur.span.start..cur.span.end]),
                    nxt
                ))
                .or_default() += 1;
        }
        let mut v: Vec<_> = kinds.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let line: Vec<String> = v.iter().take(20).map(|(k, c)| format!("{k}:{c}")).collect();
        println!("  -- {title} ends by shape: {}", line.join("  "));
    }
    println!("  -- missed sentence ends --");
    for s in tb
        .sentences
        .iter()
        .filter(|s| !sys_ends.contains(&s.end))
        .take(n)
    {
        println!("  {}", context(text, s.end, 50));
    }
    println!("  -- false sentence ends --");
    for s in sys_sents
        .iter()
        .filter(|s| !gold_ends.contains(&s.end))
        .take(n)
    {
        println!("  {}", context(text, s.end, 50));
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut sets: Vec<String> = vec!["dev".into(), "test".into()];
    let mut only: Option<String> = None;
    let mut errors = 0usize;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--set" => {
                sets = args
                    .get(i + 1)
                    .map(|s| s.split(',').map(String::from).collect())
                    .unwrap_or_default();
                i += 1;
            }
            "--only" => {
                only = args.get(i + 1).cloned();
                i += 1;
            }
            "--errors" => {
                errors = args.get(i + 1).and_then(|s| s.parse().ok()).unwrap_or(30);
                i += 1;
            }
            a => {
                eprintln!(
                    "unknown argument `{a}`\nhint: eval_text [--set dev,test,train] [--only ewt|gum] [--errors N]"
                );
                return ExitCode::from(2);
            }
        }
        i += 1;
    }
    let Some(shared) = shared_dir() else {
        println!("skipped: shared data not found (set EVENTFRAME_SHARED or put it at ../shared)");
        return ExitCode::SUCCESS;
    };
    let ud = shared.join("data/ud");
    println!(
        "{:<10} {:<6} {:>8} {:>8} {:>8} {:>8} {:>8}",
        "treebank", "set", "Tokens", "Words", "Sent P", "Sent R", "Sent F1"
    );
    for tbname in ["ewt", "gum"] {
        if only.as_deref().is_some_and(|o| o != tbname) {
            continue;
        }
        for set in &sets {
            let files: Vec<PathBuf> = match (tbname, set.as_str()) {
                ("ewt", "train") => (1..=4)
                    .map(|k| ud.join(format!("ewt/en_ewt-ud-train.part{k}.conllu")))
                    .collect(),
                ("gum", "train") => (1..=5)
                    .map(|k| {
                        ud.join(format!(
                            "gum/en_gum-train-from-amir-zeldes-gum.part{k}.conllu"
                        ))
                    })
                    .collect(),
                (_, s) => vec![ud.join(format!("{tbname}/en_{tbname}-ud-{s}.conllu"))],
            };
            let tb = match read_conllu(&files) {
                Ok(tb) => tb,
                Err(e) => {
                    eprintln!("{e}\nhint: sets are dev, test, train");
                    return ExitCode::FAILURE;
                }
            };
            let t0 = std::time::Instant::now();
            let r = evaluate(&tb, errors);
            let dt = t0.elapsed();
            println!(
                "{:<10} {:<6} {:>8.2} {:>8.2} {:>8.2} {:>8.2} {:>8.2}   ({} gold words, {} sentences, {:.0} ms)",
                tbname,
                set,
                r.tokens.f1(),
                r.words.f1(),
                r.sentences.p(),
                r.sentences.r(),
                r.sentences.f1(),
                r.words.gold,
                r.sentences.gold,
                dt.as_secs_f64() * 1000.0
            );
        }
    }
    ExitCode::SUCCESS
}
