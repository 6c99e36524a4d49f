/// The result lines of the CLI's write commands in Chinese (tryout s33: allocate, contact log, snooze, dispute,
/// write-off, reverse, product edit … printed English under `--lang zh`). Tried before `CLIChinese.outputPatterns`'
/// general lines (`imported …`, `posted …`), so the longer sentence wins. Codes, numbers and dates stay as they are.
extension CLIChinese {
    static let resultPatterns: [(String, String)] = allocationResults + masterDataResults + draftResults + ledgerResults

    /// Receipts, allocations, contacts and invoices (收款、核销、跟进、争议、坏账).
    private static let allocationResults: [(String, String)] = [
        (#"^allocated (\S+): nothing allocated; unapplied (\S+)$"#, "$1：未核销任何销售单；未核销余额 $2"),
        (#"^allocated (\S+): 1 allocation \(id (\d+)\); unapplied (\S+)$"#, "已核销 $1：1 笔（核销编号 $2）；未核销余额 $3"),
        (#"^allocated (\S+): (\d+) allocations \(ids (.*)\); unapplied (\S+)$"#,
         "已核销 $1：$2 笔（核销编号 $3）；未核销余额 $4"),
        (#"^reversed allocation (\d+) by #(\d+) on (\S+): (\S+)$"#, "已反核销 核销编号 $1（反核销记录 #$2，日期 $3）：$4"),
        (#"^logged contact #(\d+) with (\S+) on (\S+); promised (\S+)$"#,
         "已记录跟进 #$1：客户 $2，日期 $3；承诺付款日 $4"),
        (#"^logged contact #(\d+) with (\S+) on (\S+)$"#, "已记录跟进 #$1：客户 $2，日期 $3"),
        (#"^snoozed reminders for (\S+) until (\S+)$"#, "已暂停催款：客户 $1，$2 起恢复"),
        (#"^snoozed reminders for (\S+) (\S+) until (\S+)$"#, "已暂停催款：客户 $1 销售单 $2，$3 起恢复"),
        (#"^(\S+) disputed$"#, "$1 已登记争议"),
        (#"^(\S+) dispute resolved$"#, "$1 争议已解决"),
        (#"^wrote off (\S+) (\w+) of (\S+)$"#, "已坏账核销 $3：$1 $2"),
        (#"^(\S+): (\S+) (\S+) (\w+) as of (\S+)$"#, "$1：客户 $2 应收余额 $3 $4，截至 $5"),
        (#"^(\S+): confirmed$"#, "$1：已确认"),
        (#"^(\S+): disputed$"#, "$1：有异议"),
        (#"^(\S+): pending$"#, "$1：待回复"),
        (#"^credit notes above (\d+) minor units need a manager$"#, "金额超过 $1（最小货币单位，如分）的红字冲销需经理审批"),
        (#"^reminder rules saved for class (.*)$"#, "催款规则已保存（客户等级 $1）"),
        (#"^reminder rules saved$"#, "催款规则已保存"),
        (#"^Commission (\S+) … (\S+)$"#, "提成 $1 至 $2"),
    ]

    /// Products, salespeople, classes, currencies and users.
    private static let masterDataResults: [(String, String)] = [
        (#"^product (\S+) added: (.*) (\S+) (\w+), tax (\S+)$"#, "商品 $1 已新增：$2 单价 $3 $4，税率 $5"),
        (#"^product (\S+) changed: (.*) (\S+) (\w+), tax (\S+)$"#, "商品 $1 已修改：$2 单价 $3 $4，税率 $5"),
        (#"^product (\S+) archived$"#, "商品 $1 已归档"),
        (#"^product (\S+) restored$"#, "商品 $1 已恢复"),
        (#"^product (\S+) deleted$"#, "商品 $1 已删除"),
        (#"^salesperson (\S+) added: (.*)$"#, "业务员 $1 已新增：$2"),
        (#"^salesperson (\S+) changed: (.*)$"#, "业务员 $1 已修改：$2"),
        (#"^dimension (\S+) added \(customer\)$"#, "分类维度 $1 已新增（客户）"),
        (#"^dimension (\S+) added \(product\)$"#, "分类维度 $1 已新增（商品）"),
        (#"^imported (\d+) class(?:es)? from (.*)$"#, "已从 $2 导入 $1 个分类"),
        (#"^base currency: (\w+)$"#, "本位币：$1"),
        (#"^rate (\w+) on (\S+): (\S+)$"#, "汇率 $1（$2）：$3"),
        (#"^audit key written: (.*)$"#, "审计密钥已写入：$1"),
    ]

    /// Drafts (草稿).
    private static let draftResults: [(String, String)] = [
        (#"^posted (\S+) from draft (D\d+): total (.*), due (\S+)$"#, "已过账 $1（草稿 $2）：价税合计 $3，到期日 $4"),
        (#"^deleted draft (D\d+)$"#, "已删除草稿 $1"),
        (#"^(D\d+)  draft  date (\S+)  due (\S+)  customer (.*)$"#, "$1  草稿  日期 $2  到期日 $3  客户 $4"),
        (#"^(\d+)\. (.*)  (\S+) × (\S+)  tax (\S+)  net (\S+)  tax (\S+)$"#,
         "$1. $2  $3 × $4  税率 $5  不含税 $6  税额 $7"),
        (#"^total (\S+) (\w+)$"#, "价税合计 $1 $2"),
    ]

    /// Backups and file permissions.
    private static let ledgerResults: [(String, String)] = [
        (#"^checked: integrity ok, audit chain intact, manifest (.*)$"#, "已检查：完整性正常，审计哈希链完整，清单 $1"),
        (#"^integrity: ok$"#, "完整性：正常"),
        (#"^skipped: today's backup exists: (.*)$"#, "已跳过：今天的备份已存在：$1"),
        (#"^removed old backup: (.*)$"#, "已删除旧备份：$1"),
        (#"^ok: (.*) is a good backup$"#, "正常：$1 是可用的备份"),
        (#"^tightened (.*): (\d+) → (\d+)$"#, "已收紧权限 $1：$2 → $3"),
        (#"^permissions ok: files 0600, folders 0700$"#, "权限正常：文件 0600，文件夹 0700"),
    ]
}
