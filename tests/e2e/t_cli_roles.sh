# Issue 13: every command as each role through the CLI — allowed or refused as docs/security.md says; a refusal
# changes nothing (the books' tables are byte-identical) and writes exactly one `access.refused` audit entry.
set -eu
fail() { echo "FAIL: $*"; exit 1; }
T=$WORK/template.sqlite
ST="$BIN_DIR/salesledger --db $T --today 2025-06-30 --user boss"
$ST user set boss --role admin >/dev/null
for r in clerk manager auditor; do $ST user set "$r" --role "$r" >/dev/null; done
$ST user set admin --role admin >/dev/null
$ST customer add --code C1 --name "Role Test Co" >/dev/null
$ST invoice post --customer C1 --line "*goods:1:100" --override-reason "setup" >/dev/null   # INV-2025-000001
$ST invoice post --customer C1 --line "*goods:1:200" --override-reason "setup" >/dev/null   # INV-2025-000002
$ST receipt add --customer C1 --amount 50 >/dev/null
$ST backup $WORK/good-backup.sqlite >/dev/null
INV=INV-2025-000001

# command | roles allowed (clerk manager auditor admin as c m a A)
MATRIX=$(cat <<'ROWS'
summary|cmaA
customer list|cmaA
invoice list|cmaA
invoice show INV-2025-000001|cmaA
report aging --as-of 2025-06-30|cmaA
statement C1 --from 2025-01-01 --to 2025-06-30|cmaA
audit verify|cmaA
customer add --code NEW --name New|cmA
invoice post --customer C1 --line *goods:1:10 --override-reason r|cmA
receipt add --customer C1 --amount 10|cmA
invoice dispute INV-2025-000002 --reason why|cmA
contact log --customer C1 --note called|cmA
invoice void INV-2025-000002 --reason wrong|mA
invoice write-off INV-2025-000001 --reason bad|mA
credit-note add --customer C1 --applies-to INV-2025-000001 --amount 5 --reason r|mA
rate base CNY|mA
export journal --output WORK/out.journal|maA
backup WORK/b.sqlite|cmA
user list|aA
train report|mA
user set newbie --role clerk|A
policy set --credit-note-clerk-limit 1000|A
restore WORK/good-backup.sqlite --yes|A
ROWS
)

books() { sqlite3 "$1" "SELECT * FROM customer; SELECT * FROM document; SELECT * FROM document_line; SELECT * FROM receipt;
  SELECT * FROM allocation; SELECT name, role, active, password_hash FROM app_user; SELECT * FROM number_series;
  SELECT * FROM setting;" | sha256sum; }
rows=0
while IFS='|' read -r cmd allowed; do
  [ -n "$cmd" ] || continue
  cmd=${cmd//WORK/$WORK}
  for role in clerk manager auditor admin; do
    case $role in clerk) k=c;; manager) k=m;; auditor) k=a;; admin) k=A;; esac
    DB=$WORK/r.sqlite; rm -f "$DB" "$DB"-wal "$DB"-shm "$DB".audit-head "$WORK"/b.sqlite "$WORK"/out.journal
    cp "$T" "$DB"; [ -e "$T.audit-head" ] && cp "$T.audit-head" "$DB.audit-head"
    before=$(books "$DB"); audits=$(sqlite3 "$DB" "SELECT COUNT(*) FROM audit_log")
    # shellcheck disable=SC2086
    if $BIN_DIR/salesledger --db "$DB" --today 2025-06-30 --user "$role" $cmd >out.txt 2>err.txt; then ok=1; else ok=0; fi
    if [[ $allowed == *$k* ]]; then
      [ $ok = 1 ] || { cat err.txt; fail "'$cmd' as $role: refused but the matrix allows it"; }
    else
      [ $ok = 0 ] || fail "'$cmd' as $role: allowed but the matrix refuses it"
      grep -q "permission denied" err.txt || { cat err.txt; fail "'$cmd' as $role: not a permission refusal"; }
      [ "$(books "$DB")" = "$before" ] || fail "'$cmd' as $role: refused but the books changed"
      after=$(sqlite3 "$DB" "SELECT COUNT(*) FROM audit_log")
      [ "$after" = $((audits + 1)) ] || fail "'$cmd' as $role: $((after - audits)) audit entries, want 1"
      [ "$(sqlite3 "$DB" "SELECT command || ' ' || actor FROM audit_log ORDER BY seq DESC LIMIT 1")" = "access.refused $role" ] \
        || fail "'$cmd' as $role: last audit entry is not the refusal"
      for f in "$WORK"/b.sqlite "$WORK"/out.journal; do [ ! -e "$f" ] || fail "'$cmd' as $role: refused but wrote $f"; done
      $BIN_DIR/salesledger --db "$DB" --user admin audit verify >/dev/null || fail "'$cmd' as $role: audit verify fails after refusal"
    fi
    rows=$((rows + 1))
  done
done <<< "$MATRIX"
echo "checked $rows command x role cells"

# The restore bypass: a clerk's restore is refused before the ledger file is touched, and audited.
DB=$WORK/r.sqlite; rm -f "$DB" "$DB"-wal "$DB"-shm "$DB".audit-head "$DB".before-restore-*; cp "$T" "$DB"
sum=$(sha256sum < "$DB")
if $BIN_DIR/salesledger --db "$DB" --user clerk restore "$WORK/good-backup.sqlite" --yes 2>err.txt; then fail "clerk restored"; fi
ls "$WORK" | grep -q before-restore && fail "a clerk's restore kept the ledger aside (it touched the file)"
[ "$(sqlite3 "$DB" "SELECT payload FROM audit_log ORDER BY seq DESC LIMIT 1" | grep -c ledger.restore)" = 1 ] || fail "restore refusal not audited"
# An admin's restore is audited in the restored ledger, and numbers issued after the backup are not issued again.
S="$BIN_DIR/salesledger --db $DB --today 2025-06-30 --user admin"
$S invoice post --customer C1 --line "*goods:1:300" --override-reason "after backup" | grep -q INV-2025-000003 || fail "third invoice"
$S restore "$WORK/good-backup.sqlite" --yes >/dev/null || fail "admin restore"
[ "$(sqlite3 "$DB" "SELECT command FROM audit_log ORDER BY seq DESC LIMIT 1")" = ledger.restore ] || fail "restore not audited"
$S invoice post --customer C1 --line "*goods:1:400" --override-reason "after restore" > post.txt
grep -q INV-2025-000004 post.txt || { cat post.txt; fail "an invoice number was issued twice after restore"; }
# Credit notes: a clerk may credit up to the admin's clerk limit (minor units), not above it.
$S policy set --credit-note-clerk-limit 500 >/dev/null
C="$BIN_DIR/salesledger --db $DB --today 2025-06-30 --user clerk"
$C credit-note add --customer C1 --applies-to INV-2025-000001 --amount 5 --reason goodwill >/dev/null || fail "clerk credit at the limit"
if $C credit-note add --customer C1 --applies-to INV-2025-000001 --amount 5.01 --reason more 2>err.txt; then
  fail "clerk credit above the limit"; fi
grep -q "permission denied" err.txt || fail "credit above the limit: $(cat err.txt)"
[ "$(sqlite3 "$DB" "SELECT command FROM audit_log ORDER BY seq DESC LIMIT 1")" = access.refused ] || fail "credit refusal not audited"
echo "ok"
