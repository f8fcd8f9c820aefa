import ArchApp
import ArchRules

extension BenchReport {
    static let typingRounds = 3

    /// Typing at three lengths of text and the paste, with the app's own derivation, on the demo.
    static func measureTyping() throws -> TypingBench.Result {
        let builder = try DesignBuilder.standard()
        progress("typing into an answer of \(TypingBench.lengths.map(String.init).joined(separator: " / ")) characters, "
            + "and a \(TypingBench.pasteLength)-character paste: \(typingRounds) rounds")
        return try TypingBench(rounds: typingRounds, session: try Demo.session(), deriver: DesignDeriver { builder.build($0) }).run()
    }

    /// `archtui-bench --typing`: only the typing rows.
    static func printTypingFigures() throws {
        let typing = try measureTyping()
        var table = Table()
        typingRows(&table, typing)
        print("")
        table.print(header: ("figure", "measured", "target"))
    }

    /// Per typed character at each length (CPU and wall), and the whole paste.
    static func typingRows(_ table: inout Table, _ typing: TypingBench.Result) {
        for length in TypingBench.lengths {
            let cpu = Samples(typing.perCharacterCPU[length] ?? [])
            let wall = Samples(typing.perCharacterWall[length] ?? [])
            table.row("typed character → frame, answer of \(length) chars (CPU) median / p90",
                      "\(fixed(cpu.median / 1000, 3)) / \(fixed(cpu.p90 / 1000, 3)) ms",
                      "same at every length, ≤ 1 ms; wall median \(fixed(wall.median / 1000, 3)) ms, \(cpu.sorted.count) keys")
        }
        let middle = Samples(typing.middleCPU)
        table.row("  the same at \(TypingBench.lengths.last ?? 0) chars, cursor in the middle (CPU) median / p90",
                  "\(fixed(middle.median / 1000, 3)) / \(fixed(middle.p90 / 1000, 3)) ms", "the text after the cursor moves")
        let cpu = Samples(typing.pasteCPU), wall = Samples(typing.pasteWall)
        table.row("paste of \(TypingBench.pasteLength) chars → frame (CPU) median / max",
                  "\(fixed(cpu.median / 1000, 2)) / \(fixed(cpu.max / 1000, 2)) ms",
                  "well under 1 s; wall median \(fixed(wall.median / 1000, 2)) ms")
    }
}
