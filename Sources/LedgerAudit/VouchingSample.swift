import LedgerCore
import LedgerInterop

/// The vouching sample (抽凭, cn-finance §6.3): posted invoices and credit notes dated in the period, drawn with
/// SplitMix64 from `seed` (partial Fisher–Yates over the documents in id order), so printing the seed lets anyone
/// draw the same sample again. Lines are read to be checked against the paper documents.
public enum VouchingSample {
    /// The sampled document numbers (sorted) out of `population`.
    public static func draw(population: [String], size: Int, seed: UInt64) -> [String] {
        var pool = population
        var rng = SplitMix64(seed: seed)
        let count = min(max(0, size), pool.count)
        for i in 0..<count {
            let j = i + rng.next(below: pool.count - i)
            pool.swapAt(i, j)
        }
        return Array(pool.prefix(count)).sorted()
    }

    /// The sample drawn from `population` (the period's posted documents' numbers, by id; `ids` their ids, in the
    /// same order), each read with its lines.
    static func items(population: [String], ids: [Int64], p: AuditParameters,
                      queries: any LedgerQueries & AuditCheckQueries) throws
        -> (items: [VouchingItem], population: Int)
    {
        var items: [VouchingItem] = []
        let sample = draw(population: population, size: p.sampleSize, seed: p.seed)
        var codes: [String: String] = [:]
        let sampledIDs = sample.compactMap { number in population.firstIndex(of: number).map { ids[$0] } }
        try queries.forEachAuditDocument(.ids(sampledIDs)) { codes[$0.displayNumber] = $0.customerCode }
        for number in sample {
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
                    number: number, date: invoice.date, customer: codes[number] ?? "#\(invoice.customerID)",
                    total: "\(invoice.total.plainString) \(invoice.currency.code)", lines: lines))
        }
        return (items, population.count)
    }
}
