import TerminalUI

/// A screen whose keys depend on what is shown: a key that acts on the selected row does nothing on an empty list,
/// so the hint bar leaves it out (issue 11: the hint bar shows only keys that work). The help overlay (F1) and the
/// README still list every key of the screen.
protocol HintAvailability {
    /// Whether `binding` does something now.
    func isAvailable(_ binding: KeyBinding) -> Bool
}

extension KeyBinding {
    /// Whether the binding is one of `keys`.
    func uses(_ keys: Key...) -> Bool { self.keys.contains { keys.contains($0) } }
}

extension SalesEntryScreen: HintAvailability {
    func isAvailable(_ binding: KeyBinding) -> Bool {
        guard prompt == nil, draftsPanel == nil, modals.isEmpty else { return true }
        guard isInList else { return !todays.isEmpty || !binding.uses(.ctrl("l")) }
        let row = todays.indices.contains(list.selectedRow) ? todays[list.selectedRow] : nil
        if binding.uses(.char("v")) { return row?.status == .posted }
        if binding.uses(.char("c"), .char("f")) { return row?.status == .posted && row?.kind == .invoice }
        return true
    }
}
