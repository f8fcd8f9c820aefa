/// User text made inert in Markdown: the ASCII punctuation that can start or end markup is backslash-escaped
/// (CommonMark allows it for every punctuation character), so `|` cannot split a table cell, `<script>` is text, and `[`, `` ` ``, `#` start
/// nothing (`-`, `+` and `#` stay: callers never put user text at the start of a line); control characters
/// (newlines, ESC) become one space.
enum MarkdownEscape {
    static func inline(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
                || scalar == "\u{2028}" || scalar == "\u{2029}" {
                if result.last != " " { result += " " }
            } else if "\\`*_{}[]<>()#|~&".unicodeScalars.contains(scalar) {
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
