import ArchModel

/// Assertions that the artefacts follow the decisions beside them (issue 9: "the design never argues with itself").
/// Each violation is a warning finding `coherence.<topic>`. The generators are built to pass them; a violation is a
/// bug in archtui, or an override the user made that goes against a decision. The tests run them on every sample
/// and random sessions (0 violations); `archtui check` lists any.
struct CoherenceChecks: Sendable {
    let design: Design
    /// The existing systems the design integrates with (`Session.systems`).
    var systems: [ExternalSystem] = []

    func findings() -> [Finding] {
        versioning() + broker() + machinery() + deployed() + sharding() + tenancy() + transitions() + cache() + gateway() + recordKinds() + streams()
            + integrations() + useCaseRoutes()
    }

    /// A use case's flow enters by routes of the API: every request it sends is an endpoint the design has, and
    /// no service in it calls a system that must be queued.
    private func useCaseRoutes() -> [Finding] {
        let routes = Set(design.endpoints.map { "\($0.method.uppercased()) \($0.path)" })
        let methods: Set = ["GET", "POST", "PUT", "PATCH", "DELETE"]
        let queued = Set(systems.filter(\.needsQueue).flatMap { [$0.name, $0.name + " (external)"] })
        let services = Set(design.components.filter { $0.kind == .service }.map(\.name))
        var findings: [Finding] = []
        for sequence in design.sequences {
            guard case .useCase = sequence.id else { continue }
            for message in sequence.messages where !message.isReply && !message.isFailure && !message.text.hasSuffix("(authenticated)") {
                var text = message.text
                for suffix in ["?q=…", " (timeout 2 s)"] where text.hasSuffix(suffix) { text = String(text.dropLast(suffix.count)) }
                guard let method = text.split(separator: " ").first.map(String.init), methods.contains(method), !routes.isEmpty else { continue }
                if !routes.contains(text) {
                    findings.append(violation("api", "\(sequence.title) sends \(text), which is not an endpoint of the API",
                                              fix: "Report it: a use case's flow uses the API's routes.", subject: "sequence \(sequence.title)"))
                }
            }
            if let call = sequence.messages.first(where: { services.contains($0.from) && queued.contains($0.to) && !$0.isReply }) {
                findings.append(violation("integration", "\(sequence.title): \(call.from) calls \(call.to) inside a request, but it must be queued",
                                          fix: "Report it: calls into it go through a queue to a throttled consumer.", subject: "sequence \(sequence.title)"))
            }
        }
        return findings
    }

    private func choice(_ topic: String) -> String? { design.decisions.first { $0.topic == topic }?.choice }

    private func has(_ kind: ComponentKind) -> Bool { design.components.contains { $0.kind == kind } }

    private func violation(_ topic: String, _ title: String, fix: String, about: FindingSubject = .none, subject: String = "") -> Finding {
        Finding(id: "coherence." + topic, severity: .warning, title: "The design contradicts itself: " + title, fix: fix,
                subject: subject.isEmpty ? "decision " + topic : subject, about: about,
                trace: Trace(sources: ["CoherenceChecks"]))
    }

    /// URL versions ⇒ every generated path starts with `/v1`; other versioning ⇒ none does.
    private func versioning() -> [Finding] {
        guard let versioning = choice("api.versioning") else { return [] }
        let generated = design.endpoints.filter { $0.origin == .generated }
        let wrong = generated.filter { ($0.path == "/v1" || $0.path.hasPrefix("/v1/")) != (versioning == "url") }
        guard let first = wrong.first else { return [] }
        return [violation("api.versioning", "versioning is \(versioning), but \(wrong.count) paths disagree (\(first.method) \(first.path))",
                          fix: "Report it: the generated paths should follow the versioning decision.", about: .endpoint(first.id))]
    }

    /// A broker decided ⇒ a broker component; no broker decided ⇒ none.
    private func broker() -> [Finding] {
        guard let broker = choice("messaging.broker") else { return [] }
        if broker == "none", has(.broker) {
            return [violation("messaging.broker", "no broker was decided, yet a broker is a component",
                              fix: "Remove the broker, or answer the messaging question for one.")]
        }
        if broker != "none", !has(.broker) {
            return [violation("messaging.broker", "\(broker) was decided, but no broker is a component",
                              fix: "Report it: the components should include the decided broker.")]
        }
        return []
    }

    /// A broker ⇒ every service that publishes and writes a SQL database (other than streams, whose log is their
    /// source) has an outbox there; a database-backed job queue ⇒ a job table in each SQL database a service
    /// writes, and a worker that claims it.
    private func machinery() -> [Finding] {
        // In-process calls promise "background work through a job queue" when no broker is decided.
        let inProcess = choice("communication.style") == "in-process" && !has(.broker)
        guard let broker = choice("messaging.broker") ?? (inProcess ? "none" : nil) else { return [] }
        let databases = Dictionary(design.components.filter { $0.kind == .database && $0.interfaces.contains(.speaks("SQL")) }.map { ($0.name, $0) },
                                   uniquingKeysWith: { first, _ in first })
        let streams = Set(design.tables.filter { $0.stream != nil }.map(\.name))
        let plumbing = Dictionary(design.tables.compactMap { table in table.machinery.map { (table.name, $0) } }, uniquingKeysWith: { first, _ in first })
        func writes(_ service: Component) -> Component? {
            service.dependencies.lazy.compactMap { databases[$0.target] }.first
        }
        var findings: [Finding] = []
        let services = design.components.filter { $0.kind == .service }
        if broker != "none" {
            for service in services where service.interfaces.contains(where: { if case .publishes = $0 { true } else { false } }) {
                guard let store = writes(service), store.ownedData.contains(where: { plumbing[$0] == nil && !streams.contains($0) }) else { continue }
                guard !store.ownedData.contains(where: { plumbing[$0] == .outbox(publisher: service.name) }) else { continue }
                findings.append(violation("messaging.broker", "\(service.name) writes \(store.name) and publishes events through \(broker), but has no outbox there",
                                          fix: "Report it: an event must be written with the change that causes it (transactional outbox).",
                                          subject: "component \(service.name)"))
            }
        } else {
            for store in databases.values.sorted(by: { $0.name < $1.name }) where services.contains(where: { writes($0)?.name == store.name }) {
                if !store.ownedData.contains(where: { plumbing[$0] == .jobQueue }) {
                    findings.append(violation("messaging.broker", "background work goes through a database-backed job queue, but \(store.name) has no job table",
                                              fix: "Report it: the job queue needs its table.", subject: "component \(store.name)"))
                } else if !design.components.contains(where: { $0.kind == .worker && $0.dependencies.contains { $0.target == store.name } }) {
                    findings.append(violation("messaging.broker", "\(store.name) holds a job queue, but no worker runs it",
                                              fix: "Report it: the job queue needs a worker.", subject: "component \(store.name)"))
                }
            }
        }
        return findings
    }

    /// Every component but an external system runs somewhere: it has a deployment node.
    private func deployed() -> [Finding] {
        guard !design.deployment.isEmpty else { return [] }
        let nodes = Set(design.deployment.map(\.name))
        return design.components.filter { $0.kind != .external && !nodes.contains($0.name) }.map { component in
            violation("deployment", "\(component.name) is a component, but no deployment node runs it",
                      fix: "Report it: the deployment should place every component.", subject: "component \(component.name)")
        }
    }

    /// A sharded data tier ⇒ some database is deployed as shards, with a key; no sharding ⇒ no shards.
    private func sharding() -> [Finding] {
        guard !design.deployment.isEmpty, let strategy = choice("scaling.strategy") else { return [] }
        let sharded = design.deployment.filter { $0.shardKey != nil }
        if strategy == "sharded-data-tier", sharded.isEmpty,
           design.components.contains(where: { $0.kind == .database && $0.interfaces.contains(.speaks("SQL")) }) {
            return [violation("scaling.strategy", "a sharded data tier was decided, but every database is deployed as one primary",
                              fix: "Report it: the deployment should shard the databases.")]
        }
        if strategy != "sharded-data-tier", let first = sharded.first {
            return [violation("scaling.strategy", "\(first.name) is deployed as shards, but the scaling decision is \(strategy)",
                              fix: "Report it: only a sharded data tier shards the databases.", subject: "deployment \(first.name)")]
        }
        return []
    }

    /// Shared-schema tenancy ⇒ every tenant-scoped table's key leads with tenant_id, and every foreign key between
    /// two tenant-scoped tables carries it, so no row references another tenant's (ON DELETE SET NULL keys aside:
    /// nulling the key would null the tenant).
    private func tenancy() -> [Finding] {
        guard let isolation = choice("tenancy.isolation"), isolation.contains("shared") || isolation.contains("row") else { return [] }
        let scoped = design.tables.filter { $0.machinery == nil && $0.column("tenant_id") != nil }
        let scopedNames = Set(scoped.map(\.name))
        var findings: [Finding] = []
        for table in scoped {
            if table.primaryKey.first != "tenant_id" {
                findings.append(violation("tenancy.isolation", "tenants share tables, but the key of \(table.name) (\(table.primaryKey.joined(separator: ", "))) does not lead with tenant_id",
                                          fix: "Report it: a tenant-scoped table is keyed (tenant_id, …).", about: .table(table.id), subject: "table \(table.name)"))
            }
            for key in table.foreignKeys where scopedNames.contains(key.referencedTable) && key.onDelete != .setNull
                && !(key.columns.first == "tenant_id" && key.referencedColumns.first == "tenant_id") {
                findings.append(violation("tenancy.isolation", "\(table.name).\(key.columns.joined(separator: ", ")) → \(key.referencedTable) can reference another tenant's row",
                                          fix: "Report it: the foreign key should be (tenant_id, …) → (tenant_id, id).", about: .table(table.id),
                                          subject: "table \(table.name)"))
            }
        }
        return findings
    }

    /// A status moved by actions ⇒ no create or merge-patch body writes it (else a client sets any state).
    private func transitions() -> [Finding] {
        var states: [String: Set<String>] = [:]  // resource → the states its actions move to
        for endpoint in design.endpoints {
            if let key = endpoint.id.key, key.operation == .transition, let state = key.action { states[endpoint.resource, default: []].insert(state) }
        }
        guard !states.isEmpty else { return [] }
        return design.endpoints.compactMap { endpoint -> Finding? in
            guard let moved = states[endpoint.resource], let body = endpoint.requestBody else { return nil }
            let schema: ResourceSchema
            switch body.schema {
            case .create(let resource, _), .mergePatch(let resource): schema = resource
            default: return nil
            }
            guard let status = schema.properties.first(where: { !$0.readOnly && moved.isSubset(of: Set($0.enumValues)) }) else { return nil }
            return violation("api.transitions", "\(endpoint.resource)'s \(status.key) changes through its actions, but \(endpoint.method) \(endpoint.path) writes it",
                             fix: "Report it: the status should be read-only outside its actions.", about: .endpoint(endpoint.id),
                             subject: "endpoint \(endpoint.method) \(endpoint.path)")
        }
    }

    /// Cache-aside with Redis ⇒ a cache component; no cache ⇒ none.
    private func cache() -> [Finding] {
        switch choice("caching.strategy") {
        case "cache-aside-redis" where !has(.cache):
            return [violation("caching.strategy", "a shared cache was decided, but no cache is a component",
                              fix: "Report it: the components should include the cache.")]
        case "none" where has(.cache):
            return [violation("caching.strategy", "no cache was decided, yet a cache is a component",
                              fix: "Remove the cache, or answer the caching question for one.")]
        default: return []
        }
    }

    /// No gateway ⇒ no security note places anything at one.
    private func gateway() -> [Finding] {
        guard !has(.gateway), let note = design.security.first(where: { $0.text.lowercased().contains("gateway") }) else { return [] }
        return [violation("gateway", "the \(note.topic) note names a gateway the design does not have",
                          fix: "Report it: the notes should name only components that exist.")]
    }

    /// A decided stream ⇒ its table has no row version, update time or surrogate id and is keyed by source and
    /// time; its API changes no record and answers its batches with 202; its flows answer 202, never 201.
    private func streams() -> [Finding] {
        var findings: [Finding] = []
        var streamEntities: [String: (table: String, decision: String)] = [:]
        for table in design.tables {
            guard let stream = table.stream, let entity = table.entity else { continue }
            streamEntities[entity] = (table.name, stream.decision)
            let topic = String(stream.decision.prefix { $0 != ":" })
            let mutable = ["id", "lock_version", "updated_at"].filter { table.column($0) != nil }
            if !mutable.isEmpty {
                findings.append(violation(topic, "\(table.name) holds an append-only stream (\(stream.decision)), but has \(mutable.joined(separator: ", "))",
                                          fix: "Report it: a stream table is keyed by source and time, with no row version.",
                                          about: .table(table.id), subject: "table \(table.name)"))
            }
            if table.primaryKey.last != stream.time || !table.primaryKey.contains(stream.source) {
                findings.append(violation(topic, "\(table.name) is a stream, but its primary key (\(table.primaryKey.joined(separator: ", "))) is not its source and time",
                                          fix: "Report it: the key should be (\(stream.source), …, \(stream.time)).",
                                          about: .table(table.id), subject: "table \(table.name)"))
            }
        }
        guard !streamEntities.isEmpty else { return [] }
        for endpoint in design.endpoints {
            guard let (_, decision) = streamEntities[endpoint.resource] else { continue }
            let topic = String(decision.prefix { $0 != ":" })
            let method = endpoint.method.uppercased()
            var why: String?
            if ["PATCH", "PUT", "DELETE"].contains(method) {
                why = "\(endpoint.resource) is an append-only stream (\(decision)), but \(method) \(endpoint.path) changes one record"
            } else if method == "POST", !endpoint.responses.contains(where: { $0.status == 202 }) {
                why = "\(endpoint.resource) is ingested in batches (\(decision)), but POST \(endpoint.path) does not answer 202 Accepted"
            }
            if let why {
                findings.append(violation(topic, why, fix: "Hide the endpoint: a stream's records are only appended, in batches.",
                                          about: .endpoint(endpoint.id), subject: "endpoint \(method) \(endpoint.path)"))
            }
        }
        let streamIDs = Set(design.tables.compactMap { table -> EntityID? in
            if table.stream != nil, case .entity(let id) = table.id { return id } else { return nil }
        })
        for sequence in design.sequences {
            guard case .create(let id) = sequence.id, streamIDs.contains(id),
                  sequence.messages.contains(where: { $0.isReply && $0.text.hasPrefix("201") }) else { continue }
            findings.append(violation("streams", "\(sequence.title) answers 201 for a stream ingested in batches",
                                      fix: "Report it: the ingest flow answers 202 Accepted.", subject: "sequence \(sequence.title)"))
        }
        return findings
    }

    /// Audit records have no client writes; append-only records no PATCH or DELETE; money records no DELETE.
    private func recordKinds() -> [Finding] {
        var findings: [Finding] = []
        /// Per resource, worked out once: (audit, append-only, money).
        var kinds: [String: (audit: Bool, appendOnly: Bool, money: Bool)] = [:]
        for endpoint in design.endpoints {
            if kinds[endpoint.resource] == nil {
                let words = Naming.words(endpoint.resource)
                kinds[endpoint.resource] = (SchemaNames.isAuditRecord(words: words), SchemaNames.isAppendOnly(words: words),
                                            SchemaNames.isFinancialRecord(words: words))
            }
            let (audit, appendOnly, money) = kinds[endpoint.resource]!
            let method = endpoint.method.uppercased()
            let why: String?
            if audit, method != "GET" { why = "audit records are written by the system, but \(method) \(endpoint.path) lets a client write one" }
            else if appendOnly, ["PATCH", "PUT", "DELETE"].contains(method) { why = "\(endpoint.resource) is append-only, but \(method) \(endpoint.path) changes one" }
            else if money, method == "DELETE" { why = "\(endpoint.resource) is a money record, kept for the books, but \(method) \(endpoint.path) deletes one" }
            else { why = nil }
            if let why {
                findings.append(violation("records", why, fix: "Hide the endpoint, or cancel, refund or void through a change instead.",
                                          about: .endpoint(endpoint.id), subject: "endpoint \(method) \(endpoint.path)"))
            }
        }
        return findings
    }

    /// Each existing system ⇒ an external component and a decision following its plan; calls into one that needs a
    /// queue ⇒ only a worker calls it, and no request waits on it; the records it owns ⇒ read-model tables that no
    /// endpoint writes; a file exchange ⇒ a table of file runs.
    private func integrations() -> [Finding] {
        var findings: [Finding] = []
        for system in systems {
            let topic = "integration." + InfraNaming.snake(system.name)
            let names = [system.name, system.name + " (external)"]
            guard let external = design.components.first(where: { $0.kind == .external && names.contains($0.name) }) else {
                findings.append(violation(topic, "\(system.name) is an existing system, but no component stands for it",
                                          fix: "Report it: every existing system is an external component.", subject: "system \(system.name)"))
                continue
            }
            let expected = system.plan == .keep ? "adapter" : system.plan.rawValue
            if choice(topic) != expected {
                findings.append(violation(topic, "\(system.name)'s plan is \(system.plan.rawValue), but the decision says \(choice(topic) ?? "nothing")",
                                          fix: "Report it: the decision on an existing system follows its plan.", subject: "system \(system.name)"))
            }
            if system.needsQueue {
                let waiting = design.components.filter { $0.kind == .service && $0.dependencies.contains { $0.target == external.name && $0.style == .sync } }
                if let service = waiting.first {
                    findings.append(violation(topic, "\(system.name) is rate-limited, slow or unreliable, but \(service.name) calls it synchronously",
                                              fix: "Report it: calls into it go through a queue to a throttled consumer.", about: .service(service.name),
                                              subject: "service \(service.name)"))
                }
                if !design.components.contains(where: { $0.kind == .worker && $0.dependencies.contains { $0.target == external.name } }) {
                    findings.append(violation(topic, "\(system.name) needs a throttled consumer, but no worker calls it",
                                              fix: "Report it: a worker consumes the queue to it.", subject: "system \(system.name)"))
                }
            }
            if system.kind == .fileExchange || system.transport == .file,
               !design.tables.contains(where: { $0.machinery == .fileRuns(system: system.name) }) {
                findings.append(violation(topic, "\(system.name) exchanges files, but no table records the runs and their reconciliation",
                                          fix: "Report it: a file exchange gets a scheduled job and a table of its files.", subject: "system \(system.name)"))
            }
        }
        let readModels = Dictionary(design.tables.compactMap { table in table.readModelOf.flatMap { system in table.entity.map { ($0, system) } } },
                                    uniquingKeysWith: { first, _ in first })
        for endpoint in design.endpoints where endpoint.method.uppercased() != "GET" {
            guard let system = readModels[endpoint.resource] else { continue }
            findings.append(violation("integration." + InfraNaming.snake(system),
                                      "\(system) is the system of record for \(endpoint.resource), but \(endpoint.method) \(endpoint.path) changes the local copy",
                                      fix: "Hide the endpoint: changes go to \(system) through its adapter, and the read model follows.",
                                      about: .endpoint(endpoint.id), subject: "endpoint \(endpoint.method) \(endpoint.path)"))
        }
        return findings
    }
}
