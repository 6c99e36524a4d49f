import Foundation

extension AppContext {
    /// Writes `text` to `salesledger-<name>` in the output folder (mode 0600); the message names the file, the
    /// error says it cannot be written.
    func export(_ text: String, name: String) -> ScreenOutcome {
        let path = exportPath(name: name)
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            return .error(strings.t("cannot write \(path)", "无法写入 \(path)"))
        }
        return .message("\(strings.exported) \(path)")
    }

    /// The full path `export(_:name:)` writes: `salesledger-<name>` in the output folder (absolute).
    func exportPath(name: String) -> String {
        let folder = outputDirectory
        let absolute = folder.hasPrefix("/") ? folder : FileManager.default.currentDirectoryPath + "/" + folder
        return URL(fileURLWithPath: absolute).standardizedFileURL.path + "/salesledger-\(name)"
    }
}
