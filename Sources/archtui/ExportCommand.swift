import ArchApp
import ArchExport
import ArchModel
import ArchRules
import ArgumentParser
import Foundation

/// `archtui export FILE --out DIR [--format LIST] [--force]`: the design as files their tools accept.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the design derived from a session file as files (Markdown, OpenAPI, SQL, diagrams, …).",
        discussion: """
            Formats: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")); also sql (the three dialects), \
            diagrams (Mermaid and PlantUML) and all (the default). The folder is written atomically; files archtui \
            did not write there are kept, and never overwritten unless --force. See docs/export.md.
            """
    )

    @Argument(help: "The session file.", completion: .file(extensions: ["yaml"]))
    var file: String

    @Option(name: .long, help: ArgumentHelp("The folder to write (made when missing).", valueName: "DIR"), completion: .directory)
    var out: String

    @Option(name: .long, help: ArgumentHelp("A comma-separated list of formats.", valueName: "LIST"))
    var format: String = "all"

    @Flag(help: "Overwrite files in the folder that archtui did not write or that were changed since.")
    var force = false

    @OptionGroup var rules: RuleOptions

    func validate() throws {
        do { _ = try ExportFormat.parseList(format) } catch { throw ValidationError("\(error)") }
    }

    func run() throws {
        let formats = try ExportFormat.parseList(format)
        let (session, builder, text) = try loadForScript(file, rules: rules)
        // The copy is the file as it was read: its comments and layout are the user's.
        let input = ExportInput(design: builder.build(session), session: session, catalogue: builder.catalogue,
                                sessionFileText: text,
                                sessionFileName: URL(fileURLWithPath: file).lastPathComponent)
        do {
            let result = try AppExport.export.write(input, formats: formats, to: out, force: force)
            print("Wrote \(result.files.count) files to \(out):")
            for path in result.files { print("  " + path) }
            if !result.kept.isEmpty {
                print("Kept \(result.kept.count) file\(result.kept.count == 1 ? "" : "s") archtui did not write: " + result.kept.joined(separator: ", "))
            }
        } catch let error as ExportError {
            throw CommandFailure(code: 73, message: "\(error)")
        }
    }
}
