import Foundation

/// Progress of a long load on stderr: on a terminal one line rewritten in place (at most ten times a second);
/// otherwise plain lines, one per phase per tenth done, so logs stay readable.
final class LoadProgress {
    private let label: String
    private let tty = isatty(STDERR_FILENO) == 1
    private var lastDraw = Date.distantPast
    private var lastTenth: [String: Int] = [:]
    private var drewLine = false

    init(label: String) { self.label = label }

    func report(_ phase: String, _ done: Int, _ total: Int) {
        let percent = total > 0 ? done * 100 / total : 100
        let text = "salesledger: \(label): \(phase) \(done)/\(total) (\(percent) %)"
        if tty {
            let now = Date()
            guard done >= total || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
            lastDraw = now
            drewLine = true
            FileHandle.standardError.write(Data(("\r\u{1B}[2K" + text).utf8))
        } else {
            let tenth = total > 0 ? done * 10 / total : 10
            guard tenth != lastTenth[phase] else { return }
            lastTenth[phase] = tenth
            FileHandle.standardError.write(Data((text + "\n").utf8))
        }
    }

    /// Ends the in-place line (a terminal); nothing otherwise.
    func finish() {
        if tty && drewLine { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
}
