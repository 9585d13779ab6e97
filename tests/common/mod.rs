//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

/// The shared data folder: `$ZHNEWS_SHARED`, else `../shared`, if it exists.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("ZHNEWS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    dir.is_dir().then_some(dir)
}

/// A file under the shared folder, or `None` (with a note on stderr) when
/// the shared data is not there.
pub fn shared_file(rel: &str) -> Option<PathBuf> {
    match shared_dir() {
        Some(d) if d.join(rel).exists() => Some(d.join(rel)),
        _ => {
            eprintln!(
                "SKIPPED: shared data {rel} not found (set ZHNEWS_SHARED or put it at ../shared)"
            );
            None
        }
    }
}
