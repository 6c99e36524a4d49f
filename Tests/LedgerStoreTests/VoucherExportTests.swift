import Foundation
import LedgerCore
import LedgerInterop
import LedgerStore
import Testing

/// Voucher export (issue 15): every target re-read by an independent parser; debits = credits per voucher,
/// receivable lines per customer = ledger movements, revenue and VAT = the sales report.
@Suite struct VoucherExportTests {
    static let from = date("2025-01-01"), to = date("2025-02-28")

    /// Two customers (one with a comma in its name), two categories at 13 % and 6 %, a credit note, receipts by
    /// WeChat and bank (one partly an advance), a write-off; January and February.
    static func smallLedger() throws -> TestLedger {
        let l = try TestLedger(today: "2025-02-25")
        try l.customer("C1", "华东贸易, 有限公司")
        try l.customer("C2", "=Beta Ltd")
        try l.service.run(CreateProduct(sku: "P1", name: "矿泉水", category: "饮料", unitPrice: cny("10.00"),
                                        taxRate: Rate(basisPoints: 1300)))
        try l.service.run(CreateProduct(sku: "P2", name: "安装服务", category: "服务", unitPrice: cny("100.00"),
                                        taxRate: Rate(basisPoints: 600)))
        func sale(_ c: String, _ d: String, _ lines: [(String, Int)]) throws -> Invoice {
            var post = PostInvoice(customerCode: c, date: date(d), lines: lines.map {
                LineInput(productSKU: $0.0, quantity: Quantity($0.1))
            })
            post.creditOverrideReason = "test"
            return try l.service.run(post)
        }
        let a = try sale("C1", "2025-01-05", [("P1", 10), ("P2", 1)])   // 113.00 + 106.00
        _ = try sale("C2", "2025-01-05", [("P1", 3)])                     // 33.90
        _ = try sale("C2", "2025-01-20", [("P2", 2)])                     // 212.00
        _ = try sale("C1", "2025-02-03", [("P1", 1)])                     // 11.30
        let e = try sale("C2", "2025-02-15", [("P2", 1)])                 // 106.00, paid from the advance of 02-10
        try l.service.run(IssueCreditNote(customerCode: "C1", date: date("2025-01-10"), appliesToNumber: a.displayNumber,
                                          amount: cny("20.00"), reason: "return"))
        var wechat = RecordReceipt(customerCode: "C1", date: date("2025-01-15"), amount: cny("150.00"))
        wechat.method = .wechatPay
        try l.service.run(wechat)
        var bank = RecordReceipt(customerCode: "C2", date: date("2025-02-10"), amount: cny("300.00"), allocation: .none)
        bank.method = .bankTransfer
        try l.service.run(bank)
        try l.service.run(AllocateCredit(number: "RCT-2025-000002", plan: .manual([
            ManualAllocation(invoiceNumber: e.displayNumber, amount: cny("106.00"))])))
        try l.service.run(WriteOffInvoice(number: "INV-2025-000002", reason: "gone", date: date("2025-02-20")))
        return l
    }

    static func render(_ l: TestLedger, _ target: VoucherTarget, _ options: VoucherOptions,
                       from: CivilDate = from, to: CivilDate = to) throws -> ([Voucher], Data) {
        let vouchers = try VoucherBuilder.build(try l.store.voucherSource(from: from, to: to), options: options)
        #expect(VoucherBuilder.check(vouchers, map: options.map).isEmpty)
        return (vouchers, VoucherWriter(map: options.map, preparer: "tester").render(vouchers, target: target))
    }

    /// The three independent checks on a re-read file.
    static func verify(_ l: TestLedger, _ data: Data, _ target: VoucherTarget, _ map: AccountMap,
                       from: CivilDate = from, to: CivilDate = to) throws {
        let lines = VoucherFileReader.lines(data, target: target)
        #expect(!lines.isEmpty)
        for (voucher, ls) in Dictionary(grouping: lines, by: \.voucher) {
            #expect(ls.reduce(0) { $0 + $1.debit } == ls.reduce(0) { $0 + $1.credit }, "voucher \(voucher) does not balance")
        }
        let code = { (c: String) in map.written(c, targetDotted: target.dotted) }
        var receivable: [String: Int64] = [:]
        for line in lines where line.account == code(map.receivable) {
            #expect(!line.customer.isEmpty)
            receivable[line.customer, default: 0] += line.debit - line.credit
        }
        #expect(receivable.filter { $0.value != 0 } == (try VoucherFileReader.movements(l.store, from: from, to: to)))
        let sales = try l.store.salesReport(by: .year, from: from, to: to)
        let revenue = lines.filter { $0.account.hasPrefix(code(map.revenue)) }.reduce(0) { $0 + $1.credit - $1.debit }
        let vat = lines.filter { $0.account == code(map.outputVAT) }.reduce(0) { $0 + $1.credit - $1.debit }
        #expect(revenue == sales.reduce(0) { $0 + $1.net })
        #expect(vat == sales.reduce(0) { $0 + $1.tax })
    }

    @Test(arguments: VoucherTarget.allCases)
    func everyTargetTiesToTheLedger(target: VoucherTarget) throws {
        let l = try Self.smallLedger()
        for standard in AccountMap.Standard.allCases {
            for grouping in VoucherOptions.Grouping.allCases {
                for style in VoucherOptions.CreditNoteStyle.allCases {
                    var options = VoucherOptions(map: .preset(standard))
                    options.grouping = grouping
                    options.creditNotes = style
                    let (_, data) = try Self.render(l, target, options)
                    try Self.verify(l, data, target, options.map)
                }
            }
        }
    }

    @Test func postingsOfTheSmallLedger() throws {
        let l = try Self.smallLedger()
        let (vouchers, _) = try Self.render(l, .generic, VoucherOptions(map: .preset(.cas)))
        // 5 invoices, 1 credit note, 2 receipts, 1 write-off; Jan 1…5, Feb 1…4.
        #expect(vouchers.map(\.label) == ["记-1", "记-2", "记-3", "记-4", "记-5", "记-1", "记-2", "记-3", "记-4"])
        let first = vouchers[0]
        #expect(first.lines.map(\.account) == ["1122", "6001", "2221.01.01"])
        #expect(first.lines.map(\.debit) == [21_900, 0, 0] && first.lines.map(\.credit) == [0, 20_000, 1_900])
        let credit = try #require(vouchers.first { $0.kind == .creditNote })
        #expect(credit.lines.map(\.debit) == [-2_000, 0] && credit.lines.map(\.credit) == [0, -2_000])   // 红字: negative, same sides
        let receipt = try #require(vouchers.first { $0.kind == .receipt })
        #expect(receipt.lines.map(\.account) == ["1012", "1122"] && receipt.lines[0].settlement == "wechat_pay")
        // Written as the 结算方式 name (`[settlement_names]` in the map overrides it).
        #expect(VoucherWriter(map: .preset(.cas), preparer: "t").value(.settlement, receipt, 0, dotted: true) == "微信")
        let writeOff = try #require(vouchers.first { $0.kind == .writeOff })
        #expect(writeOff.lines.map(\.account) == ["1231", "1122"] && writeOff.lines[0].debit == 3_390)
        var sbas = VoucherOptions(map: .preset(.sbas))
        sbas.words = .split
        sbas.start = 7
        let (split, _) = try Self.render(l, .generic, sbas)
        #expect(split.map(\.label) == ["转-7", "转-8", "转-9", "收-7", "转-10", "转-1", "收-1", "转-2", "转-3"])
        #expect(split.first { $0.kind == .writeOff }?.lines.first?.account == "5711")
    }

    @Test func advancesBookedSeparately() throws {
        let l = try Self.smallLedger()
        var map = AccountMap.preset(.cas)
        map.advancesSeparate = true
        let (vouchers, data) = try Self.render(l, .u8Text, VoucherOptions(map: map))
        let bank = try #require(vouchers.first { $0.sources == ["RCT-2025-000002"] && $0.kind == .receipt })
        #expect(bank.lines.map(\.account) == ["1002", "2203"])
        let used = try #require(vouchers.first { $0.kind == .advanceApplied })
        #expect(used.lines.map(\.account) == ["2203", "1122"] && used.lines[0].debit == 10_600)
        // Receivable + advances together move as the customer balances do.
        let lines = VoucherFileReader.lines(data, target: .u8Text)
        var both: [String: Int64] = [:]
        for line in lines where line.account == "1122" || line.account == "2203" {
            both[line.customer, default: 0] += line.debit - line.credit
        }
        #expect(both.filter { $0.value != 0 } == (try VoucherFileReader.movements(l.store, from: Self.from, to: Self.to)))
    }

    @Test func u8TextLayout() throws {
        let l = try Self.smallLedger()
        let (_, data) = try Self.render(l, .u8Text, VoucherOptions(map: .preset(.cas)))
        let text = VoucherFileReader.decode(data, gb18030: true)
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines[0] == "制单日期,凭证类别字,凭证号,附单据数,摘要,科目编码,借方,贷方,币种,外币借方,外币贷方,汇率,数量,结算方式,"
                + "票号,客户编码")
        #expect(lines[1] == "2025-01-05,记,1,1,销售 INV-2025-000001 华东贸易， 有限公司,1122,219.00,0,RMB,,,1,,,,C1")
        #expect(lines[3] == "2025-01-05,记,1,1,销售 INV-2025-000001 华东贸易， 有限公司,22210101,0,19.00,RMB,,,1,,,,")
        #expect(lines.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 16 })
        #expect(!text.contains("\""))
    }

    @Test func kisExcelNeutralisesFormulaText() throws {
        let l = try Self.smallLedger()
        let (_, data) = try Self.render(l, .kisExcel, VoucherOptions(map: .preset(.cas)))
        let rows = VoucherFileReader.rows(VoucherFileReader.decode(data, gb18030: false))
        #expect(rows.contains { $0.last == "'=Beta Ltd" })
        #expect(rows.contains { $0[8] == "-20.00" })   // red credit note stays a number
    }

    @Test func nothingPassesWithoutAccountsOrCustomers() throws {
        let l = try Self.smallLedger()
        var map = AccountMap.preset(.cas)
        map.outputVAT = ""
        let vouchers = try VoucherBuilder.build(try l.store.voucherSource(from: Self.from, to: Self.to),
                                                options: VoucherOptions(map: map))
        let problems = VoucherBuilder.check(vouchers, map: map)
        #expect(problems.contains { $0.description == "voucher 记-1 (2025-01-05) line 3: no account code" })
        var broken = vouchers
        broken[0].lines[0].customerCode = ""
        broken[1].lines[0].debit += 1
        let more = VoucherBuilder.check(broken, map: .preset(.cas)).map(\.description)
        #expect(more.contains("voucher 记-1 (2025-01-05) line 1: receivable line without a customer code"))
        #expect(more.contains("voucher 记-2 (2025-01-05): debits 33.91 ≠ credits 33.90"))
    }

    @Test func overriddenAccountsStillTie() throws {
        var map = AccountMap.preset(.sbas)
        map.dotted = false
        map.badDebt = "6711"
        map.revenueByCategory = ["饮料": "5001.01"]
        map.receiptMethods["wechat_pay"] = "1012.02"
        #expect(map.revenueAccount(category: "饮料", channel: "") == "5001.01")
        #expect(map.written("2221.01.01", targetDotted: true) == "22210101")
        let l = try Self.smallLedger()
        let (vouchers, data) = try Self.render(l, .kingdeeStd, VoucherOptions(map: map))
        #expect(vouchers[0].lines.map(\.account) == ["1122", "5001", "2221.01.01", "5001.01"])
        #expect(vouchers.first { $0.kind == .receipt }?.lines.first?.account == "1012.02")
        try Self.verify(l, data, .kingdeeStd, map)
    }

    @Test func templateModeFillsTheUsersColumns() throws {
        let l = try Self.smallLedger()
        let header = "凭证日期;凭证字;凭证号;摘要;科目编码;借方;贷方;客户;部门\r\n"
        let template = try VoucherTemplate.read(data: TextEncoding.gb18030.encode(header), source: "t.csv")
        #expect(template.separator == ";" && template.encoding == .gb18030 && template.unknown == ["部门"])
        let vouchers = try VoucherBuilder.build(try l.store.voucherSource(from: Self.from, to: Self.to),
                                                options: VoucherOptions(map: .preset(.cas)))
        let out = template.render(vouchers, writer: VoucherWriter(map: .preset(.cas), preparer: "t"), dotted: false)
        let lines = VoucherFileReader.decode(out, gb18030: true).components(separatedBy: "\r\n")
        #expect(lines[1] == "2025-01-05;记;1;销售 INV-2025-000001 华东贸易, 有限公司;1122;219.00;0.00;C1;")
    }

    @Test func northwindAndGeneratedChineseLedgersTie() throws {
        let nw = try TestLedger()
        _ = try nw.service.runBatch { try NorthwindLoader.load(into: $0, directory: sampleDataDirectory("northwind")) }
        let cities = try SampleGenerator.loadCities(directory: sampleDataDirectory("cn-regions"))
        let zh = try TestLedger(today: "2026-11-29")
        let gen = SampleGenerator(language: .zh, customers: 30, invoices: 300, seed: 3, today: date("2026-11-29"), cities: cities)
        _ = try zh.service.runBatch { try gen.load(into: $0) }
        for (ledger, from, to) in [(nw, date("1997-01-01"), date("1997-12-31")), (zh, date("2026-01-01"), date("2026-11-29"))] {
            for target in VoucherTarget.allCases {
                var options = VoucherOptions(map: .preset(.cas))
                options.grouping = target == .u8Text ? .day : .document
                let (vouchers, data) = try Self.render(ledger, target, options, from: from, to: to)
                #expect(vouchers.count > 100)
                try Self.verify(ledger, data, target, options.map, from: from, to: to)
            }
        }
    }
}
