@testable import ArchExport
import ArchModel
import ArchRules
import Foundation
import XCTest

/// The sessions the document and diagram exporters are checked on: the demo, the samples and a hostile one.
enum ExportSessions {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    static func input(_ session: Session, name: String) throws -> ExportInput {
        let builder = try DesignBuilder.standard()
        return ExportInput(design: try builder.build(session), session: session, catalogue: builder.catalogue,
                           sessionFileText: SessionFile.encode(session), sessionFileName: name + ".archtui.yaml")
    }

    static func hostile() throws -> Session {
        let url = folder.appendingPathComponent("Sessions/hostile-docs.archtui.yaml")
        return try SessionFile.decode(String(contentsOf: url, encoding: .utf8), file: url.path,
                                      catalogue: try DesignBuilder.standard().catalogue)
    }

    static func all() throws -> [(name: String, input: ExportInput)] {
        var sessions = [("demo-shop", try Demo.session())] + (try SampleSessions.all()).map { ($0.name, $0.session) }
        sessions.append(("hostile-docs", try hostile()))
        return try sessions.map { ($0.0, try input($0.1, name: $0.0)) }
    }

    /// Writes `files` under `root/name/` and returns their URLs.
    static func write(_ files: [ExportFile], under root: URL) throws -> [URL] {
        try files.map { file in
            let url = root.appendingPathComponent(file.path.description)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.contents.write(to: url, atomically: true, encoding: .utf8)
            return url
        }
    }

    /// Runs one of `../shared/tools/validators` over `files`; skips when the validator is not installed.
    static func validate(_ tool: String, _ arguments: [String], files: [URL]) throws -> (status: Int32, output: String) {
        let validator = folder.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("../shared/tools/validators/\(tool)").standardized
        guard FileManager.default.isExecutableFile(atPath: validator.path) else {
            throw XCTSkip("\(tool) is not installed at \(validator.path)")
        }
        let process = Process()
        process.executableURL = validator
        process.arguments = arguments + files.map(\.path)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func golden(_ session: String, _ path: String, _ actual: String) throws {
        let url = folder.appendingPathComponent("Goldens/\(session)/\(path)")
        if ProcessInfo.processInfo.environment["ARCHTUI_RECORD_GOLDENS"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(actual, expected, "\(path) differs from its golden; re-record with ARCHTUI_RECORD_GOLDENS=1 after reading the diff")
    }
}

/// Mermaid and PlantUML: valid for the real tools on every session, deterministic, names escaped.
final class DiagramExportTests: XCTestCase {
    private func diagrams() throws -> [(name: String, files: [ExportFile])] {
        try ExportSessions.all().map { ($0.name, try MermaidExporter().files(for: $0.input) + PlantUMLExporter().files(for: $0.input)) }
    }

    func testEveryDiagramOfEverySessionPassesMermaidAndPlantUML() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("diagram-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var written: [URL] = []
        for (name, files) in try diagrams() {
            written += try ExportSessions.write(files, under: root.appendingPathComponent(name))
        }
        let mermaid = written.filter { $0.pathExtension == "mmd" }
        let plantuml = written.filter { $0.pathExtension == "puml" }
        XCTAssertGreaterThan(mermaid.count, 20)
        XCTAssertEqual(mermaid.count, plantuml.count)
        let mermaidResult = try ExportSessions.validate("validate-mermaid", ["--no-render"], files: mermaid)
        XCTAssertEqual(mermaidResult.status, 0, mermaidResult.output)
        let plantumlResult = try ExportSessions.validate("validate-plantuml", ["-o", root.appendingPathComponent("png").path], files: plantuml)
        XCTAssertEqual(plantumlResult.status, 0, plantumlResult.output)
    }

    func testExportingTwiceGivesTheSameFiles() throws {
        let first = try diagrams()
        let second = try diagrams()
        XCTAssertEqual(first.map(\.files), second.map(\.files))
    }

    /// No user text reaches a diagram unescaped: the hostile names show up only as character references.
    func testHostileNamesAreEscaped() throws {
        let input = try ExportSessions.input(try ExportSessions.hostile(), name: "hostile-docs")
        let files = try MermaidExporter().files(for: input) + PlantUMLExporter().files(for: input)
        for file in files {
            XCTAssertFalse(file.contents.contains("DROP TABLE x\""), file.path.description)
            XCTAssertFalse(file.contents.contains("<script>"), file.path.description)
            XCTAssertFalse(file.contents.contains("\u{1B}"), file.path.description)
            XCTAssertFalse(file.contents.contains("%%{"), file.path.description)
            XCTAssertFalse(file.contents.contains("%date()"), file.path.description)
        }
        let containers = try XCTUnwrap(files.first { $0.path.description == "diagrams/containers.mmd" })
        XCTAssertTrue(containers.contents.contains("#34;quoted#34; #93;"), containers.contents)
        XCTAssertTrue(containers.contents.contains("Люди #123;x#125;"), containers.contents)
        let sequences = files.filter { $0.path.description.hasPrefix("diagrams/sequence-place-order") }
        XCTAssertEqual(Set(sequences.map(\.path.description)).count, 4, "two flows whose titles slug alike get distinct files")
    }

    func testBackslashesAndDollarsNeverReachPlantUMLsRegexReplacement() {
        // PlantUML 1.2020 fails on &#92; and &#36; ("character to be escaped is missing", "Illegal group reference").
        let escaped = PlantUMLDiagrams.escaped(#"C:\temp $HOME $1"#)
        XCTAssertFalse(escaped.contains("&#92;") || escaped.contains("&#36;") || escaped.contains("\\") || escaped.contains("$"), escaped)
        XCTAssertTrue(escaped.contains("&#10741;") && escaped.contains("&#65284;"), escaped)
    }

    func testTheDemoDiagramsMatchTheirGoldens() throws {
        let input = try ExportSessions.input(try Demo.session(), name: "demo-shop")
        let mermaid = try MermaidExporter().files(for: input)
        let plantuml = try PlantUMLExporter().files(for: input)
        try ExportSessions.golden("demo-shop", "diagrams/containers.mmd", try XCTUnwrap(mermaid.first { $0.path.description == "diagrams/containers.mmd" }).contents)
        try ExportSessions.golden("demo-shop", "diagrams/er.puml", try XCTUnwrap(plantuml.first { $0.path.description == "diagrams/er.puml" }).contents)
    }
}
