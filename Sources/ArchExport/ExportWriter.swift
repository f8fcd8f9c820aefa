import ArchModel
import Foundation

/// Writes an export into its folder atomically: the files are built in a temporary folder beside the
/// target, then moved into place, so a failure leaves no half-written folder and the previous export intact.
/// Files archtui did not write (not in the previous manifest, or changed since) are never overwritten or
/// removed unless `force`; those the new export does not write are carried over.
public struct ExportWriter: Sendable {
    public var force: Bool

    public init(force: Bool = false) { self.force = force }

    /// What was written, for the user: the folder and the files, in order.
    public struct Result: Hashable, Sendable {
        public var folder: String
        public var files: [String]
        /// Files that were already in the folder and not archtui's, kept as they were.
        public var kept: [String]

        public init(folder: String, files: [String], kept: [String] = []) {
            self.folder = folder
            self.files = files
            self.kept = kept
        }
    }

    /// Writes `files` (and the manifest) as the whole content archtui owns in `folder`.
    /// Files of formats the export does not write that an earlier export wrote (and nobody changed since) stay.
    public func write(_ files: [(ExportFile, ExportFormat)], manifest: ExportManifest, to folder: String) throws -> Result {
        let fileManager = FileManager.default
        let target = URL(fileURLWithPath: folder).standardizedFileURL
        Self.recoverInterrupted(target)
        var isDirectory: ObjCBool = false
        let exists = fileManager.fileExists(atPath: target.path, isDirectory: &isDirectory)
        if exists, !isDirectory.boolValue { throw ExportError.notAFolder(folder) }

        var paths = Set<String>()
        for (file, _) in files where !paths.insert(file.path.description).inserted { throw ExportError.duplicatePath(file.path.description) }
        paths.insert(ExportManifest.fileName)

        // What is there now, and which of it is archtui's own, unchanged since it was written.
        var carried: [String] = []
        var keptEntries: [ExportManifest.Entry] = []
        /// archtui's own files that this export writes again byte for byte: linked into the new folder, not rewritten.
        var reused: Set<String> = []
        if exists {
            let present = try Self.regularFiles(in: target)
            let previous = (try? Data(contentsOf: target.appendingPathComponent(ExportManifest.fileName))).flatMap(ExportManifest.decode)
            let owned = Self.unchanged(previous?.files ?? [], in: target).union(previous == nil ? [] : [ExportManifest.fileName])
            let foreign = present.filter { !owned.contains($0) }
            let fresh = Dictionary(manifest.files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
            reused = Set((previous?.files ?? []).filter { old in
                owned.contains(old.path) && old.xxh64 != nil && fresh[old.path].map { $0.xxh64 == old.xxh64 && $0.bytes == old.bytes } == true
            }.map(\.path))
            // archtui's files of the formats this export does not write stay, with their manifest entries.
            let written = Set(manifest.formats)
            keptEntries = (previous?.files ?? []).filter { owned.contains($0.path) && !written.contains($0.format) && !paths.contains($0.path) }
            carried += keptEntries.map(\.path)
            let clashing = foreign.filter { paths.contains($0) || Self.isPrefixClash($0, paths) }
            if !clashing.isEmpty, !force { throw ExportError.foreignFiles(folder: folder, files: clashing) }
            carried += foreign.filter { !paths.contains($0) && !Self.isPrefixClash($0, paths) }
        }

        let parent = target.deletingLastPathComponent()
        let stem = "." + target.lastPathComponent + ".archtui-" + String(ProcessInfo.processInfo.processIdentifier)
        let staging = parent.appendingPathComponent(stem + "-new")
        let retired = parent.appendingPathComponent(stem + "-old")
        try? fileManager.removeItem(at: staging)
        try? fileManager.removeItem(at: retired)
        do {
            try Self.create(staging)
            try Self.write(files.map(\.0), to: staging, reusing: reused, from: target)
            try Self.write(manifest.merging(keptEntries).encoded(), to: staging, at: ExportManifest.fileName)
            for path in carried {
                try Self.create(staging.appendingPathComponent(path).deletingLastPathComponent())
                try fileManager.copyItem(at: target.appendingPathComponent(path), to: staging.appendingPathComponent(path))
            }
        } catch let error as ExportError {
            try? fileManager.removeItem(at: staging)
            throw error
        } catch {
            try? fileManager.removeItem(at: staging)
            throw ExportError.cannotWrite(path: folder, reason: Self.reason(error))
        }
        // Into place: the old folder steps aside, the new one takes its name, the old one goes.
        do {
            if exists { try fileManager.moveItem(at: target, to: retired) }
            do {
                try fileManager.moveItem(at: staging, to: target)
            } catch {
                if exists { try? fileManager.moveItem(at: retired, to: target) }
                throw error
            }
            if exists { try? fileManager.removeItem(at: retired) }
        } catch {
            try? fileManager.removeItem(at: staging)
            throw ExportError.cannotWrite(path: folder, reason: Self.reason(error))
        }
        let keptPaths = Set(keptEntries.map(\.path))
        return Result(folder: folder, files: (files.map { $0.0.path.description } + [ExportManifest.fileName]).sorted(),
                      kept: carried.filter { !keptPaths.contains($0) }.sorted())
    }

    /// Cleans up after an export that was killed: its half-built folder goes, and a previous export it had moved
    /// aside goes back when the new one never took its place. Only folders of processes no longer running.
    static func recoverInterrupted(_ target: URL) {
        let fileManager = FileManager.default
        let parent = target.deletingLastPathComponent()
        let prefix = "." + target.lastPathComponent + ".archtui-"
        guard let names = try? fileManager.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names.sorted() where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let dash = rest.lastIndex(of: "-"), let pid = Int32(rest[..<dash]), pid > 0 else { continue }
            let kind = rest[rest.index(after: dash)...]
            guard kind == "new" || kind == "old", kill(pid, 0) != 0, errno == ESRCH else { continue }
            let url = parent.appendingPathComponent(name)
            if kind == "old", !fileManager.fileExists(atPath: target.path) {
                try? fileManager.moveItem(at: url, to: target)
            } else {
                try? fileManager.removeItem(at: url)
            }
        }
    }

    /// A foreign file where the export needs a folder (`diagrams` as a file), or a folder where it needs a file.
    private static func isPrefixClash(_ path: String, _ paths: Set<String>) -> Bool {
        paths.contains { $0.hasPrefix(path + "/") || path.hasPrefix($0 + "/") }
    }

    /// Every regular file and symbolic link under `folder`, as a relative path.
    static func regularFiles(in folder: URL) throws -> [String] {
        let fileManager = FileManager.default
        guard let enumerator = fileManager.enumerator(at: folder, includingPropertiesForKeys: [.isDirectoryKey, .isSymbolicLinkKey]) else {
            throw ExportError.cannotWrite(path: folder.path, reason: "cannot list it")
        }
        var files: [String] = []
        let base = folder.standardizedFileURL.path
        for case let url as URL in enumerator {
            let values = try? url.resourceValues(forKeys: [.isDirectoryKey, .isSymbolicLinkKey])
            if values?.isDirectory == true, values?.isSymbolicLink != true { continue }
            let path = url.standardizedFileURL.path
            files.append(path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : url.lastPathComponent)
        }
        return files.sorted()
    }

    private static func create(_ folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// The paths of the entries whose file is as the manifest says it was written, read and hashed side by side.
    private static func unchanged(_ entries: [ExportManifest.Entry], in folder: URL) -> Set<String> {
        let same = ConcurrentResults<Bool>(count: entries.count)
        DispatchQueue.concurrentPerform(iterations: entries.count) { index in
            let data = try? Data(contentsOf: folder.appendingPathComponent(entries[index].path))
            same.set(index, .success(data.map(entries[index].matches) ?? false))
        }
        return Set(zip(entries, same.values).filter { (try? $0.1.get()) == true }.map(\.0.path))
    }

    /// `files` into `folder`: their folders first, then the files side by side; the first error (in file order) is thrown.
    /// A file in `reused` is the same as the one at its path in `previous`: it is hard-linked from there (it keeps
    /// its modification time, so tools watching the folder see only what changed), or written where links fail.
    private static func write(_ files: [ExportFile], to folder: URL, reusing reused: Set<String> = [], from previous: URL? = nil) throws {
        for parent in Set(files.map { folder.appendingPathComponent($0.path.description).deletingLastPathComponent() }) {
            try create(parent)
        }
        let results = ConcurrentResults<Void>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let path = files[index].path.description, url = folder.appendingPathComponent(path)
            if reused.contains(path), let previous, Self.isRegularFile(previous.appendingPathComponent(path).path),
               link(previous.appendingPathComponent(path).path, url.path) == 0 {
                results.set(index, .success(()))
                return
            }
            results.set(index, Swift.Result { try write(files[index].contents, to: url) })
        }
        for result in results.values { try result.get() }
    }

    private static func write(_ contents: String, to folder: URL, at path: String) throws {
        let url = folder.appendingPathComponent(path)
        try create(url.deletingLastPathComponent())
        try write(contents, to: url)
    }

    /// Whether `path` is a regular file itself, not a symbolic link to one: only those are linked into a new export.
    private static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// `contents` as a new file at `url` in the staging folder, straight from the string's UTF-8 (no copy into a
    /// `Data`: a large export is tens of megabytes). Errors are POSIX errors, which `reason` puts in words.
    private static func write(_ contents: String, to url: URL) throws {
        func failure() -> Error { NSError(domain: NSPOSIXErrorDomain, code: Int(errno)) }
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw failure() }
        var contents = contents
        let written: Error? = contents.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0, errno == EINTR { continue }
                if count < 0 { return failure() }
                offset += count
            }
            return nil
        }
        let closed = close(descriptor) == 0 ? nil : failure()  // some file systems report a full disk only here
        if let error = written ?? closed { throw error }
    }

    private static func reason(_ error: Error) -> String {
        if let error = error as? ExportError { return error.description }
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code))).lowercased()
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))).lowercased() }
        if let cocoa = error as? CocoaError {
            switch cocoa.code {
            case .fileWriteOutOfSpace: return "no space left on the device"
            case .fileWriteNoPermission, .fileReadNoPermission: return "permission denied"
            case .fileWriteVolumeReadOnly: return "read-only file system"
            default: break
            }
        }
        var text = nsError.localizedDescription
        while text.last == "." { text.removeLast() }
        return text
    }
}
