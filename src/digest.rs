//! Content fingerprints: the SHA-256 of some bytes, as lowercase hex. A leaf:
//! parse, model, the ledger and archives all name content by it.

use sha2::{Digest, Sha256};

pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for byte in digest {
        hex.push_str(&format!("{byte:02x}"));
    }
    hex
}
