import Foundation
import GRDB
import Testing
import LedgerCore
@testable import LedgerStore

/// s32-fix: a ü in a name is found as input methods type it (`lv`, `nv`), and as `lü` / `lu:`, through the one
/// search index (words, trigram and gram tables, `SearchRanking`), in customers, products and in-memory lists.
@Suite struct PinyinVReadingTests {
    @Test func keysHoldTheVReadingOfEachUmlaut() {
        #expect(SearchKeys.pinyin(for: "绿洲") == ("luzhou|lvzhou", "lz"))
        #expect(SearchKeys.pinyin(for: "女装").full == "nuzhuang|nvzhuang")
        #expect(SearchKeys.pinyin(for: "北京星河") == ("beijingxinghe", "bjxh"))   // no ü: unchanged
        #expect(SearchKeys.pinyin(for: "略阳").full == "lueyang|lveyang")
        #expect(SearchKeys.typedForm("lüzhou") == "lvzhou")
        #expect(SearchKeys.typedForm("LU:ZHOU") == "LVZHOU")
        #expect(SearchKeys.typedForm("nu:") == "nv")
        #expect(SearchKeys.typedForm("CU:1") == "CU:1")   // `u:` only after l or n
        #expect(SearchKeys.typedForm("lvzhou") == "lvzhou")
    }

    @Test func customerSearchFindsLvByEveryTierAndEqualsTheScan() throws {
        let ledger = try TestLedger()
        try ledger.customer("K1", "绿洲贸易")
        try ledger.customer("K2", "陆洲物流")   // lùzhōu: a real `lu`, no v reading
        try ledger.customer("K3", "女装商行")
        try ledger.customer("LV9", "Lvmh Store")
        let asOf = date("2026-11-29")
        func codes(_ text: String) throws -> [String] {
            try ledger.store.customers(search: text, asOf: asOf, page: PageRequest()).map(\.code)
        }
        #expect(try codes("lvzhou") == ["K1"])
        #expect(try codes("lüzhou") == ["K1"])
        #expect(try codes("lu:zhou") == ["K1"])
        #expect(try codes("LVZHOU") == ["K1"])
        #expect(try codes("luzhou") == ["K1", "K2"])
        #expect(try codes("lv") == ["LV9", "K1"])   // code prefix, then the name's pinyin prefix
        #expect(try codes("vzh") == ["K1", "K3"])   // substring (trigram index): lvzhou, nvzhuang
        #expect(try codes("nvzhuang") == ["K3"])
        #expect(try codes("nü") == ["K3"])
        #expect(try codes("lz") == ["K1", "K2"])
        for text in ["lvzhou", "lüzhou", "lu:zhou", "lv", "vzh", "nv", "nü", "luzhou"] {
            #expect(try codes(text) == CustomerSearchTierTests.scanCodes(ledger.store, text), "search \(text)")
            #expect(try ledger.store.customerListCount(filter: ClassFilter(search: text), atMost: 100)
                        == codes(text).count, "count \(text)")
        }
    }

    @Test func productsAndInMemoryListsFindLv() throws {
        let ledger = try TestLedger()
        try ledger.service.run(CreateProduct(sku: "P1", name: "绿茶", category: "饮料",
                                             unitPrice: try MoneyParser.parse("10.00", currency: .cny),
                                             taxRate: Rate(basisPoints: 1300)))
        #expect(try ledger.store.products(search: "lvcha", page: PageRequest()).map(\.sku) == ["P1"])
        #expect(try ledger.store.products(search: "lücha", page: PageRequest()).map(\.sku) == ["P1"])
        #expect(SearchMatch.rank("lvzhou", code: "K1", name: "绿洲") == 2)
        #expect(SearchMatch.rank("lu:z", code: "K1", name: "绿洲") == 2)
        #expect(SearchMatch.rank("lvzhou", code: "K2", name: "陆洲") == nil)
    }

    @Test func migrationGivesExistingKeysTheVReading() throws {
        let ledger = try TestLedger()
        try ledger.customer("K1", "绿洲贸易")
        try ledger.customer("K2", "北京星河")
        // As a ledger written before s32 stored it: no v reading.
        try ledger.store.writer.write { db in
            try db.execute(sql: "UPDATE customer SET pinyin = 'luzhoumaoyi' WHERE code = 'K1'")
        }
        let asOf = date("2026-11-29")
        #expect(try ledger.store.customers(search: "lvzhou", asOf: asOf, page: PageRequest()).isEmpty)
        let changed = try ledger.store.writer.write { db in try SearchVReadingSchema.refresh(db) }
        #expect(changed == 1)
        #expect(try ledger.store.customers(search: "lvzhou", asOf: asOf, page: PageRequest()).map(\.code) == ["K1"])
    }
}
