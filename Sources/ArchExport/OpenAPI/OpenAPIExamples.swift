import ArchModel

/// The body examples of the document as components, each written once: a resource's item shows the same in the
/// read, the create's `201` and the update's `200`, so all three refer to `#/components/examples/Order`. An
/// example is named after its body's schema; another example of the same schema is numbered (`Order2`).
struct OpenAPIExamples {
    /// The media type object of each schema and example (by the schema's name, then the example's JSON text), made
    /// once and shared by every body showing them. A schema has one or two examples: they are compared, not hashed.
    private var contents: [String: [Shown]] = [:]
    private var taken: Set<String> = []
    private(set) var components: [String: DocumentNode] = [:]

    /// An example's JSON text and the media type object showing it.
    private struct Shown {
        let example: String
        let content: DocumentNode
    }

    /// The media type object of a body of the component schema `schemaName` showing `example`.
    mutating func content(schemaName: String, example: JSONValue) -> DocumentNode {
        let text = example.rendered()
        if let content = contents[schemaName]?.first(where: { $0.example == text })?.content { return content }
        var name = schemaName, counter = 2
        while !taken.insert(name.lowercased()).inserted {
            name = schemaName + String(counter)
            counter += 1
        }
        components[name] = .object([("value", .example(example))])
        let content = DocumentNode.object([("schema", SchemaNode.reference(schemaName).node),
                                           ("examples", .object([(name, .reference("examples", name))]))])
        contents[schemaName, default: []].append(Shown(example: text, content: content))
        return content
    }
}
