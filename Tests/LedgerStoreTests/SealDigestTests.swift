import Foundation
import GRDB
import Testing
@testable import LedgerStore

/// Issue 10: the seals an audit entry writes are read set-based (`RecordSeal.pendingDigests`); `audit verify`
/// recomputes them one record at a time (`RecordSeal.digest`). Both must give the same digest for any content a
/// row can hold: NULLs, integers, reals, blobs, Chinese text, text with a NUL, ill-formed UTF-8, drafts (not
/// sealed), lines, and records that are gone.
@Suite struct SealDigestTests {
    @Test func setBasedDigestsEqualOneByOneDigests() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: """
                CREATE TABLE seal_pending (entity TEXT NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (entity, id))
                    WITHOUT ROWID;
                CREATE TABLE document (id INTEGER PRIMARY KEY, kind, series, number_year, number, display_number,
                    date, due_date, customer_id, currency, status, subtotal, tax_total, total, applies_to_id,
                    void_reason);
                CREATE TABLE document_line (document_id INTEGER NOT NULL, line_no INTEGER NOT NULL, product_id,
                    description, quantity_milli, unit_price, discount_bp, tax_rate_bp, net_amount, tax_amount,
                    PRIMARY KEY (document_id, line_no));
                CREATE TABLE receipt (id INTEGER PRIMARY KEY, series, number_year, number, display_number,
                    customer_id, date, amount, currency, method, reference, note);
                CREATE TABLE allocation (id INTEGER PRIMARY KEY, invoice_id, source, source_id, date, amount,
                    currency, reverses_id, note);
                INSERT INTO document VALUES
                    (1, 'invoice', 'INV', 2026, 1, 'INV-2026-000001', '2026-01-02', '2026-02-01', 7, 'CNY', 'posted',
                     1000, 130, 1130, NULL, ''),
                    (2, 'invoice', 'INV', 2026, 0, NULL, '2026-01-02', '2026-02-01', 7, 'CNY', 'draft', 1, 0, 1, NULL,
                     ''),
                    (4, 'credit_note', 'CN', 2026, 3, '红字-3', '2026-01-05', '2026-01-05', -9223372036854775808,
                     'CNY', 'void', 2.5, X'00FF10', -7, 1, CAST(X'41004243' AS TEXT)),
                    (5, 'invoice', 'INV', 2026, 5, CAST(X'E4B8AD80FF41' AS TEXT), '2026-01-06', '2026-01-06', 9,
                     'USD', 'posted', 0, 0, 0, NULL, CAST(X'C0AF' AS TEXT));
                INSERT INTO document_line VALUES
                    (1, 1, 3, '北京烤鸭 2kg', 2000, 500, 0, 1300, 1000, 130),
                    (1, 2, NULL, 'free line', 1000, 0, 0, 0, 0, 0),
                    (2, 1, 3, 'draft line', 1000, 1, 0, 0, 1, 0),
                    (4, 1, NULL, CAST(X'F09F9880' AS TEXT), 1, 1, 1, 1, 1, 1);
                INSERT INTO receipt VALUES (1, 'RCT', 2026, 1, 'RCT-2026-000001', 7, '2026-02-01', 1130, 'CNY',
                    'wechat_pay', '', NULL), (3, 'RCT', 2026, 3, 'RCT-2026-000003', 7, '2026-02-02', 1.25, 'CNY',
                    'cash', 'ref', '备注');
                INSERT INTO allocation VALUES (1, 1, 'receipt', 1, '2026-02-01', 1130, 'CNY', NULL, ''),
                    (2, 1, 'receipt', 1, '2026-02-01', -1130, 'CNY', 1, 'undo');
                INSERT INTO seal_pending VALUES ('allocation', 1), ('allocation', 2), ('allocation', 9),
                    ('document', 1), ('document', 2), ('document', 3), ('document', 4), ('document', 5),
                    ('receipt', 1), ('receipt', 2), ('receipt', 3);
                """)
            let keys = try Row.fetchAll(db, sql: "SELECT entity, id FROM seal_pending ORDER BY entity, id")
                .map(SealKey.init(row:))
            let batch = try RecordSeal.pendingDigests(keys, db: db)
            let single = try keys.map { try RecordSeal.digest(entity: $0.entity, id: $0.id, db: db) }
            #expect(batch.count == keys.count)
            for (index, key) in keys.enumerated() {
                #expect(batch[index] == single[index], "\(key.entity) \(key.id)")
            }
            // Gone records and the draft are not sealed; the others are.
            #expect(batch.map { $0 == nil } == [false, false, true, false, true, true, false, false, false, true,
                                                 false])
        }
    }

    @Test func wellFormedEndStopsAtNulAndRefusesIllFormedUTF8() {
        func end(_ bytes: [UInt8]) -> Int? { bytes.withUnsafeBufferPointer { SealDigestBuilder.wellFormedEnd($0) } }
        #expect(end(Array("abc".utf8)) == 3)
        #expect(end(Array("中文😀".utf8)) == 10)
        #expect(end([0x41, 0x00, 0x42]) == 1)
        #expect(end([0xC0, 0xAF]) == nil)            // overlong
        #expect(end([0xED, 0xA0, 0x80]) == nil)      // surrogate
        #expect(end([0xF4, 0x90, 0x80, 0x80]) == nil) // beyond U+10FFFF
        #expect(end([0xE4, 0xB8]) == nil)            // cut short
        #expect(end([0xE4, 0xB8, 0xAD]) == 3)
    }
}
