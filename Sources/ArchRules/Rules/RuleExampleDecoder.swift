import ArchModel
import Yams

/// Reads a rule's `examples:`, typing answers by the catalogue as a session file would.
extension RuleDecoder {
    func examples(_ node: Node) throws(RuleError) -> RuleExamples {
        let pairs = try reader.keyed(try reader.mapping(node, "examples"), allowed: ["fires", "quiet"], in: "examples")
        var examples = RuleExamples()
        if let list = pairs["fires"] { examples.fires = try sessions(list, "fires") }
        if let list = pairs["quiet"] { examples.quiet = try sessions(list, "quiet") }
        return examples
    }

    private func sessions(_ node: Node, _ what: String) throws(RuleError) -> [RuleExample] {
        var result: [RuleExample] = []
        for item in try reader.sequence(node, "\(what) examples") { result.append(try example(item)) }
        return result
    }

    private func example(_ node: Node) throws(RuleError) -> RuleExample {
        let pairs = try reader.keyed(try reader.mapping(node, "an example"), allowed: ["answers", "entities", "services", "systems"], in: "an example")
        var example = RuleExample(origin: origin(of: node))
        if let answers = pairs["answers"], !reader.isNull(answers) {
            for (key, value) in try reader.mapping(answers, "answers") {
                let id = try reader.string(key, "a question id")
                guard let question = catalogue.question(id: id) else { throw reader.error("unknown question id '\(id)'", at: key) }
                if reader.isNull(value) { continue }
                example.answers[id] = try answer(value, for: question)
            }
        }
        if let entities = pairs["entities"] {
            for item in try reader.sequence(entities, "entities") { example.entities.append(try entity(item)) }
        }
        if let services = pairs["services"] {
            for item in try reader.sequence(services, "services") { example.services.append(try service(item)) }
        }
        if let systems = pairs["systems"] {
            var decoder = SessionFileSystemDecoder(reader: reader)
            example.systems = try decoder.systems(systems)
        }
        return example
    }

    private func answer(_ node: Node, for question: Question) throws(RuleError) -> AnswerValue {
        let what = "the answer to \(question.id)"
        switch question.kind {
        case .integer, .number: return .number(try reader.number(node, what))
        case .text: return .text(try reader.string(node, what))
        case .choice: return .choice(try choice(node, of: question))
        case .multiChoice:
            var values: [String] = []
            for item in node.sequence.map(Array.init) ?? [node] { values.append(try choice(item, of: question)) }
            return .choices(values)
        case .list, .entities, .services, .systems:
            return .list(node.sequence == nil ? [try reader.string(node, what)] : try strings(node, what))
        }
    }

    private func choice(_ node: Node, of question: Question) throws(RuleError) -> String {
        let value = try reader.string(node, "a choice of \(question.id)")
        guard question.choices.contains(where: { $0.value == value }) else {
            let known = question.choices.map(\.value).joined(separator: ", ")
            throw reader.error("'\(value)' is not a choice of \(question.id); expected one of \(known)", at: node)
        }
        return value
    }

    private func entity(_ node: Node) throws(RuleError) -> Entity {
        if node.scalar != nil { return Entity(name: try reader.string(node, "an entity name")) }
        let pairs = try reader.keyed(try reader.mapping(node, "an entity"), allowed: ["name", "fields", "relations"], in: "an entity")
        var entity = Entity(name: try reader.string(try reader.require("name", in: pairs, of: node, "an entity"), "the entity name"))
        for item in try pairs["fields"].map({ (n: Node) throws(RuleError) in try reader.sequence(n, "fields") }) ?? [] {
            let fields = try reader.keyed(try reader.mapping(item, "a field"),
                                          allowed: ["name", "type", "pii", "unique", "indexed", "required"], in: "a field")
            var field = Field(name: try reader.string(try reader.require("name", in: fields, of: item, "a field"), "the field name"))
            if let type = fields["type"] { field.type = try enumeration(type, "the field type") }
            field.pii = try flag(fields["pii"], "pii")
            field.unique = try flag(fields["unique"], "unique")
            field.indexed = try flag(fields["indexed"], "indexed")
            field.required = try flag(fields["required"], "required")
            entity.fields.append(field)
        }
        for item in try pairs["relations"].map({ (n: Node) throws(RuleError) in try reader.sequence(n, "relations") }) ?? [] {
            let fields = try reader.keyed(try reader.mapping(item, "a relation"), allowed: ["kind", "target"], in: "a relation")
            entity.relations.append(Relation(
                kind: try enumeration(try reader.require("kind", in: fields, of: item, "a relation"), "the relation kind"),
                target: try reader.string(try reader.require("target", in: fields, of: item, "a relation"), "the target")))
        }
        return entity
    }

    private func flag(_ node: Node?, _ what: String) throws(RuleError) -> Bool {
        guard let node else { return false }
        return try reader.bool(node, what)
    }

    private func service(_ node: Node) throws(RuleError) -> Service {
        if node.scalar != nil { return Service(name: try reader.string(node, "a service name")) }
        let pairs = try reader.keyed(try reader.mapping(node, "a service"), allowed: ["name", "calls"], in: "a service")
        var service = Service(name: try reader.string(try reader.require("name", in: pairs, of: node, "a service"), "the service name"))
        for item in try pairs["calls"].map({ (n: Node) throws(RuleError) in try reader.sequence(n, "calls") }) ?? [] {
            let fields = try reader.keyed(try reader.mapping(item, "a call"), allowed: ["target", "style"], in: "a call")
            var call = ServiceCall(target: try reader.string(try reader.require("target", in: fields, of: item, "a call"), "the target"))
            if let style = fields["style"] { call.style = try enumeration(style, "the call style") }
            service.calls.append(call)
        }
        return service
    }
}
