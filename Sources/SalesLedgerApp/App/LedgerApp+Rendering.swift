import LedgerCore
import TerminalUI

extension LedgerApp {
    public func render(into buffer: inout CellBuffer, context renderContext: RenderContext) -> Point? {
        let size = renderContext.size
        let unicode = renderContext.supportsUnicode
        let s = context.strings
        let area = Rect(size: size)
        // Title bar.
        let title = area.row(0)
        buffer.fill(title, style: Style(.title))
        // The right part (date, badges, start-up work) is whole; the ledger name gives way, shortened in the middle
        // so its start and its end (the distinguishing part, `.sqlite`) stay (tryout s30).
        let prefix = "\(s.appName) — "
        let role = context.showsRole ? " · " + s.roleName(context.service.role) : ""
        let user = "\(s.user): \(context.user)\(role)  "
        var right = "\(s.today): \(context.today)"
            + (context.isClockPinnedByLedger ? s.t(" (pinned)", "（固定日期）") : "")
        var extras = ""
        if let work = startup.label(s) { extras = work + "  " }
        let badge = receivables.remindersDue.map { $0 > 0 ? s.remindersBadge($0) : "" } ?? s.remindersUnknown
        if !badge.isEmpty { extras = "[\(badge)]  " + extras }
        let backupWarning = context.backupWarning
        if backupWarning { extras = "[\(s.noRecentBackup)]  " + extras }
        // A practice ledger's mark comes first, whole, in words (not by colour alone).
        let mark = practiceMark
        let markWidth = mark.isEmpty ? 0 : DisplayWidth.of(mark) + 1
        // The user's name leaves before the ledger's name would shrink below 12 cells (80 columns with badges).
        let withUser = extras + user + right
        let nameWanted = min(12, DisplayWidth.of(context.ledgerName))
        right = size.width - DisplayWidth.of(withUser) - 3 - markWidth >= nameWanted ? withUser : extras + right
        let room = max(0, size.width - DisplayWidth.of(right) - 3 - markWidth)
        let nameRoom = room - DisplayWidth.of(prefix)
        // `~`, not `…`: an ambiguous-width character takes 2 cells on a CJK terminal (the toolkit's ellipsis).
        let left = nameRoom >= 8 ? prefix + TextFitting.truncateMiddle(context.ledgerName, toWidth: nameRoom,
                                                                       ellipsis: TextFitting.defaultEllipsis)
                                 : TextFitting.truncateMiddle(context.ledgerName, toWidth: room,
                                                              ellipsis: TextFitting.defaultEllipsis)
        buffer.setFitted(left, x: 1 + markWidth, y: 0, width: room, style: Style(.title, [.bold]))
        drawPracticeMark(into: &buffer)
        buffer.setString(right, x: max(0, size.width - DisplayWidth.of(right) - 1), y: 0, style: Style(.title))
        var badgeX = max(0, size.width - DisplayWidth.of(right) - 1)
        if backupWarning {
            badgeX += buffer.setString("[\(s.noRecentBackup)]", x: badgeX, y: 0, style: Style(.error, [.bold])) + 2
        }
        if !badge.isEmpty {
            buffer.setString("[\(badge)]", x: badgeX, y: 0, style: Style(.warning, [.bold]))
        }
        // Tabs.
        let names = [s.screenSalesEntry, s.screenCustomers, s.screenReceivables, s.screenCharts, s.screenReports,
                     s.screenProducts, s.screenDocuments, s.screenAudit]
        let keys = names.indices.map { "F\(ScreenID(rawValue: $0)?.functionKey ?? $0 + 3)" }
        ScreenTabs(keys: keys, full: names, short: s.shortScreenNames, selected: active.rawValue)
            .bar(width: size.width).render(into: &buffer, in: area.row(1))
        // Screen body, status line and hint bar.
        let body = LedgerApp.body(of: area)
        context.bodyRows = body.height
        // A read that fails while the screen draws (a page of a long list) counts as the screen's failure too.
        let earlier = context.readFailure
        context.readFailure = nil
        var cursor = currentScreen.render(into: &buffer, in: body, context: context, unicode: unicode)
        let whileDrawing = context.readFailure
        context.readFailure = earlier ?? whileDrawing
        // Issue 9: a screen whose query failed shows why in place of its data (never an empty list or a 0 total).
        let failure = readErrors[active] ?? whileDrawing
        if let failure {
            ReadFailurePanel(screen: names[active.rawValue], text: failure).render(into: &buffer, in: body, s)
            cursor = nil
        }
        if let status, status.text != failure {
            buffer.setFitted(status.text, x: 1, y: size.height - 2, width: size.width - 2,
                             style: Style(status.isError ? .error : .ok, [.bold]))
        }
        HintBar(bindings: keyBindings).render(into: &buffer, in: area.row(size.height - 1))
        if !modals.isEmpty {
            cursor = modals.render(into: &buffer, in: area, context: context, unicode: unicode)
            drawPracticeMark(into: &buffer)   // above any dialog too
        }
        return cursor
    }

    /// `[练习 TRAINING]` on a practice ledger (`AppContext.isPractice`), else "".
    var practiceMark: String { context.isPractice ? "[\(PracticeLedger.badge)]" : "" }

    /// Draws `practiceMark` at the title bar's left end.
    func drawPracticeMark(into buffer: inout CellBuffer) {
        let mark = practiceMark
        guard !mark.isEmpty else { return }
        buffer.setString(mark, x: 1, y: 0, maxWidth: max(0, buffer.size.width - 2),
                         style: Style(.warning, [.bold, .reverse]))
    }
}
