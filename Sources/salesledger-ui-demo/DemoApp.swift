import TerminalUI

/// The toolkit demo: a form (F2), a 100,000-row table (F3) and every chart type (F4).
struct DemoApp: TerminalApplication {
    enum Screen: Int { case form, table, charts }

    var screen = Screen.form
    var form = DemoApp.makeForm()
    var tableState = TableState()
    var source = DemoTableSource()
    let table = TableView(columns: [TableColumn("Code", width: .fixed(7)),
                                    TableColumn("Customer 客户", width: .flexible(weight: 3, minimum: 12)),
                                    TableColumn("Region", width: .fixed(6)),
                                    TableColumn("Balance 余额", width: .fixed(14), alignment: .right)])
    var dialog: Dialog?
    var isShowingHelp = false
    var lastTableHeight = 20
    /// Set when the loop ends by signal or end of input (the app would roll back here).
    var terminationNote: String?

    var minimumSize: Size { Size(width: 80, height: 24) }

    static func makeForm() -> Form {
        let customers = DemoTableSource.companies
        return Form(title: "New invoice 新建应收单", fields: [
            FormField(id: "customer", label: "Customer 客户", kind: .lookup(suggest: { text in
                text.isEmpty ? [] : customers.filter { $0.localizedLowercase.contains(text.lowercased()) }
            }), validators: [.required(), .maxLength(40)]),
            FormField(id: "amount", label: "Amount 金额", kind: .money, parse: DemoFormat.parseMoney,
                      validators: [.required(), .positive()]),
            FormField(id: "date", label: "Date 日期", kind: .date, text: "2025-01-31", parse: DemoFormat.parseDate,
                      validators: [.required()]),
            .choice(id: "terms", label: "Terms 收款条件", options: ["Net 30", "Net 60", "月结 EOM", "Cash"]),
            FormField(id: "note", label: "Note 备注", kind: .note(lines: 3)),
        ])
    }

    // MARK: - Events

    mutating func handle(_ event: Event) -> EventOutcome {
        if case .key(.ctrl("c")) = event { return .quit(exitCode: 130) }
        if case .resize = event { return .continue }
        if isShowingHelp {
            if case .key = event { isShowingHelp = false }
            return .continue
        }
        if var open = dialog {
            if open.handle(event) != .open { dialog = nil } else { dialog = open }
            return .continue
        }
        if case .key(let key) = event {
            switch key {
            case .function(10): return .quit(exitCode: 0)
            case .function(1): isShowingHelp = true; return .continue
            case .function(2): screen = .form; return .continue
            case .function(3): screen = .table; return .continue
            case .function(4): screen = .charts; return .continue
            default: break
            }
            if screen != .form {
                switch key {
                case .char("q") where !tableState.isEditingFilter: return .quit(exitCode: 0)
                case .char("?") where !tableState.isEditingFilter: isShowingHelp = true; return .continue
                case .tab where screen != .form: screen = screen == .table ? .charts : .form; return .continue
                case .backTab where screen != .form: screen = screen == .table ? .form : .table; return .continue
                default: break
                }
            }
        }
        switch screen {
        case .form: handleForm(event)
        case .table: handleTable(event)
        case .charts: break
        }
        return .continue
    }

    private mutating func handleForm(_ event: Event) {
        switch form.handle(event) {
        case .submitted(let values):
            let amount: String
            if case .integer(let minor)? = values["amount"] { amount = DemoFormat.money(minor) } else { amount = "?" }
            dialog = Dialog(title: "Saved", message: "Invoice for \(form.fields[0].input.text): \(amount)",
                            kind: .message)
            form = Self.makeForm()
        case .cancelled:
            form = Self.makeForm()
        case .none:
            break
        }
    }

    private mutating func handleTable(_ event: Event) {
        let visible = table.visibleRowCount(height: lastTableHeight, state: tableState)
        switch table.handle(event, state: &tableState, rowCount: source.rowCount, pageSize: visible) {
        case .filterChanged, .sortChanged:
            source.update(filter: tableState.filter.text, sortColumn: tableState.sortColumn,
                          ascending: tableState.isSortAscending)
            tableState.selectedRow = 0
            tableState.topRow = 0
        case .activated(let row):
            let cells = source.rows(in: row..<row + 1).first ?? []
            dialog = Dialog(title: "Customer", message: cells.joined(separator: "  "), kind: .message)
        default:
            break
        }
    }

    mutating func willTerminate(_ reason: TerminationReason) {
        terminationNote = "stopped: \(reason)"
    }

    // MARK: - Keys

    var keyBindings: [KeyBinding] {
        if let dialog { return dialog.keyBindings }
        var screenKeys: [KeyBinding]
        switch screen {
        case .form: screenKeys = form.keyBindings
        case .table: screenKeys = table.keyBindings(state: tableState)
        case .charts: screenKeys = [KeyBinding([.tab, .backTab], "Screens")]
        }
        let quit = screen == .form ? KeyBinding([.function(10), .ctrl("c")],
                                                "Quit") : KeyBinding([.char("q"), .function(10)], "Quit")
        return screenKeys + [KeyBinding(.function(1), "Help"), quit]
    }

    var helpBindings: [KeyBinding] {
        [KeyBinding([.function(2), .function(3), .function(4)], "Screens", help: "Form / Table / Charts"),
         KeyBinding(.function(1), "Help", help: "This help (also ? outside the form)"),
         KeyBinding([.function(10), .ctrl("c")], "Quit", help: "Quit (q outside the form)")] + keyBindings.dropLast(2)
    }
}
