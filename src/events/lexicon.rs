//! The trigger lexicon: verb and noun patterns → CAMEO codes, with argument options.
//!
//! The built-in lexicon is `triggers.txt`, written for eventframe. One entry a line:
//!
//! ```text
//! @treaty = treaty pact accord agreement deal          # a word set
//! 057 | sign ... @treaty | sym prep=with               # code | pattern | options
//! ```
//!
//! A pattern is a list of items separated by spaces. The first item is the *head* (the trigger
//! word); each item is a word, alternatives `a/b/c`, a set `@name`, or a gap `...` (up to five
//! tokens inside the clause). Words are lemmas: inflected forms (`signed`, `signs`, `signing`,
//! irregular `told`, `met`) are generated when the lexicon is loaded. The code `-` marks a
//! control verb that carries no event of its own (`plan to`, `reported`).
//!
//! Options: `noun` (the head is a noun: arguments come from `by X`, a possessor, or the subject
//! of a support verb), `theme` (the direct object is what is moved, not the target),
//! `intrans` (no direct-object target), `prep=with,against` (prepositions that introduce the
//! target), `sym` (reciprocal: `X and Y agreed` gives both directions), `place=to` (`to X` is
//! the place), `loc2target` (a visited place is the target), `needtarget` (an event only
//! with a target actor), `nopred` (no event when the head takes a secondary predicate: `X is
//! considered a threat`), `neg=011` (code when negated), `notarget=150` (code when no target
//! actor is found),
//! `ctl=say|report|threat|refuse|deny|plan|demand|agree` (the head governs a complement event),
//! `conf=0.7` (base confidence).

use std::collections::HashMap;

/// How a control verb treats the event in its complement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    /// `X said (that) ...`, `X told Y that ...`: complement events are reported by X.
    Say,
    /// `..., state media reported`: like `Say` but never an event of its own.
    Report,
    /// `X threatened to ...`: the complement is absorbed into a threat.
    Threat,
    /// `X declined/refused to ...`: the complement is absorbed into a refusal.
    Refuse,
    /// `X denied ...`: complement events are denied.
    Deny,
    /// `X plans/intends/is expected to ...`: complement events are planned.
    Plan,
    /// `X called for/urged ...`: complement events are demanded.
    Demand,
    /// `X agreed/pledged/offered to ...`: complement events are planned.
    Agree,
}

/// One item of a pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// One of these lemmas (shared: synsets are expanded once).
    Words(std::sync::Arc<[String]>),
    /// A gap of up to five tokens inside the clause.
    Gap,
}

impl Item {
    /// The words of a `Words` item; a member may be a phrase ("swiss francs", "did n't") that
    /// matches consecutive tokens.
    #[must_use]
    pub fn words(&self) -> &[String] {
        match self {
            Item::Words(ws) => ws,
            Item::Gap => &[],
        }
    }
}

/// Where a PETRARCH pattern places an argument (`$` source, `+` target, `%` both).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// The subject phrase before the verb (a marker written before `*`).
    Subject,
    /// The first actor after the token matched by literal item `item` of the pattern (0 is
    /// the head), once `skip` noun phrases (`^`) are passed.
    After {
        /// Index among the literal items (`Item::Words`) of `Entry::items`.
        item: usize,
        /// Noun phrases skipped first.
        skip: u8,
    },
}

/// One lexicon entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// CAMEO code, or `None` for a pure control verb (`-`).
    pub code: Option<String>,
    /// Pattern items; the first is the head.
    pub items: Vec<Item>,
    /// Words that must precede the head, in order, within six tokens of the clause
    /// (PETRARCH patterns such as `- NOT * [120]`); empty for the built-in lexicon.
    pub pre: Vec<Item>,
    /// The entry as written (used in `Event::rule`).
    pub source: String,
    /// The head is a noun.
    pub noun: bool,
    /// The direct object is the theme, not the target.
    pub theme: bool,
    /// No direct-object target.
    pub intrans: bool,
    /// Prepositions introducing the target.
    pub preps: Vec<String>,
    /// Reciprocal event.
    pub sym: bool,
    /// `to X` gives the place, not the target.
    pub place_to: bool,
    /// A visited place becomes the target.
    pub loc2target: bool,
    /// An event only with a target actor (or reciprocal between conjoined sources).
    pub need_target: bool,
    /// No event when the head takes a secondary predicate (`X is considered a threat`,
    /// `they regard it as dangerous`): the verb then rates, it does not act.
    pub no_pred: bool,
    /// Code when the trigger is negated.
    pub neg_code: Option<String>,
    /// Code when no target actor is found (`fired a rocket into space`: a show of force, not
    /// a strike on anyone).
    pub no_target_code: Option<String>,
    /// Control class.
    pub control: Option<Control>,
    /// Base confidence.
    pub confidence: f32,
    /// Priority on conflicts: user dictionaries (1) win over the built-in lexicon (0).
    pub priority: u8,
    /// PETRARCH `$`: where the source is (default: the subject).
    pub source_at: Option<Mark>,
    /// PETRARCH `+`: where the target is (default: object or prepositional phrase).
    pub target_at: Option<Mark>,
    /// PETRARCH `%`: a compound actor there is both source and target (reciprocal).
    pub compound_at: Option<Mark>,
    /// A dictionary pattern rather than a bare verb: on equal specificity it wins over the
    /// verb's default code (PETRARCH tries patterns before falling back to the verb).
    pub pattern: bool,
    /// PETRARCH argument conventions: the target is the first actor anywhere in the verb
    /// phrase (a complement clause included), a passive without a `by` agent keeps its
    /// subject as the source, and a verb without a subject phrase takes the nearest actor on
    /// its left.
    pub petrarch: bool,
    /// PETRARCH `[032:033]`: the code of the reverse event (the target acting on the source:
    /// a visit is also the host's receiving it).
    pub reverse: Option<String>,
}

impl Entry {
    /// Number of literal items (specificity).
    #[must_use]
    pub fn literals(&self) -> usize {
        self.items
            .iter()
            .chain(&self.pre)
            .filter(|i| matches!(i, Item::Words(_)))
            .count()
    }
}

/// A loaded lexicon with an index from word forms to lemmas and from head lemmas to entries.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    /// All entries.
    pub entries: Vec<Entry>,
    /// Head lemma → entry indices.
    heads: HashMap<String, Vec<usize>>,
    /// Inflected form → lemmas.
    forms: HashMap<String, Vec<String>>,
    /// Forms of verb heads (for guessing verbs without a tagger).
    verb_forms: std::collections::HashSet<String>,
    /// Words already inflected (word, as a verb head).
    done: std::collections::HashSet<(String, bool)>,
    /// Discard phrases (PETRARCH `.discards` files): lowercase words, and whether the phrase
    /// discards the whole story (`true`) or only its sentence.
    pub discards: Vec<(Vec<String>, bool)>,
}

const BUILTIN: &str = include_str!("triggers.txt");

/// Irregular verbs: lemma, then its irregular forms.
const IRREGULAR: &[(&str, &[&str])] = &[
    ("say", &["said", "says"]),
    ("tell", &["told"]),
    ("meet", &["met"]),
    ("hold", &["held"]),
    ("send", &["sent"]),
    ("give", &["gave", "given"]),
    ("take", &["took", "taken"]),
    ("fight", &["fought"]),
    ("shoot", &["shot"]),
    ("strike", &["struck", "stricken"]),
    ("begin", &["began", "begun"]),
    ("speak", &["spoke", "spoken"]),
    ("seek", &["sought"]),
    ("bring", &["brought"]),
    ("lead", &["led"]),
    ("make", &["made"]),
    ("keep", &["kept"]),
    ("win", &["won"]),
    ("lose", &["lost"]),
    ("hit", &["hit"]),
    ("cut", &["cut"]),
    ("put", &["put"]),
    ("set", &["set"]),
    ("withdraw", &["withdrew", "withdrawn"]),
    ("see", &["saw", "seen"]),
    ("break", &["broke", "broken"]),
    ("draw", &["drew", "drawn"]),
    ("forbid", &["forbade", "forbidden"]),
    ("throw", &["threw", "thrown"]),
    ("overthrow", &["overthrew", "overthrown"]),
    ("sell", &["sold"]),
    ("buy", &["bought"]),
    ("blow", &["blew", "blown"]),
    ("flee", &["fled"]),
    ("shut", &["shut"]),
    ("beat", &["beat", "beaten"]),
    ("build", &["built"]),
    ("drive", &["drove", "driven"]),
    ("forgive", &["forgave", "forgiven"]),
    ("go", &["went", "gone"]),
    ("have", &["had", "has"]),
    ("hear", &["heard"]),
    ("lend", &["lent"]),
    ("rise", &["rose", "risen"]),
    ("shake", &["shook", "shaken"]),
    ("spend", &["spent"]),
    ("stand", &["stood"]),
    ("steal", &["stole", "stolen"]),
    ("swear", &["swore", "sworn"]),
    ("undertake", &["undertook", "undertaken"]),
    ("tear", &["tore", "torn"]),
    ("write", &["wrote", "written"]),
    ("come", &["came"]),
    ("do", &["did", "done", "does"]),
    ("pay", &["paid"]),
    ("lay", &["laid"]),
    ("slay", &["slew", "slain"]),
    ("seize", &["seized"]),
    ("freeze", &["froze", "frozen"]),
    ("bind", &["bound"]),
    ("rebuild", &["rebuilt"]),
    ("find", &["found"]),
    ("get", &["got", "gotten"]),
    ("hang", &["hung"]),
    ("hide", &["hid", "hidden"]),
    ("run", &["ran"]),
    ("spread", &["spread"]),
    ("shed", &["shed"]),
    ("upset", &["upset"]),
    ("bid", &["bid"]),
    ("wage", &["waged"]),
    ("mislead", &["misled"]),
    ("uphold", &["upheld"]),
    ("withhold", &["withheld"]),
    ("undergo", &["underwent", "undergone"]),
    ("foresee", &["foresaw", "foreseen"]),
    ("oversee", &["oversaw", "overseen"]),
    ("sweep", &["swept"]),
    ("feel", &["felt"]),
    ("think", &["thought"]),
    ("mean", &["meant"]),
    ("leave", &["left"]),
];

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Inflected forms of a word (verbal and nominal; over-generation is harmless).
#[must_use]
pub fn inflect(base: &str) -> Vec<String> {
    let mut out = vec![base.to_owned()];
    let b = base.as_bytes();
    if b.is_empty() || !base.is_ascii() || base.contains(' ') {
        return out;
    }
    let last = b[b.len() - 1];
    let prev = if b.len() >= 2 { b[b.len() - 2] } else { b' ' };
    // -s
    if base.ends_with('s')
        || base.ends_with('x')
        || base.ends_with('z')
        || base.ends_with("ch")
        || base.ends_with("sh")
    {
        out.push(format!("{base}es"));
    } else if last == b'y' && !is_vowel(prev) {
        out.push(format!("{}ies", &base[..base.len() - 1]));
    } else {
        out.push(format!("{base}s"));
    }
    // -ed and -ing
    if last == b'e' {
        out.push(format!("{base}d"));
        if let Some(stem) = base.strip_suffix("ie") {
            out.push(format!("{stem}ying"));
        } else if base.ends_with("ee") || base.ends_with("ye") || base.ends_with("oe") {
            out.push(format!("{base}ing"));
        } else {
            out.push(format!("{}ing", &base[..base.len() - 1]));
        }
    } else if last == b'y' && !is_vowel(prev) {
        out.push(format!("{}ied", &base[..base.len() - 1]));
        out.push(format!("{base}ing"));
    } else {
        out.push(format!("{base}ed"));
        out.push(format!("{base}ing"));
        // consonant doubling: stop → stopped, ban → banned, also over-generated for others.
        let third = if b.len() >= 3 { b[b.len() - 3] } else { b'a' };
        if !is_vowel(last)
            && !matches!(last, b'w' | b'x' | b'y')
            && is_vowel(prev)
            && !is_vowel(third)
        {
            let l = last as char;
            out.push(format!("{base}{l}ed"));
            out.push(format!("{base}{l}ing"));
        }
    }
    if let Some((_, irr)) = IRREGULAR.iter().find(|(l, _)| *l == base) {
        out.extend(irr.iter().map(|s| (*s).to_owned()));
    }
    out
}

/// A problem in a lexicon line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexiconError {
    /// 1-based line number.
    pub line: usize,
    /// What went wrong.
    pub message: String,
}

impl Lexicon {
    /// The built-in lexicon (parsed once).
    #[must_use]
    pub fn builtin() -> &'static Lexicon {
        static LEX: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        LEX.get_or_init(|| Lexicon::parse(BUILTIN).unwrap_or_default())
    }

    /// The built-in control verbs only (say, report, threaten, plan, ...) with their codes
    /// removed: the base for `mode = replace`, so modality and claimants still work.
    #[must_use]
    pub fn controls_only() -> Lexicon {
        let mut l = Lexicon::default();
        for e in Lexicon::builtin()
            .entries
            .iter()
            .filter(|e| e.control.is_some())
        {
            let mut e = e.clone();
            e.code = None;
            l.push(e);
        }
        l
    }

    /// Parses a lexicon in the `triggers.txt` format.
    ///
    /// # Errors
    /// The first malformed line, with its number.
    pub fn parse(text: &str) -> Result<Self, LexiconError> {
        let mut sets: HashMap<String, Vec<String>> = HashMap::new();
        let mut lex = Lexicon::default();
        for (n, raw) in text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let err = |m: &str| LexiconError {
                line: n + 1,
                message: format!("{m}: `{raw}`"),
            };
            if let Some(rest) = line.strip_prefix('@') {
                let (name, words) = rest
                    .split_once('=')
                    .ok_or_else(|| err("a set needs `@name = words`"))?;
                let mut ws = Vec::new();
                for w in words.split_whitespace() {
                    if let Some(other) = w.strip_prefix('@') {
                        ws.extend(sets.get(other).cloned().ok_or_else(|| err("unknown set"))?);
                    } else {
                        ws.push(w.to_lowercase());
                    }
                }
                sets.insert(name.trim().to_owned(), ws);
                continue;
            }
            let mut fields = line.split('|').map(str::trim);
            let code = fields.next().unwrap_or("");
            let pattern = fields
                .next()
                .ok_or_else(|| err("an entry needs `code | pattern`"))?;
            let options = fields.next().unwrap_or("");
            let code = if code == "-" {
                None
            } else if code.len() >= 2 && code.len() <= 4 && code.bytes().all(|b| b.is_ascii_digit())
            {
                Some(code.to_owned())
            } else {
                return Err(err("the code must be 2-4 digits or `-`"));
            };
            let mut items = Vec::new();
            for it in pattern.split_whitespace() {
                if it == "..." {
                    items.push(Item::Gap);
                } else {
                    let mut ws = Vec::new();
                    for alt in it.split('/') {
                        if let Some(name) = alt.strip_prefix('@') {
                            ws.extend(sets.get(name).cloned().ok_or_else(|| err("unknown set"))?);
                        } else {
                            ws.push(alt.to_lowercase());
                        }
                    }
                    items.push(Item::Words(ws.into()));
                }
            }
            if !matches!(items.first(), Some(Item::Words(_)))
                || matches!(items.last(), Some(Item::Gap))
            {
                return Err(err("a pattern starts and ends with words"));
            }
            let mut e = Entry {
                code,
                items,
                pre: Vec::new(),
                source: format!("{} | {}", code_str(line), pattern),
                noun: false,
                theme: false,
                intrans: false,
                preps: Vec::new(),
                sym: false,
                place_to: false,
                loc2target: false,
                need_target: false,
                no_pred: false,
                neg_code: None,
                no_target_code: None,
                control: None,
                confidence: 0.8,
                priority: 0,
                source_at: None,
                target_at: None,
                compound_at: None,
                pattern: false,
                petrarch: false,
                reverse: None,
            };
            for opt in options.split_whitespace() {
                match opt.split_once('=') {
                    None => match opt {
                        "noun" => e.noun = true,
                        "theme" => e.theme = true,
                        "intrans" => e.intrans = true,
                        "sym" => e.sym = true,
                        "loc2target" => e.loc2target = true,
                        "needtarget" => e.need_target = true,
                        "nopred" => e.no_pred = true,
                        _ => return Err(err("unknown option")),
                    },
                    Some(("prep", v)) => e.preps = v.split(',').map(str::to_owned).collect(),
                    Some(("place", "to")) => e.place_to = true,
                    Some(("neg", v)) => e.neg_code = Some(v.to_owned()),
                    Some(("notarget", v)) => e.no_target_code = Some(v.to_owned()),
                    Some(("conf", v)) => {
                        e.confidence = v.parse().map_err(|_| err("bad confidence"))?
                    }
                    Some(("ctl", v)) => {
                        e.control = Some(match v {
                            "say" => Control::Say,
                            "report" => Control::Report,
                            "threat" => Control::Threat,
                            "refuse" => Control::Refuse,
                            "deny" => Control::Deny,
                            "plan" => Control::Plan,
                            "demand" => Control::Demand,
                            "agree" => Control::Agree,
                            _ => return Err(err("unknown control class")),
                        });
                    }
                    _ => return Err(err("unknown option")),
                }
            }
            if e.control.is_none() {
                // Threats and demands govern their complement even without `ctl=`.
                e.control = match e.code.as_deref().and_then(|c| c.get(..2)) {
                    Some("13") if !e.noun => Some(Control::Threat),
                    Some("10") if !e.noun => Some(Control::Demand),
                    _ => None,
                };
            }
            if e.preps.is_empty() {
                e.preps = if e.noun {
                    [
                        "with", "against", "on", "upon", "toward", "towards", "between",
                    ]
                    .map(String::from)
                    .to_vec()
                } else {
                    [
                        "with", "against", "on", "upon", "at", "to", "toward", "towards", "between",
                    ]
                    .map(String::from)
                    .to_vec()
                };
            }
            lex.push(e);
        }
        Ok(lex)
    }

    /// Adds an entry and indexes its words.
    pub fn push(&mut self, e: Entry) {
        let idx = self.entries.len();
        for (k, item) in e.items.iter().enumerate() {
            if let Item::Words(ws) = item {
                for w in ws.iter() {
                    let verb_head = k == 0 && !e.noun;
                    if self.done.insert((w.clone(), verb_head)) {
                        for f in inflect(w) {
                            self.add_form(&f, w, verb_head);
                        }
                    }
                    if k == 0 {
                        let v = self.heads.entry(w.clone()).or_default();
                        if !v.contains(&idx) {
                            v.push(idx);
                        }
                    }
                }
            }
        }
        self.entries.push(e);
    }

    /// Records `form` as a form of `lemma` (irregular forms from user dictionaries).
    pub fn add_form(&mut self, form: &str, lemma: &str, verb: bool) {
        let lemmas = self.forms.entry(form.to_owned()).or_default();
        if !lemmas.iter().any(|l| l == lemma) {
            lemmas.push(lemma.to_owned());
        }
        if verb {
            self.verb_forms.insert(form.to_owned());
        }
    }

    /// Lemmas a lowercased word form may have (the form itself included).
    pub fn lemmas<'a>(&'a self, form: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        std::iter::once(form).chain(
            self.forms
                .get(form)
                .into_iter()
                .flatten()
                .map(String::as_str)
                .filter(move |l| *l != form),
        )
    }

    /// Entries whose head is `lemma`.
    #[must_use]
    pub fn entries_for(&self, lemma: &str) -> &[usize] {
        self.heads.get(lemma).map_or(&[], Vec::as_slice)
    }

    /// Whether a lowercased form is a form of some verb head.
    #[must_use]
    pub fn is_verb_form(&self, form: &str) -> bool {
        self.verb_forms.contains(form)
    }

    /// Whether `form` is a form of `lemma`.
    #[must_use]
    pub fn form_of(&self, form: &str, lemma: &str) -> bool {
        form == lemma
            || self
                .forms
                .get(form)
                .is_some_and(|ls| ls.iter().any(|l| l == lemma))
    }

    /// Adds the phrases of a PETRARCH/TABARI discard list: one phrase a line, `+PHRASE` for a
    /// story-level discard, `#` comments. A sentence holding a discard phrase (sports results,
    /// weather) codes no events; a story-level one silences the whole document. Returns the
    /// number of phrases read.
    pub fn add_discards(&mut self, text: &str) -> usize {
        let before = self.discards.len();
        for raw in text.lines() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() || line.starts_with('<') {
                continue;
            }
            let (story, phrase) = match line.strip_prefix('+') {
                Some(p) => (true, p),
                None => (false, line),
            };
            let words: Vec<String> = phrase
                .split(|c: char| c.is_whitespace() || c == '_')
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            if !words.is_empty() {
                self.discards.push((words, story));
            }
        }
        self.discards.len() - before
    }

    /// Whether lowercase `words` (one sentence) hold a discard phrase; `Some(true)` for a
    /// story-level one. A phrase's last word also matches its plural.
    #[must_use]
    pub fn discard_in(&self, words: &[&str]) -> Option<bool> {
        let mut hit = None;
        for (phrase, story) in &self.discards {
            let n = phrase.len();
            let found = n <= words.len()
                && (0..=words.len() - n).any(|i| {
                    phrase.iter().enumerate().all(|(k, p)| {
                        let w = words[i + k];
                        w == p || (k + 1 == n && w.strip_suffix('s').is_some_and(|b| b == p))
                    })
                });
            if found {
                if *story {
                    return Some(true);
                }
                hit = Some(false);
            }
        }
        hit
    }

    /// Number of entries.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the lexicon has no entries.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

fn code_str(line: &str) -> &str {
    line.split('|').next().unwrap_or("").trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections() {
        let cases: &[(&str, &[&str])] = &[
            ("sign", &["signs", "signed", "signing"]),
            ("ratify", &["ratifies", "ratified", "ratifying"]),
            ("approve", &["approves", "approved", "approving"]),
            ("ban", &["bans", "banned", "banning"]),
            ("clash", &["clashes", "clashed"]),
            ("tell", &["told", "tells"]),
            ("agree", &["agreed", "agreeing"]),
        ];
        for (base, forms) in cases {
            let got = inflect(base);
            for f in *forms {
                assert!(
                    got.iter().any(|g| g == f),
                    "{base} → {f} missing in {got:?}"
                );
            }
        }
    }

    #[test]
    fn builtin_parses_and_covers_all_roots() {
        let lex = Lexicon::parse(BUILTIN).unwrap_or_else(|e| panic!("{e:?}"));
        assert!(lex.len() >= 300, "{} entries", lex.len());
        for root in 1..=20 {
            let r = format!("{root:02}");
            assert!(
                lex.entries
                    .iter()
                    .any(|e| e.code.as_deref().is_some_and(|c| c.starts_with(&r))),
                "no entry for root {r}"
            );
        }
        for e in &lex.entries {
            if let Some(c) = &e.code {
                assert!(
                    crate::knowledge::cameo::lookup(c).is_some(),
                    "unknown code in `{}`",
                    e.source
                );
            }
            for c in [&e.neg_code, &e.no_target_code].into_iter().flatten() {
                assert!(
                    crate::knowledge::cameo::lookup(c).is_some(),
                    "unknown neg/notarget code in `{}`",
                    e.source
                );
            }
        }
        assert!(lex.form_of("signed", "sign"));
        assert!(!lex.entries_for("sign").is_empty());
    }

    #[test]
    fn parse_errors_name_the_line() {
        let e = Lexicon::parse("057 | sign\nxx | foo").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(Lexicon::parse("057 | sign | bogus").is_err());
        assert!(Lexicon::parse("057 | ... sign").is_err());
        assert!(Lexicon::parse("057 | sign @nope").is_err());
    }
}
