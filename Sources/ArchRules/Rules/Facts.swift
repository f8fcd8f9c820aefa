import ArchModel

/// What a condition can read: the session's answers and model, the catalogue (kinds and units), capacity facts.
public struct Facts: Sendable {
    public var session: Session
    public var capacity: CapacityFacts
    private let questions: [String: Question]

    public init(session: Session, catalogue: Catalogue) {
        self.session = session
        self.capacity = CapacityFacts(session: session)
        var questions: [String: Question] = [:]
        for question in catalogue.questions { questions[question.id] = question }
        self.questions = questions
    }

    public func question(_ id: String) -> Question? { questions[id] }

    /// The answer to `id`, or nil when unanswered or empty (the entity list counts for `data.entities`).
    public func answer(_ id: String) -> AnswerValue? {
        switch questions[id]?.kind {
        case .entities?: return session.entities.isEmpty ? nil : .list(session.entities.map(\.name))
        case .systems? where !session.systems.isEmpty: return .list(session.systems.map(\.name))
        default: break
        }
        guard let value = session.answers[id], !value.isEmpty else { return nil }
        return value
    }

    /// Every field of every entity, in declaration order.
    public var fields: [Field] { session.entities.flatMap(\.fields) }

    /// Every relation of every entity, in declaration order.
    public var relations: [Relation] { session.entities.flatMap(\.relations) }
}
