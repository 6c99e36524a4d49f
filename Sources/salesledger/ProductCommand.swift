import ArgumentParser
import LedgerCore
import LedgerReports
import LedgerStore
import SalesLedgerApp

struct ProductCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "product", abstract: "Products (商品): list, add, edit (dated price changes), archive.",
        subcommands: [List.self, Add.self, Edit.self, Archive.self, Delete.self, Prices.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List products; --search ranks exact SKU, SKU prefix, name/pinyin prefix, then substring.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Search SKU, name, pinyin, initials or category.") var search: String?
        @Flag(help: "Include archived products.") var archived = false
        @Option var limit = 100
        @Option var offset = 0
        @Option(help: "table, csv or json") var format: OutputFormat = .table

        func run() throws {
            let (store, service) = try global.openLedger()
            let today = service.clock.today(), words = global.words(format)
            let rows = try store.productList(search: search, includeArchived: archived,
                                             page: PageRequest(offset: offset, limit: limit))
            printReport(listTable("products", [("sku", .text), ("name", .text), ("category", .text), ("unit", .text),
                                               ("currency", .text), ("price", .money), ("tax_rate", .text),
                                               ("archived", .text)],
                                  try rows.map { p in
                                      let price = try store.productPrice(sku: p.sku, on: today) ?? p.unitPrice
                                      return [.text(p.sku), .text(p.name), .text(p.category), .text(p.unit),
                                              .text(price.currency.code),
                                              .money(price), .text(p.taxRate.description),
                                              .text(p.isArchived ? words?.yesNo(true) ?? "yes" : "")]
                                  }), format)
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a product.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Unique product code.") var sku: String
        @Option(help: "Name (Chinese names welcome).") var name: String
        @Option(help: "Unit price, e.g. 12.50 or ¥1,200.") var price: String
        @Option(help: "Tax rate in percent, e.g. 13 or 6%.") var taxRate: String
        @Option var category = ""
        @Option(help: "Unit, e.g. 个, 箱, kg.") var unit = ""
        @Option(help: "ISO 4217 currency (default: the base currency, else CNY).") var currency: String?

        func run() throws {
            let (store, service) = try global.openLedger()
            var issues = IssueCollector()
            let cur = ProductOptions.currency(currency, store: store, issues: &issues)
            let money = ProductOptions.price(price, currency: cur, issues: &issues) ?? .zero(cur)
            let rate = ProductOptions.rate(taxRate, issues: &issues) ?? .zero
            let command = CreateProduct(sku: sku, name: name, category: category, unit: unit, unitPrice: money,
                                        taxRate: rate)
            try service.throwIfAny(issues, with: command)
            let product = try service.run(command)
            print("product \(product.sku) added: \(product.name) \(product.unitPrice.groupedString) "
                  + "\(product.unitPrice.currency.code), tax \(product.taxRate)")
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a product; a new --price applies from --from (default today), posted invoices keep "
                      + "theirs.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Product code.") var sku: String
        @Option var name: String?
        @Option var category: String?
        @Option var unit: String?
        @Option(help: "Tax rate in percent.") var taxRate: String?
        @Option(help: "New unit price.") var price: String?
        @Option(name: .customLong("from"), help: "First day of the new price (default today).") var from: String?

        func run() throws {
            let (store, service) = try global.openLedger()
            var issues = IssueCollector()
            let existing = try store.productList(search: sku, includeArchived: true, page: PageRequest(limit: 5))
                .first { $0.sku == sku }
            let cur = existing?.unitPrice.currency ?? .cny
            var command = EditProduct(sku: sku, name: name, category: category, unit: unit)
            command.taxRate = taxRate.flatMap { ProductOptions.rate($0, issues: &issues) }
            command.unitPrice = price.flatMap { ProductOptions.price($0, currency: cur, issues: &issues) }
            command.priceFrom = parseDate(from, "from", service.clock.today(), &issues)
            if from != nil, price == nil { issues.add("from", "give --price with --from") }
            try service.throwIfAny(issues, with: command)
            let product = try service.run(command)
            print("product \(product.sku) changed: \(product.name) \(product.unitPrice.groupedString) "
                  + "\(product.unitPrice.currency.code), tax \(product.taxRate)")
        }
    }

    struct Archive: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Archive a product (hidden from lookups, refused on new lines; history keeps it), or --restore.")
        @OptionGroup var global: GlobalOptions
        @Argument var sku: String
        @Flag(help: "Bring an archived product back.") var restore = false
        func run() throws {
            let (_, service) = try global.openLedger()
            let product = try service.run(ArchiveProduct(sku: sku, archived: !restore))
            print("product \(product.sku) \(product.isArchived ? "archived" : "restored")")
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete a product no document uses (else archive it).")
        @OptionGroup var global: GlobalOptions
        @Argument var sku: String
        func run() throws {
            let (_, service) = try global.openLedger()
            print("product \(try service.run(DeleteProduct(sku: sku)).sku) deleted")
        }
    }

    struct Prices: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A product's dated price history.")
        @OptionGroup var global: GlobalOptions
        @Argument var sku: String
        @Option var format: OutputFormat = .table
        func run() throws {
            let (store, _) = try global.openLedger()
            guard let product = try store.productList(search: sku, includeArchived: true, page: PageRequest(limit: 5))
                .first(where: { $0.sku == sku }) else { throw UserError("unknown product code \(sku)") }
            var history = try store.productPriceHistory(productID: product.id)
            if history.isEmpty {
                history = [ProductPrice(productID: product.id, validFrom: CivilDate(year: 1, month: 1, day: 1)!,
                                        unitPrice: product.unitPrice)]
            }
            printReport(listTable("prices", [("valid_from", .date), ("currency", .text), ("price", .money)],
                                  history.map { p in
                                      [p.validFrom.year == 1 ? .empty : .date(p.validFrom),
                                       .text(p.unitPrice.currency.code), .money(p.unitPrice)]
                                  }), format)
        }
    }
}

/// Option parsing shared by the product commands; issues name the option.
enum ProductOptions {
    static func currency(_ code: String?, store: SQLiteLedgerStore, issues: inout IssueCollector) -> Currency {
        if let code {
            if let cur = Currency.named(code) { return cur }
            issues.add("currency", "unknown currency code \(code)")
            return .cny
        }
        do { return try store.exchangeRates().base } catch {
            issues.add("currency", "the ledger's base currency could not be read: \(error)")
            return .cny
        }
    }

    static func price(_ text: String, currency: Currency, issues: inout IssueCollector) -> Money? {
        do { return try MoneyParser.parse(text, currency: currency) } catch {
            issues.add("unitPrice", error.description)
            return nil
        }
    }

    static func rate(_ text: String, issues: inout IssueCollector) -> Rate? {
        do { return try Rate.parsePercent(text) } catch {
            issues.add("taxRate", "tax rate '\(text)' \(error)")
            return nil
        }
    }
}
