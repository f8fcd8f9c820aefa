import ArchModel
import Foundation

/// A rule that replaced an earlier one with the same id.
public struct RuleOverride: Hashable, Sendable {
    public var id: String
    public var replaced: RuleOrigin
    public var by: RuleOrigin
}

/// All rule packs in order (built-in, the user's config directory, `--rules` directories); a later rule with
/// the same id replaces the earlier one in its place, so load order (and tie-breaking) stays the built-in one.
public struct RuleRegistry: Sendable {
    public private(set) var packs: [RulePack]
    /// The effective rules, in load order.
    public private(set) var rules: [Rule] = []
    public private(set) var overrides: [RuleOverride] = []

    public init(packs: [RulePack]) {
        self.packs = packs
        var index: [String: Int] = [:]
        for rule in packs.flatMap(\.rules) {
            if let at = index[rule.id] {
                overrides.append(RuleOverride(id: rule.id, replaced: rules[at].origin, by: rule.origin))
                rules[at] = rule
            } else {
                index[rule.id] = rules.count
                rules.append(rule)
            }
        }
    }

    /// Loads the built-in pack (optional), the user's config pack when its directory exists, then `userDirectories`.
    /// `environment` supplies `XDG_CONFIG_HOME` and `HOME` (tests pass their own).
    public static func load(
        builtIn: Bool = true, userDirectories: [URL] = [], catalogue: Catalogue? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(RuleError) -> RuleRegistry {
        let given = catalogue
        let catalogue: Catalogue
        if let given { catalogue = given } else { catalogue = try CatalogueLoader.builtIn() }
        var packs: [RulePack] = []
        if builtIn { packs.append(try RulePack.builtIn(catalogue: catalogue)) }
        if let config = configDirectory(environment: environment) {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: config.path, isDirectory: &isDirectory), isDirectory.boolValue {
                packs.append(try RulePack.load(directory: config, catalogue: catalogue))
            }
        }
        for directory in userDirectories { packs.append(try RulePack.load(directory: directory, catalogue: catalogue)) }
        return RuleRegistry(packs: packs)
    }

    /// `$XDG_CONFIG_HOME/archtui/rules`, else `$HOME/.config/archtui/rules`; nil without either variable.
    public static func configDirectory(environment: [String: String]) -> URL? {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("archtui/rules")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".config/archtui/rules")
    }

    /// An engine over the effective rules.
    public var engine: RuleEngine { RuleEngine(rules: rules) }

    public func rule(id: String) -> Rule? { rules.first { $0.id == id } }

    /// One line per rule: `id  [category]  title`, in load order, overridden rules marked.
    public func list() -> [String] {
        let width = rules.map(\.id.count).max() ?? 0
        return rules.map { rule in
            let padded = rule.id.padding(toLength: width, withPad: " ", startingAt: 0)
            let mark = overrides.contains { $0.id == rule.id } ? "  (overrides built-in)" : ""
            return "\(padded)  [\(rule.category.rawValue)]  \(rule.title)\(mark)"
        }
    }

    /// A rule described for people: id, title, category, when, then, rationale, references, examples, origin.
    public func explain(id: String) -> String? {
        guard let rule = rule(id: id) else { return nil }
        var lines = ["\(rule.id) — \(rule.title)", "category: \(rule.category.rawValue)", "when: \(rule.when)", "then:"]
        lines += rule.outputs.map { "  " + RuleExplainer.describe($0) }
        if !rule.rationale.isEmpty { lines.append("rationale: \(rule.rationale.trimmingCharacters(in: .whitespacesAndNewlines))") }
        lines += rule.references.map { "reference: \($0)" }
        lines.append("examples: \(rule.examples.fires.count) fire, \(rule.examples.quiet.count) quiet")
        lines.append("defined at: \(rule.origin)")
        for override in overrides where override.id == id { lines.append("overrides: \(override.replaced)") }
        return lines.joined(separator: "\n")
    }
}

/// One-line descriptions of rule outputs, for `explain`.
enum RuleExplainer {
    static func describe(_ output: RuleOutput) -> String {
        switch output {
        case .decision(let d):
            let rejects = d.rejects.isEmpty ? "" : "; rejects " + d.rejects.map(\.choice).joined(separator: ", ")
            return "decision \(d.topic) = \(d.choice) (\(d.title), priority \(d.priority))\(rejects)"
        case .component(let c): return "component \(c.name) (\(c.kind.rawValue))"
        case .recommendation(let title, _): return "recommendation: \(title)"
        case .finding(let severity, let title, _): return "finding [\(severity.rawValue)]: \(title)"
        case .security(let topic, _, let owasp):
            return "security \(topic)" + (owasp.isEmpty ? "" : " (\(owasp.joined(separator: "; ")))")
        }
    }
}
