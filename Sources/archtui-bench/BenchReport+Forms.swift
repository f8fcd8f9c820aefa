import ArchApp
import ArchModel
import ArchRules

/// Editing the large session in the entity forms, and undo / redo of a cascading delete, with the
/// derivation inline (as tests run) and in the background (as the runtime runs).
struct FormFigures {
    var inline: FormEditBench.Result
    var background: FormEditBench.Result
    var undoInline: UndoBench.Result
    var undoBackground: UndoBench.Result
    var typing: FormTypingBench.Result
}

extension BenchReport {
    static let formRounds = 5
    static let undoRounds = 3
    static let formTypingRounds = 3

    /// `only`: `inline`, `background`, `undo` or `typing` measures only that part (a workload for `perf record`).
    static func measureForms(_ large: Session, _ deriver: DesignDeriver, only: String? = nil) throws -> FormFigures {
        func part(_ name: String) -> Bool { only == nil || only == name }
        var figures = FormFigures(inline: .init(), background: .init(), undoInline: .init(), undoBackground: .init(), typing: .init())
        progress("entity forms (large session): \(formRounds) rounds of editing \(FormEditBench.entityIndices.count) entities, "
            + "derivation in the background, then inline")
        if part("background") {
            figures.background = try FormEditBench(rounds: formRounds, session: large, deriver: deriver, inlineDerivation: false).run()
        }
        if part("inline") {
            figures.inline = try FormEditBench(rounds: formRounds, session: large, deriver: deriver, inlineDerivation: true).run()
        }
        if part("undo") {
            progress("undo / redo of a cascading entity delete (large session): \(undoRounds) rounds of \(UndoBench.pairs) pairs, background and inline")
            figures.undoBackground = try UndoBench(rounds: undoRounds, session: large, deriver: deriver, inlineDerivation: false).run()
            figures.undoInline = try UndoBench(rounds: undoRounds, session: large, deriver: deriver, inlineDerivation: true).run()
        }
        if part("typing") {
            progress("typing into a form row of \(TypingBench.lengths.map(String.init).joined(separator: " / ")) characters: \(formTypingRounds) rounds")
            figures.typing = try FormTypingBench(rounds: formTypingRounds, session: large, deriver: deriver).run()
        }
        return figures
    }

    /// `archtui-bench --forms`: only the form, undo and form-typing rows.
    static func printFormFigures(only: String?) throws {
        let builder = try DesignBuilder.standard()
        let figures = try measureForms(try LargeSession.make(), DesignDeriver { builder.build($0) }, only: only)
        var table = Table()
        formRows(&table, figures)
        print("")
        table.print(header: ("figure", "measured", "target"))
        print("\nLoad average during the run: \(loadAverage()) on \(processorCount()) processors.")
    }

    /// p50 / p90 / p99 / max in ms.
    static func spread(_ values: [Double], _ digits: Int = 2) -> String {
        let samples = Samples(values)
        return [samples.median, samples.p90, samples.percentile(99), samples.max].map { fixed($0 / 1000, digits) }.joined(separator: " / ") + " ms"
    }

    static func formRows(_ table: inout Table, _ figures: FormFigures) {
        for (mode, result) in [("derivation in background", figures.background), ("derivation inline", figures.inline)] {
            guard !result.keystrokeCPU.isEmpty else { continue }
            table.row("form editing, large session, every key, \(mode) (CPU) p50 / p90 / p99 / max", spread(result.keystrokeCPU),
                      "≤ 16 ms p99; \(result.keystrokeCPU.count) keys; wall p99 / max "
                          + "\(fixed(Samples(result.keystrokeWall).percentile(99) / 1000, 2)) / \(fixed(Samples(result.keystrokeWall).max / 1000, 2)) ms")
            for kind in FormEditBench.Kind.allCases {
                guard let values = result.cpu[kind], !values.isEmpty else { continue }
                table.row("  \(kind.rawValue)", spread(values), "\(values.count)×; wall max \(fixed(Samples(result.wall[kind] ?? []).max / 1000, 2)) ms")
            }
        }
        for (mode, result) in [("background", figures.undoBackground), ("inline", figures.undoInline)] {
            guard !result.undo.isEmpty else { continue }
            table.row("undo / redo of deleting \(result.entityName) (\(result.incoming) relations point at it), derivation \(mode)", "", "≤ 16 ms")
            table.row("  u: AppState.undo() → frame (CPU)", spread(result.undo), "wall max \(fixed(Samples(result.undoWall).max / 1000, 2)) ms, \(result.undo.count)×")
            table.row("  Ctrl-R: AppState.redo() → frame (CPU)", spread(result.redo), "wall max \(fixed(Samples(result.redoWall).max / 1000, 2)) ms, \(result.redo.count)×")
            table.row("  y: the delete → frame (CPU)", spread(result.delete), "d (asks first): \(spread(result.confirm))")
            if !result.arrivals.isEmpty {
                table.row("  design from the background → frame (CPU)", spread(result.arrivals), "after each of them")
            }
        }
        for length in TypingBench.lengths where figures.typing.cpu[length] != nil {
            let cpu = Samples(figures.typing.cpu[length] ?? [])
            let wall = Samples(figures.typing.wall[length] ?? [])
            table.row("typed character → frame, form row (Description) of \(length) chars (CPU) median / p90",
                      "\(fixed(cpu.median / 1000, 3)) / \(fixed(cpu.p90 / 1000, 3)) ms",
                      "same at every length; wall median \(fixed(wall.median / 1000, 3)) ms, \(cpu.sorted.count) keys")
        }
    }
}
