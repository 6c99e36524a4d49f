@preconcurrency import CNcursesw
import TerminalUI
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

/// The real terminal backend over ncursesw: wide-character output (`setcchar`/`add_wch`), input
/// with `get_wch`, raw mode (Ctrl-C arrives as `Key.ctrl("c")`), a 25 ms Escape delay, colour pairs
/// per theme style (none when the theme is monochrome or the terminal has no colours),
/// bracketed paste, and `KEY_RESIZE` as `.resize`.
///
/// Create it with `make(theme:)`, which refuses unusable terminals; the `Runtime` calls `enter()`
/// and always `leave()`.
public final class NcursesBackend: TerminalBackend {
    /// The theme resolving cell styles to colours and attributes.
    public var theme: Theme { didSet { styleCache = [:] } }
    /// Whether Ctrl-Z suspends the program (like a shell job) instead of arriving as a key.
    public var suspendsOnControlZ = true
    /// Whether a UTF-8 locale is in effect (the environment's, or `C.UTF-8` forced for LC_CTYPE).
    /// Only false when no UTF-8 locale exists; the app may set it to false to force ASCII glyphs.
    public var supportsUnicode: Bool
    /// Whether the terminal has colours (known after `enter()`); without them the theme becomes `Theme.mono`.
    public private(set) var hasColors = false

    private var screen: OpaquePointer?
    private var isActive = false
    private var usesColor = false
    private var decoder = InputDecoder()
    private var queued: [Event] = []
    private var styleCache: [Style: (attr_t, Int16)] = [:]
    private var pairs: [ColorPairKey: Int16] = [:]
    private var quickErrors = 0

    private struct ColorPairKey: Hashable { var foreground: Int; var background: Int }

    private init(theme: Theme, screen: OpaquePointer, supportsUnicode: Bool) {
        self.theme = theme
        self.screen = screen
        self.supportsUnicode = supportsUnicode
    }

    /// Checks the terminal and opens it with `newterm` (never `initscr`, which exits by itself).
    /// Sets the locale from the environment; when its codeset is not UTF-8, forces `LC_CTYPE=C.UTF-8`.
    /// Installs the signal handlers (`SignalMonitor`) before ncurses, so ncurses keeps them.
    /// - Throws: `BackendError.unusableTerminal` naming the cause: stdin or stdout not a terminal,
    ///   TERM unset, `dumb`, unknown, or without cursor addressing.
    public static func make(theme: Theme) throws -> NcursesBackend {
        guard isatty(0) == 1 else { throw BackendError.unusableTerminal("standard input is not a terminal") }
        guard isatty(1) == 1 else { throw BackendError.unusableTerminal("standard output is not a terminal") }
        guard let term = getenv("TERM").map({ String(cString: $0) }), !term.isEmpty else {
            throw BackendError.unusableTerminal("TERM is not set")
        }
        guard term != "dumb" else {
            throw BackendError.unusableTerminal("TERM=dumb cannot show a full-screen interface")
        }
        let unicode = pinUTF8Locale()
        SignalMonitor.install()
        FatalSignalGuard.install()   // before ncurses changes the terminal: the settings to go back to
        guard let screen = sl_newterm(nil) else {
            throw BackendError.unusableTerminal("unknown terminal type TERM=\(term)")
        }
        guard sl_has_cursor_addressing() != 0 else {
            endwin()
            delscreen(screen)
            throw BackendError.unusableTerminal("TERM=\(term) has no cursor addressing")
        }
        endwin()   // newterm enters curses mode; `enter()` does it properly.
        // Backstop only: if code calls exit() while in curses mode, still give the terminal back.
        // The normal path is `Runtime.run` → `leave()`.
        atexit {
            if !isendwin() {
                sl_write_raw("\u{1B}[?2004l")
                endwin()
            }
        }
        return NcursesBackend(theme: theme, screen: screen, supportsUnicode: unicode)
    }

    /// `setlocale(LC_ALL, "")`; if the codeset is not UTF-8, `LC_CTYPE=C.UTF-8`. Returns whether UTF-8 is on.
    static func pinUTF8Locale() -> Bool {
        setlocale(LC_ALL, "")
        if isUTF8Codeset() { return true }
        setlocale(LC_CTYPE, "C.UTF-8")
        return isUTF8Codeset()
    }

    private static func isUTF8Codeset() -> Bool {
        guard let codeset = sl_codeset() else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    // MARK: - TerminalBackend

    public var size: Size { isActive ? Size(width: Int(sl_cols()), height: Int(sl_lines())) : .zero }

    public func enter() throws {
        guard !isActive, let screen else { return }
        set_term(screen)
        reset_prog_mode()
        refresh()
        raw()
        noecho()
        nonl()
        _ = sl_keypad_on()
        set_escdelay(25)
        _ = sl_timeout(100)
        curs_set(0)
        usesColor = false
        hasColors = has_colors()
        if hasColors, !theme.isMonochrome, start_color() == OK {
            use_default_colors()
            usesColor = true
        } else if !theme.isMonochrome {
            // No colours: a colour theme would lose its selection and focus marks; use mono's attributes.
            theme = .mono
        }
        styleCache = [:]
        pairs = [:]
        sl_write_raw("\u{1B}[?2004h")   // bracketed paste on
        isActive = true
        clear()
    }

    public func leave() {
        guard isActive else { return }
        isActive = false
        sl_write_raw("\u{1B}[?2004l")
        attrset(Int32(bitPattern: sl_a_normal()))
        curs_set(1)
        refresh()
        endwin()
    }

    /// Leaves curses mode, stops the process (SIGTSTP, like Ctrl-Z in a shell), and on `fg`
    /// re-enters and asks for a full repaint (`.resize` event with the current size).
    public func suspend() {
        leave()
        kill(getpid(), SIGTSTP)
        try? enter()
        queued.append(.resize(size))
    }

    public func draw(_ changes: [CellChange]) {
        guard isActive else { return }
        var text = [wchar_t](repeating: 0, count: 6)
        for change in changes {
            let cell = change.cell
            if cell.isContinuation { continue }
            var n = 0
            for scalar in cell.symbol.unicodeScalars where n < 5 {
                text[n] = wchar_t(bitPattern: scalar.value)
                n += 1
            }
            if n == 0 { text[0] = 0x20; n = 1 }
            text[n] = 0
            let (attrs, pair) = resolve(cell.style)
            _ = sl_put_cell(Int32(change.y), Int32(change.x), text, attrs, pair)
        }
    }

    public func clear() {
        guard isActive else { return }
        erase()
        clearok(sl_stdscr(), true)
    }

    public func setCursor(_ position: Point?) {
        guard isActive else { return }
        if let position {
            move(Int32(position.y), Int32(position.x))
            curs_set(1)
        } else {
            curs_set(0)
        }
    }

    public func flush() {
        guard isActive else { return }
        refresh()
    }

    public func nextEvent(timeoutMilliseconds: Int) throws -> Event? {
        if !queued.isEmpty { return queued.removeFirst() }
        // A paste (or an escape sequence) is read to its end before the app gets a tick and draws a frame (tryout
        // s19: a 10,000-character paste drew 10,000 frames and took a minute).
        while try readInput(timeoutMilliseconds: timeoutMilliseconds), queued.isEmpty, decoder.isPending {}
        return queued.isEmpty ? nil : queued.removeFirst()
    }

    /// Reads one input into `queued` (through the decoder); false when none came in time or it was not for the app.
    private func readInput(timeoutMilliseconds: Int) throws -> Bool {
        guard isActive else { throw BackendError.endOfInput }
        let wait = decoder.isPending ? 30 : max(0, timeoutMilliseconds)
        _ = sl_timeout(Int32(wait))
        let started = ContinuousClock.now
        var code: wint_t = 0
        let rc = sl_get_wch(&code)
        var raw: RawInput
        if rc == ERR {
            // ERR well before the timeout, again and again, means stdin is closed: stop, never spin.
            if wait > 0, ContinuousClock.now - started < .milliseconds(wait / 4) {
                quickErrors += 1
                if quickErrors >= 20 { throw BackendError.endOfInput }
            } else {
                quickErrors = 0
            }
            queued += decoder.feed(.timeout)
            return false
        }
        quickErrors = 0
        if rc == KEY_CODE_YES {
            guard let input = Self.decodeKeyCode(Int32(code), size: size) else { return false }
            raw = input
        } else {
            guard let scalar = Unicode.Scalar(UInt32(code)) else { return false }
            if suspendsOnControlZ, scalar.value == 0x1A, !decoder.isPending {
                suspend()
                return false
            }
            raw = .scalar(scalar)
        }
        queued += decoder.feed(raw)
        return true
    }

    // MARK: - Private

    /// Maps an ncurses key code to raw input; nil for keys the toolkit does not use.
    static func decodeKeyCode(_ code: Int32, size: Size) -> RawInput? {
        switch code {
        case KEY_RESIZE: return .resize(size)
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_BTAB: return .key(.backTab)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_IC: return .key(.insert)
        case (KEY_F0 + 1)...(KEY_F0 + 12): return .key(.function(Int(code - KEY_F0)))
        default: return nil
        }
    }

    private func resolve(_ style: Style) -> (attr_t, Int16) {
        if let cached = styleCache[style] { return cached }
        let look = theme.appearance(of: style)
        var attrs = sl_a_normal()
        if look.attributes.contains(.bold) { attrs |= sl_a_bold() }
        if look.attributes.contains(.underline) { attrs |= sl_a_underline() }
        if look.attributes.contains(.reverse) { attrs |= sl_a_reverse() }
        if look.attributes.contains(.dim) { attrs |= sl_a_dim() }
        if look.attributes.contains(.italic) { attrs |= sl_a_italic() }
        var pair: Int16 = 0
        if usesColor {
            let colors = Int(sl_colors())
            let key = ColorPairKey(foreground: look.foreground.paletteNumber(colorCount: colors),
                                   background: look.background.paletteNumber(colorCount: colors))
            if key.foreground != -1 || key.background != -1 {
                if let existing = pairs[key] {
                    pair = existing
                } else if pairs.count + 1 < Int(min(sl_color_pairs(), 32767)) {
                    pair = Int16(pairs.count + 1)
                    init_pair(pair, Int16(key.foreground), Int16(key.background))
                    pairs[key] = pair
                }
            }
        }
        styleCache[style] = (attrs, pair)
        return (attrs, pair)
    }
}
