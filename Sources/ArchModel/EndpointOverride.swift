/// What the user changed in the generated API: one generated endpoint hidden or edited, or one endpoint added.
/// Overrides are applied after the API is generated, so they survive every re-derivation; a change that targets an
/// endpoint the design no longer makes is kept (and reported), never dropped.
public struct EndpointOverride: Hashable, Sendable, Identifiable, Codable {
    public var id: OverrideID
    public var kind: Kind

    public enum Kind: Hashable, Sendable, Codable {
        /// Changes the generated endpoint with this key.
        case change(EndpointKey, EndpointChanges)
        /// An endpoint the generator does not make.
        case custom(CustomEndpoint)
    }

    public init(id: OverrideID = .unassigned, _ kind: Kind) {
        self.id = id
        self.kind = kind
    }

    /// A change to the generated endpoint `target`.
    public init(id: OverrideID = .unassigned, target: EndpointKey, _ changes: EndpointChanges) {
        self.init(id: id, .change(target, changes))
    }

    /// A custom endpoint.
    public init(id: OverrideID = .unassigned, custom: CustomEndpoint) {
        self.init(id: id, .custom(custom))
    }

    /// The generated endpoint it changes; nil for a custom endpoint.
    public var target: EndpointKey? {
        if case .change(let key, _) = kind { return key }
        return nil
    }

    /// Every entity it refers to: the target's entity and parent, or the custom endpoint's request and response.
    public var entityReferences: [Reference<Entity>] {
        switch kind {
        case .change(let key, _): return [key.entity] + (key.parent.map { [$0] } ?? [])
        case .custom(let custom): return [custom.request, custom.response].compactMap { $0 }
        }
    }

    /// The override with every entity reference passed through `transform`.
    public func mappingEntities(_ transform: (Reference<Entity>) -> Reference<Entity>) -> EndpointOverride {
        var copy = self
        switch kind {
        case .change(var key, let changes):
            key.entity = transform(key.entity)
            key.parent = key.parent.map(transform)
            copy.kind = .change(key, changes)
        case .custom(var custom):
            custom.request = custom.request.map(transform)
            custom.response = custom.response.map(transform)
            copy.kind = .custom(custom)
        }
        return copy
    }
}

/// The identity of a generated endpoint: the entity it serves, the operation, and the owner a nested collection
/// sits under. Not a position nor a path, so it survives re-derivation, renames and path changes.
public struct EndpointKey: Hashable, Sendable, Codable {
    public enum Operation: String, Hashable, Sendable, CaseIterable, Codable {
        case list, create, get, update, delete
        /// A state-transition action (`POST /appointments/{id}/cancel`); `action` names the state it moves to.
        case transition
    }

    public var entity: Reference<Entity>
    public var operation: Operation
    /// The owning entity of a nested route (`/orders/{orderId}/items`, `/users/{userId}/profile`); nil for flat routes.
    public var parent: Reference<Entity>?
    /// For a transition: the status value it moves to (`cancelled`); nil for the other operations.
    public var action: String?

    public init(entity: Reference<Entity>, operation: Operation, parent: Reference<Entity>? = nil, action: String? = nil) {
        self.entity = entity
        self.operation = operation
        self.parent = parent
        self.action = action
    }
}

/// The HTTP methods an endpoint can be given.
public enum HTTPMethod: String, Hashable, Sendable, CaseIterable, Codable {
    case get = "GET", post = "POST", put = "PUT", patch = "PATCH", delete = "DELETE"
}

/// What a change does to a generated endpoint; nil leaves the generated value.
public struct EndpointChanges: Hashable, Sendable, Codable {
    /// The endpoint is left out of the design.
    public var hidden: Bool
    public var method: HTTPMethod?
    public var path: String?
    public var summary: String?
    /// Who may call it, in the user's words.
    public var authorization: String?

    public init(hidden: Bool = false, method: HTTPMethod? = nil, path: String? = nil, summary: String? = nil,
                authorization: String? = nil) {
        self.hidden = hidden
        self.method = method
        self.path = path
        self.summary = summary
        self.authorization = authorization
    }

    /// Hides the endpoint.
    public static let hide = EndpointChanges(hidden: true)

    /// Whether it changes nothing.
    public var isEmpty: Bool { !hidden && method == nil && path == nil && summary == nil && authorization == nil }
}

/// An endpoint the user added: its route, and the entities it takes and returns (examples come from them).
public struct CustomEndpoint: Hashable, Sendable, Codable {
    public var method: HTTPMethod
    /// e.g. `/v1/orders/{orderId}/cancel`; `{…}` segments become path parameters.
    public var path: String
    public var summary: String
    public var request: Reference<Entity>?
    public var response: Reference<Entity>?
    /// Who may call it; nil takes the authorisation of the response (or request) entity's generated routes.
    public var authorization: String?

    public init(method: HTTPMethod, path: String, summary: String = "", request: Reference<Entity>? = nil,
                response: Reference<Entity>? = nil, authorization: String? = nil) {
        self.method = method
        self.path = path
        self.summary = summary
        self.request = request
        self.response = response
        self.authorization = authorization
    }
}
