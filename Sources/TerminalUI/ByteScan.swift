/// Searches over UTF-8 bytes eight at a time (in a 64-bit word), for the measuring that reads every byte
/// of a long document: where the next line feed is, whether text is ASCII, where a run of printable
/// ASCII ends.
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The index of the first `byte` at or after `start`, or `bytes.count`.
    static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int {
        let pattern = ones &* UInt64(byte)
        return first(in: bytes, from: start, where: { word in hasZeroByte(word ^ pattern) }, byte: { $0 == byte })
    }

    /// Whether any byte is not ASCII, or is `byte`.
    static func containsNonASCII(_ bytes: UnsafeBufferPointer<UInt8>, or byte: UInt8) -> Bool {
        let pattern = ones &* UInt64(byte)
        let end = first(in: bytes, from: 0, where: { word in word & highs != 0 || hasZeroByte(word ^ pattern) },
                        byte: { $0 >= 0x80 || $0 == byte })
        return end < bytes.count
    }

    /// The index of the first byte at or after `start` that is not printable ASCII (0x20 through 0x7E),
    /// or `bytes.count`.
    static func firstNonPrintable(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        first(in: bytes, from: start, where: { word in
            // A byte below 0x20 becomes one with its high bit set when 0x20 is taken from it (while the original
            // byte has it clear); a byte of 0x7F and above, when 0x01 is added to it, or already had it.
            ((word &- ones &* 0x20) & ~word | (word &+ ones) | word) & highs != 0
        }, byte: { $0 < 0x20 || $0 >= 0x7F })
    }

    /// Whether a byte of `word` is zero (exact: the lowest such byte is always flagged).
    private static func hasZeroByte(_ word: UInt64) -> Bool {
        (word &- ones) & ~word & highs != 0
    }

    /// The first index at or after `start` whose byte passes `test`: words that `flags` clears are skipped
    /// whole (it may flag a word with no such byte, never miss one); flagged words are read byte by byte.
    @inline(__always)
    private static func first(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, where flags: (UInt64) -> Bool,
                              byte test: (UInt8) -> Bool) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        var index = start
        while index + 8 <= bytes.count {
            if flags(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                for offset in 0..<8 where test(bytes[index + offset]) { return index + offset }
            }
            index += 8
        }
        while index < bytes.count, !test(bytes[index]) { index += 1 }
        return index
    }
}
