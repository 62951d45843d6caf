#![allow(clippy::unwrap_used)]
mod events_support;
use eventframe::document::{ActorKind, EntityLabel};
use eventframe::events::{code_document_with, Lexicon};
use events_support::{build, simple_dates, Spec};

#[test]
#[ignore]
fn probe() {
    let dir = std::env::var("PROBE_DIR").unwrap();
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let g = EntityLabel::Gpe;
    let c = ActorKind::Country;
    let p = EntityLabel::Person;
    let pk = ActorKind::Person;
    let o = EntityLabel::Org;
    let ok = ActorKind::Organization;
    let specs: Vec<Spec<'_>> = vec![
        ("UK", g, c, "GBR"), ("Britain", g, c, "GBR"), ("British", EntityLabel::Norp, ActorKind::Group, "GBR"),
        ("US", g, c, "USA"), ("America", g, c, "USA"), ("Washington", g, c, "USA"), ("Iraq", g, c, "IRQ"),
        ("Iran", g, c, "IRN"), ("France", g, c, "FRA"), ("Germany", g, c, "DEU"), ("China", g, c, "CHN"),
        ("Russia", g, c, "RUS"), ("Israel", g, c, "ISR"), ("Ireland", g, c, "IRL"), ("Scotland", g, c, "GBR"),
        ("Wales", g, c, "GBR"), ("Blair", p, pk, "GBR"), ("Tony Blair", p, pk, "GBR"), ("Howard", p, pk, "GBR"),
        ("Michael Howard", p, pk, "GBR"), ("Brown", p, pk, "GBR"), ("Gordon Brown", p, pk, "GBR"),
        ("Bush", p, pk, "USA"), ("Kennedy", p, pk, "GBR"), ("Charles Kennedy", p, pk, "GBR"),
        ("Labour", o, ok, "GBR"), ("Tories", o, ok, "GBR"), ("Conservatives", o, ok, "GBR"),
        ("Lib Dems", o, ok, "GBR"), ("EU", o, ok, "EUR"), ("UN", o, ok, "UNO"), ("Straw", p, pk, "GBR"),
        ("Jack Straw", p, pk, "GBR"), ("Blunkett", p, pk, "GBR"), ("Clarke", p, pk, "GBR"),
        ("Sinn Fein", o, ok, "GBR"), ("IRA", o, ok, "GBR"), ("Kilroy-Silk", p, pk, "GBR"), ("UKIP", o, ok, "GBR"),
        ("Brussels", g, c, "EUR"), ("Europe", g, c, "EUR"), ("Paris", g, c, "FRA"), ("Baghdad", g, c, "IRQ"),
        ("police", EntityLabel::Nominal, ActorKind::Group, "GBR"), ("MPs", EntityLabel::Nominal, ActorKind::Group, "GBR"),
    ];
    let n: usize = std::env::var("PROBE_N").ok().and_then(|v| v.parse().ok()).unwrap_or(60);
    let mut total = 0;
    let skip: usize = std::env::var("PROBE_SKIP").ok().and_then(|v| v.parse().ok()).unwrap_or(0);
    for f in files.iter().skip(skip).take(n) {
        let text = std::fs::read_to_string(f).unwrap();
        let mut doc = build(&text, &specs);
        code_document_with(&mut doc, Lexicon::builtin(), simple_dates);
        for e in &doc.events {
            total += 1;
            let sent = &doc.sentences[e.sentence as usize];
            let src = e.source.as_ref().map(|a| doc.slice(a.span)).unwrap_or("-");
            let tgt = e.target.as_ref().map(|a| doc.slice(a.span)).unwrap_or("-");
            println!("{} {}: {} > {} [{}] `{}` {}\n    {}", e.cameo, e.modality.as_str(), src, tgt, e.rule, doc.slice(e.trigger), if e.negated {"NEG"} else {""}, doc.slice(sent.span).replace('\n', " "));
        }
    }
    println!("TOTAL {total}");
}
