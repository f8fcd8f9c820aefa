import ArchModel
import ArchRules
import Foundation

/// Session file I/O for the runtime: opening, saving, the demo copy and finding sessions nearby.
struct SessionFiles {
    let catalogue: Catalogue
    /// The file name ending that marks a session file in the launcher.
    static let fileExtension = ".archtui.yaml"

    /// The session in `path` with the warnings its file produced, or nil when no file is there yet.
    /// With `keepingInterruptedSaves` (the TUI; never the script commands, which change nothing), the temporary files
    /// a killed save left are dealt with first (`SessionStore.keepInterruptedSaves`), and said so among the warnings.
    func open(_ path: String, keepingInterruptedSaves: Bool = false) throws(CommandFailure) -> (session: Session, warnings: [String], text: String)? {
        let interrupted = keepingInterruptedSaves ? SessionStore.keepInterruptedSaves(of: path, catalogue: catalogue) : []
        do {
            guard let decoded = try SessionStore.load(path: path, catalogue: catalogue) else { return nil }
            return (decoded.session, interrupted + decoded.warnings.map(\.description), decoded.text)
        } catch {
            switch error {
            case .invalid(let problem):
                let backup = FileManager.default.fileExists(atPath: path + ".bak")
                    ? "\nThe previous version is in \(path).bak; open that to recover." : ""
                throw CommandFailure(code: 65, message: "\(problem)\nThe file was not changed.\(backup)")
            default:
                throw CommandFailure(code: 66, message: error.description)
            }
        }
    }

    /// Writes the session atomically, keeping the previous version as `path.bak`.
    /// With `expecting`, refuses a file changed on disk since (see `SessionStore.save`); returns the new stamp.
    @discardableResult
    func save(_ session: Session, to path: String, expecting stamp: UInt64? = nil) throws -> UInt64 {
        try SessionStore.save(session, to: path, expecting: stamp)
    }

    /// A scratch copy of the built-in demo in a fresh temporary directory, and its path. Without `writing`, only the
    /// directory is made: the runtime writes the copy after the first frame (encoding it was a quarter of start-up).
    func demoCopy(writing: Bool = true) throws(CommandFailure) -> (Session, String) {
        do {
            let session = try Demo.session(catalogue: catalogue)
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("archtui-demo-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let path = directory.appendingPathComponent("northwind-shop" + Self.fileExtension).path
            if writing { try save(session, to: path) }
            return (session, path)
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(code: 74, message: "cannot prepare the demo: \(error)")
        }
    }

    /// A new session file path in the working directory, named after the project and not yet taken.
    func newPath(for projectName: String) -> String {
        let slug = Self.slug(projectName)
        var candidate = slug + Self.fileExtension
        var number = 2
        while FileManager.default.fileExists(atPath: candidate) {
            candidate = "\(slug)-\(number)\(Self.fileExtension)"
            number += 1
        }
        return candidate
    }

    /// Session files in the working directory, sorted by name.
    func sessionFilesInWorkingDirectory() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: ".")) ?? []
        return names.filter { $0.hasSuffix(Self.fileExtension) }.sorted()
    }

    /// Lower-case letters, digits and dashes only, so a project name can never make a path elsewhere.
    static func slug(_ name: String) -> String {
        var slug = ""
        for scalar in name.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "session" : String(slug.prefix(60))
    }
}
