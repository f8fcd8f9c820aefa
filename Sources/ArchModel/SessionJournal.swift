import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The journal beside a session file open in the TUI (`.NAME.archtui-swap`, like vim's swap file): the session as it
/// is now, written within a fifth of a second of each change, before the debounced save. It holds the process that
/// writes it, so a second archtui knows the file is in use, and a journal whose process is gone (killed, crashed, the
/// machine lost power) holds the edits the file may lack; the next archtui offers them back. Each write replaces the
/// journal atomically (`AtomicFile`), so it is always one whole session.
public struct SessionJournal: Sendable {
    /// The journal's path (beside the file a symbolic link points to).
    public let path: String

    public init(sessionPath: String) {
        let target = SessionStore.resolvingLinks(sessionPath)
        let folder = (target as NSString).deletingLastPathComponent
        let name = "." + (target as NSString).lastPathComponent + ".archtui-swap"
        path = folder.isEmpty ? name : (folder as NSString).appendingPathComponent(name)
    }

    /// What a journal says: who wrote it and the session then.
    public struct Entry: Sendable {
        public var pid: Int32
        public var session: Session
        /// Whether its process still runs (another archtui has the file open).
        public var isLive: Bool { pid == getpid() || kill(pid, 0) == 0 || errno != ESRCH }
    }

    /// Replaces the journal with `session`, written by this process.
    public func write(_ session: Session) throws(AtomicFileError) {
        try AtomicFile.write("# archtui journal: pid \(getpid())\n" + SessionFile.encode(session), to: path)
    }

    /// The journal, when there is one that reads as a whole session.
    public func read(catalogue: Catalogue?) -> Entry? {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8),
              let header = text.split(separator: "\n", maxSplits: 1).first, header.hasPrefix("# archtui journal: pid "),
              let pid = Int32(header.dropFirst("# archtui journal: pid ".count)),
              let session = try? SessionFile.decode(text, file: path, catalogue: catalogue) else { return nil }
        return Entry(pid: pid, session: session)
    }

    public func remove() { unlink(path) }
}
