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
