#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArchApp
import ArchModel
import ArchRules
import TerminalUI

/// Per-keystroke cost in process: `reduce`, `AppView.render` and `DiffRenderer.render` to a
/// `TestBackend`, on the demo session at 120×40.
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
    }

    /// Both clocks now, in µs.
    static func reading() -> (wall: Double, cpu: Double) {
        var wall = timespec(), cpu = timespec()
        clock_gettime(CLOCK_MONOTONIC, &wall)
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu)
        return (Double(wall.tv_sec) * 1e6 + Double(wall.tv_nsec) / 1e3, Double(cpu.tv_sec) * 1e6 + Double(cpu.tv_nsec) / 1e3)
    }

    /// A realistic stretch of use, starting in the questions pane of the first step.
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

    let rounds: Int

    func run() throws -> Result {
        let catalogue = try CatalogueLoader.builtIn()
        let session = try Demo.session()
        let size = Size(width: 120, height: 40)
        let start = AppState(catalogue: catalogue, session: session, filePath: "/tmp/bench.archtui.yaml", size: size)
        var result = Result()
        for _ in 0..<rounds {
            var state = start
            var renderer = DiffRenderer()
            let backend = TestBackend(size: size)
            renderer.render(AppView.render(state), to: backend) // the first, full frame is not a keystroke
            for key in Self.keys {
                let t0 = Self.reading()
                _ = state.reduce(.key(key))
                let t1 = Self.reading()
                let frame = AppView.render(state)
                let t2 = Self.reading()
                renderer.render(frame, to: backend)
                let t3 = Self.reading()
                result.wall.append([t0.wall, t1.wall, t2.wall, t3.wall])
                result.cpu.append([t0.cpu, t1.cpu, t2.cpu, t3.cpu])
            }
        }
        return result
    }
}
