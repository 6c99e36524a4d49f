# Long exports and imports report progress (issue 15): plain lines on stderr when it is not a terminal (no escape
# sequences), one per phase per tenth; SALESLEDGER_PROGRESS_AFTER=0 shows them on a small ledger (default: after 1 s).
set -eu
SL="$BIN_DIR/salesledger --db $WORK/p.sqlite --today 2026-11-29"
$SL sample generate --customers 20 --invoices 300 --seed 3 >/dev/null 2>&1
$SL export journal --output quiet.journal 2> quiet.txt
! grep -q "export journal:" quiet.txt
export SALESLEDGER_PROGRESS_AFTER=0
$SL export journal --output j.journal 2> err.txt
grep -Eq "^salesledger: export journal: entries [0-9]+/[0-9]+ \(100 %\)$" err.txt
cmp j.journal quiet.journal
$SL export journal 2> err.txt > stdout.journal
cmp stdout.journal quiet.journal
grep -q "export journal: entries" err.txt
$SL export vouchers --from 2026-01-01 --to 2026-11-29 --output v.csv 2> err.txt
grep -q "^salesledger: export vouchers: checking 333/333 days (100 %)$" err.txt
grep -q "^salesledger: export vouchers: writing 333/333 days (100 %)$" err.txt
LANG=zh_CN.UTF-8 $SL --lang zh export vouchers --from 2026-01-01 --to 2026-11-29 --output vz.csv 2> err.txt
grep -q "^salesledger: 导出凭证: 写入 333/333 天 (100 %)$" err.txt
$SL export customers --target kis --output c.csv 2> err.txt
grep -q "^salesledger: export customers: customers 20/20 (100 %)$" err.txt
{ echo "sku,name,unit_price,tax_rate"; for i in $(seq 1 300); do echo "P$i,Item $i,$i.50,13"; done; } > p.csv
$SL import products p.csv 2> err.txt >/dev/null
grep -q "^salesledger: p.csv: checking .* MB (100 %)$" err.txt
grep -q "^salesledger: p.csv: writing 300/300 rows (100 %)$" err.txt
if grep -q $'\033' err.txt; then echo "escape sequence in non-terminal progress"; exit 1; fi
echo ok
