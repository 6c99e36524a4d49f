import LedgerInterop
import SalesLedgerApp
import Testing

/// The voucher account map file (TOML): preset, overrides, errors naming the key.
@Suite struct AccountMapFileTests {
    @Test func presetThenOverrides() throws {
        let text = """
            standard = "sbas"
            dotted = false
            advances_separate = true
            [accounts]
            bad_debt = "6711"
            exchange_difference = "5603.02"
            [revenue_by_category]
            "饮料" = "5001.01"
            [revenue_by_channel]
            online = "5001.02"
            [receipt_methods]
            wechat_pay = "1012.02"
            [names]
            "5001.01" = "主营业务收入-饮料"
            [settlement_names]
            wechat_pay = "WX"
            """
        let map = try AccountMap.parse(text, file: "map.toml", standard: .cas)
        #expect(map.standard == .sbas && map.revenue == "5001" && map.badDebt == "6711" && map.receivable == "1122")
        #expect(map.revenueAccount(category: "饮料", channel: "online") == "5001.01")
        #expect(map.revenueAccount(category: "", channel: "online") == "5001.02")
        #expect(map.receiptAccount(method: "wechat_pay") == "1012.02" && map.receiptAccount(method: "cash") == "1001")
        #expect(map.name(of: "5001.01") == "主营业务收入-饮料" && map.dotted == false && map.advancesSeparate)
        #expect(AccountMap.preset(.cas).badDebt == "1231" && AccountMap.preset(.cas).revenue == "6001")
        #expect(map.settlementName("wechat_pay") == "WX" && map.settlementName("cash") == "现金")
        #expect(map.exchangeDifference == "5603.02" && AccountMap.preset(.cas).exchangeDifference == "6603"
                && AccountMap.preset(.sbas).exchangeDifference == "5603")
    }

    @Test func errorsNameTheKey() {
        func message(_ text: String) -> String {
            do { _ = try AccountMap.parse(text, file: "m.toml", standard: .cas); return "" } catch { return "\(error)" }
        }
        #expect(message("[accounts]\nrevenu = \"1\"").hasPrefix("m.toml: accounts.revenu: unknown account"))
        #expect(message("standard = \"ifrs\"") == "m.toml: standard: must be \"cas\" or \"sbas\"")
        #expect(message("[receipt_methods]\ncash = 1001") == "m.toml: receipt_methods.cash: must be an account code in quotes")
        #expect(message("colour = 1") == "m.toml: colour: unknown key")
    }
}
