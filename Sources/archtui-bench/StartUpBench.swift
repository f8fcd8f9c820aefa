import Foundation

/// Only the start-up figure: archtui --demo against a bare ncurses program, through a pseudo-terminal, to the first
/// frame (`archtui-bench --startup ARCHTUI`). Target: ≤ 2× the bare program.
enum StartUpBench {
    static func printFigures(archtui path: String, runs: Int = 30) throws {
        let scratch = try makeScratchDirectory()
        defer { runToCompletion("/bin/rm", ["-rf", scratch]) }
        let archtui = TerminalProgram(name: "archtui --demo", path: path, arguments: ["--demo"], firstFrameMarker: BenchReport.firstFrameMarker)
        let bare = try buildBareNCurses(in: scratch)
        let results = try PtyFigures(terminal: BenchTerminal(scratch: scratch)).startUp([archtui, bare], runs: runs)
        let app = Samples(results[0].milliseconds).median, baseline = Samples(results[1].milliseconds).median
        print("start-up to first frame, median of \(runs): archtui --demo \(fixed(app)) ms (CPU \(fixed(Samples(results[0].cpuMilliseconds).median)) ms), "
            + "bare ncurses \(fixed(baseline)) ms: \(fixed(app / max(baseline, 0.001), 2))× (target ≤ 2×)")
    }
}
