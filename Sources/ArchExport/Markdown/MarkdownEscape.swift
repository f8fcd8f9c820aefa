/// User text made inert in Markdown: the ASCII punctuation that can start or end inline markup is backslash-escaped
/// (CommonMark allows it for every punctuation character), so `|` cannot split a table cell, `<script>` is text, and `[`,
/// `` ` ``, `*`, `~` start nothing. `_` is escaped only at a word's edge (inside a word it is no emphasis), and
/// parentheses, braces, `#`, `-` and `+` stay: without a `[` before them they are no link, and callers never put
/// user text at the start of a line. Control characters (newlines, ESC) become one space.
enum MarkdownEscape {
    static func inline(_ text: String) -> String {
        var result = ""
        let scalars = Array(text.unicodeScalars)
        func isWordCharacter(_ index: Int) -> Bool {
            scalars.indices.contains(index) && (scalars[index].properties.isAlphabetic || ("0"..."9").contains(scalars[index]))
        }
        for (index, scalar) in scalars.enumerated() {
            if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
                || scalar == "\u{2028}" || scalar == "\u{2029}" {
                if result.last != " " { result += " " }
            } else if "\\`*[]<>|~&".unicodeScalars.contains(scalar)
                        // `_` inside a word (modular_monolith) starts no emphasis in CommonMark; at a word's edge it may.
                        || (scalar == "_" && !(isWordCharacter(index - 1) && isWordCharacter(index + 1))) {
                result += "\\" + String(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result.trimmingSpaces()
    }

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
