#!/usr/bin/env bash
# Issue 12: hostile input on the CLI. Every case exits 1 with a message naming field, row and column; with
# --lang zh the message is Chinese (no ASCII words except codes, numbers and the program name); stored escape
# characters never reach the terminal raw.
set -uo pipefail
SL_BIN="$BIN_DIR/salesledger"
db="$WORK/hostile.sqlite"
SL="$SL_BIN --db $db --today 2026-11-29"
fails=0
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }
$SL customer add --code C1 --name "Test Co" >/dev/null || { echo "FAIL: setup"; exit 1; }

# Mixed-encoding file: UTF-8 with one GBK pair on row 3, column customer.
printf 'date,invoice_no,customer,amount\n2025-03-01,A1,北京星河,100.00\n2025-03-02,A2,\xb1\xb1\xbe\xa9,50.00\n' > "$WORK/mixed.csv"
printf 'date,customer,amount\n2025-03-01,Good,1.00\n2025-03-02,Huge,92233720368547758.07\n' > "$WORK/huge.csv"

# case NAME EXPECTED-EN-REGEX ARGS...: exit 1; English message matches; the zh message has no stray ASCII words.
check() {
  local name=$1 want=$2; shift 2
  local out rc
  out=$($SL --lang en "$@" 2>&1 >/dev/null); rc=$?
  [ $rc -eq 1 ] || bad "$name: exit $rc, want 1 ($out)"
  echo "$out" | grep -Eq -- "$want" || bad "$name: en message '$out' does not match '$want'"
  out=$($SL --lang zh "$@" 2>&1 >/dev/null); rc=$?
  [ $rc -eq 1 ] || bad "$name (zh): exit $rc"
  # Drop the program name and file paths, then look for ASCII words of 2+ letters that are not codes (all caps).
  local words
  # Column names from the file are quoted 「…」 and typed values '…': they are the user's words, not ours.
  words=$(echo "$out" | sed -e 's/^salesledger: //' -e "s#$WORK/[^ ：:]*##g" -e 's/「[^」]*」//g' -e "s/'[^']*'//g" -e 's/0x[0-9A-Fa-f]*//g' \
          | grep -Eo '[A-Za-z][A-Za-z]+' \
          | grep -Ev '^[A-Z0-9]+$' | sort -u | tr '\n' ' ')
  [ -z "$words" ] || bad "$name (zh): English words [$words] in: $out"
  echo "ok $name: $out"
}

check int64-max-price 'lines\[1\]\.unitPrice: amount .92233720368547758\.07. is too large' \
  invoice post --customer C1 --line '*X:1:92233720368547758.07'
check huge-quantity 'lines\[1\]\.quantity: quantity .99999999999999. is too large' invoice post --customer C1 --line '*X:99999999999999:1'
check card-number-quantity 'lines\[1\]\.quantity' invoice post --customer C1 --line '*X:6222021234567890123:1'
check zero-total 'lines: the document total is 0' invoice post --customer C1 --line '*X:1:0'
check unknown-customer 'customer: unknown customer code NOPE' invoice post --customer NOPE --line '*X:1:5'
check escape-in-name 'name: contains the control character U\+001B' customer add --code C2 --name $'Evil\e]0;pwned\a'
check space-in-code 'code: must not contain spaces' customer add --code 'C 3' --name Fine
check bidi-in-name 'name: contains the bidirectional control U\+202E' customer add --code C4 --name $'abc\u202Efed'
check huge-receipt 'amount' receipt add --customer C1 --amount 99999999999999999
check mixed-encoding 'row 3, column 3 \(customer\): byte 0xB1 is not UTF-8' import sales "$WORK/mixed.csv"
check huge-import-row 'row 3, column amount: amount .92233720368547758\.07. is too large' import sales "$WORK/huge.csv"
# s14-search: the as-of field is named in Chinese too (was `asOf：` in the zh message).
check bad-as-of 'asOf: ' report aging --as-of 2026-02-30
# Tryout s14: a dimension without classes that is also a customer field names `--by` (zh message was English).
check by-class-field "dimension 'channel' has no classes.*--by channel" report aging --by-class channel

# Nothing was written by the cases above.
[ "$($SL invoice list --format csv | wc -l)" -eq 1 ] || bad "an invoice was written"

# A stored escape from an older version never reaches the terminal raw (all formats).
sqlite3 "$db" "UPDATE customer SET name = 'Old' || char(27) || ']0;owned' || char(7) WHERE code = 'C1'" 2>/dev/null \
  || sqlite3 "$db" "PRAGMA writable_schema=0" >/dev/null
for format in table csv json; do
  if $SL customer list --format $format | LC_ALL=C grep -q $'\e'; then bad "customer list --format $format prints a raw ESC"; fi
done
$SL customer list | grep -q 'Old\\u001B\]0;owned\\u0007' || bad "escaped name not shown: $($SL customer list)"

# Table headers in Chinese.
$SL --lang zh customer list | head -1 | grep -q '编码' || bad "zh table header: $($SL --lang zh customer list | head -1)"
[ $fails -eq 0 ] && echo ok
exit $((fails > 0))
