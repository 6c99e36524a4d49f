#!/usr/bin/env bash
# Benchmarks of issue 10 (run by `make bench`): per size, generate a ledger through the bulk path and time the
# cases of the issue's table with the release binary, next to hledger, ledger and the sqlite3 shell on the same
# data in the same run. Prints one Markdown table per size (median and p95 of each case, peak RSS) and the
# ratios ours/theirs.
#
#   BENCH_SIZES=10000,100000 (default) or 1000000 — invoices per ledger (10,000 customers, ~0.9 receipts each)
#   BENCH_RUNS=5             — runs per timed case (median and p95 over them)
#   BENCH_BIN=path           — the salesledger binary (default .build/release/salesledger)
#   BENCH_DIR=path           — working folder (default a temp folder, removed at the end)
#   BENCH_SMOKE=1            — only check: generate, verify the audit chain and counts; print no timings
#   BENCH_QUERY_BIN=path     — the in-process query benchmark (default salesledger-bench next to BENCH_BIN)
#   BENCH_SEARCH_CUSTOMERS=100000 — customers of the search case's own ledger (1,000 invoices; 0 skips it)
#   BENCH_ONLY=import        — only `import sales` of an N-row CSV next to sqlite3 `.import` (N from BENCH_SIZES)
#   BENCH_LEDGER=path        — time the cases on this existing ledger (a copy is used; N from BENCH_SIZES must be
#                              its invoice count): no generation and no import (they have their own runs)
set -euo pipefail
SIZES=${BENCH_SIZES:-10000,100000}
RUNS=${BENCH_RUNS:-5}
BIN=${BENCH_BIN:-.build/release/salesledger}
CUSTOMERS=${BENCH_CUSTOMERS:-10000}
TODAY=2026-06-30
YEAR_BACK=2025-06-30
DIR=${BENCH_DIR:-$(mktemp -d)}
[ -n "${BENCH_DIR:-}" ] || trap 'rm -rf "$DIR"' EXIT
mkdir -p "$DIR"
[ -x "$BIN" ] || { echo "bench: $BIN not built (make bench builds it)" >&2; exit 2; }
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
export SALESLEDGER_AUDIT_KEY_FILE=$DIR/no-audit-key LC_ALL=C.UTF-8

# Runs a command under /usr/bin/time -v; sets WALL (seconds) and RSS (MB). Output goes to $DIR/out.txt.
measure() {
  /usr/bin/time -v -o "$DIR/time.txt" "$@" > "$DIR/out.txt" 2> "$DIR/err.txt" || {
    echo "bench: failed: $*" >&2; tail -5 "$DIR/err.txt" >&2; return 1; }
  WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0;
           for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$DIR/time.txt")
  RSS=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$DIR/time.txt")
  CPU=$(awk -F': ' '/(User|System) time \(seconds\)/ { s += $2 } END { printf "%.2f", s }' "$DIR/time.txt")
}

# Times a case RUNS times; sets MED and P95 (milliseconds) and PEAK (max RSS, MB).
repeat() {
  local samples=() peak=0
  for _ in $(seq "$RUNS"); do
    measure "$@"
    samples+=("$(awk -v w="$WALL" 'BEGIN { printf "%.0f", w * 1000 }')")
    peak=$(awk -v a="$peak" -v b="$RSS" 'BEGIN { print (b > a ? b : a) }')
  done
  read -r MED P95 < <(printf '%s\n' "${samples[@]}" | sort -n | awk '{ v[NR] = $1 }
    END { m = v[int((NR + 1) / 2)]; i = int(NR * 0.95 + 0.999); if (i > NR) i = NR; print m, v[i] }')
  PEAK=$peak
}

row() { printf '| %s | %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4" "$5"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "–" }'; }

ensure_tools() {
  local missing=""
  command -v hledger >/dev/null || missing="$missing hledger"
  command -v ledger >/dev/null || missing="$missing ledger"
  command -v sqlite3 >/dev/null || missing="$missing sqlite3"
  if [ -n "$missing" ]; then
    echo "bench: installing$missing" >&2
    local sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get install -y -qq $missing >/dev/null 2>&1 || echo "bench: could not install$missing" >&2
  fi
}

machine() {
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM," \
       "$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
}

# `import sales` of an N-row CSV next to the sqlite3 shell's `.import` of the same file into a bare table, in the
# same run (issue 10: ours ≤ 10× sqlite3). Prints two table rows; the ratio is ours/sqlite3 in wall time.
bench_import() {
  local rows=$1 csv=$DIR/sales-$1.csv
  awk -v n="$rows" 'BEGIN { print "date,number,customer,amount,note";
    for (i = 1; i <= n; i++) printf "2026-%02d-%02d,IMP-%07d,导入客户%d,%d.%02d,bench\n",
      i % 12 + 1, i % 28 + 1, i, i % 5000, 100 + i % 9000, i % 100 }' > "$csv"
  local idb=$DIR/import-$rows.sqlite
  rm -f "$idb" "$idb"-wal "$idb"-shm "$idb".audit-head
  measure $BIN --db "$idb" --today $TODAY --user bench import sales "$csv"
  grep -q "imported" "$DIR/out.txt" || { echo "bench: import sales: $(cat "$DIR/out.txt" "$DIR/err.txt")" >&2; return 1; }
  local ours=$WALL ours_rss=$RSS ours_cpu=$CPU
  rm -f "$DIR/bare.sqlite"
  measure sqlite3 "$DIR/bare.sqlite" ".import --csv $csv sales"
  [ "$(sqlite3 "$DIR/bare.sqlite" 'SELECT COUNT(*) FROM sales')" = "$rows" ] || { echo "bench: sqlite3 .import" >&2; return 1; }
  row "import sales, $rows rows (1 run)" "$(awk -v w="$ours" 'BEGIN { printf "%.0f", w * 1000 }')" "–" \
      "$ours_rss" "**ours/sqlite3 .import $(ratio "$ours" "$WALL")×** wall, $(ratio "$ours_cpu" "$CPU")× CPU; \
CPU $ours_cpu s, $(awk -v c="$ours_cpu" -v n="$rows" 'BEGIN { printf "%.0f", c * 1e6 / n }') µs CPU per row"
  row "sqlite3 .import, same CSV (1 run)" "$(awk -v w="$WALL" 'BEGIN { printf "%.0f", w * 1000 }')" "–" "$RSS" \
      "CPU $CPU s"
  rm -f "$csv" "$idb" "$idb"-wal "$idb"-shm "$idb".audit-head "$DIR/bare.sqlite"
}

bench_size() {
  local n=$1 db=$DIR/ledger-$n.sqlite
  rm -f "$db" "$db"-wal "$db"-shm "$db".audit-head
  local sl="$BIN --db $db --today $TODAY --user bench"
  echo
  echo "### $n invoices, $CUSTOMERS customers"
  echo
  local gen_wall="" gen_rss="" gen_cpu=""
  if [ -n "${BENCH_LEDGER:-}" ]; then
    cp "$BENCH_LEDGER" "$db"
    [ ! -f "$BENCH_LEDGER.audit-head" ] || cp "$BENCH_LEDGER.audit-head" "$db.audit-head"
  else
    measure $sl sample generate --lang zh --customers "$CUSTOMERS" --invoices "$n" --seed 1
    gen_wall=$WALL gen_rss=$RSS gen_cpu=$CPU
    grep -Eq "$n invoices|销售单 $n 张" "$DIR/out.txt" ||
      { echo "bench: generate: $(cat "$DIR/out.txt")" >&2; return 1; }
  fi
  sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
  local bytes; bytes=$(stat -c %s "$db")
  local receipts; receipts=$(sqlite3 "$db" "SELECT COUNT(*) FROM receipt")
  local audit; audit=$(sqlite3 "$db" "SELECT COUNT(*) FROM audit_log")
  measure $sl audit verify
  local verify_wall=$WALL verify_rss=$RSS
  grep -q "chain intact" "$DIR/out.txt" || { echo "bench: audit verify: $(cat "$DIR/out.txt" "$DIR/err.txt")" >&2; return 1; }
  if [ -n "${BENCH_SMOKE:-}" ]; then
    local docs; docs=$(sqlite3 "$db" "SELECT COUNT(*) FROM document WHERE kind = 'invoice'")
    [ "$docs" = "$n" ] || { echo "bench: $docs invoices, expected $n" >&2; return 1; }
    echo "smoke ok: $n invoices, $receipts receipts, $audit audit entries, chain intact, $((bytes / n)) bytes/invoice"
    return 0
  fi
  echo "$receipts receipts, $audit audit entries; $(machine)"
  echo
  echo "| case | median ms | p95 ms | peak RSS MB | note |"
  echo "|---|---|---|---|---|"
  if [ -z "${BENCH_LEDGER:-}" ]; then
    row "generate (bulk path, 1 run)" "$(awk -v w="$gen_wall" 'BEGIN { printf "%.0f", w * 1000 }')" "–" "$gen_rss" \
        "$(awk -v w="$gen_wall" -v n="$n" 'BEGIN { printf "%.0f invoices/s", n / w }'), CPU $gen_cpu s \
($(awk -v c="$gen_cpu" -v n="$n" 'BEGIN { printf "%.0f", c * 1e6 / n }') µs per invoice)"
  fi
  row "ledger file size" "–" "–" "–" "$((bytes / n)) bytes per invoice ($((bytes / 1048576)) MB)"
  row "audit verify (1 run)" "$(awk -v w="$verify_wall" 'BEGIN { printf "%.0f", w * 1000 }')" "–" "$verify_rss" \
      "$audit entries"
  repeat $sl report aging --format csv; local aging=$MED
  row "aging today (CLI, whole process)" "$MED" "$P95" "$PEAK" "buckets, all customers"
  repeat $sl report aging --by customer --format csv
  row "aging today per customer (CLI)" "$MED" "$P95" "$PEAK" ""
  repeat $sl report aging --as-of "$YEAR_BACK" --format csv
  row "aging a year back (CLI)" "$MED" "$P95" "$PEAK" "as of $YEAR_BACK"
  repeat $sl report dso --format csv
  row "DSO (CLI)" "$MED" "$P95" "$PEAK" ""
  repeat $sl report pivot --rows region --cols month --format csv
  row "pivot region × month (CLI)" "$MED" "$P95" "$PEAK" ""
  repeat $sl customer list --search 北京 --limit 20 --format csv
  row "customer search, name (CLI)" "$MED" "$P95" "$PEAK" "whole process, not per keystroke"
  repeat $sl customer list --search C0042 --limit 20 --format csv
  row "customer search, code (CLI)" "$MED" "$P95" "$PEAK" ""
  # Side by side: the same ledger as a journal, read by hledger and ledger.
  measure $sl export journal --output "$DIR/j-$n.journal"
  row "export journal (1 run)" "$(awk -v w="$WALL" 'BEGIN { printf "%.0f", w * 1000 }')" "–" "$RSS" \
      "$(($(stat -c %s "$DIR/j-$n.journal") / 1048576)) MB journal"
  local theirs
  if command -v hledger >/dev/null; then
    RUNS_SAVED=$RUNS; RUNS=$(( n >= 1000000 ? 1 : (RUNS < 3 ? RUNS : 3) ))
    repeat hledger -f "$DIR/j-$n.journal" bal assets:receivable; theirs=$MED; RUNS=$RUNS_SAVED
    row "hledger bal assets:receivable" "$MED" "$P95" "$PEAK" "ours/theirs (aging) $(ratio "$aging" "$theirs")"
  fi
  if command -v ledger >/dev/null; then
    RUNS_SAVED=$RUNS; RUNS=$(( n >= 1000000 ? 1 : (RUNS < 3 ? RUNS : 3) ))
    repeat ledger -f "$DIR/j-$n.journal" bal assets:receivable; theirs=$MED; RUNS=$RUNS_SAVED
    row "ledger bal assets:receivable" "$MED" "$P95" "$PEAK" "ours/theirs (aging) $(ratio "$aging" "$theirs")"
  fi
  [ -n "${BENCH_LEDGER:-}" ] || bench_import "$n"
  # The report queries timed in-process (no process start): salesledger-bench --ledger (built by `make bench`).
  local qbench=${BENCH_QUERY_BIN:-$(dirname "$BIN")/salesledger-bench}
  if [ -x "$qbench" ]; then
    echo
    "$qbench" --ledger "$db" --today "$TODAY" --runs "$RUNS"
  fi
}

# Issue 10's search case: customer search per keystroke (name / code / pinyin) on a ledger of 100,000 customers
# with few invoices, in-process (`salesledger-bench --search-ledger`): the store's search, the sales-entry picker
# and the customers screen, median and p95 per keystroke.
bench_search() {
  local c=$1 db=$DIR/search-$1.sqlite
  local qbench=${BENCH_QUERY_BIN:-$(dirname "$BIN")/salesledger-bench}
  [ "$c" -gt 0 ] && [ -x "$qbench" ] || return 0
  rm -f "$db" "$db"-wal "$db"-shm "$db".audit-head
  echo
  echo "### customer search, $c customers"
  echo
  measure $BIN --db "$db" --today $TODAY --user bench sample generate --lang zh --customers "$c" --invoices 1000 \
    --seed 1
  echo "generated in $(awk -v w="$WALL" 'BEGIN { printf "%.0f", w }') s (CPU $CPU s, $RSS MB); $(machine)"
  "$qbench" --search-ledger "$db" --today "$TODAY" --runs "$RUNS"
}

[ -n "${BENCH_SMOKE:-}" ] || { ensure_tools; echo "## salesledger benchmarks $(date -u +%Y-%m-%dT%H:%MZ)"; machine; }
for n in ${SIZES//,/ }; do
  if [ "${BENCH_ONLY:-}" = import ]; then
    printf '\n### import, %s rows; %s\n\n| case | median ms | p95 ms | peak RSS MB | note |\n|---|---|---|---|---|\n' \
      "$n" "$(machine)"
    bench_import "$n"
  else
    bench_size "$n"
  fi
done
[ -n "${BENCH_SMOKE:-}" ] || [ "${BENCH_ONLY:-}" = import ] || bench_search "${BENCH_SEARCH_CUSTOMERS:-100000}"
