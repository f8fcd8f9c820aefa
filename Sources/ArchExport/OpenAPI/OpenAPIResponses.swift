import ArchModel
import OpenAPIKit

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
    private var made: Set<Key> = []
    private(set) var components: OrderedDictionary<OpenAPI.ComponentKey, OpenAPI.Response> = [:]
    private(set) var headerComponents: OrderedDictionary<OpenAPI.ComponentKey, OpenAPI.Header> = [:]
    /// The headers of responses already made, by their names joined: a component key checks its characters with a
    /// `CharacterSet` each time it is made, which cost a large API a tenth of a second.
    private var headerMaps: [String: OpenAPI.Header.Map] = [:]

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
                            schemas: inout OpenAPISchemas) -> OpenAPI.Reference<OpenAPI.Response>? {
        guard let key = Self.key(response, of: endpoint), let name = names[key] else { return nil }
        if !made.contains(key) {
            made.insert(key)
            let componentKey = OpenAPI.ComponentKey(rawValue: name)!
            let type: OpenAPI.ContentType = key.format == .problemDetails ? OpenAPI.ContentType(rawValue: "application/problem+json")! : .json
            let example = Self.errorExample(key.kind, status: response.status, format: key.format)
            components[componentKey] = OpenAPI.Response(
                description: OpenAPIProse.safe(response.description), headers: headers(response, of: endpoint),
                content: [type: .b(OpenAPI.Content(schema: schemas.reference(.error(key.format)),
                                                   example: ExampleJSON.any(example)))])
        }
        return .component(named: name)
    }

    /// The headers `response` sets, as references to their components (made on first use).
    mutating func headers(_ response: Endpoint.Response, of endpoint: Endpoint) -> OpenAPI.Header.Map? {
        var names = response.headers.map(\.rawValue)
        if Self.isRateLimited(endpoint), (200..<500).contains(response.status), response.status >= 400 || response.status < 300 {
            names += [Self.rateLimitLimit, Self.rateLimitRemaining]
        }
        guard !names.isEmpty else { return nil }
        let joined = names.joined(separator: "\n")
        if let map = headerMaps[joined] { return map }
        var map: OpenAPI.Header.Map = [:]
        for name in names {
            let key = OpenAPI.ComponentKey(rawValue: name)!
            if headerComponents[key] == nil { headerComponents[key] = Self.header(name) }
            map[name] = .a(.component(named: name))
        }
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

    private static func header(_ name: String) -> OpenAPI.Header {
        switch name {
        case ResponseHeader.location.rawValue:
            return OpenAPI.Header(schema: .string(format: .uriReference, maxLength: 2048), description: "where the created resource is")
        case ResponseHeader.etag.rawValue:
            return OpenAPI.Header(schema: .string(maxLength: 128, pattern: OpenAPISchemas.singleLine), description: "the representation's version; send it as If-Match to change it")
        case ResponseHeader.retryAfter.rawValue:
            return OpenAPI.Header(schema: .integer(format: .int32, maximum: (86_400, exclusive: false), minimum: (0, exclusive: false)), description: "seconds to wait before retrying")
        default:
            let count = JSONSchema.integer(format: .int32, maximum: (Int(Int32.max), exclusive: false), minimum: (0, exclusive: false))
            return OpenAPI.Header(schema: count, description: name == rateLimitLimit ? "requests allowed in the current window" : "requests left in the current window")
        }
    }
}
