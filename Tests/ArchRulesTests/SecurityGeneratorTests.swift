@testable import ArchRules
import ArchModel
import XCTest

final class SecurityGeneratorTests: XCTestCase {
    let endpoints = [
        Endpoint(method: "GET", path: "/v1/orders/{orderId}", operationId: "getOrder", summary: "", resource: "Order", service: "Orders",
                 parameters: [.init(name: "orderId", location: .path)]),
        Endpoint(method: "GET", path: "/v1/orders", operationId: "listOrders", summary: "", resource: "Order", service: "Orders", paginated: true),
        Endpoint(method: "POST", path: "/v1/payments", operationId: "pay", summary: "", resource: "Payment", service: "Payments"),
    ]
    let tables = [Table(name: "customers", entity: "Customer", columns: [Column(name: "email", type: .email, pii: true)], primaryKey: ["id"])]

    func notes(_ answers: [String: AnswerValue]) -> [SecurityNote] {
        SecurityGenerator().notes(session: Session(projectName: "Shop", answers: answers), endpoints: endpoints, tables: tables, decisions: [])
    }

    func testOWASPChecklistCoversAllTenItemsTiedToTheDesign() {
        let all = notes(["requirements.integrations": .list(["Stripe", "SendGrid"])])
        let owasp = all.filter { $0.topic.hasPrefix("OWASP") }
        XCTAssertEqual(owasp.count, 10)
        XCTAssertEqual(owasp.map { String($0.owasp[0].prefix(while: { $0 != ":" })) },
                       ["API1", "API2", "API3", "API4", "API5", "API6", "API7", "API8", "API9", "API10"])
        XCTAssertTrue(owasp[0].text.contains("/v1/orders/{orderId}"))
        XCTAssertTrue(owasp[3].text.contains("/v1/orders"))
        XCTAssertTrue(owasp[5].text.contains("POST /v1/payments"))
        XCTAssertTrue(owasp[9].text.hasSuffix("Stripe, SendGrid"))
        XCTAssertTrue(owasp[2].text.contains("customers.email"))
    }

    func testSeveralServicesGetMutualTLSAndPIIGetsGDPRErasure() {
        let all = notes(["nonfunctional.compliance": .choices(["gdpr", "hipaa"]), "api.auth": .choices(["oidc"])])
        XCTAssertTrue(all.first { $0.topic == "Encryption in transit" }!.text.contains("mTLS between services"))
        XCTAssertTrue(all.first { $0.topic == "Personal data" }!.text.contains("erasure"))
        XCTAssertTrue(all.first { $0.topic == "Audit logging" }!.text.contains("6 years (HIPAA)"))
        XCTAssertTrue(all.first { $0.topic == "Authentication" }!.text.hasPrefix("OAuth 2.0 / OpenID Connect"))
    }

    /// The checklist quotes the answers as given: rate limiting unanswered or "none", versions by URL, header or none.
    func testOWASPTextFollowsRateLimitingAndVersioningAnswers() {
        func owasp(_ item: String, _ answers: [String: AnswerValue]) -> String {
            notes(answers).first { $0.topic.hasPrefix("OWASP \(item):") }?.text ?? ""
        }
        XCTAssertTrue(owasp("API4", [:]).hasSuffix("(not answered yet — add it)"))
        XCTAssertTrue(owasp("API4", ["api.rate_limiting": .choice("none")]).hasSuffix("(none answered — add it at the entry point)"))
        XCTAssertTrue(owasp("API4", ["api.rate_limiting": .choice("per_client")]).hasSuffix("(per_client)"))
        XCTAssertTrue(owasp("API9", [:]).contains("versions (/v1)"))
        XCTAssertTrue(owasp("API9", ["api.versioning": .choice("header")]).contains("versions (API-Version header)"))
        let unversioned = owasp("API9", ["api.versioning": .choice("none")])
        XCTAssertTrue(unversioned.contains("backward compatible") && !unversioned.contains("/v1"), unversioned)
    }

    func testNoAuditLogWithoutRegimeAndRateLimitAdviceWhenNone() {
        let all = notes(["api.rate_limiting": .choice("none")])
        XCTAssertNil(all.first { $0.topic == "Audit logging" })
        XCTAssertTrue(all.first { $0.topic == "Rate limiting" }!.text.hasPrefix("No rate limiting answered"))
    }

    /// The notes name only components the design has: the gateway where there is one, a cache or a broker only
    /// when there is one (issue 9: "grounded text").
    func testNotesNameOnlyTheComponentsThatExist() {
        let answers: [String: AnswerValue] = ["api.rate_limiting": .choice("per_client"), "nonfunctional.encryption_at_rest": .choice("disk")]
        func notes(_ kinds: [ComponentKind]) -> [SecurityNote] {
            SecurityGenerator().notes(session: Session(projectName: "Shop", answers: answers), endpoints: endpoints, tables: tables,
                                      decisions: [], components: kinds.map { Component(name: $0.rawValue, kind: $0) })
        }
        let bare = notes([.service, .database])
        XCTAssertFalse(bare.contains { $0.text.lowercased().contains("gateway") }, bare.map(\.text).joined(separator: "\n"))
        XCTAssertTrue(bare.first { $0.topic == "Rate limiting" }!.text.contains("at the application's request middleware"))
        XCTAssertEqual(bare.first { $0.topic == "Encryption at rest" }!.text, "Storage encryption with KMS-managed keys for databases and backups")
        let full = notes([.gateway, .service, .database, .cache, .broker])
        XCTAssertTrue(full.first { $0.topic == "Rate limiting" }!.text.contains("at the API gateway"))
        XCTAssertTrue(full.first { $0.topic.hasPrefix("OWASP") && $0.owasp.first?.hasPrefix("API2") == true }!.text.contains("at the API gateway"))
        XCTAssertEqual(full.first { $0.topic == "Encryption at rest" }!.text,
                       "Storage encryption with KMS-managed keys for databases, backups, caches and broker volumes")
    }

    /// Unanswered, authorisation is role-based in every operation: the note says so instead of "not answered".
    func testUnansweredAuthorisationIsTheRoleBasedModelTheOperationsUse() {
        let note = notes([:]).first { $0.topic == "Authorisation" }!
        XCTAssertTrue(note.text.hasPrefix("Not answered, so role-based"), note.text)
        XCTAssertTrue(note.text.contains("Role-based: roles map to scopes"))
        XCTAssertFalse(notes(["api.authorization": .choice("abac")]).first { $0.topic == "Authorisation" }!.text.contains("Role-based"))
    }

    /// Over the samples and the demo: no security note mentions a gateway, cache or broker the design lacks.
    func testNoSampleDesignsNotesMentionAMissingComponent() throws {
        let builder = try DesignBuilder.standard()
        for session in try SampleSessions.all().map(\.session) + [try Demo.session()] {
            let design = builder.build(session)
            let kinds = Set(design.components.map(\.kind))
            let text = design.security.map(\.text).joined(separator: "\n").lowercased()
            if !kinds.contains(.gateway) { XCTAssertFalse(text.contains("gateway"), "\(session.projectName): a gateway it does not have") }
            if !kinds.contains(.cache) { XCTAssertFalse(text.contains("caches"), "\(session.projectName): caches it does not have") }
            if !kinds.contains(.broker) { XCTAssertFalse(text.contains("broker"), "\(session.projectName): a broker it does not have") }
        }
    }
}
