extension Strings {
    /// The voucher export's account map (`--map`), template (`--template`) and voucher checks, and training's
    /// refusals, in Chinese (s35-fix: they stayed English under --lang zh). Part of `coreTable`, which the CLI's
    /// `CLIChinese.message` tries first; a message's `file: ` or `field: ` prefix is translated there.
    static let toolErrorPatterns: [(String, String)] = [
        // Account map (`AccountMapFile.parse`).
        (#"^line (\d+): TOML syntax: (.*)$"#, "第 $1 行：TOML 语法错误：$2"),
        (#"^standard: must be "cas" or "sbas"$"#, "standard：必须是 \"cas\"（企业会计准则）或 \"sbas\"（小企业会计准则）"),
        (#"^(\S+): must be a table$"#, "$1：必须是一个表（[$1]）"),
        (#"^(\S+): must be an account code in quotes$"#, "$1：必须是加引号的科目代码"),
        (#"^(\S+): unknown key$"#, "$1：未知的键"),
        (#"^accounts\.(\S+): unknown account \(expected (.*)\)$"#, "accounts.$1：未知科目（应为 $2 之一）"),
        (#"^(\S+): must be true or false$"#, "$1：必须是 true 或 false"),
        // Base currency (`SetBaseCurrency`).
        (#"^the base currency is ([A-Z]{3}) and fixed once the ledger has documents$"#, "本位币为 $1，账套已有单据，不能修改"),
        // Template (`VoucherTemplate.read`).
        (#"^the template has no header row$"#, "模板没有表头行"),
        (#"^no account and debit/credit \(or amount\) columns in the header: (.*)$"#,
         "表头中没有科目列和借方/贷方（或金额）列：$1"),
        (#"^template columns left empty: (.*)$"#, "模板中留空的列：$1"),
        // Voucher checks (`VoucherBuilder.check`).
        (#"^nothing written; (\d+) voucher problem\(s\):$"#, "未写入任何内容；凭证问题 $1 个："),
        (#"^voucher (.+?) \((\S+)\) line (\d+): no account code$"#, "凭证 $1（$2）第 $3 行：没有科目代码"),
        (#"^voucher (.+?) \((\S+)\) line (\d+): receivable line without a customer code$"#,
         "凭证 $1（$2）第 $3 行：应收科目行没有客户编码"),
        (#"^voucher (.+?) \((\S+)\) line (\d+): needs exactly one of debit and credit$"#,
         "凭证 $1（$2）第 $3 行：借方和贷方必须且只能填一个"),
        (#"^voucher (.+?) \((\S+)\): no lines$"#, "凭证 $1（$2）：没有分录"),
        (#"^voucher (.+?) \((\S+)\): no exchange rate of (\S+) to (\S+) on or before (\S+) \(set one with: (.*)\)$"#,
         "凭证 $1（$2）：$5 及之前没有 $3 对 $4 的汇率（设置命令：$6）"),
        (#"^voucher (.+?) \((\S+)\): amounts too large to add up$"#, "凭证 $1（$2）：金额过大，无法合计"),
        (#"^voucher (.+?) \((\S+)\): debits (\S+) ≠ credits (\S+)$"#, "凭证 $1（$2）：借方 $3 ≠ 贷方 $4"),
        // Training (`train`, `--practice`).
        (#"^no lesson '(.*)' \(see train lessons\)$"#, "没有课程 '$1'（课程列表见 salesledger train lessons）"),
        (#"^--answers: item (\d+) '(.*)' is not a choice number of question (\d+)$"#,
         "--answers：第 $1 项 '$2' 不是第 $3 题的选项编号"),
        (#"^--answers: (\d+) answers for (\d+) questions$"#, "--answers：给了 $1 个答案，但共有 $2 道题"),
        (#"^train: --practice is implied \(give --db the REAL ledger; the practice one is beside it\)$"#,
         "train：已隐含 --practice（--db 请给正式账套；练习账套在它旁边）"),
        (#"^(.*): the practice ledger cannot be the real ledger$"#, "$1：练习账套不能是正式账套"),
        (#"^(.*) exists and is not a practice ledger: nothing was changed \(move it away first\)$"#,
         "$1 已存在且不是练习账套：未做任何改动（请先把它移走）"),
        (#"^(.*) is not a practice ledger: it is never reset$"#, "$1 不是练习账套：不会被重置"),
        (#"^--sample: zh or en, not '(.*)'$"#, "--sample：只能是 zh 或 en，不能是 '$1'"),
        (#"^(.*) is a practice ledger \(练习账套\), never the real one: open it with `salesledger train` or "#
            + #"`--practice` beside the real ledger$"#,
         "$1 是练习账套，不是正式账套：请用 `salesledger train` 打开，或在正式账套旁用 `--practice` 打开"),
        (#"^(.*) is not a practice ledger: training never uses a real ledger \(move the file away, then run "#
            + #"`salesledger train`\)$"#, "$1 不是练习账套：培训从不使用正式账套（请把该文件移走，再运行 `salesledger train`）"),
        (#"^no practice ledger at (.*) \(start training with: salesledger train\)$"#,
         "$1 处没有练习账套（开始培训：salesledger train）"),
    ]
}
