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
    /// How others talk to it, as values (an API, an event published or consumed, a protocol), so exporters
    /// never parse the sentences the TUI shows (`Interface.description`).
    public var interfaces: [Interface]
    /// Components it depends on, by name, with how (`sync`/`async`).
    public var dependencies: [Dependency]
    public var trace: Trace

    public init(name: String, kind: ComponentKind, responsibilities: [String] = [], ownedData: [String] = [],
                interfaces: [Interface] = [], dependencies: [Dependency] = [], trace: Trace = Trace()) {
        self.name = name
        self.kind = kind
        self.responsibilities = responsibilities
        self.ownedData = ownedData
        self.interfaces = interfaces
        self.dependencies = dependencies
        self.trace = trace
    }
}

/// One way a component is reached or talks to others.
public enum Interface: Hashable, Sendable, CustomStringConvertible {
    /// An API it exposes: `style` "REST", `address` "/v1/orders" (or "Order queries and mutations" for GraphQL).
    case api(style: String, address: String)
    /// An event it publishes, e.g. `order.created`.
    case publishes(event: String)
    /// An event it consumes, and the component that publishes it.
    case consumes(event: String, from: String)
    /// A service it calls.
    case calls(service: String)
    /// A protocol a piece of infrastructure speaks ("SQL", "Redis protocol"), or a rule's own wording.
    case speaks(String)

    /// The sentence the TUI and the text export show: "REST /v1/orders", "consumes order.created from Orders".
    public var description: String {
        switch self {
        case .api(let style, let address): return "\(style) \(address)"
        case .publishes(let event): return "publishes \(event)"
        case .consumes(let event, let from): return "consumes \(event) from \(from)"
        case .calls(let service): return "calls \(service)"
        case .speaks(let text): return text
        }
    }

    /// The event it publishes or consumes, if it is about one.
    public var event: String? {
        switch self {
        case .publishes(let event), .consumes(let event, _): return event
        default: return nil
        }
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
    /// For a sharded database: the shard key (`trips.id`, `tenant_id`); `replicas` is then the shard count.
    public var shardKey: String?
    public var trace: Trace

    public init(name: String, kind: ComponentKind, replicas: Int = 1, placement: String = "", notes: [String] = [],
                connectsTo: [String] = [], shardKey: String? = nil, trace: Trace = Trace()) {
        self.shardKey = shardKey
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

/// The keys of the capacity figures (`CapacityFigure.key`); the same names as the capacity facts rules read.
public enum CapacityKey {
    public static let averageLoad = "capacity.average_rps"
    public static let peakLoad = "capacity.peak_rps"
    public static let peakReadsWrites = "capacity.peak_reads_writes"
    public static let bandwidth = "capacity.bandwidth_peak"
    public static let recordWrites = "capacity.record_write_rps"
    public static let storageYear1 = "capacity.storage_year1"
    public static let storageTotal = "capacity.storage_total"
    public static let instances = "capacity.instances"
    public static let databaseConnections = "capacity.database_connections"
}

/// One derived figure with the arithmetic that produced it, so the user can check the reasoning.
public struct CapacityFigure: Hashable, Sendable {
    /// Stable name of the figure (`capacity.peak_rps`), for whoever needs one figure; the label is for people.
    public var key: String
    public var label: String
    public var value: String
    public var arithmetic: String
    /// The raw number behind `value`, for generators that size things from it.
    public var amount: Double?

    public init(key: String, label: String, value: String, arithmetic: String, amount: Double? = nil) {
        self.key = key
        self.label = label
        self.value = value
        self.arithmetic = arithmetic
        self.amount = amount
    }
}
