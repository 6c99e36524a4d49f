import LedgerCore

/// Names for people of the ledger's coded values, shared by the screens and the CLI's tables (tryout s33: the CLI
/// showed `phone`, `digital_special`, `not_invoiced`, `yes`). CSV and JSON keep the codes.
extension Strings {
    /// A contact channel: 电话 / Phone, 微信 / WeChat …
    public func contactChannelName(_ channel: ContactChannel) -> String {
        switch channel {
        case .phone: return t("Phone", "电话")
        case .email: return t("E-mail", "邮件")
        case .visit: return t("Visit", "拜访")
        case .wechat: return t("WeChat", "微信")
        case .letter: return t("Letter", "信函")
        case .other: return t("Other", "其他")
        }
    }

    /// A fapiao type: 数电专票 / digital special …
    public func fapiaoTypeName(_ type: FapiaoType) -> String { zh ? type.chineseName : type.english }

    /// A sale's fapiao status: 未开票 / not invoiced …
    public func fapiaoStatusName(_ status: FapiaoStatus) -> String { zh ? status.chinese : status.english }

    /// 是 / 否, yes / no.
    public func yesNo(_ value: Bool) -> String { value ? t("yes", "是") : t("no", "否") }

    /// A class (region 淮南市 / Huainan, channel 经销商 …) in the UI language, the other language's name when this
    /// one is empty.
    public func className(_ node: ClassNode) -> String {
        let zhName = node.nameZH.isEmpty ? node.nameEN : node.nameZH
        let enName = node.nameEN.isEmpty ? node.nameZH : node.nameEN
        let name = zh ? zhName : enName
        return name.isEmpty ? node.code : name
    }

    /// A sales channel by code: the catalogue's name (`DEALER` → 经销商 / Dealer), else the channel class table's
    /// (`classes`: code → node), else the code.
    public func channelName(_ code: String, classes: [String: ClassNode]) -> String {
        let known = channelName(code)
        return known != code ? known : classes[code].map(className) ?? code
    }
}
