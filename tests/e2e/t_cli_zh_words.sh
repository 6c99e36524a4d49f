#!/usr/bin/env bash
# Tryout s16: no English left in Chinese CLI output (invoice show, receipt add, fapiao list/sales headers), a CSV
# given as --db is called "not a ledger" (not a damaged one), and English counts say "1 finding", not "1 findings".
set -uo pipefail
SL_BIN="$BIN_DIR/salesledger"
db="$WORK/words.sqlite"
SL="$SL_BIN --db $db --today 2026-11-29"
fails=0
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }
# ASCII words of 2+ letters that are not codes (all caps, or with digits/dashes like INV-2026-000001).
english() { grep -Eo '(^|[^A-Za-z0-9-])[a-z][A-Za-z_]+' | sed 's/^[^A-Za-z]//' | sort -u | tr '\n' ' '; }
$SL customer add --code C1 --name "星河" >/dev/null || { echo "FAIL: setup"; exit 1; }
$SL invoice post --customer C1 --line '*咨询:1:100' >/dev/null || { echo "FAIL: post"; exit 1; }
number=$($SL invoice list --format csv | sed -n 2p | cut -d, -f1)

out=$($SL --lang zh invoice show "$number")
words=$(echo "$out" | english); [ -z "$words" ] || bad "invoice show (zh): English [$words] in: $out"
echo "$out" | head -1 | grep -q "销售单  已过账  日期 2026-11-29" || bad "invoice show (zh) header: $out"
echo "$out" | grep -q "价税合计 100.00" || bad "invoice show (zh) total: $out"
LANG=zh_CN.UTF-8 $SL invoice show "$number" | grep -q "价税合计" || bad "invoice show under LANG=zh_CN is not Chinese"
$SL --lang en invoice show "$number" | head -1 | grep -q "invoice  posted  date 2026-11-29" || bad "invoice show (en)"

out=$($SL --lang zh receipt add --customer C1 --amount 50)
words=$(echo "$out" | english); [ -z "$words" ] || bad "receipt add (zh): English [$words] in: $out"
echo "$out" | grep -q "未核销 0.00" || bad "receipt add (zh): $out"

for cmd in "fapiao list" "fapiao sales" "invoice drafts list" "product list" "audit log"; do
  out=$($SL --lang zh $cmd | head -1)
  words=$(echo "$out" | english); [ -z "$words" ] || bad "$cmd (zh) header: English [$words] in: $out"
done

# Tryout s17: invoice list names kind and status in Chinese (CSV keeps the machine words); the result of sample
# generate and ArgumentParser's "unexpected arguments" are Chinese too.
out=$($SL --lang zh invoice list)
words=$(echo "$out" | english); [ -z "$words" ] || bad "invoice list (zh): English [$words] in: $out"
echo "$out" | grep -q "$number  销售单  已过账" || bad "invoice list (zh) kind/status: $out"
$SL --lang zh invoice list --format csv | grep -q "^$number,invoice,posted," || bad "invoice list (zh) CSV words"
out=$($SL --lang zh exposure C1 2>&1)
echo "$out" | grep -q "错误：多余的参数 'exposure', 'C1'" || bad "unexpected arguments (zh): $out"
out=$($SL_BIN --db "$WORK/gen.sqlite" --today 2026-11-29 --lang zh sample generate --invoices 20 --customers 5 2>/dev/null)
echo "$out" | grep -q "^已载入 generated-zh：客户 5 个，商品 [0-9]* 个，销售单 20 张" || bad "sample generate (zh): $out"

out=$($SL --lang zh audit verify)
echo "$out" | grep -q "^正常：[0-9]* 条审计记录，哈希链完整" || bad "audit verify (zh): $out"
echo "$out" | grep -q "^链头：" || bad "audit verify (zh) head: $out"
out=$($SL --lang zh backup create 2>/dev/null)
echo "$out" | grep -q "^大小：[0-9]* 字节$" && echo "$out" | grep -q "^内容：客户 1 个" || bad "backup create (zh): $out"
out=$($SL --lang zh report pivot --rows customer --cols month)
echo "$out" | head -2 | grep -q "销售额（CNY）按 客户 × 月份" || bad "pivot (zh) note: $out"
echo "$out" | grep -q "^客户 *名称 " || bad "pivot (zh) header: $out"

out=$($SL --lang zh report dashboard | head -1)
words=$(echo "$out" | english); [ -z "$words" ] || bad "dashboard (zh) note: English [$words] in: $out"
out=$($SL --lang zh report bills)
[ "$out" = "截至 2026-11-29 没有承兑汇票" ] || bad "bills (zh), none: $out"
$SL receipt add --customer C1 --amount 30 --method acceptance_bill --bill-number B1 --bill-bank 工行 \
  --bill-maturity 2027-02-28 >/dev/null || bad "bill receipt"
$SL customer add --code C2 --name Acme --currency USD >/dev/null || bad "USD customer"
$SL receipt add --customer C2 --amount 7 --method acceptance_bill --bill-number B2 --bill-bank HSBC \
  --bill-maturity 2027-01-31 >/dev/null || bad "USD bill receipt"
out=$($SL --lang zh report bills)
echo "$out" | grep -q "B1 .*持有中" || bad "bills (zh) status: $out"
echo "$out" | grep -Eq "^ *持有合计 .* CNY +30.00 +1$" && echo "$out" | grep -Eq "^ *持有合计 .* USD +7.00 +1$" \
  || bad "bills (zh): one total per currency: $out"
out=$($SL --lang zh customer exposure C1)
words=$(echo "$out" | english); [ -z "$words" ] || bad "customer exposure (zh): English [$words] in: $out"

# Tryout s30 (fix2): fapiao sales' total is the sale's 价税合计 (1,000.00 + 13% tax), so named, not "不含税合计".
$SL invoice post --customer C1 --line '*咨询:1:1000:0:13' >/dev/null || bad "post with tax"
taxed=$($SL invoice list --format csv | grep -v "^$number," | sed -n 2p | cut -d, -f1)
$SL invoice show "$taxed" | tail -1 | grep -q "total 1130.00 .* 1000.00  130.00" || bad "invoice show: $taxed"
$SL fapiao sales --format csv | head -1 | grep -q ",currency,gross_total,invoiced," || bad "fapiao sales csv header"
$SL fapiao sales --format csv | grep -q "^$taxed,.*,CNY,1130.00,0.00,1130.00," || bad "fapiao sales gross total"
out=$($SL --lang zh fapiao sales)
echo "$out" | head -1 | grep -q "币种  价税合计" || bad "fapiao sales (zh) header: $out"
echo "$out" | grep -q "不含税" && bad "fapiao sales (zh) says 不含税: $out"

# A CSV given as --db: not a ledger (en and zh), nothing written to it.
printf 'date,customer,amount\n2026-11-01,C1,10\n' > "$WORK/sales.csv"
before=$(cat "$WORK/sales.csv")
out=$($SL_BIN --db "$WORK/sales.csv" report aging 2>&1); rc=$?
[ $rc -eq 1 ] || bad "--db CSV: exit $rc"
echo "$out" | grep -q "not a ledger: $WORK/sales.csv is not a SalesLedger file" || bad "--db CSV (en): $out"
echo "$out" | grep -q "damaged" && bad "--db CSV (en) says damaged: $out"
out=$($SL_BIN --db "$WORK/sales.csv" --lang zh report aging 2>&1)
echo "$out" | grep -q "不是账套：$WORK/sales.csv 不是 SalesLedger 账套文件" || bad "--db CSV (zh): $out"
[ "$(cat "$WORK/sales.csv")" = "$before" ] || bad "the CSV was changed"

# Tryout s18: a CSV without the needed columns names them and the file's header in Chinese.
printf 'when,who\n2026-11-01,星河\n' > "$WORK/nocols.csv"
out=$($SL --lang zh import sales "$WORK/nocols.csv" 2>&1)
echo "$out" | grep -q "缺少列：date (日期), amount (金额), customer (客户)；文件的表头是：when, who" \
  || bad "import missing columns (zh): $out"

# English counts: a count of 1 takes the singular.
out=$($SL --lang en audit check --from 2026-11-01 --to 2026-11-30 2>&1)
echo "$out" | grep -Eq "Result: [0-9]+ findings?, [0-9]+ observations?" || bad "audit check result line: $out"
echo "$out" | grep -Eq "(^|[^0-9])1 (findings|observations|documents|numbers)" && bad "plural after 1: $out"
[ $fails -eq 0 ] && echo ok
exit $((fails > 0))
