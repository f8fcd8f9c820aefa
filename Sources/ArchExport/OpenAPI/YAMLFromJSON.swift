/// YAML from JSON text, in the JSON's key order: block mappings and sequences, every scalar that could be read as
/// anything but the string it is (numbers, `true`, `null`, `yes`, keys such as `200`, text with `:` or `#`) written as
/// its JSON string literal, which is a valid YAML double-quoted scalar. Yams' encoder took 20 s on a large API
/// (issue 8's benchmark); this takes a fraction of a second, and the two files cannot drift apart.
enum YAMLFromJSON {
    /// A parsed JSON value; strings and other scalars keep their JSON text.
    private indirect enum Node {
        case object([(key: Substring, value: Node)])
        case array([Node])
        /// A string literal with its quotes and escapes, as JSON wrote it.
        case string(Substring)
        /// A number, `true`, `false` or `null`.
        case other(Substring)
    }

    /// `json` must be valid JSON (it comes from `JSONEncoder`).
    static func convert(_ json: String) -> String {
        var parser = Parser(text: Substring(json))
        let root = parser.value()
        var out = ""
        out.reserveCapacity(json.utf8.count)
        emit(root, indent: 0, into: &out, afterKey: false)
        return out
    }

    private static func emit(_ node: Node, indent: Int, into out: inout String, afterKey: Bool) {
        let pad = String(repeating: " ", count: indent)
        switch node {
        case .object(let pairs) where pairs.isEmpty:
            out += (afterKey ? " " : "") + "{}\n"
        case .array(let items) where items.isEmpty:
            out += (afterKey ? " " : "") + "[]\n"
        case .object(let pairs):
            if afterKey { out += "\n" }
            for (key, value) in pairs {
                out += pad + scalar(key) + ":"
                emitValue(value, indent: indent, into: &out)
            }
        case .array(let items):
            if afterKey { out += "\n" }
            for item in items {
                out += pad + "-"
                switch item {
                case .object(let pairs) where !pairs.isEmpty:
                    // The first pair on the dash's line, the others under it.
                    var rest = ""
                    emit(item, indent: indent + 2, into: &rest, afterKey: false)
                    out += " " + rest.dropFirst(indent + 2)
                case .array(let inner) where !inner.isEmpty:
                    out += "\n"
                    emit(item, indent: indent + 2, into: &out, afterKey: false)
                default:
                    emitValue(item, indent: indent, into: &out)
                }
            }
        case .string(let literal):
            out += (afterKey ? " " : "") + scalar(literal) + "\n"
        case .other(let text):
            out += (afterKey ? " " : "") + number(text) + "\n"
        }
    }

    private static func emitValue(_ value: Node, indent: Int, into out: inout String) {
        switch value {
        case .object(let pairs) where !pairs.isEmpty: emit(value, indent: indent + 2, into: &out, afterKey: true)
        case .array(let items) where !items.isEmpty: emit(value, indent: indent + 2, into: &out, afterKey: true)
        default: emit(value, indent: indent, into: &out, afterKey: true)
        }
    }

    /// A JSON string literal as YAML: bare when YAML reads it back as that same string, else the literal itself.
    private static func scalar(_ literal: Substring) -> String {
        let inner = literal.dropFirst().dropLast()
        guard let first = inner.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic || first == "/" || first == "_",
              inner.last != " ",
              inner.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || " _.-/{}()".unicodeScalars.contains($0)) }),
              !reserved.contains(inner.lowercased()) else { return String(literal) }
        return String(inner)
    }

    /// A JSON number with an exponent as YAML 1.1 readers (PyYAML) take it for a float: a dot in the mantissa and a
    /// signed exponent (`-1.5e3` → `-1.5e+3`, `1e5` → `1.0e+5`). Other scalars as they are.
    private static func number(_ text: Substring) -> String {
        guard let first = text.first, first == "-" || first.isNumber,
              let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return String(text) }
        var mantissa = String(text[..<e]), exponent = String(text[text.index(after: e)...])
        if !mantissa.contains(".") { mantissa += ".0" }
        if !exponent.hasPrefix("+"), !exponent.hasPrefix("-") { exponent = "+" + exponent }
        return mantissa + "e" + exponent
    }

    /// Plain scalars YAML 1.1 readers take for booleans or null.
    private static let reserved: Set<String> = ["true", "false", "null", "yes", "no", "on", "off", "y", "n"]

    private struct Parser {
        let text: Substring
        var index: Substring.Index

        init(text: Substring) {
            self.text = text
            index = text.startIndex
        }

        mutating func skipSpace() {
            while index < text.endIndex, text[index].isWhitespace { index = text.index(after: index) }
        }

        mutating func value() -> Node {
            skipSpace()
            guard index < text.endIndex else { return .other("null") }
            switch text[index] {
            case "{":
                index = text.index(after: index)
                var pairs: [(key: Substring, value: Node)] = []
                while true {
                    skipSpace()
                    if text[index] == "}" { index = text.index(after: index); break }
                    if text[index] == "," { index = text.index(after: index); continue }
                    let key = stringLiteral()
                    skipSpace()
                    index = text.index(after: index) // the colon
                    pairs.append((key, value()))
                }
                return .object(pairs)
            case "[":
                index = text.index(after: index)
                var items: [Node] = []
                while true {
                    skipSpace()
                    if text[index] == "]" { index = text.index(after: index); break }
                    if text[index] == "," { index = text.index(after: index); continue }
                    items.append(value())
                }
                return .array(items)
            case "\"":
                return .string(stringLiteral())
            default:
                let start = index
                while index < text.endIndex, !",]} \n\r\t".contains(text[index]) { index = text.index(after: index) }
                return .other(text[start..<index])
            }
        }

        /// A string literal, quotes included; escapes are skipped over, not decoded.
        mutating func stringLiteral() -> Substring {
            let start = index
            index = text.index(after: index)
            while text[index] != "\"" {
                if text[index] == "\\" { index = text.index(after: index) }
                index = text.index(after: index)
            }
            index = text.index(after: index)
            return text[start..<index]
        }
    }
}
