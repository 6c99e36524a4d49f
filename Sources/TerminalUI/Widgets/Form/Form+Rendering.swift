// MARK: - Drawing

extension Form {
    /// Width of the label column for `width` cells available: the longest label whole while the input keeps 30
    /// cells, at least a third of the width.
    private func labelWidth(for width: Int) -> Int {
        let longest = fields.map { DisplayWidth.of($0.label) }.max() ?? 0
        return min(longest + 2, max(0, width / 3, width - 12 - 30))
    }

    /// Draws the form into `area`: title, one row per field (notes taller) with inline errors,
    /// the error summary, and the discard dialog when open. Returns the cursor position.
    @discardableResult
    public func render(into buffer: inout CellBuffer, in area: Rect, unicode: Bool = true) -> Point? {
        guard !area.isEmpty else { return nil }
        buffer.setString(title, x: area.x, y: area.y, maxWidth: area.width, style: Style(.title))
        let labelColumn = labelWidth(for: area.width)
        let inputWidth = max(1, min(40, area.width - labelColumn - 12))
        let errorX = area.x + labelColumn + inputWidth + 2
        var y = area.y + 2
        var cursor: Point? = nil
        var lookupAnchor: (x: Int, y: Int, field: FormField)? = nil
        // The problems listed under the fields keep rows of their own (up to half the form) when the area is too
        // short for all (tryout s31: at 80×24 "! see below" pointed under the box's bottom edge).
        let summary = summaryLines(width: area.width)
        let fieldRows = fields.reduce(0) { $0 + $1.height }
        let reserve = summary.isEmpty || fieldRows + summary.count + 1 <= area.maxY - y ? 0
            : min(summary.count + 1, max(0, (area.maxY - y) / 2))
        let fieldsMaxY = area.maxY - reserve
        // Taller than the area: scroll so the focused field is visible (leading fields are skipped).
        var first = 0
        if focusIndex < fields.count {
            while first < focusIndex, fields[first...focusIndex].reduce(0, { $0 + $1.height }) > fieldsMaxY - y {
                first += 1
            }
        }
        for (index, field) in fields.enumerated() where index >= first {
            guard y < fieldsMaxY else { break }
            let isFocused = index == focusIndex && discardDialog == nil
            let labelStyle = isFocused ? Style(.accent, .bold) : Style(.text)
            buffer.setFitted(field.label, x: area.x, y: y, width: labelColumn - 1, style: labelStyle)
            let inputStyle = Style(isFocused ? .inputFocused : .input)
            let x = area.x + labelColumn
            switch field.kind {
            case .note(let lines):
                let rect = Rect(x: x, y: y, width: inputWidth, height: min(lines, fieldsMaxY - y))
                let point = field.input.renderLines(into: &buffer, rect: rect, style: inputStyle)
                if isFocused { cursor = point }
            case .choice(let options):
                let marker = unicode ? "◂ \(field.displayText) ▸" : "< \(field.displayText) >"
                buffer.setFitted(options.isEmpty ? "" : marker, x: x, y: y, width: inputWidth, style: inputStyle)
            case .money, .quantity:
                let point = field.input.render(into: &buffer, x: x, y: y, width: inputWidth, style: inputStyle,
                                               alignment: .right)
                if isFocused { cursor = point }
            default:
                let point = field.input.render(into: &buffer, x: x, y: y, width: inputWidth, style: inputStyle)
                if isFocused { cursor = point }
                if isFocused, case .lookup = field.kind { lookupAnchor = (x, y + 1, field) }
            }
            if (hasTriedSubmit || field.isTouched), let issue = field.issue {
                // After the input when it fits there, else moved left over the input's empty end (never over
                // the typed text), so the message is whole at 80 columns (tryout s15: the taxpayer number).
                let text = "! " + issueText(issue.message)
                let typedEnd: Int
                switch field.kind {
                case .money, .quantity: typedEnd = errorX   // right-aligned: the text ends at the input's end
                default: typedEnd = x + DisplayWidth.of(field.input.text) + 2
                }
                let start = max(min(errorX, area.maxX - DisplayWidth.of(text)), min(typedEnd, errorX))
                let low = min(typedEnd, errorX)
                // Too long for the row: a pointer to the list under the fields, itself never cut ("!" alone last).
                let shown = [text, "! " + seeBelow, "!"].first { max(min(errorX, area.maxX - DisplayWidth.of($0)), low)
                    + DisplayWidth.of($0) <= area.maxX } ?? "!"
                let x = max(min(errorX, area.maxX - DisplayWidth.of(shown)), low)
                buffer.setString(shown, x: x, y: y, maxWidth: area.maxX - x, style: Style(.error))
            }
            y += field.height
        }
        y = min(y, fieldsMaxY)
        renderSummary(summary, into: &buffer, in: Rect(x: area.x, y: y + 1, width: area.width,
                                                       height: area.maxY - y - 1))
        if let anchor = lookupAnchor, !anchor.field.input.text.isEmpty {
            let options = anchor.field.suggestions
            for (row, option) in options.enumerated() where anchor.y + row < area.maxY {
                let style = row == anchor.field.suggestionIndex ? Style(.selection) : Style(.dialog)
                buffer.setFitted(option, x: anchor.x, y: anchor.y + row, width: inputWidth, style: style)
            }
        }
        if let discardDialog {
            discardDialog.render(into: &buffer, in: area, unicode: unicode)
            return nil
        }
        return cursor
    }

    private func renderSummary(_ lines: [(text: String, isHeading: Bool)], into buffer: inout CellBuffer,
                               in area: Rect) {
        guard !area.isEmpty else { return }
        for (row, line) in lines.enumerated() where row < area.height {
            buffer.setString(line.text, x: area.x, y: area.y + row, maxWidth: area.width,
                             style: Style(.error, line.isHeading ? .bold : []))
        }
    }

    /// Whether `field`'s inline message is whole on its row in `width` cells (else it is listed under the fields).
    private func inlineFits(_ field: FormField, _ issue: FieldIssue, width: Int) -> Bool {
        let labelColumn = labelWidth(for: width)
        let inputWidth = max(1, min(40, width - labelColumn - 12))
        let errorX = labelColumn + inputWidth + 2
        let text = "! " + issueText(issue.message)
        let typedEnd: Int
        switch field.kind {
        case .money, .quantity: typedEnd = errorX
        default: typedEnd = labelColumn + DisplayWidth.of(field.input.text) + 2
        }
        let start = max(min(errorX, width - DisplayWidth.of(text)), min(typedEnd, errorX))
        return start + DisplayWidth.of(text) <= width
    }

    /// The lines under the fields in `width` cells, each whole (wrapped, the rest indented): after a submit, the
    /// heading and every problem; before, the messages too long for their field's row.
    func summaryLines(width: Int) -> [(text: String, isHeading: Bool)] {
        let issues = visibleIssues
        let listed = hasTriedSubmit ? issues : issues.filter { !inlineFits($0.field, $0.issue, width: width) }
        guard !listed.isEmpty, width > 4 else { return [] }
        var lines: [(text: String, isHeading: Bool)] = []
        if hasTriedSubmit {
            let heading = issues.count == 1 ? problemsHeadings[0]
                : problemsHeadings[1].replacing("%d", with: String(issues.count))
            lines += TextFitting.wrap(heading, toWidth: width).map { ($0, true) }
        }
        for entry in listed {
            let text = "\(entry.field.label): \(issueText(entry.issue.message))"
            let wrapped = TextFitting.wrap(text, toWidth: width - 4)
            lines += wrapped.enumerated().map { ($0.offset == 0 ? "  \($0.element)" : "    \($0.element)", false) }
        }
        return lines
    }

    /// The rows the form needs in `width` cells: title, a blank row, its fields, and the lines under them (a box
    /// grows to this so the problems show under their heading).
    public func preferredHeight(width: Int) -> Int {
        let lines = summaryLines(width: width)
        return 2 + fields.reduce(0) { $0 + $1.height } + (lines.isEmpty ? 0 : 1 + lines.count)
    }
}
