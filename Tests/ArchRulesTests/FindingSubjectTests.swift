@testable import ArchRules
import ArchModel
import XCTest

/// Every finding says what it is about as an element (by identity) or a question, so the TUI can go there.
final class FindingSubjectTests: XCTestCase {
    private func check(_ session: Session, _ design: Design) -> [Finding] { FindingsChecker().findings(session: session, design: design) }

    private func about(_ findings: [Finding], _ id: String) -> [FindingSubject] { findings.filter { $0.id == id }.map(\.about) }

    func testModelFindingsNameTheEntityOrTheField() throws {
        let session = Session(projectName: "X", entities: [
            Entity(name: "Tag", relations: [Relation(kind: .manyToMany, target: "Post")]),
            Entity(name: "Post", fields: [Field(name: "id", type: .integer)], relations: [Relation(kind: .belongsTo, target: "Author")]),
            Entity(name: "post", fields: [Field(name: "x")]),
        ])
        let (tag, post, duplicate) = (session.entities[0], session.entities[1], session.entities[2])
        let found = check(session, Design(projectName: "X", tables: [Table(name: "tags", entity: "Tag", primaryKey: ["id"]),
                                                                     Table(name: "posts", entity: "Post", primaryKey: ["id"])]))
        XCTAssertEqual(about(found, "model.entity-without-fields"), [.entity(tag.id)])
        XCTAssertEqual(about(found, "model.duplicate-entity-name"), [.entity(duplicate.id)])
        XCTAssertEqual(about(found, "model.unknown-relation-target"), [.entity(post.id)])
        XCTAssertEqual(about(found, "model.id-type-replaced"), [.field(post.id, post.fields[0].id)])
        XCTAssertEqual(about(found, "data.many-to-many-without-join-table"), [.entity(tag.id)])
        XCTAssertTrue(found.allSatisfy { $0.about != .none }, "\(found.map(\.id))")
    }

    func testTableEndpointAndAnswerFindings() {
        let session = Session(projectName: "Shop", answers: ["api.clients": .choice("public"), "data.multi_tenancy": .choice("shared_schema")],
                              entities: InfraFixtures.shopEntities)
        let table = Table(name: "projects", entity: "Project", columns: [Column(name: "id", type: .uuid)], primaryKey: [],
                          id: .other("projects"))
        let design = Design(projectName: "Shop", endpoints: [
            Endpoint(method: "GET", path: "/v1/customers", operationId: "find", summary: "", resource: "Customer",
                     parameters: [.init(name: "email", location: .query)]),
            Endpoint(method: "GET", path: "/v1/reports", operationId: "reports", summary: "", resource: "Report"),
        ], tables: [table])
        let found = check(session, design)
        XCTAssertEqual(about(found, "security.pii-in-url"), [.endpoint(.other("find"))])
        XCTAssertEqual(about(found, "api.endpoint-without-entity"), [.endpoint(.other("reports"))])
        XCTAssertEqual(about(found, "data.table-without-primary-key"), [.table(.other("projects"))])
        XCTAssertEqual(about(found, "data.tenant-column-missing"), [.table(.other("projects"))])
        XCTAssertEqual(about(found, "security.public-api-without-rate-limit"), [.question("api.clients")], "the first answer it read")
    }

    func testServiceFindingsNameAServiceOrTheSharedComponent() {
        let ring = InfraFixtures.cycle(p99: 100)
        let components = ComponentGenerator().components(session: ring, decisions: [], ruleComponents: [])
        let found = check(ring, Design(projectName: "Ring", components: components))
        XCTAssertEqual(about(found, "services.sync-cycle"), [.service("A")])
        XCTAssertEqual(about(found, "performance.sync-chain-over-budget"), [.service("A")])
        let shared = Design(projectName: "X", decisions: InfraFixtures.microservices, components: [
            Component(name: "Orders", kind: .service, dependencies: [Dependency(target: "DB", style: .sync)]),
            Component(name: "Billing", kind: .service, dependencies: [Dependency(target: "DB", style: .sync)]),
            Component(name: "DB", kind: .database),
        ])
        XCTAssertEqual(about(check(Session(projectName: "X"), shared), "services.shared-database"), [.component("DB")])
    }

    func testFlowAndOverrideFindingsNameTheFlowTheOverrideOrTheCustomEndpoint() throws {
        var session = ShopFixture.session([:])
        let flow = Flow(id: session.newID(), name: "Later")
        session.apply(.insertFlow(flow, at: 0))
        let orderItem = try XCTUnwrap(session.entity(named: "OrderItem")).id
        let missing = EndpointOverride(id: session.newID(), target: EndpointKey(entity: .id(orderItem), operation: .create),
                                       EndpointChanges(summary: "Add an item"))
        let custom = EndpointOverride(id: session.newID(), custom: CustomEndpoint(method: .get, path: "/v1/reports/sales", response: .named("SalesReport")))
        session.apply(.insertEndpointOverride(missing, at: 0))
        session.apply(.insertEndpointOverride(custom, at: 1))
        let found = try DesignBuilder.standard().build(session).findings
        XCTAssertEqual(about(found, "flow.without-steps"), [.flow(flow.id)])
        XCTAssertEqual(about(found, "api.override-target-missing"), [.endpointOverride(missing.id)])
        XCTAssertEqual(about(found, "api.override-entity-missing"), [.endpoint(.custom(custom.id))])
        XCTAssertEqual(about(found, "api.endpoint-without-entity"), [.endpoint(.custom(custom.id))])
    }

    /// A rule's finding concerns the answers the rule reads: it leads to the first of them that is a question.
    func testARulesFindingLeadsToTheQuestionItReads() throws {
        let outcome = RuleEngine(rules: try RulesFixtures.pack().rules)
            .evaluate(session: RulesFixtures.session(["nonfunctional.compliance": .choices(["gdpr"])]), catalogue: RulesFixtures.catalogue)
        let finding = try XCTUnwrap(outcome.findings.first)
        XCTAssertEqual(finding.trace.answers, ["nonfunctional.compliance"])
        XCTAssertEqual(finding.about, .question("nonfunctional.compliance"))
    }
}
