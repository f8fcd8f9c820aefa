@testable import ArchRules
import ArchModel
import XCTest

final class SequenceGeneratorTests: XCTestCase {
    func flows(_ session: Session, _ decisions: [Decision]) -> [SequenceDiagram] {
        let components = ComponentGenerator().components(session: session, decisions: decisions,
                                                         ruleComponents: [Component(name: "API gateway", kind: .gateway)])
        let endpoints = [Endpoint(method: "POST", path: "/v1/orders", operationId: "createOrder", summary: "", resource: "Order")]
        return SequenceGenerator().sequences(session: session, components: components, endpoints: endpoints, decisions: decisions)
    }

    func testCreateFlowPerAggregateRootGoesThroughTheGatewayToTheOwnersDatabase() {
        let diagrams = flows(InfraFixtures.shop(style: "microservices"), InfraFixtures.microservices)
        XCTAssertEqual(diagrams.map(\.title), ["Create Customer", "Create Order", "Create Product",
                                               "Create Order across services (sync calls)"])
        let order = diagrams[1]
        XCTAssertEqual(order.participants, ["Client", "API gateway", "Orders service", "Orders DB"])
        XCTAssertEqual(order.messages.map(\.text), ["POST /v1/orders", "POST /v1/orders (authenticated)", "INSERT orders", "row id",
                                                    "201 Created", "201 Created"])
        XCTAssertEqual(order.messages.filter(\.isReply).count, 3)
    }

    /// Without a REST endpoint (GraphQL here), the flow starts with the API style's create call.
    func testCreateFlowWithoutAnEndpointUsesTheAPIStylesCall() {
        let session = InfraFixtures.shop(style: "microservices", extra: ["api.style": .choice("graphql")])
        let diagrams = flows(session, InfraFixtures.microservices)
        XCTAssertEqual(diagrams.first { $0.title == "Create Customer" }?.messages.first?.text, "POST /graphql (mutation createCustomer)")
        XCTAssertEqual(diagrams.first { $0.title == "Create Order" }?.messages.first?.text, "POST /v1/orders", "the endpoint given wins")
    }

    func testCrossServiceFlowCallsDependenciesBeforeWriting() {
        let cross = flows(InfraFixtures.shop(style: "microservices"), InfraFixtures.microservices).last!
        XCTAssertEqual(cross.participants, ["Client", "API gateway", "Orders service", "Customers service", "Products service", "Orders DB"])
        XCTAssertEqual(cross.messages[2].text, "reads Customer for Order")
    }

    func testAsyncFlowPublishesAndDeliversAfterTheReply() {
        let decisions = InfraFixtures.microservices + [InfraFixtures.decision("messaging.broker", "rabbitmq")]
        let customer = flows(InfraFixtures.shop(style: "microservices", communication: "async"), decisions)[0]
        XCTAssertEqual(customer.participants, ["Client", "API gateway", "Customers service", "Customers DB", "RabbitMQ", "Orders service"])
        let texts = customer.messages.map(\.text)
        XCTAssertEqual(Array(texts.suffix(3)), ["201 Created", "201 Created", "deliver customer.created"])
        XCTAssertTrue(customer.messages.contains { $0.text == "publish customer.created" && $0.isAsync })
    }

    func testSingleApplicationHasNoCrossServiceFlow() {
        let diagrams = flows(InfraFixtures.shop(), [])
        XCTAssertEqual(diagrams.count, 3)
        XCTAssertEqual(diagrams[0].participants, ["Client", "API gateway", "Shop application", "PostgreSQL"])
    }
}

final class InfraNamingTests: XCTestCase {
    func testComponentAndSequenceNamesAreTheSchemasAndAPIs() {
        XCTAssertEqual(InfraNaming.table("OrderItem"), Naming.tableName("OrderItem"))
        XCTAssertEqual(InfraNaming.collectionPath("OrderItem"), "/v1/" + Naming.urlSegment("OrderItem"))
        // A hostile name yields identifier characters only, as in the schema.
        let snake = InfraNaming.snake("order; DROP TABLE x")
        XCTAssertTrue(snake.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }, snake)
    }

    /// Keys ignore case and separators, on the ASCII fast path and on the general one alike.
    func testKeysIgnoreCaseAndSeparators() {
        for name in ["Order Items", "order_items", "OrderItems", "order-items!"] {
            XCTAssertEqual(InfraNaming.key(name), "orderitems", name)
        }
        XCTAssertEqual(InfraNaming.key("Café Orders"), "caféorders")
        XCTAssertEqual(InfraNaming.key("Item2"), "item2")
    }
}
