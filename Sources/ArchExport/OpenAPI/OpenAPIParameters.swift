import ArchModel

/// The parameters of the document that more than one operation takes (a resource's id in its path, `If-Match`,
/// `Idempotency-Key`, the page's `limit` and `cursor`), as components the operations refer to:
/// `#/components/parameters/OrderId`. A parameter one operation takes stays in it.
struct OpenAPIParameters {
    /// The component name of each parameter taken more than once, given up front.
    private let names: [Endpoint.Parameter: String]
    private var made: [Endpoint.Parameter: DocumentNode] = [:]
    private(set) var components: [String: DocumentNode] = [:]

    init(endpoints: [Endpoint]) {
        var uses: [Endpoint.Parameter: Int] = [:]
        var order: [Endpoint.Parameter] = []
        for parameter in endpoints.lazy.flatMap(\.parameters) {
            if uses[parameter] == nil { order.append(parameter) }
            uses[parameter, default: 0] += 1
        }
        var taken: Set<String> = []
        var names: [Endpoint.Parameter: String] = [:]
        for parameter in order where uses[parameter]! > 1 {
            // `orderId` in a path is `OrderId`; the filter `?orderId=` beside it `OrderIdInQuery`.
            var base = OpenAPINames.pascal(parameter.name, fallback: "Parameter")
            if taken.contains(base.lowercased()) { base += "In" + OpenAPINames.pascal(parameter.location.rawValue, fallback: "") }
            var name = base, counter = 2
            while !taken.insert(name.lowercased()).inserted {
                name = base + String(counter)
                counter += 1
            }
            names[parameter] = name
        }
        self.names = names
    }

    /// `parameter` as an operation lists it: a reference to its component (made on first use), or itself.
    mutating func parameter(_ parameter: Endpoint.Parameter) -> DocumentNode {
        if let done = made[parameter] { return done }
        let definition = OpenAPIOperations.parameter(parameter)
        guard let name = names[parameter] else { return definition }
        components[name] = definition
        made[parameter] = .reference("parameters", name)
        return made[parameter]!
    }
}
