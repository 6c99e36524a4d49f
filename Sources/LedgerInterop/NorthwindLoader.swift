import LedgerCore

/// Loads Northwind (shared/data/northwind) through the command layer.
///
/// Employees become salespeople (`E1`…), products keep their id as SKU (`NW-11`) and category, customers keep
/// their 5-letter code (region = country, currency USD). Each order becomes a posted invoice dated
/// `order_date`, due `required_date`, channel = shipper (ShipVia), region = ship country, one line per order
/// detail with its own price and discount. Freight is not billed. Northwind has no payments: each shipped order
/// gets a synthesised receipt for its total 20 days after shipping (documented in DECISIONS.md); unshipped
/// orders stay open.
public enum NorthwindLoader {
    public static func load(into runner: LedgerService.BatchRunner, directory: String) throws -> LoadReport {
        func table(_ name: String) throws -> CSVTable { try CSVTable.read(path: "\(directory)/\(name).csv") }
        var report = LoadReport(name: "northwind")
        try runner.run(SetBaseCurrency(currencyCode: "USD", unlessSet: true))   // its documents are all USD
        let usd = Currency.usd

        let employees = try table("employees")
        // The countries are region classes (s34-fix): those `class import --northwind-regions` did not add yet.
        let customerTable = try table("customers"), orderTable = try table("orders")
        try runner.addRegionClasses(for: employees.records.indices.map { employees.value($0, "country") }
                                        + customerTable.records.indices.map { customerTable.value($0, "country") }
                                        + orderTable.records.indices.map { orderTable.value($0, "ship_country") },
                                    source: "northwind")
        for r in employees.records.indices {
            try runner.run(CreateSalesperson(code: "E" + employees.value(r, "employee_id"),
                                             name: employees.value(r, "first_name") + " "
                                                 + employees.value(r, "last_name"),
                                             region: employees.value(r, "country")))
        }
        let categories = try table("categories")
        var categoryNames: [String: String] = [:]
        for r in categories.records.indices {
            categoryNames[categories.value(r, "category_id")] = categories.value(r, "category_name")
        }
        let products = try table("products")
        for r in products.records.indices {
            let price = try products.field(r, "unit_price") { try MoneyParser.parse($0, currency: usd) }
            try runner.run(CreateProduct(sku: "NW-" + products.value(r, "product_id"),
                                         name: products.value(r, "product_name"),
                                         category: categoryNames[products.value(r, "category_id")] ?? "",
                                         unit: products.value(r, "quantity_per_unit"), unitPrice: price))
            report.products += 1
        }
        let shippers = try table("shippers")
        var shipperNames: [String: String] = [:]
        for r in shippers.records.indices {
            shipperNames[shippers.value(r, "shipper_id")] = shippers.value(r, "company_name")
        }
        let customers = try table("customers")
        for r in customers.records.indices {
            var fields = CustomerFields(code: customers.value(r, "customer_id"),
                                        name: customers.value(r, "company_name"))
            fields.contact = customers.value(r, "contact_name")
            fields.phone = customers.value(r, "phone")
            fields.address = [customers.value(r, "address"), customers.value(r, "city"),
                              customers.value(r, "postal_code")]
                .filter { !$0.isEmpty }.joined(separator: ", ")
            fields.region = customers.value(r, "country")
            fields.currency = usd
            fields.paymentTerms = .net30
            try runner.run(CreateCustomer(fields))
            report.customers += 1
        }
        let details = try table("order_details")
        var linesByOrder: [String: [LineInput]] = [:]
        for r in details.records.indices {
            let line = LineInput(
                productSKU: "NW-" + details.value(r, "product_id"),
                quantity: try details.field(r, "quantity") { try Quantity.parse($0) },
                unitPrice: try details.field(r, "unit_price") { try MoneyParser.parse($0, currency: usd) },
                discount: try details.field(r, "discount") { try Rate.parseFraction($0) })
            linesByOrder[details.value(r, "order_id"), default: []].append(line)
        }
        let orders = try table("orders")
        var payments: [(date: CivilDate, order: String, customer: String)] = []
        var postedNumbers: [String: String] = [:]
        for r in orders.records.indices {
            let orderID = orders.value(r, "order_id")
            let date = try orders.field(r, "order_date") { try DateParser.parse($0, format: .yearMonthDay) }
            var post = PostInvoice(customerCode: orders.value(r, "customer_id"), date: date,
                                   lines: linesByOrder[orderID] ?? [])
            post.dueDate = try orders.field(r, "required_date") { try DateParser.parse($0, format: .yearMonthDay) }
            post.salespersonCode = "E" + orders.value(r, "employee_id")
            post.channel = shipperNames[orders.value(r, "ship_via")] ?? orders.value(r, "ship_via")
            post.region = orders.value(r, "ship_country")
            post.externalReference = orderID
            post.creditOverrideReason = "historical import"
            let invoice = try runner.run(post)
            postedNumbers[orderID] = invoice.displayNumber
            report.invoices += 1
            report.lines += invoice.lines.count
            let shipped = orders.value(r, "shipped_date")
            if !shipped.isEmpty {
                let shipDate = try orders.field(r, "shipped_date") { try DateParser.parse($0, format: .yearMonthDay) }
                payments.append((shipDate.adding(days: 20), orderID, post.customerCode))
            }
            _ = invoice
        }
        for payment in payments.sorted(by: { ($0.date, $0.order) < ($1.date, $1.order) }) {
            guard let number = postedNumbers[payment.order],
                  let invoice = try runner.invoice(number: number), invoice.total.minorUnits > 0 else { continue }
            var receipt = RecordReceipt(customerCode: payment.customer, date: payment.date, amount: invoice.total,
                                        allocation: .manual([ManualAllocation(invoiceNumber: number,
                                                                              amount: invoice.total)]))
            receipt.reference = "order \(payment.order)"
            try runner.run(receipt)
            report.receipts += 1
        }
        return report
    }
}

/// What a loader wrote.
public struct LoadReport: Sendable, CustomStringConvertible {
    public var name: String
    public var customers = 0
    public var products = 0
    public var invoices = 0
    public var lines = 0
    public var receipts = 0
    public var creditNotes = 0
    public init(name: String) { self.name = name }
    public var description: String {
        "loaded \(name): \(customers) customers, \(products) products, \(invoices) invoices with \(lines) lines, "
            + "\(receipts) receipts"
            + (creditNotes > 0 ? ", \(creditNotes) credit notes" : "")
    }
}
