import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be written; the target is untouched in every case.
public enum AtomicFileError: Error, Hashable, Sendable, CustomStringConvertible {
    case permissionDenied(path: String)
    case directoryMissing(path: String)
    case diskFull(path: String)
    case failed(path: String, operation: String, reason: String)

    public var description: String {
        switch self {
        case .permissionDenied(let path): return "\(path): permission denied"
        case .directoryMissing(let path): return "\(path): the directory does not exist"
        case .diskFull(let path): return "\(path): no space left on the device"
        case let .failed(path, operation, reason): return "\(path): cannot \(operation): \(reason)"
        }
    }
}

/// Writes files so that a crash or a full disk never leaves a half-written file:
/// temp file in the same directory → fsync → rename over the target → fsync the directory.
public enum AtomicFile {
    /// Replaces `path` with `text` atomically. With `keepBackup`, the previous contents (if any)
    /// are first saved, also atomically, as `path.bak`.
    public static func write(_ text: String, to path: String, keepBackup: Bool = false) throws(AtomicFileError) {
        try write(Data(text.utf8), to: path, keepBackup: keepBackup)
    }

    /// Replaces `path` with `data` atomically; see `write(_:to:keepBackup:)`.
    public static func write(_ data: Data, to path: String, keepBackup: Bool = false) throws(AtomicFileError) {
        let directory = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        var info = stat()
        guard stat(directory, &info) == 0 else { throw error(errno, path: directory, operation: "open the directory") }
        var mode: mode_t = 0o644
        var targetInfo = stat()
        let targetExists = stat(path, &targetInfo) == 0
        if targetExists { mode = targetInfo.st_mode & 0o7777 }
        let temp = try writeTemp(data, beside: path, directory: directory, mode: mode)
        if keepBackup, targetExists {
            guard let previous = FileManager.default.contents(atPath: path) else {
                unlink(temp)
                throw AtomicFileError.failed(path: path, operation: "read the previous version for the backup", reason: "unreadable")
            }
            do {
                try write(previous, to: path + ".bak", keepBackup: false)
            } catch {
                unlink(temp)
                throw error
            }
        }
        guard rename(temp, path) == 0 else {
            let code = errno
            unlink(temp)
            throw error(code, path: path, operation: "replace the file")
        }
        syncDirectory(directory)
    }

    /// Writes `data` to a fresh temp file next to `path`, flushed to disk; returns its path.
    private static func writeTemp(_ data: Data, beside path: String, directory: String, mode: mode_t) throws(AtomicFileError) -> String {
        let name = (path as NSString).lastPathComponent
        let temp = (directory as NSString).appendingPathComponent(".\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw error(errno, path: path, operation: "create a temporary file") }
        var failure: Int32 = 0
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure == 0, fsync(fd) != 0 { failure = errno }
        if close(fd) != 0, failure == 0 { failure = errno }
        if failure != 0 {
            unlink(temp)
            throw error(failure, path: path, operation: "write")
        }
        return temp
    }

    /// Makes the rename itself durable; failure here is not fatal (the data is already in place).
    private static func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    private static func error(_ code: Int32, path: String, operation: String) -> AtomicFileError {
        switch code {
        case EACCES, EPERM, EROFS: return .permissionDenied(path: path)
        case ENOENT, ENOTDIR: return .directoryMissing(path: path)
        case ENOSPC, EDQUOT: return .diskFull(path: path)
        default: return .failed(path: path, operation: operation, reason: String(cString: strerror(code)))
        }
    }
}
