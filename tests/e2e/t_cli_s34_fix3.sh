# s34-fix3 (tryout defects 2, 3, 7, 8, 9, 11): one default period per report, the CLI's as the screens' (the year to
# today, nothing after today); one DSO window (the audit's is `report dso`'s); the dashboard's unapplied credits
# negative; refusals and the customer code in Chinese; a damaged file's integrity report summarised.
set -eu
fail() { echo "FAIL: $*"; exit 1; }
SL="$BIN_DIR/salesledger --db $WORK/d.sqlite --today 2026-11-29"
$SL sample generate --customers 10 --invoices 60 --seed 3 >/dev/null 2>&1
$SL customer add --code CFUT --name "Future Co" >/dev/null
$SL invoice post --customer CFUT --date 2026-12-20 --line "*later:1:999" --override-reason test >/dev/null
total() { grep '^TOTAL' | cut -d, -f7; }
a=$($SL report sales --by year --format csv --raw | total)
b=$($SL report sales --by year --from 2026-01-01 --to 2026-11-29 --format csv --raw | total)
[ -n "$a" ] && [ "$a" = "$b" ] || fail "report sales default period: $a vs the year to today $b"
$SL report sales --by month --format csv --raw | grep -q '^2026-12' && fail "report sales counts a sale after today"
a=$($SL report collections --format csv --raw)
b=$($SL report collections --from 2026-01-01 --to 2026-11-29 --format csv --raw)
[ "$a" = "$b" ] || fail "report collections default period"
a=$($SL report payment-days --format csv --raw)
b=$($SL report payment-days --as-of 2026-11-29 --format csv --raw)
[ "$a" = "$b" ] || fail "report payment-days default: settlements to today"
cust=$($SL customer list --format csv --raw | awk -F, 'NR == 2 { print $1 }')
$SL statement "$cust" | grep -q "2026-01-01 … 2026-11-29" || fail "statement default period: $($SL statement "$cust" | head -4)"
# One DSO window: the audit's figure for this period is report dso's (90 days ending the period's end).
dso=$($SL report dso --format csv --raw | awk -F, '$1 == "CNY" { print $NF }')
$SL audit check --format text > audit.txt 2>&1 || true
grep -q "this period 2026-09-01…2026-11-29 CNY: DSO $dso days" audit.txt \
  || fail "audit DSO differs from report dso $dso: $(grep -i 'dso' audit.txt | head -3)"
# The dashboard's unapplied credits have aging's sign.
$SL receipt add --customer "$cust" --amount 123.45 --allocate none >/dev/null
col=$($SL report dashboard --format csv --raw | head -1 | tr ',' '\n' | grep -n '^unapplied_credits$' | cut -d: -f1)
val=$($SL report dashboard --format csv --raw | awk -F, -v c="$col" '$1 == "CNY" { print $c }')
case "$val" in -*) ;; *) fail "dashboard unapplied_credits $val is not negative" ;; esac
# Chinese: the customer code is 客户编码; a refusal is Chinese whole.
if $SL --lang zh customer add --code "KH 9" --name x 2> err.txt; then fail "code with a space accepted"; fi
grep -q "客户编码" err.txt && ! grep -q "发票代码" err.txt || fail "customer code named as: $(cat err.txt)"
$SL user set boss --role admin --user boss >/dev/null
$SL user set clerk1 --role clerk --user boss >/dev/null
inv=$($SL invoice list --format csv --raw --user boss | awk -F, 'NR == 2 { print $1 }')
if $SL --lang zh --user clerk1 invoice void "$inv" --reason x 2> err.txt; then fail "a clerk voided"; fi
grep -q "无权操作：作废销售单需要经理或管理员角色（您是录单员）" err.txt || fail "refusal: $(cat err.txt)"
# CLI messages that were English under --lang zh (the same kind as the tryout's).
if $SL --user boss --lang zh invoice drafts delete D12 2> err.txt; then fail "draft deleted without --yes"; fi
grep -q "删除草稿 D12 需要加 --yes" err.txt || fail "draft message: $(cat err.txt)"
# A damaged file: audit verify says so in a few lines.
cp $WORK/d.sqlite $WORK/x.sqlite
sqlite3 $WORK/x.sqlite 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
size=$(sqlite3 $WORK/x.sqlite 'PRAGMA page_size')
for p in $(sqlite3 $WORK/x.sqlite "select pageno from dbstat where name in ('allocation', 'document_line') and pagetype = 'leaf'"); do
  printf '\377%.0s' $(seq 200) | dd of=$WORK/x.sqlite bs=1 seek=$(( (p - 1) * size + 8 )) conv=notrunc 2>/dev/null
done
if "$BIN_DIR/salesledger" --db $WORK/x.sqlite --user boss audit verify > out.txt 2> err.txt; then fail "damaged file verified"; fi
lines=$(wc -l < err.txt)
[ "$lines" -le 6 ] || fail "audit verify printed $lines lines: $(head -8 err.txt)"
echo ok
