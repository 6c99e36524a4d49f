#!/usr/bin/env bash
# Tryout s30: a 专票 (paper or 数电) needs the buyer's 纳税人识别号 — refused in English and Chinese without it,
# a 普票 is recorded, and the 专票 goes through once `customer edit --tax-id` has set the number.
set -uo pipefail
SL="$BIN_DIR/salesledger --db $WORK/special.sqlite --today 2026-11-29"
fails=0
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }
$SL customer add --code C1 --name "星河" >/dev/null || { echo "FAIL: setup"; exit 1; }
$SL invoice post --customer C1 --line '*咨询:1:1000' >/dev/null || { echo "FAIL: post"; exit 1; }
sale=$($SL invoice list --format csv | sed -n 2p | cut -d, -f1)

out=$($SL fapiao add --type special --code 3300261130 --number 00000001 --sale "$sale=100" 2>&1) \
  && bad "专票 without a taxpayer number recorded: $out"
echo "$out" | grep -q "tax ID: a 专票 needs the buyer's taxpayer number; customer C1 has none" || bad "en refusal: $out"
echo "$out" | grep -q "set it: salesledger customer edit C1 --tax-id NUMBER" || bad "en refusal says no fix: $out"
out=$($SL --lang zh fapiao add --type digital-special --number 26332000000000000001 --sale "$sale=100" 2>&1) \
  && bad "数电专 without a taxpayer number recorded: $out"
echo "$out" | grep -q "纳税人识别号：数电专须有购买方纳税人识别号，客户 C1 未登记" || bad "zh refusal: $out"
echo "$out" | grep -q "登记：salesledger customer edit C1 --tax-id 纳税人识别号" || bad "zh refusal says no fix: $out"
# Tryout s33: a paper fapiao without --code names the option (was "code: … got ''").
out=$($SL fapiao add --type special --number 12345678 --sale "$sale" 2>&1) && bad "专票 without --code recorded: $out"
echo "$out" | grep -q -- "--code: is required for a paper special fapiao (专票)" || bad "missing --code: $out"
out=$($SL --lang zh fapiao add --type ordinary --number 12345678 --sale "$sale" 2>&1) && bad "普票 without --code: $out"
echo "$out" | grep -qE -- "--code(: |：)纸质普票必须填写发票代码" || bad "missing --code (zh): $out"
[ "$($SL fapiao list --format csv | wc -l)" -eq 1 ] || bad "a refused fapiao was stored: $($SL fapiao list)"

$SL fapiao add --type ordinary --code 3300261130 --number 00000002 --sale "$sale=100" >/dev/null \
  || bad "普票 without a taxpayer number refused"
$SL customer edit C1 --tax-id 91350100M000100Y43 >/dev/null || bad "customer edit --tax-id"
out=$($SL fapiao add --type special --code 3300261130 --number 00000001 --sale "$sale=100" 2>&1) \
  || bad "专票 with a taxpayer number refused: $out"
echo "$out" | grep -q "^专票 3300261130-00000001: 100.00" || bad "专票 recorded: $out"
[ "$fails" -eq 0 ]
