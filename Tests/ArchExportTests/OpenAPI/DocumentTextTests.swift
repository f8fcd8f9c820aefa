@testable import ArchExport
import ArchModel
import Foundation
import OpenAPIKit
import XCTest

/// openapi.json and openapi.yaml are written from one tree: OpenAPIKit reads it as the same document it would write,
/// and a YAML reader gets the same values back from the YAML as a JSON reader from the JSON.
final class DocumentTextTests: XCTestCase {
    private let sample = DocumentNode.object([
        ("e", .string("line\nbreak \"q\" \\ \u{1B}[2J")),
        ("a", .array(["yes", "No", "null", "12", "1.5", "x: y", "# c", " lead", "trail ", "é", "ok text", "/v1/a/{id}", "Yes please"].map { .string($0) })),
        ("200", .object([("description", .string("OK"))])),
        ("b", .array([])), ("c", .object([])),
        ("d", .array([.array([.number("1"), .number("2")]), .object([("l", .null), ("k", .bool(true))])])),
        ("n", .array([.number("0"), .number("-1.5e3"), .number("1e5"), .bool(false)])),
    ])

    func testScalarsThatYAMLWouldReadOtherwiseAreQuotedAndTheRestStayPlain() {
        XCTAssertEqual(DocumentText.yaml(sample), #"""
            "200":
              description: OK
            a:
              - "yes"
              - "No"
              - "null"
              - "12"
              - "1.5"
              - "x: y"
              - "# c"
              - " lead"
              - "trail "
              - "é"
              - ok text
              - /v1/a/{id}
              - Yes please
            b: []
            c: {}
            d:
              -
                - 1
                - 2
              - k: true
                l: null
            e: "line\nbreak \"q\" \\ \u001b[2J"
            "n":
              - 0
              - -1.5e+3
              - 1.0e+5
              - false

            """#)
    }

    func testTheJSONIsSortedByBytesAndEscapesControlCharacters() {
        let json = DocumentText.json((DocumentNode.object([("é", .number("1")), ("B", .string("\u{7}")), ("a", .array([])), ("1000", .object([])), ("200", .null)])))
        XCTAssertEqual(json, """
            {
              "1000": {},
              "200": null,
              "B": "\\u0007",
              "a": [],
              "é": 1
            }

            """)
    }

    func testPyYAMLReadsTheSameDocumentAsTheJSON() throws {
        try assertPyYAMLAgrees(sample)
        try assertPyYAMLAgrees(OpenAPIExporter.document(for: OpenAPIFixtures.design(OpenAPIFixtures.hostile())))
    }

    /// OpenAPIKit reads every document as an OpenAPI 3.1 document and its validation finds nothing wrong: every
    /// reference resolves, every operation id is unique, every path parameter is declared. (The bytes themselves are
    /// pinned by the golden, recorded from OpenAPIKit's own encoding before the exporter built the tree itself.)
    func testOpenAPIKitReadsAndValidatesEveryDocument() throws {
        for (name, session) in try OpenAPIFixtures.sessions() {
            let json = DocumentText.json(OpenAPIExporter.document(for: try OpenAPIFixtures.design(session)))
            let document = try JSONDecoder().decode(OpenAPI.Document.self, from: Data(json.utf8))
            XCTAssertNoThrow(try document.validate(), name)
            XCTAssertEqual(document.openAPIVersion, .v3_1_0, name)
            XCTAssertFalse(document.paths.isEmpty, name)
            XCTAssertFalse(document.components.schemas.isEmpty, name)
            XCTAssertEqual(document.allOperationIds.count, Set(document.allOperationIds).count, name)
        }
    }

    func testNumbersAreWrittenAsJSONEncoderWritesThem() throws {
        let numbers = DocumentNode.array([2147483647.0, 1.5, 1e20, -3, .infinity, .nan].map(DocumentNode.number))
        XCTAssertEqual(DocumentText.json(numbers), "[\n  2147483647,\n  1.5,\n  1e+20,\n  -3,\n  1.7976931348623157e+308,\n  0\n]\n")
        XCTAssertEqual(DocumentText.json(.example(.array([.number("12"), .number("12.50"), .number("1e999"), .number("x")]))),
                       "[\n  12,\n  12.5,\n  1.7976931348623157e+308,\n  0\n]\n")
    }

    func testAnObjectIsInKeyOrderAndAKeyGivenTwiceKeepsItsLastValue() {
        XCTAssertEqual(DocumentText.json(.object([("b", .null), ("a", .bool(true)), ("b", .integer(2)), ("c", nil)])),
                       "{\n  \"a\": true,\n  \"b\": 2\n}\n")
    }

    private func assertPyYAMLAgrees(_ node: DocumentNode, file: StaticString = #filePath, line: UInt = #line) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("yaml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try DocumentText.json(node).write(to: folder.appendingPathComponent("a.json"), atomically: true, encoding: .utf8)
        try DocumentText.yaml(node).write(to: folder.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import json,yaml,sys; sys.exit(0 if yaml.safe_load(open('a.yaml')) == json.load(open('a.json')) else 1)"]
        process.currentDirectoryURL = folder
        guard (try? process.run()) != nil else { throw XCTSkip("no python3") }
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "PyYAML reads another document:\n" + DocumentText.yaml(node), file: file, line: line)
    }
}
