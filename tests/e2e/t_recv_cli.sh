#!/usr/bin/env bash
# Receivables CLI: allocate, reverse, contacts, snooze, reminders, rates, DSO, exit codes.
set -uo pipefail
sl() { "$BIN_DIR/salesledger" --db "$WORK/x.sqlite" "$@"; }
fail() { echo "FAIL: $*"; exit 1; }
sl --today 2025-06-01 customer add --code C1 --name "茶馆 Tea House" >/dev/null || fail "customer"
sl --today 2025-06-01 invoice post --customer C1 --date 2025-05-01 --line "*Tea:1:300.00" >/dev/null || fail "invoice 1"
sl --today 2025-06-01 invoice post --customer C1 --date 2025-05-10 --line "*Tea:1:200.00" >/dev/null || fail "invoice 2"
# Over-payment kept as credit, then allocated automatically (oldest due first).
sl --today 2025-06-05 receipt add --customer C1 --date 2025-06-05 --amount 600 --allocate none >/dev/null || fail "receipt"
out=$(sl --today 2025-06-05 receipt allocate RCT-2025-000001) || fail "allocate"
[[ "$out" == *"2 allocations (ids "*"unapplied 100.00" ]] || fail "allocate output: $out"
out=$(sl --today 2025-06-06 receipt reverse 2 --reason "wrong invoice") || fail "reverse"
[[ "$out" == *"-200.00"* ]] || fail "reverse output: $out"
out=$(sl --today 2025-06-06 receipt reverse 2 --reason "again" 2>&1); rc=$?
[ $rc -eq 1 ] || fail "second reversal exit $rc"
# Validation errors exit 1 and name the field; usage errors exit 2.
out=$(sl --today 2025-06-06 contact log --customer NOPE --who Li 2>&1); rc=$?
[ $rc -eq 1 ] && [[ "$out" == *"customer: unknown customer code NOPE"* ]] || fail "contact validation ($rc): $out"
out=$(sl --today 2025-06-06 rate set --currency USD --rate 7,1 2>&1); rc=$?
[ $rc -eq 1 ] && [[ "$out" == *"rate"* ]] || fail "rate validation ($rc): $out"
out=$(sl --today 2025-06-06 statement C1 --format csv 2>&1) || fail "statement without --from (default: the year to today): $out"
[[ "$out" == *"2025-01-01"* ]] || fail "statement default period starts on 1 January (s34-fix3, the screen's): $out"
# Reminders: invoice 2 (due 06-09, 200 open again after the reversal) across June with a promise and a snooze.
sl --today 2025-06-10 contact log --customer C1 --invoice INV-2025-000002 --date 2025-06-10 --who Li --channel wechat \
   --note "pays Friday" --promised 2025-06-13 >/dev/null || fail "contact log"
sl --today 2025-06-20 contact snooze --customer C1 --until 2025-06-23 --reason "owner away" >/dev/null || fail "snooze"
due=""
for d in $(seq -w 1 30); do
  if sl reminders --date "2025-06-$d" --format csv | grep -q "INV-2025-000002"; then due="$due $d"; fi
done
[ "$due" = " 06 09 14 23 30" ] || fail "reminder days:$due"
level=$(sl reminders --date 2025-06-14 --format csv | grep INV-2025-000002 | cut -d, -f8,9)
[ "$level" = "second_notice,promise of 2025-06-13 broken" ] || fail "level on 06-14: $level"
sl contact list --customer C1 | grep -q "2025-06-13" || fail "contact list"
# Rates and DSO.
sl --today 2025-06-30 rate base CNY >/dev/null || fail "base"
sl --today 2025-06-30 rate set --date 2025-06-01 --currency USD --rate 7.15 >/dev/null || fail "rate set"
sl rate list --format csv | grep -qx "2025-06-01,USD,7.150000,CNY" || fail "rate list"
out=$(sl report dso --from 2025-05-01 --to 2025-06-30 --format csv)
# AR 200 at 06-30 (invoice 2); sales 500 in 61 days → 24.4.
[[ "$out" == *"CNY,200.00,500.00,61,24.4"* ]] || fail "dso: $out"
sl report payment-days --format csv | grep -q "^C1," || fail "payment-days"
sl report collections --from 2025-05-01 --to 2025-06-30 --format csv | grep -qx "2025-05,CNY,300.00,0.00,0.00" || fail "collections"
sl report aging --as-of 2025-06-30 --basis invoice --format csv | grep -qx "31-60,200.00,1" || fail "aging by invoice date"
echo ok
