/// A colour theme: semantic roles → appearance. Widgets never see colours; backends resolve a
/// cell's `Style` through `appearance(of:)`.
public struct Theme: Hashable, Sendable {
    /// The theme's name (file name without `.toml`).
    public var name: String
    /// Appearance per role; a missing role falls back to `text` (and series roles to `accent`).
    public var roles: [StyleRole: RoleAppearance]
    /// Whether the theme uses attributes only (no colours).
    public var isMonochrome: Bool

    public init(name: String, roles: [StyleRole: RoleAppearance], isMonochrome: Bool = false) {
        self.name = name
        self.roles = roles
        self.isMonochrome = isMonochrome
    }

    /// The appearance of a cell style: the role's, plus the style's own attributes.
    public func appearance(of style: Style) -> RoleAppearance {
        var base = roles[style.role] ?? fallback(for: style.role)
        base.attributes.formUnion(style.attributes)
        if isMonochrome { base.foreground = .default; base.background = .default }
        return base
    }

    private func fallback(for role: StyleRole) -> RoleAppearance {
        if case .series = role, let accent = roles[.accent] { return accent }
        return roles[.text] ?? RoleAppearance()
    }

    /// The built-in default theme (used when no theme file can be read).
    public static let builtInDefault = Theme(name: "default", roles: [
        .text: RoleAppearance(),
        .muted: RoleAppearance(foreground: .ansi(8)),
        .accent: RoleAppearance(foreground: .ansi(6), attributes: .bold),
        .selection: RoleAppearance(foreground: .ansi(0), background: .ansi(6)),
        .error: RoleAppearance(foreground: .ansi(1), attributes: .bold),
        .warning: RoleAppearance(foreground: .ansi(3), attributes: .bold),
        .ok: RoleAppearance(foreground: .ansi(2)),
        .overdue: RoleAppearance(foreground: .ansi(1)),
        .header: RoleAppearance(foreground: .ansi(4), attributes: .bold),
        .border: RoleAppearance(foreground: .ansi(8)),
        .title: RoleAppearance(attributes: .bold),
        .hintKey: RoleAppearance(foreground: .ansi(0), background: .ansi(6)),
        .hintText: RoleAppearance(),
        .input: RoleAppearance(attributes: .underline),
        .inputFocused: RoleAppearance(foreground: .ansi(0), background: .ansi(7)),
        .tabActive: RoleAppearance(foreground: .ansi(0), background: .ansi(6), attributes: .bold),
        .tabInactive: RoleAppearance(foreground: .ansi(8)),
        .dialog: RoleAppearance(foreground: .ansi(0), background: .ansi(7)),
        .series(1): RoleAppearance(foreground: .ansi(4)),
        .series(2): RoleAppearance(foreground: .ansi(2)),
        .series(3): RoleAppearance(foreground: .ansi(3)),
        .series(4): RoleAppearance(foreground: .ansi(5)),
        .series(5): RoleAppearance(foreground: .ansi(1)),
        .series(6): RoleAppearance(foreground: .ansi(6)),
        .series(7): RoleAppearance(foreground: .ansi(12)),
        .series(8): RoleAppearance(foreground: .ansi(10)),
    ])

    /// The built-in monochrome theme: attributes only (for `NO_COLOR` and terminals without colour).
    public static let mono = Theme(name: "mono", roles: [
        .text: RoleAppearance(),
        .muted: RoleAppearance(attributes: .dim),
        .accent: RoleAppearance(attributes: .bold),
        .selection: RoleAppearance(attributes: .reverse),
        .error: RoleAppearance(attributes: [.bold, .underline]),
        .warning: RoleAppearance(attributes: .bold),
        .ok: RoleAppearance(),
        .overdue: RoleAppearance(attributes: .underline),
        .header: RoleAppearance(attributes: [.bold, .underline]),
        .title: RoleAppearance(attributes: .bold),
        .hintKey: RoleAppearance(attributes: .reverse),
        .input: RoleAppearance(attributes: .underline),
        .inputFocused: RoleAppearance(attributes: .reverse),
        .tabActive: RoleAppearance(attributes: [.reverse, .bold]),
        .tabInactive: RoleAppearance(),
        .dialog: RoleAppearance(),
        .border: RoleAppearance(),
        .hintText: RoleAppearance(),
    ].merging((1...StyleRole.seriesCount).map { (StyleRole.series($0), RoleAppearance()) }) { first, _ in first },
    isMonochrome: true)
}
