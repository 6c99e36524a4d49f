import Foundation
import LedgerCore
import SalesLedgerApp

/// The CLI in Chinese (`--lang zh`, or a `zh_*` locale; issue 12): table headers, the usual result lines, and
/// error messages with their field paths. Codes (INV-2026-000001, CNY, C001) and numbers stay as they are.
/// CSV and JSON keep their English keys: they are read by programs, and `import sales` reads either.
enum CLIChinese {
    /// Whether the CLI speaks Chinese; set once by `Main` from the arguments and the environment.
    nonisolated(unsafe) static var isOn = false

    /// `--lang` in `arguments` wins; else LC_ALL / LC_MESSAGES / LANG.
    static func detect(arguments: [String], environment: [String: String]) -> Bool {
        for (i, argument) in arguments.enumerated() {
            if argument.hasPrefix("--lang=") { return argument.dropFirst(7).lowercased().hasPrefix("zh") }
            if argument == "--lang", i + 1 < arguments.count { return arguments[i + 1].lowercased().hasPrefix("zh") }
        }
        return Language.fromEnvironment(environment) == .zh
    }

    static let headers: [String: String] = [
        "active": "启用", "actor": "操作人", "amount": "金额", "avg_days_late": "平均逾期天数",
        "avg_days_to_pay": "平均回款天数", "balance": "应收余额", "base": "本位币", "bucket": "账龄段",
        "category": "商品类别", "channel": "渠道", "class": "等级", "classes": "分类数", "code": "编码",
        "collected": "已收款", "count": "笔数", "credit_sales": "赊销额", "credits": "未核销预收", "currency": "币种",
        "customer": "客户", "date": "日期", "days": "天数", "days_before_due": "到期前天数", "days_overdue": "逾期天数",
        "description": "摘要", "dimension": "维度", "discount": "折扣", "documents": "单数", "dso": "周转天数",
        "due": "应收", "due_date": "到期日", "entity": "对象", "every_days_overdue": "逾期后每隔天数",
        "final_notice_from": "最后通知起", "from": "从", "invoice": "销售单", "kind": "类型", "label": "名称",
        "last_purchase": "最近销售", "late": "逾期", "level": "级别", "line": "行", "month": "月份", "name": "名称",
        "name_en": "英文名", "name_zh": "中文名", "net": "不含税", "note": "备注", "number": "单号",
        "on_due_date": "到期日提醒", "open": "未核销", "overdue": "逾期", "parent": "上级", "price": "单价",
        "promised": "承诺付款日", "quantity": "数量", "rate": "汇率", "reason": "原因",
        "receivables_at_end": "期末应收", "region": "区域", "reminder": "提醒", "role": "角色",
        "second_notice_from": "第二次通知起", "settled": "已结清", "settled_of_due": "到期已收", "sku": "商品编码",
        "source": "来源", "status": "状态", "stop_credit_from": "暂停赊销起", "tax": "税额", "tax_rate": "税率",
        "to": "至", "total": "合计", "unit_price": "单价", "who": "跟进人", "TOTAL": "合计",
        "age_days": "已存天数", "archived": "已归档", "as_of": "截止日期", "bank": "承兑银行", "basis": "提成基数",
        "bill": "票号", "bills_held": "持有汇票", "changes": "变更", "command": "操作", "days_out": "已发天数",
        "days_to_maturity": "距到期天数", "difference": "差异", "draft": "草稿", "exposure": "风险敞口", "id": "编号",
        "invoiced": "已开票", "issued": "发函日期", "left": "待开票", "maturity": "到期日", "n": "笔数",
        "gross_total": "价税合计", "old": "过期", "receipt": "收款单", "records": "记录", "red": "红字",
        "red_confirmation": "红字信息表", "reply": "回函", "sale": "销售单", "sales": "销售单", "salesperson": "业务员",
        "seq": "序号", "start": "起始日", "time": "时间", "type": "发票种类", "unit": "单位", "user": "用户",
        "valid_from": "生效日期", "void": "作废", "within_days": "期限天数",
    ]

    /// Long sentences of `sample generate` (issue 10), kept apart so the pattern tables stay quick to type-check.
    static let interruptedLoad: (pattern: String, zh: String) = (
        #"^an interrupted sample generate \((.*)\) is in this ledger: run it again with those options "#
            + #"\(and --today\) to finish it, or give it up with sample generate --abandon$"#,
        "账套中有一次中断的示例账套生成（$1）：请用相同的选项（及 --today）再运行一次以完成，"
            + "或用 'sample generate --abandon' 放弃")
    static let abandonedLoad: (pattern: String, zh: String) = (
        #"^abandoned the interrupted sample generate \((.*)\): kept the (\d+) invoices and (\d+) receipts "#
            + #"it had committed$"#,
        "已放弃中断的示例账套生成（$1）：其已提交的 $2 张销售单和 $3 张收款单保留在账套中")

    /// The summary line of an import check (a message of `import` and a result line of the receipt review).
    static let checkedTab = (
        #"^(.*): (\d+) row\(s\) checked, (\d+) rejected, (\d+) left out \((\S+), separator tab\)$"#,
        "$1：已检查 $2 行，拒绝 $3 行，略过 $4 行（编码 $5，分隔符为制表符）")
    static let checkedSeparator = (
        #"^(.*): (\d+) row\(s\) checked, (\d+) rejected, (\d+) left out \((\S+), separator (.*)\)$"#,
        "$1：已检查 $2 行，拒绝 $3 行，略过 $4 行（编码 $5，分隔符 $6）")

    /// A table header in Chinese (unknown names unchanged).
    static func header(_ name: String) -> String { isOn ? headers[name] ?? name : name }

    /// Field names only the CLI's messages use; the rest are the app's (`Strings.fieldPathZH`).
    static let fieldNames: [String: String] = [
        "from": "起始日期", "to": "截止日期", "asOf": "截止日期", "user": "用户", "--today": "--today",
        "output": "输出文件", "rate": "汇率", "password": "密码", "map": "科目对照文件", "template": "模板文件",
        "lesson": "课程",
    ]

    /// A field path in Chinese: `lines[2].quantity` → `第2行 数量`, `row 3, column amount` → `第3行「amount」列`.
    static func field(_ path: String) -> String { Strings(.zh).fieldPathZH(path) ?? fieldNames[path] ?? path }

    /// The file-permission warning (`FilePermissions.warning`), one pattern per reason and with/without "more".
    private static let permissionPatterns: [(String, String)] = [
        (#"^loose file permissions: (.*) is (\d+) \(should be (\d+): others can read it\) "#
            + #"\(and (\d+) more\); fix: (.*)$"#,
         "文件权限过宽：$1 为 $2（应为 $3，他人可读），另有 $4 项；修复：'$5'"),
        (#"^loose file permissions: (.*) is (\d+) \(should be (\d+): others can read it\); fix: (.*)$"#,
         "文件权限过宽：$1 为 $2（应为 $3，他人可读）；修复：'$4'"),
        (#"^loose file permissions: (.*) is (\d+) \(should be (\d+): others can change it\) "#
            + #"\(and (\d+) more\); fix: (.*)$"#,
         "文件权限过宽：$1 为 $2（应为 $3，他人可改），另有 $4 项；修复：'$5'"),
        (#"^loose file permissions: (.*) is (\d+) \(should be (\d+): others can change it\); fix: (.*)$"#,
         "文件权限过宽：$1 为 $2（应为 $3，他人可改）；修复：'$4'"),
    ]

    /// Tried after the app's `Strings.coreTable` (so a sentence the app translates is not repeated here).
    static let messagePatterns = PatternTable(permissionPatterns + basePatterns + [checkedTab, checkedSeparator])

    private static let basePatterns: [(String, String)] = [
        (#"^storage error: (.*)$"#, "存储错误：$1"),
        (#"^restore replaces the ledger (.*) with (.*): add --yes to do it$"#, "恢复会用 $2 替换账套 $1：加上 --yes 才执行"),
        (#"^backup (\S+) is NOT usable: (\S+): wrong passphrase \(or the file's header was altered\)$"#,
         "备份 $1 不可用：$2：口令错误（或文件头被改动）"),
        (#"^backup (\S+) is NOT usable, nothing was restored: (\S+): wrong passphrase \(or the file's header was "#
            + #"altered\)$"#, "备份 $1 不可用，未恢复任何内容：$2：口令错误（或文件头被改动）"),
        (#"^backup (\S+) is NOT usable: (.*)$"#, "备份 $1 不可用：$2"),
        (#"^backup (\S+) is NOT usable, nothing was restored: (.*)$"#, "备份 $1 不可用，未恢复任何内容：$2"),
        (#"^(.*)the first user must be an active admin, or no one could manage users: add yourself first "#
            + #"\(user set NAME --role admin\)$"#, "$1第一个用户必须是启用的管理员（admin），否则无人能管理用户："
            + "请先添加自己（user set 名称 --role admin）"),
        (#"^(.*?)(\S+) is the last admin; make another admin first$"#, "$1$2 是最后一个管理员：请先设另一个管理员"),
        (#"^passphrase: must have at least (\d+) characters$"#, "备份口令：至少需要 $1 个字符"),
        (#"^no ledger at (.*) \(create one with: (.*)\)$"#, "$1 处没有账套（新建账套：$2）"),
        (#"^Error: Missing expected argument '(.*)'$"#, "错误：缺少参数 '$1'"),
        (#"^Error: Unknown option '(.*)'$"#, "错误：未知选项 '$1'"),
        (#"^Error: \d+ unexpected arguments: (.*)$"#, "错误：多余的参数 $1"),
        (#"^Error: Unexpected argument '(.*)'$"#, "错误：多余的参数 '$1'"),
        (#"^Error: The value '(.*)' is invalid for '(.*)'.*$"#, "错误：'$2' 的值 '$1' 无效"),
        (#"^See '(.*) --help' for more information\.$"#, "用 '$1 --help' 查看说明。"),
        (#"^not found: (.*)$"#, "未找到：$1"),
        (#"^permission denied: (.*)$"#, "无权操作：$1"),
        (#"^… and (\d+) more problems; the ledger file is damaged: restore a backup with salesledger restore FILE "#
            + #"--yes$"#, "… 另有 $1 处问题；账套文件已损坏：请用 salesledger restore 文件 --yes 恢复备份"),
        (#"^integrity check: (.*)$"#, "完整性检查：$1"),
        (#"^the two passwords differ; nothing was changed$"#, "两次输入的密码不同；未做任何改动"),
        (#"^no password could be read from (.*)$"#, "未能从 $1 读到密码"),
        (#"^at least (\d+) characters$"#, "至少需要 $1 个字符"),
        (#"^cannot write (.*)$"#, "无法写入 $1"), (#"^cannot read (.*)$"#, "无法读取 $1"),
        (#"^(.*) exists; not replaced$"#, "$1 已存在；未替换"),
        (#"^no draft (\S+)$"#, "没有草稿 $1"),
        (#"^'(.*)' is not a draft id \(e\.g\. D12\)$"#, "'$1' 不是草稿编号（如 D12）"),
        (#"^deleting draft (\S+) needs --yes$"#, "删除草稿 $1 需要加 --yes"),
        (#"^the two passphrases differ: nothing was written$"#, "两次输入的备份口令不同：未写入任何内容"),
        (#"^this ledger has passwords: run on a terminal or give --password-fd N$"#,
         "本账套设有密码：请在终端中运行，或用 --password-fd N 从文件描述符给出密码"),
        (#"^credit check: (.*) \(a manager may override with a reason\)$"#, "信用检查：$1（经理可填写原因后超额过账）"),
        (#"^unknown salesperson code (.*)$"#, "未知业务员编码 $1"),
        (#"^waiting for the ledger: (.*) is writing to it \(up to (\d+) s\)$"#, "等待账套：$1 正在写入（最多等 $2 秒）"),
        (#"^ledger busy \(import by (.*) in progress\), waiting…$"#, "账套正忙（$1 正在导入），等待中…"),
        (#"^ledger busy \(sample generate by (.*) in progress\), waiting…$"#, "账套正忙（$1 正在生成示例账套），等待中…"),
        (#"^ledger busy \(ledger upgrade in progress\), waiting…$"#, "账套正忙（正在升级账套结构），等待中…"),
        (interruptedLoad.pattern, interruptedLoad.zh),
        (#"^sample generate interrupted before its first chunk was committed: nothing was written$"#,
         "示例账套生成已中断，第一批尚未提交：未写入任何内容"),
        (#"^sample generate interrupted: the ledger keeps the (\d+) of (\d+) invoices and (\d+) receipts "#
            + #"committed so far$"#, "示例账套生成已中断：账套保留已提交的 $2 张销售单中的 $1 张及 $3 张收款单"),
        (#"^run the same command again to finish it \(it goes on from there\), or give it up with: "#
            + #"salesledger sample generate --abandon$"#,
         "用相同的命令再运行一次即可从中断处继续完成，或用 'salesledger sample generate --abandon' 放弃"),
        (#"^no interrupted sample generate in this ledger: nothing to abandon$"#,
         "账套中没有中断的示例账套生成：无需放弃"),
        (#"^every generated customer code is archived in this ledger: nothing to generate invoices for$"#,
         "生成的客户编码在本账套中均已归档：无法生成销售单"),
        (#"^every generated product code is archived in this ledger: nothing to generate invoices for$"#,
         "生成的商品编码在本账套中均已归档：无法生成销售单"),
        (#"^nothing imported; (\d+) row\(s\) rejected:$"#, "未导入任何数据；$1 行被拒绝："),
        (#"^the ledger is not empty; use --force to load into it anyway$"#, "账套不为空；如仍要载入请加 --force"),
        (#"^(.*): nothing imported; (\d+) row problem\(s\):$"#, "$1：未导入任何数据；$2 行有问题："),
        (#"^(.*): row (\d+), column (\d+)( \((.*)\))?: byte (0x[0-9A-F]+) is not UTF-8.*$"#,
         "$1：第$2行第$3列「$5」：字节 $6 不是 UTF-8，而文件其余部分是；文件混用了编码。请整体另存为 UTF-8（或整体为 GB18030）；未导入任何数据"),
        (#"^(.*): text is neither UTF-8 nor GB18030$"#, "$1：文本既不是 UTF-8 也不是 GB18030"),
        (#"^(.*): cannot read the file$"#, "$1：无法读取文件"),
        (#"^(.*): missing column\(s\): (.*); the header is: (.*)$"#, "$1：缺少列：$2；文件的表头是：$3"),
        (#"^(.*): missing column\(s\): (.*)$"#, "$1：缺少列：$2"),
        (#"^user: '(.*)' is not an active user of this ledger.*$"#,
         "用户：'$1' 不是本账套的有效用户（见 salesledger user list；用 --user 指定）"),
        (#"^--today: (.*)$"#, "--today：$1"),
    ]

    /// One message in Chinese: `path: message` lines get a Chinese path and message; known sentences are translated.
    static func message(_ text: String) -> String {
        guard isOn else { return text }
        let strings = Strings(.zh)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { raw -> String in
            let line = String(raw)
            let indent = String(line.prefix { $0 == " " })
            let body = String(line.dropFirst(indent.count))
            if let whole = sentence(body, strings) { return indent + whole }
            if let split = body.firstMatch(
                of: /^((?:lines\[\d+\]\.\w+)|(?:row \d+, column [^:]+)|(?:[A-Za-z-]+(?:\[\d+\]\.\w+)?)): (.*)$/) {
                let path = String(split.1), rest = String(split.2)
                return indent + field(path) + "：" + (sentence(rest, strings) ?? rest)
            }
            // A path already in Chinese (translated by another layer), message still English.
            if let split = body.firstMatch(of: /^([^:：\s]+)(?:: |：)(.*)$/),
               let translated = sentence(String(split.2), strings) {
                return indent + String(split.1) + "：" + translated
            }
            return line
        }.joined(separator: "\n")
    }

    static func sentence(_ text: String, _ strings: Strings) -> String? {
        let core = strings.core(text)
        if core != text { return core }
        return messagePatterns.translate(text, strings.core)
    }

    static let outputPatterns = PatternTable(resultPatterns + [
        (#"^posted (\S+): (.*) total (.*), due (\S+)$"#, "已过账 $1：$2 价税合计 $3，到期日 $4"),
        (#"^draft saved: (.*) total (.*), due (\S+)$"#, "草稿已保存：$1 价税合计 $2，到期日 $3"),
        (#"^voided (\S+)$"#, "已作废 $1"),
        (#"^issued (\S+): (.*) \(net (.*), tax (.*)\); applied (.*); unapplied (.*)$"#,
         "已开具红字冲销 $1：$2（不含税 $3，税额 $4）；已核销 $5；未核销 $6"),
        (#"^customer (\S+) added: (.*)$"#, "客户 $1 已新增：$2"),
        (#"^ledger ready: (.*)$"#, "账套已就绪：$1"),
        (#"^imported (\d+) class(?:es)? from (.*): (\d+) new, (\d+) changed, (\d+) unchanged$"#,
         "已从 $2 导入分类 $1 个：新增 $3 个，修改 $4 个，未变 $5 个"),
        (#"^nothing changed: (\d+) class(?:es)? from (.*) unchanged$"#, "没有变化：$2 的 $1 个分类与账套中相同，未写入"),
        (#"^default tax rate: (\S+) \(not set\)$"#, "默认税率：$1（未设置）"),
        (#"^default tax rate: (\S+)$"#, "默认税率：$1"),
        (#"^company name: (.*)$"#, "公司名称：$1"),
        (#"^ledger: (.*)$"#, "账套：$1"),
        (#"^customers: (\d+)$"#, "客户：$1"), (#"^products: (\d+)$"#, "商品：$1"),
        (#"^salespeople: (\d+)$"#, "业务员：$1"), (#"^invoices: (\d+) \((\d+) lines\)$"#, "销售单：$1（$2 行）"),
        (#"^credit notes: (\d+)$"#, "红字冲销：$1"), (#"^receipts: (\d+)$"#, "收款单：$1"),
        (#"^sales (\w+): (.*)$"#, "销售额 $1：$2"), (#"^net sales (\w+): (.*)$"#, "不含税销售额 $1：$2"),
        (#"^output VAT (\w+): (.*)$"#, "销项税额 $1：$2"), (#"^dates: (.*)$"#, "日期：$1"),
        (#"^loaded (\S+): (\d+) customers, (\d+) products, (\d+) invoices with (\d+) lines, (\d+) receipts$"#,
         "已载入 $1：客户 $2 个，商品 $3 个，销售单 $4 张（$5 行），收款单 $6 张"),
        (#"^loaded (\S+): (\d+) customers, (\d+) products, (\d+) invoices with (\d+) lines, (\d+) receipts, "#
            + #"(\d+) credit notes$"#, "已载入 $1：客户 $2 个，商品 $3 个，销售单 $4 张（$5 行），收款单 $6 张，红字冲销 $7 张"),
        (#"^nothing open as of (\S+)$"#, "截至 $1 没有未核销的应收"),
        (#"^no reminders due on (\S+)$"#, "$1 没有到期的回款提醒"),
        (#"^nothing overdue on (\S+)$"#, "$1 没有逾期"),
        (#"^Aging as of (\S+) \((\w+)\); days overdue = as-of − due date$"#, "账龄 截至 $1（$2）；逾期天数 = 截止日 − 到期日"),
        (#"^Aging as of (\S+) \((\w+)\) by invoice date; days = as-of − invoice date$"#,
         "账龄 截至 $1（$2），按单据日期；账龄天数 = 截止日 − 单据日期"),
        (#"^DSO (\S+) … (\S+): receivables at end ÷ credit sales × days$"#,
         "应收账款周转天数 $1 至 $2：期末应收 ÷ 赊销额 × 天数"),
        (#"^open invoices (\S+), overdue (\S+), disputed (\S+)$"#, "未核销销售单 $1，逾期 $2，有争议 $3"),
        (#"^no data$"#, "无数据"),
        (#"^recorded (\S+): (\S+) (\w+); allocated to (\d+) invoice\(s\); unapplied (\S+)$"#,
         "已录入收款单 $1：$2 $3；核销 $4 张销售单；未核销 $5"),
        (#"^ok: (\d+) audit entries, chain intact; integrity ok$"#, "正常：$1 条审计记录，哈希链完整；完整性检查通过"),
        (#"^backup written: (.*)$"#, "备份已写入：$1"),
        (#"^Receivables as of (\S+); DSO over the (\d+) days ending (\S+)$"#, "应收 截至 $1；周转天数取截至 $3 的 $2 天"),
        (#"^no acceptance bills as of (\S+)$"#, "截至 $1 没有承兑汇票"),
        (#"^head: (\d+:\S+)$"#, "链头：$1"), (#"^anchored: (\d+:\S+)$"#, "锚定链头：$1"),
        (#"^ok: (\d+) audit entries, chain intact \((\d+) keyed\); (\d+) records match their seals; integrity ok$"#,
         "正常：$1 条审计记录，哈希链完整（其中 $2 条有密钥签名）；$3 条记录与封印一致；完整性检查通过"),
        (#"^file: (.*)$"#, "文件：$1"), (#"^size: (\d+) bytes$"#, "大小：$1 字节"),
        (#"^integrity: (.*)$"#, "完整性：$1"), (#"^journal mode: (.*)$"#, "日志模式：$1"),
        (#"^audit chain: intact$"#, "审计哈希链：完整"), (#"^audit chain: not checked$"#, "审计哈希链：未检查"),
        (#"^audit chain: BROKEN at (.*)$"#, "审计哈希链：在 $1 处断裂"),
        (#"^contents: (\d+) customers, (\d+) documents, (\d+) receipts, (\d+) audit entries$"#,
         "内容：客户 $1 个，单据 $2 张，收款单 $3 张，审计记录 $4 条"),
        (#"^checked: integrity (\S+), audit chain intact, manifest (.*)$"#, "已检查：完整性 $1，审计哈希链完整，清单 $2"),
        (#"^encrypted: AES-256-GCM, (\d+) MiB chunks; key from scrypt (.*), (\d+)-byte salt$"#,
         "已加密：AES-256-GCM，每块 $1 MiB；密钥由 scrypt 派生（$2），盐 $3 字节"),
        (#"^encryption: AES-256-GCM, (\d+) MiB chunks; key from scrypt (.*), (\d+)-byte salt$"#,
         "加密方式：AES-256-GCM，每块 $1 MiB；密钥由 scrypt 派生（$2），盐 $3 字节"),
        (#"^integrity: not checked$"#, "完整性：未检查"), (#"^journal mode: encrypted$"#, "日志模式：已加密"),
        (#"^encrypted: (.*)$"#, "已加密：$1"), (#"^encryption: (.*)$"#, "加密方式：$1"),
        // Restore (tryout s19: every line was English under --lang zh).
        (#"^would replace the ledger (.*)$"#, "将替换账套 $1"),
        (#"^would replace \(no ledger yet at\) (.*)$"#, "将写入 $1（该处尚无账套）"),
        (#"^with (.*): (\d+) customers, (\d+) documents, (\d+) receipts, (\d+) audit entries$"#,
         "备份 $1：客户 $2 个，单据 $3 张，收款单 $4 张，审计记录 $5 条"),
        (#"^restored (.*) from (.*): (\d+) customers, (\d+) documents, (\d+) receipts, (\d+) audit entries$"#,
         "已从 $2 恢复 $1：客户 $3 个，单据 $4 张，收款单 $5 张，审计记录 $6 条"),
        (#"^previous ledger kept as (.*)$"#, "原账套保留为 $1"),
        (#"^number counters raised past numbers issued before the restore: (.*)$"#,
         "编号计数器已调到恢复前已用过的编号之后：$1"),
        (#"^password of (\S+) set$"#, "已设置 $1 的密码"),
        (#"^off-site copy written and checked: (.*)$"#, "异地副本已写入并检查：$1"),
        (abandonedLoad.pattern, abandonedLoad.zh),
        (#"^they are posted, with audit entries: void them or start a new ledger to be rid of them$"#,
         "这些单据已过账并附有审计记录：如需去除，请作废或新建账套"),
        (#"^resuming the interrupted sample generate \((.*)\): (\d+) of (\d+) invoices and (\d+) receipts "#
            + #"committed already$"#, "继续中断的示例账套生成（$1）：已提交 $3 张销售单中的 $2 张及 $4 张收款单"),
        // Imports and the receipt review (issue 15).
        checkedTab, checkedSeparator,
        (#"^dry run: would import nothing to import; nothing written$"#, "试运行：没有可导入的内容；未写入任何数据"),
        (#"^dry run: would import (.*); nothing written$"#, "试运行：将导入 $1；未写入任何数据"),
        (#"^  would create (\d+) customer\(s\): (.*) \(and (\d+) more\)$"#, "  将新建客户 $1 个：$2（另有 $3 个）"),
        (#"^  would create (\d+) customer\(s\): (.*)$"#, "  将新建客户 $1 个：$2"),
        (#"^imported (.*)$"#, "已导入 $1"),
        (#"^  left out: row (\d+): (.*)$"#, "  略过：第$1行：$2"),
        (#"^  proposal: row (\d+): (.*) → (.*)$"#, "  建议：第$1行：$2 → $3"),
        (#"^rejected rows written to (.*)$"#, "被拒绝的行已写入 $1"),
        (#"^rejected rows:$"#, "被拒绝的行："),
        (#"^Imported (\d+) receipt\(s\) (.*), (\d+) allocation\(s\); (\d+) skipped$"#,
         "已导入收款单 $1 笔 $2，核销 $3 笔；跳过 $4 笔"),
        (#"^dry run: (\d+) voucher\(s\), (\d+) line\(s\), (\S+) … (\S+); all balanced; nothing written$"#,
         "试运行：凭证 $1 张，分录 $2 行，$3 至 $4；全部借贷平衡；未写入任何数据"),
        (#"^wrote (\d+) voucher\(s\), (\d+) line\(s\), (\S+) … (\S+); all balanced to (.*)$"#,
         "已写入凭证 $1 张，分录 $2 行，$3 至 $4，全部借贷平衡：$5"),
    ])

    /// A result line in Chinese when it is one of the known ones.
    static func output(_ text: String) -> String {
        guard isOn else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { raw -> String in
            outputPatterns.translate(String(raw), importPhrase) ?? String(raw)
        }.joined(separator: "\n")
    }

    /// The phrases inside import result lines: outcome counts, proposal reasons, reasons a bill row is left out.
    static let phrasePatterns = PatternTable([
        (#"(\d+) created, (\d+) updated, (\d+) unchanged"#, "新增 $1 条，更新 $2 条，未变 $3 条"),
        (#"(\d+) created, (\d+) updated"#, "新增 $1 条，更新 $2 条"),
        (#"(\d+) receipt\(s\)"#, "收款单 $1 笔"),
        (#"(\d+) invoice\(s\) and (\d+) credit note\(s\) \((.*)\), (\d+) new customer\(s\)"#,
         "销售单 $1 张，红字冲销 $2 张（$3），新客户 $4 个"),
        (#"(\d+) invoice\(s\) \((.*)\), (\d+) new customer\(s\)"#, "销售单 $1 张（$2），新客户 $3 个"),
        (#"(\d+) open invoice\(s\), (\d+) unapplied credit\(s\)"#, "未核销销售单 $1 张，未核销预收 $2 笔"),
        (#"(\d+) rows? without a tax rate used the ledger's default (\S+)"#, "$1 行未填税率，按账套默认税率 $2 价税分离"),
        (#"nothing to import"#, "没有可导入的内容"),
        (#" ?\(invoice number in the note\)"#, "（备注中的单号）"),
        (#" ?\(exact amount\)"#, "（金额相同）"),
        (#"; "#, "；"),
        (#"unapplied credit \(no open invoice\)"#, "记为未核销预收（无未核销销售单）"),
        (#"oldest first"#, "先到期先核销"),
        (#"not a trade line"#, "不是交易行"),
        (#"not money in \(收/支 (.*)\)"#, "不是收入（收/支 $1）"),
        (#"refund \((.*)\)"#, "退款（$1）"),
        (#"closed trade \((.*)\)"#, "已关闭的交易（$1）"),
        (#"no amount received"#, "没有收入金额"),
        (#"duplicate 交易单号 (\S+) \(first on row (\d+)\)"#, "交易单号 $1 重复（首次在第$2行）"),
        (#"money out"#, "支出"),
        (#"void document not imported"#, "作废单据不导入"),
    ])

    static func importPhrase(_ text: String) -> String { phrasePatterns.replacingAll(in: text) }
}
