@testable import ArchExport
import Foundation
import XCTest

/// openapi.yaml is written from openapi.json: whatever the JSON holds, a YAML reader gets the same values back.
final class YAMLFromJSONTests: XCTestCase {
    func testScalarsThatYAMLWouldReadOtherwiseAreQuotedAndTheRestStayPlain() {
        let json = ##"{"200": {"description": "OK"}, "a": ["yes", "No", "null", "12", "1.5", "x: y", "# c", " lead", "trail ", "é", "ok text"], "b": [], "c": {}, "d": [[1, 2], {"k": true, "l": null}], "e": "line\nbreak \"q\" \\"}"##
        let yaml = YAMLFromJSON.convert(json)
        XCTAssertEqual(yaml, """
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
            b: []
            c: {}
            d:
              -
                - 1
                - 2
              - k: true
                l: null
            e: "line\\nbreak \\"q\\" \\\\"

            """)
    }

    func testPyYAMLReadsTheSameDocumentAsTheJSON() throws {
        let json = #"{"openapi": "3.1.0", "paths": {"/v1/orders/{orderId}": {"get": {"responses": {"404": {"description": "order; DROP TABLE x -- <script>"}}}}}, "n": [0, -1.5e3, false]}"#
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("yaml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try json.write(to: folder.appendingPathComponent("a.json"), atomically: true, encoding: .utf8)
        try YAMLFromJSON.convert(json).write(to: folder.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import json,yaml,sys; sys.exit(0 if yaml.safe_load(open('a.yaml')) == json.load(open('a.json')) else 1)"]
        process.currentDirectoryURL = folder
        guard (try? process.run()) != nil else { throw XCTSkip("no python3") }
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "PyYAML reads another document:\n" + YAMLFromJSON.convert(json))
    }
}
