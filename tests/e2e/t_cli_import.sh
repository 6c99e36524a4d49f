# CSV import through the CLI: Excel UTF-8 with BOM/CRLF, Chinese Excel GB18030, day-first dates; round trip.
set -eu
F="$REPO_DIR/../shared/cases"
[ -d "$F" ] || F="$REPO_DIR/Tests/LedgerStoreTests/Fixtures"
SL="$BIN_DIR/salesledger --db $WORK/i.sqlite --today 2026-11-29"
$SL import sales "$F/B02_sales_bom_crlf.csv" | grep -q "imported 3 invoice(s) (2,234.50 CNY)"
$SL import sales "$F/B03_sales_gb18030.csv" | grep -q "imported 3 invoice(s) (13,459.90 CNY)"
[ "$(sqlite3 $WORK/i.sqlite "select name from customer where name like '%䶮'")" = "刘䶮" ]
# A bad date stops the whole file (exit 1, row named); --skip-invalid imports the rest.
if $SL import sales "$F/B05_dates_ddmmyyyy.csv" --date-format dmy 2> err.txt; then echo "accepted 29/02/2025"; exit 1; fi
grep -q "row 7, column date: 29/02/2025 is not a valid date" err.txt
$SL import sales "$F/B05_dates_ddmmyyyy.csv" --date-format dmy --skip-invalid 2>/dev/null | grep -q "imported 5 invoice(s) (1,500.00 CNY)"
[ "$(sqlite3 $WORK/i.sqlite "select date from document where external_ref = 'INV-0801'")" = 2025-01-08 ]
# Round trip: our own export imports into an empty ledger with the same total.
$SL invoice list --format csv --limit 1000 > export.csv
SL2="$BIN_DIR/salesledger --db $WORK/j.sqlite --today 2026-11-29"
$SL2 import sales export.csv | grep -q "imported 11 invoice(s) (17,194.40 CNY)"
a=$($SL report sales --by year --from 1900-01-01 --format csv | grep '^TOTAL' | cut -d, -f7)
b=$($SL2 report sales --by year --from 1900-01-01 --format csv | grep '^TOTAL' | cut -d, -f7)
[ "$a" = "$b" ] || { echo "round trip: $a vs $b"; exit 1; }
