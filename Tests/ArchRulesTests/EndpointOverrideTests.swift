import ArchModel
@testable import ArchRules
import XCTest

/// What the user changed in the API: hidden, changed and custom endpoints in the design, overrides that survive
/// re-derivation and renames, and overrides whose target is gone reported as findings.
final class EndpointOverrideTests: XCTestCase {
    private static let builder = try? DesignBuilder.standard()

    private func build(_ session: Session) throws -> Design { try XCTUnwrap(Self.builder).build(session) }

    private func shop() -> Session {
        var session = ShopFixture.session(["api.auth": .choices(["oidc"])])
        session.services = [Service(name: "Ordering"), Service(name: "Catalog")]
        session.resolveReferences()
        return session
    }

    private func key(_ session: Session, _ entity: String, _ operation: EndpointKey.Operation, under parent: String? = nil) throws -> EndpointKey {
        EndpointKey(entity: .id(try XCTUnwrap(session.entity(named: entity)).id), operation: operation,
                    parent: try parent.map { .id(try XCTUnwrap(session.entity(named: $0)).id) })
    }

    func testGeneratedEndpointsAndTablesHaveStableIdentities() throws {
        var session = shop()
        let design = try build(session)
        let ids = design.endpoints.map(\.id)
        XCTAssertEqual(Set(ids).count, ids.count, "one identity per endpoint")
        XCTAssertTrue(design.endpoints.allSatisfy { $0.origin == .generated && $0.id.key != nil })
        let nested = try XCTUnwrap(design.endpoints.first { $0.id == .generated(try key(session, "OrderItem", .list, under: "Order")) })
        XCTAssertEqual(nested.path, "/v1/orders/{orderId}/items")
        XCTAssertEqual(design.tables.first { $0.name == "orders" }?.id, .entity(try XCTUnwrap(session.entity(named: "Order")).id))
        XCTAssertTrue(design.tables.contains { if case .join = $0.id { return true } else { return false } })
        XCTAssertEqual(design.sequences.first { $0.title == "Create Order" }?.id, .create(try XCTUnwrap(session.entity(named: "Order")).id))

        var order = try XCTUnwrap(session.entity(named: "Order"))
        order.name = "Purchase"
        session.apply(.updateEntity(order))
        let renamed = try build(session)
        XCTAssertEqual(renamed.endpoints.map(\.id), ids, "a rename changes paths, not identities")
        XCTAssertEqual(renamed.endpoints.first { $0.id == nested.id }?.path, "/v1/purchases/{purchaseId}/items")
        XCTAssertEqual(renamed.tables.map(\.id), design.tables.map(\.id))
    }

    func testHiddenChangedAndCustomEndpointsInTheDesign() throws {
        var session = shop()
        let deleteProduct = try key(session, "Product", .delete), createOrder = try key(session, "Order", .create)
        let order = try XCTUnwrap(session.entity(named: "Order")).id
        session.apply(.batch([
            .insertEndpointOverride(EndpointOverride(id: session.newID(), target: deleteProduct, .hide), at: 0),
            .insertEndpointOverride(EndpointOverride(id: session.newID(), target: createOrder,
                                                     EndpointChanges(path: "/v1/checkout", summary: "Check out", authorization: "any shopper")), at: 1),
            .insertEndpointOverride(EndpointOverride(id: session.newID(), custom: CustomEndpoint(
                method: .post, path: "/v1/orders/{orderId}/cancel", summary: "Cancel an order", request: .id(order), response: .id(order))), at: 2),
        ]))
        let overrides = session.endpointOverrides.map(\.id)
        let generated = try build(shop()), design = try build(session)

        XCTAssertNil(design.endpoints.first { $0.id == .generated(deleteProduct) }, "hidden")
        XCTAssertEqual(design.endpoints.count, generated.endpoints.count, "one hidden, one added")
        let create = try XCTUnwrap(design.endpoints.first { $0.id == .generated(createOrder) })
        XCTAssertEqual([create.method, create.path, create.summary, create.authorization], ["POST", "/v1/checkout", "Check out", "any shopper"])
        XCTAssertEqual(create.origin, .overridden(overrides[1]))
        let original = try XCTUnwrap(generated.endpoints.first { $0.id == .generated(createOrder) })
        XCTAssertEqual(create.requestExample, original.requestExample, "what the override does not change stays generated")

        let cancel = try XCTUnwrap(design.endpoints.first { $0.id == .custom(overrides[2]) })
        XCTAssertEqual(cancel.origin, .custom(overrides[2]))
        XCTAssertEqual([cancel.method, cancel.path, cancel.resource, cancel.service], ["POST", "/v1/orders/{orderId}/cancel", "Order", "Ordering"])
        XCTAssertEqual(cancel.parameters.map(\.name), ["orderId"])
        XCTAssertEqual(cancel.parameters.first?.type, .uuid)
        XCTAssertEqual(cancel.responses.first?.status, 201)
        XCTAssertTrue(cancel.responses.contains { $0.status == 401 }, "the API's common errors apply")
        XCTAssertTrue(cancel.responseExample?.contains("\"status\"") == true, cancel.responseExample ?? "none")
        XCTAssertTrue(cancel.requestExample?.contains("\"total\"") == true, cancel.requestExample ?? "none")
        let orderWrites = generated.endpoints.first { $0.resource == "Order" && $0.method == "PATCH" }?.authorization
        XCTAssertEqual(cancel.authorization, orderWrites, "authorised like the entity's other writes")
        let orderRoutes = design.endpoints.indices.filter { design.endpoints[$0].resource == "Order" }
        XCTAssertEqual(design.endpoints.firstIndex { $0.id == cancel.id }, orderRoutes.last, "after the order's routes")
        XCTAssertFalse(design.findings.contains { $0.id.hasPrefix("api.override") }, "\(design.findings.map(\.id))")
    }

    func testOverridesSurviveReDerivationAndAnEntityRename() throws {
        let builder = try XCTUnwrap(Self.builder)
        var session = shop()
        let target = try key(session, "Order", .update)
        session.apply(.insertEndpointOverride(EndpointOverride(id: session.newID(), target: target, EndpointChanges(method: .put)), at: 0))
        XCTAssertEqual(builder.build(session).endpoints.first { $0.id == .generated(target) }?.method, "PUT")
        session["api.pagination"] = .choice("offset")  // every route is made again
        XCTAssertEqual(builder.build(session).endpoints.first { $0.id == .generated(target) }?.method, "PUT")
        var order = try XCTUnwrap(session.entity(named: "Order"))
        order.name = "Purchase"
        session.apply(.updateEntity(order))
        let renamed = try XCTUnwrap(builder.build(session).endpoints.first { $0.id == .generated(target) })
        XCTAssertEqual([renamed.method, renamed.path], ["PUT", "/v1/purchases/{purchaseId}"])
        let reloaded = try SessionFile.decode(SessionFile.encode(session), file: "s.yaml")
        XCTAssertTrue(SessionFile.encode(session).contains("- {entity: Purchase, operation: update, method: PUT}"))
        XCTAssertEqual(builder.build(reloaded).endpoints.first { $0.path == "/v1/purchases/{purchaseId}" && $0.method == "PUT" }?.origin,
                       .overridden(reloaded.endpointOverrides[0].id), "the file spells the target by its new name")
    }

    func testAnOverrideWhoseEntityIsRemovedBecomesAFindingAndUndoHealsIt() throws {
        var session = shop()
        session.apply(.insertEndpointOverride(EndpointOverride(id: session.newID(), target: try key(session, "Product", .delete), .hide), at: 0))
        let product = try XCTUnwrap(session.entity(named: "Product")).id
        let undo = session.apply(.removeEntity(product))
        XCTAssertEqual(session.endpointOverrides.count, 1, "kept")
        let finding = try XCTUnwrap(try build(session).findings.first { $0.id == "api.override-target-missing" })
        XCTAssertEqual(finding.severity, .warning)
        XCTAssertEqual(finding.subject, "endpoint override Product delete")
        XCTAssertTrue(finding.detail.contains("hides the Product delete endpoint") && finding.detail.contains("there is no entity Product"), finding.detail)
        XCTAssertTrue(finding.fix.contains("Remove the override"), finding.fix)
        session.apply(undo)
        let healed = try build(session)
        XCTAssertFalse(healed.findings.contains { $0.id == "api.override-target-missing" })
        XCTAssertFalse(healed.endpoints.contains { $0.resource == "Product" && $0.method == "DELETE" })
    }

    func testAnOverrideOfAnEndpointTheGeneratorDoesNotMakeIsReported() throws {
        var session = shop()
        // OrderItem is created under its order only: there is no flat create to change.
        session.apply(.insertEndpointOverride(EndpointOverride(id: session.newID(), target: try key(session, "OrderItem", .create),
                                                               EndpointChanges(summary: "Add an item")), at: 0))
        session.apply(.insertEndpointOverride(EndpointOverride(id: session.newID(), custom: CustomEndpoint(
            method: .get, path: "/v1/reports/sales", response: .named("SalesReport"))), at: 1))
        let findings = try build(session).findings
        let missing = try XCTUnwrap(findings.first { $0.id == "api.override-target-missing" })
        XCTAssertEqual(missing.subject, "endpoint override OrderItem create")
        XCTAssertTrue(missing.detail.contains("the generator makes no such endpoint for OrderItem"), missing.detail)
        XCTAssertEqual(findings.first { $0.id == "api.override-entity-missing" }?.subject, "endpoint GET /v1/reports/sales")
        XCTAssertEqual(findings.first { $0.id == "api.endpoint-without-entity" }?.subject, "endpoint GET /v1/reports/sales",
                       "the checks judge the endpoints after the overrides")
    }

    func testFlowsBecomeSequenceDiagramsBeforeTheGeneratedOnes() throws {
        var session = shop()
        let ordering = session.services[0].id
        session.apply(.insertFlow(Flow(id: session.newID(), name: "Checkout", steps: [
            FlowStep(id: session.newID(), from: .actor("Shopper"), to: .service(.id(ordering)), action: "POST /v1/orders"),
            FlowStep(id: session.newID(), from: .service(.id(ordering)), to: .external("Stripe"), action: "charge the card", failure: "declined: 402"),
            FlowStep(id: session.newID(), from: .service(.id(ordering)), to: .service(named: "Catalog"), action: "order.placed", style: .async),
        ]), at: 0))
        session.apply(.insertFlow(Flow(id: session.newID(), name: "create order", steps: [
            FlowStep(id: session.newID(), from: .actor("Clerk"), to: .service(.id(ordering)), action: "enter the order"),
        ]), at: 1))
        let generated = try build(shop()).sequences, sequences = try build(session).sequences
        XCTAssertEqual(sequences.map(\.title), ["Checkout", "create order"] + generated.map(\.title).filter { $0 != "Create Order" },
                       "the user's flows first; a flow replaces the generated one of the same name")
        let checkout = sequences[0]
        XCTAssertEqual(checkout.id, .flow(session.flows[0].id))
        XCTAssertEqual(checkout.participants, ["Shopper", "Ordering", "Stripe", "Catalog"])
        XCTAssertEqual(checkout.messages, [
            .init(from: "Shopper", to: "Ordering", text: "POST /v1/orders"),
            .init(from: "Ordering", to: "Stripe", text: "charge the card"),
            .init(from: "Stripe", to: "Ordering", text: "if it fails: declined: 402", isReply: true, isFailure: true),
            .init(from: "Ordering", to: "Catalog", text: "order.placed", isAsync: true),
        ])
        var ordering2 = session.services[0]
        ordering2.name = "Orders"
        session.apply(.updateService(ordering2))
        XCTAssertEqual(try build(session).sequences[0].participants, ["Shopper", "Orders", "Stripe", "Catalog"], "a rename follows")
        XCTAssertFalse(try build(session).findings.contains { $0.id.hasPrefix("flow.") })
    }

    func testAFlowStepNamingAnUnknownServiceIsAFinding() throws {
        var session = shop()
        session.apply(.insertFlow(Flow(id: session.newID(), name: "Refund", steps: [
            FlowStep(id: session.newID(), from: .actor("Clerk"), to: .service(named: "Billing"), action: "refund"),
            FlowStep(id: session.newID(), from: .service(named: "Billing"), to: .external("Stripe"), action: "refund the card"),
        ]), at: 0))
        session.apply(.insertFlow(Flow(id: session.newID(), name: "Later"), at: 1))
        let findings = try build(session).findings.filter { $0.id.hasPrefix("flow.") }
        XCTAssertEqual(findings.map(\.id), ["flow.unknown-service", "flow.without-steps"], "one finding per unknown name and flow")
        XCTAssertEqual(findings[0].subject, "flow Refund")
        XCTAssertTrue(findings[0].detail.contains("Step 1 (refund) involves Billing"), findings[0].detail)
        // Without defined services, bounded contexts are the services.
        var contexts = ShopFixture.session(["services.bounded_contexts": .list(["Billing", "Ordering"])])
        contexts.flows = session.flows
        XCTAssertEqual(try build(contexts).findings.filter { $0.id == "flow.unknown-service" }, [])
    }
}
