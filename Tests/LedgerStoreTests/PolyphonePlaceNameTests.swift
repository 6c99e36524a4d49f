import Foundation
import GRDB
import Testing
import LedgerCore
@testable import LedgerStore

/// s32-fixc (tryout): 都 was indexed only as `dou`, so `chengdu` found nothing and `chengdou` found 成都. 都 and
/// some county names' characters get both readings; existing ledgers are re-keyed by a migration.
@Suite struct PolyphonePlaceNameTests {
    @Test func placeNamesHoldEveryCommonReading() {
        #expect(SearchKeys.pinyin(for: "成都").full.split(separator: "|").contains("chengdu"))
        #expect(SearchKeys.pinyin(for: "成都").full.split(separator: "|").contains("chengdou"))
        #expect(SearchKeys.pinyin(for: "长沙").full.split(separator: "|").contains("changsha"))
        #expect(SearchKeys.pinyin(for: "重庆").full.split(separator: "|").contains("chongqing"))
        #expect(SearchKeys.pinyin(for: "厦门").full.split(separator: "|").contains("xiamen"))
        #expect(SearchKeys.pinyin(for: "六安").full.split(separator: "|").contains("luan"))
        #expect(SearchKeys.pinyin(for: "蚌埠").full.split(separator: "|").contains("bengbu"))
        #expect(SearchKeys.pinyin(for: "番禺").full.split(separator: "|").contains("panyu"))
        #expect(SearchKeys.pinyin(for: "蔚县").full.split(separator: "|").contains("yuxian"))
        #expect(SearchKeys.pinyin(for: "铅山").full.split(separator: "|").contains("yanshan"))
        #expect(SearchKeys.pinyin(for: "洪洞").full.split(separator: "|").contains("hongtong"))
        #expect(SearchKeys.pinyin(for: "歙县").full.split(separator: "|").contains("shexian"))
        #expect(SearchKeys.pinyin(for: "莘县").full.split(separator: "|").contains("shenxian"))
        #expect(SearchKeys.pinyin(for: "浚县").full.split(separator: "|").contains("xunxian"))
        #expect(SearchKeys.pinyin(for: "涡阳").full.split(separator: "|").contains("guoyang"))
        // Readings stop at 8 per name.
        #expect(SearchKeys.pinyin(for: "成都重庆长沙厦门").full.split(separator: "|").count == SearchKeys.maxReadings)
    }

    @Test func customerSearchFindsChengduAndEqualsTheScan() throws {
        let ledger = try TestLedger()
        try ledger.customer("K1", "成都天府商贸")
        try ledger.customer("K2", "首都物流")
        try ledger.customer("K3", "北京星河")
        let asOf = date("2026-11-29")
        func codes(_ text: String) throws -> [String] {
            try ledger.store.customers(search: text, asOf: asOf, page: PageRequest()).map(\.code)
        }
        #expect(try codes("chengdu") == ["K1"])
        #expect(try codes("chengdou") == ["K1"])
        #expect(try codes("shoudu") == ["K2"])
        #expect(try codes("cdtf") == ["K1"])
        for text in ["chengdu", "chengdou", "shoudu", "du", "cd"] {
            #expect(try codes(text) == CustomerSearchTierTests.scanCodes(ledger.store, text), "search \(text)")
        }
    }

    @Test func migrationGivesExistingKeysTheDuReading() throws {
        let ledger = try TestLedger()
        try ledger.customer("K1", "成都天府商贸")
        try ledger.customer("K2", "北京星河")
        try ledger.service.run(CreateProduct(sku: "P1", name: "都市牛仔", category: "服装",
                                             unitPrice: try MoneyParser.parse("10.00", currency: .cny),
                                             taxRate: Rate(basisPoints: 1300)))
        // As a ledger written before s32-fixc stored them: dou only.
        try ledger.store.writer.write { db in
            try db.execute(sql: """
                UPDATE customer SET pinyin = 'chengdoutianfushangmao', pinyin_initials = 'cdtfsm' WHERE code = 'K1'
                """)
            try db.execute(sql: "UPDATE product SET pinyin = 'doushiniuzai', pinyin_initials = 'dsnz' WHERE sku = 'P1'")
        }
        let asOf = date("2026-11-29")
        #expect(try ledger.store.customers(search: "chengdu", asOf: asOf, page: PageRequest()).isEmpty)
        #expect(try ledger.store.products(search: "dushi", page: PageRequest()).isEmpty)
        let changed = try ledger.store.writer.write { db in try SearchPolyphoneSchema.refresh(db) }
        #expect(changed == 2)
        #expect(try ledger.store.customers(search: "chengdu", asOf: asOf, page: PageRequest()).map(\.code) == ["K1"])
        #expect(try ledger.store.products(search: "dushi", page: PageRequest()).map(\.sku) == ["P1"])
        // Run again: nothing left to change.
        #expect(try ledger.store.writer.write { db in try SearchPolyphoneSchema.refresh(db) } == 0)
    }
}
