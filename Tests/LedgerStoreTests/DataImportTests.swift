import Foundation
import LedgerCore
import LedgerInterop
import LedgerStore
import Testing

/// `import customers|products|receipts|opening` (issue 15): encodings, separators, decimal comma, quoted line
/// breaks, one bad row in 10,000, WeChat and Alipay bills, and export → import round trips.
@Suite struct DataImportTests {
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    func importing(_ data: Data, _ kind: ImportKind, into l: TestLedger, name: String = "f.csv",
                   settings: ImportSettings = ImportSettings(), dryRun: Bool = false) throws -> (DataImport, DataImport.RunResult) {
        let headerStart = DataImport.headerStart(for: settings.format)
        let file = try DelimitedFile.parse(data: data, source: name, headerStart: headerStart)
        let plan = try DataImport(file: file, kind: kind, settings: settings)
        return (plan, try plan.run(service: l.service, dryRun: dryRun))
    }

    @Test func gb18030CustomerSheetWithChineseHeaders() throws {
        let text = "客户编码,客户名称,联系人,电话,地址,信用额度,账期,备注\r\n"
            + "K001,杭州西湖茶叶有限公司,王芳,0571-88886666,浙江省杭州市西湖区龙井路1号,\"50,000.00\",NET60,老客户\r\n"
            + "K002,刘䶮商行（个体）,刘䶮,13800138000,,,,\r\n"
        let l = try TestLedger()
        let (plan, result) = try importing(text.data(using: Self.gb18030)!, .customers, into: l)
        #expect(plan.file.encoding == .gb18030 && result.written && result.rejected.isEmpty)
        let k1 = try #require(try l.store.customer(code: "K001"))
        #expect(k1.name == "杭州西湖茶叶有限公司" && k1.contact == "王芳" && k1.phone == "0571-88886666")
        #expect(k1.address == "浙江省杭州市西湖区龙井路1号" && k1.creditLimit == cny("50000.00"))
        #expect(k1.paymentTerms == .net(days: 60) && k1.notes == "老客户")
        let k2 = try #require(try l.store.customer(code: "K002"))
        #expect(k2.name == "刘䶮商行（个体）" && k2.contact == "刘䶮" && k2.creditLimit == nil && k2.paymentTerms == .net30)
        // The same file again is refused by its fingerprint; nothing changes.
        #expect(throws: LedgerError.self) { _ = try importing(text.data(using: Self.gb18030)!, .customers, into: l) }
    }

    @Test func utf8BOMProductSheet() throws {
        let text = "\u{FEFF}商品编码,商品名称,类别,单位,单价,税率\n"
            + "SP-01,农夫山泉 550ml,饮料,瓶,2.50,13%\nSP-02,上门安装,服务,次,\"1,200.00\",6\n"
        let l = try TestLedger()
        let (plan, result) = try importing(Data(text.utf8), .products, into: l)
        #expect(plan.file.encoding == .utf8BOM && result.written)
        let products = try l.store.products(search: nil, page: .all)
        #expect(products.map(\.sku) == ["SP-01", "SP-02"])
        #expect(products.map(\.name) == ["农夫山泉 550ml", "上门安装"] && products.map(\.category) == ["饮料", "服务"])
        #expect(products.map(\.unit) == ["瓶", "次"] && products.map(\.unitPrice) == [cny("2.50"), cny("1200.00")])
        #expect(products.map(\.taxRate.basisPoints) == [1300, 600])
        // --update changes only the columns in the file.
        let update = "sku,unit_price\nSP-01,2.80\n"
        var settings = ImportSettings()
        settings.update = true
        let (_, again) = try importing(Data(update.utf8), .products, into: l, settings: settings)
        #expect(again.outcome.updated == 1)
        let sp1 = try #require(try l.store.products(search: "SP-01", page: .all).first)
        #expect(sp1.unitPrice == cny("2.80") && sp1.name == "农夫山泉 550ml" && sp1.taxRate.basisPoints == 1300)
    }

    @Test func semicolonsAndDecimalCommas() throws {
        let text = "code;name;credit_limit;currency\nA1;Alpha GmbH;1.234,50;EUR\nA2;Beta AG;12,00;EUR\n"
        let l = try TestLedger()
        let (plain, result) = try importing(Data(text.utf8), .customers, into: l)
        #expect(plain.file.separator == ";" && !result.written)
        #expect(result.rejected.flatMap(\.problems).map(\.description) == [
            "row 2, column credit_limit: amount '1.234,50' is badly grouped or has a stray character",
            "row 3, column credit_limit: amount '12,00' is ambiguous: a decimal comma? (use --decimal-comma)",
        ] || result.rejected.map(\.row) == [2, 3])
        var settings = ImportSettings()
        settings.decimalComma = true
        let (_, ok) = try importing(Data(text.utf8), .customers, into: l, name: "g.csv", settings: settings)
        #expect(ok.written)
        let a1 = try #require(try l.store.customer(code: "A1"))
        #expect(a1.creditLimit == Money(minorUnits: 123_450, currency: Currency.named("EUR")!))
        #expect(try l.store.customer(code: "A2")?.creditLimit?.minorUnits == 1_200)
    }

    /// Excel writes rows ending CRLF and line breaks inside a cell as LF; the break is joined with a space (stored
    /// text refuses control characters).
    @Test func embeddedLineBreakInAQuotedField() throws {
        let text = "code,name,address\r\nQ1,Quote Co,\"Building 3\nRoom 5, Floor 2\"\r\nQ2,Next Co,\r\nQ3,,nowhere\r\n"
        let l = try TestLedger()
        let (_, result) = try importing(Data(text.utf8), .customers, into: l)
        // Q3 has no name: the row named is the spreadsheet row (the quoted break does not start a row).
        #expect(result.rejected.flatMap(\.problems).map(\.description) == ["row 4, column name: is empty"])
        var plan = try DataImport(file: try DelimitedFile.parse(data: Data(text.utf8), source: "x.csv"), kind: .customers,
                                  settings: ImportSettings())
        #expect(plan.entries.count == 2)
        if case let .customer(fields, _) = plan.entries[0].record { #expect(fields.address == "Building 3 Room 5, Floor 2") }
        plan.replaceRejected(RejectedRows())
        #expect(try plan.run(service: l.service, dryRun: false).written)
        #expect(try l.store.customer(code: "Q1")?.address == "Building 3 Room 5, Floor 2")
    }

    @Test func tenThousandRowsWithOneBadRow() throws {
        var text = "sku,name,unit_price,tax_rate\n"
        for i in 1...10_000 {
            text += "S\(i),Item \(i),\(i == 7_341 ? "\"12,3\"" : "\(i % 97).50"),13\n"
        }
        let l = try TestLedger()
        let (plan, dry) = try importing(Data(text.utf8), .products, into: l, dryRun: true)
        #expect(plan.entries.count == 9_999)
        #expect(dry.rejected.map(\.row) == [7_342] && !dry.written)
        #expect(dry.rejected[0].problems.map(\.column) == ["unit_price"])
        #expect(try plan.rejectedCSV().hasPrefix("\u{FEFF}row,problems,sku,name,unit_price,tax_rate\n7342,"))
        let (_, real) = try importing(Data(text.utf8), .products, into: l)
        #expect(!real.written && real.rejected.map(\.row) == [7_342])
        #expect(try l.store.summary().products == 0)
    }

    static let wechatBill = """
        微信支付账单明细
        微信昵称：[西湖茶叶]
        起始时间：[2025-03-01 00:00:00] 终止时间：[2025-03-31 23:59:59]
        导出类型：[全部]
        导出时间：[2025-04-01 09:30:12]

        共5笔记录
        收入：4笔 2550.00元
        支出：1笔 80.00元
        中性交易：0笔 0.00元
        注：
        1. 充值/提现/理财通购买/零钱通存取/信用卡还款等交易，将计入中性交易
        2. 除微信支付外的其他支付方式产生的交易，将不被计入

        ----------------------微信支付账单明细列表--------------------
        交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注
        2025-03-02 10:15:00,二维码收款,杭州西湖茶叶有限公司,收款,收入,¥1200.00,/,已收钱,4200001234202503021111\t,/,付 INV-2025-000002
        2025-03-03 11:00:00,转账,刘䶮商行,转账,收入,¥500.00,/,已存入零钱,4200001234202503032222\t,/,/
        2025-03-03 11:00:00,转账,刘䶮商行,转账,收入,¥500.00,/,已存入零钱,4200001234202503032222\t,/,/
        2025-03-04 09:00:00,商户消费,某超市,日用品,支出,¥80.00,零钱,支付成功,4200001234202503043333\t,/,/
        2025-03-05 16:20:00,二维码收款,杭州西湖茶叶有限公司,收款,收入,¥350.00,/,已全额退款,4200001234202503054444\t,/,/
        """

    @Test func weChatBill() throws {
        let l = try TestLedger(today: "2025-04-01")
        try l.customer("K001", "杭州西湖茶叶有限公司")
        try l.customer("K002", "刘䶮商行")
        try l.invoice("K001", "2025-02-01", "800.00")
        let a = try l.invoice("K001", "2025-02-10", "1200.00")
        var settings = ImportSettings()
        settings.format = .wechat
        let (plan, result) = try importing(Data(("\u{FEFF}" + Self.wechatBill).utf8), .receipts, into: l, settings: settings)
        #expect(plan.skipped.count == 3)   // duplicate 交易单号, money out, refunded
        #expect(result.written && result.rejected.isEmpty)
        #expect(result.outcome.proposals == [
            "row 17: K001 1200.00 → \(a.displayNumber) (invoice number in the note)",
            "row 18: K002 500.00 → unapplied credit (no open invoice)",
        ])
        let receipts = try l.store.receipts(customerID: try l.store.customer(code: "K001")!.id, page: .all)
        #expect(receipts.map(\.amount) == [cny("1200.00")] && receipts[0].method == .wechatPay)
        #expect(receipts[0].reference == "4200001234202503021111" && receipts[0].date == date("2025-03-02"))
    }

    @Test func alipayBillInGB18030() throws {
        var lines = ["------------------------------------------------------------------------------------",
                     "导出信息：", "姓名：西湖茶叶", "支付宝账户：xihu@example.com", "起始时间：[2025-03-01 00:00:00]    终止时间：[2025-03-31 23:59:59]",
                     "导出交易类型：[全部]", "导出时间：[2025-04-01 10:12:30]", "共3笔记录", "收入：2笔 1900.00元", "支出：0笔 0.00元",
                     "不计收支：1笔 99.00元", "", "特别提示：", "1.本回单内容可表明支付宝受理了此笔业务，不代表实际到账。",
                     "2.支付宝账户信息仅供参考。", "3.本回单不作为收款方发货依据。", "4.请勿将本回单作为收款依据。", "",
                     "------------------------支付宝（中国）网络技术有限公司  电子客户回单------------------------",
                     "交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,"]
        lines += ["2025-03-06 14:02:11,转账红包,张三,zhang***@163.com,转账,收入,1500.00,账户余额,交易成功,2025030622001400001111,,,",
                  "2025-03-07 08:00:00,转账红包,未知客户,13900000000,转账,收入,400.00,账户余额,交易成功,2025030722001400002222,,,",
                  "2025-03-08 09:00:00,退款,张三,zhang***@163.com,退款,不计收支,99.00,账户余额,退款成功,2025030822001400003333,,,"]
        let data = (lines.joined(separator: "\r\n") + "\r\n").data(using: Self.gb18030)!
        let l = try TestLedger(today: "2025-04-01")
        try l.customer("Z1", "张三五金店")
        var fields = CustomerFields(code: "Z2", name: "李四")
        fields.phone = "13900000000"
        try l.service.run(CreateCustomer(fields))
        try l.service.run(UpdateCustomer(id: try l.store.customer(code: "Z1")!.id, fields: {
            var f = CustomerFields(code: "Z1", name: "张三五金店")
            f.notes = "支付宝 zhang***@163.com"
            return f
        }()))
        var settings = ImportSettings()
        settings.format = .alipay
        let (plan, result) = try importing(data, .receipts, into: l, settings: settings)
        #expect(plan.file.encoding == .gb18030 && plan.skipped.count == 1)
        #expect(result.written, "\(result.rejected.flatMap(\.problems))")
        let z1 = try l.store.receipts(customerID: try l.store.customer(code: "Z1")!.id, page: .all)
        let z2 = try l.store.receipts(customerID: try l.store.customer(code: "Z2")!.id, page: .all)
        #expect(z1.map(\.amount) == [cny("1500.00")] && z1[0].method == .alipay && z1[0].reference == "2025030622001400001111")
        #expect(z2.map(\.amount) == [cny("400.00")] && z2[0].date == date("2025-03-07"))
    }

    @Test func exportImportRoundTrip() throws {
        let a = try TestLedger(today: "2025-06-30")
        var fields = CustomerFields(code: "R1", name: "=Formula 公司")
        fields.phone = "+86 571 8888"
        fields.creditLimit = cny("9000.00")
        fields.paymentTerms = .endOfMonthPlusDays(30)
        fields.notes = "line1; line2, \"quoted\""
        try a.service.run(CreateCustomer(fields))
        try a.customer("R2", "Second")
        try a.service.run(CreateProduct(sku: "-P1", name: "Minus", category: "杂项", unit: "个", unitPrice: cny("3.33"),
                                        taxRate: Rate(basisPoints: 1250)))
        try a.invoice("R1", "2025-05-01", "100.00", due: "2025-06-15")
        try a.invoice("R2", "2025-05-02", "50.00")
        var r = RecordReceipt(customerCode: "R1", date: date("2025-05-10"), amount: cny("130.00"))
        r.reference = "BANK-1"
        try a.service.run(r)
        let customers = CustomerExport.render(try a.store.receivablesSnapshot(customerID: nil).customers, target: .generic)
        let products = Data(MasterDataExport.products(try a.store.products(search: nil, page: .all)).utf8)
        func opening(_ l: TestLedger) throws -> String {
            let s = try l.store.receivablesSnapshot(customerID: nil)
            var refs: [String: String] = [:]
            for d in s.documents { refs[d.number] = d.externalReference }
            for r in s.receipts { refs[r.displayNumber] = r.reference }
            return MasterDataExport.opening(items: try l.store.openItems(asOf: date("2025-06-30")),
                                            credits: try l.store.unappliedCredits(asOf: date("2025-06-30")), references: refs)
        }
        let open = try opening(a)
        let b = try TestLedger(today: "2025-06-30")
        #expect(try importing(customers, .customers, into: b, name: "c.csv").1.written)
        #expect(try importing(products, .products, into: b, name: "p.csv").1.written)
        let (_, o) = try importing(Data(open.utf8), .opening, into: b, name: "o.csv")
        #expect(o.written && o.outcome.openInvoices == 1 && o.outcome.openCredits == 1)
        #expect(CustomerExport.render(try b.store.receivablesSnapshot(customerID: nil).customers, target: .generic) == customers)
        #expect(MasterDataExport.products(try b.store.products(search: nil, page: .all)) == String(decoding: products, as: UTF8.self))
        #expect(try opening(b) == open)
        #expect(open.contains("credit,R1,BANK-1,2025-05-10,,CNY,30.00"))
    }

    @Test func bankStatementAndPermissions() throws {
        let text = "中国工商银行账户明细\n账号：1202 0000 0000\n交易日期,摘要,对方户名,对方账号,支出金额,金额,流水号\n"
            + "2025-03-01,货款,华北商贸有限公司,6222000011112222,,\"5,000.00\",SN001\n"
            + "2025-03-02,手续费,银行,,12.00,,SN002\n"
        let l = try TestLedger(today: "2025-04-01")
        try l.customer("H1", "华北商贸有限公司")
        try l.invoice("H1", "2025-02-01", "3000.00")
        try l.invoice("H1", "2025-02-15", "2000.00")
        var settings = ImportSettings()
        settings.format = .bankCSV
        let (plan, result) = try importing(Data(text.utf8), .receipts, into: l, settings: settings)
        #expect(plan.skipped == ["row 5: no amount received"] && result.written)
        #expect(result.outcome.proposals == ["row 4: H1 5000.00 → oldest first"])
        let receipt = try #require(try l.store.receipts(customerID: try l.store.customer(code: "H1")!.id, page: .all).first)
        #expect(receipt.method == .bankTransfer && receipt.reference == "SN001" && receipt.amount == cny("5000.00"))
        // A clerk may not import files; nothing is written.
        let clerk = try TestLedger(role: .clerk)
        #expect(throws: LedgerError.permissionDenied("import.file needs the manager or admin role (you are clerk)")) {
            _ = try importing(Data("code,name\nX1,Xeno\n".utf8), .customers, into: clerk)
        }
        #expect(try clerk.store.summary().customers == 0)
    }
}

extension DataImport {
    /// `writeRejectedCSV` into one text.
    func rejectedCSV() throws -> String {
        var text = ""
        try writeRejectedCSV { text += $0 }
        return text
    }
}
