import TerminalUI
import TestSupport
import XCTest

final class MultiRowListTests: XCTestCase {
    private let items: [[[Span]]] = [
        [[Span("one")]],
        [[Span("two")], [Span("  and a half")]],
        [[Span("three")]],
        [[Span("four")], [Span("  more")]],
    ]

    func testItemsTakeTheirRowsAndTheSelectedOneIsHighlightedWhole() {
        let buffer = renderBuffer(width: 14, height: 6) { buffer, area in
            MultiRowListView(items: items, selected: 1).render(in: area, buffer: &buffer)
        }
        assertScreen(buffer, ["one", "two", "  and a half", "three", "four", "  more"])
        XCTAssertTrue(styles(buffer, row: 1).allSatisfy(\.reverse))
        XCTAssertTrue(styles(buffer, row: 2).allSatisfy(\.reverse))
        XCTAssertFalse(styles(buffer, row: 3).contains(where: \.reverse))
    }

    func testTheSelectionScrollsIntoViewWholeWithIndicators() {
        let buffer = renderBuffer(width: 14, height: 3) { buffer, area in
            MultiRowListView(items: items, selected: 3).render(in: area, buffer: &buffer)
        }
        assertScreen(buffer, ["three        ↑", "four", "  more"])
        XCTAssertEqual(MultiRowListView(items: items, selected: 3).topItem(height: 3), 2)
        XCTAssertEqual(MultiRowListView(items: items, selected: 1).topItem(height: 3), 0)
        XCTAssertEqual(MultiRowListView(items: items, selected: 1).topItem(height: 1), 1, "taller than the list: on top")
    }

    func testRowsBelowTheListAreMarked() {
        let buffer = renderBuffer(width: 10, height: 3) { buffer, area in
            MultiRowListView(items: items, selected: 0).render(in: area, buffer: &buffer)
        }
        assertScreen(buffer, ["one", "two", "  and a h↓"])
    }
}
