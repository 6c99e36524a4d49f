/// The scripted lessons of training mode, in order. Customer and product codes are those of the generated sample
/// (`sample generate`: customers C0001…, products P001…), which the practice ledger is made from.
/// Words follow shared/docs/glossary.md (销售单, 收款单, 核销, 红字冲销, 逾期, 对账单, 账龄,
/// 坏账核销, 备份, 恢复).
public enum TrainingLessons {
    public static let all: [TrainingLesson] = [
        saleTwoLines, draftReopen, creditOneLine, receiptAllocation, overdueCall, statement, backupRestore,
        pinyinSearch,
    ]

    /// The lesson with key `id`, or numbered `id` (1-based).
    public static func lesson(_ id: String) -> TrainingLesson? {
        if let n = Int(id), (1...all.count).contains(n) { return all[n - 1] }
        return all.first { $0.id == id }
    }

    /// 1-based position of a lesson.
    public static func number(of id: String) -> Int { (all.firstIndex { $0.id == id } ?? -1) + 1 }

    static let saleTwoLines = TrainingLesson(
        id: "sale-two-lines",
        title: LocalText("Enter a sale with two lines", "录入两行的销售单"),
        steps: [
            LocalText("F3 Sales entry; in Customer type C0001 and pick it (Enter).",
                      "F3 销售录入；客户栏输入 C0001，回车选中。"),
            LocalText("Tab to line 1: product P001, quantity 3.", "Tab 到第1行：商品 P001，数量 3。"),
            LocalText("Tab past the last column; line 2: product P002, quantity 2.",
                      "Tab 到第2行：商品 P002，数量 2。"),
            LocalText("Post with F2; note the invoice number.", "按 F2 过账，记下销售单号。"),
            LocalText("F12 → Check lesson.", "F12 → 检查本课。"),
        ],
        expectations: [
            .invoice(
                customer: "C0001",
                lines: [
                    TrainingLine(sku: "P001", quantity: 3),
                    TrainingLine(sku: "P002", quantity: 2),
                ])
        ],
        quiz: [
            QuizQuestion(
                LocalText(
                    "A posted invoice (销售单) has a wrong quantity. What do you do?",
                    "已过账的销售单数量错了，应该怎么办？"),
                [
                    LocalText("Edit the posted invoice", "直接修改已过账的销售单"),
                    LocalText("Issue a credit note (红字冲销) or have a manager void it",
                              "开红字冲销，或请主管作废"),
                    LocalText("Delete it", "删除它"),
                ], answer: 1),
            QuizQuestion(
                LocalText("How is a line's VAT computed?", "每行税额怎么计算？"),
                [
                    LocalText("Per line, rounded half up (四舍五入), at the line's rate",
                              "按行计算，按该行税率四舍五入"),
                    LocalText("Once on the invoice total", "按整张单合计一次计算"),
                    LocalText("Always at 13 %", "一律按 13%"),
                ], answer: 0),
        ])

    static let draftReopen = TrainingLesson(
        id: "draft-reopen",
        title: LocalText("Save and reopen a draft", "保存并重新打开草稿"),
        steps: [
            LocalText("F3; customer C0002, line 1: P003 quantity 1.",
                      "F3；客户 C0002，第1行：商品 P003，数量 1。"),
            LocalText("Save it as a draft with ^D (no number is used).",
                      "按 ^D 保存为草稿（不占用单号）。"),
            LocalText("Open the drafts with ^O and reopen it (Enter).",
                      "按 ^O 打开草稿列表，回车重新打开。"),
            LocalText("Change the quantity to 4 and post with F2.", "把数量改为 4，按 F2 过账。"),
            LocalText("F12 → Check lesson.", "F12 → 检查本课。"),
        ],
        expectations: [
            .draftSavedAndReopened,
            .invoice(customer: "C0002", lines: [TrainingLine(sku: "P003", quantity: 4)]),
        ],
        quiz: [
            QuizQuestion(
                LocalText("Does a saved draft use an invoice number?", "保存草稿会占用销售单号吗？"),
                [LocalText("Yes", "会"), LocalText("No: the number is given when it is posted",
                                                  "不会，过账时才编号")],
                answer: 1),
            QuizQuestion(
                LocalText("Drafts older than how many days are flagged?", "草稿超过几天会被标记？"),
                [LocalText("3", "3 天"), LocalText("7", "7 天"), LocalText("30", "30 天")], answer: 1),
        ])

    static let creditOneLine = TrainingLesson(
        id: "credit-one-line",
        title: LocalText("Credit one line of a returned sale", "红字冲销退货的一行"),
        steps: [
            LocalText(
                "Invoice {target} of {target.customer} was prepared: line 1 P001 × 2 at 13 %, line 2 P012 × 5 at 9 %.",
                "已准备销售单 {target}（客户 {target.customer}）：第1行 P001 × 2（13%），第2行 P012 "
                + "× 5（9%）。"),
            LocalText("The customer returned all of line 2 (5 units).", "客户退回了第2行的全部 5 件。"),
            LocalText(
                "In a second terminal: salesledger --practice credit-note add --applies-to {target} "
                    + "--line 2:5 --reason 退货",
                "在另一个终端：salesledger --practice credit-note add --applies-to {target} --line 2:5 --reason "
                + "退货"),
            LocalText("F12 → Check lesson.", "F12 → 检查本课。"),
        ],
        setup: [
            .postInvoice(
                ref: "target", customer: "C0003", daysAgo: 5,
                lines: [
                    TrainingLine(sku: "P001", quantity: 2, taxBP: 1300),
                    TrainingLine(sku: "P012", quantity: 5, taxBP: 900),
                ])
        ],
        expectations: [
            .creditNote(ref: "target", lines: [TrainingLine(sku: "P012", quantity: 5, taxBP: 900, creditsLine: 2)])
        ],
        quiz: [
            QuizQuestion(
                LocalText("At which VAT rate does a credit note by line reverse tax?",
                          "按行红字冲销按什么税率冲回税额？"),
                [
                    LocalText("The rate of the invoice line it reverses", "被冲销那一行的税率"),
                    LocalText("Always 13 %", "一律 13%"), LocalText("0 %", "0%"),
                ], answer: 0),
            QuizQuestion(
                LocalText("Can a line be credited beyond what is left of it?",
                          "一行能冲销超过其剩余数量吗？"),
                [LocalText("Yes", "能"), LocalText("No", "不能")], answer: 1),
        ])

    static let receiptAllocation = TrainingLesson(
        id: "receipt-allocation",
        title: LocalText("Record a receipt and allocate it (核销)", "录入收款单并核销"),
        steps: [
            LocalText(
                "Invoice {target} of {target.customer} ({target.total}) was prepared; the customer paid it in full.",
                "已准备销售单 {target}（客户 {target.customer}，金额 "
                + "{target.total}），客户已全额付款。"),
            LocalText(
                "F5 Receivables; t shows the overdue list; / and type {target.customer}; select {target}.",
                "F5 应收账款；按 t 看逾期清单；按 / 输入 {target.customer}；选中 {target}。"),
            LocalText(
                "r records the receipt: amount {target.total}; save with ^S (it is allocated to {target}).",
                "按 r 录入收款单：金额 {target.total}；^S 保存（核销到 {target}）。"),
            LocalText("F12 → Check lesson.", "F12 → 检查本课。"),
        ],
        setup: [
            .postInvoice(
                ref: "target", customer: "C0004", daysAgo: 75,
                lines: [TrainingLine(sku: "P004", quantity: 1, taxBP: 1300)])
        ],
        expectations: [.receiptAllocated(customer: "C0004", ref: "target")],
        quiz: [
            QuizQuestion(
                LocalText("A receipt larger than the open invoices: what happens to the rest?",
                          "收款大于未核销金额，多出的部分怎么处理？"),
                [
                    LocalText("It is refused", "拒绝录入"),
                    LocalText("It stays as unapplied customer credit (预收款)",
                              "作为未核销预收留在客户名下"),
                    LocalText("It is written off", "做坏账核销"),
                ], answer: 1),
            QuizQuestion(
                LocalText("Without a chosen invoice, a receipt is allocated to…",
                          "不指定销售单时，收款单核销到……"),
                [LocalText("the oldest due date first", "到期日最早的销售单"),
                 LocalText("the newest invoice", "最新的销售单")],
                answer: 0),
        ])

    static let overdueCall = TrainingLesson(
        id: "overdue-call",
        title: LocalText("Find today's overdue customers and log a call",
                         "查找今天逾期的客户并记录催款电话"),
        steps: [
            LocalText("F5 Receivables; t shows reminders and overdue (逾期) invoices.",
                      "F5 应收账款；按 t 查看提醒和逾期销售单。"),
            LocalText("Pick an overdue customer; l logs the call.", "选一个逾期客户；按 l 记录联系。"),
            LocalText(
                "Channel phone, a note, and the promised payment date (承诺付款日), today or later; ^S.",
                "方式选电话，写备注，填承诺付款日（今天或以后）；^S 保存。"),
            LocalText("F12 → Check lesson.", "F12 → 检查本课。"),
        ],
        expectations: [.overdueCallWithPromise],
        quiz: [
            QuizQuestion(
                LocalText("The aging buckets (账龄区间) are…", "账龄区间是……"),
                [
                    LocalText("current, 1–30, 31–60, 61–90, 91+ days past due",
                              "未到期、1–30、31–60、61–90、90 天以上"),
                    LocalText("by invoice month only", "只按开票月份"),
                    LocalText("0–90, 91+", "0–90、90 天以上"),
                ], answer: 0),
            QuizQuestion(
                LocalText("When may an invoice be written off as bad debt (坏账核销)?",
                          "什么情况下可以做坏账核销？"),
                [
                    LocalText("Any clerk, any time", "任何录单员随时可以"),
                    LocalText(
                        "A manager, for a posted invoice with an open balance, with a reason",
                        "主管、对已过账且有余额的销售单、注明原因"),
                    LocalText("Only after 30 days", "逾期 30 天后自动"),
                ], answer: 1),
            QuizQuestion(
                LocalText(
                    "A promise date passes with the invoice still open. The promise is…",
                    "承诺付款日已过而销售单未结清，这个承诺是……"),
                [LocalText("kept", "已兑现"), LocalText("broken (the reminder level rises)",
                                                     "已违约（提醒级别提高）")], answer: 1),
        ])

    static let statement = TrainingLesson(
        id: "statement",
        title: LocalText("Print a statement (对账单)", "打印对账单"),
        steps: [
            LocalText(
                "F4 Customers; / C0005; Enter; s shows the statement (x exports it, watermarked).",
                "F4 客户；/ 输入 C0005；回车；按 s 查看对账单（x 导出，带练习水印）。"),
            LocalText(
                "Record it as sent for confirmation: salesledger --practice confirmation issue C0005",
                "登记为已发出对账确认：salesledger --practice confirmation issue C0005"),
            LocalText("F12 → Check lesson.", "F12 → 检查本课。"),
        ],
        expectations: [.statementIssued(customer: "C0005")],
        quiz: [
            QuizQuestion(
                LocalText("A statement's closing balance is…", "对账单的期末余额等于……"),
                [
                    LocalText(
                        "opening + invoices − credit notes − receipts − write-offs",
                        "期初 + 销售 − 红字冲销 − 收款 − 坏账核销"),
                    LocalText("the sum of invoices", "销售单合计"),
                ], answer: 0),
            QuizQuestion(
                LocalText("A customer disputes a statement. What must the reply record?",
                          "客户对对账单有异议，回函要记录什么？"),
                [LocalText("Nothing", "不用记录"), LocalText("The difference and a note", "差额和说明")],
                answer: 1),
        ])

    static let backupRestore = TrainingLesson(
        id: "backup-restore",
        title: LocalText("Back up and restore", "备份与恢复"),
        steps: [
            LocalText("Quit training (F10): a ledger in use cannot be restored.",
                      "退出培训（F10）：正在使用的账套不能恢复。"),
            LocalText(
                "salesledger --practice backup /tmp/practice-backup.sqlite",
                "salesledger --practice backup /tmp/practice-backup.sqlite"),
            LocalText(
                "salesledger --practice restore /tmp/practice-backup.sqlite --yes",
                "salesledger --practice restore /tmp/practice-backup.sqlite --yes"),
            LocalText(
                "salesledger train check 7 (or start train again and F12 → Check lesson).",
                "salesledger train check 7（或重新进入培训后 F12 → 检查本课）。"),
        ],
        expectations: [.backupRestored],
        quiz: [
            QuizQuestion(
                LocalText("Why not copy the ledger file while it is open?",
                          "为什么不能在账套打开时直接复制文件？"),
                [
                    LocalText(
                        "A WAL database copy may miss recent writes; backup uses SQLite's online backup",
                        "WAL 模式下复制可能丢失最近的写入；备份使用 SQLite 在线备份"),
                    LocalText("It is fine", "没有问题"),
                ], answer: 0),
            QuizQuestion(
                LocalText("Who may restore a ledger?", "谁可以恢复账套？"),
                [LocalText("Any clerk", "任何录单员"), LocalText("An admin", "管理员")], answer: 1),
        ])

    static let pinyinSearch = TrainingLesson(
        id: "pinyin-search",
        title: LocalText("Find an invoice by pinyin", "用拼音查找销售单"),
        steps: [
            LocalText(
                "F9 Documents; / and type the pinyin initials {target.initials} (customer {target.name})",
                "F9 单据；按 / 输入 {target.name} 的拼音首字母 {target.initials}。"),
            LocalText("Open the newest invoice of that customer (Enter) and note its number.",
                      "打开该客户最新的销售单（回车），记下单号。"),
            LocalText("F12 → Check lesson and pick the number you found.",
                      "F12 → 检查本课，选出你找到的单号。"),
        ],
        setup: [
            .postInvoice(
                ref: "target", customer: "C0006", daysAgo: 0,
                lines: [TrainingLine(sku: "P005", quantity: 2, taxBP: 1300)])
        ],
        expectations: [.pickInvoice(ref: "target")],
        quiz: [
            QuizQuestion(
                LocalText("Which finds 重庆 in a lookup?", "查找 重庆 可以输入……"),
                [
                    LocalText("cq, chongqing or zhongqing", "cq、chongqing 或 zhongqing"),
                    LocalText("only the code", "只能输入编码"),
                ],
                answer: 0),
            QuizQuestion(
                LocalText("Pinyin initials of 北京星河 are…", "北京星河 的拼音首字母是……"),
                [LocalText("bjxh", "bjxh"), LocalText("bjsh", "bjsh"), LocalText("bxjh", "bxjh")], answer: 0),
        ])
}
