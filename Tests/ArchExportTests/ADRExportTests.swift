@testable import ArchExport
import ArchModel
import ArchRules
import Foundation
import XCTest

/// MADR records: one per decision, listed by adr-tools, valid Markdown, deterministic, names escaped.
final class ADRExportTests: XCTestCase {
    func testEveryDecisionHasARecordThatAdrListFindsAndMarkdownAccepts() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("adr-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var written: [URL] = []
        for (name, input) in try ExportSessions.all() {
            let files = try ADRExporter().files(for: input)
            XCTAssertEqual(files.count, input.design.decisions.count, name)
            XCTAssertEqual(files, try ADRExporter().files(for: input), "exporting twice gives the same files")
            let folder = root.appendingPathComponent(name)
            written += try ExportSessions.write(files, under: folder)
            try "adr\n".write(to: folder.appendingPathComponent(".adr-dir"), atomically: true, encoding: .utf8)
            let listed = try adrList(in: folder)
            XCTAssertEqual(listed, files.map(\.path.description).sorted(), name)
        }
        let result = try ExportSessions.validate("validate-markdown", [], files: written)
        XCTAssertEqual(result.status, 0, result.output)
    }

    func testARecordHasTheMADRSectionsAndTheAlternativesAsOptions() throws {
        let input = try ExportSessions.input(try Demo.session(), name: "demo-shop")
        let files = try ADRExporter().files(for: input)
        let decision = try XCTUnwrap(input.design.decisions.first { !$0.alternatives.isEmpty })
        let index = try XCTUnwrap(input.design.decisions.firstIndex(of: decision))
        let text = files[index].contents
        XCTAssertTrue(files[index].path.description.hasPrefix(String(format: "adr/%04d-", index + 1)))
        for heading in ["## Context and Problem Statement", "## Decision Drivers", "## Considered Options",
                        "## Decision Outcome", "### Consequences", "## Pros and Cons of the Options"] {
            XCTAssertTrue(text.contains("\n" + heading + "\n"), heading)
        }
        XCTAssertTrue(text.hasPrefix("---\nstatus: accepted\n---\n"))
        for alternative in decision.alternatives {
            XCTAssertTrue(text.contains("\n* \(MarkdownEscape.inline(alternative.choice))\n"), "considered option \(alternative.choice)")
            XCTAssertTrue(text.contains("\n### \(MarkdownEscape.inline(alternative.choice))\n"), "pros and cons of \(alternative.choice)")
        }
        try ExportSessions.golden("demo-shop", files[0].path.description, files[0].contents)
    }

    func testHostileTextCannotOpenMarkup() {
        XCTAssertEqual(MarkdownEscape.inline("a|b <script> `x` [l](u)\u{1B}[31m\nz"), "a\\|b \\<script\\> \\`x\\` \\[l\\](u) \\[31m z")
        XCTAssertEqual(MarkdownEscape.inline("modular_monolith _lead trail_ *x* (as preferred)"),
                       "modular_monolith \\_lead trail\\_ \\*x\\* (as preferred)", "underscores inside words and parentheses stay")
    }

    private func adrList(in folder: URL) throws -> [String] {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/adr") else { throw XCTSkip("adr-tools is not installed (/usr/bin/adr)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/adr")
        process.arguments = ["list"]
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
