import Foundation
import LedgerCore
import TerminalUI

/// The settings panel's prompts for the company name (`c`) and the base currency (`b`), through the CLI's commands
/// (`SetCompanyName`, `SetBaseCurrency`: manager or admin, audited).
extension LedgerSettingsPanel {
    /// `c`: the company name prefilled; Enter runs `SetCompanyName`.
    static func companyPrompt(_ current: String, _ s: Strings) -> PromptModal<ProductsScreen> {
        PromptModal(s.t("Company name:", "公司名称："), text: current, width: 40,
                    enterLabel: s.t("Save", "保存")) { typed, context in
            let s = context.strings
            do throws(LedgerError) {
                let saved = try context.run(SetCompanyName(companyName: typed))
                return .close { screen, context in
                    screen.settings.refresh(context: context)
                    return .message(s.t("Company name: \(saved)", "公司名称：\(saved)"))
                }
            } catch {
                return .report(.error(s.core(error.issuesText)))
            }
        }
    }

    /// `b`: the base currency's code; Enter runs `SetBaseCurrency` while the ledger has no documents (refused on
    /// the prompt otherwise: its amounts and vouchers are in the currency it has).
    static func currencyPrompt(_ current: Currency, _ s: Strings) -> PromptModal<ProductsScreen> {
        PromptModal(s.t("Base currency (CNY, USD, EUR):", "本位币（CNY、USD、EUR 等）："), text: current.code, width: 6,
                    enterLabel: s.t("Save", "保存")) { typed, context in
            let s = context.strings
            let code = typed.trimmingCharacters(in: .whitespaces).uppercased()
            guard Currency.named(code) != nil else {
                return .report(.error(s.t("Base currency: '\(typed)' is not a currency code (CNY, USD, EUR)",
                                          "本位币：'\(typed)' 不是币种代码（如 CNY、USD、EUR）")))
            }
            let empty = context.read { try context.store.summary() }
                .map { $0.invoices + $0.creditNotes + $0.receipts == 0 }
            guard empty == true else {
                return .report(.error(s.t("Base currency: fixed once the ledger has documents",
                                          "本位币：账套已有单据，不能修改")))
            }
            do throws(LedgerError) {
                let saved = try context.run(SetBaseCurrency(currencyCode: code))
                return .close { screen, context in
                    screen.settings.refresh(context: context)
                    return .message(s.t("Base currency: \(saved.code)", "本位币：\(saved.code)"))
                }
            } catch {
                return .report(.error(s.core(error.issuesText)))
            }
        }
    }
}
