import ArchModel
@testable import ArchRules
import XCTest

/// An explicit answer is the decision on its topic (issue 9): the rules' other pick becomes an alternative and a
/// finding, never a silent override, and the generators follow the answered decision.
final class AnsweredTopicsTests: XCTestCase {
    private static let builder = try? DesignBuilder.standard()

    private func build(_ answers: [String: AnswerValue]) throws -> Design {
        try XCTUnwrap(Self.builder).build(ShopFixture.session(answers))
    }

    private func decision(_ topic: String, in design: Design) throws -> Decision {
        try XCTUnwrap(design.decisions.first { $0.topic == topic }, "no decision on \(topic)")
    }

    private func against(_ topic: String, in design: Design) -> [Finding] {
        design.findings.filter { $0.id == AnsweredTopic.findingID && $0.subject == "decision " + topic }
    }

    func testURLVersionsAnsweredForAnInternalAPIAreTheDecisionAndTheEndpointsCarryThem() throws {
        let design = try build(["api.clients": .choice("internal"), "api.versioning": .choice("url")])
        let versioning = try decision("api.versioning", in: design)
        XCTAssertEqual(versioning.choice, "url")
        XCTAssertTrue(versioning.title.hasSuffix("(as answered)"), versioning.title)
        XCTAssertEqual(versioning.trace.answers.first, "api.versioning", "the trace names the answer it followed")
        XCTAssertEqual(versioning.alternatives.first?.choice, "evolve-compatibly")
        XCTAssertTrue(versioning.alternatives.first?.reason.contains("api.versioning-internal-compatible") == true)
        let finding = try XCTUnwrap(against("api.versioning", in: design).first)
        XCTAssertEqual(finding.about, .question("api.versioning"))
        XCTAssertTrue(finding.title.contains("Additive changes"), finding.title)
        XCTAssertTrue(design.endpoints.allSatisfy { $0.path.hasPrefix("/v1/") }, "the API follows the answered decision")
    }

    func testAnAnswerTheRulesAgreeWithLeavesNoFindingAndIsInTheTrace() throws {
        let design = try build(["api.clients": .choice("public"), "api.versioning": .choice("url")])
        let versioning = try decision("api.versioning", in: design)
        XCTAssertEqual(versioning.choice, "url")
        XCTAssertFalse(versioning.title.contains("as answered"), "the rule's own decision, which the answer agrees with")
        XCTAssertTrue(versioning.trace.answers.contains("api.versioning"))
        XCTAssertTrue(against("api.versioning", in: design).isEmpty)
    }

    func testAnUnversionedAnswerGivesNoPrefix() throws {
        let design = try build(["api.clients": .choice("public"), "api.versioning": .choice("none")])
        XCTAssertEqual(try decision("api.versioning", in: design).choice, "evolve-compatibly")
        XCTAssertEqual(against("api.versioning", in: design).count, 1, "URL versions are recommended for public clients")
        XCTAssertTrue(design.findings.contains { $0.id == "api.versioning-missing-public" && $0.severity == .warning })
        XCTAssertFalse(design.endpoints.contains { $0.path.hasPrefix("/v1") })
    }

    func testAManagedQueueAnsweredByASmallTeamIsTheBrokerWithAFindingForTheJobTable() throws {
        let design = try build(["requirements.team_size": .number(3), "services.communication": .choice("async"),
                                "services.messaging": .choice("managed")])
        let broker = try decision("messaging.broker", in: design)
        XCTAssertEqual(broker.choice, "managed-queue")
        XCTAssertTrue(broker.alternatives.contains { $0.choice == "none" && $0.reason.contains("communication.no-broker-small") })
        let finding = try XCTUnwrap(against("messaging.broker", in: design).first)
        XCTAssertTrue(finding.title.contains("database-backed job queue"), finding.title)
        XCTAssertTrue(finding.detail.contains("requirements.team_size"), "the answers behind the recommendation: \(finding.detail)")
        XCTAssertTrue(design.components.contains { $0.kind == .broker && $0.name == "Amazon SQS" }, "\(design.components.map(\.name))")
    }

    func testABrokerAnswerMeansNothingWhenEveryCallIsSynchronous() throws {
        let design = try build(["requirements.team_size": .number(3), "services.communication": .choice("sync"),
                                "services.messaging": .choice("kafka")])
        XCTAssertNotEqual(design.decisions.first { $0.topic == "messaging.broker" }?.choice, "kafka")
        XCTAssertTrue(against("messaging.broker", in: design).isEmpty)
    }

    func testInProcessCachingAnsweredUnderHeavyReadsIsKeptAndRedisIsOnlyRecommended() throws {
        let design = try build(["requirements.peak_rps": .number(20_000), "requirements.read_ratio": .number(95),
                                "nonfunctional.caching": .choice("in_process")])
        XCTAssertEqual(try decision("caching.strategy", in: design).choice, "in-process-and-http")
        XCTAssertEqual(against("caching.strategy", in: design).count, 1)
        XCTAssertFalse(design.components.contains { $0.kind == .cache && $0.name == "Redis" }, "no Redis beside a decision against it")
    }

    /// The test: over the samples, the demo and random answers, no explicit answer on a bound question is
    /// contradicted by the decision on its topic, and a decision that is not the rules' pick always has its finding.
    func testNoExplicitAnswerIsContradictedByADecisionWithoutAFinding() throws {
        let builder = try XCTUnwrap(Self.builder)
        var sessions = try SampleSessions.all().map(\.session) + [try Demo.session()]
        var generator = SystemRandomNumberGenerator()
        let context: [(String, [AnswerValue])] = [
            ("api.clients", [.choice("internal"), .choice("public"), .choice("both")]),
            ("requirements.team_size", [.number(3), .number(8), .number(40)]),
            ("requirements.peak_rps", [.number(50), .number(2_000), .number(30_000)]),
            ("requirements.read_ratio", [.number(10), .number(90)]),
            ("services.communication", [.choice("sync"), .choice("async"), .choice("mixed")]),
            ("requirements.ops_capability", [.choice("none"), .choice("mature")]),
        ]
        for _ in 0..<150 {
            var answers: [String: AnswerValue] = [:]
            for (id, values) in context where Bool.random(using: &generator) { answers[id] = values.randomElement(using: &generator) }
            for bound in AnsweredTopic.builtIn where Bool.random(using: &generator) {
                answers[bound.question] = .choice(bound.choices.keys.sorted().randomElement(using: &generator)!)
            }
            sessions.append(ShopFixture.session(answers))
        }
        var checked = 0
        for session in sessions {
            let design = builder.build(session)
            for bound in AnsweredTopic.builtIn {
                guard let value = session[bound.question]?.values.first, let answered = bound.choices[value], bound.applies(session) else { continue }
                let decision = try XCTUnwrap(design.decisions.first { $0.topic == bound.topic }, "\(bound.question) answered, no decision")
                XCTAssertEqual(decision.choice, answered.choice, "\(bound.question) = \(value) in \(session.projectName)")
                let overridden = decision.alternatives.first?.reason.hasPrefix("recommended by") == true
                XCTAssertEqual(overridden, !against(bound.topic, in: design).isEmpty,
                               "\(bound.question) = \(value): a finding exactly when the rules picked otherwise")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 100, "the random sessions answer the bound questions")
    }
}
