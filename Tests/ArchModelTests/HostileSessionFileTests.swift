import ArchModel
import XCTest

/// Session files written to hurt: aliases that expand without limit, numbers that trap a conversion, names that
/// carry terminal escapes or nothing at all. Each gets a located error (the command exits 65), never a crash, a
/// hang or gigabytes of memory.
final class HostileSessionFileTests: XCTestCase {
    private let catalogue = Catalogue(steps: [MethodStep(id: "s", title: "S", questions: [
        Question(id: "s.peak", prompt: "Peak", kind: .integer, unit: "req/s", validation: Validation(minimum: 1, maximum: 1_000_000)),
        Question(id: "s.list", prompt: "List", kind: .list),
    ])])

    private func failure(_ text: String) -> String? {
        do {
            _ = try SessionFile.decode(text, file: "h.yaml", catalogue: catalogue)
            return nil
        } catch {
            return error.description
        }
    }

    // MARK: Aliases

    func testAnAliasIsALocatedError() {
        let error = failure("schemaVersion: 2\nprojectName: &name Shop\nanswers:\n  s.list: [*name]\n")
        XCTAssertEqual(error?.hasPrefix("h.yaml:4:12: '*name' is a YAML alias"), true, error ?? "no error")
    }

    /// "Billion laughs": ten levels of ten aliases each would be 10^10 strings once expanded.
    func testAliasesOfAliasesAreRefusedAtOnceWithoutExpanding() {
        var text = "schemaVersion: 2\nprojectName: x\nanswers:\n  a0: &a0 [\"" + String(repeating: "lol", count: 1000) + "\"]\n"
        for level in 1...10 {
            text += "  a\(level): &a\(level) [" + (0..<10).map { _ in "*a\(level - 1)" }.joined(separator: ", ") + "]\n"
        }
        let started = Date()
        let error = failure(text)
        XCTAssertEqual(error?.contains("'*a0' is a YAML alias"), true, error ?? "no error")
        XCTAssertEqual(error?.hasPrefix("h.yaml:5:"), true, error ?? "no error")
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "refusing must not expand the aliases")
    }

    func testAStarInTextIsNoAlias() throws {
        let text = """
            schemaVersion: 2
            projectName: "*star* & co"
            answers:
              s.list:
                - 'a *b'
                - "*c"
                - >
                  *d folded
            # *e in a comment
            """
        let session = try SessionFile.decode(text + "\n", file: "h.yaml", catalogue: catalogue)
        XCTAssertEqual(session.projectName, "*star* & co")
        XCTAssertEqual(session["s.list"], .list(["a *b", "*c", "*d folded\n"]))
    }

    // MARK: Numbers

    func testNumbersAreDecimalAndFinite() {
        for bad in ["0x7fffffffffffffff", "0x1p3", "0o17", "inf", "-.inf", ".nan", "nan", "1e400", "1.2.3", "1e", "e5", "+", "."] {
            let error = failure("schemaVersion: 2\nprojectName: x\nanswers:\n  s.peak: \(bad)\n")
            XCTAssertEqual(error, "h.yaml:4:11: expected the answer to s.peak as a number, found '\(bad)'", bad)
        }
        for good in ["25000", "25_000", "-3", "+4", "1.5", ".5", "5.", "1e3", "2.5E-2"] {
            XCTAssertNil(failure("schemaVersion: 2\nprojectName: x\nanswers:\n  s.peak: \(good)\n"), good)
        }
    }

    /// Out of range is kept as written (nothing the user wrote is lost) with a located warning; the design does not
    /// use it (see `AnswerScreenTests`).
    func testAnOutOfRangeAnswerIsKeptWithAWarning() throws {
        let decoded = try SessionFile.decodeReporting("schemaVersion: 2\nprojectName: x\nanswers:\n  s.peak: 9.3e18\n", file: "h.yaml", catalogue: catalogue)
        XCTAssertEqual(decoded.session["s.peak"], .number(9.3e18))
        XCTAssertEqual(decoded.warnings.map(\.description), ["h.yaml:4:11: warning: s.peak: must be between 1 and 1000000 req/s"])
    }

    func testNumberFormatNeverTrapsAndStaysReadable() {
        XCTAssertEqual(NumberFormat.plain(9.3e18), "9.3e+18")
        XCTAssertEqual(NumberFormat.plain(1e-300), "1e-300")
        XCTAssertEqual(NumberFormat.plain(.infinity), "inf")
        XCTAssertEqual(NumberFormat.count(9.3e18), Int.max)
        XCTAssertEqual(NumberFormat.count(-.infinity), Int.min)
        XCTAssertEqual(NumberFormat.count(.nan), 0)
        XCTAssertEqual(NumberFormat.count(41.9), 41)
    }

    // MARK: Names

    func testNamesFollowTheRulesOfTheForms() {
        let cases: [(String, String)] = [
            ("''", "the entity name: a name is needed"),
            ("'   '", "the entity name: a name needs at least one letter or digit"),
            ("\"\\u200B\"", "the entity name: a name cannot hold control characters (it has U+200B)"),
            ("\"Order\\e]52;c;aGk=\\a\"", "the entity name: a name cannot hold control characters (it has U+001B)"),
            ("\"Line\\nbreak\"", "the entity name: a name cannot hold control characters (it has U+000A)"),
            (String(repeating: "a", count: 129), "the entity name: at most 128 characters (this is 129)"),
        ]
        for (name, message) in cases {
            let error = failure("schemaVersion: 2\nprojectName: x\nentities:\n  - name: \(name)\n")
            XCTAssertEqual(error, "h.yaml:4:11: " + message, name)
        }
        XCTAssertNil(failure("schemaVersion: 2\nprojectName: x\nentities:\n  - name: " + String(repeating: "é", count: 128) + "\n"))
        let field = failure("schemaVersion: 2\nprojectName: x\nentities:\n  - name: Order\n    fields:\n      - {name: \"\\t\", type: string}\n")
        XCTAssertEqual(field, "h.yaml:6:16: the field name: a name cannot hold control characters (it has U+0009)")
    }

    func testNamesThatNormaliseAlikeAreOneName() {
        let error = failure("schemaVersion: 2\nprojectName: x\nentities:\n  - name: OrderItem\n  - name: order_item\n")
        XCTAssertEqual(error, "h.yaml:5:11: duplicate entity name 'order_item': already used at line 4 (names compare ignoring case and separators)")
    }

    // MARK: Output

    func testControlCharactersAreShownNotObeyed() {
        XCTAssertEqual(PlainText.safe("plain text"), "plain text")
        XCTAssertEqual(PlainText.safe("a\u{1B}[2Jb"), "a␛[2Jb")
        XCTAssertEqual(PlainText.safe("\u{1B}]52;c;aGk=\u{07}"), "␛]52;c;aGk=␇")
        XCTAssertEqual(PlainText.safe("one\ntwo\rthree\u{7F}"), "one␤two␍three␡")
        XCTAssertEqual(PlainText.safe("evil\u{202E}txt.exe é"), "evil<U+202E>txt.exe é")
        XCTAssertEqual(PlainText.safe("\u{9B}2J"), "<U+9B>2J")
    }
}

/// A file that is not UTF-8 is malformed (65) with the position of the first bad byte, not unreadable (66).
final class NonUTF8SessionFileTests: XCTestCase {
    func testTheFirstBadByteIsLocated() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("utf8-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("latin1.archtui.yaml").path
        var bytes = Array("schemaVersion: 2\nprojectName: Caf".utf8)
        bytes += [0xE9] + Array(" Lumière\n".utf8)  // é in Latin-1
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try SessionStore.load(path: path, catalogue: nil)) { error in
            guard case .invalid(let problem)? = error as? SessionStoreError else { return XCTFail("\(error)") }
            XCTAssertEqual(problem.description, "\(path):2:17: not UTF-8 text: byte 0xE9 starts no character here; save the file as UTF-8")
        }
    }
}
