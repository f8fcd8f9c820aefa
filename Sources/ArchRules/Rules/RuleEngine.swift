import ArchModel

/// What the rules add to a design for one session, in a stable order.
public struct RuleOutcome: Hashable, Sendable {
    /// One per topic, ordered by the first rule (in load order) that proposed the topic.
    public var decisions: [Decision] = []
    /// Merged by name; in the order first added.
    public var components: [Component] = []
    public var recommendations: [Recommendation] = []
    public var findings: [Finding] = []
    public var security: [SecurityNote] = []
    /// Ids of the rules whose condition held, in load order.
    public var fired: [String] = []

    public init() {}
}

/// Runs rules over a session: conditions, templates, and one decision per topic.
public struct RuleEngine: Sendable {
    /// The rules in load order (which breaks ties between decisions of equal priority).
    public var rules: [Rule]

    public init(rules: [Rule]) { self.rules = rules }

    /// True when `rule`'s condition holds for `facts`.
    public static func fires(_ rule: Rule, facts: Facts) -> Bool {
        ExpressionEvaluator(facts: facts).holds(rule.condition)
    }

    /// Every fired rule's outputs, with decisions resolved per topic (priority, then load order).
    public func evaluate(session: Session, catalogue: Catalogue) -> RuleOutcome {
        let facts = Facts(session: session, catalogue: catalogue)
        var outcome = RuleOutcome()
        var proposals: [Proposal] = []
        for (index, rule) in rules.enumerated() where Self.fires(rule, facts: facts) {
            outcome.fired.append(rule.id)
            let trace = Trace(rules: [rule.id], answers: rule.reads)
            let render = { (text: String) in RuleTemplate.render(text, facts: facts) }
            for output in rule.outputs {
                switch output {
                case .decision(let decision):
                    proposals.append(Proposal(index: index, rule: rule, output: decision, trace: trace))
                case .component(let component):
                    add(Component(name: render(component.name), kind: component.kind,
                                  responsibilities: component.responsibilities.map(render),
                                  interfaces: component.interfaces.map { .speaks(render($0)) }, trace: trace), to: &outcome.components)
                case .recommendation(let title, let text):
                    outcome.recommendations.append(Recommendation(
                        id: rule.id, title: render(title), category: rule.category, text: render(text),
                        references: rule.references, trace: trace))
                case .finding(let severity, let title, let fix):
                    // A rule's finding concerns the answers it read: it leads to the first of those questions.
                    let question = rule.reads.first { facts.question($0) != nil }
                    outcome.findings.append(Finding(
                        id: rule.id, severity: severity, title: render(title), detail: render(rule.rationale),
                        fix: render(fix), about: question.map(FindingSubject.question) ?? .none, trace: trace))
                case .security(let topic, let text, let owasp):
                    outcome.security.append(SecurityNote(topic: topic, text: render(text), owasp: owasp, trace: trace))
                }
            }
        }
        // An answered question is the decision on its topic; a rule that recommends otherwise leaves a finding.
        let honoured = AnsweredTopic.honour(Self.resolve(proposals, facts: facts), session: session, catalogue: catalogue)
        outcome.decisions = honoured.decisions
        outcome.findings += honoured.findings
        // A rule's component comes with its decision: when another choice won the topic, the component goes too
        // (a queue that lost to "no broker" is not built).
        let chosen = Dictionary(outcome.decisions.map { ($0.topic, $0.choice) }, uniquingKeysWith: { first, _ in first })
        let lost = Set(proposals.filter { chosen[$0.output.topic] != $0.output.choice }.map(\.rule.id))
        if !lost.isEmpty {
            outcome.components.removeAll { !$0.trace.rules.isEmpty && $0.trace.rules.allSatisfy(lost.contains) }
        }
        return outcome
    }

    /// A decision a fired rule proposed.
    private struct Proposal {
        var index: Int
        var rule: Rule
        var output: DecisionOutput
        var trace: Trace
    }

    /// Components of the same name are one component: responsibilities, interfaces and traces merge.
    private func add(_ component: Component, to components: inout [Component]) {
        guard let at = components.firstIndex(where: { $0.name == component.name }) else {
            components.append(component)
            return
        }
        var merged = components[at]
        merged.responsibilities += component.responsibilities.filter { !merged.responsibilities.contains($0) }
        merged.interfaces += component.interfaces.filter { !merged.interfaces.contains($0) }
        merged.trace = merged.trace.merged(with: component.trace)
        components[at] = merged
    }

    /// Highest priority wins, then the rule loaded first; losers and the winner's rejects become alternatives.
    private static func resolve(_ proposals: [Proposal], facts: Facts) -> [Decision] {
        var topics: [String] = []
        for proposal in proposals where !topics.contains(proposal.output.topic) { topics.append(proposal.output.topic) }
        return topics.map { topic in
            let ranked = proposals.filter { $0.output.topic == topic }
                .sorted { ($0.output.priority, -$0.index) > ($1.output.priority, -$1.index) }
            let winner = ranked[0]
            var trace = winner.trace
            var alternatives: [Alternative] = []
            func consider(_ alternative: Alternative) {
                guard alternative.choice != winner.output.choice,
                      !alternatives.contains(where: { $0.choice == alternative.choice }) else { return }
                alternatives.append(alternative)
            }
            for loser in ranked.dropFirst() {
                if loser.output.choice == winner.output.choice {
                    trace = trace.merged(with: loser.trace)
                    continue
                }
                let why = loser.output.priority < winner.output.priority
                    ? "priority \(winner.output.priority) over \(loser.output.priority)"
                    : "same priority, loaded first"
                consider(Alternative(choice: loser.output.choice,
                                     reason: "outranked: \(loser.rule.id) proposed it, \(winner.rule.id) won (\(why))",
                                     trace: loser.trace))
            }
            for rejection in winner.output.rejects {
                consider(Alternative(choice: rejection.choice,
                                     reason: "rejected: " + RuleTemplate.render(rejection.reason, facts: facts),
                                     trace: winner.trace))
            }
            return Decision(topic: topic, choice: winner.output.choice,
                            title: RuleTemplate.render(winner.output.title, facts: facts), category: winner.rule.category,
                            rationale: RuleTemplate.render(winner.rule.rationale, facts: facts),
                            alternatives: alternatives, references: winner.rule.references, trace: trace)
        }
    }
}
