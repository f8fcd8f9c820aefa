/// A choice on one topic, with why it was taken and what was considered and rejected.
public struct Decision: Hashable, Sendable {
    /// What the decision is about, e.g. `architecture.style`; one decision per topic.
    public var topic: String
    /// The chosen option, e.g. `modular-monolith`.
    public var choice: String
    public var title: String
    public var category: Category
    /// Why, in words an architect would use; may quote the answers.
    public var rationale: String
    /// Options that lost, each with why.
    public var alternatives: [Alternative]
    public var references: [String]
    public var trace: Trace

    /// Stable across derivations: one decision per topic.
    public var id: String { topic }

    public init(topic: String, choice: String, title: String, category: Category, rationale: String,
                alternatives: [Alternative] = [], references: [String] = [], trace: Trace = Trace()) {
        self.topic = topic
        self.choice = choice
        self.title = title
        self.category = category
        self.rationale = rationale
        self.alternatives = alternatives
        self.references = references
        self.trace = trace
    }
}

/// An option considered for a decision and rejected.
public struct Alternative: Hashable, Sendable {
    public var choice: String
    public var reason: String
    public var trace: Trace

    public init(choice: String, reason: String, trace: Trace = Trace()) {
        self.choice = choice
        self.reason = reason
        self.trace = trace
    }
}

/// Advice that is not a choice between options ("put a CDN in front of product images").
public struct Recommendation: Hashable, Sendable {
    public var id: String
    public var title: String
    public var category: Category
    public var text: String
    public var references: [String]
    public var trace: Trace

    public init(id: String, title: String, category: Category, text: String, references: [String] = [], trace: Trace = Trace()) {
        self.id = id
        self.title = title
        self.category = category
        self.text = text
        self.references = references
        self.trace = trace
    }
}

/// A problem or risk in the design, with a suggested fix.
public struct Finding: Hashable, Sendable {
    /// Stable id of the check or rule that found it, e.g. `data.fk-without-index`.
    public var id: String
    public var severity: Severity
    public var title: String
    public var detail: String
    public var fix: String
    /// What it is about, in words: "table order_item", "endpoint GET /v1/orders", "service Billing".
    public var subject: String
    /// What it is about, as the model element or question it leads to (the TUI jumps there).
    public var about: FindingSubject
    public var trace: Trace

    /// Stable across derivations while the subject keeps its name: the check's id and the subject.
    public var key: String { id + " " + subject }

    public init(id: String, severity: Severity, title: String, detail: String = "", fix: String = "",
                subject: String = "", about: FindingSubject = .none, trace: Trace = Trace()) {
        self.id = id
        self.severity = severity
        self.title = title
        self.detail = detail
        self.fix = fix
        self.subject = subject
        self.about = about
        self.trace = trace
    }
}

/// The element of the session or the design a finding is about, by identity where it has one.
public enum FindingSubject: Hashable, Sendable {
    /// The design as a whole, or nothing one can point at.
    case none
    case entity(EntityID)
    /// One field of an entity (e.g. a declared id the generator replaces).
    case field(EntityID, FieldID)
    case endpoint(EndpointID)
    case table(TableID)
    /// A service by name: a defined service, or one derived from the bounded contexts.
    case service(String)
    /// A component of the design that is not a service (a database, a cache), by name.
    case component(String)
    /// A flow the user defined.
    case flow(FlowID)
    /// An endpoint override that no longer applies.
    case endpointOverride(OverrideID)
    /// A question of the method whose answer the finding is about, by question id.
    case question(String)
}
