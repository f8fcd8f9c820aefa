/// Everything derived from a session: decisions with their reasons, components, API, schema, diagrams,
/// deployment, security notes, capacity and findings. Never stored; rebuilt from the session, deterministically.
public struct Design: Hashable, Sendable {
    public var projectName: String
    public var decisions: [Decision]
    public var components: [Component]
    public var endpoints: [Endpoint]
    /// Generated endpoints the user hid: not part of the API (nor of any export), listed so they can be shown again.
    public var hiddenEndpoints: [Endpoint] = []
    public var tables: [Table]
    public var sequences: [SequenceDiagram]
    public var deployment: [DeploymentNode]
    public var security: [SecurityNote]
    public var capacity: [CapacityFigure]
    public var recommendations: [Recommendation]
    public var findings: [Finding]

    public init(
        projectName: String, decisions: [Decision] = [], components: [Component] = [], endpoints: [Endpoint] = [],
        tables: [Table] = [], sequences: [SequenceDiagram] = [], deployment: [DeploymentNode] = [],
        security: [SecurityNote] = [], capacity: [CapacityFigure] = [], recommendations: [Recommendation] = [],
        findings: [Finding] = []
    ) {
        self.projectName = projectName
        self.decisions = decisions
        self.components = components
        self.endpoints = endpoints
        self.tables = tables
        self.sequences = sequences
        self.deployment = deployment
        self.security = security
        self.capacity = capacity
        self.recommendations = recommendations
        self.findings = findings
    }

    /// The decision taken on a topic (`architecture.style`, `datastore.primary`, …), if any.
    public func decision(_ topic: String) -> Decision? { decisions.first { $0.topic == topic } }
}

/// Why a design element exists: the rules that produced it and the answers (question ids) they read.
public struct Trace: Hashable, Sendable {
    public var rules: [String]
    public var answers: [String]
    /// For generated elements: the generator and what it worked from ("entity Order", "capacity").
    public var sources: [String]

    public init(rules: [String] = [], answers: [String] = [], sources: [String] = []) {
        self.rules = rules
        self.answers = answers
        self.sources = sources
    }

    public var isEmpty: Bool { rules.isEmpty && answers.isEmpty && sources.isEmpty }

    /// Both traces together, duplicates dropped, order kept.
    public func merged(with other: Trace) -> Trace {
        func union(_ a: [String], _ b: [String]) -> [String] { a + b.filter { !a.contains($0) } }
        return Trace(rules: union(rules, other.rules), answers: union(answers, other.answers),
                     sources: union(sources, other.sources))
    }
}

/// How serious a finding is. `error` makes `archtui check` exit 1.
public enum Severity: String, Hashable, Sendable, CaseIterable, Comparable {
    case info, warning, error

    private var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// The area of the design a rule or element belongs to.
public enum Category: String, Hashable, Sendable, CaseIterable {
    case style, api, communication, data, security, performance, reliability, scalability, operations
}
