# Issue 13: once a user has a password, --user, $USER or an environment variable alone gets no role; a wrong
# password is refused, counted and audited; `user passwd` changes one's own password, an admin resets anyone's.
set -eu
fail() { echo "FAIL: $*"; exit 1; }
DB=$WORK/a.sqlite
SL="setsid -w $BIN_DIR/salesledger --db $DB --today 2025-06-30"   # setsid: no controlling terminal to prompt on
$SL --user boss user set boss --role admin >/dev/null
$SL --user boss user set carl --role clerk >/dev/null
# Without passwords the OS user / --user names the ledger user (convenience mode).
USER=carl $SL customer add --code C1 --name "Auth Co" >/dev/null || fail "convenience mode"
# boss sets a password: from now on every command authenticates.
$SL --user boss user passwd --new-password-fd 3 3<<<'boss-secret-1' | grep -q "password of boss set" || fail "passwd"
[ "$(sqlite3 "$DB" "SELECT password_hash LIKE 'scrypt\$15\$8\$1\$%' FROM app_user WHERE name='boss'")" = 1 ] || fail "not an scrypt hash"
sqlite3 "$DB" "SELECT payload FROM audit_log WHERE command='user.passwd'" | grep -q secret && fail "password in the audit log"
if USER=boss $SL invoice list 2>err.txt; then fail "USER=boss alone got a role"; fi
grep -q "password-fd" err.txt || { cat err.txt; fail "no password prompt hint"; }
if $SL --user boss invoice list 2>err.txt; then fail "--user boss alone got a role"; fi
if SALESLEDGER_USER=boss SALESLEDGER_PASSWORD=boss-secret-1 $SL --user boss invoice list 2>/dev/null; then fail "env var granted a role"; fi
n0=$(sqlite3 "$DB" "SELECT COUNT(*) FROM audit_log WHERE command='access.refused' AND payload LIKE '%auth.login%'")
if $SL --user boss --password-fd 3 invoice list 3<<<'wrong' 2>err.txt; then fail "wrong password accepted"; fi
grep -q "login as boss failed (1 failed attempt)" err.txt || { cat err.txt; fail "failure not counted"; }
n1=$(sqlite3 "$DB" "SELECT COUNT(*) FROM audit_log WHERE command='access.refused' AND payload LIKE '%auth.login%'")
[ "$n1" = $((n0 + 1)) ] || fail "wrong password not audited ($n0 -> $n1)"
if $SL --user boss --password-fd 3 invoice list 3<<<'wrong again' 2>err.txt; then fail "wrong password accepted"; fi
grep -q "(2 failed attempts)" err.txt || fail "second failure not counted"
# A user without a password cannot log in once passwords are in use.
if $SL --user carl --password-fd 3 invoice list 3<<<'' 2>/dev/null; then fail "carl without password got a role"; fi
# The right password works and resets the count.
$SL --user boss --password-fd 3 invoice list 3<<<'boss-secret-1' >/dev/null || fail "right password refused"
[ "$(sqlite3 "$DB" "SELECT failed_logins FROM app_user WHERE name='boss'")" = 0 ] || fail "count not reset"
# The admin resets carl's password; carl changes his own; carl cannot reset boss's.
$SL --user boss --password-fd 4 user passwd carl --new-password-fd 3 4<<<'boss-secret-1' 3<<<'carl-pass-1' >/dev/null || fail "admin reset"
$SL --user carl --password-fd 4 user passwd --new-password-fd 3 4<<<'carl-pass-1' 3<<<'carl-pass-2' >/dev/null || fail "own passwd"
$SL --user carl --password-fd 3 customer add --code C2 --name Two 3<<<'carl-pass-2' >/dev/null || fail "carl with new password"
if $SL --user carl --password-fd 4 user passwd boss --new-password-fd 3 4<<<'carl-pass-2' 3<<<'hijacked-1' 2>err.txt; then
  fail "clerk reset the admin's password"; fi
grep -q "permission denied" err.txt || fail "reset refusal: $(cat err.txt)"
$SL --user boss --password-fd 3 audit verify 3<<<'boss-secret-1' >/dev/null || fail "audit verify"
echo "ok"
