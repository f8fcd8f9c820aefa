/// A REST operation of the designed API.
///
/// The fields live in one immutable box, so copying an endpoint is one reference count: designs hold thousands
/// and every check walks them. Setting a field makes a new box (value semantics as usual).
public struct Endpoint: Hashable, Sendable, CustomReflectable {
    private var box: Box

    /// Stays the same across derivations and renames, so a view can keep its selection on the endpoint.
    public var id: EndpointID {
        get { box.fields.id }
        set { var fields = box.fields; fields.id = newValue; box = Box(fields) }
    }
    /// Whether the generator made it as it is, the user changed it, or the user added it.
    public var origin: Origin {
        get { box.fields.origin }
        set { var fields = box.fields; fields.origin = newValue; box = Box(fields) }
    }
    public var method: String {
        get { box.fields.method }
        set { var fields = box.fields; fields.method = newValue; box = Box(fields) }
    }
    /// e.g. `/v1/orders/{orderId}/items`.
    public var path: String {
        get { box.fields.path }
        set { var fields = box.fields; fields.path = newValue; box = Box(fields) }
    }
    public var operationId: String {
        get { box.fields.operationId }
        set { var fields = box.fields; fields.operationId = newValue; box = Box(fields) }
    }
    public var summary: String {
        get { box.fields.summary }
        set { var fields = box.fields; fields.summary = newValue; box = Box(fields) }
    }
    /// The entity (resource) it serves.
    public var resource: String {
        get { box.fields.resource }
        set { var fields = box.fields; fields.resource = newValue; box = Box(fields) }
    }
    /// The service that implements it.
    public var service: String {
        get { box.fields.service }
        set { var fields = box.fields; fields.service = newValue; box = Box(fields) }
    }
    public var parameters: [Parameter] {
        get { box.fields.parameters }
        set { var fields = box.fields; fields.parameters = newValue; box = Box(fields) }
    }
    /// Example request body (JSON text), when the method takes one.
    public var requestExample: String? {
        get { box.fields.requestExample }
        set { var fields = box.fields; fields.requestExample = newValue; box = Box(fields) }
    }
    /// Status code → meaning, e.g. 201 "created", 404 "order not found". The first is the success code.
    public var responses: [Response] {
        get { box.fields.responses }
        set { var fields = box.fields; fields.responses = newValue; box = Box(fields) }
    }
    /// Example response body (JSON text) of the success response.
    public var responseExample: String? {
        get { box.fields.responseExample }
        set { var fields = box.fields; fields.responseExample = newValue; box = Box(fields) }
    }
    /// Who may call it: "bearer token, scope orders:write; owner or admin".
    public var authorization: String {
        get { box.fields.authorization }
        set { var fields = box.fields; fields.authorization = newValue; box = Box(fields) }
    }
    public var requiresIdempotencyKey: Bool {
        get { box.fields.requiresIdempotencyKey }
        set { var fields = box.fields; fields.requiresIdempotencyKey = newValue; box = Box(fields) }
    }
    public var paginated: Bool {
        get { box.fields.paginated }
        set { var fields = box.fields; fields.paginated = newValue; box = Box(fields) }
    }
    /// The ways a caller may be allowed in, any one sufficing; empty for a public operation.
    public var security: [SecurityRequirement] {
        get { box.fields.security }
        set { var fields = box.fields; fields.security = newValue; box = Box(fields) }
    }
    /// The request body's schema and example, when the method takes one.
    public var requestBody: Body? {
        get { box.fields.requestBody }
        set { var fields = box.fields; fields.requestBody = newValue; box = Box(fields) }
    }
    /// The success response's body schema and example; nil for none (204) or an unknown shape.
    public var responseBody: Body? {
        get { box.fields.responseBody }
        set { var fields = box.fields; fields.responseBody = newValue; box = Box(fields) }
    }
    /// The format of every error response's body.
    public var errorFormat: ErrorFormat {
        get { box.fields.errorFormat }
        set { var fields = box.fields; fields.errorFormat = newValue; box = Box(fields) }
    }
    public var trace: Trace {
        get { box.fields.trace }
        set { var fields = box.fields; fields.trace = newValue; box = Box(fields) }
    }

    public init(method: String, path: String, operationId: String, summary: String, resource: String, service: String = "",
                parameters: [Parameter] = [], requestExample: String? = nil, responses: [Response] = [],
                responseExample: String? = nil, authorization: String = "", requiresIdempotencyKey: Bool = false,
                paginated: Bool = false, security: [SecurityRequirement] = [], requestBody: Body? = nil,
                responseBody: Body? = nil, errorFormat: ErrorFormat = .problemDetails,
                trace: Trace = Trace(), id: EndpointID? = nil, origin: Origin = .generated) {
        box = Box(Fields(id: id ?? .other(operationId), origin: origin, method: method, path: path, operationId: operationId, summary: summary, resource: resource, service: service,
                         parameters: parameters, requestExample: requestExample, responses: responses,
                         responseExample: responseExample, authorization: authorization,
                         requiresIdempotencyKey: requiresIdempotencyKey, paginated: paginated, security: security,
                         requestBody: requestBody, responseBody: responseBody, errorFormat: errorFormat, trace: trace))
    }

    public static func == (lhs: Endpoint, rhs: Endpoint) -> Bool { lhs.box === rhs.box || lhs.box.fields == rhs.box.fields }
    /// Shows the fields, not the box, in test failures and dumps.
    public var customMirror: Mirror { Mirror(reflecting: box.fields) }
    public func hash(into hasher: inout Hasher) { hasher.combine(box.fields) }

    private struct Fields: Hashable, Sendable {
        var id: EndpointID
        var origin: Origin
        var method: String
        var path: String
        var operationId: String
        var summary: String
        var resource: String
        var service: String
        var parameters: [Parameter]
        var requestExample: String?
        var responses: [Response]
        var responseExample: String?
        var authorization: String
        var requiresIdempotencyKey: Bool
        var paginated: Bool
        var security: [SecurityRequirement]
        var requestBody: Body?
        var responseBody: Body?
        var errorFormat: ErrorFormat
        var trace: Trace
    }

    private final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    /// Where an endpoint comes from; the overridden and custom ones name the override that made them.
    public enum Origin: Hashable, Sendable {
        case generated
        case overridden(OverrideID)
        case custom(OverrideID)

        /// The override behind it, if any.
        public var override: OverrideID? {
            switch self {
            case .generated: return nil
            case .overridden(let id), .custom(let id): return id
            }
        }
    }

    /// A parameter in the path, query or a header.
    public struct Parameter: Hashable, Sendable {
        public enum Location: String, Hashable, Sendable { case path, query, header }
        public var name: String
        public var location: Location
        public var type: FieldType
        public var required: Bool
        public var description: String
        /// The allowed values of an enumeration.
        public var enumValues: [String]
        /// Bounds and default of an integer (page size, offset).
        public var minimum: Int?
        public var maximum: Int?
        public var defaultValue: Int?

        public init(name: String, location: Location, type: FieldType = .string, required: Bool = false, description: String = "",
                    enumValues: [String] = [], minimum: Int? = nil, maximum: Int? = nil, defaultValue: Int? = nil) {
            self.name = name
            self.location = location
            self.type = type
            self.required = required
            self.description = description
            self.enumValues = enumValues
            self.minimum = minimum
            self.maximum = maximum
            self.defaultValue = defaultValue
        }
    }

    /// One documented response.
    public struct Response: Hashable, Sendable {
        public var status: Int
        public var description: String
        /// What went wrong, for an error response (its body is the endpoint's `errorFormat`).
        public var error: ErrorKind?
        /// The headers it sets (`Location` on a create, `ETag` on a versioned read).
        public var headers: [ResponseHeader]

        public init(status: Int, description: String, error: ErrorKind? = nil, headers: [ResponseHeader] = []) {
            self.status = status
            self.description = description
            self.error = error
            self.headers = headers
        }
    }
}

/// The stable identity of an endpoint of the design.
public enum EndpointID: Hashable, Sendable {
    /// Made by the API generator (and possibly changed by an override since).
    case generated(EndpointKey)
    /// Added by the user: the override that adds it.
    case custom(OverrideID)
    /// Made by hand outside the generator (tests), by operation id.
    case other(String)

    /// The generated endpoint's key, if it is one.
    public var key: EndpointKey? {
        if case .generated(let key) = self { return key }
        return nil
    }
}
