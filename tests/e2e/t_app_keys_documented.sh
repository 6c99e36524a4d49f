#!/usr/bin/env bash
# Issue 4 done-when: "The keys of every screen are listed in the README and in the help overlay, and they are
# the same." For each screen (and the sub-modes the README lists: today's sales list, an open customer) this
# opens the help overlay (F1) in the real TUI, reads the keys it shows, and compares them with the README's
# "## Keys" section (the "Everywhere" keys plus the screen's own). Also: the Chinese overlay lists the same keys.
# When the README has no Keys section the overlay is checked against the list below and the test fails.
set -euo pipefail
source "$(dirname "$0")/app_lib.sh"
db="$WORK/keys.sqlite"
TODAY=2026-11-29
SL="$SL_BIN --db $db --today $TODAY"
s="app-keys-$$"
trap '"$T" stop "$s"' EXIT

$SL sample generate --customers 40 --invoices 300 --seed 2 | grep -q '40 customers' || fail "sample generate"
$SL invoice post --customer C0001 --line P001:1 --override-reason "test sale" >/dev/null || fail "invoice post (for today's sales list)"

# mode | README block heading | keys that get there from a fresh start (tmux key names, space separated)
modes='sales|Sales entry (F3)|F3
saleslist|In today'"'"'s sales list (^L):|F3 C-l
customers|Customers (F4)|F4
customer|In a customer (Enter):|F4 Enter
receivables|Receivables (F5)|F5
charts|Charts (F6)|F6
reports|Reports (F7)|F7
audit|Audit (F11)|F11'

# Fallback when the README has no Keys section: what the help overlay is expected to show (besides Everywhere).
fallback='Everywhere	F3/F4/F5/F6/F7/F8/F9/F11 F1/? F10/q/^C
Sales entry (F3)	F2/^S Tab/S-Tab ^N ^X ^D ^L
In today'"'"'s sales list (^L):	↑/↓ Enter v c Esc
Customers (F4)	↑/↓ Enter / a e
In a customer (Enter):	r e n Esc
Receivables (F5)	↑/↓ t r l z Enter/c s d /
Charts (F6)	Tab/S-Tab p d
Reports (F7)	Tab d p x /
Audit (F11)	Tab ↑/↓ / r x'

# README → "block<TAB>keys<TAB>description" per documented key.
readme_keys() {
  python3 - "$REPO_DIR/README.md" <<'PY'
import re, sys
text = open(sys.argv[1], encoding='utf-8').read()
m = re.search(r'^## Keys\s*$(.*?)(?=^## )', text + '\n## end\n', re.M | re.S)
if not m: sys.exit(3)
block = None
for line in m.group(1).splitlines():
    h = re.match(r'^###\s+(.*\S)\s*$', line)
    if h: block = h.group(1); continue
    sub = re.match(r'^(In .*:)\s*$', line)
    if sub: block = sub.group(1); continue
    k = re.match(r'^[-*]\s+`([^`]+)`\s*(.*)$', line)
    if k and block: print(f'{block}\t{k.group(1)}\t{k.group(2).strip()}')
PY
}

# The help overlay on the current screen → "keys<TAB>help" per row (reads the box drawn with ┌─ TITLE ─┐).
overlay_keys() {
  "$T" screen "$s" | python3 -c '
import sys, unicodedata as u
def cells(line):
    out = []
    for ch in line:
        out.append(ch)
        if u.east_asian_width(ch) in "WF": out.append("")
    return out
rows = [cells(l.rstrip("\n")) for l in sys.stdin]
top = next((i for i, r in enumerate(rows) if "┌" in r and "┐" in r and ("Keys" in "".join(r) or "按键" in "".join(r))), None)
if top is None: sys.exit(4)
left, right = rows[top].index("┌"), len(rows[top]) - 1 - rows[top][::-1].index("┐")
for r in rows[top + 1:]:
    if len(r) > left and r[left] == "└": break
    inner = "".join(r[left + 1:right]).strip()
    if not inner or inner in ("Esc closes", "Any key closes", "按任意键关闭", "Esc 关闭", "按 Esc 关闭", "Esc 键关闭"): continue
    key, _, help = inner.partition(" ")
    print(key + "\t" + help.strip())
'
}

start_app() {
  "$T" start "$s" 160x48 "$SL_BIN" --db "$db" --today $TODAY --lang "$1"
  wait_for "F3 (Sales entry|销售录入)" 20 "app started ($1)"
}

readme=$(readme_keys) && have_readme=1 || have_readme=0
if [ $have_readme = 0 ]; then
  echo "README.md has no '## Keys' section: checking the overlay against the test's own list"
  readme=$(echo "$fallback" | while IFS=$'\t' read -r block keys; do for k in $keys; do printf '%s\t%s\t\n' "$block" "$k"; done; done)
fi
documented() { echo "$readme" | awk -F'\t' -v b="$1" '$1==b {print $2}'; }
[ -n "$(documented Everywhere)" ] || fail "README Keys section has no 'Everywhere' list"

problems=0
problem() { echo "MISMATCH: $*"; problems=$((problems + 1)); }

declare -A en_keys
for lang in en zh; do
  while IFS='|' read -r mode block path; do
    start_app "$lang"
    for k in $path; do
      "$T" keys "$s" "$k"
      sleep 0.3
    done
    "$T" keys "$s" F1
    wait_for "┌─ (Keys|按键) " 5 "help overlay on $mode ($lang)"
    got=$(overlay_keys) || fail "cannot read the help overlay on $mode ($lang)"
    got_keys=$(echo "$got" | cut -f1 | sort)
    if [ "$lang" = en ]; then
      en_keys[$mode]=$got_keys
      want_keys=$( (documented Everywhere; documented "$block") | sort)
      [ -n "$(documented "$block")" ] || problem "README has no keys under '$block'"
      if [ "$got_keys" != "$want_keys" ]; then
        problem "$mode: help overlay and README differ (< overlay only, > README only):"
        diff <(echo "$got_keys") <(echo "$want_keys") | grep '^[<>]' | sed 's/^/    /' || true
      fi
      # Same words: the README's text for a key contains the overlay's help text.
      if [ $have_readme = 1 ]; then
        while IFS=$'\t' read -r key help; do
          desc=$(echo "$readme" | awk -F'\t' -v k="$key" -v b="$block" '($1==b || $1=="Everywhere") && $2==k {print $3; exit}')
          [ -z "$desc" ] && continue
          case "$desc" in *"$help"*) ;; *) problem "$mode: key $key — overlay says '$help', README says '$desc'" ;; esac
        done <<<"$got"
      fi
    else
      [ "$got_keys" = "${en_keys[$mode]}" ] || {
        problem "$mode: Chinese overlay lists other keys than the English one:"
        diff <(echo "${en_keys[$mode]}") <(echo "$got_keys") | grep '^[<>]' | sed 's/^/    /' || true
      }
    fi
    echo "$lang $mode: $(echo "$got_keys" | tr '\n' ' ')"
    "$T" stop "$s"
  done <<<"$modes"
done

[ $have_readme = 1 ] || fail "README.md lacks the '## Keys' section the issue asks for"
[ $problems = 0 ] || fail "$problems mismatch(es) between the README and the help overlay"
echo ok
