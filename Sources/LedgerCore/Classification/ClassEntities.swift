/// What a class is attached to: a customer, a product or a document (invoice / credit note).
public enum ClassEntity: String, Sendable, Codable, CaseIterable, Hashable {
    case customer, product, invoice
}

/// A classification dimension (分类维度): a named way of sorting records, such as region (区域) or sales
/// channel (销售渠道). `code` is lower-case ASCII (`region`, `industry`); names are shown in English or Chinese.
///
/// Built-in dimensions keep their value in a column of the record (`customer.region`, `customer.channel`,
/// `customer.customer_class`, `product.category`); user-defined ones in the `class_assignment` table.
public struct ClassDimension: Hashable, Sendable, Codable, Identifiable {
    public var code: String
    public var nameEN: String
    public var nameZH: String
    /// The records whose classes this dimension sorts.
    public var entity: ClassEntity
    /// Shipped with the app (cannot be removed); false for user-defined dimensions.
    public var isBuiltIn: Bool
    public var id: String { code }

    public init(code: String, nameEN: String, nameZH: String, entity: ClassEntity, isBuiltIn: Bool = false) {
        self.code = code
        self.nameEN = nameEN
        self.nameZH = nameZH
        self.entity = entity
        self.isBuiltIn = isBuiltIn
    }

    /// The name in the UI language (`zh` or else English); falls back to the other name, then the code.
    public func name(chinese: Bool) -> String {
        let first = chinese ? nameZH : nameEN
        let second = chinese ? nameEN : nameZH
        return !first.isEmpty ? first : (!second.isEmpty ? second : code)
    }
}

/// Codes of the built-in dimensions and the record column each is kept in.
public enum BuiltInDimension: String, Sendable, CaseIterable {
    /// 客户等级 — customer class (tier) A/B/C; `customer.customer_class`; customer ABC writes here.
    case customerClass = "customer_class"
    /// 商品类别 — product category → sub-category; `product.category`.
    case category
    /// 销售渠道 — sales channel; `customer.channel`, copied to each document at posting.
    case channel
    /// 区域 — region: country → province → city (`CN` → `CN-33` → `CN-33-01`); `customer.region`, copied at
    /// posting.
    case region
    /// RFM segment (RFM 客户细分), written by the RFM rule; assignment table.
    case rfmSegment = "rfm_segment"
    /// Payment-risk class (回款风险) low/medium/high, written by the payment-risk rule; assignment table.
    case paymentRisk = "payment_risk"
    /// Product ABC class (商品ABC分类), written by the product ABC rule; assignment table.
    case productABC = "product_abc"

    /// The dimension's definition as seeded by the migration.
    public var dimension: ClassDimension {
        switch self {
        case .customerClass: return ClassDimension(code: rawValue, nameEN: "Customer class", nameZH: "客户等级",
                                                   entity: .customer, isBuiltIn: true)
        case .category: return ClassDimension(code: rawValue, nameEN: "Product category", nameZH: "商品类别",
                                              entity: .product, isBuiltIn: true)
        case .channel: return ClassDimension(code: rawValue, nameEN: "Sales channel", nameZH: "销售渠道",
                                             entity: .customer, isBuiltIn: true)
        case .region: return ClassDimension(code: rawValue, nameEN: "Region", nameZH: "区域", entity: .customer,
                                            isBuiltIn: true)
        case .rfmSegment: return ClassDimension(code: rawValue, nameEN: "RFM segment", nameZH: "RFM 客户细分",
                                                entity: .customer, isBuiltIn: true)
        case .paymentRisk: return ClassDimension(code: rawValue, nameEN: "Payment risk", nameZH: "回款风险",
                                                 entity: .customer, isBuiltIn: true)
        case .productABC: return ClassDimension(code: rawValue, nameEN: "Product ABC class", nameZH: "商品ABC分类",
                                                entity: .product, isBuiltIn: true)
        }
    }

    /// Whether documents copy this class at posting (`document.region`, `document.channel`).
    public var isCopiedAtPosting: Bool { self == .channel || self == .region }
}

/// A class (分类) of a dimension, possibly under a parent class of the same dimension (`CN-33-01` under `CN-33`).
public struct ClassNode: Hashable, Sendable, Codable {
    public var dimension: String
    public var code: String
    /// Code of the parent class in the same dimension; "" for a top-level class.
    public var parentCode: String
    public var nameEN: String
    public var nameZH: String
    /// Order among siblings (file order on import).
    public var sortOrder: Int

    public init(dimension: String, code: String, parentCode: String = "", nameEN: String, nameZH: String = "",
                sortOrder: Int = 0) {
        self.dimension = dimension
        self.code = code
        self.parentCode = parentCode
        self.nameEN = nameEN
        self.nameZH = nameZH
        self.sortOrder = sortOrder
    }

    /// The name in the UI language, falling back to the other name, then the code.
    public func name(chinese: Bool) -> String {
        let first = chinese ? nameZH : nameEN
        let second = chinese ? nameEN : nameZH
        return !first.isEmpty ? first : (!second.isEmpty ? second : code)
    }
}

/// Who set a class: a user by hand (protected from rules), a rule (`abc`, `rfm`, `risk`) or an import.
public enum ClassSource: Hashable, Sendable, Codable, CustomStringConvertible {
    case manual
    case rule(String)

    /// `manual` or `rule:<name>` as stored.
    public var description: String {
        switch self {
        case .manual: return "manual"
        case let .rule(name): return "rule:" + name
        }
    }

    public init(stored: String) {
        self = stored.hasPrefix("rule:") ? .rule(String(stored.dropFirst(5))) : .manual
    }

    public var isManual: Bool { self == .manual }
}

/// The class a record has in one dimension, and who set it.
public struct ClassAssignment: Hashable, Sendable, Codable {
    public var entity: ClassEntity
    public var entityID: Int64
    public var dimension: String
    /// "" = no class.
    public var classCode: String
    public var source: ClassSource
    /// Date the class was set.
    public var setOn: CivilDate

    public init(entity: ClassEntity, entityID: Int64, dimension: String, classCode: String, source: ClassSource,
                setOn: CivilDate) {
        self.entity = entity
        self.entityID = entityID
        self.dimension = dimension
        self.classCode = classCode
        self.source = source
        self.setOn = setOn
    }
}

/// One reclassification of one record (class history, per record), newest last.
public struct ClassHistoryEntry: Hashable, Sendable, Codable {
    public var entity: ClassEntity
    public var entityID: Int64
    public var dimension: String
    /// "" when the record had no class.
    public var oldCode: String
    public var newCode: String
    public var source: ClassSource
    public var actor: String
    public var changedOn: CivilDate
    public var reason: String

    public init(entity: ClassEntity, entityID: Int64, dimension: String, oldCode: String, newCode: String,
                source: ClassSource, actor: String, changedOn: CivilDate, reason: String = "") {
        self.entity = entity
        self.entityID = entityID
        self.dimension = dimension
        self.oldCode = oldCode
        self.newCode = newCode
        self.source = source
        self.actor = actor
        self.changedOn = changedOn
        self.reason = reason
    }
}
