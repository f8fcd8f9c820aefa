/// A `DocumentNode` as JSON and as YAML, members in the node's order (their keys' UTF-8 bytes, as `JSONEncoder`'s
/// `.sortedKeys` writes them), so the two files hold the same document in the same order.
///
/// The YAML uses block mappings and sequences; every string that YAML would read as anything but itself (numbers,
/// `true`, `null`, `yes`, keys such as `200`, text with `:` or `#`) is written as its JSON string literal, which
/// is a valid YAML double-quoted scalar. Both are written byte by byte into one buffer.
enum DocumentText {
    static func json(_ node: DocumentNode) -> String {
        var out = Output()
        out.bytes.reserveCapacity(1 << 16)
        out.json(node, indent: 0)
        out.byte(.newline)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    static func yaml(_ node: DocumentNode) -> String {
        var out = Output()
        out.bytes.reserveCapacity(1 << 16)
        out.yaml(node, indent: 0, afterKey: false)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    private struct Output {
        var bytes: [UInt8] = []

        mutating func byte(_ byte: UInt8) { bytes.append(byte) }
        mutating func text(_ text: String) { bytes.append(contentsOf: text.utf8) }
        mutating func pad(_ count: Int) { bytes.append(contentsOf: repeatElement(UInt8.space, count: count)) }

        // MARK: JSON

        mutating func json(_ node: DocumentNode, indent: Int) {
            switch node {
            case .object(let members) where members.isEmpty: text("{}")
            case .array(let items) where items.isEmpty: text("[]")
            case .object(let members):
                byte(UInt8(ascii: "{"))
                for (index, member) in members.enumerated() {
                    if index > 0 { byte(UInt8(ascii: ",")) }
                    byte(.newline)
                    pad(indent + 2)
                    quoted(member.key)
                    text(": ")
                    json(member.value, indent: indent + 2)
                }
                byte(.newline)
                pad(indent)
                byte(UInt8(ascii: "}"))
            case .array(let items):
                byte(UInt8(ascii: "["))
                for (index, item) in items.enumerated() {
                    if index > 0 { byte(UInt8(ascii: ",")) }
                    byte(.newline)
                    pad(indent + 2)
                    json(item, indent: indent + 2)
                }
                byte(.newline)
                pad(indent)
                byte(UInt8(ascii: "]"))
            case .string(let string): quoted(string)
            case .number(let number): text(number)
            case .bool(let flag): text(flag ? "true" : "false")
            case .null: text("null")
            }
        }

        /// A JSON string literal: `"` and `\` escaped, control characters as `\n`-style or `\u00XX` escapes, `/` and
        /// everything else as it is. The runs between escapes are copied whole.
        mutating func quoted(_ string: String) {
            byte(UInt8(ascii: "\""))
            var string = string
            string.withUTF8 { units in
                var run = 0
                for (index, unit) in units.enumerated() where unit < 0x20 || unit == UInt8(ascii: "\"") || unit == UInt8(ascii: "\\") {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: units[run..<index]))
                    escape(unit)
                    run = index + 1
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: units[run...]))
            }
            byte(UInt8(ascii: "\""))
        }

        private mutating func escape(_ unit: UInt8) {
            switch unit {
            case UInt8(ascii: "\""): text("\\\"")
            case UInt8(ascii: "\\"): text("\\\\")
            case .newline: text("\\n")
            case UInt8(ascii: "\r"): text("\\r")
            case UInt8(ascii: "\t"): text("\\t")
            case 0x08: text("\\b")
            case 0x0C: text("\\f")
            default:
                let hex = Array("0123456789abcdef".utf8)
                text("\\u00")
                byte(hex[Int(unit >> 4)])
                byte(hex[Int(unit & 0xF)])
            }
        }

        // MARK: YAML

        mutating func yaml(_ node: DocumentNode, indent: Int, afterKey: Bool) {
            switch node {
            case .object(let members) where members.isEmpty: text(afterKey ? " {}\n" : "{}\n")
            case .array(let items) where items.isEmpty: text(afterKey ? " []\n" : "[]\n")
            case .object(let members):
                if afterKey { byte(.newline) }
                for (index, member) in members.enumerated() {
                    if index > 0 || afterKey { pad(indent) }  // the first pair of a sequence item sits on the dash's line
                    scalar(member.key)
                    byte(UInt8(ascii: ":"))
                    value(member.value, indent: indent)
                }
            case .array(let items):
                if afterKey { byte(.newline) }
                for item in items {
                    pad(indent)
                    byte(UInt8(ascii: "-"))
                    switch item {
                    case .object(let members) where !members.isEmpty:
                        byte(.space)
                        yaml(item, indent: indent + 2, afterKey: false)
                    case .array(let inner) where !inner.isEmpty:
                        byte(.newline)
                        yaml(item, indent: indent + 2, afterKey: false)
                    default:
                        value(item, indent: indent)
                    }
                }
            case .string(let string):
                if afterKey { byte(.space) }
                scalar(string)
                byte(.newline)
            case .number(let number):
                if afterKey { byte(.space) }
                yamlNumber(number)
                byte(.newline)
            case .bool(let flag): text(afterKey ? (flag ? " true\n" : " false\n") : (flag ? "true\n" : "false\n"))
            case .null: text(afterKey ? " null\n" : "null\n")
            }
        }

        /// The value after `key:` (or `-`): a non-empty collection on the lines below, indented; a scalar after a space.
        mutating func value(_ node: DocumentNode, indent: Int) {
            switch node {
            case .object(let members) where !members.isEmpty: yaml(node, indent: indent + 2, afterKey: true)
            case .array(let items) where !items.isEmpty: yaml(node, indent: indent + 2, afterKey: true)
            default: yaml(node, indent: indent, afterKey: true)
            }
        }

        /// A string bare when YAML reads it back as that same string, else its JSON literal.
        mutating func scalar(_ string: String) {
            if DocumentText.isPlain(string) { text(string) } else { quoted(string) }
        }

        /// A JSON number with an exponent as YAML 1.1 readers (PyYAML) take it for a float: a dot in the mantissa and
        /// a signed exponent (`-1.5e3` → `-1.5e+3`, `1e5` → `1.0e+5`). Other numbers as they are.
        mutating func yamlNumber(_ number: String) {
            guard let e = number.utf8.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) else { text(number); return }
            let mantissa = number.utf8[..<e], exponent = number.utf8[number.utf8.index(after: e)...]
            bytes.append(contentsOf: mantissa)
            if !mantissa.contains(UInt8(ascii: ".")) { text(".0") }
            byte(UInt8(ascii: "e"))
            if let sign = exponent.first, sign != UInt8(ascii: "+"), sign != UInt8(ascii: "-") { byte(UInt8(ascii: "+")) }
            bytes.append(contentsOf: exponent)
        }
    }

    /// Whether `string` can stand bare in YAML: it starts with an ASCII letter, `/` or `_`, holds only ASCII letters,
    /// digits, spaces and `_.-/{}()`, does not end in a space and is not a word YAML 1.1 reads as a boolean or null.
    static func isPlain(_ string: String) -> Bool {
        let utf8 = string.utf8
        guard let first = utf8.first, first.isASCIILetter || first == UInt8(ascii: "/") || first == UInt8(ascii: "_"),
              utf8.last != .space, utf8.allSatisfy({ plainBytes[Int($0)] })
        else { return false }
        return utf8.count > 5 || !reserved.contains(string.lowercased())
    }

    /// The bytes a plain scalar may hold: ASCII letters, digits and ` _.-/{}()`, as a table (a set was hashed per byte).
    private static let plainBytes: [Bool] = (0...255).map { (byte: Int) in
        let unit = UInt8(byte)
        return unit.isASCIIAlphanumeric || " _.-/{}()".utf8.contains(unit)
    }

    /// Plain scalars YAML 1.1 readers take for booleans or null.
    private static let reserved: Set<String> = ["true", "false", "null", "yes", "no", "on", "off", "y", "n"]
}

private extension UInt8 {
    static let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " ")
}
