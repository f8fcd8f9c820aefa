import Foundation

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

    public var description: String {
        switch self {
        case let .unreadable(path, reason): return "\(path): cannot read the session: \(reason)"
        case .invalid(let error): return error.description
        case let .newerFileExists(path, version):
            return "\(path): not saved: the file has schemaVersion \(version), newer than this archtui supports (\(Session.currentSchemaVersion))"
        case .writeFailed(let error): return error.description
        }
    }
}

/// Loads and saves session files: decode on load, atomic write with a `.bak` of the previous version on save.
public enum SessionStore {
    /// The session at `path`, or nil when there is no file yet (the app starts a new session).
    public static func load(path: String, catalogue: Catalogue?) throws(SessionStoreError) -> SessionFile.Decoded? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue { throw .unreadable(path: path, reason: "it is a directory") }
        guard FileManager.default.isReadableFile(atPath: path), let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "permission denied")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: path, reason: "not UTF-8 text")
        }
        do {
            return try SessionFile.decodeReporting(text, file: path, catalogue: catalogue)
        } catch {
            throw .invalid(error)
        }
    }

    /// Writes `session` to `path` atomically, keeping the previous file as `path.bak`.
    /// Refuses to overwrite a file whose schemaVersion is newer than this build's. A file of an older version
    /// is upgraded: the first save keeps it as `path.bak`, and later saves leave that backup alone, so the
    /// file as the older archtui wrote it is never lost.
    public static func save(_ session: Session, to path: String) throws(SessionStoreError) {
        if let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8),
           let version = SessionFile.schemaVersion(of: text), version > Session.currentSchemaVersion {
            throw .newerFileExists(path: path, schemaVersion: version)
        }
        let keepsOlderBackup = version(of: path + ".bak").map { $0 < Session.currentSchemaVersion } ?? false
            && version(of: path) == Session.currentSchemaVersion
        do {
            try AtomicFile.write(SessionFile.encode(session), to: path, keepBackup: !keepsOlderBackup)
        } catch {
            throw .writeFailed(error)
        }
    }

    /// The schemaVersion of the session file at `path`, when there is one that says.
    private static func version(of path: String) -> Int? {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else { return nil }
        return SessionFile.schemaVersion(of: text)
    }
}
