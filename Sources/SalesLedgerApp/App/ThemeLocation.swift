import Foundation

/// Where the `themes/` folder is: `--themes-dir`, `$SALESLEDGER_THEMES`, `./themes`, or beside the build
/// folder of the executable (`.build/<config>/salesledger` → `themes/` at the repository root).
public enum ThemeLocation {
    public static func directory(option: String?,
                                 environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let option { return option }
        if let fromEnvironment = environment["SALESLEDGER_THEMES"] { return fromEnvironment }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        let candidates = ["themes", executable.appendingPathComponent("../../../themes").standardized.path,
                          executable.appendingPathComponent("../../themes").standardized.path,
                          executable.appendingPathComponent("../share/salesledger/themes").standardized.path]
        return candidates.first {
            FileManager.default.fileExists(atPath: ($0 as NSString).appendingPathComponent("default.toml"))
        } ?? "themes"
    }
}
