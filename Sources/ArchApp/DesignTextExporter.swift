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
            output += sections.plainText(for: tab).lazy.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false) }
                .map { trimmingTrailingSpaces(PlainText.safe(String($0))) }
            if tabs.count > 1 { output.append("") }
        }
        return output.joined(separator: "\n") + "\n"
    }

    static func trimmingTrailingSpaces(_ line: String) -> String {
        var copy = line
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}

/// Every export format archtui has: those of ArchExport and the plain text of the design pane.
public enum AppExport {
    public static let export = Export(exporters: Export.standardExporters + [DesignTextExporter()])
}
