import ArchApp
import ArchModel
import ArchRules
import TerminalUI

/// Typing into an answer field that already holds 10, 1,000 or 10,000 characters, and pasting 10,000
/// characters at once: keystroke → frame (reduce + view + diff) in process at 120×40 on the demo, as in
/// `KeystrokeBench`. The cost of a typed character must not grow with the text.
struct TypingBench {
    /// Lengths of the text already in the field when typing starts.
    static let lengths = [10, 1_000, 10_000]
    /// Characters typed at each length, per round.
    static let typedPerRound = 40
    /// Characters in the pasted text.
    static let pasteLength = 10_000
    /// A round stops typing early after this much CPU time (µs), so a slow build still finishes.
    static let roundBudget = 3_000_000.0

    /// CPU and wall-clock times in µs.
    struct Result {
        var perCharacterCPU: [Int: [Double]] = [:]
        var perCharacterWall: [Int: [Double]] = [:]
        /// Typing with the cursor in the middle of the longest text (the text after it moves each key).
        var middleCPU: [Double] = []
        /// The whole paste: the pasted text handed to `reduce` as one event, then one frame.
        var pasteCPU: [Double] = []
        var pasteWall: [Double] = []
    }

    let rounds: Int
    let session: Session
    let deriver: DesignDeriver

    /// Prose-like text of `count` characters (words and spaces, a few non-ASCII), no newlines.
    static func text(_ count: Int) -> String {
        let words = ["order", "customer", "payment", "ships", "within", "two", "days", "注文", "✓", "refund"]
        var text = ""
        var length = 0
        var index = 0
        while length < count {
            text += words[index % words.count] + " "
            length += words[index % words.count].count + 1
            index += 1
        }
        return String(text.prefix(count))
    }

    func run() throws -> Result {
        let catalogue = try CatalogueLoader.builtIn()
        let size = Size(width: 120, height: 40)
        var opened = AppState(catalogue: catalogue, session: session, filePath: "/tmp/bench.archtui.yaml", size: size,
                              deriveDesign: deriver)
        // The first step's third question, "Peak requests per second": a one-line field.
        for key: Key in [.character("j"), .character("j"), .enter] { _ = opened.reduce(.key(key)) }
        guard case .field? = opened.method.editor else { throw BenchFailure("the demo's third question opened no field") }
        var result = Result()
        for _ in 0..<rounds {
            for length in Self.lengths {
                var state = opened
                state.method.editor = .field(TextFieldState(Self.text(length)))
                var renderer = DiffRenderer()
                let backend = TestBackend(size: size)
                renderer.render(AppView.render(state), to: backend)
                var spent = 0.0
                for character in Self.text(Self.typedPerRound) where spent < Self.roundBudget {
                    let t = time(.key(.character(character)), &state, &renderer, backend)
                    result.perCharacterCPU[length, default: []].append(t.cpu)
                    result.perCharacterWall[length, default: []].append(t.wall)
                    spent += t.cpu
                }
            }
            var middle = opened
            var field = TextFieldState(Self.text(Self.lengths.last ?? 0))
            field.cursor = field.line.characters.count / 2
            middle.method.editor = .field(field)
            var middleRenderer = DiffRenderer()
            let middleBackend = TestBackend(size: size)
            middleRenderer.render(AppView.render(middle), to: middleBackend)
            for character in Self.text(Self.typedPerRound) {
                result.middleCPU.append(time(.key(.character(character)), &middle, &middleRenderer, middleBackend).cpu)
            }
            var state = opened
            state.method.editor = .field(TextFieldState(""))
            var renderer = DiffRenderer()
            let backend = TestBackend(size: size)
            renderer.render(AppView.render(state), to: backend)
            let t = time(.key(.paste(Self.text(Self.pasteLength))), &state, &renderer, backend)
            result.pasteCPU.append(t.cpu)
            result.pasteWall.append(t.wall)
        }
        return result
    }

    private func time(_ event: Event, _ state: inout AppState, _ renderer: inout DiffRenderer, _ backend: TestBackend)
        -> (wall: Double, cpu: Double) {
        let before = KeystrokeBench.reading()
        _ = state.reduce(event)
        renderer.render(AppView.render(state), to: backend)
        let after = KeystrokeBench.reading()
        return (after.wall - before.wall, after.cpu - before.cpu)
    }
}

/// The bench could not set up what it measures.
struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
