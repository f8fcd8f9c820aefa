import Foundation

/// Results filled in by the iterations of a `concurrentPerform` (or tasks of a group), each its own index.
final class ConcurrentResults<Value>: @unchecked Sendable {
    private var results: [Result<Value, Error>?]
    private var done = 0
    private let lock = NSLock()

    init(count: Int) { results = Array(repeating: nil, count: count) }

    /// Keeps the result of iteration `index`; `then` hears how many are done, one call at a time.
    func set(_ index: Int, _ result: Result<Value, Error>, then: (Int) -> Void = { _ in }) {
        lock.lock()
        defer { lock.unlock() }
        results[index] = result
        done += 1
        then(done)
    }

    /// Every result, in index order (call after the `concurrentPerform` returns).
    var values: [Result<Value, Error>] { results.map { $0! } }
}
