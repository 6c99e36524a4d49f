import LedgerCore

/// Loads Chinook (shared/data/chinook) through the command layer.
///
/// Employees become salespeople (`E1`…), tracks become products (`TR-1`…, category = genre), customers get
/// code `CH1`… (name = company or first + last name, region = country, salesperson = support rep). Each
/// invoice is posted net 30 with its lines; the store's customers paid at purchase, so each invoice gets a
/// receipt on its date for the total.
public enum ChinookLoader {
    public static func load(into runner: LedgerService.BatchRunner, directory: String) throws -> LoadReport {
        func table(_ name: String) throws -> CSVTable { try CSVTable.read(path: "\(directory)/\(name).csv") }
        var report = LoadReport(name: "chinook")
        try runner.run(SetBaseCurrency(currencyCode: "USD", unlessSet: true))   // its documents are all USD
        let employees = try table("employees")
        for r in employees.records.indices {
            try runner.run(CreateSalesperson(code: "E" + employees.value(r, "employee_id"),
                                             name: employees.value(r, "firstname") + " "
                                                 + employees.value(r, "lastname")))
        }
        let genres = try table("genres")
        var genreNames: [String: String] = [:]
        for r in genres.records.indices { genreNames[genres.value(r, "genre_id")] = genres.value(r, "name") }
        let tracks = try table("tracks")
        for r in tracks.records.indices {
            try runner.run(CreateProduct(sku: "TR-" + tracks.value(r, "track_id"), name: tracks.value(r, "name"),
                                         category: genreNames[tracks.value(r, "genre")] ?? "", unit: "track",
                                         unitPrice: try tracks.field(r, "unit_price") {
                                             try MoneyParser.parse($0, currency: .usd)
                                         }))
            report.products += 1
        }
        let customers = try table("customers"), invoiceTable = try table("invoices")
        // The countries are region classes (s34-fix: they were free text no class named).
        try runner.addRegionClasses(for: customers.records.indices.map { customers.value($0, "country") }
                                        + invoiceTable.records.indices.map { invoiceTable.value($0, "billingcountry") },
                                    source: "chinook")
        var repOf: [String: String] = [:]
        for r in customers.records.indices {
            let id = customers.value(r, "customer_id")
            let person = customers.value(r, "firstname") + " " + customers.value(r, "lastname")
            let company = customers.value(r, "company")
            var fields = CustomerFields(code: "CH" + id, name: company.isEmpty ? person : company)
            fields.contact = person
            fields.email = customers.value(r, "email")
            fields.address = [customers.value(r, "address"), customers.value(r, "city")]
                .filter { !$0.isEmpty }.joined(separator: ", ")
            fields.region = customers.value(r, "country")
            fields.channel = "Online"
            fields.currency = .usd
            try runner.run(CreateCustomer(fields))
            repOf[id] = customers.value(r, "support_rep")
            report.customers += 1
        }
        let lines = try table("invoice_lines")
        var linesByInvoice: [String: [LineInput]] = [:]
        for r in lines.records.indices {
            linesByInvoice[lines.value(r, "invoice"), default: []].append(LineInput(
                productSKU: "TR-" + lines.value(r, "track"),
                quantity: try lines.field(r, "quantity") { try Quantity.parse($0) },
                unitPrice: try lines.field(r, "unit_price") { try MoneyParser.parse($0, currency: .usd) }))
        }
        let invoices = invoiceTable
        for r in invoices.records.indices {
            let id = invoices.value(r, "invoice_id")
            let customerID = invoices.value(r, "customer")
            let date = try invoices.field(r, "invoicedate") { try DateParser.parse($0, format: .yearMonthDay) }
            var post = PostInvoice(customerCode: "CH" + customerID, date: date, lines: linesByInvoice[id] ?? [])
            post.salespersonCode = repOf[customerID].map { "E" + $0 }
            post.region = invoices.value(r, "billingcountry")
            post.externalReference = id
            post.creditOverrideReason = "historical import"
            let invoice = try runner.run(post)
            report.invoices += 1
            report.lines += invoice.lines.count
            try runner.run(RecordReceipt(customerCode: post.customerCode, date: date, amount: invoice.total,
                                         allocation: .manual([ManualAllocation(invoiceNumber: invoice.displayNumber,
                                                                               amount: invoice.total)])))
            report.receipts += 1
        }
        return report
    }
}
