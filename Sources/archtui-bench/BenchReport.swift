#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every figure of one bench run, and the table that shows them against their targets.
struct BenchReport {
    static let startUpRuns = 20
    static let keystrokeRounds = 10
    static let typingSessions = 3
    static let charactersPerSession = 5

    var archtuiStartUp: PtyFigures.StartUp
    var bareStartUp: PtyFigures.StartUp
    var keystrokes: KeystrokeBench.Result
    var typingBytes: [Double]
    var typingPeakRSS: [Double]

    static func measure(archtui path: String) throws -> BenchReport {
        let scratch = try makeScratchDirectory()
        defer { runToCompletion("/bin/rm", ["-rf", scratch]) }
        let archtui = TerminalProgram(name: "archtui --demo", path: path, arguments: ["--demo"],
                                      firstFrameMarker: firstFrameMarker)
        let bare = try buildBareNCurses(in: scratch)
        let pty = PtyFigures(terminal: BenchTerminal(scratch: scratch))

        progress("start-up: \(startUpRuns) runs each of archtui --demo and a bare ncurses program")
        let startUps = try pty.startUp([archtui, bare], runs: startUpRuns)
        progress("keystrokes in process: \(keystrokeRounds) rounds of \(KeystrokeBench.keys.count) keys")
        let keystrokes = try KeystrokeBench(rounds: keystrokeRounds).run()
        progress("typing into a field: \(typingSessions) sessions of \(charactersPerSession) characters")
        let typing = try pty.typingBytes(program: archtui, sessions: typingSessions, characters: charactersPerSession)
        return BenchReport(archtuiStartUp: startUps[0], bareStartUp: startUps[1], keystrokes: keystrokes,
                           typingBytes: typing.bytes, typingPeakRSS: typing.peakRSS)
    }

    /// Text from the status line, the bottom row of the demo's first frame: once it is read, the
    /// frame has been sent in full (ncurses updates top to bottom).
    static let firstFrameMarker = "archtui-demo-"

    private static func progress(_ line: String) {
        print("… \(line)")
        fflush(nil) // all C streams: `stdout` itself is not concurrency-safe to name
    }

    func printTable() {
        let app = Samples(archtuiStartUp.milliseconds)
        let bare = Samples(bareStartUp.milliseconds)
        let appCPU = Samples(archtuiStartUp.cpuMilliseconds)
        let bareCPU = Samples(bareStartUp.cpuMilliseconds)
        let bytes = Samples(typingBytes)
        let rssMiB = ((archtuiStartUp.peakRSS + typingPeakRSS).max() ?? .nan) / 1024
        let bareRssMiB = (bareStartUp.peakRSS.max() ?? .nan) / 1024

        var table = Table()
        table.row("start-up to first frame (demo), median", "\(fixed(app.median)) ms",
                  "≤ 2× bare ncurses (\(fixed(bare.median)) ms) → \(fixed(app.median / bare.median, 2))×")
        table.row("start-up to first frame (demo), p90", "\(fixed(app.p90)) ms", "bare ncurses \(fixed(bare.p90)) ms")
        table.row("CPU time of a start-and-quit run, median", "\(fixed(appCPU.median)) ms",
                  "bare ncurses \(fixed(bareCPU.median)) ms → \(fixed(appCPU.median / bareCPU.median, 2))×")
        for (clock, parts) in [("wall", keystrokes.wall), ("CPU", keystrokes.cpu)] {
            let total = Samples(parts.total)
            table.row("keystroke reduce+view+diff (\(clock)), median", "\(fixed(total.median / 1000, 3)) ms", "≤ 1 ms")
            table.row("  p90 / max", "\(fixed(total.p90 / 1000, 3)) / \(fixed(total.max / 1000, 3)) ms", "")
            for (name, values) in [("reduce", parts.reduce), ("view", parts.view), ("diff", parts.diff)] {
                let part = Samples(values)
                table.row("  \(name) median / p90 / max",
                          "\(fixed(part.median)) / \(fixed(part.p90)) / \(fixed(part.max)) µs", "")
            }
        }
        table.row("bytes to terminal per typed character", "\(fixed(bytes.median, 0)) B",
                  "≤ 64 B (min \(fixed(bytes.sorted.first ?? .nan, 0)), max \(fixed(bytes.max, 0)))")
        table.row("peak RSS of archtui (ru_maxrss)", "\(fixed(rssMiB)) MiB", "bare ncurses \(fixed(bareRssMiB)) MiB")
        print("")
        table.print(header: ("figure", "measured", "target"))
        print("""

            start-up: \(app.sorted.count) runs each in a 120×40 pty (TERM=xterm-256color); keystrokes: \
            \(KeystrokeBench.keys.count) keys × \(Self.keystrokeRounds) rounds at 120×40; typing: \(bytes.sorted.count) characters.
            Load average during the run: \(loadAverage()) on \(processorCount()) processors. Wall-clock figures \
            grow with load; CPU-time figures much less so.
            """)
    }

    private func loadAverage() -> String {
        var loads = [Double](repeating: .nan, count: 3)
        _ = getloadavg(&loads, 3)
        return loads.map { fixed($0, 2) }.joined(separator: " ")
    }

    private func processorCount() -> Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
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
