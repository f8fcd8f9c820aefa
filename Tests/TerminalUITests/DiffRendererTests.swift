import TerminalUI
import TestSupport
import XCTest

final class DiffRendererTests: XCTestCase {
    private let size = Size(width: 30, height: 8)

    /// A small app screen: a pane with a text field, and a status bar.
    private func frame(_ field: TextFieldState) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: size)
        let rows = Layout.split(buffer.bounds, .vertical, [.fill(1), .fixed(1)])
        let inner = Pane(title: "Name", focused: true).render(in: rows[0], buffer: &buffer)
        TextField(state: field, focused: true).render(in: inner, buffer: &buffer)
        StatusBar(hints: [KeyHint("Esc", "back")]).render(in: rows[1], buffer: &buffer)
        return buffer
    }

    private func nonBlankCells(_ buffer: ScreenBuffer) -> Int {
        buffer.cells.filter { !$0.isContinuation && $0 != .blank }.count
    }

    func testFirstFrameClearsAndSendsEverythingNonBlank() {
        let backend = TestBackend(size: size)
        var renderer = DiffRenderer()
        let first = frame(TextFieldState("hello"))
        let sent = renderer.render(first, to: backend)
        XCTAssertEqual(backend.clearCount, 1)
        XCTAssertEqual(sent, nonBlankCells(first))
        XCTAssertGreaterThan(sent, 60)
        XCTAssertEqual(backend.screen, first)
        XCTAssertEqual(backend.cursor?.x, 6)
        XCTAssertEqual(backend.cursor?.y, 1)
    }

    func testTypingOneCharacterSendsOneCell() {
        let backend = TestBackend(size: size)
        var renderer = DiffRenderer()
        var field = TextFieldState("hello")
        renderer.render(frame(field), to: backend)
        _ = field.handle(.character("!"))
        let next = frame(field)
        XCTAssertEqual(renderer.render(next, to: backend), 1)
        XCTAssertEqual(backend.changesPerFlush.last, 1)
        XCTAssertEqual(backend.drawn.last, CellChange(x: 6, y: 1, cell: Cell("!")))
        XCTAssertEqual(backend.clearCount, 1)
        XCTAssertEqual(backend.screen.trimmedLines, next.trimmedLines)
        XCTAssertEqual(backend.cursor?.x, 7)
        // The same frame again sends nothing but still flushes.
        XCTAssertEqual(renderer.render(next, to: backend), 0)
        XCTAssertEqual(backend.changesPerFlush.count, 3)
    }

    func testWideCharactersAreSentWholeNeverAsContinuation() {
        let backend = TestBackend(size: Size(width: 6, height: 1))
        var renderer = DiffRenderer()
        var a = ScreenBuffer(size: Size(width: 6, height: 1))
        a.write("ab", x: 0, y: 0)
        renderer.render(a, to: backend)

        var b = ScreenBuffer(size: a.size)
        b.write("注", x: 0, y: 0)
        XCTAssertEqual(renderer.render(b, to: backend), 1)
        XCTAssertEqual(backend.drawn.last?.cell.grapheme, "注")

        var c = ScreenBuffer(size: a.size)
        c.write("x注", x: 0, y: 0)
        XCTAssertEqual(renderer.render(c, to: backend), 2)
        assertScreen(backend.screen, ["x注"])

        // Only the continuation's style changes: the wide cell itself is sent.
        var d = c
        d.restyle(Rect(x: 2, y: 0, width: 1, height: 1)) { $0.bold = true }
        XCTAssertEqual(renderer.render(d, to: backend), 1)
        XCTAssertEqual(backend.drawn.last?.x, 1)
        XCTAssertEqual(backend.drawn.last?.cell.grapheme, "注")
        XCTAssertFalse(backend.drawn.contains { $0.cell.isContinuation })
    }

    func testResizeClearsAndRedrawsEverything() {
        let backend = TestBackend(size: size)
        var renderer = DiffRenderer()
        renderer.render(frame(TextFieldState("x")), to: backend)
        backend.resize(to: Size(width: 20, height: 4))
        var small = ScreenBuffer(size: backend.size)
        Pane(title: "Small").render(in: small.bounds, buffer: &small)
        let sent = renderer.render(small, to: backend)
        XCTAssertEqual(backend.clearCount, 2)
        XCTAssertEqual(sent, nonBlankCells(small))
        XCTAssertEqual(backend.screen.trimmedLines, small.trimmedLines)
        XCTAssertNil(backend.cursor)
    }

    func testInvalidateForcesAFullRedraw() {
        let backend = TestBackend(size: size)
        var renderer = DiffRenderer()
        let screen = frame(TextFieldState("abc"))
        renderer.render(screen, to: backend)
        renderer.invalidate()
        XCTAssertEqual(renderer.render(screen, to: backend), nonBlankCells(screen))
        XCTAssertEqual(backend.clearCount, 2)
    }

    func testChangesAreOnlyTheDifferingCells() {
        var old = ScreenBuffer(size: Size(width: 5, height: 2))
        old.write("abcde", x: 0, y: 0)
        var new = old
        new.write("X", x: 2, y: 0)
        new.write("Y", x: 4, y: 1)
        XCTAssertEqual(DiffRenderer.changes(from: old, to: new), [
            CellChange(x: 2, y: 0, cell: Cell("X")),
            CellChange(x: 4, y: 1, cell: Cell("Y")),
        ])
    }
}

extension DiffRendererTests {
    /// Frames drawn into the spare buffer (the frame before last) show exactly what fresh buffers would.
    func testFramesDrawnIntoTheSpareBufferAreTheSame() {
        let backend = TestBackend(size: size), fresh = TestBackend(size: size)
        var renderer = DiffRenderer(), reference = DiffRenderer()
        XCTAssertNil(renderer.takeSpare(), "no spare before two frames")
        for text in ["h", "he", "hel", "", "漢字", "hello"] {
            let expected = frame(TextFieldState(text))
            var reused = renderer.takeSpare() ?? ScreenBuffer(size: size)
            reused.reset(size: size)
            for (index, cell) in expected.cells.enumerated() { reused[index % size.width, index / size.width] = cell }
            reused.cursor = expected.cursor
            let sent = renderer.render(reused, to: backend)
            XCTAssertEqual(sent, reference.render(expected, to: fresh), text)
            XCTAssertEqual(backend.screen, fresh.screen, text)
        }
        XCTAssertNotNil(renderer.takeSpare())
        XCTAssertNil(renderer.takeSpare(), "taken once")
    }
}
