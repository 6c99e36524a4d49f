import LedgerCore
import TerminalUI

extension StatementView {
    /// Parses "FROM TO" as typed on the range prompt: two dates in any form `DateParser` accepts, separated by spaces,
    /// `~`, `–`, `,` or `至`/`to`. Errors name the part and say why, in the UI language.
    static func parseRange(_ text: String, today: CivilDate, _ s: Strings) -> Result<ReportPeriod, RangeError> {
        var cleaned = text
        for separator in ["至", "~", "～", "–", "—", ",",
                          "，"] { cleaned = cleaned.replacingOccurrences(of: separator, with: " ") }
        let parts = cleaned.split(whereSeparator: \.isWhitespace).map(String.init).filter { $0.lowercased() != "to" }
        guard parts.count == 2 else {
            return .failure(RangeError(s.t("type two dates: from and to (e.g. 2026-01-01 2026-06-30)",
                                           "请输入起止两个日期（如 2026-01-01 2026-06-30）")))
        }
        let from: CivilDate, to: CivilDate
        do { from = try DateParser.parse(parts[0], today: today) } catch {
            return .failure(RangeError(s.t("from: \(error)", "起始日期：\(s.core(error.description))")))
        }
        do { to = try DateParser.parse(parts[1], today: today) } catch {
            return .failure(RangeError(s.t("to: \(error)", "截止日期：\(s.core(error.description))")))
        }
        guard from <= to else {
            return .failure(RangeError(s.t("from \(from) is after to \(to)",
                                           "起始日期 \(from) 晚于截止日期 \(to)")))
        }
        return .success(ReportPeriod(kind: .custom, from: from, to: to))
    }

    struct RangeError: Error, Equatable {
        var message: String
        init(_ message: String) { self.message = message }
    }

    /// `r`: a prompt prefilled with the range shown; Enter makes the statement for the range typed.
    func rangePrompt(_ s: Strings) -> PromptModal<CustomersScreen> {
        PromptModal(s.t("Period from to: ", "期间 起 止："), text: "\(statement.from) \(statement.to)",
                    enterLabel: s.t("Show", "显示")) { [customer, periodIndex] text, context in
            switch StatementView.parseRange(text, today: context.today, context.strings) {
            case .failure(let error): return .report(.error(error.message))
            case .success(let period):
                return .close { screen, context in
                    if let made = StatementView(customer: customer, context: context, periodIndex: periodIndex,
                                                custom: period) {
                        screen.modals.update(StatementView.self) { $0 = made }
                    }
                    return .none
                }
            }
        }
    }
}
