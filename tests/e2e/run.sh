#!/usr/bin/env bash
# End-to-end tests: each tests/e2e/t_*.sh drives the real binaries (CLI, or the TUI in tmux through
# shared/tools/tui-drive). A test exits 0 on pass. Prints a closing "N passed, N failed" line.
# Usage: tests/e2e/run.sh BIN_DIR   (BIN_DIR holds salesledger and salesledger-ui-demo)
set -u
here=$(cd "$(dirname "$0")" && pwd)
export BIN_DIR=$(cd "${1:?usage: run.sh BIN_DIR}" && pwd)
export REPO_DIR=$(cd "$here/../.." && pwd)
# tui-drive comes from shared/tools beside the repo (CI lays a copy of shared/ there); tmux-drive is our
# fallback with the same verbs when it is missing.
export TUI_DRIVE="$REPO_DIR/../shared/tools/tui-drive"
[ -x "$TUI_DRIVE" ] || export TUI_DRIVE="$here/tmux-drive"
export TUI_DRIVE_SOCKET="sl-e2e-$$"
passed=0 failed=0 names=()
# A session that lives for the whole run keeps the tmux server up: otherwise stopping a test's last session ends
# the server while the next `start` connects, and tmux says "server exited unexpectedly" (seen under load).
tmux -L "$TUI_DRIVE_SOCKET" -f /dev/null new-session -d -s e2e-keepalive -x 80 -y 24 "sleep 86400" 2>/dev/null || true
for t in "$here"/t_*.sh; do
  [ -e "$t" ] || continue
  name=$(basename "$t" .sh)
  work=$(mktemp -d)
  if (cd "$work" && WORK="$work" bash "$t") > "$work/log" 2>&1; then
    passed=$((passed + 1)); echo "PASS $name"
  else
    failed=$((failed + 1)); names+=("$name"); echo "FAIL $name"
    grep -E '^(FAIL:|APP BUG)' "$work/log" | head -5 | sed 's/^/    /'; sed 's/^/    /' "$work/log" | tail -40
  fi
  rm -rf "$work"
done
tmux -L "$TUI_DRIVE_SOCKET" kill-server 2>/dev/null || true
echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
