#!/usr/bin/env bash
# s34-fix2: salespeople and the default tax rate in the TUI, and the practice marker. F8, Tab: the salespeople panel
# lists, adds (audited salesperson.create) and edits (salesperson.update) them; F3's salesperson field finds one by
# pinyin initials; F8's ledger settings panel sets the default tax rate through the CLI's command (`setup` then
# prints it); the TUI on the practice ledger (`--practice`) says [练习 TRAINING] on every screen, and training at
# 80x24 shows the lesson's steps.
set -euo pipefail
source "$(dirname "$0")/app_lib.sh"
db="$WORK/md.sqlite"
TODAY=2026-11-29
SL="$SL_BIN --db $db --today $TODAY"
s="app-md-$$"
trap '"$T" stop "$s" 2>/dev/null || true' EXIT
$SL sample generate --lang zh --customers 12 --invoices 60 --seed 2 >/dev/null 2>&1 || fail "sample generate"

for size in 80x24 200x50; do
  "$T" stop "$s" 2>/dev/null || true
  rm -f "$WORK"/backups/* 2>/dev/null || true
  TUI_DRIVE_LANG=zh_CN.UTF-8 "$T" start "$s" $size $SL --lang zh
  wait_for "F2/\^S 过账" 20 "sales entry ($size)"
  "$T" keys "$s" C-g
  "$T" keys "$s" F8
  wait_for "业务员: [0-9]+ " 5 "F8 shows the salespeople tab ($size)"
  "$T" keys "$s" Tab
  wait_for "a 新增业务员" 5 "salespeople panel and its keys at $size"
  code="Z${size%%x*}"
  created=$($SL audit log --command salesperson.create | grep -c salesperson.create || true)
  "$T" keys "$s" a
  wait_for "新增业务员" 5 "salesperson form"
  "$T" type "$s" "$code"; "$T" keys "$s" Tab; "$T" type "$s" "赵六"; "$T" keys "$s" Tab; "$T" type "$s" "浙江省"
  "$T" keys "$s" C-s
  # (The status line may show the start-up backup's message instead of "已新增业务员": the row tells.) A region is a
  # class of the region dimension, typed by name and kept as its code (s34-fix): 浙江省 is CN-33.
  # The list shows the region's name, as the customers screen does (s35-fix); the CLI keeps the code.
  wait_for "$code +赵六 +浙江省" 5 "the new salesperson in the list ($size)"
  [ "$($SL audit log --command salesperson.create | grep -c salesperson.create)" = $((created + 1)) ] \
    || app_bug "salesperson.create not audited"
  # Edit: the name only, the code stays.
  "$T" keys "$s" "/"; "$T" type "$s" "$code"; "$T" keys "$s" Enter Enter
  wait_for "编辑业务员 $code" 5 "edit form"
  "$T" keys "$s" BSpace BSpace; "$T" type "$s" "赵小六"; "$T" keys "$s" C-s
  wait_for "$code +赵小六 +浙江省" 5 "salesperson edited"
  $SL salesperson list --format csv | grep -q "^$code,赵小六,CN-33" || app_bug "edit not stored"
  $SL audit log --command salesperson.update | grep -q salesperson.update || app_bug "salesperson.update not audited"
  "$T" keys "$s" Escape
  # F3: the salesperson field by pinyin initials (zxl = 赵小六).
  "$T" keys "$s" F3
  wait_for "F2/\^S 过账" 5 "sales entry"
  "$T" keys "$s" Tab Tab C-u
  "$T" type "$s" zxl
  wait_for "$code  赵小六" 5 "pinyin initials find the salesperson"
  "$T" keys "$s" Tab
  wait_for "业务员 $code" 5 "salesperson chosen by code"
  "$T" keys "$s" F10
  "$T" wait "$s" "放弃|exited" 5 >/dev/null 2>&1 || true
  screen_has "放弃" && "$T" keys "$s" y
  wait_for "exited" 5 "quit ($size)"
done

# The default tax rate (80x24, English).
"$T" stop "$s" 2>/dev/null || true
"$T" start "$s" 80x24 $SL --lang en
wait_for "F2/\^S Post" 20 "sales entry"
"$T" keys "$s" C-g F8 Tab Tab
wait_for "Default tax rate +0% \(not set\)" 5 "settings panel"
"$T" keys "$s" t; "$T" type "$s" 130; "$T" keys "$s" Enter
wait_for "Default tax rate: '130' is not a rate from 0 to 100%" 5 "a bad rate named"
"$T" keys "$s" C-u; "$T" type "$s" 9; "$T" keys "$s" Enter
wait_for "Default tax rate +9%" 5 "rate shown"
$SL setup | grep -q "default tax rate: 9%" || app_bug "setup does not print the rate set in the TUI: $($SL setup)"
$SL audit log --command ledger.default_tax_rate | grep -q ledger.default_tax_rate || app_bug "rate change not audited"
"$T" keys "$s" F10
"$T" stop "$s"

# The practice ledger: marked on every screen with --practice; training at 80x24 shows the steps.
$SL train reset --sample zh >/dev/null 2>&1 || fail "train reset (makes the practice ledger)"
[ -f "$WORK/md.practice.sqlite" ] || fail "no practice ledger beside the real one"
"$T" start "$s" 80x24 $SL --practice --lang en
wait_for "^ \[练习 TRAINING\]" 20 "practice marker (--practice)"
"$T" keys "$s" C-g
for key in F4 F5 F6 F7 F8 F9 F11; do
  "$T" keys "$s" $key; sleep 0.3
  "$T" screen "$s" | head -1 | grep -q "^ \[练习 TRAINING\]" || app_bug "no practice marker on $key"
done
"$T" keys "$s" F10
"$T" stop "$s"
"$T" start "$s" 80x24 $SL train --lang en
wait_for "^ \[练习 TRAINING\]" 30 "training title"
"$T" keys "$s" C-g F12 Down Enter
wait_for "Enter a sale with two lines" 5 "lesson picker"
"$T" keys "$s" Enter
wait_for "Lesson 1/8: Enter a sale with two lines" 5 "the lesson strip at 80x24"
wait_for "5\. F12 → Check" 5 "the last step at 80x24"
"$T" screen "$s" | tail -1 | grep -q "lesson\.$" || app_bug "the last step cut at 80x24"
"$T" keys "$s" F10
finish
