import Foundation
import LedgerCore
import LedgerInterop
import LedgerStore
import Testing

/// `import sales` on the shared import engine (issues 10 and 15): streamed files, staged rows in a bounded
/// buffer, one bad row in 10,000, encodings and separators, re-import refused, identical genuine rows kept.
@Suite struct SalesImportEngineTests {
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    func plan(_ data: Data, name: String = "sales.csv", settings: ImportSettings = ImportSettings()) throws -> DataImport {
        try DataImport(file: try DelimitedFile.parse(data: data, source: name), kind: .sales, settings: settings)
    }

    func sales(_ plan: DataImport) -> [SalesImport.Row] {
        plan.entries.compactMap { if case .sale(let row) = $0.record { return row } else { return nil } }
    }

    @Test func tenThousandRowsWithOneBadRowNamesExactlyThatRowAndImportsNothing() throws {
        var text = "date,invoice_no,customer,amount\n"
        for i in 1...10_000 {
            let date = i == 6_218 ? "2025-02-30" : "2025-03-\(String(format: "%02d", i % 28 + 1))"
            text += "\(date),S-\(i),Customer \(i % 50),\(i % 97 + 1).25\n"
        }
        let l = try TestLedger()
        let p = try plan(Data(text.utf8))
        #expect(p.staging.count == 9_999 && p.rejected.map(\.row) == [6_219])
        let dry = try p.run(service: l.service, dryRun: true)
        #expect(!dry.written && dry.rejected.map(\.row) == [6_219])
        #expect(dry.rejected[0].problems.map(\.description)
                == ["row 6219, column date: 2025-02-30 is not a valid date (does not exist, format ymd)"])
        #expect(try p.rejectedCSV().hasPrefix("\u{FEFF}row,problems,date,invoice_no,customer,amount\n6219,"))
        let real = try p.run(service: l.service, dryRun: false)
        #expect(!real.written && real.rejected.map(\.row) == [6_219])
        #expect(try l.store.summary().invoices == 0 && l.store.summary().customers == 0)
    }

    /// A file larger than several read chunks, from disk: every row staged, never more than the buffer's capacity
    /// in memory, the rest in the staging file; rows come back in order, chunk by chunk, equal to what was read.
    @Test func streamedFileKeepsABoundedRowBuffer() throws {
        let rows = ImportStaging.bufferCapacity * 3 + 123
        var text = "日期,单号,客户,金额,备注\n"
        for i in 1...rows { text += "2025-04-01,N\(i),\"客户 \(i % 300)\",\(i).00,\"第一行\n第二行 \(i)\"\n" }
        let path = NSTemporaryDirectory() + "/sales-stream-\(getpid()).csv"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { unlink(path) }
        var reads: [Int] = []
        let file = try DelimitedFile.read(path: path)
        #expect(file.byteCount == text.utf8.count && file.byteCount > 8 * 64 * 1024)
        let p = try DataImport(file: file, kind: .sales, settings: ImportSettings()) { read, _ in reads.append(read) }
        // Read in chunks (one progress call per chunk), never as one block.
        #expect(reads.count == (file.byteCount + 64 * 1024 - 1) / (64 * 1024) && reads.last == file.byteCount)
        #expect(p.rejected.isEmpty && p.staging.count == rows)
        #expect(p.staging.peakBufferedRows <= ImportStaging.bufferCapacity)
        #expect(p.staging.spilledRows == ImportStaging.bufferCapacity * 3)
        var seen = 0
        var largestChunk = 0
        try p.forEachEntryChunk { chunk in
            largestChunk = max(largestChunk, chunk.count)
            for entry in chunk {
                seen += 1
                guard case .sale(let sale) = entry.record else { Issue.record("not a sale"); return }
                if sale.number != "N\(seen)" || sale.amount != cny("\(seen).00") || sale.note != "第一行 第二行 \(seen)"
                    || sale.customerName != "客户 \(seen % 300)" || entry.row != seen + 1 {
                    Issue.record("row \(entry.row): \(sale)")
                    return
                }
            }
        }
        #expect(seen == rows && largestChunk == ImportStaging.bufferCapacity)
    }

    /// The same three sales in UTF-16 LE with BOM and tabs, GB18030 with semicolons and Chinese headers, and UTF-8 BOM
    /// with CRLF give the same records.
    @Test func encodingsAndSeparatorsGiveTheSameRecords() throws {
        let rows = [["2025-03-01", "A-1", "杭州西湖茶叶有限公司", "1200.00"], ["2025-03-02", "A-2", "刘䶮商行", "88.50"],
                    ["2025-03-02", "A-3", "𠮷利五金店", "3.05"]]
        func text(_ header: [String], _ sep: String, _ eol: String) -> String {
            ([header] + rows).map { $0.joined(separator: sep) }.joined(separator: eol) + eol
        }
        var utf16 = Data([0xFF, 0xFE])
        utf16.append(text(["date", "number", "customer", "amount"], "\t", "\n").data(using: .utf16LittleEndian)!)
        let gb = text(["日期", "单号", "客户", "金额"], ";", "\r\n").data(using: Self.gb18030)!
        let bom = Data([0xEF, 0xBB, 0xBF]) + Data(text(["date", "invoice_no", "客户名称", "价税合计"], ",", "\r\n").utf8)
        var results: [[SalesImport.Row]] = []
        for (data, encoding, separator) in [(utf16, TextEncoding.utf16LE, "\t"), (gb, .gb18030, ";"), (bom, .utf8BOM, ",")] {
            let p = try plan(data)
            #expect(p.file.encoding == encoding && String(p.file.separator) == separator)
            #expect(p.rejected.isEmpty, "\(p.rejected.flatMap(\.problems))")
            results.append(sales(p))
        }
        #expect(results[0].map(\.customerName) == rows.map { $0[2] })
        #expect(results[0].map(\.amount) == [cny("1200.00"), cny("88.50"), cny("3.05")])
        #expect(results[0].map { $0.date.description } == ["2025-03-01", "2025-03-02", "2025-03-02"])
        #expect(results[1] == results[0] && results[2] == results[0])
    }

    /// A GB18030 file whose quoted multi-line cell and Chinese characters straddle the 64 KiB read boundary.
    @Test func chunkBoundaryNeverSplitsACharacterOrARecord() throws {
        var text = "日期,客户,金额,备注\r\n"
        var i = 0
        while text.data(using: Self.gb18030)!.count < 64 * 1024 * 2 + 500 {
            i += 1
            text += "2025-05-06,商行\(i),\(i).10,\"备注甲\n备注乙\(i)\"\r\n"
        }
        let p = try plan(text.data(using: Self.gb18030)!)
        #expect(p.file.encoding == .gb18030 && p.rejected.isEmpty)
        let got = sales(p)
        #expect(got.count == i)
        #expect(got.enumerated().allSatisfy { n, row in
            row.customerName == "商行\(n + 1)" && row.note == "备注甲 备注乙\(n + 1)" && row.amount == cny("\(n + 1).10")
        })
    }

    /// A mostly UTF-8 file with one GBK pair far past the first read chunk: the error names its row and column.
    @Test func mixedEncodingDeepInAStreamedFileNamesRowAndColumn() throws {
        var bytes = [UInt8]("date,invoice_no,customer,amount\n".utf8)
        for i in 1...5_000 { bytes += Array("2025-03-01,A\(i),北京星河\(i),1.00\n".utf8) }
        bytes += Array("2025-03-02,B1,".utf8) + [0xB1, 0xB1, 0xBE, 0xA9] + Array(",2.00\n".utf8)
        #expect(bytes.count > 2 * 64 * 1024)
        let error = #expect(throws: InteropError.self) { try DelimitedFile.parse(data: Data(bytes), source: "m.csv") }
        #expect(error?.message.hasPrefix("row 5002, column 3 (customer): byte 0xB1 is not UTF-8") == true)
    }

    @Test func reimportRefusedButIdenticalGenuineRowsKept() throws {
        let text = "date,customer,amount\n2025-06-01,Same Shop,10.00\n2025-06-01,Same Shop,10.00\n"
        let l = try TestLedger()
        let first = try plan(Data(text.utf8)).run(service: l.service, dryRun: false)
        #expect(first.written && first.outcome.sales?.invoices == 2 && first.outcome.sales?.newCustomers == 1)
        #expect(try l.store.summary().invoices == 2)
        // The same bytes again: refused by the fingerprint, nothing written.
        #expect(throws: LedgerError.self) { _ = try plan(Data(text.utf8)).run(service: l.service, dryRun: false) }
        // A different file with a number already in the ledger: that row is refused by its external reference.
        _ = try plan(Data("date,number,customer,amount\n2025-06-02,X-1,Same Shop,5.00\n".utf8), name: "a.csv")
            .run(service: l.service, dryRun: false)
        let again = try plan(Data("date,number,customer,amount\n2025-06-03,Y-1,Same Shop,1.00\n2025-06-03,X-1,Same Shop,5.00\n".utf8),
                             name: "b.csv").run(service: l.service, dryRun: false)
        #expect(!again.written && again.rejected.flatMap(\.problems).map(\.description)
                == ["row 3, column number: X-1 is already in the ledger (imported before?)"])
        #expect(try l.store.summary().invoices == 3)
        // A clerk may not import (import.file needs a manager).
        let clerk = LedgerService(store: l.store, clock: l.service.clock, actor: "clerk1", role: .clerk)
        #expect(throws: LedgerError.self) {
            _ = try plan(Data("date,customer,amount\n2025-06-04,Other,1.00\n".utf8), name: "c.csv").run(service: clerk, dryRun: false)
        }
    }

    @Test func decimalCommaAndSkipInvalid() throws {
        let text = "datum;kunde;betrag\n".replacingOccurrences(of: "datum", with: "date")
            .replacingOccurrences(of: "kunde", with: "customer").replacingOccurrences(of: "betrag", with: "amount")
            + "2025-07-01;Müller GmbH;1.234,50\n2025-07-02;Schmidt AG;oops\n"
        var settings = ImportSettings()
        settings.decimalComma = true
        settings.currency = Currency.named("EUR")!
        settings.skipInvalid = true
        let l = try TestLedger()
        let result = try plan(Data(text.utf8), settings: settings).run(service: l.service, dryRun: false)
        #expect(result.written && result.rejected.map(\.row) == [3] && result.outcome.sales?.invoices == 1)
        #expect(result.outcome.sales?.totals["EUR"] == 123_450)
    }

    /// `--skip-invalid` with a row the ledger refuses (not the file's checks): the other rows are written, the
    /// refused row is listed once, and nothing of it is written (tryout s15: the whole file was rolled back).
    @Test func skipInvalidWritesTheRowsTheLedgerAccepts() throws {
        let l = try TestLedger()
        _ = try plan(Data("date,number,customer,amount\n2025-06-02,X-1,Same Shop,5.00\n".utf8), name: "a.csv")
            .run(service: l.service, dryRun: false)
        var settings = ImportSettings()
        settings.skipInvalid = true
        let text = "date,number,customer,amount\n2025-06-03,Y-1,New Shop,1.25\n2025-06-03,X-1,Third Shop,5.00\n"
            + "2025-06-04,Y-2,Same Shop,2.50\n"
        let result = try plan(Data(text.utf8), name: "b.csv", settings: settings).run(service: l.service, dryRun: false)
        #expect(result.written && result.outcome.sales?.invoices == 2 && result.outcome.sales?.newCustomers == 1)
        #expect(result.rejected.flatMap(\.problems).map(\.description)
                == ["row 3, column number: X-1 is already in the ledger (imported before?)"])
        #expect(result.outcome.sales?.totals["CNY"] == 375)
        #expect(try l.store.summary().invoices == 3 && l.store.summary().customers == 2)
        // A file whose every row the ledger refuses writes nothing, not even the file's record.
        let none = try plan(Data("date,number,customer,amount\n2025-06-05,X-1,Same Shop,5.00\n".utf8), name: "c.csv",
                            settings: settings).run(service: l.service, dryRun: false)
        #expect(!none.written && none.rejected.count == 1)
        #expect(try l.store.summary().invoices == 3)
        // A row the file's checks reject (staged rows leave it out), one the ledger refuses and one good row: the
        // good row is written and both others listed, in row order.
        let mixed = "date,number,customer,amount\n2025-02-30,Z-1,Same Shop,1.00\n2025-06-06,X-1,Same Shop,5.00\n"
            + "2025-06-06,Z-2,Same Shop,4.00\n"
        let three = try plan(Data(mixed.utf8), name: "d.csv", settings: settings).run(service: l.service, dryRun: false)
        #expect(three.written && three.rejected.map(\.row) == [2, 3] && three.outcome.sales?.invoices == 1)
        #expect(try l.store.summary().invoices == 4)
    }

    /// Invoices are posted a chunk at a time: a row the ledger refuses inside a chunk (a due date before the date)
    /// is named by row and column like one refused before the chunk (a number already imported), in row order;
    /// with `--skip-invalid` the others are written, numbered without a gap.
    @Test func refusalsInsideAChunkNameTheirRow() throws {
        let l = try TestLedger()
        _ = try plan(Data("date,number,customer,amount\n2025-06-02,X-1,Same Shop,5.00\n".utf8), name: "a.csv")
            .run(service: l.service, dryRun: false)
        let text = "date,number,customer,amount,due_date\n2025-06-03,Y-1,Same Shop,1.25,\n"
            + "2025-06-03,X-1,Same Shop,5.00,\n2025-06-04,Y-2,Same Shop,9.00,2025-06-01\n"
            + "2025-06-05,Y-3,Same Shop,2.00,\n"
        let expected = ["row 3, column number: X-1 is already in the ledger (imported before?)",
                        "row 4, column due_date: due date 2025-06-01 is before the invoice date 2025-06-04"]
        let all = try plan(Data(text.utf8), name: "b.csv").run(service: l.service, dryRun: false)
        #expect(!all.written && all.rejected.flatMap(\.problems).map(\.description) == expected)
        #expect(try l.store.summary().invoices == 1)
        var settings = ImportSettings()
        settings.skipInvalid = true
        let some = try plan(Data(text.utf8), name: "b.csv", settings: settings).run(service: l.service, dryRun: false)
        #expect(some.written && some.rejected.flatMap(\.problems).map(\.description) == expected)
        #expect(some.outcome.sales?.invoices == 2 && some.outcome.sales?.totals["CNY"] == 325)
        #expect(try l.store.scalar("SELECT group_concat(external_ref || ':' || number, ',') FROM "
                                   + "(SELECT * FROM document ORDER BY id)") == "X-1:1,Y-1:2,Y-3:3")
    }

    /// New customers do not cut the invoice chunk (issue 10): they are checked when their row is posted and created
    /// with the chunk, before their invoices, each with its own audit line where one-by-one posts put it. A customer
    /// the ledger refuses (a name over 200 characters) names its row and the file's column (`customer`; the field
    /// `name` until tryout s31); `--skip-invalid` writes the rest.
    @Test func newCustomersAreCreatedWithTheChunkAndABadOneNamesItsRow() throws {
        let long = String(repeating: "x", count: 201)
        let text = "date,number,customer,amount\n2025-06-03,A-1,Shop A,1.00\n2025-06-03,A-2,Shop B,2.00\n"
            + "2025-06-04,A-3,\(long),3.00\n2025-06-04,A-4,Shop A,4.00\n2025-06-05,A-5,Shop C,5.00\n"
        let expected = ["row 4, column customer: is longer than 200 characters"]
        let l = try TestLedger()
        let all = try plan(Data(text.utf8)).run(service: l.service, dryRun: false)
        #expect(!all.written && all.rejected.flatMap(\.problems).map(\.description) == expected)
        #expect(try l.store.summary().customers == 0)
        var settings = ImportSettings()
        settings.skipInvalid = true
        let some = try plan(Data(text.utf8), settings: settings).run(service: l.service, dryRun: false)
        #expect(some.written && some.rejected.flatMap(\.problems).map(\.description) == expected)
        #expect(some.outcome.sales?.invoices == 4 && some.outcome.sales?.newCustomers == 3)
        #expect(try l.store.scalar("SELECT group_concat(id || ':' || code || ':' || name, ',') FROM "
                                   + "(SELECT * FROM customer ORDER BY id)")
                == "1:IMP-0001:Shop A,2:IMP-0002:Shop B,3:IMP-0003:Shop C")
        #expect(try l.store.scalar("SELECT group_concat(d.external_ref || ':' || c.code || ':' || d.number, ',') FROM "
                                   + "(SELECT * FROM document ORDER BY id) d JOIN customer c ON c.id = d.customer_id")
                == "A-1:IMP-0001:1,A-2:IMP-0002:2,A-4:IMP-0001:3,A-5:IMP-0003:4")
        let log = try l.store.auditLog(filter: .all)
        #expect(log.map(\.command) == ["import.file", "customer.create", "invoice.post", "customer.create",
                                        "invoice.post", "invoice.post", "customer.create", "invoice.post"])
        #expect(log.filter { $0.command == "customer.create" }.map(\.changes).allSatisfy { $0.contains("customer") })
        #expect(try l.store.scalar("SELECT group_concat(k.id, ',') FROM customer_search_key k") == "1,2,3")
    }

    /// Customers known (in the ledger, or created by an earlier chunk) across several chunks: each is created once,
    /// every invoice goes to its own customer (s31-import: codes known to exist are not looked up again).
    @Test func customersAcrossChunksAreCreatedOnceAndKeepTheirInvoices() throws {
        let l = try TestLedger()
        try l.customer("K1", "Known")
        var text = "date,number,customer_code,customer_name,amount\n"
        for i in 1...2_500 {
            let customer = [",Shop X", "N1,New one", "K1,Known"][i % 3]
            text += "2025-06-\(i % 28 + 1),R-\(i),\(customer),\(i).00\n"
        }
        let result = try plan(Data(text.utf8)).run(service: l.service, dryRun: false)
        #expect(result.written && result.rejected.isEmpty)
        #expect(result.outcome.sales?.invoices == 2_500 && result.outcome.sales?.newCustomers == 2)
        #expect(try l.store.scalar("SELECT group_concat(code || ':' || n, ',') FROM (SELECT c.code, COUNT(d.id) AS n "
                                   + "FROM customer c LEFT JOIN document d ON d.customer_id = c.id GROUP BY c.id "
                                   + "ORDER BY c.id)") == "K1:833,N1:834,IMP-0001:833")
        #expect(try l.store.auditLog(filter: .all).filter { $0.command == "customer.create" }.count == 3)
    }

    /// The chunk's look-ups at once (s32-import) give each row what a look-up at that row gives: a name to its
    /// customer (a name two customers share is refused since s32-fixb: SalesImportTryoutTests), drawn `IMP-` codes past taken ones and past a code a row of the same chunk gives, a name or
    /// code created by an earlier row (pending in the chunk, or created by a credit note) found, across two staging
    /// chunks; each new customer created once.
    @Test func chunkLookUpsGiveWhatRowByRowLookUpsGive() throws {
        let l = try TestLedger()
        for (code, name) in [("K1", "Known"), ("IMP-0001", "Taken one"), ("IMP-0002", "Taken two"),
                             ("T2", "Twin two"), ("T1", "Twin")] {
            try l.customer(code, name)
        }
        let cycle = [",Twin,", ",Fresh A,", "IMP-0004,Given,", ",Fresh B,", ",Taken one,", "K1,Other name,",
                     ",Credit new,credit_note", ",Credit new,", ",Given,"]
        var text = "date,number,customer_code,customer_name,kind,amount\n"
        let rows = ImportStaging.bufferCapacity + 500
        for i in 1...rows {
            text += "2025-06-\(i % 28 + 1),R-\(i),\(cycle[i % cycle.count]),\(i % 90 + 10).00\n"
        }
        let result = try plan(Data(text.utf8)).run(service: l.service, dryRun: false)
        #expect(result.written && result.rejected.isEmpty)
        #expect(result.outcome.sales?.newCustomers == 4)
        let counts = try l.store.scalar("SELECT group_concat(code || ':' || name || ':' || n, ',') "
            + "FROM (SELECT c.code, c.name, COUNT(d.id) AS n FROM customer c "
            + "LEFT JOIN document d ON d.customer_id = c.id GROUP BY c.id ORDER BY c.id)")
        // Rows 1…4596 by i % 9 (510 or 511 each): row 1 is a new name (IMP-0003), row 2 gives IMP-0004, row 3
        // draws IMP-0005 (IMP-0004 waits to be created), row 6's credit note draws IMP-0006.
        #expect(counts == "K1:Known:511,IMP-0001:Taken one:511,IMP-0002:Taken two:0,T2:Twin two:0,T1:Twin:510,"
                + "IMP-0003:Fresh A:511,IMP-0004:Given:1021,IMP-0005:Fresh B:511,IMP-0006:Credit new:1021")
        let creates = try l.store.auditLog(filter: .all).filter { $0.command == "customer.create" }
        #expect(creates.count == 5 + 4)  // the five made first, the import's four
    }

    /// s35-import: the staging counts the credit-note rows it keeps — a file without any posts invoices only, so a
    /// large import of it may defer the open items' index by customer too (`runBatch(…, invoicesOnly:)`).
    @Test func stagingCountsTheCreditNoteRows() throws {
        let header = "date,number,customer,amount,kind\n"
        let invoices = try plan(Data((header + "2026-01-05,A-1,X,10.00,\n2026-01-06,A-2,Y,11.00,invoice\n").utf8))
        #expect(invoices.staging.count == 2 && invoices.staging.creditNoteRows == 0)
        let mixed = try plan(Data((header + "2026-01-05,A-1,X,10.00,\n2026-01-06,A-2,X,1.00,credit_note\n"
                                   + "2026-02-30,A-3,X,1.00,credit_note\n").utf8))
        // The third row is refused by the file check (no such day): not staged, not counted.
        #expect(mixed.staging.count == 2 && mixed.staging.creditNoteRows == 1 && mixed.rejected.map(\.row) == [4])
    }
}
