import LedgerCore

extension LedgerError {
    /// The error as one line: its field issues (`path: message; …`), or its description when it has none.
    var issuesText: String {
        fieldIssues.isEmpty ? description : fieldIssues.map(\.description).joined(separator: "; ")
    }
}

extension Strings {
    /// Messages from the domain core (parsers, validation, credit control) are English; in the Chinese UI the
    /// common ones are translated here by pattern, the rest shown as they are.
    public func core(_ message: String) -> String {
        guard zh else { return message }
        if message.contains("\n") {
            return message.split(separator: "\n").map { core(String($0)) }.joined(separator: "\n")
        }
        if let withPath = pathMessageZH(message) { return withPath }
        if let refusal = refusalZH(message) { return refusal }
        return Strings.coreTable.translate(message) ?? TradeText.chinese(message) ?? message
    }

    /// `corePatterns` and `safetyPatterns`, compiled once (the CLI's `CLIChinese` tries this table first too).
    static let coreTable = PatternTable(corePatterns + safetyPatterns + repeatedColumnPatterns + classFilePatterns
                                        + toolErrorPatterns)

    static let corePatterns: [(String, String)] = [
        // Store failures (`StoreAccess.ledgerError`), for the screens' error line and the CLI.
        (#"^the ledger is busy: (.*) has been writing to it for more than (\d+) s; nothing was written, try again "#
            + #"when it has finished$"#, "账套正忙：$1 的写入已超过 $2 秒；未写入任何内容，请等它完成后重试"),
        (#"^not a ledger: (.*) is not a SalesLedger file \(not an SQLite database\); check the path given with "#
            + #"--db$"#, "不是账套：$1 不是 SalesLedger 账套文件（不是 SQLite 数据库）；请检查 --db 给出的路径"),
        (#"^ledger file damaged: restore a backup with salesledger restore FILE --yes (\(.*\))$"#,
         "账套文件已损坏：请用 salesledger restore 文件 --yes 恢复备份 $1"),
        (#"^ledger file missing or unreadable: check the path and permissions (\(.*\))$"#,
         "账套文件不存在或无法读取：请检查路径和权限 $1"),
        (#"^the disk is full; nothing was written (\(.*\))$"#, "磁盘已满：未写入任何内容，请释放空间后重试 $1"),
        (#"^ledger is read-only: (.*) cannot be written$"#, "账套为只读：$1 无法写入，请检查文件权限"),
        (#"^sample data: the SampleData folder was not found next to the program; set SALESLEDGER_SAMPLE_DIR to "#
            + #"it \((.*)\)$"#, "示例数据：程序旁没有 SampleData 文件夹；请把环境变量 SALESLEDGER_SAMPLE_DIR 设为该文件夹（$1）"),
        // Imports of master data and restore (tryout s34: English under --lang zh).
        (#"^customer (\S+) already exists \(use --update to change it\)$"#, "客户 $1 已存在（要修改请加 --update）"),
        (#"^product (\S+) already exists \(use --update to change it\)$"#, "商品 $1 已存在（要修改请加 --update）"),
        (#"^the ledger (.*) is open in another program \(the app or a salesledger command\): close it, then "#
            + #"restore again; nothing was changed$"#,
         "账套 $1 正被另一个程序打开（本程序的界面或 salesledger 命令）：请先关闭它，再重新恢复；未做任何改动"),
        (#"^with its tax one unit comes to more than (\S+): no sale could use this price$"#,
         "含税后一件即超过 $1：任何销售都无法使用此单价"),
        (#"^at most (\d+) characters$"#, "最多$1字"),   // a form field's length (tryout s19: a pasted line)
        (#"^date (\S+) does not exist$"#, "日期 $1 不存在"),
        (#"^date '(.*)' is empty$"#, "日期不能为空"),
        (#"^is empty$"#, "不能为空"),
        (#"^date '(.*)' is not a date.*$"#, "'$1' 不是有效日期（请用 YYYY-MM-DD）"),
        (#"^amount '(.*)' has (\d+) decimal places; at most (\d+) allowed for (\w+)$"#, "金额 '$1' 有 $2 位小数，$4 最多 $3 位"),
        (#"^amount '(.*)' must be a whole number.*$"#, "金额 '$1' 必须是整数"),
        (#"^amount '(.*)' has an invalid character '(.*)'$"#, "金额 '$1' 含有无效字符 '$2'"),
        (#"^amount '(.*)' has a misplaced thousands separator ','$"#, "金额 '$1' 的千分位逗号位置不对"),
        (#"^amount '(.*)' is too large$"#, "金额 '$1' 过大"),   // with "(at most …)": safetyPatterns
        (#"^amount '(.*)' is empty$"#, "金额不能为空"),
        (#"^amount '(.*)' has no digits$"#, "金额 '$1' 没有数字"),   // tryout s33: `import sales` with amount '-'
        (#"^rate '(.*)' (is empty|has no digits|has .*|is too large.*|must be .*)$"#, "汇率 '$1' 无效"),
        (#"^amount '(.*)' symbol '(.*)' is not for (\w+)$"#, "金额 '$1' 的符号 '$2' 不是 $3"),
        (#"^payment terms '(.*)' is not a payment term.*$"#,
         "收款条件 '$1' 无效（可用 NET30、NET1M、EOM+30D、EOM+1M、月结30天、INST:50@30,50@60）"),
        (#"^balance would be (\S+), over the credit limit (\S+) (\w+)$"#, "应收余额将达 $1，超出信用额度 $2 $3"),
        (#"^balance and bills held would be (\S+) \(bills (\S+)\), over the credit limit (\S+) (\w+)$"#,
         "应收余额加未到期承兑汇票将达 $1（汇票 $2），超出信用额度 $3 $4"),
        (#"^invoice (\S+) is (\d+) days overdue \(stop further credit from (\d+) days\)$"#,
         "销售单 $1 已逾期 $2 天（逾期 $3 天起暂停赊销）"),
        (#"^unknown product code (.*)$"#, "未知商品编码 $1"),
        (#"^(\S+) has no line (\d+) \(it has (\d+)\)$"#, "销售单 $1 没有第 $2 行（共 $3 行）"),
        (#"^unknown customer code (.*)$"#, "未知客户编码 $1"),
        (#"^unknown salesperson code (.*)$"#, "未知业务员编码 $1"),
        (#"^a customer is required$"#, "必须填写客户"),
        (#"^--customer is required for a standalone credit note$"#, "不关联销售单的红字冲销必须填写 --customer"),
        (#"^unknown region '(.*)' \(a class code or name of the region dimension\)$"#,
         "未知区域 '$1'（请填写区域维度中的分类编码或名称）"),
        // Domain messages shown by both front ends (the CLI tries this table first); tryout s15 found them in English
        // in the Chinese TUI (F9 void) and CLI (credit notes by line, load summaries, date ranges).
        (#"^discount must be between 0% and 100%$"#, "折扣必须在0%到100%之间"),
        (#"^tax rate must be between 0% and 100%$"#, "税率必须在0%到100%之间"),
        (#"^due date (\S+) is before the invoice date (\S+)$"#, "到期日 $1 早于单据日期 $2"),
        (#"^customer (\S+) is archived$"#, "客户 $1 已归档"),
        (#"^currency: unknown currency code (.*)$"#, "币种：未知币种代码 $1"),
        (#"^unknown currency (.*)$"#, "未知币种 $1"),
        (#"^is in (\w+) but the document is in (\w+)$"#, "币种为 $1，但单据币种为 $2"),
        (#"^(.*) has allocations of (\S+); reverse them before voiding$"#, "$1 已核销 $2，请先反核销再作废"),
        (#"^(\S+) is (\w+), not posted$"#, "$1 状态为 $2，不是已过账"),
        (#"^no document numbered (\S+)$"#, "没有单号为 $1 的单据"),
        // Import rows (CLI `import`, the TUI's set-up import): the checks of LedgerInterop.
        (#"^(.*) is not a valid date \(does not exist, format (\w+)\)$"#, "$1 不是有效日期（该日不存在，格式 $2）"),
        (#"^(.*) is not a valid date \((.*), format (\w+)\)$"#, "$1 不是有效日期（$2，格式 $3）"),
        (#"^customer is empty$"#, "客户为空"),
        (#"^amount is zero$"#, "金额为零"),
        (#"^negative amount: import returns as credit notes \(kind column\)$"#, "金额为负：退货请作为红字冲销导入（类型列）"),
        (#"^(\S+) appears again \(first on row (\d+)\)$"#, "$1 重复出现（首次在第$2行）"),
        (#"^(\S+) is already fully credited$"#, "$1 已全部红字冲销"),
        (#"^line (\d+) is already fully credited$"#, "第 $1 行已全部红字冲销"),
        (#"^line (\d+): (\S+) is more than the (\S+) left to credit$"#, "第 $1 行：$2 超过尚可冲销的 $3"),
        (#"^line (\d+): more than the amount left to credit$"#, "第 $1 行：超过尚可冲销的金额"),
        (#"^line (\d+) is named twice \(entries (\d+) and (\d+)\): give it once$"#,
         "第 $1 行填写了两次（第 $2 项和第 $3 项）：请只填一次"),
        (#"^nothing left to credit on line (\d+)$"#, "第 $1 行已无可冲销金额"),
        (#"^'(.*)' is not a tax rate \(write 13, 13% or 0\.13; a number below 1 is a fraction: 0\.5 = 50%\)$"#,
         "'$1' 不是有效税率（可写 13、13% 或 0.13；小于 1 的数按小数计：0.5 即 50%）"),
        (#"^'(.*)' is more than 100% \(write 13, 13% or 0\.13; a number below 1 is a fraction: 0\.5 = 50%\)$"#,
         "'$1' 超过 100%（可写 13、13% 或 0.13；小于 1 的数按小数计：0.5 即 50%）"),
        (#"^customer name '(.*)' matches (\d+) customers \((.*)\): give the customer code$"#,
         "客户名称 '$1' 对应 $2 个客户（$3）：请填写客户编码"),
        (#"^no customer has code '(.*)' \(the ledger's codes look like (\S+)\): check the code, or add the "#
            + #"customer first \(customer add\)$"#, "没有编码为 '$1' 的客户（账套的客户编码形如 $2）：请检查编码，或先添加该客户"),
        (#"^no customer is named '(.*)' and no customer has that code \(the ledger's codes look like (\S+)\): "#
            + #"check it, or add the customer first \(customer add\)$"#,
         "没有名为 '$1' 的客户，也没有该编码的客户（账套的客户编码形如 $2）：请检查，或先添加该客户"),
        (#"^line (\d+): quantity must be greater than 0$"#, "第 $1 行：数量必须大于 0"),
        (#"^line (\d+): allowance must be greater than 0$"#, "第 $1 行：折让金额必须大于 0"),
        (#"^line (\d+): the amount is too large$"#, "第 $1 行：金额过大"),
        (#"^(\S+) is after the end date (\S+)$"#, "$1 晚于结束日期 $2"),
        (#"^(\S+) is not a positive number of rows$"#, "$1 不是正的行数"),
        (#"^--top ranks customers, products …, not --by (\S+)$"#, "--top 只用于客户、商品等排名，不用于 --by $1"),
        (#"^is before --from$"#, "早于 --from"),
        (#"^loaded (\S+): (\d+) customers, (\d+) products, (\d+) invoices with (\d+) lines, (\d+) receipts, "#
            + #"(\d+) credit notes$"#, "已载入 $1：客户 $2 个，商品 $3 个，销售单 $4 张（$5 行），收款单 $6 张，红字冲销 $7 张"),
        (#"^loaded (\S+): (\d+) customers, (\d+) products, (\d+) invoices with (\d+) lines, (\d+) receipts$"#,
         "已载入 $1：客户 $2 个，商品 $3 个，销售单 $4 张（$5 行），收款单 $6 张"),
        (#"^customer code '(.*)' is already used$"#, "客户编码 '$1' 已被使用"),
        (#"^'(.*)' is not an e-mail address$"#, "'$1' 不是有效的邮箱地址"),
        (#"^must be 0 or more$"#, "不能为负数"),
        (#"^is required$"#, "必填"),
        (#"^a reason is required$"#, "必须填写原因"),
        (#"^give a new name or region$"#, "请给出新的名称或区域"),
        // The receipt import and its review (issue 15).
        (#"^(.+) is already in the ledger \(skip the row\)$"#, "$1 已在账中（请跳过该行）"),
        (#"^(.+) is already in the ledger \(imported before\?\)$"#, "$1 已在账中（是否已导入过？）"),
        (#"^no customer matches (.+) \(choose a customer or skip the row\)$"#, "没有与“$1”匹配的客户（请选择客户或跳过该行）"),
        (#"^no customer matches (.+)$"#, "没有与“$1”匹配的客户"),
        (#"^'(.*)' is not INVOICE=AMOUNT$"#, "'$1' 不是“单号=金额”"),
        (#"^(\S+): '(.*)' is not an amount > 0$"#, "$1：'$2' 不是大于 0 的金额"),
        (#"^(.+) has nothing left to allocate$"#, "$1 已无可核销金额"),
        (#"^(\S+) is not an open invoice of (\S+)$"#, "$1 不是 $2 的未核销销售单"),
        (#"^is in (\w+), the receipt in (\w+)$"#, "币种为 $1，收款单币种为 $2"),
        (#"^must be greater than 0$"#, "必须大于 0"),
        (#"^(\S+) is more than the open (\S+) left of (\S+)$"#, "$1 超过 $3 的未核销金额 $2"),
        (#"^this file was already imported on (\S+) as (.*) \((\d+) rows\); nothing imported$"#,
         "此文件已于 $1 导入过（$2，$3 行）；未导入任何数据"),
        (#"^(.+): this file was already imported on (\S+) as (.*) \((\d+) rows\); nothing imported$"#,
         "$1：此文件已于 $2 导入过（$3，$4 行）；未导入任何数据"),
    ]
}
