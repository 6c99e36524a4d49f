import CSV
import Foundation

/// Writes RFC 4180 CSV text (UTF-8, LF line ends) with yaslab/CSV.swift.
public enum CSVOutput {
    public static func render(header: [String], rows: [[String]]) -> String {
        let stream = OutputStream(toMemory: ())
        do {
            let writer = try CSVWriter(stream: stream)
            try writer.write(row: header)
            for row in rows { try writer.write(row: row) }
            writer.stream.close()
            guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else { return "" }
            return String(decoding: data, as: UTF8.self) + "\n"
        } catch {
            return ""
        }
    }
}
