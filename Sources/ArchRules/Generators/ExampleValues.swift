import ArchModel

/// A JSON value with object keys in insertion order, so examples read `id` first and diff well.
public indirect enum JSONValue: Hashable, Sendable {
    case string(String)
    /// The number's literal text, e.g. `2` or `12.5`.
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.rendered() == rhs.rendered() }
    public func hash(into hasher: inout Hasher) { hasher.combine(rendered()) }

    /// Pretty-printed JSON, two spaces per level.
    public func rendered(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent + 1), end = String(repeating: "  ", count: indent)
        switch self {
        case .string(let text): return Self.quoted(text)
        case .number(let literal): return literal
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        case .array(let items):
            if items.isEmpty { return "[]" }
            return "[\n" + items.map { pad + $0.rendered(indent: indent + 1) }.joined(separator: ",\n") + "\n\(end)]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            return "{\n" + members.map { pad + Self.quoted($0.0) + ": " + $0.1.rendered(indent: indent + 1) }
                .joined(separator: ",\n") + "\n\(end)}"
        }
    }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// Deterministic sample values for API examples, by field type and name.
///
/// Money is an object `{"amount": "19.99", "currency": "EUR"}`: the amount is a decimal string so no client
/// parses it into a binary float, and an amount without its currency means nothing.
public enum ExampleValues {
    /// The fixed instant every example timestamp uses.
    public static let timestamp = "2026-01-15T09:30:00Z"

    /// A UUID fixed by `seed` (an entity name, or `Entity.field`): the same entity always shows the same id.
    public static func uuid(_ seed: String) -> String {
        let a = Naming.hash(seed), b = Naming.hash(seed + "#1"), c = Naming.hash(seed + "#2"), d = Naming.hash(seed + "#3")
        let hex = Array(a + b + c + d)
        func part(_ range: Range<Int>) -> String { String(hex[range]) }
        return "\(part(0..<8))-\(part(8..<12))-7\(part(13..<16))-8\(part(17..<20))-\(part(20..<32))"
    }

    /// A sample value for `field` of `entity`.
    public static func value(for field: Field, entity: String) -> JSONValue {
        let words = Naming.words(field.name)
        let has = { (word: String) in words.contains(word) }
        switch field.type {
        case .email: return .string("ada@example.com")
        case .uuid: return .string(uuid("\(entity).\(field.name)"))
        case .integer: return .number(has("quantity") || has("count") ? "2" : "1")
        case .bigint: return .number("1000000")
        case .decimal: return .number("12.5")
        case .money: return .object([("amount", .string("19.99")), ("currency", .string("EUR"))])
        case .boolean: return .bool(true)
        case .date: return .string("2026-01-15")
        case .timestamp: return .string(timestamp)
        case .json: return .object([("key", .string("value"))])
        case .enumeration: return .string(field.enumValues.first ?? "value")
        case .text: return .string("A longer \(words.joined(separator: " ")) of this \(Naming.words(entity).joined(separator: " ")).")
        case .string:
            if has("phone") || has("mobile") { return .string("+44 20 7946 0958") }
            if has("url") || has("website") || has("link") { return .string("https://example.com/\(Naming.urlSegment(entity))/1") }
            if has("currency") { return .string("EUR") }
            if has("country") { return .string("GB") }
            if has("city") { return .string("London") }
            if has("name") && (field.pii || has("first") || has("full") || has("last")) { return .string("Ada Lovelace") }
            if has("email") { return .string("ada@example.com") }
            if has("sku") || has("code") { return .string("\(Naming.pascalCase(entity).uppercased().prefix(3))-0001") }
            let label = words.joined(separator: " ")
            return .string(label.prefix(1).uppercased() + label.dropFirst() + " 1")
        }
    }
}
