import ArchModel
import XCTest

final class SessionFileDecodeErrorTests: XCTestCase {
    let catalogue = Catalogue(steps: [MethodStep(id: "s", title: "S", questions: [
        Question(id: "s.peak", prompt: "", kind: .integer),
        Question(id: "s.list", prompt: "", kind: .list),
    ])])

    private func failure(_ text: String) -> SessionFileError? {
        do {
            _ = try SessionFile.decode(text, file: "shop.yaml", catalogue: catalogue)
            return nil
        } catch {
            return error
        }
    }

    func testSyntaxErrorHasPosition() {
        let error = failure("schemaVersion: 1\nprojectName: [unclosed\nanswers: {}\n")
        XCTAssertEqual(error?.reason, .syntax)
        XCTAssertEqual(error.map { "\($0.file):\($0.line)" }, "shop.yaml:3")
        XCTAssertTrue(error?.description.hasPrefix("shop.yaml:3:") ?? false, error?.description ?? "")
    }

    func testDuplicateKeyIsASyntaxError() {
        let error = failure("schemaVersion: 1\nprojectName: a\nprojectName: b\n")
        XCTAssertEqual(error?.reason, .syntax)
        XCTAssertEqual(error?.description, "shop.yaml:3:1: duplicate key 'projectName' in the same mapping: already at line 2")
        // Nested, quoted, after a sibling mapping with the same key at the same column.
        let nested = failure("schemaVersion: 1\nprojectName: a\nanswers:\n  s.peak: 1\n  # note\n  's.peak': 2\nentities: []\n")
        XCTAssertEqual(nested?.description, "shop.yaml:6:3: duplicate key 's.peak' in the same mapping: already at line 4")
    }

    func testVersionProblems() {
        XCTAssertEqual(failure("projectName: a\n")?.description, "shop.yaml:1:1: missing key 'schemaVersion' (this archtui writes 2)")
        XCTAssertEqual(failure("")?.reason, .missingSchemaVersion)
        let newer = failure("projectName: a\nschemaVersion: 7\nfuture: {}\n")
        XCTAssertEqual(newer?.reason, .newerSchemaVersion(7))
        XCTAssertEqual(newer?.description, "shop.yaml:2:16: schemaVersion 7 is newer than this archtui supports (2); update archtui to open this file")
        XCTAssertEqual(failure("schemaVersion: 0\nprojectName: a\n")?.reason, .unsupportedSchemaVersion(0))
        XCTAssertEqual(failure("schemaVersion: 'one'\nprojectName: a\n")?.description, "shop.yaml:1:16: schemaVersion must be a whole number, found 'one'")
    }

    func testWrongTypesAndKeys() {
        XCTAssertEqual(failure("- a\n")?.description,
                       "shop.yaml:1:1: expected a session (a mapping with schemaVersion, projectName, answers, entities, services, systems, flows, endpoints), found a list")
        XCTAssertEqual(failure("schemaVersion: 1\n")?.description, "shop.yaml:1:1: missing key 'projectName' in the session")
        XCTAssertEqual(failure("schemaVersion: 1\nprojectName: a\nanswer: {}\n")?.description,
                       "shop.yaml:3:1: unknown key 'answer' in the session; expected one of schemaVersion, projectName, answers, entities, services, systems, flows, endpoints")
        XCTAssertEqual(failure("schemaVersion: 1\nprojectName: a\nanswers:\n  s.peak: lots\n")?.description,
                       "shop.yaml:4:11: expected the answer to s.peak as a number, found 'lots'")
        XCTAssertEqual(failure("schemaVersion: 1\nprojectName: a\nanswers:\n  s.list: one\n")?.description,
                       "shop.yaml:4:11: expected the answer to s.list as a list, found 'one'")
        XCTAssertEqual(failure("schemaVersion: 1\nprojectName: a\nentities:\n- Order\n")?.description,
                       "shop.yaml:4:3: expected an entity as a mapping of keys to values, found 'Order'")
        XCTAssertEqual(failure("schemaVersion: 1\nprojectName: a\nentities:\n- {name: A, field: []}\n")?.description,
                       "shop.yaml:4:13: unknown key 'field' in an entity; expected one of name, description, service, fields, relations")
        XCTAssertEqual(failure("schemaVersion: 1\nprojectName: a\nentities: {}\n")?.reason, .invalid)
    }
}
