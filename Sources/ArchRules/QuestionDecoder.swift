import ArchModel
import Yams

/// Reads and checks one question of a catalogue file.
struct QuestionDecoder {
    let reader: YAMLReader
    let stepID: String
    let earlier: [String: Question]

    static let keys = ["id", "prompt", "help", "kind", "unit", "choices", "default", "validation", "show_if"]

    func decode(_ node: Node) throws(CatalogueError) -> Question {
        let pairs = try reader.keyed(try reader.mapping(node, "a question"), allowed: Self.keys, in: "a question")
        func required(_ key: String) throws(CatalogueError) -> Node { try reader.require(key, in: pairs, of: node, "a question") }
        let idNode = try required("id")
        let id = try reader.string(idNode, "the question id")
        guard id.hasPrefix(stepID + "."), id.count > stepID.count + 1 else {
            throw reader.error("question id '\(id)' must be '\(stepID).<name>' in step '\(stepID)'", at: idNode)
        }
        if earlier[id] != nil { throw reader.error("duplicate question id '\(id)'", at: idNode) }
        let kindNode = try required("kind")
        let kindText = try reader.string(kindNode, "the kind")
        guard let kind = QuestionKind(rawValue: kindText) else {
            throw reader.error("unknown kind '\(kindText)'; expected one of \(StepDecoder.kinds)", at: kindNode)
        }
        var question = Question(id: id, prompt: try reader.string(try required("prompt"), "the prompt"), kind: kind)
        question.help = try pairs["help"].map { n throws(CatalogueError) in try reader.string(n, "the help text") } ?? ""
        question.unit = try pairs["unit"].map { n throws(CatalogueError) in try reader.string(n, "the unit") }
        question.choices = try choices(pairs["choices"], kind: kind, question: node)
        question.validation = try validation(pairs["validation"], kind: kind)
        if let defaultNode = pairs["default"] { question.defaultValue = try defaultValue(defaultNode, for: question) }
        if let showIf = pairs["show_if"] { question.showIf = try self.showIf(showIf) }
        return question
    }

    private func choices(_ node: Node?, kind: QuestionKind, question: Node) throws(CatalogueError) -> [Choice] {
        let needsChoices = kind == .choice || kind == .multiChoice
        guard let node else {
            if needsChoices { throw reader.error("a \(kind.rawValue) question needs 'choices'", at: question) }
            return []
        }
        guard needsChoices else { throw reader.error("'choices' only belong to choice and multi-choice questions, not \(kind.rawValue)", at: node) }
        var result: [Choice] = []
        for item in try reader.sequence(node, "choices") {
            let pairs = try reader.keyed(try reader.mapping(item, "a choice"), allowed: ["value", "label"], in: "a choice")
            let valueNode = try reader.require("value", in: pairs, of: item, "a choice")
            let value = try reader.string(valueNode, "the choice value")
            let label = try reader.string(try reader.require("label", in: pairs, of: item, "a choice"), "the choice label")
            if result.contains(where: { $0.value == value }) { throw reader.error("duplicate choice value '\(value)'", at: valueNode) }
            result.append(Choice(value: value, label: label))
        }
        if result.isEmpty { throw reader.error("'choices' must list at least one choice", at: node) }
        return result
    }

    private func validation(_ node: Node?, kind: QuestionKind) throws(CatalogueError) -> Validation {
        guard let node else { return Validation() }
        let pairs = try reader.keyed(try reader.mapping(node, "validation"), allowed: ["required", "min", "max", "max_length"], in: "validation")
        var rules = Validation()
        rules.required = try pairs["required"].map { n throws(CatalogueError) in try reader.bool(n, "required") } ?? false
        for key in ["min", "max"] where pairs[key] != nil && kind != .integer && kind != .number {
            throw reader.error("'\(key)' only applies to integer and number questions, not \(kind.rawValue)", at: pairs[key])
        }
        rules.minimum = try pairs["min"].map { n throws(CatalogueError) in try reader.number(n, "min") }
        rules.maximum = try pairs["max"].map { n throws(CatalogueError) in try reader.number(n, "max") }
        if let min = rules.minimum, let max = rules.maximum, min > max {
            throw reader.error("min \(NumberFormat.plain(min)) is greater than max \(NumberFormat.plain(max))", at: pairs["min"])
        }
        if let lengthNode = pairs["max_length"] {
            let length = try reader.integer(lengthNode, "max_length")
            if length < 1 { throw reader.error("max_length must be at least 1", at: lengthNode) }
            rules.maxLength = length
        }
        return rules
    }

    private func defaultValue(_ node: Node, for question: Question) throws(CatalogueError) -> AnswerValue {
        let value: AnswerValue
        let what = "the default of a \(question.kind.rawValue) question"
        switch question.kind {
        case .text: value = .text(try reader.string(node, what))
        case .integer:
            value = .number(Double(try reader.integer(node, what)))
        case .number: value = .number(try reader.number(node, what))
        case .choice: value = .choice(try reader.string(node, what))
        case .multiChoice, .list:
            var items: [String] = []
            for item in try reader.sequence(node, what) { items.append(try reader.string(item, "an item of the default")) }
            value = question.kind == .list ? .list(items) : .choices(items)
        case .entities, .services, .systems: throw reader.error("\(question.kind.rawValue) questions take no default", at: node)
        }
        if let problem = AnswerParser.validate(value, for: Question(id: question.id, prompt: "", kind: question.kind, unit: question.unit, choices: question.choices, validation: Validation(minimum: question.validation.minimum, maximum: question.validation.maximum, maxLength: question.validation.maxLength))) {
            throw reader.error("bad default: \(problem.message)", at: node)
        }
        return value
    }

    private func showIf(_ node: Node) throws(CatalogueError) -> ShowIf {
        let pairs = try reader.keyed(try reader.mapping(node, "show_if"), allowed: ["question", "in"], in: "show_if")
        let targetNode = try reader.require("question", in: pairs, of: node, "show_if")
        let target = try reader.string(targetNode, "the show_if question")
        guard let question = earlier[target] else {
            throw reader.error("show_if refers to '\(target)', which is not an earlier question", at: targetNode)
        }
        var values: [String] = []
        if let list = pairs["in"] {
            for item in try reader.sequence(list, "show_if values") {
                let value = try reader.string(item, "a show_if value")
                if !question.choices.isEmpty, !question.choices.contains(where: { $0.value == value }) {
                    let options = question.choices.map(\.value).joined(separator: ", ")
                    throw reader.error("show_if value '\(value)' is not a choice of '\(target)' (\(options))", at: item)
                }
                values.append(value)
            }
        }
        return ShowIf(question: target, values: values)
    }
}
