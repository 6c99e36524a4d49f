import LedgerCore

/// The in-memory forms of the whole-ledger receivables figures, kept here only as test references (issue 10):
/// the reports compute them set-based in SQL (`ReceivablesAggregateQueries`), and the tests compare the two on
/// generated and random ledgers. These were `ReceivablesFigures`' own implementations before.
extension ReceivablesFigures {
    /// DSO over all currencies converted to the base currency: receivables at the rate on `to`, each document at
    /// the rate on its date (`ConvertedDSO`). Nil when a needed rate is missing.
    static func convertedDSO(from: CivilDate, to: CivilDate, snapshot: ReceivablesSnapshot,
                             rates: ExchangeRateTable) -> DSOFigure? {
        var converted = ConvertedDSO(rates: rates)
        for (invoice, open) in snapshot.openInvoices(asOf: to) {
            converted.add(DSOEntry(currency: invoice.currency, date: to, amount: open, isReceivable: true))
        }
        for doc in snapshot.documents where doc.date >= from && doc.date <= to {
            converted.add(DSOEntry(currency: doc.currency, date: doc.date,
                                   amount: doc.kind == .invoice ? doc.total : -doc.total, isReceivable: false))
        }
        return converted.figure(from: from, to: to)
    }

    /// Payment behaviour per customer (invoices settled by receipts as of `asOf`), by customer code.
    static func paymentBehaviour(snapshot: ReceivablesSnapshot, asOf: CivilDate? = nil) -> [PaymentBehaviour] {
        var rows: [Int64: PaymentBehaviour] = [:]
        for invoice in snapshot.documents where invoice.kind == .invoice {
            guard let settled = snapshot.settlement(of: invoice, asOf: asOf), settled.source == .receipt else { continue }
            let customer = snapshot.customer(id: invoice.customerID)
            var row = rows[invoice.customerID] ?? PaymentBehaviour(
                customerID: invoice.customerID, customerCode: customer?.code ?? "", customerName: customer?.name ?? "",
                settledInvoices: 0, totalDaysToPay: 0, totalDaysLate: 0, lateInvoices: 0)
            let late = max(0, invoice.dueDate.days(to: settled.date))
            row.settledInvoices += 1
            row.totalDaysToPay += invoice.date.days(to: settled.date)
            row.totalDaysLate += late
            if late > 0 { row.lateInvoices += 1 }
            rows[invoice.customerID] = row
        }
        return rows.values.sorted { $0.customerCode < $1.customerCode }
    }

    /// Collected vs due per month for the months from `from`'s to `to`'s, per currency, in month order.
    static func collections(from: CivilDate, to: CivilDate, snapshot: ReceivablesSnapshot) -> [CollectionMonth] {
        let first = from.startOfMonth, last = to.endOfMonth
        var rows: [String: CollectionMonth] = [:]
        func add(_ date: CivilDate, _ currency: Currency, _ body: (inout CollectionMonth) -> Void) {
            guard date >= first, date <= last else { return }
            let key = "\(date.monthKey) \(currency.code)"
            var row = rows[key] ?? CollectionMonth(month: date.monthKey, currency: currency, due: 0, collected: 0, settledOfDue: 0)
            body(&row)
            rows[key] = row
        }
        for doc in snapshot.documents where doc.kind == .invoice {
            add(doc.dueDate, doc.currency) { $0.due += doc.total }
            for allocation in snapshot.allocationsByInvoice[doc.id] ?? []
                where allocation.source != .writeOff && allocation.date <= doc.dueDate.endOfMonth {
                add(doc.dueDate, doc.currency) { $0.settledOfDue += allocation.amount.minorUnits }
            }
        }
        for receipt in snapshot.receipts { add(receipt.date, receipt.amount.currency) { $0.collected += receipt.amount.minorUnits } }
        return rows.values.sorted { ($0.month, $0.currency.code) < ($1.month, $1.currency.code) }
    }
    /// Write-offs (and their reversals) dated in `from...to`, by date then invoice number.
    static func writeOffs(from: CivilDate, to: CivilDate, snapshot: ReceivablesSnapshot) -> [WriteOffRow] {
        var documents: [Int64: ReceivableDocument] = [:]
        for doc in snapshot.documents { documents[doc.id] = doc }
        return snapshot.allocations.filter { $0.source == .writeOff && $0.date >= from && $0.date <= to }
            .compactMap { allocation -> WriteOffRow? in
                guard let invoice = documents[allocation.invoiceID] else { return nil }
                let customer = snapshot.customer(id: invoice.customerID)
                return WriteOffRow(date: allocation.date, invoiceNumber: invoice.number, customerCode: customer?.code ?? "",
                                   customerName: customer?.name ?? "", currency: allocation.amount.currency,
                                   amount: allocation.amount.minorUnits, reason: allocation.note)
            }
            .sorted { ($0.date, $0.invoiceNumber) < ($1.date, $1.invoiceNumber) }
    }

}
