@testable import ArchRules
import ArchModel
import XCTest

final class FindingsCheckerTests: XCTestCase {
    func check(_ session: Session, _ design: Design) -> [Finding] { FindingsChecker().findings(session: session, design: design) }

    func ringDesign(_ session: Session) -> Design {
        Design(projectName: "Ring", components: ComponentGenerator().components(session: session, decisions: [], ruleComponents: []))
    }

    func testSyncCycleIsNamedAndBlowsTheLatencyBudget() {
        let session = InfraFixtures.cycle(p99: 100)
        let found = check(session, ringDesign(session))
        XCTAssertEqual(found.map(\.id), ["services.sync-cycle", "performance.sync-chain-over-budget"])
        XCTAssertEqual(found[0].subject, "services A → B → C → A")
        XCTAssertEqual(found[0].severity, .error)
        XCTAssertEqual(found[1].detail, "3 services × 40 ms (a call with its database query) = 120 ms > p99 budget 100 ms")
    }

    /// A declared id of another type than uuid is reported (the schema's keys are UUIDs), a uuid id is not.
    func testDeclaredIdTypeThatIsNotUsedIsReported() {
        let session = Session(projectName: "ids", entities: [
            Entity(name: "Reading", fields: [Field(name: "id", type: .integer), Field(name: "value", type: .decimal)]),
            Entity(name: "Device", fields: [Field(name: "id", type: .uuid)]),
        ])
        let found = check(session, Design(projectName: "ids")).filter { $0.id == "model.id-type-replaced" }
        XCTAssertEqual(found.map(\.subject), ["entity Reading"])
        XCTAssertEqual(found.first?.severity, .info)
        XCTAssertTrue(found.first?.detail.hasPrefix("Reading.id is declared integer") ?? false)
    }

    /// A field a generated column stands for (createdAt → created_at) is reported, not dropped in silence; one the
    /// table has no column for (updated_at of an append-only table, tenant_id without tenancy) says it is left out.
    func testAFieldAGeneratedColumnReplacesIsReported() throws {
        let session = Session(projectName: "cols", entities: [
            Entity(name: "Order", fields: [Field(name: "createdAt", type: .date), Field(name: "tenantId", type: .uuid), Field(name: "total", type: .decimal)]),
        ])
        let design = try DesignBuilder.standard(memoizing: false).build(session)
        let found = design.findings.filter { $0.id == "model.field-replaced-by-generated-column" }
        XCTAssertEqual(found.count, 2, found.map(\.detail).joined(separator: "\n"))
        XCTAssertEqual(found.first { $0.detail.hasPrefix("Order.createdAt") }?.detail,
                       "Order.createdAt (date) becomes the generated created_at column, timestamp NOT NULL DEFAULT now, set when the row is written; what the field was declared with is not used")
        XCTAssertTrue(found.contains { $0.detail.hasPrefix("Order.tenantId (uuid) is left out") }, found.map(\.detail).joined(separator: "\n"))
        XCTAssertEqual(found.first?.severity, .warning)
    }

    /// Bounded contexts that are one name make one service (not three look-alikes), and the design says so.
    func testBoundedContextsThatNormaliseAlikeAreOneService() throws {
        var session = Session(projectName: "ctx")
        session["services.bounded_contexts"] = .list(["Ordering", "ordering", "Order Ing", "Billing"])
        session["services.deployment_style"] = .choice("microservices")
        let design = try DesignBuilder.standard(memoizing: false).build(session)
        let modules = design.components.filter { $0.kind == .service }.map(\.name)
        XCTAssertEqual(modules.filter { $0.lowercased().hasPrefix("order") }.count, 1, "\(modules)")
        let found = design.findings.filter { $0.id == "model.duplicate-bounded-context" }
        XCTAssertEqual(found.map(\.subject), ["bounded context Order Ing", "bounded context ordering"])
        XCTAssertEqual(found.first?.about, .question("services.bounded_contexts"))
    }

    func testChainWithinBudgetIsFine() {
        let session = InfraFixtures.cycle(p99: 200)
        XCTAssertFalse(check(session, ringDesign(session)).contains { $0.id == "performance.sync-chain-over-budget" })
    }

    func testMultiTenantTableWithoutTenantColumn() {
        let session = Session(projectName: "SaaS", answers: ["data.multi_tenancy": .choice("shared_schema")],
                              entities: [Entity(name: "Project", fields: [Field(name: "name")])])
        let design = Design(projectName: "SaaS", tables: [
            Table(name: "projects", entity: "Project", columns: [Column(name: "id", type: .uuid)], primaryKey: ["id"]),
            Table(name: "tenants", entity: "Tenant", columns: [Column(name: "id", type: .uuid)], primaryKey: ["id"]),
        ])
        let found = check(session, design)
        XCTAssertEqual(found.map(\.id), ["data.tenant-column-missing"])
        XCTAssertEqual(found[0].subject, "table projects")
    }

    func testPIIInQueryParameterAndUnknownEndpointResource() {
        let session = Session(projectName: "Shop", answers: ["api.clients": .choice("public")], entities: InfraFixtures.shopEntities)
        let design = Design(projectName: "Shop", endpoints: [
            Endpoint(method: "GET", path: "/v1/customers", operationId: "find", summary: "", resource: "Customer",
                     parameters: [.init(name: "email", location: .query)]),
            Endpoint(method: "GET", path: "/v1/reports", operationId: "reports", summary: "", resource: "Report"),
        ])
        let found = check(session, design)
        XCTAssertEqual(found.map(\.id), ["security.pii-in-url", "api.endpoint-without-entity", "security.public-api-without-rate-limit"])
        XCTAssertEqual(found[0].subject, "endpoint GET /v1/customers")
    }

    func testModelAndSchemaChecks() {
        let session = Session(projectName: "X", answers: ["requirements.availability": .number(99.99),
                                                          "nonfunctional.disaster_recovery": .choice("multi_az")], entities: [
            Entity(name: "Tag", relations: [Relation(kind: .manyToMany, target: "Post")]),
            Entity(name: "Post", fields: [Field(name: "title")], relations: [Relation(kind: .belongsTo, target: "Author")]),
            Entity(name: "post", fields: [Field(name: "x")]),
        ])
        let design = Design(projectName: "X", tables: [
            Table(name: "tags", entity: "Tag", primaryKey: ["id"]),
            Table(name: "posts", entity: "Post", columns: [Column(name: "author_id", type: .uuid)], primaryKey: [],
                  foreignKeys: [ForeignKey(name: "fk", columns: ["author_id"], referencedTable: "authors", referencedColumns: ["id"], onDelete: .restrict)]),
        ])
        let found = check(session, design).map { "\($0.severity.rawValue) \($0.id) \($0.subject)" }
        XCTAssertEqual(found, [
            "error data.table-without-primary-key table posts",
            "error model.duplicate-entity-name entity post",
            "error model.unknown-relation-target entity Post",
            "warning data.fk-without-index table posts",
            "warning data.many-to-many-without-join-table entity Tag",
            "warning reliability.single-region-availability deployment",
            "info model.entity-without-fields entity Tag",
        ])
    }

    func testMicroservicesSharingADatabase() {
        let components = [
            Component(name: "Orders", kind: .service, dependencies: [Dependency(target: "DB", style: .sync)]),
            Component(name: "Billing", kind: .service, dependencies: [Dependency(target: "DB", style: .sync)]),
            Component(name: "DB", kind: .database),
        ]
        let design = Design(projectName: "X", decisions: InfraFixtures.microservices, components: components)
        XCTAssertEqual(check(Session(projectName: "X"), design).map(\.id), ["services.shared-database"])
    }
}
