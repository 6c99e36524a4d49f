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

    /// `b`: the base currency's code; Enter runs `SetBaseCurrency`, which refuses a change once the ledger has
    /// documents (its amounts and vouchers are in the currency it has); the refusal is shown on the prompt.
    static func currencyPrompt(_ current: Currency, _ s: Strings) -> PromptModal<ProductsScreen> {
        PromptModal(s.t("Base currency (CNY, USD, EUR):", "本位币（CNY、USD、EUR 等）："), text: current.code, width: 6,
                    enterLabel: s.t("Save", "保存")) { typed, context in
            let s = context.strings
            let code = typed.trimmingCharacters(in: .whitespaces).uppercased()
            guard Currency.named(code) != nil else {
                return .report(.error(s.t("Base currency: '\(typed)' is not a currency code (CNY, USD, EUR)",
                                          "本位币：'\(typed)' 不是币种代码（如 CNY、USD、EUR）")))
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
