import ArchApp
import ArchModel
import ArchRules
import ArgumentParser
import Foundation

/// `archtui render FILE [--section NAME]`: the design as text on stdout, the same as the design pane.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print the design derived from a session file (no terminal needed).",
        discussion: "Sections: " + DesignTab.allCases.map(\.title).joined(separator: ", ") + "."
    )

    @Argument(help: "The session file.", completion: .file(extensions: ["yaml"]))
    var file: String

    @Option(help: ArgumentHelp("Print only this section.", valueName: "NAME"))
    var section: String?

    @OptionGroup var rules: RuleOptions

    func validate() throws {
        if let section, DesignTab(name: section) == nil {
            throw ValidationError("unknown section '\(section)'; expected one of " + DesignTab.allCases.map(\.title).joined(separator: ", "))
        }
    }

    func run() throws {
        let (session, builder, _) = try loadForScript(file, rules: rules)
        let tabs = section.flatMap(DesignTab.init(name:)).map { [$0] } ?? DesignTab.allCases
        print(DesignTextExporter.text(design: builder.build(session), session: session, catalogue: builder.catalogue, tabs: tabs),
              terminator: "")
    }
}

/// `archtui check FILE`: the findings; exit status 1 when any has severity error.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Print the design's findings; exit 1 when any is an error (for CI)."
    )

    @Argument(help: "The session file.", completion: .file(extensions: ["yaml"]))
    var file: String

    @OptionGroup var rules: RuleOptions

    func run() throws {
        let (session, builder, _) = try loadForScript(file, rules: rules)
        let findings = builder.build(session).findings
        for finding in findings {
            let subject = finding.subject.isEmpty ? "" : " (\(finding.subject))"
            // One line per finding whatever its text holds: control characters are shown, not obeyed.
            print(PlainText.safe("\(file): \(finding.severity.rawValue): \(finding.title)\(subject) [\(finding.id)]"))
            if !finding.fix.isEmpty { print(PlainText.safe("  fix: \(finding.fix)")) }
        }
        let count = { (severity: Severity) in findings.filter { $0.severity == severity }.count }
        func counted(_ severity: Severity, _ noun: String) -> String { "\(count(severity)) \(noun)\(count(severity) == 1 ? "" : "s")" }
        print([counted(.error, "error"), counted(.warning, "warning"), counted(.info, "note")].joined(separator: ", "))
        if count(.error) > 0 { throw ExitCode(1) }
    }
}

/// `archtui rules [ID]`: list the loaded rules, or explain one.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules (built-in, ~/.config/archtui/rules, --rules DIR), or explain one."
    )

    @Argument(help: "A rule id to explain.")
    var id: String?

    @OptionGroup var rules: RuleOptions

    func run() throws {
        let (_, loaded) = try rules.load()
        guard let id else {
            loaded.list().forEach { print($0) }
            print("\(loaded.rules.count) rules")
            return
        }
        guard let text = loaded.explain(id: id) else {
            throw CommandFailure(code: 64, message: "no rule '\(id)'; `archtui rules` lists them")
        }
        print(text)
    }
}

/// Loads a session for a script command: a missing file is an error here, not a new session.
/// The session in `file`, the builder of `rules`, and the file's text as read; warnings go to standard error.
func loadForScript(_ file: String, rules: RuleOptions) throws -> (Session, DesignBuilder, text: String) {
    let builder = try rules.designBuilder()
    guard let opened = try SessionFiles(catalogue: builder.catalogue).open(file) else {
        throw CommandFailure(code: 66, message: "\(file): no such file")
    }
    for warning in opened.warnings {
        FileHandle.standardError.write(Data("\(PlainText.safe(warning))\n".utf8))
    }
    return (opened.session, builder, opened.text)
}
