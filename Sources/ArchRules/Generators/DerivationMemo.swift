import ArchModel
import Foundation

/// What one derivation may reuse from the one before: per entity, the routes and the table made from exactly the
/// same inputs; the names and relation graph while no entity's name or relations changed.
/// Editing one field of a 400-entity session then rebuilds one entity's routes, not all of them.
///
/// Invisible in results: a value is reused only for equal inputs under equal shared answers, and a test builds
/// the same sessions with and without a memo and compares. Safe to share between threads (one pass at a time).
public final class DerivationMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var routeCache = ReuseCache<RouteBuilder, RouteInputs, [Endpoint]>()
    private var tableCache = ReuseCache<TableContext, TableInputs, Table>()
    private var lastSchema: (shape: [EntityShape], names: SchemaNames, graph: RelationGraph)?

    public init() {}

    /// How many values the last pass reused and how many it had to make.
    public struct Reuse: Equatable, Sendable {
        public var reused: Int
        public var made: Int
    }

    /// Routes in the last derivation.
    public var lastRouteReuse: Reuse { lock.withLock { routeCache.lastPass } }
    /// Entity tables in the last derivation.
    public var lastTableReuse: Reuse { lock.withLock { tableCache.lastPass } }

    /// The names and relation graph of the last derivation if the entities' shapes are the same, else `make`'s.
    func schema(for shape: [EntityShape], make: () -> (SchemaNames, RelationGraph)) -> (names: SchemaNames, graph: RelationGraph) {
        lock.withLock {
            if let last = lastSchema, last.shape == shape { return (last.names, last.graph) }
            let (names, graph) = make()
            lastSchema = (shape, names, graph)
            return (names, graph)
        }
    }

    /// The routes for each of `keys`, reused or made by `make` (in two threads when `parallel`).
    func routes(for keys: [RouteInputs], context: RouteBuilder, parallel: Bool,
                make: @escaping @Sendable (RouteInputs) -> [Endpoint]) -> [[Endpoint]] {
        lock.withLock { routeCache.values(for: keys, context: context, parallel: parallel, make: make) }
    }

    /// The entity table for each of `keys`, as `routes`.
    func tables(for keys: [TableInputs], context: TableContext, parallel: Bool,
                make: @escaping @Sendable (TableInputs) -> Table) -> [Table] {
        lock.withLock { tableCache.values(for: keys, context: context, parallel: parallel, make: make) }
    }
}

/// Values made in the last pass, kept for the next pass when its shared context is equal. Only the last pass's
/// values are kept, so memory stays that of one design.
struct ReuseCache<Context: Hashable, Key: Hashable, Value> {
    private var context: Context?
    private var previous: [HashedKey<Key>: Value] = [:]
    private(set) var lastPass = DerivationMemo.Reuse(reused: 0, made: 0)

    /// The value for each key: the last pass's when its key and the context are equal, else made (the missing
    /// ones in two threads when `parallel`). The values of this pass are kept for the next.
    mutating func values(for keys: [Key], context: Context, parallel: Bool,
                         make: @escaping @Sendable (Key) -> Value) -> [Value] where Key: Sendable, Value: Sendable {
        let earlier = self.context == context ? previous : [:]
        let hashed = keys.map(HashedKey.init)
        var values = hashed.map { earlier[$0] }
        let missing = values.indices.filter { values[$0] == nil }
        let made = ParallelWork.map(missing.map { keys[$0] }, parallel: parallel, make)
        for (index, value) in zip(missing, made) { values[index] = value }
        var current: [HashedKey<Key>: Value] = [:]
        current.reserveCapacity(keys.count)
        let all = values.map { $0! }  // every missing value was just made
        for (key, value) in zip(hashed, all) { current[key] = value }
        self.context = context
        previous = current
        lastPass = DerivationMemo.Reuse(reused: keys.count - missing.count, made: missing.count)
        return all
    }
}

/// A key with its hash worked out once: keys are large (an entity with its fields), and each is hashed for the
/// look-up and again for the insert.
struct HashedKey<Key: Hashable>: Hashable {
    let key: Key
    private let hash: Int

    init(_ key: Key) {
        self.key = key
        hash = key.hashValue
    }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }
    static func == (lhs: Self, rhs: Self) -> Bool { lhs.hash == rhs.hash && lhs.key == rhs.key }
}

/// Memo keys made from one entity and its foreign keys (`RouteInputs`, `TableInputs`).
protocol EntityInputs: Hashable {
    associatedtype Parent
    var entity: Entity { get }
    var parents: [Parent] { get }
}

extension EntityInputs {
    /// Hashes only the entity's name and size: equal inputs still hash equally, and `==` compares everything.
    /// Hashing every field of every entity would cost more than the look-up saves.
    func hash(into hasher: inout Hasher) {
        hasher.combine(entity.name)
        hasher.combine(entity.fields.count)
        hasher.combine(parents.count)
    }
}
