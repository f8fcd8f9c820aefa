@testable import ArchExport
import ArchModel
import Foundation
import OpenAPIKit
import XCTest

/// openapi.json and openapi.yaml are written from one tree: the tree holds what JSONEncoder would write, and a YAML
/// reader gets the same values back from the YAML as a JSON reader from the JSON.
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
        XCTAssertEqual(DocumentText.yaml(DocumentText.sorted(sample)), #"""
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
        let json = DocumentText.json(DocumentText.sorted(.object([("é", .number("1")), ("B", .string("\u{7}")), ("a", .array([])), ("1000", .object([])), ("200", .null)])))
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
        try assertPyYAMLAgrees(DocumentText.sorted(sample))
        try assertPyYAMLAgrees(OpenAPIExporter.tree(of: OpenAPIExporter.document(for: OpenAPIFixtures.design(OpenAPIFixtures.hostile()))))
    }

    /// The tree holds what Foundation's JSONEncoder writes of the same document, for every shipped session.
    func testTheTreeHoldsWhatJSONEncoderWrites() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for (name, session) in try OpenAPIFixtures.sessions() {
            let document = OpenAPIExporter.document(for: try OpenAPIFixtures.design(session))
            let ours = try JSONSerialization.jsonObject(with: Data(DocumentText.json(OpenAPIExporter.tree(of: document)).utf8))
            let foundation = try JSONSerialization.jsonObject(with: encoder.encode(document))
            XCTAssertTrue((ours as? NSDictionary)?.isEqual(foundation) == true, "\(name): the tree differs from JSONEncoder's document")
        }
    }

    func testNumbersAreWrittenAsJSONEncoderWritesThem() throws {
        XCTAssertEqual(DocumentText.json(try DocumentTree.encode([2147483647.0, 1.5, 1e20, -3])), "[\n  2147483647,\n  1.5,\n  1e+20,\n  -3\n]\n")
        XCTAssertThrowsError(try DocumentTree.encode([Double.nan]))
        XCTAssertEqual(DocumentText.json(try DocumentTree.encode(["u": URL(string: "https://a.example/x?y=1")!])), "{\n  \"u\": \"https://a.example/x?y=1\"\n}\n")
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
