#!/usr/bin/env bash
# Issue 10 (start-up): the TUI draws its first frame at once and answers keys while the daily backup runs on its
# own thread (named in the title bar); quitting right away still leaves a complete, verified daily backup.
set -euo pipefail
source "$(dirname "$0")/app_lib.sh"
db="$WORK/boot.sqlite"
TODAY=2026-11-29
SL="$SL_BIN --db $db --today $TODAY --lang en"
$SL sample generate --lang zh --customers 200 --invoices 3000 --seed 5 > "$WORK/gen.log" 2>&1 || fail "sample generate"
s="app-boot-$$"
trap '"$T" stop "$s" 2>/dev/null' EXIT
"$T" start "$s" 120x40 $SL
wait_for 'F2/\^S Post' 20 "first frame"
# Keys are answered while the backup works: the customer list opens, then receivables.
"$T" keys "$s" F4
wait_for '^ *Code +Name' 10 "customers screen while the daily backup runs"
"$T" keys "$s" F5
wait_for 'Total open' 10 "receivables screen"
"$T" keys "$s" F10
wait_for '^\[exited with status 0\]|Quit' 10 "quit"
screen_has 'Quit' && { "$T" keys "$s" y; wait_for '^\[exited with status 0\]' 90 "quit confirmed"; }
file="$WORK/backups/boot-$TODAY.sqlite"
[ -f "$file" ] || app_bug "no daily backup $file after quitting"
$SL backup verify "$file" > "$WORK/verify.out" || fail "backup verify: $(cat "$WORK/verify.out")"
grep -q '^ok:' "$WORK/verify.out" || app_bug "daily backup does not verify: $(cat "$WORK/verify.out")"
$SL audit log --format csv > "$WORK/log.csv"
grep -q 'ledger.backup' "$WORK/log.csv" || app_bug "the daily backup is not in the audit log"
echo ok
