import LedgerCore
import LedgerInterop

/// The vouching sample (抽凭, cn-finance §6.3): posted invoices and credit notes dated in the period, drawn with
/// SplitMix64 from `seed` (partial Fisher–Yates over the documents in id order), so printing the seed lets anyone
/// draw the same sample again. Lines are read to be checked against the paper documents.
public enum VouchingSample {
    /// The sampled document numbers (sorted) out of `population`.
    public static func draw(population: [String], size: Int, seed: UInt64) -> [String] {
        drawIndices(count: population.count, size: size, seed: seed).map { population[$0] }.sorted()
    }

    /// The positions the partial Fisher–Yates of `draw` picks out of `count` items, in draw order. Only the swapped
    /// positions are kept (issue 10: no copy of the population).
    static func drawIndices(count: Int, size: Int, seed: UInt64) -> [Int] {
        var swapped: [Int: Int] = [:]
        var rng = SplitMix64(seed: seed)
        let picks = min(max(0, size), count)
        for i in 0..<picks {
            let j = i + rng.next(below: count - i)
            let (atI, atJ) = (swapped[i] ?? i, swapped[j] ?? j)
            swapped[i] = atJ
            swapped[j] = atI
        }
        return (0..<picks).map { swapped[$0] ?? $0 }
    }

    /// The sample drawn from the period's posted documents (`ids`, by id), each read with its lines.
    static func items(ids: [Int64], p: AuditParameters,
                      queries: any LedgerQueries & AuditCheckQueries) throws
        -> (items: [VouchingItem], population: Int)
    {
        var items: [VouchingItem] = []
        var codes: [String: String] = [:]
        let sampledIDs = drawIndices(count: ids.count, size: p.sampleSize, seed: p.seed).map { ids[$0] }
        try queries.forEachAuditDocument(.ids(sampledIDs)) { codes[$0.displayNumber] = $0.customerCode }
        let sample = codes.keys.sorted()
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
        return (items, ids.count)
    }
}
