import ArchModel

/// The answers a generator reads, with the catalogue's defaults for unanswered questions, and the ids of the
/// answers actually given (for traces: an element should not claim an answer the user never gave).
public struct GeneratorInputs: Sendable {
    public let session: Session
    public let decisions: [Decision]

    /// Catalogue defaults (Resources/questions) for the questions the generators read.
    static let defaults: [String: AnswerValue] = [
        "api.style": .choice("rest"), "api.versioning": .choice("url"), "api.auth": .choices(["oidc"]),
        "api.authorization": .choice("rbac"), "api.pagination": .choice("cursor"),
        "api.error_format": .choice("problem_json"), "api.rate_limiting": .choice("per_client"),
        "api.idempotency": .choice("keys"), "data.multi_tenancy": .choice("none"),
        "services.failure_handling": .choices(["timeouts", "retries"]),
    ]

    /// Decision topics that override an answer when a rule decided differently.
    static let decisionTopics = ["api.style": "api.style", "api.versioning": "api.versioning"]

    /// Reads `session`, letting `decisions` on known topics override answers.
    public init(session: Session, decisions: [Decision] = []) {
        self.session = session
        self.decisions = decisions
    }

    /// The single value of a choice question: a decision on its topic, else the answer, else the default.
    public func choice(_ id: String) -> String {
        if let topic = Self.decisionTopics[id], let decision = decisions.first(where: { $0.topic == topic }) {
            return decision.choice
        }
        return values(id).first ?? ""
    }

    /// All values of a (multi-)choice question, answered or default.
    public func values(_ id: String) -> [String] {
        if let answer = session[id], !answer.isEmpty { return answer.values }
        return Self.defaults[id]?.values ?? []
    }

    /// A number answer, if given.
    public func number(_ id: String) -> Double? { session[id]?.number }

    /// The ids among `ids` the user answered (or a decision covered), in the given order.
    public func answered(_ ids: [String]) -> [String] {
        ids.filter { id in
            session[id].map { !$0.isEmpty } ?? false
                || Self.decisionTopics[id].map { topic in decisions.contains { $0.topic == topic } } ?? false
        }
    }

    /// Shared schema with a tenant column on every tenant-scoped table.
    public var sharedSchemaTenancy: Bool { choice("data.multi_tenancy") == "shared_schema" }
}
