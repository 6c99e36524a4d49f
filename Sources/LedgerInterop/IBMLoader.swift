import LedgerCore

/// Loads the IBM late-payment histories (shared/data/ibm-late-payments) through the command layer.
///
/// Each customerID becomes a customer (region = country code, USD, net 30). Each row becomes a posted
/// invoice (series INV, dated InvoiceDate, due DueDate, one line of InvoiceAmount, channel = Paper/Electronic,
/// external reference = invoiceNumber), marked disputed when Disputed = Yes, and a receipt on SettledDate for
/// the full amount allocated to it. Dates in the file are day-first (dd/mm/yyyy).
public enum IBMLoader {
    public static func load(into runner: LedgerService.BatchRunner, directory: String) throws -> LoadReport {
        let table = try CSVTable.read(path: "\(directory)/invoices.csv")
        try table.require(["countrycode", "customerID", "invoiceNumber", "InvoiceDate", "DueDate", "InvoiceAmount",
                           "Disputed", "SettledDate", "PaperlessBill"])
        var report = LoadReport(name: "ibm")
        try runner.run(SetBaseCurrency(currencyCode: "USD", unlessSet: true))   // its documents are all USD
        struct Row {
            var customer: String, country: String, number: String, date: CivilDate, due: CivilDate, amount: Money
            var disputed: Bool, settled: CivilDate, channel: String
        }
        var rows: [Row] = []
        for r in table.records.indices {
            let dmy: (String) throws -> CivilDate = { try DateParser.parse($0, format: .dayMonthYear) }
            rows.append(Row(customer: table.value(r, "customerID"), country: table.value(r, "countrycode"),
                            number: table.value(r, "invoiceNumber"),
                            date: try table.field(r, "InvoiceDate", dmy), due: try table.field(r, "DueDate", dmy),
                            amount: try table.field(r, "InvoiceAmount") { try MoneyParser.parse($0, currency: .usd) },
                            disputed: table.value(r, "Disputed") == "Yes",
                            settled: try table.field(r, "SettledDate", dmy),
                            channel: table.value(r, "PaperlessBill")))
        }
        // The countries are region classes (s34-fix: they were free text no class named).
        try runner.addRegionClasses(for: rows.map(\.country), source: "ibm")
        var seen = Set<String>()
        for row in rows where !seen.contains(row.customer) {
            seen.insert(row.customer)
            var fields = CustomerFields(code: row.customer, name: row.customer)
            fields.region = row.country
            fields.currency = .usd
            fields.paymentTerms = .net30
            try runner.run(CreateCustomer(fields))
            report.customers += 1
        }
        var numbers: [String: String] = [:]
        for row in rows.sorted(by: { ($0.date, $0.number) < ($1.date, $1.number) }) {
            var post = PostInvoice(customerCode: row.customer, date: row.date,
                                   lines: [LineInput(description: "Invoice \(row.number)", quantity: Quantity(1),
                                                     unitPrice: row.amount)])
            post.dueDate = row.due
            post.paymentTerms = .net30
            post.channel = row.channel
            post.region = row.country
            post.externalReference = row.number
            post.creditOverrideReason = "historical import"
            let invoice = try runner.run(post)
            numbers[row.number] = invoice.displayNumber
            report.invoices += 1
            report.lines += 1
            if row.disputed {
                try runner.run(SetDispute(number: invoice.displayNumber, isDisputed: true,
                                          reason: "Disputed in source data"))
            }
        }
        for row in rows.sorted(by: { ($0.settled, $0.number) < ($1.settled, $1.number) }) {
            guard let number = numbers[row.number] else { continue }
            var receipt = RecordReceipt(customerCode: row.customer, date: row.settled, amount: row.amount,
                                        allocation: .manual([ManualAllocation(invoiceNumber: number,
                                                                              amount: row.amount)]))
            receipt.reference = "settles \(row.number)"
            try runner.run(receipt)
            report.receipts += 1
        }
        return report
    }
}
