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

    /// `appendOnly`: records written once show no `updatedAt`.
    init(entity: Entity, links: [RelationGraph.Link], appendOnly: Bool = false) {
        self.entity = entity
        self.links = links
        let linkMembers = links.map { (column: $0.column, member: (Naming.camelCase($0.column), JSONValue.string(ExampleValues.uuid($0.parent)))) }
        var keys = UniqueNames(separator: "", reserved: ["id", "createdAt", "updatedAt"] + linkMembers.map(\.member.0))
        let taken = Set(RelationGraph.systemColumns + links.map(\.column))
        var fields: [(key: String, field: Field)] = []
        var fieldMembers: [(String, JSONValue)] = []
        for field in entity.fields {
            let words = Naming.words(field.name)  // split once for the column, the key and the sample value
            guard !taken.contains(Naming.snakeCase(words: words)) else { continue }
            let key = keys.claim(Naming.camelCase(words: words))
            fields.append((key, field))
            fieldMembers.append((key, ExampleValues.value(for: field, entity: entity.name, words: words)))
        }
        self.fields = fields
        self.linkMembers = linkMembers
        self.fieldMembers = fieldMembers
        let times: [(String, JSONValue)] = [("createdAt", .string(ExampleValues.timestamp))]
            + (appendOnly ? [] : [("updatedAt", .string(ExampleValues.timestamp))])
        item = .object([("id", .string(ExampleValues.uuid(entity.name)))] + linkMembers.map(\.member) + fieldMembers + times)
        renderedItem = item.rendered()
    }

    /// A create body: every stored field and the parents' ids, except the one in the path (`nestedColumn`).
    func createBody(nestedColumn: String? = nil) -> JSONValue {
        .object(linkMembers.filter { $0.column != nestedColumn }.map(\.member) + fieldMembers)
    }

    /// A JSON Merge Patch body changing the first two fields.
    var patchBody: JSONValue { .object(Array(fieldMembers.prefix(2))) }

    /// A page of items in the answered pagination style (the item as rendered once, in `renderedItem`).
    func page(_ pagination: String) -> JSONValue {
        let item = JSONValue.rendered(renderedItem)
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
