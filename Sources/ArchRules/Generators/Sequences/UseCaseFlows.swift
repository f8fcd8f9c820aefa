import ArchModel

/// Sequence diagrams of the use cases the user typed (`requirements.use_cases`, issue 9): each use case is read
/// clause by clause ("Reader finds a book and orders it" → find a book, order it) into operations on the model —
/// a read, a create, a state transition (`captures a payment` → `POST /v1/payments/{id}/capture`) — and drawn
/// through the services, stores and existing systems they touch, sync or queued as decided, with the failure
/// paths. A use case that names no entity but an existing system's purpose ("runs the nightly reconciliation")
/// takes that system's flow. Use cases that match nothing get no diagram (`unmatched`).
struct UseCaseFlows: Sendable {
    /// One step of a use case.
    struct Operation: Equatable, Sendable {
        enum Kind: Equatable, Sendable {
            case read(search: Bool)
            case create
            case transition(StatusTransitions.Action)
            case update
        }
        let kind: Kind
        let entity: Entity
        var isWrite: Bool { if case .read = kind { false } else { true } }
    }

    let context: FlowContext
    let links: [IntegrationPlan.Link]
    /// Integration flows by system, which a use case naming the system takes over.
    let integrationFlows: [SystemID: SequenceDiagram]
    /// The entities with state-transition actions, with them, made once (every verb of every use case asks).
    private let transitions: [(entity: Entity, transitions: StatusTransitions)]

    init(context: FlowContext, links: [IntegrationPlan.Link], integrationFlows: [SystemID: SequenceDiagram]) {
        self.context = context
        self.links = links
        self.integrationFlows = integrationFlows
        transitions = context.facts.session.entities.compactMap { entity in StatusTransitions(entity: entity).map { (entity, $0) } }
    }

    static let readVerbs: Set = ["find", "search", "browse", "view", "see", "open", "follow", "track", "list", "look", "watch",
                                 "read", "get", "show", "resume", "download", "query", "review", "inspect", "check"]
    static let searchVerbs: Set = ["find", "search", "browse", "query", "look"]
    static let createVerbs: Set = ["create", "add", "place", "book", "register", "submit", "publish", "record", "request", "report",
                                   "upload", "post", "raise", "schedule", "log", "enter", "make", "issue", "stream", "send", "ingest",
                                   "import", "order", "buy", "purchase", "join", "file", "write", "reserve", "rent", "borrow", "scan"]
    static let updateVerbs: Set = ["update", "change", "edit", "adjust", "set", "correct", "amend", "rename", "move", "reprice", "restock"]
    /// Buying makes the record of the purchase (`buys it` → an order).
    static let purchaseVerbs: Set = ["buy", "purchase", "checkout"]
    static let purchaseRecords: Set = ["order", "purchase", "booking", "reservation", "subscription"]
    static let moneyVerbs: Set = ["pay", "charge", "capture", "refund", "authorise", "authorize", "bill", "settle"]
    static let verbs = readVerbs.union(createVerbs).union(moneyVerbs).union(updateVerbs).union(purchaseVerbs)
    /// Verbs that mean a transition by another name.
    static let synonyms: [String: [String]] = ["end": ["complete", "finish"], "finish": ["complete"], "charge": ["capture", "pay"],
                                               "approve": ["accept"], "reject": ["decline"]]
    /// Nouns that name a transition (`reports a delivery` → deliver).
    static let nounVerbs: [String: String] = [
        "delivery": "deliver", "cancellation": "cancel", "approval": "approve", "confirmation": "confirm", "completion": "complete",
        "renewal": "renew", "return": "return", "payment": "pay", "capture": "capture", "activation": "activate",
        "suspension": "suspend", "closure": "close", "publication": "publish", "submission": "submit", "arrival": "arrive",
        "dispatch": "dispatch", "pickup": "pick", "refund": "refund", "checkout": "check",
    ]
    static let fillers: Set = ["a", "an", "the", "is", "are", "be", "gets", "get", "then", "also", "it", "its", "their", "his", "her",
                               "for", "of", "to", "on", "in", "and", "by", "with", "from", "part", "all", "new", "another"]

    /// The forms a word may be of a verb or noun: `captures` → capture, `matched` → match, `charged` → charge.
    static func forms(_ word: String) -> Set<String> {
        var forms: Set = [word]
        if word.hasSuffix("ies"), word.count > 4 { forms.insert(String(word.dropLast(3)) + "y") }
        if word.hasSuffix("es") { forms.insert(String(word.dropLast(2))) }
        if word.hasSuffix("s"), !word.hasSuffix("ss"), word.count > 3 { forms.insert(String(word.dropLast())) }
        if word.hasSuffix("ed"), word.count > 4 {
            let stem = String(word.dropLast(2))
            forms.formUnion([stem, String(word.dropLast())])
            if let last = stem.last, stem.dropLast().last == last { forms.insert(String(stem.dropLast())) }
        }
        if word.hasSuffix("ing"), word.count > 5 { let stem = String(word.dropLast(3)); forms.formUnion([stem, stem + "e"]) }
        return forms
    }

    /// A crude stem for comparing a use case with a system's purpose: `reconciliation`, `reconcile` → `reconcil`.
    static func stem(_ word: String) -> String {
        for suffix in ["iation", "ation", "ions", "ion", "ing", "ies", "es", "ed", "s", "e", "ly"] where word.hasSuffix(suffix) && word.count - suffix.count >= 4 {
            return String(word.dropLast(suffix.count))
        }
        return word
    }

    /// An info finding per use case that got no flow: it names no record, action or existing system of the model.
    static func unmatched(session: Session, sequences: [SequenceDiagram]) -> [Finding] {
        let drawn = Set(sequences.compactMap { sequence -> String? in
            if case .useCase(let text) = sequence.id { return NameKey.key(text) } else { return nil }
        })
        var seen: Set<String> = []
        return (session["requirements.use_cases"]?.values ?? []).compactMap { text in
            let key = NameKey.key(text)
            guard !key.isEmpty, seen.insert(key).inserted, !drawn.contains(key) else { return nil }
            return makeFinding("flow.use-case-unmatched", .info, "No sequence for the use case \"\(text)\"", subject: "use case \(text)",
                               detail: "It names no entity, state-transition action or existing system of the model, so its flow cannot be drawn.",
                               fix: "Name the record it works on (\"Staff add a book\"), or draw it yourself as a flow on the Sequences tab.",
                               answers: ["requirements.use_cases"])
        }
    }

    // MARK: Reading a use case

    /// Where an entity is named in a clause: its tokens, whole (`ledger account`) or by its last word (`record`).
    private func mentions(_ tokens: [String]) -> [(position: Int, entity: Entity)] {
        var found: [(Int, Entity)] = []
        for entity in context.facts.session.entities {
            let words = Naming.words(entity.name)
            guard let head = words.last else { continue }
            for index in tokens.indices where Self.forms(tokens[index]).contains(head) || tokens[index] == Naming.plural(head) {
                let start = index - (words.count - 1)
                if start >= 0, Array(tokens[start..<index]) == Array(words.dropLast()) { found.append((start, entity)); break }
                if words.count > 1, !found.contains(where: { $0.0 == index }) { found.append((index, entity)); break }
            }
            // A decided stream by its first word (`streams location` → LocationPing).
            if words.count > 1, context.streams[InfraNaming.key(entity.name)] != nil, !found.contains(where: { $0.1.id == entity.id }),
               let index = tokens.firstIndex(of: words[0]) {
                found.append((index, entity))
            }
        }
        // Else a field's name points at its record (`update prices` → Product.price).
        if found.isEmpty {
            for index in tokens.indices where !Self.fillers.contains(tokens[index]) {
                let forms = Self.forms(tokens[index])
                if let entity = context.facts.session.entities.first(where: { entity in
                    entity.fields.contains { Naming.words($0.name).last.map(forms.contains) ?? false }
                }) { found.append((index, entity)); break }
            }
        }
        return found.sorted { $0.0 < $1.0 }.map { (position: $0.0, entity: $0.1) }
    }

    /// The action of `entity` that `verb` (its forms) or a synonym brings about.
    private func action(of entity: Entity, verb: Set<String>) -> StatusTransitions.Action? {
        guard let transitions = transitions.first(where: { $0.entity.id == entity.id })?.transitions else { return nil }
        return Self.action(in: transitions, verb: verb)
    }

    private static func action(in transitions: StatusTransitions, verb: Set<String>) -> StatusTransitions.Action? {
        let wanted = verb.union(verb.flatMap { synonyms[$0] ?? [] })
        return transitions.actions.first { action in
            wanted.contains(String(action.verb.split(separator: " ").first ?? "")) || wanted.contains(action.state)
        }
    }

    /// The one entity of the model with an action for `verb`, if only one has it.
    private func uniqueAction(verb: Set<String>) -> Operation? {
        let all = transitions.compactMap { entity, transitions in
            Self.action(in: transitions, verb: verb).map { Operation(kind: .transition($0), entity: entity) }
        }
        return all.count == 1 ? all[0] : nil
    }

    /// The operations of one use case, in order.
    func operations(of text: String) -> [Operation] {
        let words = Naming.words(text)
        var clauses: [[String]] = [[]]
        for word in words { if word == "and" || word == "then" { clauses.append([]) } else { clauses[clauses.count - 1].append(word) } }
        var result: [Operation] = []
        var subjectEntity: Entity?
        for (number, clause) in clauses.enumerated() where !clause.isEmpty {
            // The subject: the first word of the use case (`Merchant`), or a noun before the verb in a later clause.
            var index = 0
            while index < clause.count, Self.fillers.contains(clause[index]) { index += 1 }
            let found = mentions(clause)
            if number == 0 || (index + 1 < clause.count && !isVerb(clause[index])) {
                if let subject = found.first(where: { $0.position == index }) { subjectEntity = subject.entity } else if number == 0 { subjectEntity = nil }
                index += 1
                while index < clause.count, Self.fillers.contains(clause[index]) { index += 1 }
            }
            guard index < clause.count else { continue }
            let verb = Self.forms(clause[index])
            let objects = found.filter { $0.position > index }.map(\.entity)
            let named = objects + (subjectEntity.map { [$0] } ?? []) + (result.last.map { [$0.entity] } ?? [])
            if let operation = operation(verb: verb, objects: objects, named: named, rest: Array(clause[(index + 1)...])),
               operation != result.last {
                result.append(operation)
            }
        }
        return result
    }

    private func isVerb(_ word: String) -> Bool {
        let forms = Self.forms(word)
        return !forms.isDisjoint(with: Self.verbs) || uniqueAction(verb: forms) != nil
    }

    private func operation(verb: Set<String>, objects: [Entity], named: [Entity], rest: [String]) -> Operation? {
        let entities = context.facts.session.entities
        let isRead = !verb.isDisjoint(with: Self.readVerbs)
        // The verb names a record (`orders it`, `refunds part of a payment`, `records a parcel`): that record is made.
        if !isRead, let made = entities.first(where: { entity in Naming.words(entity.name).last.map(verb.contains) ?? false }),
           !SchemaNames.isAuditRecord(words: Naming.words(made.name)) {
            return Operation(kind: .create, entity: made)
        }
        // A transition of a named record (`captures an authorised payment`, `trip ends`), else of the only one that has it.
        for entity in named { if let action = action(of: entity, verb: verb) { return Operation(kind: .transition(action), entity: entity) } }
        if objects.isEmpty, let unique = uniqueAction(verb: verb) { return unique }
        if isRead, let object = objects.first {
            return Operation(kind: .read(search: !verb.isDisjoint(with: Self.searchVerbs)), entity: object)
        }
        // Money: a payment is made (`the rider is charged`), else the named record is paid.
        if !verb.isDisjoint(with: Self.moneyVerbs) {
            if let payment = entities.first(where: { ["payment", "charge"].contains(Naming.words($0.name).last ?? "") }) {
                return Operation(kind: .create, entity: payment)
            }
            for entity in named { if let action = action(of: entity, verb: ["pay", "capture"]) { return Operation(kind: .transition(action), entity: entity) } }
        }
        if !verb.isDisjoint(with: Self.purchaseVerbs),
           let record = entities.first(where: { Self.purchaseRecords.contains(Naming.words($0.name).last ?? "") }) {
            return Operation(kind: .create, entity: record)
        }
        if !verb.isDisjoint(with: Self.updateVerbs), let object = objects.first { return Operation(kind: .update, entity: object) }
        if !verb.isDisjoint(with: Self.createVerbs), let object = objects.first(where: { !SchemaNames.isAuditRecord(words: Naming.words($0.name)) }) {
            return Operation(kind: .create, entity: object)
        }
        // A noun that names a transition (`reports a delivery`).
        for word in rest { if let noun = Self.nounVerbs[word], let unique = uniqueAction(verb: [noun]) { return unique } }
        return nil
    }

    // MARK: Drawing it

    /// The caller: an existing system calling in whose name shares the subject's word (`Carrier` → Carrier partners),
    /// else the person named first (`Merchant`), else `Client`.
    private func caller(of text: String) -> String {
        guard let first = Naming.words(text).first, !isVerb(first) else { return "Client" }
        let forms = Self.forms(first)
        if let link = links.first(where: { link in
            link.system.direction.callsIn && link.system.kind != .fileExchange
                && Naming.words(link.system.name).contains { !Self.forms($0).isDisjoint(with: forms) }
        }) { return link.external }
        if mentions([first]).first != nil { return "Client" }
        let name = first.prefix(1).uppercased() + first.dropFirst()
        return context.components.contains { NameKey.same($0.name, name) } ? "Client" : name
    }

    /// The systems a write of `entity` calls: payment providers for money, and those whose purpose names the entity.
    private func systems(for operation: Operation, text: String) -> [IntegrationPlan.Link] {
        let words = Set(Naming.words(operation.entity.name).map(Self.stem))
        // A payment provider is called to move money: a payment, refund or payout made, or a money transition.
        var money = operation.kind == .create && ["payment", "charge", "refund", "payout"].contains(Naming.words(operation.entity.name).last ?? "")
        if case .transition(let action) = operation.kind { money = Self.moneyVerbs.contains(String(action.verb.split(separator: " ").first ?? "")) }
        // Buying pays: the record of the purchase is made with the provider's payment.
        if operation.kind == .create, Self.purchaseRecords.contains(Naming.words(operation.entity.name).last ?? ""),
           Naming.words(text).contains(where: { !Self.forms($0).isDisjoint(with: Self.purchaseVerbs) }) { money = true }
        return links.filter { link in
            guard link.system.direction.callsOut, link.system.kind != .fileExchange, link.system.transport != .file else { return false }
            if link.system.kind == .paymentProvider { return money }
            let purpose = Set((Naming.words(link.system.purpose) + Naming.words(link.system.name)).map(Self.stem))
            return !purpose.isDisjoint(with: words) || link.system.owns.contains { $0 == .id(operation.entity.id) }
        }
    }

    /// The route an operation enters by: its endpoint in the API, else the API style's call.
    private func route(_ operation: Operation) -> (text: String, status: String) {
        let wanted: EndpointKey.Operation
        switch operation.kind {
        case .read(let search): wanted = search ? .list : .get
        case .create: wanted = .create
        case .transition: wanted = .transition
        case .update: wanted = .update
        }
        // The flat route when there is one, else the nested one (`/v1/patients/{patientId}/appointments`).
        let candidates = context.endpoints.filter { endpoint in
            guard let key = endpoint.id.key, key.entity == .id(operation.entity.id), key.operation == wanted else { return false }
            if case .transition(let action) = operation.kind { return key.action == action.state }
            return true
        }
        let endpoint = candidates.first { $0.id.key?.parent == nil } ?? candidates.first
        let fallback: String, collection = InfraNaming.collectionPath(operation.entity.name, prefix: context.facts.versionPrefix)
        switch operation.kind {
        case .read: fallback = "GET " + collection
        case .create: fallback = context.facts.createCall(of: operation.entity.name)
        case .transition(let action): fallback = "POST \(collection)/{id}/\(action.segment)"
        case .update: fallback = "PATCH \(collection)/{id}"
        }
        let success = endpoint?.responses.first { (200..<300).contains($0.status) }
        let status = success.map { "\($0.status) \(Self.reason($0.status))" } ?? (operation.kind == .create ? "201 Created" : "200 OK")
        var text = endpoint.map { "\($0.method.uppercased()) \($0.path)" } ?? fallback
        if case .read(search: true) = operation.kind, endpoint != nil { text += "?q=…" }
        return (text, status)
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No Content"
        default: ""
        }
    }

    /// The diagram of one use case, nil when it names nothing the model has.
    func diagram(_ text: String) -> (SequenceDiagram, covers: SystemID?)? {
        let title = text.prefix(1).uppercased() + text.dropFirst()
        let trace = Trace(answers: ["requirements.use_cases", "services.communication"], sources: ["SequenceGenerator", "use case \(text)"])
        let operations = operations(of: text)
        guard !operations.isEmpty else {
            // No record named: the existing system whose purpose shares a word with the use case.
            func stems(_ text: String) -> Set<String> {
                Set(Naming.words(text).filter { $0.count >= 4 && !Self.fillers.contains($0) }.map(Self.stem)).subtracting(["nightly", "daily", "their"])
            }
            let words = stems(text)
            guard let link = links.first(where: { link in
                !stems(link.system.purpose + " " + link.system.name).isDisjoint(with: words)
            }), var flow = integrationFlows[link.system.id] else { return nil }
            flow.title = title
            flow.id = .useCase(text)
            flow.trace = flow.trace.merged(with: trace)
            return (flow, link.system.id)
        }
        let caller = caller(of: text)
        // A decided stream's batch is its ingest flow, sent by whoever the use case names.
        if operations.count == 1, operations[0].kind == .create, let stream = context.streams[InfraNaming.key(operations[0].entity.name)],
           let service = context.owner(of: operations[0].entity.name) {
            var flow = context.ingestFlow(operations[0].entity, stream: stream, service: service, caller: caller)
            flow.title = title
            flow.id = .useCase(text)
            flow.trace = flow.trace.merged(with: trace)
            return (flow, nil)
        }
        var flow = FlowBuilder()
        var afterReply: [SequenceDiagram.Message] = []
        var open: (front: String, service: String, status: String)?
        var sources = trace.sources
        func close() {
            guard let request = open else { return }
            flow.leave(front: request.front, service: request.service, gateway: context.gateway, status: request.status, caller: caller)
            flow.messages += afterReply
            afterReply = []
            open = nil
        }
        for (index, operation) in operations.enumerated() {
            guard let service = context.owner(of: operation.entity.name) else { continue }
            sources.append("entity \(operation.entity.name)")
            let (route, status) = route(operation)
            let previous = index > 0 ? operations[index - 1] : nil
            var actor = service.name
            if let request = open, operation.isWrite, previous?.isWrite == true {
                // A consequence of the write before it: in the same service, the same request; in another, a call or an event.
                if request.service != service.name {
                    if context.publishesEvents, let broker = context.broker {
                        let event = Self.event(previous!)
                        afterReply.append(.init(from: broker, to: service.name, text: "deliver \(event)", isAsync: true))
                        let (now, later) = body(operation, by: service.name, owner: service, text: text, status: nil)
                        afterReply += now + later
                        afterReply.append(.init(from: service.name, to: broker, text: "fails after \(MachineryPlan.maxAttempts) attempts: dead-letter queue; \(request.service) is told and flags the \(Naming.words(previous!.entity.name).joined(separator: " ")) for follow-up (compensation)", isAsync: true, isFailure: true))
                        continue
                    }
                    flow.messages.append(.init(from: request.service, to: service.name, text: route + " (timeout 2 s)"))
                    let (now, later) = body(operation, by: service.name, owner: service, text: text, status: nil)
                    flow.messages += now
                    afterReply += later
                    flow.messages.append(.init(from: service.name, to: request.service, text: status, isReply: true))
                    flow.messages.append(.init(from: request.service, to: request.service, text: "timeout or 5xx: retry once with backoff, then answer 503; nothing committed", isFailure: true))
                    continue
                }
                actor = request.service
            } else {
                close()
                let front = flow.enter(route: route, gateway: context.gateway, service: service.name, caller: caller)
                open = (front, service.name, status)
            }
            let (now, later) = body(operation, by: actor, owner: service, text: text, status: status)
            flow.messages += now
            afterReply += later
        }
        close()
        guard !flow.messages.isEmpty else { return nil }
        return (flow.diagram(title: title, id: .useCase(text), trace: Trace(answers: trace.answers, sources: sources)), nil)
    }

    /// `payment.created`, `payment.captured`.
    static func event(_ operation: Operation) -> String {
        switch operation.kind {
        case .transition(let action): InfraNaming.snake(operation.entity.name) + "." + action.state
        default: InfraNaming.createdEvent(operation.entity.name)
        }
    }

    /// What the service does for one operation: reads through the cache or search, calls the systems it needs,
    /// writes (with the outbox), queues work for limited systems, and the failure replies a client sees.
    /// `name` does the work (the service whose request it joins); `owner` owns the record and its store.
    private func body(_ operation: Operation, by name: String, owner: Component, text: String, status: String?) -> (now: [SequenceDiagram.Message], later: [SequenceDiagram.Message]) {
        var flow = FlowBuilder(), later = FlowBuilder()
        let table = InfraNaming.table(operation.entity.name)
        let database = context.database(of: owner)
        let readModel = links.first { $0.system.owns.contains(.id(operation.entity.id)) }
        switch operation.kind {
        case .read(let search):
            if search, let engine = context.components.first(where: { $0.kind == .search }) {
                flow.call(name, engine.name, "query \(table)", reply: "matching ids")
            }
            let what = search ? "get the \(table) page for the query" : "get the \(Naming.words(operation.entity.name).joined(separator: " ")) by id"
            if let cache = context.cache { flow.call(name, cache, what + " (cache-aside)", reply: "hit, or a miss") }
            if let database {
                let source = readModel.map { " (the read model synced from \($0.system.name))" } ?? ""
                flow.call(name, database, "SELECT \(table)\(context.cache == nil ? "" : " on a miss")\(source)", reply: "rows")
            }
        case .create, .transition, .update:
            let systems = systems(for: operation, text: text)
            for link in systems where link.queue == nil && link.system.kind == .paymentProvider {
                flow.call(name, link.external, "\(link.system.transport.verb) with an idempotency key (timeout \(link.timeout) ms)", reply: "result")
                flow.messages.append(.init(from: name, to: name, text: "timeout or 5xx: retry with the same idempotency key; breaker open: 503, nothing written", isFailure: true))
            }
            let event = Self.event(operation)
            let outbox = context.publishesEvents ? context.outboxes[owner.name] : nil
            let ledger = context.facts.session.entities.first { Naming.words($0.name).suffix(2) == ["ledger", "entry"] || Naming.words($0.name).suffix(2) == ["journal", "entry"] }
            let money = APIGenerator.paymentLikeWords.contains(Naming.words(operation.entity.name).last ?? "") && ledger != nil && ledger?.id != operation.entity.id
            let queued = systems.filter { $0.queue != nil }
            var write: String
            switch operation.kind {
            case .transition(let action):
                let field = StatusTransitions(entity: operation.entity)?.field ?? "status"
                write = "UPDATE \(table) SET \(InfraNaming.snake(field)) = '\(action.state)' where the state allows it"
            case .update:
                write = "UPDATE \(table) where lock_version matches If-Match"
            default:
                write = "INSERT \(table)"
            }
            if money, let ledger { write += " + balanced \(InfraNaming.table(ledger.name)) (debits = credits)" }
            if !queued.isEmpty { write += " + " + queued.map { "a request for \($0.system.name)" }.joined(separator: ", ") }
            if let outbox { write += " + \(event) into \(outbox)" }
            if let database { flow.call(name, database, write + (outbox != nil || money || !queued.isEmpty ? " (one transaction)" : ""), reply: "committed") }
            if case .transition(let action) = operation.kind, status != nil {
                flow.messages.append(.init(from: name, to: name, text: "409 when the \(Naming.words(operation.entity.name).joined(separator: " ")) cannot \(action.verb) from its state; 412 on a stale If-Match", isFailure: true))
            }
            if operation.kind == .update, status != nil {
                flow.messages.append(.init(from: name, to: name, text: "412 when it changed since it was read (stale If-Match); 422 for an invalid change", isFailure: true))
            }
            for link in systems where link.queue == nil && link.system.kind != .paymentProvider {
                flow.call(name, link.external, "\(link.system.transport.verb) (timeout \(link.timeout) ms)", reply: "result")
            }
            if let cache = context.cache { flow.call(name, cache, "invalidate \(table)", reply: "ok") }
            if context.publishesEvents, let broker = context.broker, outbox == nil { flow.send(name, broker, "publish \(event)") }
            if let outbox, let broker = context.broker { later.send(name, broker, "relay publishes \(event) from \(outbox)") }
            for link in queued {
                guard let (via, worker) = link.queue else { continue }
                later.send(via, worker, "deliver the request for \(link.system.name)")
                later.call(worker, link.external, "\(link.system.transport.verb) " + (link.system.rateLimit.map { "(throttled to \($0) req/s, timeout \(link.timeout) ms)" } ?? "(timeout \(link.timeout) ms)"), reply: "result")
                later.messages.append(.init(from: worker, to: via, text: "timeout, 429 or 5xx: retry with exponential backoff; after \(MachineryPlan.maxAttempts) attempts: dead-letter and alert", isAsync: true, isFailure: true))
            }
        }
        return (flow.messages, later.messages)
    }
}
