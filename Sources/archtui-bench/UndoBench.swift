import ArchApp
import ArchModel
import ArchRules
import TerminalUI

/// Deleting, in the step-4 entities list of the large session, the entity most others point at (the
/// delete cascades: `SessionEdit.removeEntity` takes their relations with it), then `u` and Ctrl-R
/// (`AppState.undo()` / `redo()`) again and again: keystroke → frame (reduce + view + diff) at 120×40.
/// Derivation inline or as the runtime does it (see `FormEditBench`).
struct UndoBench {
    /// CPU and wall-clock times in µs.
    struct Result {
        /// The keys `d` (asks first), `y` (deletes), `u` (undo) and Ctrl-R (redo), and the design arrivals.
        var delete: [Double] = [], deleteWall: [Double] = []
        var undo: [Double] = [], undoWall: [Double] = []
        var redo: [Double] = [], redoWall: [Double] = []
        var confirm: [Double] = []
        var arrivals: [Double] = []
        /// What the deleted entity took with it.
        var entityName = ""
        var incoming = 0
    }

    /// Undo–redo pairs per round.
    static let pairs = 10

    let rounds: Int
    let session: Session
    let deriver: DesignDeriver
    var inlineDerivation = true

    /// The entity with the most relations from other entities pointing at it, and how many.
    static func mostReferenced(in session: Session) -> (index: Int, incoming: Int) {
        var counts = [String: Int]()
        for entity in session.entities {
            for relation in entity.relations {
                if case .named(let name) = relation.target { counts[name, default: 0] += 1 }
                if case .id(let id) = relation.target, let target = session.entity(id) { counts[target.name, default: 0] += 1 }
            }
        }
        let index = session.entities.indices.max { counts[session.entities[$0].name] ?? 0 < counts[session.entities[$1].name] ?? 0 } ?? 0
        return (index, counts[session.entities[index].name] ?? 0)
    }

    func run() throws -> Result {
        var result = Result()
        let catalogue = try CatalogueLoader.builtIn()
        let size = Size(width: 120, height: 40)
        var start = AppState(catalogue: catalogue, session: session, filePath: "/tmp/bench.archtui.yaml", size: size,
                             deriveDesign: deriver)
        start.derivesDesignInline = inlineDerivation
        let target = Self.mostReferenced(in: start.session)
        result.entityName = start.session.entities[target.index].name
        result.incoming = target.incoming
        for _ in 0..<rounds {
            var driver = KeyDriver(state: start, size: size, inlineDerivation: inlineDerivation)
            try driver.openEntitiesList()
            driver.press([.home] + Array(repeating: .down, count: target.index))
            result.confirm.append(driver.frame(.key(.character("d"))).cpu)
            guard case .confirm? = driver.state.overlay else { throw BenchFailure("d on \(result.entityName) asked nothing") }
            let delete = driver.frame(.key(.character("y")))
            result.delete.append(delete.cpu)
            result.deleteWall.append(delete.wall)
            arrive(&driver, &result)
            guard driver.state.session.entities.count == session.entities.count - 1 else { throw BenchFailure("y deleted nothing") }
            for _ in 0..<Self.pairs {
                let undo = driver.frame(.key(.character("u")))
                result.undo.append(undo.cpu)
                result.undoWall.append(undo.wall)
                arrive(&driver, &result)
                let redo = driver.frame(.key(.ctrl("r")))
                result.redo.append(redo.cpu)
                result.redoWall.append(redo.wall)
                arrive(&driver, &result)
            }
            guard driver.state.session.entities.count == session.entities.count - 1 else { throw BenchFailure("undo/redo lost count") }
        }
        return result
    }

    private func arrive(_ driver: inout KeyDriver, _ result: inout Result) {
        if let arrival = driver.deliverDesignIfStale() { result.arrivals.append(arrival.cpu) }
    }
}
