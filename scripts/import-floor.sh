#!/usr/bin/env bash
# import-floor.sh CSV [BIN] — the pure-SQL floor of `import sales` (issue 10, s35-import): a fresh ledger (`salesledger
# init`), the bench CSV (`date,number,customer,amount,note`, as scripts/bench.sh writes it) staged in a temporary table
# by sqlite3's own `.import`, then one transaction that drops the triggers and secondary indexes of customer,
# document, document_line, open_item and customer_balance, fills them with one INSERT … SELECT each, and builds the
# indexes and triggers again. No checks, audit or derived tables: a lower bound for the schema, not an import.
# Prints CPU (user + sys), wall and peak RSS of the sqlite3 process; the ledger is left in $FLOOR_DIR (default a temp
# folder) for comparison with an imported one.
set -euo pipefail
csv=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
bin=${2:-.build/release/salesledger}
dir=${FLOOR_DIR:-$(mktemp -d)}
db=$dir/floor.sqlite
rm -f "$db" "$db"-wal "$db"-shm
SALESLEDGER_AUDIT_KEY_FILE=$dir/no-audit-key "$bin" --db "$db" init > /dev/null 2>&1
tables="'customer','document','document_line','open_item','customer_balance'"
kept="AND name <> 'customer_name'"   # the customers are joined by name
drops=$(sqlite3 "$db" "SELECT 'DROP ' || upper(type) || ' ' || name || ';' FROM sqlite_master
  WHERE tbl_name IN ($tables) AND type IN ('trigger', 'index') AND sql IS NOT NULL $kept")
indexes=$(sqlite3 "$db" "SELECT sql || ';' FROM sqlite_master
  WHERE tbl_name IN ($tables) AND type = 'index' AND sql IS NOT NULL $kept")
triggers=$(sqlite3 "$db" "SELECT sql || ';' FROM sqlite_master WHERE tbl_name IN ($tables) AND type = 'trigger'")
cat > "$dir/floor.sql" <<SQL
PRAGMA journal_mode = WAL; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;
.import --csv --schema temp $csv stage
BEGIN;
$drops
INSERT INTO customer (id, code, name, payment_terms, currency)
  SELECT n, printf('IMP-%04d', n), customer, 'NET30', 'CNY'
  FROM (SELECT customer, ROW_NUMBER() OVER (ORDER BY MIN(rowid)) AS n FROM temp.stage GROUP BY customer);
INSERT INTO document (id, kind, series, number_year, number, display_number, date, due_date, customer_id, currency,
                      payment_terms, status, subtotal, tax_total, total, external_ref, note)
  SELECT s.rowid, 'invoice', 'INV', 2026, s.rowid, printf('INV-2026-%06d', s.rowid), s.date, date(s.date, '+30 days'),
         c.id, 'CNY', 'NET30', 'posted', CAST(replace(s.amount, '.', '') AS INTEGER), 0,
         CAST(replace(s.amount, '.', '') AS INTEGER), s.number, s.note
  FROM temp.stage s JOIN customer c ON c.name = s.customer ORDER BY s.rowid;
INSERT INTO document_line (document_id, line_no, product_id, description, quantity_milli, unit_price, discount_bp,
                           tax_rate_bp, net_amount, tax_amount)
  SELECT id, 1, NULL, external_ref, 1000, total, 0, 0, total, 0 FROM document;
INSERT INTO open_item (kind, id, customer_id, currency, due_date, open_amount)
  SELECT kind, id, customer_id, currency, due_date, total FROM document;
INSERT INTO customer_balance (customer_id, currency, open_invoices, open_invoice_count, unapplied_credits,
                              earliest_open_due)
  SELECT customer_id, currency, SUM(open_amount), COUNT(*), 0, MIN(due_date) FROM open_item GROUP BY 1, 2;
$indexes
$triggers
COMMIT;
SQL
/usr/bin/time -v -o "$dir/time.txt" sqlite3 -bail "$db" < "$dir/floor.sql" > "$dir/out.txt" 2>&1 \
  || { echo "floor: sqlite3 failed: $(tail -3 "$dir/out.txt")" >&2; exit 1; }
awk -F': ' '/(User|System) time/ { s += $2 } /Elapsed/ { w = $2 } /Maximum resident/ { r = $2 / 1024 }
  END { printf "floor: CPU %.2f s, wall %s, peak RSS %.1f MB\n", s, w, r }' "$dir/time.txt"
echo "floor: $(sqlite3 "$db" 'SELECT COUNT(*) FROM document') documents in $db"
