import ArchModel

/// User text made inert in Markdown: the ASCII punctuation that can start or end inline markup is backslash-escaped
/// (CommonMark allows it for every punctuation character), so `|` cannot split a table cell, `<script>` is text, and `[`,
/// `` ` ``, `*`, `~` start nothing. `_` is escaped only at a word's edge (inside a word it is no emphasis), and
/// parentheses, braces, `#`, `-` and `+` stay: without a `[` before them they are no link, and callers never put
/// user text at the start of a line. Control characters (newlines, ESC) become one space.
enum MarkdownEscape {
    static func inline(_ text: String) -> String {
        // Most text (names, sentences) needs nothing: printable ASCII without markup characters.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && !markup[Int($0)] }),
           text.utf8.first != UInt8(ascii: " "), text.utf8.last != UInt8(ascii: " ") {
            return text
        }
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return printableASCII(text) }
        return scalarByScalar(text)
    }

    /// `inline` of any text, on its Unicode scalars: invisible characters become a space.
    static func scalarByScalar(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        func isWordCharacter(_ index: Int) -> Bool {
            guard scalars.indices.contains(index) else { return false }
            let scalar = scalars[index]
            if scalar.isASCII { return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) }
            return scalar.properties.isAlphabetic
        }
        for (index, scalar) in scalars.enumerated() {
            if ModelName.isInvisible(scalar) {
                if result.last != " " { result.append(" ") }
            } else if scalar.isASCII, markup[Int(scalar.value)],
                      // `_` inside a word (modular_monolith) starts no emphasis in CommonMark; at a word's edge it may.
                      scalar != "_" || !(isWordCharacter(index - 1) && isWordCharacter(index + 1)) {
                result.append("\\")
                result.append(scalar)
            } else {
                result.append(scalar)
            }
        }
        return String(result).trimmingSpaces()
    }

    /// `inline` of printable ASCII (names such as `order_item`, sentences with `<` or `|`), on the bytes: the same
    /// escapes, with a word's characters being ASCII letters and digits.
    static func printableASCII(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        for (index, byte) in bytes.enumerated() {
            if markup[Int(byte)], byte != UInt8(ascii: "_")
                || !(index > 0 && bytes[index - 1].isASCIIAlphanumeric && index + 1 < bytes.count && bytes[index + 1].isASCIIAlphanumeric) {
                out.append(UInt8(ascii: "\\"))
            }
            out.append(byte)
        }
        var start = 0, end = out.count
        while start < end, out[start] == UInt8(ascii: " ") { start += 1 }
        while end > start, out[end - 1] == UInt8(ascii: " ") { end -= 1 }
        return String(decoding: out[start..<end], as: UTF8.self)
    }

    /// The ASCII characters escaped (`_` only at a word's edge), by code.
    private static let markup: [Bool] = (0..<128).map { "\\`*[]<>|~&_".unicodeScalars.contains(Unicode.Scalar(UInt8($0))) }

    /// An identifier shown as code: backticks in it get a longer fence.
    static func code(_ text: String) -> String {
        let plain = inline(text).replacingBackslashes()
        let fence = plain.contains("`") ? "`` " : "`"
        return fence + plain + String(fence.reversed())
    }
}

private extension String {
    /// Inside code spans backslashes are literal, so the escaped text goes back to the plain one.
    func replacingBackslashes() -> String {
        var result = ""
        var escaping = false
        for character in self {
            if character == "\\", !escaping { escaping = true; continue }
            escaping = false
            result.append(character)
        }
        return result
    }
}
