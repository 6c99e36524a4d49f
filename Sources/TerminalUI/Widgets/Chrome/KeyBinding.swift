/// A key (or keys) with what it does now; lists of these feed the hint bar and the help overlay,
/// so the hints cannot drift from the keys actually handled.
public struct KeyBinding: Equatable, Sendable {
    /// Keys that trigger the action (the first is shown in the hint bar).
    public var keys: [Key]
    /// Short label for the hint bar, e.g. "Save".
    public var label: String
    /// Longer text for the help overlay.
    public var help: String

    public init(_ keys: [Key], _ label: String, help: String? = nil) {
        self.keys = keys
        self.label = label
        self.help = help ?? label
    }

    public init(_ key: Key, _ label: String, help: String? = nil) {
        self.init([key], label, help: help)
    }

    /// Whether `event` is a press of one of the keys.
    public func matches(_ event: Event) -> Bool {
        if case .key(let key) = event { return keys.contains(key) }
        return false
    }

    /// The keys as shown, e.g. `F2` or `Tab/S-Tab`.
    public var keyText: String { keys.map(\.description).joined(separator: "/") }
}
