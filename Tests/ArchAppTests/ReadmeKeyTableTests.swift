import ArchApp
import Foundation
import XCTest

/// The README's key table must say exactly what the `?` help overlay says.
final class ReadmeKeyTableTests: XCTestCase {
    /// The Markdown the README must contain, generated from `KeyHelp`.
    static var expectedTable: String {
        var lines: [String] = []
        for section in KeyHelp.sections {
            lines.append("**\(section.title)**")
            lines.append("")
            lines.append("| key | action |")
            lines.append("| --- | --- |")
            for row in section.rows {
                lines.append("| `\(row.key)` | \(row.description) |")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    func testReadmeKeyTableMatchesTheHelpOverlay() throws {
        let readme = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        XCTAssertTrue(text.contains(Self.expectedTable),
                      "README.md's key table differs from KeyHelp; it should contain:\n\n\(Self.expectedTable)")
    }
}
