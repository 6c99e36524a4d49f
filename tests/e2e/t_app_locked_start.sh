#!/usr/bin/env bash
# s34-fix3 (tryout defect 10): the terminal UI started while another program holds the ledger's write lock waits,
# says so, and the keys pressed meanwhile neither echo raw on the screen (`^G^[OS`) nor act on the first screen.
set -euo pipefail
source "$(dirname "$0")/app_lib.sh"
db="$WORK/locked.sqlite"
SL="$SL_BIN --db $db --today 2026-11-29 --lang en"
$SL sample generate --customers 10 --invoices 40 --seed 2 >/dev/null 2>&1 || fail "sample generate"
s="app-locked-$$"
trap '"$T" stop "$s" 2>/dev/null; kill $holder 2>/dev/null || true' EXIT
# Another program writes for 8 s.
python3 - "$db" <<'PY' &
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
c.execute("BEGIN IMMEDIATE")
c.execute("UPDATE customer SET notes = notes WHERE id = 1")
time.sleep(8)
c.execute("COMMIT")
PY
holder=$!
sleep 1
"$T" start "$s" 100x30 $SL
wait_for 'waiting for the ledger' 6 "the start-up says it waits for the lock"
"$T" keys "$s" C-g F4 F7
"$T" type "$s" xyz
sleep 1
screen_has '\^G|\^\[|xyz' && app_bug "keys echoed raw during the wait"
wait_for 'F2/\^S Post' 20 "the app opens once the lock is released"
sleep 0.5
screen_has 'Sales entry|Customer' || app_bug "the app did not open on its first screen"
screen_has 'xyz' && app_bug "keys typed during the wait reached the app"
finish
