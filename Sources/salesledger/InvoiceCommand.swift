import ArgumentParser
import LedgerCore
import LedgerReports
import SalesLedgerApp

struct InvoiceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "invoice",
                                                    abstract: "List, post, show and void invoices.",
                                                    subcommands: [List.self, Post.self, Show.self, Void.self,
                                                                  WriteOff.self, Dispute.self,
                                                                  InvoiceDraftsCommand.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List invoices and credit notes (paged).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Customer code.") var customer: String?
        @Option(help: "From date.") var from: String?
        @Option(help: "To date.") var to: String?
        @Option(help: "all, draft, posted, void, disputed, paid, open, overdue (as of today).") var status: String?
        @Option(help: "Number, external reference, customer code, name, pinyin or initials.") var search: String?
        @Option(help: "Salesperson code.") var salesperson: String?
        @Option(name: .customLong("class"), help: "Customer class, channel or region code.") var classCode: String?
        @Option var limit = 100
        @Option var offset = 0
        @Option(help: "table, csv or json") var format: OutputFormat = .table
        /// A filtered page longer than this is streamed (`Reports.forEachInvoiceRegisterRow`).
        static let streamedAbove = 10_000

        func run() throws {
            let (store, service) = try global.openExistingLedger()
            let today = service.clock.today()
            var issues = IssueCollector()
            let filter = InvoiceFilter(customerCode: customer, from: parseDate(from, "from", today, &issues),
                                       to: parseDate(to, "to", today, &issues))
            var documentStatus = DocumentSearch.Status.all
            if let status {
                if let parsed = DocumentSearch.Status(rawValue: status.lowercased()) { documentStatus = parsed } else {
                    issues.add("status",
                               "'\(status)' is not one of "
                               + "\(DocumentSearch.Status.allCases.map(\.rawValue).joined(separator: ", "))")
                }
            }
            try issues.throwIfAny()
            let page = PageRequest(offset: offset, limit: limit)
            let register = DocumentSearch(text: search, customerCode: customer, from: filter.from, to: filter.to,
                                          status: documentStatus,
                                          salespersonCode: salesperson, classCode: classCode, asOf: today)
            let plain = status == nil && search == nil && salesperson == nil && classCode == nil
            if !plain, limit > Self.streamedAbove {
                // Streamed (issue 10: every open invoice at 1M in one page held 290 MB): read 10,000 rows at a time
                // in one snapshot and written as read; the same text as one page (the text table reads twice).
                let reports = Reports(store: store)
                try store.readSnapshot {
                    try printStreamedReport(InvoiceRegisterTable.make([]), format) { row in
                        try reports.forEachInvoiceRegisterRow(register, page: page) {
                            try row(InvoiceRegisterTable.row($0))
                        }
                    }
                }
                return
            }
            let rows = plain ? try store.invoices(filter: filter, page: page)
                : try Reports(store: store).invoiceRegisterPage(register, page: page)
            printReport(InvoiceRegisterTable.make(rows), format)
        }
    }

    struct Post: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Post an invoice.",
            discussion: "Lines: --line SKU:QTY[:PRICE[:DISCOUNT%[:TAX%]]], or *DESCRIPTION:QTY:PRICE for a free line. "
                        + "Repeat --line.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Customer code.") var customer: String
        @Option(help: "Invoice date (default today).") var date: String?
        @Option(help: "Due date (default from the payment terms).") var due: String?
        @Option(help: "Payment terms (default: the customer's).") var terms: String?
        @Option(help: "Salesperson code.") var salesperson: String?
        @Option(help: "Channel (default: the customer's).") var channel: String?
        @Option(help: "Region (default: the customer's).") var region: String?
        @Option(name: .customLong("line"), help: "An invoice line; repeat for more.") var lines: [String] = []
        @Option(help: "Manager's reason to override a credit hold.") var overrideReason: String?
        @Option var note = ""
        @Flag(help: "Save as a draft (no number).") var draft = false

        func run() throws {
            let (store, service) = try global.openLedger()
            let today = service.clock.today()
            var issues = IssueCollector()
            let currency = try store.customer(code: customer)?.currency ?? .cny
            let parsedLines = lines.enumerated().compactMap { index, text in
                LineSyntax.parse(text, currency: currency, path: "lines[\(index + 1)]", issues: &issues)
            }
            var post = PostInvoice(customerCode: customer, date: parseDate(date, "date", today, &issues) ?? today,
                                   lines: parsedLines)
            post.dueDate = parseDate(due, "dueDate", today, &issues)
            if let terms {
                do { post.paymentTerms = try PaymentTerms.parse(terms) } catch { issues.add("terms",
                                                                                            error.description) }
            }
            post.salespersonCode = salesperson
            post.channel = channel
            post.region = region
            post.creditOverrideReason = overrideReason
            post.note = note
            post.asDraft = draft
            if !issues.issues.isEmpty {
                // A line that did not parse is not in the dry run: do not also say "at least one line is required".
                let ruled = service.validationIssues(of: post).filter {
                    !($0.path == "lines" && issues.issues.contains { $0.path.hasPrefix("lines[") })
                }
                throw LedgerError.validation(issues.issues + ruled)
            }
            let invoice = try service.run(post)
            print("\(invoice.status == .draft ? "draft saved" : "posted \(invoice.displayNumber)"): "
                  + "\(invoice.customerID == 0 ? "" : customer) total \(invoice.total.groupedString) "
                  + "\(invoice.currency.code), due \(invoice.dueDate)")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one document with its lines.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Number, e.g. INV-2026-000001.") var number: String
        @Option var format: OutputFormat = .table

        func run() throws {
            let (store, _) = try global.openExistingLedger()
            guard let invoice = try store.invoiceDocument(number: number) else { throw UserError("no document numbered "
                                                                                                 + "\(number)") }
            let zh = CLIChinese.isOn
            let kind = zh ? (invoice.kind == .invoice ? "销售单" : "红字冲销单") : invoice.kind.rawValue
            print(zh ? "\(invoice.displayNumber)  \(kind)  \(Strings(.zh).statusName(invoice.status))  日期 "
                        + "\(invoice.date)  到期日 \(invoice.dueDate)  "
                        + "收款条件 \(invoice.paymentTerms.displayName(chinese: true))"
                     : "\(invoice.displayNumber)  \(kind)  \(invoice.status.rawValue)  date "
                        + "\(invoice.date)  due \(invoice.dueDate)  terms \(invoice.paymentTerms.code)")
            let rows = invoice.lines.enumerated().map { i, l -> [ReportCell] in
                [.count(i + 1), .text(l.description),
                 l.isAllowance ? .empty : .decimal(l.quantity.thousandths, digits: Quantity.scale), .money(l.unitPrice),
                 .text(l.discount.description), .text(l.taxRate.description), .money(l.netAmount), .money(l.taxAmount)]
            }
            let total: [ReportCell] = [.empty, .text("\(zh ? "价税合计" : "total") \(invoice.total.plainString)"),
                                       .empty, .empty, .empty, .empty, .money(invoice.subtotal),
                                       .money(invoice.taxTotal)]
            printReport(listTable("invoice-lines", [("line", .count), ("description", .text), ("quantity", .number),
                                                    ("unit_price", .money), ("discount", .text), ("tax_rate", .text),
                                                    ("net", .money), ("tax", .money)], rows, total: total), format)
        }
    }

    struct Void: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Void a posted invoice or credit note (the number "
                                                                  + "stays used).")
        @OptionGroup var global: GlobalOptions
        @Argument var number: String
        @Option(help: "Why it is voided (required).") var reason: String
        func run() throws {
            let (_, service) = try global.openLedger()
            let invoice = try service.run(VoidInvoice(number: number, reason: reason))
            print("voided \(invoice.displayNumber)")
        }
    }
}

extension InvoiceCommand {
    struct WriteOff: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "write-off",
                                                        abstract: "Write off an invoice's open balance as bad debt "
                                                                  + "(坏账核销; manager).")
        @OptionGroup var global: GlobalOptions
        @Argument var number: String
        @Option(help: "Why (required).") var reason: String
        @Option(help: "Date of the write-off (default today).") var date: String?
        func run() throws {
            let (_, service) = try global.openLedger()
            let day = try parseDate(date, "date", service.clock.today())
            let allocation = try service.run(WriteOffInvoice(number: number, reason: reason, date: day))
            print("wrote off \(allocation.amount.groupedString) \(allocation.amount.currency.code) of \(number)")
        }
    }

    struct Dispute: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark an invoice disputed (no reminders) or resolve "
                                                                  + "it (--resolve).")
        @OptionGroup var global: GlobalOptions
        @Argument var number: String
        @Option(help: "Why it is disputed, or how it was resolved.") var reason: String
        @Flag(help: "Resolve the dispute.") var resolve = false
        func run() throws {
            let (_, service) = try global.openLedger()
            let invoice = try service.run(SetDispute(number: number, isDisputed: !resolve, reason: reason))
            print("\(invoice.displayNumber) \(invoice.isDisputed ? "disputed" : "dispute resolved")")
        }
    }
}

/// `SKU:QTY[:PRICE[:DISCOUNT%[:TAX%]]]` or `*DESCRIPTION:QTY:PRICE[:DISCOUNT%[:TAX%]]`.
enum LineSyntax {
    static func parse(_ text: String, currency: Currency, path: String, issues: inout IssueCollector) -> LineInput? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, !parts[0].isEmpty else {
            issues.add(path, "'\(text)' is not SKU:QTY[:PRICE[:DISCOUNT%[:TAX%]]]")
            return nil
        }
        var line = LineInput(quantity: Quantity(0))
        if parts[0].hasPrefix("*") {
            line.description = String(parts[0].dropFirst())
        } else {
            line.productSKU = parts[0]
        }
        var ok = true
        do { line.quantity = try Quantity.parse(parts[1]) } catch {
            issues.add("\(path).quantity", "quantity '\(parts[1])' \(error)")
            ok = false
        }
        if parts.count > 2, !parts[2].isEmpty {
            do { line.unitPrice = try MoneyParser.parse(parts[2], currency: currency) } catch {
                issues.add("\(path).unitPrice", error.description)
                ok = false
            }
        }
        if parts.count > 3, !parts[3].isEmpty {
            do { line.discount = try Rate.parsePercent(parts[3]) } catch {
                issues.add("\(path).discount", "discount '\(parts[3])' \(error)")
                ok = false
            }
        }
        if parts.count > 4, !parts[4].isEmpty {
            do { line.taxRate = try Rate.parsePercent(parts[4]) } catch {
                issues.add("\(path).taxRate", "tax rate '\(parts[4])' \(error)")
                ok = false
            }
        }
        return ok ? line : nil
    }
}

/// Parses an optional date option, adding an issue naming `field` when it is invalid.
func parseDate(_ text: String?, _ field: String, _ today: CivilDate, _ issues: inout IssueCollector) -> CivilDate? {
    guard let text else { return nil }
    do { return try DateParser.parse(text, today: today) } catch {
        issues.add(field, error.description)
        return nil
    }
}

/// Parses an optional date option on its own: nil when absent, a validation error naming `field` when invalid.
func parseDate(_ text: String?, _ field: String, _ today: CivilDate) throws -> CivilDate? {
    var issues = IssueCollector()
    let date = parseDate(text, field, today, &issues)
    try issues.throwIfAny()
    return date
}

extension LedgerService {
    /// Throws the option errors in `issues` together with what the command's own rules say of it (a dry run), so
    /// one run names every problem; does nothing when `issues` is empty.
    func throwIfAny<C: LedgerCommand>(_ issues: IssueCollector, with command: C) throws {
        guard !issues.issues.isEmpty else { return }
        // A field whose text could not be read gets that error alone, not also the rule its placeholder value breaks
        // ("amount 'abc' has an invalid character" without "amount must be greater than 0").
        let unread = Set(issues.issues.map(\.path))
        throw LedgerError.validation(issues.issues + validationIssues(of: command).filter { !unread.contains($0.path) })
    }
}
