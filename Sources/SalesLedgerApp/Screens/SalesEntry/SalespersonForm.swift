import LedgerCore
import TerminalUI

/// The salesperson form (业务员) that ^R opens over a sale whose salesperson field holds an unknown code or name
/// (tryout s33: a real ledger had no way to add one, F3 said `unknown salesperson code 张三`). Saving runs
/// `CreateSalesperson` (validated, audited); the CLI has `salesperson add|list|edit`.
struct SalespersonForm {
    var form: Form

    init(context: AppContext) {
        let s = context.strings
        form = Form(title: s.t("New salesperson", "新增业务员"), fields: [
            FormField(id: "code", label: s.code, validators: [.required(s.t("required", "必填"))]),
            FormField(id: "name", label: s.t("Name", "姓名"), validators: [.required(s.t("required", "必填"))]),
            FormField(id: "region", label: s.region),
        ])
        s.localize(&form)
    }

    /// Runs `CreateSalesperson` with the form's text. Throws the command's field issues.
    func save(context: AppContext) throws(LedgerError) -> Salesperson {
        func text(_ id: String) -> String { form.fields.first { $0.id == id }?.input.text ?? "" }
        return try context.run(CreateSalesperson(code: text("code"), name: text("name"), region: text("region")))
    }
}
