import CNCurses
import NCursesBackend
import TerminalUI
import XCTest

final class KeyDecoderTests: XCTestCase {
    private let size = Size(width: 80, height: 24)

    private func character(_ code: Int32) -> TerminalEvent? {
        KeyDecoder.decode(code: code, isKeyCode: false, currentSize: size)
    }

    private func keyCode(_ code: Int32) -> TerminalEvent? {
        KeyDecoder.decode(code: code, isKeyCode: true, currentSize: size)
    }

    func testControlCharactersInRawMode() {
        XCTAssertEqual(character(9), .key(.tab))
        XCTAssertEqual(character(13), .key(.enter), "Enter arrives as 13 with nonl()")
        XCTAssertEqual(character(10), .key(.enter))
        XCTAssertEqual(character(127), .key(.backspace))
        XCTAssertEqual(character(8), .key(.backspace))
        XCTAssertEqual(character(27), .key(.escape))
        XCTAssertEqual(character(3), .key(.ctrl("c")))
        XCTAssertEqual(character(19), .key(.ctrl("s")))
        XCTAssertEqual(character(26), .key(.ctrl("z")))
        XCTAssertNil(character(0))
        XCTAssertNil(character(28))
    }

    func testPrintableAndWideCharacters() {
        XCTAssertEqual(character(0x61), .key(.character("a")))
        XCTAssertEqual(character(0x6CE8), .key(.character("注")))
        XCTAssertEqual(character(0x2713), .key(.character("✓")))
        XCTAssertNil(character(0x85), "C1 controls are dropped")
    }

    func testFunctionAndNavigationKeys() {
        XCTAssertEqual(keyCode(KEY_UP), .key(.up))
        XCTAssertEqual(keyCode(KEY_DOWN), .key(.down))
        XCTAssertEqual(keyCode(KEY_BTAB), .key(.backTab))
        XCTAssertEqual(keyCode(KEY_DC), .key(.delete))
        XCTAssertEqual(keyCode(KEY_HOME), .key(.home))
        XCTAssertEqual(keyCode(KEY_END), .key(.end))
        XCTAssertEqual(keyCode(KEY_NPAGE), .key(.pageDown))
        XCTAssertEqual(keyCode(KEY_BACKSPACE), .key(.backspace))
        XCTAssertEqual(keyCode(KEY_F0 + 1), .key(.function(1)))
        XCTAssertNil(keyCode(KEY_MOUSE))
    }

    func testResizeReportsTheCurrentSize() {
        XCTAssertEqual(keyCode(KEY_RESIZE), .resize(size))
    }
}
