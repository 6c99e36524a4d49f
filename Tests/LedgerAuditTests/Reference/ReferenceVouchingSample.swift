import Foundation
@testable import LedgerAudit
import LedgerCore
import LedgerInterop

// The periodic audit as it was before s14-audit (the whole ledger in `AuditData`), kept as the reference the
// streaming checks are compared with (AuditChecksComparisonTests). Copied unchanged, nested in `AuditReference`.
extension AuditReference {
    /// The vouching sample (抽凭, cn-finance §6.3): posted invoices and credit notes dated in the period, drawn with
    /// SplitMix64 from `seed` (partial Fisher–Yates over the documents in id order), so printing the seed lets anyone
    /// draw the same sample again. Lines are read to be checked against the paper documents.
    enum VouchingSample {
        /// The sampled document numbers (sorted) out of `population`.
        static func draw(population: [String], size: Int, seed: UInt64) -> [String] {
            var pool = population
            var rng = SplitMix64(seed: seed)
            let count = min(max(0, size), pool.count)
            for i in 0..<count {
                let j = i + rng.next(below: pool.count - i)
                pool.swapAt(i, j)
            }
            return Array(pool.prefix(count)).sorted()
        }

        static func items(_ data: AuditData, p: AuditParameters, queries: any LedgerQueries) throws -> (
            items: [VouchingItem], population: Int
        ) {
            let population = data.postedDocuments.filter { $0.date >= p.from && $0.date <= p.to }.map(\.displayNumber)
            var items: [VouchingItem] = []
            for number in draw(population: population, size: p.sampleSize, seed: p.seed) {
                guard let invoice = try queries.invoiceDocument(number: number) else { continue }
                let lines = invoice.lines.map { line in
                    let discount = line.discount.basisPoints == 0 ? "" : " − \(line.discount)"
                    return
                        "\(line.description): \(line.quantity) × \(line.unitPrice.plainString)\(discount) = "
                            + "\(line.netAmount.plainString)"
                        + (line.taxAmount.minorUnits == 0 ? "" : " + \(line.taxAmount.plainString) (\(line.taxRate))")
                }
                items.append(
                    VouchingItem(
                        number: number, date: invoice.date, customer: data.customerCode(invoice.customerID),
                        total: "\(invoice.total.plainString) \(invoice.currency.code)", lines: lines))
            }
            return (items, population.count)
        }
    }
}
