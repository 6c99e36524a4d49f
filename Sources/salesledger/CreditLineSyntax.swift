import LedgerCore

/// `--line N:QTY` and `--allowance N:AMOUNT` of `credit-note add --applies-to`: invoice line numbers (1-based).
enum CreditLineSyntax {
    static func quantities(_ texts: [String], issues: inout IssueCollector) -> [CreditLineRequest] {
        texts.enumerated().compactMap { index, text -> CreditLineRequest? in
            let path = "lines[\(index + 1)]"
            let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, let line = Int(parts[0]), line > 0 else {
                issues.add(path, "'\(text)' is not N:QTY (invoice line number and quantity to return)")
                return nil
            }
            do { return CreditLineRequest(line: line, quantity: try Quantity.parse(parts[1])) } catch {
                issues.add("\(path).quantity", "quantity '\(parts[1])' \(error)")
                return nil
            }
        }
    }

    static func allowances(_ texts: [String], currency: Currency, offset: Int,
                           issues: inout IssueCollector) -> [CreditLineRequest] {
        texts.enumerated().compactMap { index, text -> CreditLineRequest? in
            let path = "lines[\(offset + index + 1)]"
            let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, let line = Int(parts[0]), line > 0 else {
                issues.add(path, "'\(text)' is not N:AMOUNT (invoice line number and net allowance)")
                return nil
            }
            do { return CreditLineRequest(line: line,
                                          allowance: try MoneyParser.parse(parts[1], currency: currency)) } catch {
                issues.add("\(path).allowance", "\(error)")
                return nil
            }
        }
    }
}
