import ArchModel

/// The error responses and response headers of the document as components, each written once and referred to
/// by every operation that answers it: `401` → `#/components/responses/Unauthenticated`, `ETag` →
/// `#/components/headers/ETag`. A response is named after its kind of error (`Unauthenticated`), and a kind
/// about one resource answered in several ways (each resource's `404`) after the resource as well (`OrderNotFound`),
/// so the names say what the responses are; variants of one name are numbered (`OrderConflict2`). A large API repeated the same responses
/// thousands of times without this.
struct OpenAPIResponses {
    /// Where problem types live; a placeholder the team replaces with its own documentation's address.
    static let problemBase = "https://problems.example.com/"

    /// What an error response's content depends on: two responses with one key are the same response.
    private struct Key: Hashable {
        let status: Int
        let kind: ErrorKind
        let description: String
        let headers: [ResponseHeader]
        let format: ErrorFormat
        let rateLimited: Bool
    }

    /// Each error response's component name, given up front so that the names can depend on how many ways a kind
    /// of error is answered.
    private let names: [Key: String]
    /// The reference to each error response made so far, by its name (shorter to hash than its key).
    private var made: [String: DocumentNode] = [:]
    private(set) var components: [String: DocumentNode] = [:]
    private(set) var headerComponents: [String: DocumentNode] = [:]
    /// The headers of responses already made, by their names joined (most responses set one of a few sets).
    private var headerMaps: [String: DocumentNode] = [:]

    init(endpoints: [Endpoint]) {
        var keys: [Key] = []
        var resources: [Key: String] = [:]
        var variants: [ErrorKind: Int] = [:]
        for endpoint in endpoints {
            for response in endpoint.responses {
                guard let key = Self.key(response, of: endpoint), resources[key] == nil else { continue }
                keys.append(key)
                resources[key] = endpoint.resource
                variants[key.kind, default: 0] += 1
            }
        }
        var taken: Set<String> = []
        var names: [Key: String] = [:]
        for key in keys {
            // A kind about one resource (its 404, 409, 412), answered in several ways, names the resource first used with.
            let kind = OpenAPINames.pascal(key.kind.rawValue, fallback: "Error")
            let own = variants[key.kind]! > 1 && Self.aboutOneResource.contains(key.kind) ? resources[key] : nil
            let base = own.map { OpenAPINames.pascal($0, fallback: "Resource") + kind } ?? kind
            var name = base, counter = 2
            while !taken.insert(name.lowercased()).inserted {
                name = base + String(counter)
                counter += 1
            }
            names[key] = name
        }
        self.names = names
    }

    private static let aboutOneResource: Set<ErrorKind> = [.notFound, .conflict, .preconditionFailed]

    /// The error response's key; nil for a success (or a status no error kind stands for).
    private static func key(_ response: Endpoint.Response, of endpoint: Endpoint) -> Key? {
        guard let kind = response.error ?? (response.status >= 400 ? ErrorKind(status: response.status) : nil) else { return nil }
        return Key(status: response.status, kind: kind, description: response.description, headers: response.headers,
                   format: endpoint.errorFormat, rateLimited: isRateLimited(endpoint))
    }

    /// A rate-limited API (the design answers 429) tells every caller where it stands, on successes and client errors.
    private static func isRateLimited(_ endpoint: Endpoint) -> Bool { endpoint.responses.contains { $0.error == .rateLimited } }

    /// The reference to `response`'s component, made on first use (with the error schema in `schemas`); nil when it
    /// is not an error response.
    mutating func reference(_ response: Endpoint.Response, of endpoint: Endpoint,
                            schemas: inout OpenAPISchemas) -> DocumentNode? {
        guard let key = Self.key(response, of: endpoint), let name = names[key] else { return nil }
        if let reference = made[name] { return reference }
        let type = key.format == .problemDetails ? "application/problem+json" : "application/json"
        let example = Self.errorExample(key.kind, status: response.status, format: key.format)
        let content = DocumentNode.object([("schema", schemas.reference(.error(key.format)).node), ("example", .example(example))])
        components[name] = .object([
            ("description", .string(OpenAPIProse.safe(response.description))), ("headers", headers(response, of: endpoint)),
            ("content", .object([(type, content)])),
        ])
        let reference = DocumentNode.reference("responses", name)
        made[name] = reference
        return reference
    }

    /// The headers `response` sets, as references to their components (made on first use).
    mutating func headers(_ response: Endpoint.Response, of endpoint: Endpoint) -> DocumentNode? {
        var names = response.headers.map(\.rawValue)
        if Self.isRateLimited(endpoint), (200..<500).contains(response.status), response.status >= 400 || response.status < 300 {
            names += [Self.rateLimitLimit, Self.rateLimitRemaining]
        }
        guard !names.isEmpty else { return nil }
        let joined = names.joined(separator: "\n")
        if let map = headerMaps[joined] { return map }
        for name in names where headerComponents[name] == nil { headerComponents[name] = Self.header(name) }
        let map = DocumentNode.object(names.map { ($0, .reference("headers", $0)) })
        headerMaps[joined] = map
        return map
    }

    /// A problem (or envelope) of `kind`, as the server would send it.
    static func errorExample(_ kind: ErrorKind, status: Int, format: ErrorFormat) -> JSONValue {
        switch format {
        case .problemDetails:
            return .object([("type", .string(problemBase + kind.rawValue)), ("title", .string(kind.title)),
                            ("status", .number(String(status))), ("instance", .string("/problems/instances/0f8fad5b"))])
        case .envelope:
            return .object([("error", .object([("code", .string(kind.rawValue)), ("message", .string(kind.title))]))])
        }
    }

    private static let rateLimitLimit = "X-RateLimit-Limit", rateLimitRemaining = "X-RateLimit-Remaining"

    private static func header(_ name: String) -> DocumentNode {
        let schema: SchemaNode, description: String
        switch name {
        case ResponseHeader.location.rawValue:
            (schema, description) = (.string(format: "uri-reference", maxLength: 2048), "where the created resource is")
        case ResponseHeader.etag.rawValue:
            (schema, description) = (.string(maxLength: 128, pattern: OpenAPISchemas.singleLine),
                                     "the representation's version; send it as If-Match to change it")
        case ResponseHeader.retryAfter.rawValue:
            (schema, description) = (.integer(format: "int32", minimum: 0, maximum: 86_400), "seconds to wait before retrying")
        default:
            schema = .integer(format: "int32", minimum: 0, maximum: Int(Int32.max))
            description = name == rateLimitLimit ? "requests allowed in the current window" : "requests left in the current window"
        }
        return .object([("description", .string(description)), ("schema", schema.node)])
    }
}
