import CNCurses
import TerminalUI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the terminal could not start.
public enum NCursesError: Error, CustomStringConvertible {
    /// ncurses could not set up the terminal named by `TERM`.
    case cannotOpenTerminal(term: String)

    public var description: String {
        switch self {
        case .cannotOpenTerminal(let term): return "cannot open the terminal (TERM=\(term.isEmpty ? "unset" : term))"
        }
    }
}

/// The real terminal, through ncursesw: lifecycle, input and job control. Drawing is in `+Drawing`.
///
/// Event loop contract:
/// 1. `start()`; then repeatedly `nextEvent(timeoutMilliseconds: 100)` (a finite timeout, so signals are
///    noticed), and after every call check `TerminalSignals.takeTermination()` → save and exit.
/// 2. `.resize(size)` means "the screen is gone": call `clear()`, render at `size`, draw every cell. It is
///    also reported after a suspend/resume (Ctrl-Z, SIGTSTP, SIGCONT), whether or not the size changed.
/// 3. `.key(.ctrl("c"))` (raw mode: no SIGINT from the keyboard) → save and quit; `.key(.ctrl("z"))` →
///    `suspend()` (after saving, if the app wants).
/// 4. `stop()` before exiting (idempotent; `deinit` calls it too).
public final class NCursesTerminal: TerminalBackend {
    /// Whether curses currently owns the screen.
    public private(set) var isActive = false
    var palette: ColorPalette?
    var cursor: (x: Int, y: Int)?
    var cursorVisible: Bool?
    private var screen: OpaquePointer?
    private var repaintPending = false
    /// Assembles bracketed pastes; holds an Esc until it is known not to open one.
    private var decoder = KeyDecoder()
    /// Events decoded but not yet returned (held codes that turned out to be several keys).
    private var decoded: [TerminalEvent] = []

    /// How long to wait for the rest of a marker after an Esc (ncurses has already waited ESCDELAY for
    /// the Esc itself, and a marker's bytes come in one write).
    static let sequenceWaitMilliseconds: Int32 = 10
    /// How long a paste may pause before it is taken as ended without its end marker.
    static let pasteWaitMilliseconds: Int32 = 500
    /// Asks the terminal to wrap pasted text in `ESC[200~ … ESC[201~` (bracketed paste), and stops asking.
    static let bracketedPasteOn = "\u{1B}[?2004h"
    static let bracketedPasteOff = "\u{1B}[?2004l"

    public init() {}

    deinit { stop() }

    /// Whether stdin and stdout are both terminals; without that, run without the TUI.
    public static func isInteractive() -> Bool {
        isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    }

    /// Takes over the screen: UTF-8 locale, signal handlers, raw mode, alternate screen, colours.
    ///
    /// Raw mode makes Ctrl-C, Ctrl-Z, Ctrl-S and Ctrl-Q arrive as keys (no SIGINT, no XON/XOFF).
    public func start() throws {
        guard !isActive else { return }
        Self.selectUTF8Locale()
        TerminalSignals.install()
        guard let screen = newterm(nil, archtui_stdout(), archtui_stdin()) else {
            throw NCursesError.cannotOpenTerminal(term: getenv("TERM").map { String(cString: $0) } ?? "")
        }
        self.screen = screen
        isActive = true
        TerminalSignals.setTerminalActive(true)
        let window = archtui_stdscr()
        raw()
        noecho()
        nonl()
        keypad(window, true)
        intrflush(window, false)
        set_escdelay(25)
        palette = ColorPalette.start(environment: getenv("NO_COLOR").map { String(cString: $0) })
        cursorVisible = nil
        cursor = nil
        flush()
        writeRaw(Self.bracketedPasteOn)
    }

    /// Writes a control sequence straight to the terminal, past ncurses (which has no call for private modes).
    private func writeRaw(_ sequence: String) {
        var bytes = Array(sequence.utf8)
        _ = write(STDOUT_FILENO, &bytes, bytes.count)
    }

    /// Gives the screen back to the shell. Safe to call any number of times.
    public func stop() {
        guard isActive, let screen else { return }
        isActive = false
        TerminalSignals.setTerminalActive(false)
        writeRaw(Self.bracketedPasteOff)
        curs_set(1)
        endwin()
        delscreen(screen)
        self.screen = nil
        palette = nil
    }

    /// Waits up to `timeoutMilliseconds` (negative: forever) for a key or a resize; nil when nothing came
    /// or a termination signal is pending. Handles SIGTSTP/SIGCONT itself (reported as `.resize`).
    ///
    /// A bracketed paste comes back as one `.key(.paste(text))`, however long: this reads on until its end.
    public func nextEvent(timeoutMilliseconds: Int32) -> TerminalEvent? {
        guard isActive else { return nil }
        if !decoded.isEmpty { return decoded.removeFirst() }
        if let repaint = handleJobControl() { return repaint }
        if TerminalSignals.pendingTermination() != nil { return nil }
        let window = archtui_stdscr()
        while true {
            let wait = decoder.isPasting ? Self.pasteWaitMilliseconds
                : decoder.isHolding ? Self.sequenceWaitMilliseconds : timeoutMilliseconds
            wtimeout(window, wait)
            var character: wint_t = 0
            let events: [TerminalEvent]
            switch wget_wch(window, &character) {
            case KEY_CODE_YES:
                events = decoder.feed(code: Int32(bitPattern: character), isKeyCode: true, currentSize: size)
            case OK:
                events = decoder.feed(code: Int32(bitPattern: character), isKeyCode: false, currentSize: size)
            default:
                guard decoder.isHolding else { return handleJobControl() }
                events = decoder.flush()
            }
            if let first = events.first {
                decoded += events.dropFirst()
                return first
            }
            // A marker or a paste is half read: read on, unless the process is asked to stop.
            if TerminalSignals.pendingTermination() != nil { return nil }
        }
    }

    /// Whether the terminal went away without a SIGHUP (its other end closed): input then reports a hang-up
    /// or an error at once, and a loop waiting for keys would spin. Checked when `nextEvent` returns nil.
    public var isGone: Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) >= 0 else { return errno != EINTR }
        return descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    /// Suspends the process like Ctrl-Z in a normal program: restores the terminal, stops, and on resume
    /// takes the screen back. The next `nextEvent` reports `.resize` so the app repaints everything.
    public func suspend() {
        guard isActive else { return }
        TerminalSignals.setTerminalActive(false)
        writeRaw(Self.bracketedPasteOff)
        endwin()
        TerminalSignals.stopProcess()
        // Resumed. Our own SIGCONT and any SIGTSTP that came meanwhile are handled by this resume.
        _ = TerminalSignals.takeContinued()
        _ = TerminalSignals.takeSuspendRequest()
        TerminalSignals.setTerminalActive(true)
        resumeScreen()
    }

    /// Acts on SIGTSTP/SIGCONT; returns `.resize` when the app must repaint.
    private func handleJobControl() -> TerminalEvent? {
        if TerminalSignals.takeSuspendRequest() {
            suspend()
        } else if TerminalSignals.takeContinued() {
            // Stopped by something we did not see (SIGSTOP): the shell may have changed the tty modes.
            reset_prog_mode()
            resumeScreen()
        }
        guard repaintPending else { return nil }
        repaintPending = false
        return .resize(size)
    }

    /// Re-enters curses mode (a refresh after endwin does) and repaints the last frame in full.
    private func resumeScreen() {
        cursorVisible = nil
        clearok(archtui_curscr(), true)
        wrefresh(archtui_stdscr())
        writeRaw(Self.bracketedPasteOn)
        repaintPending = true
    }

    /// ncurses needs a UTF-8 locale for wide text and line drawing; fall back to C.UTF-8 if the
    /// environment names none.
    private static func selectUTF8Locale() {
        setlocale(LC_ALL, "")
        if archtui_locale_is_utf8() == 0 {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }
}
