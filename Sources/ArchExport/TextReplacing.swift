extension String {
    /// The text with every `target` (one ASCII character) replaced by `replacement`, byte by byte: the text itself
    /// when there is none. Foundation's `replacingOccurrences` bridges each call and cost a large export a tenth of
    /// its time. (An ASCII byte never occurs inside another character's UTF-8.)
    func replacing(ascii target: Unicode.Scalar, with replacement: String) -> String {
        let byte = UInt8(target.value)
        guard target.isASCII, utf8.contains(byte) else { return self }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 8)
        for unit in utf8 {
            if unit == byte { out.append(contentsOf: replacement.utf8) } else { out.append(unit) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
