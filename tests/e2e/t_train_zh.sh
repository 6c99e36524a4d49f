#!/usr/bin/env bash
# Issue 16 done-when (training, in Chinese): `salesledger train` opens the practice ledger beside the real one with
# the lesson panel; lesson 1 (a sale with two lines) is entered through the TUI with a deliberate mistake (quantity 1
# instead of 2): the check explains it and the lesson is not passed; the correct sale passes; the score is in
# `train report` on the REAL ledger; the real ledger's documents are untouched; the practice ledger refuses to open
# as a real one, its exports carry the watermark, and `train reset` rebuilds it.
set -euo pipefail
source "$(dirname "$0")/app_lib.sh"

real="$WORK/real.sqlite"
practice="$WORK/real.practice.sqlite"
TODAY=2026-11-29
SL="$SL_BIN --db $real --today $TODAY --lang zh"
s="train-zh-$$"
trap '"$T" stop "$s" 2>/dev/null || true' EXIT

$SL sample generate --customers 12 --invoices 80 --seed 3 >/dev/null || fail "sample generate (real ledger)"
books() { sqlite3 "$real" "SELECT * FROM customer; SELECT * FROM document; SELECT * FROM document_line;
  SELECT * FROM receipt; SELECT * FROM allocation; SELECT * FROM number_series;" | sha256sum; }
docs() { sqlite3 "$1" "SELECT COUNT(*) FROM document"; }
books_before=$(books); docs_before=$(docs "$real")

"$T" start "$s" 150x40 "$SL_BIN" --db "$real" --today $TODAY --lang zh train
wait_for "练习 TRAINING" 60 "training title bar"
wait_for "F12 培训菜单" 5 "training panel"
[ -f "$practice" ] || fail "no practice ledger beside the real one"
[ "$(sqlite3 "$practice" "SELECT COUNT(*) FROM setting WHERE key = 'practice_ledger'")" = 1 ] \
  || fail "practice ledger not marked"

# Lesson 1 from the F12 menu.
"$T" keys "$s" F12
wait_for "选择课程" 5 "training menu"
"$T" keys "$s" Down Enter
wait_for "录入两行的销售单" 5 "lesson picker"
"$T" keys "$s" Enter
wait_for "已开始第1课" 5 "lesson 1 started"
wait_for "第1课/共8课" 5 "panel shows lesson 1"
wait_for "商品 P001，数量" 5 "lesson steps in the panel"

# sale QTY2: C0001, P001 x 3, P002 x QTY2, post; prints the number.
sale() {
  "$T" keys "$s" F3
  wait_for "F2/\^S 过账" 5 "Sales entry"
  "$T" type "$s" C0001
  wait_for "C0001 +" 5 "customer suggestion for C0001"
  "$T" keys "$s" Enter
  "$T" keys "$s" Tab Tab Tab Tab Tab Tab
  "$T" type "$s" P001
  wait_for "P001  " 5 "product suggestion P001"
  "$T" keys "$s" Enter
  "$T" type "$s" 3
  "$T" keys "$s" Tab Tab Tab Tab
  wait_for "^ +2( |$)" 5 "second line"
  "$T" type "$s" P002
  wait_for "P002  " 5 "product suggestion P002"
  "$T" keys "$s" Enter
  "$T" type "$s" "$1"
  "$T" keys "$s" Tab F2
  wait_for "已过账 INV-2026-[0-9]{6}" 10 "sale posted"
}
check() { "$T" keys "$s" F12; wait_for "检查本课" 5 "training menu"; "$T" keys "$s" Enter; }

# The deliberate mistake: quantity 1 on line 2.
sale 1
check
wait_for "未通过（第1次）" 10 "lesson not passed after the mistake"
wait_for "第2行：数量为 1(\.000)?，应为 2" 5 "the mistake explained in Chinese"
screen_has "通过！" && fail "a wrong sale passed"
"$T" keys "$s" Enter
wait_for "已检查 1 次，尚未通过" 5 "panel shows the failed attempt"

# The correct steps pass (second attempt: score 80).
sale 2
check
wait_for "通过！得分 80，尝试 2 次" 10 "lesson passed on the second attempt"
wait_for "已记入培训记录" 5 "result recorded"
"$T" keys "$s" Enter
wait_for "已通过（得分 80）" 5 "panel shows the pass"

# Quiz of lesson 1 in the TUI: answer both questions right (choice 2, then choice 1).
"$T" keys "$s" F12
wait_for "本课测验" 5 "menu"
"$T" keys "$s" Down Down Enter
wait_for "测验 1/2" 5 "quiz question 1"
"$T" keys "$s" Down Enter
wait_for "测验 2/2" 5 "quiz question 2"
"$T" keys "$s" Enter
wait_for "得分 100（答对 2/2） — 通过" 5 "quiz scored"
"$T" keys "$s" Enter
"$T" keys "$s" F10
wait_for '^\[exited with status 0\]' 10 "quit"

# The scores are in the real ledger's training log, seen by `train report`.
report=$($SL train report)
echo "$report" | grep -Eq "sale-two-lines +录入两行的销售单 +通过 +80 +2" || fail "train report lacks the pass: $report"
echo "$report" | grep -Eq "sale-two-lines +录入两行的销售单 +未通过 +0 +1" || fail "train report lacks the failed attempt: $report"
echo "$report" | grep -Eq "测验 +1 +sale-two-lines .* 100 " || fail "train report lacks the quiz: $report"
csv=$($SL train report --format csv)
echo "$csv" | grep -Eq "^$TODAY,[^,]+,lesson,1,sale-two-lines,.*,yes,80,2," || fail "CSV report: $csv"
[ "$(sqlite3 "$real" "SELECT COUNT(*) FROM audit_log WHERE command = 'training.result'")" = 3 ] \
  || fail "results not audited"

# The real ledger's documents are untouched; the practice ledger has the two sales.
[ "$(books)" = "$books_before" ] || fail "the real ledger's books changed"
[ "$(docs "$real")" = "$docs_before" ] || fail "document count of the real ledger changed"
[ "$(sqlite3 "$practice" "SELECT COUNT(*) FROM document d JOIN customer c ON c.id = d.customer_id
  WHERE c.code = 'C0001' AND d.date = '$TODAY'")" = 2 ] || fail "the practice ledger lacks the two sales"

# Never the real ledger: opening the practice file directly is refused; its exports are watermarked.
if $SL_BIN --db "$practice" summary >/dev/null 2>err.txt; then fail "practice ledger opened as a real one"; fi
grep -q "练习账套" err.txt || fail "refusal does not say why: $(cat err.txt)"
$SL --practice report aging --as-of $TODAY --format csv | grep -q "TRAINING LEDGER" \
  || fail "practice CSV not watermarked"
$SL --practice statement C0001 --from 2026-01-01 | grep -q "TRAINING LEDGER" \
  || fail "practice statement not watermarked"
$SL --practice export journal --output "$WORK/practice.journal" >/dev/null
head -1 "$WORK/practice.journal" | grep -q "TRAINING LEDGER" || fail "practice journal not watermarked"
$SL --practice report aging --as-of $TODAY --format json | grep -q '"watermark": "练习账套' \
  || fail "practice JSON not watermarked"
$SL --practice export vouchers --from 2026-01-01 --to $TODAY --target generic --output "$WORK/practice-v.csv" \
  2>/dev/null
grep -q "【练习】" "$WORK/practice-v.csv" || fail "practice vouchers not watermarked"
$SL report aging --as-of $TODAY --format csv | grep -q "TRAINING" && fail "real export watermarked"
$SL export vouchers --from 2026-01-01 --to $TODAY --target generic --output "$WORK/real-v.csv" 2>/dev/null
grep -q "【练习】" "$WORK/real-v.csv" && fail "real vouchers watermarked"

# A practice backup never replaces the real ledger.
$SL --practice backup "$WORK/practice-backup.sqlite" >/dev/null || fail "practice backup"
if $SL restore "$WORK/practice-backup.sqlite" --yes >/dev/null 2>err.txt; then
  fail "practice backup restored as the real ledger"
fi
grep -q "练习账套" err.txt || fail "restore refusal does not say why: $(cat err.txt)"
[ "$(books)" = "$books_before" ] || fail "the real ledger's books changed after the refused restore"

# Reset in one step: a fresh practice ledger without the lesson's sales; the scores stay.
$SL train reset | grep -q "练习账套已重置" || fail "train reset"
[ "$(sqlite3 "$practice" "SELECT COUNT(*) FROM document d JOIN customer c ON c.id = d.customer_id
  WHERE c.code = 'C0001' AND d.date = '$TODAY'")" = 0 ] || fail "reset kept the lesson's sales"
$SL train report --format csv | grep -q ",yes,80,2," || fail "reset lost the scores"
[ "$(books)" = "$books_before" ] || fail "the real ledger's books changed after reset"
finish
