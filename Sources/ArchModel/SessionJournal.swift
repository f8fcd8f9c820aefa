import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The journal beside a session file open in the TUI (`.NAME.archtui-swap`, like vim's swap file): an append-only log
/// of the edits made since the session it starts from, each fsynced within a fifth of a second, before the debounced
/// save. It holds the process that writes it, so a second archtui knows the file is in use, and a journal whose process
/// is gone (killed, crashed, the machine lost power) holds the edits the file may lack; the next archtui offers them
/// back.
///
/// Format: `# archtui journal: pid N`, then the base session as one line of JSON (identities included, so the edits'
/// references hold), then one `SessionEdit` per line, in the order they were applied (an undo is its inverse edit). The
/// base is written atomically (`AtomicFile`); edits are appended. A line cut short by a kill ends the log there.
/// Replaying the base and the edits gives the session as it was at the last edit that reached the disk.
public struct SessionJournal: Sendable {
    /// The journal's path (beside the file a symbolic link points to).
    public let path: String

    static let headerPrefix = "# archtui journal: pid "

    public init(sessionPath: String) {
        let target = SessionStore.resolvingLinks(sessionPath)
        let folder = (target as NSString).deletingLastPathComponent
        let name = "." + (target as NSString).lastPathComponent + ".archtui-swap"
        path = folder.isEmpty ? name : (folder as NSString).appendingPathComponent(name)
    }

    /// What a journal says: who wrote it and the session at its last edit.
    public struct Entry: Sendable {
        public var pid: Int32
        public var session: Session
        /// How many edits it replayed after its base.
        public var edits: Int
        /// Whether its process still runs (another archtui has the file open).
        public var isLive: Bool { pid == getpid() || kill(pid, 0) == 0 || errno != ESRCH }
    }

    /// Starts the journal over from `session` (its base), written by this process; edits are appended after it.
    public func start(from session: Session) throws {
        let base = String(decoding: try JSONEncoder().encode(session), as: UTF8.self)
        try AtomicFile.write(Self.headerPrefix + "\(getpid())\n" + base + "\n", to: path)
    }

    /// Appends `edits` (applied in this order after the last one written) and fsyncs them.
    public func append(_ edits: [SessionEdit]) throws {
        guard !edits.isEmpty else { return }
        let encoder = JSONEncoder()
        var bytes = Data()
        for edit in edits {
            bytes += try encoder.encode(edit)
            bytes.append(0x0A)
        }
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard descriptor >= 0 else { throw AtomicFileError.failed(path: path, operation: "open the journal", reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else {
            throw AtomicFileError.failed(path: path, operation: "append to the journal", reason: String(cString: strerror(errno)))
        }
    }

    /// The journal replayed, when there is one: its base and every whole edit line after it. A journal written by an
    /// older archtui (one whole session in the session file's YAML) reads too.
    public func read(catalogue: Catalogue?) -> Entry? {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let header = lines.popFirst(), header.hasPrefix(Self.headerPrefix), let pid = Int32(header.dropFirst(Self.headerPrefix.count)) else {
            return nil
        }
        guard let baseLine = lines.popFirst(), baseLine.hasPrefix("{") else {
            // The older format: the session as YAML after the header.
            return (try? SessionFile.decode(text, file: path, catalogue: catalogue)).map { Entry(pid: pid, session: $0, edits: 0) }
        }
        let decoder = JSONDecoder()
        guard var session = try? decoder.decode(Session.self, from: Data(baseLine.utf8)) else { return nil }
        var replayed = 0
        for line in lines where !line.isEmpty {
            guard let edit = try? decoder.decode(SessionEdit.self, from: Data(line.utf8)) else { break } // cut short by a kill
            _ = session.apply(edit)
            replayed += 1
        }
        session.assignIdentities() // never hands out an identity an edit brought in
        return Entry(pid: pid, session: session, edits: replayed)
    }

    public func remove() { unlink(path) }
}
