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
