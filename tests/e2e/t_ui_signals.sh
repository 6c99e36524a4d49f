#!/usr/bin/env bash
# SIGTERM and SIGHUP end the demo through its own clean-up: exit 128+signal, terminal restored (B15).
set -uo pipefail
demo="$BIN_DIR/salesledger-ui-demo"
T="$TUI_DRIVE"
status=0
for sig in TERM HUP; do
  s="ui-sig-$sig-$$"
  "$T" start "$s" 80x24 bash -c "stty -g > '$WORK/before'; bash -c 'echo \$\$ > \"\$1\"; exec \"\$2\" --themes-dir \"\$3\"' _ '$WORK/pid' '$demo' '$REPO_DIR/themes'; echo \"rc=\$?\"; stty -g > '$WORK/after'; echo done"
  "$T" wait "$s" 'Customer' 10 || { echo "FAIL $sig: no form"; status=1; "$T" stop "$s"; continue; }
  kill -"$sig" "$(cat "$WORK/pid")"
  "$T" wait "$s" '^done' 5 || { echo "FAIL $sig: did not exit"; status=1; "$T" stop "$s"; continue; }
  expected=$((128 + $(kill -l "$sig")))
  if "$T" screen "$s" | grep -q "^rc=$expected\$" && cmp -s "$WORK/before" "$WORK/after"; then
    echo "ok SIG$sig: rc=$expected, tty restored"
  else
    echo "FAIL SIG$sig: $("$T" screen "$s" | grep rc=), stty same: $(cmp -s "$WORK/before" "$WORK/after" && echo yes || echo no)"; status=1
  fi
  "$T" stop "$s"
done
exit $status
