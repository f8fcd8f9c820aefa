import ArchApp
import ArchModel
import ArchRules
import TerminalUI

/// Typing into an entity's Description row in its form (large session) that already holds 10, 1,000 or
/// 10,000 characters (pasted in first, untimed): keystroke → frame as in `TypingBench`. Must not grow with
/// the text.
struct FormTypingBench {
    let rounds: Int
    let session: Session
    let deriver: DesignDeriver

    /// CPU and wall µs per typed character, by length of the text already there.
    struct Result {
        var cpu: [Int: [Double]] = [:]
        var wall: [Int: [Double]] = [:]
    }

    func run() throws -> Result {
        var result = Result()
        let catalogue = try CatalogueLoader.builtIn()
        let size = Size(width: 120, height: 40)
        var start = AppState(catalogue: catalogue, session: session, filePath: "/tmp/bench.archtui.yaml", size: size,
                             deriveDesign: deriver)
        start.derivesDesignInline = false // as the runtime; typing itself changes no session
        var opened = KeyDriver(state: start, size: size, inlineDerivation: false)
        try opened.openEntitiesList()
        opened.press([.home, .down, .down, .enter, .character("j"), .enter]) // the third entity, Description, typing
        guard opened.state.form?.top.editing != nil else { throw BenchFailure("the Description row did not open for typing") }
        for _ in 0..<rounds {
            for length in TypingBench.lengths {
                var driver = opened
                driver.press([.paste(TypingBench.text(length))])
                var spent = 0.0
                for character in TypingBench.text(TypingBench.typedPerRound) where spent < TypingBench.roundBudget {
                    let time = driver.frame(.key(.character(character)))
                    result.cpu[length, default: []].append(time.cpu)
                    result.wall[length, default: []].append(time.wall)
                    spent += time.cpu
                }
            }
        }
        return result
    }
}
