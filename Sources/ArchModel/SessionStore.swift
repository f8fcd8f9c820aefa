import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a session could not be loaded or saved.
public enum SessionStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file exists but cannot be read (permissions, not UTF-8, a directory, …).
    case unreadable(path: String, reason: String)
    /// The file was read but is not a valid session; carries `file:line:col`.
    case invalid(SessionFileError)
    /// Saving would overwrite a file written by a newer archtui.
    case newerFileExists(path: String, schemaVersion: Int)
    /// Writing failed; the previous file is untouched.
    case writeFailed(AtomicFileError)
    /// The file has no write permission: archtui does not replace it (root could, and would drop the mode's intent).
    case readOnly(path: String)
    /// The file changed on disk since archtui read or wrote it (another program, another archtui): not overwritten.
    case changedOnDisk(path: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason): return "\(path): cannot read the session: \(reason)"
        case .invalid(let error): return error.description
        case let .newerFileExists(path, version):
            return "\(path): not saved: the file has schemaVersion \(version), newer than this archtui supports (\(Session.currentSchemaVersion))"
        case .writeFailed(let error): return error.description
        case .readOnly(let path):
            return "\(path): not saved: the file is read-only; make it writable (chmod u+w) to save, or quit and keep it as it is"
        case .changedOnDisk(let path):
            return "\(path): not saved: the file changed on disk since archtui read it (another program or another archtui wrote it)"
        }
    }
}

/// Loads and saves session files: decode on load, atomic write with a `.bak` of the previous version on save.
public enum SessionStore {
    /// The largest session file read (a model of thousands of entities fits many times over).
    public static let maximumFileSize = 32 * 1_048_576

    /// The session at `path`, or nil when there is no file yet (the app starts a new session).
    public static func load(path: String, catalogue: Catalogue?) throws(SessionStoreError) -> SessionFile.Decoded? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue { throw .unreadable(path: path, reason: "it is a directory") }
        guard FileManager.default.isReadableFile(atPath: path) else { throw .unreadable(path: path, reason: "permission denied") }
        // The work a file makes is bounded by its size: a session of 400 entities is a quarter of a megabyte.
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maximumFileSize {
            throw .invalid(SessionFileError(.invalid, LocatedError(file: path, line: 1, column: 1, message:
                "the file is \(size / 1_048_576) MB; archtui reads session files of up to \(maximumFileSize / 1_048_576) MB")))
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path, reason: "permission denied") }
        guard let text = String(data: data, encoding: .utf8) else {
            // Malformed, not unreadable: where the text stops being UTF-8, so the user can find and fix it.
            let (line, column, byte) = Self.firstInvalidUTF8(data)
            throw .invalid(SessionFileError(.syntax, LocatedError(file: path, line: line, column: column, message:
                "not UTF-8 text: byte 0x\(String(byte, radix: 16, uppercase: true)) starts no character here; save the file as UTF-8")))
        }
        do {
            return try SessionFile.decodeReporting(text, file: path, catalogue: catalogue)
        } catch {
            throw .invalid(error)
        }
    }

    /// The line and column (1-based, counting characters) of the first byte of `data` that is not UTF-8, and the byte.
    static func firstInvalidUTF8(_ data: Data) -> (line: Int, column: Int, byte: UInt8) {
        var line = 1, column = 1, offset = 0
        var iterator = data.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                offset += encoded.count
                if encoded.count == 1, encoded.first == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
            case .error:
                return (line, column, data[data.startIndex + offset])
            case .emptyInput:
                return (line, column, 0)
            }
        }
    }

    /// Writes `session` to `path` atomically, keeping the previous file as `path.bak`.
    /// Refuses to overwrite a file whose schemaVersion is newer than this build's. A file of an older version
    /// is upgraded: the first save keeps it as `path.bak`, and later saves leave that backup alone, so the
    /// file as the older archtui wrote it is never lost.
    ///
    /// A symbolic link is written through: its target gets the new contents (and the `.bak`), the link stays. A
    /// read-only file is refused. With `expecting`, the stamp (`stamp(of:)`) of the file as archtui last read or
    /// wrote it, a file that has changed since is refused: someone else's change is never overwritten silently.
    /// Returns the stamp of the file as written.
    @discardableResult
    public static func save(_ session: Session, to link: String, expecting stamp: UInt64? = nil) throws(SessionStoreError) -> UInt64 {
        let path = resolvingLinks(link)
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & 0o222 == 0 { throw .readOnly(path: link) }
        let current = FileManager.default.contents(atPath: path)
        if let stamp, let current, StableHash.value(current) != stamp { throw .changedOnDisk(path: link) }
        // The file is read and its version parsed once (a large session's file is composed in full to find it).
        let currentVersion = current.flatMap { String(data: $0, encoding: .utf8) }.flatMap(SessionFile.schemaVersion(of:))
        if let version = currentVersion, version > Session.currentSchemaVersion {
            throw .newerFileExists(path: link, schemaVersion: version)
        }
        let keepsOlderBackup = currentVersion == Session.currentSchemaVersion
            && version(of: path + ".bak").map { $0 < Session.currentSchemaVersion } ?? false
        let text = SessionFile.encode(session)
        do {
            try AtomicFile.write(text, to: path, keepBackup: !keepsOlderBackup)
        } catch {
            throw .writeFailed(error)
        }
        return StableHash.value(text)
    }

    /// The temporary files a save of `path` left when its process was killed (`.NAME.tmp-PID-…`, see `AtomicFile`),
    /// dealt with so that none lingers and none is lost: one that holds a session other than the file's is kept
    /// beside it as `NAME.interrupted-PID.yaml` (it may be the newest edit); one that holds the file's session, or no
    /// whole session (killed mid-write), is removed. Returns a sentence for each one kept. Temp files of running
    /// processes are left alone.
    public static func keepInterruptedSaves(of link: String, catalogue: Catalogue?) -> [String] {
        let path = resolvingLinks(link)
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let prefix = "." + name + ".tmp-"
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        let current = FileManager.default.contents(atPath: path)
        var kept: [String] = []
        for entry in entries.sorted() where entry.hasPrefix(prefix) {
            let rest = entry.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = Int32(rest[..<dash]), pid > 0,
                  kill(pid, 0) != 0, errno == ESRCH else { continue }
            let temp = (folder as NSString).appendingPathComponent(entry)
            let data = FileManager.default.contents(atPath: temp)
            let whole = data.flatMap { String(data: $0, encoding: .utf8) }.flatMap { try? SessionFile.decode($0, file: temp, catalogue: catalogue) }
            guard whole != nil, data != current else {
                unlink(temp)
                continue
            }
            let stem = name.hasSuffix(".yaml") ? String(name.dropLast(5)) : name
            let keptPath = (folder as NSString).appendingPathComponent("\(stem).interrupted-\(pid).yaml")
            guard !FileManager.default.fileExists(atPath: keptPath), rename(temp, keptPath) == 0 else { continue }
            kept.append("a save of \(name) was interrupted (archtui \(pid) was killed) and left another version: it is kept as "
                + "\((keptPath as NSString).lastPathComponent); open it to compare, then delete it")
        }
        return kept
    }

    /// What `save(_:to:expecting:)` compares: a hash of the file's bytes (nil when there is no file). The
    /// modification time would miss a change within its granularity, and flag a `touch`.
    public static func stamp(of path: String) -> UInt64? {
        FileManager.default.contents(atPath: resolvingLinks(path)).map { StableHash.value($0) }
    }

    /// The file a chain of symbolic links at `path` ends at (at most 32 links; relative links from their folder).
    static func resolvingLinks(_ path: String) -> String {
        var current = path
        for _ in 0..<32 {
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return current }
            current = destination.hasPrefix("/") ? destination
                : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(destination)
        }
        return current
    }

    /// The schemaVersion of the session file at `path`, when there is one that says.
    private static func version(of path: String) -> Int? {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else { return nil }
        return SessionFile.schemaVersion(of: text)
    }
}
