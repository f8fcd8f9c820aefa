#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArchApp
import ArchModel
import ArchRules
import TerminalUI

/// Per-keystroke cost in process: `reduce` (including re-deriving the design with the real
/// `DesignBuilder` when the key changes the session), `AppView.render` and `DiffRenderer.render` to a
/// `TestBackend`, at 120×40.
struct KeystrokeBench {
    /// Times per keystroke in µs: the whole, and its three parts.
    struct Parts {
        var total: [Double] = []
        var reduce: [Double] = []
        var view: [Double] = []
        var diff: [Double] = []

        /// Adds one keystroke from four readings: before reduce, after reduce, after view, after diff.
        mutating func append(_ t: [Double]) {
            reduce.append(t[1] - t[0])
            view.append(t[2] - t[1])
            diff.append(t[3] - t[2])
            total.append(t[3] - t[0])
        }
    }

    /// Wall-clock time, and this thread's CPU time (unaffected by other processes on a busy machine).
    struct Result {
        var wall = Parts()
        var cpu = Parts()
        /// Whole-keystroke times (µs) of only the keys that changed the session, so re-derived the design.
        var derivingWall: [Double] = []
        var derivingCPU: [Double] = []
        /// The key behind the slowest keystroke (by CPU time), and its CPU time in µs.
        var slowestKey = ""
        var slowestCPU = 0.0
    }

    /// Both clocks now, in µs.
    static func reading() -> (wall: Double, cpu: Double) {
        var wall = timespec(), cpu = timespec()
        clock_gettime(CLOCK_MONOTONIC, &wall)
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu)
        return (Double(wall.tv_sec) * 1e6 + Double(wall.tv_nsec) / 1e3, Double(cpu.tv_sec) * 1e6 + Double(cpu.tv_nsec) / 1e3)
    }

    /// A realistic stretch of use of the demo, starting in the questions pane of the first step.
    static let keys: [Key] = {
        let typing: [Key] = "2500".map { .character($0) }
        var keys: [Key] = [.character("j"), .character("j"), .enter, .ctrl("u")]
        keys += typing + [.backspace, .character("0"), .enter] // answer "Peak requests per second"
        keys += [.character("j"), .character("j"), .character("k")]
        keys += [.tab] + Array(repeating: .character("j"), count: 6) + [.pageDown, .pageDown, .pageUp, .character("k"), .character("G"), .character("g")] // scroll the design
        keys += [.tab, .character("j"), .enter] // method pane: next step, into its questions
        keys += [.character("j"), .enter, .down, .down, .up, .enter] // choose an option
        keys += [.character("]"), .character("j"), .character("j"), .character("e"), .escape] // open and cancel
        keys += [.character("?"), .escape, .backTab, .character("k"), .character("l")]
        return keys
    }()

    /// Use of the large session: commit typed answers (each re-derives the design), then scroll and switch
    /// tabs in the design pane, dwelling on API and Schema, the biggest tabs; then commit a choice.
    static let largeKeys: [Key] = {
        func type(_ text: String) -> [Key] { text.map { .character($0) } }
        let scroll: [Key] = Array(repeating: .character("j"), count: 8)
            + [.pageDown, .pageDown, .pageDown, .pageUp, .character("k"), .character("G"), .character("k"), .character("g")]
        var keys: [Key] = [.character("j"), .character("j"), .enter, .ctrl("u")]
        keys += type("2500") + [.backspace, .character("0"), .enter] // "Peak requests per second": re-derives
        keys += [.character("j"), .enter, .ctrl("u")] + type("120000") + [.enter] // "Daily active users": re-derives
        keys += [.tab, .character("4")] + scroll // design pane, API tab
        keys += [.character("5")] + scroll // Schema tab
        keys += [.character("l"), .character("j"), .pageDown, .character("l"), .character("h"), .character("h"), .character("h")]
        keys += [.character("3"), .pageDown, .character("0"), .pageDown, .character("1")]
        keys += [.backTab, .character("k"), .enter, .ctrl("u")] + type("3100") + [.enter] // peak rps again, design on Overview
        keys += [.tab, .character("4"), .pageDown] // back to API after the re-derivation
        keys += [.backTab, .backTab, .character("j"), .enter] // method pane: next step, into its questions
        keys += [.character("j"), .enter, .down, .enter] // choose another option: re-derives
        keys += [.tab, .character("5"), .pageDown, .character("G")] // Schema after it
        keys += [.backTab, .character("k"), .enter, .up, .enter] // choose the first option back: re-derives
        return keys
    }()

    let rounds: Int
    let session: Session
    let keys: [Key]
    let deriver: DesignDeriver
    /// False measures what the real event loop does: the design is derived in the background, so a
    /// keystroke that changes the session waits only for reduce + view + diff (the derivation is timed apart).
    var inlineDerivation = true

    func run() throws -> Result {
        let catalogue = try CatalogueLoader.builtIn()
        let size = Size(width: 120, height: 40)
        var start = AppState(catalogue: catalogue, session: session, filePath: "/tmp/bench.archtui.yaml", size: size,
                             deriveDesign: deriver)
        start.derivesDesignInline = inlineDerivation
        var result = Result()
        for _ in 0..<rounds {
            var state = start
            var renderer = DiffRenderer()
            let backend = TestBackend(size: size)
            renderer.render(AppView.render(state), to: backend) // the first, full frame is not a keystroke
            for key in keys {
                let before = state.session
                let t0 = Self.reading()
                _ = state.reduce(.key(key))
                let t1 = Self.reading()
                let frame = AppView.render(state)
                let t2 = Self.reading()
                renderer.render(frame, to: backend)
                let t3 = Self.reading()
                result.wall.append([t0.wall, t1.wall, t2.wall, t3.wall])
                result.cpu.append([t0.cpu, t1.cpu, t2.cpu, t3.cpu])
                if state.session != before {
                    result.derivingWall.append(t3.wall - t0.wall)
                    result.derivingCPU.append(t3.cpu - t0.cpu)
                }
                if t3.cpu - t0.cpu > result.slowestCPU {
                    result.slowestCPU = t3.cpu - t0.cpu
                    result.slowestKey = "\(key.description) on \(state.designPane.tab.title)"
                }
            }
        }
        return result
    }
}
