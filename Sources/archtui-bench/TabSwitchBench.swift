import ArchApp
import ArchModel
import ArchRules
import TerminalUI

/// The first switch to each design tab of a session (nothing of that tab laid out yet), then `G` to its
/// bottom: reduce + view + diff in process at 120×40, as in `KeystrokeBench`.
struct TabSwitchBench {
    /// CPU and wall-clock times in µs, per tab.
    struct Result {
        var switchCPU: [DesignTab: [Double]] = [:]
        var switchWall: [DesignTab: [Double]] = [:]
        var bottomCPU: [DesignTab: [Double]] = [:]
    }

    let rounds: Int
    let session: Session
    let deriver: DesignDeriver

    func run() throws -> Result {
        let catalogue = try CatalogueLoader.builtIn()
        let size = Size(width: 120, height: 40)
        let start = AppState(catalogue: catalogue, session: session, filePath: "/tmp/bench.archtui.yaml", size: size,
                             deriveDesign: deriver)
        var result = Result()
        for _ in 0..<rounds {
            for tab in DesignTab.allCases {
                // Start on another tab, in the design pane: only that tab is laid out.
                var state = start
                state.designPane.tab = tab == .overview ? .findings : .overview
                _ = state.reduce(.key(.tab))
                var renderer = DiffRenderer()
                let backend = TestBackend(size: size)
                _ = renderer.render(AppView.render(state), to: backend)
                let digit = Character(String((tab.rawValue + 1) % 10))
                let switched = time(.character(digit), &state, &renderer, backend)
                result.switchCPU[tab, default: []].append(switched.cpu)
                result.switchWall[tab, default: []].append(switched.wall)
                result.bottomCPU[tab, default: []].append(time(.character("G"), &state, &renderer, backend).cpu)
            }
        }
        return result
    }

    private func time(_ key: Key, _ state: inout AppState, _ renderer: inout DiffRenderer, _ backend: TestBackend)
        -> (wall: Double, cpu: Double) {
        let before = KeystrokeBench.reading()
        _ = state.reduce(.key(key))
        _ = renderer.render(AppView.render(state), to: backend)
        let after = KeystrokeBench.reading()
        return (after.wall - before.wall, after.cpu - before.cpu)
    }
}
