import ArchModel
@testable import ArchRules
import Foundation
import XCTest

final class RulesRegistryTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("archtui-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func write(_ text: String, to name: String, in folder: URL) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        return folder
    }

    /// Built-in rules, with no config directory in the way.
    private func builtInRegistry() throws -> RuleRegistry {
        try RuleRegistry.load(builtIn: true, catalogue: RulesFixtures.catalogue, environment: [:])
    }

    // MARK: the built-in pack

    func testBuiltInPackHasAtLeastSixtyRules() throws {
        let registry = try builtInRegistry()
        XCTAssertGreaterThanOrEqual(registry.rules.count, 60, "Resources/rules/*.yaml should hold at least 60 rules")
    }

    func testEveryBuiltInRuleHasExamplesAndTheyPass() throws {
        let registry = try builtInRegistry()
        let failures = RuleExampleRunner(catalogue: RulesFixtures.catalogue).run(registry.rules)
        XCTAssertTrue(failures.isEmpty, failures.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(registry.overrides.isEmpty)
        XCTAssertEqual(Set(registry.rules.map(\.id)).count, registry.rules.count)
    }

    func testSampleRulesExamplesPass() throws {
        XCTAssertEqual(RuleExampleRunner(catalogue: RulesFixtures.catalogue).run(try RulesFixtures.pack().rules), [])
    }

    func testExampleRunnerReportsWhereAnExampleFails() throws {
        let yaml = RulesFixtures.rule(when: "requirements.team_size > 5")
            + "\n    examples:\n      fires: [{answers: {requirements.team_size: 3}}]"
        let failures = RuleExampleRunner(catalogue: RulesFixtures.catalogue).run(try RulesFixtures.pack(yaml).rules)
        XCTAssertEqual(failures.map(\.description), [
            "test.yaml:2:5: rule test.rule needs at least one 'fires' and one 'quiet' example",
            "test.yaml:8:15: rule test.rule, fires example 1 should fire but stayed quiet (when: requirements.team_size > 5)",
        ])
    }

    // MARK: packs and overrides

    func testUserDirectoryOverridesByID() throws {
        let builtIn = try RulesFixtures.pack()
        let user = try write(RulesFixtures.sampleRules.replacingOccurrences(of: "team_size <= 8", with: "team_size <= 12"),
                             to: "10-mine.yaml", in: directory.appendingPathComponent("pack"))
        let registry = RuleRegistry(packs: [builtIn, try RulePack.load(directory: user, catalogue: RulesFixtures.catalogue)])
        XCTAssertEqual(registry.rules.map(\.id), builtIn.rules.map(\.id), "overrides keep the built-in order")
        XCTAssertEqual(registry.rule(id: "style.modular-monolith-small-team")?.when,
                       "requirements.team_size <= 12 and services.deployment_style != \"microservices\"")
        XCTAssertEqual(registry.overrides.count, 4)
        XCTAssertEqual(registry.overrides[0].replaced, RuleOrigin(file: "test.yaml", line: 2, column: 5))
        XCTAssertEqual(registry.overrides[0].by, RuleOrigin(file: user.appendingPathComponent("10-mine.yaml").path, line: 2, column: 5))
        let outcome = registry.engine.evaluate(session: RulesFixtures.session(["requirements.team_size": .number(10)]),
                                               catalogue: RulesFixtures.catalogue)
        XCTAssertEqual(outcome.decisions.first?.choice, "modular-monolith")
    }

    func testLoadReadsConfigDirectoryThenGivenDirectories() throws {
        let config = directory.appendingPathComponent("config")
        _ = try write(RulesFixtures.sampleRules, to: "a.yaml", in: config.appendingPathComponent("archtui/rules"))
        let extra = try write(RulesFixtures.rule(when: "true").replacingOccurrences(of: "test.rule", with: "style.modular-monolith-small-team"),
                              to: "b.yml", in: directory.appendingPathComponent("extra"))
        let registry = try RuleRegistry.load(builtIn: false, userDirectories: [extra], catalogue: RulesFixtures.catalogue,
                                             environment: ["XDG_CONFIG_HOME": config.path, "HOME": "/nonexistent"])
        XCTAssertEqual(registry.packs.count, 2)
        XCTAssertEqual(registry.rules.count, 4)
        XCTAssertEqual(registry.rule(id: "style.modular-monolith-small-team")?.when, "true")
        XCTAssertEqual(registry.list()[0], "style.modular-monolith-small-team  [style]  Test  (overrides built-in)")
    }

    func testConfigDirectoryFromEnvironment() {
        XCTAssertEqual(RuleRegistry.configDirectory(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"])?.path, "/x/archtui/rules")
        XCTAssertEqual(RuleRegistry.configDirectory(environment: ["HOME": "/h"])?.path, "/h/.config/archtui/rules")
        XCTAssertNil(RuleRegistry.configDirectory(environment: [:]))
    }

    func testMissingDirectoryIsALocatedError() {
        let missing = directory.appendingPathComponent("nope")
        XCTAssertThrowsError(try RuleRegistry.load(builtIn: false, userDirectories: [missing], catalogue: RulesFixtures.catalogue,
                                                   environment: [:])) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(missing.path):1:1: cannot read the rules directory"), "\(error)")
        }
    }

    func testExplain() throws {
        let registry = RuleRegistry(packs: [try RulesFixtures.pack()])
        XCTAssertEqual(registry.explain(id: "style.microservices-high-load"), """
        style.microservices-high-load — High load → microservices
        category: style
        when: capacity.peak_rps >= 5k
        then:
          decision architecture.style = microservices (Microservices, priority 40)
        rationale: At {capacity.peak_rps} independent scaling pays off.
        examples: 1 fire, 1 quiet
        defined at: test.yaml:22:5
        """)
        XCTAssertNil(registry.explain(id: "nope"))
    }
}
