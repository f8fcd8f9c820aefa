/// The identity of one model element (an entity, a field, a service…): it stays the same when the element
/// is renamed, so a reference to it never dangles after a rename. Identities live in memory only; the
/// session file spells references as names (unique in their scope) and they are resolved once, on reading.
/// `0` means "not assigned yet": `Session` gives every such element a fresh identity.
public struct ModelID<Tag>: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public let raw: Int

    public init(_ raw: Int) { self.raw = raw }

    /// Not assigned yet; `Session.init` and `Session.assignIdentities()` replace it.
    public static var unassigned: ModelID { ModelID(0) }
    public var isAssigned: Bool { raw != 0 }

    public static func < (lhs: ModelID, rhs: ModelID) -> Bool { lhs.raw < rhs.raw }
    public var description: String { "#\(raw)" }
}

public typealias EntityID = ModelID<Entity>
public typealias FieldID = ModelID<Field>
public typealias RelationID = ModelID<Relation>
public typealias ServiceID = ModelID<Service>
public typealias CallID = ModelID<ServiceCall>
public typealias FlowID = ModelID<Flow>
public typealias FlowStepID = ModelID<FlowStep>
public typealias OverrideID = ModelID<EndpointOverride>
public typealias SystemID = ModelID<ExternalSystem>

/// A reference to a model element: its identity, or a name that matches no element (a relation to an
/// entity not written yet, an owner that is a bounded context rather than a defined service). A named
/// reference is kept as it is, and the design reports it when it should have matched.
public enum Reference<Tag>: Hashable, Sendable, Codable {
    case id(ModelID<Tag>)
    case named(String)

    public var id: ModelID<Tag>? {
        if case .id(let id) = self { return id }
        return nil
    }
}

/// How names compare — the one place that decides it. Case and separators do not count
/// (`Order Item`, `order_item`, `OrderItem` are one name), as they would map to one table, path or type.
public struct NameKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let raw: String

    public init(_ name: String) { raw = Self.key(name) }

    public static func < (lhs: NameKey, rhs: NameKey) -> Bool { lhs.raw < rhs.raw }
    public var description: String { raw }

    /// Whether two names are the same name.
    public static func same(_ lhs: String, _ rhs: String) -> Bool { key(lhs) == key(rhs) }

    /// Lowercased letters and digits only: `Order Items`, `order_items`, `OrderItems` → `orderitems`.
    public static func key(_ name: String) -> String {
        if name.utf8.allSatisfy({ $0 < 0x80 }) {  // ASCII: bytes, no Unicode properties (this runs per entity)
            return String(unsafeUninitializedCapacity: name.utf8.count) { buffer in
                var count = 0
                for byte in name.utf8 {
                    switch byte {
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"): buffer[count] = byte + 0x20
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): buffer[count] = byte
                    default: continue
                    }
                    count += 1
                }
                return count
            }
        }
        return String(name.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}

/// Hands out identities. Compares equal to every other allocator, so two sessions with the same content
/// and identities are equal however many identities each has handed out (undo leaves the counter ahead).
public struct IdentityAllocator: Hashable, Sendable, Codable {
    public private(set) var last = 0

    public init() {}

    public mutating func next<Tag>() -> ModelID<Tag> {
        last += 1
        return ModelID(last)
    }

    /// Never hands out `id` or anything below it.
    public mutating func reserve(_ raw: Int) { last = max(last, raw) }

    public static func == (lhs: IdentityAllocator, rhs: IdentityAllocator) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}
}

/// What makes a name usable, the same in the TUI's forms and in a session file: not empty, at most
/// `maximumLength` characters, at least one letter or digit (`NameKey` would be empty otherwise), and no control or
/// invisible format characters (a newline would break line-oriented output, an ESC would reach the terminal).
public enum ModelName {
    public static let maximumLength = 128

    /// Why `name` cannot be a name, or nil.
    public static func problem(_ name: String) -> String? {
        if name.isEmpty { return "a name is needed" }
        if let scalar = name.unicodeScalars.first(where: isInvisible) {
            return "a name cannot hold control characters (it has U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4) + ")"
        }
        if name.unicodeScalars.count > maximumLength * 4 || name.count > maximumLength {
            return "at most \(maximumLength) characters (this is \(name.count))"
        }
        if NameKey(name).raw.isEmpty { return "a name needs at least one letter or digit" }
        return nil
    }

    /// Control characters (C0, DEL, C1), line and paragraph separators, and format characters such as zero-width
    /// spaces and bidirectional overrides.
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value < 0x20 || scalar.value == 0x7F }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

/// User text made safe for a line of terminal or file output: a control character (ESC, newline, CR, DEL, C1) or an
/// invisible format character (zero-width space, a bidirectional override) is shown, never obeyed — C0 as its
/// Control Pictures symbol (ESC → ␛, newline → ␤), the others as `<U+202E>` — so a name cannot clear the screen, set
/// the title, write the clipboard (OSC 52) or break a line-oriented report.
public enum PlainText {
    public static func safe(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        guard text.unicodeScalars.contains(where: ModelName.isInvisible) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard ModelName.isInvisible(scalar) else { result.append(scalar); continue }
            switch scalar.value {
            case 0x0A: result.append("\u{2424}")  // ␤
            case 0..<0x20: result.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F: result.append("\u{2421}")  // ␡
            default: result.append(contentsOf: "<U+\(String(scalar.value, radix: 16, uppercase: true))>".unicodeScalars)
            }
        }
        return String(result)
    }
}
