import TerminalUI

/// The screen tab bar's titles at a given width (issues 12 and 14): every function-key tab stays visible and
/// reachable, whatever the width, by narrowing labels before anything is dropped:
/// 1. full titles (`F5 Receivables`) with padding; 2. the same without padding;
/// 3. short labels for the other tabs (`F5 A/R`, `F5 应收`); 4. the key alone (`F8`) for the other tabs, widest
///    first; 5. the active tab's short label, then its key. A title is never cut.
struct ScreenTabs {
    var full: [String]
    var short: [String]
    var keys: [String]
    var selected: Int

    init(keys: [String], full: [String], short: [String], selected: Int) {
        self.keys = keys
        self.full = zip(keys, full).map { "\($0) \($1)" }
        self.short = zip(keys, short).map { "\($0) \($1)" }
        self.selected = selected
    }

    /// The tab bar to draw in `width` cells.
    func bar(width: Int) -> TabBar {
        var bar = TabBar(titles: full, selected: selected)
        if TabBar.width(of: full) <= width { return bar }
        bar.padding = 0
        if TabBar.width(of: full, padding: 0) <= width { return bar }
        var titles = full.indices.map { $0 == selected ? full[$0] : short[$0] }
        var level = full.indices.map { $0 == selected ? 0 : 1 }
        while TabBar.width(of: titles, padding: 0) > width {
            let others = titles.indices.filter { $0 != selected && level[$0] < 2 }
            if let widest = others.max(by: { DisplayWidth.of(titles[$0]) < DisplayWidth.of(titles[$1]) }) {
                titles[widest] = keys[widest]
                level[widest] = 2
            } else if level[selected] < 2 {
                level[selected] += 1
                titles[selected] = level[selected] == 1 ? short[selected] : keys[selected]
            } else {
                break
            }
        }
        bar.titles = titles
        return bar
    }
}

extension Strings {
    /// Short tab labels for narrow terminals, in screen order.
    var shortScreenNames: [String] {
        zh ? ["销售", "客户", "应收", "图表", "报表", "商品", "单据", "审计"]
           : ["Sales", "Cust.", "A/R", "Chart", "Rep.", "Prod.", "Docs", "Audit"]
    }
}
