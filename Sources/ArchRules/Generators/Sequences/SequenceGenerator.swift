import ArchModel

/// Sequence diagrams of the main flows: one "Create <Entity>" per aggregate root, and one flow across
/// services when there are several. Participants appear in order of first appearance.
public struct SequenceGenerator: Sendable {
    /// At most this many create flows, so the document stays readable (plus one cross-service flow).
    public static let maxCreateFlows = 5

    public init() {}

    /// `tables` tell which entities are decided streams (`Table.stream`): those get an ingest flow, not a create.
    /// The use cases' flows come first (`UseCaseFlows`); with any of them, the create flows are drawn only for
    /// decided streams, the cross-service flow only when no use case crosses services, and an existing system's
    /// flow only when no use case took it over.
    func sequences(session: Session, components: [Component], endpoints: [Endpoint], decisions: [Decision],
                   tables: [Table] = [], integration: (links: [IntegrationPlan.Link], flows: [SequenceDiagram]) = ([], [])) -> [SequenceDiagram] {
        var streams: [String: StreamKey] = [:], outboxes: [String: String] = [:]
        for table in tables {
            if let stream = table.stream, let entity = table.entity { streams[InfraNaming.key(entity)] = stream }
            if case .outbox(let publisher)? = table.machinery { outboxes[publisher] = table.name }
        }
        let context = FlowContext(facts: InfraFacts(session: session, decisions: decisions), components: components, endpoints: endpoints,
                                  streams: streams, outboxes: outboxes)
        var byID: [SystemID: SequenceDiagram] = [:]
        for flow in integration.flows { if case .integration(let id) = flow.id { byID[id] = flow } }
        let useCases = UseCaseFlows(context: context, links: integration.links, integrationFlows: byID)
        var flows: [SequenceDiagram] = [], covered: Set<SystemID> = [], seen: Set<String> = []
        for text in context.facts.values("requirements.use_cases") {
            guard seen.insert(NameKey.key(text)).inserted, let (flow, system) = useCases.diagram(text) else { continue }
            flows.append(flow)
            if let system { covered.insert(system) }
        }
        let serviceNames = Set(context.services.map(\.name))
        let crossing = flows.contains { Set($0.participants).intersection(serviceNames).count > 1 }
        let roots = flows.isEmpty ? Array(EntityGraph(entities: session.entities).roots.prefix(Self.maxCreateFlows)) : []
        flows += roots.compactMap { context.createFlow($0) }
        // Every decided stream shows how it is ingested, owned by another record or not.
        let rootKeys = Set(roots.map { InfraNaming.key($0.name) })
        for entity in session.entities where streams[InfraNaming.key(entity.name)] != nil && !rootKeys.contains(InfraNaming.key(entity.name)) {
            if let flow = context.createFlow(entity) { flows.append(flow) }
        }
        if !crossing, let cross = context.crossServiceFlow() { flows.append(cross) }
        return flows + integration.flows.filter { flow in
            if case .integration(let id) = flow.id { return !covered.contains(id) } else { return true }
        }
    }
}

/// What the flows are drawn from; looks up owners, stores and the entry route.
struct FlowContext: Sendable {
    let facts: InfraFacts
    let components: [Component]
    let endpoints: [Endpoint]
    /// Stream tables' keys by entity key (`InfraNaming.key`).
    var streams: [String: StreamKey] = [:]
    /// The outbox table of each publishing service, by service name (`MachineryPlan`).
    var outboxes: [String: String] = [:]

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
        if let stream = streams[InfraNaming.key(entity.name)] { return ingestFlow(entity, stream: stream, service: service) }
        var flow = FlowBuilder()
        let route = createRoute(entity.name)
        let front = flow.enter(route: route, gateway: gateway, service: service.name)
        let event = InfraNaming.createdEvent(entity.name)
        let outbox = publishesEvents && broker != nil ? outboxes[service.name] : nil
        if let database = database(of: service) { flow.insert(service.name, database, table: InfraNaming.table(entity.name), event: event, outbox: outbox) }
        if let cache { flow.call(service.name, cache, "invalidate \(InfraNaming.table(entity.name)) lists", reply: "ok") }
        if publishesEvents, let broker, outbox == nil { flow.send(service.name, broker, "publish \(event)") }
        flow.leave(front: front, service: service.name, gateway: gateway, status: "201 Created")
        if publishesEvents, let broker {
            if let outbox { flow.send(service.name, broker, "relay publishes \(event) from \(outbox)") }
            for consumer in consumers(of: event, except: service.name) { flow.send(broker, consumer, "deliver \(event)") }
        }
        return flow.diagram(title: "Create \(entity.name)", id: .create(entity.id), trace: Trace(
            answers: ["services.communication"],
            sources: ["SequenceGenerator", "entity \(entity.name)", "component \(service.name)"]))
    }

    /// A decided stream's batch: the ingest service validates it, appends it to the log (keyed by source, so each
    /// source stays in order) and answers 202; a consumer writes it to the store in one batch, and other services
    /// read the same log. Without a log, the service writes the batch itself before answering.
    func ingestFlow(_ entity: Entity, stream: StreamKey, service: Component, caller: String = "Client") -> SequenceDiagram {
        var flow = FlowBuilder()
        let table = InfraNaming.table(entity.name), plural = Naming.pluralWords(words: Naming.words(entity.name)).joined(separator: " ")
        let front = flow.enter(route: createRoute(entity.name), gateway: gateway, service: service.name, caller: caller)
        let databases = components.filter { $0.kind == .database }
        let store: String?
        switch stream.store {
        case .timeSeries: store = databases.first { $0.name.lowercased().contains("time-series") }?.name ?? database(of: service)
        case .livePositions, .partitionedIngest: store = database(of: service)
        }
        // The live-position store is a cache or a database, named for what it holds.
        let positions = stream.store == .livePositions ? components.first { component in
            [.cache, .database].contains(component.kind)
                && ["location", "geo", "position"].contains { component.name.lowercased().contains($0) }
        }?.name : nil
        let write = "COPY the batch into \(table) (rows already there skipped)"
        let latest = "set the latest position per \(Naming.words(stream.sourceEntity).joined(separator: " "))"
        let topic = "\(table) stream"
        if let broker {
            flow.call(service.name, broker, "append the batch to \(topic), keyed by \(stream.source)", reply: "acknowledged")
            flow.leave(front: front, service: service.name, gateway: gateway, status: "202 Accepted", caller: caller)
            let consumer = components.first { $0.kind == .worker }?.name ?? "\(service.name) consumer"
            flow.send(broker, consumer, "deliver \(plural) in batches")
            if let positions { flow.call(consumer, positions, latest, reply: "ok") }
            if let store { flow.call(consumer, store, write, reply: "ok") }
            for other in services where other.name != service.name && other.interfaces.contains(where: {
                if case .consumes(let event, _) = $0 { return event == InfraNaming.createdEvent(entity.name) } else { return false }
            }) {
                flow.send(broker, other.name, "deliver \(plural)")
            }
        } else {
            if let positions { flow.call(service.name, positions, latest, reply: "ok") }
            if let store { flow.call(service.name, store, write, reply: "ok") }
            flow.leave(front: front, service: service.name, gateway: gateway, status: "202 Accepted", caller: caller)
        }
        return flow.diagram(title: "Ingest a batch of \(plural)", id: .create(entity.id), trace: Trace(
            answers: ["services.communication"],
            sources: ["SequenceGenerator", "entity \(entity.name)", "component \(service.name)", "decision \(stream.decision)"]))
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
        // A stream's batch has its own flow (`ingestFlow`), which already reaches the services reading the log.
        let candidates = start.ownedData.filter { streams[InfraNaming.key($0)] == nil }
        guard !candidates.isEmpty || start.ownedData.isEmpty else { return nil }
        let entity = candidates.first { rootKeys.contains(InfraNaming.key($0)) } ?? candidates.first ?? start.name
        var flow = FlowBuilder()
        let front = flow.enter(route: createRoute(entity), gateway: gateway, service: start.name)
        for call in calls where call.style == .sync {
            flow.call(start.name, call.target, call.purpose.isEmpty ? "call \(call.target)" : call.purpose, reply: "ok")
        }
        let asyncCalls = calls.filter { $0.style == .async }
        let event = InfraNaming.createdEvent(entity)
        let outbox = asyncCalls.isEmpty || broker == nil ? nil : outboxes[start.name]
        if let database = database(of: start) { flow.insert(start.name, database, table: InfraNaming.table(entity), event: event, outbox: outbox) }
        if !asyncCalls.isEmpty, outbox == nil { flow.send(start.name, broker ?? asyncCalls[0].target, "publish \(event)") }
        flow.leave(front: front, service: start.name, gateway: gateway, status: "201 Created")
        if let outbox, let broker { flow.send(start.name, broker, "relay publishes \(event) from \(outbox)") }
        if let broker {
            for call in asyncCalls { flow.send(broker, call.target, "deliver \(event)") }
            // The failure path of a delivery: retried with backoff, parked after the last attempt.
            if let first = asyncCalls.first {
                flow.messages.append(.init(from: first.target, to: broker, text: "on failure: redelivered with backoff; "
                    + "dead-letter queue after \(MachineryPlan.maxAttempts) attempts", isAsync: true, isFailure: true))
            }
        }
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
    mutating func enter(route: String, gateway: String?, service: String, caller: String = "Client") -> String {
        messages.append(.init(from: caller, to: gateway ?? service, text: route))
        guard let gateway else { return caller }
        messages.append(.init(from: gateway, to: service, text: "\(route) (authenticated)"))
        return gateway
    }

    mutating func leave(front: String, service: String, gateway: String?, status: String, caller: String = "Client") {
        messages.append(.init(from: service, to: front, text: status, isReply: true))
        if let gateway { messages.append(.init(from: gateway, to: caller, text: status, isReply: true)) }
    }

    mutating func call(_ from: String, _ to: String, _ text: String, reply: String) {
        messages.append(.init(from: from, to: to, text: text))
        messages.append(.init(from: to, to: from, text: reply, isReply: true))
    }

    /// The write of a new row; with an outbox, its event goes into the same transaction (the relay publishes it).
    mutating func insert(_ service: String, _ database: String, table: String, event: String, outbox: String?) {
        if let outbox {
            call(service, database, "INSERT \(table) + \(event) into \(outbox) (one transaction)", reply: "committed")
        } else {
            call(service, database, "INSERT \(table)", reply: "row id")
        }
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
