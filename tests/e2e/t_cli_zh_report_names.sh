# Session 13 tryout: Chinese CLI reports name regions and channels in Chinese (not their codes), aging by
# salesperson puts the salesperson's code in the code column, and aging by invoice date says so in both languages.
set -eu
SL="$BIN_DIR/salesledger --db $WORK/n.sqlite --today 2026-11-29"
$SL sample generate --lang zh --customers 20 --invoices 120 --seed 2 >/dev/null
# A region row's name is a city (no CN- code left in the name column); a channel row's name is Chinese.
$SL --lang zh report sales --by region | awk 'NR > 2 && $1 ~ /^CN-/ { if ($2 ~ /^CN-/) { print "code as name: " $0; exit 1 } }'
$SL --lang zh report sales --by channel | grep -Eq '^DIRECT +直销 '
$SL --lang zh report aging --by channel | grep -Eq '^(DIRECT|DEALER|RETAIL|ONLINE) +(直销|经销商|零售|线上) '
# Aging by salesperson: the code column holds S…, the name column the name.
$SL --lang zh report aging --by salesperson | awk 'NR > 2 && NF > 3 && $1 != "合计" && $1 !~ /^-/ { if ($1 !~ /^S[0-9]+$/) { print "not a code: " $0; exit 1 } }'
# By invoice date: days since the invoice, not "overdue".
$SL --lang zh report aging --basis invoice | head -1 | grep -q '按单据日期；账龄天数 = 截止日 − 单据日期'
if $SL --lang zh report aging --basis invoice | grep -q '逾期[0-9]'; then echo "invoice-date aging says 逾期"; exit 1; fi
$SL report aging --basis invoice | head -1 | grep -q 'by invoice date; days = as-of − invoice date'
$SL --lang zh report aging | head -1 | grep -q '逾期天数 = 截止日 − 到期日'
