# IBM sample: `report aging` equals an independent computation from the CSV (python3), for three dates.
set -eu
SL="$BIN_DIR/salesledger --db $WORK/ibm.sqlite"
$SL sample load ibm | grep -q "2466 invoices"
for asof in 2012-06-30 2013-06-30 2013-12-31; do
  got=$($SL report aging --as-of $asof --format csv | grep -E '^(current|1-30|31-60|61-90|91\+),')
  want=$(python3 - "$asof" "$REPO_DIR/Sources/LedgerInterop/SampleData/ibm/invoices.csv" <<'PY'
import csv, datetime, sys
asof = datetime.date.fromisoformat(sys.argv[1])
d = lambda s: datetime.datetime.strptime(s, '%d/%m/%Y').date()
amt, cnt = [0]*5, [0]*5
for r in csv.DictReader(open(sys.argv[2])):
    if d(r['InvoiceDate']) <= asof < d(r['SettledDate']):
        days = (asof - d(r['DueDate'])).days
        i = 0 if days <= 0 else 1 if days <= 30 else 2 if days <= 60 else 3 if days <= 90 else 4
        whole, _, frac = r['InvoiceAmount'].partition('.')
        amt[i] += int(whole) * 100 + int((frac + '00')[:2]); cnt[i] += 1
for label, a, c in zip(['current', '1-30', '31-60', '61-90', '91+'], amt, cnt):
    print(f"{label},{a // 100}.{a % 100:02d},{c}")
PY
)
  if [ "$got" != "$want" ]; then echo "as of $asof: got"; echo "$got"; echo "want"; echo "$want"; exit 1; fi
done
$SL report aging --as-of 2012-06-30 | grep -q "total"
