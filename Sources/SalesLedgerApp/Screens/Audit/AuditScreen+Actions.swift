import Foundation
import LedgerAudit
import LedgerCore
import LedgerInterop
import TerminalUI

/// What the audit screen records (issue 14), through the same commands as the CLI: an audit run with its report's
/// SHA-256 (`w`, like `audit check --output`), confirmation letters sent (`s`, like `audit confirm letters`) and
/// replies (`a` agreed, `d` difference, like `audit confirm reply`).
extension AuditScreen {
    /// The text prompt of a difference reply: the customer's code.
    struct DifferencePrompt: Equatable {
        var customerCode: String
        var input = TextInput()
    }

    /// The confirmations panel: the latest round (or none yet) from the audit log.
    mutating func refreshConfirmations(context: AppContext, queries: any AuditQueries, lang: AuditLanguage) throws {
        let s = context.strings
        let log = try queries.auditLog(filter: AuditLogFilter(command: "audit.confirm"))
        let summary = ConfirmationSummary.from(log: log)
        confirmationCodes = summary.rows.map(\.customerCode)
        header = [s.t("Customer", "客户"), s.t("Form", "询证方式"), s.t("Balance", "余额"), s.t("Reply", "回函"),
                  s.t("Difference", "差异"), s.t("Note", "说明")]
        numericColumns = [2, 4]
        rows = summary.rows.map { row in
            let money = { (v: Int64) in context.money(v, row.currency) }
            let form = row.form == ConfirmationForm.negative.rawValue ? s.t("negative", "消极式") : s.t("positive", "积极式")
            switch row.reply {
            case .agreed?: return [row.customerCode, form, money(row.balance), s.t("agreed", "数据证明无误"), "", ""]
            case .difference(let d, let note)?:
                return [row.customerCode, form, money(row.balance), s.t("difference", "数据不符"), money(d), note]
            case nil: return [row.customerCode, form, money(row.balance), s.t("no reply", "未回函"), "", ""]
            }
        }
        summaryText(summary, lang)
    }

    private mutating func summaryText(_ summary: ConfirmationSummary, _ lang: AuditLanguage) {
        guard let asOf = summary.asOf else {
            self.summary = lang.t("no confirmation letters yet: s sends them as of today",
                                  "尚未发出询证函：按 s 以今日为截止日发函")
            return
        }
        self.summary = lang.t(
            "as of \(asOf): sent \(summary.sent), replied \(summary.replied), agreed \(summary.agreed), "
                + "differences \(summary.differences), no reply \(summary.noReply)",
            "截至 \(asOf)：发函 \(summary.sent)，回函 \(summary.replied)，相符 \(summary.agreed)，"
                + "不符 \(summary.differences)，未回函 \(summary.noReply)")
    }

    /// `w` on the findings panel: writes the report (Markdown) and its findings CSV into the working folder and
    /// records the run with the report's SHA-256, as `audit check --format md --output FILE` does.
    func writeReport(context: AppContext) -> ScreenOutcome {
        let s = context.strings
        guard let run = lastRun else { return .error(s.t("run the checks first (r)", "请先运行检查（r）")) }
        let text = AuditReport.render(run, format: .md)
        let hash = AuditReport.sha256(text)
        let folder = outputFolder ?? context.outputDirectory
        let path = folder + "/salesledger-audit-\(run.parameters.from)-\(run.parameters.to).md"
        let csvPath = folder + "/salesledger-audit-\(run.parameters.from)-\(run.parameters.to).findings.csv"
        for (file, content) in [(path, text), (csvPath, AuditReport.findingsCSV(run))]
        where !FileManager.default.createFile(atPath: file, contents: Data(content.utf8),
                                              attributes: [.posixPermissions: 0o600]) {
            return .error(s.t("cannot write \(file)", "无法写入 \(file)"))
        }
        do {
            try context.run(RecordAuditRun(from: run.parameters.from, to: run.parameters.to, reportSHA256: hash,
                                           reportFile: path, seed: run.parameters.seed,
                                           findingKeys: run.findings.map(\.key)))
        } catch {
            return .error(context.describe(error))
        }
        return .message(s.t("report \(path) (sha256 \(hash.prefix(12))…) recorded in the audit log",
                            "报告 \(path)（sha256 \(hash.prefix(12))…）已记入审计日志"))
    }

    /// `s` on the confirmations panel: a positive letter as of today to every customer with a balance, written
    /// into `salesledger-confirm-<date>/` in the working folder, and recorded as sent.
    func sendLetters(context: AppContext) -> ScreenOutcome {
        let s = context.strings
        do {
            let date = context.today
            let letters = try Confirmations.letters(store: context.store,
                                                    asOf: date, customerCodes: nil, minBalance: 0, form: .positive)
            guard !letters.isEmpty else { return .error(s.t("no customer has a balance", "没有客户有余额")) }
            let base = outputFolder ?? context.outputDirectory
            let folder = base + "/salesledger-confirm-\(date)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            for letter in letters {
                let text = Confirmations.render(letter, language: s.zh ? .zh : .en)
                let path = folder + "/confirm-\(letter.customer.code)-\(date).txt"
                guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8),
                                                     attributes: [.posixPermissions: 0o600]) else {
                    return .error(s.t("cannot write \(path)", "无法写入 \(path)"))
                }
            }
            let sent = letters.map {
                RecordConfirmationSent.Letter(customerCode: $0.customer.code, currency: $0.currency,
                                              balance: $0.balance, form: $0.form.rawValue)
            }
            try context.run(RecordConfirmationSent(asOf: date, letters: sent))
            return .message(s.t("\(counted(letters.count, "letter")) as of \(date) in \(folder)",
                                "截至 \(date) 共 \(letters.count) 封询证函：\(folder)"))
        } catch {
            return .error(context.describe(error))
        }
    }

    /// The customer code of the selected confirmation row (after the search filter), if any.
    func selectedConfirmation() -> String? {
        let visible = filteredRows
        guard visible.indices.contains(table.selectedRow) else { return nil }
        let code = visible[table.selectedRow][0]
        return confirmationCodes.contains(code) ? code : nil
    }

    /// Records a reply for the latest round: agreed, or a difference (customer's figure − ours) with a note.
    func recordReply(_ code: String, agreed: Bool, differenceText: String = "", context: AppContext) -> ScreenOutcome {
        let s = context.strings
        guard let queries = context.store as? any AuditQueries else { return .none }
        do {
            guard let asOf = ConfirmationSummary.from(
                log: try queries.auditLog(filter: AuditLogFilter(command: "audit.confirm"))).asOf else { return .none }
            var amount: Money?
            var note = ""
            if !agreed {
                let parts = differenceText.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1)
                let currency = try context.store.customer(code: code)?.currency ?? .cny
                guard let first = parts.first else {
                    return .error(s.t("difference: give the amount, then a note", "差异：请输入金额和说明"))
                }
                do { amount = try MoneyParser.parse(String(first), currency: currency) } catch {
                    return .error(s.t("difference: ", "差异：") + s.core(error.description))
                }
                note = parts.count > 1 ? String(parts[1]) : ""
            }
            try context.run(RecordConfirmationReply(customerCode: code, asOf: asOf, agreed: agreed,
                                                    difference: amount, note: note))
            return .message(agreed ? s.t("\(code): agreed (数据证明无误) recorded", "\(code)：数据证明无误，已记录")
                                   : s.t("\(code): difference recorded", "\(code)：数据不符，已记录"))
        } catch {
            return .error(context.describe(error))
        }
    }
}

/// The difference reply (`d`): the customer's figure minus ours, then a note; Enter records, Esc cancels.
extension AuditScreen.DifferencePrompt: Modal {
    mutating func handle(_ event: Event, context: AppContext) -> ModalStep<AuditScreen> {
        if case .key(.escape) = event { return .close }
        if case .key(.enter) = event {
            return .close { [self] screen, context in
                let outcome = screen.recordReply(customerCode, agreed: false, differenceText: input.text,
                                                 context: context)
                screen.refresh(context: context)
                return outcome
            }
        }
        _ = input.handle(event)
        return .stay
    }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point? {
        let s = context.strings
        let message = s.t("Customer's figure minus ours, then a note (e.g. -120.00 credit note missing)",
                          "客户金额减我方金额，再写说明（如 -120.00 缺红字冲销）")
        let width = min(area.width - 4, max(40, DisplayWidth.of(message) + 4))
        let box = area.centered(Size(width: width, height: 6))
        buffer.fill(box, style: Style(.dialog))
        Border.draw(into: &buffer, rect: box, title: s.t("Difference (数据不符) ", "数据不符 ") + customerCode,
                    style: Style(.border), unicode: unicode)
        buffer.setFitted(message, x: box.x + 2, y: box.y + 1, width: box.width - 4, style: Style(.warning))
        let field = Rect(x: box.x + 2, y: box.y + 3, width: box.width - 4, height: 1)
        buffer.fill(field, style: Style(.inputFocused))
        return input.render(into: &buffer, x: field.x, y: field.y, width: field.width, style: Style(.inputFocused))
    }

    func keys(_ s: Strings) -> [KeyBinding]? { [KeyBinding(.enter, s.t("Record", "记录")), KeyBinding(.escape, s.back)] }
    var capturesText: Bool { true }
}
