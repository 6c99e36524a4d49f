#!/usr/bin/env bash
# s14-fix (tryout): the TUI on `--db` in a folder that does not exist says what is wrong and creates nothing unless
# the user confirms (y): no folder, no ledger. Confirmed, it creates both and shows the welcome screen. A missing
# file in an existing folder still opens the welcome screen at once (a new ledger, as before).
set -euo pipefail
source "$(dirname "$0")/app_lib.sh"
s="app-missing-$$"
trap '"$T" stop "$s" 2>/dev/null || true' EXIT
missing="$WORK/nope/deeper"

# 1. Declined (English): exit 1 with the CLI's words, nothing created.
"$T" start "$s" 80x24 "$SL_BIN" --db "$missing/x.sqlite" --today 2026-11-29 --lang en
wait_for "does not exist either" 10 "the TUI names the missing folder"
"$T" screen "$s" | tr -d '\n' | grep -q "the folder $missing does not exist" || fail "the folder is not named whole"
screen_has 'Create a new ledger there and the folder\? \[y/N\]' || fail "no question before creating anything"
[ -e "$WORK/nope" ] && app_bug "the folder was created before the answer"
"$T" keys "$s" n Enter
wait_for '^\[exited with status 1\]' 10 "declining ends the program with status 1"
"$T" screen "$s" | tr -d '\n' | grep -q "no ledger at $missing/x.sqlite (create one with: salesledger init --db" \
  || fail "no CLI-style refusal"
[ -e "$WORK/nope" ] && app_bug "declining still created $WORK/nope"
"$T" stop "$s"

# 2. Declined by Enter alone (Chinese): the default answer is no.
"$T" start "$s" 80x24 "$SL_BIN" --db "$missing/x.sqlite" --today 2026-11-29 --lang zh
wait_for "也不存在" 10 "the Chinese TUI names the missing folder"
"$T" screen "$s" | tr -d '\n' | grep -q "文件夹 $missing 也不存在" || fail "the folder is not named whole (zh)"
"$T" keys "$s" Enter
wait_for '^\[exited with status 1\]' 10 "Enter alone declines"
screen_has "处没有账套" || fail "no Chinese refusal"
[ -e "$WORK/nope" ] && app_bug "Enter alone created $WORK/nope"
"$T" stop "$s"

# 3. Confirmed: folder and ledger created, the welcome screen shown.
"$T" start "$s" 80x24 "$SL_BIN" --db "$missing/x.sqlite" --today 2026-11-29 --lang en
wait_for "does not exist" 10 "question asked"
"$T" keys "$s" y Enter
wait_for 'Welcome to SalesLedger' 20 "welcome screen after confirming"
[ -f "$missing/x.sqlite" ] || app_bug "confirmed, but no ledger at $missing/x.sqlite"
"$T" keys "$s" Escape F10
"$T" stop "$s"

# 4. Existing folder, new file: no question, the welcome screen at once.
"$T" start "$s" 80x24 "$SL_BIN" --db "$WORK/fresh.sqlite" --today 2026-11-29 --lang en
wait_for 'Welcome to SalesLedger' 20 "welcome screen on a new ledger in an existing folder"
"$T" stop "$s"
finish
