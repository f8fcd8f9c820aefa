import ArchModel

/// The component schemas of the document: one per resource and per body shape it is used in (`Order`,
/// `OrderCreate`, `OrderPatch`, `OrderPage`), plus the shared ones (`Problem`, `Money`, the page objects).
/// Made as the operations ask for them, so only shapes in use appear, in the order of first use.
struct OpenAPISchemas {
    /// Names of the shared schemas; resource names that would take one are told apart.
    static let problem = "Problem", envelope = "Error", money = "Money", cursorPage = "CursorPage", offsetPage = "OffsetPage",
               batchAccepted = "BatchAccepted"

    private var names = OpenAPINames(reserved: [problem, envelope, money, cursorPage, offsetPage, batchAccepted])
    /// Entity name → its resource schema's base name.
    private var bases: [String: String] = [:]
    /// Each body shape's component name: looked up for every body of every operation.
    private var variants: [Variant: String] = [:]
    private(set) var components: [String: DocumentNode] = [:]

    /// A body shape of an entity: what one component schema stands for.
    private struct Variant: Hashable {
        enum Shape: Hashable { case item, create, patch, page, batch }
        let entity: String
        let shape: Shape
        /// The fields a create leaves out.
        var omitting: [String] = []
    }

    /// A reference to the component for `body`, made (with what it refers to) on first use.
    mutating func reference(_ body: BodySchema) -> SchemaNode {
        .reference(componentName(body))
    }

    /// The name of the component for `body`, made (with what it refers to) on first use.
    mutating func componentName(_ body: BodySchema) -> String {
        switch body {
        case .error(let format):
            return format == .problemDetails ? shared(Self.problem, Self.problemSchema) : shared(Self.envelope, Self.envelopeSchema)
        case .resource(let resource):
            return variant(resource, Variant(entity: resource.entity, shape: .item), suffix: "") { this in this.item(resource) }
        case .create(let resource, let omitting):
            let key = Variant(entity: resource.entity, shape: .create, omitting: omitting)
            if let name = variants[key] { return name }
            let suffix = "Create" + omitting.map { OpenAPINames.pascal($0, fallback: "Field") }.map { "Without" + $0 }.joined()
            return variant(resource, key, suffix: suffix) { _ in Self.object(resource.writable.filter { !omitting.contains($0.key) }, patch: false,
                                                                             description: "The body of a create: the fields a client sets.") }
        case .mergePatch(let resource):
            return variant(resource, Variant(entity: resource.entity, shape: .patch), suffix: "Patch") { _ in
                Self.object(resource.writable, patch: true, description: "A JSON Merge Patch (RFC 7396): only the fields to change.")
            }
        case .page(let resource, let pagination):
            return variant(resource, Variant(entity: resource.entity, shape: .page), suffix: "Page") { this in this.page(resource, pagination) }
        case .batch(let resource, let omitting):
            let key = Variant(entity: resource.entity, shape: .batch, omitting: omitting)
            if let name = variants[key] { return name }
            return variant(resource, key, suffix: "Batch") { this in
                let item = this.reference(.create(resource, omitting: omitting))
                return .object(description: OpenAPIProse.safe("A batch of \(resource.entity) records, ingested together."),
                               properties: [("items", .array(description: "The records, in time order.", minItems: 1,
                                                             maxItems: BodySchema.maxBatchItems, items: item))],
                               additionalProperties: false)
            }
        case .batchAccepted:
            return shared(Self.batchAccepted, Self.batchAcceptedSchema)
        }
    }

    /// The component `base + suffix` for `resource`, made by `make` the first time.
    private mutating func variant(_ resource: ResourceSchema, _ key: Variant, suffix: String, make: (inout OpenAPISchemas) -> SchemaNode) -> String {
        if let name = variants[key] { return name }
        if bases[resource.entity] == nil { bases[resource.entity] = names.claim(OpenAPINames.pascal(resource.entity, fallback: "Resource"), seed: resource.entity) }
        let name = suffix.isEmpty ? bases[resource.entity]! : names.claim(bases[resource.entity]! + suffix, seed: resource.entity + "\u{0}" + suffix)
        variants[key] = name
        let schema = make(&self)
        components[name] = schema.node
        return name
    }

    private mutating func shared(_ name: String, _ schema: SchemaNode) -> String {
        if components[name] == nil { components[name] = schema.node }
        return name
    }

    // MARK: - Resources

    private mutating func item(_ resource: ResourceSchema) -> SchemaNode {
        if resource.properties.contains(where: { $0.type == .money }) { _ = shared(Self.money, Self.moneySchema) }
        return Self.object(resource.properties, patch: false,
                           description: OpenAPIProse.safe(resource.description.isEmpty ? "A \(resource.entity) as the API returns it." : resource.description))
    }

    private mutating func page(_ resource: ResourceSchema, _ pagination: Pagination) -> SchemaNode {
        let item = reference(.resource(resource))
        var properties: [(String, SchemaNode)] = [
            ("data", .array(description: "The items of this page.", maxItems: Pagination.maxLimit, items: item)),
        ]
        switch pagination {
        case .cursor: properties.append(("page", .reference(shared(Self.cursorPage, Self.cursorPageSchema))))
        case .offset: properties.append(("page", .reference(shared(Self.offsetPage, Self.offsetPageSchema))))
        case .none: break
        }
        return .object(description: OpenAPIProse.safe("A page of \(resource.entity) items."), properties: properties, additionalProperties: false)
    }

    /// An object of `properties`; a patch requires none of them.
    static func object(_ properties: [ResourceSchema.Property], patch: Bool, description: String) -> SchemaNode {
        let members = properties.map { ($0.key, schema($0, required: $0.required && !patch)) }
        return .object(description: OpenAPIProse.safe(description), properties: members, additionalProperties: false)
    }

    /// The schema of one property: its type's format and its limits.
    static func schema(_ property: ResourceSchema.Property, required: Bool) -> SchemaNode {
        let description = property.description.isEmpty ? nil : OpenAPIProse.safe(property.description)
        switch property.type {
        case .money:
            return .reference(money, required: required, description: description)
        case .enumeration where !property.enumValues.isEmpty:
            return .string(required: required, readOnly: property.readOnly, description: description, allowed: property.enumValues)
        default:
            return schema(property.type, required: required, readOnly: property.readOnly, maxLength: property.maxLength,
                          description: description)
        }
    }

    /// The schema of a value of `type` (properties and parameters share it).
    static func schema(_ type: FieldType, required: Bool, readOnly: Bool = false, maxLength: Int? = nil,
                       description: String? = nil) -> SchemaNode {
        switch type {
        case .string, .enumeration:
            return .string(required: required, readOnly: readOnly, description: description, maxLength: maxLength ?? defaultMaxLength,
                           pattern: singleLine)
        case .text:
            return .string(required: required, readOnly: readOnly, description: description, maxLength: textMaxLength, pattern: multiLine)
        case .email: return .string(format: "email", required: required, readOnly: readOnly, description: description, maxLength: 254)
        case .uuid: return .string(format: "uuid", required: required, readOnly: readOnly, description: description, maxLength: 36)
        case .date: return .string(format: "date", required: required, readOnly: readOnly, description: description, maxLength: 10)
        case .timestamp:
            return .string(format: "date-time", required: required, readOnly: readOnly, description: description, maxLength: 35)
        case .integer:
            return .integer(format: "int32", required: required, description: description, minimum: Int(Int32.min), maximum: Int(Int32.max))
        case .bigint:
            return .integer(format: "int64", required: required, description: description, minimum: Int.min, maximum: Int.max)
        case .decimal: return .number(required: required, description: description)
        case .boolean: return .boolean(required: required, description: description)
        case .json: return .object(required: required, description: description, additionalProperties: true)
        case .money: return .reference(money, required: required, description: description)
        }
    }

    /// A string without a length in the model gets the common column size, so no field is unbounded.
    static let defaultMaxLength = 255
    /// Long text: 64 KiB characters.
    static let textMaxLength = 65_535
    /// No control characters: a one-line value never carries terminal escapes or line breaks.
    static let singleLine = "^[^\\u0000-\\u001F\\u007F]*$"
    /// Text may break lines and tab, nothing else below space.
    static let multiLine = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$"

    // MARK: - Shared schemas

    /// RFC 9457 problem details; `type` names the kind of problem (see `OpenAPIErrors.problemType`).
    static let problemSchema = SchemaNode.object(
        description: "Problem details (RFC 9457), sent as application/problem+json by every error response.",
        properties: [
            ("type", .string(format: "uri-reference", description: "identifies the kind of problem", maxLength: 2048)),
            ("title", .string(description: "the kind of problem in words; the same for every occurrence", maxLength: 200, pattern: singleLine)),
            ("status", .integer(format: "int32", description: "the HTTP status code", minimum: 100, maximum: 599)),
            ("detail", .string(required: false, description: "this occurrence in words", maxLength: 2000, pattern: multiLine)),
            ("instance", .string(format: "uri-reference", required: false, description: "identifies this occurrence in the logs", maxLength: 2048)),
        ])

    /// The custom error envelope answered instead of problem details.
    static let envelopeSchema = SchemaNode.object(
        description: "The error envelope every error response sends.",
        properties: [
            ("error", .object(properties: [
                ("code", .string(description: "the kind of error, e.g. not-found", maxLength: 64, pattern: "^[a-z0-9-]+$")),
                ("message", .string(description: "the error in words", maxLength: 2000, pattern: multiLine)),
            ], additionalProperties: false)),
        ], additionalProperties: false)

    /// Money as a decimal string and its currency, so no client reads the amount into a binary float.
    static let moneySchema = SchemaNode.object(
        description: "An amount of money: a decimal string and an ISO 4217 currency code.",
        properties: [
            ("amount", .string(description: "decimal amount, e.g. 19.99", maxLength: 32, pattern: "^-?[0-9]+(\\.[0-9]+)?$")),
            ("currency", .string(description: "ISO 4217 code", minLength: 3, maxLength: 3, pattern: "^[A-Z]{3}$")),
        ], additionalProperties: false)

    static let batchAcceptedSchema = SchemaNode.object(
        description: "A batch taken for processing: its records are stored shortly after, in the background.",
        properties: [
            ("accepted", .integer(format: "int32", description: "the records accepted", minimum: 1, maximum: BodySchema.maxBatchItems)),
        ], additionalProperties: false)

    static let cursorPageSchema = SchemaNode.object(
        description: "Where a cursor page is; the last page has no nextCursor.",
        properties: [
            ("limit", .integer(format: "int32", description: "the page size asked for", minimum: 1, maximum: Pagination.maxLimit)),
            ("nextCursor", .string(required: false, description: "pass as cursor to read the next page", maxLength: 512, pattern: "^[A-Za-z0-9_=-]*$")),
        ], additionalProperties: false)

    static let offsetPageSchema = SchemaNode.object(
        description: "Where an offset page is.",
        properties: [
            ("offset", .integer(format: "int32", description: "items skipped", minimum: 0, maximum: Int(Int32.max))),
            ("limit", .integer(format: "int32", description: "the page size asked for", minimum: 1, maximum: Pagination.maxLimit)),
            ("total", .integer(format: "int32", description: "items in the whole list", minimum: 0, maximum: Int(Int32.max))),
        ], additionalProperties: false)
}
