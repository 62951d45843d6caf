//! Regression floor on the PETRARCH unit suite (`shared/data/events/petrarch_unit_tests`):
//! runs the `eval_petrarch` binary (raw `<Text>`, the suite's verb, actor, agent and discard
//! dictionaries) and checks the share of expected codings found and the number of extra
//! codings against the levels reached, so that a regression in the events stage fails here.
//! Skips (prints and returns) when the shared data is absent.
#![allow(clippy::unwrap_used, clippy::expect_used)]

/// (category, expected, found, extra) rows of the eval's table, `ALL` last.
fn table(out: &str) -> Vec<(String, usize, usize, usize)> {
    out.lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            if f.len() < 6 || !f[4].ends_with('%') {
                return None;
            }
            Some((
                f[0].to_owned(),
                f[2].parse().ok()?,
                f[3].parse().ok()?,
                f[5].parse().ok()?,
            ))
        })
        .collect()
}

#[test]
fn petrarch_unit_suite_floor() {
    let Some(dir) = eventframe::events::shared_dir()
        .map(|d| d.join("data/events/petrarch_unit_tests"))
        .filter(|d| d.join("PETR.UnitTest.records.xml").is_file())
    else {
        println!("skipped: PETRARCH unit suite not found (set EVENTFRAME_SHARED)");
        return;
    };
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_eval_petrarch"))
        .arg(&dir)
        .output()
        .expect("eval_petrarch runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    println!("{text}");
    let rows = table(&text);
    let (_, expected, found, extra) = rows
        .iter()
        .find(|r| r.0 == "ALL")
        .cloned()
        .expect("an ALL row");
    assert!(expected >= 350, "suite shrank: {expected} expected codings");
    let pct = 100.0 * found as f64 / expected as f64;
    // Levels reached on 2026-11-30: 90.5 % found (325 of 359), 18 extra codings (5.0 %);
    // the goal is ≥ 90 % found with ≤ 10 % extra.
    assert!(
        pct >= 90.0,
        "found {pct:.1}% of expected codings (floor 90%)"
    );
    assert!(extra <= 20, "{extra} extra codings (ceiling 20)");
    assert!(
        100.0 * extra as f64 / expected as f64 <= 10.0,
        "{extra} extra codings exceed 10% of {expected}"
    );
    // Categories that are solved must stay solved.
    for (cat, floor) in [
        ("VERB", 100.0),
        ("SYNSET", 100.0),
        ("DATE", 95.0),
        ("COMPOUND", 85.0),
        ("PATTERN", 85.0),
    ] {
        let (_, e, f, _) = rows
            .iter()
            .find(|r| r.0 == cat)
            .cloned()
            .unwrap_or_default();
        let p = 100.0 * f as f64 / e.max(1) as f64;
        assert!(p >= floor, "{cat}: {p:.1}% found (floor {floor}%)");
    }
}

#[test]
fn table_rows_parse() {
    let rows = table(
        "category   sents  expected  found   found %  extra  x/exp % x/pred %\n\
         VERB          23        21     21    100.0%      0     0.0%     0.0%\n\
         ALL          284       359    286     79.7%     47    13.1%    14.1%\n",
    );
    assert_eq!(
        rows,
        vec![
            ("VERB".to_owned(), 21, 21, 0),
            ("ALL".to_owned(), 359, 286, 47)
        ]
    );
}
