#!/usr/bin/env bash
# Issue 15: imported receipts are reviewed before anything is written.
# 1. `import receipts --format wechat BILL` on a terminal opens the review: proposals (customer by name, invoice
#    number in the note), a customer changed, an unmatched payer skipped, ^S writes in one transaction and the
#    command exits 0 printing what it wrote; the ledger has exactly those receipts and allocations.
# 2. In the TUI (Chinese), `i` on the receivables screen opens an Alipay bill for review; Esc writes nothing.
# 3. The same WeChat file again (no terminal: no review) is refused by its fingerprint.
set -euo pipefail
source "$(dirname "$0")/app_lib.sh"
db="$WORK/review.sqlite"
TODAY=2025-04-01
SL="$SL_BIN --db $db --today $TODAY"
s="app-review-$$"
trap '"$T" stop "$s" 2>/dev/null || true' EXIT

$SL customer add --code K001 --name 杭州西湖茶叶有限公司 >/dev/null || fail "customer K001"
$SL customer add --code K002 --name 刘䶮商行 >/dev/null || fail "customer K002"
$SL customer add --code K003 --name 第三商贸 >/dev/null || fail "customer K003"
$SL customer add --code Z001 --name 张三五金店 --phone 13900000000 >/dev/null || fail "customer Z001"
$SL invoice post --customer K001 --date 2025-02-01 --line "*货物:1:800" >/dev/null || fail "invoice 1"
$SL invoice post --customer K001 --date 2025-02-10 --line "*货物:1:1200" >/dev/null || fail "invoice 2"
$SL invoice post --customer K003 --date 2025-01-15 --line "*货物:1:300" >/dev/null || fail "invoice 3"
$SL invoice list --format csv | grep -q 'INV-2025-000003' || fail "three invoices posted"

bill="$WORK/wechat.csv"
printf '\xef\xbb\xbf' > "$bill"
cat >> "$bill" <<'BILL'
微信支付账单明细
微信昵称：[西湖茶叶]
起始时间：[2025-03-01 00:00:00] 终止时间：[2025-03-31 23:59:59]

----------------------微信支付账单明细列表--------------------
交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注
2025-03-02 10:15:00,二维码收款,杭州西湖茶叶有限公司,收款,收入,¥1200.00,/,已收钱,4200001234202503021111	,/,付 INV-2025-000002
2025-03-03 11:00:00,转账,刘䶮商行,转账,收入,¥500.00,/,已存入零钱,4200001234202503032222	,/,/
2025-03-05 16:20:00,二维码收款,杭州西湖茶叶有限公司,收款,收入,¥350.00,/,已全额退款,4200001234202503054444	,/,/
2025-03-06 12:00:00,转账,某陌生人,转账,收入,¥99.00,/,已存入零钱,4200001234202503065555	,/,/
BILL

# 1. The CLI on a terminal opens the review.
"$T" start "$s" 100x30 "$SL_BIN" --db "$db" --today $TODAY --lang en import receipts --format wechat "$bill"
wait_for "Review imported receipts \(收款单\): WeChat Pay bill wechat.csv" 20 "review screen opened by import receipts"
wait_for "K001 杭州西湖茶叶" 5 "row 7 matched by name"
wait_for "invoice number in the note" 5 "row 7's allocation: the invoice in the note"
wait_for "To write: 2 receipt\(s\) 1,700.00 · skipped 0 · to fix 1" 5 "totals before any change"
[ "$($SL summary | grep '^receipts:')" = "receipts: 0" ] || fail "something was written before ^S"
"$T" keys "$s" C-s
wait_for "Row 10: no customer matches 某陌生人" 5 "unmatched payer blocks the write"
"$T" keys "$s" s
wait_for "skipped 1" 5 "row 10 skipped"
"$T" keys "$s" Up c C-u
"$T" type "$s" K003
"$T" keys "$s" Enter
wait_for "Customer: K003 第三商贸 \(chosen\)" 5 "row 8 given to K003"
wait_for "INV-2025-000003 300.00 — oldest first; unapplied 200.00" 5 "K003's proposal: oldest first"
"$T" keys "$s" C-s
wait_for "Imported 2 receipt\(s\) 1,700.00, 2 allocation\(s\); 1 skipped" 10 "written and printed"
wait_for '\[exited with status 0\]' 10 "import exits 0 after writing"
"$T" stop "$s"
[ "$($SL summary | grep '^receipts:')" = "receipts: 2" ] || fail "two receipts written"
# Open amounts: INV-1 untouched, INV-2 settled by the invoice number in the note, INV-3 by oldest first (K003).
open=$($SL invoice list --format csv | tr -d '\r' | cut -d, -f1,10 | sort | grep INV-)
[ "$open" = "$(printf 'INV-2025-000001,800.00\nINV-2025-000002,0.00\nINV-2025-000003,0.00')" ] \
  || fail "open amounts after the review: $open"
$SL audit log --command import.file | grep -q 'import.file' || fail "the import is in the audit log"
[ "$($SL audit log --command receipt.record | grep -c 'receipt.record')" = 2 ] || fail "two receipt.record audit entries"

# 2. The TUI: i on the receivables screen, an Alipay bill, Esc writes nothing.
alipay="$WORK/alipay.csv"
python3 - "$alipay" <<'PY'
import sys
lines = ["支付宝交易记录明细查询", "账号:[xihu@example.com]", "起始日期:[2025-03-01 00:00:00]    终止日期:[2025-04-01 00:00:00]",
         "---------------------------------交易记录明细列表------------------------------------",
         "交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,",
         "2025-03-07 08:00:00,转账红包,张三,13900000000,转账,收入,400.00,账户余额,交易成功,2025030722001400002222,,,"]
open(sys.argv[1], "wb").write(("\r\n".join(lines) + "\r\n").encode("gb18030"))
PY
"$T" start "$s" 80x24 "$SL_BIN" --db "$db" --today $TODAY --lang zh
wait_for "F3 销售录入" 20 "app started"
"$T" keys "$s" F5
wait_for "今日回款提醒" 5 "receivables screen"
"$T" keys "$s" i
wait_for "导入收款文件" 5 "i asks for the file"
"$T" type "$s" "$alipay"
"$T" keys "$s" Enter
wait_for "收款单导入审核：支付宝账单 alipay.csv" 5 "Alipay bill detected and opened for review"
wait_for "Z001 张三五金店" 5 "payer matched by account (phone)"
"$T" keys "$s" Escape
wait_for "已取消导入：未写入任何数据" 5 "Esc cancels"
"$T" keys "$s" F10
wait_for '\[exited with status 0\]' 5 "quit"
"$T" stop "$s"
[ "$($SL summary | grep '^receipts:')" = "receipts: 2" ] || fail "the cancelled review wrote something"

# 3. The same WeChat file again, without a terminal: refused by its fingerprint.
if $SL import receipts --format wechat "$bill" > "$WORK/again.out" 2>&1 < /dev/null; then
  fail "the same file was imported twice"
fi
grep -q "already imported" "$WORK/again.out" || fail "refusal names the earlier import: $(cat "$WORK/again.out")"
echo ok
