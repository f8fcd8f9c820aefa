import ArchModel
import Foundation

/// `archtui-export.json`: what an export wrote, so the next one knows which files are archtui's (and
/// unchanged since) and may be replaced, and which are someone else's and must be kept. No dates, so that
/// the same session gives a byte-identical export.
public struct ExportManifest: Codable, Equatable, Sendable {
    public static let fileName = "archtui-export.json"

    public struct Entry: Codable, Equatable, Sendable {
        public var path: String
        public var format: String
        public var bytes: Int
        /// XXH64 of the contents, hex (`ContentHash`): tells whether the file was changed since it was written.
        public var xxh64: String?
        /// FNV-1a 64 of the contents, hex: what manifests of version 1 hold instead.
        public var fnv1a64: String?

        public init(path: String, format: String, bytes: Int, xxh64: String) {
            self.path = path
            self.format = format
            self.bytes = bytes
            self.xxh64 = xxh64
        }

        /// Whether `data` is the file this entry describes, as it was written.
        func matches(_ data: Data) -> Bool {
            guard data.count == bytes else { return false }
            if let xxh64 { return ContentHash.hex(data) == xxh64 }
            if let fnv1a64 { return StableHash.hex(data) == fnv1a64 }
            return false
        }
    }

    public var generator = "archtui"
    /// 2 since the hash is XXH64 (`xxh64`); a version 1 manifest (`fnv1a64`) is still read.
    public var manifestVersion = 2
    public var project: String
    public var formats: [String]
    public var files: [Entry]

    public init(project: String, formats: [ExportFormat], files: [(ExportFile, ExportFormat)]) {
        self.project = project
        self.formats = formats.map(\.rawValue)
        let sorted = files.sorted { $0.0.path < $1.0.path }
        // The hashes side by side on every core: a large export is tens of megabytes.
        let entries = ConcurrentResults<Entry>(count: sorted.count)
        DispatchQueue.concurrentPerform(iterations: sorted.count) { index in
            let (file, format) = sorted[index]
            entries.set(index, .success(Entry(path: file.path.description, format: format.rawValue, bytes: file.contents.utf8.count,
                                              xxh64: ContentHash.hex(file.contents))))
        }
        self.files = entries.values.map { try! $0.get() }
    }

    /// This manifest with the entries of files an earlier export wrote and this one keeps.
    func merging(_ kept: [Entry]) -> ExportManifest {
        guard !kept.isEmpty else { return self }
        var merged = self
        merged.files = (files + kept).sorted { $0.path < $1.path }
        merged.formats = ExportFormat.allCases.map(\.rawValue).filter { Set(formats + kept.map(\.format)).contains($0) }
        return merged
    }

    public func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(self), as: UTF8.self) + "\n"
    }

    public static func decode(_ data: Data) -> ExportManifest? {
        try? JSONDecoder().decode(ExportManifest.self, from: data)
    }
}
