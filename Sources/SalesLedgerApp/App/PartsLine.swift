import TerminalUI

/// Lines made of whole parts (`label: figure`), so a figure is never cut by the ellipsis (issue 12): parts that do
/// not fit go to the next line, or are left out when there is no next line.
enum PartsLine {
    /// Up to `maxLines` lines of whole parts joined by `separator`, each at most `width` cells. A single part
    /// wider than `width` still gets a line of its own (the caller's `setFitted` cuts only that one).
    static func wrap(_ parts: [String], width: Int, maxLines: Int = 2, separator: String = "   ") -> [String] {
        var lines: [String] = []
        var current = ""
        for part in parts where !part.isEmpty {
            let candidate = current.isEmpty ? part : current + separator + part
            if DisplayWidth.of(candidate) <= width || current.isEmpty {
                current = candidate
            } else {
                lines.append(current)
                if lines.count == maxLines { return lines }
                current = part
            }
        }
        if !current.isEmpty && lines.count < maxLines { lines.append(current) }
        return lines
    }

    /// One line of whole parts in their order; while it is wider than `width`, the part with the highest `rank`
    /// (the least important; the last of equal ranks first) is left out.
    static func fit(ranked parts: [(text: String, rank: Int)], width: Int, separator: String = "  ") -> String {
        var kept = parts.filter { !$0.text.isEmpty }
        func joined() -> String { kept.map(\.text).joined(separator: separator) }
        while kept.count > 1, DisplayWidth.of(joined()) > width,
              let drop = kept.indices.max(by: {
                  kept[$0].rank < kept[$1].rank || (kept[$0].rank == kept[$1].rank && $0 > $1)
              }) {
            kept.remove(at: drop)
        }
        return joined()
    }

    /// Up to `maxLines` lines of whole parts in their order (`wrap`); while they need more lines, the part with the
    /// highest `rank` (the least important; the last of equal ranks first) is left out.
    static func wrap(ranked parts: [(text: String, rank: Int)], width: Int, maxLines: Int,
                     separator: String = "  ") -> [String] {
        var kept = parts.filter { !$0.text.isEmpty }
        func lines() -> [String] { wrap(kept.map(\.text), width: width, maxLines: .max, separator: separator) }
        while kept.count > 1, lines().count > maxLines,
              let drop = kept.indices.max(by: {
                  kept[$0].rank < kept[$1].rank || (kept[$0].rank == kept[$1].rank && $0 > $1)
              }) {
            kept.remove(at: drop)
        }
        return Array(lines().prefix(maxLines))
    }

    /// The parts that fit on one line, whole.
    static func fit(_ parts: [String], width: Int, separator: String = "   ") -> String {
        wrap(parts, width: width, maxLines: 1, separator: separator).first ?? ""
    }
}
