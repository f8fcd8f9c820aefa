import ArchModel

/// Example request and response bodies of one resource, built from its fields and foreign keys.
/// JSON keys are camelCase; `tenant_id` and `lock_version` stay server-side (the token and the ETag carry them).
struct ResourceExamples {
    let entity: Entity
    let links: [RelationGraph.Link]
    /// (JSON key, field) for the fields the table stores; fields shadowed by generated columns are left out.
    let fields: [(key: String, field: Field)]

    /// Members for the parents' ids, by foreign key column, and for the stored fields: made once, since
    /// every route of the resource shows them (large sessions have thousands of routes).
    private let linkMembers: [(column: String, member: (String, JSONValue))]
    private let fieldMembers: [(String, JSONValue)]
    /// The resource as the API returns it.
    let item: JSONValue
    /// `item` as JSON text, shown by several routes.
    let renderedItem: String
    /// The shape of `item`, for the bodies' schemas.
    let schema: ResourceSchema

    /// Fields only the server writes (a status changed by its actions, see `StatusTransitions`): read-only in the
    /// schema, left out of the create and patch bodies.
    let serverSet: Set<String>

    /// `appendOnly`: records written once show no `updatedAt`. `identified: false`: stream records, keyed by their
    /// source and time, show no `id`. `serverSet`: fields (model names) no request writes.
    init(entity: Entity, links: [RelationGraph.Link], appendOnly: Bool = false, identified: Bool = true, serverSet: Set<String> = []) {
        self.serverSet = serverSet
        self.entity = entity
        self.links = links
        let linkMembers = links.map { (column: $0.column, member: (Naming.camelCase($0.column), JSONValue.string(ExampleValues.uuid($0.parent)))) }
        var keys = UniqueNames(separator: "", reserved: ["id", "createdAt", "updatedAt"] + linkMembers.map(\.member.0))
        let taken = Set(RelationGraph.systemColumns + links.map(\.column))
        var fields: [(key: String, field: Field)] = []
        var fieldMembers: [(String, JSONValue)] = []
        var writable: [(String, JSONValue)] = []
        for field in entity.fields {
            let words = Naming.words(field.name)  // split once for the column, the key and the sample value
            guard !taken.contains(Naming.snakeCase(words: words)) else { continue }
            let key = keys.claim(Naming.camelCase(words: words))
            fields.append((key, field))
            var value = ExampleValues.value(for: field, entity: entity.name, words: words)
            if case .string(let text) = value, field.type.takesLength, let length = field.length, text.count > length {
                value = .string(String(text.prefix(max(length, 0))))  // the example fits the field it shows
            }
            fieldMembers.append((key, value))
            if !serverSet.contains(field.name) { writable.append((key, value)) }
        }
        self.fields = fields
        self.linkMembers = linkMembers
        self.fieldMembers = fieldMembers
        writableMembers = writable
        let times: [(String, JSONValue)] = [("createdAt", .string(ExampleValues.timestamp))]
            + (appendOnly ? [] : [("updatedAt", .string(ExampleValues.timestamp))])
        let id: [(String, JSONValue)] = identified ? [("id", .string(ExampleValues.uuid(entity.name)))] : []
        item = .object(id + linkMembers.map(\.member) + fieldMembers + times)
        renderedItem = item.rendered()
        schema = Self.schema(entity: entity, links: links, fields: fields, times: times.map(\.0), identified: identified, serverSet: serverSet)
    }

    /// `fieldMembers` without the server-set ones: what a request may write.
    private let writableMembers: [(String, JSONValue)]

    /// The properties in the order of `item`'s members: the id, the parents' ids, the fields, the timestamps.
    private static func schema(entity: Entity, links: [RelationGraph.Link], fields: [(key: String, field: Field)],
                               times: [String], identified: Bool, serverSet: Set<String>) -> ResourceSchema {
        typealias Property = ResourceSchema.Property
        let id = Property(key: "id", type: .uuid, required: true, readOnly: true, description: "set by the server")
        let parents = links.map {
            Property(key: Naming.camelCase($0.column), type: .uuid, required: !$0.nullable, description: "id of the \($0.parent)")
        }
        let own = fields.map { key, field in
            Property(key: key, type: field.type, required: field.required, readOnly: serverSet.contains(field.name),
                     maxLength: field.type.takesLength ? field.length : nil,
                     enumValues: field.type == .enumeration ? field.enumValues : [],
                     description: serverSet.contains(field.name) && field.description.isEmpty ? "set by the server; changed by the actions" : field.description)
        }
        let stamps = times.map { Property(key: $0, type: .timestamp, required: true, readOnly: true, description: "set by the server") }
        return ResourceSchema(entity: entity.name, description: entity.description, properties: (identified ? [id] : []) + parents + own + stamps)
    }

    /// A create body: every stored field and the parents' ids, except the one in the path (`nestedColumn`).
    func createBody(nestedColumn: String? = nil) -> JSONValue {
        .object(linkMembers.filter { $0.column != nestedColumn }.map(\.member) + writableMembers)
    }

    /// A batch of creates, `{"items": [...]}`, for a stream's ingest endpoint: two records a second apart (of the
    /// field `timeField`), so the example never holds a duplicate key.
    func batchBody(nestedColumn: String? = nil, timeField: String?) -> JSONValue {
        let first = createBody(nestedColumn: nestedColumn)
        let key = fields.first { $0.field.name == timeField }?.key
        guard case .object(let members) = first, let key else { return .object([("items", .array([first]))]) }
        let second = JSONValue.object(members.map { $0.0 == key ? (key, .string(ExampleValues.timestampLater)) : $0 })
        return .object([("items", .array([first, second]))])
    }

    /// The resource as the API returns it with `field` (a model name) at `value`: an action's answer shows the
    /// state it moved to.
    func item(with field: String, at value: String) -> JSONValue {
        guard let key = fields.first(where: { $0.field.name == field })?.key, case .object(let members) = item else { return item }
        return .object(members.map { $0.0 == key ? (key, .string(value)) : $0 })
    }

    /// A JSON Merge Patch body changing the first two fields.
    var patchBody: JSONValue { .object(Array(writableMembers.prefix(2))) }

    /// A page of items in the answered pagination style; `rendered` places the item as rendered once, in
    /// `renderedItem` (for the text), else as a value (for the schema's example).
    func page(_ pagination: String, rendered: Bool = true) -> JSONValue {
        let item = rendered ? JSONValue.rendered(renderedItem) : item
        switch pagination {
        case "cursor":
            return .object([("data", .array([item])),
                            ("page", .object([("limit", .number("20")), ("nextCursor", .string("eyJpZCI6IjEifQ"))]))])
        case "offset":
            return .object([("data", .array([item])),
                            ("page", .object([("offset", .number("0")), ("limit", .number("20")), ("total", .number("1"))]))])
        default:
            return .object([("data", .array([item]))])
        }
    }
}
