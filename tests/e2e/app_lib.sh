# Shared helpers for the t_app_*.sh tests (sourced, not run: run.sh only runs t_*.sh).
# Needs BIN_DIR, TUI_DRIVE, TUI_DRIVE_SOCKET, WORK from tests/e2e/run.sh.
SL_BIN="$BIN_DIR/salesledger"
T="$TUI_DRIVE"

# fail MESSAGE: print the message and the current screen of session $s, exit 1.
fail() {
  echo "FAIL: $*"
  if [ -n "${s:-}" ]; then echo "--- screen of $s:"; "$T" screen "$s" 2>/dev/null || true; fi
  exit 1
}

# app_bug MESSAGE: the app (not the test) is wrong; same as fail, but says so.
app_bug() { fail "APP BUG: $*"; }

# soft_bug MESSAGE: the app is wrong in a way that should not stop the rest of the test from running;
# recorded, printed with the screen, and turned into a failure by finish.
SOFT_BUGS=()
soft_bug() {
  echo "APP BUG (test continues): $*"
  if [ -n "${s:-}" ]; then "$T" screen "$s" 2>/dev/null | sed 's/^/    | /' || true; fi
  SOFT_BUGS+=("$*")
}

# finish: exit 1 when soft bugs were recorded, else print ok.
finish() {
  if [ ${#SOFT_BUGS[@]} -gt 0 ]; then
    echo "FAIL: ${#SOFT_BUGS[@]} app bug(s):"; printf '  - APP BUG: %s\n' "${SOFT_BUGS[@]}"; exit 1
  fi
  echo ok
}

# wait_for REGEX [SECONDS] MESSAGE
wait_for() {
  local regex=$1 secs=$2; shift 2
  "$T" wait "$s" "$regex" "$secs" >/dev/null 2>&1 || fail "$* (screen never matched /$regex/ within ${secs}s)"
}

# screen_has REGEX: the current screen matches.
screen_has() { "$T" screen "$s" | grep -Eq -- "$1"; }

# grouped AMOUNT: 1234567.8 → 1,234,567.80 (how the screens show money).
grouped() { python3 -c 'import sys; from decimal import Decimal; print(f"{Decimal(sys.argv[1]):,.2f}")' "$1"; }

# add A B / sub A B with exact decimals.
dec_add() { python3 -c 'import sys; from decimal import Decimal; print(Decimal(sys.argv[1]) + Decimal(sys.argv[2]))' "$1" "$2"; }
dec_sub() { python3 -c 'import sys; from decimal import Decimal; print(Decimal(sys.argv[1]) - Decimal(sys.argv[2]))' "$1" "$2"; }

# re_escape TEXT: TEXT as a literal inside an extended regex.
re_escape() { printf '%s' "$1" | sed 's/[][\.*^$+?(){}|/]/\\&/g'; }

# app_pid: pid of the salesledger process running in session $s (a child of the tmux pane's shell).
app_pid() {
  local pane
  pane=$(tmux -L "$TUI_DRIVE_SOCKET" list-panes -t "$s" -F '#{pane_pid}' | head -1)
  pgrep -P "$pane" -x salesledger | head -1
}

# display_width: display width (CJK wide = 2 columns) of stdin's first line, trailing spaces removed.
display_width() {
  python3 -c 'import sys, unicodedata as u
line = sys.stdin.readline().rstrip("\n").rstrip(" ")
print(sum(2 if u.east_asian_width(c) in "WF" else 1 for c in line))'
}
