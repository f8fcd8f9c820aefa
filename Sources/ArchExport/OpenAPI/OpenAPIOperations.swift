import ArchModel
import OpenAPIKit

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
    mutating func operation(_ endpoint: Endpoint, operationId: String, tag: String?) -> OpenAPI.Operation {
        let request = endpoint.requestBody.map { body -> OpenAPI.Request in
            let type: OpenAPI.ContentType
            if case .mergePatch = body.schema { type = OpenAPI.ContentType(rawValue: "application/merge-patch+json")! } else { type = .json }
            return OpenAPI.Request(content: [type: .b(content(body))], required: true)
        }
        var responseMap: OpenAPI.Response.Map = [:]
        for response in endpoint.responses {
            guard let status = OpenAPI.Response.StatusCode(rawValue: String(response.status)) else { continue }
            responseMap[status] = self.response(response, of: endpoint)
        }
        let security: [OpenAPI.SecurityRequirement]? = secured ? endpoint.security.map(Self.requirement) : nil
        return OpenAPI.Operation(
            tags: tag.map { [$0] }, summary: endpoint.summary.isEmpty ? nil : endpoint.summary,
            description: endpoint.authorization.isEmpty ? nil : OpenAPIProse.safe("Authorisation: " + endpoint.authorization),
            operationId: operationId, parameters: endpoint.parameters.map { parameters.parameter($0) },
            requestBody: request, responses: responseMap, security: security)
    }

    /// A body's content: a reference to its schema, and its example (a component shared by every body showing it).
    private mutating func content(_ body: Body) -> OpenAPI.Content {
        let name = schemas.componentName(body.schema)
        return examples.content(schema: .reference(.component(named: name)), schemaName: name, example: body.example)
    }

    // MARK: - Responses

    private mutating func response(_ response: Endpoint.Response, of endpoint: Endpoint) -> Either<OpenAPI.Reference<OpenAPI.Response>, OpenAPI.Response> {
        if let reference = responses.reference(response, of: endpoint, schemas: &schemas) { return .a(reference) }
        let headers = responses.headers(response, of: endpoint)
        guard response.status != 204, let body = endpoint.responseBody else {
            return .b(OpenAPI.Response(description: OpenAPIProse.safe(response.description), headers: headers))
        }
        return .b(OpenAPI.Response(description: OpenAPIProse.safe(response.description), headers: headers,
                                   content: [.json: .b(content(body))]))
    }

    // MARK: - Parameters and security

    static func parameter(_ parameter: Endpoint.Parameter) -> OpenAPI.Parameter {
        let schema: JSONSchema
        if parameter.type == .integer || parameter.type == .bigint {
            schema = .integer(format: parameter.type == .bigint ? .int64 : .int32,
                              maximum: (parameter.maximum ?? Int(Int32.max), exclusive: false),
                              minimum: (parameter.minimum ?? Int(Int32.min), exclusive: false),
                              defaultValue: parameter.defaultValue.map { AnyCodable($0) })
        } else if !parameter.enumValues.isEmpty {
            schema = .string(maxLength: parameter.enumValues.map(\.count).max(), allowedValues: parameter.enumValues.map { AnyCodable($0) })
        } else {
            schema = OpenAPISchemas.schema(parameter.type, required: true, maxLength: parameter.type == .string ? 255 : nil)
        }
        let description = parameter.description.isEmpty ? nil : OpenAPIProse.safe(parameter.description)
        switch parameter.location {
        case .path: return .path(name: OpenAPIPath.parameterName(parameter.name), schema: schema, description: description)
        case .query: return .query(name: parameter.name, required: parameter.required, schema: schema, description: description)
        case .header: return .header(name: parameter.name, required: parameter.required, schema: schema, description: description)
        }
    }

    static func requirement(_ requirement: SecurityRequirement) -> OpenAPI.SecurityRequirement {
        [.component(named: OpenAPISecuritySchemes.key(requirement.scheme)): requirement.scopes]
    }
}
