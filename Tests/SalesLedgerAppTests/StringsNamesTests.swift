import Testing
import LedgerCore
@testable import SalesLedgerApp

/// Tryout s33: coded values shown to people (roles, contact channels, fapiao types and statuses, classes) have one
/// name per language, shared by the screens and the CLI.
@Suite struct StringsNamesTests {
    /// The clerk role is 录单员: 业务员 is the salesperson (title bar `clerk1 · 业务员` read as a salesperson).
    @Test func clerkIsNotTheSalespersonWord() {
        let zh = Strings(.zh)
        #expect(zh.roleName(.clerk) == "录单员")
        #expect(zh.roleName(.clerk) != zh.salesperson)
        #expect(Strings(.en).roleName(.clerk) == "clerk")
        #expect(Set(UserRole.allCases.map(zh.roleName)).count == UserRole.allCases.count)
    }

    @Test func fapiaoTypesAndStatusesInWords() {
        #expect(Strings(.zh).fapiaoTypeName(.digitalSpecial) == "数电专票")
        #expect(Strings(.zh).fapiaoTypeName(.special) == "专票")
        #expect(Strings(.en).fapiaoTypeName(.digitalOrdinary) == "digital ordinary")
        #expect(Strings(.zh).fapiaoStatusName(.notInvoiced) == "未开票")
        #expect(Strings(.en).fapiaoStatusName(.notInvoiced) == "not invoiced")
        for type in FapiaoType.allCases { #expect(FapiaoType.named(Strings(.zh).fapiaoTypeName(type)) == type) }
    }

    @Test func contactChannelsAndYesNo() {
        #expect(Strings(.zh).contactChannelName(.phone) == "电话")
        #expect(Strings(.en).contactChannelName(.wechat) == "WeChat")
        #expect(Strings(.zh).yesNo(true) == "是" && Strings(.zh).yesNo(false) == "否")
    }

    /// A channel code by the catalogue, else the class table, else the code; a class by the UI language's name,
    /// the other language's when empty, the code when both are.
    @Test func classAndChannelNames() {
        let city = ClassNode(dimension: "region", code: "CN-34-04", nameEN: "Huainan", nameZH: "淮南市")
        #expect(Strings(.zh).className(city) == "淮南市")
        #expect(Strings(.en).className(city) == "Huainan")
        let zhOnly = ClassNode(dimension: "channel", code: "AGENT", nameEN: "", nameZH: "代理商")
        #expect(Strings(.en).className(zhOnly) == "代理商")
        #expect(Strings(.zh).className(ClassNode(dimension: "region", code: "X1", nameEN: "")) == "X1")
        #expect(Strings(.zh).channelName("DEALER", classes: [:]) == "经销商")
        #expect(Strings(.zh).channelName("AGENT", classes: ["AGENT": zhOnly]) == "代理商")
        #expect(Strings(.en).channelName("UNKNOWN", classes: [:]) == "UNKNOWN")
    }

    /// `import sales` with amount `-`: the message was `第4行「金额」列：amount '-' has no digits`.
    @Test func amountWithoutDigitsInChinese() {
        #expect(Strings(.zh).core("amount '-' has no digits") == "金额 '-' 没有数字")
        #expect(Strings(.zh).core("row 4, column 金额: amount '-' has no digits") == "第4行「金额」列：金额 '-' 没有数字")
    }
}
