# Issue 13: every backup has a manifest (SHA-256 of the whole file, size, counts, audit head); 20 random byte
# flips of a backup are all refused by `backup verify` and by `restore`, and the ledger stays unchanged.
set -eu
fail() { echo "FAIL: $*"; exit 1; }
DB=$WORK/f.sqlite
SL="$BIN_DIR/salesledger --db $DB --today 2025-06-30"
$SL customer add --code F1 --name "Flip Co" >/dev/null
for n in 1 2 3 4 5; do $SL invoice post --customer F1 --line "*goods:1:${n}0" --override-reason s >/dev/null; done
$SL backup "$WORK/b.sqlite" >/dev/null
grep -q '"sha256"' "$WORK/b.sqlite.manifest" || fail "no manifest"
[ "$(stat -c %a "$WORK/b.sqlite.manifest")" = 600 ] || fail "manifest mode"
$SL backup verify "$WORK/b.sqlite" >/dev/null || fail "good backup refused"
before=$(sqlite3 "$DB" "SELECT COUNT(*) || ' ' || SUM(total) FROM document")
size=$(stat -c %s "$WORK/b.sqlite")
for i in $(seq 1 20); do
  cp "$WORK/b.sqlite" "$WORK/x.sqlite"; cp "$WORK/b.sqlite.manifest" "$WORK/x.sqlite.manifest"
  off=$(( (RANDOM * 32768 + RANDOM) % size ))
  old=$(od -An -tu1 -j "$off" -N1 "$WORK/x.sqlite" | tr -d ' ')
  new=$(( old ^ (1 + RANDOM % 255) ))
  printf "$(printf '\\%03o' "$new")" | dd of="$WORK/x.sqlite" bs=1 seek="$off" conv=notrunc status=none
  cmp -s "$WORK/b.sqlite" "$WORK/x.sqlite" && fail "flip $i changed nothing"
  if $SL backup verify "$WORK/x.sqlite" >/dev/null 2>&1; then fail "flip $i at byte $off passed backup verify"; fi
  if $SL restore "$WORK/x.sqlite" --yes >/dev/null 2>&1; then fail "flip $i at byte $off was restored"; fi
  [ "$(sqlite3 "$DB" "SELECT COUNT(*) || ' ' || SUM(total) FROM document")" = "$before" ] || fail "ledger changed at flip $i"
done
# Without its manifest a backup is refused too (its SHA-256 cannot be checked).
cp "$WORK/b.sqlite" "$WORK/lone.sqlite"
if $SL backup verify "$WORK/lone.sqlite" 2>err.txt >/dev/null; then fail "backup without manifest verified"; fi
grep -q "no manifest" err.txt || fail "missing manifest not named"
echo "ok: 20 flips refused"
