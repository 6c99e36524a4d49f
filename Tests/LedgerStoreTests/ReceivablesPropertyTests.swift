import Testing
@testable import LedgerCore
import LedgerStore

/// Seeded random documents: the balance identities hold after every step and as of any date.
@Suite struct ReceivablesPropertyTests {
    /// A small deterministic generator (SplitMix64).
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test(arguments: [UInt64(1), 7, 42])
    func balanceIdentitiesHoldOverRandomDocuments(seed: UInt64) throws {
        var rng = SeededGenerator(state: seed)
        let ledger = try RecvLedger(today: "2025-12-31")
        let codes = ["P1", "P2", "P3"]
        for code in codes { try ledger.customer(code) }
        let start = try day("2025-01-01")
        var invoices: [String: [String]] = [:]
        var allocationIDs: [Int64] = []
        for step in 0..<120 {
            let code = codes[Int.random(in: 0..<codes.count, using: &rng)]
            let date = start.adding(days: step * 2 + Int.random(in: 0...3, using: &rng))
            let amount = Money(minorUnits: Int64.random(in: 1...50_000, using: &rng), currency: .cny)
            let mine = invoices[code] ?? []
            switch Int.random(in: 0..<10, using: &rng) {
            case 0...3:
                var post = PostInvoice(customerCode: code, date: date,
                                       lines: [LineInput(description: "x", quantity: Quantity(1), unitPrice: amount)])
                post.creditOverrideReason = "test"
                invoices[code, default: []].append(try ledger.service.run(post).displayNumber)
            case 4, 5:
                let outcome = try ledger.service.run(RecordReceipt(customerCode: code, date: date, amount: amount,
                                                                   allocation: Bool.random(using: &rng) ? .auto : .none))
                allocationIDs += outcome.allocation.allocations.map(\.id)
            case 6 where !mine.isEmpty:
                let target = mine[Int.random(in: 0..<mine.count, using: &rng)]
                let open = try ledger.open(target)
                guard open > 0 else { continue }
                let part = Money(minorUnits: Int64.random(in: 1...open, using: &rng), currency: .cny)
                let outcome = try ledger.service.run(RecordReceipt(customerCode: code, date: date, amount: amount.minorUnits >= part.minorUnits ? amount : part,
                                                                   allocation: .manual([ManualAllocation(invoiceNumber: target, amount: part)])))
                allocationIDs += outcome.allocation.allocations.map(\.id)
            case 7:
                let target = mine.isEmpty || Bool.random(using: &rng) ? nil : mine[Int.random(in: 0..<mine.count, using: &rng)]
                try ledger.service.run(IssueCreditNote(customerCode: code, date: date, appliesToNumber: target,
                                                       amount: amount, reason: "credit"))
            case 8 where !allocationIDs.isEmpty:
                let id = allocationIDs.remove(at: Int.random(in: 0..<allocationIDs.count, using: &rng))
                try ledger.setToday(date.description)
                try ledger.service.run(ReverseAllocation(allocationID: id, reason: "undo"))
                try ledger.setToday("2025-12-31")
            case 9 where !mine.isEmpty:
                let target = mine[Int.random(in: 0..<mine.count, using: &rng)]
                if try ledger.open(target) > 0 {
                    try ledger.service.run(WriteOffInvoice(number: target, reason: "bad debt", date: date))
                }
            default:
                continue
            }
        }
        let snapshot = try ledger.snapshot()
        let end = try day("2025-12-31")
        // Per invoice: open = total − allocations (− credit notes, which are allocations), never negative.
        for doc in snapshot.documents where doc.kind == .invoice {
            let open = snapshot.openBalance(of: doc)
            #expect(open >= 0)
            #expect(open <= doc.total)
            #expect(try ledger.open(doc.number) == open)
        }
        // Per customer: balance = open invoices − unapplied credit, the same in the store and the snapshot.
        for customer in snapshot.customers {
            let open = snapshot.openInvoices(asOf: end, customerID: customer.id).reduce(Int64(0)) { $0 + $1.open }
            let credit = snapshot.unappliedCredit(customerID: customer.id, currency: .cny, asOf: end)
            let balance = snapshot.customerBalance(customerID: customer.id, currency: .cny, asOf: end)
            #expect(balance == open - credit)
            #expect(try ledger.balance(customer.code) == balance)
        }
        // As of any date: aging's net receivable = sum of customer balances as of that date.
        for offset in stride(from: 0, through: 300, by: 37) {
            let asOf = start.adding(days: offset)
            let report = try ledger.aging(asOf: asOf.description).first
            let sum = snapshot.customers.reduce(Int64(0)) { $0 + snapshot.customerBalance(customerID: $1.id, currency: .cny, asOf: asOf) }
            #expect((report?.netReceivable ?? 0) == sum, "as of \(asOf)")
            #expect((report?.openTotal ?? 0) == snapshot.openInvoices(asOf: asOf).reduce(Int64(0)) { $0 + $1.open })
            // Statement closing balance = customer balance as of its end.
            for customer in snapshot.customers {
                let statement = CustomerStatement.make(customer: customer, from: start, to: asOf, snapshot: snapshot)
                #expect(statement.closingBalance == snapshot.customerBalance(customerID: customer.id, currency: .cny, asOf: asOf))
            }
        }
    }
}
