import TerminalUI
import TestSupport
import XCTest

final class ScreenBufferTests: XCTestCase {
    private func buffer(_ width: Int, _ height: Int = 1) -> ScreenBuffer {
        ScreenBuffer(size: Size(width: width, height: height))
    }

    /// Every continuation cell has a wide grapheme on its left, and every wide grapheme a continuation on its right.
    private func assertNoHalfCharacters(_ buffer: ScreenBuffer, file: StaticString = #filePath, line: UInt = #line) {
        for y in 0..<buffer.size.height {
            for x in 0..<buffer.size.width {
                let cell = buffer[x, y]
                if cell.isContinuation {
                    XCTAssertTrue(x > 0 && buffer[x - 1, y].width == 2, "orphan continuation at \(x),\(y)", file: file, line: line)
                }
                if cell.width == 2 {
                    XCTAssertTrue(x + 1 < buffer.size.width && buffer[x + 1, y].isContinuation,
                                  "wide cell without continuation at \(x),\(y)", file: file, line: line)
                }
            }
        }
    }

    func testWideCharacterTakesTwoCells() {
        var screen = buffer(5)
        let used = screen.write("a注b", x: 0, y: 0)
        XCTAssertEqual(used, 4)
        XCTAssertEqual(screen[1, 0].grapheme, "注")
        XCTAssertEqual(screen[1, 0].width, 2)
        XCTAssertTrue(screen[2, 0].isContinuation)
        XCTAssertEqual(screen[3, 0].grapheme, "b")
        assertScreen(screen, ["a注b"])
    }

    func testWideCharacterAtRightClipEdgeIsNotHalved() {
        var screen = buffer(4)
        screen.write("ab注", x: 1, y: 0)
        assertScreen(screen, [" ab"])
        XCTAssertEqual(screen[3, 0], .blank)
        assertNoHalfCharacters(screen)
    }

    func testWideCharacterAtLeftEdgeIsSkippedWhole() {
        var screen = buffer(4)
        screen.write("注ab", x: -1, y: 0)
        assertScreen(screen, [" ab"])
        assertNoHalfCharacters(screen)
    }

    func testClipRectCutsText() {
        var screen = buffer(6)
        screen.write("hello", x: 0, y: 0, clip: Rect(x: 1, y: 0, width: 3, height: 1))
        assertScreen(screen, [" ell"])
        var other = buffer(6, 2)
        other.write("hello", x: 0, y: 1, clip: Rect(x: 0, y: 0, width: 6, height: 1))
        assertScreen(other, ["", ""])
    }

    func testOverwritingEitherHalfOfAWideCharacterBlanksTheOther() {
        var right = buffer(3)
        right.write("注", x: 0, y: 0)
        right.write("x", x: 1, y: 0)
        assertScreen(right, [" x"])
        assertNoHalfCharacters(right)

        var left = buffer(3)
        left.write("注", x: 1, y: 0)
        left.write("y", x: 1, y: 0)
        assertScreen(left, [" y"])
        assertNoHalfCharacters(left)
    }

    func testFillOverHalfAWideCharacterLeavesNoOrphan() {
        var screen = buffer(4)
        screen.write("注文", x: 0, y: 0)
        screen.fill(Rect(x: 1, y: 0, width: 2, height: 1), with: "-")
        assertScreen(screen, [" -- "])
        assertNoHalfCharacters(screen)
    }

    func testStyledSpansAndRestyle() {
        var screen = buffer(10)
        screen.write([Span("ab", .bold), Span("cd", .dim)], x: 1, y: 0)
        XCTAssertEqual(styles(screen, row: 0, from: 1, count: 4), [.bold, .bold, .dim, .dim])
        screen.restyle(Rect(x: 0, y: 0, width: 2, height: 1)) { $0.reverse = true }
        XCTAssertTrue(screen[1, 0].style.reverse && screen[1, 0].style.bold)
        XCTAssertFalse(screen[2, 0].style.reverse)
        assertScreen(screen, [" abcd"])
    }
}

extension ScreenBufferTests {
    /// Printable ASCII takes a path of its own (a cell per byte); it must draw exactly what the general path draws.
    /// A zero-width space (a grapheme of its own, no cell) appended sends the same text down the general path.
    func testTheASCIIPathDrawsWhatTheGeneralPathDraws() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let length = Int.random(in: 0...14, using: &generator)
            let text = String((0..<length).map { _ in Character(Unicode.Scalar(UInt8.random(in: 0x20..<0x7F, using: &generator))) })
            let x = Int.random(in: -3...12, using: &generator)
            let clip = Rect(x: Int.random(in: 0...5, using: &generator), y: 0, width: Int.random(in: 0...12, using: &generator), height: 2)
            var base = ScreenBuffer(size: Size(width: 12, height: 2))
            base.write("漢字漢字漢字", x: 0, y: 0) // wide graphemes the text may cut in half
            var fast = base, general = base
            let used = fast.write(text, x: x, y: 0, style: Style(bold: true), clip: clip)
            let generalUsed = general.write(text + "\u{200B}", x: x, y: 0, style: Style(bold: true), clip: clip)
            XCTAssertEqual(fast, general, "\(text) at \(x) in \(clip)")
            XCTAssertEqual(used, generalUsed, text)
        }
    }
}

extension ScreenBufferTests {
    /// A frame drawn into last frame but one's buffer starts exactly as a new one: blank, no cursor, the new size.
    func testResetIsANewBuffer() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 2))
        buffer.write("漢字ab", x: 0, y: 1, style: Style(bold: true))
        buffer.cursor = (2, 1)
        buffer.reset(size: Size(width: 6, height: 2))
        XCTAssertEqual(buffer, ScreenBuffer(size: Size(width: 6, height: 2)))
        buffer.write("x", x: 0, y: 0)
        buffer.reset(size: Size(width: 3, height: 4))
        XCTAssertEqual(buffer, ScreenBuffer(size: Size(width: 3, height: 4)))
    }
}
