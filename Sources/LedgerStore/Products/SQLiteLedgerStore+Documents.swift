import GRDB
import LedgerCore

extension SQLiteLedgerStore {
    /// WHERE clause and arguments of a document search (`d` document, `c` customer).
    static func documentWhere(_ search: DocumentSearch) -> (String, StatementArguments) {
        var parts = ["1"]
        var args: [(any DatabaseValueConvertible)?] = []
        // Open as of the search's day (allocations dated after it do not count): the status a pinned `--today`
        // shows agrees with F5 and the aging report.
        let openSQL = "(\(OpenAsOf.invoiceOpen("d", asOf: OpenAsOf.literal(search.asOf))))"
        // Paid or credited (`InvoiceSettlement`): credit notes covering the whole total make it credited.
        let creditedSQL = "(\(OpenAsOf.creditedToInvoice("d.id", asOf: OpenAsOf.literal(search.asOf))))"
        if let text = search.text?.trimmingSpacesForSearch(), !text.isEmpty {
            let ranked = SearchRanking.sql(text, code: "c.code")
            let pattern = "%" + text.replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_",
                                                                                                     with: "\\_") + "%"
            parts.append("(COALESCE(d.display_number, '') LIKE ? ESCAPE '\\' OR d.external_ref LIKE ? ESCAPE '\\' OR "
                         + "\(ranked.clause))")
            args += [pattern, pattern]
            args += ranked.clauseArgs.map { $0 as (any DatabaseValueConvertible)? }
        }
        if let code = search.customerCode, !code.isEmpty { parts.append("c.code = ?"); args.append(code) }
        if let from = search.from { parts.append("d.date >= ?"); args.append(from.description) }
        if let to = search.to { parts.append("d.date <= ?"); args.append(to.description) }
        if let kind = search.kind { parts.append("d.kind = ?"); args.append(kind.rawValue) }
        if let code = search.salespersonCode, !code.isEmpty {
            parts.append("d.salesperson_id IN (SELECT id FROM salesperson WHERE code = ?)")
            args.append(code)
        }
        if let code = search.classCode, !code.isEmpty {
            parts.append("(c.customer_class = ? OR d.channel = ? OR d.region = ? OR d.region LIKE ? ESCAPE '\\')")
            args += [code, code, code, code.replacingOccurrences(of: "_", with: "\\_") + "-%"]
        }
        let asOf = search.asOf.description
        switch search.status {
        case .all: break
        case .draft, .posted, .void: parts.append("d.status = ?"); args.append(search.status.rawValue)
        case .disputed: parts.append("d.status = 'posted' AND d.disputed = 1")
        case .paid:
            parts.append("d.status = 'posted' AND d.kind = 'invoice' AND \(openSQL) = 0 AND \(creditedSQL) < d.total")
        case .credited:
            parts.append("d.status = 'posted' AND d.kind = 'invoice' AND d.total > 0 AND \(creditedSQL) >= d.total")
        case .open: parts.append("d.status = 'posted' AND d.kind = 'invoice' AND \(openSQL) > 0")
        case .overdue:
            parts.append("d.status = 'posted' AND d.kind = 'invoice' AND \(openSQL) > 0 AND d.due_date < ?")
            args.append(asOf)
        }
        return (parts.joined(separator: " AND "), StatementArguments(args))
    }

    public func documents(_ search: DocumentSearch, page: PageRequest) throws -> [InvoiceListRow] {
        try documentRows(search, after: nil, page: page)
    }

    /// `documents(_:page:)`, after the row `after` (keyset, see `DocumentKeysetQueries`) when given. `fromEnd`:
    /// the rows nearest the end of the list instead (before `after` when given), read backwards from the end by the
    /// same index and returned in list order.
    func documentRows(_ search: DocumentSearch, after: InvoiceListRow?, page: PageRequest,
                      fromEnd: Bool = false) throws -> [InvoiceListRow] {
        var (clause, args) = SQLiteLedgerStore.documentWhere(search)
        if let after {
            clause += fromEnd ? " AND (d.date, d.id) > (?, ?)" : " AND (d.date, d.id) < (?, ?)"
            args += [after.date.description, after.id]
        }
        let order = fromEnd ? "d.date ASC, d.id ASC" : "d.date DESC, d.id DESC"
        var arguments = args
        arguments += [page.limit, page.offset]
        let asOf = OpenAsOf.literal(search.asOf)
        let rows = try read { db in
            try Row.fetchAll(db, sql: """
                SELECT d.id, COALESCE(d.display_number, 'D' || d.id) AS number, d.kind, d.status, d.date, d.due_date,
                  d.currency, d.total, c.code, c.name,
                  CASE WHEN d.status <> 'posted' THEN 0 WHEN d.kind = 'invoice'
                    THEN \(OpenAsOf.invoiceOpen("d", asOf: asOf))
                    ELSE \(OpenAsOf.unapplied("credit_note", "d", asOf: asOf))
                  END AS open,
                  CASE WHEN d.status = 'posted' AND d.kind = 'invoice'
                    THEN \(OpenAsOf.creditedToInvoice("d.id", asOf: asOf)) ELSE 0 END AS credited
                FROM document d JOIN customer c ON c.id = d.customer_id
                WHERE \(clause)
                ORDER BY \(order)
                LIMIT ? OFFSET ?
                """, arguments: arguments).map(RowMapping.invoiceListRow)
        }
        return fromEnd ? rows.reversed() : rows
    }

    /// How many documents match `search`. For the open and overdue statuses only the invoices that can be open as
    /// of the search's day are read (`openCandidates`), not every document (1.4 s CPU at 1M invoices before s31).
    public func documentCount(_ search: DocumentSearch) throws -> Int {
        var (clause, args) = SQLiteLedgerStore.documentWhere(search)
        if let candidates = SQLiteLedgerStore.openCandidates(search) { clause += " AND " + candidates }
        return try documentCount(where: (clause, args))
    }

    /// For the open and overdue statuses, a condition on `d.id` the matching documents all meet: open now (the
    /// maintained open rows, by their partial index) or allocated after the search's day (`OpenAsOf.candidate`).
    /// It names no new document: the status condition stays. nil for the other statuses.
    static func openCandidates(_ search: DocumentSearch) -> String? {
        switch search.status {
        case .open, .overdue: return OpenAsOf.candidate("invoice", id: "d.id", asOf: OpenAsOf.literal(search.asOf))
        case .all, .draft, .posted, .void, .disputed, .paid, .credited: return nil
        }
    }

    public func documentDetail(id: Int64) throws -> DocumentDetail? {
        try documentDetail(id: id, asOf: nil)
    }

    public func documentDetail(id: Int64, asOf: CivilDate?) throws -> DocumentDetail? {
        let dated = asOf.map { " AND date <= '\($0.description)'" } ?? ""   // ISO digits and dashes only
        return try read { db in
            let tx = SQLiteTransaction(db: db)
            guard let document = try tx.invoice(id: id),
            let customer = try tx.customer(id: document.customerID) else { return nil }
            let salesperson = try document.salespersonID.flatMap { try tx.salesperson(id: $0)?.name } ?? ""
            let allocationSQL = document.kind == .invoice
                ? "SELECT * FROM allocation WHERE invoice_id = ?\(dated) ORDER BY date, id"
                : "SELECT * FROM allocation WHERE source = 'credit_note' AND source_id = ?\(dated) ORDER BY date, id"
            var allocations: [(allocation: Allocation, sourceNumber: String)] = []
            for row in try Row.fetchAll(db, sql: allocationSQL, arguments: [id]) {
                let allocation = try RowMapping.allocation(row)
                let number: String?
                if document.kind == .creditNote {
                    number = try String.fetchOne(db, sql: "SELECT display_number FROM document WHERE id = ?",
                                                 arguments: [allocation.invoiceID])
                } else {
                    switch allocation.source {
                    case .receipt:
                        number = try String.fetchOne(db, sql: "SELECT display_number FROM receipt WHERE id = ?",
                                                     arguments: [allocation.sourceID])
                    case .creditNote:
                        number = try String.fetchOne(db, sql: "SELECT display_number FROM document WHERE id = ?",
                                                     arguments: [allocation.sourceID])
                    case .writeOff:
                        number = "write-off"
                    }
                }
                allocations.append((allocation, number ?? ""))
            }
            let notesClause = "d.applies_to_id = ? AND d.kind = 'credit_note'"
                + (asOf.map { " AND d.date <= '\($0)'" } ?? "")
            let creditNotes = try SQLiteLedgerStore.invoiceRows(db,
                                                                whereClause: notesClause,
                                                                arguments: [id], page: .all)
            let contacts = try Row.fetchAll(db,
                                            sql: "SELECT * FROM contact_log WHERE customer_id = ? ORDER BY date DESC, "
                                                 + "id DESC",
                                            arguments: [customer.id]).map(ReceivablesRows.contact)
            let allocated = allocations.reduce(Int64(0)) { $0 + $1.allocation.amount.minorUnits }
            let open = document.status == .posted ? document.total.minorUnits - allocated : 0
            return DocumentDetail(document: document, customer: customer, salesperson: salesperson,
                                  allocations: allocations, creditNotes: creditNotes, contacts: contacts, open: open)
        }
    }
}
