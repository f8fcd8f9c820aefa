/// The API as structured values: bodies as schemas, security as schemes and scopes, errors by kind. The API
/// generator fills them; exporters (OpenAPI) read them, so none parses the sentences the views show.

/// How a caller proves who it is; one per answered `api.auth` choice.
public enum SecurityScheme: String, Hashable, Sendable, CaseIterable {
    /// A bearer token from an OpenID Connect provider (OAuth 2.0).
    case oidc
    /// A key sent in the `X-API-Key` header.
    case apiKey
    /// A session cookie (writes also carry a CSRF token).
    case session
    /// A mutual TLS client certificate.
    case mutualTLS

    /// The header an API key travels in.
    public static let apiKeyHeader = "X-API-Key"
    /// The cookie a session travels in.
    public static let sessionCookie = "session"

    /// The scheme in the views' words.
    public var sentence: String {
        switch self {
        case .oidc: return "bearer token (OIDC)"
        case .apiKey: return "API key"
        case .session: return "session cookie (with CSRF token on writes)"
        case .mutualTLS: return "mutual TLS client certificate"
        }
    }

    /// Whether a requirement on this scheme can name OAuth scopes (OpenAPI allows them on OAuth/OIDC only in
    /// spirit; other schemes get roles, which we do not model).
    public var takesScopes: Bool { self == .oidc }
}

/// One way to be allowed to call an operation: a scheme and the scopes it must carry.
public struct SecurityRequirement: Hashable, Sendable {
    public var scheme: SecurityScheme
    /// e.g. `orders:write`; empty when the scheme has no scopes.
    public var scopes: [String]

    public init(scheme: SecurityScheme, scopes: [String] = []) {
        self.scheme = scheme
        self.scopes = scopes
    }
}

/// The error body format answered for `api.error_format`.
public enum ErrorFormat: String, Hashable, Sendable {
    /// RFC 9457 problem details, `application/problem+json`.
    case problemDetails
    /// A custom JSON envelope `{"error": {"code", "message"}}`, `application/json`.
    case envelope
}

/// Why an operation failed: the kind an error response stands for, with a stable slug for problem types.
public enum ErrorKind: String, Hashable, Sendable, CaseIterable {
    case malformedRequest = "malformed-request"
    case unauthenticated
    case forbidden
    case notFound = "not-found"
    case conflict
    case preconditionFailed = "precondition-failed"
    case validationFailed = "validation-failed"
    case preconditionRequired = "precondition-required"
    case rateLimited = "rate-limited"
    case internalError = "internal-error"

    /// The kind a status code stands for.
    public init(status: Int) {
        switch status {
        case 400: self = .malformedRequest
        case 401: self = .unauthenticated
        case 403: self = .forbidden
        case 404: self = .notFound
        case 409: self = .conflict
        case 412: self = .preconditionFailed
        case 422: self = .validationFailed
        case 428: self = .preconditionRequired
        case 429: self = .rateLimited
        default: self = .internalError
        }
    }

    /// The status phrase, used as the problem's title.
    public var title: String {
        switch self {
        case .malformedRequest: return "Bad Request"
        case .unauthenticated: return "Unauthorized"
        case .forbidden: return "Forbidden"
        case .notFound: return "Not Found"
        case .conflict: return "Conflict"
        case .preconditionFailed: return "Precondition Failed"
        case .validationFailed: return "Unprocessable Content"
        case .preconditionRequired: return "Precondition Required"
        case .rateLimited: return "Too Many Requests"
        case .internalError: return "Internal Server Error"
        }
    }
}

/// A response header the API documents.
public enum ResponseHeader: String, Hashable, Sendable {
    /// Where a created resource lives.
    case location = "Location"
    /// The version of the representation, for `If-Match` on the next write.
    case etag = "ETag"
    /// Seconds to wait before retrying (rate limiting).
    case retryAfter = "Retry-After"
}

/// The JSON shape of one resource as the API shows it: its properties with their types and limits.
/// Shared by every endpoint of the resource (one array, copied by reference).
public struct ResourceSchema: Hashable, Sendable {
    /// The entity it shows (its name in the model, as the user wrote it).
    public var entity: String
    public var description: String
    public var properties: [Property]

    public init(entity: String, description: String = "", properties: [Property]) {
        self.entity = entity
        self.description = description
        self.properties = properties
    }

    /// One JSON member of the resource.
    public struct Property: Hashable, Sendable {
        /// The JSON key, camelCase (`orderId`).
        public var key: String
        public var type: FieldType
        /// Present in every representation (and in every create body, unless read-only).
        public var required: Bool
        /// Set by the server: never sent in a create or a patch.
        public var readOnly: Bool
        /// Characters, for bounded strings.
        public var maxLength: Int?
        /// The allowed values of an enumeration.
        public var enumValues: [String]
        public var description: String

        public init(key: String, type: FieldType, required: Bool = false, readOnly: Bool = false, maxLength: Int? = nil,
                    enumValues: [String] = [], description: String = "") {
            self.key = key
            self.type = type
            self.required = required
            self.readOnly = readOnly
            self.maxLength = maxLength
            self.enumValues = enumValues
            self.description = description
        }
    }

    /// The properties a client may send.
    public var writable: [Property] { properties.filter { !$0.readOnly } }
}

/// The pagination style of list responses, as answered for `api.pagination`.
public enum Pagination: String, Hashable, Sendable {
    /// `limit` and `cursor`; the page says `nextCursor`.
    case cursor
    /// `limit` and `offset`; the page says `total`.
    case offset
    /// The whole list in one response.
    case none

    /// The most items a page holds (also the `limit` parameter's maximum).
    public static let maxLimit = 100
    /// The items a page holds when no `limit` is given.
    public static let defaultLimit = 20
}

/// What a request or a response body is.
public enum BodySchema: Hashable, Sendable {
    /// One resource as the API returns it.
    case resource(ResourceSchema)
    /// A page of resources: `{"data": [...], "page": {...}}`.
    case page(ResourceSchema, Pagination)
    /// A create body: the writable properties, except those the path carries (`omitting`, JSON keys).
    case create(ResourceSchema, omitting: [String])
    /// A JSON Merge Patch (RFC 7396) of the resource: every writable property, none required.
    case mergePatch(ResourceSchema)
    /// A batch of creates of a stream's records: `{"items": [...]}`, 1 to `maxBatchItems` create bodies.
    case batch(ResourceSchema, omitting: [String])
    /// The answer to an accepted batch: `{"accepted": n}`, the records taken for processing.
    case batchAccepted
    /// An error in the answered format.
    case error(ErrorFormat)

    /// The most records one batch holds: large enough to amortise a request, small enough to validate in memory.
    public static let maxBatchItems = 1000

    /// The resource it shows or takes, if any.
    public var resource: ResourceSchema? {
        switch self {
        case .resource(let schema), .page(let schema, _), .create(let schema, _), .mergePatch(let schema), .batch(let schema, _): return schema
        case .error, .batchAccepted: return nil
        }
    }
}

/// A body with its example, which conforms to the schema.
public struct Body: Hashable, Sendable {
    public var schema: BodySchema
    public var example: JSONValue

    public init(schema: BodySchema, example: JSONValue) {
        self.schema = schema
        self.example = example
    }
}
