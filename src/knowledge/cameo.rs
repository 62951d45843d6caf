//! CAMEO event codebook: every event code with its short name, root, QuadClass, Goldstein score
//! and PLOVER event type and mode.
//!
//! The table is a compact TSV embedded at compile time (`cameo.tsv`). Codes, Goldstein scores
//! (GDELT's table) and the CAMEO→PLOVER mapping (CAMEO2PLOVER, 2021) are facts; names are short
//! standard labels. CAMEO 01x (statements) has no PLOVER event; 02x (appeals) maps to `REQUEST`.
//!
//! ```
//! use eventframe::knowledge::cameo;
//! let c = cameo::lookup("057").unwrap();
//! assert_eq!((c.root, c.quad_class, c.plover), ("05", 1, Some("SUPPORT")));
//! assert_eq!(c.goldstein, 8.0);
//! assert!(cameo::all().count() > 300);
//! ```

use std::sync::OnceLock;

/// One row of the CAMEO event codebook.
#[derive(Clone, Debug, PartialEq)]
pub struct CameoCode {
    /// The code: two digits for a root (`19`), three or four for a leaf (`057`, `1823`).
    pub code: &'static str,
    /// Short name.
    pub name: &'static str,
    /// Two-digit root (`05`).
    pub root: &'static str,
    /// QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
    /// 4 material conflict.
    pub quad_class: u8,
    /// Goldstein conflict–cooperation score in `[-10, 10]`.
    pub goldstein: f32,
    /// PLOVER event type (`SUPPORT`, `ASSAULT`), `None` for statements (01x).
    pub plover: Option<&'static str>,
    /// PLOVER mode (`visit`, `arrest`), when the mapping gives one.
    pub plover_mode: Option<&'static str>,
}

const TSV: &str = include_str!("cameo.tsv");

/// QuadClass of a two-digit root: 01–05 → 1, 06–08 → 2, 09–13 → 3, 14–20 → 4.
#[must_use]
pub fn quad_class_of_root(root: &str) -> Option<u8> {
    let r: u8 = root.get(..2)?.parse().ok()?;
    match r {
        1..=5 => Some(1),
        6..=8 => Some(2),
        9..=13 => Some(3),
        14..=20 => Some(4),
        _ => None,
    }
}

fn parse() -> Vec<CameoCode> {
    let mut rows: Vec<CameoCode> = TSV
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|line| {
            let mut f = line.split('\t');
            let code = f.next()?.trim();
            let name = f.next()?.trim();
            let goldstein = f.next()?.trim().parse().ok()?;
            let plover = f.next().map(str::trim).filter(|s| !s.is_empty());
            let plover_mode = f.next().map(str::trim).filter(|s| !s.is_empty());
            let root = code.get(..2)?;
            Some(CameoCode {
                code,
                name,
                root,
                quad_class: quad_class_of_root(root)?,
                goldstein,
                plover,
                plover_mode,
            })
        })
        .collect();
    rows.sort_by(|a, b| a.code.cmp(b.code));
    rows
}

fn table() -> &'static [CameoCode] {
    static TABLE: OnceLock<Vec<CameoCode>> = OnceLock::new();
    TABLE.get_or_init(parse)
}

/// The row of a CAMEO event code (`"057"`, `"19"`, `"1823"`), `None` if unknown.
#[must_use]
pub fn lookup(code: &str) -> Option<&'static CameoCode> {
    let t = table();
    t.binary_search_by(|r| r.code.cmp(code.trim()))
        .ok()
        .map(|i| &t[i])
}

/// Every row, sorted by code (roots before their leaves).
pub fn all() -> impl Iterator<Item = &'static CameoCode> {
    table().iter()
}

/// Number of rows in the table.
#[must_use]
pub fn len() -> usize {
    table().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_complete_and_consistent() {
        assert!(len() >= 310, "only {} rows", len());
        for r in all() {
            assert!(r.code.len() >= 2 && r.code.len() <= 4, "{}", r.code);
            assert!(r.code.bytes().all(|b| b.is_ascii_digit()), "{}", r.code);
            assert!((-10.0..=10.0).contains(&r.goldstein), "{}", r.code);
            assert!(!r.name.is_empty());
            if r.root != "01" {
                assert!(r.plover.is_some(), "no PLOVER for {}", r.code);
            }
        }
        for root in 1..=20 {
            let code = format!("{root:02}");
            assert!(lookup(&code).is_some(), "missing root {code}");
            assert!(lookup(&format!("{code}0")).is_some(), "missing {code}0");
        }
    }

    /// code, root, quad class, Goldstein, PLOVER event, PLOVER mode
    type Case = (
        &'static str,
        &'static str,
        u8,
        f32,
        Option<&'static str>,
        Option<&'static str>,
    );

    #[test]
    fn lookups() {
        let cases: &[Case] = &[
            ("010", "01", 1, 0.0, None, None),
            ("011", "01", 1, -0.1, None, None),
            ("042", "04", 1, 1.9, Some("CONSULT"), Some("visit")),
            ("057", "05", 1, 8.0, Some("SUPPORT"), None),
            ("072", "07", 2, 8.3, Some("AID"), None),
            ("112", "11", 3, -2.0, Some("ACCUSE"), Some("disapprove")),
            ("138", "13", 3, -7.0, Some("THREATEN"), Some("violence")),
            ("163", "16", 4, -8.0, Some("COERCE"), Some("restrict")),
            ("173", "17", 4, -5.0, Some("COERCE"), Some("arrest")),
            ("190", "19", 4, -10.0, Some("ASSAULT"), None),
            (
                "2042",
                "20",
                4,
                -10.0,
                Some("ASSAULT"),
                Some("unconventional"),
            ),
        ];
        for &(code, root, quad, g, plover, mode) in cases {
            let r = lookup(code).unwrap_or_else(|| panic!("{code} missing"));
            assert_eq!(
                (r.root, r.quad_class, r.plover, r.plover_mode),
                (root, quad, plover, mode),
                "{code}"
            );
            assert!((r.goldstein - g).abs() < 1e-6, "{code}: {}", r.goldstein);
        }
        assert!(lookup("999").is_none());
        assert!(lookup("").is_none());
        assert_eq!(quad_class_of_root("21"), None);
    }
}
