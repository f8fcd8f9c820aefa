import ArchModel
import Yams

/// A problem in a rule file: `rules/10-style.yaml:7:34: unknown question id 'requirements.teamsize'`.
public typealias RuleError = LocatedError

/// Reads one rule file, checking everything a typo could break; conditions are parsed and checked here.
struct RuleDecoder {
    let reader: YAMLReader
    let catalogue: Catalogue
    let checker: ExpressionChecker
    let positions: SourcePosition

    init(file: String, text: String, catalogue: Catalogue) {
        reader = YAMLReader(file: file)
        self.catalogue = catalogue
        checker = ExpressionChecker(catalogue: catalogue)
        positions = SourcePosition(text: text)
    }

    static let ruleKeys = ["id", "title", "category", "when", "then", "rationale", "references", "examples"]
    static let outputKeys = ["decision", "component", "recommendation", "finding", "security"]

    /// The file's rules in the order written.
    func decode(_ text: String) throws(RuleError) -> [Rule] {
        guard let root = try reader.compose(text) else { return [] }
        let pairs = try reader.keyed(try reader.mapping(root, "a rule file"), allowed: ["rules"], in: "a rule file")
        let list = try reader.require("rules", in: pairs, of: root, "a rule file")
        if reader.isNull(list) { return [] }
        var rules: [Rule] = []
        for item in try reader.sequence(list, "rules") { rules.append(try rule(item)) }
        return rules
    }

    private func rule(_ node: Node) throws(RuleError) -> Rule {
        let pairs = try reader.keyed(try reader.mapping(node, "a rule"), allowed: Self.ruleKeys, in: "a rule")
        let idNode = try reader.require("id", in: pairs, of: node, "a rule")
        let id = try reader.string(idNode, "the rule id")
        guard Self.isValidID(id) else {
            throw reader.error("rule id '\(id)' must be dotted lower-case words, like style.modular-monolith", at: idNode)
        }
        let what = "rule \(id)"
        let title = try template(try reader.require("title", in: pairs, of: node, what), "the title")
        let category: Category = try enumeration(try reader.require("category", in: pairs, of: node, what), "the category")
        let whenNode = try reader.require("when", in: pairs, of: node, what)
        let when = try reader.string(whenNode, "the condition (when)")
        let condition: Expression, reads: [String]
        do throws(ExpressionError) {
            condition = try ExpressionParser.parse(when)
            reads = try ExpressionChecker.check(condition, catalogue: catalogue)
        } catch {
            throw locate(error, in: whenNode, value: when)
        }
        let outputs = try self.outputs(try reader.require("then", in: pairs, of: node, what), what)
        let rationale = try pairs["rationale"].map { (n: Node) throws(RuleError) in try template(n, "the rationale") } ?? ""
        let references = try pairs["references"].map { (n: Node) throws(RuleError) in try strings(n, "references") } ?? []
        let examples = try pairs["examples"].map { (n: Node) throws(RuleError) in try self.examples(n) } ?? RuleExamples()
        return Rule(id: id, title: title, category: category, when: when, condition: condition, reads: reads,
                    outputs: outputs, rationale: rationale, references: references, examples: examples,
                    origin: origin(of: node))
    }

    private func outputs(_ node: Node, _ what: String) throws(RuleError) -> [RuleOutput] {
        let pairs = try reader.keyed(try reader.mapping(node, "then"), allowed: Self.outputKeys, in: "then of \(what)")
        guard !pairs.isEmpty else { throw reader.error("then of \(what) adds nothing; expected one of \(Self.outputKeys.joined(separator: ", "))", at: node) }
        var result: [RuleOutput] = []
        if let node = pairs["decision"] { result.append(.decision(try decision(node))) }
        if let node = pairs["component"] {
            let fields = try reader.keyed(try reader.mapping(node, "a component"),
                                          allowed: ["name", "kind", "responsibilities", "interfaces"], in: "a component")
            result.append(.component(ComponentOutput(
                name: try template(try reader.require("name", in: fields, of: node, "a component"), "the component name"),
                kind: try enumeration(try reader.require("kind", in: fields, of: node, "a component"), "the component kind"),
                responsibilities: try fields["responsibilities"].map { (n: Node) throws(RuleError) in try templates(n, "responsibilities") } ?? [],
                interfaces: try fields["interfaces"].map { (n: Node) throws(RuleError) in try templates(n, "interfaces") } ?? [])))
        }
        if let node = pairs["recommendation"] {
            let fields = try reader.keyed(try reader.mapping(node, "a recommendation"), allowed: ["title", "text"], in: "a recommendation")
            result.append(.recommendation(
                title: try template(try reader.require("title", in: fields, of: node, "a recommendation"), "the title"),
                text: try template(try reader.require("text", in: fields, of: node, "a recommendation"), "the text")))
        }
        if let node = pairs["finding"] {
            let fields = try reader.keyed(try reader.mapping(node, "a finding"), allowed: ["severity", "title", "fix"], in: "a finding")
            result.append(.finding(
                severity: try enumeration(try reader.require("severity", in: fields, of: node, "a finding"), "the severity"),
                title: try template(try reader.require("title", in: fields, of: node, "a finding"), "the title"),
                fix: try fields["fix"].map { (n: Node) throws(RuleError) in try template(n, "the fix") } ?? ""))
        }
        if let node = pairs["security"] {
            let fields = try reader.keyed(try reader.mapping(node, "a security note"), allowed: ["topic", "text", "owasp"], in: "a security note")
            result.append(.security(
                topic: try reader.string(try reader.require("topic", in: fields, of: node, "a security note"), "the topic"),
                text: try template(try reader.require("text", in: fields, of: node, "a security note"), "the text"),
                owasp: try fields["owasp"].map { (n: Node) throws(RuleError) in try strings(n, "owasp") } ?? []))
        }
        return result
    }

    private func decision(_ node: Node) throws(RuleError) -> DecisionOutput {
        let what = "a decision"
        let fields = try reader.keyed(try reader.mapping(node, what), allowed: ["topic", "choice", "title", "priority", "rejects"], in: what)
        var rejects: [Rejection] = []
        if let list = fields["rejects"] {
            for item in try reader.sequence(list, "rejects") {
                let pairs = try reader.keyed(try reader.mapping(item, "a rejected option"), allowed: ["choice", "reason"], in: "a rejected option")
                rejects.append(Rejection(
                    choice: try reader.string(try reader.require("choice", in: pairs, of: item, "a rejected option"), "the choice"),
                    reason: try template(try reader.require("reason", in: pairs, of: item, "a rejected option"), "the reason")))
            }
        }
        return DecisionOutput(
            topic: try reader.string(try reader.require("topic", in: fields, of: node, what), "the topic"),
            choice: try reader.string(try reader.require("choice", in: fields, of: node, what), "the choice"),
            title: try template(try reader.require("title", in: fields, of: node, what), "the title"),
            priority: try fields["priority"].map { (n: Node) throws(RuleError) in try reader.integer(n, "the priority") }
                ?? DecisionOutput.defaultPriority,
            rejects: rejects)
    }

    /// A text whose placeholders all name a question or a capacity fact.
    func template(_ node: Node, _ what: String) throws(RuleError) -> String {
        let text = try reader.string(node, what)
        do throws(ExpressionError) {
            for (name, offset) in try RuleTemplate.placeholders(in: text) where !checker.knows(name) {
                throw ExpressionError("placeholder {\(name)} names no question or capacity fact", at: offset)
            }
        } catch {
            throw locate(error, in: node, value: text)
        }
        return text
    }

    /// A list of texts, each checked as a template.
    func templates(_ node: Node, _ what: String) throws(RuleError) -> [String] {
        var items: [String] = []
        for item in try reader.sequence(node, what) { items.append(try template(item, "an item of \(what)")) }
        return items
    }

    func strings(_ node: Node, _ what: String) throws(RuleError) -> [String] {
        var items: [String] = []
        for item in try reader.sequence(node, what) { items.append(try reader.string(item, "an item of \(what)")) }
        return items
    }

    func enumeration<T: RawRepresentable & CaseIterable>(_ node: Node, _ what: String) throws(RuleError) -> T where T.RawValue == String {
        let text = try reader.string(node, what)
        guard let value = T(rawValue: text) else {
            let known = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw reader.error("unknown \(what.replacingOccurrences(of: "the ", with: "")) '\(text)'; expected one of \(known)", at: node)
        }
        return value
    }

    func origin(of node: Node) -> RuleOrigin {
        RuleOrigin(file: reader.file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    private func locate(_ error: ExpressionError, in node: Node, value: String) -> RuleError {
        let position = positions.locate(offset: error.offset, in: value, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        return RuleError(file: reader.file, line: position.line, column: position.column, message: error.message)
    }

    static func isValidID(_ id: String) -> Bool {
        let parts = id.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { part in
            !part.isEmpty && part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
        }
    }
}
