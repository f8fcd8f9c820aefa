#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import XCTest

/// Base class for end-to-end tests of the real `archtui` binary in tmux: one temp directory and one
/// tmux server per test, both removed in tearDown. Every wait polls the screen (no fixed sleeps).
class ArchtuiTestCase: XCTestCase {
    private var sessions: [TmuxSession] = []
    private var directories: [String] = []
    /// The built binary (setUp fails the test when it is missing: these tests must not pass vacuously).
    var binary = ""

    override func setUpWithError() throws {
        guard TmuxSession.isAvailable else { throw XCTSkip("tmux is not installed") }
        binary = try archtuiBinaryPath()
    }

    override func tearDown() {
        sessions.forEach { $0.kill() }
        sessions = []
        directories.forEach { try? FileManager.default.removeItem(atPath: $0) }
        directories = []
    }

    /// A fresh, empty temporary directory (symlinks resolved), removed in tearDown.
    func makeDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("archtui-e2e-test-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let path = url.resolvingSymlinksInPath().path
        directories.append(path)
        return path
    }

    /// Runs archtui (or `executable`) with `arguments` in `directory` inside tmux. `TMPDIR` points into a
    /// private directory so the demo's scratch copy never lands in the shared temp directory.
    func launch(_ arguments: [String], in directory: String, width: Int = 120, height: Int = 40,
                executable: String? = nil, tmpDirectory: String? = nil) throws -> TmuxSession {
        let tmp = try tmpDirectory ?? makeDirectory()
        let session = try TmuxSession(command: [executable ?? binary] + arguments, width: width, height: height,
                                      environment: ["TMPDIR": tmp], workingDirectory: directory)
        sessions.append(session)
        return session
    }

    /// Quits with `q`, expects exit status 0 and the normal screen back.
    func quit(_ tmux: TmuxSession, file: StaticString = #filePath, line: UInt = #line) throws {
        try tmux.sendKeys("q")
        XCTAssertEqual(try tmux.waitForExit(), 0, "exit status after q", file: file, line: line)
        XCTAssertFalse(try tmux.isAlternateScreenOn(), "alternate screen still on after exit", file: file, line: line)
    }

    /// Starts a new session file `name` in `directory` and answers the project-name prompt.
    func startNewSession(file name: String, project: String, in directory: String,
                         width: Int = 120, height: Int = 40) throws -> TmuxSession {
        let tmux = try launch([name], in: directory, width: width, height: height)
        try tmux.waitFor("What is the project called?")
        try tmux.type(project)
        try tmux.sendKeys("Enter")
        try tmux.waitFor("1/5 Understand requirements")
        // The name is saved at once: the file exists before any answer.
        try waitForFile(directory + "/" + name) { $0.contains("projectName: \(project)") }
        return tmux
    }

    /// Polls `path` until its text satisfies `predicate`; returns that text.
    @discardableResult
    func waitForFile(_ path: String, timeout: Double = 10, description: String = "",
                     _ predicate: (String) -> Bool) throws -> String {
        let deadline = monotonicSeconds() + timeout
        var last = "(missing)"
        while true {
            if let text = try? String(contentsOfFile: path, encoding: .utf8) {
                last = text
                if predicate(text) { return text }
            }
            if monotonicSeconds() >= deadline {
                throw TmuxError(description: "timed out after \(timeout) s waiting for \(path) \(description); "
                    + "last content:\n\(last)")
            }
            usleep(10_000)
        }
    }

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// Writes a valid session file: the demo's content with another project name.
    func writeSessionFile(_ path: String, projectName: String) throws {
        let demo = try String(contentsOf: packageRoot().appendingPathComponent("Resources/demo/shop.yaml"), encoding: .utf8)
        XCTAssertTrue(demo.contains("projectName: Northwind Shop"))
        try demo.replacingOccurrences(of: "projectName: Northwind Shop", with: "projectName: \(projectName)")
            .write(toFile: path, atomically: true, encoding: .utf8)
    }
}

/// The package root, from this file's path.
func packageRoot(filePath: String = #filePath) -> URL {
    URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

/// Screen helpers: panes are separated by box-drawing borders, so a line split at `│` gives each pane's
/// part of that row.
enum ScreenText {
    static func segments(_ line: Substring) -> [Substring] { line.split(separator: "│", omittingEmptySubsequences: true) }

    /// Whether one pane segment of some line contains all of `parts`.
    static func hasSegment(_ screen: String, containing parts: [String]) -> Bool {
        screen.split(separator: "\n").contains { line in
            segments(line).contains { segment in parts.allSatisfy { segment.contains($0) } }
        }
    }

    /// The width of `text` in terminal cells (East Asian wide characters take two).
    static func cells(_ text: Substring) -> Int {
        text.unicodeScalars.reduce(0) { $0 + cellWidth($1) }
    }

    static func cellWidth(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0 || (0x300...0x36F).contains(v) || v == 0x200B { return 0 }
        let wide: [ClosedRange<UInt32>] = [0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
                                           0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
                                           0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
                                           0x1F900...0x1F9FF, 0x20000...0x3FFFD]
        return wide.contains { $0.contains(v) } ? 2 : 1
    }

    /// Cell columns of every `character` in `line`.
    static func columns(of character: Character, in line: Substring) -> [Int] {
        var column = 0
        var result: [Int] = []
        for ch in line {
            if ch == character { result.append(column) }
            column += cells(Substring(String(ch)))
        }
        return result
    }
}

/// Process state letter from /proc (R, S, T, Z…), nil when the process is gone.
func processState(_ pid: pid_t) -> Character? {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let close = stat.lastIndex(of: ")") else { return nil }
    return stat[stat.index(after: close)...].first { !$0.isWhitespace }
}
