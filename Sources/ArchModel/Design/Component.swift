/// What kind of building block a component is.
public enum ComponentKind: String, Hashable, Sendable, CaseIterable {
    case service, gateway, loadBalancer = "load-balancer", cache, broker, cdn, database, replica, search
    case objectStorage = "object-storage", worker, identityProvider = "identity-provider", observability, external
}

/// A building block of the architecture: a service or a piece of infrastructure.
public struct Component: Hashable, Sendable {
    public var name: String
    public var kind: ComponentKind
    public var responsibilities: [String]
    /// Entities (for services) or data (for stores) it owns.
    public var ownedData: [String]
    /// How others talk to it: "REST /v1/orders", "consumes order.placed", "Redis protocol".
    public var interfaces: [String]
    /// Components it depends on, by name, with how (`sync`/`async`).
    public var dependencies: [Dependency]
    public var trace: Trace

    public init(name: String, kind: ComponentKind, responsibilities: [String] = [], ownedData: [String] = [],
                interfaces: [String] = [], dependencies: [Dependency] = [], trace: Trace = Trace()) {
        self.name = name
        self.kind = kind
        self.responsibilities = responsibilities
        self.ownedData = ownedData
        self.interfaces = interfaces
        self.dependencies = dependencies
        self.trace = trace
    }
}

/// One component depending on another.
public struct Dependency: Hashable, Sendable {
    public var target: String
    public var style: ServiceCall.Style
    public var purpose: String

    public init(target: String, style: ServiceCall.Style, purpose: String = "") {
        self.target = target
        self.style = style
        self.purpose = purpose
    }
}

/// A node of the deployment: what runs where, how many.
public struct DeploymentNode: Hashable, Sendable {
    public var name: String
    public var kind: ComponentKind
    /// Instances (or replicas) to run at peak.
    public var replicas: Int
    /// Where: "eu-central-1a, eu-central-1b" or "2 regions".
    public var placement: String
    /// Sizing and other notes, with the arithmetic where there is some.
    public var notes: [String]
    /// Nodes it connects to, by name.
    public var connectsTo: [String]
    public var trace: Trace

    public init(name: String, kind: ComponentKind, replicas: Int = 1, placement: String = "", notes: [String] = [],
                connectsTo: [String] = [], trace: Trace = Trace()) {
        self.name = name
        self.kind = kind
        self.replicas = replicas
        self.placement = placement
        self.notes = notes
        self.connectsTo = connectsTo
        self.trace = trace
    }
}

/// A security measure, tied to the OWASP API Security Top 10 items it addresses.
public struct SecurityNote: Hashable, Sendable {
    public var topic: String
    public var text: String
    /// e.g. `API1:2023 Broken Object Level Authorization`.
    public var owasp: [String]
    public var trace: Trace

    public init(topic: String, text: String, owasp: [String] = [], trace: Trace = Trace()) {
        self.topic = topic
        self.text = text
        self.owasp = owasp
        self.trace = trace
    }
}

/// One derived figure with the arithmetic that produced it, so the user can check the reasoning.
public struct CapacityFigure: Hashable, Sendable {
    public var label: String
    public var value: String
    public var arithmetic: String
    /// The raw number behind `value`, for generators that size things from it.
    public var amount: Double?

    public init(label: String, value: String, arithmetic: String, amount: Double? = nil) {
        self.label = label
        self.value = value
        self.arithmetic = arithmetic
        self.amount = amount
    }
}
