# s14-fix tryout: `report sales --by month|quarter|year` prints no Name column that only repeats the period (en,
# zh); CSV keeps every column (scripts read it by position); other dimensions keep their names.
set -eu
SL="$BIN_DIR/salesledger --db $WORK/p.sqlite --today 2026-11-29"
$SL sample generate --lang zh --customers 10 --invoices 60 --seed 3 >/dev/null
for by in month quarter year; do
  head=$($SL report sales --by $by | head -1)
  case "$head" in *Name*) echo "redundant Name column by $by: $head"; exit 1 ;; esac
  zh=$($SL --lang zh report sales --by $by | head -1)
  case "$zh" in *名称*) echo "redundant 名称 column by $by: $zh"; exit 1 ;; esac
  $SL report sales --by $by --format csv | head -1 | grep -q '^.*,label,currency,' || { echo "CSV lost its label column"; exit 1; }
done
# Figures unchanged: the printed total equals the CSV's.
csv=$($SL report sales --by month --format csv | awk -F, '$1=="TOTAL"{print $7}')
$SL report sales --by month | grep '^TOTAL' | grep -q "$(printf "%'.2f" "$csv" 2>/dev/null || echo "$csv")" \
  || $SL report sales --by month | grep '^TOTAL' | tr -d , | grep -q "$csv" || { echo "total differs"; exit 1; }
$SL report sales --by customer | head -1 | grep -q 'Name' || { echo "by customer lost its Name"; exit 1; }
echo ok
