import TerminalUI
import TestSupport
import XCTest

final class TextViewTests: XCTestCase {
    func testWrapsAtWordsAndDropsSpacesAtBreaks() {
        XCTAssertEqual(WordWrap.wrap("The quick brown fox jumps", width: 10), ["The quick", "brown fox", "jumps"])
    }

    func testWideCharactersWrapByCells() {
        XCTAssertEqual(WordWrap.wrap("注文注文注文", width: 5), ["注文", "注文", "注文"])
    }

    func testLongWordStartsOnItsOwnRowAndIsCut() {
        XCTAssertEqual(WordWrap.wrap("ab verylongword", width: 5), ["ab", "veryl", "ongwo", "rd"])
    }

    func testEmptyLinesAreKept() {
        XCTAssertEqual(WordWrap.wrap("a\n\nb", width: 5), ["a", "", "b"])
    }

    func testStylesSurviveWrapping() {
        let rows = WordWrap.wrap([Span("hello ", .bold), Span("world", .dim)], width: 6)
        XCTAssertEqual(rows, [[Span("hello", .bold)], [Span("world", .dim)]])
    }

    func testRenderScrolledAndCountsWrappedLines() {
        let view = TextView(lines: [["The quick brown fox jumps"], [], ["end"]], state: TextViewState(offset: 1))
        XCTAssertEqual(view.wrappedLineCount(width: 10), 5)
        let lines = renderLines(width: 10, height: 2) { buffer, area in view.render(in: area, buffer: &buffer) }
        assertLines(lines, ["brown fox", "jumps"])
    }

    func testOffsetPastTheEndShowsTheLastPage() {
        let view = TextView(text: "one\ntwo\nthree", state: TextViewState(offset: 9))
        let lines = renderLines(width: 10, height: 2) { buffer, area in view.render(in: area, buffer: &buffer) }
        assertLines(lines, ["two", "three"])
    }

    func testScrollingIsClamped() {
        var state = TextViewState()
        state.scroll(by: 10, total: 4, visibleRows: 2)
        XCTAssertEqual(state.offset, 2)
        state.scroll(by: -10, total: 4, visibleRows: 2)
        XCTAssertEqual(state.offset, 0)
        XCTAssertTrue(state.handle(.end, total: 4, visibleRows: 2))
        XCTAssertEqual(state.offset, 2)
        XCTAssertTrue(state.handle(.up, total: 4, visibleRows: 2))
        XCTAssertEqual(state.offset, 1)
        XCTAssertTrue(state.handle(.home, total: 4, visibleRows: 2))
        XCTAssertEqual(state.offset, 0)
        state.scroll(by: 3, total: 1, visibleRows: 2)
        XCTAssertEqual(state.offset, 0)
        XCTAssertFalse(state.handle(.enter, total: 4, visibleRows: 2))
    }
}
