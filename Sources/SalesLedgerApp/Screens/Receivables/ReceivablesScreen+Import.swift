import Foundation
import LedgerCore
import LedgerInterop
import TerminalUI

extension ReceivablesScreen {
    /// Keys while the file prompt or the receipt review is open.
    mutating func handleImport(_ event: Event, context: AppContext) -> ScreenOutcome {
        let s = context.strings
        if var view = review {
            switch view.handle(event, context: context) {
            case .open: review = view
            case .message(let text):
                review = view
                return .message(text)
            case .error(let text):
                review = view
                return .error(text)
            case .closed(let summary):
                review = nil
                reviewEnded = .some(summary)
                refresh(context: context)
                return .message(summary ?? s.t("Import cancelled: nothing written", "已取消导入：未写入任何数据"))
            }
            return .none
        }
        guard var input = importInput, case .key(let key) = event else { return .none }
        switch key {
        case .escape: importInput = nil
        case .enter:
            let path = (input.text.trimmingCharacters(in: .whitespaces) as NSString).expandingTildeInPath
            switch Self.openReview(path: path, settings: ImportSettings(), format: nil, context: context) {
            case .success(let view):
                importInput = nil
                review = view
            case .failure(let failure):
                return .error(failure.message)
            }
        default:
            _ = input.handle(event)
            importInput = input
        }
        return .none
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
        if pendingDialog == .welcome {
            dialog = nil
            pendingDialog = .none
        }
        show(.receivables)
        receivables.review = try ReceiptReviewView(
            review: ReceiptReview(file: plan), format: plan.settings.format,
            fileName: fileName, context: context)
        exitsAfterReview = exitAfter
    }

    /// nil while no review ended; then the written summary, or `.some(nil)` when it was cancelled.
    public var reviewResult: String?? { receivables.reviewEnded }
}
