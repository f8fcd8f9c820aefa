/// A JSON value with object keys in insertion order, so examples read `id` first and diff well.
public indirect enum JSONValue: Hashable, Sendable {
    case string(String)
    /// The number's literal text, e.g. `2` or `12.5`.
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])
    /// JSON text `rendered()` already (at indent 0), placed as it is with its lines indented to where it sits:
    /// a value shown in several examples is rendered once.
    case rendered(String)

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.rendered() == rhs.rendered() }
    public func hash(into hasher: inout Hasher) { hasher.combine(rendered()) }

    /// Pretty-printed JSON, two spaces per level.
    public func rendered(indent: Int = 0) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        render(into: &out, indent: indent)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the rendering to `out` as UTF-8: one growing byte buffer, not a string per nested value
    /// (a large design renders thousands of examples).
    private func render(into out: inout [UInt8], indent: Int) {
        switch self {
        case .string(let text): Self.appendQuoted(text, to: &out)
        case .number(let literal): Self.append(literal, to: &out)
        case .bool(let value): Self.append(value ? "true" : "false", to: &out)
        case .null: Self.append("null", to: &out)
        case .rendered(let text): Self.appendIndented(text, levels: indent, to: &out)
        case .array(let items):
            if items.isEmpty { Self.append("[]", to: &out); return }
            Self.append("[\n", to: &out)
            for (index, item) in items.enumerated() {
                if index > 0 { Self.append(",\n", to: &out) }
                Self.appendPad(indent + 1, to: &out)
                item.render(into: &out, indent: indent + 1)
            }
            out.append(UInt8(ascii: "\n"))
            Self.appendPad(indent, to: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { Self.append("{}", to: &out); return }
            Self.append("{\n", to: &out)
            for (index, member) in members.enumerated() {
                if index > 0 { Self.append(",\n", to: &out) }
                Self.appendPad(indent + 1, to: &out)
                Self.appendQuoted(member.0, to: &out)
                Self.append(": ", to: &out)
                member.1.render(into: &out, indent: indent + 1)
            }
            out.append(UInt8(ascii: "\n"))
            Self.appendPad(indent, to: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Copies the text's UTF-8 in one go (appending a `String.UTF8View` goes byte by byte).
    private static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { out.append(contentsOf: $0) }
    }

    private static func appendPad(_ levels: Int, to out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * levels))
    }

    /// Rendered JSON with every line after the first indented by `levels` (its strings hold no raw newlines).
    private static func appendIndented(_ text: String, levels: Int, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            while let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...newline]))
                appendPad(levels, to: &out)
                start = newline + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped; everything else (UTF-8) as is.
    private static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            guard bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
                out.append(contentsOf: bytes)  // nothing to escape: the common case
                return
            }
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "\""): out += "\\\"".utf8
                case UInt8(ascii: "\\"): out += "\\\\".utf8
                case UInt8(ascii: "\n"): out += "\\n".utf8
                case UInt8(ascii: "\r"): out += "\\r".utf8
                case UInt8(ascii: "\t"): out += "\\t".utf8
                case ..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    out += "\\u00".utf8
                    out += [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
                default: out.append(byte)  // bytes of multi-byte characters are all ≥ 0x80: copied as they are
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
