import ArchModel
@testable import ArchRules
import XCTest

/// Outcomes derived when unanswered (issue 9): the 45-engineer, 25k req/s system with six contexts and mature
/// operations gets events, a broker, a gateway and a failure-handling finding from its scale alone, and the
/// answers take over once given.
final class DerivedOutcomesTests: XCTestCase {
    private static let scale: [String: AnswerValue] = [
        "requirements.team_size": .number(45), "requirements.peak_rps": .number(25_000), "requirements.read_ratio": .number(80),
        "requirements.ops_capability": .choice("mature"), "api.clients": .choice("public"),
        "services.bounded_contexts": .list(["Catalog", "Orders", "Payments", "Shipping", "Accounts", "Notifications"]),
    ]

    private func design(_ answers: [String: AnswerValue]) throws -> Design {
        try DesignBuilder.standard().build(Session(projectName: "Big", answers: answers, entities: ShopFixture.entities))
    }

    func testScaleAloneGivesEventsABrokerAGatewayAndAFailureHandlingFinding() throws {
        let design = try design(Self.scale)
        let choice = { (topic: String) in design.decisions.first { $0.topic == topic }?.choice }
        XCTAssertEqual(choice("architecture.style"), "microservices")
        XCTAssertEqual(choice("communication.style"), "mixed")
        XCTAssertEqual(choice("messaging.broker"), "kafka", "six contexts consuming each other's events")
        XCTAssertTrue(design.components.contains { $0.kind == .broker && $0.name == "event-log" })
        XCTAssertTrue(design.components.contains { $0.kind == .gateway })
        XCTAssertTrue(design.findings.contains { $0.id == "derived.resilience-unanswered" })
        XCTAssertTrue(design.decisions.first { $0.topic == "messaging.broker" }?.trace.rules.contains("derived.event-log") == true)
        XCTAssertEqual(design.findings.filter { $0.id.hasPrefix("coherence.") }.map(\.title), [])
    }

    func testAnswersTakeOverFromTheDerivedOutcomes() throws {
        var answers = Self.scale
        answers["services.communication"] = .choice("sync")
        answers["services.gateway"] = .choice("no")
        answers["services.failure_handling"] = .list(["timeouts", "retries", "circuit_breakers"])
        let design = try design(answers)
        XCTAssertNotEqual(design.decisions.first { $0.topic == "communication.style" }?.choice, "mixed")
        XCTAssertNil(design.decisions.first { $0.topic == "messaging.broker" && $0.trace.rules.contains { $0.hasPrefix("derived.") } })
        XCTAssertFalse(design.components.contains { $0.kind == .gateway })
        XCTAssertFalse(design.findings.contains { $0.id.hasPrefix("derived.") })
    }
}
