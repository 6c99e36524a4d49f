import Foundation
import LedgerCore
import LedgerInterop
import TerminalUI

extension ReceivablesScreen {
    /// The file prompt of `i`; Enter opens the file's review (or says why it cannot).
    mutating func askImportFile(_ s: Strings) {
        let label = s.t("Import receipts from (WeChat/Alipay/bank CSV): ", "导入收款文件（微信/支付宝/银行流水）：")
        modals.push(PromptModal<ReceivablesScreen>(label, atTop: true,
                                                   enterLabel: s.t("Review", "审核")) { text, context in
            let path = (text as NSString).expandingTildeInPath
            switch Self.openReview(path: path, settings: ImportSettings(), format: nil, context: context) {
            case .success(let view): return .close { screen, _ in screen.modals.push(view); return .none }
            case .failure(let failure): return .report(.error(failure.message))
            }
        })
    }

    /// Opens the review of the receipts file at `path`; `format` nil detects it from the file. Fails with a message
    /// naming the file, or the rows and columns the file's checks rejected (nothing is shown for review then).
    static func openReview(
        path: String, settings: ImportSettings, format: ReceiptFormat?,
        context: AppContext
    ) -> Result<ReceiptReviewView, ReviewOpenError> {
        let s = context.strings
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(ReviewOpenError(s.t("\(path): cannot read the file", "\(path)：无法读取文件")))
        }
        var settings = settings
        settings.format = format ?? ReceiptFormat.detect(data: data, source: path)
        settings.today = context.today
        do {
            let file = try DelimitedFile.parse(
                data: data, source: path,
                headerStart: DataImport.headerStart(for: settings.format))
            let plan = try DataImport(file: file, kind: .receipts, settings: settings)
            if !plan.rejected.isEmpty {
                let problems = plan.problems.prefix(3).map(\.description).joined(separator: "; ")
                return .failure(
                    ReviewOpenError(
                        s.t("\(plan.rejected.count) row(s) rejected: ", "\(plan.rejected.count) 行有错：")
                            + s.core(problems)))
            }
            if plan.entries.isEmpty {
                return .failure(ReviewOpenError(s.t("\(path): no receipts in the file", "\(path)：文件中没有收款")))
            }
            let name = (path as NSString).lastPathComponent
            return .success(
                try ReceiptReviewView(
                    review: ReceiptReview(file: plan), format: settings.format,
                    fileName: name, context: context))
        } catch {
            return .failure(ReviewOpenError(s.core("\(error)")))
        }
    }
}

/// Why a receipts file could not be opened for review, worded for the user.
struct ReviewOpenError: Error, Equatable {
    var message: String
    init(_ message: String) { self.message = message }
}

extension LedgerApp {
    /// Opens the review of `plan` (a checked receipts file) on the receivables screen, as `import receipts` does on a
    /// terminal; with `exitAfter` the app quits when the review closes and `reviewResult` says how it ended.
    /// - Throws: `LedgerError` when the ledger cannot be read for the proposals.
    public mutating func openReceiptReview(_ plan: DataImport, fileName: String, exitAfter: Bool) throws {
        modals.items.removeAll { ($0 as? DialogModal<LedgerApp>)?.dialog.title == context.strings.welcomeTitle }
        show(.receivables)
        receivables.modals = ModalStack()
        receivables.modals.push(try ReceiptReviewView(
            review: ReceiptReview(file: plan), format: plan.settings.format,
            fileName: fileName, context: context))
        exitsAfterReview = exitAfter
    }

    /// nil while no review ended; then the written summary, or `.some(nil)` when it was cancelled.
    public var reviewResult: String?? { receivables.reviewEnded }
}

/// The review on the receivables screen's stack (issue 9: its keys in one table, which also feeds the hint bar and
/// help); closing it writes (or cancels) and says so.
extension ReceiptReviewView: KeyedModal {
    var isFullScreen: Bool { true }

    mutating func handle(_ event: Event, context: AppContext) -> ModalStep<ReceivablesScreen> {
        keyTable(context.strings).dispatch(event, on: &self, context: context) ?? .stay
    }

    func keyTable(_ s: Strings) -> KeyTable<ReceiptReviewView, ModalStep<ReceivablesScreen>> {
        typealias Command = KeyCommand<ReceiptReviewView, ModalStep<ReceivablesScreen>>
        // ↑/↓ … are in help only: the hint bar of an 80-column terminal keeps ^S and Esc visible.
        let moves: [(Key, (_ row: Int, _ last: Int) -> Int)] = [
            (.up, { row, _ in row - 1 }), (.down, { row, _ in row + 1 }), (.pageUp, { row, _ in row - 10 }),
            (.pageDown, { row, _ in row + 10 }), (.home, { _, _ in 0 }), (.end, { _, last in last }),
        ]
        return KeyTable([
            Command(.char("a"), s.t("Accept", "接受")) { view, context in view.step(view.mark(skip: false, context)) }
                .hinted(when: { $0.current?.isSkipped == true }),
            Command(.char("s"), s.t("Skip", "跳过")) { view, context in view.step(view.mark(skip: true, context)) }
                .hinted(when: { $0.current?.isSkipped == false }),
            Command(.char("c"), s.t("Customer", "更改客户")) { view, context in
                view.current == nil ? .stay : .push(view.prompt(.customer, context.strings))
            },
            Command(.char("k"), s.t("Allocate", "核销"),
                    help: s.t("INV=AMOUNT, …; auto; none", "单号=金额，…；auto；none")) { view, context in
                guard let item = view.current else { return .stay }
                guard item.customerCode != nil else {
                    return .report(.error(context.strings.t("Choose a customer first (c)", "请先指定客户（c）")))
                }
                return .push(view.prompt(.allocation, context.strings))
            },
            Command(.ctrl("s"), s.t("Write", "写入"),
                    help: s.t("accepted rows, one transaction", "接受的行，一次写入")) { view, context in
                view.step(view.write(context))
            },
            Command(.escape, s.t("Cancel", "取消"), help: s.t("nothing written", "不写入任何数据")) { view, _ in
                view.step(.closed(nil))
            },
            .move(s, hint: false),
        ] + moves.map { key, row in
            Command(key, "") { view, _ in
                let last = max(0, view.items.count - 1)
                view.selected = min(last, max(0, row(view.selected, last)))
                return .stay
            }.unlisted
        })
    }

    /// What the screen does with the review's `outcome`.
    func step(_ outcome: Outcome) -> ModalStep<ReceivablesScreen> {
        switch outcome {
        case .open: return .stay
        case .error(let text): return .report(.error(text))
        case .closed(let summary):
            return .close { screen, context in
                screen.reviewEnded = .some(summary)
                screen.refresh(context: context)
                return .message(summary ?? context.strings.t("Import cancelled: nothing written",
                                                             "已取消导入：未写入任何数据"))
            }
        }
    }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point? {
        render(into: &buffer, in: area, context: context)
    }
}
