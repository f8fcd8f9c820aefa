import CNCurses

/// Signal handling for the terminal: termination requests, job control and crashes.
///
/// The handlers live in the C shim (`archtui_sig_*`): a handler gets no context, so it may only set
/// `sig_atomic_t` flags and call async-signal-safe functions. This file is the only caller of those
/// functions (the shim's statics exist once per object file that uses them).
///
/// - SIGINT, SIGTERM, SIGHUP: recorded; the event loop polls `takeTermination()` after every
///   `nextEvent`, saves and exits.
/// - SIGTSTP: recorded; `NCursesTerminal.nextEvent` suspends (endwin, stop, re-enter) when it sees it.
/// - SIGCONT: recorded; `nextEvent` re-applies the terminal modes and reports a repaint.
/// - SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE: restore the terminal with write(2) and
///   tcsetattr(3), hand the signal back to its previous handler and re-raise it.
public enum TerminalSignals {
    /// Installs every handler and records the shell's terminal modes. Idempotent in effect; call it before
    /// ncurses starts (`NCursesTerminal.start` does), so ncurses does not install its own handlers.
    public static func install() {
        // Swift emits a header's C functions only when Swift code refers to them; the storage accessors
        // are otherwise reached only from C, so name them here.
        var stackSize = 0
        _ = (archtui_sig_saved_termios(), archtui_sig_previous(0), archtui_sig_alt_stack(&stackSize))
        archtui_sig_install_all()
    }

    /// The termination signal (SIGINT, SIGTERM or SIGHUP) received since the last call, or nil.
    public static func takeTermination() -> Int32? {
        let sig = archtui_sig_take_termination()
        return sig == 0 ? nil : sig
    }

    /// The termination signal received, without consuming it.
    public static func pendingTermination() -> Int32? {
        let sig = archtui_sig_peek_termination()
        return sig == 0 ? nil : sig
    }

    /// Whether SIGTSTP arrived since the last call.
    static func takeSuspendRequest() -> Bool { archtui_sig_take_suspend() != 0 }

    /// Whether SIGCONT arrived since the last call.
    static func takeContinued() -> Bool { archtui_sig_take_continued() != 0 }

    /// Tells the crash handler whether curses owns the screen (and so whether to restore it).
    static func setTerminalActive(_ active: Bool) { archtui_sig_set_terminal_active(active ? 1 : 0) }

    /// Stops the process as the default SIGTSTP action would; returns when the process is continued.
    static func stopProcess() { archtui_sig_stop_process() }
}
