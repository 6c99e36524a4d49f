import LedgerCore

/// Keyset paging of the document browser (issue 10): `(d.date, d.id) < (after)` seeks the `document_date` index.
extension SQLiteLedgerStore: DocumentKeysetQueries {
    public func documents(_ search: DocumentSearch, after: InvoiceListRow?, limit: Int) throws -> [InvoiceListRow] {
        try documentRows(search, after: after, page: PageRequest(offset: 0, limit: limit))
    }

    public func documents(_ search: DocumentSearch, before: InvoiceListRow?, limit: Int) throws -> [InvoiceListRow] {
        try documentRows(search, after: before, page: PageRequest(offset: 0, limit: limit), fromEnd: true)
    }
}
