import Foundation
import Testing
@testable import LedgerCore
import LedgerInterop
import LedgerStore

/// Issue 5's done-when on the IBM late-payment sample: aging at three dates and average days late per
/// customer match an independent computation straight from the CSV.
@Suite struct ReceivablesIBMTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/LedgerInterop/SampleData/ibm").standardized.path

    /// One CSV row, parsed here without the ledger's parsers.
    struct Row {
        var customer: String, invoiceDate: CivilDate, dueDate: CivilDate, settled: CivilDate, cents: Int64, daysLate: Int
    }

    static func csvRows() throws -> [Row] {
        let text = try String(contentsOfFile: directory + "/invoices.csv", encoding: .utf8)
        func dmy(_ s: String) throws -> CivilDate {
            let p = s.split(separator: "/").compactMap { Int($0) }
            guard p.count == 3, let date = CivilDate(year: p[2], month: p[1], day: p[0]) else { throw RecvTestError.badDate(s) }
            return date
        }
        func cents(_ s: String) throws -> Int64 {
            let parts = s.split(separator: ".", omittingEmptySubsequences: false)
            guard let whole = Int64(parts[0]) else { throw RecvTestError.badAmount(s) }
            var fraction = parts.count > 1 ? String(parts[1]) : ""
            while fraction.count < 2 { fraction += "0" }
            guard fraction.count == 2, let f = Int64(fraction) else { throw RecvTestError.badAmount(s) }
            return whole * 100 + f
        }
        return try recvCSVRows(text).map { r in
            Row(customer: r["customerID"] ?? "", invoiceDate: try dmy(r["InvoiceDate"] ?? ""), dueDate: try dmy(r["DueDate"] ?? ""),
                settled: try dmy(r["SettledDate"] ?? ""), cents: try cents(r["InvoiceAmount"] ?? ""),
                daysLate: Int(r["DaysLate"] ?? "") ?? -1)
        }
    }

    static func loadedLedger() throws -> RecvLedger {
        let ledger = try RecvLedger(today: "2014-01-31")
        _ = try ledger.service.runBatch { runner in try IBMLoader.load(into: runner, directory: directory) }
        return ledger
    }

    @Test func agingMatchesTheCSVAtThreeDates() throws {
        let rows = try Self.csvRows()
        #expect(rows.count == 2466)
        let ledger = try Self.loadedLedger()
        for text in ["2012-06-30", "2013-06-30", "2013-12-31"] {
            let asOf = try day(text)
            // Independent: open = invoiced on or before the date and settled after it; bucket by date − due date.
            var amounts = [Int64](repeating: 0, count: 5), counts = [Int](repeating: 0, count: 5)
            for row in rows where row.invoiceDate <= asOf && row.settled > asOf {
                let days = row.dueDate.days(to: asOf)
                let index = days <= 0 ? 0 : days <= 30 ? 1 : days <= 60 ? 2 : days <= 90 ? 3 : 4
                amounts[index] += row.cents
                counts[index] += 1
            }
            let report = try #require(try ledger.aging(asOf: text).first)
            #expect(report.currency == .usd)
            #expect(report.buckets.map(\.amount) == amounts, "amounts as of \(text)")
            #expect(report.buckets.map(\.count) == counts, "counts as of \(text)")
            #expect(report.unappliedCredits == 0)
            #expect(counts.reduce(0, +) > 0)
        }
    }

    @Test func averageDaysLatePerCustomerMatchesTheCSV() throws {
        let rows = try Self.csvRows()
        var expected: [String: (late: Int, toPay: Int, count: Int)] = [:]
        for row in rows {
            var e = expected[row.customer] ?? (0, 0, 0)
            e.late += row.daysLate
            e.toPay += row.invoiceDate.days(to: row.settled)
            e.count += 1
            expected[row.customer] = e
        }
        let ledger = try Self.loadedLedger()
        // The report's set-based query, checked against the CSV; the in-memory reference gives the same rows.
        let behaviour = try ledger.store.paymentBehaviour(asOf: nil, customerID: nil)
        #expect(behaviour == ReceivablesFigures.paymentBehaviour(snapshot: try ledger.snapshot()))
        #expect(behaviour.count == expected.count)
        #expect(behaviour.count == 100)
        for row in behaviour {
            let e = try #require(expected[row.customerCode])
            #expect(row.settledInvoices == e.count, "\(row.customerCode)")
            #expect(row.totalDaysLate == e.late, "\(row.customerCode)")
            #expect(row.totalDaysToPay == e.toPay, "\(row.customerCode)")
            // Average in tenths, rounded half up: same integer arithmetic from the CSV side.
            #expect(row.averageDaysLateTenths == Int64((e.late * 20 + e.count) / (2 * e.count)), "\(row.customerCode)")
        }
        // DSO for 2013: receivables at year end ÷ 2013 credit sales × 365.
        let snapshot = try ledger.snapshot()
        let from = try day("2013-01-01"), to = try day("2013-12-31")
        let open = rows.filter { $0.invoiceDate <= to && $0.settled > to }.reduce(Int64(0)) { $0 + $1.cents }
        let sales = rows.filter { $0.invoiceDate >= from && $0.invoiceDate <= to }.reduce(Int64(0)) { $0 + $1.cents }
        let dso = try #require(ReceivablesFigures.dso(from: from, to: to,
                                                      totals: try ledger.store.dsoTotals(from: from, to: to)).first)
        #expect([dso] == ReceivablesFigures.dso(from: from, to: to, snapshot: snapshot))
        #expect(dso.receivablesAtEnd == open)
        #expect(dso.creditSales == sales)
        #expect(dso.days == 365)
        #expect(dso.tenths == (open * 3650 * 2 + sales) / (2 * sales))
    }
}
