import ArchModel

/// Sequence diagrams of the main flows: one "Create <Entity>" per aggregate root, and one flow across
/// services when there are several. Participants appear in order of first appearance.
public struct SequenceGenerator: Sendable {
    /// At most this many create flows, so the document stays readable (plus one cross-service flow).
    public static let maxCreateFlows = 5

    public init() {}

    public func sequences(session: Session, components: [Component], endpoints: [Endpoint], decisions: [Decision]) -> [SequenceDiagram] {
        let context = FlowContext(facts: InfraFacts(session: session, decisions: decisions), components: components, endpoints: endpoints)
        let roots = EntityGraph(entities: session.entities).roots.prefix(Self.maxCreateFlows)
        var flows = roots.compactMap { context.createFlow($0) }
        if let cross = context.crossServiceFlow() { flows.append(cross) }
        return flows
    }
}

/// What the flows are drawn from; looks up owners, stores and the entry route.
struct FlowContext: Sendable {
    let facts: InfraFacts
    let components: [Component]
    let endpoints: [Endpoint]

    var services: [Component] { components.filter { $0.kind == .service } }
    var gateway: String? { components.first { $0.kind == .gateway }?.name }
    var cache: String? { components.first { $0.kind == .cache }?.name }
    var broker: String? { components.first { $0.kind == .broker }?.name }
    var publishesEvents: Bool { broker != nil && facts.communication != .sync }

    func owner(of entity: String) -> Component? {
        services.first { $0.ownedData.contains { InfraNaming.key($0) == InfraNaming.key(entity) } } ?? services.first
    }

    /// The database the service depends on, else the first database.
    func database(of service: Component) -> String? {
        let names = Set(components.filter { $0.kind == .database }.map(\.name))
        return service.dependencies.first { names.contains($0.target) }?.target ?? components.first { $0.kind == .database }?.name
    }

    /// `POST /v1/orders` from the API generator's endpoint, else the API style's create call.
    func createRoute(_ entity: String) -> String {
        let endpoint = endpoints.first { $0.method.uppercased() == "POST" && InfraNaming.key($0.resource) == InfraNaming.key(entity) }
        return endpoint.map { "POST " + $0.path } ?? facts.createCall(of: entity)
    }

    /// Services consuming `event` (from their interfaces).
    func consumers(of event: String, except producer: String) -> [String] {
        services.filter { $0.name != producer && $0.interfaces.contains { if case .consumes(event, _) = $0 { return true } else { return false } } }.map(\.name)
    }

    func createFlow(_ entity: Entity) -> SequenceDiagram? {
        // Clients never create audit records (the API has no POST for them): the system writes them.
        guard !SchemaNames.isAuditRecord(words: Naming.words(entity.name)), let service = owner(of: entity.name) else { return nil }
        var flow = FlowBuilder()
        let route = createRoute(entity.name)
        let front = flow.enter(route: route, gateway: gateway, service: service.name)
        if let database = database(of: service) {
            flow.call(service.name, database, "INSERT \(InfraNaming.table(entity.name))", reply: "row id")
        }
        if let cache { flow.call(service.name, cache, "invalidate \(InfraNaming.table(entity.name)) lists", reply: "ok") }
        let event = InfraNaming.createdEvent(entity.name)
        if publishesEvents, let broker { flow.send(service.name, broker, "publish \(event)") }
        flow.leave(front: front, service: service.name, gateway: gateway, status: "201 Created")
        if publishesEvents, let broker {
            for consumer in consumers(of: event, except: service.name) { flow.send(broker, consumer, "deliver \(event)") }
        }
        return flow.diagram(title: "Create \(entity.name)", id: .create(entity.id), trace: Trace(
            answers: ["services.communication"],
            sources: ["SequenceGenerator", "entity \(entity.name)", "component \(service.name)"]))
    }

    /// The service with the most calls to other services starts the main use case: its first root is created,
    /// sync dependencies are called first, async ones get the event after the reply.
    func crossServiceFlow() -> SequenceDiagram? {
        let names = Set(services.map(\.name))
        guard services.count > 1 else { return nil }
        let ranked = services.enumerated().max { lhs, rhs in
            let l = lhs.element.dependencies.filter { names.contains($0.target) }.count
            let r = rhs.element.dependencies.filter { names.contains($0.target) }.count
            return l < r || (l == r && lhs.offset > rhs.offset)
        }
        guard let start = ranked?.element else { return nil }
        let calls = start.dependencies.filter { names.contains($0.target) }
        guard !calls.isEmpty else { return nil }
        let graph = EntityGraph(entities: facts.session.entities)
        let rootKeys = Set(graph.roots.map { InfraNaming.key($0.name) })
        let entity = start.ownedData.first { rootKeys.contains(InfraNaming.key($0)) } ?? start.ownedData.first ?? start.name
        var flow = FlowBuilder()
        let front = flow.enter(route: createRoute(entity), gateway: gateway, service: start.name)
        for call in calls where call.style == .sync {
            flow.call(start.name, call.target, call.purpose.isEmpty ? "call \(call.target)" : call.purpose, reply: "ok")
        }
        if let database = database(of: start) { flow.call(start.name, database, "INSERT \(InfraNaming.table(entity))", reply: "row id") }
        let asyncCalls = calls.filter { $0.style == .async }
        let event = InfraNaming.createdEvent(entity)
        if !asyncCalls.isEmpty { flow.send(start.name, broker ?? asyncCalls[0].target, "publish \(event)") }
        flow.leave(front: front, service: start.name, gateway: gateway, status: "201 Created")
        if let broker { for call in asyncCalls { flow.send(broker, call.target, "deliver \(event)") } }
        let style = asyncCalls.isEmpty ? "sync calls" : calls.count == asyncCalls.count ? "events" : "sync calls and events"
        return flow.diagram(title: "Create \(entity) across services (\(style))", id: .crossService, trace: Trace(
            answers: ["services.communication"],
            sources: ["SequenceGenerator", "component \(start.name)"] + calls.map { "dependency \(start.name) → \($0.target)" }))
    }
}

/// Collects messages; participants are derived from them in order of first appearance.
struct FlowBuilder: Sendable {
    var messages: [SequenceDiagram.Message] = []

    /// Client → gateway → service; returns who the service replies to.
    mutating func enter(route: String, gateway: String?, service: String) -> String {
        messages.append(.init(from: "Client", to: gateway ?? service, text: route))
        guard let gateway else { return "Client" }
        messages.append(.init(from: gateway, to: service, text: "\(route) (authenticated)"))
        return gateway
    }

    mutating func leave(front: String, service: String, gateway: String?, status: String) {
        messages.append(.init(from: service, to: front, text: status, isReply: true))
        if let gateway { messages.append(.init(from: gateway, to: "Client", text: status, isReply: true)) }
    }

    mutating func call(_ from: String, _ to: String, _ text: String, reply: String) {
        messages.append(.init(from: from, to: to, text: text))
        messages.append(.init(from: to, to: from, text: reply, isReply: true))
    }

    mutating func send(_ from: String, _ to: String, _ text: String) {
        messages.append(.init(from: from, to: to, text: text, isAsync: true))
    }

    func diagram(title: String, id: SequenceID, trace: Trace) -> SequenceDiagram {
        var participants: [String] = []
        for message in messages {
            for name in [message.from, message.to] where !participants.contains(name) { participants.append(name) }
        }
        return SequenceDiagram(title: title, participants: participants, messages: messages, trace: trace, id: id)
    }
}
