import ArchModel
@testable import ArchRules
import XCTest

/// The messaging decision's plumbing (issue 9): a database-backed job queue gets its table and a worker that is
/// deployed; a broker gets an outbox where a database write publishes, consumers that retry and dead-letter, and
/// create flows that write the event with the change.
final class MachineryPlanTests: XCTestCase {
    private func design(_ answers: [String: AnswerValue], entities: [Entity] = ShopFixture.entities) throws -> Design {
        try DesignBuilder.standard().build(ShopFixture.session(answers, entities: entities))
    }

    /// Orders, Products and Customers as microservices talking through Kafka.
    private func services() throws -> Design {
        try DesignBuilder.standard().build(InfraFixtures.shop(style: "microservices", communication: "async", extra: [
            "requirements.team_size": .number(40), "services.messaging": .choice("kafka"),
        ]))
    }

    private static let smallTeam: [String: AnswerValue] = ["requirements.team_size": .number(3)]

    func testAJobQueueDecisionGivesAJobTableAWorkerAndItsDeployment() throws {
        let design = try design(Self.smallTeam)
        XCTAssertEqual(design.decisions.first { $0.topic == "messaging.broker" }?.choice, "none")
        let jobs = try XCTUnwrap(design.tables.first { $0.machinery == .jobQueue }, "\(design.tables.map(\.name))")
        XCTAssertEqual(jobs.name, "jobs")
        XCTAssertEqual(jobs.id, .machinery("jobs"))
        XCTAssertEqual(jobs.columns.map(\.name), ["id", "queue", "payload", "run_at", "attempts", "locked_until", "last_error", "failed_at", "created_at"])
        XCTAssertEqual(jobs.indexes.map(\.columns), [["queue", "run_at"]])
        let database = try XCTUnwrap(design.components.first { $0.kind == .database })
        XCTAssertTrue(database.ownedData.contains("jobs"))
        let worker = try XCTUnwrap(design.components.first { $0.kind == .worker })
        XCTAssertEqual(worker.name, MachineryPlan.workerName)
        XCTAssertEqual(worker.dependencies.map(\.target), [database.name])
        XCTAssertTrue(worker.responsibilities.contains { $0.contains("SKIP LOCKED") }, "\(worker.responsibilities)")
        let node = try XCTUnwrap(design.deployment.first { $0.name == worker.name })
        XCTAssertEqual(node.kind, .worker)
        XCTAssertEqual(node.connectsTo, [database.name])
        XCTAssertFalse(design.tables.contains { if case .outbox? = $0.machinery { true } else { false } })
        XCTAssertEqual(design.findings.filter { $0.id.hasPrefix("coherence.") }.map(\.title), [])
    }

    func testAnEntityCalledJobKeepsItsTableAndTheQueueTakesAnotherName() throws {
        let job = Entity(name: "Job", fields: [Field(name: "title", type: .string, required: true)])
        let design = try design(Self.smallTeam, entities: ShopFixture.entities + [job])
        XCTAssertEqual(design.tables.first { $0.entity == "Job" }?.name, "jobs")
        XCTAssertEqual(design.tables.first { $0.machinery == .jobQueue }?.name, "jobs_2")
        XCTAssertEqual(Set(design.tables.map(\.name)).count, design.tables.count, "table names stay unique")
    }

    func testABrokerGivesEachPublishingServiceAnOutboxAndTheFlowWritesTheEventWithTheChange() throws {
        let design = try services()
        let publishers = design.components.filter { service in
            service.kind == .service && service.interfaces.contains { if case .publishes = $0 { true } else { false } }
        }
        XCTAssertFalse(publishers.isEmpty, "\(design.components.map { "\($0.name) \($0.kind) \($0.interfaces) \($0.dependencies.map(\.target))" })")
        for publisher in publishers {
            let outbox = try XCTUnwrap(design.tables.first { $0.machinery == .outbox(publisher: publisher.name) }, publisher.name)
            XCTAssertTrue(outbox.name.hasSuffix("_outbox"), outbox.name)
            XCTAssertTrue(outbox.indexes.contains { $0.columns == ["published_at", "created_at"] })
            let store = try XCTUnwrap(publisher.dependencies.first { $0.purpose == "reads and writes its data" }?.target)
            XCTAssertTrue(design.components.first { $0.name == store }?.ownedData.contains(outbox.name) == true, "\(outbox.name) in \(store)")
        }
        // Consumers (ridehailing's services consume each other's events) retry with backoff and dead-letter.
        let rides = try DesignBuilder.standard().build(try XCTUnwrap(try SampleSessions.all().first { $0.name == "ridehailing" }?.session))
        let consumers = rides.components.filter { $0.interfaces.contains { if case .consumes = $0 { true } else { false } } }
        XCTAssertGreaterThanOrEqual(consumers.count, 3)
        for consumer in consumers {
            XCTAssertTrue(consumer.responsibilities.contains { $0.contains("dead-letter queue") && $0.contains("backoff") }, consumer.name)
        }
        // Dispatch owns only the location-ping stream: the log is its source, so it has no outbox.
        XCTAssertNil(rides.tables.first { $0.machinery == .outbox(publisher: "Dispatch") })
        XCTAssertNotNil(rides.tables.first { $0.machinery == .outbox(publisher: "Trips") })
        let create = try XCTUnwrap(design.sequences.first { $0.messages.contains { $0.text.hasPrefix("relay publishes") } },
                                   "\(design.sequences.map { $0.messages.map(\.text) })")
        let texts = create.messages.map(\.text)
        let write = try XCTUnwrap(texts.firstIndex { $0.contains("into") && $0.hasSuffix("(one transaction)") }, "\(texts)")
        let reply = try XCTUnwrap(texts.firstIndex(of: "201 Created")), relay = try XCTUnwrap(texts.firstIndex { $0.hasPrefix("relay publishes") })
        XCTAssertLessThan(write, reply)
        XCTAssertLessThan(reply, relay, "the relay publishes after the commit, not inside the request")
        XCTAssertFalse(texts.contains { $0.hasPrefix("publish ") }, "no dual write: \(texts)")
        XCTAssertFalse(design.tables.contains { $0.machinery == .jobQueue })
        XCTAssertEqual(design.findings.filter { $0.id.hasPrefix("coherence.") }.map(\.title), [])
    }

    /// One deployable with a managed queue: the queue carries its background work, through the outbox, to a worker.
    func testOneDeployableWithAQueueSendsBackgroundWorkThroughTheOutboxToAWorker() throws {
        let design = try design(["requirements.team_size": .number(12), "services.communication": .choice("mixed"),
                                 "services.messaging": .choice("managed")])
        let services = design.components.filter { $0.kind == .service }
        XCTAssertEqual(services.count, 1)
        let broker = try XCTUnwrap(design.components.first { $0.kind == .broker })
        XCTAssertTrue(services[0].dependencies.contains { $0.target == broker.name && $0.style == .async })
        XCTAssertNotNil(design.tables.first { $0.machinery == .outbox(publisher: services[0].name) })
        let worker = try XCTUnwrap(design.components.first { $0.kind == .worker })
        XCTAssertTrue(worker.dependencies.contains { $0.target == broker.name }, "\(worker.dependencies)")
        XCTAssertNotNil(design.deployment.first { $0.name == worker.name })
    }

    func testTheChecksFindAMissingOutboxJobTableWorkerOrDeploymentNode() throws {
        var queued = try design(Self.smallTeam)
        queued.tables.removeAll { $0.machinery == .jobQueue }
        let database = try XCTUnwrap(queued.components.firstIndex { $0.kind == .database })
        queued.components[database].ownedData.removeAll { $0 == "jobs" }
        XCTAssertEqual(CoherenceChecks(design: queued).findings().map(\.id), ["coherence.messaging.broker"])

        var unrun = try design(Self.smallTeam)
        unrun.components.removeAll { $0.kind == .worker }
        XCTAssertEqual(CoherenceChecks(design: unrun).findings().map(\.title), [
            "The design contradicts itself: PostgreSQL holds a job queue, but no worker runs it",
        ])

        var undeployed = try design(Self.smallTeam)
        undeployed.deployment.removeAll { $0.kind == .worker }
        XCTAssertEqual(CoherenceChecks(design: undeployed).findings().map(\.id), ["coherence.deployment"])

        var direct = try services()
        let outboxes = Set(direct.tables.filter { if case .outbox? = $0.machinery { true } else { false } }.map(\.name))
        for index in direct.components.indices { direct.components[index].ownedData.removeAll { outboxes.contains($0) } }
        direct.tables.removeAll { outboxes.contains($0.name) }
        let ids = CoherenceChecks(design: direct).findings().map(\.id)
        XCTAssertEqual(ids.count, outboxes.count, "\(ids)")
        XCTAssertTrue(ids.allSatisfy { $0 == "coherence.messaging.broker" })
    }
}

/// A sharded data tier (issue 9) is deployed as shards with a key, and only then.
final class ShardedDeploymentTests: XCTestCase {
    private func design(_ answers: [String: AnswerValue]) throws -> Design {
        try DesignBuilder.standard().build(InfraFixtures.shop(style: "microservices", communication: "async", extra: answers))
    }

    func testAShardedTierShardsEachServiceDatabaseByItsRootWithChildrenCoLocated() throws {
        let design = try design(["requirements.peak_rps": .number(25_000), "requirements.read_ratio": .number(60),
                                 "requirements.team_size": .number(40)])
        XCTAssertEqual(design.decisions.first { $0.topic == "scaling.strategy" }?.choice, "sharded-data-tier")
        let sharded = design.deployment.filter { $0.shardKey != nil }
        XCTAssertFalse(sharded.isEmpty, "\(design.deployment.map(\.name))")
        for node in sharded {
            XCTAssertEqual(node.kind, .database)
            XCTAssertGreaterThanOrEqual(node.replicas, 2)
            XCTAssertTrue(node.notes[0].hasPrefix("Sharded (scaling.strategy): \(node.replicas) shard primaries"), node.notes[0])
            XCTAssertTrue(node.notes[0].contains("per shard primary (assumed)"), node.notes[0])
        }
        XCTAssertEqual(design.findings.filter { $0.id.hasPrefix("coherence.") }.map(\.title), [])
        // The order's items live on the order's shard.
        let orders = try XCTUnwrap(sharded.first { $0.shardKey == "orders.id" }, "\(sharded.map(\.shardKey))")
        XCTAssertTrue(orders.notes[0].contains("co-located: order_items.order_id"), orders.notes[0])

        var unsharded = design
        for index in unsharded.deployment.indices { unsharded.deployment[index].shardKey = nil }
        XCTAssertEqual(CoherenceChecks(design: unsharded).findings().map(\.id), ["coherence.scaling.strategy"])
    }

    func testBelowTheShardingThresholdNoDatabaseIsSharded() throws {
        let design = try design(["requirements.peak_rps": .number(9_999), "requirements.read_ratio": .number(50)])
        XCTAssertNotEqual(design.decisions.first { $0.topic == "scaling.strategy" }?.choice, "sharded-data-tier")
        XCTAssertTrue(design.deployment.allSatisfy { $0.shardKey == nil })
    }
}
