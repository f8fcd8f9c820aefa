import ArchModel

/// Turns the design's endpoints into OpenAPI operations: parameters, bodies with their examples, every response
/// (errors as problem details), and the security each requires.
struct OpenAPIOperations {
    var schemas = OpenAPISchemas()
    var responses: OpenAPIResponses
    var parameters: OpenAPIParameters
    var examples = OpenAPIExamples()
    /// Whether any endpoint needs credentials: public operations then say so with `security: []`.
    let secured: Bool

    init(endpoints: [Endpoint]) {
        secured = endpoints.contains { !$0.security.isEmpty }
        responses = OpenAPIResponses(endpoints: endpoints)
        parameters = OpenAPIParameters(endpoints: endpoints)
    }

    /// The operation of `endpoint`, with `operationId` already made unique; `tag` is its resource's tag.
    mutating func operation(_ endpoint: Endpoint, operationId: String, tag: String?) -> DocumentNode {
        let request = endpoint.requestBody.map { body -> DocumentNode in
            let type: String
            if case .mergePatch = body.schema { type = "application/merge-patch+json" } else { type = "application/json" }
            return .object([("content", .object([(type, content(body))])), ("required", .bool(true))])
        }
        // A status given twice keeps its last response, as a map would.
        let responseMap = endpoint.responses.map { (String($0.status), Optional(self.response($0, of: endpoint))) }
        let security: DocumentNode? = secured ? .array(endpoint.security.map(Self.requirement)) : nil
        return .object([
            ("tags", tag.map { .array([.string($0)]) }), ("summary", .string(endpoint.summary.isEmpty ? nil : endpoint.summary)),
            ("description", .string(endpoint.authorization.isEmpty ? nil : OpenAPIProse.safe("Authorisation: " + endpoint.authorization))),
            ("operationId", .string(operationId)),
            ("parameters", endpoint.parameters.isEmpty ? nil : .array(endpoint.parameters.map { parameters.parameter($0) })),
            ("requestBody", request), ("responses", .object(responseMap)), ("security", security),
        ])
    }

    /// A body's content: a reference to its schema, and its example (a component shared by every body showing it).
    private mutating func content(_ body: Body) -> DocumentNode {
        examples.content(schemaName: schemas.componentName(body.schema), example: body.example)
    }

    // MARK: - Responses

    private mutating func response(_ response: Endpoint.Response, of endpoint: Endpoint) -> DocumentNode {
        if let reference = responses.reference(response, of: endpoint, schemas: &schemas) { return reference }
        let headers = responses.headers(response, of: endpoint)
        let description = DocumentNode.string(OpenAPIProse.safe(response.description))
        guard response.status != 204, let body = endpoint.responseBody else {
            return .object([("description", description), ("headers", headers)])
        }
        return .object([("description", description), ("headers", headers), ("content", .object([("application/json", content(body))]))])
    }

    // MARK: - Parameters and security

    static func parameter(_ parameter: Endpoint.Parameter) -> DocumentNode {
        let schema: SchemaNode
        if parameter.type == .integer || parameter.type == .bigint {
            schema = .integer(format: parameter.type == .bigint ? "int64" : "int32", minimum: parameter.minimum ?? Int(Int32.min),
                              maximum: parameter.maximum ?? Int(Int32.max), defaultValue: parameter.defaultValue)
        } else if !parameter.enumValues.isEmpty {
            schema = .string(maxLength: parameter.enumValues.map(\.count).max(), allowed: parameter.enumValues)
        } else {
            schema = OpenAPISchemas.schema(parameter.type, required: true, maxLength: parameter.type == .string ? 255 : nil)
        }
        let description = parameter.description.isEmpty ? nil : OpenAPIProse.safe(parameter.description)
        let name = parameter.location == .path ? OpenAPIPath.parameterName(parameter.name) : parameter.name
        // A path parameter is always required; another says so only when it is.
        let required = parameter.location == .path || parameter.required
        return .object([("name", .string(name)), ("in", .string(parameter.location.rawValue)), ("description", .string(description)),
                        ("required", required ? .bool(true) : nil), ("schema", schema.node)])
    }

    static func requirement(_ requirement: SecurityRequirement) -> DocumentNode {
        .object([(OpenAPISecuritySchemes.key(requirement.scheme), .array(requirement.scopes.map { .string($0) }))])
    }
}
