//! Content fingerprints: the SHA-256 of some bytes, as lowercase hex. A leaf:
//! parse, model, the ledger and archives all name content by it. And a quick
//! checksum, for telling a cache's damaged bytes from whole ones.

use std::io::{self, Read};

use sha2::{Digest, Sha256};

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// The SHA-256 of everything `reader` yields, read a piece at a time, so a
/// file of any size takes no more memory than the piece.
pub fn sha256_hex_of(reader: &mut dyn Read) -> io::Result<String> {
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        match reader.read(&mut buf) {
            Ok(0) => return Ok(hex(&hasher.finalize())),
            Ok(n) => hasher.update(&buf[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

/// Bytes as lowercase hex: how a digest is written.
pub fn hex(digest: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut hex = String::with_capacity(2 * digest.len());
    for byte in digest {
        hex.push(DIGITS[usize::from(byte >> 4)] as char);
        hex.push(DIGITS[usize::from(byte & 0xf)] as char);
    }
    hex
}

/// A 64-bit checksum of `bytes`, several times quicker than SHA-256: for
/// finding bytes a cache wrote that are no longer as written (a cut file, a
/// bad disk), not for naming content or for anything an adversary chooses.
/// Any one changed 8-byte word changes it; it is the same on every machine.
pub fn quick_sum(bytes: &[u8]) -> u64 {
    const ODD: [u64; 4] = [
        0x9e37_79b9_7f4a_7c15,
        0xc2b2_ae3d_27d4_eb4f,
        0x1656_67b1_9e37_79f9,
        0xd6e8_feb8_6659_fd93,
    ];
    // Four independent lanes, so the multiplications overlap; each step is
    // one-to-one in the lane, so a changed word cannot be undone later.
    let mut lanes = ODD;
    let step = |lane: u64, word: u64, odd: u64| (lane ^ word).wrapping_mul(odd).rotate_left(29);
    let mut blocks = bytes.chunks_exact(32);
    for block in &mut blocks {
        for (i, lane) in lanes.iter_mut().enumerate() {
            *lane = step(*lane, word_at(block, 8 * i), ODD[i]);
        }
    }
    let mut tail = [0u8; 32];
    let rest = blocks.remainder();
    tail[..rest.len()].copy_from_slice(rest);
    for (i, lane) in lanes.iter_mut().enumerate() {
        *lane = step(*lane, word_at(&tail, 8 * i), ODD[i]);
    }
    // The length tells a block of zero bytes from none.
    let mut sum = bytes.len() as u64;
    for (lane, odd) in lanes.iter().zip(ODD) {
        sum = step(sum, *lane, odd);
    }
    sum ^ (sum >> 32)
}

fn word_at(block: &[u8], at: usize) -> u64 {
    let mut word = [0u8; 8];
    word.copy_from_slice(&block[at..at + 8]);
    u64::from_le_bytes(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streamed_and_whole_agree() {
        let bytes: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        assert_eq!(
            sha256_hex_of(&mut bytes.as_slice()).unwrap(),
            sha256_hex(&bytes)
        );
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn a_quick_sum_changes_with_any_byte_and_with_the_length() {
        let bytes: Vec<u8> = (0..100u32).map(|i| (i * 7 % 256) as u8).collect();
        let whole = quick_sum(&bytes);
        assert_eq!(
            whole,
            quick_sum(&bytes.clone()),
            "the same bytes, the same sum"
        );
        for at in 0..bytes.len() {
            let mut changed = bytes.clone();
            changed[at] ^= 0x01;
            assert_ne!(quick_sum(&changed), whole, "byte {at}");
        }
        for len in 0..bytes.len() {
            assert_ne!(quick_sum(&bytes[..len]), whole, "cut to {len}");
        }
        assert_ne!(quick_sum(&[0; 32]), quick_sum(&[]));
        assert_ne!(quick_sum(&[0; 32]), quick_sum(&[0; 31]));
        // Written to caches: the same on every machine and every build.
        assert_eq!(
            quick_sum("noticeboard 公示".as_bytes()),
            5_051_849_804_827_119_909
        );
        assert_eq!(hex(&[0x0f, 0xa0]), "0fa0");
    }
}
