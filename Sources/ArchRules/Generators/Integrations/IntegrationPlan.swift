import ArchModel

/// What each existing system (`Session.systems`) brings into the design, worked out once from the components and
/// tables so that components, schema, sequences, security and decisions agree (issue 9):
/// - an external component for the system, and an adapter (anti-corruption layer) in the service that talks to it;
/// - calls into a rate-limited, slow or unreliable system go through a queue (the broker, or the job table) to a
///   consumer throttled to the system's limit, retrying with backoff, dead-lettering what keeps failing;
/// - entities it is the system of record for are read models here (`ReadModels`), refreshed from it;
/// - a file exchange gets an import job and a table of file runs with their reconciliation;
/// - a decision per system: keep (integrate), replace (migrate, then cut over) or strangle (a migration plan);
/// - partners and devices calling in get their own credentials and limits; payment providers idempotency keys.
struct IntegrationPlan: Sendable {
    let components: [Component]
    let tables: [Table]
    let decisions: [Decision]
    let security: [SecurityNote]
    let sequences: [SequenceDiagram]
    /// How the design reaches each system (for the use-case flows), in the order of `Session.systems`.
    let links: [Link]

    /// Who talks to a system, and how.
    struct Link: Sendable {
        let system: ExternalSystem
        /// Its external component.
        let external: String
        /// The service holding its adapter.
        let caller: String
        let timeout: Int
        /// Set when calls go through a queue: the broker or job table, and the worker that consumes it.
        var queue: (via: String, worker: String)?
    }

    static let workerName = "integration worker"
    /// How often a file exchange is imported, and changes are polled.
    static let importSchedule = "every night at 02:00"

    init(components: [Component], tables: [Table], facts: InfraFacts) {
        let systems = facts.session.systems
        guard !systems.isEmpty else {
            (self.components, self.tables, decisions, security, sequences, links) = (components, tables, [], [], [], [])
            return
        }
        var result = components, newTables: [Table] = [], decisions: [Decision] = [], notes: [SecurityNote] = []
        var sequences: [SequenceDiagram] = []
        var links: [Link] = []
        var takenTables = Set(tables.map(\.name))
        let names = facts.session.names
        let services = components.filter { $0.kind == .service }
        let broker = components.first { $0.kind == .broker }
        let gateway = components.first { $0.kind == .gateway }
        let cache = components.first { $0.kind == .cache }
        let jobTable = tables.first { $0.machinery == .jobQueue }
        let databases = components.filter { $0.kind == .database }
        func update(_ name: String, _ change: (inout Component) -> Void) {
            if let index = result.firstIndex(where: { $0.name == name }) { change(&result[index]) }
        }
        func database(of service: String) -> String? {
            result.first { $0.name == service }?.dependencies.first { dependency in databases.contains { $0.name == dependency.target } }?.target
        }
        /// The duties go to the design's worker when there is one, else to a new integration worker.
        func worker(_ duties: [String], _ dependencies: [Dependency], trace: Trace) -> String {
            let index: Int
            if let existing = result.firstIndex(where: { $0.kind == .worker }) {
                index = existing
            } else {
                let image = services.count == 1 ? "The image of \(services[0].name), started as a worker process" : "A worker process"
                let component = Component(name: Self.workerName, kind: .worker, responsibilities: [image],
                                          interfaces: [.speaks("queue consumer and scheduler (no network interface)")], trace: trace)
                index = (result.lastIndex { $0.kind == .service || $0.kind == .worker } ?? -1) + 1
                result.insert(component, at: index)
            }
            result[index].responsibilities += duties
            for dependency in dependencies { Self.add(dependency, to: &result[index]) }
            result[index].trace = result[index].trace.merged(with: trace)
            return result[index].name
        }
        let componentNames = Set(components.map { InfraNaming.key($0.name) })
        for system in systems {
            let trace = Trace(answers: [ExternalSystem.questionID], sources: ["IntegrationPlan", "system \(system.name)"])
            let owned = system.owns.filter(names.resolves).map(names.name)
            let external = componentNames.contains(InfraNaming.key(system.name)) ? system.name + " (external)" : system.name
            let caller = Self.caller(of: system, owned: owned, services: services)
            let queued = system.needsQueue
            let slug = InfraNaming.snake(system.name)
            // The system itself.
            var traits = [system.transport.label]
            if let limit = system.rateLimit { traits.append("accepts at most \(limit) req/s") }
            if let latency = system.latencyMs { traits.append("p99 \(latency) ms") }
            if let availability = system.availability { traits.append("\(SessionFile.format(availability)) % available") }
            var responsibilities = [system.kind.label + (system.purpose.isEmpty ? "" : ": " + system.purpose), traits.joined(separator: "; ")]
            if !owned.isEmpty { responsibilities.append("System of record for \(Naming.sentenceList(owned))") }
            responsibilities.append(system.plan.summary)
            var externalDependencies: [Dependency] = []
            if system.direction.callsIn, system.kind != .fileExchange {
                let entry = gateway?.name ?? caller?.name
                let purpose = system.kind == .paymentProvider ? "sends signed webhooks" : "calls the API with its own credentials"
                if let entry { externalDependencies.append(Dependency(target: entry, style: .sync, purpose: purpose)) }
            }
            result.append(Component(name: external, kind: .external, responsibilities: responsibilities, ownedData: owned,
                                    interfaces: [.speaks(system.transport.label)], dependencies: externalDependencies, trace: trace))

            guard let caller else { continue }
            var messages: [SequenceDiagram.Message] = []
            var participants: [String] = []
            // The adapter in the calling service.
            let timeout = Self.timeout(for: system)
            var link = Link(system: system, external: external, caller: caller.name, timeout: timeout)
            update(caller.name) {
                $0.responsibilities.append("\(system.name) adapter (anti-corruption layer): translates \(Self.possessive(system.name)) \(system.transport.label) model into its own"
                    + (system.direction.callsOut && system.kind != .fileExchange ? "; every call has a \(timeout) ms timeout and a circuit breaker" : ""))
                $0.trace = $0.trace.merged(with: trace)
            }
            if system.direction.callsOut, system.kind != .fileExchange, !queued {
                update(caller.name) { Self.add(Dependency(target: external, style: .sync, purpose: system.purpose.isEmpty ? "calls \(system.name)" : system.purpose), to: &$0) }
                participants = [caller.name, external]
                messages += [
                    .init(from: caller.name, to: external, text: "\(system.transport.verb) (timeout \(timeout) ms)"),
                    .init(from: external, to: caller.name, text: "result", isReply: true),
                    .init(from: caller.name, to: caller.name, text: "timeout or 5xx: retry once with backoff; when the breaker is open, fail fast (503) without calling", isFailure: true),
                ]
            }
            if queued {
                let limit = system.rateLimit.map { "at most \($0) req/s (a token bucket shared by all its instances)" } ?? "a few at a time"
                var duties: [String] = []
                var dependencies: [Dependency] = []
                let via: String
                if let broker {
                    let queue = "\(slug).requests"
                    via = broker.name
                    update(caller.name) {
                        Self.add(Dependency(target: broker.name, style: .async, purpose: "sends requests for \(system.name) to \(queue)"), to: &$0)
                        $0.responsibilities.append("Sends what \(system.name) must do as messages to \(queue)"
                            + (facts.isRelational ? ", written to its outbox in the transaction of the change" : "") + ", never calling it inside a request")
                    }
                    update(broker.name) { $0.responsibilities.append("\(queue): requests for \(system.name); \(queue).dlq: the ones that failed \(MachineryPlan.maxAttempts) attempts") }
                    duties.append("Consumes \(queue) and calls \(system.name) \(limit); retries timeouts, 429 and 5xx with exponential backoff and jitter; after \(MachineryPlan.maxAttempts) attempts moves the message to \(queue).dlq and alerts")
                    dependencies.append(Dependency(target: broker.name, style: .async, purpose: "consumes \(queue)"))
                } else {
                    var table = jobTable?.name
                    if table == nil, facts.isRelational, let store = database(of: caller.name) {
                        var name = "jobs", suffix = 2
                        while takenTables.contains(name) { name = "jobs_\(suffix)"; suffix += 1 }
                        takenTables.insert(name)
                        newTables.append(MachineryPlan.jobs(name))
                        update(store) { $0.ownedData.append(name); $0.responsibilities.append("\(name): requests waiting for other systems") }
                        table = name
                    }
                    let where_ = table.map { "the table \($0) (queue '\(slug)')" } ?? "a queue"
                    via = table ?? "queue"
                    update(caller.name) {
                        $0.responsibilities.append("Enqueues what \(system.name) must do as rows of \(where_) in the transaction of the change, never calling it inside a request")
                    }
                    duties.append("Claims \(where_) jobs and calls \(system.name) \(limit); retries timeouts, 429 and 5xx with exponential backoff and jitter (run_at, attempts); after \(MachineryPlan.maxAttempts) attempts parks the job as dead (failed_at) and alerts")
                    if let store = database(of: caller.name) { dependencies.append(Dependency(target: store, style: .sync, purpose: "claims jobs for \(system.name)")) }
                }
                dependencies.append(Dependency(target: external, style: .sync, purpose: "calls \(system.name) " + (system.rateLimit.map { "at most \($0) req/s" } ?? "outside requests")))
                let consumer = worker(duties, dependencies, trace: trace)
                link.queue = (via, consumer)
                participants = [caller.name, via, consumer, external]
                messages += [
                    .init(from: caller.name, to: via, text: "enqueue the request for \(system.name) (with the change's transaction)", isAsync: true),
                    .init(from: via, to: consumer, text: "deliver", isAsync: true),
                    .init(from: consumer, to: external, text: "\(system.transport.verb) " + (system.rateLimit.map { "(throttled to \($0) req/s, timeout \(timeout) ms)" } ?? "(timeout \(timeout) ms)")),
                    .init(from: external, to: consumer, text: "result", isReply: true),
                    .init(from: consumer, to: via, text: "timeout, 429 or 5xx: retry with exponential backoff; after \(MachineryPlan.maxAttempts) attempts: dead-letter and alert", isAsync: true, isFailure: true),
                ]
            }
            // Reads: the records it owns are copied here; other reads from a slow or limited system are cached.
            if !owned.isEmpty {
                let source = ReadModels.source(of: system)
                update(caller.name) {
                    $0.responsibilities.append("Keeps read models of \(Naming.sentenceList(owned)) from \(system.name), refreshed by \(source.refresh); stale by \(source.staleness); "
                        + "clients cannot change them here: changes go to \(system.name) through the adapter" + (queued ? " (queued)" : ""))
                }
                if system.kind != .fileExchange, system.transport != .file {
                    let syncer = system.transport == .messaging ? caller.name
                        : worker(["Refreshes the read models of \(Naming.sentenceList(owned)) by \(source.refresh)"],
                                 [Dependency(target: external, style: .sync, purpose: "reads changes of \(Naming.sentenceList(owned))")] + (database(of: caller.name).map { [Dependency(target: $0, style: .sync, purpose: "upserts read models")] } ?? []),
                                 trace: trace)
                    if participants.isEmpty { participants = [caller.name, external] }
                    if !participants.contains(syncer) { participants.insert(syncer, at: 1) }
                    messages += [
                        .init(from: syncer, to: external, text: system.transport == .messaging ? "subscribe to changes of \(Naming.sentenceList(owned))" : "changes since the last sync", isAsync: system.transport == .messaging),
                        .init(from: external, to: syncer, text: "changed records", isReply: true),
                        .init(from: syncer, to: syncer, text: "upsert by source_id, set synced_at"),
                    ]
                }
            } else if system.direction.callsOut, system.rateLimit != nil || (system.latencyMs ?? 0) >= 500,
                      [.systemOfRecord, .legacyDatabase].contains(system.kind) {
                let store = cache.map { "the cache (\($0.name))" } ?? "an in-process cache"
                update(caller.name) { $0.responsibilities.append("Caches what it reads from \(system.name) in \(store) for 60 s: answers may be up to 60 s stale, and repeated reads cost none of \(Self.possessive(system.name)) limit") }
            }
            // A file exchange: an import job with its runs and reconciliation.
            if system.kind == .fileExchange || system.transport == .file {
                let base = slug + (system.direction.callsIn ? "_imports" : "_exports")
                var name = base, suffix = 2
                while takenTables.contains(name) { name = "\(base)_\(suffix)"; suffix += 1 }
                takenTables.insert(name)
                newTables.append(Self.fileRuns(name, system: system.name))
                let store = database(of: caller.name)
                if let store { update(store) { $0.ownedData.append(name); $0.responsibilities.append("\(name): the files exchanged with \(system.name), each with its reconciliation") } }
                let targets = owned.isEmpty ? "the records it carries" : Naming.sentenceList(owned)
                let job = system.direction.callsIn
                    ? "\(system.name) import job, \(Self.importSchedule): fetches the new file (checksum recorded; a file seen before is skipped), validates every row, upserts \(targets) by source_id, "
                        + "records the run in \(name), and writes a reconciliation report (rows read, accepted, rejected with reasons; totals compared with the file's trailer); a mismatch or a missing file alerts"
                    : "\(system.name) export job, \(Self.importSchedule): writes the file \(system.name) expects, records it in \(name) with its checksum and row count, and checks \(Self.possessive(system.name)) acknowledgement the next day"
                let runner = worker([job], [Dependency(target: external, style: .sync, purpose: system.direction.callsIn ? "fetches files" : "delivers files")]
                                    + (store.map { [Dependency(target: $0, style: .sync, purpose: system.direction.callsIn ? "imports rows and records each file" : "reads what to export and records each file")] } ?? []), trace: trace)
                participants = [runner, external] + (store.map { [$0] } ?? [])
                let db = store ?? runner
                messages += system.direction.callsIn ? [
                    .init(from: runner, to: external, text: "fetch the new file (\(Self.importSchedule))"),
                    .init(from: external, to: runner, text: "file", isReply: true),
                    .init(from: runner, to: db, text: "upsert valid rows; record the run in \(name)"),
                    .init(from: runner, to: db, text: "write the reconciliation report (read, accepted, rejected, totals)"),
                    .init(from: runner, to: runner, text: "file missing, checksum seen before or totals differ: alert; nothing half-imported (one transaction per file)", isFailure: true),
                ] : [
                    .init(from: runner, to: db, text: "read what changed since the last export"),
                    .init(from: runner, to: external, text: "deliver the file (\(Self.importSchedule))"),
                    .init(from: runner, to: db, text: "record the export in \(name)"),
                    .init(from: runner, to: runner, text: "no acknowledgement by the next day: alert and resend", isFailure: true),
                ]
            }
            // Who calls in: partners and devices; a payment provider's webhooks.
            if system.direction.callsIn, system.kind != .fileExchange {
                let entry = gateway?.name ?? caller.name
                if system.kind == .paymentProvider {
                    for participant in [external, entry, caller.name] where !participants.contains(participant) { participants.append(participant) }
                    messages += [
                        .init(from: external, to: entry, text: "webhook: payment succeeded or failed (signed)"),
                        .init(from: entry, to: caller.name, text: "verified signature; process once by event id"),
                        .init(from: entry, to: external, text: "400 for a bad signature; a 5xx makes \(system.name) resend later", isReply: true, isFailure: true),
                    ]
                } else if messages.isEmpty || system.isMachineCaller {
                    for participant in [external, entry, caller.name] where !participants.contains(participant) { participants.append(participant) }
                    messages += [
                        .init(from: external, to: entry, text: "call the API with its own credential" + (system.isMachineCaller ? " (\(system.kind == .device ? "device certificate" : "partner API key"))" : "")),
                    ] + (entry == caller.name ? [] : [
                        SequenceDiagram.Message(from: entry, to: caller.name, text: "the request, with the caller's identity and its own rate limit applied"),
                    ]) + [
                        .init(from: entry, to: external, text: "429 beyond its own rate limit; 401 for a revoked credential", isReply: true, isFailure: true),
                    ]
                }
            }
            if !messages.isEmpty {
                var ordered: [String] = []
                for participant in participants + messages.flatMap({ [$0.from, $0.to] }) where !ordered.contains(participant) { ordered.append(participant) }
                sequences.append(SequenceDiagram(title: "Integrate with \(system.name)", participants: ordered, messages: messages,
                                                 trace: trace, id: .integration(system.id)))
            }
            links.append(link)
            notes += Self.securityNotes(system, entry: gateway?.name ?? caller.name, trace: trace)
            decisions.append(Self.decision(system, owned: owned, queued: queued, caller: caller.name, facade: gateway?.name, trace: trace))
        }
        self.components = result
        self.tables = tables + newTables
        self.decisions = decisions
        self.security = notes
        self.sequences = sequences
        self.links = links
    }

    /// `Legacy WMS's`, `Adyen settlement reports'`.
    static func possessive(_ name: String) -> String { name.hasSuffix("s") ? name + "'" : name + "'s" }

    /// One dependency per target and style, its purposes joined: the diagrams draw one arrow.
    static func add(_ dependency: Dependency, to component: inout Component) {
        if let same = component.dependencies.firstIndex(where: { $0.target == dependency.target && $0.style == dependency.style }) {
            if !component.dependencies[same].purpose.contains(dependency.purpose) {
                component.dependencies[same].purpose += "; " + dependency.purpose
            }
        } else {
            component.dependencies.append(dependency)
        }
    }

    /// The service that talks to the system: the one owning its entities, the only one, the one holding payments for a
    /// payment provider, else the first.
    static func caller(of system: ExternalSystem, owned: [String], services: [Component]) -> Component? {
        let keys = Set(owned.map(InfraNaming.key))
        if let owner = services.first(where: { $0.ownedData.contains { keys.contains(InfraNaming.key($0)) } }) { return owner }
        if services.count <= 1 { return services.first }
        // The service whose name and entities share the most words with what the system is for (plurals aside).
        func stems(_ text: String) -> Set<String> {
            Set(Naming.words(text).map { word in
                let lower = word.lowercased()
                return lower.count > 3 && lower.hasSuffix("s") && !lower.hasSuffix("ss") ? String(lower.dropLast()) : lower
            })
        }
        let words = system.kind == .paymentProvider ? APIGenerator.paymentLikeWords : stems(system.purpose + " " + system.name)
        let scores = services.map { service in
            stems(([service.name] + service.ownedData).joined(separator: " ")).intersection(words).count
        }
        guard let best = scores.max(), best > 0 else { return services.first }
        return services[scores.firstIndex(of: best)!]
    }

    /// A timeout a little above the system's p99, from 1 s to 30 s (2 s when the latency is unknown).
    static func timeout(for system: ExternalSystem) -> Int {
        guard let latency = system.latencyMs else { return 2000 }
        return min(30_000, max(1000, (latency * 3 / 2 + 99) / 100 * 100))
    }

    private static func securityNotes(_ system: ExternalSystem, entry: String, trace: Trace) -> [SecurityNote] {
        var notes: [SecurityNote] = []
        if system.isMachineCaller {
            let credential = system.kind == .device
                ? "a certificate per device (mutual TLS), issued at enrolment and revocable one device at a time"
                : "an API key per partner (stored hashed, scoped to what the partner may do, rotated at least yearly)"
            notes.append(SecurityNote(topic: "\(system.name) credentials",
                text: "\(system.name) \(system.name.hasSuffix("s") ? "call" : "calls") \(entry) with \(credential), never a person's token; each credential has its own rate limit and quota, "
                    + "and its requests are logged with the credential's id", owasp: ["API2:2023 Broken Authentication", "API4:2023 Unrestricted Resource Consumption"], trace: trace))
        }
        if system.kind == .paymentProvider {
            notes.append(SecurityNote(topic: "\(system.name) calls and webhooks",
                text: "Every money movement sent to \(system.name) carries an idempotency key derived from the local record, so a retry never charges twice; "
                    + "its webhooks are accepted only with a valid signature, are processed idempotently by event id, and the API keys live in the secret store",
                owasp: ["API10:2023 Unsafe Consumption of APIs"], trace: trace))
        }
        if system.kind == .identityProvider {
            notes.append(SecurityNote(topic: "\(system.name) tokens",
                text: "People sign in at \(system.name) (OpenID Connect); \(entry) validates its tokens' signature (JWKS, cached), issuer, audience and expiry on every request",
                owasp: ["API2:2023 Broken Authentication"], trace: trace))
        }
        if system.direction.callsOut, system.kind != .identityProvider, system.kind != .paymentProvider {
            notes.append(SecurityNote(topic: "\(system.name) responses",
                text: "What \(system.name) returns is validated against its contract in the adapter before use (types, sizes, allowed values), like any untrusted input; its credentials live in the secret store",
                owasp: ["API10:2023 Unsafe Consumption of APIs"], trace: trace))
        }
        return notes
    }

    /// The decision on the system: keep it behind an adapter, replace it, or strangle it, with the plan.
    private static func decision(_ system: ExternalSystem, owned: [String], queued: Bool, caller: String, facade: String?, trace: Trace) -> Decision {
        let how = queued
            ? "calls go through a queue to a consumer throttled to " + (system.rateLimit.map { "\($0) req/s" } ?? "what it can take") + ", retried with backoff, dead-lettered after \(MachineryPlan.maxAttempts) attempts"
            : system.kind == .fileExchange || system.transport == .file ? "its files are imported by a scheduled job with a reconciliation report"
            : "calls are synchronous with a \(timeout(for: system)) ms timeout and a circuit breaker"
        let records = owned.isEmpty ? "" : " \(Naming.sentenceList(owned)) \(owned.count == 1 ? "stays" : "stay") owned by \(system.name): the design holds read models of \(owned.count == 1 ? "it" : "them")."
        let slices = owned.isEmpty ? ["each capability of \(system.name) the design takes over"] : owned
        let topic = "integration." + InfraNaming.snake(system.name)
        let adapter = Alternative(choice: "call-directly", reason: "Calling \(system.name) from everywhere spreads its model, limits and failures through the code; one adapter in \(caller) contains them")
        switch system.plan {
        case .keep:
            return Decision(topic: topic, choice: "adapter", title: "Integrate with \(system.name) through an adapter", category: .communication,
                            rationale: "\(system.name) stays. \(caller) talks to it through one adapter (an anti-corruption layer) that translates its \(system.transport.label) model; \(how).\(records)",
                            alternatives: [adapter], trace: trace)
        case .replace:
            return Decision(topic: topic, choice: "replace", title: "Replace \(system.name) in one cut-over", category: .data,
                            rationale: "\(system.name) is replaced. Until the cut-over, \(how). Plan: (1) build \(Naming.sentenceList(slices)) here; "
                                + "(2) backfill its data with an import job, then apply deltas daily; (3) run both in parallel, comparing them with a reconciliation report until it shows no difference for a full business cycle; "
                                + "(4) cut over in one release, with the way back rehearsed; (5) switch \(system.name) off once nothing has called it for a month and its data is archived.",
                            alternatives: [Alternative(choice: "strangle", reason: "Slice-by-slice migration costs a routing facade and a longer period of running both; worth it when one cut-over is too risky")],
                            trace: trace)
        case .strangle:
            let front = facade.map { "\($0) routes" } ?? "a routing facade in front of both routes"
            let steps = slices.enumerated().map { "(\($0.offset + 1)) \($0.element)" }.joined(separator: ", ")
            return Decision(topic: topic, choice: "strangle", title: "Strangle \(system.name) behind a routing facade", category: .data,
                            rationale: "\(system.name) is taken over slice by slice (the strangler fig). \(front) each request to \(system.name) or to \(caller); meanwhile \(how). "
                                + "Slices in order: \(steps). For each slice: copy its data here (read model synced from \(system.name)), serve its reads here, move its writes here and feed them back to \(system.name) while other slices still need them, "
                                + "then switch the route at the facade; a reconciliation report compares both until they agree for a full business cycle. \(system.name) can be switched off when no route reaches it and its data has been reconciled and archived.",
                            alternatives: [Alternative(choice: "replace", reason: "One cut-over moves everything at once: less time running both, but a failure affects every capability and the way back is harder"),
                                           Alternative(choice: "keep", reason: "Keeping \(system.name) keeps its limits and cost; chosen when it works well enough")],
                            trace: trace)
        }
    }

    private static func fileRuns(_ name: String, system: String) -> Table {
        Table(name: name, columns: [
            Column(name: "id", type: .uuid, nullable: false),
            Column(name: "file_name", type: .string, nullable: false, length: 255),
            Column(name: "checksum", type: .string, nullable: false, length: 64),
            Column(name: "status", type: .enumeration, nullable: false, defaultValue: .text("received"),
                   enumValues: ["received", "imported", "reconciled", "failed"]),
            Column(name: "rows_read", type: .integer, nullable: false, defaultValue: .number("0")),
            Column(name: "rows_accepted", type: .integer, nullable: false, defaultValue: .number("0")),
            Column(name: "rows_rejected", type: .integer, nullable: false, defaultValue: .number("0")),
            Column(name: "report", type: .json),
            Column(name: "received_at", type: .timestamp, nullable: false, defaultValue: .now),
            Column(name: "finished_at", type: .timestamp),
            Column(name: "created_at", type: .timestamp, nullable: false, defaultValue: .now),
        ], primaryKey: ["id"], uniqueConstraints: [["checksum"]], indexes: [
            Index(name: "ix_\(name)_received_at", columns: ["received_at"], reason: "the latest runs first, and a missing night shows"),
        ], machinery: .fileRuns(system: system), trace: Trace(answers: [ExternalSystem.questionID], sources: ["IntegrationPlan", "system \(system)"]),
        id: .machinery(name))
    }
}

extension ExternalSystem.Transport {
    /// What a call is, in a sequence diagram.
    var verb: String {
        switch self {
        case .soap: "SOAP request"
        case .grpc: "gRPC call"
        case .graphql: "GraphQL query"
        case .database: "query"
        case .messaging: "message"
        case .file: "file"
        case .rest, .other: "request"
        }
    }
}

extension ExternalSystem.Plan {
    var summary: String {
        switch self {
        case .keep: "Stays: integrated through an adapter"
        case .replace: "To be replaced in one cut-over (see its decision)"
        case .strangle: "To be strangled slice by slice (see its decision)"
        }
    }
}
