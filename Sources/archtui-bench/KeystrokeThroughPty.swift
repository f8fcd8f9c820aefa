/// Keystroke → frame through a real pseudo-terminal while typing an answer ("Peak requests per second"), against
/// `dialog --form` typing into its one field (`archtui-bench --keystroke ARCHTUI` alone). Target: ≤ 2× dialog.
enum KeystrokeThroughPty {
    /// Down, down, Enter: the field of "Peak requests per second", the third question of the first step.
    static let openAnswer = ["j", "j", "\r"]

    static func measure(_ pty: PtyFigures, archtui: TerminalProgram, sessions: Int, characters: Int) throws -> ([Double], [Double]?) {
        let app = try pty.keystrokeToFrame(program: archtui, open: openAnswer, sessions: sessions, characters: characters)
        let dialog = try dialogForm().map { try pty.keystrokeToFrame(program: $0, open: [], sessions: sessions, characters: characters) }
        return (app, dialog)
    }

    static func row(_ table: inout Table, _ app: [Double], dialog: [Double]?) {
        let samples = Samples(app)
        let target = dialog.map { values in
            let reference = Samples(values)
            return "≤ 2× dialog --form (\(fixed(reference.median, 2)) ms, p90 \(fixed(reference.p90, 2))) → \(fixed(samples.median / reference.median, 2))×"
        } ?? "≤ 2× dialog --form (not installed: apt-get install dialog)"
        table.row("keystroke → frame through a pty (typing an answer), median / p90", "\(fixed(samples.median, 2)) / \(fixed(samples.p90, 2)) ms", target)
    }

    static func printFigures(archtui path: String, sessions: Int = 3, characters: Int = 40) throws {
        let scratch = try makeScratchDirectory()
        defer { runToCompletion("/bin/rm", ["-rf", scratch]) }
        let archtui = TerminalProgram(name: "archtui --demo", path: path, arguments: ["--demo"], firstFrameMarker: BenchReport.firstFrameMarker)
        let (app, dialog) = try measure(PtyFigures(terminal: BenchTerminal(scratch: scratch)), archtui: archtui, sessions: sessions, characters: characters)
        var table = Table()
        row(&table, app, dialog: dialog)
        table.print(header: ("figure", "measured", "target"))
    }
}
