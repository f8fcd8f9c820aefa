import ArchApp
import ArchModel
import ArchRules
import TerminalUI

/// Per-keystroke cost in process: `reduce`, `AppView.render` and `DiffRenderer.render` to a
/// `TestBackend`, on the demo session at 120×40.
struct KeystrokeBench {
    /// Times per keystroke in µs: the whole, and its three parts.
    struct Result {
        var total: [Double] = []
        var reduce: [Double] = []
        var view: [Double] = []
        var diff: [Double] = []
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
        let clock = ContinuousClock()
        var result = Result()
        for _ in 0..<rounds {
            var state = start
            var renderer = DiffRenderer()
            let backend = TestBackend(size: size)
            renderer.render(AppView.render(state), to: backend) // the first, full frame is not a keystroke
            for key in Self.keys {
                let t0 = clock.now
                _ = state.reduce(.key(key))
                let t1 = clock.now
                let frame = AppView.render(state)
                let t2 = clock.now
                renderer.render(frame, to: backend)
                let t3 = clock.now
                result.reduce.append((t1 - t0).microseconds)
                result.view.append((t2 - t1).microseconds)
                result.diff.append((t3 - t2).microseconds)
                result.total.append((t3 - t0).microseconds)
            }
        }
        return result
    }
}
