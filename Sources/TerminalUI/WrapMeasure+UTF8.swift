extension WrapMeasure {
    /// Adds one span's text to the current line. Characters never join across calls, as across spans.
    public mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append(utf8: $0) }
    }

    /// Adds part of a string as one span's text (see `append(_: String)`).
    public mutating func append(_ text: Substring) {
        var text = text
        text.withUTF8 { append(utf8: $0) }
    }

    /// The rows of `text` split at line feeds, each line after `indent` in one span: the sum of
    /// `rows(of: [Span(indent + line)])` over `text.split(separator: "\n", omittingEmptySubsequences: false)`.
    public mutating func rows(ofLines text: String, indent: String) -> Int {
        var text = text, indent = indent
        let total = text.withUTF8 { bytes in
            indent.withUTF8 { indent in rows(ofLines: bytes, indent: indent) }
        }
        return total ?? text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) { $0 + rows(of: [Span(indent + $1)]) }
    }

    /// `rows(ofLines:indent:)` on UTF-8; nil when there is a CR (with one, a line feed may not be a character).
    private mutating func rows(ofLines bytes: UnsafeBufferPointer<UInt8>, indent: UnsafeBufferPointer<UInt8>) -> Int? {
        let plain = !ByteScan.containsNonASCII(bytes, or: 0x0D) // ASCII without CR
        guard plain || ByteScan.firstIndex(of: 0x0D, in: bytes) == bytes.count else { return nil }
        let ascii = plain && !ByteScan.containsNonASCII(indent, or: 0x0D)
        // Where the indent ends in ASCII but CR, a line starting in ASCII cannot join it in one character.
        let indentEndsPlain = indent.last.map { $0 < 0x80 && $0 != 0x0D } ?? true
        var rows = 0, start = 0
        while start <= bytes.count {
            let end = ByteScan.firstIndex(of: 0x0A, in: bytes, from: start)
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if indent.count + line.count <= width { // a cell takes at least a byte
                rows += 1
            } else if ascii {
                _ = appendScalars(indent)
                _ = appendScalars(line)
                rows += finishLine()
            } else if indentEndsPlain, line.first.map({ $0 < 0x80 }) ?? true {
                append(utf8: indent)
                append(utf8: line)
                rows += finishLine()
            } else {
                rows += self.rows(of: [Span(String(decoding: indent, as: UTF8.self) + String(decoding: line, as: UTF8.self))])
            }
            start = end + 1
        }
        return rows
    }

    /// Adds one span's text given as UTF-8 (valid, as a string holds it; see `append(_: String)`).
    ///
    /// Reads it scalar by scalar when every scalar is a character of its own (ASCII but CR, and the
    /// symbols of `symbols`); else, from the state before, character by character.
    public mutating func append(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        if !ByteScan.containsNonASCII(bytes, or: 0x0D) { // ASCII, read as it comes
            _ = appendScalars(bytes)
            return
        }
        let before = self
        if appendScalars(bytes) { return }
        self = before
        for character in String(decoding: bytes, as: UTF8.self) {
            add(width: DisplayWidth.of(character), isSpace: WordWrap.isSpace(character), isBlank: character == " ")
        }
    }

    /// False, part way, at a scalar that may join its neighbours into one character.
    private mutating func appendScalars(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x80 {
                let (value, length) = Self.scalar(at: index, in: bytes)
                guard let symbol = Self.symbol(value) else { return false }
                add(width: symbol.width, isSpace: symbol.isSpace, isBlank: false)
                index += length
            } else if byte == 0x20 || byte == 0x09 {
                add(width: byte == 0x20 ? 1 : 0, isSpace: true, isBlank: byte == 0x20)
                index += 1
            } else if byte == 0x0D { // may start "\r\n", one character
                return false
            } else if byte < 0x20 || byte == 0x7F {
                add(width: 0, isSpace: false, isBlank: false)
                index += 1
            } else {
                index = appendPrintable(bytes, from: index)
            }
        }
        return true
    }

    /// Printable ASCII from a word at `start`: the whole tokens of the run in one go when the indent is
    /// settled and no word is pending, then the run's last token (it may go on past the run).
    private mutating func appendPrintable(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let end = ByteScan.firstNonPrintable(in: bytes, from: start + 1)
        var last = end - 1
        let lastIsSpace = bytes[last] == 0x20
        while last > start, (bytes[last - 1] == 0x20) == lastIsSpace { last -= 1 }
        var position = start
        if last > start, pendingCount == 0 || inSpaces, !isIrregular {
            startPlain()
            placePlain(bytes, from: start, to: last)
            position = last
        }
        while position < end {
            if bytes[position] == 0x20 {
                add(width: 1, isSpace: true, isBlank: true)
                position += 1
            } else {
                var wordEnd = position + 1
                while wordEnd < end, bytes[wordEnd] != 0x20 { wordEnd += 1 }
                addWord(length: wordEnd - position)
                position = wordEnd
            }
        }
        return end
    }

    /// Width and whether it is a space, for the non-ASCII scalars that are always characters on their own
    /// (no combining mark, joiner, selector, prepended or Hangul letter among them): the punctuation, arrows
    /// and symbols the design text uses. Looked up, as working them out per character costs more than the
    /// rest of the measuring. Each entry: the width in bits 0–1, bit 2 for a space; 0xFF for the others.
    private static let symbols: [UInt8] = (UInt32(0xA0)..<0x27C0).map { value in
        switch value {
        case 0xA0...0x2FF, 0x2010...0x2027, 0x2030...0x205E, 0x2190...0x23FF, 0x2500...0x27BF:
            let character = Character(Unicode.Scalar(value)!)
            return UInt8(DisplayWidth.of(character)) | (WordWrap.isSpace(character) ? 4 : 0)
        default:
            return 0xFF
        }
    }

    private static func symbol(_ value: UInt32) -> (width: Int, isSpace: Bool)? {
        guard value >= 0xA0, value < 0x27C0, case let entry = symbols[Int(value) - 0xA0], entry != 0xFF else { return nil }
        return (Int(entry & 3), entry & 4 != 0)
    }

    /// The scalar whose UTF-8 encoding starts at `index` (Swift strings hold valid UTF-8), and its length.
    private static func scalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[index])
        let length = lead >= 0xF0 ? 4 : (lead >= 0xE0 ? 3 : 2)
        var value = lead & (0xFF >> (length + 1))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (value, length)
    }
}
