#!/usr/bin/env bash
# s31-conc (issues 10/9): two programs opening one ledger at once must both work — two readers of a ledger that a
# newer build upgrades (the second one used to fail "table document_tally already exists"; now it waits, saying
# "ledger busy (ledger upgrade in progress), waiting…"), two readers of an up-to-date ledger, a reader beside a
# writer. Each try starts from a fresh copy without -wal/-shm, as the report had it.
set -euo pipefail
fail() { echo "FAIL: $*"; exit 1; }
SL="$BIN_DIR/salesledger --today 2026-06-30"
chmod 700 "$WORK"
base="$WORK/base.sqlite"
export SALESLEDGER_SAMPLE_DIR="$REPO_DIR/Sources/LedgerInterop/SampleData"
$SL --db "$base" sample generate --customers 40 --invoices 1500 --seed 3 >/dev/null 2>&1 || fail "setup"
# An older ledger: without the two s31 maintained tables and their migrations (as /tmp/r100k.sqlite was).
old="$WORK/old.sqlite"
cp "$base" "$old"
cp "$base.audit-head" "$old.audit-head"
{ sqlite3 "$old" "SELECT 'DROP TRIGGER ' || name || ';' FROM sqlite_master WHERE type = 'trigger'
                  AND (sql LIKE '%document_tally%' OR sql LIKE '%vat_month%')"
  echo "DROP TABLE document_tally; DROP TABLE vat_month;"
  echo "DELETE FROM grdb_migrations WHERE identifier IN ('s31-document-tally', 's31-vat-month');"; } | sqlite3 "$old"
[ "$(sqlite3 "$old" "SELECT COUNT(*) FROM sqlite_master WHERE name = 'document_tally'")" = 0 ] || fail "downgrade"
expected=$($SL --db "$base" summary | tail -n +2)  # after the "ledger: PATH" line
pair() {  # FROM CMD_A CMD_B: fresh copy, both at once, both must succeed
  local db="$WORK/t.sqlite"
  rm -f "$db" "$db-wal" "$db-shm" "$db.writer" "$db.audit-head"
  cp "$1" "$db"
  if [ -e "$1.audit-head" ]; then cp "$1.audit-head" "$db.audit-head"; fi
  $SL --db "$db" $2 > a.out 2> a.err & local pa=$!
  $SL --db "$db" $3 > b.out 2> b.err & local pb=$!
  wait $pa || fail "'$2' beside '$3' failed: $(cat a.err)"
  wait $pb || fail "'$3' beside '$2' failed: $(cat b.err)"
  ! grep -qi "malformed\|damaged\|storage error" a.err b.err || fail "$(cat a.err b.err)"
}
for _ in 1 2 3 4 5 6; do
  pair "$old" summary summary
  [ "$(tail -n +2 a.out)" = "$expected" ] && [ "$(tail -n +2 b.out)" = "$expected" ] || fail "summary differs: $(cat a.out b.out)"
  cat a.err b.err >> upgrade-waits.txt
  [ "$(sqlite3 "$WORK/t.sqlite" "SELECT COUNT(*) FROM grdb_migrations WHERE identifier LIKE 's31-%'")" = 3 ] \
    || fail "migrations not applied once each"
  [ "$(sqlite3 "$WORK/t.sqlite" "PRAGMA integrity_check")" = ok ] || fail "integrity after the upgrade"
done
# Any wait said is the upgrade's (or none, when the upgrade was quicker than half a second).
! grep -v "ledger busy (ledger upgrade in progress), waiting…" upgrade-waits.txt | grep -q . \
  || fail "unexpected messages: $(cat upgrade-waits.txt)"
for _ in 1 2 3; do
  pair "$base" summary "report aging"
  pair "$base" "audit verify" "customer add --code ZZ1 --name Probe"
  $SL --db "$WORK/t.sqlite" customer list --search ZZ1 | grep -q Probe || fail "the write beside a reader is missing"
done
echo ok
