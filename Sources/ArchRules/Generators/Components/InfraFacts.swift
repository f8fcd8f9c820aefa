import ArchModel

/// What the infrastructure generators read from a session and the decisions, in one place:
/// a decision wins over the raw answer, so rule packs can override what the user picked.
struct InfraFacts: Sendable {
    /// How the code is cut into deployables.
    enum Style: String, Sendable { case monolith, modularMonolith = "modular-monolith", microservices, serverless }
    /// How services talk to each other.
    enum Communication: String, Sendable { case sync, async, mixed }

    let session: Session
    let decisions: [Decision]
    /// What the session's references are called.
    let names: ModelNames

    init(session: Session, decisions: [Decision]) {
        self.session = session
        self.decisions = decisions
        names = session.names
    }

    /// The choice of the decision on `topic`, if the engine took one.
    func choice(_ topic: String) -> String? { decisions.first { $0.topic == topic }?.choice }

    /// The selected values of an answer (empty when unanswered).
    func values(_ id: String) -> [String] { session[id]?.values ?? [] }

    /// The single value of a choice answer.
    func answer(_ id: String) -> String? { values(id).first }

    func number(_ id: String) -> Double? { session[id]?.number }

    var style: Style {
        if let choice = choice("architecture.style"), let style = Style(rawValue: choice) { return style }
        switch answer("services.deployment_style") {
        case "microservices": return .microservices
        case "serverless": return .serverless
        case "modular_monolith": return .modularMonolith
        default: return .monolith
        }
    }

    /// The API style as decided or answered (REST when neither).
    var apiStyle: String { choice("api.style") ?? answer("api.style") ?? "rest" }

    /// `/v1` when versions go in the URL (the default), else nothing.
    var versionPrefix: String { (choice("api.versioning") ?? answer("api.versioning") ?? "url") == "url" ? "/v1" : "" }

    /// How callers reach an aggregate root, in the API style: `REST /v1/orders`, `GraphQL Order`, `gRPC OrderService`.
    func interface(of entity: String) -> Interface {
        switch apiStyle {
        case "graphql": return .api(style: "GraphQL", address: "\(Naming.pascalCase(entity)) queries and mutations")
        case "grpc": return .api(style: "gRPC", address: "\(Naming.pascalCase(entity))Service")
        default: return .api(style: "REST", address: InfraNaming.collectionPath(entity, prefix: versionPrefix))
        }
    }

    /// The call that creates an entity when the API generator made no endpoint for it (GraphQL, gRPC).
    func createCall(of entity: String) -> String {
        switch apiStyle {
        case "graphql": return "POST /graphql (mutation create\(Naming.pascalCase(entity)))"
        case "grpc": return "\(Naming.pascalCase(entity))Service.Create\(Naming.pascalCase(entity))"
        default: return "POST " + InfraNaming.collectionPath(entity, prefix: versionPrefix)
        }
    }

    /// Several independently deployed services (database per service, network calls between them).
    var isDistributed: Bool { style == .microservices || style == .serverless }

    var communication: Communication {
        Communication(rawValue: choice("communication.style") ?? answer("services.communication") ?? "") ?? .sync
    }

    /// Broker technology, nil when there is none.
    var broker: String? {
        let raw = choice("messaging.broker") ?? answer("services.messaging")
        guard let raw, raw != "none", !raw.isEmpty else { return nil }
        // A decision names a kind of broker: the product the components show for it.
        switch raw {
        case "managed", "managed-queue": return "sqs"
        case "self-hosted-queue": return "rabbitmq"
        default: return raw
        }
    }

    /// Primary datastore technology (`postgresql`, `mysql`, `mongodb`, …).
    var datastore: String {
        // Decisions name a strategy, not always a product: map those back to the product the answers name.
        switch choice("datastore.primary") {
        case "postgresql-per-service": return "postgresql"
        case let choice? where !["commercial-rdbms", "nosql"].contains(choice): return choice
        default: break
        }
        if answer("data.datastore") == "nosql" { return answer("data.nosql_type") == "key_value" ? "dynamodb" : "mongodb" }
        switch answer("data.sql_engine") {
        case "mysql": return "mysql"
        case "sqlserver": return "sqlserver"
        case "oracle": return "oracle"
        default: return "postgresql"
        }
    }

    var availability: Double? { number("requirements.availability") }

    /// `single-az`, `multi-az` or `multi-region`.
    var topology: String {
        // `multi-region-active-passive` and `-active-active` are both multi-region placements.
        if let choice = choice("deployment.topology") { return choice.hasPrefix("multi-region") ? "multi-region" : choice }
        switch answer("nonfunctional.disaster_recovery") {
        case "multi_region": return "multi-region"
        case "multi_az": return "multi-az"
        case "single_region": return "single-az"
        default: return (availability ?? 0) >= 99.9 ? "multi-az" : "single-az"
        }
    }

    /// Rows of several tenants share tables, told apart by a tenant column.
    var sharesTablesAcrossTenants: Bool {
        if let choice = choice("tenancy.isolation") { return choice.contains("shared") || choice.contains("row") }
        return answer("data.multi_tenancy") == "shared_schema"
    }

    var compliance: [String] { values("nonfunctional.compliance").filter { $0 != "none" } }
}

/// Naming helpers shared by the infrastructure generators.
enum InfraNaming {
    /// `OrderItem` → `order_item`: the schema's own naming, so safe for any user-given name.
    static func snake(_ name: String) -> String { Naming.snakeCase(name) }

    /// `OrderItem` → `order_items`, the table the schema generator gives the entity.
    static func table(_ entity: String) -> String { Naming.tableName(entity) }

    /// `OrderItem` → `/v1/order-items` (`prefix` `/v1`), the API generator's collection path.
    static func collectionPath(_ entity: String, prefix: String = "/v1") -> String { prefix + "/" + Naming.urlSegment(entity) }

    /// `OrderItem` → `order_item.created`.
    static func createdEvent(_ entity: String) -> String { snake(entity) + ".created" }

    /// Case- and separator-insensitive key: `Order Items`, `order_items`, `OrderItems` → `orderitems` (see `NameKey`).
    static func key(_ name: String) -> String { NameKey.key(name) }

    /// Display name of a datastore or broker technology.
    static func product(_ technology: String) -> String {
        let known = ["postgresql": "PostgreSQL", "postgres": "PostgreSQL", "mysql": "MySQL", "mongodb": "MongoDB",
                     "dynamodb": "DynamoDB", "sqlserver": "SQL Server", "oracle": "Oracle", "cassandra": "Cassandra",
                     "kafka": "Kafka", "rabbitmq": "RabbitMQ", "sqs": "Amazon SQS", "nats": "NATS", "redis": "Redis"]
        return known[technology.lowercased()] ?? technology.prefix(1).uppercased() + technology.dropFirst()
    }
}
