//! Durable renames: what the output swap and the ledger write both need so a
//! file put in place by rename survives a power cut. A leaf.

use std::path::Path;

/// Makes the renames in `dir` durable (fsync of the folder). Unix only: Windows
/// has no folder handles to sync and commits renames with its metadata.
pub fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(handle) = std::fs::File::open(dir) {
        let _ = handle.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}
