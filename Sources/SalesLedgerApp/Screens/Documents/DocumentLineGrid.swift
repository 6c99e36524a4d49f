import LedgerCore
import TerminalUI

/// The lines of a document as text rows for `DocumentView`: each figure column as wide as its widest figure (a
/// figure is never cut, issue 12); the description is as wide as the longest one and narrows first, then the
/// discount and tax-rate columns are left out (least important first) until the grid fits `width` cells.
struct DocumentLineGrid {
    private(set) var header = ""
    private(set) var rows: [String] = []

    init(lines: [InvoiceLine], strings s: Strings, width: Int) {
        // Line numbers right-aligned, so descriptions start in one column from line 10 on.
        let digits = String(lines.count).count
        let names = lines.enumerated().map { i, l in
            DocumentView.left("\(i + 1)", digits) + "  " + (l.isFreeText ? "*" : "") + l.description
                + (l.creditsLine.map { s.t(" (line \($0))", "（原第\($0)行）") } ?? "")
        }
        // (title, width, cells), each as wide as its title or widest cell (tryout s18: 11- and 12-cell minimums
        // for 6-cell figures left the description 17 cells at 80 columns); the order is the order on screen.
        var columns: [(title: String, width: Int, cells: [String])] = [
            (s.t("Qty", "数量"), lines.map { $0.isAllowance ? "" : $0.quantity.description }),
            (s.t("Price", "单价"), lines.map(\.unitPrice.groupedString)),
            (s.t("Disc", "折扣"), lines.map(\.discount.description)),
            (s.t("Tax", "税率"), lines.map(\.taxRate.description)),
            (s.t("Net", "金额"), lines.map(\.netAmount.groupedString)),
            (s.t("Tax", "税额"), lines.map(\.taxAmount.groupedString)),
        ].map { c in (c.0, max(DisplayWidth.of(c.0), c.1.map { DisplayWidth.of($0) }.max() ?? 0), c.1) }
        let nameTitle = DocumentView.left("#", digits) + "  " + s.t("Description", "品名")
        func nameWidth() -> Int { width - columns.reduce(0) { $0 + $1.width + 1 } }
        for droppable in [s.t("Disc", "折扣"), s.t("Tax", "税率")] where nameWidth() < 12 {
            if let i = columns.firstIndex(where: { $0.title == droppable }) { columns.remove(at: i) }
        }
        // As wide as the longest description, cut with "~" only when the screen is too narrow (tryout s18: cut
        // silently at 20 cells even at 200 columns, "Grandma's Boysenberr").
        let nameW = max(1, min(([nameTitle] + names).map { DisplayWidth.of($0) }.max() ?? 0, nameWidth()))
        header = TextFitting.fit(nameTitle, toWidth: nameW)
            + columns.map { " " + DocumentView.left($0.title, $0.width) }.joined()
        rows = names.indices.map { r in
            TextFitting.fit(names[r], toWidth: nameW)
                + columns.map { " " + DocumentView.left($0.cells[r], $0.width) }.joined()
        }
    }
}
