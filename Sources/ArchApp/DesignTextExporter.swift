import ArchExport
import ArchModel

/// The design as plain text, tab by tab, exactly as the design pane shows it: what `archtui render` prints,
/// what `design.txt` of an export holds and what the design goldens compare. One code path for all three.
public struct DesignTextExporter: Exporter {
    public init() {}
    public var format: ExportFormat { .text }

    public func files(for input: ExportInput) throws -> [ExportFile] {
        [ExportFile("design.txt", Self.text(design: input.design, session: input.session, catalogue: input.catalogue))]
    }

    /// The tabs' text, each under an `== Title ==` heading when there is more than one; trailing spaces trimmed and
    /// control characters of user text shown, not obeyed (`PlainText.safe`).
    public static func text(design: Design, session: Session, catalogue: Catalogue, tabs: [DesignTab] = DesignTab.allCases) -> String {
        let sections = DesignSections(design: design, session: session, catalogue: catalogue)
        var output: [String] = []
        for tab in tabs {
            if tabs.count > 1 { output += ["== \(tab.title) ==", ""] }
            // Line by line (a section's item may span lines), so only what a line holds itself is made safe.
            for text in sections.plainText(for: tab) { lines(of: text, into: &output) }
            if tabs.count > 1 { output.append("") }
        }
        return output.joined(separator: "\n") + "\n"
    }

    /// The lines of `text`, each made safe and without trailing spaces, appended to `output`. Split on the UTF-8
    /// bytes (a Character-by-Character split was half of a large design's text): at every line feed that does not
    /// end a CR LF, which is one Character and stays inside its line, as a split on Characters would keep it.
    static func lines(of text: String, into output: inout [String]) {
        let bytes = text.utf8
        var start = bytes.startIndex
        var previous: UInt8 = 0
        var index = start
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n"), previous != UInt8(ascii: "\r") {
                output.append(line(bytes[start..<index]))
                start = bytes.index(after: index)
            }
            previous = byte
            index = bytes.index(after: index)
        }
        output.append(line(bytes[start..<bytes.endIndex]))
    }

    private static func line(_ bytes: Substring.UTF8View) -> String {
        var end = bytes.endIndex
        while end != bytes.startIndex, bytes[bytes.index(before: end)] == UInt8(ascii: " ") { end = bytes.index(before: end) }
        // Trimmed before it is made safe: `safe` shows invisible characters and never ends a line in a space.
        return PlainText.safe(String(Substring(bytes[bytes.startIndex..<end])))
    }
}

/// Every export format archtui has: those of ArchExport and the plain text of the design pane.
public enum AppExport {
    public static let export = Export(exporters: Export.standardExporters + [DesignTextExporter()])
}
