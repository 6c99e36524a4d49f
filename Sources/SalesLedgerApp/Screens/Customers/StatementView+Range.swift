import LedgerCore
import TerminalUI

extension StatementView {
    /// Parses "FROM TO" as typed on the range prompt: two dates in any form `DateParser` accepts, separated by spaces,
    /// `~`, `–`, `,` or `至`/`to`. Errors name the part and say why, in the UI language.
    static func parseRange(_ text: String, today: CivilDate, _ s: Strings) -> Result<ReportPeriod, RangeError> {
        var cleaned = text
        for separator in ["至", "~", "～", "–", "—", ",", "，"] { cleaned = cleaned.replacingOccurrences(of: separator, with: " ") }
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
            return .failure(RangeError(s.t("from \(from) is after to \(to)", "起始日期 \(from) 晚于截止日期 \(to)")))
        }
        return .success(ReportPeriod(kind: .custom, from: from, to: to))
    }

    struct RangeError: Error, Equatable {
        var message: String
        init(_ message: String) { self.message = message }
    }

    /// `r` opens the prompt prefilled with the range shown.
    mutating func askRange() {
        rangeInput = TextInput("\(statement.from) \(statement.to)")
    }

    /// Keys while the range prompt is open: Enter makes the statement for the range, Esc closes the prompt.
    mutating func handleRange(_ event: Event, customer: Customer, context: AppContext) -> ScreenOutcome {
        guard case .key(let key) = event, var input = rangeInput else { return .none }
        switch key {
        case .escape:
            rangeInput = nil
        case .enter:
            switch StatementView.parseRange(input.text, today: context.today, context.strings) {
            case .failure(let error): return .error(error.message)
            case .success(let period):
                guard let made = StatementView(customer: customer, context: context, periodIndex: periodIndex, custom: period) else {
                    return .none
                }
                self = made
            }
        default:
            _ = input.handle(event)
            rangeInput = input
        }
        return .none
    }

    /// The prompt on the last line; returns the cursor.
    func renderRange(into buffer: inout CellBuffer, in area: Rect, context: AppContext) -> Point? {
        guard let rangeInput else { return nil }
        let label = context.strings.t("Period from to: ", "期间 起 止：")
        let y = area.maxY - 1
        buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: Style(.text))
        buffer.setString(label, x: area.x + 1, y: y, style: Style(.accent, [.bold]))
        let x = area.x + 1 + DisplayWidth.of(label)
        buffer.fill(Rect(x: x, y: y, width: max(0, area.maxX - x - 1), height: 1), style: Style(.inputFocused))
        return rangeInput.render(into: &buffer, x: x, y: y, width: max(1, area.maxX - x - 1), style: Style(.inputFocused))
    }
}
