/// A class a rule computed for one record, with the figures behind it (kept in the history's reason).
public struct RuleClassResult: Hashable, Sendable, Codable {
    public var entityID: Int64
    public var classCode: String
    /// Short explanation, e.g. `revenue 12345.00, cumulative 81.20 %`.
    public var reason: String
    public init(entityID: Int64, classCode: String, reason: String = "") {
        self.entityID = entityID
        self.classCode = classCode
        self.reason = reason
    }
}

/// What a rule run wrote.
public struct RuleApplyOutcome: Hashable, Sendable, Codable, CustomStringConvertible {
    public var rule: String
    public var dimension: String
    /// Records whose class changed (previous class kept in history).
    public var changed: Int = 0
    /// Records whose class was already the rule's.
    public var unchanged: Int = 0
    /// Records left alone because a user set their class by hand.
    public var skippedManual: [Int64] = []
    public var description: String {
        "\(rule) → \(dimension): \(changed) changed, \(unchanged) unchanged, \(skippedManual.count) kept (set by "
        + "hand)"
    }
}

/// Writes the classes a rule computed (ABC, RFM, payment risk) through the command layer.
///
/// A class set by hand is never overwritten unless `overwriteManual`; a built-in column value that was not set by a
/// classification command (e.g. typed on the customer form or imported) counts as set by hand. Each change keeps
/// the previous class in the record's history and in the audit log.
/// - Throws: `LedgerError.validation` for an unknown dimension, a dimension of another entity, or a class code
///   that is not a class of the dimension.
public struct ApplyRuleClasses: LedgerCommand {
    public static let name = "class.rule.apply"
    public var rule: String
    public var dimension: String
    public var entity: ClassEntity
    public var results: [RuleClassResult]
    public var overwriteManual: Bool
    public init(rule: String, dimension: String, entity: ClassEntity, results: [RuleClassResult],
                overwriteManual: Bool = false) {
        self.rule = rule
        self.dimension = dimension
        self.entity = entity
        self.results = results
        self.overwriteManual = overwriteManual
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> RuleApplyOutcome {
        var issues = IssueCollector()
        if let dim = try tx.classDimension(code: dimension) {
            issues.check(dim.entity == entity, "dimension",
                         "'\(dimension)' classifies \(dim.entity.rawValue)s, not \(entity.rawValue)s")
        } else {
            issues.add("dimension", "unknown dimension '\(dimension)'")
        }
        for code in Set(results.map(\.classCode)).sorted() where try tx.classNode(dimension: dimension,
                                                                                  code: code) == nil {
            issues.add("class", "'\(code)' is not a class of '\(dimension)'")
        }
        try issues.throwIfAny()
        var outcome = RuleApplyOutcome(rule: rule, dimension: dimension)
        for result in results {
            let current = try tx.classCode(entity: entity, entityID: result.entityID, dimension: dimension)
            let row = try tx.classAssignment(entity: entity, entityID: result.entityID, dimension: dimension)
            let isManual = !current.isEmpty && (row == nil || row?.classCode != current || row?.source.isManual == true)
            if isManual && !overwriteManual {
                if current != result.classCode {
                    outcome.skippedManual.append(result.entityID)
                } else {
                    outcome.unchanged += 1
                }
                continue
            }
            if current == result.classCode && !isManual { outcome.unchanged += 1; continue }
            _ = try ClassWriter.write(entity: entity, entityID: result.entityID, dimension: dimension,
                                      code: result.classCode,
                                      source: .rule(rule), reason: result.reason, in: tx, context: context)
            outcome.changed += 1
        }
        return outcome
    }
}

/// Records that the scheduled rules ran on `date` (setting `classification.scheduled.last_run`).
public struct RecordScheduledClassification: LedgerCommand {
    public static let name = "class.schedule.record"
    public static let settingKey = "classification.scheduled.last_run"
    public var date: CivilDate
    public init(date: CivilDate) { self.date = date }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> CivilDate {
        let before = try tx.classificationSetting(Self.settingKey)
        try tx.setClassificationSetting(Self.settingKey, value: date.description)
        context.recordChange(entity: "setting", id: 0, before: before, after: date.description)
        return date
    }
}
