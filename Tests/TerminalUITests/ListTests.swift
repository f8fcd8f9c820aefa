import TerminalUI
import TestSupport
import XCTest

final class ListTests: XCTestCase {
    let names = ["alpha", "beta", "gamma", "delta", "epsilon"]

    func testSelectionScrollsIntoViewWithIndicators() {
        let buffer = renderBuffer(width: 10, height: 3) { buffer, area in
            ListView(names, state: ListState(selected: 3)).render(in: area, buffer: &buffer)
        }
        assertScreen(buffer, [
            "beta     ↑",
            "gamma",
            "delta    ↓",
        ])
        XCTAssertTrue(styles(buffer, row: 2, count: 9).allSatisfy(\.reverse))
        XCTAssertFalse(buffer[9, 2].style.reverse)
        XCTAssertFalse(styles(buffer, row: 1).contains(where: \.reverse))
    }

    func testShortListHasNoIndicators() {
        let lines = renderLines(width: 8, height: 4) { buffer, area in
            ListView(["a", "b"]).render(in: area, buffer: &buffer)
        }
        assertLines(lines, ["a", "b"])
    }

    func testStyledItemsKeepTheirStyles() {
        let buffer = renderBuffer(width: 10, height: 2) { buffer, area in
            ListView(items: [[Span("x", .bold), Span(" y")], [Span("z", .dim)]], state: ListState(selected: 1))
                .render(in: area, buffer: &buffer)
        }
        XCTAssertEqual(buffer[0, 0].style, .bold)
        XCTAssertEqual(buffer[0, 1].style, Style(dim: true, reverse: true))
    }

    func testMovesKeepTheSelectionVisible() {
        var state = ListState()
        for _ in 0..<3 { XCTAssertTrue(state.handle(.down, count: 10, visibleRows: 3)) }
        XCTAssertEqual([state.selected, state.offset], [3, 1])
        _ = state.handle(.pageDown, count: 10, visibleRows: 3)
        XCTAssertEqual([state.selected, state.offset], [5, 3])
        _ = state.handle(.end, count: 10, visibleRows: 3)
        XCTAssertEqual([state.selected, state.offset], [9, 7])
        _ = state.handle(.down, count: 10, visibleRows: 3)
        XCTAssertEqual([state.selected, state.offset], [9, 7])
        _ = state.handle(.pageUp, count: 10, visibleRows: 3)
        XCTAssertEqual([state.selected, state.offset], [7, 7])
        _ = state.handle(.up, count: 10, visibleRows: 3)
        XCTAssertEqual([state.selected, state.offset], [6, 6])
        _ = state.handle(.home, count: 10, visibleRows: 3)
        XCTAssertEqual([state.selected, state.offset], [0, 0])
        _ = state.handle(.up, count: 10, visibleRows: 3)
        XCTAssertEqual([state.selected, state.offset], [0, 0])
        XCTAssertFalse(state.handle(.character("x"), count: 10, visibleRows: 3))
    }

    func testEmptyListAndShrinkingList() {
        var state = ListState(selected: 5, offset: 4)
        state.select(2, count: 0, visibleRows: 3)
        XCTAssertEqual([state.selected, state.offset], [0, 0])
        // A stale offset past the end is pulled back so the view stays full.
        XCTAssertEqual(ListState(selected: 4, offset: 4).visibleOffset(count: 5, visibleRows: 3), 2)
    }
}
