#!/usr/bin/env bash
# Issue 4: drafts survive a crash. Type half a sale (customer + one line), kill -9 the app, start again:
# the restore-draft dialog appears, `y` restores the typed text, and the restored sale can be posted.
# A later start (nothing typed since) offers no draft; `n` on the dialog discards the draft.
set -euo pipefail
source "$(dirname "$0")/app_lib.sh"
db="$WORK/draft.sqlite"
TODAY=2026-11-29
SL="$SL_BIN --db $db --today $TODAY"
s="app-draft-$$"
trap '"$T" stop "$s"' EXIT
NAME=北京星河科技有限公司

$SL sample generate --customers 40 --invoices 300 --seed 2 | grep -q '40 customers' || fail "sample generate"
$SL customer add --code C9001 --name "$NAME" >/dev/null || fail "customer add"

start() { "$T" start "$s" 120x40 "$SL_BIN" --db "$db" --today $TODAY --lang en; wait_for "F3 Sales entry" 20 "app started"; }

# 1. Half a sale, then kill -9.
start
wait_for 'F2/\^S Post' 5 "Sales entry"
"$T" type "$s" bjxh
wait_for "C9001 +$NAME" 5 "pinyin suggestion"
"$T" keys "$s" Enter
wait_for "^ Customer $NAME" 5 "customer picked"
"$T" keys "$s" Tab Tab Tab Tab Tab Tab
"$T" type "$s" P001
wait_for "P001  " 5 "product suggestion"
"$T" keys "$s" Enter
"$T" type "$s" 7
wait_for "^ +1 P001 .* 7( |$)" 5 "quantity 7 typed on line 1"
sleep 0.3  # let the last keystroke's autosave land (the app saves after each key)
pid=$(app_pid)
[ -n "$pid" ] || fail "cannot find the app's pid"
kill -9 "$pid"
# Wait for the process itself (the pane's "[exited …]" line may wrap, wherever the cursor was).
for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$pid" 2>/dev/null && fail "app still running after kill -9"
"$T" stop "$s"

# 2. Start again: restore offered; y restores.
start
wait_for 'Restore draft\?' 5 "restore-draft dialog after the crash"
"$T" keys "$s" y
for _ in $(seq 30); do screen_has 'Restore draft\?' || break; sleep 0.1; done
screen_has 'Restore draft\?' && fail "restore dialog did not close on y"
wait_for "^ Customer $NAME" 5 "customer restored"
wait_for "C9001 +Open balance" 5 "customer's figures shown after restore (customer really selected)"
wait_for "^ +1 P001 +A4复印纸 .* 7 " 5 "line 1 restored: P001, its name, quantity 7"
wait_for "Total [1-9][0-9,]*\.[0-9]{2} CNY" 5 "totals recomputed after restore"
"$T" keys "$s" F2
wait_for "Posted INV-2026-[0-9]{6}" 5 "restored sale posts"
number=$("$T" screen "$s" | grep -Eo 'Posted INV-2026-[0-9]{6}' | head -1 | cut -d' ' -f2)
$SL invoice show "$number" --format csv | grep -Eq '^1,A4复印纸,7,' || fail "posted invoice $number is not P001 × 7"
"$T" keys "$s" F10
wait_for '^\[exited with status 0\]' 5 "F10 on a blank form quits at once with status 0"
"$T" stop "$s"

# 3. Nothing pending: no dialog.
start
wait_for 'F2/\^S Post' 5 "Sales entry"
sleep 0.3
screen_has 'Restore draft' && fail "restore offered although the draft was posted"

# 4. Another half sale, kill -9, and decline: the draft is gone for good.
"$T" type "$s" bjxh
wait_for "C9001 +$NAME" 5 "pinyin suggestion"
"$T" keys "$s" Enter
wait_for "^ Customer $NAME" 5 "customer picked"
sleep 0.3
pid=$(app_pid)
kill -9 "$pid"
for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
"$T" stop "$s"
start
wait_for 'Restore draft\?' 5 "restore-draft dialog after the second crash"
"$T" keys "$s" n
for _ in $(seq 30); do screen_has 'Restore draft\?' || break; sleep 0.1; done
wait_for '^ Customer +Date' 5 "blank form after declining"
"$T" keys "$s" F10
wait_for '^\[exited with status 0\]' 5 "quit"
"$T" stop "$s"
start
sleep 0.3
screen_has 'Restore draft' && fail "declined draft offered again"
echo ok
