import ArchApp
import ArchModel
import ArchRules
import ArgumentParser
import Foundation
import NCursesBackend
import TerminalUI

/// `archtui`: the interactive design assistant, and the script-friendly `render`, `check` and `rules`.
@main
struct ArchtuiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archtui",
        abstract: "A keyboard-first design assistant for backend architecture.",
        discussion: """
            `archtui [FILE]` opens FILE (a session file; created when missing, after asking for the project's name). Without FILE it offers a new session, the session files (*.archtui.yaml) in the current directory, and the built-in demo; `archtui --demo` opens the demo directly, on a scratch copy. Press ? inside for every key. `archtui open --help` lists the options of the terminal UI (--demo, --rules DIR).

            Exit codes: 0 done, 1 `check` found an error, 64 wrong usage, 69 no usable terminal, 65 a session or rule file is malformed, 66 a file cannot be read, 70 a built-in resource is broken, 74 a file could not be written.
            """,
        version: ArchtuiVersion.current,
        subcommands: [OpenCommand.self, RenderCommand.self, CheckCommand.self, ExportCommand.self, RulesCommand.self],
        defaultSubcommand: OpenCommand.self
    )

    /// Runs the command, turning a `CommandFailure` into its message and exit code.
    static func main() {
        do {
            // The TUI's usual command lines skip ArgumentParser, whose reflection was a tenth of the time to the first frame.
            if let launch = TUILaunch(plainArguments: Array(CommandLine.arguments.dropFirst())) {
                return try launch.run()
            }
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            // A message may quote the file (a name with ESC in it); its own lines stay lines.
            let message = failure.message.split(separator: "\n", omittingEmptySubsequences: false).map { PlainText.safe(String($0)) }.joined(separator: "\n")
            FileHandle.standardError.write(Data("archtui: \(message)\n".utf8))
            Foundation.exit(failure.code)
        } catch let error as NCursesError {
            // 69 (EX_UNAVAILABLE): not the usage (64) and not `check`'s "found an error" (1).
            FileHandle.standardError.write(Data("archtui: \(error)\n".utf8))
            Foundation.exit(69)
        } catch {
            exit(withError: error)
        }
    }

}

/// `archtui open [FILE]` (the default): the TUI.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open (or create) a session in the terminal UI; the default command."
    )

    @Argument(help: "The session file to open or create.", completion: .file(extensions: ["yaml"]))
    var file: String?

    @Flag(help: "Open the built-in demo session (an e-commerce shop) on a scratch copy; nothing of yours is touched.")
    var demo = false

    @OptionGroup var rules: RuleOptions

    func validate() throws {
        if demo, file != nil { throw ValidationError("--demo opens the built-in demo; give either --demo or FILE, not both.") }
    }

    func run() throws {
        try TUILaunch(file: file, demo: demo, rules: rules.sources).run()
    }
}

/// Starting the TUI, from `archtui open`'s options or straight from a plain command line.
struct TUILaunch {
    let file: String?
    let demo: Bool
    let rules: RuleSources

    init(file: String?, demo: Bool, rules: RuleSources) {
        self.file = file
        self.demo = demo
        self.rules = rules
    }

    /// `archtui`, `archtui --demo` and `archtui FILE` (FILE not an option or a subcommand's name); nil for anything
    /// else, which ArgumentParser reads (and explains when it is wrong).
    init?(plainArguments arguments: [String]) {
        let subcommands = Set(ArchtuiCommand.configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"])
        switch arguments.count {
        case 0: (file, demo) = (nil, false)
        case 1 where arguments[0] == "--demo": (file, demo) = (nil, true)
        case 1 where !arguments[0].hasPrefix("-") && !arguments[0].isEmpty && !subcommands.contains(arguments[0]): (file, demo) = (arguments[0], false)
        default: return nil
        }
        rules = RuleSources()
    }

    func run() throws {
        guard NCursesTerminal.isInteractive() else {
            throw CommandFailure(code: 69, message: """
                archtui needs a terminal (stdin and stdout must be a TTY); \
                for scripts use `archtui render FILE` or `archtui check FILE`.
                """)
        }
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        guard !term.isEmpty, term != "dumb" else {
            throw CommandFailure(code: 69, message: """
                archtui needs a terminal that can move the cursor, and TERM=\(term.isEmpty ? "(unset)" : term) cannot; \
                set TERM to your terminal's type (e.g. xterm-256color), or use `archtui render FILE`.
                """)
        }
        // The first frame needs only the questions; the rules load on the derivation thread behind it.
        // User rule packs are small: check them now, so a broken one still stops here with file:line:col.
        let catalogue = try rules.catalogue()
        try rules.checkUserPacks(catalogue: catalogue)
        let builder = LazyDesignBuilder(rules: rules, catalogue: catalogue)
        let state = try initialState(catalogue: catalogue, deriver: DesignDeriver { builder.build($0) })
        let runtime = Runtime(state: state, files: SessionFiles(catalogue: catalogue))
        try runtime.run()
    }

    /// What the app shows first: the demo, the given file (or its project-name prompt), or the launcher.
    private func initialState(catalogue: Catalogue, deriver: DesignDeriver) throws -> AppState {
        let size = Size(width: 120, height: 40) // replaced by the terminal's size before the first frame
        let files = SessionFiles(catalogue: catalogue)
        if demo {
            let (session, path) = try files.demoCopy(writing: false)  // written after the first frame
            return AppState(catalogue: catalogue, session: session, filePath: path, size: size, deriveDesign: deriver, derivesInline: false)
        }
        guard let file else {
            let launcher = LauncherState(sessionFiles: files.sessionFilesInWorkingDirectory())
            return AppState(catalogue: catalogue, session: Session(projectName: ""), filePath: "",
                            screen: .launcher(launcher), size: size, deriveDesign: deriver, derivesInline: false)
        }
        switch try files.open(file, keepingInterruptedSaves: true) {
        case .some(let opened):
            var state = AppState(catalogue: catalogue, session: opened.session, filePath: file, size: size, deriveDesign: deriver, derivesInline: false)
            state.showWarnings(opened.warnings, in: file)
            return state
        case .none:
            return AppState(catalogue: catalogue, session: Session(projectName: ""), filePath: file,
                            screen: .projectName(TextFieldState(), error: nil), size: size, deriveDesign: deriver, derivesInline: false)
        }
    }
}

/// An error that ends the program with a message on stderr and a specific exit code.
struct CommandFailure: Error, CustomStringConvertible {
    let code: Int32
    let message: String

    var description: String { message }
}

/// The version printed by `--version`.
enum ArchtuiVersion {
    static let current = "0.1.0"
}
