import ArchModel
import OpenAPIKit

/// Turns the design's endpoints into OpenAPI operations: parameters, bodies with their examples, every response
/// (errors as problem details), and the security each requires.
struct OpenAPIOperations {
    /// Where problem types live; a placeholder the team replaces with its own documentation's address.
    static let problemBase = "https://problems.example.com/"

    var schemas = OpenAPISchemas()
    /// Whether any endpoint needs credentials: public operations then say so with `security: []`.
    let secured: Bool

    init(endpoints: [Endpoint]) {
        secured = endpoints.contains { !$0.security.isEmpty }
    }

    /// The operation of `endpoint`, with `operationId` already made unique; `tag` is its resource's tag.
    mutating func operation(_ endpoint: Endpoint, operationId: String, tag: String?) -> OpenAPI.Operation {
        let request = endpoint.requestBody.map { body -> OpenAPI.Request in
            let type: OpenAPI.ContentType
            if case .mergePatch = body.schema { type = OpenAPI.ContentType(rawValue: "application/merge-patch+json")! } else { type = .json }
            return OpenAPI.Request(content: [type: .b(OpenAPI.Content(schema: schemas.reference(body.schema), example: ExampleJSON.any(body.example)))],
                                   required: true)
        }
        var responses: OpenAPI.Response.Map = [:]
        for response in endpoint.responses {
            guard let status = OpenAPI.Response.StatusCode(rawValue: String(response.status)) else { continue }
            responses[status] = .b(self.response(response, of: endpoint))
        }
        let security: [OpenAPI.SecurityRequirement]? = secured ? endpoint.security.map(Self.requirement) : nil
        return OpenAPI.Operation(
            tags: tag.map { [$0] }, summary: endpoint.summary.isEmpty ? nil : endpoint.summary,
            description: endpoint.authorization.isEmpty ? nil : OpenAPIProse.safe("Authorisation: " + endpoint.authorization),
            operationId: operationId, parameters: endpoint.parameters.map { .b(Self.parameter($0)) },
            requestBody: request, responses: responses, security: security)
    }

    // MARK: - Responses

    private mutating func response(_ response: Endpoint.Response, of endpoint: Endpoint) -> OpenAPI.Response {
        var headers: OpenAPI.Header.Map?
        for header in response.headers { headers = headers ?? [:]; headers?[header.rawValue] = .b(Self.header(header)) }
        // A rate-limited API (the design answers 429) tells every caller where it stands, on successes and client errors.
        if endpoint.responses.contains(where: { $0.error == .rateLimited }), (200..<500).contains(response.status), response.status >= 400 || response.status < 300 {
            headers = headers ?? [:]
            let count = JSONSchema.integer(format: .int32, maximum: (Int(Int32.max), exclusive: false), minimum: (0, exclusive: false))
            headers?["X-RateLimit-Limit"] = .b(OpenAPI.Header(schema: count, description: "requests allowed in the current window"))
            headers?["X-RateLimit-Remaining"] = .b(OpenAPI.Header(schema: count, description: "requests left in the current window"))
        }
        if let kind = response.error ?? (response.status >= 400 ? ErrorKind(status: response.status) : nil) {
            let format = endpoint.errorFormat
            let type: OpenAPI.ContentType = format == .problemDetails ? OpenAPI.ContentType(rawValue: "application/problem+json")! : .json
            let example = Self.errorExample(kind, status: response.status, format: format, path: endpoint.path)
            return OpenAPI.Response(description: OpenAPIProse.safe(response.description), headers: headers,
                                    content: [type: .b(OpenAPI.Content(schema: schemas.reference(.error(format)), example: ExampleJSON.any(example)))])
        }
        guard response.status != 204, let body = endpoint.responseBody else {
            return OpenAPI.Response(description: OpenAPIProse.safe(response.description), headers: headers)
        }
        return OpenAPI.Response(description: OpenAPIProse.safe(response.description), headers: headers,
                                content: [.json: .b(OpenAPI.Content(schema: schemas.reference(body.schema), example: ExampleJSON.any(body.example)))])
    }

    /// A problem (or envelope) of `kind`, as the server would send it for `path`.
    static func errorExample(_ kind: ErrorKind, status: Int, format: ErrorFormat, path: String) -> JSONValue {
        switch format {
        case .problemDetails:
            return .object([("type", .string(problemBase + kind.rawValue)), ("title", .string(kind.title)),
                            ("status", .number(String(status))), ("instance", .string("/problems/instances/0f8fad5b"))])
        case .envelope:
            return .object([("error", .object([("code", .string(kind.rawValue)), ("message", .string(kind.title))]))])
        }
    }

    private static func header(_ header: ResponseHeader) -> OpenAPI.Header {
        switch header {
        case .location:
            return OpenAPI.Header(schema: .string(format: .uriReference, maxLength: 2048), description: "where the created resource is")
        case .etag:
            return OpenAPI.Header(schema: .string(maxLength: 128, pattern: OpenAPISchemas.singleLine), description: "the representation's version; send it as If-Match to change it")
        case .retryAfter:
            return OpenAPI.Header(schema: .integer(format: .int32, maximum: (86_400, exclusive: false), minimum: (0, exclusive: false)), description: "seconds to wait before retrying")
        }
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
