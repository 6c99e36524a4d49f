# Issue 10: `sample generate --force` on a used ledger reuses the master data whose generated codes exist (it used
# to fail with "salesperson code 'S01' is already used") and adds the documents; the ledger stays sound.
set -eu
fail() { echo "FAIL: $*"; exit 1; }
S="$BIN_DIR/salesledger --db $WORK/f.sqlite --today 2025-06-30"
$S sample generate --customers 20 --invoices 100 2>/dev/null | grep -q "20 customers, 20 products, 100 invoices" \
  || fail "first generate"
if $S sample generate --customers 20 --invoices 100 2>err.txt >/dev/null; then fail "non-empty ledger accepted"; fi
grep -q "use --force" err.txt || fail "refusal: $(cat err.txt)"
$S sample generate --customers 25 --invoices 100 --force 2>err.txt > out.txt || fail "--force: $(cat err.txt)"
grep -q "5 customers, 0 products, 100 invoices" out.txt || fail "--force report: $(cat out.txt)"
[ "$(sqlite3 $WORK/f.sqlite "SELECT COUNT(*) FROM customer")" = 25 ] || fail "customer count"
[ "$(sqlite3 $WORK/f.sqlite "SELECT COUNT(*) FROM salesperson")" = "$(sqlite3 $WORK/f.sqlite \
  "SELECT COUNT(DISTINCT code) FROM salesperson")" ] || fail "duplicate salespeople"
[ "$(sqlite3 $WORK/f.sqlite "SELECT COUNT(*) FROM document WHERE kind = 'invoice'")" = 200 ] || fail "invoice count"
$S audit verify >/dev/null || fail "audit verify after --force"
$S audit check 2>/dev/null | grep -q "consistency.maintained-balances .*: pass" || fail "maintained balances"
# Archived master data with generated codes is skipped, not a reason to refuse the whole load.
sqlite3 $WORK/f.sqlite "UPDATE customer SET archived = 1 WHERE code = 'C0001'"
c1="SELECT COUNT(*) FROM document WHERE customer_id = (SELECT id FROM customer WHERE code = 'C0001')"
before=$(sqlite3 $WORK/f.sqlite "$c1")
$S sample generate --customers 25 --invoices 100 --seed 9 --force 2>err.txt > out.txt || fail "archived: $(cat err.txt)"
grep -q "0 customers, 0 products, 100 invoices" out.txt || fail "archived report: $(cat out.txt)"
[ "$(sqlite3 $WORK/f.sqlite "$c1")" = "$before" ] || fail "an invoice for the archived customer"
echo ok
