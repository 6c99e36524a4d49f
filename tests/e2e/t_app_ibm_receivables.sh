#!/usr/bin/env bash
# Issue 4 done-when: on the IBM sample with today pinned to 2013-06-30, the Receivables screen (F5) shows
# the same bucket totals as `report aging --as-of 2013-06-30`, and the overdue list has the most overdue
# invoice first (checked against an independent computation from the sample's CSV and `report aging --by customer`).
set -euo pipefail
source "$(dirname "$0")/app_lib.sh"
db="$WORK/ibm.sqlite"
ASOF=2013-06-30
SL="$SL_BIN --db $db"
s="app-ibm-$$"
trap '"$T" stop "$s"' EXIT

$SL sample load ibm | grep -q "2466 invoices" || fail "sample load ibm"
cli=$($SL report aging --as-of $ASOF --format csv)
echo "$cli"

"$T" start "$s" 160x48 "$SL_BIN" --db "$db" --today $ASOF --lang en
wait_for "F5 Receivables" 20 "app started"
"$T" keys "$s" F5
wait_for "As of $ASOF" 5 "receivables screen as of $ASOF"
wait_for "91\+ [0-9,.]+ \([0-9]+\)" 5 "aging legend with the 91+ bucket"
screen=$("$T" screen "$s")

# Buckets: the screen shows "Current 4,284.29 (72)  1–30 835.56 (12) …"; the CLI prints "current,4284.29,72".
i=0
for label in current 1-30 31-60 61-90 91+; do
  shown_label=$(echo "Current 1–30 31–60 61–90 91+" | cut -d' ' -f$((i + 1)))
  i=$((i + 1))
  want=$(echo "$cli" | awk -F, -v b="$label" '$1==b{print $2" "$3}')
  [ -n "$want" ] || fail "CLI has no bucket $label"
  re=$(re_escape "$shown_label")
  got=$(echo "$screen" | grep -Eo "(^|[^0-9])$re [0-9,.]+ \([0-9]+\)" | head -1 | sed -E "s/.*$re ([0-9,.]+) \(([0-9]+)\)/\1 \2/" | tr -d ,)
  [ -n "$got" ] || fail "bucket $shown_label not found on the screen"
  [ "$got" = "$want" ] || app_bug "bucket $label: screen shows '$got', report aging says '$want'"
  echo "bucket $label: $got"
done
total=$(echo "$cli" | awk -F, '$1=="total"{print $2}')
echo "$screen" | grep -Eq "Total open $(re_escape "$(grouped "$total")")" || app_bug "total open on screen is not $(grouped "$total")"

# The overdue list (the screen may open on the reminders list; `t` switches to the overdue invoices).
overdue_header='Number +Customer +Due date +Days'
if ! screen_has "$overdue_header"; then
  "$T" keys "$s" t
  wait_for "$overdue_header" 5 "overdue invoices table (after t)"
fi
overdue_count=$(echo "$cli" | awk -F, '$1 ~ /^(1-30|31-60|61-90|91\+)$/ {n += $3} END {print n}')
wait_for "Overdue invoices \($overdue_count\)" 5 "overdue invoice count = CLI overdue buckets' count ($overdue_count)"
rows=$("$T" screen "$s" | sed -En "/$overdue_header/,\$p" | grep -E '^INV-[0-9]{4}-[0-9]{6} ')
[ -n "$rows" ] || fail "no rows in the overdue list"
first=$(echo "$rows" | head -1)
echo "first overdue row: $first"
first_cust=$(echo "$first" | awk '{print $2}')
first_due=$(echo "$first" | grep -Eo '[0-9]{4}-[0-9]{2}-[0-9]{2}' | head -1)
first_days=$(echo "$first" | awk -v d="$first_due" '{for (i = 1; i < NF; i++) if ($i == d) print $(i + 1)}')

# Independent: open (InvoiceDate ≤ as-of < SettledDate) and overdue (DueDate < as-of) invoices from the CSV.
expected=$(python3 - "$ASOF" "$REPO_DIR/Sources/LedgerInterop/SampleData/ibm/invoices.csv" <<'PY'
import csv, datetime, sys
asof = datetime.date.fromisoformat(sys.argv[1])
d = lambda s: datetime.datetime.strptime(s, '%d/%m/%Y').date()
rows = [r for r in csv.DictReader(open(sys.argv[2]))
        if d(r['InvoiceDate']) <= asof < d(r['SettledDate']) and d(r['DueDate']) < asof]
earliest = min(d(r['DueDate']) for r in rows)
print(len(rows), earliest, (asof - earliest).days, ' '.join(sorted({r['customerID'] for r in rows if d(r['DueDate']) == earliest})))
PY
)
read -r n_csv earliest days_csv customers <<<"$expected"
echo "CSV: $n_csv overdue, earliest due $earliest ($days_csv days), customers: $customers"
[ "$n_csv" = "$overdue_count" ] || fail "test data: CSV has $n_csv overdue invoices, report aging $overdue_count"
[ "$first_due" = "$earliest" ] || app_bug "first overdue row is due $first_due; the most overdue invoice is due $earliest"
[ "$first_days" = "$days_csv" ] || app_bug "first overdue row shows $first_days days overdue; expected $days_csv"
case " $customers " in *" $first_cust "*) ;; *) app_bug "first overdue row's customer $first_cust is not one of: $customers" ;; esac
# That customer has overdue money in `report aging --by customer`.
$SL report aging --as-of $ASOF --by customer --format csv |
  awk -F, -v c="$first_cust" '$1==c && ($4+$5+$6+$7) > 0 {found=1} END {exit !found}' ||
  fail "report aging --by customer shows nothing overdue for $first_cust"
# And the visible rows are sorted by days overdue, most first.
echo "$rows" | awk '{for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/) {print $(i + 1); break}}' |
  sort -c -n -r 2>/dev/null || app_bug "overdue list is not sorted by days overdue, most first"

"$T" keys "$s" q
wait_for '^\[exited with status 0\]' 10 "q quits with status 0"
echo ok
