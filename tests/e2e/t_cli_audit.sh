#!/usr/bin/env bash
# Periodic audit (issue 14): audit check exit codes, report + findings CSV, run recorded with the report's SHA-256,
# --since-last, audit log filters, confirmation letters/replies/summary, report process; zh and en.
set -uo pipefail
sl() { "$BIN_DIR/salesledger" --db "$WORK/a.sqlite" "$@"; }
fail() { echo "FAIL: $*"; exit 1; }
sl sample generate --lang zh --customers 20 --invoices 200 --seed 4 --today 2026-11-27 >/dev/null || fail "generate"
# A clean generated ledger: no findings, exit 0; the report and its findings CSV are written.
out=$(sl --today 2026-11-27 --user auditor audit check --seed 11 --output "$WORK/q4.md" --format md); rc=$?
[ $rc -eq 0 ] || fail "clean ledger exit $rc: $out"
[ -s "$WORK/q4.md" ] && [ -s "$WORK/q4.findings.csv" ] || fail "report files"
head -1 "$WORK/q4.findings.csv" | grep -qx "check,severity,key,documents,customer,amount,message" || fail "csv header"
hash=$(sha256sum "$WORK/q4.md" | cut -d' ' -f1)
[[ "$out" == *"$hash"* ]] || fail "printed hash: $out"
sl audit log --command audit.run --format csv | grep -q "auditor,audit.run" || fail "run not in audit log"
sqlite3 "$WORK/a.sqlite" "SELECT payload FROM audit_log WHERE command='audit.run'" | grep -q "$hash" || fail "hash not recorded"
grep -q "seed 11" "$WORK/q4.md" || fail "seed not printed"
# Seed one problem of each of two kinds: a backdated invoice and a duplicate receipt reference.
sl --today 2026-11-27 customer add --code NEW1 --name "新客户" >/dev/null || fail "customer"
sl --today 2026-11-27 --user clerk invoice post --customer NEW1 --date 2026-10-01 --line "*Widget:1:123.45" >/dev/null || fail "backdated"
sl --today 2026-11-27 --user clerk receipt add --customer NEW1 --amount 10 --reference TX-9 >/dev/null || fail "r1"
sl --today 2026-11-27 --user clerk receipt add --customer NEW1 --amount 10 --reference TX-9 >/dev/null || fail "r2"
out=$(sl --today 2026-11-27 --user auditor audit check --format csv --since-last --no-record); rc=$?
[ $rc -eq 1 ] || fail "findings should exit 1, got $rc"
[ "$(echo "$out" | grep -c '^dates.backdated,warning')" = 1 ] || fail "backdated: $out"
[ "$(echo "$out" | grep -c '^duplicates.receipts,review')" = 1 ] || fail "receipt refs: $out"
out=$(sl --today 2026-11-27 --user auditor --lang zh audit check --since-last --sample 2); rc=$?
[ $rc -eq 1 ] || fail "zh exit $rc"
[[ "$out" == *"与上次审计比较"*"新增：2"* ]] || fail "since-last zh: $out"
[[ "$out" == *"整改措施"*"dates.backdated（1）"* ]] || fail "corrective actions zh"
# Bad options name the field.
out=$(sl audit check --from 2026-12-01 --to 2026-11-01 2>&1); rc=$?
[ $rc -eq 1 ] && [[ "$out" == *"from:"* ]] || fail "bad period ($rc): $out"
# Audit log: by user, command prefix, document.
out=$(sl audit log --actor clerk --format csv) || fail "log by user"
[ "$(echo "$out" | grep -c ',clerk,')" = 3 ] || fail "clerk entries: $out"
out=$(sl audit log --document RCT-2026-000001 --format csv) || fail "log by document"
[[ "$out" == *"receipt.record,+receipt#"* ]] || fail "document filter: $out"
out=$(sl audit log --document NOPE 2>&1); rc=$?
[ $rc -eq 1 ] && [[ "$out" == *"document: no document numbered NOPE"* ]] || fail "unknown document ($rc): $out"
# Confirmation letters for 3 customers, replies, summary.
sl --today 2026-11-27 audit confirm --as-of 2026-10-31 --customers C0001,C0002,C0003 --output-dir "$WORK/letters" \
   --lang zh >/dev/null 2>&1 || fail "letters"
[ "$(ls "$WORK/letters" | wc -l)" = 3 ] || fail "3 letter files"
grep -q "数据证明无误" "$WORK/letters/confirm-C0001-2026-10-31.txt" || fail "reply part"
sl audit confirm reply C0001 --agreed >/dev/null || fail "agreed"
sl audit confirm reply C0002 --difference=-88.00 --note "return not booked" >/dev/null || fail "difference"
out=$(sl audit confirm summary) || fail "summary"
[[ "$out" == *"sent 3, replied 2, agreed 1, differences 1, no reply 1"* ]] || fail "summary: $out"
[[ "$out" == *"C0002"*"-88.00: return not booked"* ]] || fail "difference line: $out"
out=$(sl audit confirm reply C0003 2>&1); rc=$?
[ $rc -eq 1 ] && [[ "$out" == *"agreed"* ]] || fail "reply without answer ($rc): $out"
# Process metrics.
out=$(sl --today 2026-11-27 report process --by month --format csv) || fail "process"
[[ "$out" == "metric,2026-08,n,2026-09,n,2026-10,n,2026-11,n"* ]] || fail "process header: $out"
out=$(sl --today 2026-11-27 --lang zh report process --compare-before 2026-10-01) || fail "process zh"
[[ "$out" == *"开票至首次收款天数"* ]] || fail "process zh: $out"
sl audit verify >/dev/null || fail "chain after audit work"
echo ok
