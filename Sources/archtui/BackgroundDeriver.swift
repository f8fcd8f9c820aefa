import ArchApp
import ArchModel
import Dispatch
import Foundation

/// Derives designs off the main thread, one at a time, so typing never waits for the rule engine on a
/// large session. The event loop starts a derivation when the design is stale and collects the result.
final class BackgroundDeriver: @unchecked Sendable {
    private let derive: DesignDeriver
    private let queue = DispatchQueue(label: "archtui.derive", qos: .userInitiated)
    /// Guards `busy` and `result`, the only state shared with the queue.
    private let lock = NSLock()
    private var busy = false
    private var result: (Design, Int)?

    init(_ derive: DesignDeriver) { self.derive = derive }

    /// Whether a derivation is running.
    var isBusy: Bool { lock.withLock { busy } }

    /// Starts deriving `session` (revision `revision`) unless one is already running.
    func start(_ session: Session, revision: Int) {
        let started: Bool = lock.withLock {
            if busy { return false }
            busy = true
            return true
        }
        guard started else { return }
        queue.async { [self] in
            let design = derive(session)
            lock.withLock {
                result = (design, revision)
                busy = false
            }
        }
    }

    /// The finished design and its revision, once.
    func takeResult() -> (Design, Int)? {
        lock.withLock {
            defer { result = nil }
            return result
        }
    }
}
