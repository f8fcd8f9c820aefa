#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArchApp
import ArchRules

/// Every figure of one bench run, and the table that shows them against their targets.
struct BenchReport {
    static let startUpRuns = 20
    static let keystrokeRounds = 10
    static let typingSessions = 3
    static let charactersPerSession = 5
    static let keystrokesPerSession = 40
    static let demoDerivationRuns = 200
    static let largeDerivationRuns = 60
    static let largeKeystrokeRounds = 4
    static let tabSwitchRounds = 5

    /// Figures measured in pseudo-terminals on the real binaries; nil with `--in-process`.
    struct PtyPart {
        var archtuiStartUp: PtyFigures.StartUp
        var bareStartUp: PtyFigures.StartUp
        var typingBytes: [Double]
        var typingPeakRSS: [Double]
        /// Keystroke → frame (ms) while typing an answer, and the same in `dialog --form` (nil: dialog not installed).
        var keystrokeToFrame: [Double]
        var dialogKeystrokeToFrame: [Double]?
    }

    var pty: PtyPart?
    var keystrokes: KeystrokeBench.Result
    var demoDerivation: DerivationBench.Result
    var largeDerivation: DerivationBench.Result
    var largeEditDerivation: DerivationBench.Result
    var largeKeystrokes: KeystrokeBench.Result
    var largeTabSwitches: TabSwitchBench.Result
    var typing: TypingBench.Result
    var forms: FormFigures
    var largeSize: (entities: Int, fields: Int, relations: Int, services: Int)

    /// Everything; without `archtui` (nil), only the in-process figures.
    static func measure(archtui path: String?) throws -> BenchReport {
        var ptyPart: PtyPart?
        if let path {
            let scratch = try makeScratchDirectory()
            defer { runToCompletion("/bin/rm", ["-rf", scratch]) }
            let archtui = TerminalProgram(name: "archtui --demo", path: path, arguments: ["--demo"],
                                          firstFrameMarker: firstFrameMarker)
            let bare = try buildBareNCurses(in: scratch)
            let pty = PtyFigures(terminal: BenchTerminal(scratch: scratch))

            progress("start-up: \(startUpRuns) runs each of archtui --demo and a bare ncurses program")
            let startUps = try pty.startUp([archtui, bare], runs: startUpRuns)
            progress("typing into a field: \(typingSessions) sessions of \(charactersPerSession) characters")
            let typing = try pty.typingBytes(program: archtui, sessions: typingSessions, characters: charactersPerSession)
            progress("keystroke → frame through the pty: \(typingSessions) sessions of \(keystrokesPerSession) digits, archtui and dialog --form")
            let (keystrokes, dialog) = try KeystrokeThroughPty.measure(pty, archtui: archtui, sessions: typingSessions, characters: keystrokesPerSession)
            ptyPart = PtyPart(archtuiStartUp: startUps[0], bareStartUp: startUps[1],
                              typingBytes: typing.bytes, typingPeakRSS: typing.peakRSS,
                              keystrokeToFrame: keystrokes, dialogKeystrokeToFrame: dialog)
        }

        // The app's own derivation (ArchtuiCommand): the built-in catalogue and rules, no user rule directories.
        let builder = try DesignBuilder.standard()
        let deriver = DesignDeriver { builder.build($0) }
        let demo = try Demo.session()
        let large = try LargeSession.make()

        progress("keystrokes in process (demo): \(keystrokeRounds) rounds of \(KeystrokeBench.keys.count) keys")
        let keystrokes = try KeystrokeBench(rounds: keystrokeRounds, session: demo, keys: KeystrokeBench.keys,
                                            deriver: deriver).run()
        progress("derivation: up to \(demoDerivationRuns) builds of the demo, \(largeDerivationRuns) of the large session")
        // Cold: nothing to reuse, as for the first derivation of a session. After an edit: what typing costs.
        let derivation = DerivationBench(builder: try DesignBuilder.standard(memoizing: false))
        let demoDerivation = derivation.run(demo, runs: demoDerivationRuns)
        let largeDerivation = derivation.run(large, runs: largeDerivationRuns)
        let largeEditDerivation = DerivationBench(builder: try DesignBuilder.standard()).run(large, runs: largeDerivationRuns, editing: true)
        progress("keystrokes in process (large session): \(largeKeystrokeRounds) rounds of \(KeystrokeBench.largeKeys.count) keys")
        let largeKeystrokes = try KeystrokeBench(rounds: largeKeystrokeRounds, session: large, keys: KeystrokeBench.largeKeys,
                                                 deriver: deriver, inlineDerivation: false).run()
        progress("tab switches in process (large session): \(tabSwitchRounds) rounds of the first switch to each tab, then G")
        let tabSwitches = try TabSwitchBench(rounds: tabSwitchRounds, session: large, deriver: deriver).run()
        let typing = try measureTyping()
        let forms = try measureForms(large, deriver)
        let size = (entities: large.entities.count, fields: large.entities.map(\.fields.count).reduce(0, +),
                    relations: large.entities.map(\.relations.count).reduce(0, +), services: large.services.count)
        return BenchReport(pty: ptyPart, keystrokes: keystrokes, demoDerivation: demoDerivation,
                           largeDerivation: largeDerivation, largeEditDerivation: largeEditDerivation,
                           largeKeystrokes: largeKeystrokes, largeTabSwitches: tabSwitches, typing: typing, forms: forms,
                           largeSize: size)
    }

    /// Text from the status line, the bottom row of the demo's first frame: once it is read, the
    /// frame has been sent in full (ncurses updates top to bottom).
    static let firstFrameMarker = " finding"

    static func progress(_ line: String) {
        print("… \(line)")
        fflush(nil) // all C streams: `stdout` itself is not concurrency-safe to name
    }

    func printTable() {
        var table = Table()
        if let pty {
            let app = Samples(pty.archtuiStartUp.milliseconds)
            let bare = Samples(pty.bareStartUp.milliseconds)
            let appCPU = Samples(pty.archtuiStartUp.cpuMilliseconds)
            let bareCPU = Samples(pty.bareStartUp.cpuMilliseconds)
            table.row("start-up to first frame (demo), median", "\(fixed(app.median)) ms",
                      "≤ 2× bare ncurses (\(fixed(bare.median)) ms) → \(fixed(app.median / bare.median, 2))×")
            table.row("start-up to first frame (demo), p90", "\(fixed(app.p90)) ms", "bare ncurses \(fixed(bare.p90)) ms")
            table.row("CPU time of a start-and-quit run, median", "\(fixed(appCPU.median)) ms",
                      "bare ncurses \(fixed(bareCPU.median)) ms → \(fixed(appCPU.median / bareCPU.median, 2))×")
        }
        if let pty { KeystrokeThroughPty.row(&table, pty.keystrokeToFrame, dialog: pty.dialogKeystrokeToFrame) }
        keystrokeRows(&table, keystrokes, title: "keystroke reduce+view+diff", target: "≤ 1 ms")
        Self.typingRows(&table, typing)
        for (name, result) in [("demo, cold", demoDerivation), ("large, cold", largeDerivation),
                               ("large, after an edit", largeEditDerivation)] {
            // Large sessions derive in two threads: wall time is the wait; the thread CPU clock misses the worker.
            for (clock, values) in [("wall", result.wall), ("CPU, this thread", result.cpu)] {
                let samples = Samples(values)
                let target = clock != "wall" ? "excludes the worker thread"
                    : name == "large, cold" ? "opening the file: once, nothing to reuse" : "well under 16 ms"
                table.row("derivation DesignBuilder.build, \(name) (\(clock)), median", "\(fixed(samples.median / 1000, 2)) ms", target)
                table.row("  p90 / max",
                          "\(fixed(samples.p90 / 1000, 2)) / \(fixed(samples.max / 1000, 2)) ms",
                          clock == "wall" ? "\(samples.sorted.count) builds → \(result.tables) tables, "
                              + "\(result.endpoints) endpoints, \(result.findings) findings" : "")
            }
        }
        keystrokeRows(&table, largeKeystrokes, title: "keystroke→frame, large session", target: "≤ 16 ms (derivation in background)")
        for (clock, values) in [("wall", largeKeystrokes.derivingWall), ("CPU", largeKeystrokes.derivingCPU)] {
            let samples = Samples(values)
            table.row("  session-changing keys only (\(clock)) median / p90 / max",
                      "\(fixed(samples.median / 1000, 2)) / \(fixed(samples.p90 / 1000, 2)) / \(fixed(samples.max / 1000, 2)) ms",
                      clock == "wall" ? "\(samples.sorted.count) of \(largeKeystrokes.wall.total.count) keystrokes" : "≤ 16 ms")
        }
        table.row("  slowest key (CPU)", "\(fixed(largeKeystrokes.slowestCPU / 1000, 2)) ms", largeKeystrokes.slowestKey)
        tabSwitchRows(&table)
        Self.formRows(&table, forms)
        if let pty {
            let bytes = Samples(pty.typingBytes)
            let rssMiB = ((pty.archtuiStartUp.peakRSS + pty.typingPeakRSS).max() ?? .nan) / 1024
            let bareRssMiB = (pty.bareStartUp.peakRSS.max() ?? .nan) / 1024
            table.row("bytes to terminal per typed character", "\(fixed(bytes.median, 0)) B",
                      "≤ 64 B (min \(fixed(bytes.sorted.first ?? .nan, 0)), max \(fixed(bytes.max, 0)))")
            table.row("peak RSS of archtui (ru_maxrss)", "\(fixed(rssMiB)) MiB", "bare ncurses \(fixed(bareRssMiB)) MiB")
        }
        print("")
        table.print(header: ("figure", "measured", "target"))
        let ptyNote = pty.map { pty in
            "start-up: \(pty.archtuiStartUp.milliseconds.count) runs each in a 120×40 pty (TERM=xterm-256color); "
                + "typing: \(pty.typingBytes.count) characters.\n"
        } ?? "pty figures skipped (--in-process).\n"
        print("""

            \(ptyNote)keystrokes: \(KeystrokeBench.keys.count) keys × \(Self.keystrokeRounds) rounds (demo), \
            \(KeystrokeBench.largeKeys.count) keys × \(Self.largeKeystrokeRounds) rounds (large), at 120×40, real DesignBuilder derivation; \
            tab switches: \(Self.tabSwitchRounds) rounds of each tab (large).
            large session: \(largeSize.entities) entities, \(largeSize.fields) fields, \(largeSize.relations) relations, \
            \(largeSize.services) services; answers from the demo.
            Load average during the run: \(Self.loadAverage()) on \(Self.processorCount()) processors. Wall-clock figures \
            grow with load; CPU-time figures (this thread's CPU clock) much less so.
            """)
    }

    /// Whole keystroke and its parts, by both clocks; ms for the whole, parts in ms too when any reaches 1 ms.
    private func keystrokeRows(_ table: inout Table, _ result: KeystrokeBench.Result, title: String, target: String) {
        for (clock, parts) in [("wall", result.wall), ("CPU", result.cpu)] {
            let total = Samples(parts.total)
            table.row("\(title) (\(clock)), median", "\(fixed(total.median / 1000, 3)) ms", target)
            table.row("  p90 / max", "\(fixed(total.p90 / 1000, 3)) / \(fixed(total.max / 1000, 3)) ms", "")
            let inMilliseconds = total.max >= 1000
            for (name, values) in [("reduce", parts.reduce), ("view", parts.view), ("diff", parts.diff)] {
                let part = Samples(values)
                let scale = inMilliseconds ? 1000.0 : 1, digits = inMilliseconds ? 2 : 1
                table.row("  \(name) median / p90 / max",
                          "\(fixed(part.median / scale, digits)) / \(fixed(part.p90 / scale, digits)) / "
                              + "\(fixed(part.max / scale, digits)) \(inMilliseconds ? "ms" : "µs")",
                          name == "reduce" ? "incl. derivation" : "")
            }
        }
    }

    /// The first switch to each tab of the large session, then G to its bottom.
    private func tabSwitchRows(_ table: inout Table) {
        table.row("tab switch, large session (CPU) median / max", "", "≤ 16 ms; then G (bottom) median / max")
        for tab in DesignTab.allCases {
            let switched = Samples(largeTabSwitches.switchCPU[tab] ?? [])
            let bottom = Samples(largeTabSwitches.bottomCPU[tab] ?? [])
            let wall = Samples(largeTabSwitches.switchWall[tab] ?? [])
            table.row("  \(tab.rawValue + 1 == 10 ? 0 : tab.rawValue + 1) \(tab.title)",
                      "\(fixed(switched.median / 1000, 2)) / \(fixed(switched.max / 1000, 2)) ms",
                      "G \(fixed(bottom.median / 1000, 2)) / \(fixed(bottom.max / 1000, 2)) ms; wall max \(fixed(wall.max / 1000, 2)) ms")
        }
    }

    static func loadAverage() -> String {
        var loads = [Double](repeating: .nan, count: 3)
        _ = getloadavg(&loads, 3)
        return loads.map { fixed($0, 2) }.joined(separator: " ")
    }

    static func processorCount() -> Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
}

/// A plain three-column text table.
struct Table {
    private var rows: [(String, String, String)] = []

    mutating func row(_ figure: String, _ measured: String, _ target: String) {
        rows.append((figure, measured, target))
    }

    func print(header: (String, String, String)) {
        let all = [header] + rows
        let first = all.map(\.0.count).max() ?? 0
        let second = all.map(\.1.count).max() ?? 0
        for row in all {
            Swift.print(pad(row.0, first) + "  " + pad(row.1, second) + "  " + row.2)
        }
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
