import Foundation
import LedgerCore
import LedgerInterop
import TerminalUI

extension ReceivablesScreen {
    /// The file prompt of `i`; Enter opens the file's review (or says why it cannot).
    mutating func askImportFile(_ s: Strings) {
        let label = s.t("Import receipts from (WeChat/Alipay/bank CSV): ", "导入收款文件（微信/支付宝/银行流水）：")
        modals.push(PromptModal<ReceivablesScreen>(label, atTop: true, enterLabel: s.t("Review", "审核")) { text, context in
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

/// The review on the receivables screen's stack: closing it writes (or cancels) and says so.
extension ReceiptReviewView: Modal {
    var isFullScreen: Bool { true }

    mutating func handle(_ event: Event, context: AppContext) -> ModalStep<ReceivablesScreen> {
        switch handleKey(event, context: context) {
        case .open: return .stay
        case .message(let text): return .report(.message(text))
        case .error(let text): return .report(.error(text))
        case .ask(let which): return .push(prompt(which, context.strings))
        case .closed(let summary):
            return .close { screen, context in
                screen.reviewEnded = .some(summary)
                screen.refresh(context: context)
                return .message(summary ?? context.strings.t("Import cancelled: nothing written", "已取消导入：未写入任何数据"))
            }
        }
    }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point? {
        render(into: &buffer, in: area, context: context)
    }

    func keys(_ s: Strings) -> [KeyBinding]? { keyBindings(s) }
}
