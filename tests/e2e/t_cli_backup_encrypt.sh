# Issue 13: encrypted backups (AES-GCM, scrypt key from a passphrase given on a file descriptor, never argv),
# verify and restore with the right passphrase, refusal with a wrong one or after tampering; `backup --to DIR`
# writes a verified off-site copy; daily backups are named after their ledger (two ledgers, one folder); a failed
# backup is audited; loose file modes are reported and fixed by `init --fix-permissions`.
set -eu
fail() { echo "FAIL: $*"; exit 1; }
DB=$WORK/shop.sqlite
SL="setsid -w $BIN_DIR/salesledger --db $DB --today 2025-06-30"   # setsid: no terminal to prompt on
$SL customer add --code ENC --name "Encrypt Co" >/dev/null
$SL invoice post --customer ENC --line '*goods:2:150' --override-reason e2e >/dev/null

# The passphrase is never an option value; without a terminal or an fd the command refuses, writing nothing.
if $SL backup --encrypt 2>err.txt; then fail "encrypted backup without a passphrase"; fi
grep -q "passphrase-fd\|password-fd" err.txt || { cat err.txt; fail "no hint how to give the passphrase"; }
if $SL backup --encrypt --passphrase-fd 3 3<<<'short' 2>err.txt; then fail "short passphrase accepted"; fi
[ "$(sqlite3 "$DB" "SELECT COUNT(*) FROM audit_log WHERE command='ledger.backup_failed'")" = 2 ] || fail "failures not audited"

# Daily files are named after the ledger; encrypted ones end .sqlite.enc.
$SL backup --daily --encrypt --passphrase-fd 3 --to "$WORK/usb" 3<<<'correct horse 1' > out.txt || { cat out.txt; fail "backup --encrypt"; }
ENC=$WORK/backups/shop-2025-06-30.sqlite.enc
grep -q "^backup written: $ENC" out.txt || { cat out.txt; fail "path"; }
grep -q "off-site copy written and checked: $WORK/usb/shop-2025-06-30.sqlite.enc" out.txt || fail "off-site copy"
cmp -s "$ENC" "$WORK/usb/shop-2025-06-30.sqlite.enc" || fail "off-site copy differs"
[ -f "$WORK/usb/shop-2025-06-30.sqlite.enc.manifest" ] || fail "off-site manifest"
[ "$(head -c 12 "$ENC")" = "SLEDGER-ENC1" ] || fail "not the encrypted format"
if grep -q "Encrypt Co" "$ENC" || grep -q "SQLite format" "$ENC"; then fail "plaintext in the encrypted file"; fi
[ "$(stat -c %a "$ENC")" = 600 ] || fail "mode $(stat -c %a "$ENC")"
ls -A "$WORK/backups" | grep -q plain && fail "plain temp file left: $(ls -A "$WORK/backups")"
sqlite3 "$DB" "SELECT payload FROM audit_log WHERE command='ledger.backup' ORDER BY seq DESC LIMIT 1" > p.txt
grep -q '"encrypted":true' p.txt && grep -q usb p.txt || { cat p.txt; fail "audit entry lacks encryption/off-site copy"; }
grep -qi "correct horse" p.txt && fail "passphrase in the audit log"

$SL backup verify "$ENC" --passphrase-fd 3 3<<<'correct horse 1' > v.txt || { cat v.txt; fail "verify with the right passphrase"; }
grep -q "contents: 1 customers, 1 documents" v.txt || { cat v.txt; fail "verify counts"; }
if $SL backup verify "$ENC" --passphrase-fd 3 3<<<'wrong horse 1' > /dev/null 2>err.txt; then fail "wrong passphrase verified"; fi
grep -q "wrong passphrase" err.txt || { cat err.txt; fail "wrong passphrase not named"; }

# Tampering: a flipped byte in the body is refused (manifest SHA-256 and GCM), even with the right passphrase.
cp "$ENC" t.enc; cp "$ENC.manifest" t.enc.manifest
python3 -c 'import sys; f=open(sys.argv[1],"r+b"); f.seek(200); b=f.read(1); f.seek(200); f.write(bytes([b[0]^1]))' t.enc
if $SL backup verify t.enc --passphrase-fd 3 3<<<'correct horse 1' > /dev/null 2>err.txt; then fail "tampered file verified"; fi
grep -q "altered" err.txt || { cat err.txt; fail "tampering not named"; }
# ... also when the attacker rewrites the manifest to match: GCM authentication still fails.
python3 - t.enc <<'PY'
import sys, json, hashlib, os
p = sys.argv[1]; m = json.load(open(p + ".manifest"))
m["sha256"] = hashlib.sha256(open(p, "rb").read()).hexdigest(); m["sizeBytes"] = os.path.getsize(p)
json.dump(m, open(p + ".manifest", "w"))
PY
if $SL backup verify t.enc --passphrase-fd 3 3<<<'correct horse 1' > /dev/null 2>err.txt; then fail "re-manifested tampered file verified"; fi
grep -q "fails authentication" err.txt || { cat err.txt; fail "GCM failure not named"; }

# Restore: refused with a wrong passphrase (ledger untouched), done with the right one.
$SL customer add --code LATER --name "After the backup" >/dev/null
if $SL restore "$ENC" --yes --passphrase-fd 3 3<<<'wrong horse 1' 2>err.txt; then fail "restored with a wrong passphrase"; fi
[ "$(sqlite3 "$DB" "SELECT COUNT(*) FROM customer WHERE code='LATER'")" = 1 ] || fail "ledger changed on refusal"
$SL restore "$WORK/usb/shop-2025-06-30.sqlite.enc" --yes --passphrase-fd 3 3<<<'correct horse 1' > r.txt || { cat r.txt; fail "restore"; }
[ "$(sqlite3 "$DB" "SELECT COUNT(*) FROM customer WHERE code='LATER'")" = 0 ] || fail "not restored"
[ "$(sqlite3 "$DB" "SELECT name FROM customer WHERE code='ENC'")" = "Encrypt Co" ] || fail "restored data"
ls -A "$WORK" | grep -q "restore-plain" && fail "plain restore temp left"
$SL audit verify > /dev/null || fail "audit verify after restore"

# A manual encrypted backup with --to is written only there, under its own name (s33).
$SL backup --encrypt --passphrase-fd 3 --to "$WORK/usb2" 3<<<'correct horse 1' > m.txt || { cat m.txt; fail "manual --to"; }
grep -qE "^backup written: $WORK/usb2/shop-2025-06-30-[0-9]{6}\.sqlite\.enc$" m.txt || { cat m.txt; fail "manual --to path"; }
[ "$(ls "$WORK/backups" | grep -c '^shop-2025-06-30')" = 2 ] || fail "manual --to wrote locally: $(ls "$WORK/backups")"

# Two ledgers in one folder each get their own daily backup (named after the ledger).
OTHER="setsid -w $BIN_DIR/salesledger --db $WORK/depot.sqlite --today 2025-06-30"
$OTHER customer add --code D1 --name Depot >/dev/null
$SL backup --daily | grep -q "^skipped: today's backup exists" || fail "shop daily not skipped (today's encrypted one exists)"
$OTHER backup --daily | grep -q "^backup written: $WORK/backups/depot-2025-06-30.sqlite" || fail "depot daily skipped"
$OTHER backup --daily | grep -q "^skipped" || fail "depot daily not skipped the second time"

# A failed backup (target folder missing) is audited.
if $SL backup "$WORK/nowhere/x.sqlite" 2>/dev/null; then fail "backup into a missing folder"; fi
sqlite3 "$DB" "SELECT payload FROM audit_log WHERE command='ledger.backup_failed' ORDER BY seq DESC LIMIT 1" | grep -q nowhere \
  || fail "failed backup not audited"

# Loose permissions: warned with the command to fix them; init --fix-permissions tightens them (sidecars too).
chmod 0666 "$DB"; chmod 0755 "$WORK/backups"
$SL summary > /dev/null 2>err.txt
grep -q "loose file permissions: $DB is 0666" err.txt || { cat err.txt; fail "no warning for a 0666 ledger"; }
grep -q "init --fix-permissions" err.txt || fail "warning lacks the fix"
$SL init --fix-permissions > fix.txt 2>&1 || { cat fix.txt; fail "fix-permissions"; }
grep -q "tightened $DB: 0666 → 0600" fix.txt || { cat fix.txt; fail "ledger not tightened"; }
[ "$(stat -c %a "$DB")" = 600 ] && [ "$(stat -c %a "$WORK/backups")" = 700 ] || fail "modes after fix"
for f in "$DB"-wal "$DB"-shm; do [ ! -e "$f" ] || [ "$(stat -c %a "$f")" = 600 ] || fail "$f is $(stat -c %a "$f")"; done
$SL summary > /dev/null 2>err.txt
[ ! -s err.txt ] || { cat err.txt; fail "still warns after the fix"; }
echo ok
