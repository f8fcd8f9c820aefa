import ArchModel

/// A JSON document as a tree: what the OpenAPI exporter builds from the design, and what `DocumentText` writes as
/// JSON and as YAML. One tree for both files, so they cannot drift apart. Objects are built with `object(_:)`, which
/// puts their members in the order of their keys' UTF-8 bytes, so the files are the same for the same design and a
/// diff between two exports is small.
///
/// The tree is built directly, not encoded from a typed OpenAPI model: encoding OpenAPIKit's model through
/// `Codable` was most of a large export's time (issue 8's benchmark). The tests read every document back with
/// OpenAPIKit and with the real validators.
indirect enum DocumentNode {
    /// Members in key order: made with `object(_:)`, which sorts them.
    case object(members: [(key: String, value: DocumentNode)])
    case array([DocumentNode])
    case string(String)
    /// A number's JSON text.
    case number(String)
    case bool(Bool)
    case null

    /// An object of the members whose value is there (a nil value leaves its key out), in key order; a key given
    /// twice keeps its last value.
    static func object(_ members: [(String, DocumentNode?)]) -> DocumentNode {
        var present: [(key: String, value: DocumentNode)] = []
        present.reserveCapacity(members.count)
        for (key, value) in members {
            guard let value else { continue }
            if let index = present.firstIndex(where: { $0.key == key }) { present[index].value = value } else { present.append((key, value)) }
        }
        return .object(members: sortedByKey(present))
    }

    /// An object of a map built elsewhere (components, paths), in key order.
    static func object(_ map: [String: DocumentNode]) -> DocumentNode {
        DocumentNode.object(members: sortedByKey(map.map { (key: $0.key, value: $0.value) }))
    }

    /// A string node, or nil for nil (an optional member).
    static func string(_ text: String?) -> DocumentNode? { text.map { .string($0) } }

    static func integer(_ value: Int) -> DocumentNode { .number(String(value)) }

    /// `{"$ref": "#/components/GROUP/NAME"}`.
    static func reference(_ group: String, _ name: String) -> DocumentNode {
        .object([("$ref", .string("#/components/\(group)/\(name)"))])
    }

    /// An example value as the document shows it: objects in key order, an integer literal as an integer (so it
    /// validates against `type: integer`), another number as JSON writes a double.
    static func example(_ value: JSONValue) -> DocumentNode {
        switch value {
        case .string(let text), .rendered(let text): return .string(text)  // rendered text is a views-only fallback
        case .number(let literal):
            if let integer = Int(literal) { return .integer(integer) }
            return number(Double(literal) ?? 0)
        case .bool(let flag): return .bool(flag)
        case .null: return .null
        case .array(let items): return .array(items.map(example))
        case .object(let members): return .object(members.map { ($0.0, example($0.1)) })
        }
    }

    /// A double as JSON writes it: an integral value without a fraction (`2147483647`, not `2.147483647e+09`); one
    /// beyond a double's range (`1e999`) as the largest there is, since JSON has no infinity.
    static func number(_ value: Double) -> DocumentNode {
        let finite = value.isNaN ? 0 : min(max(value, -.greatestFiniteMagnitude), .greatestFiniteMagnitude)
        if finite == finite.rounded(), abs(finite) < 1e15 { return .number(String(Int64(finite))) }
        return .number("\(finite)")
    }

    private static func sortedByKey(_ members: [(key: String, value: DocumentNode)]) -> [(key: String, value: DocumentNode)] {
        members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    }
}
