import TerminalUI
import TestSupport
import XCTest

final class DisplayWidthTests: XCTestCase {
    func testASCIIIsOneCellPerCharacter() {
        XCTAssertEqual(DisplayWidth.of("hello"), 5)
        XCTAssertEqual(DisplayWidth.of(""), 0)
    }

    func testCJKIsTwoCellsPerCharacter() {
        XCTAssertEqual(DisplayWidth.of("注文"), 4)
        XCTAssertEqual(DisplayWidth.of("注文a"), 5)
    }

    func testEmoji() {
        XCTAssertEqual(DisplayWidth.of(Character("👍")), 2)
        XCTAssertEqual(DisplayWidth.of(Character("✓")), 1)
        XCTAssertEqual(DisplayWidth.of("ok 👍"), 5)
    }

    func testCombiningMarkAddsNoWidth() {
        let decomposed = "e\u{301}"
        XCTAssertEqual(decomposed.count, 1)
        XCTAssertEqual(DisplayWidth.of(decomposed), 1)
        XCTAssertEqual(DisplayWidth.of("caf\u{E9}"), 4)
        XCTAssertEqual(DisplayWidth.of("cafe\u{301}"), 4)
    }

    func testTruncateCountsCellsAndAddsEllipsis() {
        XCTAssertEqual(DisplayWidth.truncate("注文書", to: 4), "注…")
        XCTAssertEqual(DisplayWidth.truncate("short", to: 10), "short")
        XCTAssertEqual(DisplayWidth.truncate("abcdef", to: 4), "abc…")
        XCTAssertEqual(DisplayWidth.truncate("abc", to: 0), "")
    }

    func testPadAndPrefix() {
        XCTAssertEqual(DisplayWidth.pad("注", to: 3), "注 ")
        XCTAssertEqual(DisplayWidth.pad("注文", to: 3), "注 ")
        XCTAssertEqual(DisplayWidth.prefix("a注b", fitting: 2), "a")
    }
}
