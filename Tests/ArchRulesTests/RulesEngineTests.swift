import ArchModel
@testable import ArchRules
import XCTest

final class RulesEngineTests: XCTestCase {
    private func evaluate(_ answers: [String: AnswerValue], entities: [Entity] = []) throws -> RuleOutcome {
        RuleEngine(rules: try RulesFixtures.pack().rules)
            .evaluate(session: RulesFixtures.session(answers, entities: entities), catalogue: RulesFixtures.catalogue)
    }

    func testHigherPriorityWinsAndLoserBecomesAlternative() throws {
        let outcome = try evaluate(["requirements.team_size": .number(3), "requirements.peak_rps": .number(8000)])
        XCTAssertEqual(outcome.fired, ["style.modular-monolith-small-team", "style.microservices-high-load"])
        let decision = try XCTUnwrap(outcome.decision("architecture.style"))
        XCTAssertEqual(decision.choice, "modular-monolith")
        XCTAssertEqual(decision.rationale, "With a team of 3 engineers, one deployable keeps delivery fast.")
        XCTAssertEqual(decision.trace, Trace(rules: ["style.modular-monolith-small-team"],
                                             answers: ["requirements.team_size", "services.deployment_style"]))
        // The loser and the winner's rejects name the same option: listed once, with the loser's reason first.
        XCTAssertEqual(decision.alternatives.map(\.choice), ["microservices"])
        XCTAssertEqual(decision.alternatives[0].reason,
                       "outranked: style.microservices-high-load proposed it, style.modular-monolith-small-team won (priority 50 over 40)")
        XCTAssertEqual(decision.alternatives[0].trace.rules, ["style.microservices-high-load"])
    }

    func testRejectsBecomeAlternativesWithRenderedReasons() throws {
        let outcome = try evaluate(["requirements.team_size": .number(3)])
        let decision = try XCTUnwrap(outcome.decision("architecture.style"))
        XCTAssertEqual(decision.alternatives, [Alternative(
            choice: "microservices", reason: "rejected: a team of 3 engineers cannot run a fleet of services",
            trace: Trace(rules: ["style.modular-monolith-small-team"], answers: ["requirements.team_size", "services.deployment_style"]))])
    }

    func testEqualPriorityGoesToTheRuleLoadedFirst() throws {
        let yaml = """
        rules:
          - id: api.rest
            title: REST
            category: api
            when: "true"
            then: {decision: {topic: api.style, choice: rest, title: REST}}
          - id: api.grpc
            title: gRPC
            category: api
            when: "true"
            then: {decision: {topic: api.style, choice: grpc, title: gRPC}}
        """
        let outcome = RuleEngine(rules: try RulesFixtures.pack(yaml).rules)
            .evaluate(session: RulesFixtures.session(), catalogue: RulesFixtures.catalogue)
        XCTAssertEqual(outcome.decisions.map(\.choice), ["rest"])
        XCTAssertEqual(outcome.decisions[0].alternatives.map(\.reason),
                       ["outranked: api.grpc proposed it, api.rest won (same priority, loaded first)"])
    }

    func testComponentsFindingsAndTraces() throws {
        let entities = [Entity(name: "Customer", fields: [Field(name: "email", pii: true)])]
        let outcome = try evaluate(["requirements.p99_latency_ms": .number(150), "requirements.read_ratio": .number(90),
                                    "data.pii_categories": .choices(["contact"])], entities: entities)
        XCTAssertEqual(outcome.components, [Component(
            name: "Cache", kind: .cache, responsibilities: ["hot reads"],
            trace: Trace(rules: ["performance.cache-low-latency"], answers: ["requirements.p99_latency_ms", "requirements.read_ratio"]))])
        XCTAssertEqual(outcome.findings.map(\.title), ["Personal data in Names and contact details"])
        XCTAssertEqual(outcome.findings.first?.trace.answers, ["nonfunctional.compliance"])
        XCTAssertTrue(outcome.decisions.isEmpty)
    }

    func testTemplateRendering() throws {
        let facts = Facts(session: RulesFixtures.session([
            "requirements.team_size": .number(4), "requirements.availability": .number(99.95),
            "services.deployment_style": .choice("modular_monolith"), "nonfunctional.compliance": .choices(["gdpr", "pci_dss"]),
            "requirements.integrations": .list(["Stripe", "SAP"]), "requirements.peak_rps": .number(7500),
        ]), catalogue: RulesFixtures.catalogue)
        let text = "{requirements.team_size}, {requirements.availability}, {services.deployment_style}, "
            + "{nonfunctional.compliance}, {requirements.integrations}, {capacity.peak_rps}, {api.style}, {{literal}}"
        XCTAssertEqual(RuleTemplate.render(text, facts: facts),
                       "4 engineers, 99.95%, Modular monolith, GDPR, PCI-DSS, Stripe, SAP, 7.5k req/s, (not answered), {literal}")
        XCTAssertEqual(CapacityFacts.format("storage_total", 2.1e12), "2.1 TB")
    }

    /// Placeholder offsets count Unicode scalars (as rule-file errors report columns), also after non-ASCII text.
    func testTemplatePlaceholdersAndErrorsReportScalarOffsets() throws {
        let found = try RuleTemplate.placeholders(in: "Café {{x}} { api.style } für {requirements.team_size}")
        XCTAssertEqual(found.map(\.name), ["api.style", "requirements.team_size"])
        XCTAssertEqual(found.map(\.offset), [11, 29])
        XCTAssertThrowsError(try RuleTemplate.placeholders(in: "naïve {api.style")) { error in
            XCTAssertEqual((error as? ExpressionError)?.offset, 6)
        }
        let facts = Facts(session: RulesFixtures.session(["api.style": .choice("rest")]), catalogue: RulesFixtures.catalogue)
        XCTAssertEqual(RuleTemplate.render("größe } {api.style}", facts: facts), "größe } REST (JSON over HTTP)")
        XCTAssertEqual(RuleTemplate.render("no placeholders: ü", facts: facts), "no placeholders: ü")
        let large = Facts(session: RulesFixtures.session(["requirements.records_first_year": .number(30_000_000),
                                                          "requirements.peak_rps": .number(2500)]), catalogue: RulesFixtures.catalogue)
        XCTAssertEqual(RuleTemplate.render("{requirements.records_first_year}, {requirements.peak_rps}", facts: large),
                       "30M records, 2500 req/s", "large whole figures read compactly; others stay as answered")
        let one = Facts(session: RulesFixtures.session(["requirements.team_size": .number(1), "requirements.peak_rps": .number(1)]),
                        catalogue: RulesFixtures.catalogue)
        XCTAssertEqual(RuleTemplate.render("{requirements.team_size}, {requirements.peak_rps}", facts: one),
                       "1 engineer, 1 req/s", "one of a plural unit is singular; symbols stay")
    }
}

extension RuleOutcome {
    func decision(_ topic: String) -> Decision? { decisions.first { $0.topic == topic } }
}
