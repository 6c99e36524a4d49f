import LedgerCore
import TerminalUI

/// UI language.
public enum Language: String, Sendable, CaseIterable {
    case en, zh

    /// `zh` when LC_ALL / LC_MESSAGES / LANG (first set, in that order) starts with `zh`.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], !value.isEmpty { return value.lowercased().hasPrefix("zh") ? .zh : .en }
        }
        return .en
    }
}

/// Every UI string in English and Simplified Chinese, using the standard accounting words
/// (销售单, 收款单, 核销, 应收余额, 账龄, 逾期, 对账单, 红字冲销).
public struct Strings: Sendable {
    public let language: Language
    public init(_ language: Language) { self.language = language }
    var zh: Bool { language == .zh }
    func t(_ en: String, _ zh: String) -> String { self.zh ? zh : en }

    // Shell
    var appName: String { t("SalesLedger", "销售台账") }
    var screenSalesEntry: String { t("Sales entry", "销售录入") }
    var screenCustomers: String { t("Customers", "客户") }
    var screenReceivables: String { t("Receivables", "应收账款") }
    var screenCharts: String { t("Charts", "图表") }
    var screenReports: String { t("Reports", "报表") }
    var screenProducts: String { t("Products", "商品") }
    var screenDocuments: String { t("Documents", "单据") }
    var user: String { t("User", "用户") }
    /// A role's name for the title bar and the CLI's user list. The clerk is 录单员, never 业务员 (the salesperson).
    public func roleName(_ role: UserRole) -> String {
        switch role {
        case .clerk: return t("clerk", "录单员")
        case .manager: return t("manager", "经理")
        case .auditor: return t("auditor", "审计员")
        case .admin: return t("admin", "管理员")
        }
    }
    var today: String { t("Today", "今天") }
    var help: String { t("Help", "帮助") }
    var quit: String { t("Quit", "退出") }
    var keysTitle: String { t("Keys", "按键") }
    var screens: String { t("Screens", "切换界面") }
    var search: String { t("Search", "搜索") }
    var open: String { t("Open", "打开") }
    var back: String { t("Back", "返回") }
    var noRecentBackup: String { t("no backup in 24 h", "24小时内无备份") }
    /// The title bar's count of reminders due: "1 reminder", "3 reminders", "3 条提醒".
    func remindersBadge(_ n: Int) -> String { zh ? "\(n) 条提醒" : n == 1 ? "1 reminder" : "\(n) reminders" }
    /// The title bar's badge when today's reminders could not be counted (a damaged ledger).
    var remindersUnknown: String { t("reminders ?", "提醒 ?") }
    var unsavedTitle: String { t("Unsaved changes", "未保存的修改") }
    var unsavedQuit: String {
        t("Something being entered is not saved (a sale, a customer or a receipt). Quit anyway?",
          "有尚未保存的录入（销售单、客户或收款单），确定退出吗？")
    }
    var welcomeTitle: String { t("Welcome to SalesLedger", "欢迎使用销售台账") }
    var welcomeMessage: String {
        t("This ledger is empty. Load a sample ledger or start empty.", "账套为空。可以载入示例账套，或从空账套开始。")
    }
    var welcomeOptions: [String] {
        [t("Northwind (English sample)", "Northwind 英文示例"), t("IBM receivables sample", "IBM 应收款示例"),
         t("Generated Chinese sample (中文示例)", "生成中文示例账套"), t("Start empty", "从空账套开始")]
    }
    var loading: String { t("Loading…", "正在载入……") }

    // Sales entry
    var customer: String { t("Customer", "客户") }
    var date: String { t("Date", "日期") }
    var salesperson: String { t("Salesperson", "业务员") }
    var channel: String { t("Channel", "渠道") }
    var region: String { t("Region", "区域") }
    var terms: String { t("Terms", "收款条件") }
    var dueDate: String { t("Due date", "到期日") }
    var currency: String { t("Currency", "币种") }
    var product: String { t("Product", "商品") }
    var quantity: String { t("Qty", "数量") }
    var unitPrice: String { t("Unit price", "单价") }
    var discount: String { t("Disc %", "折扣%") }
    var taxRate: String { t("Tax %", "税率%") }
    var amount: String { t("Amount", "金额") }
    /// A sales line's figure in F3: net plus its tax (价税合计), not the net 金额 of F9's invoice view.
    var lineTotal: String { t("Total", "价税合计") }
    var subtotal: String { t("Subtotal", "不含税金额") }
    var tax: String { t("Tax", "税额") }
    var total: String { t("Total", "价税合计") }
    var openBalance: String { t("Open balance", "应收余额") }
    var overdue: String { t("Overdue", "逾期") }
    var creditLimit: String { t("Credit limit", "信用额度") }
    var noLimit: String { t("none", "无") }
    var post: String { t("Post", "过账") }
    var saveDraft: String { t("Save draft", "存草稿") }
    var addLine: String { t("Add line", "加行") }
    var deleteLine: String { t("Delete line", "删行") }
    var todaysSales: String { t("Today's sales", "今日销售单") }
    var posted: String { t("Posted", "已过账") }
    var draftSaved: String { t("Draft saved", "草稿已保存") }
    var restoreDraftTitle: String { t("Restore draft?", "恢复草稿？") }
    var restoreDraftMessage: String {
        t("A sale was being entered when SalesLedger stopped. Restore it?", "上次退出时有未完成的销售单，是否恢复？")
    }
    /// The start of F3's "fix these fields" status line (`SalesEntryScreen.fixMessage` names the fields after it:
    /// tryout s32 found "fix the red fields" told which ones by colour alone).
    var fixErrors: String { t("Fix these fields:", "请修正以下字段：") }
    var creditWarning: String { t("Credit check", "信用检查") }
    /// The reason a manager gives to post over a credit hold, named after the hold (`CreditHoldReason.message`):
    /// over the limit (超额原因), an invoice overdue past "stop credit" (逾期放行原因), or both (信用放行原因).
    func overrideReason(_ reasons: [String]) -> String {
        let overLimit = reasons.contains { $0.contains("over the credit limit") }
        let overdue = reasons.contains { $0.contains("days overdue") }
        if overLimit && !overdue { return t("Over-limit reason", "超额原因") }
        if overdue && !overLimit { return t("Overdue override reason", "逾期放行原因") }
        return t("Override reason", "信用放行原因")
    }
    var voidAction: String { t("Void", "作废") }
    var creditAction: String { t("Credit note", "红字冲销") }
    var reasonPrompt: String { t("Reason", "原因") }
    var voided: String { t("Voided", "已作废") }
    var newSale: String { t("New sale", "新销售单") }

    // Customers
    var code: String { t("Code", "编码") }
    var name: String { t("Name", "名称") }
    var customerClass: String { t("Class", "等级") }
    var balance: String { t("Balance", "应收余额") }
    var lastPurchase: String { t("Last sale", "最近销售") }
    var sales12: String { t("12-month sales", "近12月销售") }
    var contact: String { t("Contact", "联系人") }
    var phone: String { t("Phone", "电话") }
    var email: String { t("E-mail", "邮箱") }
    var address: String { t("Address", "地址") }
    var notes: String { t("Notes", "备注") }
    var addCustomer: String { t("Add customer", "新增客户") }
    var editCustomer: String { t("Edit customer", "编辑客户") }
    var salesThisYear: String { t("Sales this year", "本年销售") }
    var averageDaysToPay: String { t("Avg days to pay", "平均回款天数") }
    var averageDaysLate: String { t("Avg days late", "平均逾期天数") }
    var creditUsed: String { t("Credit used", "额度占用") }
    var invoices: String { t("Invoices", "销售单") }
    var receiptAction: String { t("Receipt", "收款") }
    var recordReceipt: String { t("Record receipt", "录入收款单") }
    var receiptRecorded: String { t("Receipt recorded", "收款单已录入") }
    var statement: String { t("Statement", "对账单") }
    var archive: String { t("Archive", "归档") }
    var number: String { t("Number", "单号") }
    var openAmount: String { t("Open", "未核销") }
    var status: String { t("Status", "状态") }
    var method: String { t("Method", "收款方式") }
    var reference: String { t("Reference", "参考号") }

    // Receivables
    var asOf: String { t("As of", "截至") }
    var totalOpen: String { t("Total open", "应收合计") }
    /// The open invoices' total (the aging bar's sum), shown instead of the net total when the unapplied credits
    /// do not fit beside it.
    var openInvoicesTotal: String { t("Open invoices", "未核销销售单") }
    var overdueTotal: String { t("Overdue", "逾期合计") }
    /// F5's DSO: over the 90 days ending the as-of date (`Reports.defaultDSOStart`); the audit's is per period.
    var dso: String { t("DSO 90d", "90天周转天数") }
    var aging: String { t("Aging", "账龄") }
    /// The aging buckets' names: in Chinese the report's own (`StatementWords.bucket`: 未到期, 逾期1-30天 …
    /// 逾期91+天), so F5, F6, F7 and `report aging` name a bucket alike.
    var agingLabels: [String] {
        zh ? AgingBuckets.standard.labels.map(StatementWords(chinese: true).bucket)
           : ["Current", "1–30", "31–60", "61–90", "91+"]
    }
    var daysOverdue: String { t("Days", "逾期天数") }
    var overdueInvoices: String { t("Overdue invoices", "逾期销售单") }
    var unappliedCredits: String { t("Unapplied credits", "未核销预收") }
    var sortByDays: String { t("Sort by days", "按天数排序") }
    var sortByAmount: String { t("Sort by amount", "按金额排序") }
    var changeDate: String { t("As-of date", "截止日期") }
    var reminders: String { t("Reminders due today", "今日回款提醒") }
    /// The reminders list's title on another as-of date than today (tryout s34: 今日回款提醒 on a past date).
    func reminders(on date: CivilDate, today: CivilDate) -> String {
        date == today ? reminders : t("Reminders due \(date)", "\(date) 回款提醒")
    }
    var level: String { t("Level", "催款级别") }
    var lastContact: String { t("Last contact", "最近跟进") }
    var logContact: String { t("Log contact", "记录跟进") }
    var contactChannel: String { t("Channel", "方式") }
    var promisedDate: String { t("Promised date", "承诺付款日") }
    var snooze: String { t("Snooze", "暂停提醒") }
    var snoozeUntil: String { t("Until", "暂停至") }
    var switchList: String { t("Reminders/overdue", "提醒/逾期切换") }
    var nothingOverdue: String { t("Nothing is overdue.", "没有逾期的销售单。") }

    // Charts and reports
    var monthlySales: String { t("Monthly sales", "月度销售") }
    var previousYear: String { t("previous year", "上年同期") }
    var thisPeriod: String { t("this year", "本期") }
    var salesBy: String { t("Sales by", "销售额按") }
    var topCustomers: String { t("Top 10 customers", "前十大客户") }
    var agingDistribution: String { t("Aging distribution", "账龄分布") }
    var noData: String { t("No data", "无数据") }
    var dimension: String { t("Dimension", "维度") }
    var period: String { t("Period", "期间") }
    var months: String { t("months", "个月") }
    var exportCSV: String { t("Export CSV", "导出CSV") }
    var exported: String { t("Exported to", "已导出到") }
    var salesReport: String { t("Sales report", "销售报表") }
    var pivotReport: String { t("Pivot", "透视表") }
    var collections: String { t("Collections", "回款") }
    var paymentDays: String { t("Payment days", "回款天数") }
    var documents: String { t("Docs", "单数") }
    var net: String { t("Net", "不含税") }
    var category: String { t("Category", "商品类别") }
    var month: String { t("Month", "月份") }
    var quarter: String { t("Quarter", "季度") }
    var year: String { t("Year", "年度") }

    /// The toolkit's English key labels and help texts in Chinese (the toolkit itself has no languages).
    static let toolkitChinese: [String: String] = [
        "Next/Prev": "下/上一项", "Next": "下一项", "Save": "保存", "Cancel": "取消", "Clear": "清除", "Change": "切换",
        "Suggest": "候选", "Move": "移动", "Page": "翻页", "Filter": "筛选", "Sort": "排序", "Open": "打开", "Done": "完成",
        "Close": "关闭", "Yes": "是", "No": "否", "Pick": "选择",
        "Move to the next / previous field": "移到下一个/上一个字段", "Next field; on the last field, save": "下一字段；最后一个字段时保存",
        "Check all fields and save": "检查所有字段并保存", "Leave the form (asks when there are changes)": "离开表单（有修改时先确认）",
        "Pick another option": "选择其他选项", "Choose a suggestion, Enter accepts": "选择候选项，回车确认",
        "Delete to start / end of the field": "删除到字段开头/结尾", "Type to filter rows": "输入文字筛选",
        "s: next sort column, S: reverse order": "s：下一排序列，S：反向", "Stop editing the filter": "结束筛选输入",
        "Clear the filter": "清除筛选",
    ]

    /// A key binding in the UI language (toolkit labels translated).
    func localized(_ binding: KeyBinding) -> KeyBinding {
        guard zh else { return binding }
        var b = binding
        b.label = Strings.toolkitChinese[b.label] ?? b.label
        b.help = Strings.toolkitChinese[b.help] ?? b.help
        return b
    }

    /// The keys of a yes/no dialog, as its footer shows them.
    var confirmFooter: String { t("[y] Yes   [n] No", "[y] 是   [n] 否") }
    /// The footer of a confirmation whose default is No (Enter declines).
    var confirmFooterNoDefault: String { t("[y] Yes   [n/Enter] No", "[y] 是   [n/Enter] 否") }

    /// Translates a toolkit form's own texts (the discard question).
    func localize(_ form: inout Form) {
        form.discardTitle = t("Discard changes?", "放弃修改？")
        form.discardMessage = t("The form has unsaved changes. Discard them?", "表单有未保存的修改，确定放弃吗？")
        // The footer the app's other yes/no dialogs show (`LedgerApp.localized`); tryout s32 saw `[y] Yes   [n] No`.
        form.discardFooter = confirmFooter
        if zh {
            form.problemsHeadings = ["1 个问题，修正后才能保存：", "%d 个问题，修正后才能保存："]
            form.seeBelow = "见下方"
            let strings = self
            form.issueText = { strings.core($0) }
        }
    }

    /// A table view with the filter label in the UI language.
    func localize(_ view: TableView) -> TableView {
        var v = view
        v.filterLabel = t("Filter: ", "筛选：")
        v.emptyText = t("(no rows)", "（无数据）")
        v.hiddenColumnsText = t("+%d columns", "另有%d列")
        v.hiddenColumnText = t("+1 column", "另有1列")
        return v
    }

    func dimensionName(_ raw: String) -> String {
        switch raw {
        case "month": return month
        case "quarter": return quarter
        case "year": return year
        case "customer": return customer
        case "region": return region
        case "channel": return channel
        case "salesperson": return salesperson
        case "product": return product
        case "category": return category
        case "customer_class": return customerClass
        default:
            // The other built-in dimensions (payment_risk, rfm_segment, product_abc) by their seeded names.
            return BuiltInDimension(rawValue: raw)?.dimension.name(chinese: zh) ?? raw
        }
    }
}
