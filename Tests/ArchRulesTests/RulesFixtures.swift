import ArchModel
@testable import ArchRules
import XCTest

/// Shared helpers and a small sample pack for the rule-engine tests (not shipped in Resources/).
enum RulesFixtures {
    static let catalogue: Catalogue = try! CatalogueLoader.builtIn()

    /// Four rules: two compete on architecture.style, one adds a component, one a finding.
    static let sampleRules = """
    rules:
      - id: style.modular-monolith-small-team
        title: Small team → modular monolith
        category: style
        when: requirements.team_size <= 8 and services.deployment_style != "microservices"
        then:
          decision:
            topic: architecture.style
            choice: modular-monolith
            title: Modular monolith
            rejects:
              - choice: microservices
                reason: "a team of {requirements.team_size} cannot run a fleet of services"
        rationale: With a team of {requirements.team_size}, one deployable keeps delivery fast.
        references: [https://martinfowler.com/bliki/MonolithFirst.html]
        examples:
          fires:
            - answers: {requirements.team_size: 3}
          quiet:
            - answers: {requirements.team_size: 40}
            - answers: {requirements.team_size: 5, services.deployment_style: microservices}
      - id: style.microservices-high-load
        title: High load → microservices
        category: style
        when: capacity.peak_rps >= 5k
        then:
          decision: {topic: architecture.style, choice: microservices, title: Microservices, priority: 40}
        rationale: At {capacity.peak_rps} independent scaling pays off.
        examples:
          fires: [{answers: {requirements.peak_rps: 8000}}]
          quiet: [{answers: {requirements.peak_rps: 100}}]
      - id: performance.cache-low-latency
        title: Tight latency → cache
        category: performance
        when: requirements.p99_latency_ms < 0.2 s and requirements.read_ratio >= 80%
        then:
          component: {name: Cache, kind: cache, responsibilities: [hot reads]}
        rationale: A p99 of {requirements.p99_latency_ms} with mostly reads wants a cache.
        examples:
          fires: [{answers: {requirements.p99_latency_ms: 150, requirements.read_ratio: 90}}]
          quiet: [{answers: {requirements.p99_latency_ms: 150, requirements.read_ratio: 50}}, {answers: {}}]
      - id: security.pii-needs-encryption
        title: Personal data without encryption at rest
        category: security
        when: any(fields, pii) or "gdpr" in nonfunctional.compliance
        then:
          finding: {severity: warning, title: "Personal data in {data.pii_categories}", fix: Encrypt at rest.}
        examples:
          fires:
            - entities: [{name: Customer, fields: [{name: email, type: email, pii: true}]}]
            - answers: {nonfunctional.compliance: [gdpr, soc2]}
          quiet:
            - entities: [Customer]
    """

    static func pack(_ yaml: String = sampleRules, file: String = "test.yaml") throws -> RulePack {
        try RulePack.load(name: "test", files: [(file, yaml)], catalogue: catalogue)
    }

    /// The error loading `yaml` raises, as `file:line:col: message`.
    static func loadError(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            _ = try pack(yaml)
            XCTFail("expected a load error", file: file, line: line)
            return ""
        } catch {
            return "\(error)"
        }
    }

    /// A one-rule file with the given condition (the `when:` value starts at column 11 of line 5).
    static func rule(when: String) -> String {
        """
        rules:
          - id: test.rule
            title: Test
            category: style
            when: \(when)
            then: {recommendation: {title: T, text: X}}
        """
    }

    static func session(_ answers: [String: AnswerValue] = [:], entities: [Entity] = []) -> Session {
        Session(projectName: "test", answers: answers, entities: entities)
    }
}
