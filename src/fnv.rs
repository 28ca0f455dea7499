//! 64-bit FNV-1a: the one small, stable hash behind content-derived names (hashed asset names,
//! PDF font subset tags, image resource names, the PDF /ID). Not for integrity: the build cache
//! uses SHA-256 (`cache`).

/// An FNV-1a hash being fed, from a chosen offset basis.
pub(crate) struct Fnv(pub(crate) u64);

impl Fnv {
    /// The standard offset basis.
    pub(crate) const BASIS: u64 = 0xcbf2_9ce4_8422_2325;

    /// Mixes `bytes` in.
    pub(crate) fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(Fnv::BASIS)
    }
}

/// For in-memory maps keyed by short words (syllable counts, jargon): several times faster than
/// the standard library's SipHash on them, and the keys are the clinic's own text, so there is no
/// one to defend against.
impl std::hash::Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        Fnv::write(self, bytes);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` hashed with FNV-1a.
pub(crate) type FnvMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// The FNV-1a hash of `bytes` from the standard basis.
pub(crate) fn hash(bytes: &[u8]) -> u64 {
    let mut h = Fnv(Fnv::BASIS);
    h.write(bytes);
    h.0
}

#[cfg(test)]
mod tests {
    #[test]
    fn known_values_of_fnv1a_64() {
        // From the FNV reference test vectors.
        assert_eq!(super::hash(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(super::hash(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(super::hash(b"foobar"), 0x8594_4171_f739_67e8);
    }
}
