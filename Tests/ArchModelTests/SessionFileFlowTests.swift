import ArchModel
import XCTest

/// The `flows` and `endpoints` sections: layout, round trip, errors with their place, warnings for dangling names.
final class SessionFileFlowTests: XCTestCase {
    static let layout = """
    schemaVersion: 2
    projectName: Shop
    answers: {}
    entities:
    - name: Order
    - name: OrderItem
    services:
    - name: Ordering
    - name: actor Desk
    flows:
    - name: Checkout
      steps:
      - {from: actor Shopper, to: Ordering, action: place the order}
      - {from: Ordering, to: external Stripe, action: charge the card, failure: 'declined: 402, the order stays pending'}
      - {from: Ordering, to: service actor Desk, action: order.placed, style: async}
    - name: Empty
    endpoints:
    - {entity: Order, operation: delete, hidden: true}
    - {entity: OrderItem, parent: Order, operation: list, summary: Items of an order, authorization: the order's customer}
    - {entity: Order, operation: create, method: PUT, path: /v1/checkout}
    - {method: POST, path: '/v1/orders/{orderId}/cancel', summary: Cancel an order, request: Order, response: Order}
    - {method: GET, path: /v1/health}

    """

    func testLayoutIsOneLinePerStepAndOverrideAndRoundTrips() throws {
        let decoded = try SessionFile.decodeReporting(Self.layout, file: "shop.yaml")
        XCTAssertEqual(decoded.warnings, [])
        let session = decoded.session
        let order = session.entities[0].id, desk = session.services[1].id
        XCTAssertEqual(session.flows.map(\.name), ["Checkout", "Empty"])
        XCTAssertEqual(session.flows[0].steps.map(\.from), [.actor("Shopper"), .service(.id(session.services[0].id)), .service(.id(session.services[0].id))])
        XCTAssertEqual(session.flows[0].steps.map(\.to), [.service(.id(session.services[0].id)), .external("Stripe"), .service(.id(desk))],
                       "a service whose name starts with a participant word is spelt with 'service'")
        XCTAssertEqual(session.flows[0].steps.map(\.style), [.sync, .sync, .async])
        XCTAssertEqual(session.flows[0].steps[1].failure, "declined: 402, the order stays pending")
        XCTAssertEqual(session.endpointOverrides.map(\.kind), [
            .change(EndpointKey(entity: .id(order), operation: .delete), .hide),
            .change(EndpointKey(entity: .id(session.entities[1].id), operation: .list, parent: .id(order)),
                    EndpointChanges(summary: "Items of an order", authorization: "the order's customer")),
            .change(EndpointKey(entity: .id(order), operation: .create), EndpointChanges(method: .put, path: "/v1/checkout")),
            .custom(CustomEndpoint(method: .post, path: "/v1/orders/{orderId}/cancel", summary: "Cancel an order", request: .id(order), response: .id(order))),
            .custom(CustomEndpoint(method: .get, path: "/v1/health")),
        ])
        XCTAssertEqual(SessionFile.encode(session), Self.layout)
    }

    func testTrickyStringsRoundTripInFlowsAndOverrides() throws {
        for string in SessionFileRoundTripTests.tricky {
            let name = SessionFileRoundTripTests.asName(string)
            let entity = Entity(name: name)
            let step = FlowStep(from: .actor(string), to: .service(named: name), action: string, style: .async, failure: string)
            let session = Session(projectName: "p", entities: [entity], services: [Service(name: name)], flows: [
                Flow(name: name, steps: [step, FlowStep(from: .external(string), to: .service(named: "external " + string), action: "")]),
            ], endpointOverrides: [
                EndpointOverride(target: EndpointKey(entity: .named(name), operation: .get, parent: .named(name)),
                                 EndpointChanges(hidden: true, method: .patch, path: string, summary: string, authorization: string)),
                EndpointOverride(custom: CustomEndpoint(method: .delete, path: string, summary: string, request: .named(string),
                                                        response: .named(string), authorization: string)),
            ])
            let text = SessionFile.encode(session)
            let decoded = try SessionFile.decode(text, file: "t.yaml")
            XCTAssertEqual(decoded, session, "decoded differs; text was:\n\(text)")
            XCTAssertEqual(SessionFile.encode(decoded), text)
        }
    }

    func testDanglingNamesAreKeptWithWarnings() throws {
        let text = """
        schemaVersion: 2
        projectName: p
        entities:
        - name: Order
        services:
        - name: Ordering
        flows:
        - name: Checkout
          steps:
          - {from: actor Shopper, to: Billing, action: pay}
        endpoints:
        - {entity: Ordr, operation: get, summary: One order}
        - {entity: Order, operation: get}
        - {entity: order, operation: get, hidden: true}
        - {method: GET, path: /v1/report, response: Report}

        """
        let decoded = try SessionFile.decodeReporting(text, file: "p.yaml")
        XCTAssertEqual(decoded.session.flows[0].steps[0].to, .service(.named("Billing")))
        XCTAssertEqual(decoded.session.endpointOverrides[0].target?.entity, .named("Ordr"))
        XCTAssertEqual(decoded.warnings.map(\.description), [
            "p.yaml:13:3: warning: the change of Order get changes nothing (set hidden, method, path, summary or authorization)",
            "p.yaml:14:3: warning: a second change of order get: applied after the one at line 13",
            "p.yaml:12:12: warning: endpoint change of Ordr get: unknown entity 'Ordr' kept as is",
            "p.yaml:15:45: warning: custom endpoint GET /v1/report: unknown response entity 'Report' kept as is",
            "p.yaml:10:31: warning: Checkout: step 1 to unknown service 'Billing' kept as is",
        ])
        let written = text.replacingOccurrences(of: "projectName: p\n", with: "projectName: p\nanswers: {}\n")
            .replacingOccurrences(of: "{entity: order,", with: "{entity: Order,")
        XCTAssertEqual(SessionFile.encode(decoded.session), written, "kept as written, resolved names spelt as the entity is")
        let noServices = "schemaVersion: 2\nprojectName: p\nflows:\n- name: F\n  steps:\n  - {from: Orders, to: Payments, action: pay}\n"
        XCTAssertEqual(try SessionFile.decodeReporting(noServices, file: "p.yaml").warnings, [],
                       "without services, steps name bounded contexts and are not checked")
    }

    private func failure(_ body: String) -> String? {
        do {
            _ = try SessionFile.decode("schemaVersion: 2\nprojectName: p\n" + body, file: "f.yaml")
            return nil
        } catch {
            XCTAssertEqual(error.reason, .invalid)
            return error.description
        }
    }

    func testErrorsSayWhereAndWhatWasExpected() {
        XCTAssertEqual(failure("flows:\n- steps: []\n"), "f.yaml:4:3: missing key 'name' in a flow")
        XCTAssertEqual(failure("flows:\n- name: F\n  actor: me\n"), "f.yaml:5:3: unknown key 'actor' in a flow; expected one of name, steps")
        XCTAssertEqual(failure("flows:\n- name: F\n  steps:\n  - {from: a, action: x}\n"), "f.yaml:6:5: missing key 'to' in step 1 of F")
        XCTAssertEqual(failure("flows:\n- name: F\n  steps:\n  - {from: a, to: b, action: x, mode: async}\n"),
                       "f.yaml:6:33: unknown key 'mode' in step 1 of F; expected one of from, to, action, style, failure")
        XCTAssertEqual(failure("flows:\n- name: F\n  steps:\n  - {from: a, to: b, action: x, style: later}\n"),
                       "f.yaml:6:40: unknown step style 'later' in step 1 of F; expected one of sync, async")
        XCTAssertEqual(failure("flows:\n- name: F\n  steps: {from: a}\n"), "f.yaml:5:10: expected the steps of F as a list, found a mapping")
        XCTAssertEqual(failure("endpoints:\n- {entity: Order, operation: remove}\n"),
                       "f.yaml:4:30: unknown operation 'remove' in the endpoints of Order; expected one of list, create, get, update, delete, transition")
        XCTAssertEqual(failure("endpoints:\n- {entity: Order, method: FETCH, operation: get}\n"),
                       "f.yaml:4:27: unknown method 'FETCH' in Order get; expected one of GET, POST, PUT, PATCH, DELETE")
        XCTAssertEqual(failure("endpoints:\n- {operation: get, hidden: true}\n"),
                       "f.yaml:4:3: missing key 'entity' in a change of a generated endpoint (entity and operation name it)")
        XCTAssertEqual(failure("endpoints:\n- {entity: Order, operation: get, response: Order}\n"),
                       "f.yaml:4:45: response is for custom endpoints; the change of Order get may set hidden, method, path, summary or authorization")
        XCTAssertEqual(failure("endpoints:\n- {path: /v1/x}\n"),
                       "f.yaml:4:3: missing key 'method' in a custom endpoint (a change of a generated one names its entity and operation)")
        XCTAssertEqual(failure("endpoints:\n- {method: GET, path: /v1/x, hidden: true}\n"),
                       "f.yaml:4:38: hidden is for generated endpoints (name their entity and operation); remove the custom endpoint GET /v1/x instead")
        XCTAssertEqual(failure("endpoints:\n- {entity: Order, operation: get, hidden: maybe}\n"),
                       "f.yaml:4:43: expected hidden of Order get as true or false, found 'maybe'")
        XCTAssertEqual(failure("endpoints:\n- {entity: Order, operation: get, verb: GET}\n"),
                       "f.yaml:4:35: unknown key 'verb' in an endpoint; expected one of entity, parent, operation, action, hidden, method, path, summary, authorization, request, response")
    }
}
