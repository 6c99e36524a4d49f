# Two processes post invoices at the same time: numbers are gapless and unique.
set -eu
SL="$BIN_DIR/salesledger --db $WORK/two.sqlite --today 2026-11-29"
$SL customer add --code C1 --name "北京星河科技有限公司" >/dev/null
poster() { for i in $(seq 1 25); do $SL invoice post --customer C1 --line "*item:1:10.00" >/dev/null || echo "fail $1 $i"; done; }
poster a > a.log & poster b > b.log & wait
[ ! -s a.log ] && [ ! -s b.log ] || { cat a.log b.log; exit 1; }
$SL invoice list --format csv --limit 1000 | tail -n +2 | cut -d, -f1 | sort > got.txt
for i in $(seq 1 50); do printf 'INV-2026-%06d\n' $i; done > want.txt
diff want.txt got.txt
