# The exported journal is read by hledger, and its balances equal the ledger's own figures.
set -eu
SL="$BIN_DIR/salesledger --db $WORK/h.sqlite --today 2026-11-29"
$SL sample generate --customers 30 --invoices 200 --seed 6 >/dev/null
# A bad-debt write-off and a standalone credit note must be in the journal too.
inv=$($SL reminders --all --format csv | awk -F, 'NR == 2 { print $3 }')
cust=$($SL reminders --all --format csv | awk -F, 'NR == 2 { print $1 }')
$SL credit-note add --customer "$cust" --amount 10.00 --reason "goodwill" >/dev/null
$SL receipt add --customer "$cust" --amount 1.00 --allocate none >/dev/null
$SL invoice write-off "$inv" --reason "customer insolvent" | grep -q "^wrote off"
$SL export journal --output ledger.journal
hledger -f ledger.journal check >/dev/null
recv=$(hledger -f ledger.journal bal assets:receivable -1 -N --layout=bare 2>/dev/null | awk '{print $1}' || true)
[ -n "$recv" ] || recv=$(hledger -f ledger.journal bal assets:receivable -1 -N | awk '{print $1}')
aging=$($SL report aging --format csv | grep '^total,' | cut -d, -f2)
[ "$recv" = "$aging" ] || { echo "receivable in hledger $recv, aging total $aging"; exit 1; }
sales=$($SL report sales --by year --from 1900-01-01 --format csv | grep '^TOTAL' | cut -d, -f5)
revenue=$(hledger -f ledger.journal bal revenue -1 -N | awk '{print $1}')
[ "$revenue" = "-$sales" ] || { echo "revenue in hledger $revenue, net sales $sales"; exit 1; }
grep -q "expenses:bad debts" ledger.journal
grep -q "(CN-2026-" ledger.journal
