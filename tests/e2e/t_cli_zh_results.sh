#!/usr/bin/env bash
# Tryout s33: under --lang zh the result lines of write commands (allocate, contact log/snooze, dispute, write-off,
# reverse, product add/edit/archive …) and coded cells of tables (contact channel, reminder rules' yes/(standard),
# fapiao type/status, customer region/channel, backup's "integrity ok") were English or codes. Every line checked
# here must be free of English words; the English lines name things in words too, CSV keeps the codes.
set -uo pipefail
SL_BIN="$BIN_DIR/salesledger"
db="$WORK/results.sqlite"
SL="$SL_BIN --db $db --today 2026-12-05"
fails=0
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }
# ASCII words of 2+ letters that are not codes (all caps, or with digits/dashes like RCT-2026-000001); file paths
# (they hold the test's folder names) are left out first.
english() { sed -e 's#/[^ ]*##g' -e 's/^salesledger: //' | grep -Eo '(^|[^A-Za-z0-9-])[a-z][A-Za-z_]+' | sed 's/^[^A-Za-z]//' | sort -u \
  | tr '\n' ' '; }
zh() { # zh NAME COMMAND…: runs the command under --lang zh; fails when English is left in its output.
  local name=$1; shift
  local out; out=$($SL --lang zh "$@" 2>&1)
  local words; words=$(echo "$out" | english)
  [ -z "$words" ] || bad "$name (zh): English [$words] in: $out"
  echo "$out"
}
$SL sample generate --lang zh --customers 8 --invoices 40 --seed 4 >/dev/null || { echo "FAIL: setup"; exit 1; }
$SL customer add --code C9 --name "新客户" >/dev/null || { echo "FAIL: customer"; exit 1; }
$SL product add --sku P9 --name "测试商品" --price 10 --tax-rate 0 >/dev/null || { echo "FAIL: product"; exit 1; }

# import sales: an amount without digits.
printf '日期,客户,金额\n2026-11-01,C9,10\n2026-11-02,C9,5\n2026-11-03,C9,-\n' > "$WORK/bad.csv"
out=$(zh "import sales" import sales "$WORK/bad.csv")
echo "$out" | grep -q "第4行「金额」列：金额 '-' 没有数字" || bad "import sales amount '-' (zh): $out"

# Receipts and allocations.
receipt=$($SL receipt add --customer C9 --amount 1000 | grep -o 'RCT-[0-9-]*')
out=$(zh "receipt allocate" receipt allocate "$receipt" --allocate auto)
echo "$out" | grep -q "^$receipt：未核销任何销售单；未核销余额 1,000.00$" || bad "allocate nothing (zh): $out"
out=$($SL receipt allocate "$receipt" --allocate auto)
[ "$out" = "allocated $receipt: nothing allocated; unapplied 1,000.00" ] || bad "allocate nothing (en): $out"
$SL invoice post --customer C9 --line 'P9:10' >/dev/null || bad "post"
$SL invoice post --customer C9 --line 'P9:20' >/dev/null || bad "post 2"
out=$(zh "receipt allocate" receipt allocate "$receipt" --allocate auto)
echo "$out" | grep -Eq "^已核销 $receipt：2 笔（核销编号 [0-9]+, [0-9]+）；未核销余额 700.00$" || bad "allocate (zh): $out"
allocation=$(echo "$out" | grep -Eo '核销编号 [0-9]+' | grep -Eo '[0-9]+')
out=$(zh "receipt reverse" receipt reverse "$allocation" --reason 错配)
echo "$out" | grep -Eq "^已反核销 核销编号 $allocation（反核销记录 #[0-9]+，日期 2026-12-05）：" || bad "reverse (zh): $out"

# Contacts, snoozes, disputes, write-offs.
number=$($SL invoice list --format csv | grep ',C9,' | head -1 | cut -d, -f1)
out=$(zh "contact log" contact log --customer C9 --channel wechat --promised 2026-12-20 --note 催款)
echo "$out" | grep -Eq "^已记录跟进 #[0-9]+：客户 C9，日期 2026-12-05；承诺付款日 2026-12-20$" || bad "contact log (zh): $out"
out=$(zh "contact list" contact list --customer C9)
echo "$out" | grep -q "微信" || bad "contact list (zh) channel: $out"
$SL contact list --customer C9 | grep -q "WeChat" || bad "contact list (en) channel"
$SL contact list --customer C9 --format csv | grep -q ",wechat," || bad "contact list csv keeps the code"
out=$(zh "contact snooze" contact snooze --customer C9 --until 2026-12-15 --reason 出差)
[ "$out" = "已暂停催款：客户 C9，2026-12-15 起恢复" ] || bad "snooze (zh): $out"
out=$(zh "invoice dispute" invoice dispute "$number" --reason 数量不符)
[ "$out" = "$number 已登记争议" ] || bad "dispute (zh): $out"
out=$(zh "invoice dispute" invoice dispute "$number" --reason 已解决 --resolve)
[ "$out" = "$number 争议已解决" ] || bad "dispute resolved (zh): $out"
out=$(zh "invoice write-off" invoice write-off "$number" --reason 无法收回)
echo "$out" | grep -q "^已坏账核销 $number：" || bad "write-off (zh): $out"

# Products.
out=$(zh "product edit" product edit P9 --name 新名称)
echo "$out" | grep -q "^商品 P9 已修改：新名称 单价 10.00 CNY，税率" || bad "product edit (zh): $out"
out=$(zh "product archive" product archive P9); [ "$out" = "商品 P9 已归档" ] || bad "archive (zh): $out"
out=$(zh "product list" product list --archived); echo "$out" | grep -q "P9 .* 是" || bad "product list archived: $out"
out=$(zh "product restore" product archive P9 --restore); [ "$out" = "商品 P9 已恢复" ] || bad "restore (zh): $out"

# Tables: reminder rules, customers, fapiao, users.
out=$(zh "reminder-rules show" reminder-rules show)
echo "$out" | grep -q "（标准）" && echo "$out" | grep -q " 是 " || bad "reminder-rules (zh): $out"
out=$(zh "customer list" customer list)
echo "$out" | grep -Eq "CN-[0-9]" && bad "customer list (zh) shows region codes: $out"
echo "$out" | grep -Eq "DIRECT|DEALER|RETAIL|ONLINE" && bad "customer list (zh) shows channel codes: $out"
echo "$out" | grep -Eq "直销|经销商|零售|线上" || bad "customer list (zh) channel names: $out"
out=$($SL customer list)
echo "$out" | grep -Eq "CN-[0-9]|DEALER" && bad "customer list (en) shows codes: $out"
$SL customer list --format csv | grep -Eq ",CN-[0-9-]+,(DIRECT|DEALER|RETAIL|ONLINE)," || bad "customer csv codes"
$SL customer edit C9 --tax-id 91330100MA27XL0E2G >/dev/null || bad "customer tax id"
sale=$($SL invoice list --format csv | grep ',C9,' | sed -n 2p | cut -d, -f1)
$SL fapiao add --type digital-special --number 12345678901234567890 --sale "$sale" >/dev/null || bad "fapiao add"
out=$(zh "fapiao list" fapiao list)
echo "$out" | grep -q "数电专票" || bad "fapiao list (zh) type: $out"
out=$($SL fapiao list); echo "$out" | grep -q "digital special" || bad "fapiao list (en) type: $out"
out=$($SL fapiao sales); echo "$out" | grep -q "not invoiced" || bad "fapiao sales (en) status: $out"
[ "$($SL fapiao sales --format csv | grep -c ',not_invoiced$')" -gt 0 ] || bad "fapiao sales csv keeps codes"
out=$(zh "fapiao sales" fapiao sales); echo "$out" | grep -q "未开票" || bad "fapiao sales (zh): $out"

# Salespeople (s33 item 2): add, list, edit through the command layer (audited, validated, EN/中文 errors), then
# a sale names one.
# A region is a class of the region dimension (s34-fix).
printf 'dimension,code,parent,name_en,name_zh\nregion,华东,,East China,华东\n' > "$WORK/regions.csv"
$SL class import "$WORK/regions.csv" >/dev/null || bad "region class import"
out=$(zh "salesperson add" salesperson add --code ZS --name 张三 --region 华东)
[ "$out" = "业务员 ZS 已新增：张三 (华东)" ] || bad "salesperson add (zh): $out"
out=$($SL salesperson add --code ZS --name 李四 2>&1); rc=$?
[ $rc -eq 1 ] && echo "$out" | grep -q "code: salesperson code 'ZS' is already used" || bad "duplicate (en): $rc $out"
out=$(zh "salesperson duplicate" salesperson add --code ZS --name 李四)
echo "$out" | grep -q "编码：业务员编码 'ZS' 已被使用" || bad "duplicate (zh): $out"
out=$($SL salesperson add --code "" --name "" 2>&1)
echo "$out" | grep -q "code: is required" && echo "$out" | grep -q "name: is required" || bad "empty (en): $out"
out=$(zh "salesperson edit" salesperson edit ZS --name 张三丰)
[ "$out" = "业务员 ZS 已修改：张三丰 (华东)" ] || bad "salesperson edit (zh): $out"
out=$(zh "salesperson edit unknown" salesperson edit NOPE --name 某人)
echo "$out" | grep -q "编码：未知业务员编码 NOPE" || bad "edit unknown (zh): $out"
out=$(zh "salesperson edit nothing" salesperson edit ZS)
echo "$out" | grep -q "名称：请给出新的名称或区域" || bad "edit nothing (zh): $out"
out=$(zh "salesperson list" salesperson list)
echo "$out" | grep -Eq "^ZS +张三丰 +华东$" || bad "salesperson list (zh): $out"
$SL salesperson list --format csv | grep -q "^ZS,张三丰,华东$" || bad "salesperson list csv"
$SL invoice post --customer C9 --salesperson ZS --line 'P9:1' >/dev/null || bad "post with salesperson ZS"
$SL audit log 2>/dev/null | grep -q "salesperson.update" || bad "salesperson.update not in the audit log"
$SL audit verify >/dev/null || bad "audit verify"

# Backups.
out=$(zh "backup" backup create)
echo "$out" | grep -q "完整性正常" || bad "backup (zh) integrity: $out"
[ $fails -eq 0 ] && echo ok
exit $((fails > 0))
