import TerminalUI
import TestSupport
import XCTest

final class TextFieldTests: XCTestCase {
    private func typed(_ text: String) -> TextFieldState {
        var state = TextFieldState()
        for character in text { XCTAssertTrue(state.handle(.character(character))) }
        return state
    }

    private func apply(_ keys: [Key], to state: inout TextFieldState) {
        for key in keys { XCTAssertTrue(state.handle(key), "\(key) not handled") }
    }

    func testTypingInsertsAtTheCursor() {
        var state = typed("hllo")
        apply([.home, .right, .character("e")], to: &state)
        XCTAssertEqual(state.text, "hello")
        XCTAssertEqual(state.cursor, 2)
    }

    func testLeftRightHomeEndAndTheirControlKeys() {
        var state = typed("abc")
        XCTAssertEqual(state.cursor, 3)
        apply([.left, .left], to: &state)
        XCTAssertEqual(state.cursor, 1)
        apply([.ctrl("a")], to: &state)
        XCTAssertEqual(state.cursor, 0)
        apply([.left], to: &state)
        XCTAssertEqual(state.cursor, 0)
        apply([.ctrl("e")], to: &state)
        XCTAssertEqual(state.cursor, 3)
        apply([.right], to: &state)
        XCTAssertEqual(state.cursor, 3)
        apply([.home, .end], to: &state)
        XCTAssertEqual(state.cursor, 3)
        state.cursor = 99
        XCTAssertEqual(state.cursor, 3)
        state.cursor = -4
        XCTAssertEqual(state.cursor, 0)
    }

    func testBackspaceAndDelete() {
        var state = typed("abcd")
        apply([.left, .left, .backspace], to: &state)
        XCTAssertEqual(state.text, "acd")
        XCTAssertEqual(state.cursor, 1)
        apply([.delete], to: &state)
        XCTAssertEqual(state.text, "ad")
        XCTAssertEqual(state.cursor, 1)
        apply([.home, .backspace, .end, .delete], to: &state)
        XCTAssertEqual(state.text, "ad")
    }

    func testControlUAndK() {
        var state = TextFieldState("hello world")
        state.cursor = 6
        apply([.ctrl("u")], to: &state)
        XCTAssertEqual(state.text, "world")
        XCTAssertEqual(state.cursor, 0)
        state.cursor = 3
        apply([.ctrl("k")], to: &state)
        XCTAssertEqual(state.text, "wor")
        XCTAssertEqual(state.cursor, 3)
    }

    func testControlWDeletesThePreviousWord() {
        var state = TextFieldState("hello big world")
        apply([.ctrl("w")], to: &state)
        XCTAssertEqual(state.text, "hello big ")
        apply([.ctrl("w")], to: &state)
        XCTAssertEqual(state.text, "hello ")
        state = TextFieldState("foo bar  ")
        apply([.ctrl("w")], to: &state)
        XCTAssertEqual(state.text, "foo ")
        state = TextFieldState("one two")
        state.cursor = 5
        apply([.ctrl("w")], to: &state)
        XCTAssertEqual(state.text, "one wo")
        XCTAssertEqual(state.cursor, 4)
    }

    func testWideAndCombiningCharacters() {
        var state = typed("注e")
        XCTAssertTrue(state.handle(.character("\u{301}")))
        XCTAssertEqual(state.text, "注e\u{301}")
        XCTAssertEqual(state.text.count, 2)
        XCTAssertEqual(state.cursor, 2)
        XCTAssertEqual(state.line.cursorCell, 3)
        apply([.backspace], to: &state)
        XCTAssertEqual(state.text, "注")
    }

    func testKeysItDoesNotUse() {
        var state = typed("a")
        for key in [Key.enter, .tab, .up, .down, .escape, .ctrl("x"), .character("\n")] {
            XCTAssertFalse(state.handle(key), "\(key) should not be consumed")
        }
        XCTAssertEqual(state.text, "a")
    }

    func testScrollsToKeepTheCursorVisible() {
        let atEnd = TextFieldState("abcdefghij")
        let buffer = renderBuffer(width: 6, height: 1) { buffer, area in
            TextField(state: atEnd, focused: true).render(in: area, buffer: &buffer)
        }
        assertScreen(buffer, ["fghij"])
        XCTAssertEqual(buffer.cursor?.x, 5)
        XCTAssertEqual(buffer.cursor?.y, 0)

        var atStart = atEnd
        _ = atStart.handle(.home)
        let start = renderBuffer(width: 6, height: 1) { buffer, area in
            TextField(state: atStart, focused: true).render(in: area, buffer: &buffer)
        }
        assertScreen(start, ["abcdef"])
        XCTAssertEqual(start.cursor?.x, 0)
    }

    func testKeptScrollDoesNotJumpBack() {
        var state = TextFieldState("abcdefghij")
        state.scrollToCursor(width: 6)
        XCTAssertEqual(state.offset, 5)
        _ = state.handle(.left)
        XCTAssertEqual(state.visibleStart(width: 6), 5)
    }

    func testWideTextScrollsByCells() {
        let buffer = renderBuffer(width: 5, height: 2) { buffer, area in
            TextField(state: TextFieldState("注文注文"), focused: true).render(in: area, buffer: &buffer)
        }
        assertScreen(buffer, ["注文"])
        XCTAssertEqual(buffer.cursor?.x, 4)
    }

    func testUnfocusedHidesCursorAndShowsPlaceholder() {
        let buffer = renderBuffer(width: 10, height: 1) { buffer, area in
            TextField(state: TextFieldState(), placeholder: "name").render(in: area, buffer: &buffer)
        }
        assertScreen(buffer, ["name"])
        XCTAssertTrue(buffer[0, 0].style.dim)
        XCTAssertNil(buffer.cursor)
    }
}

/// Pasting, and a selected text that typing replaces.
final class TextFieldPasteAndSelectionTests: XCTestCase {
    func testAPasteIsInsertedAtTheCursorWithLineBreaksAsSpaces() {
        var state = TextFieldState("ab")
        state.cursor = 1
        XCTAssertTrue(state.handle(.paste("one\ntwo\r\nthree\tfour")))
        XCTAssertEqual(state.text, "aone two three fourb")
        XCTAssertEqual(state.cursor, 19)
    }

    func testAPasteDropsControlCharactersAndJoinsALeadingCombiningMark() {
        var state = TextFieldState("e")
        XCTAssertTrue(state.handle(.paste("\u{301}x\u{1B}y\u{7}")))
        XCTAssertEqual(state.text, "e\u{301}xy")
        XCTAssertEqual(state.text.count, 3)
        XCTAssertEqual(state.cursor, 3)
    }

    func testAPasteMatchesTypingTheSameTextKeyByKey() {
        let text = "Bestellungen 注文 ✓ e\u{301} 👍🏽 q d"
        var pasted = TextFieldState("start end")
        pasted.cursor = 6
        var typed = pasted
        _ = pasted.handle(.paste(text))
        for character in text { _ = typed.handle(.character(character)) }
        XCTAssertEqual(pasted, typed)
    }

    func testTypingReplacesASelectedText() {
        var state = TextFieldState("100", selected: true)
        XCTAssertTrue(state.handle(.character("8")))
        XCTAssertTrue(state.handle(.character("0")))
        XCTAssertEqual(state.text, "80")
        XCTAssertFalse(state.isSelected)
    }

    func testAPasteReplacesASelectedText() {
        var state = TextFieldState("100", selected: true)
        XCTAssertTrue(state.handle(.paste("2500")))
        XCTAssertEqual(state.text, "2500")
    }

    func testEditingKeysDropTheSelectionAndEditAsUsual() {
        for (key, text, cursor) in [(Key.left, "100", 2), (.home, "100", 0), (.end, "100", 3), (.backspace, "10", 2)] {
            var state = TextFieldState("100", selected: true)
            XCTAssertTrue(state.handle(key))
            XCTAssertFalse(state.isSelected, "\(key)")
            XCTAssertEqual(state.text, text, "\(key)")
            XCTAssertEqual(state.cursor, cursor, "\(key)")
            _ = state.handle(.character("5"))
            XCTAssertTrue(state.text.contains("5") && state.text.count == text.count + 1, "\(key): typing after it inserts")
        }
    }

    func testKeysAFieldDoesNotUseKeepTheSelection() {
        var state = TextFieldState("100", selected: true)
        XCTAssertFalse(state.handle(.enter))
        XCTAssertFalse(state.handle(.character("\n")))
        XCTAssertTrue(state.isSelected)
        XCTAssertFalse(TextFieldState("", selected: true).isSelected, "nothing to select")
    }

    func testASelectedTextIsDrawnReversed() {
        let selected = renderBuffer(width: 10, height: 1) { buffer, area in
            TextField(state: TextFieldState("100", selected: true), focused: true).render(in: area, buffer: &buffer)
        }
        assertScreen(selected, ["100"])
        XCTAssertTrue(selected[0, 0].style.reverse)
        XCTAssertTrue(selected[2, 0].style.reverse)
        XCTAssertFalse(selected[3, 0].style.reverse, "only the text, not the rest of the field")
        let plain = renderBuffer(width: 10, height: 1) { buffer, area in
            TextField(state: TextFieldState("100"), focused: true).render(in: area, buffer: &buffer)
        }
        XCTAssertFalse(plain[0, 0].style.reverse)
    }

    /// The scroll found by walking back from the cursor is the one the old forward search found.
    func testVisibleStartMatchesAForwardSearchFromTheKeptOffset() {
        let text = Array("ab注文cd✓e\u{301}fg注hij klmnop 文q")
        for width in 1...9 {
            for cursor in 0...text.count {
                for offset in 0...text.count {
                    var state = TextFieldState(String(text))
                    state.cursor = cursor
                    state.offset = offset
                    var start = min(offset, state.cursor)
                    while start < state.cursor, state.line.cells(in: start..<state.cursor) > max(0, width - 1) { start += 1 }
                    XCTAssertEqual(state.visibleStart(width: width), start, "width \(width) cursor \(cursor) offset \(offset)")
                }
            }
        }
    }
}
