import ArchModel
import Foundation

/// Writes the session's journal (`SessionJournal`) off the event loop, in order on one queue: each change hands over
/// the edits it applied (and the session after them), which are appended and fsynced at once — a few milliseconds
/// after the key, never a key late. The journal starts over from the current session when it is taken up, and after
/// `compactionThreshold` edits (so replaying it stays quick).
final class JournalWriter: @unchecked Sendable {
    /// Edits appended before the journal starts over from the current session.
    static let compactionThreshold = 500

    private let queue = DispatchQueue(label: "archtui.journal")
    private let lock = NSLock()
    private var journal: SessionJournal?
    /// Set while the journal's base is still to be written (taken up without writing: an old journal is on offer).
    private var needsBase = false
    private var appended = 0

    /// Journals the file `journal` belongs to from `session` on (nil: none, e.g. read-only or no file yet). With
    /// `startingNow` false the journal on disk stays as it is until the next change (an old one being offered back).
    func use(_ journal: SessionJournal?, from session: Session, startingNow: Bool = true) {
        lock.withLock {
            self.journal = journal
            needsBase = journal != nil
            appended = 0
        }
        if startingNow { rebase(session) }
    }

    /// The journal starts over from `session` now (recovering or discarding an old one).
    func rebase(_ session: Session) {
        let target: SessionJournal? = lock.withLock {
            guard let current = journal else { return nil }
            needsBase = false
            appended = 0
            return current
        }
        guard let target else { return }
        queue.async { try? target.start(from: session) } // a journal that cannot be written leaves the saves as they were
    }

    /// `edits` were applied, giving `session`: append them (or start over from `session`).
    func record(_ edits: [SessionEdit], session: Session) {
        guard !edits.isEmpty else { return }
        let next: (SessionJournal, Bool)? = lock.withLock {
            guard let current = journal else { return nil }
            appended += edits.count
            let startOver = needsBase || appended > Self.compactionThreshold
            if startOver { needsBase = false; appended = 0 }
            return (current, startOver)
        }
        guard let (target, startOver) = next else { return }
        queue.async {
            if startOver { try? target.start(from: session) } else { try? target.append(edits) }
        }
    }

    /// Waits for the writes in flight.
    func flush() { queue.sync {} }

    /// Waits for the writes in flight, then removes the journal: the file holds everything (a clean exit).
    func finish() {
        queue.sync {}
        let journal: SessionJournal? = lock.withLock {
            defer { self.journal = nil }
            return self.journal
        }
        journal?.remove()
    }
}
