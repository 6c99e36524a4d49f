import Foundation

/// Where the shipped sample data sets live: the `SampleData` resource folder of this module, found next to
/// the executable (SwiftPM's `SalesLedger_LedgerInterop.resources`), or `SALESLEDGER_SAMPLE_DIR`.
/// Looked up without `Bundle.module`, whose accessor traps when the bundle is missing.
public enum SampleDataLocation {
    public static func directory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let fm = FileManager.default
        if let dir = environment["SALESLEDGER_SAMPLE_DIR"], fm.fileExists(atPath: dir) { return dir }
        var candidates: [URL] = []
        if let exe = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent() {
            candidates.append(exe)
            candidates.append(exe.deletingLastPathComponent())
        }
        candidates.append(Bundle.main.bundleURL)
        for base in candidates {
            for bundle in ["SalesLedger_LedgerInterop.resources", "SalesLedger_LedgerInterop.bundle"] {
                let dir = base.appendingPathComponent(bundle).appendingPathComponent("SampleData").path
                if fm.fileExists(atPath: dir) { return dir }
            }
        }
        return nil
    }

    /// Path of `file` in data set `set`, e.g. (`northwind`, `orders.csv`).
    public static func path(_ set: String, _ file: String) throws -> String {
        guard let dir = directory() else {
            throw InteropError(source: "sample data", message: "the SampleData folder was not found next to the "
                               + "program; set SALESLEDGER_SAMPLE_DIR to it (Sources/LedgerInterop/SampleData)")
        }
        return "\(dir)/\(set)/\(file)"
    }
}
