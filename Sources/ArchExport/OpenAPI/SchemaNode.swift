/// A JSON Schema (2020-12, as OpenAPI 3.1 uses it) of the document, and whether the object holding it requires it:
/// an object lists its required properties in `required`, in the order of its properties.
struct SchemaNode {
    var node: DocumentNode
    var required: Bool

    /// A string: its format, limits and allowed values.
    static func string(format: String? = nil, required: Bool = true, readOnly: Bool = false, description: String? = nil,
                       minLength: Int? = nil, maxLength: Int? = nil, pattern: String? = nil, allowed: [String] = []) -> SchemaNode {
        SchemaNode(node: .object([
            ("type", .string("string")), ("format", .string(format)), ("description", .string(description)),
            ("readOnly", readOnly ? .bool(true) : nil), ("minLength", minLength.map(DocumentNode.integer)),
            ("maxLength", maxLength.map(DocumentNode.integer)), ("pattern", .string(pattern)),
            ("enum", allowed.isEmpty ? nil : .array(allowed.map { .string($0) })),
        ]), required: required)
    }

    /// An integer of `format` (`int32`, `int64`) between `minimum` and `maximum`.
    static func integer(format: String, required: Bool = true, description: String? = nil, minimum: Int, maximum: Int,
                        defaultValue: Int? = nil) -> SchemaNode {
        SchemaNode(node: .object([
            ("type", .string("integer")), ("format", .string(format)), ("description", .string(description)),
            ("minimum", .integer(minimum)), ("maximum", .integer(maximum)), ("default", defaultValue.map(DocumentNode.integer)),
        ]), required: required)
    }

    static func number(required: Bool = true, description: String? = nil) -> SchemaNode {
        SchemaNode(node: .object([("type", .string("number")), ("description", .string(description))]), required: required)
    }

    static func boolean(required: Bool = true, description: String? = nil) -> SchemaNode {
        SchemaNode(node: .object([("type", .string("boolean")), ("description", .string(description))]), required: required)
    }

    /// The component schema `name`; in 3.1 a description may sit beside the `$ref`.
    static func reference(_ name: String, required: Bool = true, description: String? = nil) -> SchemaNode {
        SchemaNode(node: .object([("$ref", .string("#/components/schemas/\(name)")), ("description", .string(description))]),
                   required: required)
    }

    /// An object of `properties` (in their order; those required listed so); `additionalProperties` says whether
    /// other members are allowed (nil: not said).
    static func object(required: Bool = true, description: String? = nil, properties: [(String, SchemaNode)] = [],
                       additionalProperties: Bool? = nil) -> SchemaNode {
        // A key given twice keeps its first place and its last schema, as a dictionary assignment does.
        var unique: [(String, SchemaNode)] = []
        var index: [String: Int] = [:]
        for (key, schema) in properties {
            if let at = index[key] { unique[at].1 = schema } else { index[key] = unique.count; unique.append((key, schema)) }
        }
        let properties = unique
        let requiredKeys = properties.filter(\.1.required).map { DocumentNode.string($0.0) }
        return SchemaNode(node: .object([
            ("type", .string("object")), ("description", .string(description)),
            ("properties", properties.isEmpty ? nil : .object(properties.map { ($0.0, $0.1.node) })),
            ("required", requiredKeys.isEmpty ? nil : .array(requiredKeys)),
            ("additionalProperties", additionalProperties.map(DocumentNode.bool)),
        ]), required: required)
    }

    static func array(required: Bool = true, description: String? = nil, minItems: Int? = nil, maxItems: Int? = nil,
                      items: SchemaNode) -> SchemaNode {
        SchemaNode(node: .object([
            ("type", .string("array")), ("description", .string(description)), ("minItems", minItems.map(DocumentNode.integer)),
            ("maxItems", maxItems.map(DocumentNode.integer)), ("items", items.node),
        ]), required: required)
    }
}
