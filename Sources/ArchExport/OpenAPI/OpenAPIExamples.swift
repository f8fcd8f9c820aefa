import ArchModel
import OpenAPIKit

/// The body examples of the document as components, each written once: a resource's item shows the same in the
/// read, the create's `201` and the update's `200`, so all three refer to `#/components/examples/Order`. An
/// example is named after its body's schema; another example of the same schema is numbered (`Order2`).
struct OpenAPIExamples {
    /// The examples made so far of each schema, with their component names.
    private var bySchema: [String: [(value: JSONValue, name: String)]] = [:]
    private var taken: Set<String> = []
    private(set) var components: OrderedDictionary<OpenAPI.ComponentKey, OpenAPI.Example> = [:]

    /// The content of a body of `schema` (the component named `schemaName`) showing `example`.
    mutating func content(schema: JSONSchema, schemaName: String, example: JSONValue) -> OpenAPI.Content {
        let name = self.name(of: example, schemaName: schemaName)
        return OpenAPI.Content(schema: schema, examples: [name: .a(.component(named: name))])
    }

    private mutating func name(of example: JSONValue, schemaName: String) -> String {
        if let known = bySchema[schemaName]?.first(where: { $0.value == example }) { return known.name }
        var name = schemaName, counter = 2
        while !taken.insert(name.lowercased()).inserted {
            name = schemaName + String(counter)
            counter += 1
        }
        bySchema[schemaName, default: []].append((example, name))
        components[OpenAPI.ComponentKey(rawValue: name)!] = OpenAPI.Example(value: .b(ExampleJSON.any(example)))
        return name
    }
}
