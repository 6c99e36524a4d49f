import LedgerCore

/// A deterministic synthetic ledger with realistic Chinese (or English) names: customers, products,
/// salespeople, invoices over the 18 months before `today`, receipts (most paid, some partial, some overdue)
/// and a few credit notes. Same seed and same `today` → the same ledger, row for row.
public struct SampleGenerator {
    public enum Language: String, Sendable, CaseIterable { case zh, en }
    public var language: Language
    public var customers: Int
    public var invoices: Int
    public var seed: UInt64
    public var today: CivilDate
    /// China's cities as (class code `CN-33-01`, province name, city name), from the shipped cn-regions data.
    public var cities: [(code: String, province: String, city: String)]
    /// Told (phase, done, total) every 1,000 customers, invoices or receipts and at the end of each phase. A throw
    /// stops the load (what a chunked load committed stays, and the same load resumes from there).
    public var progress: ((String, Int, Int) throws -> Void)?

    public init(language: Language, customers: Int, invoices: Int, seed: UInt64, today: CivilDate,
                cities: [(code: String, province: String, city: String)]) {
        self.language = language
        self.customers = max(1, customers)
        self.invoices = max(0, invoices)
        self.seed = seed
        self.today = today
        self.cities = cities
    }

    /// Reads cities from the shipped `cn-regions` folder (prefecture-level cities; 市辖区 rows named by province).
    public static func loadCities(directory: String) throws -> [(code: String, province: String, city: String)] {
        let provinces = try CSVTable.read(path: "\(directory)/provinces.csv")
        var provinceName: [String: String] = [:]
        for r in provinces.records.indices { provinceName[provinces.value(r, "code")] = provinces.value(r, "name") }
        let table = try CSVTable.read(path: "\(directory)/cities.csv")
        var result: [(String, String, String)] = []
        for r in table.records.indices {
            let code = table.value(r, "code")
            let province = provinceName[table.value(r, "provinceCode")] ?? ""
            var city = table.value(r, "name")
            if city == "市辖区" || city == "县" || city.hasPrefix("省直辖") || city.hasPrefix("自治区直辖") { city = province }
            guard code.count == 4 else { continue }
            result.append(("CN-\(code.prefix(2))-\(code.suffix(2))", province, city))
        }
        return result
    }

    /// Receipts written together (`BatchRunner.recordReceipts`): one audit entry's worth.
    static let receiptsPerChunk = 1_000
    /// Invoices written together at most (`BatchRunner.postInvoices`), with their credit notes.
    static let invoicesPerChunk = 1_000
    /// The name of the generator's `BulkLoadMarker`.
    public static let loadName = "sample generate"
    /// The options that make the load what it is, as its marker keeps them.
    public var parameters: String {
        "lang=\(language.rawValue) customers=\(customers) invoices=\(invoices) seed=\(seed) today=\(today)"
    }

    /// Writes the ledger through `runner`. In a chunked batch (`LedgerService.runChunked`) it commits after whole
    /// invoices (with their credit notes) and whole receipts, saving its `BulkLoadMarker` with each chunk; run
    /// again with the same options after an interruption, it skips what was committed (drawing the same random
    /// numbers, reading its invoices back) and goes on, so the finished ledger is the one an uninterrupted run
    /// writes. - Throws: `LedgerError.refused` when an interrupted load with other options is in the ledger, or
    /// when every generated customer or product code exists archived; any command's error.
    public func load(into runner: LedgerService.BatchRunner) throws -> LoadReport {
        let resumed = try runner.bulkLoadMarker(name: Self.loadName)
        if let resumed, resumed.parameters != parameters {
            throw LedgerError.refused("an interrupted sample generate (\(resumed.parameters)) is in this ledger: "
                                      + "run it again with those options (and --today) to finish it, "
                                      + "or give it up with sample generate --abandon")
        }
        var rng = SplitMix64(seed: seed)
        var report = LoadReport(name: "generated-\(language.rawValue)")
        let zh = language == .zh
        let names = zh ? GeneratorWords.chinese : GeneratorWords.english
        // Salespeople.
        // Master data whose code already exists (`sample generate --force` on a used ledger) is reused as it is.
        for (i, person) in names.salespeople.enumerated() {
            let code = padded("S", i + 1, width: 2)
            if try runner.salesperson(code: code) == nil { try runner.run(CreateSalesperson(code: code, name: person)) }
        }
        // Products.
        var productSKUs: [String] = []
        for (i, item) in names.products.enumerated() {
            let sku = padded("P", i + 1, width: 3)
            let price = Int64(rng.next(in: item.minPrice...item.maxPrice)) * 100
            // An existing product is reused, unless archived (no invoice may sell it).
            if let existing = try runner.product(sku: sku) {
                if !existing.isArchived { productSKUs.append(sku) }
                // A resumed load counts what its interrupted run created (the counts go on, not from 0).
                if resumed != nil { report.products += 1 }
                continue
            }
            productSKUs.append(sku)
            try runner.run(CreateProduct(sku: sku, name: item.name, category: item.category, unit: item.unit,
                                         unitPrice: Money(minorUnits: price, currency: .cny),
                                         taxRate: Rate(basisPoints: item.taxBasisPoints)))
            report.products += 1
        }
        // Customers. Every city a customer may get is a region class, under its province and China (s34-fix: a
        // region is a class of the region dimension; `--lang zh` has imported them all already).
        let places: [(code: String, province: String, city: String)] = cities.isEmpty
            ? [(code: "CN-11-01", province: "北京市", city: "北京市")] : cities
        try runner.addRegionClasses(Self.regionRows(places), source: "sample generate")
        let channels = ["DIRECT", "DEALER", "ONLINE", "RETAIL"]
        let terms: [PaymentTerms] = [.net30, .net30, .endOfMonthPlusDays(30), .net(days: 60), .endOfMonthPlusMonths(1)]
        var usedNames = Set<String>()
        var customerCodes: [String] = []
        // New customers are created a progress step (1,000) at a time with one call: checked and audited one by
        // one as `run` does, inserted together (`createCustomers`).
        var creating: [CreateCustomer] = []
        func customersDone() throws {
            try runner.createCustomers(creating)
            creating.removeAll(keepingCapacity: true)
            try progress?("customers", report.customers, customers)
        }
        for i in 0..<customers {
            let place: (code: String, province: String, city: String) = cities.isEmpty
                ? ("CN-11-01", "北京市", "北京市") : cities[rng.next(below: cities.count)]
            var name = ""
            repeat {
                let brand = names.brands[rng.next(below: names.brands.count)]
                let industry = names.industries[rng.next(below: names.industries.count)]
                let cityShort = zh
                    ? String(place.city.hasSuffix("市") ? place.city.dropLast() : Substring(place.city)) : ""
                name = zh ? "\(cityShort)\(brand)\(industry)有限公司" : "\(brand) \(industry) Co., Ltd."
                if usedNames.contains(name) { name += zh ? "\(i)" : " \(i)" }
            } while usedNames.contains(name)
            usedNames.insert(name)
            var fields = CustomerFields(code: padded("C", i + 1, width: 4), name: name)
            fields.contact = names.contacts[rng.next(below: names.contacts.count)]
            fields.phone = "1" + String(rng.next(in: 30...89)) + String(rng.next(in: 10_000_000...99_999_999))
            fields.email = "sales\(i + 1)@example.com"
            fields.address = zh ? "\(place.province)\(place.city == place.province ? "" : place.city)" : place.code
            fields.region = place.code
            fields.channel = channels[rng.next(below: channels.count)]
            fields.customerClass = ["A", "B", "B", "C", "C", "C"][rng.next(below: 6)]
            fields.paymentTerms = terms[rng.next(below: terms.count)]
            fields.currency = .cny
            if rng.next(below: 3) == 0 {
                fields.creditLimit = Money(minorUnits: Int64(rng.next(in: 5...50)) * 10_000_00, currency: .cny)
            }
            if let existing = try runner.customer(code: fields.code) {
                if !existing.isArchived { customerCodes.append(fields.code) }
                if resumed != nil {
                    report.customers += 1
                    if report.customers % 1000 == 0 { try customersDone() }
                }
                continue
            }
            customerCodes.append(fields.code)
            creating.append(CreateCustomer(fields))
            report.customers += 1
            if report.customers % 1000 == 0 { try customersDone() }
        }
        try customersDone()
        if invoices > 0 && (customerCodes.isEmpty || productSKUs.isEmpty) {
            throw LedgerError.refused("every generated \(customerCodes.isEmpty ? "customer" : "product") code is "
                                      + "archived in this ledger: nothing to generate invoices for")
        }
        var marker = try resumed ?? BulkLoadMarker(name: Self.loadName, parameters: parameters,
                                                   firstDocumentID: runner.maxDocumentID())
        // Indexes the load does not read are built once at its end (an interrupted load's by the next opening).
        try runner.deferLoadIndexes()
        let invoicesDone = resumed?.invoicesDone ?? 0
        let receiptsDone = resumed?.receiptsDone ?? 0
        var cursor = marker.firstDocumentID
        // Invoices over the last 540 days, in date order.
        let start = today.adding(days: -540)
        // Day offsets (4 bytes each, not 24 of a date: a 1M load keeps them all), sorted like the dates.
        var days = (0..<invoices).map { _ in Int32(rng.next(below: 541)) }
        days.sort()
        var receipts: [PlannedReceipt] = []
        receipts.reserveCapacity(invoices)
        // Invoices not yet written, each with its planned receipt and the date of its credit note if it gets one:
        // posted a chunk at a time (`postInvoices`), each note right after its invoice, inside the chunk.
        var pending: [(post: PostInvoice, customer: Int32, receipt: PlannedPayment?, creditNote: CivilDate?)] = []
        var pendingCommands = 0
        var termsByCode: [String: PaymentTerms?] = [:]
        let allowanceReason = zh ? "质量折让" : "Quality allowance"
        func postPending() throws {
            guard !pending.isEmpty else { return }
            var notes: [Int: (Invoice) throws -> IssueLineCreditNote?] = [:]
            for (index, entry) in pending.enumerated() {
                guard let date = entry.creditNote else { continue }
                notes[index] = { invoice in Self.allowance(on: invoice, date: date, reason: allowanceReason) }
            }
            let posted = try runner.postInvoices(pending.map(\.post), creditNotes: notes)
            for (invoice, entry) in zip(posted, pending) {
                report.lines += invoice.lines.count
                entry.receipt?.plan(invoice.displayNumber, invoice.total.minorUnits, entry.customer, into: &receipts)
            }
            pending.removeAll(keepingCapacity: true)
            pendingCommands = 0
        }
        for (index, day) in days.enumerated() {
            let date = start.adding(days: Int(day))
            let customerIndex = min(customerCodes.count - 1, rng.skewed(below: customerCodes.count))
            let customer = customerCodes[customerIndex]
            var lines: [LineInput] = []
            for _ in 0..<rng.next(in: 1...4) {
                let sku = productSKUs[rng.next(below: productSKUs.count)]
                lines.append(LineInput(productSKU: sku, quantity: Quantity(rng.next(in: 1...40)),
                                       discount: Rate(basisPoints: [0, 0, 0, 500, 1000][rng.next(below: 5)])))
            }
            var post = PostInvoice(customerCode: customer, date: date, lines: lines)
            post.salespersonCode = padded("S", rng.next(below: names.salespeople.count) + 1, width: 2)
            post.creditOverrideReason = "sample data"
            let isDone = index < invoicesDone
            var loaded: LoadedInvoice?
            if isDone {
                // Committed before the interruption: read it back (its id is above the previous one's).
                guard let id = try runner.customer(code: customer)?.id,
                      let found = try runner.loadedInvoice(after: cursor, customerID: id, date: date) else {
                    throw LedgerError.refused("the interrupted sample generate does not match this ledger: "
                                              + "invoice \(index + 1) of \(customer) on \(date) is missing")
                }
                loaded = found
                cursor = found.id
                report.lines += found.lineCount
            }
            report.invoices += 1
            // A resumed load first reads back the invoices its interrupted run committed (a phase of its own, so
            // the count of invoices written goes on from where it stopped).
            if report.invoices % 1000 == 0 || report.invoices == invoicesDone {
                try progress?(isDone ? "committed invoices" : "invoices", report.invoices,
                              isDone ? invoicesDone : invoices)
            }
            // Read once per customer: nothing in the load changes a customer's terms.
            if !isDone && termsByCode[customer] == nil {
                termsByCode[customer] = .some(try runner.customer(code: customer)?.paymentTerms)
            }
            let terms = isDone ? nil : termsByCode[customer] ?? nil
            let dueDate = loaded?.dueDate ?? post.dueDate(customerTerms: terms)
            let roll = rng.next(below: 100)
            // Older debts are mostly collected by now: 92 % paid, 4 % partly paid, 4 % still open.
            let isOld = dueDate < today.adding(days: -120)
            let (paidShare, partialShare) = isOld ? (92, 96) : (75, 87)
            var payment: PlannedPayment?
            if dueDate < today {
                if roll < paidShare {
                    payment = PlannedPayment(min(today, max(date, dueDate.adding(days: rng.next(in: -20...25)))))
                } else if roll < partialShare {
                    payment = PlannedPayment(min(today, max(date, dueDate.adding(days: rng.next(in: -10...15)))),
                                             half: true)
                }
            } else if roll < 20 {
                payment = PlannedPayment(min(today, date.adding(days: rng.next(in: 0...10))))
            }
            if let loaded {
                payment?.plan(loaded.displayNumber, loaded.total.minorUnits, Int32(customerIndex), into: &receipts)
            } else {
                pending.append((post, Int32(customerIndex), payment, nil))
            }
            if rng.next(below: 50) == 0 {
                // An invoice committed before an interruption has its note too (written with it).
                if loaded == nil { pending[pending.count - 1].creditNote = min(today, date.adding(days: 7)) }
                report.creditNotes += 1
            }
            // Written when the chunk is full or its commands (invoices and notes) fill the load's commit chunk.
            pendingCommands += loaded == nil ? 1 + (pending.last?.creditNote == nil ? 0 : 1) : 0
            if pending.count >= Self.invoicesPerChunk || pendingCommands >= runner.commandsUntilCommit ?? .max {
                try postPending()
            }
            // A chunk of the load may end after whole invoices written with their credit notes.
            if !isDone && pending.isEmpty {
                try runner.commitIfDue {
                    marker.invoicesDone = index + 1
                    try runner.save(marker)
                }
            }
        }
        try postPending()
        try progress?("invoices", report.invoices, invoices)
        days = []
        let order = PlannedReceipt.postingOrder(receipts)
        let methods: [PaymentMethod] = [.bankTransfer, .bankTransfer, .wechatPay, .alipay, .cheque]
        // A chunk of receipts at a time (`recordReceipts`: checked in memory, written set-based), as many as an
        // audit entry holds; the marker moves on after whole chunks.
        for first in stride(from: 0, to: receipts.count, by: Self.receiptsPerChunk) {
            let indices = first..<min(first + Self.receiptsPerChunk, receipts.count)
            let drawn = indices.map { _ in methods[rng.next(below: methods.count)] }
            let due = indices.filter { $0 >= receiptsDone }
            report.receipts += indices.count - due.count
            guard !due.isEmpty else { continue }
            // The maintained open amounts (a credit note may have reduced one), read once for the plan and the
            // chunk's checks; no reload of the invoices.
            let numbers = due.map { receipts[Int(order[$0])].number }
            let outcomes = try runner.recordReceipts(invoiceNumbers: numbers) { items in
                var open = items.mapValues(\.open)
                var chunk: [RecordReceipt] = []
                for index in due {
                    let receipt = receipts[Int(order[index])]
                    let amount = min(open[receipt.number] ?? 0, receipt.amount)
                    guard amount > 0 else { continue }
                    open[receipt.number] = (open[receipt.number] ?? 0) - amount
                    let money = Money(minorUnits: amount, currency: .cny)
                    var record = RecordReceipt(customerCode: customerCodes[Int(receipt.customer)],
                                               date: CivilDate(daysSinceEpoch: Int(receipt.day)), amount: money,
                                               allocation: .manual([ManualAllocation(invoiceNumber: receipt.number,
                                                                                     amount: money)]))
                    record.method = drawn[index - first]
                    chunk.append(record)
                }
                return chunk
            }
            report.receipts += outcomes.count
            try progress?("receipts", indices.upperBound, receipts.count)
            try runner.commitIfDue {
                marker.invoicesDone = invoices
                marker.receiptsDone = indices.upperBound
                try runner.save(marker)
            }
        }
        try progress?("receipts", report.receipts, receipts.count)
        try runner.deleteBulkLoadMarker(name: Self.loadName)
        try runner.refreshPlannerStatistics()
        return report
    }
}

extension SampleGenerator {
    /// The generator's credit note on `invoice`: a 10 % price allowance on every line of net ≥ 10 minor units (net),
    /// so each line's VAT is reversed at its own rate; nil when no line has one.
    static func allowance(on invoice: Invoice, date: CivilDate, reason: String) -> IssueLineCreditNote? {
        let allowances = invoice.lines.enumerated().filter { $0.element.netAmount.minorUnits >= 10 }.map {
            CreditLineRequest(line: $0.offset + 1,
                              allowance: Money(minorUnits: $0.element.netAmount.minorUnits / 10, currency: .cny))
        }
        guard !allowances.isEmpty else { return nil }
        return IssueLineCreditNote(invoiceNumber: invoice.displayNumber, date: date, lines: allowances,
                                   reason: reason)
    }
}

/// The receipt the generator plans for an invoice before the invoice is posted: its date and share.
struct PlannedPayment {
    var date: CivilDate
    var half = false

    init(_ date: CivilDate, half: Bool = false) {
        self.date = date
        self.half = half
    }

    /// Appends the receipt of the invoice numbered `number` with `total` (minor units), unless its share is 0;
    /// `customer` is the customer's index in the generator's codes.
    func plan(_ number: String, _ total: Int64, _ customer: Int32, into receipts: inout [PlannedReceipt]) {
        let amount = half ? total / 2 : total
        if amount > 0 { receipts.append(PlannedReceipt(date, customer, number, amount)) }
    }
}

/// A receipt the generator posts after all invoices (a 1M load keeps ~900k of them: 32 bytes each, was 48 with
/// the customer's code; an invoice number of up to 15 bytes is held in the `String` itself).
struct PlannedReceipt {
    var day: Int32
    /// The customer's index in the generator's customer codes.
    var customer: Int32
    /// Minor units (CNY).
    var amount: Int64
    var number: String

    init(_ date: CivilDate, _ customer: Int32, _ number: String, _ amount: Int64) {
        day = Int32(date.daysSinceEpoch)
        self.amount = amount
        self.customer = customer
        self.number = number
    }

    /// Indices of `receipts` in posting order — by day, then invoice number (`String` order), equal ones in their
    /// order in `receipts` — from a counting sort by day and a sort of each day's receipts: 4 bytes a receipt,
    /// where sorting the receipts themselves took a buffer of half of them (24 MB at 1M, s32-gen).
    static func postingOrder(_ receipts: [PlannedReceipt]) -> [Int32] {
        guard let low = receipts.lazy.map(\.day).min(), let high = receipts.lazy.map(\.day).max() else { return [] }
        // starts[d - low] is where day d's receipts begin in the order (counted, then summed).
        var starts = [Int](repeating: 0, count: Int(high - low) + 2)
        for receipt in receipts { starts[Int(receipt.day - low) + 1] += 1 }
        for d in 1..<starts.count { starts[d] += starts[d - 1] }
        var order = [Int32](repeating: 0, count: receipts.count)
        var next = starts
        for (index, receipt) in receipts.enumerated() {
            order[next[Int(receipt.day - low)]] = Int32(index)
            next[Int(receipt.day - low)] += 1
        }
        for d in 0..<starts.count - 1 where starts[d + 1] - starts[d] > 1 {
            // Stable: equal numbers keep their order (Swift's sort is stable).
            order[starts[d]..<starts[d + 1]].sort { receipts[Int($0)].number < receipts[Int($1)].number }
        }
        return order
    }
}

/// SplitMix64 (Steele, Lea, Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014):
/// small, fast and identical on every platform, so a seed always gives the same ledger.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in 0..<n (n > 0), by rejection, without platform-dependent helpers.
    public mutating func next(below n: Int) -> Int {
        precondition(n > 0)
        let bound = UInt64(n)
        let limit = UInt64.max - UInt64.max % bound
        var value = next()
        while value >= limit { value = next() }
        return Int(value % bound)
    }
    public mutating func next(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + next(below: range.upperBound - range.lowerBound + 1)
    }
    /// Skewed towards small values (a few big customers buy most): min of two draws.
    public mutating func skewed(below n: Int) -> Int { min(next(below: n), next(below: n)) }
}

/// `prefix` + `number` zero-padded to `width` digits: padded("C", 7, width: 4) = "C0007".
func padded(_ prefix: String, _ number: Int, width: Int) -> String {
    let digits = String(number)
    return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
}

extension SampleGenerator {
    /// Region classes of `cities` (`CN-33-01`): China, each province (`CN-33`) and each city, by Chinese name.
    static func regionRows(_ cities: [(code: String, province: String, city: String)]) -> [ClassImportRow] {
        let region = BuiltInDimension.region.rawValue
        var rows = [ClassImportRow(line: 2, dimension: region, code: "CN", nameEN: "China", nameZH: "中国")]
        var codes: Set<String> = ["CN"]
        for place in cities where codes.insert(String(place.code.prefix(5))).inserted {
            rows.append(ClassImportRow(line: rows.count + 2, dimension: region, code: String(place.code.prefix(5)),
                                       parentCode: "CN", nameEN: "", nameZH: place.province))
        }
        for place in cities where codes.insert(place.code).inserted {
            rows.append(ClassImportRow(line: rows.count + 2, dimension: region, code: place.code,
                                       parentCode: String(place.code.prefix(5)), nameEN: "", nameZH: place.city))
        }
        return rows
    }
}
