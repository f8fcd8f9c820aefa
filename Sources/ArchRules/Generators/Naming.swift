import Foundation
import ArchModel

/// Identifiers derived from names the user typed: table and column names, URL segments, parameters, operation ids.
///
/// Names are user input, so every identifier is built only from `[a-z0-9_]` (SQL) or `[a-z0-9-]` (URLs) and
/// `[A-Za-z0-9]` (parameters, operation ids): accents are stripped by canonical decomposition (stable across ICU
/// versions, unlike transliteration), other non-ASCII letters are hex-escaped (`注` → `u6ce8`), a leading digit
/// gets an `n` prefix, an empty name becomes `unnamed`. SQL reserved words (`order`, `user`) are kept: renaming
/// a user's field surprises more than quoting it, and `isSQLReserved` tells the exporter to quote.
public enum Naming {
    /// Longest identifier every supported dialect accepts (PostgreSQL: 63 bytes).
    public static let maxIdentifierLength = SQLDialect.portableIdentifierBytes

    /// The name split into lowercase ASCII words: `OrderItem` → `order`, `item`; `HTTPRequest` → `http`, `request`.
    public static func words(_ name: String) -> [String] { asciiWords(name) ?? scalarWords(name) }

    /// `words` for any name, scalar by scalar (the general path; `asciiWords` must agree with it on ASCII).
    static func scalarWords(_ name: String) -> [String] {
        var words: [String] = []
        var current = ""
        var escaped = ""
        func flush() {
            if !current.isEmpty { words.append(current); current = "" }
            if !escaped.isEmpty { words.append(escaped); escaped = "" }
        }
        let characters = asciiFolded(name)
        // Past the escape above every scalar is ASCII, so plain range checks replace Unicode property look-ups
        // (this runs for every entity, field and example value; it must be cheap).
        func isUpper(_ s: Unicode.Scalar) -> Bool { ("A"..."Z").contains(s) }
        func isLower(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) }
        func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
        var currentScalars: [Unicode.Scalar] = []
        for (index, scalar) in characters.enumerated() {
            if !scalar.isASCII {
                if !currentScalars.isEmpty { current = String(String.UnicodeScalarView(currentScalars)); currentScalars = []; words.append(current); current = "" }
                let hex = String(scalar.value, radix: 16)
                escaped += "u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                continue
            }
            if !escaped.isEmpty { words.append(escaped); escaped = "" }
            guard isUpper(scalar) || isLower(scalar) || isDigit(scalar) else {
                if !currentScalars.isEmpty { words.append(String(String.UnicodeScalarView(currentScalars))); currentScalars = [] }
                flush()
                continue
            }
            if isUpper(scalar), let last = currentScalars.last {
                let nextIsLower = index + 1 < characters.count && isLower(characters[index + 1])
                let afterDigits = isDigit(last) && currentScalars.contains { isUpper($0) || isLower($0) }  // `Item2Name` splits, `3D` does not
                if isLower(last) || afterDigits || (isUpper(last) && nextIsLower) {
                    words.append(String(String.UnicodeScalarView(currentScalars)))
                    currentScalars = []
                }
            }
            currentScalars.append(scalar)
        }
        if !currentScalars.isEmpty { current = String(String.UnicodeScalarView(currentScalars)) }
        flush()
        words = words.map { $0.lowercased() }
        if words.isEmpty { return ["unnamed"] }
        if let first = words.first?.first, first.isNumber { words[0] = "n" + words[0] }
        return words
    }

    /// `words` for an all-ASCII name, on bytes: the common case, run for every entity, field and example value.
    /// Nil when the name has a non-ASCII byte (folding and escaping need the general path).
    static func asciiWords(_ name: String) -> [String]? {
        var name = name
        name.makeContiguousUTF8()
        return name.utf8.withContiguousStorageIfAvailable { bytes -> [String]? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
            func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
            func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
            var words: [String] = []
            var start = -1  // start of the current word, -1 when none
            var hasLetter = false
            func flush(_ end: Int) {
                guard start >= 0 else { return }
                words.append(String(unsafeUninitializedCapacity: end - start) { buffer in
                    for offset in 0..<(end - start) {
                        let byte = bytes[start + offset]
                        buffer[offset] = isUpper(byte) ? byte + 0x20 : byte
                    }
                    return end - start
                })
                start = -1
                hasLetter = false
            }
            for index in bytes.indices {
                let byte = bytes[index]
                guard isUpper(byte) || isLower(byte) || isDigit(byte) else { flush(index); continue }
                if isUpper(byte), start >= 0 {
                    let last = bytes[index - 1]
                    let nextIsLower = index + 1 < bytes.count && isLower(bytes[index + 1])
                    if isLower(last) || (isDigit(last) && hasLetter) || (isUpper(last) && nextIsLower) { flush(index) }
                }
                if start < 0 { start = index }
                if !isDigit(byte) { hasLetter = true }
            }
            flush(bytes.count)
            if words.isEmpty { return ["unnamed"] }
            if let first = words[0].utf8.first, isDigit(first) { words[0] = "n" + words[0] }
            return words
        } ?? nil
    }

    /// `OrderItem` → `order_item`: a column or other SQL identifier, at most `maxIdentifierLength` long.
    public static func snakeCase(_ name: String) -> String { limited(words(name).joined(separator: "_")) }

    /// `OrderItem` → `order_items`, `Category` → `categories`.
    public static func tableName(_ entity: String) -> String { limited(pluralWords(entity).joined(separator: "_")) }

    /// `OrderItem` → `order-items`: a URL path segment, only `[a-z0-9-]`.
    public static func urlSegment(_ entity: String) -> String { pluralWords(entity).joined(separator: "-") }

    /// `OrderItem` → `orderItem`: JSON property names and the stem of parameters.
    public static func camelCase(_ name: String) -> String { camel(words(name)) }

    /// `OrderItem` → `OrderItem`, `order item` → `OrderItem`.
    public static func pascalCase(_ name: String) -> String { words(name).map(capitalized).joined() }

    /// `["a", "b", "c"]` → `a, b and c`: items in a sentence.
    public static func sentenceList(_ items: [String]) -> String {
        items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }

    /// `OrderItem` → `orderItemId`: the path parameter naming one item.
    public static func pathParameter(_ entity: String) -> String { camel(words(entity) + ["id"]) }

    /// `("list", "OrderItem", plural: true)` → `listOrderItems`.
    public static func operationId(_ verb: String, _ entity: String, plural: Bool = false) -> String {
        let stem = plural ? pluralWords(entity) : words(entity)
        return camel(words(verb) + stem)
    }

    // MARK: - From words already split (callers that need several forms of one name split it once)

    /// `["order", "item"]` → `order_item`.
    static func snakeCase(words: [String]) -> String { limited(words.joined(separator: "_")) }

    /// `["order", "item"]` → `OrderItem`.
    static func pascalCase(words: [String]) -> String { words.map(capitalized).joined() }

    /// `["order", "item"]` → `orderItem`.
    static func camelCase(words: [String]) -> String { camel(words) }

    /// `["order", "item"]` → `["order", "items"]`.
    static func pluralWords(words: [String]) -> [String] {
        var parts = words
        parts[parts.count - 1] = plural(parts[parts.count - 1])
        return parts
    }

    /// The name's words with the last one in its plural form.
    public static func pluralWords(_ name: String) -> [String] { pluralWords(words: words(name)) }

    /// English plural of one lowercase word; escaped (non-Latin) words stay as they are.
    public static func plural(_ word: String) -> String {
        if let irregular = irregularPlurals[word] { return irregular }
        return word.utf8.allSatisfy({ $0 < 0x80 }) ? asciiPlural(word) : generalPlural(word)
    }

    /// `plural` of any regular word, character by character (`asciiPlural` must agree with it on ASCII).
    static func generalPlural(_ word: String) -> String {
        if isEscaped(word) || uncountable.contains(word) || word.last?.isNumber == true { return word }
        let consonantY = word.count > 1 && word.hasSuffix("y") && !"aeiou".contains(word.dropLast().last!)
        if consonantY { return word.dropLast() + "ies" }
        if ["s", "x", "z", "ch", "sh"].contains(where: word.hasSuffix) { return word + "es" }
        return word + "s"
    }

    /// `plural` of an ASCII word, on bytes (words from `words` always are; this runs for every entity name).
    static func asciiPlural(_ word: String) -> String {
        let bytes = word.utf8
        if (bytes.first == UInt8(ascii: "u") && isEscaped(word)) || uncountable.contains(word) { return word }
        guard let last = bytes.last, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(last) else { return word }
        let beforeLast = bytes.dropLast().last
        if last == UInt8(ascii: "y"), let beforeLast, !"aeiou".utf8.contains(beforeLast) { return word.dropLast() + "ies" }
        let sibilant = [UInt8(ascii: "s"), UInt8(ascii: "x"), UInt8(ascii: "z")].contains(last)
            || (last == UInt8(ascii: "h") && (beforeLast == UInt8(ascii: "c") || beforeLast == UInt8(ascii: "s")))
        return word + (sibilant ? "es" : "s")
    }

    /// True when `identifier` is reserved in one of the SQL dialects and must be quoted there.
    public static func isSQLReserved(_ identifier: String) -> Bool { sqlReserved.contains(identifier.lowercased()) }

    /// Cuts an identifier to `maxIdentifierLength` bytes, keeping it distinct with a hash of the full name (the
    /// rule the SQL exporters apply too, see `SQLIdentifiers`).
    public static func limited(_ identifier: String) -> String {
        SQLIdentifiers.shortened(identifier, maxBytes: maxIdentifierLength)
    }

    /// FNV-1a of the UTF-8 bytes as 8 hex digits: stable across runs and platforms (unlike `hashValue`).
    public static func hash(_ text: String) -> String {
        var value: UInt32 = 2_166_136_261
        for byte in text.utf8 { value = (value ^ UInt32(byte)) &* 16_777_619 }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    private static func camel(_ parts: [String]) -> String {
        guard let first = parts.first else { return "unnamed" }
        return first + parts.dropFirst().map(capitalized).joined()
    }

    private static func capitalized(_ word: String) -> String {
        if let first = word.utf8.first, first >= 0x61, first <= 0x7A {  // ASCII lowercase: no Unicode case mapping needed
            var bytes = Array(word.utf8)
            bytes[0] -= 0x20
            return String(decoding: bytes, as: UTF8.self)
        }
        return word.prefix(1).uppercased() + word.dropFirst()
    }

    private static func isEscaped(_ word: String) -> Bool {
        let chunks = word.split(separator: "u", omittingEmptySubsequences: false)
        return word.first == "u" && word.contains(where: \.isNumber)
            && chunks.dropFirst().allSatisfy { (4...6).contains($0.count) && $0.allSatisfy(\.isHexDigit) }
    }

    /// Accents dropped (`é` → `e`), a few letters spelled out (`ß` → `ss`); other scalars kept for escaping.
    private static func asciiFolded(_ name: String) -> [Unicode.Scalar] {
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return Array(name.unicodeScalars) }  // nothing to fold
        let spelled: [Unicode.Scalar: String] = ["ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe",
                                                  "Œ": "OE", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "þ": "th"]
        var result: [Unicode.Scalar] = []
        for scalar in name.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if let text = spelled[scalar] { result += text.unicodeScalars; continue }
            if !scalar.isASCII, !scalar.properties.isAlphabetic, scalar.properties.numericType == nil {
                result.append(" ")  // non-ASCII punctuation and symbols separate words
                continue
            }
            result.append(scalar)
        }
        return result
    }

    private static let irregularPlurals = ["person": "people", "child": "children", "man": "men", "woman": "women",
                                           "mouse": "mice", "goose": "geese", "foot": "feet", "tooth": "teeth",
                                           "criterion": "criteria", "analysis": "analyses", "status": "statuses",
                                           "index": "indexes", "matrix": "matrices", "quiz": "quizzes",
                                           "shelf": "shelves", "half": "halves", "leaf": "leaves", "loaf": "loaves",
                                           "knife": "knives", "life": "lives", "wife": "wives", "wolf": "wolves",
                                           "calf": "calves", "thief": "thieves", "self": "selves", "elf": "elves"]
    private static let uncountable: Set = ["data", "metadata", "information", "equipment", "news", "series", "species",
                                           "feedback", "software", "inventory", "staff", "media", "unnamed"]
    private static let sqlReserved: Set = [
        "all", "alter", "and", "any", "as", "asc", "between", "by", "case", "check", "column", "constraint", "create",
        "cross", "current", "current_date", "current_time", "current_timestamp", "current_user", "default", "delete",
        "desc", "distinct", "drop", "else", "end", "except", "exists", "false", "fetch", "for", "foreign", "from",
        "full", "grant", "group", "groups", "having", "in", "index", "inner", "insert", "intersect", "into", "is",
        "join", "key", "left", "like", "limit", "not", "null", "of", "offset", "on", "or", "order", "outer",
        "primary", "range", "rank", "references", "right", "row", "rows", "select", "session_user", "set", "size",
        "table", "then", "to", "true", "union", "unique", "update", "user", "using", "values", "view", "when",
        "where", "window", "with",
    ]
}

/// Hands out names unique within one namespace (a schema's tables, a table's columns), in claim order:
/// the second `orders` becomes `orders_2`, so the same session always yields the same names.
public struct UniqueNames: Sendable {
    private var used: Set<String> = []
    private let separator: String

    /// `capacity`: how many names are expected, so a large schema's set does not grow step by step.
    public init(separator: String = "_", reserved: [String] = [], capacity: Int = 0) {
        self.separator = separator
        used = Set(minimumCapacity: reserved.count + capacity)
        used.formUnion(reserved)
    }

    /// `base` if free, else `base_2`, `base_3`, …; the returned name is taken from now on.
    public mutating func claim(_ base: String) -> String {
        var candidate = base
        var suffix = 2
        while !used.insert(candidate).inserted {
            candidate = Naming.limited(base + separator + String(suffix))
            suffix += 1
        }
        return candidate
    }

    /// Whether `name` is taken.
    public func contains(_ name: String) -> Bool { used.contains(name) }
}
