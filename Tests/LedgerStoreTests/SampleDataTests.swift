import Foundation
import Testing
import LedgerCore
import LedgerInterop
import LedgerStore

/// The sample loaders against independent computations from the CSV files (plain parsing and integer
/// arithmetic written here, not the ledger's parsers).
@Suite(.serialized) struct SampleDataTests {
    /// Minimal independent CSV splitter for files without quoted newlines in the columns we read.
    static func rows(_ path: String) throws -> [[String]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).dropFirst().map { line in
            var cells: [String] = [], cell = "", quoted = false
            for ch in line {
                if ch == "\"" { quoted.toggle() } else if ch == "," && !quoted { cells.append(cell); cell = "" } else { cell.append(ch) }
            }
            cells.append(cell)
            return cells
        }
    }

    /// "14.0" → 1400, "9.8" → 980, "0.05" → 5 (hundredths).
    static func hundredths(_ s: String) -> Int64 {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        let whole = Int64(parts[0])!
        var frac = parts.count > 1 ? String(parts[1]) : ""
        while frac.count < 2 { frac += "0" }
        return whole * 100 + Int64(frac.prefix(2))!
    }

    @Test func northwindInvoicesLinesAndTotal() throws {
        let ledger = try TestLedger()
        let dir = sampleDataDirectory("northwind")
        let report = try ledger.service.runBatch { try NorthwindLoader.load(into: $0, directory: dir) }
        #expect(report.invoices == 830 && report.lines == 2155)
        let summary = try ledger.store.summary()
        #expect(summary.invoices == 830)
        #expect(summary.invoiceLines == 2155)
        // Independent: Σ round_half_up(price¢ × qty × (100 − disc%) / 100) over order_details.
        var expected: Int64 = 0
        for cells in try Self.rows(dir + "/order_details.csv") {
            let price = Self.hundredths(cells[2]), qty = Int64(cells[3])!, discount = Self.hundredths(cells[4])
            let scaled = price * qty * (100 - discount)          // in ¢ × 1/100
            expected += (scaled + 50) / 100
        }
        #expect(summary.salesByCurrency["USD"] == expected)
        #expect(expected == 126_579_329)   // the README's per-line-rounded total 1,265,793.29
        let byMonth = try ledger.store.salesReport(by: .month, from: nil, to: nil)
        #expect(byMonth.reduce(0) { $0 + $1.total } == expected)
        #expect(byMonth.first?.key == "1996-07")
    }

    @Test func ibmAgingMatchesTheCSV() throws {
        let ledger = try TestLedger()
        let dir = sampleDataDirectory("ibm")
        let report = try ledger.service.runBatch { try IBMLoader.load(into: $0, directory: dir) }
        #expect(report.invoices == 2466 && report.receipts == 2466)
        #expect(try ledger.store.summary().salesByCurrency["USD"] == 14_770_318)
        func dmy(_ s: String) -> CivilDate {
            let p = s.split(separator: "/").map { Int($0)! }
            return CivilDate(year: p[2], month: p[1], day: p[0])!
        }
        let csv = try Self.rows(dir + "/invoices.csv")
        for asOf in ["2012-06-30", "2013-06-30", "2013-12-31"].map(date) {
            var amounts = [Int64](repeating: 0, count: 5), counts = [Int](repeating: 0, count: 5)
            for c in csv where dmy(c[4]) <= asOf && dmy(c[8]) > asOf {
                let days = asOf.daysSinceEpoch - dmy(c[5]).daysSinceEpoch
                let bucket = days <= 0 ? 0 : days <= 30 ? 1 : days <= 60 ? 2 : days <= 90 ? 3 : 4
                amounts[bucket] += Self.hundredths(c[6])
                counts[bucket] += 1
            }
            let aging = try #require(Aging.reports(items: try ledger.store.openItems(asOf: asOf),
                                                   credits: try ledger.store.unappliedCredits(asOf: asOf), asOf: asOf).first)
            #expect(aging.buckets.map(\.amount) == amounts, "\(asOf)")
            #expect(aging.buckets.map(\.count) == counts, "\(asOf)")
            #expect(aging.unappliedCredits == 0)
        }
    }

    @Test func generatorIsDeterministicAndRealistic() throws {
        let cities = try SampleGenerator.loadCities(directory: sampleDataDirectory("cn-regions"))
        #expect(cities.count > 300)
        #expect(cities.contains { $0.code == "CN-33-01" && $0.city == "杭州市" })
        func generate(seed: UInt64) throws -> (LedgerSummary, [String]) {
            let ledger = try TestLedger(today: "2026-11-29")
            let gen = SampleGenerator(language: .zh, customers: 30, invoices: 200, seed: seed, today: date("2026-11-29"), cities: cities)
            _ = try ledger.service.runBatch { try gen.load(into: $0) }
            let names = try ledger.store.customers(search: nil, asOf: date("2026-11-29"), page: PageRequest()).map(\.name)
            return (try ledger.store.summary(), names)
        }
        let (a, namesA) = try generate(seed: 7)
        let (b, namesB) = try generate(seed: 7)
        let (c, _) = try generate(seed: 8)
        #expect(a == b && namesA == namesB)
        #expect(a.salesByCurrency != c.salesByCurrency)
        #expect(a.customers == 30 && a.invoices == 200 && a.receipts > 100)
        #expect(namesA.allSatisfy { $0.hasSuffix("有限公司") })
        #expect(a.lastDate! <= date("2026-11-29"))
    }

    /// The generated sample's credit notes are price allowances on the invoice's own lines: each line keeps the
    /// invoice line's tax rate, so output VAT is reversed (the tryout found one free line at 0 % before).
    @Test func generatedCreditNotesReverseVATAtEachLinesRate() throws {
        let cities = try SampleGenerator.loadCities(directory: sampleDataDirectory("cn-regions"))
        let ledger = try TestLedger(today: "2026-11-29")
        let gen = SampleGenerator(language: .zh, customers: 30, invoices: 600, seed: 3, today: date("2026-11-29"),
                                  cities: cities)
        let report = try ledger.service.runBatch { try gen.load(into: $0) }
        var notes: [Invoice] = []
        for year in [2025, 2026] {
            var n = 1
            while let note = try ledger.store.invoiceDocument(number: "CN-\(year)-\(String(format: "%06d", n))") {
                notes.append(note)
                n += 1
            }
        }
        #expect(notes.count == report.creditNotes && notes.count > 3)
        for note in notes {
            let invoice = try #require(try ledger.store.documentDetail(id: note.appliesToInvoiceID ?? 0)).document
            #expect(note.taxTotal.minorUnits > 0 && note.note == "质量折让")
            for line in note.lines {
                let original = invoice.lines[try #require(line.creditsLine) - 1]
                #expect(line.taxRate == original.taxRate)
                // 10 % of the line's net, and its tax at the line's rate, half up (independent arithmetic).
                #expect(line.netAmount.minorUnits == original.netAmount.minorUnits / 10)
                let rate = Int64(original.taxRate.basisPoints)
                #expect(line.taxAmount.minorUnits == (line.netAmount.minorUnits * rate + 5_000) / 10_000)
            }
        }
    }
}
