//! Evaluates the tag models on the EWT and GUM test sets (gold tokenisation) and measures speed.
//!
//! `cargo run --release --bin eval_tag -- [--model PATH] [--parse-model PATH] [--dev] [--confusions]
//! [--no-parser] [--by-rel] [--dump DIR]`
//!
//! Besides the gold-tokenisation figures it reports, per set, the same figures end to end from
//! the raw text (our own tokens and sentences), scored the CoNLL 2018 way.
//!
//! `--show FILE` tags and parses a raw text file (rough whitespace/punctuation tokeniser, for
//! inspection) and prints CoNLL-like rows; `--speed FILE` only reports the speed.

use std::time::Instant;

use eventframe::pipeline::Stage;
use eventframe::tag::conllu::{read_files, to_document};
use eventframe::tag::{shared_dir, ud_files, Tag};

fn main() {
    if let Err(e) = run() {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let t0 = Instant::now();
    let tag = match args.iter().position(|a| a == "--model") {
        Some(i) => {
            let p = args.get(i + 1).ok_or("`--model` needs a path")?;
            let b = std::fs::read(p).map_err(|e| format!("could not read `{p}`: {e}"))?;
            Tag::from_bytes(&b)
        }
        None => Tag::load(),
    }
    .map_err(|e| e.to_string())?;
    let mut tag = tag;
    if let Some(i) = args.iter().position(|a| a == "--parse-model") {
        let p = args.get(i + 1).ok_or("`--parse-model` needs a path")?;
        let b = std::fs::read(p).map_err(|e| format!("could not read `{p}`: {e}"))?;
        tag.parser = Tag::parser_from_bytes(&b).map_err(|e| e.to_string())?;
    }
    if args.iter().any(|a| a == "--no-parser") {
        tag.parser = None;
    }
    if let Some(p) = &tag.parser {
        let (f, w) = p.stats();
        println!("parser: {f} features, {w} weights");
    }
    let load = t0.elapsed().as_secs_f64();
    let (c, d, f, w) = tag.tagger.stats();
    println!(
        "load: {:.1} ms ({c} classes, {d} dict words, {f} features, {w} weights)",
        load * 1000.0
    );
    if let Some(i) = args.iter().position(|a| a == "--show" || a == "--speed") {
        let p = args
            .get(i + 1)
            .ok_or("`--show`/`--speed` needs a text file")?;
        let bytes = std::fs::read(p).map_err(|e| format!("could not read `{p}`: {e}"))?;
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let mut doc = rough_document(&text);
        let t1 = Instant::now();
        let c1 = thread_cpu();
        tag.process(&mut doc).map_err(|e| e.message)?;
        let wall = t1.elapsed().as_secs_f64();
        let cpu = thread_cpu().zip(c1).map_or(wall, |(b, a)| b - a);
        if args[i] == "--show" {
            for (si, s) in doc.sentences.iter().enumerate() {
                println!("# sentence {si}");
                for k in s.token_start..s.token_end {
                    let t = &doc.tokens[k as usize];
                    let head = t.head.map_or(0, |h| h + 1 - s.token_start);
                    println!(
                        "{}\t{}\t{}\t{}\t{}\t{head}\t{}",
                        k + 1 - s.token_start,
                        doc.slice(t.span),
                        t.lemma.as_deref().unwrap_or("_"),
                        t.upos,
                        t.xpos,
                        t.deprel
                    );
                }
                println!();
            }
        }
        let n = doc.tokens.len();
        println!(
            "{p}: {n} tokens (rough tokeniser), {:.0} tokens/s wall, {:.0} tokens/s CPU",
            n as f64 / wall,
            n as f64 / cpu
        );
        return Ok(());
    }
    let Some(shared) = shared_dir() else {
        println!("reference data not found (set EVENTFRAME_SHARED); skipping evaluation");
        return Ok(());
    };
    let (_, dev, ewt, gum) = ud_files(&shared);
    let sets: Vec<(String, Vec<std::path::PathBuf>)> = if args.iter().any(|a| a == "--dev") {
        dev.iter()
            .map(|p| {
                (
                    p.file_name()
                        .unwrap_or_default()
                        .to_string_lossy()
                        .into_owned(),
                    vec![p.clone()],
                )
            })
            .collect()
    } else {
        vec![
            ("EWT test".into(), vec![ewt]),
            ("GUM test".into(), vec![gum]),
        ]
    };
    for (name, files) in sets {
        let sents = read_files(&files).map_err(|e| e.to_string())?;
        let mut doc = to_document(&name, &sents);
        let n = doc.tokens.len();
        let (mut best, mut best_cpu) = (f64::MAX, f64::MAX);
        for _ in 0..3 {
            for t in &mut doc.tokens {
                t.lemma = None;
            }
            let t1 = Instant::now();
            let c1 = thread_cpu();
            tag.process(&mut doc).map_err(|e| e.message)?;
            best = best.min(t1.elapsed().as_secs_f64());
            if let (Some(a), Some(b)) = (c1, thread_cpu()) {
                best_cpu = best_cpu.min(b - a);
            }
        }
        if let Some(i) = args.iter().position(|a| a == "--dump") {
            let dir = args.get(i + 1).ok_or("`--dump` needs a folder")?;
            dump(std::path::Path::new(dir), &name, &sents, &doc)?;
        }
        let (mut u, mut x, mut l, mut lo) = (0usize, 0usize, 0usize, 0usize);
        let (mut uas, mut las, mut uas_np, mut las_np, mut n_np) =
            (0usize, 0usize, 0usize, 0usize, 0usize);
        let mut offset = 0usize;
        // per gold relation: tokens, wrong head, right head but wrong relation
        let mut by_rel: std::collections::BTreeMap<&str, [usize; 3]> = Default::default();
        for s in &sents {
            for (k, g) in s.iter().enumerate() {
                let t = &doc.tokens[offset + k];
                let gh = (g.head > 0).then(|| (offset + g.head as usize - 1) as u32);
                let hu = t.head == gh;
                let hl = hu && t.deprel == g.deprel;
                let e = by_rel.entry(g.deprel.as_str()).or_default();
                e[0] += 1;
                e[1] += usize::from(!hu);
                e[2] += usize::from(hu && !hl);
                uas += usize::from(hu);
                las += usize::from(hl);
                if g.upos != "PUNCT" {
                    n_np += 1;
                    uas_np += usize::from(hu);
                    las_np += usize::from(hl);
                }
            }
            offset += s.len();
        }
        let mut confusions: std::collections::BTreeMap<(String, String), usize> =
            Default::default();
        for (t, g) in doc.tokens.iter().zip(sents.iter().flatten()) {
            if t.upos != g.upos {
                *confusions
                    .entry((g.upos.clone(), t.upos.to_owned()))
                    .or_default() += 1;
            }
            u += usize::from(t.upos == g.upos);
            x += usize::from(t.xpos == g.xpos);
            let lem = t.lemma.as_deref().unwrap_or("");
            l += usize::from(lem == g.lemma);
            lo += usize::from(lem.to_lowercase() == g.lemma.to_lowercase());
        }
        let pct = |k: usize| k as f64 * 100.0 / n.max(1) as f64;
        println!(
            "{name}: {n} tokens  UPOS {:.2}  XPOS {:.2}  lemma {:.2} (case-insensitive {:.2})  speed {:.0} tokens/s wall, {:.0} tokens/s CPU",
            pct(u),
            pct(x),
            pct(l),
            pct(lo),
            n as f64 / best,
            n as f64 / best_cpu
        );
        if tag.parser.is_some() {
            println!(
                "  parser: UAS {:.2}  LAS {:.2}  (without punctuation: UAS {:.2}  LAS {:.2})",
                pct(uas),
                pct(las),
                uas_np as f64 * 100.0 / n_np.max(1) as f64,
                las_np as f64 * 100.0 / n_np.max(1) as f64
            );
        }
        let r = raw_scores(&tag, &files)?;
        println!(
            "  raw text, CoNLL 2018 F1: Tokens {:.2}  Sentences {:.2}  Words {:.2}  UPOS {:.2}  XPOS {:.2}  Lemmas {:.2}  UAS {:.2}  LAS {:.2}",
            r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7]
        );
        if args.iter().any(|a| a == "--by-rel") {
            let mut v: Vec<_> = by_rel.into_iter().collect();
            v.sort_by(|a, b| (b.1[1] + b.1[2]).cmp(&(a.1[1] + a.1[2])).then(a.0.cmp(b.0)));
            println!("  relation       tokens  head-wrong  label-wrong  (share of all LAS errors)");
            for (r, [c, h, lw]) in v.iter().take(25) {
                println!(
                    "  {r:14} {c:6}  {h:6}  {lw:6}  {:.1}%",
                    (h + lw) as f64 * 100.0 / (n - las).max(1) as f64
                );
            }
        }
        if args.iter().any(|a| a == "--confusions") {
            let mut v: Vec<_> = confusions.into_iter().collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            for ((g, p), k) in v.iter().take(15) {
                println!("  gold {g:6} -> {p:6} {k}");
            }
        }
    }
    Ok(())
}

/// Writes the predicted analysis of a gold-tokenised set as CoNLL-U (`DIR/<set name>.conllu`,
/// spaces in the name as `_`), with the gold head and relation in the MISC column
/// (`GoldHead=`, `GoldRel=`) for error analysis.
fn dump(
    dir: &std::path::Path,
    name: &str,
    sents: &[Vec<eventframe::tag::conllu::Word>],
    doc: &eventframe::Document,
) -> Result<(), String> {
    use std::fmt::Write as _;
    let mut out = String::new();
    let mut offset = 0usize;
    for s in sents {
        for (k, g) in s.iter().enumerate() {
            let t = &doc.tokens[offset + k];
            let head = t.head.map_or(0, |h| h as usize + 1 - offset);
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t_\t{head}\t{}\t_\tGoldHead={}|GoldRel={}|GoldUpos={}",
                k + 1,
                g.form,
                t.lemma.as_deref().unwrap_or("_"),
                t.upos,
                t.xpos,
                t.deprel,
                g.head,
                g.deprel,
                g.upos
            );
        }
        out.push('\n');
        offset += s.len();
    }
    std::fs::create_dir_all(dir)
        .map_err(|e| format!("could not create `{}`: {e}", dir.display()))?;
    let path = dir.join(format!("{}.conllu", name.replace(' ', "_")));
    std::fs::write(&path, out).map_err(|e| format!("could not write `{}`: {e}", path.display()))
}

/// End-to-end scores from raw text, as the CoNLL 2018 shared task computes them: the treebank's
/// raw text goes through the `text` stage (our tokens and sentences) and the tag stage; system
/// words are aligned to gold words (`tag::conll18`) and each figure is an F1 over words (a word
/// counts when aligned and its tag / lemma / head / relation is right; a head is right when it
/// is aligned to the gold head, or both are the root; relations compare their universal part,
/// without subtypes). Returns Tokens, Sentences, Words, UPOS, XPOS, Lemmas, UAS, LAS.
fn raw_scores(tag: &Tag, files: &[std::path::PathBuf]) -> Result<[f64; 8], String> {
    use eventframe::tag::conll18::{
        align_words, read_conllu, spans_score, system_sentences, system_words, Score,
    };
    let tb = read_conllu(files)?;
    let seg = eventframe::text::segment_full(&tb.text);
    let (sys_tokens, sys_words) = system_words(&tb.text, &seg);
    let sys_sents = system_sentences(&seg);
    let mut doc = eventframe::Document::new("raw", tb.text.clone(), None);
    doc.tokens = seg.tokens.clone();
    doc.sentences = seg.sentences.clone();
    tag.process(&mut doc).map_err(|e| e.message)?;
    let aligned = align_words(&tb.words, &sys_words);
    let mut g2s = vec![None; tb.words.len()];
    for &(g, s) in &aligned {
        g2s[g] = Some(s);
    }
    let universal = |r: &str| r.split(':').next().unwrap_or("").to_owned();
    let mut counts = [0usize; 5];
    for &(g, s) in &aligned {
        let (gw, t) = (&tb.gold[g], &doc.tokens[s]);
        counts[0] += usize::from(t.upos == gw.upos);
        counts[1] += usize::from(t.xpos == gw.xpos);
        counts[2] += usize::from(t.lemma.as_deref() == Some(gw.lemma.as_str()));
        let head_ok = match gw.head {
            None => t.head.is_none(),
            Some(h) => t.head.is_some() && g2s[h] == t.head.map(|x| x as usize),
        };
        counts[3] += usize::from(head_ok);
        counts[4] += usize::from(head_ok && universal(t.deprel) == universal(&gw.deprel));
    }
    let words = |correct: usize| Score {
        gold: tb.words.len(),
        system: sys_words.len(),
        correct,
    };
    Ok([
        spans_score(&tb.tokens, &sys_tokens).f1(),
        spans_score(&tb.sentences, &sys_sents).f1(),
        words(aligned.len()).f1(),
        words(counts[0]).f1(),
        words(counts[1]).f1(),
        words(counts[2]).f1(),
        words(counts[3]).f1(),
        words(counts[4]).f1(),
    ])
}

/// CPU time of the calling thread in seconds (Linux `/proc`), so that speed is per core even
/// on a busy machine.
fn thread_cpu() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// A rough UD-like tokenisation of raw text for inspection and speed runs: whitespace, outer
/// punctuation and English clitics split off; sentences end at `.`, `!` or `?` tokens.
fn rough_document(text: &str) -> eventframe::Document {
    use eventframe::document::{Sentence, Span, Token};
    let mut doc = eventframe::Document::new("raw", text, None);
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let is_punct =
        |c: char| !c.is_alphanumeric() && !matches!(c, '-' | '&' | '/' | '@' | '%' | '$');
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                let mut a = s;
                let mut b = i;
                let mut tail = Vec::new();
                while let Some(ch) = text[a..b].chars().next().filter(|&ch| is_punct(ch)) {
                    spans.push((a, a + ch.len_utf8()));
                    a += ch.len_utf8();
                }
                while let Some(ch) = text[a..b].chars().next_back().filter(|&ch| is_punct(ch)) {
                    let w = &text[a..b];
                    // Keep the period of abbreviations such as "U.S." or "Jan.".
                    if ch == '.' && w[..w.len() - 1].contains('.') {
                        break;
                    }
                    tail.push((b - ch.len_utf8(), b));
                    b -= ch.len_utf8();
                }
                let w = &text[a..b];
                let lw = w.to_lowercase();
                let clitic = ["n't", "'s", "\u{2019}s", "'re", "'ve", "'ll", "'d", "'m"]
                    .iter()
                    .find(|c| lw.ends_with(*c) && lw.len() > c.len())
                    .map(|c| c.len());
                if a < b {
                    match clitic {
                        Some(k) => {
                            spans.push((a, b - k));
                            spans.push((b - k, b));
                        }
                        None => spans.push((a, b)),
                    }
                }
                spans.extend(tail.into_iter().rev());
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    let mut sent_start = 0usize;
    for (k, &(a, b)) in spans.iter().enumerate() {
        doc.tokens.push(Token {
            span: Span::new(a, b),
            sentence: doc.sentences.len() as u32,
            space_after: text[b..].starts_with(char::is_whitespace),
            ..Token::default()
        });
        let end = matches!(&text[a..b], "." | "!" | "?") || k + 1 == spans.len();
        if end {
            doc.sentences.push(Sentence {
                span: Span::new(spans[sent_start].0, b),
                token_start: sent_start as u32,
                token_end: k as u32 + 1,
            });
            sent_start = k + 1;
        }
    }
    doc
}
