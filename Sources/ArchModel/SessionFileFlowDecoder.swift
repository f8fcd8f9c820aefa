import Yams

/// Reads the `flows` and `endpoints` (endpoint overrides) of a session file. References are names, resolved by
/// `Session`; one that matches nothing is kept with a warning, like the entities' and services' references.
struct SessionFileFlowDecoder {
    let reader: YAMLReader
    private(set) var warnings: [SessionFileWarning] = []
    private var serviceReferences: [(message: String, target: String, node: Node)] = []
    private var entityReferences: [(message: String, target: String, node: Node)] = []

    init(reader: YAMLReader) { self.reader = reader }

    static let stepKeys = ["from", "to", "action", "style", "failure"]
    static let overrideKeys = ["entity", "parent", "operation", "action", "hidden", "method", "path", "summary", "authorization",
                               "request", "response"]

    mutating func flows(_ node: Node) throws(LocatedError) -> [Flow] {
        var flows: [Flow] = []
        for item in try reader.sequence(node, "flows") {
            let pairs = try reader.keyed(try reader.mapping(item, "a flow"), allowed: ["name", "steps"], in: "a flow")
            let name = try reader.name(try reader.require("name", in: pairs, of: item, "a flow"), "the flow name")
            var flow = Flow(name: name)
            if let steps = pairs["steps"], !reader.isNull(steps) {
                for (number, step) in try reader.sequence(steps, "the steps of \(name)").enumerated() {
                    flow.steps.append(try self.step(step, number: number + 1, of: name))
                }
            }
            flows.append(flow)
        }
        return flows
    }

    private mutating func step(_ node: Node, number: Int, of flow: String) throws(LocatedError) -> FlowStep {
        let what = "step \(number) of \(flow)"
        let pairs = try reader.keyed(try reader.mapping(node, what), allowed: Self.stepKeys, in: what)
        func participant(_ key: String) throws(LocatedError) -> FlowParticipant {
            let valueNode = try reader.require(key, in: pairs, of: node, what)
            let participant = FlowParticipantText.participant(try reader.string(valueNode, "'\(key)' of \(what) (actor NAME, external NAME or a service)"))
            if case .service(.named(let target)) = participant {
                serviceReferences.append(("\(flow): step \(number) \(key == "from" ? "from" : "to") unknown service '\(target)' kept as is", target, valueNode))
            }
            return participant
        }
        let from = try participant("from"), to = try participant("to")
        let action = try reader.string(try reader.require("action", in: pairs, of: node, what), "the action of \(what)")
        var step = FlowStep(from: from, to: to, action: action)
        if let style = pairs["style"] { step.style = try reader.option(style, ServiceCall.Style.self, "step style", of: what) }
        if let failure = pairs["failure"], !reader.isNull(failure) { step.failure = try reader.string(failure, "the failure of \(what)") }
        return step
    }

    mutating func endpointOverrides(_ node: Node) throws(LocatedError) -> [EndpointOverride] {
        var overrides: [EndpointOverride] = []
        var seen: [String: Node] = [:]
        for item in try reader.sequence(node, "endpoints") {
            let pairs = try reader.keyed(try reader.mapping(item, "an endpoint"), allowed: Self.overrideKeys, in: "an endpoint")
            if pairs["entity"] != nil || pairs["operation"] != nil {
                let (endpointOverride, label) = try change(item, pairs)
                if let first = seen[NameKey(label).raw] {
                    warn("a second change of \(label): applied after the one at line \(first.mark?.line ?? 1)", at: item)
                } else {
                    seen[NameKey(label).raw] = item
                }
                overrides.append(endpointOverride)
            } else {
                overrides.append(try custom(item, pairs))
            }
        }
        return overrides
    }

    /// A change of a generated endpoint, and how to name it in messages (`Order create`, `OrderItem list under Order`).
    private mutating func change(_ node: Node, _ pairs: [String: Node]) throws(LocatedError) -> (EndpointOverride, String) {
        let what = "a change of a generated endpoint"
        let entityNode = try reader.require("entity", in: pairs, of: node, "\(what) (entity and operation name it)")
        let entity = try reader.string(entityNode, "the entity of \(what)")
        let operation = try reader.option(try reader.require("operation", in: pairs, of: node, "\(what) (entity and operation name it)"),
                                   EndpointKey.Operation.self, "operation", of: "the endpoints of \(entity)")
        var parent: String?
        if let node = pairs["parent"], !reader.isNull(node) { parent = try reader.string(node, "the parent of \(what)") }
        var action: String?
        if let node = pairs["action"], !reader.isNull(node) { action = try reader.string(node, "the action of \(what)") }
        if operation == .transition, action == nil {
            throw reader.error("a change of a transition names its action (the status it moves to, e.g. action: cancelled)", at: node)
        }
        let label = "\(entity) \(operation.rawValue)" + (action.map { " \($0)" } ?? "") + (parent.map { " under \($0)" } ?? "")
        for key in ["request", "response"] {
            if let node = pairs[key] {
                throw reader.error("\(key) is for custom endpoints; the change of \(label) may set hidden, method, path, summary or authorization", at: node)
            }
        }
        entityReferences.append(("endpoint change of \(label): unknown entity '\(entity)' kept as is", entity, entityNode))
        if let parent, let node = pairs["parent"] {
            entityReferences.append(("endpoint change of \(label): unknown entity '\(parent)' kept as is", parent, node))
        }
        var changes = EndpointChanges()
        if let node = pairs["hidden"], !reader.isNull(node) { changes.hidden = try reader.bool(node, "hidden of \(label)") }
        if let node = pairs["method"] { changes.method = try reader.option(node, HTTPMethod.self, "method", of: label) }
        changes.path = try text(pairs["path"], "the path of \(label)")
        changes.summary = try text(pairs["summary"], "the summary of \(label)")
        changes.authorization = try text(pairs["authorization"], "the authorization of \(label)")
        if changes.isEmpty { warn("the change of \(label) changes nothing (set hidden, method, path, summary or authorization)", at: node) }
        let key = EndpointKey(entity: .named(entity), operation: operation, parent: parent.map { .named($0) },
                              action: operation == .transition ? action : nil)
        return (EndpointOverride(target: key, changes), label)
    }

    private mutating func custom(_ node: Node, _ pairs: [String: Node]) throws(LocatedError) -> EndpointOverride {
        let what = "a custom endpoint (a change of a generated one names its entity and operation)"
        let method = try reader.option(try reader.require("method", in: pairs, of: node, what), HTTPMethod.self, "method", of: "a custom endpoint")
        let path = try reader.string(try reader.require("path", in: pairs, of: node, what), "the path of a custom endpoint")
        let label = "\(method.rawValue) \(path)"
        if let hidden = pairs["hidden"] {
            throw reader.error("hidden is for generated endpoints (name their entity and operation); remove the custom endpoint \(label) instead", at: hidden)
        }
        var custom = CustomEndpoint(method: method, path: path)
        custom.summary = try text(pairs["summary"], "the summary of \(label)") ?? ""
        custom.authorization = try text(pairs["authorization"], "the authorization of \(label)")
        for key in ["request", "response"] {
            guard let node = pairs[key], let entity = try text(node, "the \(key) entity of \(label)") else { continue }
            entityReferences.append(("custom endpoint \(label): unknown \(key) entity '\(entity)' kept as is", entity, node))
            if key == "request" { custom.request = .named(entity) } else { custom.response = .named(entity) }
        }
        return EndpointOverride(custom: custom)
    }

    /// Warns about references to entities that do not exist and, when services are listed, about unknown services.
    mutating func checkReferences(entities: [Entity], services: [Service]) {
        let entityNames = Set(entities.map { NameKey($0.name) })
        for reference in entityReferences where !entityNames.contains(NameKey(reference.target)) {
            warn(reference.message, at: reference.node)
        }
        guard !services.isEmpty else { return }
        let serviceNames = Set(services.map { NameKey($0.name) })
        for reference in serviceReferences where !serviceNames.contains(NameKey(reference.target)) {
            warn(reference.message, at: reference.node)
        }
    }

    private func text(_ node: Node?, _ what: String) throws(LocatedError) -> String? {
        guard let node, !reader.isNull(node) else { return nil }
        return try reader.string(node, what)
    }

    private mutating func warn(_ message: String, at node: Node) {
        warnings.append(SessionFileWarning(reader.error(message, at: node)))
    }
}
