import ArchModel

/// Runs every example of a rule against its condition alone; what a generic test asserts is empty.
public struct RuleExampleRunner: Sendable {
    /// An example that did not do what it says, or a rule missing examples; `description` is `file:line:col: …`.
    public struct Failure: Hashable, Sendable, CustomStringConvertible {
        public var ruleID: String
        public var origin: RuleOrigin
        public var message: String
        public var description: String { "\(origin): \(message)" }
    }

    public let catalogue: Catalogue

    public init(catalogue: Catalogue) { self.catalogue = catalogue }

    /// Failures of one rule's examples: a `fires` example that stays quiet, a `quiet` one that fires, or none of either.
    public func run(_ rule: Rule) -> [Failure] {
        var failures: [Failure] = []
        if rule.examples.fires.isEmpty || rule.examples.quiet.isEmpty {
            failures.append(Failure(ruleID: rule.id, origin: rule.origin,
                                    message: "rule \(rule.id) needs at least one 'fires' and one 'quiet' example"))
        }
        for (expected, examples) in [(true, rule.examples.fires), (false, rule.examples.quiet)] {
            for (number, example) in examples.enumerated() {
                let facts = Facts(session: example.session, catalogue: catalogue)
                guard RuleEngine.fires(rule, facts: facts) != expected else { continue }
                let which = expected ? "fires" : "quiet"
                let what = expected ? "should fire but stayed quiet" : "should stay quiet but fired"
                failures.append(Failure(ruleID: rule.id, origin: example.origin,
                                        message: "rule \(rule.id), \(which) example \(number + 1) \(what) (when: \(rule.when))"))
            }
        }
        return failures
    }

    /// Failures of every rule, in order.
    public func run(_ rules: [Rule]) -> [Failure] { rules.flatMap(run) }
}
