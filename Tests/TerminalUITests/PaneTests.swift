import TerminalUI
import TestSupport
import XCTest

final class PaneTests: XCTestCase {
    func testBorderTitleAndInner() {
        var inner = Rect(x: 0, y: 0, width: 0, height: 0)
        let lines = renderLines(width: 16, height: 4) { buffer, area in
            inner = Pane(title: "Services").render(in: area, buffer: &buffer)
        }
        assertLines(lines, [
            "┌─ Services ───┐",
            "│              │",
            "│              │",
            "└──────────────┘",
        ])
        XCTAssertEqual(inner, Rect(x: 1, y: 1, width: 14, height: 2))
        XCTAssertEqual(Pane.inner(Rect(x: 0, y: 0, width: 16, height: 4)), inner)
    }

    func testLongTitleIsTruncatedAndInfoRightAligned() {
        let lines = renderLines(width: 20, height: 3) { buffer, area in
            Pane(title: "Services", info: "3/12").render(in: area, buffer: &buffer)
        }
        assertLines(lines, [
            "┌─ Servic… ─ 3/12 ─┐",
            "│                  │",
            "└──────────────────┘",
        ])
    }

    func testFocusedBorderIsCyanBoldUnfocusedDim() {
        let focused = renderBuffer(width: 10, height: 3) { buffer, area in
            Pane(title: "A", focused: true).render(in: area, buffer: &buffer)
        }
        let unfocused = renderBuffer(width: 10, height: 3) { buffer, area in
            Pane(title: "A").render(in: area, buffer: &buffer)
        }
        XCTAssertEqual(focused[0, 0].style, Style(foreground: .cyan, bold: true))
        XCTAssertEqual(focused[9, 1].style, Style(foreground: .cyan, bold: true))
        XCTAssertEqual(unfocused[0, 0].style, .dim)
        XCTAssertEqual(unfocused[0, 2].style, .dim)
        XCTAssertEqual(focused.trimmedLines, unfocused.trimmedLines)
    }

    func testPaneClearsItsInsideAndKeepsOutside() {
        var buffer = ScreenBuffer(size: Size(width: 8, height: 4), filling: Cell("#"))
        Pane().render(in: Rect(x: 1, y: 0, width: 5, height: 3), buffer: &buffer)
        assertScreen(buffer, [
            "#┌───┐##",
            "#│   │##",
            "#└───┘##",
            "########",
        ])
    }

    func testTooSmallRectDrawsNothing() {
        let lines = renderLines(width: 5, height: 3) { buffer, _ in
            Pane(title: "x").render(in: Rect(x: 0, y: 0, width: 1, height: 3), buffer: &buffer)
        }
        assertLines(lines, [])
    }
}
