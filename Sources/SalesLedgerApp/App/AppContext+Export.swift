import Foundation

extension AppContext {
    /// The default path of an export (`ExportPrompt` asks for the path, prefilled with it): `salesledger-<name>` in
    /// the output folder (absolute).
    func exportPath(name: String) -> String {
        let folder = outputDirectory
        let absolute = folder.hasPrefix("/") ? folder : FileManager.default.currentDirectoryPath + "/" + folder
        return URL(fileURLWithPath: absolute).standardizedFileURL.path + "/salesledger-\(name)"
    }
}
