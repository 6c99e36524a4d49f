import Foundation
import LedgerCore
import LedgerInterop
import LedgerStore
import Testing

/// Tryout s33: `import sales` refused `2026年11月06日` (`is not a date in YYYY-MM-DD form, format ymd`) although the
/// README lists it among the accepted dates. Every import reads dates through the one parser
/// (`DateParser.parse(_:format:today:)`), which accepts every form the README promises.
@Suite struct ImportDateFormTests {
    static let today = CivilDate(iso: "2026-12-05")!

    /// The README's forms (and the import's declared orders), each read by `import sales` and `import receipts`.
    static let forms: [(text: String, format: DateParser.Format, iso: String)] = [
        ("2026-11-29", .yearMonthDay, "2026-11-29"), ("2026/11/29", .yearMonthDay, "2026-11-29"),
        ("2026.11.29", .yearMonthDay, "2026-11-29"), ("2026年11月29日", .yearMonthDay, "2026-11-29"),
        ("2026年11月06日", .yearMonthDay, "2026-11-06"), ("２０２６年１１月６日", .yearMonthDay, "2026-11-06"),
        ("11-29", .yearMonthDay, "2026-11-29"), ("11月29日", .yearMonthDay, "2026-11-29"),
        ("today", .yearMonthDay, "2026-12-05"), ("今天", .yearMonthDay, "2026-12-05"),
        ("+30", .yearMonthDay, "2027-01-04"), ("-3", .yearMonthDay, "2026-12-02"),
        ("29/11/2026", .dayMonthYear, "2026-11-29"), ("2026年11月29日", .dayMonthYear, "2026-11-29"),
        ("2026-11-29", .dayMonthYear, "2026-11-29"), ("29/11", .dayMonthYear, "2026-11-29"),
        ("11/29/2026", .monthDayYear, "2026-11-29"), ("2026/11/29", .monthDayYear, "2026-11-29"),
    ]

    @Test func everyPromisedFormParses() throws {
        for form in Self.forms {
            let date = try DateParser.parse(form.text, format: form.format, today: Self.today)
            #expect(date.description == form.iso, "\(form.text) (\(form.format.rawValue))")
        }
        // Impossible or malformed dates stay errors, never crashes; relative forms need a today.
        for bad in ["2026年2月30日", "2026-02-30", "11/29", "2026-11", "1/2/3/4", "29/99999999999999999999/2026",
                    "99999999999999999999-1", "abc", "+", "年"] {
            #expect(throws: DateParseError.self, "\(bad)") {
                try DateParser.parse(bad, format: .dayMonthYear, today: Self.today)
            }
        }
        #expect(throws: DateParseError.self) { try DateParser.parse("today", format: .yearMonthDay) }
        #expect(throws: DateParseError.self) { try DateParser.parse("11月29日", format: .yearMonthDay) }
        #expect(try DateParser.parse("2026年11月29日", format: .yearMonthDay).description == "2026-11-29")
    }

    /// The tryout's file: GB18030, `日期,客户名称,金额,税率,单号`, the date written 2026年11月06日.
    @Test func theTryoutsGB18030SalesRowImports() throws {
        let gb18030 = String.Encoding(rawValue: 0x8000_0632)
        let text = "日期,客户名称,金额,税率,单号\r\n2026-11-04,武汉长江机械厂,￥530,6%,S-001\r\n"
            + "2026/11/05,武汉长江机械厂,￥530,6%,S-002\r\n2026年11月06日,武汉长江机械厂,￥1060,6%,S-003\r\n"
        var settings = ImportSettings()
        settings.today = Self.today
        let plan = try DataImport(file: try DelimitedFile.parse(data: try #require(text.data(using: gb18030)),
                                                                source: "sales.csv"),
                                  kind: .sales, settings: settings)
        #expect(plan.rejected.isEmpty, "\(plan.rejected.flatMap(\.problems))")
        let dates = plan.entries.compactMap { entry -> String? in
            if case .sale(let row) = entry.record { return row.date.description } else { return nil }
        }
        #expect(dates == ["2026-11-04", "2026-11-05", "2026-11-06"])
    }

    /// `import receipts` reads its dates through the same parser.
    @Test func receiptsReadTheSameForms() throws {
        var text = "date,customer_code,amount\n"
        for (i, form) in Self.forms.filter({ $0.format == .yearMonthDay }).enumerated() {
            text += "\(form.text),C1,\(i + 10).00\n"
        }
        var settings = ImportSettings()
        settings.today = Self.today
        let plan = try DataImport(file: try DelimitedFile.parse(data: Data(text.utf8), source: "receipts.csv"),
                                  kind: .receipts, settings: settings)
        #expect(plan.rejected.isEmpty, "\(plan.rejected.flatMap(\.problems))")
        let dates = plan.entries.compactMap { entry -> String? in
            if case .receipt(let date, _, _, _, _, _, _, _, _) = entry.record { return date.description }
            return nil
        }
        #expect(dates == Self.forms.filter { $0.format == .yearMonthDay }.map(\.iso))
    }
}
