#!/usr/bin/env bash
# Ctrl-Z suspends the demo like a shell job (terminal given back), `fg` redraws it completely,
# and an external SIGTSTP/SIGCONT does the same.
set -euo pipefail
demo="$BIN_DIR/salesledger-ui-demo"
T="$TUI_DRIVE"
s="ui-suspend-$$"
trap '"$T" stop "$s"' EXIT
fail() { echo "FAIL: $*"; "$T" screen "$s" || true; exit 1; }

"$T" start "$s" 80x24 bash --norc --noprofile -i
"$T" wait "$s" '[$#] *$' 10 || fail "no shell prompt"
"$T" type "$s" "PS1='sh> '; '$demo' --themes-dir '$REPO_DIR/themes'"
"$T" keys "$s" Enter
"$T" wait "$s" 'Customer 客户' 10 || fail "form did not appear"
"$T" type "$s" "xyz"
"$T" keys "$s" C-z
"$T" wait "$s" 'Stopped' 5 || fail "Ctrl-Z did not suspend"
"$T" screen "$s" | grep -q 'Customer 客户' && fail "demo screen still shown while suspended"
"$T" type "$s" "fg"
"$T" keys "$s" Enter
"$T" wait "$s" 'Customer 客户 +xyz' 5 || fail "no full redraw after fg"
"$T" wait "$s" 'F2 Form' 5 || fail "tab bar not redrawn after fg"
"$T" keys "$s" F10
"$T" wait "$s" '^sh> ?$' 5 || fail "did not quit with F10"
"$T" type "$s" 'echo "fg-status=$?"'
"$T" keys "$s" Enter
"$T" wait "$s" 'fg-status=0' 5 || fail "demo did not exit 0 after fg"
echo ok
