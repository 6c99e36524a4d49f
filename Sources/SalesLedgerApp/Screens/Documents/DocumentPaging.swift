import LedgerCore
import LedgerReports
import TerminalUI

/// The documents list paged in SQL (issue 10): the first page is read without counting every match (no
/// `COUNT(*)` per refresh); the heading shows the loaded rows with `+` while more remain (`count` is then a lower
/// bound), the exact number once the last page is in. Further pages are fetched by keyset
/// (`DocumentKeysetQueries`: after the last loaded row's date and id) when the selection comes within two screens
/// of the loaded end, so page-down never skips rows in SQL and never reloads.
/// Rows are formatted only when shown (`DocumentRowsSource`), so one ↓ formats one screen, not the whole list.
extension DocumentsScreen {
    /// Rows fetched per query.
    static let pageSize = 200

    /// The first page of the list and the number known so far: the rows read, plus one while a full page
    /// suggests more (the heading then shows `N+`, see `countIsExact`).
    func firstPage(context: AppContext) -> (rows: [InvoiceListRow], count: Int)? {
        guard let rows = context.read({ try context.store.documents(search(context: context),
                                                                     page: PageRequest(limit: Self.pageSize)) })
        else { return nil }
        return (rows, rows.count < Self.pageSize ? rows.count : rows.count + 1)
    }

    /// Whether `count` is the number of matching documents (else more rows than loaded may match).
    var countIsExact: Bool { count == rows.count && !hasRowsBefore }

    /// End: the real last page of the list, read backwards from its end by keyset (not the next 200 rows), with
    /// the last row selected; the rows before it are read as the selection moves up (`loadEarlierIfNeeded`).
    /// Home from there reads the first page again. Returns false when the store cannot read from the end.
    mutating func jumpToEnd(context: AppContext) -> Bool {
        guard let keyset = context.store as? any DocumentKeysetQueries else { return false }
        guard let last = context.read({ try keyset.documents(search(context: context), before: nil,
                                                             limit: Self.pageSize) }) else { return true }
        rows = last
        count = rows.count
        hasRowsBefore = rows.count == Self.pageSize
        table.selectedRow = max(0, rows.count - 1)
        table.topRow = max(0, rows.count - 1)
        return true
    }

    /// Prepends the page before the loaded rows when the selection is within `margin` rows of their start.
    mutating func loadEarlierIfNeeded(context: AppContext, margin: Int = 60) {
        guard hasRowsBefore, table.selectedRow < margin, let first = rows.first,
              let keyset = context.store as? any DocumentKeysetQueries else { return }
        let search = search(context: context)
        guard let page = context.read({ try keyset.documents(search, before: first, limit: Self.pageSize) })
        else { return }
        rows = page + rows
        count += page.count
        table.selectedRow += page.count
        table.topRow += page.count
        hasRowsBefore = page.count == Self.pageSize
    }

    /// Appends the next page when the selection is within `margin` rows of the loaded end and more rows exist.
    mutating func loadMoreIfNeeded(context: AppContext, margin: Int = 60) {
        guard rows.count < count, table.selectedRow + margin >= rows.count, let last = rows.last else { return }
        let search = search(context: context)
        let next: [InvoiceListRow]?
        if let keyset = context.store as? any DocumentKeysetQueries {
            next = context.read { try keyset.documents(search, after: last, limit: Self.pageSize) }
        } else {
            next = context.read { try context.store.documents(search, page: PageRequest(offset: rows.count,
                                                                                         limit: Self.pageSize)) }
        }
        if let next, !next.isEmpty { rows += next }
        count = next.map { $0.count < Self.pageSize } ?? true ? rows.count : rows.count + 1
    }
}

/// The documents list's cells, formatted per visible range (not all loaded rows on every frame). Credit notes'
/// total and open (unapplied) amounts show negative (`AppContext.documentMoney`).
struct DocumentRowsSource: TableDataSource {
    let rows: [InvoiceListRow]
    let context: AppContext
    let narrow: Bool

    var rowCount: Int { rows.count }

    func rows(in range: Range<Int>) -> [[String]] {
        let s = context.strings, today = context.today
        return rows[range.clamped(to: 0..<rows.count)].map { r -> [String] in
            // A credit note's figures are negative (tryout s30), as in the customer view: a column adds up right.
            let total = context.documentMoney(r.kind, r.total.minorUnits, r.total.currency)
            let open = context.documentMoney(r.kind, r.open, r.total.currency)
            let head = [r.number, DocumentsScreen.rowStatus(r, today: today, s), r.date.description]
            let customer = "\(r.customerCode) \(r.customerName)"
            return narrow ? head + [r.customerName.isEmpty ? r.customerCode : r.customerName, open, total]
                          : head + [r.kind == .invoice ? r.dueDate.description : "", customer, open, total]
        }
    }
}
