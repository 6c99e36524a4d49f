import LedgerCore
import TerminalUI

/// The salesperson form (业务员): adds one (`CreateSalesperson`) — from ^R over a sale whose salesperson field holds
/// an unknown code or name (tryout s33), or `a` on F8's salespeople panel — or edits one's name and region
/// (`UpdateSalesperson`; the code stays: documents and commission rules refer to it), the CLI's
/// `salesperson add|edit`. Both commands are validated and audited; their field issues are shown translated.
struct SalespersonForm: EntryForm {
    var form: Form
    /// The code of the salesperson edited; nil when adding.
    let editingCode: String?

    init(editing person: Salesperson? = nil, context: AppContext) {
        let s = context.strings
        editingCode = person?.code
        var fields = [FormField]()
        if person == nil {
            fields.append(FormField(id: "code", label: s.code, validators: [.required(s.t("required", "必填"))]))
        }
        fields += [
            FormField(id: "name", label: s.t("Name", "姓名"), text: person?.name ?? "",
                      validators: [.required(s.t("required", "必填"))]),
            FormField(id: "region", label: s.region, text: person?.region ?? ""),
        ]
        let title = person.map { s.t("Edit salesperson \($0.code)", "编辑业务员 \($0.code)") }
            ?? s.t("New salesperson", "新增业务员")
        form = Form(title: title, fields: fields)
        s.localize(&form)
    }

    func text(_ id: String) -> String { form.fields.first { $0.id == id }?.input.text ?? "" }

    /// Runs `CreateSalesperson` (adding) or `UpdateSalesperson` (editing) with the form's text. Throws the command's
    /// field issues (`code`, `name`, `region`).
    func save(context: AppContext) throws(LedgerError) -> Salesperson {
        if let editingCode {
            return try context.run(UpdateSalesperson(code: editingCode, name: text("name"), region: text("region")))
        }
        return try context.run(CreateSalesperson(code: text("code"), name: text("name"), region: text("region")))
    }

    /// As an entry form (F8's salespeople panel): saved, the message names the code and name.
    mutating func handle(_ event: Event, context: AppContext) -> EntryResult {
        switch form.handle(event) {
        case .none: return .open
        case .cancelled: return .cancelled
        case .submitted:
            let s = context.strings
            do {
                let saved = try save(context: context)
                form.markSaved()
                let done = editingCode == nil ? s.t("Salesperson added", "已新增业务员") : s.t("Saved", "已保存")
                return .saved("\(done): \(saved.code) \(saved.name)")
            } catch {
                return .failed(s.core(error.issuesText))
            }
        }
    }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point? {
        renderFormBox(form, into: &buffer, in: area, height: 9, unicode: unicode)
    }
}
