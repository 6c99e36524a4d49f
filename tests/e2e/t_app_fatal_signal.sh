#!/usr/bin/env bash
# Issue 12: a fatal signal (a trap is SIGILL; SIGABRT, SIGSEGV, SIGBUS likewise) in the TUI gives the terminal back:
# the process still dies of the signal (exit 128+N), and `stty -g` afterwards equals the settings before.
set -uo pipefail
source "$(dirname "$0")/app_lib.sh"
db="$WORK/fatal.sqlite"
"$SL_BIN" --db "$db" customer add --code C1 --name "Test Co" >/dev/null || { echo "FAIL: setup"; exit 1; }
status=0
for sig in ILL SEGV ABRT BUS; do
  s="app-fatal-$sig-$$"
  "$T" start "$s" 100x30 env SWIFT_BACKTRACE=enable=no bash -c "stty -g > '$WORK/before'; bash -c 'echo \$\$ > \"\$1\"; exec \"\$2\" --db \"\$3\" --lang en' _ '$WORK/pid' '$SL_BIN' '$db'; echo \"rc=\$?\"; stty -g > '$WORK/after'; echo done"
  "$T" wait "$s" 'F2/\^S Post' 15 || { echo "FAIL $sig: app did not start"; "$T" screen "$s"; status=1; "$T" stop "$s"; continue; }
  kill -"$sig" "$(cat "$WORK/pid")"
  "$T" wait "$s" '^done' 10 || { echo "FAIL $sig: did not end"; "$T" screen "$s"; status=1; "$T" stop "$s"; continue; }
  expected=$((128 + $(kill -l "$sig")))
  rc=$("$T" screen "$s" | grep -Eo '^rc=[0-9]+' | head -1)
  if [ "$rc" = "rc=$expected" ] && cmp -s "$WORK/before" "$WORK/after"; then
    echo "ok SIG$sig: $rc, tty restored"
  else
    echo "FAIL SIG$sig: $rc (want rc=$expected), stty same: $(cmp -s "$WORK/before" "$WORK/after" && echo yes || echo no)"
    "$T" screen "$s"; status=1
  fi
  "$T" stop "$s"
done
exit $status
