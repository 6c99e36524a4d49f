import LedgerCore

/// The invoice register (单据列表): invoices and credit notes with their open balance today, paged in SQL.
/// `invoice list` prints it; the Documents screen lists the same rows.
extension Reports {
    /// One page of documents matching `search` and how many match in all, read in one snapshot.
    /// - Throws: `LedgerError.storage`.
    public func invoiceRegister(_ search: DocumentSearch, page: PageRequest) throws -> (rows: [InvoiceListRow],
                                                                                        count: Int) {
        try store.readSnapshot { (try store.documents(search, page: page), try store.documentCount(search)) }
    }

    /// One page of documents matching `search`, without the count (`invoice list` prints only the page): the rows
    /// of `invoiceRegister`, read newest first by the index on date until the page is full.
    /// - Throws: `LedgerError.storage`.
    public func invoiceRegisterPage(_ search: DocumentSearch, page: PageRequest) throws -> [InvoiceListRow] {
        try store.documents(search, page: page)
    }

    /// The rows of `invoiceRegisterPage(search, page:)`, in its order, handed to `body` one at a time and read
    /// `chunk` rows at a time: the first chunk at the page's offset, the next ones by keyset after the last row read
    /// (`DocumentKeysetQueries`, the list's own order: date, then id, descending), so a page of a million rows is
    /// never held (issue 10: `invoice list --status open --limit 1000000`, 290 MB at 1M). Call it inside
    /// `readSnapshot` for one consistent list. A store without keyset reads gives the page in one read.
    /// - Throws: `LedgerError.storage`, or what `body` throws.
    public func forEachInvoiceRegisterRow(_ search: DocumentSearch, page: PageRequest, chunk: Int = 10_000,
                                          _ body: (InvoiceListRow) throws -> Void) throws {
        guard let keyset = store as? any DocumentKeysetQueries, chunk > 0, page.limit > 0 else {
            for row in try store.documents(search, page: page) { try body(row) }
            return
        }
        var left = page.limit, asked = min(chunk, left)
        var rows = try store.documents(search, page: PageRequest(offset: page.offset, limit: asked))
        while true {
            for row in rows { try body(row) }
            left -= rows.count
            guard rows.count == asked, left > 0, let last = rows.last else { return }
            asked = min(chunk, left)
            rows = try keyset.documents(search, after: last, limit: asked)
        }
    }
}

/// Invoice-register rows as a table: number, kind, status, dates, customer, currency, total and open (money).
public enum InvoiceRegisterTable {
    public static func make(_ rows: [InvoiceListRow]) -> ReportTable {
        ReportTable(
            name: "invoices",
            columns: [ReportColumn("number", .text, en: "Number", zh: "单号"),
                      ReportColumn("kind", .text, en: "Kind", zh: "类型",
                                   termsZH: ["invoice": "销售单", "credit_note": "红字冲销单"]),
                      ReportColumn("status", .text, en: "Status", zh: "状态",
                                   termsZH: ["draft": "草稿", "posted": "已过账", "void": "已作废"]),
                      ReportColumn("date", .date, en: "Date", zh: "日期"),
                      ReportColumn("due_date", .date, en: "Due", zh: "到期日"),
                      ReportColumn("customer", .text, en: "Customer", zh: "客户"),
                      ReportColumn("name", .text, en: "Name", zh: "名称"),
                      ReportColumn("currency", .text, en: "Currency", zh: "币种"),
                      ReportColumn("total", .money, en: "Total", zh: "价税合计"),
                      ReportColumn("open", .money, en: "Open", zh: "未核销")],
            rows: rows.map(row))
    }

    /// One row's cells, in the columns of `make`.
    public static func row(_ r: InvoiceListRow) -> [ReportCell] {
        [.text(r.number), .text(r.kind.rawValue), .text(r.status.rawValue), .date(r.date), .date(r.dueDate),
         .text(r.customerCode), .text(r.customerName), .text(r.total.currency.code), .money(r.total),
         .amount(r.open, r.total.currency)]
    }
}
