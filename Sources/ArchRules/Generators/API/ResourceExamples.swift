import ArchModel

/// Example request and response bodies of one resource, built from its fields and foreign keys.
/// JSON keys are camelCase; `tenant_id` and `lock_version` stay server-side (the token and the ETag carry them).
struct ResourceExamples {
    let entity: Entity
    let links: [RelationGraph.Link]
    /// (JSON key, field) for the fields the table stores; fields shadowed by generated columns are left out.
    let fields: [(key: String, field: Field)]

    init(entity: Entity, links: [RelationGraph.Link]) {
        self.entity = entity
        self.links = links
        var keys = UniqueNames(separator: "", reserved: ["id", "createdAt", "updatedAt"] + links.map { Naming.camelCase($0.column) })
        let taken = Set(RelationGraph.systemColumns + links.map(\.column))
        fields = entity.fields.filter { !taken.contains(Naming.snakeCase($0.name)) }
            .map { (keys.claim(Naming.camelCase($0.name)), $0) }
    }

    /// The resource as the API returns it.
    var item: JSONValue {
        var members: [(String, JSONValue)] = [("id", .string(ExampleValues.uuid(entity.name)))]
        members += links.map { (Naming.camelCase($0.column), .string(ExampleValues.uuid($0.parent))) }
        members += fields.map { ($0.key, ExampleValues.value(for: $0.field, entity: entity.name)) }
        members += [("createdAt", .string(ExampleValues.timestamp)), ("updatedAt", .string(ExampleValues.timestamp))]
        return .object(members)
    }

    /// A create body: every stored field and the parents' ids, except the one in the path (`nestedColumn`).
    func createBody(nestedColumn: String? = nil) -> JSONValue {
        let parentLinks = links.filter { $0.column != nestedColumn }
        return .object(parentLinks.map { (Naming.camelCase($0.column), .string(ExampleValues.uuid($0.parent))) }
            + fields.map { ($0.key, ExampleValues.value(for: $0.field, entity: entity.name)) })
    }

    /// A JSON Merge Patch body changing the first two fields.
    var patchBody: JSONValue {
        .object(fields.prefix(2).map { ($0.key, ExampleValues.value(for: $0.field, entity: entity.name)) })
    }

    /// A page of items in the answered pagination style.
    func page(_ pagination: String) -> JSONValue {
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
