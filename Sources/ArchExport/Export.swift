import ArchModel
import Foundation

/// An export: the exporters of the chosen formats run on one input, and their files written together.
public struct Export: Sendable {
    public var exporters: [any Exporter]

    /// - Parameter exporters: one per format; those of other targets (the plain text comes from the app's
    ///   design pane) are passed in with these.
    public init(exporters: [any Exporter]) { self.exporters = exporters }

    /// The exporters in ArchExport itself.
    public static let standardExporters: [any Exporter] = [
        SessionCopyExporter(), OpenAPIExporter(), PostgresExporter(), MySQLExporter(), SQLiteExporter(), DBMLExporter(),
        MermaidExporter(), PlantUMLExporter(), ADRExporter(), StructurizrExporter(), MarkdownExporter(),
    ]

    /// The formats there is an exporter for.
    public var formats: [ExportFormat] { exporters.map(\.format).sorted() }

    /// The files of `formats`, in format order. The formats are made side by side on every core; `progress` hears
    /// of each as it is finished, with how many are done, one call at a time.
    public func files(for input: ExportInput, formats: [ExportFormat],
                      progress: @Sendable (ExportFormat, Int, Int) -> Void = { _, _, _ in }) throws -> [(ExportFile, ExportFormat)] {
        let chosen = exporters.filter { formats.contains($0.format) }.sorted { $0.format < $1.format }
        var chosenInput = input
        chosenInput.formats = chosen.map(\.format)
        let input = chosenInput
        let results = ConcurrentResults<[ExportFile]>(count: chosen.count)
        // Tasks on the global queue, not a `concurrentPerform`: one nested inside another runs on one thread, and the
        // OpenAPI exporter spreads its own encoding over every core.
        withoutActuallyEscaping(progress) { progress in  // the tasks are waited for here
            let group = DispatchGroup()
            // The longest first, so the last one to finish does not start when the others are done.
            let order = chosen.indices.sorted { Self.rank(chosen[$0].format) < Self.rank(chosen[$1].format) }
            for index in order {
                let exporter = chosen[index]
                DispatchQueue.global().async(group: group) {
                    results.set(index, Result { try exporter.files(for: input) }) { progress(exporter.format, $0, chosen.count) }
                }
            }
            group.wait()
        }
        return try zip(chosen, results.values).flatMap { exporter, result in try result.get().map { ($0, exporter.format) } }
    }

    /// The formats by the work they take on a large design, most first (issue 8's benchmark); the others after.
    static let longestFirst: [ExportFormat] = [.openapi, .text, .markdown, .postgres, .mysql, .sqlite, .plantuml, .dbml]

    private static func rank(_ format: ExportFormat) -> Int { longestFirst.firstIndex(of: format) ?? longestFirst.count }

    /// Makes the files of `formats` and writes them into `folder` (see `ExportWriter`).
    public func write(_ input: ExportInput, formats: [ExportFormat], to folder: String, force: Bool = false,
                      progress: @Sendable (ExportFormat, Int, Int) -> Void = { _, _, _ in }) throws -> ExportWriter.Result {
        let missing = formats.filter { format in !exporters.contains { $0.format == format } }
        if let first = missing.first { throw ExportError.unknownFormat(first.rawValue) }
        let files = try files(for: input, formats: formats, progress: progress)
        let manifest = ExportManifest(project: input.design.projectName, formats: formats, files: files)
        return try ExportWriter(force: force).write(files, manifest: manifest, to: folder)
    }
}

/// A copy of the session file, so the export says what it was made from.
public struct SessionCopyExporter: Exporter {
    public init() {}
    public var format: ExportFormat { .session }

    public func files(for input: ExportInput) throws -> [ExportFile] {
        let name = input.sessionFileName
        let safe = ExportPath(components: [name]) != nil && name.hasSuffix(".yaml") ? name : FileName.slug(name.replacingOccurrences(of: ".archtui.yaml", with: "")) + ".archtui.yaml"
        return [ExportFile(safe, input.sessionFileText)]
    }
}
