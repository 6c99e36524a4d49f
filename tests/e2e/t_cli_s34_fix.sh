#!/usr/bin/env bash
# s34-fix through the CLI: a receipts file's currency column (ISO code or 美元/人民币, refused when it is not the
# customer's), one Chinese term per concept, two backups in one second never replacing each other, every error of an
# invoice at once, class-file messages in Chinese, regions of the region dimension.
set -uo pipefail
SL_BIN="$BIN_DIR/salesledger"
db="$WORK/fix.sqlite"
SL="$SL_BIN --db $db --today 2025-06-30"
fails=0
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }

# 1. Currency column of `import receipts`.
$SL customer add --code C1 --name "人民币客户" >/dev/null || { echo "FAIL: setup C1"; exit 1; }
$SL customer add --code U1 --name "Dollar Inc" --currency USD >/dev/null || { echo "FAIL: setup U1"; exit 1; }
$SL invoice post --customer U1 --line '*Consulting:1:100' >/dev/null || { echo "FAIL: post U1"; exit 1; }
printf 'date,customer_code,amount,币种,reference\n2025-06-10,U1,100.00,USD,T1\n2025-06-10,C1,50.00,美元,T2\n2025-06-10,C1,5.00,比特币,T3\n' > r.csv
rc=0; $SL import receipts r.csv 2> err.txt >/dev/null || rc=$?
[ "$rc" = 1 ] || bad "mismatched currencies imported (exit $rc)"
grep -q "row 3, column 币种: is in USD but C1 pays in CNY" err.txt || bad "currency mismatch not named: $(cat err.txt)"
grep -q "row 4, column 币种: unknown currency 比特币" err.txt || bad "unknown currency not named: $(cat err.txt)"
rc=0; $SL --lang zh import receipts r.csv 2> err.txt >/dev/null || rc=$?
grep -q "第3行「币种」列：币种为 USD，但 C1 以 CNY 付款" err.txt || bad "zh currency mismatch: $(cat err.txt)"
[ "$(sqlite3 $db 'select count(*) from receipt')" = 0 ] || bad "a receipt was written"
printf 'date,customer_code,amount,币种,reference\n2025-06-10,U1,100.00,美元,T1\n' > r2.csv
$SL import receipts r2.csv | grep -q "1 receipt(s); 100.00 USD" || bad "USD receipt not imported as USD"
[ "$(sqlite3 $db "select currency from receipt")" = USD ] || bad "stored receipt currency"

# 2. One term per concept: the statement's unapplied credit is 未核销预收, as F5 and aging say.
$SL receipt add --customer C1 --amount 30 --allocate none >/dev/null || bad "receipt add C1"
out=$($SL --lang zh statement C1 --from 2025-01-01)
echo "$out" | grep -q "未核销预收" || bad "statement (zh) has no 未核销预收: $out"
echo "$out" | grep -q "贷项" && bad "statement (zh) still says 贷项: $out"
out=$($SL --lang zh invoice list)
echo "$out" | head -1 | grep -q "未核销" || bad "invoice list (zh) open column: $(echo "$out" | head -1)"

# 3. Two backups started in the same second: two files, neither replaced.
$SL backup > b1.txt 2>&1 & p1=$!
$SL backup > b2.txt 2>&1 & p2=$!
wait $p1 || bad "backup 1 failed: $(cat b1.txt)"
wait $p2 || bad "backup 2 failed: $(cat b2.txt)"
n=$(ls "$WORK/backups"/fix-2025-06-30-*.sqlite 2>/dev/null | wc -l)
[ "$n" = 2 ] || bad "two backups gave $n files: $(ls "$WORK/backups")"
for f in "$WORK/backups"/fix-2025-06-30-*.sqlite; do
  $SL backup verify "$f" >/dev/null || bad "backup $f does not verify"
done

# 4. invoice post: every field error at once (the zero total with the due date).
rc=0; $SL invoice post --customer C1 --line '*Free:1:0' --due 2025-06-01 2> err.txt >/dev/null || rc=$?
[ "$rc" = 1 ] || bad "invoice post with errors: exit $rc"
grep -q "dueDate: due date 2025-06-01 is before the invoice date 2025-06-30" err.txt || bad "due date: $(cat err.txt)"
grep -q "the document total is 0" err.txt || bad "zero total not reported with the due date: $(cat err.txt)"

# 5. Class-file messages in Chinese: 第 1 行, not line 1.
printf 'dimension,code,code,name_zh\nregion,A,B,甲\n' > classes.csv
$SL --lang zh class import classes.csv 2> err.txt >/dev/null
grep -q "classes.csv 第 1 行：第 2 列（code）和第 3 列（code）都是编码" err.txt || bad "class file (zh): $(cat err.txt)"
grep -q "line 1" err.txt && bad "class file (zh) says line 1: $(cat err.txt)"
printf 'dimension,code,name_zh\nregion,A\n' > short.csv
$SL --lang zh class import short.csv 2> err.txt >/dev/null
grep -q "第 2 行：只有 2 个字段，表头有 3 个" err.txt || bad "class file short line (zh): $(cat err.txt)"

# 8. A region is a class of the region dimension: unknown refused naming known ones; a name is kept as the code.
rc=0; $SL customer add --code R1 --name "Region One" --region Atlantis 2> err.txt >/dev/null || rc=$?
[ "$rc" = 1 ] || bad "unknown region accepted (exit $rc)"
grep -q "region: unknown region 'Atlantis': the region dimension has no classes yet" err.txt || bad "region: $(cat err.txt)"
printf 'dimension,code,parent,name_en,name_zh\nregion,CN-33,,Zhejiang,浙江省\nregion,CN-33-01,CN-33,Hangzhou,杭州市\n' > reg.csv
$SL class import reg.csv >/dev/null || bad "region class import"
$SL customer add --code R1 --name "Region One" --region 杭州市 >/dev/null || bad "region by name refused"
[ "$(sqlite3 $db "select region from customer where code = 'R1'")" = CN-33-01 ] || bad "region not kept as the code"
rc=0; $SL --lang zh customer add --code R2 --name "Region Two" --region 宁波 2> err.txt >/dev/null || rc=$?
grep -q "未知区域 '宁波'：已有区域 CN-33 浙江省, CN-33-01 杭州市" err.txt || bad "region (zh): $(cat err.txt)"
printf 'code,name,地区\nR3,Three,浙江省\nR4,Four,Mars\n' > cust.csv
rc=0; $SL import customers cust.csv 2> err.txt >/dev/null || rc=$?
grep -q "row 3, column 地区: unknown region 'Mars'" err.txt || bad "import region: $(cat err.txt)"
# The samples' countries are region classes now.
SLC="$SL_BIN --db $WORK/chinook.sqlite --today 2025-06-30"
$SLC sample load chinook >/dev/null || bad "chinook load"
[ "$(sqlite3 $WORK/chinook.sqlite "select count(*) from customer where region <> '' and region not in \
  (select code from class_node where dimension = 'region')")" = 0 ] || bad "chinook regions are not classes"
$SLC audit verify | grep -q "chain intact" || bad "chinook audit chain"

$SL audit verify | grep -q "chain intact" || bad "audit chain"
[ "$fails" = 0 ] && echo ok
exit "$fails"
