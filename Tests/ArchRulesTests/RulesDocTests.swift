import ArchModel
@testable import ArchRules
import Foundation
import XCTest

/// Keeps docs/rules.md honest: its example rule file must load and its examples must pass.
final class RulesDocTests: XCTestCase {
    func testSpecExampleRuleLoadsAndItsExamplesPass() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/rules.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let start = try XCTUnwrap(text.range(of: "```yaml\n"))
        let end = try XCTUnwrap(text.range(of: "```", range: start.upperBound..<text.endIndex))
        let yaml = String(text[start.upperBound..<end.lowerBound])
        let pack = try RulesFixtures.pack(yaml, file: "docs/rules.md")
        XCTAssertEqual(pack.rules.map(\.id), ["style.modular-monolith-small-team"])
        XCTAssertEqual(RuleExampleRunner(catalogue: RulesFixtures.catalogue).run(pack.rules), [])
    }
}
