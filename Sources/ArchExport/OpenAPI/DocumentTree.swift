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
    /// The object with `value` at `key`, among its members in key order (the members sorted already).
    func adding(_ key: String, _ value: DocumentNode) -> DocumentNode {
        guard case .object(var members) = self else { return self }
        let index = members.firstIndex { !$0.key.utf8.lexicographicallyPrecedes(key.utf8) } ?? members.endIndex
        members.insert((key, value), at: index)
        return .object(members)
    }
}

/// Results filled in by the iterations of a `concurrentPerform`, each its own index.
final class ConcurrentResults<Value>: @unchecked Sendable {
    private var results: [Result<Value, Error>?]
    private let lock = NSLock()

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<Value, Error>) {
        lock.lock()
        results[index] = result
        lock.unlock()
    }

    /// Every result, in index order (call after the `concurrentPerform` returns).
    var values: [Result<Value, Error>] { results.map { $0! } }
}

enum DocumentTree {
    /// `value` as a tree, as `JSONEncoder` would write it: a `URL` as its string, an optional that is absent left out.
    static func encode<T: Encodable>(_ value: T) throws -> DocumentNode {
        try node(for: value, path: [])
    }

    /// The node of one value: scalars directly, anything else through its `encode(to:)`.
    fileprivate static func node<T: Encodable>(for value: T, path: [CodingKey]) throws -> DocumentNode {
        switch value {
        case let text as String: return .string(text)
        case let flag as Bool: return .bool(flag)
        case let number as Int: return .number(String(number))
        case let number as Double: return try self.number(number, path: path)
        case let url as URL: return .string(url.absoluteString)
        default:
            let slot = Slot()
            try value.encode(to: TreeEncoder(slot: slot, codingPath: path))
            return slot.resolved
        }
    }

    /// A double as JSON writes it: an integral value without a fraction (`2147483647`, not `2.147483647e+09`).
    fileprivate static func number(_ value: Double, path: [CodingKey]) throws -> DocumentNode {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: path, debugDescription: "JSON has no \(value)"))
        }
        if value == value.rounded(), abs(value) < 1e15 { return .number(String(Int64(value))) }
        return .number("\(value)")
    }

    fileprivate static func number<T: BinaryInteger>(_ value: T) -> DocumentNode { .number(String(value)) }

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
            case .array(let array): return array.resolved
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
        /// Keys in first-encoded order; encoding a key again replaces its value, as JSONEncoder does.
        var keys: [String] = []
        var members: [String: Slot] = [:]

        func slot(_ key: String) -> Slot {
            if let slot = members[key] { slot.content = .empty; return slot }
            let slot = Slot()
            keys.append(key)
            members[key] = slot
            return slot
        }

        var resolved: DocumentNode { .object(keys.map { ($0, members[$0]!.resolved) }) }
    }

    fileprivate final class Array {
        var items: [Slot] = []

        func append() -> Slot {
            let slot = Slot()
            items.append(slot)
            return slot
        }

        var resolved: DocumentNode { .array(items.map(\.resolved)) }
    }

    private struct IndexKey: CodingKey {
        let intValue: Int?
        var stringValue: String { "\(intValue ?? 0)" }
        init(intValue: Int) { self.intValue = intValue }
        init?(stringValue: String) { nil }
    }

    fileprivate struct SuperKey: CodingKey {
        var stringValue: String { "super" }
        var intValue: Int? { nil }
        init() {}
        init?(stringValue: String) {}
        init?(intValue: Int) { nil }
    }

    private struct TreeEncoder: Encoder {
        let slot: Slot
        let codingPath: [CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        init(slot: Slot, codingPath: [CodingKey]) {
            self.slot = slot
            self.codingPath = codingPath
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            KeyedEncodingContainer(Keyed<Key>(object: slot.object(), codingPath: codingPath))
        }

        func unkeyedContainer() -> UnkeyedEncodingContainer { Unkeyed(array: slot.array(), codingPath: codingPath) }

        func singleValueContainer() -> SingleValueEncodingContainer { Single(slot: slot, codingPath: codingPath) }
    }

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let object: Object
        let codingPath: [CodingKey]

        private func set(_ node: DocumentNode, _ key: Key) { object.slot(key.stringValue).content = .value(node) }

        mutating func encodeNil(forKey key: Key) throws { set(.null, key) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
        mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
        mutating func encode(_ value: Double, forKey key: Key) throws { set(try DocumentTree.number(value, path: codingPath + [key]), key) }
        mutating func encode(_ value: Float, forKey key: Key) throws { set(try DocumentTree.number(Double(value), path: codingPath + [key]), key) }
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
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            set(try DocumentTree.node(for: value, path: codingPath + [key]), key)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(Keyed<NestedKey>(object: object.slot(key.stringValue).object(), codingPath: codingPath + [key]))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
            Unkeyed(array: object.slot(key.stringValue).array(), codingPath: codingPath + [key])
        }

        mutating func superEncoder() -> Encoder { TreeEncoder(slot: object.slot("super"), codingPath: codingPath + [SuperKey()]) }
        mutating func superEncoder(forKey key: Key) -> Encoder { TreeEncoder(slot: object.slot(key.stringValue), codingPath: codingPath + [key]) }
    }

    private struct Unkeyed: UnkeyedEncodingContainer {
        let array: Array
        let codingPath: [CodingKey]
        var count: Int { array.items.count }

        private var nextPath: [CodingKey] { codingPath + [IndexKey(intValue: count)] }
        private func add(_ node: DocumentNode) { array.append().content = .value(node) }

        mutating func encodeNil() throws { add(.null) }
        mutating func encode(_ value: Bool) throws { add(.bool(value)) }
        mutating func encode(_ value: String) throws { add(.string(value)) }
        mutating func encode(_ value: Double) throws { add(try DocumentTree.number(value, path: nextPath)) }
        mutating func encode(_ value: Float) throws { add(try DocumentTree.number(Double(value), path: nextPath)) }
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
        mutating func encode<T: Encodable>(_ value: T) throws { add(try DocumentTree.node(for: value, path: nextPath)) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let path = nextPath
            return KeyedEncodingContainer(Keyed<NestedKey>(object: array.append().object(), codingPath: path))
        }

        mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
            let path = nextPath
            return Unkeyed(array: array.append().array(), codingPath: path)
        }

        mutating func superEncoder() -> Encoder {
            let path = nextPath
            return TreeEncoder(slot: array.append(), codingPath: path)
        }
    }

    private struct Single: SingleValueEncodingContainer {
        let slot: Slot
        let codingPath: [CodingKey]

        private func set(_ node: DocumentNode) { slot.content = .value(node) }

        mutating func encodeNil() throws { set(.null) }
        mutating func encode(_ value: Bool) throws { set(.bool(value)) }
        mutating func encode(_ value: String) throws { set(.string(value)) }
        mutating func encode(_ value: Double) throws { set(try DocumentTree.number(value, path: codingPath)) }
        mutating func encode(_ value: Float) throws { set(try DocumentTree.number(Double(value), path: codingPath)) }
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
        mutating func encode<T: Encodable>(_ value: T) throws { set(try DocumentTree.node(for: value, path: codingPath)) }
    }
}
