/// The editable fields of a customer, as a command payload.
public struct CustomerFields: Hashable, Sendable, Codable {
    public var code: String
    public var name: String
    public var contact: String = ""
    public var phone: String = ""
    public var email: String = ""
    public var address: String = ""
    public var region: String = ""
    public var channel: String = ""
    public var customerClass: String = ""
    public var creditLimit: Money?
    public var paymentTerms: PaymentTerms = .net30
    public var currency: Currency = .cny
    public var notes: String = ""

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }

    /// A stored customer's editable fields, as `UpdateCustomer` takes them (every field copied).
    public init(_ customer: Customer) {
        self.init(code: customer.code, name: customer.name)
        contact = customer.contact
        phone = customer.phone
        email = customer.email
        address = customer.address
        region = customer.region
        channel = customer.channel
        customerClass = customer.customerClass
        creditLimit = customer.creditLimit
        paymentTerms = customer.paymentTerms
        currency = customer.currency
        notes = customer.notes
    }

    /// Field rules: code and name required (code without spaces, ≤ 32), e-mail and phone format,
    /// credit limit ≥ 0 in the customer's currency.
    func validate(into issues: inout IssueCollector) {
        let code = self.code.trimmingSpaces()
        issues.check(!code.isEmpty, "code", "is required")
        issues.check(code.count <= 32, "code", "is longer than 32 characters")
        TextSafety.checkCode(code, field: "code", into: &issues)
        issues.check(!name.trimmingSpaces().isEmpty, "name", "is required")
        for (field, value) in [("name", name), ("contact", contact), ("phone", phone), ("email", email),
                               ("address", address), ("region", region), ("channel", channel),
                               ("customerClass", customerClass), ("notes", notes.replacingNewlines())] {
            TextSafety.checkName(value, field: field, into: &issues)
        }
        issues.check(name.count <= 200, "name", "is longer than 200 characters")
        if !email.isEmpty && !CustomerFields.isEmail(email) {
            issues.add("email", "'\(email)' is not an e-mail address")
        }
        if !phone.isEmpty && !CustomerFields.isPhone(phone) {
            issues.add("phone", "'\(phone)' is not a phone number (digits, spaces and + - ( ) . / only)")
        }
        if let limit = creditLimit {
            issues.check(limit.minorUnits >= 0, "creditLimit", "must be 0 or more")
            issues.check(LedgerLimits.isWithinAmountBound(limit.minorUnits), "creditLimit",
                         "must be at most \(LedgerLimits.amountBoundText(limit.currency))")
            issues.check(limit.currency == currency, "creditLimit",
                         "is in \(limit.currency.code) but the customer's currency is \(currency.code)")
        }
    }

    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !text.contains(where: { $0.isWhitespace }) else { return false }
        return true
    }

    static func isPhone(_ text: String) -> Bool {
        let allowed = Set("0123456789 +-()./")
        let digits = text.filter(\.isNumber).count
        return digits >= 3 && TextNormalization.halfWidth(text).allSatisfy { allowed.contains($0) }
    }

    func apply(to customer: inout Customer) {
        customer.code = code.trimmingSpaces()
        customer.name = name.trimmingSpaces()
        customer.contact = contact
        customer.phone = phone
        customer.email = email
        customer.address = address
        customer.region = region
        customer.channel = channel
        customer.customerClass = customerClass
        customer.creditLimit = creditLimit
        customer.paymentTerms = paymentTerms
        customer.currency = currency
        customer.notes = notes
        let keys = SearchKeys.pinyin(for: customer.name)
        customer.pinyin = keys.full
        customer.pinyinInitials = keys.initials
    }
}

/// Creates a customer. Outcome: the stored customer.
public struct CreateCustomer: LedgerCommand {
    public static let name = "customer.create"
    public var fields: CustomerFields
    public init(_ fields: CustomerFields) { self.fields = fields }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> Customer {
        var customer = try checked(in: tx)
        customer.id = try tx.insert(customer)
        context.recordChange(entity: "customer", id: customer.id, before: Customer?.none, after: customer)
        return customer
    }
}

extension CreateCustomer {
    /// The customer this command creates, checked by its rules (fields, a code not used yet in `tx` nor in `used`,
    /// the trimmed codes of customers about to be inserted with it) and built in memory (search keys computed), not
    /// written: id 0. `codeIsFree`: the caller knows no customer has the code (read just before in `tx`), so it is
    /// not read again when it needs no trimming. - Throws: `LedgerError.validation` by field.
    func checked(in tx: any LedgerTransaction, used: Set<String> = [], codeIsFree: Bool = false) throws -> Customer {
        var issues = IssueCollector()
        fields.validate(into: &issues)
        let code = fields.code.trimmingSpaces()
        let readAgain = !(codeIsFree && code == fields.code)
        if !fields.code.isEmpty, try used.contains(code) || (readAgain && tx.customer(code: code) != nil) {
            issues.add("code", "customer code '\(fields.code)' is already used")
        }
        let region = try RegionCheck.code(fields.region, tx: tx, issues: &issues)
        try issues.throwIfAny()
        var customer = Customer(code: fields.code, name: fields.name)
        fields.apply(to: &customer)
        customer.region = region ?? ""
        return customer
    }
}

/// Changes a customer's fields (found by `id`). Outcome: the stored customer.
public struct UpdateCustomer: LedgerCommand {
    public static let name = "customer.update"
    public var id: Int64
    public var fields: CustomerFields
    public init(id: Int64, fields: CustomerFields) {
        self.id = id
        self.fields = fields
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> Customer {
        guard let before = try tx.customer(id: id) else { throw LedgerError.notFound("customer #\(id)") }
        var issues = IssueCollector()
        fields.validate(into: &issues)
        if let other = try tx.customer(code: fields.code.trimmingSpaces()), other.id != id {
            issues.add("code", "customer code '\(fields.code)' is already used")
        }
        let region = try RegionCheck.code(fields.region, current: before.region, tx: tx, issues: &issues)
        try issues.throwIfAny()
        var after = before
        fields.apply(to: &after)
        after.region = region ?? before.region
        try tx.update(after)
        context.recordChange(entity: "customer", id: id, before: before, after: after)
        return after
    }
}

/// Creates a product. Outcome: the stored product.
public struct CreateProduct: LedgerCommand {
    public static let name = "product.create"
    public var sku: String
    public var productName: String
    public var category: String
    public var unit: String
    public var unitPrice: Money
    public var taxRate: Rate

    public init(sku: String, name: String, category: String = "", unit: String = "", unitPrice: Money,
                taxRate: Rate = .zero) {
        self.sku = sku
        self.productName = name
        self.category = category
        self.unit = unit
        self.unitPrice = unitPrice
        self.taxRate = taxRate
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> Product {
        var issues = IssueCollector()
        let sku = self.sku.trimmingSpaces()
        issues.check(!sku.isEmpty, "sku", "is required")
        issues.check(!productName.trimmingSpaces().isEmpty, "name", "is required")
        TextSafety.checkCode(sku, field: "sku", into: &issues)
        TextSafety.checkName(productName, field: "name", into: &issues)
        issues.check(LedgerLimits.isWithinAmountBound(unitPrice.minorUnits), "unitPrice",
                     "must be at most \(LedgerLimits.amountBoundText(unitPrice.currency))")
        issues.check(unitPrice.minorUnits >= 0, "unitPrice", "must be 0 or more")
        issues.check((0...10_000).contains(taxRate.basisPoints), "taxRate", "must be between 0% and 100%")
        if LedgerLimits.isWithinAmountBound(unitPrice.minorUnits), (0...10_000).contains(taxRate.basisPoints) {
            issues.check(LedgerLimits.isSellable(price: unitPrice, rate: taxRate), "unitPrice",
                         LedgerLimits.unsellablePriceMessage(unitPrice.currency))
        }
        if !sku.isEmpty, try tx.product(sku: sku) != nil { issues.add("sku", "product code '\(sku)' is already used") }
        try issues.throwIfAny()
        var product = Product(sku: sku, name: productName.trimmingSpaces(), unitPrice: unitPrice)
        product.category = category
        product.unit = unit
        product.taxRate = taxRate
        let keys = SearchKeys.pinyin(for: product.name)
        product.pinyin = keys.full
        product.pinyinInitials = keys.initials
        product.id = try tx.insert(product)
        context.recordChange(entity: "product", id: product.id, before: Product?.none, after: product)
        return product
    }
}

/// Creates a salesperson. Outcome: the stored salesperson.
public struct CreateSalesperson: LedgerCommand {
    public static let name = "salesperson.create"
    public var code: String
    public var personName: String
    public var region: String
    public init(code: String, name: String, region: String = "") {
        self.code = code
        self.personName = name
        self.region = region
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> Salesperson {
        var issues = IssueCollector()
        let code = self.code.trimmingSpaces()
        issues.check(!code.isEmpty, "code", "is required")
        issues.check(!personName.trimmingSpaces().isEmpty, "name", "is required")
        TextSafety.checkCode(code, field: "code", into: &issues)
        TextSafety.checkName(personName, field: "name", into: &issues)
        // As `UpdateSalesperson` checks it (s34-fix2: a new salesperson's region took control and bidi characters).
        TextSafety.checkName(region, field: "region", into: &issues)
        if !code.isEmpty, try tx.salesperson(code: code) != nil { issues.add("code",
                                                                             "salesperson code '\(code)' is already "
                                                                             + "used") }
        let regionCode = try RegionCheck.code(region, tx: tx, issues: &issues)
        try issues.throwIfAny()
        var person = Salesperson(code: code, name: personName.trimmingSpaces())
        person.region = regionCode ?? ""
        person.id = try tx.insert(person)
        context.recordChange(entity: "salesperson", id: person.id, before: Salesperson?.none, after: person)
        return person
    }
}
