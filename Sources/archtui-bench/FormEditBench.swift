import ArchApp
import ArchModel
import ArchRules
import TerminalUI

/// Editing entities of the large session in their forms, driven by keys as a user would: step 4 → Enter
/// on the entities question → an entity → Enter; then moving between rows, typing a description, opening
/// a field, flipping its flags (each flip re-derives the design) and typing its description.
/// Keystroke → frame (reduce + view + diff) in process at 120×40, as in `KeystrokeBench`.
///
/// With `inlineDerivation` false the app runs as the runtime does (`derivesInline: false`): a key that
/// changes the session only marks the design stale; the bench then derives it (untimed, as the background
/// thread would) and times the frame that shows it (`designArrives`) apart from the key.
struct FormEditBench {
    /// What a keystroke does in the form.
    enum Kind: String, CaseIterable {
        case open = "open a form (Enter on an entity or a field)"
        case move = "move between rows (j / k / G), start typing (Enter)"
        case type = "type a character into a row"
        case commit = "store typed text (Enter): re-derives"
        case toggle = "flip a field flag (Space): re-derives"
        case back = "back to the entity form (Esc)"
        case designArrives = "design from the background → frame"
    }

    /// CPU and wall-clock times in µs, per kind of key.
    struct Result {
        var cpu: [Kind: [Double]] = [:]
        var wall: [Kind: [Double]] = [:]

        mutating func add(_ kind: Kind, _ time: (wall: Double, cpu: Double)) {
            cpu[kind, default: []].append(time.cpu)
            wall[kind, default: []].append(time.wall)
        }

        /// Every keystroke (not the background design's frames).
        var keystrokeCPU: [Double] { Kind.allCases.filter { $0 != .designArrives }.flatMap { cpu[$0] ?? [] } }
        var keystrokeWall: [Double] { Kind.allCases.filter { $0 != .designArrives }.flatMap { wall[$0] ?? [] } }
    }

    /// Positions (in the entities list) of the entities edited each round.
    static let entityIndices = [0, 57, 199, 398]
    static let description = "Holds what the bench types, 注文 ✓"

    let rounds: Int
    let session: Session
    let deriver: DesignDeriver
    var inlineDerivation = true

    func run() throws -> Result {
        var result = Result()
        let catalogue = try CatalogueLoader.builtIn()
        let size = Size(width: 120, height: 40)
        // Derived inline once here, so both modes start from the full design.
        var start = AppState(catalogue: catalogue, session: session, filePath: "/tmp/bench.archtui.yaml", size: size,
                             deriveDesign: deriver)
        start.derivesDesignInline = inlineDerivation
        for _ in 0..<rounds {
            var driver = KeyDriver(state: start, size: size, inlineDerivation: inlineDerivation)
            try driver.openEntitiesList()
            for index in Self.entityIndices {
                driver.press([.home] + Array(repeating: .down, count: index)) // in the list: untimed
                driver.timed(.enter, .open, &result)
                guard case .entity? = driver.state.form?.top.target else { throw BenchFailure("Enter on entity \(index) opened no form") }
                // Entity form: Name, Description, Owner, Fields…: type a description.
                driver.timed(.character("j"), .move, &result)
                driver.timed(.enter, .move, &result) // starts typing
                driver.timed(.ctrl("u"), .type, &result)
                for character in Self.description { driver.timed(.character(character), .type, &result) }
                driver.timed(.enter, .commit, &result)
                guard driver.state.session.entities[index].description == Self.description else {
                    throw BenchFailure("the description typed into entity \(index) was not stored")
                }
                // Down to the second field and into its form.
                for _ in 0..<4 { driver.timed(.character("j"), .move, &result) }
                driver.timed(.character("k"), .move, &result)
                driver.timed(.enter, .open, &result)
                guard case .field? = driver.state.form?.top.target else { throw BenchFailure("no field form for entity \(index)") }
                // Field form: …, Required, Unique, Indexed, PII, Default, Description (last).
                driver.timed(.character("G"), .move, &result)
                driver.timed(.enter, .move, &result)
                for character in Self.description.prefix(16) { driver.timed(.character(character), .type, &result) }
                driver.timed(.enter, .commit, &result)
                let stepsBefore = driver.state.history.undoSteps.count
                for _ in 0..<3 { driver.timed(.character("k"), .move, &result) } // Indexed
                driver.timed(.character(" "), .toggle, &result)
                driver.timed(.character("k"), .move, &result) // Unique
                driver.timed(.character(" "), .toggle, &result)
                driver.timed(.character(" "), .toggle, &result)
                driver.timed(.character("j"), .move, &result)
                driver.timed(.character(" "), .toggle, &result)
                let flips = driver.state.history.undoSteps.count - stepsBefore
                guard flips == 4 else { throw BenchFailure("flipping flags of entity \(index)'s field stored \(flips) of 4 edits") }
                driver.timed(.escape, .back, &result)
                driver.press([.escape]) // close the entity form, back to the list: untimed
            }
        }
        return result
    }
}

/// Drives an `AppState` with keys and times keystroke → frame, delivering background designs as the
/// runtime does when the state does not derive inline.
struct KeyDriver {
    var state: AppState
    var renderer = DiffRenderer()
    let backend: TestBackend
    let inlineDerivation: Bool

    init(state: AppState, size: Size, inlineDerivation: Bool) {
        self.state = state
        self.inlineDerivation = inlineDerivation
        backend = TestBackend(size: size)
        renderer.render(AppView.render(state), to: backend) // the first, full frame is not a keystroke
    }

    /// Step 4, Enter on its first question (the entities list).
    mutating func openEntitiesList() throws {
        press([.character("]"), .character("]"), .character("]"), .enter])
        guard case .list? = state.method.editor else { throw BenchFailure("step 4's first question opened no list") }
    }

    /// Keys whose cost is not measured (getting somewhere), each with its frame.
    mutating func press(_ keys: [Key]) {
        for key in keys {
            _ = state.reduce(.key(key))
            renderer.render(AppView.render(state), to: backend)
            _ = deliverDesignIfStale()
        }
    }

    /// One measured keystroke → frame, then (not inline) the background design's frame, measured apart.
    mutating func timed(_ key: Key, _ kind: FormEditBench.Kind, _ result: inout FormEditBench.Result) {
        result.add(kind, frame(.key(key)))
        if let arrival = deliverDesignIfStale() { result.add(.designArrives, arrival) }
    }

    /// reduce + view + diff for one event: wall and CPU µs.
    mutating func frame(_ event: Event) -> (wall: Double, cpu: Double) {
        let before = KeystrokeBench.reading()
        _ = state.reduce(event)
        renderer.render(AppView.render(state), to: backend)
        let after = KeystrokeBench.reading()
        return (after.wall - before.wall, after.cpu - before.cpu)
    }

    /// What the background thread and the event loop do after a session change: derive (not measured: off
    /// the main thread in the app), then `.designDerived` and a frame, whose time is returned.
    mutating func deliverDesignIfStale() -> (wall: Double, cpu: Double)? {
        guard !inlineDerivation, state.designIsStale else { return nil }
        let design = state.deriveDesign(state.session)
        return frame(.designDerived(design, revision: state.designRevision))
    }
}
