# Northwind sample: 830 invoices, 2,155 lines, sales total = Σ of rounded lines from the CSV; refuses a second load.
set -eu
SL="$BIN_DIR/salesledger --db $WORK/nw.sqlite --today 1998-06-30"
$SL sample load northwind | tee out.txt
grep -q "830 invoices with 2155 lines" out.txt
$SL summary > summary.txt
grep -q "invoices: 830 (2155 lines)" summary.txt
grep -q "sales USD: 1,265,793.29" summary.txt
total=$($SL report sales --by year --from 1996-01-01 --format csv | grep '^TOTAL' | cut -d, -f7)
[ "$total" = "1265793.29" ] || { echo "sales report total $total"; exit 1; }
# A second load is refused (exit 1, message), nothing changes.
if $SL sample load northwind 2> err.txt; then echo "second load was accepted"; exit 1; fi
grep -q "not empty" err.txt
$SL audit verify | grep -q "chain intact"
