# Issue 10: the benchmark script's smoke run (CI): a 10k-invoice ledger through the bulk path with the debug
# build, then the invariants — the audit chain verifies, every record matches its seal, the invoice count is
# right. No timings are asserted.
set -eu
out=$(BENCH_SMOKE=1 BENCH_SIZES=${BENCH_SMOKE_SIZE:-10000} BENCH_CUSTOMERS=1000 BENCH_BIN="$BIN_DIR/salesledger" \
      BENCH_DIR="$WORK/bench" bash "$REPO_DIR/scripts/bench.sh") || { echo "FAIL: bench smoke: $out"; exit 1; }
echo "$out" | grep -q "^smoke ok: " || { echo "FAIL: $out"; exit 1; }
echo "$out"
