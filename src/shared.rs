//! Where the shared reference data lives, for training commands, evaluations, benchmarks and
//! data-backed tests. The library itself never reads it: everything it needs is embedded.

use std::path::PathBuf;

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
