# IBM sample, `report aging --by customer` in table form a page of 50 rows at a time (issue 10): the pages put
# together are the CSV's rows in its order, every page's TOTAL is the CSV's TOTAL, and a bad page is refused.
set -eu
SL="$BIN_DIR/salesledger --db $WORK/ibm.sqlite"
$SL sample load ibm | grep -q "2466 invoices"
csv=$($SL report aging --as-of 2012-12-31 --by customer --format csv | tr -d '\r' | sed '1s/^\xEF\xBB\xBF//')
codes=$(echo "$csv" | sed 1d | grep -v '^TOTAL,' | cut -d, -f1)
n=$(echo "$codes" | wc -l)
[ "$n" -gt 50 ] || { echo "expected more than one page, got $n rows"; exit 1; }
total=$(echo "$csv" | grep '^TOTAL,' | awk -F, '{print $NF}')
p1=$($SL report aging --as-of 2012-12-31 --by customer)
p2=$($SL report aging --as-of 2012-12-31 --by customer --page 2)
echo "$p1" | grep -q "^rows 1–50 of $n (--page 2: the next; --format csv: every row)$" || { echo "$p1" | tail -3; exit 1; }
echo "$p2" | grep -q "^rows 51–$n of $n (--format csv: every row)$" || { echo "$p2" | tail -3; exit 1; }
for p in "$p1" "$p2"; do
  echo "$p" | grep '^TOTAL ' | grep -q " $total\$" || { echo "TOTAL is not the CSV's $total:"; echo "$p" | tail -3; exit 1; }
done
# The customers of both pages (IBM codes such as 4640-FGEJI) in order = the CSV's.
paged=$(printf '%s\n%s\n' "$p1" "$p2" | grep -E '^[0-9]{4}-[A-Z]{5} ' | awk '{print $1}')
if [ "$paged" != "$codes" ]; then
  echo "paged rows differ from the CSV"; diff <(echo "$paged") <(echo "$codes") | head; exit 1
fi
if $SL report aging --by customer --page 0 > $WORK/page0.out 2>&1; then echo "--page 0 accepted"; exit 1; fi
grep -q "page" $WORK/page0.out || { cat $WORK/page0.out; exit 1; }
# A page so large its row offset would overflow: a field error naming the page, exit 1, no trap.
rc=0; $SL report aging --by customer --page 9223372036854775807 > $WORK/pagemax.out 2>&1 || rc=$?
[ $rc -eq 1 ] || { echo "huge --page: exit $rc"; cat $WORK/pagemax.out; exit 1; }
grep -q "page: '9223372036854775807' is not a page number" $WORK/pagemax.out || { cat $WORK/pagemax.out; exit 1; }
