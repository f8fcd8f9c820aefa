/// User text made safe inside a diagram label: letters (any script), digits, spaces and the punctuation in
/// `keep` stay as they are; every other character becomes a numeric character reference, so quotes, brackets, `;`, `%`, `$`, `\`,
/// `<script>` and comment markers cannot end a label or start a directive. Control characters (newlines, ESC)
/// become one space: a label is one line.
enum DiagramText {
    /// `#60;` in Mermaid, `&#60;` in PlantUML.
    static func escaped(_ text: String, keep: String, reference: (UInt32) -> String) -> String {
        // ASCII letters, digits, spaces and `keep` only (most names): nothing to escape.
        if text.utf8.allSatisfy({ $0.isASCIIAlphanumeric || $0 == UInt8(ascii: " ") || (keep.utf8.contains($0) && $0 < 0x80) }) {
            return text.trimmingSpaces()
        }
        var result = ""
        var lastWasSpace = false
        for character in text {
            let scalar = character.unicodeScalars.first!
            if character.isNewline || scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format {
                if !lastWasSpace { result += " " }
                lastWasSpace = true
                continue
            }
            lastWasSpace = character == " "
            if character.isLetter || character.isNumber || character == " " || keep.contains(character) {
                result.append(character)
            } else {
                result += character.unicodeScalars.map { reference($0.value) }.joined()
            }
        }
        return result.trimmingSpaces()
    }

    /// Whether `name` can be written as it is where a diagram wants a plain identifier.
    static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.utf8.first, first.isASCIILetter || first == UInt8(ascii: "_") else { return false }
        return name.utf8.allSatisfy { $0.isASCIIAlphanumeric || $0 == UInt8(ascii: "_") }
    }
}

extension String {
    /// Without leading and trailing spaces (Foundation-free, for the exporters' own text).
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while slice.first == " " { slice.removeFirst() }
        while slice.last == " " { slice.removeLast() }
        return String(slice)
    }
}
