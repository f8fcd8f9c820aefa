import ArchModel

/// Names the OpenAPI document makes from user names: component keys (`^[a-zA-Z0-9._-]+$`) and operation ids,
/// unique even when the user's names differ only by case, are not Latin, or hold quotes and semicolons.
struct OpenAPINames {
    /// Lower-cased names already given: two names that differ only by case would clash in generated clients.
    private var taken: Set<String>

    init(reserved: [String] = []) { taken = Set(reserved.map { $0.lowercased() }) }

    /// `Order Item` → `OrderItem`; letters outside ASCII and punctuation are dropped, and a name left empty
    /// becomes `fallback` with a hash of the name.
    static func pascal(_ name: String, fallback: String) -> String {
        guard name.utf8.allSatisfy({ $0 < 0x80 }) else { return pascalOfCharacters(name, fallback: fallback) }
        // ASCII, on the bytes: only letters and digits are kept, and a word's first letter is upper-cased.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        var wordStart = true
        for unit in name.utf8 {
            guard unit.isASCIIAlphanumeric else { wordStart = true; continue }
            bytes.append(wordStart && (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(unit) ? unit - 32 : unit)
            wordStart = false
        }
        var result = String(decoding: bytes, as: UTF8.self)
        if bytes.first?.isASCIIDigit == true { result = fallback + result }
        if result.isEmpty { result = fallback + StableHash.hex(name, digits: 8) }
        return String(result.prefix(64))
    }

    /// `pascal` of text beyond ASCII, Character by Character: an ASCII letter with a combining accent is not ASCII.
    private static func pascalOfCharacters(_ name: String, fallback: String) -> String {
        let words = name.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        var result = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        if result.first?.isNumber == true { result = fallback + result }
        if result.isEmpty { result = fallback + StableHash.hex(name, digits: 8) }
        return String(result.prefix(64))
    }

    /// `base`, or `base` with a hash of `seed` (then a counter) when a name equal but for case was given.
    mutating func claim(_ base: String, seed: String) -> String {
        var name = base
        if taken.contains(name.lowercased()) { name = base + "_" + StableHash.hex(seed, digits: 8) }
        var counter = 2
        let hashed = name
        while taken.contains(name.lowercased()) {
            name = hashed + "_\(counter)"
            counter += 1
        }
        taken.insert(name.lowercased())
        return name
    }

    /// An operation id for `id`: ASCII letters, digits and `_` only (it is used in URLs and generated code).
    mutating func operationId(_ id: String, method: String, path: String) -> String {
        var base = id.utf8.allSatisfy { $0 < 0x80 }  // bytes, unless an ASCII letter may carry a combining accent
            ? String(decoding: id.utf8.lazy.filter { $0.isASCIIAlphanumeric || $0 == UInt8(ascii: "_") }.prefix(80), as: UTF8.self)
            : String(id.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }.prefix(80))
        if base.isEmpty || base.utf8.first?.isASCIIDigit == true { base = method.lowercased() + Self.pascal(base, fallback: "Operation") }
        return claim(base, seed: method + " " + path + " " + id)
    }
}
