import Foundation

/// Progress of a long load or import on stderr (issue 15: any import or export over a second). On a terminal one
/// line with a bar, rewritten in place (at most ten times a second); otherwise plain lines, one per phase per tenth
/// done, so logs stay readable. Nothing is shown during the first `quietSeconds`. In Chinese (`CLIChinese.isOn`) the
/// label, the phase and the unit are Chinese (`ProgressWords`); the numbers and the bar are the same.
final class LoadProgress {
    /// What the counts count: items (the phase's word says which), rows, bytes (as MB), days (a day-by-day pass).
    enum Unit { case items, rows, bytes, days }
    private let label: String
    private let tty = isatty(STDERR_FILENO) == 1
    private let started = Date()
    private let quietSeconds: Double
    private var lastDraw = Date.distantPast
    private var lastTenth: [String: Int] = [:]
    private var drewLine = false

    init(label: String, quietSeconds: Double = 0) {
        self.label = label
        // SALESLEDGER_PROGRESS_AFTER=SECONDS overrides the quiet time (tests show progress on small inputs).
        self.quietSeconds = ProcessInfo.processInfo.environment["SALESLEDGER_PROGRESS_AFTER"].flatMap(Double.init)
            ?? quietSeconds
    }

    /// The bar: 20 cells, `#` done, `-` to do.
    static func bar(_ done: Int, _ total: Int, width: Int = 20) -> String {
        let filled = total > 0 ? min(width, done * width / total) : width
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]"
    }

    func report(_ phase: String, _ done: Int, _ total: Int, unit: Unit = .items) {
        let now = Date()
        guard now.timeIntervalSince(started) >= quietSeconds else { return }
        let percent = total > 0 ? min(100, done * 100 / total) : 100
        let amount: String
        switch unit {
        case .items: amount = "\(done)/\(total)"
        case .rows: amount = "\(done)/\(total) " + ProgressWords.word("rows")
        case .days: amount = "\(done)/\(total) " + ProgressWords.word("days")
        case .bytes: amount = String(format: "%.1f/%.1f MB", Double(done) / 1_048_576, Double(total) / 1_048_576)
        }
        if tty {
            guard done >= total || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
            lastDraw = now
            drewLine = true
            let text = "salesledger: \(ProgressWords.word(label)): \(ProgressWords.word(phase)) "
                + "\(Self.bar(done, total)) \(percent) % \(amount)"
            FileHandle.standardError.write(Data(("\r\u{1B}[2K" + text).utf8))
        } else {
            let tenth = total > 0 ? done * 10 / total : 10
            guard tenth != lastTenth[phase] else { return }
            lastTenth[phase] = tenth
            let text = "salesledger: \(ProgressWords.word(label)): \(ProgressWords.word(phase)) \(amount) "
                + "(\(percent) %)\n"
            FileHandle.standardError.write(Data(text.utf8))
        }
    }

    /// Ends the in-place line (a terminal); nothing otherwise.
    func finish() {
        if tty && drewLine { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
}
