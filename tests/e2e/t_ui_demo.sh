#!/usr/bin/env bash
# The UI demo in a real terminal (tmux): typing ASCII and Chinese into a form field, resizing
# (bigger, back, too small, back), Ctrl-C, and the terminal restored afterwards (B14, B15).
set -euo pipefail
demo="$BIN_DIR/salesledger-ui-demo"
T="$TUI_DRIVE"
s="ui-demo-$$"
trap '"$T" stop "$s"' EXIT
fail() { echo "FAIL: $*"; "$T" screen "$s" || true; exit 1; }

# A shell wraps the demo so we can check the tty state after it exits.
"$T" start "$s" 80x24 bash -c "stty -g > '$WORK/stty.before'; '$demo' --themes-dir '$REPO_DIR/themes'; echo \"demo-rc=\$?\"; stty -g > '$WORK/stty.after'; echo shell-ok"
"$T" wait "$s" 'Customer 客户' 15 || fail "form did not appear"
"$T" wait "$s" '80x24' 5 || fail "size note missing"

# ASCII then Chinese into the customer field; the lookup suggests the full name.
"$T" type "$s" "ab"
"$T" wait "$s" 'Customer 客户 +ab' 5 || fail "ASCII text not shown"
"$T" keys "$s" BSpace BSpace
"$T" type "$s" "北京星河"
"$T" wait "$s" 'Customer 客户 +北京星河' 5 || fail "Chinese text not shown"
"$T" wait "$s" '北京星河科技有限公司' 5 || fail "lookup suggestion not shown"
# Bracketed paste (tmux pastes with ESC[200~ … ESC[201~ because the demo turned it on).
tmux -L "$TUI_DRIVE_SOCKET" set-buffer "粘贴"
tmux -L "$TUI_DRIVE_SOCKET" paste-buffer -p -t "$s"
"$T" wait "$s" 'Customer 客户 +北京星河粘贴' 5 || fail "bracketed paste not inserted"
"$T" keys "$s" BSpace BSpace
"$T" keys "$s" Tab
"$T" type "$s" "12.3"
"$T" wait "$s" '12\.3' 5 || fail "amount not shown"

# Escape (no lag) asks before discarding; "n" keeps the half-typed form.
"$T" keys "$s" Escape
"$T" wait "$s" 'Discard changes' 3 || fail "Escape did not ask before discarding"
"$T" keys "$s" n
"$T" wait "$s" 'Customer 客户 +北京星河' 3 || fail "form lost its text after declining discard"
"$T" screen "$s" | grep -q 'Discard changes' && fail "discard dialog still open"

# Larger, back, too small, back: the half-typed form survives (B14).
"$T" resize "$s" 200x60
"$T" wait "$s" '200x60' 5 || fail "no redraw at 200x60"
"$T" resize "$s" 80x24
"$T" wait "$s" '80x24' 5 || fail "no redraw at 80x24"
"$T" resize "$s" 20x5
"$T" wait "$s" 'too small' 5 || fail "no too-small message at 20x5"
for size in 10x3 1x1 100x30 30x8 80x24 120x40 80x24; do "$T" resize "$s" "$size"; done
"$T" wait "$s" '80x24' 5 || fail "no redraw after resize burst"
"$T" screen "$s" | grep -q '北京星河' || fail "form lost its customer after resizes"
"$T" screen "$s" | grep -q '12\.3' || fail "form lost its amount after resizes"

# Table and charts screens draw at this size.
"$T" keys "$s" F3
"$T" wait "$s" '/100000 rows' 5 || fail "table screen"
"$T" keys "$s" F4
"$T" wait "$s" 'Aging' 5 || fail "charts screen"
"$T" keys "$s" F2
"$T" wait "$s" 'Customer 客户' 5 || fail "back to the form"

# Ctrl-C quits (130) and the terminal is restored: same stty, prompt back.
"$T" keys "$s" C-c
"$T" wait "$s" 'shell-ok' 5 || fail "demo did not exit on Ctrl-C"
"$T" screen "$s" | grep -Eq 'demo-rc=(0|130)$' || fail "unexpected exit status"
cmp -s "$WORK/stty.before" "$WORK/stty.after" || fail "terminal modes not restored: $(cat "$WORK/stty.before") vs $(cat "$WORK/stty.after")"
"$T" screen "$s" | grep -q 'Customer 客户' && fail "demo screen left behind (alternate screen not left)"
echo "ok"
