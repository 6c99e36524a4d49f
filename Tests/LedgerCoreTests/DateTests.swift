import Testing
@testable import LedgerCore

@Suite struct CivilDateTests {
    let today = CivilDate(year: 2026, month: 11, day: 29)!

    @Test(arguments: [
        ("2026-11-29", "2026-11-29"), ("2026/11/29", "2026-11-29"), ("2026年11月29日", "2026-11-29"),
        ("11-29", "2026-11-29"), ("3-5", "2026-03-05"), ("today", "2026-11-29"), ("今天", "2026-11-29"),
        ("+30", "2026-12-29"), ("-3", "2026-11-26"), ("２０２６－０２－２８", "2026-02-28"), ("2024-02-29", "2024-02-29"),
        ("昨天", "2026-11-28"), ("2026.1.5", "2026-01-05"),
    ])
    func parses(text: String, expected: String) throws {
        #expect(try DateParser.parse(text, today: today).description == expected)
    }

    @Test func rejectsImpossibleDatesNamingThem() {
        #expect(throws: DateParseError(text: "2026-02-30", reason: "does not exist", shown: "2026-02-30")) {
            try DateParser.parse("2026-02-30", today: today)
        }
        let error = #expect(throws: DateParseError.self) { try DateParser.parse("2025-02-29", today: today) }
        #expect(error?.description == "date 2025-02-29 does not exist")
        for bad in ["", "03/01/2012", "2026-13-01", "abc", "+", "2026-11", "1/2/3/4"] {
            #expect(throws: DateParseError.self, "\(bad)") { try DateParser.parse(bad, today: today) }
        }
    }

    @Test func declaredDayFirstFormat() throws {
        #expect(try DateParser.parse("03/01/2012", format: .dayMonthYear).description == "2012-01-03")
        #expect(try DateParser.parse("01/03/2012", format: .monthDayYear).description == "2012-01-03")
        #expect(throws: DateParseError.self) { try DateParser.parse("31/02/2012", format: .dayMonthYear) }
    }

    @Test func dayCountsRoundTrip() {
        #expect(CivilDate(year: 1970, month: 1, day: 1)!.daysSinceEpoch == 0)
        #expect(CivilDate(year: 2000, month: 3, day: 1)!.daysSinceEpoch == 11_017)
        for days in stride(from: -800_000, to: 2_900_000, by: 997) {
            #expect(CivilDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
        #expect(CivilDate(year: 2026, month: 11, day: 29)!.isoWeekday == 7)
        #expect(CivilDate(year: 2024, month: 1, day: 31)!.adding(months: 1).description == "2024-02-29")
        #expect(CivilDate(year: 2025, month: 12, day: 31)!.adding(months: 2).description == "2026-02-28")
        #expect(CivilDate(year: 2025, month: 3, day: 31)!.adding(months: -1).description == "2025-02-28")
    }

    @Test func utcTimestamps() {
        #expect(utcTimestamp(0) == "1970-01-01T00:00:00Z")
        #expect(utcTimestamp(1_796_000_000) == "2026-11-30T00:53:20Z")
    }
}

@Suite struct PaymentTermsTests {
    @Test func issueExamples() throws {
        #expect(PaymentTerms.net30.dueDate(for: CivilDate(iso: "2026-01-31")!).description == "2026-03-02")
        #expect(PaymentTerms.endOfMonthPlusDays(30).dueDate(for: CivilDate(iso: "2026-01-15")!).description == "2026-03-02")
    }

    /// shared/cases/B11.md: 16 due dates (月结, month-add, leap years).
    @Test func b11DueDates() throws {
        let rows = try fixtureRows("B11_terms")
        #expect(rows.count == 16)
        for row in rows {
            let terms = try PaymentTerms.parse(row["terms"]!)
            let date = CivilDate(iso: row["invoice_date"]!)!
            #expect(terms.dueDate(for: date).description == row["expected_due_date"]!, "case \(row["case"]!)")
        }
    }

    /// The whole kind: month-end terms always land on a real month end, for every day of several years.
    @Test func monthEndTermsAlwaysLandOnMonthEnd() {
        var date = CivilDate(iso: "2023-01-01")!
        while date < CivilDate(iso: "2029-01-01")! {
            for months in 1...3 {
                let due = PaymentTerms.endOfMonthPlusMonths(months).dueDate(for: date)
                #expect(due == due.endOfMonth)
                #expect((due.year * 12 + due.month) - (date.year * 12 + date.month) == months)
            }
            let net1m = PaymentTerms.netMonths(1).dueDate(for: date)
            #expect(net1m.day == min(date.day, CivilDate.daysInMonth(year: net1m.year, month: net1m.month)))
            #expect(PaymentTerms.endOfMonthPlusDays(30).dueDate(for: date) == date.endOfMonth.adding(days: 30))
            date = date.adding(days: 1)
        }
    }

    @Test func parsesCodesAndChineseNames() throws {
        #expect(try PaymentTerms.parse("月结30天") == .endOfMonthPlusDays(30))
        #expect(try PaymentTerms.parse("月结1个月") == .endOfMonthPlusMonths(1))
        #expect(try PaymentTerms.parse("net 45") == .net(days: 45))
        #expect(try PaymentTerms.parse("EOM+2M").code == "EOM+2M")
        let inst = try PaymentTerms.parse("INST:50@30,50@60")
        #expect(inst.code == "INST:50@30,50@60")
        #expect(inst.dueDate(for: CivilDate(iso: "2026-01-01")!).description == "2026-03-02")
        let schedule = inst.schedule(total: Money(minorUnits: 10_001, currency: .cny), invoiceDate: CivilDate(iso: "2026-01-01")!)
        #expect(schedule.map(\.amount.minorUnits) == [5001, 5000])
        #expect(throws: TermsParseError.self) { try PaymentTerms.parse("INST:50@30,40@60") }
        #expect(throws: TermsParseError.self) { try PaymentTerms.parse("whenever") }
    }
}

@Suite struct SearchKeyTests {
    @Test func pinyinOfChineseName() {
        let keys = SearchKeys.pinyin(for: "北京星河科技有限公司")
        #expect(keys.initials == "bjxhkjyxgs")
        #expect(keys.full.hasPrefix("beijingxinghe"))
        #expect(SearchKeys.pinyin(for: "Apple Trading").initials == "at")
    }
}
