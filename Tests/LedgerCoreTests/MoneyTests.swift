import Testing
@testable import LedgerCore

@Suite struct MoneyParsingTests {
    @Test(arguments: [
        ("1234.5", Int64(123_450)), ("1,234.50", 123_450), ("¥1,234.50", 123_450), ("￥1234", 123_400),
        ("-12.30", -1230), ("１２３", 12_300), ("  7 ", 700), ("0.05", 5), ("¥-12.30", -1230), ("-¥12.30", -1230),
        ("12.00 CNY", 1200), ("1,234,567.89", 123_456_789), (".5", 50),
    ])
    func acceptsCNY(text: String, minor: Int64) throws {
        #expect(try MoneyParser.parse(text, currency: .cny) == Money(minorUnits: minor, currency: .cny))
    }

    @Test(arguments: ["1.234", "12abc", "", "12,34", "1,2345.00", "$5", "1..2", "-", "99999999999999999999", "1.2.3", "12 34"])
    func rejectsCNY(text: String) {
        #expect(throws: MoneyParseError.self) { try MoneyParser.parse(text, currency: .cny) }
    }

    @Test func messagesSayWhatIsWrong() {
        #expect(throws: MoneyParseError(text: "1.234", reason: "has 3 decimal places; at most 2 allowed for CNY")) {
            try MoneyParser.parse("1.234", currency: .cny)
        }
        #expect(throws: MoneyParseError(text: "12abc", reason: "has an invalid character 'a'")) {
            try MoneyParser.parse("12abc", currency: .cny)
        }
        #expect(throws: MoneyParseError(text: "99999999999999999999", reason: "is too large (at most 10,000,000,000,000.00)")) {
            try MoneyParser.parse("99999999999999999999", currency: .cny)
        }
    }

    @Test func yenHasNoMinorUnits() throws {
        #expect(try MoneyParser.parse("¥1,200", currency: .jpy).minorUnits == 1200)
        #expect(throws: MoneyParseError.self) { try MoneyParser.parse("12.5", currency: .jpy) }
        #expect(Money(minorUnits: 1200, currency: .jpy).groupedString == "1,200")
    }

    @Test func formatting() {
        #expect(Money(minorUnits: 123_450, currency: .usd).groupedString == "1,234.50")
        #expect(Money(minorUnits: -5, currency: .usd).plainString == "-0.05")
        #expect(Money(minorUnits: 0, currency: .usd).plainString == "0.00")
        #expect(Money(minorUnits: -123_456_789, currency: .cny).groupedString == "-1,234,567.89")
    }

    @Test func arithmeticRefusesMixedCurrencies() throws {
        let a = Money(minorUnits: 100, currency: .cny)
        #expect(throws: MoneyError.currencyMismatch(.cny, .usd)) { try a.adding(Money(minorUnits: 1, currency: .usd)) }
        #expect(throws: MoneyError.overflow) { try Money(minorUnits: .max, currency: .cny).adding(a) }
        #expect(try a.subtracting(Money(minorUnits: 30, currency: .cny)).minorUnits == 70)
    }
}

@Suite struct RoundingTests {
    @Test func halfUpAwayFromZero() {
        #expect(RoundingRule.halfUp.divide(1035, by: 1000) == 1)
        #expect(RoundingRule.halfUp.divide(1500, by: 1000) == 2)
        #expect(RoundingRule.halfUp.divide(-1500, by: 1000) == -2)
        #expect(RoundingRule.halfUp.divide(-1499, by: 1000) == -1)
    }

    @Test func halfEven() {
        #expect(RoundingRule.halfEven.divide(25, by: 10) == 2)
        #expect(RoundingRule.halfEven.divide(35, by: 10) == 4)
        #expect(RoundingRule.halfEven.divide(-25, by: 10) == -2)
    }

    /// shared/cases/B13.md: R1 lines, expected net 15.52, tax 1.21, total 16.73 (half away from zero).
    @Test func b13InvoiceR1() throws {
        let rows = try fixtureRows("B13_invoice_lines")
        var totals: [String: (net: Int64, tax: Int64)] = [:]
        for row in rows {
            let qty = try Quantity.parse(row["qty"]!)
            let price = try MoneyParser.parse(row["unit_price"]!, currency: .usd)
            let rate = try Rate.parseFraction(row["tax_rate"]!)
            let net = try LineCalculation.netAmount(quantity: qty, unitPrice: price, discount: .zero)
            let tax = try LineCalculation.taxAmount(net: net, rate: rate)
            let doc = row["doc_no"]!
            totals[doc, default: (0, 0)].net += net.minorUnits
            totals[doc, default: (0, 0)].tax += tax.minorUnits
        }
        #expect(totals["R1"]!.net == 1552)
        #expect(totals["R1"]!.tax == 121)
        #expect(totals["R1"]!.net + totals["R1"]!.tax == 1673)
        #expect(totals["R2"]!.net == 100)
        #expect(totals["R3"]!.net == 30)
        #expect(totals["R4"]!.net == 10_000)
        #expect(totals["CN-R1"]!.net == -104)
    }

    @Test func b13Lines() throws {
        func net(_ q: String, _ p: String) throws -> Int64 {
            try LineCalculation.netAmount(quantity: Quantity.parse(q), unitPrice: MoneyParser.parse(p, currency: .usd),
                                          discount: .zero).minorUnits
        }
        #expect(try net("1.5", "0.69") == 104)
        #expect(try net("1.5", "0.15") == 23)
        #expect(try net("-1.5", "0.69") == -104)
        let banker = try LineCalculation.netAmount(quantity: Quantity.parse("1.5"), unitPrice: MoneyParser.parse("0.15", currency: .usd),
                                                   discount: .zero, rounding: .halfEven)
        #expect(banker.minorUnits == 22)
    }

    @Test func discountAppliesBeforeRoundingOnce() throws {
        // Northwind-style line: 14.00 × 12 × (1 − 5 %) = 159.60; 0.99 × 3 × (1 − 12.5 %) = 2.59875 → 2.60.
        let a = try LineCalculation.netAmount(quantity: Quantity(12), unitPrice: Money(minorUnits: 1400, currency: .usd),
                                              discount: Rate(basisPoints: 500))
        #expect(a.minorUnits == 15_960)
        let b = try LineCalculation.netAmount(quantity: Quantity(3), unitPrice: Money(minorUnits: 99, currency: .usd),
                                              discount: Rate(basisPoints: 1250))
        #expect(b.minorUnits == 260)
    }

    @Test func quantityAndRateParsing() throws {
        #expect(try Quantity.parse("1.5").thousandths == 1500)
        #expect(try Quantity.parse("1,000").thousandths == 1_000_000)
        #expect(Quantity(thousandths: 1500).description == "1.5")
        #expect(throws: DecimalTextError.tooManyDecimals(found: 4, allowed: 3)) { try Quantity.parse("1.2345") }
        #expect(try Rate.parsePercent("13%").basisPoints == 1300)
        #expect(try Rate.parsePercent("12.5 %").basisPoints == 1250)
        #expect(try Rate.parsePercent("６％").basisPoints == 600)
        #expect(try Rate.parseFraction("0.05").basisPoints == 500)
        #expect(Rate(basisPoints: 1250).description == "12.5%")
    }
}
