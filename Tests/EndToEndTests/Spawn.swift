#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The outcome of a finished child process.
struct SpawnResult: Sendable {
    /// Exit code, or 128 + signal number if the child was killed by a signal.
    var status: Int32
    /// stdout and stderr, interleaved as written.
    var output: String
    /// True when the timeout expired and the child was killed.
    var timedOut: Bool
}

struct SpawnError: Error, CustomStringConvertible {
    var description: String
}

/// Runs `argv` (looked up in `PATH`) with `posix_spawnp`, not Foundation's `Process`, which hangs with
/// tmux. The child gets an empty signal mask, default dispositions for the terminal-related signals,
/// stdin from /dev/null and stdout+stderr into one pipe. With a `timeout` (seconds) the child is sent
/// SIGKILL once it expires. `environment` replaces the inherited environment when given.
func spawn(
    _ argv: [String],
    environment: [String: String]? = nil,
    timeout: Double? = nil
) throws -> SpawnResult {
    precondition(!argv.isEmpty, "spawn needs a command")

    var fds: [Int32] = [-1, -1]
    // pipe2 is not visible from Swift's Glibc; set close-on-exec right after (the dup2'd copies lose it).
    guard pipe(&fds) == 0 else { throw SpawnError(description: "pipe: \(errnoText())") }
    let (readEnd, writeEnd) = (fds[0], fds[1])
    _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)
    _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
    posix_spawn_file_actions_adddup2(&actions, writeEnd, 2)

    var attr = posix_spawnattr_t()
    posix_spawnattr_init(&attr)
    defer { posix_spawnattr_destroy(&attr) }
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attr, &empty)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for sig in [SIGINT, SIGTERM, SIGWINCH, SIGHUP, SIGTSTP, SIGCONT, SIGPIPE] { sigaddset(&defaults, sig) }
    posix_spawnattr_setsigdefault(&attr, &defaults)
    posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
    var pid: pid_t = 0
    let rc = withCStrings(argv) { cArgv in
        withCStrings(env) { cEnv in posix_spawnp(&pid, argv[0], &actions, &attr, cArgv, cEnv) }
    }
    close(writeEnd)
    guard rc == 0 else {
        close(readEnd)
        throw SpawnError(description: "posix_spawnp \(argv[0]): \(String(cString: strerror(rc)))")
    }

    let (output, timedOut) = drain(readEnd, pid: pid, timeout: timeout)
    close(readEnd)

    var wstatus: Int32 = 0
    while waitpid(pid, &wstatus, 0) == -1 && errno == EINTR {}
    let termSig = wstatus & 0x7f
    let status = termSig == 0 ? (wstatus >> 8) & 0xff : 128 + termSig
    return SpawnResult(status: status, output: String(decoding: output, as: UTF8.self), timedOut: timedOut)
}

/// Reads `fd` until EOF, or until `timeout` expires (then kills `pid` and stops reading, since a
/// grandchild may still hold the pipe open).
private func drain(_ fd: Int32, pid: pid_t, timeout: Double?) -> ([UInt8], Bool) {
    var output: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    let deadline = timeout.map { monotonicSeconds() + $0 }
    while true {
        var waitMs: Int32 = -1
        if let deadline {
            let left = deadline - monotonicSeconds()
            if left <= 0 {
                kill(pid, SIGKILL)
                return (output, true)
            }
            waitMs = Int32(min(left * 1000, 1000).rounded(.up))
        }
        var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&pfd, 1, waitMs)
        if ready < 0 && errno == EINTR { continue }
        if ready <= 0 { continue }
        let n = read(fd, &buffer, buffer.count)
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { return (output, false) }
        output.append(contentsOf: buffer[0..<n])
    }
}

func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

private func errnoText() -> String { String(cString: strerror(errno)) }

/// Calls `body` with a NULL-terminated C array of copies of `strings`.
private func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    let pointers = strings.map { strdup($0) } + [nil]
    defer { pointers.forEach { free($0) } }
    return body(pointers)
}
