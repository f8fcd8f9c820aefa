import Yams

/// Entities and services as session-file nodes; `SessionFileModelDecoder` reads them back.
extension SessionFile {
    static func node(for entity: Entity, names: ModelNames) -> Node {
        var pairs = [(scalar("name"), scalar(entity.name))]
        if !entity.description.isEmpty { pairs.append((scalar("description"), scalar(entity.description))) }
        if let service = entity.service { pairs.append((scalar("service"), scalar(names.name(service)))) }
        if !entity.fields.isEmpty {
            pairs.append((scalar("fields"), Node(entity.fields.map(node(for:)), .implicit, .block)))
        }
        if !entity.relations.isEmpty {
            pairs.append((scalar("relations"), Node(entity.relations.map { node(for: $0, names: names) }, .implicit, .block)))
        }
        return Node(pairs, .implicit, .block)
    }

    /// `{name: total, type: money, required: true}`: the type always, flags only when set.
    static func node(for field: Field) -> Node {
        var pairs = [(scalar("name"), scalar(field.name)), (scalar("type"), scalar(field.type.rawValue))]
        for (key, isSet) in [("required", field.required), ("unique", field.unique), ("pii", field.pii), ("indexed", field.indexed)] where isSet {
            pairs.append((scalar(key), Node("true")))
        }
        if !field.enumValues.isEmpty {
            pairs.append((scalar("values"), Node(field.enumValues.map(scalar), .implicit, .flow)))
        }
        for (key, value) in [("length", field.length), ("precision", field.precision), ("scale", field.scale)] {
            if let value { pairs.append((scalar(key), Node(String(value)))) }
        }
        if let value = field.defaultValue { pairs.append((scalar("default"), scalar(value))) }
        if !field.description.isEmpty { pairs.append((scalar("description"), scalar(field.description))) }
        return Node(pairs, .implicit, .flow)
    }

    /// `{kind: belongs-to, target: Order, onDelete: cascade}`: `required: true` and `onDelete: restrict` left out.
    static func node(for relation: Relation, names: ModelNames) -> Node {
        var pairs = [(scalar("kind"), scalar(relation.kind.rawValue)), (scalar("target"), scalar(names.name(relation.target)))]
        if let name = relation.name { pairs.append((scalar("name"), scalar(name))) }
        if !relation.required { pairs.append((scalar("required"), Node("false"))) }
        if relation.onDelete != .restrict { pairs.append((scalar("onDelete"), scalar(relation.onDelete.rawValue))) }
        return Node(pairs, .implicit, .flow)
    }

    static func node(for service: Service, names: ModelNames) -> Node {
        var pairs = [(scalar("name"), scalar(service.name))]
        if !service.responsibilities.isEmpty {
            pairs.append((scalar("responsibilities"), scalar(service.responsibilities)))
        }
        if !service.calls.isEmpty {
            pairs.append((scalar("calls"), Node(service.calls.map { node(for: $0, names: names) }, .implicit, .block)))
        }
        return Node(pairs, .implicit, .block)
    }

    /// `{target: Payments, style: async, purpose: …}`: the style always, the purpose when given.
    static func node(for call: ServiceCall, names: ModelNames) -> Node {
        var pairs = [(scalar("target"), scalar(names.name(call.target))), (scalar("style"), scalar(call.style.rawValue))]
        if !call.purpose.isEmpty { pairs.append((scalar("purpose"), scalar(call.purpose))) }
        return Node(pairs, .implicit, .flow)
    }
}
