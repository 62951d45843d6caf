//! Where the shared reference data lives, for training commands, evaluations, benchmarks and
//! data-backed tests. The library itself never reads it: everything it needs is embedded.

use std::path::{Path, PathBuf};

/// The shared folder (the one holding `data/`): `EVENTFRAME_SHARED` if set, else `../shared`
/// beside this repository. `None` on a user's machine, where data-backed tests skip.
#[must_use]
pub fn shared_dir() -> Option<PathBuf> {
    let mut candidates = Vec::new();
    if let Some(p) = std::env::var_os("EVENTFRAME_SHARED") {
        candidates.push(PathBuf::from(p));
    }
    candidates.push(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    candidates.into_iter().find(|p| p.join("data").is_dir())
}

/// Appends the `<BODY>` texts of one Reuters-21578 SGML file (read as Latin-1) to `out`, with
/// the few entities unescaped and the closing "Reuter" signature dropped; for benchmarks.
///
/// # Errors
/// When the file cannot be read.
pub fn reuters_bodies(path: &Path, out: &mut Vec<String>) -> std::io::Result<()> {
    let bytes = std::fs::read(path)?;
    let text: String = bytes.iter().map(|&b| b as char).collect();
    let mut rest = text.as_str();
    while let Some(i) = rest.find("<BODY>") {
        let after = &rest[i + 6..];
        let Some(j) = after.find("</BODY>") else {
            break;
        };
        let body = after[..j]
            .trim_end_matches(|c: char| c.is_whitespace() || c == '\u{3}')
            .trim_end_matches("&#3;")
            .trim_end()
            .trim_end_matches("Reuter")
            .trim_end_matches("REUTER")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
        out.push(body);
        rest = &after[j..];
    }
    Ok(())
}

/// Appends to `out` the `<BODY>` texts of the Reuters-21578 files under `shared`
/// (`reut2-000.sgm` to `reut2-021.sgm`, see [`reuters_bodies`]), file by file until `out`
/// holds at least `limit` of them (`usize::MAX` for all).
///
/// # Errors
/// The path of the file that could not be read, and why; the bodies read before it stay in
/// `out`.
pub fn reuters_corpus(
    shared: &Path,
    limit: usize,
    out: &mut Vec<String>,
) -> Result<(), (PathBuf, std::io::Error)> {
    let dir = shared.join("data/corpus/reuters21578");
    for k in 0..22 {
        if out.len() >= limit {
            break;
        }
        let path = dir.join(format!("reut2-{k:03}.sgm"));
        reuters_bodies(&path, out).map_err(|e| (path, e))?;
    }
    Ok(())
}
