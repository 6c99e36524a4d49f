import LedgerCore

/// The lines field of a credit by line (F9, `c`): `1:2, 3:1` returns 2 of line 1 and 1 of line 3, `2:@5.00` gives
/// an allowance of 5.00 (net, before tax) on line 2, empty credits every line still uncredited.
enum DocumentCreditLines {
    /// The requests of `text` typed for `doc`, or the first problem as a message in the UI language: the field's
    /// syntax, then the posting's own checks (`IssueLineCreditNote` run dry through
    /// `LedgerService.validationIssues`: the quantity or net amount left to credit per line, lines the invoice does
    /// not have), so the field refuses what posting would refuse, with the same words.
    static func check(_ text: String, doc: Invoice, context: AppContext) -> Result<[CreditLineRequest], Failure> {
        let s = context.strings
        let parsed = parse(text, currency: doc.currency, s)
        if let first = parsed.problems.first { return .failure(Failure(message: first)) }
        let ruled = context.service.validationIssues(of: command(parsed.requests, doc: doc, reason: "",
                                                                 context: context))
            .filter { $0.path != "reason" }
        if let first = ruled.first { return .failure(Failure(message: s.core(first.message))) }
        return .success(parsed.requests)
    }

    /// A message for the field's error line.
    struct Failure: Error, Equatable { var message: String }

    /// The credit note the field asks for, dated today (or the invoice's date when that is later).
    static func command(_ requests: [CreditLineRequest], doc: Invoice, reason: String,
                        context: AppContext) -> IssueLineCreditNote {
        IssueLineCreditNote(invoiceNumber: doc.displayNumber, date: max(context.today, doc.date), lines: requests,
                            reason: reason)
    }

    /// (requests, problems in the UI language): each part `N:QTY` or `N:@AMOUNT`, separated by commas or spaces.
    static func parse(_ text: String, currency: Currency, _ s: Strings)
        -> (requests: [CreditLineRequest], problems: [String]) {
        let parts = text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "，" }).map(String.init)
        var problems: [String] = []
        let requests = parts.compactMap { part -> CreditLineRequest? in
            let pieces = part.split(separator: ":", maxSplits: 1).map(String.init)
            guard pieces.count == 2, let line = Int(pieces[0]), line > 0 else {
                problems.append(s.t("'\(part)' is not N:QTY or N:@AMOUNT", "'\(part)' 不是 行号:数量 或 行号:@金额"))
                return nil
            }
            if pieces[1].hasPrefix("@") {
                do {
                    return CreditLineRequest(line: line, allowance: try MoneyParser.parse(String(pieces[1].dropFirst()),
                                                                                          currency: currency))
                } catch {
                    problems.append(s.t("line \(line): ", "第 \(line) 行：") + s.core(String(describing: error)))
                    return nil
                }
            }
            do throws(DecimalTextError) {
                return CreditLineRequest(line: line, quantity: try Quantity.parse(pieces[1]))
            } catch {
                problems.append(s.t("line \(line): quantity '\(pieces[1])' ", "第 \(line) 行：数量 '\(pieces[1])' ")
                                + s.decimalError(error))
                return nil
            }
        }
        return (requests, problems)
    }
}
