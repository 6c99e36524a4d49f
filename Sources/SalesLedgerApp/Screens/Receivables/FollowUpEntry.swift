import LedgerCore
import TerminalUI

/// Follow-up actions on a reminder (跟进): log a contact (channel, note, promised payment date) or snooze
/// reminders of an invoice until a date. Submitting runs LogContact / SnoozeReminders (audited).
struct FollowUpEntry: EntryForm {
    enum Kind { case contact, snooze }
    var form: Form
    let kind: Kind
    let item: FollowUpTarget
    static let channels: [ContactChannel] = [.phone, .email, .visit, .wechat, .letter, .other]

    init(kind: Kind, item: ReminderItem, context: AppContext) {
        self.init(kind: kind, target: FollowUpTarget(customerCode: item.customerCode, customerName: item.customerName,
                                                     invoiceNumber: item.invoiceNumber), context: context)
    }

    /// On any list that has a customer and an invoice (reminders, overdue invoices, customer detail).
    init(kind: Kind, target: FollowUpTarget, context: AppContext) {
        self.kind = kind
        self.item = target
        let s = context.strings
        let today = context.today
        switch kind {
        case .contact:
            form = Form(title: "\(s.logContact): \(item.customerName) \(item.invoiceNumber)", fields: [
                .choice(id: "channel", label: s.contactChannel,
                        options: FollowUpEntry.channels.map { FollowUpEntry.name($0, s) }),
                FormField(id: "note", label: s.notes, validators: [.required(s.t("required", "必填"))]),
                FormField(id: "promised", label: s.promisedDate, kind: .date, parse: FieldParsers.date(today)),
            ])
        case .snooze:
            form = Form(title: "\(s.snooze): \(item.customerName) \(item.invoiceNumber)", fields: [
                FormField(id: "until", label: s.snoozeUntil, kind: .date, text: today.adding(days: 7).description,
                          parse: FieldParsers.date(today), validators: [.required(s.t("required", "必填"))]),
                FormField(id: "reason", label: s.reasonPrompt, validators: [.required(s.t("required", "必填"))]),
            ])
        }
        s.localize(&form)
    }

    static func name(_ channel: ContactChannel, _ s: Strings) -> String { s.contactChannelName(channel) }

    mutating func handle(_ event: Event, context: AppContext) -> EntryResult {
        switch form.handle(event) {
        case .none: return .open
        case .cancelled: return .cancelled
        case .submitted(let values):
            func text(_ id: String) -> String { form.fields.first { $0.id == id }?.input.text ?? "" }
            func date(_ id: String) -> CivilDate? {
                if case .date(let y, let m, let d)? = values[id] { return CivilDate(year: y, month: m, day: d) }
                return nil
            }
            do {
                switch kind {
                case .contact:
                    var channel = ContactChannel.phone
                    if case .choice(let i)? = values["channel"], FollowUpEntry.channels.indices.contains(i) {
                        channel = FollowUpEntry.channels[i]
                    }
                    try context.run(LogContact(customerCode: item.customerCode, invoiceNumber: item.invoiceNumber,
                                               date: context.today, who: context.user, channel: channel,
                                               note: text("note"), promisedDate: date("promised")))
                    return .saved(context.strings.t("Contact logged", "已记录跟进"))
                case .snooze:
                    guard let until = date("until") else { return .open }
                    try context.run(SnoozeReminders(customerCode: item.customerCode, invoiceNumber: item.invoiceNumber,
                                                    until: until, reason: text("reason")))
                    return .saved(context.strings.t("Snoozed until \(until)", "已暂停提醒至 \(until)"))
                }
            } catch {
                return .failed(error.description)
            }
        }
    }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point? {
        renderFormBox(form, into: &buffer, in: area, width: 66, height: 10, unicode: unicode)
    }
}

/// The invoice a follow-up is about: its customer and number.
struct FollowUpTarget: Equatable {
    var customerCode: String
    var customerName: String
    var invoiceNumber: String
}
