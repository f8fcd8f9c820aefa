#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A program the pty figures run: its command line and the text that shows its first frame is drawn.
struct TerminalProgram {
    let name: String
    let path: String
    let arguments: [String]
    /// Text in the first frame, as close to its end as is recognisable (ncurses draws top to bottom).
    let firstFrameMarker: String
}

/// The terminal the figures are measured in: 120×40, xterm-256color, UTF-8.
struct BenchTerminal {
    static let columns: UInt16 = 120
    static let rows: UInt16 = 40
    /// Scratch directory: the demo's session copies and the bare ncurses program go here.
    let scratch: String

    var environment: [String] {
        [
            "TERM=xterm-256color", "LANG=C.UTF-8", "TMPDIR=\(scratch)", "HOME=\(scratch)",
            "PATH=/usr/local/bin:/usr/bin:/bin",
        ]
    }

    /// Starts `program` in a fresh pty of the bench size.
    func start(_ program: TerminalProgram) throws -> PtyProcess {
        try PtyProcess(path: program.path, arguments: program.arguments, environment: environment,
                       columns: Self.columns, rows: Self.rows)
    }
}

/// The C source of the reference program: the least any ncurses program does before its first frame.
private let bareNCursesSource = """
    #include <curses.h>
    #include <locale.h>
    int main(void) {
        setlocale(LC_ALL, "");
        initscr(); cbreak(); noecho(); keypad(stdscr, TRUE);
        mvaddstr(0, 0, "ready");
        refresh();
        getch();
        endwin();
        return 0;
    }
    """

/// Writes and compiles the bare ncurses program into `directory` with the system C compiler.
func buildBareNCurses(in directory: String) throws -> TerminalProgram {
    let source = directory + "/bare-ncurses.c"
    let binary = directory + "/bare-ncurses"
    guard let file = fopen(source, "w") else { throw PtyError(description: "cannot write \(source)") }
    fputs(bareNCursesSource, file)
    fclose(file)
    let status = runToCompletion("/usr/bin/cc", ["-O2", "-o", binary, source, "-lncursesw"])
    guard status == 0 else { throw PtyError(description: "cc failed (status \(status)); is libncurses-dev installed?") }
    return TerminalProgram(name: "bare ncurses", path: binary, arguments: [], firstFrameMarker: "ready")
}

/// Runs a helper command (no pty) and waits for it; its exit status, or -1 when it could not start.
@discardableResult
func runToCompletion(_ path: String, _ arguments: [String]) -> Int32 {
    var pid: pid_t = 0
    let started = withCStrings([path] + arguments) { argv in
        withCStrings(["PATH=/usr/bin:/bin", "LANG=C"]) { envp in posix_spawn(&pid, path, nil, nil, argv, envp) }
    }
    guard started == 0 else { return -1 }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    return (status >> 8) & 0xff
}

/// A fresh private directory under /tmp for one bench run.
func makeScratchDirectory() throws -> String {
    var template = Array("/tmp/archtui-bench-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else { throw PtyError(description: "mkdtemp failed (errno \(errno))") }
    return String(cString: made)
}
