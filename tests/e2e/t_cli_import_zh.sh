# The import and receipt flow in Chinese (issue 15): report, left-out rows, proposals, rejected rows and the
# fingerprint refusal, with `--lang zh`.
set -eu
SL="$BIN_DIR/salesledger --db $WORK/z.sqlite --today 2025-06-30 --lang zh"
$SL customer add --code K3 --name 第三商贸 --notes "别名：老三" >/dev/null
$SL invoice post --customer K3 --date 2025-06-01 --line "*货物:1:300" >/dev/null
printf 'date,customer_name,amount,reference\n2025-06-10,老三,300.00,T1\n2025-06-10,老三,300.00,T1\n' > r.csv
$SL import receipts r.csv --dry-run > out.txt
grep -q "^r.csv：已检查 1 行，拒绝 0 行，略过 1 行（编码 UTF8，分隔符 ','）$" out.txt
grep -q "^  略过：第3行：交易单号 T1 重复（首次在第2行）$" out.txt
grep -q "^  建议：第2行：K3 300.00 → INV-2025-000001（金额相同）$" out.txt
grep -q "^试运行：将导入 收款单 1 笔；300.00 CNY；未写入任何数据$" out.txt
$SL import receipts r.csv > out.txt
grep -q "^已导入 收款单 1 笔" out.txt
if $SL import receipts r.csv 2> err.txt; then echo "imported twice"; exit 1; fi
grep -q "此文件已于 2025-06-30 导入过" err.txt
printf 'date,customer_name,amount\n2025-06-11,某人,1.00\n' > x.csv
if $SL import receipts x.csv 2> err.txt; then echo "unmatched payer accepted"; exit 1; fi
grep -q "第2行「customer_name」列：没有与“某人”匹配的客户" err.txt
if grep -q "row(s)\|no customer" err.txt; then echo "English left: $(cat err.txt)"; exit 1; fi
echo ok
