//! `actors` stage: resolves mentions into document actors and codes them.
//!
//! Each mention is read against the knowledge base ([`crate::mentions::analyse`]) and becomes
//! (or joins) one actor:
//! - **Countries, capitals and demonyms** resolve to the country actor (`kb:RUS`, kind
//!   `country`, code `RUS`). Capital metonymy ("Moscow has not commented") is the *same*
//!   country actor: the actor stands for the state, its aliases record "Moscow"; the
//!   `events` stage can still locate "in Moscow" through [`Knowledge::place`].
//! - **Cities and regions** (Kursk, Gaza, Texas) → `kb:place:<name>`, kind `location`, with
//!   their country and, as in the Phoenix dictionaries, the country's code.
//! - **Organisations** → `kb:org:<key>` with their country, sectors and CAMEO code
//!   (State Duma → `RUSLEG`, NATO → `IGOWSTNAT`, KBS → `KORMED`).
//! - **Known people** → `kb:person:<key>` coded by the office held at `doc.published`
//!   (Putin on 2024-11-06 → `RUSGOV`, president).
//! - **User dictionary entries** → `dict:<phrase>` with the code valid at the date.
//! - **Actor nouns** with a country ("North Korean soldiers", "Russia's parliament") → groups
//!   `key:group:<ISO3>:<SECTOR>` (code `PRKMIL`); without one, the country of a name right after
//!   is borrowed ("lawmakers in the Federation Council"), also through a chain of nouns
//!   ("lawmakers in the lower house of parliament, the State Duma"). A title ("the president",
//!   "Russia's president") refers back to the last person of a compatible country holding it.
//! - User dictionary entries whose name is also a built-in entry keep the built-in identity and
//!   kind and take the user's code.
//! - **Unknown names** → `key:person:<name>` / `key:org:<name>` / `key:loc:<name>`; a title
//!   ("Prime Minister John Smallwood") or an apposition ("X, Ukraine's defence minister") gives
//!   role, sectors and country.
//!
//! Within a document a surname ("Umerov") joins the earlier full name ("Rustem Umerov") when
//! their countries agree; a person never merges with a namesake of another country.

use std::collections::HashMap;
use std::sync::Arc;

use crate::date::Date;
use crate::document::{Actor, ActorKind, Document, EntityLabel, Mention};
use crate::error::StageName;
use crate::knowledge::{dictionary, family_names, normalize, EntryRef, Knowledge, RoleKind};
use crate::mentions::{analyse, caps_by_sentence, Analysis};
use crate::pipeline::{Stage, StageError};

/// The actors stage.
#[derive(Debug)]
pub struct Actors {
    kb: Arc<Knowledge>,
}

impl Actors {
    /// An actors stage over the loaded knowledge.
    #[must_use]
    pub fn new(kb: Arc<Knowledge>) -> Self {
        Self { kb }
    }
}

impl Stage for Actors {
    fn name(&self) -> StageName {
        StageName::Actors
    }
    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        resolve(&self.kb, doc);
        Ok(())
    }
}

/// A resolution of one mention before actors are merged.
#[derive(Clone, Debug, Default)]
struct Cand {
    id: String,
    name: String,
    kind: Option<ActorKind>,
    country: Option<String>,
    sectors: Vec<String>,
    code: Option<String>,
    roles: Vec<String>,
    rule: &'static str,
}

fn key_of(s: &str) -> String {
    let n = normalize(s);
    let mut out = String::with_capacity(n.len());
    for c in n.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_owned()
}

fn surface(doc: &Document, m: &Mention) -> String {
    let s = doc.slice(m.span).trim();
    let s = s
        .strip_prefix("the ")
        .or_else(|| s.strip_prefix("The "))
        .unwrap_or(s);
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn country_cand(kb: &Knowledge, c: u32) -> Option<Cand> {
    let c = kb.country_at(c)?;
    Some(Cand {
        id: format!("kb:{}", c.iso3),
        name: c.name.clone(),
        kind: Some(ActorKind::Country),
        country: Some(c.iso3.clone()),
        sectors: Vec::new(),
        code: Some(c.cameo.clone()),
        roles: Vec::new(),
        rule: "kb:country",
    })
}

fn with_sector(kb: &Knowledge, country: Option<&str>, sectors: &[String]) -> Option<String> {
    kb.code_for(country, sectors.first().map(String::as_str))
}

/// Role and country from an apposition after the mention: "X, Ukraine's defence minister".
fn apposition(kb: &Knowledge, doc: &Document, m: &Mention) -> (Option<u32>, Option<u32>) {
    let e = m.token_end as usize;
    if doc.tokens.get(e).is_none_or(|t| doc.slice(t.span) != ",") {
        return (None, None);
    }
    let mut j = e + 1;
    if doc
        .tokens
        .get(j)
        .is_some_and(|t| matches!(doc.slice(t.span).to_lowercase().as_str(), "the" | "a"))
    {
        j += 1;
    }
    let mut country = None;
    if let Some(ct) = kb.match_at(doc, j, false) {
        if let Some(c) = ct.hits.iter().find_map(|h| match h.entry {
            EntryRef::Country(c) | EntryRef::Demonym(c) => Some(c),
            _ => None,
        }) {
            country = Some(c);
            j = ct.end;
            if doc
                .tokens
                .get(j)
                .is_some_and(|t| matches!(doc.slice(t.span), "'s" | "\u{2019}s"))
            {
                j += 1;
            }
        }
    }
    if let Some(rt) = kb.match_at(doc, j, false) {
        if let Some(r) = rt.hits.iter().find_map(|h| {
            if let EntryRef::Role(r) = h.entry {
                Some(r)
            } else {
                None
            }
        }) {
            if kb
                .role(r)
                .is_some_and(|x| matches!(x.kind, RoleKind::Title | RoleKind::Weak))
            {
                return (Some(r), country);
            }
        }
    }
    (None, None)
}

#[allow(clippy::too_many_lines)]
fn candidate(
    kb: &Knowledge,
    doc: &Document,
    m: &Mention,
    an: &Analysis,
    date: Option<Date>,
) -> Option<Cand> {
    // Languages and products are entities but never actors.
    if matches!(m.label, EntityLabel::Language | EntityLabel::Product) {
        return None;
    }
    let surf = surface(doc, m);
    match an.entry {
        Some(EntryRef::Country(c) | EntryRef::Capital(c) | EntryRef::Demonym(c)) => {
            let mut cand = country_cand(kb, c)?;
            cand.rule = match an.entry {
                Some(EntryRef::Capital(_)) => "kb:capital",
                Some(EntryRef::Demonym(_)) => "kb:demonym",
                _ => "kb:country",
            };
            return Some(cand);
        }
        Some(EntryRef::Place(p)) => {
            let place = kb.sub_place(p)?;
            let c = kb.country_at(place.country)?;
            return Some(Cand {
                id: format!("kb:place:{}", key_of(&place.name)),
                name: place.name.clone(),
                kind: Some(ActorKind::Location),
                country: Some(c.iso3.clone()),
                code: Some(c.cameo.clone()),
                rule: "kb:place",
                ..Cand::default()
            });
        }
        Some(EntryRef::Org(o)) => {
            let org = kb.org(o)?;
            let code = org
                .cameo
                .clone()
                .or_else(|| with_sector(kb, org.country.as_deref(), &org.sectors));
            return Some(Cand {
                id: format!("kb:org:{}", org.key),
                name: org.name.clone(),
                kind: Some(ActorKind::Organization),
                country: org.country.clone(),
                sectors: org.sectors.clone(),
                code,
                roles: Vec::new(),
                rule: "kb:org",
            });
        }
        Some(EntryRef::Person(p)) => {
            let person = kb.person(p)?;
            let office = person.office_at(date);
            let country = office
                .and_then(|o| o.country.clone())
                .or_else(|| person.country().map(str::to_owned));
            let sectors = office.map(|o| o.sectors.clone()).unwrap_or_default();
            let holds = office.is_some_and(|o| date.is_none_or(|d| o.holds_at(d)));
            let code = match office {
                Some(o) if holds => o
                    .cameo
                    .clone()
                    .or_else(|| with_sector(kb, country.as_deref(), &sectors)),
                // Out of office at the date: an elite of the country.
                Some(_) => kb.code_for(country.as_deref(), Some("ELI")),
                None => kb.code_for(country.as_deref(), None),
            };
            let mut roles = Vec::new();
            if let Some(o) = office.filter(|_| holds) {
                roles.push(o.role.clone());
            }
            return Some(Cand {
                id: format!("kb:person:{}", person.key),
                name: person.name.clone(),
                kind: Some(ActorKind::Person),
                country,
                sectors: if holds {
                    sectors
                } else {
                    vec!["ELI".to_owned()]
                },
                code,
                roles,
                rule: "kb:person",
            });
        }
        Some(EntryRef::UserActor(u)) => {
            let ua = kb.user_actor(u)?;
            let code = ua.code_at(date).map(str::to_owned);
            // Same name as a built-in entry: keep its identity and kind, take the user's code.
            if let Some(b) = an.builtin {
                let inner = Analysis {
                    entry: Some(b),
                    ..Analysis::default()
                };
                if let Some(mut cand) = candidate(kb, doc, m, &inner, date) {
                    if code.is_some() {
                        cand.code.clone_from(&code);
                    }
                    cand.rule = "dictionary:actor";
                    return Some(cand);
                }
            }
            let country = code
                .as_deref()
                .and_then(|c| c.get(..3))
                .and_then(|c| kb.country(c))
                .map(|c| c.iso3.clone());
            let is_country = code.as_deref().is_some_and(|c| c.len() == 3) && country.is_some();
            let sectors = code
                .as_deref()
                .and_then(|c| c.get(3..6))
                .filter(|s| s.len() == 3)
                .map(|s| vec![s.to_owned()])
                .unwrap_or_default();
            return Some(Cand {
                id: format!("dict:{}", key_of(&ua.name)),
                name: surf,
                kind: Some(if is_country {
                    ActorKind::Country
                } else {
                    ActorKind::Organization
                }),
                country,
                sectors,
                code,
                roles: Vec::new(),
                rule: "dictionary:actor",
            });
        }
        _ => {}
    }
    // Actor nouns.
    if m.label == EntityLabel::Nominal {
        let role = an.role.and_then(|r| kb.role(r));
        let agent = an.agent.and_then(|g| kb.user_agent(g));
        let base_code = an
            .base_actor
            .and_then(|u| kb.user_actor(u))
            .and_then(|u| u.code_at(date))
            .map(str::to_owned);
        let country = an
            .country
            .and_then(|c| kb.country_at(c))
            .map(|c| c.iso3.clone())
            .or_else(|| {
                base_code
                    .as_deref()
                    .and_then(|c| c.get(..3))
                    .and_then(|c| kb.country(c))
                    .map(|c| c.iso3.clone())
            });
        let mut sectors = role.map(|r| r.sectors.clone()).unwrap_or_default();
        let mut code = match &base_code {
            Some(b) => Some(format!("{b}{}", sectors.first().map_or("", String::as_str))),
            None => with_sector(kb, country.as_deref(), &sectors),
        };
        if let Some(agent_code) = agent.and_then(|a| a.code_at(date)) {
            let base = base_code
                .clone()
                .or_else(|| country.as_deref().map(|c| kb.cameo_country(c)));
            let c = dictionary::apply_agent(base.as_deref(), agent_code);
            sectors = vec![agent_code.trim_matches('~').chars().take(3).collect()];
            code = Some(c);
        }
        if sectors.is_empty() {
            return None;
        }
        let kind = match role.map(|r| r.kind) {
            Some(RoleKind::Body) => ActorKind::Organization,
            Some(RoleKind::Title) if country.is_none() => ActorKind::Person,
            _ => ActorKind::Group,
        };
        let sector_key = sectors.first().cloned().unwrap_or_default();
        let id = match (&base_code, &country) {
            (Some(b), _) => format!("key:group:{b}:{sector_key}"),
            (None, Some(c)) => format!("key:group:{c}:{sector_key}"),
            (None, None) => format!("key:group:{sector_key}:{}", key_of(&surf)),
        };
        return Some(Cand {
            id,
            name: surf,
            kind: Some(kind),
            country,
            sectors,
            code,
            roles: role
                .filter(|r| r.kind == RoleKind::Title)
                .map(|r| vec![r.role.clone()])
                .unwrap_or_default(),
            rule: "nominal",
        });
    }
    // Unknown names.
    let (app_role, app_country) = apposition(kb, doc, m);
    let role = an.role.or(app_role).and_then(|r| kb.role(r));
    let country = an
        .title_country
        .or(app_country)
        .and_then(|c| kb.country_at(c))
        .map(|c| c.iso3.clone());
    match m.label {
        EntityLabel::Person => {
            let sectors = role.map(|r| r.sectors.clone()).unwrap_or_default();
            let code = with_sector(kb, country.as_deref(), &sectors);
            Some(Cand {
                id: format!("key:person:{}", key_of(&surf)),
                name: surf,
                kind: Some(ActorKind::Person),
                country,
                sectors,
                code,
                roles: role.map(|r| vec![r.role.clone()]).unwrap_or_default(),
                rule: if an.role.is_some() {
                    "title+name"
                } else if app_role.is_some() {
                    "name+apposition"
                } else {
                    "name"
                },
            })
        }
        EntityLabel::Org => {
            // Country and sector from the words inside ("Ministry of Defence of Narnia").
            let mut country = country;
            let mut sectors: Vec<String> = role.map(|r| r.sectors.clone()).unwrap_or_default();
            for k in m.token_start as usize..m.token_end as usize {
                if let Some(mt) = kb
                    .match_at(doc, k, false)
                    .filter(|mt| mt.end <= m.token_end as usize)
                {
                    for h in &mt.hits {
                        match h.entry {
                            EntryRef::Country(c) | EntryRef::Demonym(c) if country.is_none() => {
                                country = kb.country_at(c).map(|c| c.iso3.clone());
                            }
                            EntryRef::Role(r) => {
                                if let Some(r) = kb.role(r) {
                                    for s in &r.sectors {
                                        if !sectors.contains(s) {
                                            sectors.push(s.clone());
                                        }
                                    }
                                }
                            }
                            _ => {}
                        }
                    }
                }
            }
            let code = with_sector(kb, country.as_deref(), &sectors);
            Some(Cand {
                id: format!("key:org:{}", key_of(&surf)),
                name: surf,
                kind: Some(ActorKind::Organization),
                country,
                sectors,
                code,
                roles: Vec::new(),
                rule: "name:org",
            })
        }
        EntityLabel::Gpe | EntityLabel::Loc => {
            // A town the hand-written tables do not know: the GeoNames cities give its country.
            let city = kb
                .place_or_city(&surf)
                .and_then(|p| kb.country(&p.country).map(|c| (p, c)));
            Some(match city {
                Some((place, c)) => Cand {
                    id: format!("geo:{}", key_of(&place.name)),
                    name: place.name,
                    kind: Some(ActorKind::Location),
                    country: Some(c.iso3.clone()),
                    code: Some(c.cameo.clone()),
                    rule: "geonames:city",
                    ..Cand::default()
                },
                None => Cand {
                    id: format!("key:loc:{}", key_of(&surf)),
                    name: surf,
                    kind: Some(ActorKind::Location),
                    rule: "name:place",
                    ..Cand::default()
                },
            })
        }
        _ => None,
    }
}

fn countries_compatible(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// Resolves `doc.mentions` into `doc.actors` and sets each mention's `actor`.
pub fn resolve(kb: &Knowledge, doc: &mut Document) {
    doc.actors.clear();
    let date = doc.published;
    let caps = caps_by_sentence(doc);
    let analyses: Vec<Analysis> = doc
        .mentions
        .iter()
        .map(|m| analyse(kb, doc, m, &caps))
        .collect();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    // Surname (lowercase last word) → person actor indices.
    let mut surnames: HashMap<String, Vec<usize>> = HashMap::new();
    let mut actors: Vec<Actor> = Vec::new();
    let mut links: Vec<Option<u32>> = vec![None; doc.mentions.len()];
    // How often each surface names each actor (group names pick the most frequent).
    let mut surface_counts: HashMap<(usize, String), usize> = HashMap::new();
    for (mi, m) in doc.mentions.iter().enumerate() {
        let an = &analyses[mi];
        let Some(mut cand) = candidate(kb, doc, m, an, date) else {
            continue;
        };
        let surf = surface(doc, m);
        // Nominal groups without a country borrow one from a name right after
        // ("lawmakers in the Federation Council of Russia").
        if m.label == EntityLabel::Nominal && cand.country.is_none() {
            // Walk over a chain of nouns ("lawmakers in the lower house of parliament, the
            // State Duma") to the first name with a country.
            let mut prev = m;
            for (ni, next) in doc.mentions.iter().enumerate().skip(mi + 1).take(4) {
                let gap_ok = next.sentence == m.sentence
                    && next.token_start >= prev.token_end
                    && next.token_start - prev.token_end <= 3
                    && (prev.token_end..next.token_start).all(|k| {
                        doc.tokens.get(k as usize).is_some_and(|t| {
                            matches!(
                                doc.slice(t.span).to_lowercase().as_str(),
                                "in" | "of"
                                    | "the"
                                    | "from"
                                    | "at"
                                    | "for"
                                    | ","
                                    | "'s"
                                    | "\u{2019}s"
                            )
                        })
                    });
                if !gap_ok {
                    break;
                }
                let nc = candidate(kb, doc, next, &analyses[ni], date);
                if next.label == EntityLabel::Nominal
                    && nc.as_ref().is_none_or(|c| c.country.is_none())
                {
                    prev = next;
                    continue;
                }
                if let Some(nc) = nc {
                    if nc.country.is_some() && nc.kind != Some(ActorKind::Person) {
                        cand.country.clone_from(&nc.country);
                        cand.code = with_sector(kb, cand.country.as_deref(), &cand.sectors);
                        let sector_key = cand.sectors.first().cloned().unwrap_or_default();
                        cand.id = format!(
                            "key:group:{}:{sector_key}",
                            nc.country.as_deref().unwrap_or("")
                        );
                    }
                }
                break;
            }
        }
        // "NATO troops", "Taleban militants", "NATO said its troops": a group noun right after
        // an organisation or a country, or after "its"/"their", belongs to that owner.
        if m.label == EntityLabel::Nominal
            && cand.country.is_none()
            && cand.kind == Some(ActorKind::Group)
        {
            if let Some(owner) = owner_of(kb, doc, mi, &analyses, date) {
                take_owner(kb, &mut cand, &owner);
            }
        }
        // "Police arrested 20 protesters in Cairo": a domestic group without a country takes the
        // one country the sentence places its action in.
        if m.label == EntityLabel::Nominal
            && cand.country.is_none()
            && cand
                .sectors
                .first()
                .is_some_and(|s| DOMESTIC.contains(&s.as_str()))
        {
            if let Some(c) = locative_country(kb, doc, mi, &analyses, date) {
                cand.code = with_sector(kb, Some(&c), &cand.sectors);
                let sector_key = cand.sectors.first().cloned().unwrap_or_default();
                cand.id = format!("key:group:{c}:{sector_key}");
                cand.country = Some(c);
            }
        }
        // "the government" without a country: the last group of that sector that has one.
        // Only definite phrases refer back: bare "soldiers" is a new, unknown group.
        let raw = doc.slice(m.span).trim_start().to_lowercase();
        let definite = ["the ", "these ", "those ", "its ", "their "]
            .iter()
            .any(|d| raw.starts_with(d));
        if m.label == EntityLabel::Nominal
            && cand.country.is_none()
            && cand.roles.is_empty()
            && definite
        {
            if let Some(sector) = cand.sectors.first() {
                if let Some(prev) = actors
                    .iter()
                    .filter(|a| {
                        a.id.starts_with("key:group:")
                            && a.country.is_some()
                            && a.sectors.first() == Some(sector)
                    })
                    .max_by_key(|a| a.mentions.last().copied())
                {
                    cand.id.clone_from(&prev.id);
                }
            }
        }
        // "the president": the last actor with that role.
        let mut target = None;
        if m.label == EntityLabel::Nominal && !cand.roles.is_empty() {
            if let Some(role) = cand.roles.first() {
                target = actors
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| {
                        a.roles.iter().any(|r| canon(kb, r) == canon(kb, role))
                            && a.kind == Some(ActorKind::Person)
                            && countries_compatible(a.country.as_deref(), cand.country.as_deref())
                    })
                    .max_by_key(|(_, a)| a.mentions.last().copied())
                    .map(|(i, _)| i);
            }
            if target.is_none() && cand.kind == Some(ActorKind::Person) {
                cand.kind = Some(ActorKind::Group);
            }
        }
        // Surname coreference for single-word person names.
        if target.is_none() && m.label == EntityLabel::Person && !surf.contains(' ') {
            if let Some(list) = surnames.get(&normalize(&surf)) {
                target = list.iter().rev().copied().find(|&ai| {
                    let a: &Actor = &actors[ai];
                    a.id != cand.id
                        && countries_compatible(a.country.as_deref(), cand.country.as_deref())
                        && cand.id.starts_with("key:")
                });
            }
        }
        let ai = match target.or_else(|| by_id.get(&cand.id).copied()) {
            Some(ai) => {
                let a = &mut actors[ai];
                for r in cand.roles {
                    if !a.roles.contains(&r) {
                        a.roles.push(r);
                    }
                }
                if a.country.is_none() && cand.country.is_some() {
                    a.country = cand.country;
                    a.code = cand.code;
                }
                ai
            }
            None => {
                let ai = actors.len();
                by_id.insert(cand.id.clone(), ai);
                actors.push(Actor {
                    id: cand.id,
                    name: cand.name,
                    kind: cand.kind,
                    country: cand.country,
                    sectors: cand.sectors,
                    code: cand.code,
                    roles: cand.roles,
                    aliases: Vec::new(),
                    mentions: Vec::new(),
                    rule: cand.rule,
                });
                ai
            }
        };
        let a = &mut actors[ai];
        if surf != a.name && !a.aliases.contains(&surf) && !surf.is_empty() {
            a.aliases.push(surf.clone());
        }
        a.mentions.push(u32::try_from(mi).unwrap_or(u32::MAX));
        *surface_counts.entry((ai, surf.clone())).or_default() += 1;
        if a.kind == Some(ActorKind::Person) {
            for name in [a.name.clone(), surf.clone()] {
                for short in family_names(&name, a.country.as_deref()) {
                    let e = surnames.entry(short).or_default();
                    if !e.contains(&ai) {
                        e.push(ai);
                    }
                }
            }
        }
        links[mi] = u32::try_from(ai).ok();
    }
    // Groups are named by their most frequent surface ("North Korean soldiers").
    for (ai, a) in actors.iter_mut().enumerate() {
        if !a.id.starts_with("key:group:") {
            continue;
        }
        let best = std::iter::once(&a.name)
            .chain(&a.aliases)
            .max_by_key(|n| {
                surface_counts
                    .get(&(ai, (*n).clone()))
                    .copied()
                    .unwrap_or(0)
            })
            .cloned();
        if let Some(best) = best.filter(|b| *b != a.name) {
            let old = std::mem::replace(&mut a.name, best.clone());
            a.aliases.retain(|x| *x != best);
            a.aliases.insert(0, old);
        }
    }
    merge_early_surnames(&mut actors, &mut links);
    assign_main_country(kb, &mut actors);
    for (m, l) in doc.mentions.iter_mut().zip(links) {
        m.actor = l;
    }
    doc.actors = actors;
}

/// The organisation or country that owns the group noun of mention `mi`: the name right
/// before it ("NATO troops"), or for "its"/"their" + noun the last organisation or country
/// named before, in the same or the previous sentence.
fn owner_of(
    kb: &Knowledge,
    doc: &Document,
    mi: usize,
    analyses: &[Analysis],
    date: Option<Date>,
) -> Option<Cand> {
    let m = doc.mentions.get(mi)?;
    let owner = |ni: usize| -> Option<Cand> {
        let c = candidate(kb, doc, &doc.mentions[ni], &analyses[ni], date)?;
        (matches!(c.kind, Some(ActorKind::Country | ActorKind::Organization)) && c.code.is_some())
            .then_some(c)
    };
    if mi > 0 {
        let prev = &doc.mentions[mi - 1];
        if prev.sentence == m.sentence && prev.token_end == m.token_start {
            return owner(mi - 1);
        }
    }
    let start = m.token_start as usize;
    let pronoun = start
        .checked_sub(1)
        .and_then(|k| doc.tokens.get(k))
        .map(|t| doc.slice(t.span).to_lowercase());
    if !pronoun.is_some_and(|p| p == "its" || p == "their") {
        return None;
    }
    (0..mi)
        .rev()
        .take_while(|&ni| doc.mentions[ni].sentence + 1 >= m.sentence)
        .find_map(owner)
}

/// Gives a group noun its owner's country and code: (`ISR`, soldiers) → `ISRMIL`,
/// (NATO `IGOWSTNAT`, troops) → `IGOWSTNATMIL`, (Taliban `AFGREB`, militants) → `AFGREB`.
fn take_owner(kb: &Knowledge, cand: &mut Cand, owner: &Cand) {
    let sector = cand.sectors.first().cloned().unwrap_or_default();
    if owner.kind == Some(ActorKind::Country) {
        cand.country.clone_from(&owner.country);
        cand.code = with_sector(kb, cand.country.as_deref(), &cand.sectors);
        cand.id = format!(
            "key:group:{}:{sector}",
            owner.country.as_deref().unwrap_or("")
        );
        return;
    }
    let Some(code) = owner.code.as_deref() else {
        return;
    };
    cand.country.clone_from(&owner.country);
    cand.code = Some(if code.ends_with(sector.as_str()) {
        code.to_owned()
    } else {
        format!("{code}{sector}")
    });
    cand.id = format!("key:group:{code}:{sector}");
}

/// Sectors of groups that act where they are: police, protesters, civilians, a government,
/// courts, parliaments, unions, students, clergy, health workers, farmers, criminals.
/// Soldiers, rebels, media and aid groups often act abroad, so they never borrow a place.
const DOMESTIC: [&str; 12] = [
    "COP", "OPP", "CVL", "GOV", "JUD", "LEG", "LAB", "EDU", "REL", "HLH", "AGR", "CRM",
];

/// Words that put an action in a place ("in Cairo", "across Kenya").
const LOCATIVE: [&str; 8] = [
    "in",
    "at",
    "near",
    "across",
    "throughout",
    "outside",
    "inside",
    "around",
];

/// Compass words between a locative preposition and a place (prefixes: "north-eastern").
const COMPASS: [&str; 5] = ["north", "south", "east", "west", "central"];

/// The one country that the locative phrases of mention `mi`'s sentence name ("in Cairo" →
/// EGY), or `None` when there is none or they disagree.
fn locative_country(
    kb: &Knowledge,
    doc: &Document,
    mi: usize,
    analyses: &[Analysis],
    date: Option<Date>,
) -> Option<String> {
    let sentence = doc.mentions.get(mi)?.sentence;
    let mut found: Option<String> = None;
    for (ni, n) in doc.mentions.iter().enumerate() {
        if n.sentence != sentence || ni == mi || n.token_start == 0 {
            continue;
        }
        // Step back over "the" and compass words ("in northern Mali").
        let mut k = n.token_start as usize;
        let mut before = None;
        while k > 0 && n.token_start as usize - k < 3 {
            k -= 1;
            let w = doc
                .tokens
                .get(k)
                .map(|t| doc.slice(t.span).to_lowercase())
                .unwrap_or_default();
            if doc.tokens[k].sentence != n.sentence {
                break;
            }
            if w == "the" || COMPASS.iter().any(|c| w.starts_with(c)) {
                continue;
            }
            before = Some(w);
            break;
        }
        if !before.is_some_and(|w| LOCATIVE.contains(&w.as_str())) {
            continue;
        }
        let Some(c) = candidate(kb, doc, n, &analyses[ni], date) else {
            continue;
        };
        if !matches!(c.kind, Some(ActorKind::Country | ActorKind::Location)) {
            continue;
        }
        let Some(country) = c.country else { continue };
        match &found {
            Some(f) if *f != country => return None,
            _ => found = Some(country),
        }
    }
    found
}

/// Titled people without a country ("President Susilo Bambang Yudhoyono" in a story about
/// Indonesia) take the document's main country: the country actor with at least two mentions and
/// at least half of all country mentions.
fn assign_main_country(kb: &Knowledge, actors: &mut [Actor]) {
    let total: usize = actors
        .iter()
        .filter(|a| a.kind == Some(ActorKind::Country))
        .map(|a| a.mentions.len())
        .sum();
    let Some(main) = actors
        .iter()
        .filter(|a| a.kind == Some(ActorKind::Country))
        .max_by_key(|a| a.mentions.len())
        .filter(|a| a.mentions.len() >= 2 && a.mentions.len() * 2 >= total)
        .and_then(|a| a.country.clone())
    else {
        return;
    };
    for a in actors.iter_mut() {
        if a.kind == Some(ActorKind::Person)
            && a.id.starts_with("key:person:")
            && a.country.is_none()
            && !a.roles.is_empty()
            && a.sectors
                .iter()
                .any(|s| matches!(s.as_str(), "GOV" | "MIL" | "LEG" | "JUD" | "COP"))
        {
            a.code = kb.code_for(Some(&main), a.sectors.first().map(String::as_str));
            a.country = Some(main.clone());
            a.rule = "title+main_country";
        }
    }
}

/// A role in the lexicon's words ("foreign secretary" → "foreign minister").
fn canon(kb: &Knowledge, role: &str) -> String {
    kb.role_by_phrase(role)
        .map_or_else(|| role.to_owned(), |r| r.role.clone())
}

/// "Mr Howard ... Michael Howard": a one-word person named before the full name joins it when
/// exactly one other person of a compatible country carries that family name.
fn merge_early_surnames(actors: &mut Vec<Actor>, links: &mut [Option<u32>]) {
    let mut remap: Vec<usize> = (0..actors.len()).collect();
    for i in 0..actors.len() {
        let a = &actors[i];
        if a.kind != Some(ActorKind::Person)
            || !a.id.starts_with("key:person:")
            || a.name.contains(' ')
        {
            continue;
        }
        let short = normalize(&a.name);
        let targets: Vec<usize> = (0..actors.len())
            .filter(|&j| {
                let b = &actors[j];
                j != i
                    && b.kind == Some(ActorKind::Person)
                    && b.name.contains(' ')
                    && countries_compatible(a.country.as_deref(), b.country.as_deref())
                    && family_names(&b.name, b.country.as_deref()).contains(&short)
            })
            .collect();
        if let [j] = targets[..] {
            remap[i] = j;
        }
    }
    if remap.iter().enumerate().all(|(i, &j)| i == j) {
        return;
    }
    // Move mentions, roles and aliases, then drop the merged actors and renumber.
    for i in 0..actors.len() {
        let j = remap[i];
        if j != i {
            let from = std::mem::take(&mut actors[i]);
            let to = &mut actors[j];
            to.mentions.extend(from.mentions);
            to.mentions.sort_unstable();
            for r in from.roles {
                if !to.roles.contains(&r) {
                    to.roles.push(r);
                }
            }
            if !to.aliases.contains(&from.name) && from.name != to.name {
                to.aliases.push(from.name);
            }
        }
    }
    let mut new_index = vec![0u32; actors.len()];
    let mut kept = Vec::with_capacity(actors.len());
    for (i, a) in std::mem::take(actors).into_iter().enumerate() {
        if remap[i] == i {
            new_index[i] = u32::try_from(kept.len()).unwrap_or(u32::MAX);
            kept.push(a);
        }
    }
    for l in links.iter_mut() {
        if let Some(x) = l {
            let j = remap[*x as usize];
            *l = Some(new_index[j]);
        }
    }
    *actors = kept;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mentions::{find_mentions, tests::tokenize};

    fn run(text: &str, date: &str) -> Document {
        let kb = Knowledge::builtin();
        let mut doc = Document::new("t", text, Date::parse_iso(date));
        tokenize(&mut doc);
        doc.mentions = find_mentions(&kb, &doc);
        resolve(&kb, &mut doc);
        doc
    }

    fn find<'a>(doc: &'a Document, name: &str) -> &'a Actor {
        doc.actors
            .iter()
            .find(|a| {
                a.name.eq_ignore_ascii_case(name)
                    || a.aliases.iter().any(|x| x.eq_ignore_ascii_case(name))
            })
            .unwrap_or_else(|| panic!("no actor {name}: {:#?}", doc.actors))
    }

    #[test]
    fn codes_roles_and_coreference() {
        let d = run(
            "Ukrainian Defence Minister Rustem Umerov told the South Korean broadcaster KBS that North Korean soldiers attacked. \
             Umerov said Moscow has not commented. Russian President Vladimir Putin met lawmakers in the State Duma. \
             The president later spoke.",
            "2024-11-06",
        );
        type Case<'a> = (
            &'a str,
            &'a str,
            Option<&'a str>,
            Option<&'a str>,
            Option<&'a str>,
        );
        let cases: &[Case] = &[
            (
                "Rustem Umerov",
                "person",
                Some("UKR"),
                Some("UKRGOV"),
                Some("defence minister"),
            ),
            ("Umerov", "person", Some("UKR"), Some("UKRGOV"), None),
            ("KBS", "organization", Some("KOR"), Some("KORMED"), None),
            (
                "North Korean soldiers",
                "group",
                Some("PRK"),
                Some("PRKMIL"),
                None,
            ),
            ("Moscow", "country", Some("RUS"), Some("RUS"), None),
            (
                "Vladimir Putin",
                "person",
                Some("RUS"),
                Some("RUSGOV"),
                Some("president"),
            ),
            ("president", "person", Some("RUS"), Some("RUSGOV"), None),
            (
                "State Duma",
                "organization",
                Some("RUS"),
                Some("RUSLEG"),
                None,
            ),
            ("lawmakers", "group", Some("RUS"), Some("RUSLEG"), None),
        ];
        for (name, kind, country, code, role) in cases {
            let a = find(&d, name);
            assert_eq!(a.kind.map(ActorKind::as_str), Some(*kind), "{name}");
            assert_eq!(a.country.as_deref(), *country, "{name}");
            assert_eq!(a.code.as_deref(), *code, "{name}");
            if let Some(r) = role {
                assert!(a.roles.iter().any(|x| x == r), "{name}: {:?}", a.roles);
            }
        }
        assert_eq!(find(&d, "Umerov").id, find(&d, "Rustem Umerov").id);
        let d = run(
            "North Korean leader Kim Jong Un met Putin. Kim said nothing.",
            "2024-11-06",
        );
        let kim = find(&d, "Kim");
        assert_eq!(kim.id, "kb:person:kim_jong_un");
        assert!(kim.roles.iter().any(|r| r == "leader"));
    }

    #[test]
    fn dates_and_appositions() {
        let d = run(
            "Russia's president, Vladimir Putin, spoke. Russia's president later left.",
            "2024-11-06",
        );
        let putin = find(&d, "Vladimir Putin");
        assert_eq!(putin.mentions.len(), 2, "{:#?}", d.actors);
        let d = run("Mr Howard spoke first. Later Michael Howard said more. The foreign secretary, Jack Straw, agreed. The foreign secretary left.", "2005-01-01");
        let howard = find(&d, "Michael Howard");
        assert_eq!(howard.mentions.len(), 2, "{:#?}", d.actors);
        assert!(d
            .mentions
            .iter()
            .all(|m| m.actor.is_none_or(|a| (a as usize) < d.actors.len())));
        assert!(
            find(&d, "Jack Straw").mentions.len() >= 2,
            "{:#?}",
            d.actors
        );
        let d = run("Rustem Umerov met Joe Biden.", "2022-01-01");
        assert_eq!(find(&d, "Rustem Umerov").code.as_deref(), Some("UKRELI"));
        assert_eq!(find(&d, "Joe Biden").code.as_deref(), Some("USAGOV"));
        let d = run(
            "Talks with Ivo Wendemar, Ukraine's defence minister, went on.",
            "2024-01-01",
        );
        let a = find(&d, "Ivo Wendemar");
        assert_eq!(a.country.as_deref(), Some("UKR"));
        assert_eq!(a.sectors, ["GOV", "MIL"]);
    }

    #[test]
    fn domestic_groups_take_the_place_of_the_action() {
        // (text, actor, expected code): sector nouns, and the one country a locative names.
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "Police arrested 20 protesters in Cairo.",
                "Police",
                Some("EGYCOP"),
            ),
            (
                "Police arrested 20 protesters in Cairo.",
                "protesters",
                Some("EGYOPP"),
            ),
            (
                "Students marched in northern Kenya.",
                "Students",
                Some("KENEDU"),
            ),
            (
                "Unions called a strike at Gdansk in Poland.",
                "Unions",
                Some("POLLAB"),
            ),
            ("Clerics met in Iraq.", "Clerics", Some("IRQREL")),
            ("Refugees fled to Chad.", "Refugees", None),
            // Soldiers act abroad: the place does not make them its own.
            ("Soldiers fired shells in Ukraine.", "Soldiers", None),
            // Two countries: no guess.
            ("Farmers protested in France and in Spain.", "Farmers", None),
        ];
        for (text, name, code) in cases {
            let d = run(text, "2024-05-01");
            assert_eq!(find(&d, name).code.as_deref(), *code, "{text}");
        }
        assert_eq!(
            find(
                &run("Aid workers reached Gaza.", "2024-05-01"),
                "Aid workers"
            )
            .sectors,
            ["NGO"]
        );
    }

    #[test]
    fn group_nouns_belong_to_the_name_or_pronoun_owner() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "NATO troops crossed the river.",
                "troops",
                Some("IGOWSTNATMIL"),
            ),
            ("Taleban militants attacked.", "militants", Some("AFGREB")),
            (
                "NATO officials say its troops killed a man.",
                "troops",
                Some("IGOWSTNATMIL"),
            ),
            (
                "Iran said on Monday that their soldiers left.",
                "soldiers",
                Some("IRNMIL"),
            ),
            // A person is not an owner.
            ("John Smith said their soldiers left.", "soldiers", None),
        ];
        for (text, name, code) in cases {
            let d = run(text, "2024-05-01");
            assert_eq!(
                find(&d, name).code.as_deref(),
                *code,
                "{text}: {:#?}",
                d.actors
            );
        }
    }
}
