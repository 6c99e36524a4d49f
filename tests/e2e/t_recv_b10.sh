#!/usr/bin/env bash
# B10 through the CLI: unlinked credit notes are customer credit, not payments; nothing overdue.
set -euo pipefail
sl() { "$BIN_DIR/salesledger" --db "$WORK/x.sqlite" --today 2025-06-30 "$@"; }
check() { if ! grep -qxF -- "$2" <<<"$1"; then echo "missing line: $2"; echo "in:"; echo "$1"; exit 1; fi; }
sl customer add --code SBC --name "Silver Birch Cafe" >/dev/null
sl customer add --code MLC --name "Maple Leaf Co" >/dev/null
sl invoice post --customer SBC --date 2025-06-01 --due 2025-07-01 --line "*Goods:1:1000.00" >/dev/null
sl invoice post --customer SBC --date 2025-06-05 --due 2025-07-05 --line "*Goods:1:500.00" >/dev/null
sl credit-note add --customer SBC --date 2025-06-10 --amount 200 --reason "goodwill" >/dev/null
sl credit-note add --customer SBC --date 2025-06-12 --amount 100 --applies-to INV-2025-000002 --reason "return" >/dev/null
sl credit-note add --customer MLC --date 2025-06-20 --amount 50 --reason "refund due" >/dev/null
out=$(sl customer list --format csv)
check "$out" "SBC,Silver Birch Cafe,,,,CNY,1200.00,0.00,2025-06-05"
check "$out" "MLC,Maple Leaf Co,,,,CNY,-50.00,0.00,"
out=$(sl invoice list --format csv | grep INV-2025-000002)
[[ "$out" == *",500.00,400.00" ]] || { echo "C2: $out"; exit 1; }
out=$(sl report aging --as-of 2025-06-30 --format csv)
check "$out" "current,1400.00,2"
check "$out" "unapplied credits,-250.00,"
check "$out" "total,1150.00,2"
out=$(sl report aging --as-of 2025-06-30 --by customer --format csv)
check "$out" "MLC,Maple Leaf Co,0.00,0.00,0.00,0.00,0.00,-50.00,-50.00"
out=$(sl statement SBC --from 2025-06-01 --to 2025-06-30 --format csv)
# One statement shape everywhere (issue 9): BOM, header block (customer, period, opening balance), the 8 columns.
[ "$(printf '%s' "$out" | head -c 3 | od -An -tx1 | tr -d ' ')" = "efbbbf" ] || { echo "statement CSV has no UTF-8 BOM"; exit 1; }
check "$out" "Period,2025-06-01,2025-06-30"
check "$out" "Opening balance,0.00"
check "$out" "Date,Document,Type,Due date,Reference,Debit,Credit,Balance"
check "$out" ",,Closing balance,,,1500.00,300.00,1200.00"
out=$(sl statement SBC --from 2025-06-01 --to 2025-06-30)
grep -q "Unapplied credit *-200.00" <<<"$out" || { echo "statement text lacks the unapplied credit: $out"; exit 1; }
out=$(sl statement SBC --from 2025-06-01 --to 2025-06-30 --lang zh)
grep -q "对账单" <<<"$out" && grep -q "红字冲销" <<<"$out" && grep -q "期末余额" <<<"$out" || { echo "$out"; exit 1; }
grep -q "收款单" <<<"$out" && { echo "a credit note shown as a receipt"; exit 1; }
[ "$(sl reminders --date 2025-06-30 --all)" = "nothing overdue on 2025-06-30" ]
echo ok
