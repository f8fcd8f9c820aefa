import Dispatch

/// Runs two independent parts of a derivation at once: the first on a worker thread, the second on the
/// calling thread. Neither may write what the other reads (shared state must lock: the derivation memo does).
enum ForkJoin {
    /// Both results; `inParallel: false` runs them one after the other on this thread (small sessions, where a
    /// thread hop costs more than it saves).
    static func both<A: Sendable, B>(inParallel: Bool, _ first: @escaping @Sendable () -> A, _ second: () -> B) -> (A, B) {
        guard inParallel else { return (first(), second()) }
        let result = Slot<A>()
        let group = DispatchGroup()
        DispatchQueue.global(qos: .userInitiated).async(group: group) { result.value = first() }
        let other = second()
        group.wait()  // the worker's write happens before `wait` returns
        guard let value = result.value else { preconditionFailure("the forked part finished without a result") }
        return (value, other)
    }

    /// Where the worker leaves its result; read only after the group is done.
    private final class Slot<Value>: @unchecked Sendable {
        var value: Value?
    }
}

/// Maps a list in two halves on two threads (the first half on a worker), in order.
enum ParallelWork {
    /// Fewer items than this are mapped on the calling thread: the hop would cost more than it saves.
    static let minimumItems = 32

    static func map<Item: Sendable, Result: Sendable>(_ items: [Item], parallel: Bool,
                                                      _ transform: @escaping @Sendable (Item) -> Result) -> [Result] {
        guard parallel, items.count >= minimumItems else { return items.map(transform) }
        let middle = items.count / 2
        let front = Array(items[..<middle])
        let (first, second) = ForkJoin.both(inParallel: true, { front.map(transform) }, { items[middle...].map(transform) })
        return first + second
    }
}
