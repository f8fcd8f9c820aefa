import ArchModel
@testable import ArchRules
import XCTest

/// Flows from the use cases (issue 9): each use case the user typed becomes a sequence through the routes, services,
/// stores and existing systems it touches; the CRUD flows are only the fallback.
final class UseCaseFlowsTests: XCTestCase {
    private static let builder = try! DesignBuilder.standard()

    private func shop(_ useCases: [String], systems: [ExternalSystem] = [], answers: [String: AnswerValue] = [:]) -> Session {
        let book = Entity(name: "Book", fields: [Field(name: "title", required: true)])
        let order = Entity(name: "Order", fields: [Field(name: "status", type: .enumeration, required: true, enumValues: ["placed", "paid", "cancelled"])],
                           relations: [Relation(kind: .belongsTo, target: "Book")])
        let payment = Entity(name: "Payment", fields: [
            Field(name: "amount", type: .decimal, required: true),
            Field(name: "status", type: .enumeration, required: true, enumValues: ["pending", "authorised", "captured", "refunded"]),
        ], relations: [Relation(kind: .belongsTo, target: "Order")])
        var all: [String: AnswerValue] = ["requirements.peak_rps": .number(200), "requirements.use_cases": .list(useCases)]
        all.merge(answers) { $1 }
        return Session(projectName: "Shop", answers: all, entities: [book, order, payment], systems: systems)
    }

    private func flow(_ design: Design, _ title: String) throws -> SequenceDiagram {
        try XCTUnwrap(design.sequences.first { $0.title == title }, "\(design.sequences.map(\.title))")
    }

    func testAStatusVerbBecomesItsTransitionWithTheProviderCalledBeforeTheWrite() throws {
        let adyen = ExternalSystem(name: "Adyen", kind: .paymentProvider, purpose: "card acquiring", latencyMs: 600)
        let design = Self.builder.build(shop(["Merchant captures an authorised payment"], systems: [adyen]))
        let capture = try flow(design, "Merchant captures an authorised payment")
        XCTAssertEqual(capture.id, .useCase("Merchant captures an authorised payment"))
        XCTAssertTrue(capture.messages[0].text.hasPrefix("POST ") && capture.messages[0].text.hasSuffix("/capture"), capture.messages[0].text)
        XCTAssertTrue(design.endpoints.contains { "\($0.method) \($0.path)" == capture.messages[0].text }, "the route is an endpoint of the API")
        let texts = capture.messages.map(\.text)
        let call = try XCTUnwrap(texts.firstIndex { $0.contains("idempotency key (timeout 1000 ms)") }, "\(texts)")
        let write = try XCTUnwrap(texts.firstIndex { $0.hasPrefix("UPDATE payments SET status = 'captured'") }, "\(texts)")
        XCTAssertLessThan(call, write, "the provider is called before the state is written")
        XCTAssertTrue(capture.messages.contains { $0.isFailure && $0.text.hasPrefix("409 when the payment cannot capture") })
        XCTAssertTrue(capture.messages.contains { $0.isFailure && $0.text.contains("same idempotency key") })
        XCTAssertEqual(capture.messages.last?.text, "200 OK")
        XCTAssertTrue(capture.participants.contains("Adyen"))
    }

    func testClausesBecomeRequestsAndAVerbNamingARecordMakesIt() throws {
        let design = Self.builder.build(shop(["Reader finds a book and orders it"]))
        let order = try flow(design, "Reader finds a book and orders it")
        XCTAssertEqual(order.participants.first, "Reader", "the person the use case names calls")
        let requests = order.messages.filter { $0.from == "Reader" }.map(\.text)
        XCTAssertEqual(requests.count, 2, "\(order.messages.map(\.text))")
        XCTAssertTrue(requests[0].hasPrefix("GET /v1/books?q="), requests[0])
        XCTAssertEqual(requests[1], "POST /v1/orders")
        XCTAssertTrue(order.messages.contains { $0.text.hasPrefix("INSERT orders") })
        XCTAssertTrue(order.messages.contains { $0.text == "201 Created" && $0.to == "Reader" })
    }

    func testARateLimitedSystemIsReachedThroughTheWorkerAfterTheReply() throws {
        let mailer = ExternalSystem(name: "Mailgun", kind: .saasAPI, purpose: "order e-mails", rateLimit: 10)
        let design = Self.builder.build(shop(["Customer places an order"], systems: [mailer]))
        let place = try flow(design, "Customer places an order")
        let texts = place.messages.map(\.text)
        let reply = try XCTUnwrap(texts.firstIndex(of: "201 Created"))
        let call = try XCTUnwrap(texts.firstIndex { $0.contains("throttled to 10 req/s") }, "\(texts)")
        XCTAssertLessThan(reply, call, "the client never waits on a limited system")
        XCTAssertTrue(texts.contains { $0.hasPrefix("INSERT orders + a request for Mailgun") })
        XCTAssertFalse(place.messages.contains { $0.from.hasPrefix("Shop") && $0.to == "Mailgun" }, "only the worker calls it")
        XCTAssertTrue(place.messages.contains { $0.isFailure && $0.text.contains("dead-letter") })
    }

    func testCreateFlowsAreOnlyTheFallback() throws {
        let without = Self.builder.build(shop([]))
        XCTAssertTrue(without.sequences.contains { $0.title == "Create Book" }, "\(without.sequences.map(\.title))")
        let with = Self.builder.build(shop(["Reader finds a book and orders it"]))
        XCTAssertFalse(with.sequences.contains { $0.title.hasPrefix("Create ") }, "\(with.sequences.map(\.title))")
    }

    func testAUseCaseNamingOnlyASystemTakesItsFlowAndOneNamingNothingGetsNone() throws {
        let reports = ExternalSystem(name: "Settlement reports", kind: .fileExchange, transport: .file, direction: .inbound,
                                     purpose: "daily files to reconcile the ledger against")
        let design = Self.builder.build(shop(["Finance runs the nightly reconciliation", "Everyone is happy"], systems: [reports]))
        let run = try flow(design, "Finance runs the nightly reconciliation")
        XCTAssertTrue(run.messages.contains { $0.text.contains("reconciliation report") }, "\(run.messages.map(\.text))")
        XCTAssertFalse(design.sequences.contains { $0.title == "Integrate with Settlement reports" }, "taken over, not repeated")
        XCTAssertFalse(design.sequences.contains { $0.title == "Everyone is happy" })
        let unmatched = design.findings.filter { $0.id == "flow.use-case-unmatched" }
        XCTAssertEqual(unmatched.map(\.subject), ["use case Everyone is happy"], "only the use case without a flow is reported")
        XCTAssertEqual(unmatched.first?.severity, .info)
    }

    func testAWriteInAnotherServiceFollowsAsAnEventWithItsCompensation() throws {
        let base = shop(["Customer cancels an order and is refunded"], answers: [
            "services.deployment_style": .choice("microservices"), "services.communication": .choice("async"), "services.messaging": .choice("kafka"),
        ])
        var entities = base.entities
        for index in entities.indices { entities[index].service = .named(index == 2 ? "Payments" : "Orders") }
        let session = Session(projectName: base.projectName, answers: base.answers, entities: entities,
                              services: [Service(name: "Orders"), Service(name: "Payments")])
        let design = Self.builder.build(session)
        let cancel = try flow(design, "Customer cancels an order and is refunded")
        let texts = cancel.messages.map(\.text)
        XCTAssertTrue(texts[0].hasSuffix("/cancel"), texts[0])
        let reply = try XCTUnwrap(texts.firstIndex(of: "200 OK"))
        let delivered = try XCTUnwrap(texts.firstIndex(of: "deliver order.cancelled"), "\(texts)")
        XCTAssertLessThan(reply, delivered)
        XCTAssertTrue(texts.contains { $0.hasPrefix("UPDATE payments SET status = 'refunded'") }, "\(texts)")
        XCTAssertTrue(cancel.messages.contains { $0.isFailure && $0.text.contains("compensation") })
    }

    func testTheCoherenceCheckCatchesAFlowOffTheAPIAndAQueuedSystemCalledInARequest() throws {
        let mailer = ExternalSystem(name: "Mailgun", kind: .saasAPI, purpose: "order e-mails", rateLimit: 10)
        var design = Self.builder.build(shop(["Customer places an order"], systems: [mailer]))
        XCTAssertEqual(CoherenceChecks(design: design, systems: [mailer]).findings().map(\.title), [])
        let index = try XCTUnwrap(design.sequences.firstIndex { $0.title == "Customer places an order" })
        design.sequences[index].messages[0].text = "POST /v1/nowhere"
        let service = try XCTUnwrap(design.components.first { $0.kind == .service }).name
        design.sequences[index].messages.append(.init(from: service, to: "Mailgun", text: "request"))
        let titles = CoherenceChecks(design: design, systems: [mailer]).findings().map(\.title)
        XCTAssertTrue(titles.contains { $0.contains("sends POST /v1/nowhere, which is not an endpoint") }, "\(titles)")
        XCTAssertTrue(titles.contains { $0.contains("calls Mailgun inside a request") }, "\(titles)")
    }

    func testVerbFormsAndStems() {
        XCTAssertTrue(UseCaseFlows.forms("captures").contains("capture"))
        XCTAssertTrue(UseCaseFlows.forms("matched").contains("match"))
        XCTAssertTrue(UseCaseFlows.forms("charged").contains("charge"))
        XCTAssertTrue(UseCaseFlows.forms("searches").contains("search"))
        XCTAssertTrue(UseCaseFlows.forms("carries").contains("carry"))
        XCTAssertEqual(UseCaseFlows.stem("reconciliation"), UseCaseFlows.stem("reconcile"))
    }
}
