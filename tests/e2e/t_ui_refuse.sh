#!/usr/bin/env bash
# The UI refuses unusable terminals with one line on stderr and exit code 2, quickly (no spin):
# TERM=dumb, TERM unset, an unknown TERM, stdin not a terminal, stdout not a terminal.
set -uo pipefail
demo="$BIN_DIR/salesledger-ui-demo"
T="$TUI_DRIVE"
status=0
check() {  # name, expected stderr regex, command...
  local name=$1 pattern=$2; shift 2
  local started=$SECONDS
  "$@" > "$WORK/out" 2> "$WORK/err"
  local rc=$?
  local lines; lines=$(wc -l < "$WORK/err")
  if [ "$rc" -ne 2 ] || [ "$lines" -ne 1 ] || ! grep -Eq "$pattern" "$WORK/err" || [ $((SECONDS - started)) -gt 4 ]; then
    echo "FAIL $name: rc=$rc lines=$lines stderr=$(cat "$WORK/err")"; status=1
  else
    echo "ok $name: $(cat "$WORK/err")"
  fi
}
# stdin not a tty (a pipe at EOF), stdout to a file.
check "stdin not a tty" 'standard input is not a terminal' timeout 5 "$demo" < /dev/null
# In tmux the program has a real tty; only TERM is wrong.
s="ui-refuse-$$"
trap '"$T" stop "$s"' EXIT
for case in "dumb:TERM=dumb cannot" "xterm-nonexistent-42:unknown terminal type" ":TERM is not set"; do
  term=${case%%:*} pattern=${case#*:}
  "$T" start "$s" 80x24 bash -c "TERM='$term' timeout 5 '$demo' 2> '$WORK/err'; echo \"rc=\$?\"; echo done"
  "$T" wait "$s" '^done' 10 || { echo "FAIL TERM=$term: no exit"; status=1; "$T" stop "$s"; continue; }
  if "$T" screen "$s" | grep -q '^rc=2$' && [ "$(wc -l < "$WORK/err")" -eq 1 ] && grep -q "$pattern" "$WORK/err"; then
    echo "ok TERM=$term: $(cat "$WORK/err")"
  else
    echo "FAIL TERM=$term: $("$T" screen "$s" | grep rc=) stderr=$(cat "$WORK/err")"; status=1
  fi
  "$T" stop "$s"
done
exit $status
