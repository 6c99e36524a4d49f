#!/usr/bin/env bash
# s34-fix: `x` on a report asks where to write the CSV (the default name in the start folder offered), writes
# nothing before Enter, never replaces a file without a yes, and says where it wrote; F5 says 未核销销售单 and
# 未核销预收 (one term per concept, as report aging and the statement).
set -euo pipefail
source "$(dirname "$0")/app_lib.sh"
db="$WORK/export.sqlite"
TODAY=2026-11-29
"$SL_BIN" --db "$db" --today $TODAY sample generate --lang zh --customers 8 --invoices 40 --seed 3 >/dev/null
"$SL_BIN" --db "$db" --today $TODAY receipt add --customer C0001 --amount 10 --allocate none >/dev/null
s="app-export-$$"
trap '"$T" stop "$s"' EXIT

"$T" start "$s" 200x50 "$SL_BIN" --db "$db" --today $TODAY --lang en
wait_for 'F2/\^S Post' 20 "Sales entry"
"$T" keys "$s" F7
wait_for 'Sales report: Month' 10 "Reports"
"$T" keys "$s" x
wait_for 'Export to: /' 5 "the export asks for the path"
offered=$("$T" screen "$s" | grep -o 'Export to: /[^ ]*\.csv' | head -1 | sed 's/^Export to: //')
[ -n "$offered" ] || fail "no path offered"
case "$offered" in */salesledger-sales-by-month-$TODAY.csv) ;; *) fail "offered $offered" ;; esac
[ -e "$offered" ] && fail "written before Enter: $offered"
"$T" keys "$s" Enter
wait_for 'written to:' 5 "the dialog naming the file"
[ -s "$offered" ] || fail "nothing at $offered"
first=$(cat "$offered")
[ "$(stat -c %a "$offered")" = 600 ] || fail "mode $(stat -c %a "$offered")"
"$T" keys "$s" Enter
wait_for "Exported to $(re_escape "$offered")" 5 "the status line names the file"
# The same file again: asked; n keeps it; y replaces it.
echo old > "$offered"
"$T" keys "$s" x
wait_for 'Export to: /' 5 "the prompt again"
"$T" keys "$s" Enter
wait_for 'Replace file\?' 5 "asked before replacing"
"$T" keys "$s" n
sleep 0.3
[ "$(cat "$offered")" = old ] || fail "replaced after No"
# s35-fix: Enter is No, as the dialog says.
"$T" keys "$s" x
wait_for 'Export to: /' 5 "the prompt again"
"$T" keys "$s" Enter
wait_for '\[n/Enter\] No' 5 "the dialog says Enter is No"
"$T" keys "$s" Enter
sleep 0.3
[ "$(cat "$offered")" = old ] || fail "replaced after Enter"
"$T" keys "$s" x
wait_for 'Export to: /' 5 "the prompt again"
"$T" keys "$s" Enter
wait_for 'Replace file\?' 5 "asked before replacing"
"$T" keys "$s" y
wait_for 'written to:' 5 "the dialog after Yes"
[ "$(cat "$offered")" = "$first" ] || fail "not replaced after Yes"
"$T" keys "$s" Enter F10
wait_for '^\[exited with status 0\]' 5 "quit"
"$T" stop "$s"

# F5 in Chinese: the glossary's terms, as report aging's.
"$T" start "$s" 200x50 "$SL_BIN" --db "$db" --today $TODAY --lang zh
wait_for '过账' 20 "Sales entry (zh)"
"$T" keys "$s" F5
wait_for '未核销销售单 [0-9,]+\.[0-9]{2}' 10 "F5 names open invoices 未核销销售单"
screen_has '未核销预收' || fail "F5 names unapplied credit 未核销预收"
screen_has '未结' && fail "F5 still says 未结…"
"$T" keys "$s" F10
wait_for '^\[exited with status 0\]' 5 "quit"
finish
