import ArchModel

/// Deterministic sample values for API examples, by field type and name.
///
/// Money is an object `{"amount": "19.99", "currency": "EUR"}`: the amount is a decimal string so no client
/// parses it into a binary float, and an amount without its currency means nothing.
public enum ExampleValues {
    /// The fixed instant every example timestamp uses.
    public static let timestamp = "2026-01-15T09:30:00Z"
    /// A second after `timestamp`: the next record of a stream.
    public static let timestampLater = "2026-01-15T09:30:01Z"

    /// A UUID fixed by `seed` (an entity name, or `Entity.field`): the same entity always shows the same id.
    public static func uuid(_ seed: String) -> String {
        // FNV-1a of `seed`, `seed#1`, `seed#2`, `seed#3` (as `Naming.hash`), continuing from the seed's state.
        var state: UInt32 = 2_166_136_261
        for byte in seed.utf8 { state = (state ^ UInt32(byte)) &* 16_777_619 }
        var hex: [UInt8] = []
        hex.reserveCapacity(32)
        for suffix in ["", "#1", "#2", "#3"] {
            var value = state
            for byte in suffix.utf8 { value = (value ^ UInt32(byte)) &* 16_777_619 }
            for shift in stride(from: 28, through: 0, by: -4) {
                let nibble = UInt8((value >> UInt32(shift)) & 0xF)
                hex.append(nibble < 10 ? 0x30 + nibble : 0x57 + nibble)
            }
        }
        func part(_ range: Range<Int>) -> String { String(decoding: hex[range], as: UTF8.self) }
        return "\(part(0..<8))-\(part(8..<12))-7\(part(13..<16))-8\(part(17..<20))-\(part(20..<32))"
    }

    /// A sample value for `field` of `entity`.
    public static func value(for field: Field, entity: String) -> JSONValue {
        value(for: field, entity: entity, words: Naming.words(field.name))
    }

    /// `value(for:entity:)` with the field name's `Naming.words` already split.
    static func value(for field: Field, entity: String, words: [String]) -> JSONValue {
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
