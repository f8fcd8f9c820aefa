@testable import TerminalUI
import TestSupport
import XCTest

/// `WrapMeasure` must count exactly the rows `WordWrap.wrap` makes, for any text and width.
final class WrapMeasureTests: XCTestCase {
    func testCountsTheRowsOfWrapping() {
        let line: [Span] = ["The quick brown fox jumps"]
        XCTAssertEqual(WrapMeasure.rows(of: line, width: 10), 3)
        XCTAssertEqual(WrapMeasure.rows(of: ["ab verylongword"], width: 5), 4)
        XCTAssertEqual(WrapMeasure.rows(of: ["注文注文注文"], width: 5), 3)
        XCTAssertEqual(WrapMeasure.rows(of: [], width: 5), 1)
        XCTAssertEqual(WrapMeasure.rows(of: ["anything"], width: 0), 1)
    }

    func testHangingIndentCountsLikeWrapping() {
        let line: [Span] = [Span("    ", .dim), Span("one two three four five six", .bold)]
        XCTAssertEqual(WrapMeasure.rows(of: line, width: 12), WordWrap.wrap(line, width: 12).count)
        XCTAssertEqual(WrapMeasure.rows(of: line, width: 12), 4)
    }

    func testOneMeasureServesManyLines() {
        var measure = WrapMeasure(width: 8)
        let lines: [[Span]] = [["  a long line of words here"], ["short"], ["x verylongwordindeed"], [], ["  注文 注文注文注文"]]
        for line in lines {
            XCTAssertEqual(measure.rows(of: line), WordWrap.wrap(line, width: 8).count, line.plainText)
        }
    }

    func testPiecesMeasureLikeOneSpan() {
        var measure = WrapMeasure(width: 9)
        measure.append("    ")
        measure.append("{\"id\": \"abc\", \"total\": 12}")
        XCTAssertEqual(measure.finishLine(), WordWrap.wrap(["    {\"id\": \"abc\", \"total\": 12}"], width: 9).count)
    }

    /// Random lines from characters that stress every rule: spaces and tabs, wide and zero-width
    /// characters, combining marks, emoji sequences, line feeds, CR LF, no-break and ideographic spaces,
    /// control characters, and the symbols read scalar by scalar.
    func testAgreesWithWordWrapOnRandomLines() {
        let pieces = ["a", "bc", "defgh", "ijklmnopqrstu", " ", "  ", "    ", "\t", "注", "文字", "é", "e\u{301}", "👍",
                      "👍🏽", "👨‍👩‍👧", "\u{200B}", "\n", "\r\n", "\r", "\u{00A0}", "\u{3000}", "-", "\u{7F}", "\u{301}x", "→ ",
                      "·", " — ", "✗", "▌", "…", "‼", "☀\u{FE0F}", "\u{E9}", "\u{1}", "x\u{7}y"]
        var random = TestRandom(seed: 42)
        var measure = WrapMeasure(width: 1)
        for round in 0..<20_000 {
            var line: [Span] = []
            for _ in 0..<random.next(below: 5) {
                let text = (0..<random.next(below: 9)).map { _ in pieces[random.next(below: pieces.count)] }.joined()
                line.append(Span(text, random.next(below: 2) == 0 ? .plain : .bold))
            }
            let width = random.next(below: 32)
            let expected = WordWrap.wrap(line, width: width).count
            XCTAssertEqual(WrapMeasure.rows(of: line, width: width), expected, "round \(round): \(line) at \(width)")
            if measure.width != width { measure = WrapMeasure(width: width) }
            XCTAssertEqual(measure.rows(of: line), expected, "reused, round \(round)")
            for span in line { // as slices of a longer string
                let padded = "\n" + span.text + "\u{0}" // controls: never part of a neighbour's character
                measure.append(padded.dropFirst().dropLast())
            }
            XCTAssertEqual(measure.finishLine(), expected, "substrings, round \(round)")
            let text = line.plainText
            XCTAssertEqual(DisplayWidth.of(text), text.reduce(0) { $0 + DisplayWidth.of($1) }, "round \(round)")
        }
    }

    /// Long lines of words and spaces, as most design text is, at every width up to 40, cut into spans
    /// at random places: the row-by-row shortcut for plain ASCII must agree with `WordWrap` too.
    func testAgreesWithWordWrapOnLongPlainLines() {
        var random = TestRandom(seed: 7)
        var measure = WrapMeasure(width: 1)
        for round in 0..<5_000 {
            var text = String(repeating: " ", count: [0, 0, 2, 4, 30][random.next(below: 5)])
            for _ in 0..<random.next(below: 40) {
                text += String(repeating: "x", count: 1 + random.next(below: random.next(below: 4) == 0 ? 50 : 9))
                text += [" ", " ", " ", "  ", "   ", " · ", "\t", " → "][random.next(below: 8)]
            }
            var line: [Span] = []
            var rest = Substring(text)
            while !rest.isEmpty {
                let cut = rest.index(rest.startIndex, offsetBy: min(rest.count, 1 + random.next(below: 120)))
                line.append(Span(String(rest[..<cut])))
                rest = rest[cut...]
            }
            let width = 1 + random.next(below: 40)
            if measure.width != width { measure = WrapMeasure(width: width) }
            XCTAssertEqual(measure.rows(of: line), WordWrap.wrap(line, width: width).count, "round \(round): \(text.debugDescription) at \(width)")
        }
    }

    func testMeasuresRandomBlocksAfterRandomIndents() {
        let pieces = ["word", "  ", "\"id\": 1,", "\n", "\n", "é", "\u{301}x", "\u{600}1", "→", "\r\n", "\t", "注文", "xxxxxxxxxxxxxxxx"]
        let indents = ["", "  ", "    ", "→ ", "\u{600}", "e", "\r", "\t"]
        var random = TestRandom(seed: 11)
        for round in 0..<3_000 {
            let text = (0..<random.next(below: 20)).map { _ in pieces[random.next(below: pieces.count)] }.joined()
            let indent = indents[random.next(below: indents.count)]
            let width = 1 + random.next(below: 30)
            var measure = WrapMeasure(width: width)
            let expected = text.split(separator: "\n", omittingEmptySubsequences: false)
                .reduce(0) { $0 + WordWrap.wrap([Span(indent + $1)], width: width).count }
            XCTAssertEqual(measure.rows(ofLines: text, indent: indent), expected, "round \(round): \(text.debugDescription) after \(indent.debugDescription) at \(width)")
        }
    }

    func testMeasuresLinesOfABlockAfterAnIndent() {
        let text = "{\n  \"id\": \"0a1b2c3d-0000-4000-8000-000000000001\",\n  \"note\": \"a café → ok\"\n}\n\n\u{301}x\r\nz"
        for width in 1...40 {
            var measure = WrapMeasure(width: width)
            let expected = text.split(separator: "\n", omittingEmptySubsequences: false)
                .reduce(0) { $0 + WordWrap.wrap([Span("    " + $1)], width: width).count }
            XCTAssertEqual(measure.rows(ofLines: text, indent: "    "), expected, "width \(width)")
            let withoutCR = text.replacingOccurrences(of: "\r", with: "")
            let expectedWithoutCR = withoutCR.split(separator: "\n", omittingEmptySubsequences: false)
                .reduce(0) { $0 + WordWrap.wrap([Span("    " + $1)], width: width).count }
            XCTAssertEqual(measure.rows(ofLines: withoutCR, indent: "    "), expectedWithoutCR, "width \(width), no CR")
        }
    }
}

/// SplitMix64, so the random lines are the same on every run.
struct TestRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next(below bound: Int) -> Int {
        guard bound > 0 else { return 0 }
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}

/// The word-at-a-time searches must find what a byte-by-byte search finds.
final class ByteScanTests: XCTestCase {
    func testAgreesWithSearchingByteByByte() {
        var random = TestRandom(seed: 3)
        let alphabet: [UInt8] = [0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x41, 0x7E, 0x7F, 0x80, 0xC3, 0xFF]
        for _ in 0..<5_000 {
            let count = random.next(below: 40)
            let bytes = (0..<count).map { _ in random.next(below: 3) == 0 ? alphabet[random.next(below: alphabet.count)] : 0x61 }
            let start = random.next(below: count + 1)
            bytes.withUnsafeBufferPointer { buffer in
                XCTAssertEqual(ByteScan.firstIndex(of: 0x0A, in: buffer, from: start),
                               bytes[start...].firstIndex(of: 0x0A) ?? count, "\(bytes) from \(start)")
                XCTAssertEqual(ByteScan.firstNonPrintable(in: buffer, from: start),
                               bytes[start...].firstIndex { $0 < 0x20 || $0 >= 0x7F } ?? count, "\(bytes) from \(start)")
                XCTAssertEqual(ByteScan.containsNonASCII(buffer, or: 0x0D), bytes.contains { $0 >= 0x80 || $0 == 0x0D }, "\(bytes)")
            }
        }
    }
}
