import LedgerCore

/// `reminders` (the collection list, 催款) as a table: customer, invoice, due date, days overdue, open amount,
/// dunning level, the reminder due and a note (snoozed, promises, last contact). The receivables screen lists
/// the same `ReminderItem`s (`Reports.reminders` / `Reports.dashboard`).
public enum RemindersTable {
    /// `levelCodes`: the level as its machine code (CSV/JSON), else its display name in the language.
    public static func make(_ items: [ReminderItem], chinese: Bool = false, levelCodes: Bool = true) -> ReportTable {
        var table = empty
        table.rows = items.map { row($0, chinese: chinese, levelCodes: levelCodes) }
        return table
    }

    /// The table without rows (name and columns), for a streamed listing (`ReportStream`).
    public static var empty: ReportTable {
        // English titles are the keys, as the CLI has always printed them.
        let columns: [(String, ColumnKind, String)] = [
            ("customer", .text, "客户"), ("name", .text, "名称"), ("invoice", .text, "销售单"),
            ("due_date", .date, "到期日"),
            ("days_overdue", .count, "逾期天数"), ("currency", .text, "币种"), ("open", .money, "未核销"),
            ("level", .text, "级别"), ("reminder", .text, "提醒"), ("note", .text, "备注")]
        return ReportTable(name: "reminders", columns: columns.map { ReportColumn($0.0, $0.1, en: $0.0, zh: $0.2) },
                           rows: [])
    }

    /// One item's row of the table.
    public static func row(_ item: ReminderItem, chinese: Bool = false, levelCodes: Bool = true) -> [ReportCell] {
        [.text(item.customerCode), .text(item.customerName), .text(item.invoiceNumber), .date(item.dueDate),
         .count(item.daysOverdue), .text(item.currency.code), .amount(item.open, item.currency),
         .text(levelCodes ? item.level.code : item.level.displayName(chinese: chinese)),
         .text(describe(item.dueReminder, chinese: chinese && !levelCodes)),
         .text(note(item, chinese: chinese && !levelCodes))]
    }

    /// The reminder due, in words (`due in 3 days`, `12 days overdue`, `promise of 2026-11-02 broken`; in Chinese
    /// `3 天后到期`, `已逾期 12 天`, `2026-11-02 的付款承诺未兑现`).
    public static func describe(_ kind: ReminderKind?, chinese: Bool = false) -> String {
        switch kind {
        case nil: return ""
        case let .beforeDue(days)?: return chinese ? "\(days) 天后到期" : "due in \(days) days"
        case .onDueDate?: return chinese ? "今日到期" : "due today"
        case let .overdue(days)?: return chinese ? "已逾期 \(days) 天" : "\(days) days overdue"
        case let .brokenPromise(promised)?: return chinese ? "\(promised) 的付款承诺未兑现" : "promise of \(promised) broken"
        }
    }

    /// Snoozed, pending promise, broken promises and the last contact, `; `-separated (Chinese: `；`).
    public static func note(_ item: ReminderItem, chinese: Bool = false) -> String {
        var parts: [String] = []
        if item.isSnoozed { parts.append(chinese ? "暂缓催收" : "snoozed") }
        if let promise = item.pendingPromise { parts.append(chinese ? "承诺 \(promise) 付款" : "promised \(promise)") }
        if item.brokenPromises > 0 {
            parts.append(chinese ? "\(item.brokenPromises) 次承诺未兑现" : "\(item.brokenPromises) broken promise(s)")
        }
        if let last = item.lastContact { parts.append(chinese ? "最近联系 \(last)" : "last contact \(last)") }
        return parts.joined(separator: chinese ? "；" : "; ")
    }
}
