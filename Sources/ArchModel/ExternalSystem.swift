import Foundation

/// A system outside the design that it has to live with: a system of record, a payment or identity provider,
/// a legacy database, a SaaS API, a file exchange, a partner or a fleet of devices calling in. The answer to
/// "Existing systems and integrations" (`requirements.integrations`); the design makes each one an external
/// component behind an adapter, and its limits decide how it is called.
public struct ExternalSystem: Hashable, Sendable, Identifiable, Codable {
    public enum Kind: String, Hashable, Sendable, CaseIterable, Codable {
        case systemOfRecord = "system-of-record"
        case paymentProvider = "payment-provider"
        case identityProvider = "identity-provider"
        case legacyDatabase = "legacy-database"
        case saasAPI = "saas-api"
        case fileExchange = "file-exchange"
        /// Another organisation's system calling in or called.
        case partner
        /// Devices (sensors, vehicles, terminals) calling in.
        case device
        case other
    }

    /// How it is spoken to (the session file's `protocol`).
    public enum Transport: String, Hashable, Sendable, CaseIterable, Codable {
        case rest, soap, grpc, graphql, file, database, messaging, other
    }

    /// Who starts the conversation.
    public enum Direction: String, Hashable, Sendable, CaseIterable, Codable {
        /// The design calls the system.
        case outbound
        /// The system calls the design (a partner, devices, webhooks).
        case inbound
        case both

        public var callsOut: Bool { self != .inbound }
        public var callsIn: Bool { self != .outbound }
    }

    /// What happens to the system.
    public enum Plan: String, Hashable, Sendable, CaseIterable, Codable {
        /// It stays; the design integrates with it.
        case keep
        /// The design replaces it in one cut-over, after its data is migrated.
        case replace
        /// The design takes it over slice by slice behind a routing facade (the strangler fig).
        case strangle
    }

    public var id: SystemID
    public var name: String
    public var kind: Kind
    public var transport: Transport
    public var direction: Direction
    /// What it is used for ("card payments", "stock levels"); free text.
    public var purpose: String
    /// Requests per second it accepts from the design; nil when unlimited or unknown.
    public var rateLimit: Int?
    /// Its typical (p99) response time in milliseconds; nil when unknown.
    public var latencyMs: Int?
    /// Its availability in per cent (99.5); nil when unknown.
    public var availability: Double?
    /// The entities it is the system of record for: the design holds read models of them.
    public var owns: [Reference<Entity>]
    public var plan: Plan

    public init(id: SystemID = .unassigned, name: String, kind: Kind = .other, transport: Transport = .rest,
                direction: Direction = .outbound, purpose: String = "", rateLimit: Int? = nil, latencyMs: Int? = nil,
                availability: Double? = nil, owns: [Reference<Entity>] = [], plan: Plan = .keep) {
        self.id = id
        self.name = name
        self.kind = kind
        self.transport = transport
        self.direction = direction
        self.purpose = purpose
        self.rateLimit = rateLimit
        self.latencyMs = latencyMs
        self.availability = availability
        self.owns = owns
        self.plan = plan
    }

    /// Calls into it should not wait in a request: it is rate-limited, slow (p99 of a second or more) or often down
    /// (below 99.9 %).
    public var needsQueue: Bool {
        guard direction.callsOut, kind != .fileExchange, kind != .identityProvider else { return false }
        return rateLimit != nil || (latencyMs ?? 0) >= 1000 || (availability.map { $0 < 99.9 } ?? false)
    }

    /// Something other than people calls in with it: a partner's system or devices.
    public var isMachineCaller: Bool { direction.callsIn && (kind == .partner || kind == .device) }

    public static let maximumRateLimit = 1_000_000
    public static let maximumLatencyMs = 3_600_000
}

extension ExternalSystem {
    /// One system per line of free text (`inferred(from:)`); a line whose name is taken keeps its whole text as the
    /// name, and lines that make no valid name are left out.
    public static func systems(fromLines lines: [String]) -> [ExternalSystem] {
        var taken = Set<NameKey>(), systems: [ExternalSystem] = []
        for line in lines {
            var system = inferred(from: line)
            if taken.contains(NameKey(system.name)) {
                system.name = line.trimmingCharacters(in: .whitespaces)
                system.purpose = ""
            }
            guard ModelName.problem(system.name) == nil, taken.insert(NameKey(system.name)).inserted else { continue }
            systems.append(system)
        }
        return systems
    }

    /// A system read from a line of free text, as earlier sessions and quick typing give it:
    /// `Stripe (payments)`, `Legacy WMS (SOAP, stock levels)`, `Nightly SFTP drop from the bank`.
    /// The name is the text before a parenthesis, the purpose what is inside it; kind and protocol are guessed
    /// from well-known words and stay editable.
    public static func inferred(from text: String) -> ExternalSystem {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var name = trimmed, purpose = ""
        if let open = trimmed.firstIndex(of: "("), open > trimmed.startIndex {
            name = String(trimmed[..<open]).trimmingCharacters(in: .whitespaces)
            purpose = String(trimmed[trimmed.index(after: open)...]).trimmingCharacters(in: CharacterSet(charactersIn: ") "))
        }
        if NameKey(name).raw.isEmpty { name = trimmed }
        let words = Set(trimmed.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init))
        func has(_ candidates: [String]) -> Bool { !words.isDisjoint(with: candidates) }
        var system = ExternalSystem(name: name, purpose: purpose)
        if has(["stripe", "adyen", "paypal", "braintree", "payments", "payment", "acquiring", "billing", "payouts", "psp", "klarna", "mollie"]) {
            system.kind = .paymentProvider
        } else if has(["okta", "auth0", "keycloak", "cognito", "entra", "sso", "oidc", "saml", "ldap", "identity"]) {
            system.kind = .identityProvider
        } else if has(["sftp", "ftp", "csv", "nightly", "file", "files", "drop", "batch"]) {
            system.kind = .fileExchange
        } else if has(["erp", "sap", "wms", "crm", "mainframe", "record", "legacy", "oracle", "fhir", "hl7", "rights"]) {
            system.kind = .systemOfRecord
        } else if has(["partner", "partners", "marketplace"]) {
            system.kind = .partner
        } else if has(["device", "devices", "sensor", "sensors", "vehicle", "vehicles", "telematics", "iot"]) {
            system.kind = .device
        } else if !words.isEmpty {
            system.kind = .saasAPI
        }
        if has(["soap", "wsdl"]) { system.transport = .soap }
        else if has(["grpc"]) { system.transport = .grpc }
        else if has(["graphql"]) { system.transport = .graphql }
        else if system.kind == .fileExchange { system.transport = .file }
        else if has(["database", "db", "jdbc"]) { system.transport = .database }
        else if has(["mqtt", "amqp", "kafka"]) { system.transport = .messaging }
        if system.kind == .device || system.kind == .partner { system.direction = .inbound }
        if system.kind == .fileExchange { system.direction = .inbound }
        return system
    }
}

extension ExternalSystem.Kind {
    /// `Payment provider`: how the design names it.
    public var label: String {
        switch self {
        case .systemOfRecord: "System of record"
        case .paymentProvider: "Payment provider"
        case .identityProvider: "Identity provider"
        case .legacyDatabase: "Legacy database"
        case .saasAPI: "SaaS API"
        case .fileExchange: "File exchange"
        case .partner: "Partner system"
        case .device: "Devices"
        case .other: "External system"
        }
    }
}

extension ExternalSystem.Transport {
    public var label: String {
        switch self {
        case .rest: "REST"
        case .soap: "SOAP"
        case .grpc: "gRPC"
        case .graphql: "GraphQL"
        case .file: "file exchange (SFTP)"
        case .database: "database link"
        case .messaging: "messaging"
        case .other: "its own protocol"
        }
    }
}

