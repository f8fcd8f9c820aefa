import CNCurses
import NCursesBackend
import TerminalUI
import XCTest

/// Bracketed paste: `ESC[200~ text ESC[201~` arrives from ncurses as plain codes and must come out as
/// one `.paste`, never as keys.
final class KeyDecoderPasteTests: XCTestCase {
    private let size = Size(width: 80, height: 24)

    /// Feeds characters (as `wget_wch` returns them, one by one) and collects the events.
    private func feed(_ text: String, into decoder: inout KeyDecoder) -> [TerminalEvent] {
        text.unicodeScalars.flatMap { decoder.feed(code: Int32($0.value), isKeyCode: false, currentSize: self.size) }
    }

    private func decode(_ text: String) -> [TerminalEvent] {
        var decoder = KeyDecoder()
        let events = feed(text, into: &decoder)
        XCTAssertFalse(decoder.isHolding, "decoder still holds codes after \(text.debugDescription)")
        return events
    }

    func testAPasteIsOneEventWithItsTextAndNoKeys() {
        XCTAssertEqual(decode("\u{1B}[200~qd x\u{1B}[201~"), [.key(.paste("qd x"))])
    }

    func testKeysAroundAPasteStayKeys() {
        XCTAssertEqual(decode("a\u{1B}[200~注文 ✓\u{1B}[201~b"),
                       [.key(.character("a")), .key(.paste("注文 ✓")), .key(.character("b"))])
    }

    func testLineBreaksOfAnyKindBecomeNewlines() {
        XCTAssertEqual(decode("\u{1B}[200~one\rtwo\r\nthree\nfour\u{1B}[201~"), [.key(.paste("one\ntwo\nthree\nfour"))])
    }

    func testAnEscapeInsideThePasteThatIsNotTheEndIsText() {
        XCTAssertEqual(decode("\u{1B}[200~a\u{1B}[20x\u{1B}\u{1B}[201~"), [.key(.paste("a\u{1B}[20x\u{1B}"))])
    }

    func testEscapeThatOpensNoPasteIsHeldThenGivenBackAsKeys() {
        var decoder = KeyDecoder()
        XCTAssertEqual(feed("\u{1B}", into: &decoder), [], "an Esc may open a paste: held")
        XCTAssertTrue(decoder.isHolding)
        XCTAssertEqual(decoder.flush(), [.key(.escape)], "nothing followed: it was Esc")
        XCTAssertFalse(decoder.isHolding)
        XCTAssertEqual(feed("\u{1B}[2x", into: &decoder),
                       [.key(.escape), .key(.character("[")), .key(.character("2")), .key(.character("x"))])
        XCTAssertEqual(feed("\u{1B}\u{1B}", into: &decoder), [.key(.escape)], "the second Esc is held in turn")
        XCTAssertEqual(decoder.flush(), [.key(.escape)])
    }

    func testAKeyCodeAfterEscapeEndsTheHold() {
        var decoder = KeyDecoder()
        _ = feed("\u{1B}", into: &decoder)
        XCTAssertEqual(decoder.feed(code: KEY_UP, isKeyCode: true, currentSize: size), [.key(.escape), .key(.up)])
    }

    func testAPasteWithoutItsEndEndsWhenNothingMoreComes() {
        var decoder = KeyDecoder()
        XCTAssertEqual(feed("\u{1B}[200~half\u{1B}[2", into: &decoder), [])
        XCTAssertTrue(decoder.isPasting)
        XCTAssertEqual(decoder.flush(), [.key(.paste("half\u{1B}[2"))])
        XCTAssertFalse(decoder.isHolding)
    }

    func testAResizeDuringAPasteIsReportedAndThePasteGoesOn() {
        var decoder = KeyDecoder()
        _ = feed("\u{1B}[200~ab", into: &decoder)
        XCTAssertEqual(decoder.feed(code: KEY_RESIZE, isKeyCode: true, currentSize: size), [.resize(size)])
        XCTAssertEqual(feed("c\u{1B}[201~", into: &decoder), [.key(.paste("abc"))])
    }

    func testALongPasteIsOneEvent() {
        let text = String(repeating: "lorem ipsum q d ", count: 700)
        XCTAssertEqual(decode("\u{1B}[200~" + text + "\u{1B}[201~"), [.key(.paste(text))])
    }
}
