import ArchModel

/// The plumbing the messaging decision needs beside the entities' tables (issue 9), worked out once from the
/// components and tables so the schema, the components, the deployment and the sequences agree:
/// - a broker (`messaging.broker` other than none) and a service that writes its database and publishes events:
///   a transactional outbox table in that database, a relay in the service, consumers that retry with backoff and
///   park what keeps failing in a dead-letter queue;
/// - a database-backed job queue (`messaging.broker: none` on a relational store): a job table and a worker
///   that claims its rows, retries with backoff and parks dead jobs.
/// Stream tables need no outbox: the log is their source.
struct MachineryPlan: Sendable {
    /// One plumbing table and the database component holding it.
    struct Item: Hashable, Sendable {
        let kind: TableMachinery
        let table: String
        let database: String
    }

    /// Delivery attempts before a message or a job is parked as dead.
    static let maxAttempts = 5
    static let workerName = "background worker"

    let items: [Item]
    let components: [Component]
    /// Shared-schema tenancy: each outbox row carries the tenant of its change, so consumers and replays keep to it.
    let tenantScoped: Bool

    init(components: [Component], tables: [Table], facts: InfraFacts) {
        var taken = Set(tables.map(\.name))
        func free(_ name: String) -> String {
            var candidate = name, suffix = 2
            while taken.contains(candidate) { candidate = "\(name)_\(suffix)"; suffix += 1 }
            taken.insert(candidate)
            return candidate
        }
        let databases = components.filter { $0.kind == .database }
        let streamTables = Set(tables.filter { $0.stream != nil }.map(\.name))
        let broker = components.first { $0.kind == .broker }
        let trace = facts.decisionTrace(["messaging.broker"]).merged(with: Trace(sources: ["MachineryPlan"]))
        func database(of service: Component) -> Component? {
            service.dependencies.lazy.compactMap { dependency in databases.first { $0.name == dependency.target } }.first
        }
        var items: [Item] = []
        var result = components
        func update(_ name: String, _ change: (inout Component) -> Void) {
            if let index = result.firstIndex(where: { $0.name == name }) { change(&result[index]) }
        }
        let services = components.filter { $0.kind == .service }
        /// The duties go to the rules' worker when there is one, else to a new worker beside the services.
        func addWorker(_ duties: [String], _ dependencies: [Dependency], interface: String) {
            if let worker = result.firstIndex(where: { $0.kind == .worker }) {
                result[worker].responsibilities += duties
                result[worker].dependencies += dependencies
                result[worker].trace = result[worker].trace.merged(with: trace)
                return
            }
            let image = services.count == 1 ? "The image of \(services[0].name), started as a worker process" : "A worker process"
            let worker = Component(name: Self.workerName, kind: .worker, responsibilities: [image] + duties,
                                   interfaces: [.speaks(interface)], dependencies: dependencies, trace: trace)
            result.insert(worker, at: (result.lastIndex { $0.kind == .service } ?? -1) + 1)
        }
        if let broker {
            var publishers = services.filter { service in service.interfaces.contains { if case .publishes = $0 { true } else { false } } }
            // One deployable with a broker decided: the broker carries its background work, sent through the outbox too,
            // to a worker.
            let background = publishers.isEmpty && services.count == 1
            if background {
                publishers = services
                update(services[0].name) { service in
                    let sends = Dependency(target: broker.name, style: .async, purpose: "sends background work and events" + (facts.isRelational ? " (via the outbox)" : ""))
                    if let index = service.dependencies.firstIndex(where: { $0.target == broker.name }) {
                        service.dependencies[index] = sends
                    } else {
                        service.dependencies.append(sends)
                    }
                }
                let duties = [
                    "Runs the background work \(services[0].name) sends through \(broker.name) (emails, exports, calls to other systems)",
                    "Retries a failed message with exponential backoff; after \(Self.maxAttempts) failed deliveries it goes to the dead-letter queue",
                ]
                let dependencies = [Dependency(target: broker.name, style: .async, purpose: "consumes background work")]
                    + (database(of: services[0]).map { [Dependency(target: $0.name, style: .sync, purpose: "reads and writes the data a job needs")] } ?? [])
                addWorker(duties, dependencies, interface: "\(broker.name) consumer")
            }
            for service in publishers {
                guard let store = database(of: service), facts.isRelational,
                      store.ownedData.contains(where: { !streamTables.contains($0) }) else { continue }
                let table = free(databases.count > 1 ? Self.prefix(service.name) + "_outbox" : "outbox")
                items.append(Item(kind: .outbox(publisher: service.name), table: table, database: store.name))
                update(store.name) { $0.ownedData.append(table); $0.responsibilities.append("\(table): \(background ? "background jobs" : "events") of \(service.name) not yet published") }
                update(service.name) {
                    $0.responsibilities.append("Writes each \(background ? "background job" : "event") to \(table) in the transaction of the change that causes it; "
                        + "a relay publishes committed rows to \(broker.name) in order and marks them published (at least once)")
                    $0.trace = $0.trace.merged(with: trace)
                }
            }
            for service in services {
                let events = service.interfaces.compactMap { if case .consumes(let event, _) = $0 { event } else { nil } }
                guard !events.isEmpty else { continue }
                update(service.name) {
                    $0.responsibilities.append("Consumes \(events.joined(separator: ", ")) idempotently (by event id), retrying with "
                        + "exponential backoff; after \(Self.maxAttempts) failed deliveries a message goes to its dead-letter queue")
                }
            }
            if !publishers.isEmpty {
                update(broker.name) {
                    let duty = "dead-letter queue per consumer: messages that failed \(Self.maxAttempts) deliveries, alerted on and replayed by hand"
                    if !$0.responsibilities.contains(where: { $0.lowercased().contains("dead-letter") }) { $0.responsibilities.append(duty) }
                }
            }
        } else if Self.usesJobQueue(facts), facts.isRelational, !services.isEmpty {
            var queues: [String] = []
            for store in databases where services.contains(where: { database(of: $0)?.name == store.name }) {
                let table = free(databases.count > 1 ? Self.prefix(store.name) + "_jobs" : "jobs")
                items.append(Item(kind: .jobQueue, table: table, database: store.name))
                queues.append(table)
                update(store.name) { $0.ownedData.append(table); $0.responsibilities.append("\(table): background jobs waiting to run") }
            }
            if !queues.isEmpty {
                for service in services where database(of: service).map({ store in items.contains { $0.database == store.name } }) == true {
                    update(service.name) {
                        $0.responsibilities.append("Enqueues background work (emails, exports, calls to other systems) as rows of "
                            + "\(queues.count == 1 ? "the table " + queues[0] : "its database's job table") in the transaction of the change that causes it")
                        $0.trace = $0.trace.merged(with: trace)
                    }
                }
                let duties = [
                    "Runs the background jobs in \(queues.count == 1 ? "the table " + queues[0] : "the tables " + queues.joined(separator: ", ")): claims due rows with SELECT … FOR UPDATE SKIP LOCKED, one transaction per job",
                    "Retries a failed job with exponential backoff (run_at, attempts); after \(Self.maxAttempts) attempts parks it as dead (failed_at, last_error) for a person to look at",
                ]
                let dependencies = items.filter { $0.kind == .jobQueue }.map {
                    Dependency(target: $0.database, style: .sync, purpose: "claims jobs and records their outcome")
                }
                addWorker(duties, dependencies, interface: "job table (no network interface)")
            }
        }
        self.items = items
        self.components = result
        tenantScoped = facts.sharesTablesAcrossTenants
    }

    /// No broker, and background work decided to go through a database-backed job queue: `messaging.broker: none`,
    /// or in-process calls ("background work through a job queue") with no broker decided.
    static func usesJobQueue(_ facts: InfraFacts) -> Bool {
        switch facts.choice("messaging.broker") {
        case "none"?: return true
        case nil: return facts.broker == nil && facts.choice("communication.style") == "in-process"
        default: return false
        }
    }

    /// `Trips` → `trips`, `Orders service` → `orders`, `Trips DB` → `trips`.
    static func prefix(_ name: String) -> String {
        var base = name
        for suffix in [" service", " DB"] where base.hasSuffix(suffix) { base = String(base.dropLast(suffix.count)) }
        return InfraNaming.snake(base)
    }

    /// The plumbing tables, in the order of `items`.
    var tables: [Table] {
        items.map { item in
            switch item.kind {
            case .outbox(let publisher): Self.outbox(item.table, publisher: publisher, tenant: tenantScoped)
            case .jobQueue, .fileRuns: Self.jobs(item.table)  // file runs come from `IntegrationPlan`, never planned here
            }
        }
    }

    private static func outbox(_ name: String, publisher: String, tenant: Bool) -> Table {
        Table(name: name, columns: [Column(name: "id", type: .uuid, nullable: false)]
            + (tenant ? [Column(name: "tenant_id", type: .uuid, nullable: false)] : []) + [
            Column(name: "aggregate_type", type: .string, nullable: false, length: 64),
            Column(name: "aggregate_id", type: .uuid, nullable: false),
            Column(name: "event_type", type: .string, nullable: false, length: 128),
            Column(name: "payload", type: .json, nullable: false),
            Column(name: "created_at", type: .timestamp, nullable: false, defaultValue: .now),
            Column(name: "published_at", type: .timestamp),
        ], primaryKey: ["id"], indexes: [
            Index(name: "ix_\(name)_published_at", columns: ["published_at", "created_at"],
                  reason: "the relay reads unpublished rows (published_at IS NULL) in the order they were written"),
        ], machinery: .outbox(publisher: publisher),
        trace: Trace(sources: ["MachineryPlan", "component \(publisher)", "decision messaging.broker"]), id: .machinery(name))
    }

    static func jobs(_ name: String) -> Table {
        Table(name: name, columns: [
            Column(name: "id", type: .uuid, nullable: false),
            Column(name: "queue", type: .string, nullable: false, length: 64),
            Column(name: "payload", type: .json, nullable: false),
            Column(name: "run_at", type: .timestamp, nullable: false, defaultValue: .now),
            Column(name: "attempts", type: .integer, nullable: false, defaultValue: .number("0")),
            Column(name: "locked_until", type: .timestamp),
            Column(name: "last_error", type: .text),
            Column(name: "failed_at", type: .timestamp),
            Column(name: "created_at", type: .timestamp, nullable: false, defaultValue: .now),
        ], primaryKey: ["id"], indexes: [
            Index(name: "ix_\(name)_queue_run_at", columns: ["queue", "run_at"],
                  reason: "the worker claims the oldest due job of a queue (SKIP LOCKED)"),
        ], machinery: .jobQueue, trace: Trace(sources: ["MachineryPlan", "decision messaging.broker: none"]), id: .machinery(name))
    }
}
