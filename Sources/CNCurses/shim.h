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
// Stateless helpers only. A `static` variable in this header would exist once per object file that uses
// it (and cross-module inlining in release builds makes that more than one): the signal flags live in
// Swift (TerminalSignals.swift), which has a single definition of every global.

static inline int archtui_atomic_load(int *flag) { return __atomic_load_n(flag, __ATOMIC_SEQ_CST); }
static inline void archtui_atomic_store(int *flag, int value) { __atomic_store_n(flag, value, __ATOMIC_SEQ_CST); }
static inline int archtui_atomic_exchange(int *flag, int value) {
    return __atomic_exchange_n(flag, value, __ATOMIC_SEQ_CST);
}

/// sigaction(2) with an empty mask; the old action goes to `previous`.
static inline int archtui_signal_install(int sig, void (*handler)(int), int flags, struct sigaction *previous) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = flags;
    return sigaction(sig, &action, previous);
}

/// Resets attributes, leaves keypad-transmit mode and the alternate screen, shows the cursor: write(2)
/// only, so it is async-signal-safe (endwin is not: it may take stdio locks held by the crashed code).
static inline void archtui_write_terminal_reset(void) {
    static const char reset[] = "\033[0m\033[?2004l\033[?1l\033>\033[?1049l\033[?25h\r\n";
    ssize_t written = write(STDOUT_FILENO, reset, sizeof reset - 1);
    (void)written;
}

/// Gives the main thread an alternate signal stack unless it has one, so a crash handler can run after a
/// stack overflow.
static inline void archtui_signal_stack_install(void *stack, size_t size) {
    stack_t current;
    if (sigaltstack(NULL, &current) != 0 || !(current.ss_flags & SS_DISABLE)) return;
    stack_t alt;
    memset(&alt, 0, sizeof alt);
    alt.ss_sp = stack;
    alt.ss_size = size;
    sigaltstack(&alt, NULL);
}

/// Stops the process with SIGTSTP's default action; returns once it is continued.
static inline void archtui_stop_process(void) {
    struct sigaction ours, deflt;
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

#endif
