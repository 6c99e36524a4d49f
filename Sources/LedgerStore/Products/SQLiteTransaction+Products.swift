import GRDB
import LedgerCore

extension SQLiteTransaction {
    func update(_ p: Product) throws {
        productsBySKU.removeAll()
        pricesByProduct.removeAll()
        try db.execute(sql: """
            UPDATE product SET sku = ?, name = ?, category = ?, unit = ?, unit_price = ?, currency = ?, tax_rate_bp = ?,
              pinyin = ?, pinyin_initials = ?, archived = ? WHERE id = ?
            """, arguments: [p.sku, p.name, p.category, p.unit, p.unitPrice.minorUnits, p.unitPrice.currency.code,
                             p.taxRate.basisPoints, p.pinyin, p.pinyinInitials, p.isArchived, p.id])
    }

    func productIsUsed(id: Int64) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM document_line WHERE product_id = ?)",
                          arguments: [id]) ?? false
    }

    func deleteProduct(id: Int64) throws {
        productsBySKU.removeAll()
        pricesByProduct.removeAll()
        try db.execute(sql: "DELETE FROM product_price WHERE product_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM product WHERE id = ?", arguments: [id])
    }

    func save(_ price: ProductPrice) throws {
        pricesByProduct.removeAll()
        try db.execute(sql: """
            INSERT INTO product_price (product_id, valid_from, unit_price, currency) VALUES (?,?,?,?)
            ON CONFLICT(product_id, valid_from) DO UPDATE SET unit_price = excluded.unit_price,
              currency = excluded.currency
            """, arguments: [price.productID, price.validFrom.description, price.unitPrice.minorUnits,
                             price.unitPrice.currency.code])
    }

    func productPrices(productID: Int64) throws -> [ProductPrice] {
        if let cached = pricesByProduct[productID] { return cached }
        let prices = try ProductRows.prices(db, productID: productID)
        pricesByProduct[productID] = prices
        return prices
    }

    func creditedLines(invoiceID: Int64) throws -> [Int: CreditedLine] {
        try ProductRows.credited(db, invoiceID: invoiceID)
    }

    func setting(_ key: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key])
    }

    func setSetting(_ key: String, _ value: String?) throws {
        if let value {
            try db.execute(sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = "
                                + "excluded.value",
                           arguments: [key, value])
        } else {
            try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [key])
        }
    }

    func deleteDraft(id: Int64) throws {
        guard try String.fetchOne(db, sql: "SELECT status FROM document WHERE id = ?",
                                  arguments: [id]) == "draft" else {
            throw LedgerError.refused("only drafts can be deleted")
        }
        try db.execute(sql: "DELETE FROM document_line WHERE document_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM document WHERE id = ?", arguments: [id])
    }
}

/// SQL shared by the transaction and the read queries.
enum ProductRows {
    static func prices(_ db: Database, productID: Int64) throws -> [ProductPrice] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT rowid AS id, * FROM product_price WHERE product_id = ? ORDER BY valid_from
            """), arguments: [productID]).map { row in
            ProductPrice(productID: row[QueryColumns.productID],
                         validFrom: try RowMapping.date(row, QueryColumns.validFrom, "product_price"),
                         unitPrice: Money(minorUnits: row[Product.Columns.unitPrice],
                                          currency: try RowMapping.currency(row, "product_price")))
        }
    }

    static func credited(_ db: Database, invoiceID: Int64) throws -> [Int: CreditedLine] {
        var result: [Int: CreditedLine] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT l.credits_line_no AS line, SUM(l.quantity_milli) AS q, SUM(l.net_amount) AS net,
              SUM(l.tax_amount) AS tax
            FROM document_line l JOIN document d ON d.id = l.document_id
            WHERE d.applies_to_id = ? AND d.kind = 'credit_note' AND d.status = 'posted'
              AND l.credits_line_no IS NOT NULL
            GROUP BY l.credits_line_no
            """), arguments: [invoiceID]) {
            typealias C = QueryColumns
            result[row[C.line]] = CreditedLine(quantity: row[C.quantity], net: row[C.net], tax: row[C.tax])
        }
        return result
    }
}
