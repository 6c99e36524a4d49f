# Ctrl-C (SIGINT) during `sample generate` (issue 10): the load stops between two invoices, the ledger keeps the
# committed chunks, and the user is told what is kept and how to go on (same command) or give up (--abandon), in
# the CLI's language; exit status 130. The resumed run says how far the interrupted one came, and its progress goes
# on from there (Chinese words under LANG=zh_CN.UTF-8, as under --lang zh).
set -eu
DB=$WORK/int.sqlite
SL="$BIN_DIR/salesledger --today 2026-06-30 --db $DB"
GEN="sample generate --customers 60 --invoices 6000 --seed 3 --commit-every 300"
$SL init >/dev/null
LANG=zh_CN.UTF-8 LC_ALL= $SL $GEN > load.log 2> load.err &
pid=$!
for _ in $(seq 1 1200); do
  done_=$(sqlite3 $DB "SELECT invoices_done FROM bulk_load" 2>/dev/null || true)
  [ "${done_:-0}" -ge 300 ] && break
  kill -0 $pid 2>/dev/null || break
  sleep 0.1
done
if ! kill -0 $pid 2>/dev/null; then echo "load finished before Ctrl-C"; cat load.err; exit 1; fi
kill -INT $pid
status=0; wait $pid || status=$?
[ "$status" = 130 ] || { echo "exit status $status"; cat load.err; exit 1; }
grep -q "生成示例账套: 客户 60/60" load.err || { echo "progress not in Chinese"; cat load.err; exit 1; }
grep -q "示例账套生成已中断：账套保留已提交的 6000 张销售单中的 [0-9]* 张" load.err \
  || { cat load.err; exit 1; }
grep -q "sample generate --abandon" load.err || { cat load.err; exit 1; }
[ "$(sqlite3 $DB 'PRAGMA integrity_check')" = ok ]
kept=$(sqlite3 $DB "SELECT invoices_done FROM bulk_load")
[ "$(sqlite3 $DB "SELECT COUNT(*) FROM document WHERE kind = 'invoice'")" = "$kept" ]
grep -q "保留已提交的 6000 张销售单中的 $kept 张" load.err || { cat load.err; exit 1; }
$SL audit verify >/dev/null
# English, and the resumed run: it names what was committed, reads it back as a phase of its own, and counts on.
LANG=C LC_ALL= $SL $GEN > resume.log 2> resume.err || { cat resume.log resume.err; exit 1; }
grep -q "resuming the interrupted sample generate (.*): $kept of 6000 invoices and 0 receipts committed already" \
  resume.log || { cat resume.log; exit 1; }
grep -q "sample generate: committed invoices" resume.err || { cat resume.err; exit 1; }
grep -q "sample generate: customers 60/60" resume.err || { cat resume.err; exit 1; }
grep -q "loaded generated-zh: 60 customers, 20 products, 6000 invoices" resume.log || { cat resume.log; exit 1; }
[ "$(sqlite3 $DB 'SELECT COUNT(*) FROM bulk_load')" = 0 ]
$SL audit verify >/dev/null
