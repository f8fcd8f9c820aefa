import Foundation

/// Why an export was not written. The previous export, if any, is untouched in every case.
public enum ExportError: Error, Hashable, CustomStringConvertible {
    case unknownFormat(String)
    /// The target exists and is not a folder.
    case notAFolder(String)
    /// Files in the folder that archtui did not write (or that were changed since), which this export would
    /// overwrite or remove; `--force` overwrites them.
    case foreignFiles(folder: String, files: [String])
    /// The folder or its parent cannot be written: permissions, a full disk, a read-only file system.
    case cannotWrite(path: String, reason: String)
    /// Two exporters made the same file (a bug in archtui).
    case duplicatePath(String)

    public var description: String {
        switch self {
        case .unknownFormat(let word):
            "unknown export format '\(word)'; expected a comma-separated list of "
                + ExportFormat.allCases.map(\.rawValue).joined(separator: ", ") + ", or sql, diagrams, all"
        case .notAFolder(let path):
            "\(path) is a file, not a folder; choose a folder for the export"
        case .foreignFiles(let folder, let files):
            "\(folder) holds files archtui did not write or that were changed since: "
                + files.prefix(5).joined(separator: ", ") + (files.count > 5 ? " and \(files.count - 5) more" : "")
                + "; nothing was written. Choose another folder, or --force to overwrite them"
        case .cannotWrite(let path, let reason):
            "cannot write \(path): \(reason); nothing was changed"
        case .duplicatePath(let path):
            "two exporters wrote \(path)"
        }
    }
}
