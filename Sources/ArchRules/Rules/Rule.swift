import ArchModel

/// A design rule loaded from YAML: when its condition holds, it adds its outputs to the design.
public struct Rule: Hashable, Sendable, Identifiable {
    /// Unique, dotted, lower-case: `category.name`.
    public var id: String
    public var title: String
    public var category: Category
    /// The condition as written (`when:`), and parsed.
    public var when: String
    public var condition: Expression
    /// Question ids the condition reads (capacity facts add their inputs), in order of first mention.
    public var reads: [String]
    public var outputs: [RuleOutput]
    /// Text template; may quote `{question.id}` and `{capacity.fact}`.
    public var rationale: String
    public var references: [String]
    public var examples: RuleExamples
    /// Where the rule is written: its `- id:` entry.
    public var origin: RuleOrigin

    public init(id: String, title: String, category: Category, when: String, condition: Expression, reads: [String],
                outputs: [RuleOutput], rationale: String = "", references: [String] = [],
                examples: RuleExamples = RuleExamples(), origin: RuleOrigin) {
        self.id = id
        self.title = title
        self.category = category
        self.when = when
        self.condition = condition
        self.reads = reads
        self.outputs = outputs
        self.rationale = rationale
        self.references = references
        self.examples = examples
        self.origin = origin
    }
}

/// A file position: `rules/10-style.yaml:12:5`.
public struct RuleOrigin: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// What a rule adds to the design (`then:`); texts are templates rendered when the rule fires.
public enum RuleOutput: Hashable, Sendable {
    case decision(DecisionOutput)
    case component(ComponentOutput)
    case recommendation(title: String, text: String)
    case finding(severity: Severity, title: String, fix: String)
    case security(topic: String, text: String, owasp: [String])
}

/// A proposed decision on a topic; one per topic wins (priority, then load order).
public struct DecisionOutput: Hashable, Sendable {
    public var topic: String
    public var choice: String
    public var title: String
    /// Higher wins; 50 unless given.
    public var priority: Int
    /// Options this rule rules out, each with a reason template.
    public var rejects: [Rejection]

    public static let defaultPriority = 50

    public init(topic: String, choice: String, title: String, priority: Int = defaultPriority, rejects: [Rejection] = []) {
        self.topic = topic
        self.choice = choice
        self.title = title
        self.priority = priority
        self.rejects = rejects
    }
}

/// An option a decision rules out, and why.
public struct Rejection: Hashable, Sendable {
    public var choice: String
    public var reason: String

    public init(choice: String, reason: String) {
        self.choice = choice
        self.reason = reason
    }
}

/// A component the rule adds; components with the same name from several rules are merged.
public struct ComponentOutput: Hashable, Sendable {
    public var name: String
    public var kind: ComponentKind
    public var responsibilities: [String]
    public var interfaces: [String]

    public init(name: String, kind: ComponentKind, responsibilities: [String] = [], interfaces: [String] = []) {
        self.name = name
        self.kind = kind
        self.responsibilities = responsibilities
        self.interfaces = interfaces
    }
}

/// Sessions where a rule must fire and where it must stay quiet.
public struct RuleExamples: Hashable, Sendable {
    public var fires: [RuleExample]
    public var quiet: [RuleExample]

    public init(fires: [RuleExample] = [], quiet: [RuleExample] = []) {
        self.fires = fires
        self.quiet = quiet
    }
}

/// One example session, typed by the catalogue, with the line it is written on.
public struct RuleExample: Hashable, Sendable {
    public var answers: [String: AnswerValue]
    public var entities: [Entity]
    public var services: [Service]
    /// Existing systems; an answer to `requirements.integrations` adds one per line (as older session files do).
    public var systems: [ExternalSystem]
    public var origin: RuleOrigin

    public init(answers: [String: AnswerValue] = [:], entities: [Entity] = [], services: [Service] = [],
                systems: [ExternalSystem] = [], origin: RuleOrigin) {
        self.answers = answers
        self.entities = entities
        self.services = services
        self.systems = systems
        self.origin = origin
    }

    /// The example as a session.
    public var session: Session {
        var answers = answers
        let lines = answers.removeValue(forKey: ExternalSystem.questionID)?.values ?? []
        return Session(projectName: "example", answers: answers, entities: entities, services: services,
                       systems: systems + ExternalSystem.systems(fromLines: lines))
    }
}
