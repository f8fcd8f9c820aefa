/// A use case the user spelled out step by step ("Checkout": the shopper places an order, ordering charges the
/// card, …). The design draws each flow as a sequence diagram, before the ones it generates.
public struct Flow: Hashable, Sendable, Identifiable, Codable {
    public var id: FlowID
    public var name: String
    public var steps: [FlowStep]

    public init(id: FlowID = .unassigned, name: String, steps: [FlowStep] = []) {
        self.id = id
        self.name = name
        self.steps = steps
    }

    /// The step with this identity.
    public func step(_ id: FlowStepID) -> FlowStep? { steps.first { $0.id == id } }
}

/// One arrow of a flow: who asks whom to do what, synchronously or not, and what happens when it fails.
public struct FlowStep: Hashable, Sendable, Identifiable, Codable {
    public var id: FlowStepID
    public var from: FlowParticipant
    public var to: FlowParticipant
    /// What is asked or sent: `place the order`, `POST /v1/orders`, `order.placed`.
    public var action: String
    public var style: ServiceCall.Style
    /// What happens when the step fails (`card declined: 402, order stays pending`); nil when not said.
    public var failure: String?

    public init(id: FlowStepID = .unassigned, from: FlowParticipant, to: FlowParticipant, action: String,
                style: ServiceCall.Style = .sync, failure: String? = nil) {
        self.id = id
        self.from = from
        self.to = to
        self.action = action
        self.style = style
        self.failure = failure
    }

    /// Whether either end is `service`.
    public func involves(_ service: ServiceID) -> Bool { from.service == .id(service) || to.service == .id(service) }
}

/// Who takes part in a flow: a person or client, one of the services (or a bounded context, by name), or a system
/// outside the design.
public enum FlowParticipant: Hashable, Sendable, Codable {
    /// A person or a client program: `Shopper`, `Mobile app`.
    case actor(String)
    /// A defined service, or a bounded context / module by name when no service has that name.
    case service(Reference<Service>)
    /// A system outside the design: `Stripe`, `Mailgun`.
    case external(String)

    /// A service (or bounded context) called `name`, resolved to its identity by `Session`.
    public static func service(named name: String) -> FlowParticipant { .service(.named(name)) }

    /// The service reference, when the participant is one.
    public var service: Reference<Service>? {
        if case .service(let reference) = self { return reference }
        return nil
    }
}
