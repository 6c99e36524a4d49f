#!/usr/bin/env bash
# Issue 9: read-only commands never create a ledger; reports have default periods.
set -uo pipefail
fail() { echo "FAIL: $*"; exit 1; }
missing="$WORK/nowhere/x.sqlite"
for args in "report aging" "report dso" "summary" "customer list" "statement C1" "reminders" "export journal" "invoice list"; do
  out=$("$BIN_DIR/salesledger" --db "$missing" $args 2>&1); rc=$?
  [ $rc -eq 1 ] || fail "$args: exit $rc, want 1: $out"
  [[ "$out" == *"no ledger at $missing (create one with: salesledger init --db $missing)"* ]] || fail "$args: $out"
done
[ ! -e "$missing" ] && [ ! -e "$WORK/nowhere" ] || fail "a read-only command created $missing"
out=$("$BIN_DIR/salesledger" --db /nonexistent/x.sqlite report aging 2>&1); rc=$?
[ $rc -eq 1 ] && [[ "$out" == *"no ledger at /nonexistent/x.sqlite"* ]] || fail "/nonexistent: $rc $out"
out=$("$BIN_DIR/salesledger" --lang zh --db "$missing" report aging 2>&1); rc=$?
[ $rc -eq 1 ] && [[ "$out" == *"$missing 处没有账套（新建账套：salesledger init --db $missing）"* ]] || fail "zh: $rc $out"
# init creates it; then the reports answer, DSO without --from over the last 90 days.
"$BIN_DIR/salesledger" --db "$missing" init >/dev/null || fail "init"
[ -f "$missing" ] || fail "init made no file"
out=$("$BIN_DIR/salesledger" --db "$missing" --today 2026-11-29 report dso --format csv 2>&1) || fail "dso default period: $out"
out=$("$BIN_DIR/salesledger" --db "$missing" --today 2026-11-29 report dso 2>&1) || fail "dso text: $out"
[[ "$out" == *"2026-09-01 … 2026-11-29"* ]] || fail "dso default period is not the last 90 days: $out"
"$BIN_DIR/salesledger" --db "$missing" --today 2026-11-29 report collections --format csv >/dev/null || fail "collections default period"
"$BIN_DIR/salesledger" --db "$missing" --today 2026-11-29 report write-offs --format csv >/dev/null || fail "write-offs default period"
echo ok
