import CNCurses

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Signal handling for the terminal: termination requests, job control and crashes.
///
/// - Every other signal whose default action ends the process (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1,
///   SIGUSR2, SIGPIPE, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ, SIGPWR, SIGSTKFLT): recorded; the event loop
///   polls `takeTermination()` after every `nextEvent`, saves and exits. A real SIGPIPE (a write to a closed pipe)
///   makes that write fail with EPIPE instead of killing the process.
/// - SIGTSTP: recorded; `NCursesTerminal.nextEvent` suspends (endwin, stop, re-enter) when it sees it,
///   because endwin is not async-signal-safe.
/// - SIGCONT: recorded; `nextEvent` re-applies the terminal modes and reports a repaint.
/// - SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGSYS: restore the terminal with write(2) and
///   tcsetattr(3), then re-raise the signal with its default action, so the process ends at once (Swift's
///   backtracer would otherwise ask on the terminal whether to debug, and wait 30 s).
public enum TerminalSignals {
    /// Installs every handler and records the shell's terminal modes; later calls do nothing. Call it
    /// before ncurses starts (`NCursesTerminal.start` does), so ncurses does not install its own handlers.
    public static func install() {
        // Touch every global now: their lazy initialisation must not first happen inside a handler.
        guard exchange(.installed, 1) == 0 else { return }
        _ = (savedTermios, previousActions, alternateStack)
        if tcgetattr(STDIN_FILENO, savedTermios) == 0 { store(.termiosSaved, 1) }
        archtui_signal_stack_install(alternateStack, alternateStackSize)
        // SA_RESTART: a save in progress must not fail with EINTR; the event loop's timeout bounds latency.
        for sig in terminationSignals + [SIGTSTP, SIGCONT] {
            archtui_signal_install(sig, onRequest, Int32(SA_RESTART), previousActions + Int(sig))
        }
        for sig in crashSignals {
            archtui_signal_install(sig, onCrash, Int32(SA_ONSTACK) | Int32(bitPattern: UInt32(SA_RESETHAND)), previousActions + Int(sig))
        }
    }

    /// The signals that end the process unless handled, and that archtui turns into "save and leave".
    public static let terminationSignals: [Int32] = {
        var signals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGPIPE, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ]
        #if os(Linux)
        signals += [SIGPWR, SIGSTKFLT]
        #endif
        return signals
    }()

    /// The signals of a crash: the terminal is restored and the process ends with the signal.
    public static let crashSignals: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGSYS]

    /// The termination signal (one of `terminationSignals`) received since the last call, or nil.
    public static func takeTermination() -> Int32? {
        let sig = exchange(.termination, 0)
        return sig == 0 ? nil : sig
    }

    /// The termination signal received, without consuming it.
    public static func pendingTermination() -> Int32? {
        let sig = archtui_atomic_load(flags + Flag.termination.rawValue)
        return sig == 0 ? nil : sig
    }

    /// Whether SIGTSTP arrived since the last call.
    static func takeSuspendRequest() -> Bool { exchange(.suspend, 0) != 0 }

    /// Whether SIGCONT arrived since the last call.
    static func takeContinued() -> Bool { exchange(.continued, 0) != 0 }

    /// Tells the crash handler whether curses owns the screen (and so whether to restore it).
    static func setTerminalActive(_ active: Bool) { store(.terminalActive, active ? 1 : 0) }

    /// Stops the process as the default SIGTSTP action would; returns when the process is continued.
    static func stopProcess() { archtui_stop_process() }

    // MARK: - State shared with the handlers
    //
    // The only global mutable state in archtui. It must be global: a signal handler gets no context. The
    // handlers touch nothing but these (atomically, or read-only after `install`) and async-signal-safe calls.

    fileprivate enum Flag: Int, CaseIterable {
        case termination, suspend, continued, terminalActive, termiosSaved, installed
    }

    fileprivate static func store(_ flag: Flag, _ value: Int32) { archtui_atomic_store(flags + flag.rawValue, value) }
    fileprivate static func exchange(_ flag: Flag, _ value: Int32) -> Int32 {
        archtui_atomic_exchange(flags + flag.rawValue, value)
    }
    fileprivate static func load(_ flag: Flag) -> Int32 { archtui_atomic_load(flags + flag.rawValue) }
}

private nonisolated(unsafe) let flags: UnsafeMutablePointer<Int32> = {
    let pointer = UnsafeMutablePointer<Int32>.allocate(capacity: TerminalSignals.Flag.allCases.count)
    pointer.initialize(repeating: 0, count: TerminalSignals.Flag.allCases.count)
    return pointer
}()
private nonisolated(unsafe) let savedTermios: UnsafeMutablePointer<termios> = {
    let pointer = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    pointer.initialize(to: termios())
    return pointer
}()
private nonisolated(unsafe) let previousActions: UnsafeMutablePointer<sigaction> = {
    let pointer = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    pointer.initialize(repeating: sigaction(), count: 65)
    return pointer
}()
private let alternateStackSize = 64 * 1024
private nonisolated(unsafe) let alternateStack = UnsafeMutableRawPointer.allocate(byteCount: alternateStackSize, alignment: 16)

private func onRequest(_ sig: Int32) {
    switch sig {
    case SIGTSTP: TerminalSignals.store(.suspend, 1)
    case SIGCONT: TerminalSignals.store(.continued, 1)
    default: TerminalSignals.store(.termination, sig)
    }
}

private func onCrash(_ sig: Int32) {
    if TerminalSignals.exchange(.terminalActive, 0) != 0 {
        archtui_write_terminal_reset()
        if TerminalSignals.load(.termiosSaved) != 0 { tcsetattr(STDIN_FILENO, TCSANOW, savedTermios) }
    }
    // SA_RESETHAND has put back the default action, not the previous handler: Swift's backtracer would prompt on
    // the terminal and wait. The raised signal is delivered as soon as this handler returns.
    raise(sig)
}
