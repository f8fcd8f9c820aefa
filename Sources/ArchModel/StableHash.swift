import Foundation

/// A hash that is the same on every run and machine (Swift's `Hasher` is seeded per process): FNV-1a, 64 bits.
/// For short suffixes that tell names apart and for noticing that a file changed, not for security.
public enum StableHash {
    public static func value(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { value(UnsafeRawBufferPointer($0)) }
    }

    /// The hash of bytes (a file as read), the same as of the text they are the UTF-8 of.
    public static func value(_ data: Data) -> UInt64 { data.withUnsafeBytes { value($0) } }

    /// Over a buffer, not a string's view: an export hashes every file it writes and reads back.
    private static func value(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The first `digits` hex digits of the hash.
    public static func hex(_ text: String, digits: Int = 16) -> String { hex(value(text), digits: digits) }

    /// The first `digits` hex digits of the hash of `data`.
    public static func hex(_ data: Data, digits: Int = 16) -> String { hex(value(data), digits: digits) }

    private static func hex(_ hash: UInt64, digits: Int) -> String {
        let full = String(hash, radix: 16)
        return String((String(repeating: "0", count: max(0, 16 - full.count)) + full).prefix(digits))
    }
}
