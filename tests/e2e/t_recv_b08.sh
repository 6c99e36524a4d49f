#!/usr/bin/env bash
# B08 through the CLI: aging with partial payments and bucket edges as of 2025-06-30; collection list.
set -euo pipefail
sl() { "$BIN_DIR/salesledger" --db "$WORK/x.sqlite" --today 2025-06-30 "$@"; }
check() { if ! grep -qxF -- "$2" <<<"$1"; then echo "missing line: $2"; echo "in:"; echo "$1"; exit 1; fi; }
sl customer add --code GLT --name "Golden Lotus Trading" >/dev/null
# Posted in date order: A4 A5 A3 A7 A2 A6 A1 → INV-2025-000001 … 000007.
for spec in 2025-03-01:2025-03-31:3000 2025-03-20:2025-04-19:450 2025-04-01:2025-05-01:800 2025-04-30:2025-05-30:120 \
            2025-05-01:2025-05-31:2000 2025-05-31:2025-06-30:600 2025-06-20:2025-07-20:1000; do
  IFS=: read -r d due amount <<<"$spec"
  sl invoice post --customer GLT --date "$d" --due "$due" --line "*Goods:1:$amount" --override-reason "historical entry" >/dev/null
done
sl receipt add --customer GLT --date 2025-06-10 --amount 1500 --allocate INV-2025-000005=1500 >/dev/null
sl receipt add --customer GLT --date 2025-06-15 --amount 800 --allocate INV-2025-000003=800 >/dev/null
sl receipt add --customer GLT --date 2025-04-15 --amount 1000 --allocate INV-2025-000001=1000 >/dev/null
out=$(sl report aging --as-of 2025-06-30 --format csv)
check "$out" "current,1600.00,2"
check "$out" "1-30,500.00,1"
check "$out" "31-60,120.00,1"
check "$out" "61-90,450.00,1"
check "$out" "91+,2000.00,1"
check "$out" "total,4670.00,6"
out=$(sl customer list --format csv)
check "$out" "GLT,Golden Lotus Trading,,,,CNY,4670.00,3070.00,2025-06-20"
# Collection list: exactly the four overdue invoices, oldest due date first (A4, A5, A7, A2).
out=$(sl reminders --date 2025-06-30 --all --format csv | cut -d, -f3,5 | tail -n +2)
expected=$'INV-2025-000001,91\nINV-2025-000002,72\nINV-2025-000004,31\nINV-2025-000005,30\nINV-2025-000006,0'
[ "$out" = "$expected" ] || { echo "collection list:"; echo "$out"; exit 1; }
# Due today (A6) gets the on-due-date reminder only.
out=$(sl reminders --date 2025-06-30 --format csv | tail -n +2 | cut -d, -f3,9)
check "$out" "INV-2025-000006,due today"
echo ok
