import ArchModel
@testable import ArchRules
import XCTest

/// The coherence checks (issue 9): no shipped or random design argues with itself, and each check fires on a design
/// that does.
final class CoherenceChecksTests: XCTestCase {
    private func coherence(_ design: Design) -> [Finding] { design.findings.filter { $0.id.hasPrefix("coherence.") } }

    func testNoSampleDemoOrRandomDesignContradictsItself() throws {
        let builder = try DesignBuilder.standard()
        var sessions = try SampleSessions.all().map(\.session) + [try Demo.session()]
        var generator = SystemRandomNumberGenerator()
        let choices: [(String, [AnswerValue])] = [
            ("api.clients", [.choice("internal"), .choice("public")]),
            ("api.versioning", [.choice("url"), .choice("header"), .choice("none")]),
            ("requirements.team_size", [.number(3), .number(40)]),
            ("requirements.peak_rps", [.number(20), .number(30_000)]),
            ("requirements.read_ratio", [.number(10), .number(95)]),
            ("services.communication", [.choice("sync"), .choice("async")]),
            ("services.messaging", [.choice("kafka"), .choice("managed")]),
            ("nonfunctional.caching", [.choice("none"), .choice("in_process"), .choice("distributed")]),
            ("services.gateway", [.choice("yes"), .choice("no")]),
            ("services.deployment_style", [.choice("modular_monolith"), .choice("microservices")]),
        ]
        let entities = ShopFixture.entities + ["AuditLog", "Payment", "Invoice", "OrderHistory"].map { Entity(name: $0, fields: [Field(name: "note")]) }
        for _ in 0..<60 {
            var answers: [String: AnswerValue] = [:]
            for (id, values) in choices where Bool.random(using: &generator) { answers[id] = values.randomElement(using: &generator) }
            sessions.append(ShopFixture.session(answers, entities: entities))
        }
        for session in sessions {
            let found = coherence(builder.build(session))
            XCTAssertTrue(found.isEmpty, "\(session.projectName) \(session.answers): \(found.map(\.title))")
        }
    }

    func testEachCheckFindsTheContradictionItIsFor() {
        let generated = Endpoint(method: "GET", path: "/orders", operationId: "listOrders", summary: "", resource: "Order", service: "Shop")
        let deletePayment = Endpoint(method: "DELETE", path: "/v1/payments/{paymentId}", operationId: "deletePayment", summary: "",
                                     resource: "Payment", service: "Shop")
        let postAudit = Endpoint(method: "POST", path: "/v1/audit-logs", operationId: "createAuditLog", summary: "", resource: "AuditLog", service: "Shop")
        func decision(_ topic: String, _ choice: String) -> Decision { Decision(topic: topic, choice: choice, title: choice, category: .api, rationale: "") }
        var design = Design(projectName: "x", decisions: [decision("api.versioning", "url"), decision("messaging.broker", "kafka"),
                                                           decision("caching.strategy", "none")],
                            components: [Component(name: "Redis", kind: .cache)], endpoints: [generated, deletePayment, postAudit])
        design.security = [SecurityNote(topic: "Rate limiting", text: "Limits at the gateway")]
        let ids = CoherenceChecks(design: design).findings().map(\.id)
        XCTAssertEqual(ids, ["coherence.api.versioning", "coherence.messaging.broker", "coherence.caching.strategy", "coherence.gateway",
                             "coherence.records", "coherence.records"])
        design.decisions = [decision("api.versioning", "evolve-compatibly"), decision("messaging.broker", "none"), decision("caching.strategy", "cache-aside-redis")]
        design.components = [Component(name: "Kafka", kind: .broker), Component(name: "API gateway", kind: .gateway)]
        design.endpoints = [Endpoint(method: "GET", path: "/v1/orders", operationId: "listOrders", summary: "", resource: "Order", service: "Shop")]
        XCTAssertEqual(CoherenceChecks(design: design).findings().map(\.id), ["coherence.api.versioning", "coherence.messaging.broker", "coherence.caching.strategy"])
    }

    /// Shared-schema tenancy: the check fires on a key without the tenant and on a reference that can cross tenants.
    func testTheTenancyCheckFindsAKeyOrAReferenceWithoutTheTenant() throws {
        let clinic = try XCTUnwrap(try SampleSessions.all().first { $0.name == "clinic-saas" }?.session)
        var design = try DesignBuilder.standard().build(clinic)
        XCTAssertEqual(design.decisions.first { $0.topic == "tenancy.isolation" }?.choice, "shared-schema-rls")
        XCTAssertEqual(coherence(design).map(\.title), [])
        let appointments = try XCTUnwrap(design.tables.firstIndex { $0.name == "appointments" })
        design.tables[appointments].primaryKey = ["id"]
        let key = try XCTUnwrap(design.tables[appointments].foreignKeys.firstIndex { $0.referencedTable == "clinics" })
        design.tables[appointments].foreignKeys[key].columns = ["clinic_id"]
        design.tables[appointments].foreignKeys[key].referencedColumns = ["id"]
        XCTAssertEqual(CoherenceChecks(design: design).findings().map(\.title), [
            "The design contradicts itself: tenants share tables, but the key of appointments (id) does not lead with tenant_id",
            "The design contradicts itself: appointments.clinic_id → clinics can reference another tenant's row",
        ])
    }
}
