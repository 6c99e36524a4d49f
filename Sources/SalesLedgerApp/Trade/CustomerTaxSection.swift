import LedgerCore
import TerminalUI

/// The fapiao section of the customer form (开票信息): 纳税人识别号 (checked as typed, GB 32100-2015 check
/// character), 开票抬头, 地址电话, 开户行及账号, 不开票. Saved with the customer in one transaction.
enum CustomerTaxSection {
    static func fields(customerCode: String?, context: AppContext) -> [FormField] {
        let s = context.strings
        let d = customerCode.flatMap { code in context.read { try context.store.taxDetails(customerCode: code) } }
            ?? CustomerTaxDetails()
        return [
            FormField(id: "taxID", label: s.t("Taxpayer no.", "纳税人识别号"), text: d.taxID, validators: [taxIDRule(s)]),
            FormField(id: "invoiceTitle", label: s.t("Invoice title", "开票抬头"), text: d.invoiceTitle,
                      validators: [.maxLength(100)]),
            FormField(id: "addressPhone", label: s.t("Address, phone", "地址电话"), text: d.addressPhone,
                      validators: [.maxLength(100)]),
            FormField(id: "bank", label: s.t("Bank, account", "开户行及账号"), text: d.bankAccount,
                      validators: [.maxLength(100)]),
            .choice(id: "noFapiao", label: s.t("Fapiao", "开票"),
                    options: [s.t("issue fapiao", "开票"), s.t("no fapiao", "不开票")],
                    selected: d.noFapiao ? 1 : 0),
        ]
    }

    static func taxIDRule(_ s: Strings) -> Validator {
        Validator("taxID") { text, _ in
            let raw = text.filter { $0 != " " }
            if raw.isEmpty { return nil }
            do { _ = try TaxpayerID(parsing: raw); return nil } catch let problem as TaxpayerIDProblem {
                return TerminalUI.FieldIssue(s.t(problem.short.english, problem.short.chinese))
            } catch { return TerminalUI.FieldIssue(String(describing: error)) }
        }
    }

    /// The section's values as details.
    static func details(_ form: Form) -> CustomerTaxDetails {
        func text(_ id: String) -> String { form.fields.first { $0.id == id }?.input.text ?? "" }
        let noFapiao = form.fields.first { $0.id == "noFapiao" }?.choiceIndex == 1
        return CustomerTaxDetails(taxID: text("taxID"), invoiceTitle: text("invoiceTitle"),
                                  addressPhone: text("addressPhone"),
                                  bankAccount: text("bank"), noFapiao: noFapiao)
    }
}

extension AppContext {
    /// Runs several commands in one transaction (all or nothing) and marks data as changed on success.
    @discardableResult
    public func runBatch<T>(_ body: (LedgerService.BatchRunner) throws -> T) throws(LedgerError) -> T {
        let outcome = try service.runBatch(body)
        dataChanged()
        return outcome
    }
}
