/// A customer (客户). `code` is unique; Chinese names are normal and carry cached pinyin search keys.
public struct Customer: Hashable, Sendable, Codable, Identifiable {
    public var id: Int64
    public var code: String
    public var name: String
    public var contact: String = ""
    public var phone: String = ""
    public var email: String = ""
    public var address: String = ""
    /// Region class code, e.g. `CN-33-01`, or a country name from imported data.
    public var region: String = ""
    /// Sales channel class code.
    public var channel: String = ""
    /// Customer class (tier) code, e.g. `A`.
    public var customerClass: String = ""
    /// Credit limit in the customer's currency; nil = no limit.
    public var creditLimit: Money?
    public var paymentTerms: PaymentTerms = .net30
    public var currency: Currency = .cny
    public var notes: String = ""
    public var isArchived: Bool = false
    /// Full pinyin of the name, lower case without tones and spaces (`beijingxinghe…`), computed when saved.
    public var pinyin: String = ""
    /// Pinyin initials (`bjxh…`), computed when saved.
    public var pinyinInitials: String = ""

    public init(id: Int64 = 0, code: String, name: String) {
        self.id = id
        self.code = code
        self.name = name
    }
}

/// A product (商品).
public struct Product: Hashable, Sendable, Codable, Identifiable {
    public var id: Int64
    public var sku: String
    public var name: String
    public var category: String = ""
    public var unit: String = ""
    public var unitPrice: Money
    public var taxRate: Rate = .zero
    public var pinyin: String = ""
    public var pinyinInitials: String = ""
    public var isArchived: Bool = false

    public init(id: Int64 = 0, sku: String, name: String, unitPrice: Money) {
        self.id = id
        self.sku = sku
        self.name = name
        self.unitPrice = unitPrice
    }
}

/// A salesperson (业务员), who may also be a user of the ledger.
public struct Salesperson: Hashable, Sendable, Codable, Identifiable {
    public var id: Int64
    public var code: String
    public var name: String
    public var region: String = ""

    public init(id: Int64 = 0, code: String, name: String) {
        self.id = id
        self.code = code
        self.name = name
    }
}
