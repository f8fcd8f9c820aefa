/// A REST operation of the designed API.
public struct Endpoint: Hashable, Sendable {
    public var method: String
    /// e.g. `/v1/orders/{orderId}/items`.
    public var path: String
    public var operationId: String
    public var summary: String
    /// The entity (resource) it serves.
    public var resource: String
    /// The service that implements it.
    public var service: String
    public var parameters: [Parameter]
    /// Example request body (JSON text), when the method takes one.
    public var requestExample: String?
    /// Status code → meaning, e.g. 201 "created", 404 "order not found". The first is the success code.
    public var responses: [Response]
    /// Example response body (JSON text) of the success response.
    public var responseExample: String?
    /// Who may call it: "bearer token, scope orders:write; owner or admin".
    public var authorization: String
    public var requiresIdempotencyKey: Bool
    public var paginated: Bool
    public var trace: Trace

    public init(method: String, path: String, operationId: String, summary: String, resource: String, service: String = "",
                parameters: [Parameter] = [], requestExample: String? = nil, responses: [Response] = [],
                responseExample: String? = nil, authorization: String = "", requiresIdempotencyKey: Bool = false,
                paginated: Bool = false, trace: Trace = Trace()) {
        self.method = method
        self.path = path
        self.operationId = operationId
        self.summary = summary
        self.resource = resource
        self.service = service
        self.parameters = parameters
        self.requestExample = requestExample
        self.responses = responses
        self.responseExample = responseExample
        self.authorization = authorization
        self.requiresIdempotencyKey = requiresIdempotencyKey
        self.paginated = paginated
        self.trace = trace
    }

    /// A parameter in the path, query or a header.
    public struct Parameter: Hashable, Sendable {
        public enum Location: String, Hashable, Sendable { case path, query, header }
        public var name: String
        public var location: Location
        public var type: FieldType
        public var required: Bool
        public var description: String

        public init(name: String, location: Location, type: FieldType = .string, required: Bool = false, description: String = "") {
            self.name = name
            self.location = location
            self.type = type
            self.required = required
            self.description = description
        }
    }

    /// One documented response.
    public struct Response: Hashable, Sendable {
        public var status: Int
        public var description: String

        public init(status: Int, description: String) {
            self.status = status
            self.description = description
        }
    }
}
