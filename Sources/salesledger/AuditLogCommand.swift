import ArgumentParser
import LedgerAudit
import LedgerCore
import LedgerReports
import LedgerStore

/// `audit log`: who did what and when, with before and after values; filterable and exportable to CSV.
struct AuditLogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Browse the audit log: who did what, when, with before and after values.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "From date (UTC day of the entry).") var from: String?
    @Option(help: "To date (UTC day of the entry).") var to: String?
    @Option(help: "Only this user's entries (--user is the global acting user).") var actor: String?
    @Option(help: "Only this command, or a prefix: invoice, invoice.void, audit.run …") var command: String?
    @Option(help: "Only entries touching this document (invoice, credit note or receipt number).") var document: String?
    @Option(help: "table, csv or json") var format: OutputFormat = .table

    func run() throws {
        let (store, service) = try global.openLedger()
        let today = service.clock.today()
        var issues = IssueCollector()
        let filter = AuditLogFilter(
            from: parseDate(from, "from", today, &issues), to: parseDate(to, "to", today, &issues),
            actor: actor, command: command)
        var target: (id: Int64, number: String, isReceipt: Bool)?
        if let document {
            if let invoice = try store.invoiceDocument(number: document) {
                target = (invoice.id, invoice.displayNumber, false)
            } else if let receipt = try store.receipt(number: document) {
                target = (receipt.id, receipt.displayNumber, true)
            } else {
                issues.add("document", "no document numbered \(document)")
            }
        }
        try issues.throwIfAny()
        let rows = AuditLogView.rows(try store.auditLog(filter: filter), document: target)
        printReport(listTable("audit-log",
                              [("seq", .count), ("time", .text), ("user", .text), ("command", .text),
                               ("records", .text),
                                            ("changes", .text)],
                              rows.map {
                                  [.count(Int($0.seq)), .text($0.timestampUTC), .text($0.actor), .text($0.command),
                                   .text($0.records.joined(separator: " ")), .text($0.changes.joined(separator: "; "))]
                              }), format)
    }
}
