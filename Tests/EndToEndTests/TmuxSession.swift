#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

struct TmuxError: Error, CustomStringConvertible {
    var description: String
}

/// A command running in its own detached tmux server (one socket per session), for end-to-end tests.
/// The pane stays after the program exits (`remain-on-exit on`), so its last screen and exit status
/// can still be read. The server is killed and its socket removed by `kill()` or on deinit.
///
///     let tmux = try TmuxSession(command: [try archtuiBinaryPath(), "new", "shop.yaml"],
///                                workingDirectory: tempDir)
///     try tmux.waitFor("Questions")          // first frame before any keys
///     try tmux.type("Bestellungen 注文"); try tmux.sendKeys("Enter", "C-s")
///     try tmux.resize(width: 80, height: 24); try tmux.waitFor(where: { ... }, description: "…")
///     try tmux.sendKeys("q"); XCTAssertEqual(try tmux.waitForExit(), 0)
///
/// The program runs under a tiny `sh` wrapper (see `init`): `pid()` is the program's own pid, not
/// `#{pane_pid}`. Not thread-safe: use one session from one test.
final class TmuxSession {
    let socketName: String
    private(set) var socketPath: String?
    private var killed = false
    /// Per-session temporary directory holding the program's pid and exit status files.
    let stateDirectory: String
    private var pidFile: String { stateDirectory + "/pid" }
    private var statusFile: String { stateDirectory + "/status" }
    private static let target = "e2e"

    /// Whether a `tmux` binary is on `PATH`.
    static var isAvailable: Bool {
        (try? spawn(["tmux", "-V"], timeout: 5))?.status == 0
    }

    /// Starts `command` (argv; each argument is shell-quoted) in a `width`×`height` window with
    /// `LANG=C.UTF-8`, `TERM=tmux-256color` and `environment` set inside.
    init(
        command: [String],
        width: Int = 120,
        height: Int = 40,
        environment: [String: String] = [:],
        workingDirectory: String? = nil
    ) throws {
        precondition(!command.isEmpty, "TmuxSession needs a command")
        socketName = "archtui-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(socketName).path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        stateDirectory = dir
        var newSession = ["new-session", "-d", "-s", Self.target, "-x", "\(width)", "-y", "\(height)",
                          "-e", "LANG=C.UTF-8"]
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) { newSession += ["-e", "\(key)=\(value)"] }
        if let workingDirectory { newSession += ["-c", workingDirectory] }
        // tmux 3.3a loses #{pane_dead_status} in ~20% of runs (pty EOF seen before SIGCHLD), so a wrapper
        // records it; an inner `sh` records its pid and execs the program, so signals reach the program.
        // The wrapper traps (not ignores) keyboard signals: it outlives C-c, the program gets defaults.
        let program = command.map(shellQuote).joined(separator: " ")
        newSession.append(#"trap : INT QUIT TERM HUP; sh -c 'echo $$ > "$0"; exec "$@"' "#
            + shellQuote(pidFile) + " " + program
            + "; echo $? > " + shellQuote(statusFile))
        // Options first, in the same invocation, so a program that exits at once still leaves its pane;
        // an empty remain-on-exit-format keeps tmux from scrolling a "Pane is dead" line into the screen.
        let options = [["remain-on-exit", "on"], ["remain-on-exit-format", ""],
                       ["default-terminal", "tmux-256color"], ["default-shell", "/bin/sh"]]
        let args = options.flatMap { ["set-option", "-g"] + $0 + [";"] } + newSession
        do {
            try tmux(args)
            socketPath = try display("#{socket_path}")
        } catch {
            kill()
            throw error
        }
    }

    deinit { kill() }

    // MARK: Input

    /// Sends tmux key names, e.g. `Enter`, `C-s`, `Tab`, `BTab`, `Escape`, `Down`, `F2`.
    func sendKeys(_ keys: String...) throws {
        _ = try tmux(["send-keys", "-t", Self.target] + keys)
    }

    /// Types `text` literally (Unicode safe); no key-name lookup.
    func type(_ text: String) throws {
        _ = try tmux(["send-keys", "-t", Self.target, "-l", "--", text])
    }

    // MARK: Screen

    /// The visible screen as plain text, one line per row (trailing blanks trimmed by tmux). A wide
    /// character takes two cells but is one `Character`: measure columns in cells, not `count`.
    func capture() throws -> String {
        try tmux(["capture-pane", "-p", "-t", Self.target])
    }

    /// The visible screen with SGR escape sequences (colours, attributes).
    func captureWithEscapes() throws -> String {
        try tmux(["capture-pane", "-p", "-e", "-t", Self.target])
    }

    /// Polls the screen every ~10 ms until it contains `text`; returns that screen.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 10) throws -> String {
        try waitFor(where: { $0.contains(text) }, description: "text \"\(text)\"", timeout: timeout)
    }

    /// Polls the screen until `text` is no longer on it; returns that screen.
    @discardableResult
    func waitUntilGone(_ text: String, timeout: Double = 10) throws -> String {
        try waitFor(where: { !$0.contains(text) }, description: "text \"\(text)\" to disappear", timeout: timeout)
    }

    /// Polls the screen every ~10 ms until `predicate` holds on two captures in a row that are the same, so a
    /// frame caught half drawn (a resize repaints everything) is never returned; on timeout throws with the last screen.
    @discardableResult
    func waitFor(where predicate: (String) -> Bool, description: String, timeout: Double = 10) throws -> String {
        var previous: String?
        return try poll(description: description, timeout: timeout) {
            let screen = try capture()
            defer { previous = predicate(screen) ? screen : nil }
            return (screen == previous ? screen : nil, screen)
        }
    }

    // MARK: Window, process, status

    /// Resizes the window (this also switches it to `window-size manual`); the program gets SIGWINCH.
    func resize(width: Int, height: Int) throws {
        _ = try tmux(["resize-window", "-t", Self.target, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The pid of the program in the pane (waits briefly until it has started).
    func pid(timeout: Double = 10) throws -> pid_t {
        try poll(description: "the program's pid", timeout: timeout) {
            (readNumber(pidFile).map { pid_t($0) }, try capture())
        }
    }

    /// Sends `sig` to the program in the pane (do not call after it has exited: its pid may be reused).
    func signal(_ sig: Int32) throws {
        let pid = try pid()
        guard sendSignal(pid, sig) == 0 else {
            throw TmuxError(description: "kill(\(pid), \(sig)): \(String(cString: strerror(errno)))")
        }
    }

    func isAlternateScreenOn() throws -> Bool { try display("#{alternate_on}") == "1" }

    func isDead() throws -> Bool { try display("#{pane_dead}") == "1" }

    /// The program's exit status (128 + n if killed by signal n) once the pane is dead, else nil.
    func exitStatus() throws -> Int32? {
        guard try isDead() else { return nil }
        if let status = readNumber(statusFile) { return status }
        return Int32(try display("#{pane_dead_status}"))
    }

    /// Polls until the program has exited and the pane is dead; returns the exit status.
    @discardableResult
    func waitForExit(timeout: Double = 10) throws -> Int32 {
        try poll(description: "the program to exit", timeout: timeout) {
            (try exitStatus(), try capture())
        }
    }

    /// The expansion of a tmux format for the pane, e.g. `#{cursor_x}`.
    func display(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", Self.target, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Kills the tmux server and removes its socket; safe to call twice.
    func kill() {
        guard !killed else { return }
        killed = true
        _ = try? spawn(tmuxArgv(["kill-server"]), environment: Self.environment, timeout: 5)
        let uid = getuid()
        let fallback = (ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp") + "/tmux-\(uid)/\(socketName)"
        unlink(socketPath ?? fallback)
        try? FileManager.default.removeItem(atPath: stateDirectory)
    }

    // MARK: Plumbing

    /// Runs a tmux command against this session's server; throws with its output on failure.
    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        let result = try spawn(tmuxArgv(args), environment: Self.environment, timeout: 10)
        guard result.status == 0, !result.timedOut else {
            throw TmuxError(description: "tmux \(args.joined(separator: " ")) failed "
                + "(status \(result.status)\(result.timedOut ? ", timed out" : "")): \(result.output)")
        }
        return result.output
    }

    private func tmuxArgv(_ args: [String]) -> [String] {
        ["tmux", "-u", "-L", socketName, "-f", "/dev/null"] + args
    }

    /// Calls `attempt` every ~10 ms until it yields a value; `attempt` also returns the screen to
    /// show if time runs out.
    private func poll<T>(description: String, timeout: Double, _ attempt: () throws -> (T?, String)) throws -> T {
        let deadline = monotonicSeconds() + timeout
        while true {
            let (value, screen) = try attempt()
            if let value { return value }
            if monotonicSeconds() >= deadline {
                throw TmuxError(description: "timed out after \(timeout) s waiting for \(description); "
                    + "last screen:\n\(framed(screen))")
            }
            usleep(10_000)
        }
    }

    /// The environment for tmux clients: UTF-8, and not nested in any tmux the tests may run in.
    private static let environment: [String: String] = {
        var env = ProcessInfo.processInfo.environment
        env["TMUX"] = nil
        env["TMUX_PANE"] = nil
        env["LC_ALL"] = nil
        env["LANG"] = "C.UTF-8"
        return env
    }()
}

private func sendSignal(_ pid: pid_t, _ sig: Int32) -> Int32 { kill(pid, sig) }

/// The integer in a file the wrapper wrote, once it is complete (ends in a newline).
private func readNumber(_ path: String) -> Int32? {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8), text.hasSuffix("\n") else { return nil }
    return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
}

/// `'…'` with embedded single quotes escaped, safe for `sh -c`.
func shellQuote(_ s: String) -> String {
    "'" + s.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
}

/// The screen between rules, with the trailing blank rows dropped.
private func framed(_ screen: String) -> String {
    var lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
    while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
    let rule = String(repeating: "─", count: 40)
    return ([rule] + lines.map { "│" + $0 } + [rule]).joined(separator: "\n")
}
