#ifndef SALESLEDGER_CNCURSESW_SHIM_H
#define SALESLEDGER_CNCURSESW_SHIM_H
// Wide-character API on before the include (SwiftPM drops pkg-config's -D flags).
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// Macros, globals and variadics Swift cannot import, wrapped as static inline functions.
// No static variables here: each Swift file would get its own copy.

static inline const char *sl_codeset(void) { return nl_langinfo(CODESET); }

/// newterm on the process's stdout/stdin; NULL when TERM is unknown (never exits, unlike initscr).
static inline SCREEN *sl_newterm(const char *term) { return newterm(term, stdout, stdin); }

static inline WINDOW *sl_stdscr(void) { return stdscr; }
static inline int sl_lines(void) { return getmaxy(stdscr); }
static inline int sl_cols(void) { return getmaxx(stdscr); }
static inline int sl_colors(void) { return COLORS; }
static inline int sl_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t sl_a_normal(void) { return A_NORMAL; }
static inline attr_t sl_a_bold(void) { return A_BOLD; }
static inline attr_t sl_a_underline(void) { return A_UNDERLINE; }
static inline attr_t sl_a_reverse(void) { return A_REVERSE; }
static inline attr_t sl_a_dim(void) { return A_DIM; }
static inline attr_t sl_a_italic(void) { return A_ITALIC; }

static inline int sl_keypad_on(void) { return keypad(stdscr, TRUE); }
static inline int sl_timeout(int ms) { wtimeout(stdscr, ms); return OK; }

/// Puts one cell: `text` is a NUL-terminated spacing character plus up to 4 combining marks.
static inline int sl_put_cell(int y, int x, const wchar_t *text, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attrs, pair, NULL) == ERR) return ERR;
    return mvwadd_wch(stdscr, y, x, &cell);
}

/// Reads one wide character or key code: returns OK, KEY_CODE_YES or ERR.
static inline int sl_get_wch(wint_t *out) { return wget_wch(stdscr, out); }

/// Whether the terminal can address the cursor (a full-screen UI is possible).
static inline int sl_has_cursor_addressing(void) {
    const char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

/// Writes raw bytes to the terminal (e.g. bracketed-paste on/off) and flushes.
static inline void sl_write_raw(const char *bytes) { fputs(bytes, stdout); fflush(stdout); }

#endif
