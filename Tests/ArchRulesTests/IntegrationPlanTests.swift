import ArchModel
@testable import ArchRules
import XCTest

/// Existing systems in the design (issue 9): each is an external component behind an adapter; its limits decide
/// how it is called; what it owns is a read model here; files are imported and reconciled; its plan is a decision.
final class IntegrationPlanTests: XCTestCase {
    private static let builder = try! DesignBuilder.standard()

    private func depot(_ systems: [ExternalSystem], answers: [String: AnswerValue] = [:]) -> Session {
        let stock = Entity(name: "Stock", fields: [Field(name: "sku", required: true), Field(name: "onHand", type: .integer, required: true)],
                           service: "Warehouse")
        let parcel = Entity(name: "Parcel", fields: [Field(name: "weight", type: .decimal, required: true)],
                            relations: [Relation(kind: .belongsTo, target: "Stock")], service: "Shipping")
        return Session(projectName: "Depot", answers: ["requirements.peak_rps": .number(200)].merging(answers) { $1 },
                       entities: [stock, parcel], services: [Service(name: "Warehouse"), Service(name: "Shipping")], systems: systems)
    }

    private static let wms = ExternalSystem(name: "Legacy WMS", kind: .systemOfRecord, transport: .soap, purpose: "stock levels",
                                            rateLimit: 20, latencyMs: 800, owns: [.named("Stock")], plan: .strangle)

    func testARateLimitedSystemOfRecordIsQueuedThrottledAndOwnsReadModels() throws {
        let design = Self.builder.build(depot([Self.wms]))
        let external = try XCTUnwrap(design.components.first { $0.name == "Legacy WMS" })
        XCTAssertEqual(external.kind, .external)
        XCTAssertTrue(external.responsibilities.contains("SOAP; accepts at most 20 req/s; p99 800 ms"), "\(external.responsibilities)")
        // Only a worker calls it, throttled; the owning service enqueues and never waits on it.
        let warehouse = try XCTUnwrap(design.components.first { $0.name == "Warehouse" })
        XCTAssertFalse(warehouse.dependencies.contains { $0.target == "Legacy WMS" && $0.style == .sync })
        XCTAssertTrue(warehouse.responsibilities.contains { $0.hasPrefix("Legacy WMS adapter (anti-corruption layer)") })
        let worker = try XCTUnwrap(design.components.first { $0.kind == .worker && $0.dependencies.contains { $0.target == "Legacy WMS" } })
        XCTAssertTrue(worker.responsibilities.contains { $0.contains("calls Legacy WMS at most 20 req/s") && $0.contains("after 5 attempts") })
        XCTAssertTrue(design.deployment.contains { $0.name == worker.name }, "the worker runs somewhere")
        // Stock is a read model: its table says where it comes from; its API only reads.
        let stock = try XCTUnwrap(design.tables.first { $0.entity == "Stock" })
        XCTAssertEqual(stock.readModelOf, "Legacy WMS")
        XCTAssertNotNil(stock.column("source_id"))
        XCTAssertNotNil(stock.column("synced_at"))
        XCTAssertNil(stock.column("lock_version"), "no client writes to version")
        XCTAssertTrue(stock.uniqueConstraints.contains(["source_id"]))
        let stockRoutes = design.endpoints.filter { $0.resource == "Stock" }
        XCTAssertFalse(stockRoutes.isEmpty)
        XCTAssertEqual(Set(stockRoutes.map(\.method)), ["GET"])
        XCTAssertTrue(stockRoutes.allSatisfy { $0.summary.contains("read model of Legacy WMS, stale by up to 5 minutes") })
        XCTAssertTrue(design.endpoints.contains { $0.resource == "Parcel" && $0.method == "POST" }, "own data stays writable")
        // The strangle plan is a decision with the slices in order.
        let decision = try XCTUnwrap(design.decision("integration.legacy_wms"))
        XCTAssertEqual(decision.choice, "strangle")
        XCTAssertTrue(decision.rationale.contains("Slices in order: (1) Stock"), decision.rationale)
        XCTAssertTrue(decision.rationale.contains("can be switched off when no route reaches it"), decision.rationale)
        XCTAssertEqual(decision.alternatives.map(\.choice), ["replace", "keep"])
        XCTAssertEqual(decision.trace.answers, [ExternalSystem.questionID])
        // Its sequence goes through the queue to the worker, with the failure path.
        let sequence = try XCTUnwrap(design.sequences.first { $0.title == "Integrate with Legacy WMS" })
        XCTAssertTrue(sequence.participants.contains(worker.name))
        XCTAssertTrue(sequence.messages.contains { $0.isFailure && $0.text.contains("dead-letter") })
        XCTAssertTrue(sequence.messages.contains { $0.text.contains("changes since the last sync") })
        XCTAssertEqual(design.findings.filter { $0.id.hasPrefix("coherence.") }.map(\.title), [])
    }

    func testWithABrokerTheQueueIsATopicWithADeadLetterQueue() throws {
        let design = Self.builder.build(depot([Self.wms], answers: ["services.messaging": .choice("kafka"), "services.communication": .choice("async")]))
        let broker = try XCTUnwrap(design.components.first { $0.kind == .broker })
        XCTAssertTrue(broker.responsibilities.contains { $0.hasPrefix("legacy_wms.requests: requests for Legacy WMS; legacy_wms.requests.dlq") },
                      "\(broker.responsibilities)")
        let worker = try XCTUnwrap(design.components.first { $0.kind == .worker })
        XCTAssertTrue(worker.dependencies.contains { $0.target == broker.name && $0.purpose.contains("consumes legacy_wms.requests") })
    }

    func testAnUnlimitedSystemIsCalledSynchronouslyWithATimeoutAndABreaker() throws {
        let maps = ExternalSystem(name: "Maps", kind: .saasAPI, purpose: "routes and ETAs", latencyMs: 300)
        let design = Self.builder.build(depot([maps]))
        let caller = try XCTUnwrap(design.components.first { $0.dependencies.contains { $0.target == "Maps" } })
        XCTAssertEqual(caller.kind, .service)
        XCTAssertEqual(caller.dependencies.first { $0.target == "Maps" }?.style, .sync)
        XCTAssertTrue(caller.responsibilities.contains { $0.contains("every call has a 1000 ms timeout and a circuit breaker") }, "\(caller.responsibilities)")
        XCTAssertEqual(design.decision("integration.maps")?.choice, "adapter")
        XCTAssertEqual(IntegrationPlan.timeout(for: ExternalSystem(name: "x", latencyMs: 4000)), 6000)
        XCTAssertEqual(IntegrationPlan.timeout(for: ExternalSystem(name: "x")), 2000)
        XCTAssertEqual(IntegrationPlan.timeout(for: ExternalSystem(name: "x", latencyMs: 3_600_000)), 30_000)
    }

    func testAFileExchangeGetsAnImportJobItsRunsAndAReconciliation() throws {
        let feed = ExternalSystem(name: "Supplier feed", kind: .fileExchange, transport: .file, direction: .inbound,
                                  owns: [.named("Stock")])
        let design = Self.builder.build(depot([feed]))
        let runs = try XCTUnwrap(design.tables.first { $0.machinery == .fileRuns(system: "Supplier feed") })
        XCTAssertEqual(runs.name, "supplier_feed_imports")
        XCTAssertEqual(runs.uniqueConstraints, [["checksum"]], "a file seen before is not imported twice")
        XCTAssertTrue(["rows_read", "rows_accepted", "rows_rejected", "report"].allSatisfy { runs.column($0) != nil })
        let worker = try XCTUnwrap(design.components.first { $0.kind == .worker })
        XCTAssertTrue(worker.responsibilities.contains { $0.hasPrefix("Supplier feed import job, every night at 02:00") && $0.contains("reconciliation report") })
        XCTAssertTrue(design.endpoints.filter { $0.resource == "Stock" }.allSatisfy { $0.summary.contains("stale by up to 24 hours") })
        XCTAssertTrue(design.components.first { $0.kind == .database }?.ownedData.contains("supplier_feed_imports") ?? false)
    }

    func testCallersFromOutsideGetTheirOwnCredentialsAndPaymentsIdempotency() throws {
        let design = Self.builder.build(depot([
            ExternalSystem(name: "Carrier portal", kind: .partner, direction: .inbound),
            ExternalSystem(name: "Scanners", kind: .device, direction: .inbound),
            ExternalSystem(name: "Stripe", kind: .paymentProvider, direction: .both),
        ]))
        let notes = Dictionary(design.security.map { ($0.topic, $0.text) }, uniquingKeysWith: { first, _ in first })
        XCTAssertTrue(notes["Carrier portal credentials"]?.contains("an API key per partner") ?? false, "\(notes.keys)")
        XCTAssertTrue(notes["Scanners credentials"]?.contains("a certificate per device (mutual TLS)") ?? false)
        XCTAssertTrue(notes["Stripe calls and webhooks"]?.contains("idempotency key") ?? false)
        XCTAssertTrue(design.components.first { $0.name == "Scanners" }?.dependencies.contains { $0.purpose == "calls the API with its own credentials" } ?? false)
        let webhook = try XCTUnwrap(design.sequences.first { $0.title == "Integrate with Stripe" })
        XCTAssertTrue(webhook.messages.contains { $0.text.hasPrefix("webhook") })
    }

    func testAReplacedSystemGetsAMigrationPlanAndAComponentNamedLikeAServiceIsKeptApart() throws {
        var erp = ExternalSystem(name: "Warehouse", kind: .legacyDatabase, transport: .database, plan: .replace)
        erp.purpose = "the old stock database"
        let design = Self.builder.build(depot([erp]))
        XCTAssertTrue(design.components.contains { $0.name == "Warehouse (external)" && $0.kind == .external })
        let decision = try XCTUnwrap(design.decision("integration.warehouse"))
        XCTAssertEqual(decision.choice, "replace")
        XCTAssertTrue(decision.rationale.contains("backfill its data with an import job"), decision.rationale)
        XCTAssertEqual(design.findings.filter { $0.id.hasPrefix("coherence.") }.map(\.title), [])
    }

    func testRulesCountSystemsByKindPlanAndNeed() throws {
        let facts = Facts(session: depot([Self.wms, ExternalSystem(name: "Stripe", kind: .paymentProvider)]), catalogue: Self.builder.catalogue)
        func holds(_ text: String) throws -> Bool {
            let expression = try ExpressionParser.parse(text)
            _ = try ExpressionChecker.check(expression, catalogue: Self.builder.catalogue)
            return ExpressionEvaluator(facts: facts).holds(expression)
        }
        XCTAssertTrue(try holds("count(systems) == 2 and count(requirements.integrations) == 2"))
        XCTAssertTrue(try holds("any(systems, strangle) and any(systems, queued) and count(systems, owning) == 1"))
        XCTAssertTrue(try holds("count(systems, payment-provider) == 1 and not any(systems, inbound)"))
    }

    /// Each integration check fires on a design that breaks it.
    func testTheIntegrationChecksFindWhatContradictsTheSystems() {
        let stockTable = Table(name: "stock", entity: "Stock", columns: [Column(name: "id", type: .uuid, nullable: false)], readModelOf: "Legacy WMS")
        let design = Design(projectName: "x", decisions: [Decision(topic: "integration.legacy_wms", choice: "adapter", title: "", category: .communication, rationale: "")],
                            components: [Component(name: "Legacy WMS", kind: .external),
                                         Component(name: "Warehouse", kind: .service, dependencies: [Dependency(target: "Legacy WMS", style: .sync)])],
                            endpoints: [Endpoint(method: "PATCH", path: "/stock/{stockId}", operationId: "updateStock", summary: "", resource: "Stock")],
                            tables: [stockTable])
        let feed = ExternalSystem(name: "Feed", kind: .fileExchange, transport: .file, direction: .inbound)
        let titles = CoherenceChecks(design: design, systems: [Self.wms, feed]).findings().map(\.title)
        XCTAssertEqual(titles.map { $0.replacingOccurrences(of: "The design contradicts itself: ", with: "") }, [
            "Legacy WMS's plan is strangle, but the decision says adapter",
            "Legacy WMS is rate-limited, slow or unreliable, but Warehouse calls it synchronously",
            "Legacy WMS needs a throttled consumer, but no worker calls it",
            "Feed is an existing system, but no component stands for it",
            "Legacy WMS is the system of record for Stock, but PATCH /stock/{stockId} changes the local copy",
        ])
    }
}
