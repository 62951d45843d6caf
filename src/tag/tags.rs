//! Static tables of tag and relation strings, so tokens can hold `&'static str`.

/// Universal POS tags.
pub const UPOS: &[&str] = &[
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
    "PUNCT", "SCONJ", "SYM", "VERB", "X",
];

/// Penn Treebank tags as used by UD English (EWT, GUM).
pub const XPOS: &[&str] = &[
    "$", "''", ",", "-LRB-", "-RRB-", ".", ":", "ADD", "AFX", "CC", "CD", "DT", "EX", "FW", "GW",
    "HYPH", "IN", "JJ", "JJR", "JJS", "LS", "MD", "NFP", "NN", "NNP", "NNPS", "NNS", "PDT", "POS",
    "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB", "VBD", "VBG", "VBN", "VBP",
    "VBZ", "WDT", "WP", "WP$", "WRB", "``", "XX",
];

/// Universal Dependencies relations used by English treebanks.
pub const DEPREL: &[&str] = &[
    "acl",
    "acl:relcl",
    "advcl",
    "advcl:relcl",
    "advmod",
    "amod",
    "appos",
    "aux",
    "aux:pass",
    "case",
    "cc",
    "cc:preconj",
    "ccomp",
    "compound",
    "compound:prt",
    "conj",
    "cop",
    "csubj",
    "csubj:outer",
    "csubj:pass",
    "dep",
    "det",
    "det:predet",
    "discourse",
    "dislocated",
    "expl",
    "fixed",
    "flat",
    "goeswith",
    "iobj",
    "list",
    "mark",
    "nmod",
    "nmod:desc",
    "nmod:poss",
    "nmod:unmarked",
    "nsubj",
    "nsubj:outer",
    "nsubj:pass",
    "nummod",
    "obj",
    "obl",
    "obl:agent",
    "obl:unmarked",
    "orphan",
    "parataxis",
    "punct",
    "reparandum",
    "root",
    "vocative",
    "xcomp",
];

/// The static copy of `s` in `table`, or `fallback` when it is not there.
#[must_use]
pub fn intern(table: &[&'static str], s: &str, fallback: &'static str) -> &'static str {
    table.iter().copied().find(|t| *t == s).unwrap_or(fallback)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interns_known_and_falls_back() {
        for (table, s, fb, want) in [
            (UPOS, "NOUN", "X", "NOUN"),
            (UPOS, "noun", "X", "X"),
            (XPOS, "PRP$", "XX", "PRP$"),
            (DEPREL, "nsubj:pass", "dep", "nsubj:pass"),
            (DEPREL, "nsubj:xyz", "dep", "dep"),
        ] {
            assert_eq!(intern(table, s, fb), want);
        }
    }
}
