import ArgumentParser
import LedgerCore
import LedgerReports

/// `invoice drafts [list|open|post|delete]`: saved drafts (Ctrl-D in the sales form, `invoice post --draft`).
struct InvoiceDraftsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drafts", abstract: "Saved drafts: list (default), open, post, delete.",
        subcommands: [List.self, Open.self, Post.self, Delete.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List drafts, oldest first; old ones are flagged.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Flag drafts older than this many days.") var oldDays = DraftAge.defaultOldDays
        @Option(help: "table, csv or json") var format: OutputFormat = .table
        func run() throws {
            let (store, service) = try global.openLedger()
            let today = service.clock.today()
            printReport(listTable("drafts", [("draft", .text), ("date", .date), ("customer", .text), ("name", .text),
                                             ("currency", .text), ("total", .money), ("age_days", .count),
                                             ("old", .text)],
                                  try store.drafts().map { r in
                                      let age = DraftAge.days(r.date, today: today)
                                      return [.text("D\(r.id)"), .date(r.date), .text(r.customerCode),
                                              .text(r.customerName),
                                              .text(r.total.currency.code), .money(r.total), .count(age),
                                              .text(age > oldDays ? "old" : "")]
                                  }), format)
        }
    }

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a draft with its lines.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Draft id, e.g. D12 or 12.") var draft: String
        func run() throws {
            let (store, _) = try global.openLedger()
            guard let id = DraftLookup.id(draft),
                  let row = try store.drafts().first(where: { $0.id == id }),
                  let doc = try store.draftDocument(id: id) else { throw UserError("no draft \(draft)") }
            print("D\(id)  draft  date \(doc.date)  due \(doc.dueDate)  customer \(row.customerCode) "
                  + "\(row.customerName)")
            for (i, l) in doc.lines.enumerated() {
                print("\(i + 1). \(l.isFreeText ? "*" : "")\(l.description)  \(l.quantity) × "
                                                         + "\(l.unitPrice.plainString)  tax \(l.taxRate)  net "
                                                           + "\(l.netAmount.plainString)  tax "
                                                             + "\(l.taxAmount.plainString)")
            }
            print("total \(doc.total.groupedString) \(doc.currency.code)")
        }
    }

    struct Post: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Post a draft as a numbered invoice.")
        @OptionGroup var global: GlobalOptions
        @Argument var draft: String
        @Option(help: "Posting date (default: the draft's date).") var date: String?
        @Option(help: "Manager's reason to override a credit hold.") var overrideReason: String?
        func run() throws {
            let (_, service) = try global.openLedger()
            var issues = IssueCollector()
            guard let id = DraftLookup.id(draft) else { throw UserError("'\(draft)' is not a draft id (e.g. D12)") }
            var command = PostDraft(draftID: id, date: parseDate(date, "date", service.clock.today(), &issues))
            command.creditOverrideReason = overrideReason
            try issues.throwIfAny()
            let invoice = try service.run(command)
            print("posted \(invoice.displayNumber) from draft D\(id): total \(invoice.total.groupedString) "
                  + "\(invoice.currency.code), due \(invoice.dueDate)")
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a draft (needs --yes).")
        @OptionGroup var global: GlobalOptions
        @Argument var draft: String
        @Flag(help: "Confirm the deletion.") var yes = false
        func run() throws {
            guard yes else { throw UserError("deleting draft \(draft) needs --yes") }
            let (_, service) = try global.openLedger()
            guard let id = DraftLookup.id(draft) else { throw UserError("'\(draft)' is not a draft id (e.g. D12)") }
            let deleted = try service.run(DeleteDraft(draftID: id))
            print("deleted draft D\(deleted.id)")
        }
    }
}
