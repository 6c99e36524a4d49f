# s35-fix: `import sales` refuses a mistyped customer code shaped like the ledger's codes (row and column, English
# and Chinese) and its --dry-run lists the customers it would create; `setup --company-name` changes the company
# name (audited); `audit check` no longer says "pass" for customers over their limit from bulk-loaded history; the
# voucher template's refusal is in Chinese under --lang zh.
set -eu
fail() { echo "FAIL: $*"; exit 1; }
SL="$BIN_DIR/salesledger --db $WORK/f.sqlite --today 2026-06-30"
$SL customer add --code KH001 --name 甲公司 >/dev/null
$SL customer add --code KH002 --name 乙公司 >/dev/null
printf '日期,客户编码,价税合计\n2026-06-01,KH001,10.00\n2026-06-02,KH999,20.00\n' > typo.csv
if $SL import sales typo.csv > out.txt 2> err.txt; then fail "a mistyped code was imported"; fi
grep -q "^  row 3, column 客户编码: no customer has code 'KH999' (the ledger's codes look like KH001): check the code, or add the customer first (customer add)$" err.txt \
  || fail "typo refusal (en): $(cat err.txt)"
if $SL --lang zh import sales typo.csv > out.txt 2> err.txt; then fail "a mistyped code was imported (zh)"; fi
grep -q "^  第3行「客户编码」列：没有编码为 'KH999' 的客户（账套的客户编码形如 KH001）：请检查编码，或先添加该客户$" err.txt \
  || fail "typo refusal (zh): $(cat err.txt)"
[ "$(sqlite3 "$WORK/f.sqlite" 'SELECT COUNT(*) FROM customer')" = 2 ] || fail "a customer was created"
# New names still create customers; a dry run lists them.
{ printf '日期,客户,价税合计\n'; for i in $(seq 1 12); do printf '2026-06-01,导入客户%d,1.00\n' "$i"; done; } > new.csv
$SL import sales new.csv --dry-run > out.txt
grep -q "^  would create 12 customer(s): IMP-0001 导入客户1, IMP-0002 导入客户2, .*IMP-0010 导入客户10 (and 2 more)$" out.txt \
  || fail "dry-run list (en): $(cat out.txt)"
$SL --lang zh import sales new.csv --dry-run > out.txt
grep -q "^  将新建客户 12 个：IMP-0001 导入客户1, .*（另有 2 个）$" out.txt || fail "dry-run list (zh): $(cat out.txt)"
$SL import sales new.csv > out.txt
grep -q "12 new customer(s)" out.txt || fail "new names not created: $(cat out.txt)"
# The company name after the wizard.
$SL setup --company-name "星河贸易有限公司" | grep -q "^company name: 星河贸易有限公司$" || fail "setup --company-name"
$SL --lang zh setup --company-name "星河贸易" | grep -q "^公司名称：星河贸易$" || fail "setup --company-name (zh)"
[ "$(sqlite3 "$WORK/f.sqlite" "SELECT value FROM setting WHERE key = 'company_name'")" = 星河贸易 ] \
  || fail "company name not stored"
[ "$(sqlite3 "$WORK/f.sqlite" "SELECT COUNT(*) FROM audit_log WHERE command = 'ledger.company_name'")" = 2 ] \
  || fail "company name changes not audited"
# A template with no account column: refused in Chinese.
printf 'a,b\n' > t.csv
if $SL --lang zh export vouchers --from 2026-06-01 --to 2026-06-30 --template t.csv --output v.csv 2> err.txt; then
  fail "a bad template was taken"
fi
grep -q "表头中没有科目列和借方/贷方（或金额）列：a, b" err.txt || fail "template refusal (zh): $(cat err.txt)"
# Over the limit from bulk-loaded history: observations, not "pass".
G="$BIN_DIR/salesledger --db $WORK/g.sqlite --today 2026-11-27"
$G sample generate --lang zh --customers 20 --invoices 300 --seed 5 >/dev/null 2>&1
$G audit check --format text > audit.txt 2>&1 || fail "audit check on a generated ledger has findings: $(grep '^\[' audit.txt | head)"
grep -q "control.over-limit — Customers over their credit limit: [0-9]* observations\?$" audit.txt \
  || fail "over-limit: $(grep over-limit audit.txt)"
grep -q "(bulk-loaded history only)" audit.txt || fail "over-limit customers not named"
echo ok
