//! A small CoNLL-U reader for training and evaluation (syntactic words only).

use crate::document::{Document, Sentence, Span, Token, TokenKind};
use crate::error::{Error, Result};

/// One syntactic word of a CoNLL-U sentence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Word {
    /// Surface form.
    pub form: String,
    /// Gold lemma.
    pub lemma: String,
    /// Gold universal POS.
    pub upos: String,
    /// Gold Penn tag.
    pub xpos: String,
    /// Gold head (1-based, 0 = root).
    pub head: u32,
    /// Gold relation.
    pub deprel: String,
    /// Whether a space follows (from `SpaceAfter=No` in MISC).
    pub space_after: bool,
}

/// Parses CoNLL-U text into sentences of words; multiword-token lines and empty nodes are skipped.
///
/// # Errors
/// When a word line has fewer than ten columns.
pub fn parse(text: &str) -> Result<Vec<Vec<Word>>> {
    let mut out = Vec::new();
    let mut cur: Vec<Word> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 10 {
            return Err(Error::config(format!(
                "CoNLL-U line {} has {} columns, expected 10: `{}`",
                n + 1,
                cols.len(),
                line.chars().take(80).collect::<String>()
            )));
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        cur.push(Word {
            form: cols[1].to_owned(),
            lemma: cols[2].to_owned(),
            upos: cols[3].to_owned(),
            xpos: cols[4].to_owned(),
            head: cols[6].parse().unwrap_or(0),
            deprel: cols[7].to_owned(),
            space_after: !cols[9].split('|').any(|m| m == "SpaceAfter=No"),
        });
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// Reads and concatenates several CoNLL-U files.
///
/// # Errors
/// When a file cannot be read or parsed.
pub fn read_files(paths: &[std::path::PathBuf]) -> Result<Vec<Vec<Word>>> {
    let mut all = Vec::new();
    for p in paths {
        let text = std::fs::read_to_string(p).map_err(|e| Error::Io {
            path: p.display().to_string(),
            message: e.to_string(),
        })?;
        all.extend(parse(&text)?);
    }
    Ok(all)
}

/// Builds an untagged [`Document`] from gold-tokenised sentences (forms joined by their spacing).
#[must_use]
pub fn to_document(id: &str, sentences: &[Vec<Word>]) -> Document {
    let mut doc = Document::new(id, String::new(), None);
    for (si, sent) in sentences.iter().enumerate() {
        let start_tok = doc.tokens.len() as u32;
        let sent_start = doc.text.len();
        for w in sent {
            let s = doc.text.len();
            doc.text.push_str(&w.form);
            let kind = if w
                .form
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
                && w.form.chars().any(|c| c.is_ascii_digit())
            {
                TokenKind::Number
            } else if w.form.chars().all(|c| !c.is_alphanumeric()) {
                TokenKind::Punct
            } else {
                TokenKind::Word
            };
            doc.tokens.push(Token {
                span: Span::new(s, doc.text.len()),
                sentence: si as u32,
                kind,
                space_after: w.space_after,
                ..Token::default()
            });
            if w.space_after {
                doc.text.push(' ');
            }
        }
        let end = doc.text.trim_end().len().max(sent_start);
        doc.sentences.push(Sentence {
            span: Span::new(sent_start, end),
            token_start: start_tok,
            token_end: doc.tokens.len() as u32,
        });
        if !doc.text.ends_with(' ') {
            doc.text.push(' ');
        }
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# text = Don't go.\n1-2\tDon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tDo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";

    #[test]
    fn parses_words_and_builds_documents() {
        let s = parse(SAMPLE).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(
            s[0].iter().map(|w| w.form.as_str()).collect::<Vec<_>>(),
            ["Do", "n't", "go", "."]
        );
        assert_eq!(s[0][1].lemma, "not");
        assert!(!s[0][2].space_after);
        let d = to_document("x", &s);
        assert_eq!(d.tokens.len(), 4);
        assert_eq!(d.slice(d.tokens[2].span), "go");
        assert_eq!(d.slice(d.tokens[3].span), ".");
        assert!(parse("1\tbad\n").is_err());
    }
}
