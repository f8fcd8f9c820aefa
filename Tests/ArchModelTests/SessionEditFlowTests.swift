import ArchModel
import XCTest

/// The edits of flows, flow steps and endpoint overrides, their inverses and cascades.
final class SessionEditFlowTests: XCTestCase {
    private func shop() -> Session {
        Session(projectName: "Shop", entities: [
            Entity(name: "Customer", fields: [Field(name: "email", type: .email)]),
            Entity(name: "Order", relations: [Relation(kind: .belongsTo, target: "Customer")]),
        ], services: [Service(name: "Ordering"), Service(name: "Payments")], flows: [
            Flow(name: "Checkout", steps: [
                FlowStep(from: .actor("Shopper"), to: .service(named: "ordering"), action: "place the order"),
                FlowStep(from: .service(named: "Ordering"), to: .service(named: "Payments"), action: "charge the card", failure: "declined"),
                FlowStep(from: .service(named: "Ordering"), to: .external("Mailgun"), action: "send the receipt", style: .async),
            ]),
            Flow(name: "Refund", steps: [FlowStep(from: .service(named: "Payments"), to: .external("Stripe"), action: "refund")]),
        ], endpointOverrides: [
            EndpointOverride(target: EndpointKey(entity: .named("order"), operation: .delete), .hide),
            EndpointOverride(custom: CustomEndpoint(method: .post, path: "/v1/orders/{orderId}/cancel", request: .named("Order"), response: .named("Order"))),
        ])
    }

    func testReferencesResolveToIdentities() throws {
        let session = shop()
        let ordering = session.services[0].id, order = session.entities[1].id
        XCTAssertEqual(session.flows[0].steps[0].to, .service(.id(ordering)), "a service written in another case resolves")
        XCTAssertEqual(session.endpointOverrides[0].target, EndpointKey(entity: .id(order), operation: .delete))
        XCTAssertEqual(session.endpointOverrides[1].entityReferences, [.id(order), .id(order)])
        XCTAssertTrue(session.flows.allSatisfy { $0.id.isAssigned && $0.steps.allSatisfy(\.id.isAssigned) })
        XCTAssertTrue(session.endpointOverrides.allSatisfy(\.id.isAssigned))
        XCTAssertEqual(Set(session.flows.flatMap { [$0.id.raw] + $0.steps.map(\.id.raw) } + session.endpointOverrides.map(\.id.raw)).count, 8,
                       "every identity is new")
    }

    func testRemovingAServiceRemovesItsFlowStepsAndUndoPutsThemBack() throws {
        let original = shop()
        var session = original
        let inverse = session.apply(.removeService(original.services[1].id))
        XCTAssertEqual(session.flows[0].steps.map(\.action), ["place the order", "send the receipt"])
        XCTAssertEqual(session.flows[1].steps, [], "the flow stays, without the step")
        session.apply(inverse)
        XCTAssertEqual(session, original)
        XCTAssertEqual(SessionFile.encode(session), SessionFile.encode(original))
    }

    func testRemovingAnEntityKeepsTheOverridesTargetingItByName() throws {
        let original = shop()
        var session = original
        let inverse = session.apply(.removeEntity(original.entities[1].id))
        XCTAssertEqual(session.endpointOverrides.count, 2, "overrides are never dropped")
        XCTAssertEqual(session.endpointOverrides[0].target, EndpointKey(entity: .named("Order"), operation: .delete))
        XCTAssertEqual(session.endpointOverrides[1].entityReferences, [.named("Order"), .named("Order")])
        XCTAssertTrue(SessionFile.encode(session).contains("- {entity: Order, operation: delete, hidden: true}"), SessionFile.encode(session))
        session.apply(inverse)
        XCTAssertEqual(session, original)
    }

    func testEveryKindOfFlowAndOverrideEditIsUndoneByItsInverse() throws {
        let original = shop()
        var ids = original
        let checkout = original.flows[0], order = original.entities[1].id
        let hide = original.endpointOverrides[0]
        var renamed = checkout
        renamed.name = "Place an order"
        renamed.steps.removeLast()
        var step = checkout.steps[1]
        step.style = .async
        step.failure = nil
        var shown = hide
        shown.kind = .change(EndpointKey(entity: .id(order), operation: .update), EndpointChanges(path: "/v1/orders/{orderId}/amend"))
        let edits: [SessionEdit] = [
            .insertFlow(Flow(id: ids.newID(), name: "Sign up", steps: [FlowStep(id: ids.newID(), from: .actor("Visitor"), to: .service(named: "Nowhere"), action: "sign up")]), at: 1),
            .removeFlow(checkout.id), .updateFlow(renamed), .moveFlow(checkout.id, to: 1),
            .insertFlowStep(FlowStep(id: ids.newID(), from: .external("Stripe"), to: .service(.id(original.services[1].id)), action: "webhook"), flow: checkout.id, at: 1),
            .removeFlowStep(checkout.steps[0].id, flow: checkout.id), .updateFlowStep(step, flow: checkout.id),
            .moveFlowStep(checkout.steps[2].id, flow: checkout.id, to: 0),
            .insertEndpointOverride(EndpointOverride(id: ids.newID(), target: EndpointKey(entity: .id(order), operation: .list), EndpointChanges(summary: "Orders")), at: 0),
            .removeEndpointOverride(hide.id), .updateEndpointOverride(shown), .moveEndpointOverride(hide.id, to: 1),
        ]
        for edit in edits {
            var session = original
            let inverse = session.apply(edit)
            XCTAssertNotEqual(session, original, "\(edit) changed something")
            session.apply(inverse)
            XCTAssertEqual(session, original, "undoing \(edit)")
            XCTAssertEqual(SessionFile.encode(session), SessionFile.encode(original))
        }
        var session = original
        for missing: SessionEdit in [.removeFlow(FlowID(9_999)), .removeFlowStep(FlowStepID(9_999), flow: checkout.id),
                                     .updateFlowStep(step, flow: FlowID(9_999)), .removeEndpointOverride(OverrideID(9_999))] {
            XCTAssertEqual(session.apply(missing), .none, "\(missing) targets nothing")
            XCTAssertEqual(session, original)
        }
    }

    func testInsertedElementsReserveTheirIdentities() {
        var session = shop()
        let flow = Flow(id: FlowID(500), name: "Late", steps: [FlowStep(id: FlowStepID(501), from: .actor("a"), to: .actor("b"), action: "c")])
        session.apply(.insertFlow(flow, at: 9))
        session.apply(.insertEndpointOverride(EndpointOverride(id: OverrideID(600), custom: CustomEndpoint(method: .get, path: "/health")), at: 9))
        XCTAssertEqual(session.flows.last?.name, "Late", "an index past the end appends")
        let next: ModelID<Flow> = session.newID()
        XCTAssertGreaterThan(next.raw, 600)
    }
}
