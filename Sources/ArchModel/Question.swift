/// What kind of answer a question takes; decides the editor and how typed text is parsed.
public enum QuestionKind: String, Hashable, Sendable, CaseIterable {
    case text
    case integer
    case number
    case choice
    case multiChoice = "multi-choice"
    /// A list of short free-text items (integrations, constraints, …).
    case list
    /// The session's entity list (step 4); stored in `Session.entities`, not in `answers`.
    case entities
    /// The session's service list (step 3); stored in `Session.services`, not in `answers`.
    case services
    /// The existing systems (step 1); stored in `Session.systems`, not in `answers`.
    case systems

    /// Whether the answer is part of the model (entities, services, systems) rather than an answer value.
    public var isModelList: Bool { self == .entities || self == .services || self == .systems }
}

/// One option of a choice or multi-choice question.
public struct Choice: Hashable, Sendable {
    /// The stored value, stable across label changes.
    public var value: String
    public var label: String

    public init(value: String, label: String) {
        self.value = value
        self.label = label
    }
}

/// Limits an answer must respect before it is stored.
public struct Validation: Hashable, Sendable {
    public var required: Bool
    public var minimum: Double?
    public var maximum: Double?
    /// Longest text (or list item) in characters.
    public var maxLength: Int?

    public init(required: Bool = false, minimum: Double? = nil, maximum: Double? = nil, maxLength: Int? = nil) {
        self.required = required
        self.minimum = minimum
        self.maximum = maximum
        self.maxLength = maxLength
    }
}

/// Shows a question only when an earlier answer has one of `values`
/// (for a multi-choice answer: contains one of them; for a number: any answer at all when `values` is empty).
public struct ShowIf: Hashable, Sendable {
    public var question: String
    public var values: [String]

    public init(question: String, values: [String]) {
        self.question = question
        self.values = values
    }
}

/// One question of the method.
public struct Question: Hashable, Sendable, Identifiable {
    /// Stable id, `step.name` (e.g. `requirements.peak_rps`); the session file stores answers by it.
    public var id: String
    public var prompt: String
    /// Why the question matters; shown under the form.
    public var help: String
    public var kind: QuestionKind
    /// Unit shown after a number (`req/s`, `ms`, `%`).
    public var unit: String?
    public var choices: [Choice]
    public var defaultValue: AnswerValue?
    public var validation: Validation
    public var showIf: ShowIf?

    public init(
        id: String, prompt: String, help: String = "", kind: QuestionKind, unit: String? = nil,
        choices: [Choice] = [], defaultValue: AnswerValue? = nil, validation: Validation = Validation(),
        showIf: ShowIf? = nil
    ) {
        self.id = id
        self.prompt = prompt
        self.help = help
        self.kind = kind
        self.unit = unit
        self.choices = choices
        self.defaultValue = defaultValue
        self.validation = validation
        self.showIf = showIf
    }

    /// The label of a choice value, or the value itself when unknown.
    public func label(of value: String) -> String {
        choices.first { $0.value == value }?.label ?? value
    }
}

/// A step of the method with its questions, in the order asked.
public struct MethodStep: Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var summary: String
    public var questions: [Question]

    public init(id: String, title: String, summary: String = "", questions: [Question]) {
        self.id = id
        self.title = title
        self.summary = summary
        self.questions = questions
    }
}

/// The whole method: its steps in order.
public struct Catalogue: Hashable, Sendable {
    public var steps: [MethodStep]

    public init(steps: [MethodStep]) { self.steps = steps }

    /// Every question, step by step.
    public var questions: [Question] { steps.flatMap(\.questions) }

    public func question(id: String) -> Question? { questions.first { $0.id == id } }
}
