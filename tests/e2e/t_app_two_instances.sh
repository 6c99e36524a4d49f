#!/usr/bin/env bash
# Issue 12 (B17): two TUIs on one ledger. The second never offers the first one's live draft; each shows the
# other's (and the CLI's) new sale within 2 s. While a long batch write runs, a CLI post waits, says who it waits
# for, and succeeds.
set -euo pipefail
source "$(dirname "$0")/app_lib.sh"
db="$WORK/two.sqlite"
TODAY=2026-11-29
SL="$SL_BIN --db $db --today $TODAY --lang en"
$SL sample generate --customers 40 --invoices 300 --seed 2 | grep -q '40 customers' || fail "sample generate"
$SL customer add --code C9001 --name "Alpha Trading" >/dev/null || fail "customer add"
$SL customer add --code C9002 --name "Beta Supplies" >/dev/null || fail "customer add"
a="app-two-a-$$"; b="app-two-b-$$"
trap '"$T" stop "$a" 2>/dev/null; "$T" stop "$b" 2>/dev/null' EXIT

s=$a; "$T" start "$a" 120x40 $SL; wait_for 'F2/\^S Post' 20 "instance A started"
"$T" type "$a" C9001; "$T" keys "$a" Enter
wait_for "^ Customer Alpha Trading" 5 "A: customer picked"
sleep 0.5                                             # A's autosave of the half-typed sale lands
ls "$db".draft.*.json >/dev/null 2>&1 || fail "A has no autosave file"

s=$b; "$T" start "$b" 120x40 $SL; wait_for 'F2/\^S Post' 20 "instance B started"
sleep 0.5
screen_has 'Restore draft' && app_bug "B offers A's live draft"

# A sale posted by the CLI shows in both within 2 s (today's sales list on the sales entry screen).
number=$($SL invoice post --customer C9002 --line 'P001:2' --override-reason e2e | grep -Eo 'INV-2026-[0-9]{6}' | head -1)
[ -n "$number" ] || fail "CLI post"
s=$a; wait_for "$number" 2 "A shows the CLI's sale $number within 2 s"
s=$b; wait_for "$number" 2 "B shows the CLI's sale $number within 2 s"

# B posts a sale; A shows it within 2 s and keeps its own half-typed sale.
"$T" type "$b" C9002; "$T" keys "$b" Enter
s=$b; wait_for "^ Customer Beta Supplies" 5 "B: customer picked"
"$T" keys "$b" Tab Tab Tab Tab Tab Tab
"$T" type "$b" P001; wait_for "P001  " 5 "B: product suggestion"
"$T" keys "$b" Enter; "$T" type "$b" 3
sleep 0.3
"$T" keys "$b" F2
wait_for 'Posted INV-2026-[0-9]{6}' 5 "B posted"
second=$("$T" screen "$b" | grep -Eo 'Posted INV-2026-[0-9]{6}' | head -1 | cut -d' ' -f2)
s=$a; wait_for "$second" 2 "A shows B's sale $second within 2 s"
screen_has "^ Customer Alpha Trading" || app_bug "A lost its half-typed sale"
"$T" keys "$a" F10; "$T" keys "$a" y
"$T" keys "$b" F10
sleep 0.5

# A long batch write (sample generation, one transaction; 5,000 invoices so it lasts seconds now that the bulk path
# is fast) holds the lock; a CLI post waits, says why, succeeds.
big="$WORK/big.sqlite"
"$SL_BIN" --db "$big" --today $TODAY sample generate --lang zh --customers 200 --invoices 5000 --seed 3 > "$WORK/gen.log" 2>&1 &
gen=$!
# Wait for the load's own holder note (it names the job): opening the new file writes one for its migrations too,
# and a post that lands between those and the generator's empty-ledger check would make the generator refuse.
for _ in $(seq 400); do grep -qs "sample generate by" "$big.writer" && break; sleep 0.05; done
grep -qs "sample generate by" "$big.writer" || fail "the generator never took the write lock"
# The generator lets other writers in for a moment after each commit (by design), so a post that lands in that
# moment does not wait: post again (up to 5 times, while the generator runs) until one has waited.
waited=0; posted=()
said="waiting for the ledger: pid $gen \(salesledger|ledger busy \(sample generate by [^ ]+ in progress\), waiting"
for k in 1 2 3 4 5; do
  "$SL_BIN" --db "$big" --today $TODAY customer add --code "WAIT$k" --name "Waited Co $k" > "$WORK/post.out" \
    2> "$WORK/post.err" || fail "post $k during the batch failed: $(cat "$WORK/post.err")"
  posted+=("WAIT$k")
  if grep -Eq "$said" "$WORK/post.err"; then waited=1; break; fi
  kill -0 $gen 2>/dev/null || break
done
wait $gen || fail "generator failed: $(cat "$WORK/gen.log")"
[ $waited -eq 1 ] || app_bug "no waiting writer said who holds the lock (${#posted[@]} posts): $(cat "$WORK/post.err")"
for c in "${posted[@]}"; do
  "$SL_BIN" --db "$big" customer list --search "$c" | grep -q "Waited Co" || app_bug "the waited write $c is missing"
done
echo ok
