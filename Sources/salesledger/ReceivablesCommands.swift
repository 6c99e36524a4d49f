import ArgumentParser
import LedgerCore
import LedgerReports

// MARK: - receipt allocate / receipt reverse

/// `receipt allocate NUMBER [--allocate auto|INV=AMOUNT,…]`: applies what is left of a receipt or credit note.
struct ReceiptAllocateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "allocate", abstract: "Allocate the unapplied part of a receipt or credit note (核销).",
        discussion: "--allocate auto (oldest due date first, default) or INV-2026-000001=100.00,INV-2026-000002=50")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Receipt or credit-note number, e.g. RCT-2026-000001.") var number: String
    @Option(help: "auto, or NUMBER=AMOUNT,…") var allocate = "auto"

    func run() throws {
        let (store, service) = try global.openLedger()
        var issues = IssueCollector()
        let currency = try store.receipt(number: number)?.amount.currency
            ?? store.invoiceDocument(number: number)?.currency ?? .cny
        let plan = AllocationSyntax.parse(allocate, currency: currency, issues: &issues)
        try issues.throwIfAny()
        let outcome = try service.run(AllocateCredit(number: number, plan: plan))
        print("allocated \(number): \(ReceiptAllocateCommand.describe(outcome.allocations.map(\.id))); unapplied "
              + "\(outcome.unapplied.groupedString)")
    }

    /// `nothing allocated`, `1 allocation (id 7)`, `2 allocations (ids 7, 8)` (was `0 allocation(s) (ids )`).
    static func describe(_ ids: [Int64]) -> String {
        switch ids.count {
        case 0: return "nothing allocated"
        case 1: return "1 allocation (id \(ids[0]))"
        default: return "\(ids.count) allocations (ids \(ids.map(String.init).joined(separator: ", ")))"
        }
    }
}

/// `receipt reverse ALLOCATION_ID --reason R`: 反核销.
struct ReceiptReverseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reverse", abstract: "Reverse an allocation (反核销); recorded as a reversal, never deleted.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Allocation id.") var allocation: Int64
    @Option(help: "Why (required).") var reason: String

    func run() throws {
        let (_, service) = try global.openLedger()
        let reversal = try service.run(ReverseAllocation(allocationID: allocation, reason: reason))
        print("reversed allocation \(allocation) by #\(reversal.id) on \(reversal.date): "
              + "\(reversal.amount.groupedString)")
    }
}

/// Parses `auto`, `none` or `NUMBER=AMOUNT,…`.
enum AllocationSyntax {
    static func parse(_ text: String, currency: Currency, issues: inout IssueCollector) -> AllocationPlan {
        switch text {
        case "auto": return .auto
        case "none": return .none
        default:
            var parts: [ManualAllocation] = []
            for (i, item) in text.split(separator: ",").enumerated() {
                let pair = item.split(separator: "=", maxSplits: 1).map(String.init)
                guard pair.count == 2 else { issues.add("allocate[\(i + 1)]",
                                                        "'\(item)' is not NUMBER=AMOUNT"); continue }
                do { parts.append(ManualAllocation(invoiceNumber: pair[0],
                                                   amount: try MoneyParser.parse(pair[1],
                                                                                 currency: currency))) } catch {
                    issues.add("allocate[\(i + 1)].amount", error.description)
                }
            }
            return .manual(parts)
        }
    }
}

// MARK: - credit-note add

struct CreditNoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "credit-note",
                                                    abstract: "Credit notes (红字冲销).", subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue a credit note against an invoice (--applies-to) or standalone (customer credit).",
            discussion: """
                Against an invoice, the credit note copies the invoice's lines (each keeps its product and tax rate): \
                no --line/--allowance/--amount reverses everything still uncredited; --line N:QTY returns QTY of the \
                invoice's line N; --allowance N:AMOUNT reduces line N's price by AMOUNT (net, before tax). \
                Standalone: --line SKU:QTY[:PRICE[:DISC%[:TAX%]]] or *DESCRIPTION:QTY:PRICE[:DISC%[:TAX%]] \
                (repeatable), or --amount for one free line at 0 % tax.
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "Customer code (optional with --applies-to).") var customer: String?
        @Option(help: "Date (default today).") var date: String?
        @Option(help: "Invoice number it applies to (omit for a standalone credit).") var appliesTo: String?
        @Option(parsing: .unconditional, help: "Amount of one free line (tax 0).") var amount: String?
        @Option(name: .customLong("line"), help: "A line; repeat for more.") var lines: [String] = []
        @Option(name: .customLong("allowance"), help: "N:AMOUNT price allowance on invoice line N; repeatable.")
        var allowances: [String] = []
        @Option(help: "Reason (required).") var reason: String

        func run() throws {
            let (store, service) = try global.openLedger()
            let today = service.clock.today()
            var issues = IssueCollector()
            let day = parseDate(date, "date", today, &issues) ?? today
            if let appliesTo, amount == nil {
                let invoice = try store.invoiceDocument(number: appliesTo)
                let currency = invoice?.currency ?? .cny
                var requests = CreditLineSyntax.quantities(lines, issues: &issues)
                requests += CreditLineSyntax.allowances(allowances, currency: currency, offset: requests.count,
                                                        issues: &issues)
                var command = IssueLineCreditNote(invoiceNumber: appliesTo, date: day, lines: requests, reason: reason)
                command.customerCode = customer
                try service.throwIfAny(issues, with: command)
                try report(service.run(command), currency: currency)
                return
            }
            // With --applies-to the customer may be left out: the command takes the invoice's.
            guard let customer = customer ?? (appliesTo == nil ? nil : "") else {
                throw UserError("--customer is required for a standalone credit note")
            }
            let invoice = try appliesTo.flatMap { try store.invoiceDocument(number: $0) }
            let currency = try invoice?.currency ?? store.customer(code: customer)?.currency ?? .cny
            var command: IssueCreditNote
            if let amount {
                var money = Money.zero(currency)
                do { money = try MoneyParser.parse(amount, currency: currency) } catch { issues.add("amount",
                                                                                                    error.description) }
                if money.minorUnits <= 0, issues.issues.isEmpty { issues.add("amount", "must be greater than 0") }
                command = IssueCreditNote(customerCode: customer, date: day, appliesToNumber: appliesTo, amount: money,
                                          reason: reason)
            } else {
                let parsed = lines.enumerated().compactMap { index, text in
                    LineSyntax.parse(text, currency: currency, path: "lines[\(index + 1)]", issues: &issues)
                }
                if lines.isEmpty { issues.add("amount", "give --amount or at least one --line") }
                command = IssueCreditNote(customerCode: customer, date: day, appliesToNumber: appliesTo, lines: parsed,
                                          reason: reason)
            }
            try service.throwIfAny(issues, with: command)
            try report(service.run(command), currency: currency)
        }

        func report(_ outcome: IssueCreditNote.Outcome, currency: Currency) throws {
            let note = outcome.creditNote
            let applied = Money.format(note.total.minorUnits - outcome.allocation.unapplied.minorUnits,
                                       digits: currency.minorDigits, grouping: true)
            print("issued \(note.displayNumber): \(note.total.groupedString) \(currency.code) (net "
                  + "\(note.subtotal.groupedString), tax \(note.taxTotal.groupedString)); applied \(applied); "
                    + "unapplied \(outcome.allocation.unapplied.groupedString)")
        }
    }
}

// MARK: - rate

struct RateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rate",
                                                    abstract: "Exchange rates to the base currency.",
                                                    subcommands: [Base.self, SetRate.self, List.self])

    struct Base: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set the base (reporting) currency.")
        @OptionGroup var global: GlobalOptions
        @Argument var currency: String
        func run() throws {
            let (_, service) = try global.openLedger()
            print("base currency: \(try service.run(SetBaseCurrency(currencyCode: currency)).code)")
        }
    }

    struct SetRate: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set",
                                                        abstract: "Set a rate: 1 CURRENCY = RATE base units on DATE.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Date (default today).") var date: String?
        @Option(help: "Currency code, e.g. USD.") var currency: String
        @Option(help: "Base units per one unit, up to 6 decimals, e.g. 7.1234.") var rate: String
        func run() throws {
            let (_, service) = try global.openLedger()
            var issues = IssueCollector()
            let today = service.clock.today()
            let day = parseDate(date, "date", today, &issues) ?? today
            var perMillion: Int64 = 0
            do { perMillion = try ExchangeRate.parsePerMillion(rate) } catch { issues.add("rate",
                                                                                          "rate '\(rate)' \(error)") }
            try issues.throwIfAny()
            let stored = try service.run(SetExchangeRate(date: day, currencyCode: currency, perMillion: perMillion))
            print("rate \(stored.currency.code) on \(stored.date): \(stored.text)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the rate table.")
        @OptionGroup var global: GlobalOptions
        @Option var format: OutputFormat = .table
        func run() throws {
            let (store, _) = try global.openExistingLedger()
            let table = try store.exchangeRates()
            printReport(listTable("rates", [("date", .date), ("currency", .text), ("rate", .number), ("base", .text)],
                                  table.rates.map { [.date($0.date), .text($0.currency.code), .text($0.text),
                                                     .text(table.base.code)] }),
                        format)
        }
    }
}
