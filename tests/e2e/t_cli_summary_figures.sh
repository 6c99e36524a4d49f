# s33-fix: `summary` prints net sales and output VAT per currency, the sales report's TOTAL figures (not its own sum).
set -eu
SL="$BIN_DIR/salesledger --db $WORK/s.sqlite --today 2026-06-30"
$SL sample generate --customers 30 --invoices 200 --seed 3 --today 2026-06-30 > /dev/null 2>&1
total=$($SL report sales --by year --from 1900-01-01 --format csv --raw | grep '^TOTAL' | grep ',CNY,')
net=$(echo "$total" | cut -d, -f5) tax=$(echo "$total" | cut -d, -f6) gross=$(echo "$total" | cut -d, -f7)
plain() { tr -d ',' | sed 's/^.*: //'; }
$SL summary > en.txt
[ "$(grep '^net sales CNY: ' en.txt | plain)" = "$net" ] || { cat en.txt; echo "net: want $net"; exit 1; }
[ "$(grep '^output VAT CNY: ' en.txt | plain)" = "$tax" ] || { cat en.txt; echo "VAT: want $tax"; exit 1; }
[ "$(grep '^sales CNY: ' en.txt | plain)" = "$gross" ] || { cat en.txt; echo "sales: want $gross"; exit 1; }
$SL --lang zh summary > zh.txt
grep -q "^不含税销售额 CNY：" zh.txt && grep -q "^销项税额 CNY：" zh.txt || { cat zh.txt; exit 1; }
