import Yams

/// Reads the `entities` and `services` of a session file. Duplicate names are errors (they would make
/// tables and services ambiguous); references to unknown entities or services are kept with a warning,
/// so a half-edited model still opens and the design can report the dangling reference.
struct SessionFileModelDecoder {
    let reader: YAMLReader
    private(set) var warnings: [SessionFileWarning] = []
    /// Checked once both lists are read: who refers, to what, where, and how to say it.
    private var entityReferences: [(owner: String, target: String, node: Node)] = []
    private var serviceReferences: [(message: String, target: String, node: Node)] = []

    init(reader: YAMLReader) { self.reader = reader }

    mutating func entities(_ node: Node) throws(LocatedError) -> [Entity] {
        var entities: [Entity] = []
        var seen: [String: Node] = [:]
        for item in try reader.sequence(node, "entities") {
            let pairs = try reader.keyed(try reader.mapping(item, "an entity"), allowed: ["name", "description", "service", "fields", "relations"], in: "an entity")
            let nameNode = try reader.require("name", in: pairs, of: item, "an entity")
            let name = try reader.name(nameNode, "the entity name")
            try checkUnique(name, at: nameNode, seen: &seen, "entity name '\(name)'")
            var entity = Entity(name: name)
            if let text = pairs["description"], !reader.isNull(text) {
                entity.description = try reader.string(text, "the description of \(name)")
            }
            if let service = pairs["service"], !reader.isNull(service) {
                let target = try reader.string(service, "the service of \(name)")
                entity.service = .named(target)
                serviceReferences.append(("\(name): unknown service '\(target)' kept as is", target, service))
            }
            if let fields = pairs["fields"], !reader.isNull(fields) { entity.fields = try self.fields(fields, of: name) }
            if let relations = pairs["relations"], !reader.isNull(relations) {
                for relation in try reader.sequence(relations, "the relations of \(name)") {
                    entity.relations.append(try self.relation(relation, of: name))
                }
            }
            entities.append(entity)
        }
        return entities
    }

    mutating func services(_ node: Node) throws(LocatedError) -> [Service] {
        var services: [Service] = []
        var seen: [String: Node] = [:]
        for item in try reader.sequence(node, "services") {
            let pairs = try reader.keyed(try reader.mapping(item, "a service"), allowed: ["name", "responsibilities", "calls"], in: "a service")
            let nameNode = try reader.require("name", in: pairs, of: item, "a service")
            let name = try reader.name(nameNode, "the service name")
            try checkUnique(name, at: nameNode, seen: &seen, "service name '\(name)'")
            var service = Service(name: name)
            if let text = pairs["responsibilities"], !reader.isNull(text) {
                service.responsibilities = try reader.string(text, "the responsibilities of \(name)")
            }
            if let calls = pairs["calls"], !reader.isNull(calls) {
                for call in try reader.sequence(calls, "the calls of \(name)") {
                    service.calls.append(try self.call(call, from: name))
                }
            }
            services.append(service)
        }
        return services
    }

    /// Warns about relations to entities that do not exist and, when services are listed, about unknown services.
    mutating func checkReferences(entities: [Entity], services: [Service]) {
        let entityNames = Set(entities.map { NameKey($0.name) })
        for reference in entityReferences where !entityNames.contains(NameKey(reference.target)) {
            warn("\(reference.owner): relation to unknown entity '\(reference.target)' kept as is", at: reference.node)
        }
        guard !services.isEmpty else { return }
        let serviceNames = Set(services.map { NameKey($0.name) })
        for reference in serviceReferences where !serviceNames.contains(NameKey(reference.target)) {
            warn(reference.message, at: reference.node)
        }
    }

    private func fields(_ node: Node, of entity: String) throws(LocatedError) -> [Field] {
        var fields: [Field] = []
        var seen: [String: Node] = [:]
        let what = "a field of \(entity)"
        for item in try reader.sequence(node, "the fields of \(entity)") {
            let pairs = try reader.keyed(try reader.mapping(item, what), allowed: Self.fieldKeys, in: what)
            let nameNode = try reader.require("name", in: pairs, of: item, what)
            let name = try reader.name(nameNode, "the field name")
            try checkUnique(name, at: nameNode, seen: &seen, "field '\(name)' in \(entity)")
            var field = Field(name: name)
            if let type = pairs["type"] { field.type = try reader.option(type, FieldType.self, "field type", of: "\(entity).\(name)") }
            field.required = try flag(pairs["required"], "required of \(entity).\(name)", default: false)
            field.unique = try flag(pairs["unique"], "unique of \(entity).\(name)", default: false)
            field.pii = try flag(pairs["pii"], "pii of \(entity).\(name)", default: false)
            field.indexed = try flag(pairs["indexed"], "indexed of \(entity).\(name)", default: false)
            if let values = pairs["values"], !reader.isNull(values) {
                for value in try reader.sequence(values, "the values of \(entity).\(name)") {
                    field.enumValues.append(try reader.string(value, "a value of \(entity).\(name)"))
                }
            }
            try readDetails(of: &field, pairs, in: entity)
            fields.append(field)
        }
        return fields
    }

    static let fieldKeys = ["name", "type", "required", "unique", "pii", "indexed", "values", "length", "precision", "scale",
                            "default", "description"]

    /// The v2 details of a field: type parameters, default and description.
    private func readDetails(of field: inout Field, _ pairs: [String: Node], in entity: String) throws(LocatedError) {
        let owner = "\(entity).\(field.name)"
        if let node = pairs["length"], !reader.isNull(node) {
            guard field.type.takesLength else { throw reader.error("length is for string fields; \(owner) is \(field.type.rawValue)", at: node) }
            field.length = try reader.whole(node, "length of \(owner)", in: 1...10_485_760)
        }
        if let node = pairs["precision"], !reader.isNull(node) {
            guard field.type.takesPrecision else { throw reader.error("precision is for decimal fields; \(owner) is \(field.type.rawValue)", at: node) }
            field.precision = try reader.whole(node, "precision of \(owner)", in: 1...1000)
        }
        if let node = pairs["scale"], !reader.isNull(node) {
            guard field.type.takesPrecision else { throw reader.error("scale is for decimal fields; \(owner) is \(field.type.rawValue)", at: node) }
            let scale = try reader.whole(node, "scale of \(owner)", in: 0...1000)
            if let precision = field.precision, scale > precision {
                throw reader.error("scale \(scale) of \(owner) is larger than its precision \(precision)", at: node)
            }
            field.scale = scale
        }
        if let node = pairs["default"], !reader.isNull(node) { field.defaultValue = try reader.string(node, "the default of \(owner)") }
        if let node = pairs["description"], !reader.isNull(node) { field.description = try reader.string(node, "the description of \(owner)") }
    }

    private mutating func relation(_ node: Node, of entity: String) throws(LocatedError) -> Relation {
        let what = "a relation of \(entity)"
        let pairs = try reader.keyed(try reader.mapping(node, what), allowed: ["kind", "target", "name", "required", "onDelete"], in: what)
        let kind = try reader.option(try reader.require("kind", in: pairs, of: node, what), RelationKind.self, "relation kind", of: entity)
        let targetNode = try reader.require("target", in: pairs, of: node, what)
        let target = try reader.string(targetNode, "the target of \(what)")
        var relation = Relation(kind: kind, target: target)
        entityReferences.append((entity, target, targetNode))
        if let name = pairs["name"], !reader.isNull(name) { relation.name = try reader.string(name, "the name of \(what)") }
        relation.required = try flag(pairs["required"], "required of \(what)", default: true)
        if let rule = pairs["onDelete"] { relation.onDelete = try reader.option(rule, DeleteRule.self, "onDelete rule", of: entity) }
        return relation
    }

    private mutating func call(_ node: Node, from service: String) throws(LocatedError) -> ServiceCall {
        let what = "a call of \(service)"
        let pairs = try reader.keyed(try reader.mapping(node, what), allowed: ["target", "style", "purpose"], in: what)
        let targetNode = try reader.require("target", in: pairs, of: node, what)
        let target = try reader.string(targetNode, "the target of \(what)")
        var call = ServiceCall(target: target)
        serviceReferences.append(("\(service): call to unknown service '\(target)' kept as is", target, targetNode))
        if let style = pairs["style"] { call.style = try reader.option(style, ServiceCall.Style.self, "call style", of: service) }
        if let purpose = pairs["purpose"], !reader.isNull(purpose) { call.purpose = try reader.string(purpose, "the purpose of \(what)") }
        return call
    }

    private func flag(_ node: Node?, _ what: String, default value: Bool) throws(LocatedError) -> Bool {
        guard let node, !reader.isNull(node) else { return value }
        return try reader.bool(node, what)
    }

    /// Names compare as `NameKey` says: ignoring case and separators (they would make one table or type).
    private func checkUnique(_ name: String, at node: Node, seen: inout [String: Node], _ what: String) throws(LocatedError) {
        if let first = seen[NameKey(name).raw] {
            let line = first.mark?.line ?? 1
            throw reader.error("duplicate \(what): already used at line \(line) (names compare ignoring case and separators)", at: node)
        }
        seen[NameKey(name).raw] = node
    }

    private mutating func warn(_ message: String, at node: Node) {
        warnings.append(SessionFileWarning(reader.error(message, at: node)))
    }
}
