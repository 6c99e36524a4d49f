# Aging by class rows add up to the plain aging total; reminder rules set from the CLI change the credit hold.
set -eu
SL="$BIN_DIR/salesledger --db $WORK/c.sqlite --today 2026-11-29"
$SL sample generate --customers 30 --invoices 250 --seed 4 >/dev/null
plain=$($SL report aging --format csv | grep '^total,' | cut -d, -f2)
for dim in customer_class region; do
  $SL report aging --by-class $dim --format csv > byclass.csv
  sum=$(tail -n +2 byclass.csv | grep -v '^TOTAL,' | awk -F, '{ s += $NF } END { printf "%.2f", s }')
  [ "$sum" = "$plain" ] || { echo "$dim rows add up to $sum, aging total is $plain"; exit 1; }
  # … and its TOTAL row says so (tryout s15: the table had no total row).
  total=$(grep '^TOTAL,' byclass.csv | awk -F, '{ printf "%.2f", $NF }')
  [ "$total" = "$plain" ] || { echo "$dim TOTAL row is $total, aging total is $plain"; exit 1; }
done
# A customer with an invoice ≥ 45 days overdue is on hold by default …
code=$($SL reminders --all --format csv | awk -F, 'NR > 1 && $5 >= 45 { print $1; exit }')
[ -n "$code" ] || { echo "no customer 45+ days overdue in the sample"; exit 1; }
if $SL invoice post --customer "$code" --line "*x:1:1" 2> err.txt; then echo "posted despite the hold"; exit 1; fi
grep -q "stop further credit from 45 days" err.txt
# … and posting is allowed once the stop-credit level is raised past it.
$SL reminder-rules set --second 400 --final 500 --stop 600 >/dev/null
$SL reminder-rules show --format csv | grep -q '^(standard),3,yes,7,400,500,600$'
$SL invoice post --customer "$code" --line "*x:1:1" | grep -q "^posted INV-2026-"
# Bad rules are refused with the field named.
if $SL reminder-rules set --second 700 2> err.txt; then echo "accepted second > final"; exit 1; fi
grep -q "escalation" err.txt
