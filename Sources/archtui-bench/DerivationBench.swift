import ArchModel
import ArchRules

/// Cost of `DesignBuilder.build(session)`: the derivation run on every session change.
struct DerivationBench {
    /// Times per build in µs, by both clocks, and what the last build produced (a sanity check on size).
    struct Result {
        var wall: [Double] = []
        var cpu: [Double] = []
        var tables = 0
        var endpoints = 0
        var findings = 0
    }

    let builder: DesignBuilder

    /// `runs` measured builds after `warmUp` unmeasured ones; stops early once `budgetSeconds` of wall
    /// time have passed (at least `minimumRuns` builds), so a loaded machine does not stall the bench.
    /// With `editing`, each build follows an edit of one entity (`Edit`), as when the user types.
    func run(_ session: Session, runs: Int, warmUp: Int = 2, minimumRuns: Int = 10, budgetSeconds: Double = 15,
             editing: Bool = false) -> Result {
        var result = Result()
        var session = session
        for _ in 0..<warmUp { _ = builder.build(session) }
        let began = KeystrokeBench.reading().wall
        for run in 0..<runs {
            if editing { Self.edit(&session, run: run) }
            let t0 = KeystrokeBench.reading()
            let design = builder.build(session)
            let t1 = KeystrokeBench.reading()
            result.wall.append(t1.wall - t0.wall)
            result.cpu.append(t1.cpu - t0.cpu)
            if run == runs - 1 || (run + 1 >= minimumRuns && t1.wall - began > budgetSeconds * 1e6) {
                result.tables = design.tables.count
                result.endpoints = design.endpoints.count
                result.findings = design.findings.count
                break
            }
        }
        return result
    }

    /// Toggles `indexed` on the first field of one entity, a different one each run (a field edit in the TUI).
    static func edit(_ session: inout Session, run: Int) {
        let entity = (run * 37) % session.entities.count
        guard !session.entities[entity].fields.isEmpty else { return }
        session.entities[entity].fields[0].indexed.toggle()
    }

    /// Derivation of the large session only, cold and after edits, 300 builds each: a quick figure, and a
    /// workload for `perf record`.
    /// `only`: `cold` or `edit`, else both.
    static func printLargeSessionFigures(only: String?) throws {
        let large = try LargeSession.make()
        for (name, memoizing) in [("cold", false), ("after an edit", true)] where only == nil || only == (memoizing ? "edit" : "cold") {
            let bench = DerivationBench(builder: try DesignBuilder.standard(memoizing: memoizing))
            let result = bench.run(large, runs: 300, budgetSeconds: 20, editing: memoizing)
            // Wall time is what the user waits for (large sessions derive in two threads); the CPU time is this
            // thread's only, so it leaves out the other thread's share.
            let wall = Samples(result.wall), cpu = Samples(result.cpu)
            print("large session, \(name): median \(fixed(wall.median / 1000, 2)) ms, p90 \(fixed(wall.p90 / 1000, 2)) ms wall;"
                  + " this thread's CPU \(fixed(cpu.median / 1000, 2)) ms (\(wall.sorted.count) builds)")
        }
    }
}
