import Foundation

/// A JSON document as a tree: what `DocumentTree.encode` makes of an `Encodable` (the OpenAPIKit document), and
/// what `DocumentText` writes as JSON and as YAML. One tree for both files, so they cannot drift apart; Foundation's
/// encoder and a YAML parse of its text took seconds on a large API (issue 8's benchmark).
indirect enum DocumentNode {
    /// Members in the order encoded; writers sort them by key.
    case object([(key: String, value: DocumentNode)])
    case array([DocumentNode])
    case string(String)
    /// A number's JSON text.
    case number(String)
    case bool(Bool)
    case null
}

extension DocumentNode {
    /// The value at `key` of an object.
    func member(_ key: String) -> DocumentNode? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The object with `value` at `key` (in place of any there), among its members in key order (the members sorted
    /// already).
    func adding(_ key: String, _ value: DocumentNode) -> DocumentNode {
        guard case .object(var members) = self else { return self }
        members.removeAll { $0.key == key }
        let index = members.firstIndex { !$0.key.utf8.lexicographicallyPrecedes(key.utf8) } ?? members.endIndex
        members.insert((key, value), at: index)
        return .object(members)
    }
}

enum DocumentTree {
    /// `value` as a tree, every object's keys sorted (see `DocumentText`), as `JSONEncoder` would write it: a `URL`
    /// as its string, an optional that is absent left out. Coding paths are not kept (nothing here reads them, and
    /// an array per value was a third of the time on a large API).
    static func encode<T: Encodable>(_ value: T) throws -> DocumentNode {
        try node(for: value)
    }

    /// The node of one value: scalars directly (told apart by their type, not by casting the value), anything else
    /// through its `encode(to:)`.
    fileprivate static func node<T: Encodable>(for value: T) throws -> DocumentNode {
        if T.self == String.self { return .string(value as! String) }
        if T.self == Int.self { return .number(String(value as! Int)) }
        if T.self == Bool.self { return .bool(value as! Bool) }
        if T.self == Double.self { return try number(value as! Double) }
        if T.self == URL.self { return .string((value as! URL).absoluteString) }
        let slot = Slot()
        try value.encode(to: TreeEncoder(slot: slot))
        return slot.resolved
    }

    /// A double as JSON writes it: an integral value without a fraction (`2147483647`, not `2.147483647e+09`).
    fileprivate static func number(_ value: Double) throws -> DocumentNode {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "JSON has no \(value)"))
        }
        if value == value.rounded(), abs(value) < 1e15 { return .number(String(Int64(value))) }
        return .number("\(value)")
    }

    fileprivate static func number<T: BinaryInteger>(_ value: T) -> DocumentNode { .number(String(value)) }

    /// A member of an object or an item of an array: a value already made, or a container still being filled.
    fileprivate enum Member {
        case node(DocumentNode)
        case slot(Slot)

        var resolved: DocumentNode {
            switch self {
            case .node(let node): return node
            case .slot(let slot): return slot.resolved
            }
        }
    }

    /// Where one value's encoding goes; containers are classes, so a nested container fills its parent in place.
    fileprivate final class Slot {
        enum Content {
            case empty
            case object(Object)
            case array(Array)
            case value(DocumentNode)
        }
        var content = Content.empty

        var resolved: DocumentNode {
            switch content {
            case .empty: return .object([])  // an `encode(to:)` that encodes nothing: `{}`, as JSONEncoder writes
            case .object(let object): return object.resolved
            case .array(let array): return .array(array.items.map(\.resolved))
            case .value(let node): return node
            }
        }

        func object() -> Object {
            if case .object(let object) = content { return object }
            let object = Object()
            content = .object(object)
            return object
        }

        func array() -> Array {
            if case .array(let array) = content { return array }
            let array = Array()
            content = .array(array)
            return array
        }
    }

    fileprivate final class Object {
        /// In first-encoded order; encoding a key again replaces its value, as JSONEncoder does.
        var members: [(key: String, value: Member)] = []

        func put(_ key: String, _ member: Member) {
            if let index = members.firstIndex(where: { $0.key == key }) { members[index].value = member } else { members.append((key, member)) }
        }

        func slot(_ key: String) -> Slot {
            let slot = Slot()
            put(key, .slot(slot))
            return slot
        }

        var resolved: DocumentNode {
            .object(members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { ($0.key, $0.value.resolved) })
        }
    }

    fileprivate final class Array {
        var items: [Member] = []

        func slot() -> Slot {
            let slot = Slot()
            items.append(.slot(slot))
            return slot
        }
    }

    fileprivate struct TreeEncoder: Encoder {
        let slot: Slot
        var codingPath: [CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            KeyedEncodingContainer(Keyed<Key>(object: slot.object()))
        }

        func unkeyedContainer() -> UnkeyedEncodingContainer { Unkeyed(array: slot.array()) }

        func singleValueContainer() -> SingleValueEncodingContainer { Single(slot: slot) }
    }

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let object: Object
        var codingPath: [CodingKey] { [] }

        private func set(_ node: DocumentNode, _ key: Key) { object.put(key.stringValue, .node(node)) }

        mutating func encodeNil(forKey key: Key) throws { set(.null, key) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
        mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
        mutating func encode(_ value: Double, forKey key: Key) throws { set(try DocumentTree.number(value), key) }
        mutating func encode(_ value: Float, forKey key: Key) throws { set(try DocumentTree.number(Double(value)), key) }
        mutating func encode(_ value: Int, forKey key: Key) throws { set(DocumentTree.number(value), key) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { set(DocumentTree.number(value), key) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { set(DocumentTree.number(value), key) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { set(DocumentTree.number(value), key) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { set(DocumentTree.number(value), key) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { set(DocumentTree.number(value), key) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { set(DocumentTree.number(value), key) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { set(DocumentTree.number(value), key) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { set(DocumentTree.number(value), key) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { set(DocumentTree.number(value), key) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { set(try DocumentTree.node(for: value), key) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(Keyed<NestedKey>(object: object.slot(key.stringValue).object()))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
            Unkeyed(array: object.slot(key.stringValue).array())
        }

        mutating func superEncoder() -> Encoder { TreeEncoder(slot: object.slot("super")) }
        mutating func superEncoder(forKey key: Key) -> Encoder { TreeEncoder(slot: object.slot(key.stringValue)) }
    }

    private struct Unkeyed: UnkeyedEncodingContainer {
        let array: Array
        var codingPath: [CodingKey] { [] }
        var count: Int { array.items.count }

        private func add(_ node: DocumentNode) { array.items.append(.node(node)) }

        mutating func encodeNil() throws { add(.null) }
        mutating func encode(_ value: Bool) throws { add(.bool(value)) }
        mutating func encode(_ value: String) throws { add(.string(value)) }
        mutating func encode(_ value: Double) throws { add(try DocumentTree.number(value)) }
        mutating func encode(_ value: Float) throws { add(try DocumentTree.number(Double(value))) }
        mutating func encode(_ value: Int) throws { add(DocumentTree.number(value)) }
        mutating func encode(_ value: Int8) throws { add(DocumentTree.number(value)) }
        mutating func encode(_ value: Int16) throws { add(DocumentTree.number(value)) }
        mutating func encode(_ value: Int32) throws { add(DocumentTree.number(value)) }
        mutating func encode(_ value: Int64) throws { add(DocumentTree.number(value)) }
        mutating func encode(_ value: UInt) throws { add(DocumentTree.number(value)) }
        mutating func encode(_ value: UInt8) throws { add(DocumentTree.number(value)) }
        mutating func encode(_ value: UInt16) throws { add(DocumentTree.number(value)) }
        mutating func encode(_ value: UInt32) throws { add(DocumentTree.number(value)) }
        mutating func encode(_ value: UInt64) throws { add(DocumentTree.number(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { add(try DocumentTree.node(for: value)) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(Keyed<NestedKey>(object: array.slot().object()))
        }

        mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer { Unkeyed(array: array.slot().array()) }

        mutating func superEncoder() -> Encoder { TreeEncoder(slot: array.slot()) }
    }

    private struct Single: SingleValueEncodingContainer {
        let slot: Slot
        var codingPath: [CodingKey] { [] }

        private func set(_ node: DocumentNode) { slot.content = .value(node) }

        mutating func encodeNil() throws { set(.null) }
        mutating func encode(_ value: Bool) throws { set(.bool(value)) }
        mutating func encode(_ value: String) throws { set(.string(value)) }
        mutating func encode(_ value: Double) throws { set(try DocumentTree.number(value)) }
        mutating func encode(_ value: Float) throws { set(try DocumentTree.number(Double(value))) }
        mutating func encode(_ value: Int) throws { set(DocumentTree.number(value)) }
        mutating func encode(_ value: Int8) throws { set(DocumentTree.number(value)) }
        mutating func encode(_ value: Int16) throws { set(DocumentTree.number(value)) }
        mutating func encode(_ value: Int32) throws { set(DocumentTree.number(value)) }
        mutating func encode(_ value: Int64) throws { set(DocumentTree.number(value)) }
        mutating func encode(_ value: UInt) throws { set(DocumentTree.number(value)) }
        mutating func encode(_ value: UInt8) throws { set(DocumentTree.number(value)) }
        mutating func encode(_ value: UInt16) throws { set(DocumentTree.number(value)) }
        mutating func encode(_ value: UInt32) throws { set(DocumentTree.number(value)) }
        mutating func encode(_ value: UInt64) throws { set(DocumentTree.number(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { set(try DocumentTree.node(for: value)) }
    }
}
