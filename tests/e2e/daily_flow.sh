# Issue 11 done-when, sourced by t_app_daily_en.sh and t_app_daily_zh.sh with FLOW_LANG=en|zh:
#   empty ledger → set-up wizard (company, CNY, 13 %) → 3 products on the Products screen (F8) → 2 customers
#   (F4) → a sale last week with a product line and a free line (*运费) → a draft saved (^D), reopened from the
#   drafts list (^O) and posted → the invoice browser (F9) finds last week's invoice by pinyin initials and
#   issues a partial credit note of one line at 13 % → an overpayment from the customer screen leaves unapplied
#   credit → a later sale (F3) → the leftover allocated to it on the allocation screen (核销, `k`), open balance
#   shown on the customer → a contact with a promise logged in the browser and shown in its contact history →
#   net sales and output VAT checked with `report sales` and `export journal`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/app_lib.sh"

db="$WORK/daily-$FLOW_LANG.sqlite"
TODAY=2026-11-29
SL="$SL_BIN --db $db --today $TODAY"
s="app-daily-$FLOW_LANG-$$"
trap '"$T" stop "$s"' EXIT

if [ "$FLOW_LANG" = zh ]; then
  L_WELCOME=欢迎使用销售台账 L_SETUP=账套设置 L_SETDONE=已设置 L_PRODUCTS=商品 L_SAVED=已保存 L_CUSTOMERS=客户
  L_POSTED=已过账 L_DRAFTS=草稿 L_REOPENED='已打开草稿' L_CONTACTS=联系记录 L_PROMISED=承诺 L_PENDING=待兑现
  L_RECORDED=收款单已录入 L_UNAPPLIED=未核销预收 L_ADDCUST=新增客户 L_ADDPROD=新增商品 L_DOCS=单据
  L_ALLOC=核销 L_PREVIEW='预览 RCT-2026-000001：INV-2026-000003 62.70；剩余未核销预收 0.00'
  L_ALLOCATED='已核销 RCT-2026-000001：INV-2026-000003 62.70' L_OPENBAL=应收余额
  L_CREDIT_REASON='红字冲销原因（回车即过账）' L_REASON_REQUIRED='必须填写原因'
else
  L_WELCOME='Welcome to SalesLedger' L_SETUP='Set up this ledger' L_SETDONE='set up' L_PRODUCTS=Products L_SAVED=Saved
  L_CUSTOMERS=Customers L_POSTED=Posted L_DRAFTS=Drafts L_REOPENED='Draft D[0-9]+ reopened' L_CONTACTS='Contact history'
  L_PROMISED=promised L_PENDING=pending L_RECORDED='Receipt recorded' L_UNAPPLIED='unapplied credit'
  L_ADDCUST='Add customer' L_ADDPROD='Add product' L_DOCS=Documents
  L_ALLOC='Allocation \(核销\)'
  L_PREVIEW='Preview RCT-2026-000001: INV-2026-000003 62.70; leaves 0.00 unapplied'
  L_ALLOCATED='Allocated RCT-2026-000001: INV-2026-000003 62.70' L_OPENBAL='Open balance'
  L_CREDIT_REASON='Reason for the credit note \(Enter posts it\)' L_REASON_REQUIRED='a reason is required'
fi

"$T" start "$s" 120x40 "$SL_BIN" --db "$db" --today $TODAY --lang "$FLOW_LANG"
wait_for "$L_WELCOME" 20 "welcome dialog on an empty ledger"

# --- Set-up wizard: "Start empty" is the last choice.
"$T" keys "$s" Down Down Down Enter
wait_for "$L_SETUP" 5 "set-up wizard"
"$T" type "$s" 星河贸易有限公司
"$T" keys "$s" Enter Enter C-s
wait_for "$L_SETDONE" 5 "ledger set up, products screen next"
wait_for "$L_PRODUCTS: 0" 5 "Products screen, empty"

# --- Three products through the product form (SKU, name, category, unit, price, tax %).
add_product() {  # SKU NAME CATEGORY PRICE TAX
  "$T" keys "$s" a
  wait_for "$L_ADDPROD" 5 "add-product form"
  "$T" type "$s" "$1"; "$T" keys "$s" Tab
  "$T" type "$s" "$2"; "$T" keys "$s" Tab
  "$T" type "$s" "$3"; "$T" keys "$s" Tab Tab
  "$T" type "$s" "$4"; "$T" keys "$s" Tab BSpace BSpace BSpace
  "$T" type "$s" "$5"; "$T" keys "$s" C-s
  wait_for "$L_SAVED: $1 $2" 5 "product $1 saved"
}
add_product CHAIR 办公椅 家具 100 13
add_product DESK 办公桌 家具 500 13
add_product SVC 安装服务 服务 33.33 6
wait_for "$L_PRODUCTS: 3" 5 "three products listed"
$SL product list --format csv | grep -q '^SVC,安装服务,服务,,CNY,33.33,6%,' || fail "SVC not stored as typed: $($SL product list --format csv)"

# --- Two customers through the customer form.
"$T" keys "$s" F4
add_customer() {  # CODE NAME
  "$T" keys "$s" a
  wait_for "$L_ADDCUST" 5 "add-customer form"
  "$T" type "$s" "$1"; "$T" keys "$s" Tab
  "$T" type "$s" "$2"; "$T" keys "$s" C-s
  wait_for "$L_SAVED: $1 $2" 5 "customer $1 saved"
  "$T" keys "$s" Escape
}
add_customer C1 重庆山城贸易
add_customer C2 长沙湘江商行
wait_for "$L_CUSTOMERS: 2" 5 "two customers listed"

# --- A sale dated last week: CHAIR × 3 and a free line *运费 1 × 10.00 at 13 %, found by "cq" (polyphone 重).
"$T" keys "$s" F3
"$T" type "$s" cq
wait_for "C1 +重庆山城贸易" 5 "cq finds 重庆 (chongqing)"
"$T" keys "$s" Enter
"$T" keys "$s" BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
"$T" type "$s" 2026-11-22
"$T" keys "$s" Tab Tab Tab Tab Tab Tab
"$T" type "$s" CHAIR
wait_for "CHAIR +办公椅" 5 "product suggestion"
"$T" keys "$s" Enter
"$T" type "$s" 3
"$T" keys "$s" C-n
"$T" type "$s" '*运费'
"$T" keys "$s" Tab
"$T" type "$s" 1
"$T" keys "$s" Tab
"$T" type "$s" 10
"$T" keys "$s" Tab Tab
"$T" type "$s" 13
"$T" keys "$s" F2
wait_for "$L_POSTED INV-2026-000001: 350.30 CNY" 5 "sale posted (300 + 39 + 10 + 1.30)"

# --- A draft for C2 (found by "changsha"), saved, reopened from the drafts list, posted.
"$T" type "$s" changsha
wait_for "C2 +长沙湘江商行" 5 "changsha finds 长沙"
"$T" keys "$s" Enter Tab Tab Tab Tab Tab Tab
"$T" type "$s" DESK
wait_for "DESK +办公桌" 5 "product suggestion"
"$T" keys "$s" Enter
"$T" type "$s" 2
"$T" keys "$s" C-d
sleep 0.3
"$T" keys "$s" C-o
wait_for "$L_DRAFTS \\(1\\)" 5 "drafts list with the saved draft"
wait_for "D[0-9]+ +$TODAY +C2 长沙湘江商行 .*1,130.00" 5 "draft row"
"$T" keys "$s" Enter
wait_for "$L_REOPENED" 5 "draft reopened"
"$T" keys "$s" F2
wait_for "$L_POSTED INV-2026-000002: 1,130.00 CNY" 5 "reopened draft posted"
[ "$($SL invoice drafts --format csv | wc -l)" -eq 1 ] || fail "draft still listed after posting"

# --- Invoice browser: last week's invoice by "cq", a credit note returning 1 of line 1 (13 %).
"$T" keys "$s" F9
wait_for "$L_DOCS: 2" 5 "browser lists both invoices"
"$T" keys "$s" /
"$T" type "$s" cq
"$T" keys "$s" Enter
wait_for "$L_DOCS: 1" 5 "search cq finds one document"
wait_for "INV-2026-000001 .*2026-11-22" 5 "last week's invoice"
"$T" keys "$s" Down Up Enter
wait_for "INV-2026-000001 " 5 "document opened"
wait_for "\\*运费" 5 "free line shown with its mark"
"$T" keys "$s" c
"$T" type "$s" 1:1
"$T" keys "$s" Enter
# The reason prompt is the confirmation: an empty reason is refused, nothing is posted until one is given.
wait_for "$L_CREDIT_REASON" 5 "credit by line asks for a reason"
"$T" keys "$s" Enter
wait_for "$L_REASON_REQUIRED" 5 "an empty reason is refused"
"$T" type "$s" "one chair returned"
"$T" keys "$s" Enter
wait_for "CN-2026-000001: 100.00 \\+ 13.00" 5 "credit note of one chair at 13 %"
"$T" keys "$s" Escape

# --- Overpayment from the customer screen: C1 owes 350.30 − 113.00 = 237.30; 300.00 leaves 62.70 unapplied.
"$T" keys "$s" F4
"$T" keys "$s" /
"$T" type "$s" C1
"$T" keys "$s" Enter Enter
wait_for "C1" 5 "customer detail"
"$T" keys "$s" r
wait_for "237.30" 5 "receipt form prefilled with the balance"
"$T" keys "$s" BSpace BSpace BSpace BSpace BSpace BSpace
"$T" type "$s" 300
wait_for "62.70" 5 "allocation preview shows what stays unapplied"
"$T" keys "$s" C-s
wait_for "$L_RECORDED: RCT-2026-000001 300.00.*62.70.*$L_UNAPPLIED" 5 "overpayment recorded with a clear note"
# A later sale for C1 (SVC × 3 = 99.99 + 6.00 VAT), then back to C1's detail (still open on F4).
"$T" keys "$s" F3
"$T" type "$s" C1
wait_for "C1 +重庆山城贸易" 5 "C1 suggested"
"$T" keys "$s" Enter Tab Tab Tab Tab Tab Tab
"$T" type "$s" SVC
wait_for "SVC +安装服务" 5 "product suggestion"
"$T" keys "$s" Enter
"$T" type "$s" 3
"$T" keys "$s" F2
wait_for "$L_POSTED INV-2026-000003: 105.99 CNY" 5 "later sale posted"
# The allocation screen (核销): the 62.70 left on the receipt beside the open invoices; auto plan, preview, save.
"$T" keys "$s" F4 k
wait_for "$L_ALLOC: C1 重庆山城贸易" 5 "allocation screen"
wait_for "RCT-2026-000001 +62.70" 5 "unapplied credit on the left"
"$T" keys "$s" a
wait_for "$L_PREVIEW" 5 "allocation previewed before saving"
"$T" keys "$s" C-s
wait_for "$L_ALLOCATED" 5 "leftover allocated to the later invoice"
"$T" keys "$s" Escape
wait_for "$L_OPENBAL: 43.29" 5 "C1's open balance on screen (237.30 + 105.99 − 300.00)"
"$T" keys "$s" Escape
$SL invoice list --format csv | grep -q '^INV-2026-000003,invoice,posted,.*,105.99,43.29$' \
  || fail "leftover 62.70 allocated to the later invoice: $($SL invoice list --format csv)"

# --- A contact with a promise, logged on C2's invoice in the browser, shown in its contact history.
"$T" keys "$s" F9
"$T" keys "$s" /
for _ in 1 2; do "$T" keys "$s" BSpace; done
"$T" type "$s" INV-2026-000002
"$T" keys "$s" Enter Enter
wait_for "INV-2026-000002 " 5 "C2's invoice opened"
"$T" keys "$s" l
"$T" keys "$s" Tab
"$T" type "$s" 'called, pays next week'
"$T" keys "$s" Tab
"$T" type "$s" 2026-12-05
"$T" keys "$s" C-s
wait_for "$L_CONTACTS" 5 "contact history section"
wait_for "called, pays next week +$L_PROMISED 2026-12-05 $L_PENDING" 5 "the contact with its promise on screen"
"$T" keys "$s" Escape F10
wait_for '^\[exited with status 0\]' 5 "quit"

# --- Figures: net sales and output VAT (invoices 350.30 + 1,130.00 + 105.99, less the credit 113.00).
$SL report sales --by product --format csv > "$WORK/by-product-$FLOW_LANG.csv"
grep -q '^CHAIR,办公椅,CNY,2,200.00,26.00,226.00$' "$WORK/by-product-$FLOW_LANG.csv" \
  || fail "CHAIR net of the credit: $(cat "$WORK/by-product-$FLOW_LANG.csv")"
grep -q '^\*运费,运费,CNY,1,10.00,1.30,11.30$' "$WORK/by-product-$FLOW_LANG.csv" || fail "free line marked *运费"
total=$($SL report sales --by year --format csv | awk -F, '$1=="2026"{print $5","$6","$7}')
[ "$total" = "1309.99,163.30,1473.29" ] || fail "net, VAT, total for 2026: $total"
$SL export journal --output "$WORK/j-$FLOW_LANG.journal" >/dev/null
grep -A4 "CN-2026-000001" "$WORK/j-$FLOW_LANG.journal" | grep -Eq "liabilities:vat:output +13\.00 CNY" \
  || fail "journal reverses 13.00 of output VAT: $(grep -A4 CN-2026-000001 "$WORK/j-$FLOW_LANG.journal")"
$SL customer list --format csv | grep -q '^C1,重庆山城贸易,.*,CNY,43.29,' || fail "C1 balance: $($SL customer list --format csv)"
finish
