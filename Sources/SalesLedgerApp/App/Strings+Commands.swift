extension Strings {
    /// Audit-log command names (`invoice.post`) in Chinese, in the glossary's words (s14-search). The log keeps the
    /// machine name; the F11 log tab shows this name in the Chinese UI, the machine name for an unknown command.
    static let commandNamesZH: [String: String] = [
        "access.refused": "拒绝访问", "allocation.create": "核销", "allocation.reverse": "反核销",
        "audit.confirm": "对账确认", "audit.confirm.reply": "登记对账回函", "audit.confirm.send": "发出对账函",
        "audit.run": "运行审计检查", "auth.login": "登录", "batch": "批量操作", "bulk_load.abandon": "放弃批量导入",
        "class.dimension.define": "定义分类维度", "class.import": "导入分类", "class.rule.apply": "运行分类规则",
        "class.schedule.record": "记录分类计划", "class.set": "设置分类", "commission.rule": "提成规则",
        "contact.log": "记录跟进", "credit_note.issue": "红字冲销", "credit_note.issue_lines": "按行红字冲销",
        "customer.create": "新增客户", "customer.tax_details": "客户开票信息", "customer.update": "修改客户",
        "fapiao.no_fapiao": "标记无需开票", "fapiao.record": "登记发票", "fapiao.red": "红字发票",
        "fapiao.void": "作废发票", "import.file": "导入文件", "invoice.delete_draft": "删除草稿",
        "invoice.dispute": "登记争议", "invoice.post": "销售单过账", "invoice.post_draft": "草稿过账",
        "invoice.void": "作废销售单", "invoice.write_off": "坏账核销", "ledger.backup": "账套备份",
        "ledger.backup_failed": "备份失败", "ledger.backup_skipped": "跳过备份", "ledger.export": "导出账套",
        "ledger.fix_permissions": "修正文件权限", "ledger.pin_today": "固定今日日期", "ledger.restore": "恢复账套",
        "ledger.seal_baseline": "封存基线", "ledger.setup": "建立账套", "policy.set": "设置规则",
        "product.archive": "停用商品", "product.create": "新增商品", "product.delete": "删除商品",
        "product.edit": "修改商品", "rate.base": "设置本位币", "rate.set": "设置汇率",
        "receipt.acceptance_bill": "登记承兑汇票", "receipt.record": "登记收款单", "reminder.rules": "催款规则",
        "reminder.snooze": "暂停催款", "salesperson.create": "新增业务员",
        "salesperson.update": "修改业务员", "statement.issue": "出具对账单",
        "statement.reply": "登记对账回复", "training.lesson_state": "培训进度", "training.mark_practice": "标记练习账套",
        "training.result": "培训成绩", "user.passwd": "修改密码", "user.set": "设置用户",
        "ledger.default_tax_rate": "设置默认税率", "ledger.company_name": "修改公司名称",
    ]

    /// Record kinds of the audit log (`receipt#77`) in Chinese.
    static let recordNamesZH: [String: String] = [
        "acceptance_bill": "承兑汇票", "allocation": "核销", "base_currency": "本位币", "bulk_load": "批量导入",
        "class_dimension": "分类维度", "class_node": "分类", "commission_rule": "提成规则", "contact": "跟进记录",
        "credit_override": "信用放行", "customer": "客户", "customer_tax": "客户开票信息", "exchange_rate": "汇率",
        "fapiao": "发票", "import_file": "导入文件", "invoice": "销售单", "number_series": "编号规则",
        "product": "商品", "receipt": "收款单", "reminder_rules": "催款规则", "sale_no_fapiao": "无需开票",
        "salesperson": "业务员", "setting": "设置", "snooze": "暂停催款", "statement_confirmation": "对账确认",
        "training_log": "培训记录", "user": "用户",
    ]

    /// Audit-log records (`+receipt#77 +allocation#78 +allocation#79`) for people: each kind once, without row ids
    /// (they mean nothing to a reader), in Chinese in the Chinese UI: `+收款单 +核销`.
    func recordNames(_ records: [String]) -> String {
        var kinds: [String] = []
        for record in records {
            let kind = String(record.prefix { $0 != "#" })
            if !kinds.contains(kind) { kinds.append(kind) }
        }
        return kinds.map { kind in
            guard zh else { return kind }
            let created = kind.hasPrefix("+")
            return (created ? "+" : "") + (Strings.recordNamesZH[String(kind.drop { $0 == "+" })] ?? kind)
        }.joined(separator: " ")
    }

    /// An audit-log command for people: the Chinese name in the Chinese UI, else the machine name.
    func commandName(_ command: String) -> String {
        zh ? Strings.commandNamesZH[command] ?? command : command
    }
}
