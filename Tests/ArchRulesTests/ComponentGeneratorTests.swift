@testable import ArchRules
import ArchModel
import XCTest

final class ComponentGeneratorTests: XCTestCase {
    let generator = ComponentGenerator()

    func testModularMonolithIsOneApplicationWithModulesAndASharedDatabase() {
        let components = generator.components(session: InfraFixtures.shop(), decisions: [], ruleComponents: [])
        XCTAssertEqual(components.map(\.name), ["Shop application", "PostgreSQL"])
        let app = components[0]
        XCTAssertEqual(app.kind, .service)
        XCTAssertEqual(app.responsibilities, ["Orders module: Order, OrderItem", "Products module: Product", "Customers module: Customer"])
        XCTAssertEqual(app.interfaces, [.api(style: "REST", address: "/v1/customers"), .api(style: "REST", address: "/v1/orders"), .api(style: "REST", address: "/v1/products")])
        XCTAssertEqual(app.interfaces.map(\.description), ["REST /v1/customers", "REST /v1/orders", "REST /v1/products"])
        XCTAssertEqual(app.dependencies.map(\.target), ["PostgreSQL"])
        XCTAssertEqual(components[1].ownedData, ["customers", "orders", "order_items", "products"])
        XCTAssertTrue(components[1].responsibilities[0].hasPrefix("PostgreSQL (customers, orders, order_items, products)"))
        // Its trace names the answered contexts it has modules for, not "no bounded contexts answered" (issue 9).
        XCTAssertTrue(app.trace.sources.contains("one application, a module per bounded context (Orders, Products, Customers)"), "\(app.trace.sources)")
        var bare = InfraFixtures.shop()
        bare.answers["services.bounded_contexts"] = nil
        let alone = generator.components(session: bare, decisions: [], ruleComponents: [])[0]
        XCTAssertTrue(alone.trace.sources.contains("one application (no bounded contexts answered)"), "\(alone.trace.sources)")
    }

    /// Interfaces follow the API style and versioning as answered or decided, not a fixed `REST /v1`.
    func testInterfacesFollowTheAPIStyleAndVersioning() {
        func interfaces(_ answers: [String: AnswerValue], _ decisions: [Decision] = []) -> [String] {
            generator.components(session: InfraFixtures.shop(extra: answers), decisions: decisions, ruleComponents: [])[0].interfaces.map(\.description)
        }
        XCTAssertEqual(interfaces(["api.versioning": .choice("header")]), ["REST /customers", "REST /orders", "REST /products"])
        XCTAssertEqual(interfaces(["api.style": .choice("graphql")]),
                       ["GraphQL Customer queries and mutations", "GraphQL Order queries and mutations", "GraphQL Product queries and mutations"])
        XCTAssertEqual(interfaces(["api.style": .choice("grpc")]), ["gRPC CustomerService", "gRPC OrderService", "gRPC ProductService"])
        XCTAssertEqual(interfaces(["api.versioning": .choice("none")], [InfraFixtures.decision("api.versioning", "url")]),
                       ["REST /v1/customers", "REST /v1/orders", "REST /v1/products"], "a decision wins over the answer")
    }

    func testMicroservicesGetOneServiceAndDatabaseEachWithSyncLookups() {
        let components = generator.components(session: InfraFixtures.shop(style: "microservices"),
                                              decisions: InfraFixtures.microservices, ruleComponents: [])
        XCTAssertEqual(components.map(\.name), ["Orders service", "Products service", "Customers service",
                                                "Orders DB", "Products DB", "Customers DB"])
        let orders = components[0]
        XCTAssertEqual(orders.ownedData, ["Order", "OrderItem"])
        XCTAssertEqual(orders.dependencies.map { "\($0.target)/\($0.style)" },
                       ["Customers service/sync", "Products service/sync", "Orders DB/sync"])
        XCTAssertEqual(orders.dependencies[0].purpose, "reads Customer for Order")
    }

    func testAsyncCommunicationPublishesEventsThroughTheBroker() {
        let decisions = InfraFixtures.microservices + [InfraFixtures.decision("messaging.broker", "kafka")]
        let components = generator.components(session: InfraFixtures.shop(style: "microservices", communication: "async"),
                                              decisions: decisions, ruleComponents: [])
        XCTAssertTrue(components.contains { $0.name == "Kafka" && $0.kind == .broker })
        let customers = components.first { $0.name == "Customers service" }!
        XCTAssertTrue(customers.interfaces.contains(.publishes(event: "customer.created")))
        XCTAssertTrue(customers.dependencies.contains(Dependency(target: "Orders service", style: .async, purpose: "publishes Customer changes for Order")))
        let orders = components.first { $0.name == "Orders service" }!
        XCTAssertTrue(orders.interfaces.contains(.consumes(event: "customer.created", from: "Customers service")))
        XCTAssertTrue(orders.dependencies.contains { $0.target == "Kafka" && $0.style == .async })
    }

    func testUserServicesKeepTheirCallsAndRuleComponentsAreDeduplicated() {
        let rules = [Component(name: "Redis", kind: .cache), Component(name: "Memcached", kind: .cache),
                     Component(name: "API gateway", kind: .gateway)]
        let components = generator.components(session: InfraFixtures.cycle(), decisions: [], ruleComponents: rules)
        XCTAssertEqual(components.map(\.name), ["A", "B", "C", "Redis", "API gateway", "A DB", "B DB", "C DB"])
        XCTAssertEqual(components[0].dependencies.map(\.target), ["B", "A DB", "Redis"])
        XCTAssertEqual(components[0].ownedData, ["Alpha"])
    }

    func testUnmatchedEntityGoesToTheLargestServiceAndIsRecorded() {
        var session = InfraFixtures.shop(style: "microservices")
        session.entities.append(Entity(name: "Coupon", fields: [Field(name: "code")]))
        let orders = generator.components(session: session, decisions: InfraFixtures.microservices, ruleComponents: [])[0]
        XCTAssertEqual(orders.ownedData, ["Order", "OrderItem", "Coupon"])
        XCTAssertTrue(orders.responsibilities.contains("entity Coupon: no service or name match, assigned to the largest"))
    }
}
