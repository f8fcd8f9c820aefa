import Yams

/// Flows and endpoint overrides as session-file nodes; `SessionFileFlowDecoder` reads them back.
extension SessionFile {
    static func node(for flow: Flow, names: ModelNames) -> Node {
        var pairs = [(scalar("name"), scalar(flow.name))]
        if !flow.steps.isEmpty {
            pairs.append((scalar("steps"), Node(flow.steps.map { node(for: $0, names: names) }, .implicit, .block)))
        }
        return Node(pairs, .implicit, .block)
    }

    /// `{from: actor Shopper, to: Ordering, action: place the order, style: async, failure: …}`: `style: sync` left out.
    static func node(for step: FlowStep, names: ModelNames) -> Node {
        var pairs = [(scalar("from"), scalar(FlowParticipantText.text(step.from, names: names))),
                     (scalar("to"), scalar(FlowParticipantText.text(step.to, names: names))),
                     (scalar("action"), scalar(step.action))]
        if step.style != .sync { pairs.append((scalar("style"), scalar(step.style.rawValue))) }
        if let failure = step.failure { pairs.append((scalar("failure"), scalar(failure))) }
        return Node(pairs, .implicit, .flow)
    }

    /// A change `{entity: Order, operation: delete, hidden: true}` or a custom endpoint `{method: POST, path: …}`;
    /// what is not set is left out.
    static func node(for endpointOverride: EndpointOverride, names: ModelNames) -> Node {
        var pairs: [(Node, Node)] = []
        func add(_ key: String, _ value: String?) { if let value { pairs.append((scalar(key), scalar(value))) } }
        switch endpointOverride.kind {
        case .change(let key, let changes):
            add("entity", names.name(key.entity))
            add("parent", key.parent.map(names.name))
            add("operation", key.operation.rawValue)
            add("action", key.action)
            if changes.hidden { pairs.append((scalar("hidden"), Node("true"))) }
            add("method", changes.method?.rawValue)
            add("path", changes.path)
            add("summary", changes.summary)
            add("authorization", changes.authorization)
        case .custom(let custom):
            add("method", custom.method.rawValue)
            add("path", custom.path)
            add("summary", custom.summary.isEmpty ? nil : custom.summary)
            add("request", custom.request.map(names.name))
            add("response", custom.response.map(names.name))
            add("authorization", custom.authorization)
        }
        return Node(pairs, .implicit, .flow)
    }
}

/// How a flow participant is spelled in the file: `actor Shopper`, `external Stripe`, or a service's name
/// (`service …` when the name itself starts with one of these words).
public enum FlowParticipantText {
    public static let prefixes = ["actor ", "external ", "service "]

    public static func text(_ participant: FlowParticipant, names: ModelNames) -> String {
        switch participant {
        case .actor(let name): return "actor " + name
        case .external(let name): return "external " + name
        case .service(let reference):
            let name = names.name(reference)
            return prefixes.contains(where: name.hasPrefix) ? "service " + name : name
        }
    }

    /// The participant the text spells; a service is still a name, resolved by `Session`.
    public static func participant(_ text: String) -> FlowParticipant {
        if text.hasPrefix("actor ") { return .actor(String(text.dropFirst(6))) }
        if text.hasPrefix("external ") { return .external(String(text.dropFirst(9))) }
        if text.hasPrefix("service ") { return .service(.named(String(text.dropFirst(8)))) }
        return .service(.named(text))
    }
}
