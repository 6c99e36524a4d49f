# s32-fixb: `import sales` refuses a name two customers share and two columns of one field, says how many rows
# took the ledger's default tax rate (set with `setup --default-tax-rate`), in English and Chinese.
set -eu
SL="$BIN_DIR/salesledger --db $WORK/t.sqlite --today 2026-06-30"
$SL customer add --code LZ01 --name 绿洲贸易 >/dev/null
$SL customer add --code 客户编码一 --name 绿洲贸易 >/dev/null
printf '日期,单号,客户,价税合计\n2026-06-01,S-1,绿洲贸易,113.00\n' > a.csv
if $SL import sales a.csv 2> err.txt; then echo "ambiguous name imported"; exit 1; fi
grep -q "^  row 2, column 客户: customer name '绿洲贸易' matches 2 customers (LZ01, 客户编码一): give the customer code$" err.txt
if $SL --lang zh import sales a.csv 2> err.txt; then echo "ambiguous name imported"; exit 1; fi
grep -q "^  第2行「客户」列：客户名称 '绿洲贸易' 对应 2 个客户（LZ01, 客户编码一）：请填写客户编码$" err.txt
printf '日期,客户编码,价税合计,税率,vat_rate\n2026-06-01,LZ01,113.00,9,13\n' > d.csv
if $SL import sales d.csv 2> err.txt; then echo "two rate columns imported"; exit 1; fi
grep -q "^salesledger: d.csv: columns 4 (税率) and 5 (vat_rate) both give the tax rate$" err.txt
if $SL --lang zh import sales d.csv 2> err.txt; then echo "two rate columns imported"; exit 1; fi
grep -q "^salesledger: d.csv：第 4 列（税率）和第 5 列（vat_rate）都是税率，无法确定用哪一列；请删去其中一列$" err.txt
printf '日期,单号,客户编码,价税合计,税率\n2026-06-01,S-1,LZ01,113.00,\n2026-06-02,S-2,LZ01,106.00,6.000\n' > r.csv
$SL setup > out.txt
grep -q "^default tax rate: 0% (not set)$" out.txt
$SL import sales r.csv --dry-run > out.txt
grep -q "; 1 row without a tax rate used the ledger's default 0%; nothing written$" out.txt
$SL setup --default-tax-rate 13 > out.txt
grep -q "^default tax rate: 13%$" out.txt
$SL --lang zh import sales r.csv > out.txt
grep -q "^已导入 销售单 2 张（219.00 CNY），新客户 0 个；1 行未填税率，按账套默认税率 13% 价税分离$" out.txt
$SL --lang zh setup > out.txt
grep -q "^默认税率：13%$" out.txt
if $SL setup --default-tax-rate 130 2> err.txt; then echo "130% taken"; exit 1; fi
grep -q "defaultTaxRate: '130' is more than 100%" err.txt
$SL audit log --format csv | grep -q "ledger.default_tax_rate"
echo ok
