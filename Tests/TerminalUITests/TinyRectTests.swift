import TerminalUI
import TestSupport
import XCTest

/// Widgets must survive any rect: empty, one cell, or partly outside the buffer.
final class TinyRectTests: XCTestCase {
    func testEveryWidgetDrawsIntoTinyAndOffscreenRectsWithoutCrashing() {
        let rects = [
            Rect(x: 0, y: 0, width: 0, height: 0), Rect(x: 0, y: 0, width: 1, height: 1),
            Rect(x: 0, y: 0, width: 3, height: 2), Rect(x: 2, y: 1, width: 10, height: 10),
            Rect(x: -3, y: -2, width: 6, height: 5),
        ]
        let help = [HelpSection("Global", [KeyHint("q", "quit")])]
        for rect in rects {
            var buffer = ScreenBuffer(size: Size(width: 4, height: 3))
            Pane(title: "Title", info: "1/2", focused: true).render(in: rect, buffer: &buffer)
            ListView(["注文", "b", "c", "d"], state: ListState(selected: 3)).render(in: rect, buffer: &buffer)
            TextView(text: "注文 wrap me please").render(in: rect, buffer: &buffer)
            TextField(state: TextFieldState("注文abc"), focused: true).render(in: rect, buffer: &buffer)
            TextArea(state: TextAreaState("a\n注文\nc"), focused: true).render(in: rect, buffer: &buffer)
            ChoiceList(options: ["x", "y"], state: ChoiceState(mode: .multiple)).render(in: rect, buffer: &buffer)
            Tabs(titles: ["One", "Two"]).render(in: rect, buffer: &buffer)
            StatusBar(hints: [KeyHint("q", "quit")], message: "hi").render(in: rect, buffer: &buffer)
            Dialog(title: "Q", message: "Sure?", state: DialogState(kind: .confirm)).render(in: rect, buffer: &buffer)
            HelpOverlay(sections: help).render(in: rect, buffer: &buffer)
            XCTAssertEqual(buffer.size, Size(width: 4, height: 3))
            XCTAssertFalse(buffer.cells.enumerated().contains { index, cell in
                cell.isContinuation && (index % 4 == 0 || buffer.cells[index - 1].width != 2)
            }, "orphan continuation after drawing into \(rect)")
        }
    }
}
