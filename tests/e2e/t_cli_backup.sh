# B16: the backup holds the latest commits, is one self-contained file, never appears half-written under its
# final name (kill -9 mid-backup), and restores atomically.
set -eu
DB=$WORK/x.sqlite
SL="$BIN_DIR/salesledger --db $DB --today 2025-06-30"
fail() { echo "FAIL: $*"; exit 1; }

$SL customer add --code BTC --name "Backup Test Co" >/dev/null
for n in 1 2 3; do
  $SL invoice post --customer BTC --line "*goods:1:${n}00" --override-reason "B16" >/dev/null
done
# The day's daily file first (as the app's first start writes it), then a manual backup of later sales.
$SL backup --daily > daily.log || fail "daily backup"
DAILY=$WORK/backups/x-2025-06-30.sqlite   # named after the ledger x.sqlite (issue 13)
grep -q "^backup written: $DAILY" daily.log || { cat daily.log; fail "daily path not printed"; }
daily_sum=$(sha256sum "$DAILY")
$SL invoice post --customer BTC --line "*goods:1:300" --override-reason "B16" >/dev/null
$SL backup > backup.log || fail "backup"
# s33: a manual backup gets its own name (the time of day): it never replaces the day's daily backup.
FILE=$(sed -n 's/^backup written: //p' backup.log)
echo "$FILE" | grep -qE "^$WORK/backups/x-2025-06-30-[0-9]{6}\.sqlite$" || { cat backup.log; fail "manual name $FILE"; }
[ "$(sha256sum "$DAILY")" = "$daily_sum" ] || fail "the manual backup replaced the daily one"
$SL backup > again.log || fail "second backup"
AGAIN=$(sed -n 's/^backup written: //p' again.log)
[ "$AGAIN" != "$FILE" ] && [ -f "$FILE" ] || fail "a second manual backup replaced the first ($AGAIN)"
# --to DIR writes only into DIR: the local backups folder is left as it was.
before_local=$(ls -A "$WORK/backups" | sort)
$SL backup --to "$WORK/offsite" > to.log || { cat to.log; fail "backup --to"; }
grep -qE "^backup written: $WORK/offsite/x-2025-06-30-[0-9]{6}(-[0-9]+)?\.sqlite$" to.log || { cat to.log; fail "--to path"; }
[ "$(ls -A "$WORK/backups" | sort)" = "$before_local" ] || fail "--to wrote into the local folder: $(ls -A "$WORK/backups")"
[ "$(sha256sum "$DAILY")" = "$daily_sum" ] || fail "--to replaced the daily backup"
$SL backup verify "$(sed -n 's/^backup written: //p' to.log)" | grep -q "^ok:" || fail "verify the --to backup"
$SL backup verify "$DAILY" | grep -q "contents: 1 customers, 3 documents" || fail "the daily backup's contents changed"
grep -q "contents: 1 customers, 4 documents" backup.log || { cat backup.log; fail "counts not printed"; }

# Only the backup file, in an empty folder, opened with sqlite3.
mkdir iso && cp "$FILE" iso/only.sqlite
[ "$(sqlite3 iso/only.sqlite 'PRAGMA integrity_check')" = ok ] || fail "integrity"
[ "$(sqlite3 iso/only.sqlite 'PRAGMA journal_mode')" = delete ] || fail "journal mode"
[ "$(sqlite3 iso/only.sqlite "SELECT COUNT(*) || ' ' || SUM(total) FROM document WHERE kind='invoice' AND status='posted'")" = "4 90000" ] || fail "invoices"
[ "$(sqlite3 iso/only.sqlite "SELECT name FROM customer WHERE code='BTC'")" = "Backup Test Co" ] || fail "customer"
[ "$(ls -A iso)" = only.sqlite ] || fail "sidecar files appeared: $(ls -A iso)"
cp "$FILE.manifest" iso/only.sqlite.manifest   # the SHA-256 manifest travels with the backup (issue 13)
$SL backup verify iso/only.sqlite | grep -q "^ok:" || fail "verify"
[ "$(stat -c %a "$FILE")" = 600 ] || fail "mode $(stat -c %a "$FILE")"

# --daily: skipped when today's file exists.
$SL backup --daily | grep -q "^skipped" || fail "daily not skipped"

# A bad backup: verify exits 1 naming the file; restore refuses it.
head -c 20000 "$FILE" > bad.sqlite
if $SL backup verify bad.sqlite > /dev/null 2> err.txt; then fail "verify passed a truncated file"; fi
grep -q "bad.sqlite" err.txt || { cat err.txt; fail "error does not name the file"; }
if $SL restore bad.sqlite --yes 2> err.txt; then fail "restored a bad backup"; fi
grep -q "bad.sqlite" err.txt || fail "restore error does not name the file"

# kill -9 during a backup of a larger ledger: nothing under the final name changes, the previous backup stays.
BIG=$WORK/big.sqlite
SB="$BIN_DIR/salesledger --db $BIG --today 2025-06-30"
$SB sample generate --customers 1000 --invoices 10000 --seed 5 >/dev/null
mkdir bk
$SB backup bk/big.sqlite >/dev/null || fail "first big backup"
before=$(sha256sum bk/big.sqlite)
$SB customer add --code LATE --name "Late Co" >/dev/null
$SB backup bk/big.sqlite > kill.log 2>&1 &
pid=$!
# Kill as soon as the temp file appears (the copy and its checks take a while on 20000 invoices).
for _ in $(seq 1 20000); do
  ls -A bk | grep -q '\.partial-' && break
done
kill -KILL $pid; wait $pid 2>/dev/null || true
if grep -q "^backup written" kill.log; then fail "the backup finished before the kill: make the ledger larger"; fi
[ "$(sha256sum bk/big.sqlite)" = "$before" ] || fail "the previous backup changed"
$SB backup verify bk/big.sqlite >/dev/null || fail "the previous backup does not verify"
[ "$(sqlite3 bk/big.sqlite "SELECT COUNT(*) FROM customer WHERE code='LATE'")" = 0 ] || fail "final name holds the killed backup"
# The next backup cleans the killed one's temp file and holds the later customer.
$SB backup bk/big.sqlite >/dev/null || fail "backup after the kill"
[ "$(ls -A bk | grep -v "\.manifest$")" = big.sqlite ] || fail "left-over files: $(ls -A bk)"
[ "$(sqlite3 bk/big.sqlite "SELECT COUNT(*) FROM customer WHERE code='LATE'")" = 1 ] || fail "later customer missing"

# Restore: refuses without --yes (naming the ledger), then replaces it; summary equals the backed-up one.
$SL summary | grep -v '^ledger:' > summary.before
$SL invoice post --customer BTC --line "*more:1:5" --override-reason "after backup" >/dev/null
if $SL restore "$FILE" > /dev/null 2> err.txt; then fail "restore without --yes"; fi
grep -q "$DB" err.txt || { cat err.txt; fail "refusal does not name the ledger"; }
$SL restore "$FILE" --yes > restore.log || { cat restore.log; fail "restore"; }
grep -q "previous ledger kept as $DB.before-restore-" restore.log || { cat restore.log; fail "kept file not named"; }
$SL summary | grep -v '^ledger:' > summary.after
diff summary.before summary.after || fail "summary differs after restore"
grep -q "sales CNY: 900.00" summary.after || fail "900.00 missing"
$SL audit verify | grep -q "^ok" || fail "audit after restore"
[ "$(sqlite3 $DB "SELECT command FROM audit_log ORDER BY seq DESC LIMIT 1")" = ledger.restore ] || fail "restore not audited"
kept=$(ls $DB.before-restore-* | head -1)
[ "$(sqlite3 "$kept" "SELECT COUNT(*) FROM document")" = 5 ] || fail "kept ledger lacks the later invoice"
echo ok
