import LedgerCore
import LedgerInterop
import TerminalUI

/// F8's ledger settings panel (账套设置): the company name, the base currency and the default tax rate, as
/// `salesledger setup` prints them. `t` (or Enter) changes the default tax rate through the CLI's command,
/// `SetDefaultTaxRate` (manager or admin, audited); the rate is read as the CLI reads it (13, 13% or 0.13). `c`
/// changes the company name (`SetCompanyName`, as `setup --company-name`) and `b` the base currency (`SetBaseCurrency`,
/// as `rate base`) while the ledger has no documents (s35-fix: both were the first-run wizard's only).
struct LedgerSettingsPanel {
    var company = ""
    var currency = Currency.cny
    /// Whether the ledger has invoices, credit notes or receipts (the base currency is then fixed); nil: unknown.
    var hasDocuments: Bool?
    /// The default tax rate and whether it is set (0 % while unset); nil when it could not be read.
    var taxRate: (rate: Rate, isSet: Bool)?

    mutating func refresh(context: AppContext) {
        company = context.read { [try context.store.ledgerSetting(LedgerSettings.companyKey)] }?[0] ?? ""
        currency = context.baseCurrency
        taxRate = context.defaultTaxRate
        hasDocuments = context.read { try context.store.summary() }
            .map { $0.invoices + $0.creditNotes + $0.receipts > 0 }
    }

    /// The default tax rate as shown: `13%`, `0% (not set)`.
    func rateText(_ s: Strings) -> String {
        guard let taxRate else { return "?" }
        return taxRate.rate.description + (taxRate.isSet ? "" : s.t(" (not set)", "（未设置）"))
    }

    /// The prompt `t` opens: the current rate prefilled (typing replaces it); Enter runs `SetDefaultTaxRate`.
    static func prompt(_ current: Rate?, _ s: Strings) -> PromptModal<ProductsScreen> {
        let text = current.map { ProductForm.percent($0) } ?? ""
        return PromptModal(s.t("Default tax rate (13, 13% or 0.13):", "默认税率（13、13% 或 0.13）："), text: text,
                           width: 10, enterLabel: s.t("Save", "保存")) { typed, context in
            let s = context.strings
            let rate: Rate
            switch SalesImport.checkedTaxRate(typed) {
            case .success(let found): rate = found
            case .failure:
                // Short enough for the status line at 80 columns; the prompt above shows the forms it reads.
                return .report(.error(s.t("Default tax rate: '\(typed)' is not a rate from 0 to 100%",
                                          "默认税率：'\(typed)' 不是 0 到 100% 的税率")))
            }
            do throws(LedgerError) {
                let saved = try context.run(SetDefaultTaxRate(rate: rate))
                return .close { screen, context in
                    screen.settings.refresh(context: context)
                    return .message(s.t("Default tax rate: \(saved) (new products, free lines and imported sales "
                                        + "without a rate take it)", "默认税率：\(saved)（新商品、自由行和无税率的导入销售采用）"))
                }
            } catch {
                return .report(.error(s.core(error.issuesText)))
            }
        }
    }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext) {
        let s = context.strings
        let rows: [(String, String, String)] = [
            (s.t("Company name", "公司名称"), company.isEmpty ? s.t("(not set)", "（未设置）") : company,
             s.t("c: change.", "按 c 修改。")),
            (s.t("Base currency", "本位币"), currency.code,
             hasDocuments == false ? s.t("b: change (only while the ledger has no documents).",
                                         "按 b 修改（仅在账套尚无单据时）。")
                                   : s.t("Fixed: the ledger has documents.", "账套已有单据，不能修改。")),
            (s.t("Default tax rate", "默认税率"), rateText(s),
             s.t("t: change. New products, free lines and imported sales without a rate take it.",
                 "按 t 修改。新商品、自由行和无税率的导入销售采用此税率。")),
        ]
        let labelWidth = rows.map { DisplayWidth.of($0.0) }.max() ?? 0
        var y = area.y + 1
        for (label, value, note) in rows where y < area.maxY {
            let x = area.x + 1
            buffer.setFitted(label, x: x, y: y, width: labelWidth, style: Style(.muted))
            let vx = x + labelWidth + 2
            buffer.setString(value, x: vx, y: y, maxWidth: max(0, area.maxX - vx - 1),
                                        style: Style(.text, [.bold]))
            y += 1
            if !note.isEmpty {
                for line in TextFitting.wrap(note, toWidth: max(1, area.maxX - vx - 1)) where y < area.maxY {
                    buffer.setString(line, x: vx, y: y, maxWidth: max(0, area.maxX - vx - 1), style: Style(.muted))
                    y += 1
                }
            }
        }
    }
}
