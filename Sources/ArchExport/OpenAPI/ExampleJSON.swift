import ArchModel
import Foundation
import OpenAPIKit

/// An example value as OpenAPIKit encodes it: objects keep their members' order (YAML shows `id` first), numbers
/// their kind (an integer literal stays an integer, so it validates against `type: integer`).
struct ExampleJSON: Encodable, Sendable {
    let value: JSONValue

    init(_ value: JSONValue) { self.value = value }

    /// The example in OpenAPIKit's model.
    static func any(_ value: JSONValue) -> AnyCodable { AnyCodable(ExampleJSON(value)) }

    private struct Key: CodingKey {
        let stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: Encoder) throws {
        switch value {
        case .string(let text):
            var container = encoder.singleValueContainer()
            try container.encode(text)
        case .number(let literal):
            var container = encoder.singleValueContainer()
            if let integer = Int(literal) { try container.encode(integer) } else { try container.encode(Double(literal) ?? 0) }
        case .bool(let flag):
            var container = encoder.singleValueContainer()
            try container.encode(flag)
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .array(let items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(ExampleJSON(item)) }
        case .object(let members):
            var container = encoder.container(keyedBy: Key.self)
            for (key, member) in members { try container.encode(ExampleJSON(member), forKey: Key(stringValue: key)) }
        case .rendered(let text):
            // Text rendered for the views; the API generator gives exporters values, so this is a fallback only.
            var container = encoder.singleValueContainer()
            try container.encode(text)
        }
    }
}
