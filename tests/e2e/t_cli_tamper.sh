# Issue 13: tamper edits made with the plain sqlite3 shell (dropping the guard triggers and clearing the
# seal_pending trail where needed, as an attacker would) — `audit verify` refuses each and names what differs.
set -eu
fail() { echo "FAIL: $*"; exit 1; }
T=$WORK/t.sqlite
S="$BIN_DIR/salesledger --db $T --today 2025-06-30 --user boss"
$S user set boss --role admin >/dev/null
$S user set carl --role clerk >/dev/null
$S customer add --code C1 --name "Tamper Co" >/dev/null
$S invoice post --customer C1 --line "*goods:1:100" --override-reason s >/dev/null                       # id 1
$S invoice post --customer C1 --line "*goods:2:50" --line "*more:1:30" --override-reason s >/dev/null   # id 2
$S invoice post --customer C1 --line "*goods:1:70" --override-reason s >/dev/null                       # id 3
$S receipt add --customer C1 --amount 40 >/dev/null                                                      # allocates to INV 1
$S audit verify > ok.txt || { cat ok.txt; fail "clean ledger does not verify"; }
N=$(sqlite3 "$T" "SELECT COUNT(*) FROM audit_log")
RCT=$(sqlite3 "$T" "SELECT display_number FROM receipt WHERE id=1")
CARL=$(sqlite3 "$T" "SELECT rowid FROM app_user WHERE name='carl'")
UNGUARD="DROP TRIGGER document_posted_frozen; DROP TRIGGER document_no_delete; DROP TRIGGER allocation_no_delete;
  DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;"
CLEAR="DELETE FROM seal_pending;"

# Recomputes every audit hash (and rewrites each prev_hash) as an attacker with the source code would: text
# entries (format 1) and compact ones (format 2/3, issue 10: blob hash, no stored previous hash, unkeyed after).
recompute() {
  python3 - "$1" <<'PY'
import hashlib, sqlite3, struct, sys
db = sqlite3.connect(sys.argv[1])
def field(h, b): h.update(struct.pack(">Q", len(b))); h.update(b)
prev = "0" * 64; prev_bytes = bytes(32)
for row in db.execute("SELECT seq, timestamp_utc, actor, command, payload, changes, outcome, business_date, seals,"
                      " entry_format FROM audit_log ORDER BY seq").fetchall():
    seq, fmt = row[0], row[9]
    h = hashlib.sha256()
    if fmt == 1:
        fields = [prev] + list(row[1:7])
        if row[7] or row[8]: fields += [row[7], row[8]]
        for f in fields: field(h, f.encode())
        db.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?", (fields[0], h.hexdigest(), seq))
        prev = h.hexdigest(); prev_bytes = h.digest()
    else:
        field(h, b"salesledger-audit-2"); field(h, prev_bytes)
        for f in row[1:8]: field(h, f if isinstance(f, bytes) else f.encode())  # bulk payloads are blobs
        field(h, bytes(row[8]))
        db.execute("UPDATE audit_log SET hash = ?, entry_format = ? WHERE seq = ?",
                   (h.digest(), 4 if fmt in (4, 5) else 2, seq))
        prev = h.hexdigest(); prev_bytes = h.digest()
db.commit()
PY
}

count=0
check() {  # name, SQL, expected text in the error
  local name=$1 sql=$2 want=$3 DB=$WORK/e.sqlite
  rm -f "$DB" "$DB"-wal "$DB"-shm; cp "$T" "$DB"; cp "$T.audit-head" "$DB.audit-head"
  sqlite3 "$DB" "$sql" || fail "$name: the edit itself failed"
  [ "${4:-}" = recompute ] && recompute "$DB"
  if $BIN_DIR/salesledger --db "$DB" --user boss audit verify >out.txt 2>err.txt; then
    fail "$name: audit verify passed: $(cat out.txt)"; fi
  grep -qF -- "$want" err.txt || { cat err.txt; fail "$name: the error does not name '$want'"; }
  count=$((count + 1)); echo "detected $name: $(head -1 err.txt)"
}
check "document total"   "$UNGUARD UPDATE document SET total = 1 WHERE id = 1; $CLEAR" "document 1 (INV-2025-000001) differs"
check "document total, trail kept" "$UNGUARD UPDATE document SET total = 1 WHERE id = 1;" \
      "document 1 (INV-2025-000001) was changed outside the command layer"
check "line quantity"    "UPDATE document_line SET quantity_milli = 9000 WHERE document_id = 2 AND line_no = 1; $CLEAR" \
      "document 2 (INV-2025-000002) differs"
check "line deleted"     "DELETE FROM document_line WHERE document_id = 2 AND line_no = 2; $CLEAR" "document 2 (INV-2025-000002) differs"
check "document status"  "UPDATE document SET status = 'void' WHERE id = 3; $CLEAR" "document 3 (INV-2025-000003) differs"
check "allocation amount" "UPDATE allocation SET amount = 1 WHERE id = 1; $CLEAR" "allocation 1 differs"
check "allocation deleted" "$UNGUARD DELETE FROM allocation WHERE id = 1; $CLEAR" "allocation 1, sealed by audit entry"
check "receipt amount"   "UPDATE receipt SET amount = 999999 WHERE id = 1; $CLEAR" "receipt 1 ($RCT) differs"
check "user role"        "UPDATE app_user SET role = 'admin' WHERE name = 'carl'; $CLEAR" "user $CARL (carl) differs"
check "document inserted" "INSERT INTO document (kind, series, number_year, number, display_number, date, due_date,
      customer_id, currency, payment_terms, status, subtotal, tax_total, total)
      VALUES ('invoice', 'INV', 2025, 99, 'INV-2025-000099', '2025-06-30', '2025-07-30', 1, 'CNY', 'net30', 'posted',
      100, 0, 100); $CLEAR" "document 4 (INV-2025-000099) is not covered"
check "audit row deleted" "$UNGUARD DELETE FROM audit_log WHERE seq = 3;" "audit entry 3 missing"
check "audit rows reordered" "$UNGUARD UPDATE audit_log SET seq = -1 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = 4;
      UPDATE audit_log SET seq = 4 WHERE seq = -1;" "audit entry 3"
check "audit payload edited" "$UNGUARD UPDATE audit_log SET payload = '{}' WHERE seq = 5;" "audit entry 5 (invoice.post): contents do not match"
check "audit entry backdated" "$UNGUARD UPDATE audit_log SET timestamp_utc = '2020-01-01T00:00:00Z' WHERE seq = 6;" \
      "audit entry 6 (invoice.post): contents do not match"
check "log truncated"    "$UNGUARD DELETE FROM audit_log WHERE seq > $((N - 2));" "log truncated"
check "log deleted"      "$UNGUARD DELETE FROM audit_log;" "the audit log has 0 entries but its head was anchored at $N"
check "chain recomputed after an edit" "$UNGUARD UPDATE audit_log SET actor = 'carl' WHERE seq = 5;" \
      "differs from the anchored head (the chain was rewritten)" recompute
[ $count = 17 ] || fail "ran $count edits"

# audit verify prints the head to keep; a kept head catches a rewrite even when the head file is rewritten too.
grep -q "^head: $N:" ok.txt || fail "head not printed: $(cat ok.txt)"
HEAD=$(sed -n 's/^head: //p' ok.txt)
DB=$WORK/h.sqlite; cp "$T" "$DB"
sqlite3 "$DB" "$UNGUARD UPDATE audit_log SET actor = 'carl' WHERE seq = 5;"; recompute "$DB"
rm -f "$DB.audit-head"
$BIN_DIR/salesledger --db "$DB" --user boss audit verify >/dev/null || fail "without any anchor an unkeyed recompute passes"
if $BIN_DIR/salesledger --db "$DB" --user boss audit verify --head "$HEAD" 2>err.txt >/dev/null; then fail "kept head not compared"; fi
grep -q "anchored head" err.txt || fail "kept head: $(cat err.txt)"

# With the audit key (HMAC, kept outside the database) recomputing the chain fails even without any head.
export SALESLEDGER_AUDIT_KEY_FILE=$WORK/audit.key
K=$WORK/k.sqlite
SK="$BIN_DIR/salesledger --db $K --today 2025-06-30"
$SK audit keygen >/dev/null
[ "$(stat -c %a "$WORK/audit.key")" = 600 ] || fail "key mode"
$SK customer add --code K1 --name Keyed >/dev/null
$SK invoice post --customer K1 --line "*goods:1:10" --override-reason s >/dev/null
$SK audit verify | grep -q "(2 keyed)" || fail "entries not keyed"
sqlite3 "$K" "$UNGUARD UPDATE audit_log SET actor = 'mallory' WHERE seq = 2;"; recompute "$K"; rm -f "$K.audit-head"
if $SK audit verify 2>err.txt >/dev/null; then fail "keyed chain recompute passed"; fi
grep -q "chain head (audit entry 2) is not keyed" err.txt || fail "keyed: $(cat err.txt)"
unset SALESLEDGER_AUDIT_KEY_FILE

# Issue 10: a bulk load writes one entry per chunk of commands (format 4, deflated payload); edits of its records
# and of the chunk are still caught, and a recomputed chain still differs from the anchored head.
T=$WORK/bulk.sqlite
$BIN_DIR/salesledger --db "$T" --today 2025-06-30 sample generate --customers 20 --invoices 300 --seed 2 >/dev/null 2>&1
$BIN_DIR/salesledger --db "$T" audit verify > ok.txt || { cat ok.txt; fail "bulk ledger does not verify"; }
[ "$(sqlite3 "$T" "SELECT COUNT(*) FROM audit_log WHERE entry_format = 4 AND command = 'bulk'")" -ge 1 ] || fail "no bulk entry"
$BIN_DIR/salesledger --db "$T" audit log --command invoice.post | grep -c " invoice\.post " | grep -qx 300 || fail "audit log does not list the chunk's posts"
count=0
check "bulk: receipt amount" "UPDATE receipt SET amount = amount + 1 WHERE id = 5; $CLEAR" "receipt 5"
check "bulk: line price" "UPDATE document_line SET unit_price = 1 WHERE document_id = 9 AND line_no = 1; $CLEAR" "document 9"
check "bulk: payload edited" "$UNGUARD UPDATE audit_log SET payload = X'00' WHERE seq = 1;" \
      "audit entry 1 (bulk): contents do not match"
check "bulk: chain recomputed" "$UNGUARD UPDATE audit_log SET actor = 'carl' WHERE seq = 1;" \
      "differs from the anchored head" recompute
[ $count = 4 ] || fail "ran $count bulk edits"
echo "ok: all edits detected"
