# Issue 10: an interrupted `sample generate` can be abandoned instead of resumed (`--abandon`): the marker goes, the
# invoices it committed stay posted and audited (the chain verifies, the balances equal their recomputation), the
# abandon is an audited command, and a load with other options then runs. Messages in English and Chinese.
set -eu
DB=$WORK/abandon.sqlite
SL="$BIN_DIR/salesledger --today 2026-06-30 --db $DB"
# Nothing to abandon on a ledger without an interrupted load: exit 1, said in both languages.
$SL init >/dev/null
if $SL sample generate --abandon > none.log 2>&1; then echo "abandon without a load succeeded"; exit 1; fi
grep -q "no interrupted sample generate in this ledger: nothing to abandon" none.log || { cat none.log; exit 1; }
if $SL --lang zh sample generate --abandon > none-zh.log 2>&1; then exit 1; fi
grep -q "账套中没有中断的示例账套生成：无需放弃" none-zh.log || { cat none-zh.log; exit 1; }
$SL sample generate --customers 30 --invoices 6000 --seed 5 --commit-every 200 > load.log 2>&1 &
pid=$!
for _ in $(seq 1 1200); do
  done_=$(sqlite3 $DB "SELECT invoices_done FROM bulk_load" 2>/dev/null || true)
  [ "${done_:-0}" -ge 200 ] && break
  kill -0 $pid 2>/dev/null || break
  sleep 0.1
done
if ! kill -0 $pid 2>/dev/null; then echo "load finished before the kill"; cat load.log; exit 1; fi
kill -KILL $pid; wait $pid 2>/dev/null || true
invoices=$(sqlite3 $DB "SELECT COUNT(*) FROM document WHERE kind = 'invoice'")
[ "$(sqlite3 $DB 'SELECT invoices_done FROM bulk_load')" = "$invoices" ]
# The refusal of other options names the way out.
if $SL sample generate --customers 5 --invoices 5 --force > other.log 2>&1; then echo "other load accepted"; exit 1; fi
grep -q "or give it up with sample generate --abandon" other.log || { cat other.log; exit 1; }
if $SL --lang zh sample generate --customers 5 --invoices 5 --force > other-zh.log 2>&1; then exit 1; fi
grep -q "或用 'sample generate --abandon' 放弃" other-zh.log || { cat other-zh.log; exit 1; }
# Abandoned (in Chinese): the marker is gone, the committed invoices stay.
$SL --lang zh sample generate --abandon > abandon.log 2>&1 || { cat abandon.log; exit 1; }
grep -q "已放弃中断的示例账套生成（lang=zh customers=30 invoices=6000 seed=5 today=2026-06-30）：其已提交的 $invoices 张销售单和 0 张收款单保留在账套中" abandon.log \
  || { cat abandon.log; exit 1; }
grep -q "这些单据已过账并附有审计记录" abandon.log || { cat abandon.log; exit 1; }
[ "$(sqlite3 $DB 'SELECT COUNT(*) FROM bulk_load')" = 0 ]
[ "$(sqlite3 $DB "SELECT COUNT(*) FROM document WHERE kind = 'invoice' AND status = 'posted'")" = "$invoices" ]
[ "$(sqlite3 $DB "SELECT COUNT(*) FROM audit_log WHERE command = 'bulk_load.abandon'")" = 1 ]
$SL audit verify >/dev/null
out=$($SL audit check --format csv --no-record 2>&1) || true
if echo "$out" | grep -q "consistency.maintained-balances"; then echo "$out"; exit 1; fi
# Once abandoned, a load with other options runs.
$SL sample generate --customers 5 --invoices 20 --seed 9 --force > next.log 2>&1 || { cat next.log; exit 1; }
grep -q "20 invoices" next.log || { cat next.log; exit 1; }
# English wording of the abandon itself.
DB2=$WORK/abandon2.sqlite
SL2="$BIN_DIR/salesledger --today 2026-06-30 --db $DB2"
$SL2 sample generate --customers 30 --invoices 6000 --seed 6 --commit-every 200 > load2.log 2>&1 &
pid=$!
for _ in $(seq 1 1200); do
  done_=$(sqlite3 $DB2 "SELECT invoices_done FROM bulk_load" 2>/dev/null || true)
  [ "${done_:-0}" -ge 200 ] && break
  kill -0 $pid 2>/dev/null || break
  sleep 0.1
done
kill -KILL $pid 2>/dev/null; wait $pid 2>/dev/null || true
n=$(sqlite3 $DB2 "SELECT invoices_done FROM bulk_load")
$SL2 sample generate --abandon > abandon2.log 2>&1 || { cat abandon2.log; exit 1; }
grep -q "abandoned the interrupted sample generate (lang=zh customers=30 invoices=6000 seed=6 today=2026-06-30): kept the $n invoices and 0 receipts it had committed" abandon2.log \
  || { cat abandon2.log; exit 1; }
grep -q "they are posted, with audit entries: void them or start a new ledger to be rid of them" abandon2.log
