import ArchModel

/// Hand-built sessions shared by the infrastructure generator tests.
enum InfraFixtures {
    /// Customer ← Order ⊃ OrderItem → Product; Customer.email is personal data.
    static let shopEntities: [Entity] = [
        Entity(name: "Customer", fields: [Field(name: "email", type: .email, pii: true), Field(name: "name")]),
        Entity(name: "Order", fields: [Field(name: "total", type: .money)],
               relations: [Relation(kind: .belongsTo, target: "Customer"), Relation(kind: .hasMany, target: "OrderItem")]),
        Entity(name: "OrderItem", fields: [Field(name: "quantity", type: .integer)],
               relations: [Relation(kind: .belongsTo, target: "Order", onDelete: .cascade), Relation(kind: .belongsTo, target: "Product")]),
        Entity(name: "Product", fields: [Field(name: "title")]),
    ]

    static func shop(style: String = "modular_monolith", communication: String = "sync", extra: [String: AnswerValue] = [:]) -> Session {
        var answers: [String: AnswerValue] = [
            "services.deployment_style": .choice(style),
            "services.bounded_contexts": .list(["Orders", "Products", "Customers"]),
            "services.communication": .choice(communication),
        ]
        answers.merge(extra) { _, new in new }
        return Session(projectName: "Shop", answers: answers, entities: shopEntities)
    }

    static func decision(_ topic: String, _ choice: String) -> Decision {
        Decision(topic: topic, choice: choice, title: topic, category: .style, rationale: "test")
    }

    /// Three user-defined services calling each other synchronously: A → B → C → A.
    static func cycle(p99: Double? = nil) -> Session {
        var session = Session(projectName: "Ring", entities: [
            Entity(name: "Alpha", fields: [Field(name: "x")], service: "A"),
            Entity(name: "Beta", fields: [Field(name: "x")], service: "B"),
            Entity(name: "Gamma", fields: [Field(name: "x")], service: "C"),
        ], services: [
            Service(name: "A", calls: [ServiceCall(target: "B", purpose: "ask B")]),
            Service(name: "B", calls: [ServiceCall(target: "C", purpose: "ask C")]),
            Service(name: "C", calls: [ServiceCall(target: "A", purpose: "ask A")]),
        ])
        if let p99 { session["requirements.p99_latency_ms"] = .number(p99) }
        return session
    }

    static let microservices = [decision("architecture.style", "microservices")]
}
