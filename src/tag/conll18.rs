//! CoNLL 2018 shared-task scoring pieces: a CoNLL-U reader that rebuilds the raw text with gold
//! spans, span scores and the scorer's word alignment (words inside multi-word tokens are
//! aligned by the longest common subsequence of their lowercased forms). Used by `eval_text`
//! (segmentation) and `eval_tag` (tagging and parsing from raw text).
//!
//! The raw text of each treebank is rebuilt from its word forms and `SpaceAfter=No`; sentences
//! are joined by a space, paragraphs (`# newpar`) by a newline and documents (`# newdoc`) by a
//! blank line; files are separate documents.

use std::path::PathBuf;

use crate::text::Segmentation;

/// A byte span `[start, end)` of the treebank text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sp {
    /// Start byte.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
}

/// A syntactic word: its span (the whole surface token for words of a multi-word token), its
/// lowercased form, and whether it belongs to a multi-word token.
#[derive(Clone, Debug)]
pub struct Word {
    /// Span of the word (of its multi-word token when `multi`).
    pub span: Sp,
    /// Lowercased form.
    pub form: String,
    /// Part of a multi-word token.
    pub multi: bool,
}

/// Gold annotation of one treebank word.
#[derive(Clone, Debug, Default)]
pub struct Gold {
    /// Universal POS.
    pub upos: String,
    /// Penn tag.
    pub xpos: String,
    /// Lemma.
    pub lemma: String,
    /// Index of the head in [`Treebank::words`]; `None` for the root.
    pub head: Option<usize>,
    /// Relation.
    pub deprel: String,
}

/// A treebank as raw text with gold spans and annotations.
#[derive(Default, Debug)]
pub struct Treebank {
    /// The rebuilt raw text.
    pub text: String,
    /// Surface tokens.
    pub tokens: Vec<Sp>,
    /// Syntactic words.
    pub words: Vec<Word>,
    /// Gold annotation, one per word.
    pub gold: Vec<Gold>,
    /// Sentences.
    pub sentences: Vec<Sp>,
}

/// Reads CoNLL-U files into one raw text with gold spans and annotations.
///
/// # Errors
/// When a file cannot be read.
pub fn read_conllu(paths: &[PathBuf]) -> Result<Treebank, String> {
    let mut tb = Treebank::default();
    for path in paths {
        let data = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read `{}`: {e}", path.display()))?;
        let mut newdoc = false;
        let mut newpar = false;
        let mut sent_start: Option<usize> = None;
        let mut mwt_left = 0usize;
        let mut mwt_span = Sp { start: 0, end: 0 };
        let mut last_end = 0usize;
        let mut sent_word0 = 0usize;
        for line in data.lines() {
            if line.is_empty() {
                if let Some(s) = sent_start.take() {
                    tb.sentences.push(Sp {
                        start: s,
                        end: last_end,
                    });
                    tb.text.truncate(last_end);
                }
                continue;
            }
            if let Some(c) = line.strip_prefix('#') {
                let c = c.trim_start();
                if c.starts_with("newdoc") {
                    newdoc = true;
                } else if c.starts_with("newpar") {
                    newpar = true;
                }
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 10 || f[0].contains('.') {
                continue;
            }
            if sent_start.is_none() {
                if !tb.text.is_empty() {
                    tb.text.push_str(if newdoc {
                        "\n\n"
                    } else if newpar {
                        "\n"
                    } else {
                        " "
                    });
                }
                newdoc = false;
                newpar = false;
                sent_start = Some(tb.text.len());
                sent_word0 = tb.words.len();
            }
            let space_after = !f[9].split('|').any(|x| x == "SpaceAfter=No");
            if let Some((a, b)) = f[0].split_once('-') {
                let (a, b): (usize, usize) = (a.parse().unwrap_or(0), b.parse().unwrap_or(0));
                let start = tb.text.len();
                tb.text.push_str(f[1]);
                mwt_span = Sp {
                    start,
                    end: tb.text.len(),
                };
                last_end = mwt_span.end;
                tb.tokens.push(mwt_span);
                mwt_left = b.saturating_sub(a) + 1;
                if space_after {
                    tb.text.push(' ');
                }
                continue;
            }
            let head = f[6].parse::<usize>().ok().filter(|&h| h > 0);
            tb.gold.push(Gold {
                upos: f[3].to_owned(),
                xpos: f[4].to_owned(),
                lemma: f[2].to_owned(),
                head: head.map(|h| sent_word0 + h - 1),
                deprel: f[7].to_owned(),
            });
            if mwt_left > 0 {
                mwt_left -= 1;
                tb.words.push(Word {
                    span: mwt_span,
                    form: f[1].to_lowercase(),
                    multi: true,
                });
                continue;
            }
            let start = tb.text.len();
            tb.text.push_str(f[1]);
            let sp = Sp {
                start,
                end: tb.text.len(),
            };
            last_end = sp.end;
            tb.tokens.push(sp);
            tb.words.push(Word {
                span: sp,
                form: f[1].to_lowercase(),
                multi: false,
            });
            if space_after {
                tb.text.push(' ');
            }
        }
        if let Some(s) = sent_start.take() {
            tb.sentences.push(Sp {
                start: s,
                end: last_end,
            });
            tb.text.truncate(last_end);
        }
        if !tb.text.is_empty() {
            // Files are separate documents.
            tb.text.push_str("\n\n");
        }
    }
    Ok(tb)
}

/// Counts behind precision, recall and F1.
#[derive(Clone, Copy, Default, Debug)]
pub struct Score {
    /// Gold items.
    pub gold: usize,
    /// System items.
    pub system: usize,
    /// Correct system items.
    pub correct: usize,
}

impl Score {
    /// F1 in percent (100 when both sides are empty).
    #[must_use]
    pub fn f1(self) -> f64 {
        if self.gold + self.system == 0 {
            return 100.0;
        }
        200.0 * self.correct as f64 / (self.gold + self.system) as f64
    }
    /// Precision in percent.
    #[must_use]
    pub fn p(self) -> f64 {
        100.0 * self.correct as f64 / self.system.max(1) as f64
    }
    /// Recall in percent.
    #[must_use]
    pub fn r(self) -> f64 {
        100.0 * self.correct as f64 / self.gold.max(1) as f64
    }
}

/// Exact-span matches of sorted span lists.
#[must_use]
pub fn spans_score(gold: &[Sp], sys: &[Sp]) -> Score {
    let (mut c, mut gi, mut si) = (0, 0, 0);
    while gi < gold.len() && si < sys.len() {
        if sys[si].start < gold[gi].start {
            si += 1;
        } else if gold[gi].start < sys[si].start {
            gi += 1;
        } else {
            c += usize::from(gold[gi].end == sys[si].end);
            gi += 1;
            si += 1;
        }
    }
    Score {
        gold: gold.len(),
        system: sys.len(),
        correct: c,
    }
}

fn beyond_end(w: &[Word], i: usize, end: usize) -> bool {
    match w.get(i) {
        None => true,
        Some(x) if x.multi => x.span.start >= end,
        Some(x) => x.span.end > end,
    }
}

fn extend_end(w: &Word, end: usize) -> usize {
    if w.multi && w.span.end > end {
        w.span.end
    } else {
        end
    }
}

/// Aligns words as the CoNLL 2018 scorer does; returns aligned (gold, system) index pairs.
#[must_use]
pub fn align_words(g: &[Word], s: &[Word]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let (mut gi, mut si) = (0, 0);
    while gi < g.len() && si < s.len() {
        if g[gi].multi || s[si].multi {
            let mut end;
            if g[gi].multi {
                end = g[gi].span.end;
                if !s[si].multi && s[si].span.start < g[gi].span.start {
                    si += 1;
                }
            } else {
                end = s[si].span.end;
                if !g[gi].multi && g[gi].span.start < s[si].span.start {
                    gi += 1;
                }
            }
            let (gs, ss) = (gi, si);
            while !beyond_end(g, gi, end) || !beyond_end(s, si, end) {
                if gi < g.len() && (si >= s.len() || g[gi].span.start <= s[si].span.start) {
                    end = extend_end(&g[gi], end);
                    gi += 1;
                } else {
                    end = extend_end(&s[si], end);
                    si += 1;
                }
            }
            if si > ss && gi > gs {
                let (ng, ns) = (gi - gs, si - ss);
                let mut lcs = vec![vec![0usize; ns + 1]; ng + 1];
                for a in (0..ng).rev() {
                    for b in (0..ns).rev() {
                        let m = if g[gs + a].form == s[ss + b].form {
                            1 + lcs[a + 1][b + 1]
                        } else {
                            0
                        };
                        lcs[a][b] = m.max(lcs[a + 1][b]).max(lcs[a][b + 1]);
                    }
                }
                let (mut a, mut b) = (0, 0);
                while a < ng && b < ns {
                    if g[gs + a].form == s[ss + b].form {
                        out.push((gs + a, ss + b));
                        a += 1;
                        b += 1;
                    } else if lcs[a][b] == lcs[a + 1][b] {
                        a += 1;
                    } else {
                        b += 1;
                    }
                }
            }
        } else if g[gi].span == s[si].span {
            out.push((gi, si));
            gi += 1;
            si += 1;
        } else if g[gi].span.start <= s[si].span.start {
            gi += 1;
        } else {
            si += 1;
        }
    }
    out
}

/// System sentence spans of a segmentation.
#[must_use]
pub fn system_sentences(seg: &Segmentation) -> Vec<Sp> {
    seg.sentences
        .iter()
        .map(|s| Sp {
            start: s.span.start,
            end: s.span.end,
        })
        .collect()
}

/// System surface tokens and words of a segmentation: clitics (`n't` of `don't`) form one
/// multi-word token with the word before them.
#[must_use]
pub fn system_words(text: &str, seg: &Segmentation) -> (Vec<Sp>, Vec<Word>) {
    let mut sys_tokens: Vec<Sp> = Vec::with_capacity(seg.tokens.len());
    let mut group_sizes: Vec<usize> = Vec::with_capacity(seg.tokens.len());
    for (t, &cl) in seg.tokens.iter().zip(&seg.clitic) {
        match sys_tokens.last_mut() {
            Some(last) if cl => {
                last.end = t.span.end;
                if let Some(n) = group_sizes.last_mut() {
                    *n += 1;
                }
            }
            _ => {
                sys_tokens.push(Sp {
                    start: t.span.start,
                    end: t.span.end,
                });
                group_sizes.push(1);
            }
        }
    }
    let mut sys_words = Vec::with_capacity(seg.tokens.len());
    let mut k = 0;
    for (gi, &n) in group_sizes.iter().enumerate() {
        for _ in 0..n {
            let Some(t) = seg.tokens.get(k) else { break };
            let span = if n > 1 {
                sys_tokens[gi]
            } else {
                Sp {
                    start: t.span.start,
                    end: t.span.end,
                }
            };
            sys_words.push(Word {
                span,
                form: text
                    .get(t.span.start..t.span.end)
                    .unwrap_or("")
                    .to_lowercase(),
                multi: n > 1,
            });
            k += 1;
        }
    }
    (sys_tokens, sys_words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(start: usize, end: usize, form: &str, multi: bool) -> Word {
        Word {
            span: Sp { start, end },
            form: form.into(),
            multi,
        }
    }

    #[test]
    fn aligns_plain_and_multi_word_tokens() {
        // Gold "don't go": do|n't (one multi-word token) go; the system splits "do" "n't" the
        // same way but misses nothing.
        let g = [
            w(0, 5, "do", true),
            w(0, 5, "n't", true),
            w(6, 8, "go", false),
        ];
        let s = [
            w(0, 5, "do", true),
            w(0, 5, "n't", true),
            w(6, 8, "go", false),
        ];
        assert_eq!(align_words(&g, &s), vec![(0, 0), (1, 1), (2, 2)]);
        // A system that does not split the token aligns only the plain word.
        let s2 = [w(0, 5, "don't", false), w(6, 8, "go", false)];
        assert_eq!(align_words(&g, &s2), vec![(2, 1)]);
        let sc = spans_score(&[Sp { start: 0, end: 5 }], &[Sp { start: 0, end: 5 }]);
        assert!((sc.f1() - 100.0).abs() < 1e-9);
    }
}
