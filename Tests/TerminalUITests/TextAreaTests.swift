import TerminalUI
import TestSupport
import XCTest

final class TextAreaTests: XCTestCase {
    private func apply(_ keys: [Key], to state: inout TextAreaState) {
        for key in keys { XCTAssertTrue(state.handle(key), "\(key) not handled") }
    }

    private func assertCursor(_ state: TextAreaState, _ row: Int, _ column: Int, line: UInt = #line) {
        XCTAssertEqual([state.cursor.row, state.cursor.column], [row, column], line: line)
    }

    func testEnterSplitsAndBackspaceJoins() {
        var state = TextAreaState("ab\ncd")
        assertCursor(state, 0, 0)
        apply([.character("x"), .end, .enter], to: &state)
        XCTAssertEqual(state.text, "xab\n\ncd")
        assertCursor(state, 1, 0)
        apply([.backspace], to: &state)
        XCTAssertEqual(state.text, "xab\ncd")
        assertCursor(state, 0, 3)
        apply([.delete], to: &state)
        XCTAssertEqual(state.text, "xabcd")
        assertCursor(state, 0, 3)
        apply([.left, .enter], to: &state)
        XCTAssertEqual(state.text, "xa\nbcd")
        assertCursor(state, 1, 0)
    }

    func testUpDownKeepTheGoalColumn() {
        var state = TextAreaState("abcdef\nab\nabcdef")
        state.moveCursor(row: 0, column: 5)
        apply([.down], to: &state)
        assertCursor(state, 1, 2)
        apply([.down], to: &state)
        assertCursor(state, 2, 5)
        XCTAssertFalse(state.handle(.down))
        apply([.up, .up], to: &state)
        assertCursor(state, 0, 5)
        XCTAssertFalse(state.handle(.up))
    }

    func testUpDownMeasureCellsNotCharacters() {
        var state = TextAreaState("注文\nabcd")
        state.moveCursor(row: 1, column: 3)
        apply([.up], to: &state)
        assertCursor(state, 0, 1)
    }

    func testLeftRightCrossLines() {
        var state = TextAreaState("ab\ncd")
        state.moveCursor(row: 1, column: 0)
        apply([.left], to: &state)
        assertCursor(state, 0, 2)
        apply([.right], to: &state)
        assertCursor(state, 1, 0)
        apply([.end, .right], to: &state)
        assertCursor(state, 1, 2)
        apply([.ctrl("a"), .up, .ctrl("a"), .left], to: &state)
        assertCursor(state, 0, 0)
        apply([.backspace], to: &state)
        XCTAssertEqual(state.text, "ab\ncd")
    }

    func testLineEditingKeys() {
        var state = TextAreaState("one two\nthree")
        state.moveCursor(row: 0, column: 7)
        apply([.ctrl("w")], to: &state)
        XCTAssertEqual(state.text, "one \nthree")
        apply([.ctrl("k")], to: &state)
        XCTAssertEqual(state.text, "one three")
        apply([.ctrl("k")], to: &state)
        XCTAssertEqual(state.text, "one ")
        apply([.ctrl("u")], to: &state)
        XCTAssertEqual(state.text, "")
        apply([.character("注"), .character("e"), .character("\u{301}")], to: &state)
        XCTAssertEqual(state.text, "注e\u{301}")
        assertCursor(state, 0, 2)
        XCTAssertFalse(state.handle(.tab))
    }

    func testRenderScrollsBothWaysToTheCursor() {
        var state = TextAreaState("line1\nline2\nline3")
        state.moveCursor(row: 2, column: 5)
        let buffer = renderBuffer(width: 5, height: 2) { buffer, area in
            TextArea(state: state, focused: true).render(in: area, buffer: &buffer)
        }
        assertScreen(buffer, ["ine2", "ine3"])
        XCTAssertEqual(buffer.cursor?.x, 4)
        XCTAssertEqual(buffer.cursor?.y, 1)
    }

    func testRenderWithoutScroll() {
        let buffer = renderBuffer(width: 8, height: 3) { buffer, area in
            TextArea(state: TextAreaState("a\n注文"), focused: false).render(in: area, buffer: &buffer)
        }
        assertScreen(buffer, ["a", "注文"])
        XCTAssertNil(buffer.cursor)
    }
}

/// A paste into a text area keeps its lines.
final class TextAreaPasteTests: XCTestCase {
    func testAPasteKeepsItsLinesAndEndsTheCursorAfterIt() {
        var state = TextAreaState("head|tail\nlast")
        state.moveCursor(row: 0, column: 5)
        XCTAssertTrue(state.handle(.paste("one\ntwo\r\nthree")))
        XCTAssertEqual(state.text, "head|one\ntwo\nthree" + "tail\nlast")
        XCTAssertEqual(state.cursor.row, 2)
        XCTAssertEqual(state.cursor.column, 5)
    }

    func testAOneLinePasteStaysOnTheLine() {
        var state = TextAreaState("ab")
        state.moveCursor(row: 0, column: 1)
        XCTAssertTrue(state.handle(.paste("x\ty")))
        XCTAssertEqual(state.text, "ax yb")
        XCTAssertEqual(state.cursor.column, 4)
    }

    func testAPasteEndingInALineBreakLeavesTheCursorOnTheNewLine() {
        var state = TextAreaState("")
        XCTAssertTrue(state.handle(.paste("a\n")))
        XCTAssertEqual(state.text, "a\n")
        XCTAssertEqual(state.cursor.row, 1)
        XCTAssertEqual(state.cursor.column, 0)
    }
}
