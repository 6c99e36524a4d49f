/// Keyset paging of the document browser (issue 10): the page after a row of the list, found by an index seek on
/// (date, id) instead of skipping `offset` rows, so scrolling stays as fast at the millionth row as at the first.
/// A store that does not offer it is paged by offset (`DocumentBrowserQueries.documents(_:page:)`).
public protocol DocumentKeysetQueries: AnyObject {
    /// Up to `limit` documents matching `search`, newest first (date, then id, both descending), that come after
    /// the row `after` in that order (from the first row when nil).
    func documents(_ search: DocumentSearch, after: InvoiceListRow?, limit: Int) throws -> [InvoiceListRow]
    /// Up to `limit` documents matching `search` that come just before the row `before` in the list's order (the
    /// last `limit` of the list when nil), returned in that order (newest first): End reads the real last page.
    func documents(_ search: DocumentSearch, before: InvoiceListRow?, limit: Int) throws -> [InvoiceListRow]
}
