# export vouchers (issue 15): every target re-read by python3 (its own parser): debits = credits per voucher,
# 1122 per customer = the ledger's movement (via `export journal`-independent CLI figures), revenue and VAT =
# `report sales`; u8-text has no quotes and 16 columns; nothing written when a check fails; customers export;
# a USD invoice needs a rate and is then written in CNY with its 原币 and 汇率.
set -eu
SL="$BIN_DIR/salesledger --db $WORK/v.sqlite --today 2026-11-29"
$SL sample generate --lang zh --customers 40 --invoices 400 --seed 5 >/dev/null
FROM=2026-01-01 TO=2026-11-29
sales=$($SL report sales --by year --from $FROM --to $TO --format csv --raw | grep '^TOTAL')
net=$(echo "$sales" | cut -d, -f5) tax=$(echo "$sales" | cut -d, -f6)
for target in kis-excel kingdee-std u8-text generic; do
  for group in document day; do
    $SL export vouchers --from $FROM --to $TO --target $target --group $group --output v-$target-$group.dat 2> log.txt
    grep -q "all balanced" log.txt
    python3 - "$target" v-$target-$group.dat "$net" "$tax" <<'PY'
import csv, io, sys
from collections import defaultdict
target, path, net, tax = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
raw = open(path, "rb").read()
if target in ("u8-text", "kingdee-std"):
    text = raw.decode("gb18030")
    assert not text.startswith("\ufeff")
else:
    assert raw.startswith(b"\xef\xbb\xbf"), "no BOM"
    text = raw[3:].decode("utf-8")
if target == "u8-text":
    assert '"' not in text
    rows = [l.split(",") for l in text.split("\r\n") if l]
    assert all(len(r) == 16 for r in rows), "u8 column count"
else:
    rows = list(csv.reader(io.StringIO(text, newline="")))
head = rows[0]
def col(*names):
    return next(i for i, h in enumerate(head) if h in names)
d, w, n = col("日期", "制单日期", "FDate", "date"), col("凭证字", "凭证类别字", "FGroup", "word"), col("凭证号", "FNum", "number")
a, dr, cr = col("科目代码", "科目编码", "FAcctID", "account"), col("借方金额", "借方", "FDebit", "debit"), col("贷方金额", "贷方", "FCredit", "credit")
cu = col("往来单位编码", "客户编码", "FObjID2", "customer_code")
cents = lambda s: round(float(s) * 100)
bal = defaultdict(int); rev = vat = 0; numbers = defaultdict(set)
for r in rows[1:]:
    key = (r[d][:7], r[w], r[n]); bal[key] += cents(r[dr]) - cents(r[cr]); numbers[(r[d][:7], r[w])].add(int(r[n]))
    acct = r[a].replace(".", "")
    if acct.startswith("6001"): rev += cents(r[cr]) - cents(r[dr])
    if acct == "22210101": vat += cents(r[cr]) - cents(r[dr])
    if acct == "1122": assert r[cu], "receivable line without customer"
assert all(v == 0 for v in bal.values()), "unbalanced voucher"
for k, s in numbers.items(): assert s == set(range(1, len(s) + 1)), f"gap in {k}"
assert rev == cents(net), (rev, net); assert vat == cents(tax), (vat, tax)
PY
  done
done
# .xlsx for 金蝶 KIS: a valid ZIP (CRCs checked), amounts as numbers, every voucher balanced, revenue = report sales.
$SL export vouchers --from $FROM --to $TO --target kis-excel --output v.xlsx 2>/dev/null
python3 - v.xlsx "$net" <<'PY'
import re, sys, zipfile
from collections import defaultdict
z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None
rows = re.findall(r'<row r="\d+">(.*?)</row>', z.read("xl/worksheets/sheet1.xml").decode())
def cells(r):
    return {ref: (re.search(r"<v>(.*?)</v>", b) or re.search(r"<t[^>]*>(.*?)</t>", b)).group(1)
            for ref, b in re.findall(r'<c r="([A-Z]+)\d+"[^>]*>(.*?)</c>', r)}
assert cells(rows[0])["H"] == "借方金额"
bal = defaultdict(int); rev = 0
for r in rows[1:]:
    c = cells(r); d, k = round(float(c["H"]) * 100), round(float(c["I"]) * 100)
    bal[(c["A"][:7], c["B"], c["C"])] += d - k
    if c["F"] == "6001": rev += k - d
assert all(v == 0 for v in bal.values()) and rev == round(float(sys.argv[2]) * 100), rev
PY
# A map that books revenue on the receivable (no customer on those lines): nothing written, the problem named.
printf '[accounts]\nrevenue = "1122"\n' > bad.toml
if $SL export vouchers --from $FROM --to $TO --map bad.toml --output never.csv 2> err.txt; then echo "accepted"; exit 1; fi
grep -q "nothing written" err.txt
grep -q "receivable line without a customer code" err.txt
[ ! -e never.csv ]
$SL export vouchers --from $FROM --to $TO --dry-run | grep -q "dry run: .* all balanced; nothing written"
$SL export customers --target u8 --output c.csv 2>/dev/null
python3 -c "import sys; t=open('c.csv','rb').read().decode('gb18030'); assert t.startswith('客户编码,客户名称'); assert t.count('\r\n') == 41"
# Foreign currency: no rate, nothing written; with rates, 本位币 amounts balance and 原币/汇率 are written.
$SL customer add --code USD1 --name "Union Trading" --currency USD >/dev/null
$SL invoice post --customer USD1 --date 2026-11-20 --line "*tea:1:113.09:0:0" --override-reason e2e >/dev/null
if $SL export vouchers --from 2026-11-20 --to 2026-11-20 --target kingdee-std --output fx.txt 2> err.txt; then
  echo "USD voucher without a rate accepted"; exit 1
fi
grep -q "no exchange rate of USD to CNY on or before 2026-11-20" err.txt
$SL rate base CNY >/dev/null
$SL rate set --currency USD --rate 7.123456 --date 2026-11-01 >/dev/null
$SL export vouchers --from 2026-11-20 --to 2026-11-20 --target kingdee-std --output fx.txt 2>/dev/null
python3 - fx.txt <<'PY'
import csv, io, sys
rows = list(csv.reader(io.StringIO(open(sys.argv[1], "rb").read().decode("gb18030"), newline="")))
h = rows[0]; usd = [r for r in rows[1:] if r[h.index("FCyID")] == "USD"]
assert usd and all(r[h.index("FExchRate")] == "7.123456" for r in usd), usd
assert sum(float(r[h.index("FFCyAmt")]) for r in usd if r[h.index("FDC")] == "D") == 113.09
assert [r[h.index("FDebit")] for r in usd if r[h.index("FDC")] == "D"] == ["805.59"], usd
PY
# A ledger kept in one foreign currency with no rates stored (Northwind: USD, no base currency set) exports its
# vouchers in that currency instead of stopping for a rate.
NW="$BIN_DIR/salesledger --db $WORK/nw.sqlite"
$NW sample load northwind >/dev/null
$NW export vouchers --from 1996-01-01 --to 1998-12-31 --target generic --output nw.csv > nw.out 2> nw.err \
  || { cat nw.err; echo "Northwind vouchers refused"; exit 1; }
grep -q "USD" nw.csv || { echo "Northwind vouchers are not in USD"; exit 1; }
echo ok
