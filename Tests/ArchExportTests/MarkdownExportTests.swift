@testable import ArchExport
import ArchModel
import ArchRules
import Foundation
import XCTest

/// design.md: valid Markdown whose links and anchors resolve, Mermaid blocks that render, deterministic.
final class MarkdownExportTests: XCTestCase {
    private func export(_ input: ExportInput, formats: [ExportFormat]) throws -> [ExportFile] {
        try Export(exporters: Export.standardExporters).files(for: input, formats: formats).map(\.0)
    }

    func testDesignMdOfEverySessionPassesMarkdownAndMermaid() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("markdown-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var documents: [URL] = []
        for (name, input) in try ExportSessions.all() {
            let formats = Export(exporters: Export.standardExporters).formats
            let files = try export(input, formats: formats)
            XCTAssertEqual(files, try export(input, formats: formats), "exporting twice gives the same files: \(name)")
            let written = try ExportSessions.write(files, under: root.appendingPathComponent(name))
            documents += written.filter { $0.lastPathComponent == "design.md" }
            let design = try XCTUnwrap(files.first { $0.path.description == "design.md" }).contents
            XCTAssertEqual(design.components(separatedBy: "```mermaid").count - 1, DiagramFiles(input.design).entries.count, name)
            for file in files where file.path.description.hasSuffix(".mmd") {
                XCTAssertTrue(design.contains("```mermaid\n" + file.contents + "```"), "design.md embeds \(file.path)")
            }
        }
        XCTAssertEqual(documents.count, 8)
        let markdown = try ExportSessions.validate("validate-markdown", [], files: documents)
        XCTAssertEqual(markdown.status, 0, markdown.output)
        let mermaid = try ExportSessions.validate("validate-mermaid", ["--no-render"], files: documents)
        XCTAssertEqual(mermaid.status, 0, mermaid.output)
    }

    func testLinksOnlyToFormatsThatAreExported() throws {
        let input = try ExportSessions.input(try Demo.session(), name: "demo-shop")
        let alone = try export(input, formats: [.markdown])[0].contents
        XCTAssertFalse(alone.contains("](diagrams/"))
        XCTAssertFalse(alone.contains("](adr/"))
        let together = try export(input, formats: [.markdown, .mermaid, .adr])
        let design = try XCTUnwrap(together.first { $0.path.description == "design.md" }).contents
        XCTAssertTrue(design.contains("](diagrams/containers.mmd)"))
        XCTAssertFalse(design.contains(".puml)"))
        XCTAssertTrue(design.contains("](adr/0001-"))
    }

    func testHostileNamesCannotBreakTablesOrInjectHTML() throws {
        let input = try ExportSessions.input(try ExportSessions.hostile(), name: "hostile-docs")
        let design = try MarkdownExporter().files(for: input)[0].contents
        XCTAssertFalse(design.contains("<script>"))
        XCTAssertFalse(design.contains("\u{1B}"))
        for line in design.split(separator: "\n") where line.hasPrefix("| ") && !line.hasPrefix("| ---") {
            let cells = line.replacingOccurrences(of: "\\|", with: "").split(separator: "|", omittingEmptySubsequences: false)
            XCTAssertTrue(cells.count >= 3, String(line))
        }
    }

    func testTheDemoDesignMdMatchesItsGolden() throws {
        let input = try ExportSessions.input(try Demo.session(), name: "demo-shop")
        let files = try export(input, formats: Export(exporters: Export.standardExporters).formats)
        try ExportSessions.golden("demo-shop", "design.md", try XCTUnwrap(files.first { $0.path.description == "design.md" }).contents)
    }

    /// The byte-level escape of printable ASCII gives what the scalar-by-scalar one gives, on random text made of
    /// the characters that matter (markup, `_` at and inside words, spaces at the edges).
    func testTheASCIIEscapeIsTheScalarEscape() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ab9_ _|<>`*[]~&\\()#-+.!".unicodeScalars)
        for _ in 0..<5_000 {
            let text = String(String.UnicodeScalarView((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
            XCTAssertEqual(MarkdownEscape.printableASCII(text), MarkdownEscape.scalarByScalar(text), text)
        }
        XCTAssertEqual(MarkdownEscape.inline(" order_item _x_ a|b "), "order_item \\_x\\_ a\\|b")
    }
}
