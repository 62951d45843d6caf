//! Regression floors for the figure and date scorers (`eval_figures`, `eval_dates`), run as
//! the repo's own binaries on `../shared/data`. Skips with a message when the data is absent.

use std::process::Command;

use eventframe::shared::shared_dir;

/// `(name, value accuracy %)` of every scored file in a scorer's report.
fn scores(bin: &str) -> Vec<(String, f64)> {
    let out = Command::new(bin)
        .output()
        .unwrap_or_else(|e| panic!("{bin} did not run: {e}"));
    assert!(out.status.success(), "{bin} failed");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| {
            let name = l.split_whitespace().next()?.to_string();
            let rest = &l[l.find("value acc")? + "value acc".len()..];
            let pct = rest.trim_start().split('%').next()?.trim().parse().ok()?;
            Some((name, pct))
        })
        .collect()
}

fn check(bin: &str, floors: &[(&str, f64)]) {
    let got = scores(bin);
    for (name, floor) in floors {
        let (_, v) = got
            .iter()
            .find(|(n, _)| n.ends_with(name))
            .unwrap_or_else(|| panic!("{name} missing from {bin}'s report: {got:?}"));
        assert!(*v >= *floor, "{name}: value accuracy {v}% below {floor}%");
    }
}

#[test]
fn number_and_date_scores_keep_their_floors() {
    if shared_dir().is_none() {
        eprintln!("skipped: ../shared/data not found (set EVENTFRAME_SHARED)");
        return;
    }
    check(
        env!("CARGO_BIN_EXE_eval_figures"),
        &[
            ("Number_NumberModel.json", 90.0),
            ("Number_OrdinalModel.json", 90.0),
            ("Number_PercentModel.json", 90.0),
            ("NumberWithUnit_CurrencyModel.json", 90.0),
        ],
    );
    check(
        env!("CARGO_BIN_EXE_eval_dates"),
        &[("TimeBank", 86.5), ("AQUAINT", 85.0)],
    );
}
