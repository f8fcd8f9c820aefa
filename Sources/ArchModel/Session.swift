/// An entity the user named in step 4 (fields and relations come with the entity editor).
public struct Entity: Hashable, Sendable {
    public var name: String

    public init(name: String) { self.name = name }
}

/// What the user said: the project's name, answers by question id, and the entities they listed.
/// Plain values; saved as YAML by `SessionFile`.
public struct Session: Hashable, Sendable {
    /// The session file format this build writes and reads.
    public static let currentSchemaVersion = 1

    public var projectName: String
    public var answers: [String: AnswerValue]
    public var entities: [Entity]

    public init(projectName: String, answers: [String: AnswerValue] = [:], entities: [Entity] = []) {
        self.projectName = projectName
        self.answers = answers
        self.entities = entities
    }

    public subscript(questionID: String) -> AnswerValue? {
        get { answers[questionID] }
        set { answers[questionID] = newValue }
    }
}
