// The C side of the ncurses backend: what Swift cannot import directly (macros, globals that strict
// concurrency rejects) and the signal handlers, which must be plain C to stay async-signal-safe.
#ifndef ARCHTUI_CNCURSES_SHIM_H
#define ARCHTUI_CNCURSES_SHIM_H

// Must be defined here, before curses.h: a define in cSettings does not reach Swift, and without it the
// wide-character API (get_wch, setcchar, wadd_wch) stays invisible.
#define NCURSES_WIDECHAR 1
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// MARK: - Globals and macros as functions

static inline WINDOW *archtui_stdscr(void) { return stdscr; }
static inline FILE *archtui_stdout(void) { return stdout; }
static inline FILE *archtui_stdin(void) { return stdin; }
static inline WINDOW *archtui_curscr(void) { return curscr; }
static inline int archtui_color_pairs(void) { return COLOR_PAIRS; }
static inline int archtui_colors(void) { return COLORS; }
static inline int archtui_max_y(void) { int y, x; getmaxyx(stdscr, y, x); (void)x; return y; }
static inline int archtui_max_x(void) { int y, x; getmaxyx(stdscr, y, x); (void)y; return x; }

static inline attr_t archtui_a_normal(void) { return A_NORMAL; }
static inline attr_t archtui_a_bold(void) { return A_BOLD; }
static inline attr_t archtui_a_dim(void) { return A_DIM; }
static inline attr_t archtui_a_reverse(void) { return A_REVERSE; }
static inline attr_t archtui_a_underline(void) { return A_UNDERLINE; }

static inline int archtui_ccharw_max(void) { return CCHARW_MAX; }

/// wcwidth(3): glibc declares it only under _XOPEN_SOURCE, which we do not want to force on Swift.
extern int wcwidth(wchar_t c);
static inline int archtui_wcwidth(wchar_t c) { return wcwidth(c); }

/// Draws one grapheme at (y, x) on stdscr: `wstr` is a NUL-terminated spacing character followed by at
/// most CCHARW_MAX - 1 combining characters. Returns ERR when ncurses rejects the sequence.
static inline int archtui_put(int y, int x, const wchar_t *wstr, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, wstr, attrs, pair, NULL) == ERR) return ERR;
    return mvwadd_wch(stdscr, y, x, &cell);
}

/// Whether the current LC_CTYPE locale encodes text as UTF-8.
static inline int archtui_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

// MARK: - Signals
//
// WARNING: these `static` variables exist once per object file that uses them. Only
// NCursesBackend/TerminalSignals.swift may call the archtui_sig_* functions, so there is exactly one copy.
//
// This is the only global mutable state in archtui. It has to be global: a signal handler receives no
// context, and it may only touch `volatile sig_atomic_t` flags and call async-signal-safe functions.

/// The last termination request (SIGINT, SIGTERM, SIGHUP) not yet taken, or 0.
static volatile sig_atomic_t archtui_sig_termination = 0;
/// Set by SIGTSTP; the event loop stops the process when it sees it (endwin is not signal-safe).
static volatile sig_atomic_t archtui_sig_suspend = 0;
/// Set by SIGCONT: the terminal may have been changed while we were stopped; repaint everything.
static volatile sig_atomic_t archtui_sig_continued = 0;
/// 1 while curses owns the screen, so a crash handler knows whether there is anything to restore.
static volatile sig_atomic_t archtui_sig_terminal_active = 0;
static volatile sig_atomic_t archtui_sig_saved_termios_valid = 0;
// Aggregates are function-local statics: Swift's C code generation does not emit file-scope ones.
static inline struct termios *archtui_sig_saved_termios(void) { static struct termios saved; return &saved; }
static inline struct sigaction *archtui_sig_previous(int sig) { static struct sigaction previous[NSIG]; return &previous[sig]; }
static inline char *archtui_sig_alt_stack(size_t *size) {
    static char stack[64 * 1024];
    *size = sizeof stack;
    return stack;
}

static void archtui_sig_on_request(int sig) {
    switch (sig) {
    case SIGTSTP: archtui_sig_suspend = 1; break;
    case SIGCONT: archtui_sig_continued = 1; break;
    default: archtui_sig_termination = sig; break;
    }
}

/// Puts the terminal back the way the shell expects it using only write(2) and tcsetattr(3), which are
/// async-signal-safe (endwin is not: it may take stdio locks held by the crashed code).
static void archtui_sig_restore_terminal(void) {
    if (!archtui_sig_terminal_active) return;
    archtui_sig_terminal_active = 0;
    // Reset attributes, leave keypad-transmit mode, leave the alternate screen, show the cursor.
    static const char reset[] = "\033[0m\033[?1l\033>\033[?1049l\033[?25h\r\n";
    ssize_t written = write(STDOUT_FILENO, reset, sizeof reset - 1);
    (void)written;
    if (archtui_sig_saved_termios_valid) tcsetattr(STDIN_FILENO, TCSANOW, archtui_sig_saved_termios());
}

static void archtui_sig_on_crash(int sig) {
    archtui_sig_restore_terminal();
    // Give the signal back to whoever had it before (SIG_DFL, or Swift's backtracer) and re-raise: the
    // raised signal is delivered as soon as this handler returns.
    sigaction(sig, archtui_sig_previous(sig), NULL);
    raise(sig);
}

static inline int archtui_sig_install(int sig, void (*handler)(int), int flags) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = flags;
    return sigaction(sig, &action, archtui_sig_previous(sig));
}

/// Installs all handlers and records the shell's terminal modes. Call before ncurses starts, so that
/// ncurses sees our SIGINT/SIGTERM/SIGTSTP handlers and does not install its own.
static inline void archtui_sig_install_all(void) {
    // Installing twice would record our own handler as "previous" and make a crash loop forever.
    static int installed = 0;
    if (installed) return;
    installed = 1;
    if (tcgetattr(STDIN_FILENO, archtui_sig_saved_termios()) == 0) archtui_sig_saved_termios_valid = 1;
    // An alternate stack lets the crash handler run even after a stack overflow (main thread only).
    stack_t current;
    if (sigaltstack(NULL, &current) == 0 && (current.ss_flags & SS_DISABLE)) {
        stack_t alt = { .ss_flags = 0 };
        alt.ss_sp = archtui_sig_alt_stack(&alt.ss_size);
        sigaltstack(&alt, NULL);
    }
    // SA_RESTART: a save in progress must not fail with EINTR; the event loop's timeout bounds latency.
    const int requests[] = { SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT };
    for (unsigned i = 0; i < sizeof requests / sizeof requests[0]; i++)
        archtui_sig_install(requests[i], archtui_sig_on_request, SA_RESTART);
    const int crashes[] = { SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE };
    for (unsigned i = 0; i < sizeof crashes / sizeof crashes[0]; i++)
        archtui_sig_install(crashes[i], archtui_sig_on_crash, SA_ONSTACK | SA_RESETHAND);
}

/// Stops the process with SIGTSTP's default action; returns once it is continued.
static inline void archtui_sig_stop_process(void) {
    struct sigaction ours;
    struct sigaction deflt;
    memset(&deflt, 0, sizeof deflt);
    deflt.sa_handler = SIG_DFL;
    sigemptyset(&deflt.sa_mask);
    sigaction(SIGTSTP, &deflt, &ours);
    sigset_t tstp, previous;
    sigemptyset(&tstp);
    sigaddset(&tstp, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &tstp, &previous);
    raise(SIGTSTP);
    sigprocmask(SIG_SETMASK, &previous, NULL);
    sigaction(SIGTSTP, &ours, NULL);
}

static inline int archtui_sig_take_termination(void) {
    int sig = archtui_sig_termination;
    archtui_sig_termination = 0;
    return sig;
}
static inline int archtui_sig_peek_termination(void) { return archtui_sig_termination; }
static inline int archtui_sig_take_suspend(void) { int v = archtui_sig_suspend; archtui_sig_suspend = 0; return v; }
static inline int archtui_sig_take_continued(void) { int v = archtui_sig_continued; archtui_sig_continued = 0; return v; }
static inline void archtui_sig_set_terminal_active(int active) { archtui_sig_terminal_active = active; }

#endif
