/// What the user said: the project's name, answers by question id, and the model they edited
/// (entities with fields and relations, services). Plain values; saved as YAML by `SessionFile`.
public struct Session: Hashable, Sendable {
    /// The session file format this build writes and reads.
    public static let currentSchemaVersion = 1

    public var projectName: String
    public var answers: [String: AnswerValue]
    public var entities: [Entity]
    /// Services the user defined; when empty, the design derives them from the bounded-context answers.
    public var services: [Service]

    public init(projectName: String, answers: [String: AnswerValue] = [:], entities: [Entity] = [], services: [Service] = []) {
        self.projectName = projectName
        self.answers = answers
        self.entities = entities
        self.services = services
    }

    public subscript(questionID: String) -> AnswerValue? {
        get { answers[questionID] }
        set { answers[questionID] = newValue }
    }

    /// The entity called `name` (names compare case-insensitively, as identifiers do in SQL).
    public func entity(named name: String) -> Entity? {
        entities.first { $0.name.lowercased() == name.lowercased() }
    }
}
