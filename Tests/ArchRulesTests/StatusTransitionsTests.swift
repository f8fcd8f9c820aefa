import ArchModel
@testable import ArchRules
import XCTest

/// State transitions as actions (issue 9): a status enum's later states become `POST …/{id}/<verb>`, and the
/// status is read-only in every other request.
final class StatusTransitionsTests: XCTestCase {
    func testVerbsFromStates() {
        let expected = [
            "cancelled": "cancel", "confirmed": "confirm", "shipped": "ship", "completed": "complete", "checked_in": "check in",
            "no_show": "mark no show", "paid": "pay", "returned": "return", "renewed": "renew", "approved": "approve",
            "closed": "close", "declined": "decline", "resolved": "resolve", "billed": "bill", "planned": "plan",
            "arrived": "arrive", "in_progress": "start", "active": "activate", "suspended": "suspend", "refunded": "refund",
            "delivered": "deliver", "rejected": "reject", "on_hold": "mark on hold", "void": "mark void",
        ]
        for (state, verb) in expected { XCTAssertEqual(StatusTransitions.verb(for: state), verb, state) }
    }

    func testActionsSkipTheInitialAndSystemStatesAndOneVerbTwice() throws {
        let loan = Entity(name: "Loan", fields: [
            Field(name: "status", type: .enumeration, required: true,
                  enumValues: ["active", "overdue", "returned", "renewed", "cancelled", "canceled"]),
        ])
        let transitions = try XCTUnwrap(StatusTransitions(entity: loan))
        XCTAssertEqual(transitions.initial, "active")
        XCTAssertEqual(transitions.actions.map(\.segment), ["return", "renew", "cancel"], "overdue is the system's; canceled is cancel again")
        XCTAssertEqual(transitions.actions.map(\.operation), ["return", "renew", "cancel"])
        XCTAssertNil(StatusTransitions(entity: Entity(name: "Book", fields: [Field(name: "genre", type: .enumeration, enumValues: ["a", "b"])])),
                     "an enum that is not a status moves by PATCH")
        XCTAssertNil(StatusTransitions(entity: Entity(name: "Job", fields: [
            Field(name: "state", type: .enumeration, enumValues: ["queued", "failed", "expired"])])), "only system states")
    }

    func testTheAPIHasAnActionPerStateAndTheStatusIsReadOnlyElsewhere() throws {
        let design = try DesignBuilder.standard().build(ShopFixture.session())
        let orders = design.endpoints.filter { $0.resource == "Order" }
        let pay = try XCTUnwrap(orders.first { $0.path == "/v1/orders/{orderId}/pay" })
        XCTAssertEqual(pay.method, "POST")
        XCTAssertEqual(pay.operationId, "payOrder")
        XCTAssertEqual(pay.summary, "Pay an order (status → paid)")
        XCTAssertEqual(pay.id.key?.operation, .transition)
        XCTAssertEqual(pay.id.key?.action, "paid")
        XCTAssertTrue(pay.responses.contains { $0.status == 409 && $0.description.contains("does not allow pay") })
        XCTAssertTrue(pay.responses.contains { $0.status == 200 })
        for write in orders where ["POST", "PATCH"].contains(write.method) && write.requestBody != nil {
            let example = try XCTUnwrap(write.requestExample)
            XCTAssertFalse(example.contains("\"status\""), "\(write.method) \(write.path) writes the status: \(example)")
        }
        XCTAssertEqual(design.findings.filter { $0.id.hasPrefix("coherence.") }.map(\.title), [])
    }

    func testTheCheckFindsABodyThatWritesTheStatus() throws {
        var design = try DesignBuilder.standard().build(ShopFixture.session())
        let patch = try XCTUnwrap(design.endpoints.firstIndex { $0.resource == "Order" && $0.method == "PATCH" })
        guard case .mergePatch(var schema)? = design.endpoints[patch].requestBody?.schema else { return XCTFail("no merge patch") }
        let status = try XCTUnwrap(schema.properties.firstIndex { $0.key == "status" })
        XCTAssertTrue(schema.properties[status].readOnly)
        schema.properties[status].readOnly = false
        design.endpoints[patch].requestBody?.schema = .mergePatch(schema)
        XCTAssertEqual(CoherenceChecks(design: design).findings().map(\.id), ["coherence.api.transitions"])
    }
}
