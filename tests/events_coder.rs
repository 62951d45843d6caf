//! The event coder on hand-built documents (tokens, sentences, mentions and actors made here
//! with a tiny test-only tokeniser), mirroring typical news constructions.

#![allow(clippy::unwrap_used)]

mod events_support;

use eventframe::document::{ActorKind, Document, EntityLabel, Event, Modality};
use eventframe::events::{code_document, code_document_with, Lexicon};
use events_support::{build, test_dates, Spec};

fn code(text: &str, specs: &[Spec<'_>]) -> (Document, Vec<Event>) {
    let mut doc = build(text, specs);
    code_document_with(&mut doc, Lexicon::builtin(), test_dates);
    let ev = doc.events.clone();
    (doc, ev)
}

fn c(e: &Event, source: bool) -> &str {
    let a = if source { &e.source } else { &e.target };
    a.as_ref().and_then(|x| x.country.as_deref()).unwrap_or("-")
}

fn summary(ev: &[Event]) -> Vec<String> {
    ev.iter()
        .map(|e| {
            format!(
                "{} {}>{} {} neg={} [{}]",
                e.cameo,
                c(e, true),
                c(e, false),
                e.modality.as_str(),
                e.negated,
                e.rule
            )
        })
        .collect()
}

fn has(ev: &[Event], code: &str, src: &str, tgt: &str) -> bool {
    ev.iter()
        .any(|e| e.cameo.starts_with(code) && c(e, true) == src && c(e, false) == tgt)
}

const GPE: EntityLabel = EntityLabel::Gpe;
const CTRY: ActorKind = ActorKind::Country;

#[test]
fn signing_with_date_and_place() {
    let (doc, ev) = code(
        "Germany signed a trade agreement with Japan in Osaka on Tuesday.",
        &[
            ("Germany", GPE, CTRY, "DEU"),
            ("Japan", GPE, CTRY, "JPN"),
            ("Osaka", GPE, ActorKind::Location, "JPN"),
        ],
    );
    assert!(has(&ev, "057", "DEU", "JPN"), "{:?}", summary(&ev));
    let e = &ev[0];
    assert_eq!(e.date.map(|d| d.iso()).as_deref(), Some("2024-11-05"));
    assert!(!e.date_is_fallback);
    assert_eq!(e.location.map(|l| doc.slice(l)), Some("Osaka"));
    assert_eq!(e.location_country.as_deref(), Some("JPN"));
    assert!(e.rule.contains("sign ... @treaty"), "{}", e.rule);
    assert_eq!(doc.slice(e.trigger), "signed a trade agreement");
}

#[test]
fn fallback_date_is_flagged() {
    let mut doc = build(
        "Canada sanctioned Iran.",
        &[("Canada", GPE, CTRY, "CAN"), ("Iran", GPE, CTRY, "IRN")],
    );
    code_document(&mut doc, Lexicon::builtin());
    let e = &doc.events[0];
    assert_eq!(
        (e.cameo.as_str(), e.date.map(|d| d.iso())),
        ("163", Some("2024-11-06".to_owned()))
    );
    assert!(e.date_is_fallback);
}

#[test]
fn table_of_constructions() {
    let specs: &[Spec<'_>] = &[
        ("France", GPE, CTRY, "FRA"),
        ("Italy", GPE, CTRY, "ITA"),
        ("Kyiv", GPE, CTRY, "UKR"),
        (
            "Russian forces",
            EntityLabel::Nominal,
            ActorKind::Group,
            "RUS",
        ),
        ("Canada", GPE, CTRY, "CAN"),
        ("Russia", GPE, CTRY, "RUS"),
        ("Egypt", GPE, CTRY, "EGY"),
        ("Israel", GPE, CTRY, "ISR"),
        ("Pakistan", GPE, CTRY, "PAK"),
        ("Indian", EntityLabel::Norp, ActorKind::Group, "IND"),
        (
            "Indian troops",
            EntityLabel::Nominal,
            ActorKind::Group,
            "IND",
        ),
        (
            "Chinese soldiers",
            EntityLabel::Nominal,
            ActorKind::Group,
            "CHN",
        ),
        ("Reuters", EntityLabel::Org, ActorKind::Organization, "GBR"),
        ("Turkey", GPE, CTRY, "TUR"),
        ("Sweden", GPE, CTRY, "SWE"),
        ("Poland", GPE, CTRY, "POL"),
        ("Ukraine", GPE, CTRY, "UKR"),
        ("Germany", GPE, CTRY, "DEU"),
        ("Biden", EntityLabel::Person, ActorKind::Person, "USA"),
        ("Xi", EntityLabel::Person, ActorKind::Person, "CHN"),
        (
            "Brazilian President Lula",
            EntityLabel::Person,
            ActorKind::Person,
            "BRA",
        ),
        ("Argentina", GPE, CTRY, "ARG"),
        (
            "Ethiopian forces",
            EntityLabel::Nominal,
            ActorKind::Group,
            "ETH",
        ),
        ("Tigray", GPE, ActorKind::Location, "ETH"),
        ("Japan", GPE, CTRY, "JPN"),
        ("China", GPE, CTRY, "CHN"),
        ("Zelensky", EntityLabel::Person, ActorKind::Person, "UKR"),
        ("BBC", EntityLabel::Org, ActorKind::Organization, "GBR"),
        ("Sejm", EntityLabel::Org, ActorKind::Organization, "POL"),
        ("Kremlin", EntityLabel::Org, ActorKind::Organization, "RUS"),
        ("Beijing", GPE, CTRY, "CHN"),
        ("Moscow", GPE, CTRY, "RUS"),
        ("Hungary", GPE, CTRY, "HUN"),
        ("Serbia", GPE, CTRY, "SRB"),
    ];
    // (text, code prefix, source, target, modality, negated)
    let cases: &[(&str, &str, &str, &str, Modality, bool)] = &[
        ("France and Italy agreed on a new border deal.", "057", "FRA", "ITA", Modality::Asserted, false),
        ("France and Italy agreed on a new border deal.", "057", "ITA", "FRA", Modality::Asserted, false),
        ("Kyiv was attacked by Russian forces overnight.", "19", "RUS", "UKR", Modality::Asserted, false),
        ("Canada did not sanction Russia.", "163", "CAN", "RUS", Modality::Asserted, true),
        ("Egypt condemned Israel on Monday, state television reported.", "111", "EGY", "ISR", Modality::Reported, false),
        ("Reuters reported that Pakistan arrested three Indian nationals.", "173", "PAK", "IND", Modality::Reported, false),
        ("Indian troops had a brief clash with Chinese soldiers near the border.", "190", "IND", "CHN", Modality::Asserted, false),
        ("Turkey called for Sweden to extradite the suspects.", "100", "TUR", "SWE", Modality::Asserted, false),
        ("Turkey called for Sweden to extradite the suspects.", "063", "SWE", "-", Modality::Demanded, false),
        ("Poland would send tanks to Ukraine if Germany agreed.", "072", "POL", "UKR", Modality::Hypothetical, false),
        ("Biden met with Xi in Bali.", "040", "USA", "CHN", Modality::Asserted, false),
        (
            "Brazilian President Lula, who had earlier criticized Argentina, said the talks would continue.",
            "111",
            "BRA",
            "ARG",
            Modality::Asserted,
            false,
        ),
        ("An offensive by Ethiopian forces began in Tigray.", "190", "ETH", "-", Modality::Asserted, false),
        ("Japan threatened to impose sanctions on China.", "1312", "JPN", "CHN", Modality::Threatened, false),
        ("Zelensky told the BBC that the war would end.", "010", "UKR", "GBR", Modality::Asserted, false),
        ("Lawmakers in the lower chamber, the Sejm, approved the accord with Ukraine.", "057", "POL", "UKR", Modality::Asserted, false),
        ("The Kremlin declined to comment.", "011", "RUS", "-", Modality::Asserted, false),
        ("Beijing and Moscow have not commented on the report.", "011", "CHN", "-", Modality::Asserted, false),
        ("Beijing and Moscow have not commented on the report.", "011", "RUS", "-", Modality::Asserted, false),
        ("Hungary plans to host Serbia next year.", "043", "HUN", "SRB", Modality::Planned, false),
        ("Hungary is not planning to host Serbia.", "043", "HUN", "SRB", Modality::Planned, true),
        ("Russia denied that its forces attacked Kyiv.", "190", "RUS", "UKR", Modality::Denied, false),
        ("Pakistan will hold talks with China.", "040", "PAK", "CHN", Modality::Planned, false),
        ("Russia warned Ukraine that Poland would attack.", "130", "RUS", "UKR", Modality::Threatened, false),
        ("Egypt condemned the raid by Israel and promised aid to Pakistan.", "111", "EGY", "ISR", Modality::Asserted, false),
        ("Egypt condemned the raid by Israel and promised aid to Pakistan.", "033", "EGY", "PAK", Modality::Asserted, false),
        ("Russia launched a major offensive against Ukraine.", "190", "RUS", "UKR", Modality::Asserted, false),
        ("Biden visited Kyiv on Tuesday.", "042", "USA", "UKR", Modality::Asserted, false),
        ("Japan has never attacked Poland.", "190", "JPN", "POL", Modality::Asserted, true),
        ("Egypt welcomed Israel's decision.", "051", "EGY", "ISR", Modality::Asserted, false),
        ("Hungary protested against Serbia.", "140", "HUN", "SRB", Modality::Asserted, false),
        ("Turkey accused Sweden of harbouring militants.", "112", "TUR", "SWE", Modality::Asserted, false),
        ("According to Reuters, Pakistan arrested two Indian diplomats.", "173", "PAK", "IND", Modality::Reported, false),
        ("Russia warned Ukraine that Poland would attack.", "190", "POL", "-", Modality::Hypothetical, false),
    ];
    let mut failures = Vec::new();
    for (text, code_prefix, src, tgt, modality, negated) in cases {
        let (_, ev) = code(text, specs);
        let ok = ev.iter().any(|e| {
            e.cameo.starts_with(code_prefix)
                && c(e, true) == *src
                && c(e, false) == *tgt
                && e.modality == *modality
                && e.negated == *negated
        });
        if !ok {
            failures.push(format!(
                "{text}\n   want {code_prefix} {src}>{tgt} {} neg={negated}\n   got  {:?}",
                modality.as_str(),
                summary(&ev)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn threats_are_not_aid() {
    let specs: &[Spec<'_>] = &[
        ("Seoul", GPE, CTRY, "KOR"),
        ("Kyiv", GPE, CTRY, "UKR"),
        (
            "North Korean troops",
            EntityLabel::Nominal,
            ActorKind::Group,
            "PRK",
        ),
    ];
    let (_, ev) = code(
        "Seoul has warned that it could send weapons to Kyiv if North Korean troops stay.",
        specs,
    );
    assert!(
        ev.iter().any(|e| e.cameo.starts_with("13")
            && c(e, true) == "KOR"
            && e.modality == Modality::Threatened),
        "{:?}",
        summary(&ev)
    );
    assert!(
        !ev.iter()
            .any(|e| e.cameo.starts_with("07") && e.modality == Modality::Asserted),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn claimant_and_pronoun() {
    let specs: &[Spec<'_>] = &[
        ("Umarov", EntityLabel::Person, ActorKind::Person, "UZB"),
        (
            "Tajik soldiers",
            EntityLabel::Nominal,
            ActorKind::Group,
            "TJK",
        ),
        (
            "Kyrgyz border guards",
            EntityLabel::Nominal,
            ActorKind::Group,
            "KGZ",
        ),
    ];
    let (doc, ev) = code(
        "Umarov said Kyrgyz border guards had clashed with Tajik soldiers. He said the Kyrgyz border guards were attacked.",
        specs,
    );
    let e = ev
        .iter()
        .find(|e| e.cameo == "190" && c(e, true) == "KGZ")
        .unwrap_or_else(|| panic!("{:?}", summary(&ev)));
    assert_eq!(c(e, false), "TJK");
    assert_eq!(e.modality, Modality::Reported);
    assert_eq!(e.claimed_by.map(|s| doc.slice(s)), Some("Umarov"));
    assert!(e.claimed_by_actor.is_some());
    // Passive without agent: the target only.
    assert!(
        ev.iter()
            .any(|e| e.sentence == 1 && e.cameo == "190" && c(e, false) == "KGZ"),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn deployment_place_without_mention() {
    let (doc, ev) = code(
        "Belarus has deployed troops to the region of Gomel.",
        &[("Belarus", GPE, CTRY, "BLR")],
    );
    let e = ev
        .iter()
        .find(|e| e.cameo == "154")
        .unwrap_or_else(|| panic!("{:?}", summary(&ev)));
    assert_eq!(c(e, true), "BLR");
    assert!(e.target.is_none());
    assert_eq!(e.location.map(|l| doc.slice(l)), Some("Gomel"));
}

#[test]
fn agreement_anaphora_fills_the_partner() {
    let specs: &[Spec<'_>] = &[
        ("Vietnam", GPE, CTRY, "VNM"),
        ("Laos", GPE, CTRY, "LAO"),
        (
            "National Assembly",
            EntityLabel::Org,
            ActorKind::Organization,
            "VNM",
        ),
    ];
    let (_, ev) =
        code("Vietnam ratified a border treaty with Laos. The National Assembly had approved the treaty in June.", specs);
    assert!(has(&ev, "057", "VNM", "LAO"), "{:?}", summary(&ev));
    assert!(
        ev.iter().any(|e| e.sentence == 1 && c(e, false) == "LAO"),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn works_with_tags_present() {
    let mut doc = build(
        "Greece accused Turkey of violating its airspace.",
        &[("Greece", GPE, CTRY, "GRC"), ("Turkey", GPE, CTRY, "TUR")],
    );
    let tags = [
        "PROPN", "VERB", "PROPN", "ADP", "VERB", "PRON", "NOUN", "PUNCT",
    ];
    for (t, u) in doc.tokens.iter_mut().zip(tags) {
        t.upos = u;
    }
    doc.tokens[1].lemma = Some("accuse".into());
    code_document(&mut doc, Lexicon::builtin());
    assert!(
        has(&doc.events, "112", "GRC", "TUR"),
        "{:?}",
        summary(&doc.events)
    );
}

#[test]
fn no_panic_on_odd_input() {
    let texts = [
        "",
        "   ",
        "attacked attacked attacked",
        "by by by with with , , , .",
        "Россия подписала договор с КНДР.",
        "🙂 signed 🙂 with 🙂",
        "the the the signed a treaty with",
        "signed",
        ", and",
    ];
    for t in texts {
        let mut doc = build(t, &[("with", GPE, CTRY, "XXX"), ("the", GPE, CTRY, "YYY")]);
        code_document(&mut doc, Lexicon::builtin());
    }
    // Malformed layers: ranges past the end, dangling actor indices.
    let mut doc = build(
        "France signed a treaty with Italy.",
        &[("France", GPE, CTRY, "FRA"), ("Italy", GPE, CTRY, "ITA")],
    );
    doc.sentences[0].token_end += 5;
    doc.mentions[0].actor = Some(99);
    doc.mentions[1].token_end += 10;
    code_document(&mut doc, Lexicon::builtin());
    // Long input: linear time.
    let long = "France signed a treaty with Italy. ".repeat(2000);
    let mut doc = build(
        &long,
        &[("France", GPE, CTRY, "FRA"), ("Italy", GPE, CTRY, "ITA")],
    );
    let t0 = std::time::Instant::now();
    code_document(&mut doc, Lexicon::builtin());
    assert_eq!(doc.events.len(), 2000);
    assert!(t0.elapsed().as_secs_f64() < 5.0);
}

/// Sets (upos, head, deprel) on every token of a one-sentence document.
fn parse(doc: &mut Document, tree: &[(&'static str, Option<u32>, &'static str)]) {
    assert_eq!(doc.tokens.len(), tree.len());
    for (t, &(upos, head, rel)) in doc.tokens.iter_mut().zip(tree) {
        t.upos = upos;
        t.head = head;
        t.deprel = rel;
    }
}

#[test]
fn uses_the_dependency_tree_when_present() {
    let specs: &[Spec<'_>] = &[("Somalia", GPE, CTRY, "SOM"), ("Kenya", GPE, CTRY, "KEN")];
    let mut doc = build("Somalia was accused by Kenya of meddling.", specs);
    parse(
        &mut doc,
        &[
            ("PROPN", Some(2), "nsubj:pass"),
            ("AUX", Some(2), "aux:pass"),
            ("VERB", None, "root"),
            ("ADP", Some(4), "case"),
            ("PROPN", Some(2), "obl:agent"),
            ("SCONJ", Some(6), "mark"),
            ("VERB", Some(2), "advcl"),
            ("PUNCT", Some(2), "punct"),
        ],
    );
    code_document(&mut doc, Lexicon::builtin());
    let e = doc
        .events
        .iter()
        .find(|e| e.cameo == "112")
        .unwrap_or_else(|| panic!("{:?}", summary(&doc.events)));
    assert_eq!((c(e, true), c(e, false)), ("KEN", "SOM"));

    // The surface rules stop at the participle clause; the tree gives the subject.
    let mut doc = build(
        "Kenya, having long hosted refugees, accused Somalia.",
        specs,
    );
    parse(
        &mut doc,
        &[
            ("PROPN", Some(7), "nsubj"),
            ("PUNCT", Some(4), "punct"),
            ("AUX", Some(4), "aux"),
            ("ADV", Some(4), "advmod"),
            ("VERB", Some(0), "acl"),
            ("NOUN", Some(4), "obj"),
            ("PUNCT", Some(4), "punct"),
            ("VERB", None, "root"),
            ("PROPN", Some(7), "obj"),
            ("PUNCT", Some(7), "punct"),
        ],
    );
    code_document(&mut doc, Lexicon::builtin());
    let e = doc
        .events
        .iter()
        .find(|e| e.cameo == "112")
        .unwrap_or_else(|| panic!("{:?}", summary(&doc.events)));
    assert_eq!(
        (c(e, true), c(e, false)),
        ("KEN", "SOM"),
        "{:?}",
        summary(&doc.events)
    );
    assert!(e.rule.contains("+parse"), "{}", e.rule);

    let mut doc = build("Kenya urged Somalia to withdraw troops.", specs);
    parse(
        &mut doc,
        &[
            ("PROPN", Some(1), "nsubj"),
            ("VERB", None, "root"),
            ("PROPN", Some(1), "obj"),
            ("PART", Some(4), "mark"),
            ("VERB", Some(1), "xcomp"),
            ("NOUN", Some(4), "obj"),
            ("PUNCT", Some(1), "punct"),
        ],
    );
    code_document(&mut doc, Lexicon::builtin());
    assert!(
        has(&doc.events, "020", "KEN", "SOM"),
        "{:?}",
        summary(&doc.events)
    );
    assert!(
        doc.events
            .iter()
            .any(|e| e.cameo == "0874" && c(e, true) == "SOM" && e.modality == Modality::Demanded),
        "{:?}",
        summary(&doc.events)
    );
}

mod props {
    use super::*;
    use proptest::prelude::*;

    const VOCAB: &[&str] = &[
        "France",
        "Italy",
        "signed",
        "a",
        "treaty",
        "with",
        "attacked",
        "by",
        "was",
        "not",
        "said",
        "that",
        "threatened",
        "to",
        "send",
        "arms",
        "if",
        ",",
        ".",
        "and",
        "who",
        "the",
        "clashes",
        "in",
        "Rome",
        "declined",
        "comment",
        "’s",
        "“",
        "”",
        "agreed",
        "on",
        "deal",
        "he",
        "it",
        "could",
        "🙂",
        "é",
    ];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]
        #[test]
        fn events_are_well_formed(words in proptest::collection::vec(0..VOCAB.len(), 0..60)) {
            let text: String = words.iter().map(|&i| VOCAB[i]).collect::<Vec<_>>().join(" ");
            let specs: &[Spec<'_>] = &[
                ("France", GPE, CTRY, "FRA"),
                ("Italy", GPE, CTRY, "ITA"),
                ("Rome", GPE, ActorKind::Location, "ITA"),
            ];
            let (doc, ev) = code(&text, specs);
            for e in &ev {
                for sp in [Some(e.trigger), e.location, e.claimed_by, e.source.as_ref().map(|a| a.span), e.target.as_ref().map(|a| a.span)]
                    .into_iter()
                    .flatten()
                {
                    prop_assert!(sp.start <= sp.end && sp.end <= doc.text.len());
                    prop_assert!(doc.text.is_char_boundary(sp.start) && doc.text.is_char_boundary(sp.end));
                }
                prop_assert!((e.sentence as usize) < doc.sentences.len());
                prop_assert!((0.0..=1.0).contains(&e.confidence));
                prop_assert!(eventframe::knowledge::cameo::lookup(&e.cameo).is_some(), "{}", e.cameo);
                prop_assert!(e.source.is_some() || e.target.is_some());
            }
        }
    }
}

#[test]
fn petrarch_patterns_with_words_before_the_verb() {
    let mut lex = Lexicon::default();
    eventframe::events::petrarch::extend(&mut lex, "--- ALLOW [080] ---\nALLOW\n- NOT * [120]\n")
        .unwrap();
    let specs: &[Spec<'_>] = &[("Chad", GPE, CTRY, "TCD"), ("Sudan", GPE, CTRY, "SDN")];
    let mut doc = build("Chad will not allow Sudan to enter.", specs);
    code_document_with(&mut doc, &lex, test_dates);
    assert!(
        has(&doc.events, "120", "TCD", "SDN"),
        "{:?}",
        summary(&doc.events)
    );
    let mut doc = build("Chad will allow Sudan to enter.", specs);
    code_document_with(&mut doc, &lex, test_dates);
    assert!(
        has(&doc.events, "080", "TCD", "SDN"),
        "{:?}",
        summary(&doc.events)
    );
}

#[test]
fn parse_finds_actors_inside_phrases() {
    let specs: &[Spec<'_>] = &[
        ("Russia", GPE, CTRY, "RUS"),
        ("North Korea", GPE, CTRY, "PRK"),
    ];
    let mut doc = build(
        "The upper house of Russia's parliament has ratified a pact with North Korea.",
        specs,
    );
    parse(
        &mut doc,
        &[
            ("DET", Some(2), "det"),
            ("ADJ", Some(2), "amod"),
            ("NOUN", Some(8), "nsubj"),
            ("ADP", Some(6), "case"),
            ("PROPN", Some(6), "nmod:poss"),
            ("PART", Some(4), "case"),
            ("NOUN", Some(2), "nmod"),
            ("AUX", Some(8), "aux"),
            ("VERB", None, "root"),
            ("DET", Some(10), "det"),
            ("NOUN", Some(8), "obj"),
            ("ADP", Some(13), "case"),
            ("PROPN", Some(13), "compound"),
            ("PROPN", Some(10), "nmod"),
            ("PUNCT", Some(8), "punct"),
        ],
    );
    code_document(&mut doc, Lexicon::builtin());
    let e = doc
        .events
        .iter()
        .find(|e| e.cameo == "057")
        .unwrap_or_else(|| panic!("{:?}", summary(&doc.events)));
    assert_eq!(
        (c(e, true), c(e, false)),
        ("RUS", "PRK"),
        "{:?}",
        summary(&doc.events)
    );
}

#[test]
fn reciprocal_and_between() {
    let specs: &[Spec<'_>] = &[
        ("Armenia", GPE, CTRY, "ARM"),
        ("Azerbaijan", GPE, CTRY, "AZE"),
        ("Geneva", GPE, ActorKind::Location, "CHE"),
    ];
    let (doc, ev) = code(
        "Armenia and Azerbaijan signed a peace treaty in Geneva on Tuesday.",
        specs,
    );
    assert!(
        has(&ev, "057", "ARM", "AZE") && has(&ev, "057", "AZE", "ARM"),
        "{:?}",
        summary(&ev)
    );
    for e in &ev {
        assert_eq!(e.location.map(|l| doc.slice(l)), Some("Geneva"));
        assert_eq!(e.date.map(|d| d.iso()).as_deref(), Some("2024-11-05"));
        assert!(e.rule.contains("+reciprocal"));
    }
    let (_, ev) = code(
        "Heavy clashes between Armenia and Azerbaijan were reported.",
        specs,
    );
    assert!(
        has(&ev, "190", "ARM", "AZE") && has(&ev, "190", "AZE", "ARM"),
        "{:?}",
        summary(&ev)
    );
}
