#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// glibc declares these only for _XOPEN_SOURCE, which the Glibc module is not imported with; they take
// and return plain ints and pointers, so binding the C symbols directly is safe.
@_silgen_name("posix_openpt") private func posix_openpt(_ flags: Int32) -> Int32
@_silgen_name("grantpt") private func grantpt(_ fd: Int32) -> Int32
@_silgen_name("unlockpt") private func unlockpt(_ fd: Int32) -> Int32
@_silgen_name("ptsname") private func ptsname(_ fd: Int32) -> UnsafeMutablePointer<CChar>?

/// Why a program could not be run in a pseudo-terminal.
struct PtyError: Error, CustomStringConvertible {
    let description: String
}

/// A program running in its own session on the slave side of a fresh pseudo-terminal; the bench holds
/// the master side, reads everything the program writes to its terminal and types keys into it.
final class PtyProcess {
    let pid: pid_t
    private let master: Int32
    /// Everything the program has written to the terminal so far.
    private(set) var output: [UInt8] = []
    /// True once the slave side is closed (the program has exited).
    private(set) var closed = false
    private let clock = ContinuousClock()

    /// Opens a pty of `columns`×`rows`, then spawns `path` with the slave as its controlling terminal.
    init(path: String, arguments: [String], environment: [String], columns: UInt16, rows: UInt16) throws {
        master = posix_openpt(O_RDWR | O_NOCTTY)
        guard master >= 0, grantpt(master) == 0, unlockpt(master) == 0, let name = ptsname(master) else {
            throw PtyError(description: "cannot open a pseudo-terminal (errno \(errno))")
        }
        let slavePath = String(cString: name)
        // Set the size on the slave before the program starts, so its first frame already fits.
        let slave = open(slavePath, O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw PtyError(description: "cannot open \(slavePath) (errno \(errno))") }
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(slave, UInt(TIOCSWINSZ), &size)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid() in the child, so the slave becomes the new session's controlling tty.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, master)
        posix_spawn_file_actions_addclose(&actions, slave)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(PtyProcess.spawnSetsid))

        var child: pid_t = 0
        let status = withCStrings([path] + arguments) { argv in
            withCStrings(environment) { envp in posix_spawn(&child, path, &actions, &attributes, argv, envp) }
        }
        close(slave)
        guard status == 0 else {
            close(master)
            throw PtyError(description: "cannot start \(path): \(String(cString: strerror(status)))")
        }
        pid = child
    }

    deinit { close(master) }

    /// glibc's POSIX_SPAWN_SETSID (since 2.26): the child calls setsid() before the file actions run.
    private static let spawnSetsid: Int32 = 0x80

    /// Types `text` into the terminal.
    func send(_ text: String) {
        var bytes = Array(text.utf8)
        _ = write(master, &bytes, bytes.count)
    }

    /// Waits up to `timeoutMs` for output and appends what arrives; the number of bytes read.
    @discardableResult
    func readOnce(timeoutMs: Int32) -> Int {
        guard !closed else { return 0 }
        var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, timeoutMs) > 0 else { return 0 }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = read(master, &buffer, buffer.count)
        guard count > 0 else {
            closed = true // EIO: every slave descriptor is closed
            return 0
        }
        output += buffer[0..<count]
        return count
    }

    /// Reads until the output since `offset` contains `marker`; false when `timeout` passes first.
    func waitFor(_ marker: String, after offset: Int = 0, timeout: Duration = .seconds(5)) -> Bool {
        let needle = Array(marker.utf8)
        let deadline = clock.now + timeout
        var searchFrom = offset
        while clock.now < deadline, !closed {
            if output.count - searchFrom >= needle.count {
                if contains(needle, from: searchFrom) { return true }
                searchFrom = max(offset, output.count - needle.count + 1)
            }
            readOnce(timeoutMs: 20)
        }
        return contains(needle, from: offset)
    }

    /// Reads until nothing arrives for `quiet`; the number of bytes read meanwhile.
    @discardableResult
    func readUntilQuiet(quiet: Duration = .milliseconds(200), timeout: Duration = .seconds(5)) -> Int {
        let start = output.count
        let deadline = clock.now + timeout
        var lastByte = clock.now
        while clock.now < deadline, !closed, clock.now - lastByte < quiet {
            if readOnce(timeoutMs: 10) > 0 { lastByte = clock.now }
        }
        return output.count - start
    }

    /// Reads until nothing arrives for `quiet`; how long after `start` the last byte came (nil: nothing came).
    func lastByte(after start: ContinuousClock.Instant, quiet: Duration = .milliseconds(40), timeout: Duration = .seconds(2)) -> Duration? {
        let deadline = clock.now + timeout
        var last: ContinuousClock.Instant?
        var silentSince = clock.now
        while clock.now < deadline, !closed, clock.now - silentSince < quiet {
            if readOnce(timeoutMs: 2) > 0 {
                last = clock.now
                silentSince = clock.now
            }
        }
        return last.map { $0 - start }
    }

    /// What the program used over its whole life, from `wait4`.
    struct Usage {
        /// Peak resident set (ru_maxrss), KiB.
        var peakRSSKiB: Double
        /// User plus system CPU time.
        var cpuMilliseconds: Double
    }

    /// Waits for the program to exit (killing it after `timeout`), draining its output meanwhile.
    func finish(timeout: Duration = .seconds(5)) -> Usage {
        let deadline = clock.now + timeout
        var status: Int32 = 0
        var usage = rusage()
        while true {
            let reaped = wait4(pid, &status, WNOHANG, &usage)
            if reaped == pid || reaped < 0 { break }
            if clock.now >= deadline {
                kill(pid, SIGKILL)
                _ = wait4(pid, &status, 0, &usage)
                break
            }
            if closed { usleep(1000) } else { readOnce(timeoutMs: 5) }
        }
        func milliseconds(_ time: timeval) -> Double { Double(time.tv_sec) * 1e3 + Double(time.tv_usec) / 1e3 }
        let cpu = milliseconds(usage.ru_utime) + milliseconds(usage.ru_stime)
        return Usage(peakRSSKiB: Double(usage.ru_maxrss), cpuMilliseconds: cpu)
    }

    private func contains(_ needle: [UInt8], from offset: Int) -> Bool {
        guard output.count - offset >= needle.count, !needle.isEmpty else { return needle.isEmpty }
        var index = offset
        while index + needle.count <= output.count {
            if output[index] == needle[0], output[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}

/// Calls `body` with a NULL-terminated C array of copies of `strings`, freed afterwards.
func withCStrings<Result>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> Result) -> Result {
    let pointers = strings.map { strdup($0) } + [nil]
    defer { pointers.forEach { free($0) } }
    return body(pointers)
}
