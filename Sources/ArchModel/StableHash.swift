import Foundation

/// A hash that is the same on every run and machine (Swift's `Hasher` is seeded per process): FNV-1a, 64 bits.
/// For short suffixes that tell names apart and for noticing that a file changed, not for security.
public enum StableHash {
    public static func value(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The first `digits` hex digits of the hash.
    public static func hex(_ text: String, digits: Int = 16) -> String {
        let full = String(value(text), radix: 16)
        return String((String(repeating: "0", count: max(0, 16 - full.count)) + full).prefix(digits))
    }
}
