import Foundation
import LedgerAudit
import LedgerCore
import LedgerInterop
import TerminalUI

/// Audit (审计): the periodic audit's findings, the audit log, the process metrics, for the quarter up to today,
/// and the confirmation round (询证函). The figures come from `LedgerAudit` (the same functions `audit check`,
/// `audit log`, `report process` and `audit confirm summary` print); the checks run when the screen is shown after
/// a change, not at start-up. Runs, letters and replies are recorded through the CLI's commands (see
/// `AuditScreen+Actions`).
struct AuditScreen: KeyedScreen {
    enum Panel: Int, CaseIterable { case findings, log, process, confirmations }
    var panel = Panel.findings
    /// The last run of the checks (findings panel), for `w`; shown again without re-running (issue 10).
    var lastRun: AuditRun?
    /// Set by `r` on the findings panel: the next refresh runs the checks.
    var runRequested = false
    /// Customer codes of the confirmations panel's rows.
    var confirmationCodes: [String] = []
    /// The difference prompt of `d`.
    var modals = ModalStack<AuditScreen>()
    /// Where `w` and `s` write files: the working folder unless set (tests).
    var outputFolder: String?
    var header: [String] = []
    var rows: [[String]] = []
    var numericColumns: Set<Int> = []
    /// Text columns of codes (document numbers, times, customer codes): shown whole or hidden, never cut.
    var codeColumns: Set<Int> = []
    var table = TableState()
    var summary = ""
    var findingsCSV = ""
    var logCSV = ""
    /// The seed of the screen's vouching sample (fixed, so the screen is repeatable; the CLI prints its own).
    static let seed: UInt64 = 1

    var isTyping: Bool { table.isEditingFilter }

    mutating func refresh(context: AppContext) {
        let s = context.strings
        let lang: AuditLanguage = s.zh ? .zh : .en
        let (from, to) = AuditParameters.defaultPeriod(today: context.today)
        guard let queries = context.store as? any AuditStore else {
            header = [s.t("Audit", "审计")]
            rows = [[s.t("this store has no audit queries", "此存储不支持审计查询")]]
            return
        }
        do {
            switch panel {
            case .findings:
                // Issue 10: the checks stream the audit log once (minutes at a million invoices), so showing the screen
                // shows the last run's results with their time; `r` runs them again. The first visit runs them
                // only when start-up work is not deferred (tests, the eager harness); the program asks for `r`.
                let wanted = runRequested || (lastRun == nil && !context.defersStartupWork)
                runRequested = false
                if wanted {
                    var p = AuditParameters(from: from, to: to)
                    p.language = lang
                    p.seed = AuditScreen.seed
                    // The anchored head read before the snapshot, as `audit check` does (no false "log truncated"
                    // when another program writes during the run).
                    lastRun = try AuditRunner.run(
                        queries: queries, parameters: p, ranBy: context.user,
                        ranAtUTC: utcTimestamp(context.service.clock.nowUTCSeconds()),
                        chainProblem: queries.auditChainCheck())
                }
                guard let run = lastRun else {
                    header = [s.t("Audit", "审计")]
                    rows = [[s.t("the checks have not run in this session: r runs them (minutes on a large ledger)",
                                 "本次尚未运行审计检查：按 r 运行（大账套需数分钟）")]]
                    numericColumns = []
                    codeColumns = []
                    summary = ""
                    return
                }
                header = [
                    s.t("Severity", "级别"), s.t("Check", "检查"), s.t("Documents", "单据"), s.t("Customer", "客户"),
                    s.t("Amount", "金额"), s.t("Finding", "发现"),
                ]
                numericColumns = [4]
                codeColumns = [0, 2, 3]   // severity and customer as wide as their words: the check gets the room
                // Check ids are English codes: the Chinese screen shows the check's title instead.
                let titles = Dictionary(run.checks.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
                rows = run.allFindings.sorted { $0.severity > $1.severity }.map {
                    [
                        $0.severity.label(lang), s.zh ? titles[$0.check] ?? $0.check : $0.check,
                        $0.documents.joined(separator: " "), $0.customer, AuditFormat.grouped($0.amount),
                        AuditFormat.grouped($0.message),
                    ]
                }
                findingsCSV = AuditReport.findingsCSV(run)
                let observations = run.allFindings.count - run.findings.count
                // The time of the run (UTC hours and minutes; the run is of this session), short enough for 80 columns.
                let ranAt = String(run.ranAtUTC.dropFirst(11).prefix(5)) + "Z"
                summary = lang.t(
                    "\(from) … \(to): \(counted(run.findings.count, "finding")), "
                        + "\(counted(observations, "observation")), \(counted(run.checks.count, "check")), "
                        + "run \(ranAt)",
                    "\(from) … \(to)：\(run.findings.count) 项发现，\(observations) 项观察，共 \(run.checks.count) 项检查"
                        + "，运行于 \(ranAt)")
            case .log:
                let entries = try queries.auditLogTail(limit: 500)   // read from the end (issue 10)
                let viewRows = AuditLogView.rows(entries).reversed()
                header = [
                    s.t("Seq", "序号"), s.t("Time (UTC)", "时间（UTC）"), s.t("User", "用户"), s.t("Command", "操作"),
                    s.t("Records", "记录"), s.t("Before → after", "修改前 → 修改后"),
                ]
                numericColumns = [0]
                codeColumns = [1, 2, 3, 4]   // the command whole (tryout s18: "receipt.re…" at 80)
                rows = viewRows.map {
                    [
                        String($0.seq), $0.timestampUTC, $0.actor, $0.command, $0.records.joined(separator: " "),
                        $0.changes.joined(separator: "; "),
                    ]
                }
                logCSV = CSVOutput.render(header: header, rows: rows)
                // On screen the command in the UI language and the document by its number, not row ids; the
                // commands of one bulk entry show its time and user once (tryout s15). The CSV keeps machine names.
                rows = zip(rows, viewRows).enumerated().map { i, pair in
                    var (row, view) = pair
                    row[3] = s.commandName(row[3])
                    row[4] = view.document.isEmpty ? s.recordNames(view.records) : view.document
                    if i > 0 && rows[i - 1][0] == row[0] { row[1] = ""; row[2] = "" }
                    return row
                }
                summary = lang.t(
                    "the latest \(counted(rows.count, "entry", plural: "entries")), newest first",
                    "最近 \(rows.count) 条记录，最新在前")
            case .process:
                guard let process = context.store as? any ProcessQueries else {
                    throw LedgerError.storage(s.t("this store has no process metrics", "此存储不支持流程指标"))
                }
                let metrics = try ProcessMetrics.compute(process, from: from, to: to)
                header = [s.t("Metric", "指标"), s.t("Value", "数值"), "n"]
                numericColumns = [1, 2]
                codeColumns = []
                rows = metrics.map { [$0.label(lang), $0.value == nil ? "" : $0.text, String($0.basis)] }
                summary = lang.t(
                    "\(from) … \(to) (report process --by user|month for more)",
                    "\(from) … \(to)（更多见 report process --by user|month）")
            case .confirmations:
                try refreshConfirmations(context: context, queries: queries, lang: lang)
            }
        } catch {
            header = [s.t("Error", "错误")]
            rows = [[context.strings.core("\(error)")]]
            numericColumns = []
            codeColumns = []
        }
    }

    mutating func handle(_ event: Event, context: AppContext) -> ScreenOutcome {
        if let outcome = dispatch(event, context: context) { return outcome }
        var view = tableView
        view.isSortable = false
        _ = view.handle(event, state: &table, rowCount: rows.count, pageSize: 15)
        return .none
    }

    /// Re-reads the panel after a recording (the outcome is kept for the status line).
    mutating func recorded(_ outcome: ScreenOutcome, context: AppContext) -> ScreenOutcome {
        if panel != .findings { refresh(context: context) }
        return outcome
    }

    /// The rows after the search filter, as drawn.
    var filteredRows: [[String]] {
        table.filter.text.isEmpty
            ? rows : rows.filter { $0.joined(separator: " ").localizedCaseInsensitiveContains(table.filter.text) }
    }

    /// Asks where to write the findings (or the log, or the metrics): `salesledger-audit-…-<today>.csv` in the
    /// output folder offered (`ExportPrompt`).
    mutating func export(context: AppContext) -> ScreenOutcome {
        let name = ["findings", "log", "process", "confirmations"][panel.rawValue]
        let text =
            panel == .findings ? findingsCSV : panel == .log ? logCSV : CSVOutput.render(header: header, rows: rows)
        modals.push(ExportPrompt.modal(text, name: "audit-\(name)-\(context.today).csv", context: context))
        return .none
    }

    /// Numbers and codes get the width of their widest cell (shown whole or hidden: never cut); text shares the
    /// rest, the last column (the finding, the changes) most.
    var tableView: TableView {
        TableView(
            columns: header.enumerated().map { i, title in
                let widest = rows.reduce(DisplayWidth.of(title)) { max($0, i < $1.count ? DisplayWidth.of($1[i]) : 0) }
                if numericColumns.contains(i) {
                    return TableColumn(title, width: .fixed(max(widest, 4)), alignment: .right)
                }
                if codeColumns.contains(i) { return TableColumn(title, width: .fixed(min(max(widest, 4), 40))) }
                return TableColumn(title, width: i == header.count - 1 ? .flexible(weight: 3, minimum: 12)
                                                                      : .flexible(weight: 2, minimum: 6))
            })
    }

    func keyTable(_ s: Strings) -> KeyTable<AuditScreen, ScreenOutcome> {
        typealias Command = KeyCommand<AuditScreen, ScreenOutcome>
        let findings: (AuditScreen) -> Bool = { $0.panel == .findings }
        let confirmations: (AuditScreen) -> Bool = { $0.panel == .confirmations }
        // Replies need a letter on the selected row: before any letter is sent, a and d are not offered.
        let letterSelected: (AuditScreen) -> Bool = { $0.panel == .confirmations && $0.selectedConfirmation() != nil }
        func turn(_ step: Int) -> (inout AuditScreen, AppContext) -> ScreenOutcome {
            { screen, context in
                screen.panel = Panel(rawValue: (screen.panel.rawValue + step) % Panel.allCases.count)!
                screen.table = TableState()
                screen.refresh(context: context)
                return .message("")   // a message about the last panel (an export) is cleared
            }
        }
        return KeyTable([
            Command(.tab, s.t("Next panel", "下一面板"),
                    help: s.t("findings, audit log, process, confirmations", "审计发现、审计日志、流程指标、询证函"), run: turn(1)),
            Command(.backTab, s.t("Previous panel", "上一面板"), hint: false, run: turn(Panel.allCases.count - 1)),
            .move(s, when: { !$0.filteredRows.isEmpty }),
            Command(.char("/"), s.search),
            Command(.char("r"), s.t("Re-run", "重新检查")) { screen, context in
                screen.runRequested = screen.panel == .findings
                screen.refresh(context: context)
                return .message(s.t("Read again as of \(context.today)", "已按 \(context.today) 重新读取"))
            },
            Command(.char("x"), s.exportCSV) { screen, context in screen.export(context: context) },
            Command(.char("w"), s.t("Write report", "写审计报告"),
                    help: s.t("findings: report file, recorded with its SHA-256", "审计发现：写报告文件并记录其 SHA-256"),
                    when: findings) { screen, context in
                screen.recorded(screen.writeReport(context: context), context: context)
            },
            Command(.char("s"), s.t("Send letters", "发询证函"),
                    help: s.t("confirmations: as of today, every balance", "询证函：以今日为截止日，所有有余额的客户"),
                    when: confirmations) { screen, context in
                // Letters are recorded in the ledger and the audit log: asked first (tryout s15 sent 155 at once).
                screen.modals.push(DialogModal<AuditScreen>.confirm(
                    s.t("Send confirmation letters", "发出询证函"),
                    s.t("Write a letter as of \(context.today) for every customer with a balance, and record them in "
                        + "the ledger and the audit log?",
                        "以 \(context.today) 为截止日，为所有有余额的客户生成询证函，并记入账套和审计日志？")) {
                    screen, context in screen.recorded(screen.sendLetters(context: context), context: context)
                })
                return .none
            },
            Command(.char("a"), s.t("Agreed", "回函相符"), help: s.t("confirmations: reply 数据证明无误", "询证函：数据证明无误"),
                    when: letterSelected) { screen, context in
                guard let code = screen.selectedConfirmation() else { return .none }
                return screen.recorded(screen.recordReply(code, agreed: true, context: context), context: context)
            },
            Command(.char("d"), s.t("Difference", "回函不符"),
                    help: s.t("confirmations: reply 数据不符 with amount and note", "询证函：数据不符，填差异和说明"),
                    when: letterSelected) { screen, _ in
                guard let code = screen.selectedConfirmation() else { return .none }
                screen.modals.push(DifferencePrompt(customerCode: code))
                return .none
            },
        ])
    }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point? {
        let s = context.strings
        TabBar(
            titles: [s.t("Findings", "审计发现"), s.t("Audit log", "审计日志"), s.t("Process", "流程指标"),
                     s.t("Confirmations", "询证函")],
            selected: panel.rawValue
        ).render(into: &buffer, in: area.row(0))
        buffer.setFitted(summary, x: area.x + 1, y: area.y + 1, width: area.width - 2, style: Style(.accent, [.bold]))
        var state = table
        let view = s.localize(tableView)
        // Text columns are cut before a word or a number, never inside a number (a cut figure would mislead).
        let widths = TableColumn.layout(view.columns, totalWidth: area.width)
        let cells = filteredRows.map { row in
            row.enumerated().map { i, cell in
                i < widths.count && !numericColumns.contains(i) && !codeColumns.contains(i)
                    ? TextCut.beforeNumber(cell, width: widths[i]) : cell
            }
        }
        let visible = filteredRows
        let detailHeight = visible.isEmpty || area.height < 8 ? 0 : 2
        view.render(
            into: &buffer,
            in: Rect(x: area.x, y: area.y + 2, width: area.width, height: max(0, area.height - 2 - detailHeight)),
            source: ArrayTableDataSource(rows: cells), state: &state)
        if detailHeight > 0 {
            // The selected row in full (columns are cut to fit): its check, documents and finding, wrapped.
            let row = visible[min(max(state.selectedRow, 0), visible.count - 1)]
            // A metric by its name, value and basis (tryout s18: a bare "0", its n, under the process table).
            let parts = panel == .findings && row.count >= 6 ? [row[1], row[2], row[5]]
                : panel == .process && row.count == 3 ? [row[0], row[1], "n \(row[2])"] : Array(row.dropFirst())
            let text = parts.filter { !$0.isEmpty }.joined(separator: " · ")
            let lines = TextFitting.wrap(text, toWidth: area.width - 2)
            for (i, line) in lines.prefix(detailHeight).enumerated() {
                buffer.setFitted(line, x: area.x + 1, y: area.y + area.height - detailHeight + i,
                                 width: area.width - 2, style: Style(.muted))
            }
        }
        return modals.render(into: &buffer, in: area, context: context, unicode: unicode)
    }
}

extension Strings {
    var screenAudit: String { t("Audit", "审计") }
}
