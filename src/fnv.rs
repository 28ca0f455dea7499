//! 64-bit FNV-1a of a whole byte string, with the `fnv` crate: the one small, stable hash behind
//! content-derived names (hashed asset names here; PDF font subset tags, image resource names and
//! the PDF /ID in the print engine). Not for integrity: the build cache uses SHA-256 (`cache`).

use std::hash::Hasher as _;

/// The FNV-1a hash of `bytes` from the standard basis.
pub(crate) fn hash(bytes: &[u8]) -> u64 {
    let mut h = fnv::FnvHasher::default();
    h.write(bytes);
    h.finish()
}

#[cfg(test)]
mod tests {
    use std::hash::Hasher as _;

    #[test]
    fn known_values_of_fnv1a_64() {
        // From the FNV reference test vectors: output names depend on these exact values.
        assert_eq!(super::hash(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(super::hash(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(super::hash(b"foobar"), 0x8594_4171_f739_67e8);
        // The print engine seeds hashers with an explicit basis; the standard one is the default.
        let mut keyed = fnv::FnvHasher::with_key(0xcbf2_9ce4_8422_2325);
        keyed.write(b"foobar");
        assert_eq!(keyed.finish(), 0x8594_4171_f739_67e8);
    }
}
