import Foundation
import LedgerCore
import TerminalUI

/// Notices writes by other programs (the CLI, another TUI) through the store's `LedgerChangeMonitor`, at most every
/// `interval` seconds, so what is on screen is at most about a second old (issue 12).
public struct ExternalChangeWatch {
    /// Seconds between two looks at the store.
    public var interval: TimeInterval = 0.5
    var lastCheck: Date = .distantPast
    var lastCounter: Int64?

    public init() {}
}

extension AppContext {
    /// True (and `dataVersion` bumped) when another connection committed since the last look.
    func pollExternalChanges(now: Date = Date()) -> Bool {
        guard let monitor = store as? LedgerChangeMonitor,
              now.timeIntervalSince(externalChanges.lastCheck) >= externalChanges.interval else { return false }
        externalChanges.lastCheck = now
        guard let counter = try? monitor.externalChangeCounter() else { return false }
        defer { externalChanges.lastCounter = counter }
        guard let last = externalChanges.lastCounter, last != counter else { return false }
        dataChanged()
        return true
    }
}

extension LedgerApp {
    /// Re-queries the screen on show when another program changed the ledger (the others re-query when shown).
    mutating func refreshIfChangedElsewhere() {
        if context.pollExternalChanges() { refresh(active) }
    }
}

extension LedgerApp {
    /// The "terminal too small" notice in the UI language.
    public var tooSmallText: (@Sendable (Size, Size) -> String)? {
        guard context.strings.zh else { return nil }
        return { minimum, size in
            "终端窗口太小：至少需要 \(minimum.width)×\(minimum.height)（当前 \(size.width)×\(size.height)），请放大窗口"
        }
    }
}
