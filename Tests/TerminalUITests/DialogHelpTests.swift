import TerminalUI
import TestSupport
import XCTest

final class DialogTests: XCTestCase {
    func testConfirmDialogIsCentredAndClearsUnderneath() {
        var buffer = ScreenBuffer(size: Size(width: 30, height: 9), filling: Cell("."))
        let dialog = Dialog(title: "Quit", message: "Discard changes?", state: DialogState(kind: .confirm))
        dialog.render(in: buffer.bounds, buffer: &buffer)
        assertScreen(buffer, [
            "..............................",
            "..............................",
            ".....┌─ Quit ───────────┐.....",
            ".....│ Discard changes? │.....",
            ".....│                  │.....",
            ".....│ [ Yes ]  [ No ]  │.....",
            ".....└──────────────────┘.....",
            "..............................",
            "..............................",
        ])
        XCTAssertTrue(buffer[7, 5].style.reverse, "Yes has the focus")
        XCTAssertFalse(buffer[16, 5].style.reverse)
    }

    func testMessageDialogWrapsAndHasOK() {
        let dialog = Dialog(title: "Note", message: "Saved to design.md in the current folder",
                            state: DialogState(kind: .message), maxWidth: 20)
        let lines = renderLines(width: 24, height: 8) { buffer, area in dialog.render(in: area, buffer: &buffer) }
        assertLines(lines, [
            "  ┌─ Note ───────────┐",
            "  │ Saved to         │",
            "  │ design.md in the │",
            "  │ current folder   │",
            "  │                  │",
            "  │      [ OK ]      │",
            "  └──────────────────┘",
        ])
    }

    func testDialogKeys() {
        var confirm = DialogState(kind: .confirm)
        XCTAssertNil(confirm.handle(.right))
        XCTAssertEqual(confirm.button, 1)
        XCTAssertEqual(confirm.handle(.enter), .no)
        XCTAssertNil(confirm.handle(.tab))
        XCTAssertEqual(confirm.handle(.enter), .yes)
        XCTAssertEqual(confirm.handle(.character("y")), .yes)
        XCTAssertEqual(confirm.handle(.escape), .no)
        XCTAssertNil(confirm.handle(.character("x")))
        var message = DialogState(kind: .message)
        XCTAssertNil(message.handle(.left))
        XCTAssertEqual(message.handle(.enter), .ok)
        XCTAssertEqual(message.handle(.escape), .ok)
    }
}

final class HelpOverlayTests: XCTestCase {
    let sections = [
        HelpSection("Global", [KeyHint("q", "quit"), KeyHint("?", "help")]),
        HelpSection("Lists", [KeyHint("↑↓", "move")]),
    ]

    func testSectionsInACentredBox() {
        let lines = renderLines(width: 20, height: 10) { buffer, area in
            HelpOverlay(sections: sections).render(in: area, buffer: &buffer)
        }
        assertLines(lines, [
            "",
            "   ┌─ Help ─────┐",
            "   │ Global     │",
            "   │   q   quit │",
            "   │   ?   help │",
            "   │            │",
            "   │ Lists      │",
            "   │   ↑↓  move │",
            "   └────────────┘",
        ])
    }

    func testScrollsWhenTooTall() {
        let area = Rect(x: 0, y: 0, width: 20, height: 6)
        var overlay = HelpOverlay(sections: sections)
        XCTAssertEqual(overlay.visibleRows(in: area), 4)
        XCTAssertEqual(overlay.totalRows(in: area), 6)
        XCTAssertTrue(overlay.state.handle(.end, total: overlay.totalRows(in: area), visibleRows: overlay.visibleRows(in: area)))
        XCTAssertEqual(overlay.state.offset, 2)
        let lines = renderLines(width: 20, height: 6) { buffer, rect in overlay.render(in: rect, buffer: &buffer) }
        assertLines(lines, [
            "   ┌─ H… ─ 6/6 ─┐",
            "   │   ?   help │",
            "   │            │",
            "   │ Lists      │",
            "   │   ↑↓  move │",
            "   └────────────┘",
        ])
    }
}

extension DialogTests {
    func testAChoiceDialogHasOneButtonPerOptionAndCyclesThem() {
        var state = DialogState(kind: .choice(["R Recover", "D Discard", "O Open read-only"]))
        var buffer = ScreenBuffer(size: Size(width: 60, height: 7), filling: Cell("."))
        Dialog(title: "Recover?", message: "Unsaved edits", state: state, maxWidth: 60).render(in: buffer.bounds, buffer: &buffer)
        let row = buffer.lines.first { $0.contains("[ R Recover ]") } ?? ""
        XCTAssertTrue(row.contains("[ R Recover ]  [ D Discard ]  [ O Open read-only ]"), buffer.lines.joined(separator: "\n"))
        XCTAssertNil(state.handle(.right))
        XCTAssertNil(state.handle(.tab))
        XCTAssertEqual(state.button, 2)
        XCTAssertNil(state.handle(.right))
        XCTAssertEqual(state.button, 0, "wraps round")
        XCTAssertNil(state.handle(.left))
        XCTAssertEqual(state.handle(.enter), .chose(2))
        XCTAssertEqual(DialogState(kind: .choice(["A", "B"]), button: 7).button, 1, "clamped to the buttons there are")
    }
}
