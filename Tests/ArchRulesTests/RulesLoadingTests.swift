import ArchModel
@testable import ArchRules
import XCTest

final class RulesLoadingTests: XCTestCase {
    func testSamplePackLoads() throws {
        let pack = try RulesFixtures.pack()
        XCTAssertEqual(pack.rules.map(\.id), ["style.modular-monolith-small-team", "style.microservices-high-load",
                                              "performance.cache-low-latency", "security.pii-needs-encryption"])
        let first = pack.rules[0]
        XCTAssertEqual(first.origin, RuleOrigin(file: "test.yaml", line: 2, column: 5))
        XCTAssertEqual(first.reads, ["requirements.team_size", "services.deployment_style"])
        XCTAssertEqual(first.examples.quiet.count, 2)
        XCTAssertEqual(first.examples.quiet[1].answers["services.deployment_style"], .choice("microservices"))
        XCTAssertEqual(pack.rules[3].examples.fires[0].entities[0].fields[0].pii, true)
        XCTAssertEqual(pack.rules[3].examples.fires[1].answers["nonfunctional.compliance"], .choices(["gdpr", "soc2"]))
    }

    func testConditionErrorsPointIntoThePlainScalar() {
        XCTAssertEqual(RulesFixtures.loadError(RulesFixtures.rule(when: "requirements.teamsize > 3")),
                       "test.yaml:5:11: unknown question id 'requirements.teamsize'")
        XCTAssertEqual(RulesFixtures.loadError(RulesFixtures.rule(when: "requirements.team_size > 3 and sum(x)")),
                       "test.yaml:5:42: unknown function 'sum'; expected answered, count or any")
        XCTAssertEqual(RulesFixtures.loadError(RulesFixtures.rule(when: "requirements.p99_latency_ms < 2 KB")),
                       "test.yaml:5:41: cannot compare a duration with a size")
        XCTAssertEqual(RulesFixtures.loadError(RulesFixtures.rule(when: "requirements.team_size >")),
                       "test.yaml:5:35: expected a value, found the end of the condition")
    }

    func testConditionErrorsPointIntoQuotedAndFoldedScalars() {
        XCTAssertEqual(RulesFixtures.loadError(RulesFixtures.rule(when: "\"api.style == 'soap'\"")),
                       "test.yaml:5:25: 'soap' is not a choice of api.style; expected one of rest, graphql, grpc")
        let folded = RulesFixtures.rule(when: ">\n      requirements.team_size > 3 and\n      foo.bar == 1")
        XCTAssertEqual(RulesFixtures.loadError(folded), "test.yaml:7:7: unknown question id 'foo.bar'")
    }

    func testStructureErrors() {
        let base = RulesFixtures.rule(when: "true")
        XCTAssertEqual(RulesFixtures.loadError(base.replacingOccurrences(of: "category: style", with: "category: styel")),
                       "test.yaml:4:15: unknown category 'styel'; expected one of style, api, communication, data, security, performance, reliability, scalability, operations")
        XCTAssertEqual(RulesFixtures.loadError(base.replacingOccurrences(of: "    title: Test\n", with: "")),
                       "test.yaml:2:5: missing key 'title' in rule test.rule")
        XCTAssertEqual(RulesFixtures.loadError(base.replacingOccurrences(of: "title: Test", with: "titel: Test")),
                       "test.yaml:3:5: unknown key 'titel' in a rule; expected one of id, title, category, when, then, rationale, references, examples")
        XCTAssertEqual(RulesFixtures.loadError(base.replacingOccurrences(of: "{recommendation: {title: T, text: X}}",
                                                                         with: "{finding: {severity: fatal, title: T}}")),
                       "test.yaml:6:32: unknown severity 'fatal'; expected one of info, warning, error")
        XCTAssertEqual(RulesFixtures.loadError(base.replacingOccurrences(of: "{recommendation: {title: T, text: X}}",
                                                                         with: "{component: {name: C, kind: queue}}")),
                       "test.yaml:6:39: unknown component kind 'queue'; expected one of service, gateway, load-balancer, cache, broker, cdn, database, replica, search, object-storage, worker, identity-provider, observability, external")
        XCTAssertEqual(RulesFixtures.loadError(base.replacingOccurrences(of: "test.rule", with: "Test Rule")),
                       "test.yaml:2:9: rule id 'Test Rule' must be dotted lower-case words, like style.modular-monolith")
    }

    func testPlaceholderThatNamesNothing() {
        let yaml = RulesFixtures.rule(when: "true") + "\n    rationale: A team of {requirements.teamsize} people."
        XCTAssertEqual(RulesFixtures.loadError(yaml),
                       "test.yaml:7:26: placeholder {requirements.teamsize} names no question or capacity fact")
    }

    func testExampleErrors() {
        let yaml = RulesFixtures.rule(when: "true") + "\n    examples:\n      fires: [{answers: {api.style: soap}}]"
        XCTAssertEqual(RulesFixtures.loadError(yaml),
                       "test.yaml:8:37: 'soap' is not a choice of api.style; expected one of rest, graphql, grpc")
        let unknown = RulesFixtures.rule(when: "true") + "\n    examples:\n      quiet: [{answers: {api.styles: rest}}]"
        XCTAssertEqual(RulesFixtures.loadError(unknown), "test.yaml:8:26: unknown question id 'api.styles'")
    }

    func testDuplicateIDWithinAPackIsAnError() {
        let rule = RulesFixtures.rule(when: "true")
        let twice = rule + "\n" + rule.replacingOccurrences(of: "rules:\n", with: "")
        XCTAssertEqual(RulesFixtures.loadError(twice), "test.yaml:7:5: duplicate rule id 'test.rule'; first defined at test.yaml:2:5")
    }
}
