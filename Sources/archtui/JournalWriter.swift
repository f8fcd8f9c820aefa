import ArchModel
import Foundation

/// Writes the session's journal (`SessionJournal`) off the event loop: each change hands over the session as it is
/// (a copy is a reference count), and one background write at a time puts the latest in the journal, so it is at
/// most one write behind the last key (a few milliseconds; a large session's about 50 ms), never a key late.
final class JournalWriter: @unchecked Sendable {
    private let queue = DispatchQueue(label: "archtui.journal")
    private let lock = NSLock()
    private var journal: SessionJournal?
    private var pending: Session?
    private var scheduled = false

    /// Journals `session` for the file `journal` belongs to (nil: none, e.g. read-only or no file yet).
    func use(_ journal: SessionJournal?) {
        lock.withLock {
            self.journal = journal
            pending = nil
        }
    }

    /// The session changed: journal it soon.
    func changed(_ session: Session) {
        let start: Bool = lock.withLock {
            guard journal != nil else { return false }
            pending = session
            if scheduled { return false }
            scheduled = true
            return true
        }
        if start { queue.async { [self] in drain() } }
    }

    private func drain() {
        while true {
            let next: (SessionJournal, Session)? = lock.withLock {
                guard let journal, let session = pending else { scheduled = false; return nil }
                pending = nil
                return (journal, session)
            }
            guard let (journal, session) = next else { return }
            try? journal.write(session)  // a journal that cannot be written leaves the saves as they were
        }
    }

    /// Waits for the writes in flight, then removes the journal: the file holds everything (a clean exit).
    func finish() {
        queue.sync {}
        let journal: SessionJournal? = lock.withLock {
            defer { self.journal = nil; pending = nil }
            return self.journal
        }
        journal?.remove()
    }
}
