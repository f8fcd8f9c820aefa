@testable import ArchApp
import ArchModel
import XCTest

/// The plain text's lines are split on UTF-8 bytes: the same lines a split on Characters gives (a CR LF is one
/// Character, so it stays inside its line and is shown), each without trailing spaces and with invisible characters
/// shown.
final class DesignTextLinesTests: XCTestCase {
    private func lines(_ text: String) -> [String] {
        var output: [String] = []
        DesignTextExporter.lines(of: text, into: &output)
        return output
    }

    func testLinesAreTheLinesACharacterSplitGivesTrimmedAndMadeSafe() {
        XCTAssertEqual(lines("a  \nb\n\nc "), ["a", "b", "", "c"])
        XCTAssertEqual(lines(""), [""])
        XCTAssertEqual(lines("\n"), ["", ""])
        XCTAssertEqual(lines("x\r\ny"), ["x␍␤y"])
        XCTAssertEqual(lines("é \u{7} \nñ\u{301}  "), ["é ␇", "ñ\u{301}"])
        XCTAssertEqual(lines("a\n\u{301}b"), ["a", "\u{301}b"])
    }

    func testRandomTextSplitsAsCharactersWould() {
        let alphabet: [String] = ["a", " ", "\n", "\r", "\r\n", "é", "\u{301}", "\u{7}", "日", "  "]
        var random = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...20, using: &random)).map { _ in alphabet.randomElement(using: &random)! }.joined()
            let expected = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                var safe = PlainText.safe(String(line))
                while safe.last == " " { safe.removeLast() }
                return safe
            }
            XCTAssertEqual(lines(text), expected, text.debugDescription)
        }
    }
}
