import ArchModel
import ArchRules
import XCTest

/// Placeholders are found with their offsets (Unicode scalars from 0, for error positions), however many a text has.
final class RuleTemplateTests: XCTestCase {
    func testOffsetsCountScalarsNotBytes() throws {
        let found = try RuleTemplate.placeholders(in: "é {a} 注文 {b}{{literal}} {c}")
        XCTAssertEqual(found.map(\.name), ["a", "b", "c"])
        XCTAssertEqual(found.map(\.offset), [2, 9, 24])
    }

    /// A pack with tens of thousands of placeholders in one text: every one found, at its offset (this took 35 s
    /// when each offset was counted from the start).
    func testManyPlaceholdersAreFoundAtTheirOffsets() throws {
        let text = (0..<32_000).map { "ü{q\($0)}" }.joined()
        let found = try RuleTemplate.placeholders(in: text)
        XCTAssertEqual(found.count, 32_000)
        XCTAssertEqual(found.last?.name, "q31999")
        // Each item before the last is 1 + its "{q…}" scalars long.
        let expected = (0..<31_999).reduce(0) { $0 + 1 + "{q\($1)}".count } + 1
        XCTAssertEqual(found.last?.offset, expected)
    }
}
