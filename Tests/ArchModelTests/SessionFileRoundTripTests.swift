import ArchModel
import XCTest

final class SessionFileRoundTripTests: XCTestCase {
    let catalogue = Catalogue(steps: [MethodStep(id: "s", title: "S", questions: [
        Question(id: "s.text", prompt: "", kind: .text),
        Question(id: "s.number", prompt: "", kind: .number),
        Question(id: "s.choice", prompt: "", kind: .choice, choices: [Choice(value: "yes", label: "Yes"), Choice(value: "no", label: "No")]),
        Question(id: "s.multi", prompt: "", kind: .multiChoice, choices: [Choice(value: "a", label: "A"), Choice(value: "null", label: "N")]),
        Question(id: "s.list", prompt: "", kind: .list),
    ])])

    static let tricky = [
        "Bestellungen 注文 ✓", "yes", "no", "true", "1e3", "null", "~", "", " leading and trailing ",
        "line one\nline two", "trailing newline\n", "it's \"quoted\"", "order; DROP TABLE x", "- dash", "key: value",
        "# not a comment", "@at", "0x1F", "012", "1_000", ".inf", "2026-11-26", "tab\tseparated", "emoji 👩‍💻",
        "\u{7}bell", "{flow}", "[a, b]", "*alias", "&anchor", "!tag", "%directive", "|", ">", "'", "\"",
        // Words the resolver reads as bools or nulls in every spelling it knows (a letter first skips its regexes otherwise).
        "Yes", "YES", "No", "True", "FALSE", "on", "On", "OFF", "Null", "NULL", "Off", "onward", "nullable", "a: b", "x #y", "yes\r",
    ]

    /// The string where a name may be it (`ModelName`); else a name made of it: `n` and its text with control
    /// characters shown (`line one␤line two`), so the trickiness stays.
    static func asName(_ string: String) -> String {
        ModelName.problem(string) == nil ? string : "n" + PlainText.safe(string)
    }

    private func roundTrip(_ session: Session, file: StaticString = #filePath, line: UInt = #line) throws {
        let text = SessionFile.encode(session)
        let decoded = try SessionFile.decode(text, file: "t.yaml", catalogue: catalogue)
        XCTAssertEqual(decoded, session, "decoded differs; text was:\n\(text)", file: file, line: line)
        XCTAssertEqual(SessionFile.encode(decoded), text, file: file, line: line)
    }

    func testTrickyStringsRoundTripInEveryPlace() throws {
        for string in Self.tricky {
            let name = Self.asName(string)
            let entity = Entity(name: name, fields: [Field(name: name, type: .enumeration, pii: true, enumValues: [string, "b"])],
                                relations: [Relation(kind: .hasOne, target: name, name: string, required: false)], service: name)
            let service = Service(name: name, responsibilities: string, calls: [ServiceCall(target: name, style: .async, purpose: string)])
            var session = Session(projectName: string, entities: [entity], services: [service])
            session["s.text"] = .text(string)
            session["s.list"] = .list([string, "plain"])
            try roundTrip(session)
        }
    }

    func testTrickyStringsRoundTripWithoutCatalogue() throws {
        for string in Self.tricky {
            var session = Session(projectName: string)
            session["unknown.text"] = .text(string)
            session["unknown.list"] = .list([string])
            let text = SessionFile.encode(session)
            XCTAssertEqual(try SessionFile.decode(text, file: "t.yaml"), session, text)
        }
    }

    func testEveryKindRoundTrips() throws {
        var session = Session(projectName: "Northwind Shop", entities: [Entity(name: "Order"), Entity(name: "Customer")])
        session["s.text"] = .text("text")
        session["s.number"] = .number(99.95)
        session["s.choice"] = .choice("yes")
        session["s.multi"] = .choices(["a", "null"])
        session["s.list"] = .list([])
        try roundTrip(session)
        for number in [0, 25000, -3, 1e-7, 123456789012, 0.1 + 0.2, 1e20] {
            session["s.number"] = .number(number)
            try roundTrip(session)
        }
        try roundTrip(Session(projectName: "empty"))
    }

    func testLayoutIsStableAndReadable() {
        var session = Session(projectName: "Shop", entities: [Entity(name: "Order")])
        session["s.number"] = .number(25000)
        session["s.choice"] = .choice("yes")
        session["s.list"] = .list(["a", "b"])
        session["s.avail"] = .number(99.95)
        XCTAssertEqual(SessionFile.encode(session), """
        schemaVersion: 2
        projectName: Shop
        answers:
          s.avail: 99.95
          s.choice: 'yes'
          s.list:
          - a
          - b
          s.number: 25000
        entities:
        - name: Order

        """)
        XCTAssertEqual(SessionFile.encode(Session(projectName: "x")), "schemaVersion: 2\nprojectName: x\nanswers: {}\nentities: []\n")
    }

    func testUnknownAnswersAreKeptWithAWarning() throws {
        let text = "schemaVersion: 1\nprojectName: p\nanswers:\n  old.question: 12\n  s.choice: maybe\n"
        let decoded = try SessionFile.decodeReporting(text, file: "p.yaml", catalogue: catalogue)
        XCTAssertEqual(decoded.session["old.question"], .number(12))
        XCTAssertEqual(decoded.session["s.choice"], .choice("maybe"))
        XCTAssertEqual(decoded.warnings.map(\.description), [
            "p.yaml:4:3: warning: answer to unknown question 'old.question' kept as is",
            "p.yaml:5:13: warning: s.choice: 'maybe' is not one of the options: yes, no",
        ])
    }
}
